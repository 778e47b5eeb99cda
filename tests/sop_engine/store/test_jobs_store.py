"""The job queue in a real plan store (SQLite and PostgreSQL), opened by several ``PlanStore``s as several
servers would."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from sop_engine.errors import Busy, Conflict
from sop_engine.store import PlanStore
from sop_engine.store import jobs as store_jobs
from sop_engine.store.plan_store import write_guard


@pytest.fixture
def url(store_url):
    return store_url


def _enqueue(store, principal="api:a", queue_max=20, per_principal=3):
    return store_jobs.enqueue(store, "reforecast", {}, principal=principal, role="planner", queue_max=queue_max,
                              per_principal=per_principal)


def test_limits_hold_when_many_servers_enqueue_at_once(url):
    stores = [PlanStore(url) for _ in range(4)]
    accepted, refused = [], []
    barrier = threading.Barrier(24)

    def add(i: int) -> None:
        barrier.wait()
        try:
            accepted.append(_enqueue(stores[i % 4], principal=f"api:p{i % 6}", queue_max=10, per_principal=3)["id"])
        except Busy as error:
            refused.append(error)

    threads = [threading.Thread(target=add, args=(i,)) for i in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(accepted) == 10 and len(refused) == 14
    assert all(error.retry_after >= 5 for error in refused)
    docs = [store_jobs.get_job(stores[0], j) for j in accepted]
    per = {p: sum(d["requested_by"] == p for d in docs) for p in {d["requested_by"] for d in docs}}
    assert max(per.values()) <= 3


def test_claims_never_run_more_than_the_workers_and_each_job_once(url):
    store = PlanStore(url)
    for i in range(8):
        _enqueue(store, principal=f"api:p{i}")
    stores = [PlanStore(url) for _ in range(6)]
    claimed: list[str] = []
    barrier = threading.Barrier(6)

    def claim(i: int) -> None:
        barrier.wait()
        job = store_jobs.claim_next(stores[i], f"host:{i}", max_running=2)
        if job:
            claimed.append(job["id"])

    threads = [threading.Thread(target=claim, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(claimed) == 2 == len(set(claimed))
    assert [store_jobs.get_job(store, j)["status"] for j in claimed] == ["running", "running"]


def test_a_cancelled_job_cannot_save_its_forecast(url):
    store = PlanStore(url)
    job = _enqueue(store)
    store_jobs.claim_next(store, "host:1", 1)
    token = store_jobs.guard_saves(store, job["id"])
    try:
        with store.begin() as connection:  # a save while the job runs is kept, and remembered by the job
            store.audit(connection, "api:a", "forecast.run", {"version": 7})
        assert store_jobs.get_job(store, job["id"])["progress"]["stage"] == "saving"
        with pytest.raises(Conflict):  # it saved: too late to cancel
            store_jobs.cancel(store, job["id"], principal="api:a", role="planner")
    finally:
        write_guard.reset(token)
    other = _enqueue(store)
    store_jobs.claim_next(store, "host:1", 2)
    assert store_jobs.cancel(store, other["id"], principal="api:a", role="planner")["status"] == "cancelled"
    token = store_jobs.guard_saves(store, other["id"])
    try:
        before = len(store.audit_entries(1000))
        with pytest.raises(Conflict), store.begin() as connection:
            store.audit(connection, "api:a", "forecast.run", {"version": 8})
        assert len(store.audit_entries(1000)) == before  # rolled back
    finally:
        write_guard.reset(token)


def test_a_restart_interrupts_the_jobs_of_a_dead_server_only(url):
    store = PlanStore(url)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    jobs = [_enqueue(store, principal=f"api:p{i}") for i in range(3)]
    store_jobs.claim_next(store, f"this-host:{dead_pid}", 3)  # a server that is gone
    store_jobs.claim_next(store, "other-host:1", 3)  # another machine's: left alone
    assert store_jobs.interrupt_orphans(store, "this-host") == 1
    statuses = [store_jobs.get_job(store, j["id"])["status"] for j in jobs]
    assert statuses == ["interrupted", "running", "queued"]
