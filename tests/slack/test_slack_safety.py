"""Slack under real use: replays run once (also across processes), bad bodies are 4xx, the body limit
holds on /slack/events, and Slack threads are owned by their channel under unguessable ids."""

from __future__ import annotations

import json
import threading
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


def test_replay_memory_is_shared_by_processes_through_the_plan_store(store_url):
    from sop_engine.store import PlanStore

    stores = [PlanStore(store_url) for _ in range(4)]  # four engines: as four server processes
    one, two = SeenEvents(stores[0]), SeenEvents(stores[1])
    assert one.first_time("sig:abc") and not two.first_time("sig:abc") and not one.first_time("sig:abc")
    assert two.first_time("Ev1") and not one.first_time("Ev1")
    # the same retried event reaching every process at once: exactly one takes it
    def offer(i: int, key: str, barrier: threading.Barrier, taken: list[bool]) -> None:
        seen = SeenEvents(stores[i % 4])
        barrier.wait()
        taken.append(seen.first_time(key))

    for round_ in range(5):
        barrier, taken = threading.Barrier(16), []
        threads = [threading.Thread(target=offer, args=(i, f"EvRace{round_}", barrier, taken)) for i in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(taken) == [False] * 15 + [True], round_
    for store in stores:
        store.engine.dispose()


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


def test_text_from_data_is_escaped_in_every_block():
    from assistant.slack.blocks import answer_blocks, decision_blocks, progress_text

    nasty = "<!channel> & <https://evil.example|innocent> <@U123>"
    doc = {
        "answer": f"{nasty} is short",
        "engine": "llm",
        "tool_calls": [
            {"name": "check_shortages", "args": {}, "result": {"skus": [
                {"sku": nasty, "first_short_period": "2026-12", "total_shortage": 5.0, "months_of_cover": 0.5}]}},
            {"name": "get_forecast", "args": {}, "result": {"rows": [
                {"sku": nasty, "period": "2026-12", "final": 3.0, "lo_80": 1.0, "hi_80": 4.0}]}},
        ],
        "sources": [{"tool": "search_meeting_notes", "file": nasty, "meeting": nasty, "section": nasty}],
        "pending_approval": {"id": nasty, "summary": nasty},
    }
    text, blocks = answer_blocks(doc)
    decided, decided_blocks = decision_blocks({"id": nasty, "summary": nasty, "status": "approved",
                                               "result": {"message": nasty}}, "U0PLAN")
    def shown(value) -> list[str]:  # every text Slack renders (block ids and button values are not shown)
        if isinstance(value, dict):
            return [t for k, v in value.items() if k not in ("block_id", "value") for t in shown(v)]
        if isinstance(value, list):
            return [t for v in value for t in shown(v)]
        return [value] if isinstance(value, str) else []

    rendered = "\n".join(shown([text, blocks, decided, decided_blocks, progress_text(1, 2, nasty)]))
    for raw in ("<!channel>", "<https://", "<@U123>", "& "):
        assert raw not in rendered.replace("<@U0PLAN>", "")
    assert "&lt;!channel&gt;" in rendered and "&amp;" in rendered
