"""Slack under real use: replays run once (also across processes), bad bodies are 4xx, the body limit
holds on /slack/events, and Slack threads are owned by their channel under unguessable ids."""

from __future__ import annotations

import json
import time
from urllib.parse import urlencode

import httpx
import pytest
from slack_sdk.signature import SignatureVerifier

from assistant.slack.services import SeenEvents
from tests.api.server import chunked_upload
from tests.slack.slack_server import CHANNEL, SIGNING_SECRET, VIEWER


@pytest.fixture
def api_keys(monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", "view-key:viewer")


def signed(body: str) -> dict:
    timestamp = str(int(time.time()))
    return {"X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=timestamp, body=body)}


def test_a_replayed_signed_slash_command_runs_once(slack_server):
    form = urlencode({"team_id": "T1", "channel_id": CHANNEL, "user_id": VIEWER, "command": "/sop",
                      "text": "forecast AB-200", "response_url": slack_server.fake.response_url, "trigger_id": "9.9"})
    headers = {"Content-Type": "application/x-www-form-urlencoded", **signed(form)}
    first = slack_server.http.post("/slack/events", content=form, headers=headers)
    replays = [slack_server.http.post("/slack/events", content=form, headers=headers) for _ in range(3)]
    assert first.status_code == 200 and all(r.status_code == 200 for r in replays)
    [anchor] = slack_server.fake.wait_for("chat.postMessage", lambda b: "forecast AB-200" in b.get("text", ""))
    slack_server.replies(anchor.response["ts"])
    time.sleep(1.0)
    anchors = [c for c in slack_server.fake.calls_to("chat.postMessage")
               if "forecast AB-200" in c.body.get("text", "") and not c.body.get("thread_ts")]
    assert len(anchors) == 1


def test_replay_memory_is_shared_by_processes_through_sqlite(tmp_path):
    one, two = SeenEvents(tmp_path / "slack.db"), SeenEvents(tmp_path / "slack.db")
    assert one.first_time("sig:abc") and not two.first_time("sig:abc") and not one.first_time("sig:abc")
    assert two.first_time("Ev1") and not one.first_time("Ev1")


@pytest.mark.parametrize(("body", "content_type", "sign", "status"), [
    ("not json at all", "application/json", False, 401),
    ("\xff\xfe garbage", "text/plain", False, 401),
    ("not json at all", "application/json", True, 400),
    ("payload=%7Bbroken", "application/x-www-form-urlencoded", True, 400),
])
def test_unsigned_or_unreadable_bodies_are_4xx_never_500(slack_server, body, content_type, sign, status):
    headers = {"Content-Type": content_type, **(signed(body) if sign else {})}
    response = slack_server.http.post("/slack/events", content=body.encode(), headers=headers)
    assert response.status_code == status, response.text
    assert "Traceback" not in response.text


def test_the_body_limit_holds_on_slack_events(slack_server):
    status, sent = chunked_upload(slack_server.url, "/slack/events", total=200 * 1024 * 1024)
    assert status == 413 and sent < 16 * 1024 * 1024
    big = json.dumps({"type": "event_callback", "pad": "x" * 70_000})
    assert slack_server.http.post("/slack/events", content=big, headers=signed(big)).status_code == 413


def test_slack_threads_are_owned_by_the_channel_under_unguessable_ids(api_keys, slack_server):
    slack_server.mention("are we short on CD-300 next month?", ts="1700000009.000100")
    slack_server.replies("1700000009.000100")
    threads = slack_server.mount.services.assistant.threads
    thread_id = threads.slack_thread(CHANNEL, "1700000009.000100")
    assert CHANNEL not in thread_id and "1700000009" not in thread_id and len(thread_id) >= 24
    assert threads.owner_of(thread_id) == f"slack-channel:{CHANNEL}"
    assert threads.slack_thread(CHANNEL, "1700000009.000200") != thread_id
    with httpx.Client(base_url=slack_server.url, headers={"X-API-Key": "view-key"}) as api:
        for guess in (thread_id, f"slack:{CHANNEL}:1700000009.000100"):
            stolen = api.post("/v1/chat", json={"message": "and AB-100?", "thread_id": guess})
            assert stolen.status_code == 404
