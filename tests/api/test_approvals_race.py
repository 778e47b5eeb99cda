"""Approvals through the real server (on SQLite and PostgreSQL): one publish however many approvers click at
once, the version pinned when requested, no approving one's own request when keys are configured, and the audit log."""

from __future__ import annotations

import threading

import pytest
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.service.forecasting import run_forecast
from sop_engine.store import approvals as store_approvals
from sop_engine.store import forecasts

KEYS = "view-key:viewer:vera,ana-key:planner:ana,ben-key:planner:ben,cy-key:planner:cy,boss-key:admin:root"
APPROVERS = ["ben-key", "cy-key", "boss-key"]


@pytest.fixture
def api(demo_store, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


def _draft(sku: str = "OAT-1L") -> int:
    runtime = Runtime()
    return run_forecast(runtime.store, runtime.planning_date()[0], principal="cli:t", sku=sku, horizon=6)["version"]


def _request(api, message: str, key: str = "ana-key") -> dict:
    with api.client(key) as client:
        doc = client.post("/v1/chat", json={"message": message}).json()
    assert doc["pending_approval"], doc
    return doc["pending_approval"]


def _race(api, approval_id: str, clicks: list[tuple[str, str]]) -> list[int]:
    barrier = threading.Barrier(len(clicks))
    codes: list[int] = [0] * len(clicks)

    def click(i: int, key: str, verb: str) -> None:
        with api.client(key) as client:
            barrier.wait()
            codes[i] = client.post(f"/v1/approvals/{approval_id}/{verb}").status_code

    threads = [threading.Thread(target=click, args=(i, key, verb)) for i, (key, verb) in enumerate(clicks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return codes


def _audit(api, action: str) -> list[dict]:
    with api.client("boss-key") as admin:
        return [e for e in admin.get("/v1/audit").json()["entries"] if e["action"] == action]


def test_many_approvers_at_once_publish_exactly_once(api):
    for round_ in range(3):
        version = _draft()
        pending = _request(api, f"publish forecast version {version}")
        publishes_before = len(_audit(api, "forecast.publish"))
        codes = _race(api, pending["id"], [(APPROVERS[i % 3], "approve") for i in range(12)])
        assert sorted(codes) == [200] + [409] * 11, (round_, codes)
        publishes = _audit(api, "forecast.publish")[publishes_before:]
        assert [p["detail"]["version"] for p in publishes] == [version]
        decided = [e for e in _audit(api, "approval.approved") if e["detail"]["id"] == pending["id"]]
        assert len(decided) == 1 and decided[0]["principal"] in ("api:ben", "api:cy", "api:root")
        assert store_approvals.get_approval(Runtime().store, pending["id"])["result"]["version"] == version


def test_approve_and_reject_racing_decide_once(api):
    version = _draft()
    pending = _request(api, f"publish forecast version {version}")
    codes = _race(api, pending["id"], [(APPROVERS[i % 3], "approve" if i % 2 else "reject") for i in range(10)])
    assert codes.count(200) == 1 and codes.count(409) == 9
    approval = store_approvals.get_approval(Runtime().store, pending["id"])
    published = forecasts.get_version(Runtime().store, version)["status"] == "published"
    assert published == (approval["status"] == "approved")


def test_latest_is_pinned_when_requested(api):
    seen = _draft()
    pending = _request(api, "publish the latest forecast")
    assert pending["arguments"]["version"] == str(seen) and str(seen) in pending["summary"]
    newer = _draft("CBO-1L")  # a newer draft appears before the approver clicks
    with api.client("ben-key") as ben:
        approved = ben.post(f"/v1/approvals/{pending['id']}/approve").json()
    assert approved["status"] == "approved" and approved["result"]["version"] == seen
    store = Runtime().store
    assert forecasts.get_version(store, seen)["status"] == "published"
    assert forecasts.get_version(store, newer)["status"] == "draft"


def test_a_requester_cannot_approve_their_own_request_and_a_failed_write_stays_pending(api):
    version = _draft()
    pending = _request(api, f"publish forecast version {version}")
    assert pending["requested_by"] == "api:ana"
    with api.client("ana-key") as ana, api.client("boss-key") as admin:
        own = ana.post(f"/v1/approvals/{pending['id']}/approve")
        assert own.status_code == 403 and "another planner" in own.json()["detail"]
        assert ana.post(f"/v1/approvals/{pending['id']}/reject").status_code == 403
        assert admin.post(f"/v1/approvals/{pending['id']}/approve").json()["status"] == "approved"
        # publishing it again fails at execution: the claim rolls back with it, the request stays pending
        again = _request(api, f"publish forecast version {version}", key="ben-key")
        failed = admin.post(f"/v1/approvals/{again['id']}/approve")
        assert failed.status_code == 409 and "already the published" in failed.json()["detail"]
        assert store_approvals.get_approval(Runtime().store, again["id"])["status"] == "pending"
        assert admin.post(f"/v1/approvals/{again['id']}/reject").json()["status"] == "rejected"


def test_the_audit_log_is_for_admins_and_lists_every_decision(api):
    version = _draft()
    pending = _request(api, f"publish forecast version {version}")
    with api.client("ben-key") as ben, api.client("boss-key") as admin, api.client("view-key") as viewer:
        ben.post(f"/v1/approvals/{pending['id']}/reject")
        assert viewer.get("/v1/audit").status_code == 403 and ben.get("/v1/audit").status_code == 403
        doc = admin.get("/v1/audit", params={"since": "2000-01-01"}).json()
        assert set(doc) == {"entries"} and all(set(e) == {"at", "principal", "action", "detail"}
                                               for e in doc["entries"])
        mine = [(e["principal"], e["action"]) for e in doc["entries"] if e["detail"].get("id") == pending["id"]]
        assert mine == [("api:ana", "approval.request"), ("api:ben", "approval.rejected")]
        assert admin.get("/v1/audit", params={"since": "2999-01-01"}).json() == {"entries": []}
        bad = admin.get("/v1/audit", params={"since": "yesterday"})
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["detail"]


def test_keyless_single_user_mode_may_approve_its_own_request(demo):
    with ApiServer(Runtime()) as api:
        version = _draft()
        pending = _request(api, f"publish forecast version {version}", key=None)
        with api.client() as local:
            assert local.post(f"/v1/approvals/{pending['id']}/approve").json()["status"] == "approved"


def test_self_approval_can_be_allowed_with_keys(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    monkeypatch.setenv("SOP_ALLOW_SELF_APPROVAL", "true")
    with ApiServer(Runtime()) as api:
        pending = _request(api, f"publish forecast version {_draft()}")
        with api.client("ana-key") as ana:
            assert ana.post(f"/v1/approvals/{pending['id']}/approve").json()["status"] == "approved"
