"""Scheduled digests against the local fake Slack Web API, with the clock moved forward by the test (never
waited for): the weekly exceptions, the pack before the pre-S&OP meeting, reminders to owners, one post per
slot after a restart and with two server processes, a missed post sent once on start within the grace."""

from __future__ import annotations

import json
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.bootstrap import load_folder
from assistant.digests import Digests
from assistant.runtime import Runtime
from assistant.settings import Settings, parse_digests
from assistant.slack.app import web_client
from sop_engine.pack import list_packs
from sop_engine.service import forecasting
from sop_engine.store import digests as records
from tests.cli.helpers import sop, sop_json
from tests.factories import write_company
from tests.slack.slack_server import SALES

COMPANY = ('name = "Digest Co"\ncurrency = "EUR"\nplanning_date = "2026-11-15"\ntimezone = "Europe/Paris"\n'
           "pre_sop_day = 10\npack_days_before = 3\n")
NOTE = """---
date: 2026-11-20
meeting: executive_sop
---
# Executive S&OP

## Action items
- [ ] Lan Nguyen: confirm the extra shift (due 2026-12-08)
- [ ] Minh Tran: update the promotion calendar (due 2026-12-08)
- [ ] Ana Silva: send the revised budget (due 2026-11-30)
"""
WEEKLY = [{"digest": "exceptions", "channel": "C0PLAN", "cron": "0 8 * * mon"}]
MONDAY = datetime(2026, 12, 7, 7, 5, tzinfo=UTC)  # 08:05 in Paris, five minutes after the weekly slot
USERS = {"lan nguyen": "U0LAN"}


@pytest.fixture(scope="module")
def digest_home(tmp_path_factory) -> Path:
    from sop_engine.service.notes import ingest_notes

    home = tmp_path_factory.mktemp("digests") / "sop-home"
    runtime = Runtime(Settings(home=home, planning_date=datetime(2026, 11, 15).date()))
    folder = write_company(home.parent / "company", sales_history__csv=SALES, company__toml=COMPANY)
    load_folder(runtime, folder, "test")
    run = forecasting.run_forecast(runtime.store, datetime(2026, 11, 15).date(), principal="test")
    forecasting.publish_forecast(runtime.store, run["version"], "test")
    notes = home.parent / "notes"
    notes.mkdir()
    (notes / "2026-11-20-executive_sop.md").write_text(NOTE, encoding="utf-8")
    ingest_notes(runtime.store, runtime.notes_store(), notes, "test")
    runtime.store.engine.dispose()
    return home


@pytest.fixture
def slack_home(digest_home, isolated_home, fake_slack, monkeypatch) -> Runtime:
    shutil.copytree(digest_home, isolated_home)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SOP_SLACK_API_URL", fake_slack.base_url)
    return Runtime()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _digests(runtime: Runtime, specs: list[dict], clock: Clock, **options) -> Digests:
    """One server process's digests (a fresh object = a restart or another process on the same store)."""
    return Digests(Runtime(runtime.settings), web_client(runtime), specs=parse_digests(json.dumps(specs)),
                   users=options.pop("users", USERS), clock=clock, **options)


def _posts(fake, channel: str) -> list[dict]:
    return [c.body for c in fake.calls_to("chat.postMessage") if c.body.get("channel") == channel]


