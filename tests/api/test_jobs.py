"""Re-forecast jobs through the real server: worker processes outside the server's process group, a
bounded queue in the plan store (SQLite and PostgreSQL), cancelling, and what a restart does to running jobs."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from jobs_helpers import live_group_members, own_group, wait_for, wait_group_gone, worker_pid
from server import ApiServer

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from sop_engine.store import forecasts
from tests.assistant.fakes import call, say, scripted

KEYS = "view-key:viewer:vera,ana-key:planner:ana,ben-key:planner:ben,cy-key:planner:cy,boss-key:admin:root"
CHAT_QUESTIONS = ["are we short on oat milk next month?", "fill rate last quarter",
                  "forecast for oat milk next month", "what is the plan vs budget for cold brew?"]


@pytest.fixture
def keyed(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    return demo


@pytest.fixture
def keyed_store(demo_store, monkeypatch):
    """The demo with API keys, once on SQLite and once on PostgreSQL (the workers get the store's URL)."""
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    return demo_store


def test_a_full_reforecast_finishes_in_a_worker_while_50_chats_run(keyed):
    with ApiServer(Runtime()) as api, api.client("ana-key") as planner:
        store = Runtime().store
        job = planner.post("/v1/reforecast", json={"note": "full run"})
        assert job.status_code == 202 and job.json()["status"] in ("queued", "running")
        job_id = job.json()["job_id"]
        pid = worker_pid(store, job_id)
        wait_for(planner, job_id, ("running",), until=lambda j: j["progress"]["stage"] != "starting")
        assert pid != os.getpid() and os.getpgid(pid) == pid != own_group()  # its own process group

        errors: list[str] = []
        answered = [0]
        stop = time.monotonic() + 15

        def chat(n: int) -> None:
            with api.client("view-key") as client:
                i = n
                while time.monotonic() < stop:
                    response = client.post("/v1/chat", json={"message": CHAT_QUESTIONS[i % len(CHAT_QUESTIONS)]})
                    i += 1
                    if response.status_code != 200 or not response.json().get("answer"):
                        errors.append(f"{response.status_code}: {response.text[:200]}")
                    else:
                        answered[0] += 1

        threads = [threading.Thread(target=chat, args=(n,)) for n in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(300)
        assert errors == [] and answered[0] >= 50
        assert api.client().get("/healthz").status_code == 200
        for path in (keyed / "conversations.db", keyed / "plan.db"):  # readers never wait for a writer
            with sqlite3.connect(path) as connection:
                assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

        done = wait_for(planner, job_id, ("done", "failed", "cancelled", "interrupted"), timeout=600)
        assert done["status"] == "done", done
        assert done["result"]["skus"] == 61 and done["result"]["scope"]["kind"] == "all"
        assert done["progress"]["total"] > 0 and done["progress"]["done"] == done["progress"]["total"]
        assert forecasts.get_version(store, "latest")["id"] == done["result"]["version"]
        wait_group_gone(pid)  # the worker and statsforecast's pool are gone


def test_the_queue_is_bounded_per_principal_and_in_total(keyed_store, monkeypatch):
    monkeypatch.setenv("SOP_JOB_QUEUE_MAX", "3")
    monkeypatch.setenv("SOP_JOB_PER_PRINCIPAL", "2")
    with ApiServer(Runtime()) as api, api.client("ana-key") as ana, api.client("ben-key") as ben, \
            api.client("cy-key") as cy, api.client("boss-key") as admin:
        first = [ana.post("/v1/reforecast", json={}).json()["job_id"] for _ in range(2)]
        third = ana.post("/v1/reforecast", json={})
        assert third.status_code == 429 and third.headers["content-type"] == "application/problem+json"
        assert int(third.headers["Retry-After"]) > 0 and "api:ana" in third.json()["detail"]
        assert ben.post("/v1/reforecast", json={}).status_code == 202
        full = cy.post("/v1/reforecast", json={})
        assert full.status_code == 429 and int(full.headers["Retry-After"]) > 0
        assert "queue is full" in full.json()["detail"]
        assert "429" in api.client("view-key").get("/openapi.json").json()["paths"]["/v1/reforecast"]["post"][
            "responses"]
        # only one runs at a time (SOP_JOB_WORKERS=1); the others wait their turn
        statuses = [ana.get(f"/v1/jobs/{j}").json()["status"] for j in first]
        assert statuses.count("queued") >= 1
        # someone else's job: another planner may not cancel it, an admin may
        assert ben.delete(f"/v1/jobs/{first[1]}").status_code == 403
        assert api.client("view-key").delete(f"/v1/jobs/{first[1]}").status_code == 403
        cancelled = admin.delete(f"/v1/jobs/{first[1]}").json()
        assert cancelled["status"] == "cancelled"
        assert cy.post("/v1/reforecast", json={"product": "OAT-1L"}).status_code == 202  # a place is free again
        audit = admin.get("/v1/audit").json()["entries"]
        assert [e["principal"] for e in audit if e["action"] == "job.start"][-4:] == \
            ["api:ana", "api:ana", "api:ben", "api:cy"]
        assert any(e["action"] == "job.cancel" and e["principal"] == "api:root" for e in audit)


def test_cancelling_a_running_job_stops_its_worker_and_saves_nothing(keyed_store):
    with ApiServer(Runtime()) as api, api.client("ana-key") as planner:
        store = Runtime().store
        versions_before = len(forecasts.list_versions(store))
        job_id = planner.post("/v1/reforecast", json={}).json()["job_id"]
        wait_for(planner, job_id, ("running",), until=lambda j: j["progress"]["total"] > 0)
        pid = worker_pid(store, job_id)
        assert live_group_members(pid)
        cancelled = planner.delete(f"/v1/jobs/{job_id}")
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
        wait_group_gone(pid)
        time.sleep(1.0)
        job = planner.get(f"/v1/jobs/{job_id}").json()
        assert job["status"] == "cancelled" and job["result"] is None
        assert len(forecasts.list_versions(store)) == versions_before
        again = planner.delete(f"/v1/jobs/{job_id}")
        assert again.status_code == 409 and again.json()["code"] == "conflict"
        assert planner.delete("/v1/jobs/job-000000000000").status_code == 404


def read_autogroup(pid) -> tuple[str, int] | None:
    """A process's autogroup and its niceness (``/autogroup-12 nice 0``); None where the kernel gives none:
    no such file, or (in some sandboxes) a file that reads empty."""
    try:
        fields = Path(f"/proc/{pid}/autogroup").read_text().split()
        return fields[0], int(fields[-1])
    except (OSError, ValueError, IndexError):
        return None


def test_a_jobs_worker_and_its_pool_run_at_the_configured_niceness(keyed, monkeypatch):
    monkeypatch.setenv("SOP_JOB_NICENESS", "7")
    expected = min(19, os.getpriority(os.PRIO_PROCESS, 0) + 7)  # the server runs in this process
    with ApiServer(Runtime()) as api, api.client("ana-key") as planner:
        store = Runtime().store
        job_id = planner.post("/v1/reforecast", json={}).json()["job_id"]
        wait_for(planner, job_id, ("running",), until=lambda j: j["progress"]["total"] > 0)
        pid = worker_pid(store, job_id)
        members = live_group_members(pid)
        assert pid in members and os.getpid() not in members
        assert {m: os.getpriority(os.PRIO_PROCESS, m) for m in members} == dict.fromkeys(members, expected)
        server_group, job_group = read_autogroup("self"), read_autogroup(pid)
        if server_group and job_group:  # Linux with autogroups: the job's session is a group 7 nicer than the server's
            assert job_group[0] != server_group[0]
            assert job_group[1] == min(19, server_group[1] + 7)
        assert planner.delete(f"/v1/jobs/{job_id}").json()["status"] == "cancelled"
        wait_group_gone(pid)


def test_a_restart_marks_the_running_job_interrupted_and_runs_the_queued_ones(keyed):
    with ApiServer(Runtime()) as api, api.client("ana-key") as planner:
        running = planner.post("/v1/reforecast", json={}).json()["job_id"]
        queued = planner.post("/v1/reforecast", json={"product": "OAT-1L"}).json()["job_id"]
        wait_for(planner, running, ("running",))
        pid = worker_pid(Runtime().store, running)
    wait_group_gone(pid)  # stopping the server stopped its worker
    with ApiServer(Runtime()) as api, api.client("ana-key") as planner:
        job = planner.get(f"/v1/jobs/{running}").json()
        assert job["status"] == "interrupted" and job["error"]["code"] == "interrupted"
        assert wait_for(planner, queued, ("done",), timeout=300)["result"]["skus"] == 1


def test_two_servers_on_one_store_share_the_queue_and_the_workers(keyed_store, monkeypatch):
    monkeypatch.setenv("SOP_JOB_PER_PRINCIPAL", "1")
    with ApiServer(Runtime()) as a, ApiServer(Runtime()) as b, a.client("ana-key") as ana_a, \
            b.client("ana-key") as ana_b, b.client("ben-key") as ben_b:
        store = Runtime().store
        first = ana_a.post("/v1/reforecast", json={}).json()["job_id"]
        refused = ana_b.post("/v1/reforecast", json={})  # the limit counts ana's job on the other server
        assert refused.status_code == 429 and refused.headers["Retry-After"]
        second = ben_b.post("/v1/reforecast", json={"product": "OAT-1L"}).json()["job_id"]
        wait_for(ana_b, first, ("running",), until=lambda j: j["progress"]["total"] > 0)
        assert ben_b.get(f"/v1/jobs/{second}").json()["status"] == "queued"  # SOP_JOB_WORKERS=1 in all
        pid = worker_pid(store, first)
        assert ana_b.delete(f"/v1/jobs/{first}").json()["status"] == "cancelled"  # cancelled on the other server
        wait_group_gone(pid)
        assert wait_for(ana_a, second, ("done",), timeout=300)["result"]["skus"] == 1


def test_a_reforecast_the_llm_asks_for_runs_as_a_job_too(keyed):
    runtime = Runtime()
    model = scripted(call("reforecast", {"product": "OAT-1L", "note": "asked in a chat"}), say("A new draft."))
    with ApiServer(runtime, Assistant(runtime, model_factory=lambda: model)) as api, api.client("ana-key") as ana:
        doc = ana.post("/v1/chat", json={"message": "re-forecast OAT-1L"}).json()
        assert doc["engine"] == "llm" and doc["tool_calls"][0]["name"] == "reforecast"
        result = doc["tool_calls"][0]["result"]
        job = ana.get(f"/v1/jobs/{result['job_id']}").json()
        assert job["status"] == "done" and job["requested_by"] == "api:ana"
        assert job["result"]["version"] == result["version"] and result["skus"] == 1
        pid = worker_pid(runtime.store, job["id"])
        assert pid != os.getpid()
