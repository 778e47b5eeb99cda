"""Handler and formatting units: mocked ack / client, a fake clock, no server."""

from __future__ import annotations

import threading
from unittest.mock import MagicMock

import pytest
from typer.testing import CliRunner

from assistant.slack import blocks
from assistant.slack.listeners.command import acknowledge
from assistant.slack.listeners.events import is_user_dm, question_from
from assistant.slack.progress import ProgressMessage
from assistant.slack.services import SeenEvents, SlackServices
from assistant.slack.turn import Question, answer_in_thread, chart_sku, clean_text
from assistant.threads import ThreadOwners
from sop_engine.errors import InvalidArgument


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_escape_neutralises_pings_and_disguised_links():
    text = "Stock & flow <!channel> <!here> <@U123> <https://evil.example|our plan>"
    assert blocks.escape(text) == (
        "Stock &amp; flow &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|our plan&gt;"
    )


def test_mentions_are_built_only_from_well_formed_user_ids():
    assert blocks.mention("U0123ABC") == "<@U0123ABC>"
    assert blocks.mention("U1> <!channel") == "someone"
    assert blocks.mention(None) == "someone"


def test_chunks_keep_every_line_and_respect_the_limit():
    text = "\n".join(f"line {i} " + "x" * 40 for i in range(200))
    pieces = blocks.chunks(text, limit=500)
    assert all(len(p) <= 500 for p in pieces)
    assert "\n".join(pieces) == text
    assert blocks.chunks("y" * 1200, limit=500) == ["y" * 500, "y" * 500, "y" * 200]


def test_shortage_table_lists_short_skus_with_their_figures():
    result = {
        "skus": [
            {
                "sku": "AB-1",
                "first_short_period": "2026-12",
                "total_shortage": 1234.0,
                "months_of_cover": 0.5,
            },
            {"sku": "AB-2", "first_short_period": None, "total_shortage": 0.0, "months_of_cover": 4.0},
        ]
    }
    table = blocks.shortage_table(result)
    lines = table.strip("`").splitlines()
    assert lines[0].split() == ["SKU", "first", "short", "shortage", "cover", "(months)"]
    assert lines[1].split() == ["AB-1", "2026-12", "1,234", "0.5"]
    assert len(lines) == 2


def test_answer_blocks_escape_text_show_sources_and_approval_buttons():
    doc = {
        "answer": "Done <!channel> & more",
        "engine": "llm",
        "tool_calls": [],
        "sources": [
            {
                "tool": "search_meeting_notes",
                "file": "a<b>.md",
                "meeting": "pre_sop",
                "date": "2026-10-01",
                "section": "Decisions",
            },
            {"tool": "get_kpi", "source": "plan store"},
        ],
        "pending_approval": {"id": "apr-1", "summary": "publish forecast version 3"},
    }
    text, out = blocks.answer_blocks(doc)
    assert text == "Done &lt;!channel&gt; &amp; more"
    assert [b["type"] for b in out] == ["section", "section", "actions", "context"]
    assert [e["value"] for e in out[2]["elements"]] == ["apr-1", "apr-1"]
    assert out[3]["elements"][0]["text"] == (
        "Sources: a&lt;b&gt;.md (pre_sop, 2026-10-01, Decisions) · get_kpi: plan store"
    )


def test_decision_blocks_say_who_decided_and_the_outcome():
    text, out = blocks.decision_blocks(
        {
            "id": "apr-1",
            "status": "approved",
            "summary": "publish forecast version 3",
            "result": {"version": 3},
        },
        "U0PLAN",
    )
    assert text == ":white_check_mark: Approved by <@U0PLAN>: publish forecast version 3"
    assert out[1]["elements"][0]["text"] == "version 3 is now published"


def test_seen_events_forget_after_their_time_limit():
    clock = Clock()
    seen = SeenEvents(ttl=60, clock=clock)
    assert seen.first_time("Ev1") and not seen.first_time("Ev1")
    clock.now += 59
    assert not seen.first_time("Ev1")
    clock.now += 2
    assert seen.first_time("Ev1")
    assert seen.first_time(None) and seen.first_time(None)


