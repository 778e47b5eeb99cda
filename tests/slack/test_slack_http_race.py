"""HTTP and Slack writing together on one store (SQLite and PostgreSQL): approvers clicking over HTTP on one
server and pressing Approve in Slack on another at the same moment publish exactly once."""

from __future__ import annotations

import threading
import time

import pytest

from assistant.bootstrap import load_folder
from assistant.runtime import Runtime
from sop_engine.service import forecasting
from sop_engine.store import approvals as store_approvals
from tests.api.server import ApiServer
from tests.factories import write_company
from tests.slack.slack_server import ADMIN, CHANNEL, PLANNER, PRODUCTS_WITH_PING, SALES, SIGNING_SECRET, SlackServer

KEYS = "ana-key:planner:ana,ben-key:planner:ben,boss-key:admin:root"


@pytest.fixture
def servers(store_url, tmp_path, fake_slack, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SOP_SLACK_API_URL", fake_slack.base_url)
    monkeypatch.setenv("SOP_SLACK_ROLES", f"{PLANNER}:planner,{ADMIN}:admin")
    runtime = Runtime()
    folder = write_company(tmp_path / "company", products__csv=PRODUCTS_WITH_PING, sales_history__csv=SALES)
    load_folder(runtime, folder, "test")
    slack = SlackServer(Runtime(), fake_slack, progress_interval=0.0).start()  # each server its own engine
    with ApiServer(Runtime()) as api:
        yield runtime, api, slack
    slack.stop()


def _message(ts: str) -> dict:
    return {"type": "message", "ts": ts, "thread_ts": ts, "text": "approval", "blocks": []}


def _race(api, slack, approval_id: str, round_: int) -> tuple[list[int], list]:
    """Two HTTP approvers twice each and two Slack approvers twice each, all at once: the HTTP status codes, and
    Slack's answers to the presses (a chat.update for the winner, an ephemeral message for each loser)."""
    before = len(slack.fake.calls)
    barrier = threading.Barrier(8)
    codes: list[int] = []

    def click(key: str) -> None:
        with api.client(key) as client:
            barrier.wait()
            codes.append(client.post(f"/v1/approvals/{approval_id}/approve").status_code)

    def press(user: str, i: int) -> None:
        barrier.wait()
        ack = slack.press("sop_approve", approval_id, user, _message(f"17000001{round_}{i}.000100"))
        assert ack.status_code == 200

    threads = [threading.Thread(target=click, args=(key,)) for key in ("ben-key", "boss-key") * 2]
    threads += [threading.Thread(target=press, args=(user, i)) for i, user in enumerate((PLANNER, ADMIN) * 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    deadline = time.monotonic() + 120
    while True:
        answers = [c for c in slack.fake.calls[before:] if c.method in ("chat.update", "chat.postEphemeral")]
        if len(answers) >= 4 or time.monotonic() > deadline:
            return codes, answers
        time.sleep(0.1)


def test_http_and_slack_approvers_at_once_publish_exactly_once(servers):
    runtime, api, slack = servers
    for round_ in range(3):
        draft = forecasting.run_forecast(runtime.store, runtime.planning_date()[0], principal="test", horizon=3)
        with api.client("ana-key") as ana:
            pending = ana.post("/v1/chat", json={"message": f"publish forecast version {draft['version']}"}).json()
        approval_id = pending["pending_approval"]["id"]
        codes, answers = _race(api, slack, approval_id, round_)
        slack_won = [c for c in answers if c.method == "chat.update"]
        slack_lost = [c for c in answers if c.method == "chat.postEphemeral"]
        assert len(answers) == 4 and all(c.body["channel"] == CHANNEL for c in answers)
        assert all("Nothing done" in c.body["text"] and "already approved" in c.body["text"] for c in slack_lost)
        assert sorted(codes).count(200) + len(slack_won) == 1, (round_, codes, [c.body["text"] for c in answers])
        assert all(code in (200, 409) for code in codes)
        approval = store_approvals.get_approval(runtime.store, approval_id)
        assert approval["status"] == "approved" and approval["result"]["version"] == draft["version"]
        entries = runtime.store.audit_entries(1000)
        publishes = [e for e in entries
                     if e["action"] == "forecast.publish" and e["detail"]["version"] == draft["version"]]
        decisions = [e for e in entries if e["action"] == "approval.approved" and e["detail"]["id"] == approval_id]
        assert len(publishes) == 1 and len(decisions) == 1
        assert decisions[0]["principal"] in ("api:ben", "api:root", f"slack:{PLANNER}", f"slack:{ADMIN}")
