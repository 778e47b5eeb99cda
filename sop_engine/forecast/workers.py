"""Worker processes forked by this process (statsforecast's pools) die with it, even when it is killed
with SIGKILL: an orphaned pool worker would otherwise wait for tasks forever, holding its memory.

On Linux every forked child asks the kernel for SIGKILL when its parent dies (``PR_SET_PDEATHSIG``) and
exits at once if the parent is already gone. Elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
_forking = {"pid": 0}


def _before_fork() -> None:
    _forking["pid"] = os.getpid()


def _in_child() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):
        return
    if os.getppid() != _forking["pid"]:  # the parent died between fork and prctl
        os._exit(1)


if sys.platform.startswith("linux"):
    os.register_at_fork(before=_before_fork, after_in_child=_in_child)