def test_seen_events_let_exactly_one_of_many_threads_through():
    seen = SeenEvents()
    start = threading.Barrier(16)
    winners = []

    def take() -> None:
        start.wait()
        if seen.first_time("EvSAME"):
            winners.append(1)

    threads = [threading.Thread(target=take) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert winners == [1]


def test_progress_message_is_posted_once_then_updated_at_most_every_interval():
    client, clock = MagicMock(), Clock()
    client.chat_postMessage.return_value = {"ts": "9.1"}
    progress = ProgressMessage(client, "C1", "1.0", interval=2.0, clock=clock)
    progress(1, 4, "history prepared")
    clock.now += 1
    progress(2, 4, "forecast smooth")  # too soon: skipped
    clock.now += 1.5
    progress(3, 4, "cross-validate <b>")
    progress(4, 4, "done")  # the last step always shows
    client.chat_postMessage.assert_called_once()
    assert client.chat_postMessage.call_args.kwargs["thread_ts"] == "1.0"
    updates = [c.kwargs["text"] for c in client.chat_update.call_args_list]
    assert updates == [
        ":hourglass_flowing_sand: Working… step 3/4: cross-validate &lt;b&gt;",
        ":white_check_mark: Working… step 4/4: done",
    ]


def test_slash_help_is_acknowledged_with_the_help_and_questions_with_an_empty_ack():
    ack = MagicMock()
    acknowledge(ack, {"text": " help "})
    assert "/sop forecast" in ack.call_args.kwargs["blocks"][0]["text"]["text"]
    ack = MagicMock()
    acknowledge(ack, {"text": "short oat milk next month"})
    ack.assert_called_once_with()


def test_events_become_questions_in_their_thread():
    event = {"text": "<@UBOT> short &lt;oat&gt; milk &amp; more", "user": "U1", "channel": "C1", "ts": "5.5"}
    question = question_from(event)
    assert (question.text, question.channel, question.thread_ts) == ("short <oat> milk & more", "C1", "5.5")
    assert question_from({**event, "thread_ts": "4.4"}).thread_ts == "4.4"
    assert is_user_dm({"channel_type": "im", "user": "U1", "text": "hi"})
    assert not is_user_dm({"channel_type": "im", "user": "U1", "bot_id": "B1"})
    assert not is_user_dm({"channel_type": "im", "user": "U1", "subtype": "message_changed"})
    assert not is_user_dm({"channel_type": "channel", "user": "U1"})
    assert clean_text("<@UBOT|sop>   hello") == "hello"


def _services(ask) -> SlackServices:
    assistant = MagicMock()
    assistant.ask.side_effect = ask
    return SlackServices(runtime=MagicMock(), assistant=assistant, roles={"UPLAN": "planner"})


def test_a_turn_asks_with_the_thread_and_the_users_role(tmp_path):
    seen = {}

    def ask(text, **kwargs):
        seen.update(kwargs, text=text)
        return {
            "answer": "fine",
            "tool_calls": [],
            "sources": [],
            "engine": "offline",
            "pending_approval": None,
        }

    client = MagicMock()
    services = _services(ask)
    services.assistant.threads = ThreadOwners(tmp_path / "conversations.db")
    answer_in_thread(services, client, Question("forecast AB", "UPLAN", "C1", "1.0", "1.0"))
    assert (seen["text"], seen["principal"], seen["role"], seen["owner"]) == (
        "forecast AB",
        "slack:UPLAN",
        "planner",
        "slack-channel:C1",
    )
    # the thread's id is the one mapped from the channel and thread timestamp, never built from them
    mapped = services.assistant.threads.slack_thread("C1", "1.0")
    assert seen["thread_id"] == mapped and "C1" not in mapped and len(mapped) >= 22
    assert client.chat_postMessage.call_args.kwargs["text"] == "fine"
    client.reactions_add.assert_called_once_with(channel="C1", timestamp="1.0", name="hourglass_flowing_sand")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            InvalidArgument("period 'oat <!here>' is not a month"),
            "Sorry, I could not do that: period 'oat &lt;!here&gt;' is not a month",
        ),
        (KeyError("x"), "Sorry, something went wrong while answering (KeyError)."),
    ],
)
def test_a_failing_turn_tells_the_user_in_the_thread(error, expected):
    def ask(text, **kwargs):
        raise error

    client = MagicMock()
    assert answer_in_thread(_services(ask), client, Question("q", "U2", "C1", "1.0")) is None
    text = client.chat_postMessage.call_args.kwargs["text"]
    assert text.startswith(expected) and client.chat_postMessage.call_args.kwargs["thread_ts"] == "1.0"