def _text(body: dict) -> str:
    blocks = body["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return json.dumps(blocks, ensure_ascii=False)


def test_weekly_exceptions_post_once_per_slot_across_restarts(slack_home, fake_slack):
    clock = Clock(MONDAY)
    first = _digests(slack_home, WEEKLY, clock).tick()
    assert [r["status"] for r in first] == ["posted"] and first[0]["new_shortages"] > 0
    body = _posts(fake_slack, "C0PLAN")[0]
    text = _text(body)
    assert "New shortages" in text and "Ana Silva" in text and "send the revised budget" in text  # overdue
    assert "Lan Nguyen" not in text  # due on 2026-12-08: not overdue on 2026-12-07
    assert fake_slack.calls_to("upload") and fake_slack.calls_to("files.completeUploadExternal")  # the chart

    clock.now = MONDAY + timedelta(hours=2)  # a restart the same morning: the slot is taken
    assert [r["status"] for r in _digests(slack_home, WEEKLY, clock).tick()] == ["already_posted"]
    clock.now = MONDAY + timedelta(days=3)  # no slot in the window
    assert _digests(slack_home, WEEKLY, clock).tick() == []
    assert len(_posts(fake_slack, "C0PLAN")) == 1

    clock.now = MONDAY + timedelta(days=7)  # next week: the same SKUs short, so none is new
    again = _digests(slack_home, WEEKLY, clock).tick()
    assert again[0]["status"] == "posted" and again[0]["new_shortages"] == 0
    assert "No new shortages" in _text(_posts(fake_slack, "C0PLAN")[1])
    assert [p["status"] for p in records.posts(slack_home.store, "exceptions")] == ["posted", "posted"]


def test_two_server_processes_post_a_slot_once(slack_home, fake_slack):
    clock = Clock(MONDAY)
    servers = [_digests(slack_home, WEEKLY, clock) for _ in range(4)]
    barrier = threading.Barrier(len(servers))
    results: list[list[dict]] = [[] for _ in servers]

    def run(i: int) -> None:
        barrier.wait()
        results[i] = servers[i].tick()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(servers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    statuses = sorted(r[0]["status"] for r in results)
    assert statuses == ["already_posted"] * 3 + ["posted"] and len(_posts(fake_slack, "C0PLAN")) == 1


def test_a_missed_post_is_sent_once_on_start_within_the_grace(slack_home, fake_slack):
    clock = Clock(MONDAY + timedelta(hours=13))  # down for 13 h after the slot: past the 12 h grace
    late = _digests(slack_home, WEEKLY, clock)
    assert late.tick() == [] and not _posts(fake_slack, "C0PLAN")

    clock.now = MONDAY + timedelta(hours=3)
    started = _digests(slack_home, WEEKLY, clock)
    started.start()  # APScheduler plus the catch-up of missed slots
    try:
        fake_slack.wait_for("chat.postMessage", lambda b: b.get("channel") == "C0PLAN")
        job = started.jobs()[0]
        next_run = datetime.fromisoformat(job["next_run_time"])
        assert (next_run.weekday(), next_run.hour, next_run.minute) == (0, 8, 0)  # Mondays 08:00, Paris time
        assert next_run.utcoffset() in (timedelta(hours=1), timedelta(hours=2))
    finally:
        started.stop()
    restarted = _digests(slack_home, WEEKLY, clock)
    assert [r["status"] for r in restarted.tick()] == ["already_posted"]
    assert len(_posts(fake_slack, "C0PLAN")) == 1


def test_the_pack_is_posted_on_its_day_before_the_meeting(slack_home, fake_slack):
    daily = [{"digest": "pack", "channel": "C0SOP", "cron": "0 9 * * *"}]
    clock = Clock(datetime(2026, 12, 6, 8, 5, tzinfo=UTC))  # 6 December, 09:05 in Paris
    assert _digests(slack_home, daily, clock).tick()[0] == {"digest": "pack", "channel": "C0SOP", "status": "not_due",
                                                             "slot": "2026-12-06T08:00:00+00:00",
                                                             "pack_day": "2026-12-07"}
    clock.now += timedelta(days=1)  # 7 December = 10 December (pre_sop_day) - 3 days
    posted = _digests(slack_home, daily, clock).tick()[0]
    assert posted["status"] == "posted" and posted["period"] == "2026-11"
    text = _text(_posts(fake_slack, "C0SOP")[0])
    assert "Pre-S&OP pack" in text and "10 Dec 2026" in text and "Shortages and what would cover them" in text
    uploads = [c for c in fake_slack.calls_to("upload")]
    assert uploads and uploads[-1].raw.startswith(b"%PDF")
    clock.now += timedelta(hours=1)
    assert _digests(slack_home, daily, clock).tick()[0]["status"] == "already_posted"
    assert len(_posts(fake_slack, "C0SOP")) == 1 and len(list_packs(slack_home.store)) == 1


def test_reminders_go_to_known_owners_the_day_before(slack_home, fake_slack):
    daily = [{"digest": "reminders", "cron": "0 9 * * *"}]
    clock = Clock(datetime(2026, 12, 7, 8, 30, tzinfo=UTC))
    result = _digests(slack_home, daily, clock).tick()[0]
    assert result["due_date"] == "2026-12-08" and [s["user"] for s in result["sent"]] == ["U0LAN"]
    assert result["owners_without_user"] == ["Minh Tran"]
    dm = _posts(fake_slack, "U0LAN")
    assert len(dm) == 1 and "confirm the extra shift" in dm[0]["text"] and "tomorrow" in dm[0]["text"]
    again = _digests(slack_home, daily, clock).post_now("reminders")
    assert again["sent"] == [] and again["already_sent"] == 1 and len(_posts(fake_slack, "U0LAN")) == 1


def test_sop_digest_now_posts_once_to_the_configured_or_given_channel(slack_home, fake_slack, monkeypatch):
    monkeypatch.setenv("SOP_DIGESTS", json.dumps(WEEKLY))
    doc = sop_json("digest", "exceptions", "--now")
    assert doc["status"] == "posted" and doc["channel"] == "C0PLAN" and doc["slot"].startswith("now:")
    assert sop_json("digest", "exceptions", "--now", "--channel", "C0OTHER")["channel"] == "C0OTHER"
    assert len(_posts(fake_slack, "C0PLAN")) == 1 and len(_posts(fake_slack, "C0OTHER")) == 1
    assert sop_json("digest", "exceptions", ok=False)["error"]["code"] == "invalid_argument"
    assert "not a digest" in sop_json("digest", "weekly", "--now", ok=False)["error"]["message"]
    monkeypatch.setenv("SOP_DIGESTS", '[{"digest": "pack", "cron": "every day"}]')
    error = sop_json("digest", "pack", "--now", ok=False)["error"]["message"]
    assert "SOP_DIGESTS[0]" in error and "cron" in error
    assert sop("digest", "pack", "--now").exit_code == 1


def test_the_served_app_schedules_the_digests_and_catches_up_on_start(slack_home, fake_slack):
    """``sop serve``'s app starts the schedule in its lifespan (and posts the slot missed 2 h ago), then stops it."""
    from fastapi.testclient import TestClient

    from assistant.http.app import create_app

    digests = _digests(slack_home, WEEKLY, Clock(MONDAY + timedelta(hours=2)))
    with TestClient(create_app(Runtime(slack_home.settings), digests=digests)) as client:
        assert client.get("/healthz").status_code == 200
        fake_slack.wait_for("chat.postMessage", lambda b: b.get("channel") == "C0PLAN")
        assert [j["id"] for j in digests.jobs()] == ["digest-0"]
    assert digests.jobs() == [] and len(_posts(fake_slack, "C0PLAN")) == 1
