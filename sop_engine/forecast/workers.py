"""Worker processes that statsforecast forks while a forecast runs die with the process that forked them,
even when it is killed with SIGKILL: an orphaned pool worker would otherwise wait for tasks forever,
holding its memory.

``@dying_with_parent`` marks the calls that start pools (``run_models``, ``cross_validate``): on Linux a
child forked by the thread inside one asks the kernel for SIGKILL when its parent dies
(``PR_SET_PDEATHSIG``) and exits at once if the parent is already gone. Other forks (and other systems)
are left alone.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1
_local = threading.local()
_forking = {"pid": 0, "on": False}


@contextmanager
def dying_with_parent():
    previous = getattr(_local, "on", False)
    _local.on = True
    try:
        yield
    finally:
        _local.on = previous


def _before_fork() -> None:
    _forking["pid"] = os.getpid()
    _forking["on"] = getattr(_local, "on", False)


def _in_child() -> None:
    if not _forking["on"] or _prctl is None:
        return
    if _prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
        return
    if os.getppid() != _forking["pid"]:  # the parent died between fork and prctl
        os._exit(1)


_prctl = None
if sys.platform.startswith("linux"):
    try:
        _prctl = ctypes.CDLL(None, use_errno=True).prctl  # looked up here: no dlopen in a forked child
    except (OSError, AttributeError):
        _prctl = None
    if _prctl is not None:
        os.register_at_fork(before=_before_fork, after_in_child=_in_child)
