"""A job's worker process: ``python -m assistant.http.job_worker JOB_ID SERVER_PID`` (settings as JSON on
stdin). Started by ``assistant.http.jobs.Jobs`` in a session of its own, with default signal handling;
it runs the job's tool, writes progress and the result to the plan store, and stops (with any pool it
forked) as soon as its server is gone."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from assistant.settings import Settings
from sop_engine.store import jobs as store_jobs

PROGRESS_EVERY_SECONDS = 0.5
AUTOGROUP = Path("/proc/self/autogroup")


def lower_priority(increment: int, server_pid: int) -> int:
    """Run this process, and the pool it starts (which inherits it), ``increment`` nicer than the server (at
    most 19), so a re-forecast yields the cores to the server's answers; the niceness reached.

    The worker runs in a session of its own, which Linux schedules as a group of its own when autogroups
    are on (``/proc/sys/kernel/sched_autogroup_enabled``): a process's niceness then only ranks it within
    its group, and the group competes with the server's at the group's niceness. So the group's niceness
    is set ``increment`` above the server's group's too (``/proc/self/autogroup``: the worker's session holds
    only this job)."""
    try:
        niceness = os.nice(increment)
    except OSError:  # not allowed here: the job still runs
        return os.nice(0)
    try:
        server_group = int(Path(f"/proc/{server_pid}/autogroup").read_text().split()[-1])
        AUTOGROUP.write_text(str(min(19, server_group + increment)))
    except (OSError, ValueError, IndexError):  # no autogroups (another kernel or OS): the niceness is what counts
        pass
    return niceness


def run(settings: Settings, job_id: str, server_pid: int) -> None:
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    lower_priority(settings.job_niceness, server_pid)
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
    # a cancelled job's worker is stopped with its group; on a cluster the run also stops itself at the next
    # chunk of SKUs, so the cluster is not left working for nobody
    ctx.extras["should_stop"] = lambda: store_jobs.status_of(store, job_id) != "running"
    store_jobs.guard_saves(store, job_id)  # once cancelled, nothing it computed is saved
    result = run_tool(job["kind"], job["arguments"], ctx)
    store_jobs.finish(store, job_id, result)
    store.engine.dispose()


def _watch_server(server_pid: int) -> None:
    """When the server is gone (the worker is re-parented), stop this worker's group, pool included."""
    while os.getppid() == server_pid:
        time.sleep(1.0)
    os.killpg(0, signal.SIGKILL)


if __name__ == "__main__":
    job, server = sys.argv[1], int(sys.argv[2])
    run(Settings.model_validate_json(sys.stdin.read()), job, server)
