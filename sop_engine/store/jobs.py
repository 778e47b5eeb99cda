"""Background jobs in the plan store: a bounded queue every server process shares.

A job is ``queued`` until a server's supervisor claims it (``running``, in a worker process), then
``done`` or ``failed``; ``cancelled`` when someone cancels it; ``interrupted`` when the server running
it stopped. Limits (queue length, jobs per principal, jobs running at once) are counted here, in the
store, inside the transaction that adds or claims a job, which holds the store's write turn (SQLite's write
lock, PostgreSQL's advisory lock: ``db.lock_writes``), so several server processes keep them as one.
Starting and cancelling a job are audited; progress is not (it would invalidate every read cache).
"""

from __future__ import annotations

import os
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from sop_engine.errors import Busy, Conflict, NotFound, PermissionDenied
from sop_engine.store.plan_store import PlanStore, iso_utc, utcnow, write_guard
from sop_engine.store.schema import jobs

ACTIVE = ("queued", "running")
FINAL = ("done", "failed", "cancelled", "interrupted")
KEEP_FINISHED = timedelta(days=30)  # finished jobs are forgotten after this; the audit log keeps their start


def _iso(moment: datetime | None) -> str | None:
    return iso_utc(moment)


def _doc(row) -> dict:
    done, total = row["done"] or 0, row["total"] or 0
    return {"id": row["id"], "kind": row["kind"], "status": row["status"], "requested_by": row["principal"],
            "arguments": row["arguments"],
            "progress": {"done": done, "total": total, "stage": row["stage"] or "",
                         "fraction": round(done / total, 3) if total else 0.0},
            "result": row["result"], "error": row["error"], "created_at": _iso(row["created_at"]),
            "started_at": _iso(row["started_at"]), "finished_at": _iso(row["finished_at"])}


def get_job(store: PlanStore, job_id: str) -> dict:
    with store.connect() as connection:
        row = connection.execute(select(jobs).where(jobs.c.id == job_id)).mappings().first()
    if row is None:
        raise NotFound(f"no job '{job_id}'")
    return _doc(row)


def _count(connection: Connection, *where) -> int:
    return connection.execute(select(func.count()).select_from(jobs).where(*where)).scalar_one()


def retry_after(connection: Connection, workers: int) -> int:
    """Seconds until a place is likely free: the recent jobs' mean duration, times the queue per worker."""
    recent = connection.execute(
        select(jobs.c.started_at, jobs.c.finished_at).where(jobs.c.status == "done")
        .order_by(jobs.c.finished_at.desc()).limit(5)).all()
    seconds = [(f - s).total_seconds() for s, f in recent if s and f]
    mean = sum(seconds) / len(seconds) if seconds else 30.0
    queued = _count(connection, jobs.c.status == "queued")
    return int(min(600, max(5, mean * max(1, queued) / max(1, workers))))


def enqueue(store: PlanStore, kind: str, arguments: dict, *, principal: str, role: str, queue_max: int,
            per_principal: int, workers: int = 1) -> dict:
    """Queue a job, or raise ``Busy`` (with a retry-after estimate) when a limit is reached.

    The transaction holds the write turn while the limits are counted (on SQLite the insert, which comes
    first, takes it): two servers adding a job at once cannot both take the last place.
    """
    job_id = "job-" + secrets.token_hex(6)
    with store.begin() as connection:
        connection.execute(insert(jobs).values(
            id=job_id, kind=kind, arguments=arguments, principal=principal, role=role, status="queued",
            done=0, total=0, stage="queued", created_at=utcnow()))
        active = _count(connection, jobs.c.status.in_(ACTIVE))
        mine = _count(connection, jobs.c.status.in_(ACTIVE), jobs.c.principal == principal)
        if active > queue_max or mine > per_principal:
            wait = retry_after(connection, workers)  # raising rolls the insert back
            if active > queue_max:
                raise Busy(f"the job queue is full ({queue_max} jobs queued or running); try again in {wait} s",
                           wait)
            raise Busy(f"{principal} already has {per_principal} jobs queued or running (the most per person); "
                       f"try again in {wait} s", wait)
        store.audit(connection, principal, "job.start", {"id": job_id, "kind": kind, "arguments": arguments})
        forgotten = utcnow() - KEEP_FINISHED
        connection.execute(delete(jobs).where(jobs.c.status.in_(FINAL) & (jobs.c.finished_at < forgotten)))
    return get_job(store, job_id)


def claim_next(store: PlanStore, runner: str, max_running: int) -> dict | None:
    """Take the oldest queued job for ``runner`` (``host:pid``) if fewer than ``max_running`` jobs run."""
    with store.begin() as connection:
        oldest = (select(jobs.c.id).where(jobs.c.status == "queued").order_by(jobs.c.created_at, jobs.c.id)
                  .limit(1).scalar_subquery())
        running = select(func.count()).select_from(jobs).where(jobs.c.status == "running").scalar_subquery()
        # one statement, in the write turn: the claim and the count see the same jobs, and a job is claimed once
        claimed = connection.execute(update(jobs).where(and_(jobs.c.id == oldest, jobs.c.status == "queued",
                                                             running < max_running))
                                     .values(status="running", runner=runner, started_at=utcnow(),
                                             stage="starting").returning(jobs.c.id)).first()
    return get_job(store, claimed[0]) if claimed else None


