"""Threads belong to the key that started them: anyone else continuing one gets 404, a client cannot
choose a thread id, ids are unguessable, and viewers do not see thread ids in the approvals."""

from __future__ import annotations

import re

import pytest
from server import ApiServer

from assistant.runtime import Runtime

KEYS = "view-key:viewer,other-view:viewer,plan-key:planner"


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


def test_only_the_owner_continues_a_thread(api):
    with api.client("view-key") as owner, api.client("other-view") as other, api.client("plan-key") as planner:
        first = owner.post("/v1/chat", json={"message": "are we short on OAT-1L next month?"}).json()
        thread_id = first["thread_id"]
        assert re.fullmatch(r"[A-Za-z0-9_-]{24,}", thread_id)  # token_urlsafe(18): 144 random bits
        for intruder in (other, planner):
            for path in ("/v1/chat", "/v1/chat/stream"):
                stolen = intruder.post(path, json={"message": "and in january 2027?", "thread_id": thread_id})
                assert stolen.status_code == 404, (path, stolen.text)
                assert stolen.headers["content-type"] == "application/problem+json"
                assert "OAT" not in stolen.text
        made_up = owner.post("/v1/chat", json={"message": "and in january 2027?", "thread_id": "my-own-id"})
        slack_like = owner.post("/v1/chat", json={"message": "hi", "thread_id": "slack:C0TEST01:1700000000.000100"})
        assert made_up.status_code == slack_like.status_code == 404
        assert made_up.json()["detail"] == stolen.json()["detail"]  # unknown and foreign look the same
        follow = owner.post("/v1/chat", json={"message": "and in january 2027?", "thread_id": thread_id}).json()
        assert follow["thread_id"] == thread_id and follow["tool_calls"][0]["args"]["product"] == "OAT-1L"
        second = owner.post("/v1/chat", json={"message": "fill rate last quarter"}).json()
        assert second["thread_id"] != thread_id


def test_viewers_do_not_see_thread_ids_in_the_approvals(api):
    with api.client("plan-key") as planner, api.client("view-key") as viewer:
        doc = planner.post("/v1/chat", json={"message": "publish the latest forecast"}).json()
        assert doc["pending_approval"]
        seen_by_viewer = viewer.get("/v1/approvals").json()["approvals"]
        assert [a["id"] for a in seen_by_viewer] == [doc["pending_approval"]["id"]]
        assert all("thread_id" not in a for a in seen_by_viewer)
        assert doc["thread_id"] not in viewer.get("/v1/approvals").text
