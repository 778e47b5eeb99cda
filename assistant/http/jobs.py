"""Background jobs (re-forecasts): a queue in the plan store, run by worker processes.

The server never forecasts in its own process: ``Jobs`` (one supervisor thread per server process)
claims queued jobs from the store and runs each in a fresh *spawned* worker process, in a process group
of its own, with default signal handling. statsforecast's pool is forked from that worker, never from
uvicorn; cancelling or stopping a job stops the worker's whole group, pool included. A worker whose
server dies stops itself. Status and progress live in the store (``sop_engine.store.jobs``), so any
server process answers for any job.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
import time

from assistant.settings import Settings
from sop_engine.errors import SopError
from sop_engine.store import jobs as store_jobs
from tools.base import error_result
from tools.context import ToolContext

log = logging.getLogger(__name__)

SPAWN = multiprocessing.get_context("spawn")
POLL_SECONDS = 0.5
STOP_GRACE_SECONDS = 5.0
PROGRESS_EVERY_SECONDS = 0.5


class Jobs:
    def __init__(self, runtime) -> None:
        self.runtime = runtime
        self.settings: Settings = runtime.settings
        self.host = socket.gethostname()
        self.runner = f"{self.host}:{os.getpid()}"
        self._workers: dict[str, multiprocessing.process.BaseProcess] = {}
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
            job = self.submit(kind, arguments, ctx.principal, ctx.role)
        except SopError as error:
            return error_result(error)
        seen = None
        while True:
            job = self.get(job["id"])
            step = (job["progress"]["done"], job["progress"]["total"], job["progress"]["stage"])
            if ctx.progress and job["status"] in ("running", "done") and step[1] and step != seen:
                ctx.progress(*step)  # the last step too, once the job is done
                seen = step
            if job["status"] == "done":
                return {**job["result"], "job_id": job["id"]}
            if job["status"] in store_jobs.FINAL:
                error = job["error"] or {"code": job["status"], "message": f"job {job['id']} was {job['status']}",
                                         "details": []}
                return {"error": error, "job_id": job["id"]}
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
            if not worker.is_alive():
                worker.join()
                store_jobs.worker_stopped(self.store, job_id, worker.exitcode)
                del self._workers[job_id]
            elif store_jobs.status_of(self.store, job_id) != "running":  # cancelled (by any server process)
                _stop_group(worker)
                del self._workers[job_id]
        while not self._stopping.is_set():
            job = store_jobs.claim_next(self.store, self.runner, self.settings.job_workers)
            if job is None:
                return
            worker = SPAWN.Process(target=run_worker, args=(self.settings, job["id"], os.getpid()),
                                   name=f"sop-job-{job['id']}")
            worker.start()
            store_jobs.set_worker(self.store, job["id"], worker.pid)
            self._workers[job["id"]] = worker


def _stop_group(worker) -> None:
    """SIGTERM the worker's process group (the worker and its pool), SIGKILL what is left after a grace."""
    for number in (signal.SIGTERM, signal.SIGKILL):
        _signal_group(worker.pid, number)
        worker.join(STOP_GRACE_SECONDS)


def _signal_group(pid: int, number: int) -> None:
    try:
        os.killpg(pid, number)  # the group is named after the worker, and outlives it while its pool lives
    except ProcessLookupError:
        try:
            os.kill(pid, number)  # stopped so early that it has no group of its own yet
        except ProcessLookupError:
            pass


# --- the worker process ---------------------------------------------------------------------------


def run_worker(settings: Settings, job_id: str, server_pid: int) -> None:
    """A job's worker process: its own process group, default signals, stops with its server."""
    os.setpgid(0, 0)
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    threading.Thread(target=_watch_server, args=(server_pid,), daemon=True).start()

    from assistant.conversation import Assistant
    from assistant.runtime import Runtime
    from tools.base import run_tool

    runtime = Runtime(settings)
    store = runtime.store
    job = store_jobs.get_job(store, job_id)
    last = [0.0]

    def progress(done: int, total: int, stage: str) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS or (total and done >= total):
            store_jobs.report_progress(store, job_id, done, total, stage)
            last[0] = now

    store_jobs.report_progress(store, job_id, 0, 0, "running")
    ctx = Assistant(runtime).context(job["requested_by"], store_jobs.role_of(store, job_id), progress=progress)
    store_jobs.guard_saves(store, job_id)
    result = run_tool(job["kind"], job["arguments"], ctx)
    store_jobs.finish(store, job_id, result)
    store.engine.dispose()


def _watch_server(server_pid: int) -> None:
    """When the server is gone (the worker is re-parented), stop this worker's group, pool included."""
    while os.getppid() == server_pid:
        time.sleep(1.0)
    os.killpg(0, signal.SIGKILL)
