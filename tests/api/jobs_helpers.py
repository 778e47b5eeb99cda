"""Helpers for the job tests: waiting for a job, finding a job's worker, checking its process group."""

from __future__ import annotations

import os
import time
from pathlib import Path

from sqlalchemy import select

from sop_engine.store import PlanStore
from sop_engine.store.schema import jobs


def wait_for(client, job_id: str, statuses: tuple[str, ...], timeout: float = 300, until=None) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in statuses and (until is None or until(job)):
            return job
        assert time.monotonic() < deadline, f"job {job_id} still {job['status']}: {job}"
        time.sleep(0.2)


def worker_pid(store: PlanStore, job_id: str, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while True:
        with store.engine.connect() as connection:
            pid = connection.execute(select(jobs.c.worker_pid).where(jobs.c.id == job_id)).scalar()
        if pid:
            return pid
        assert time.monotonic() < deadline, f"job {job_id} got no worker"
        time.sleep(0.1)


def live_group_members(pgid: int) -> list[int]:
    """Processes (not zombies) in process group ``pgid``."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(stat.parent.name))
    return members


def wait_group_gone(pgid: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while live_group_members(pgid):
        assert time.monotonic() < deadline, f"processes left in group {pgid}: {live_group_members(pgid)}"
        time.sleep(0.1)


def own_group() -> int:
    return os.getpgid(0)
