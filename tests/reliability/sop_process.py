"""The real ``sop`` executable as a child process in its own process group, its stderr read line by line, so
that a test can kill it (SIGKILL) at the moment it reports a stage, and then look for processes it left."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

SOP = str(Path(sys.executable).with_name("sop"))
TIMEOUT = 600  # seconds a stage may take on a busy 2-core machine before the test gives up


def run_json(*args: str) -> dict:
    """``sop ARGS --json`` to completion: its document (it must succeed)."""
    done = subprocess.run([SOP, *args, "--json"], capture_output=True, text=True, env=dict(os.environ),
                          timeout=TIMEOUT)
    assert done.returncode == 0, (args, done.returncode, done.stdout[-2000:], done.stderr[-2000:])
    assert "Traceback" not in done.stderr, done.stderr
    return json.loads(done.stdout)


class SopProcess:
    def __init__(self, *args: str) -> None:
        self.args = args
        self._stdout = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([SOP, *args], stdout=self._stdout, stderr=subprocess.PIPE, text=True,
                                     env=dict(os.environ), start_new_session=True)
        self.stderr: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.children: set[int] = set()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def wait_for(self, stage: str) -> str:
        """Block until the command prints ``progress: <stage>...`` on stderr; the line."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                line = self._lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"sop {' '.join(self.args)}: no 'progress: {stage}' within {TIMEOUT} s") from None
            if line is None:
                raise AssertionError(f"sop {' '.join(self.args)} ended (exit {self.proc.wait()}) before "
                                     f"'progress: {stage}'; stderr:\n{''.join(self.stderr)[-3000:]}")
            if line.startswith(f"progress: {stage}"):
                return line.strip()

    def wait_for_workers(self) -> set[int]:
        """After a stage that starts a worker pool: block until the command has child processes; their pids."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                children = {c.pid for c in psutil.Process(self.proc.pid).children(recursive=True)}
            except psutil.NoSuchProcess:
                break
            if children:
                return children
            time.sleep(0.01)
        raise AssertionError(f"sop {' '.join(self.args)} started no worker processes")

    def kill(self) -> int:
        """SIGKILL the command itself (not its group: what the OOM killer or ``kill -9 PID`` does); its exit code."""
        try:
            self.children = {c.pid for c in psutil.Process(self.proc.pid).children(recursive=True)}
        except psutil.NoSuchProcess:
            pass
        try:
            os.kill(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = self.proc.wait(60)
        self._reader.join(60)
        return code

    def survivors(self, grace: float = 10.0) -> list[str]:
        """Processes of the killed command (its children, or its process group) still running after ``grace``
        seconds (polled); they are killed afterwards so that a failing test leaves nothing behind."""
        deadline = time.monotonic() + grace
        while True:
            alive = [p for p in self._group() if _running(p)]
            if not alive or time.monotonic() > deadline:
                break
            time.sleep(0.2)  # polling for the workers to notice; not what triggers the kill
        found = [f"{p.pid} {' '.join(p.cmdline())[:120]}" for p in alive if _running(p)]
        for p in alive:
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        return found

    def _group(self) -> list[psutil.Process]:
        out = []
        for p in psutil.process_iter():
            try:
                if p.pid in self.children or os.getpgid(p.pid) == self.proc.pid:
                    out.append(p)
            except (ProcessLookupError, psutil.NoSuchProcess, PermissionError):
                continue
        return out

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        self._stdout.close()


def _running(p: psutil.Process) -> bool:
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
