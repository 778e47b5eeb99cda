"""Background jobs (re-forecasts): a queue in the plan store, run by worker processes.

The server never forecasts in its own process: ``Jobs`` (one supervisor thread per server process)
claims queued jobs from the store and runs each in a fresh worker process (a new interpreter,
``assistant.http.job_worker``, started in a session and process group of its own, with default signal
handling). statsforecast's pool is forked from that worker, never from
uvicorn; cancelling or stopping a job stops the worker's whole group, pool included. A worker whose
server dies stops itself. Status and progress live in the store (``sop_engine.store.jobs``), so any
server process answers for any job.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time

from assistant.settings import Settings
from sop_engine.errors import SopError
from sop_engine.store import jobs as store_jobs
from tools.base import check_role, error_result
from tools.context import ToolContext

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5
STOP_GRACE_SECONDS = 5.0


class Jobs:
    def __init__(self, runtime) -> None:
        self.runtime = runtime
        self.settings: Settings = runtime.settings
        self.host = socket.gethostname()
        self.runner = f"{self.host}:{os.getpid()}"
        self._workers: dict[str, subprocess.Popen] = {}
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def store(self):
        return self.runtime.store

    # --- the public side: start, read, cancel ---------------------------------------------------------

    def submit(self, kind: str, arguments: dict, principal: str, role: str) -> dict:
        """Queue a job (``Busy`` when the queue or the principal's share is full)."""
        job = store_jobs.enqueue(self.store, kind, arguments, principal=principal, role=role,
                                 queue_max=self.settings.job_queue_max,
                                 per_principal=self.settings.job_per_principal, workers=self.settings.job_workers)
        self._wake.set()
        return job

    def get(self, job_id: str) -> dict:
        return store_jobs.get_job(self.store, job_id)

    def cancel(self, job_id: str, principal: str, role: str) -> dict:
        job = store_jobs.cancel(self.store, job_id, principal=principal, role=role)
        self._wake.set()
        return job

    def run_and_wait(self, kind: str, arguments: dict, ctx: ToolContext) -> dict:
        """For a chat turn: run the tool as a job and wait for it, passing its progress on."""
        try:
            check_role(kind, ctx.role)  # a viewer's request never takes a place in the queue
            job = self.submit(kind, arguments, ctx.principal, ctx.role)
        except SopError as error:
            return error_result(error)
        seen = None
        while True:
            job = self.get(job["id"])
            step = (job["progress"]["done"], job["progress"]["total"], job["progress"]["stage"])
            if ctx.progress and job["status"] in ("running", "done") and step[1] and step != seen:
                if seen is None and step[0]:
                    ctx.progress(0, step[1], "started")  # a quick job: its start, then where it is
                ctx.progress(*step)  # the last step too, once the job is done
                seen = step
            if job["status"] == "done":
                return {**job["result"], "job_id": job["id"]}
            if job["status"] in store_jobs.FINAL:
                error = job["error"] or {"code": job["status"], "message": f"job {job['id']} was {job['status']}",
                                         "details": []}
                return {"error": error, "job_id": job["id"]}
            if self._stopping.is_set():
                return {"error": {"code": "interrupted", "message": f"the server is stopping; job {job['id']} "
                                  "stays queued and runs when it is back", "details": []}, "job_id": job["id"]}
            time.sleep(0.25)

    # --- the supervisor --------------------------------------------------------------------------------

    def start(self) -> None:
        interrupted = store_jobs.interrupt_orphans(self.store, self.host)
        if interrupted:
            log.warning("%d job(s) of a stopped server marked interrupted", interrupted)
        self._stopping.clear()
        self._thread = threading.Thread(target=self._supervise, name="job-supervisor", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop supervising: running workers are stopped and their jobs marked ``interrupted``."""
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(30)
        for job_id, worker in list(self._workers.items()):
            _stop_group(worker)
            self._workers.pop(job_id, None)
            store_jobs.interrupt(self.store, [job_id], "the server stopped while this job ran; start it again")

    def _supervise(self) -> None:
        while not self._stopping.is_set():
            try:
                self._tick()
            except Exception:  # the supervisor must outlive a bad moment of the store
                log.exception("job supervisor")
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    def _tick(self) -> None:
        for job_id, worker in list(self._workers.items()):
            if worker.poll() is not None:
                store_jobs.worker_stopped(self.store, job_id, worker.returncode)
                del self._workers[job_id]
            elif store_jobs.status_of(self.store, job_id) != "running":  # cancelled (by any server process)
                _stop_group(worker)
                del self._workers[job_id]
        while not self._stopping.is_set():
            job = store_jobs.claim_next(self.store, self.runner, self.settings.job_workers)
            if job is None:
                return
            worker = start_worker(self.settings, job["id"])
            store_jobs.set_worker(self.store, job["id"], worker.pid)
            self._workers[job["id"]] = worker


def _stop_group(worker) -> None:
    """SIGTERM the worker's process group (the worker and its pool), then SIGKILL whatever is left in it.

    The group is named after the worker and outlives it while a process of its pool lives."""
    for number in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(worker.pid, number)
        except ProcessLookupError:
            pass
        try:
            worker.wait(STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass


def start_worker(settings: Settings, job_id: str) -> subprocess.Popen:
    """A new interpreter running ``job_id``, in a new session (so a process group of its own from the
    first instruction), importing the same code as this process. The settings reach it on stdin, never
    on its command line."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    worker = subprocess.Popen(
        [sys.executable, "-m", "assistant.http.job_worker", job_id, str(os.getpid())],
        stdin=subprocess.PIPE, start_new_session=True, close_fds=True, env=env)
    assert worker.stdin is not None
    try:
        worker.stdin.write(settings.model_dump_json().encode())
        worker.stdin.close()
    except BrokenPipeError:  # it died at once: the supervisor's next look marks the job failed
        pass
    return worker
