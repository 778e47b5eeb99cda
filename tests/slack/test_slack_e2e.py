"""End to end: signed Slack requests into ``sop serve``'s app, answers observed on the fake Web API."""

from __future__ import annotations

import json
import threading

import pytest

from sop_engine.service import forecasting
from sop_engine.store import approvals as store_approvals
from tests.slack.slack_server import ADMIN, CHANNEL, PLANNER, VIEWER
from tools import base as tools_base
from tools.base import run_tool
from tools.charts import chart_file_name


def texts(body: dict) -> str:
    """Every text of a message (fallback text and blocks), as one string."""
    return json.dumps({"text": body.get("text"), "blocks": body.get("blocks")}, ensure_ascii=False)


def tool_result(runtime, name: str, args: dict) -> dict:
    from assistant.conversation import Assistant

    result = run_tool(name, args, Assistant(runtime).context("test", "viewer"))
    assert "error" not in result, result
    return result


def test_mention_is_answered_in_its_thread_with_a_table_and_sources(slack_server, slack_env):
    response = slack_server.mention("are we short on CD-300 next month?", ts="1700000000.000100")
    assert response.status_code == 200

    [reply] = slack_server.replies("1700000000.000100")
    body = reply.body
    assert body["channel"] == CHANNEL and body["unfurl_links"] is False and body["unfurl_media"] is False
    [reaction] = slack_server.fake.calls_to("reactions.add")
    assert reaction.body["timestamp"] == "1700000000.000100" and reaction.body["channel"] == CHANNEL
    expected = tool_result(slack_env, "check_shortages", {"product": "CD-300", "period": "2026-12"})["skus"][0]
    assert expected["first_short_period"] == "2026-11"  # 10 on hand for ~11 a month: short at once
    table = [b for b in body["blocks"] if b["type"] == "section" and "```" in b["text"]["text"]]
    assert len(table) == 1
    row = [line for line in table[0]["text"]["text"].splitlines() if line.startswith("CD-300")]
    assert row and row[0].split()[1:3] == ["2026-11", f"{expected['total_shortage']:,.1f}"]
    assert body["blocks"][-1]["type"] == "context"
    assert body["blocks"][-1]["elements"][0]["text"].startswith("Sources: check_shortages")


def test_follow_up_in_the_thread_keeps_the_context(slack_server):
    slack_server.mention("are we short on CD-300 next month?", ts="1700000000.000200")
    slack_server.replies("1700000000.000200")
    slack_server.mention("what about AB-100?", ts="1700000000.000300", thread_ts="1700000000.000200")
    replies = slack_server.replies("1700000000.000200", count=2)
    follow_up = replies[1].body
    assert "AB-100" in follow_up["text"]
    assert "check_shortages" in follow_up["blocks"][-1]["elements"][0]["text"]  # same question, new product


def test_direct_message_is_answered_and_the_bots_own_messages_are_ignored(slack_server):
    own = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0DM0001",
        "user": "UBOT",
        "bot_id": "BBOT",
        "text": "an answer of mine",
        "ts": "1700000001.000050",
    }
    assert slack_server.event(own).status_code == 200
    dm = {
        "type": "message",
        "channel_type": "im",
        "channel": "D0DM0001",
        "user": VIEWER,
        "text": "forecast AB-100",
        "ts": "1700000001.000100",
    }
    assert slack_server.event(dm).status_code == 200
    [reply] = slack_server.replies("1700000001.000100")
    assert reply.body["channel"] == "D0DM0001" and "AB-100" in reply.body["text"]
    posted = slack_server.fake.calls_to("chat.postMessage")
    assert not [c for c in posted if c.body.get("thread_ts") == "1700000001.000050"]


def test_slash_command_posts_the_question_answers_in_its_thread_and_uploads_the_chart(slack_server, slack_env):
    response = slack_server.command("forecast AB-100")
    assert response.status_code == 200 and response.text == ""

    anchor = slack_server.fake.wait_for("chat.postMessage", lambda b: "thread_ts" not in b)[0]
    assert anchor.body["channel"] == CHANNEL and "`/sop forecast AB-100`" in anchor.body["text"]
    thread_ts = anchor.response["ts"]
    [reply] = slack_server.replies(thread_ts)
    rows = tool_result(slack_env, "get_forecast", {"product": "AB-100"})["rows"]
    table = next(b["text"]["text"] for b in reply.body["blocks"] if "```" in b["text"].get("text", ""))
    first = [line for line in table.splitlines() if line.strip().startswith(rows[0]["period"])][0]
    assert first.split()[1] == f"{rows[0]['final']:,.1f}"

    complete = slack_server.fake.wait_for("files.completeUploadExternal")[0].body
    assert complete["channel_id"] == CHANNEL and complete["thread_ts"] == thread_ts
    [upload] = slack_server.fake.calls_to("upload")
    assert upload.raw.startswith(b"\x89PNG\r\n\x1a\n") and upload.body["bytes"] > 10_000
    [get_url] = slack_server.fake.calls_to("files.getUploadURLExternal")
    assert get_url.body["filename"] == chart_file_name("AB-100") and int(get_url.body["length"]) == upload.body["bytes"]