def role_of(store: PlanStore, job_id: str) -> str:
    """The role the job was started with (its worker runs the tool with it)."""
    with store.connect() as connection:
        return connection.execute(select(jobs.c.role).where(jobs.c.id == job_id)).scalar_one()


def set_worker(store: PlanStore, job_id: str, pid: int) -> None:
    with store.begin() as connection:
        connection.execute(update(jobs).where(jobs.c.id == job_id).values(worker_pid=pid))


def status_of(store: PlanStore, job_id: str) -> str | None:
    with store.connect() as connection:
        return connection.execute(select(jobs.c.status).where(jobs.c.id == job_id)).scalar()


def report_progress(store: PlanStore, job_id: str, done: int, total: int, stage: str) -> None:
    with store.begin() as connection:
        connection.execute(update(jobs).where((jobs.c.id == job_id) & (jobs.c.status == "running"))
                           .values(done=int(done), total=int(total), stage=str(stage)[:200]))


def finish(store: PlanStore, job_id: str, result: dict) -> str:
    """Record a worker's result (``failed`` when it is ``{"error": ...}``) unless the job was cancelled."""
    failed = "error" in result
    with store.begin() as connection:
        connection.execute(update(jobs).where((jobs.c.id == job_id) & (jobs.c.status == "running")).values(
            status="failed" if failed else "done", finished_at=utcnow(),
            result=None if failed else result, error=result["error"] if failed else None))
    return status_of(store, job_id) or "failed"


def worker_stopped(store: PlanStore, job_id: str, exit_code: int | None) -> None:
    """The worker process ended: a job it did not finish has failed."""
    with store.begin() as connection:
        connection.execute(update(jobs).where((jobs.c.id == job_id) & (jobs.c.status == "running")).values(
            status="failed", finished_at=utcnow(),
            error={"code": "worker_stopped", "message": f"the worker process stopped (exit code {exit_code}) "
                                                        "before finishing; nothing was saved", "details": []}))


def cancel(store: PlanStore, job_id: str, *, principal: str, role: str) -> dict:
    """Cancel a queued or running job (its requester or an admin). A running job's worker is stopped by
    its supervisor, which sees the status change; a job that already saved its result cannot be cancelled."""
    job = get_job(store, job_id)
    if job["requested_by"] != principal and role != "admin":
        raise PermissionDenied(f"job {job_id} belongs to {job['requested_by']}; only they or an admin may cancel it")
    with store.begin() as connection:
        changed = connection.execute(update(jobs).where(
            (jobs.c.id == job_id) & jobs.c.status.in_(ACTIVE) & jobs.c.saved_version.is_(None)
        ).values(status="cancelled", finished_at=utcnow(), stage="cancelled")).rowcount
        if not changed:
            now = connection.execute(select(jobs.c.status).where(jobs.c.id == job_id)).scalar()
            raise Conflict(f"job {job_id} is {'finishing' if now == 'running' else now}; it cannot be cancelled")
        store.audit(connection, principal, "job.cancel", {"id": job_id, "kind": job["kind"],
                                                          "was": job["status"]})
    return get_job(store, job_id)


def interrupt(store: PlanStore, job_ids: list[str], reason: str) -> int:
    if not job_ids:
        return 0
    with store.begin() as connection:
        return connection.execute(update(jobs).where(jobs.c.id.in_(job_ids) & (jobs.c.status == "running")).values(
            status="interrupted", finished_at=utcnow(), stage="interrupted",
            error={"code": "interrupted", "message": reason, "details": []})).rowcount


def interrupt_orphans(store: PlanStore, host: str) -> int:
    """At a server's start: running jobs of this host whose supervising process is gone are ``interrupted``
    (another host's jobs are left to that host)."""
    with store.connect() as connection:
        rows = connection.execute(select(jobs.c.id, jobs.c.runner).where(jobs.c.status == "running")).all()
    orphans = [job_id for job_id, runner in rows if _runner_gone(runner, host)]
    return interrupt(store, orphans, "the server running this job stopped; start it again")


def _runner_gone(runner: str | None, host: str) -> bool:
    if not runner:
        return True
    runner_host, _, pid = runner.rpartition(":")
    if runner_host != host or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def guard_saves(store: PlanStore, job_id: str):
    """In a worker: from now on, a forecast version is written only while the job still runs, and the
    job remembers it in the same transaction (after that, a cancel is refused). Returns the reset token."""

    def guard(connection: Connection, action: str, detail: dict) -> None:
        if action != "forecast.run":
            return
        kept = connection.execute(update(jobs).where((jobs.c.id == job_id) & (jobs.c.status == "running"))
                                  .values(saved_version=detail.get("version"), stage="saving")).rowcount
        if not kept:
            raise Conflict(f"job {job_id} was cancelled; its forecast was not saved")

    return write_guard.set(guard)