def test_the_chart_goes_with_a_chart_call_or_a_one_sku_forecast():
    chart = {"name": "chart", "args": {}, "result": {"sku": "AB-1", "path": "/tmp/x.png"}}
    one = {"name": "get_forecast", "args": {}, "result": {"rows": [{"sku": "AB-1"}, {"sku": "AB-1"}]}}
    two = {"name": "get_forecast", "args": {}, "result": {"rows": [{"sku": "AB-1"}, {"sku": "AB-2"}]}}
    failed = {"name": "chart", "args": {}, "result": {"error": {"code": "not_found"}}}
    assert chart_sku({"tool_calls": [chart]}) == ("AB-1", "/tmp/x.png")
    assert chart_sku({"tool_calls": [one]}) == ("AB-1", None)
    assert chart_sku({"tool_calls": [two]}) is None
    assert chart_sku({"tool_calls": [failed]}) is None


def test_roles_come_from_sop_slack_roles_and_everyone_else_is_a_viewer(monkeypatch):
    from assistant.runtime import Runtime

    monkeypatch.setenv("SOP_SLACK_ROLES", "U1:planner,U2:admin")
    services = SlackServices.build(Runtime(), assistant=MagicMock())
    assert [services.role_of(u) for u in ("U1", "U2", "U3", None)] == ["planner", "admin", "viewer", "viewer"]


def test_slack_is_mounted_only_when_configured(monkeypatch):
    from assistant.runtime import Runtime
    from assistant.slack.app import SlackMount
    from assistant.slack.mount import slack_handler_from_settings

    assert slack_handler_from_settings(Runtime()) is None
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")
    assert isinstance(slack_handler_from_settings(Runtime()), SlackMount)


def test_sop_slack_needs_socket_mode_and_both_tokens(monkeypatch):
    import typer

    from assistant.slack.cli import slack_command

    app = typer.Typer()
    app.command("slack")(slack_command)
    app.command("other")(lambda: None)
    runner = CliRunner()
    http_mode = runner.invoke(app, ["slack"])
    assert http_mode.exit_code == 1 and "sop serve" in http_mode.output
    missing = runner.invoke(app, ["slack", "--socket", "--no-demo"])
    assert missing.exit_code == 1 and "SLACK_BOT_TOKEN and SLACK_APP_TOKEN" in missing.output


def test_the_manifest_asks_for_the_least_privileges_the_listeners_need():
    from pathlib import Path

    import yaml

    manifest = yaml.safe_load((Path(__file__).parents[2] / "slack" / "manifest.yaml").read_text(encoding="utf-8"))
    assert sorted(manifest["oauth_config"]["scopes"]["bot"]) == sorted(
        ["app_mentions:read", "chat:write", "commands", "im:history", "files:write", "reactions:write"]
    )
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_mention", "message.im"]
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/sop"]
    urls = {
        manifest["settings"]["event_subscriptions"]["request_url"],
        manifest["settings"]["interactivity"]["request_url"],
        manifest["features"]["slash_commands"][0]["url"],
    }
    assert urls == {"https://YOUR-HOST/slack/events"}