def test_slash_help_is_answered_in_the_acknowledgement(slack_server):
    response = slack_server.command("help")
    assert response.status_code == 200
    doc = response.json()
    assert "/sop short oat milk next month" in doc["blocks"][0]["text"]["text"]
    assert not slack_server.fake.calls_to("chat.postMessage")


def test_a_retried_event_is_processed_once(slack_server):
    event = {
        "type": "app_mention",
        "user": VIEWER,
        "text": "<@UBOT> forecast AB-200",
        "ts": "1700000002.000100",
        "channel": CHANNEL,
        "event_ts": "1700000002.000100",
    }
    assert slack_server.event(event, event_id="EvRETRY1").status_code == 200
    retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    assert slack_server.event(event, event_id="EvRETRY1", headers=retry).status_code == 200
    slack_server.replies("1700000002.000100")
    slack_server.mention("forecast AB-100", ts="1700000002.000200")  # a later event, answered after both
    slack_server.replies("1700000002.000200")
    assert (
        len(
            [
                c
                for c in slack_server.fake.calls_to("chat.postMessage")
                if c.body.get("thread_ts") == "1700000002.000100"
            ]
        )
        == 1
    )
    assert len(slack_server.fake.calls_to("reactions.add")) == 2


@pytest.mark.parametrize("via", ["command", "mention"])
def test_slack_gets_its_acknowledgement_while_the_tool_is_still_blocked(slack_server, monkeypatch, via):
    entered, release = threading.Event(), threading.Event()
    original = tools_base.REGISTRY["check_shortages"]

    def blocked(args, ctx):
        entered.set()
        assert release.wait(30), "the test never released the tool"
        return original(args, ctx)

    monkeypatch.setitem(tools_base.REGISTRY, "check_shortages", blocked)
    if via == "command":
        response = slack_server.command("short CD-300 next month")
    else:
        response = slack_server.mention("are we short on CD-300 next month?", ts="1700000003.000100")
    assert response.status_code == 200  # acknowledged...
    assert entered.wait(30)  # ...while the tool runs, blocked
    assert not [
        c
        for c in slack_server.fake.calls_to("chat.postMessage")
        if "CD-300" in c.body.get("text", "") and c.body.get("thread_ts")
    ]
    release.set()
    slack_server.fake.wait_for("chat.postMessage", lambda b: b.get("thread_ts") and "CD-300" in b["text"])


def test_a_reforecast_posts_a_progress_message_and_updates_it(slack_server):
    slack_server.mention("reforecast the Widgets family", user=PLANNER, ts="1700000004.000100")
    answer = slack_server.replies("1700000004.000100", where=lambda b: "Draft forecast" in b["text"])[0]
    progress = [c for c in slack_server.fake.calls_to("chat.postMessage") if "Working" in c.body["text"]]
    assert len(progress) == 1 and progress[0].body["thread_ts"] == "1700000004.000100"
    assert progress[0].at < answer.at
    updates = slack_server.fake.calls_to("chat.update")
    assert updates and all(u.body["ts"] == progress[0].response["ts"] for u in updates)  # the progress message
    last = updates[-1].body["text"]
    done, total = last.split("step ")[1].split(":")[0].split("/")
    assert done == total and last.startswith(":white_check_mark:")


def _publish_request(slack_server, ts: str) -> tuple[str, dict]:
    slack_server.mention("publish the forecast", user=PLANNER, ts=ts)
    posted = slack_server.replies(ts)[0]
    reply = posted.body
    actions = next(b for b in reply["blocks"] if b["type"] == "actions")
    approve, reject = actions["elements"]
    assert (approve["action_id"], reject["action_id"]) == ("sop_approve", "sop_reject")
    message = {
        "type": "message",
        "ts": posted.response["ts"],
        "thread_ts": ts,
        "text": reply["text"],
        "blocks": reply["blocks"],
    }
    return approve["value"], message


def test_a_planner_approves_a_publish_with_the_button(slack_server, slack_env):
    draft = forecasting.run_forecast(slack_env.store, slack_env.planning_date()[0], principal="test", note="draft")
    approval_id, message = _publish_request(slack_server, "1700000005.000100")
    assert store_approvals.get_approval(slack_env.store, approval_id)["status"] == "pending"

    assert slack_server.press("sop_approve", approval_id, PLANNER, message).status_code == 200
    [update] = slack_server.fake.wait_for("chat.update")
    assert update.body["ts"] == message["ts"] and f"Approved by <@{PLANNER}>" in update.body["text"]
    assert not [b for b in update.body["blocks"] if b["type"] == "actions"]  # the buttons are gone
    approval = store_approvals.get_approval(slack_env.store, approval_id)
    assert approval["status"] == "approved" and approval["decided_by"] == f"slack:{PLANNER}"
    assert approval["result"]["version"] == draft["version"]


def test_a_viewer_pressing_approve_gets_a_friendly_refusal_and_nothing_changes(slack_server, slack_env):
    approval_id, message = _publish_request(slack_server, "1700000006.000100")
    assert slack_server.press("sop_approve", approval_id, VIEWER, message).status_code == 200
    [refusal] = slack_server.fake.wait_for("chat.postEphemeral")
    assert refusal.body["user"] == VIEWER and refusal.body["thread_ts"] == "1700000006.000100"
    assert "only a planner or admin" in refusal.body["text"] and "viewer" in refusal.body["text"]
    assert store_approvals.get_approval(slack_env.store, approval_id)["status"] == "pending"
    assert not slack_server.fake.calls_to("chat.update")
    # an admin may reject it
    slack_server.press("sop_reject", approval_id, ADMIN, message)
    [update] = slack_server.fake.wait_for("chat.update")
    assert f"Rejected by <@{ADMIN}>" in update.body["text"]
    assert store_approvals.get_approval(slack_env.store, approval_id)["status"] == "rejected"


PING_NOTE = "Decision: <!channel> promo moved; see <https://evil.example/x|the plan> and ask <@U0BOSS>"


def test_note_and_product_text_reach_slack_escaped(slack_server, monkeypatch):
    def fake_notes(args, ctx):
        return {
            "query": args.query,
            "hits": [
                {
                    "text": PING_NOTE,
                    "meeting": "demand_review",
                    "date": "2026-09-10",
                    "file": "<!here>notes.md",
                    "section": "Decisions",
                    "title": "Demand review",
                }
            ],
            "source": "meeting notes",
        }

    monkeypatch.setitem(tools_base.REGISTRY, "search_meeting_notes", fake_notes)
    slack_server.mention("what did the meeting notes say about the promo?", ts="1700000007.000100")
    notes_reply = slack_server.replies("1700000007.000100")[0].body
    slack_server.mention("forecast CD-300", ts="1700000007.000200")
    product_reply = slack_server.replies("1700000007.000200")[0].body

    assert "&lt;!channel&gt; promo moved" in texts(notes_reply)
    assert "&lt;https://evil.example/x|the plan&gt;" in texts(notes_reply)
    assert "&lt;!here&gt;notes.md" in notes_reply["blocks"][-1]["elements"][0]["text"]  # the sources line
    assert "Gamma &lt;!channel&gt; Gadget" in texts(product_reply)
    for call in slack_server.fake.calls:
        raw = json.dumps(call.body)
        for ping in ("<!channel>", "<!here>", "<@U0BOSS>", "<https://evil"):
            assert ping not in raw, (call.method, raw)


def test_a_failure_becomes_a_friendly_message_in_the_thread(slack_server, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database is on fire")

    monkeypatch.setattr(slack_server.mount.services.assistant, "ask", broken)
    slack_server.mention("are we short on CD-300 next month?", ts="1700000008.000100")
    [reply] = slack_server.replies("1700000008.000100")
    assert reply.body["text"].startswith("Sorry, something went wrong while answering (RuntimeError)")
    assert "on fire" not in reply.body["text"]  # no internals leak


def test_a_request_with_a_bad_signature_is_refused(slack_server):
    response = slack_server.post_signed(
        json.dumps({"type": "event_callback", "event": {}}), "application/json", secret="not-the-secret"
    )
    assert response.status_code == 401
    challenge = slack_server.post_signed(
        json.dumps({"type": "url_verification", "challenge": "abc123"}), "application/json"
    )
    assert challenge.status_code == 200 and challenge.json() == {"challenge": "abc123"}


def test_a_question_back_shows_its_options_as_buttons_and_a_press_answers_it(slack_server):
    slack_server.mention("how are the KPIs for AB-100 last quarter?", ts="1700000009.000100")
    [asked] = slack_server.replies("1700000009.000100")
    [choices] = [b for b in asked.body["blocks"] if b["type"] == "actions" and b["block_id"] == "choose"]
    wape = next(e for e in choices["elements"] if e["value"] == "wape")
    message = {"ts": "1700000009.000200", "thread_ts": "1700000009.000100", "blocks": asked.body["blocks"]}
    payload = {
        "type": "block_actions", "team": {"id": "T1"}, "user": {"id": VIEWER}, "api_app_id": "A1",
        "token": "legacy", "trigger_id": "1.2.3", "response_url": slack_server.fake.response_url,
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": CHANNEL},
        "channel": {"id": CHANNEL}, "message": message,
        "actions": [{"type": "button", "action_id": wape["action_id"], "block_id": "choose", "value": "wape",
                     "action_ts": "1700000009.3"}],
    }
    from urllib.parse import urlencode

    response = slack_server.post_signed(urlencode({"payload": json.dumps(payload)}),
                                        "application/x-www-form-urlencoded")
    assert response.status_code == 200
    _, answered = slack_server.replies("1700000009.000100", count=2)
    assert "WAPE" in texts(answered.body) or "wape" in texts(answered.body).lower()
    assert "get_kpi" in answered.body["blocks"][-1]["elements"][0]["text"]  # the sources line names the tool
