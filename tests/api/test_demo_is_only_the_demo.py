"""The demo is only the demo: served on an empty store and said so in /readyz; a real company loaded
afterwards (by the CLI, in its own process, while the server runs) leaves none of the demo's meeting
notes, decisions, forecasts or overrides in what is served."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli.helpers import sop_json
from factories import write_company
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.store import forecasts as versions

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]

QUESTIONS = [
    "what did we decide about safety stock on oat milk?",
    "what did the last executive S&OP meeting decide?",
    "any open action items?",
    "what did we decide about the promotion?",
    "what did the meetings say about supplier delays?",
    "forecast for oat milk next month",
    "are we short on oat milk next month?",
]


def _sop_process(*args: str) -> dict:
    """`sop ARGS --json` in a process of its own, as a planner would run it beside the server."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "assistant.cli.main", *args, "--json"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.stdout, done.stderr)
    return json.loads(done.stdout)


def _demo_text(store) -> list[str]:
    """Strings only the demo holds: its SKUs, product names, decision and action texts, people, company."""
    products = store.read_table("products")
    with store.engine.connect() as connection:
        items = connection.exec_driver_sql("SELECT text, owner FROM note_items").all()
    needles = set(products["sku"]) | set(products["name"]) | {store.company().name}
    needles |= {text[:40] for text, _ in items} | {owner for _, owner in items if owner}
    return sorted(n for n in needles if len(n) >= 5)


def test_demo_then_another_company_leaves_no_demo_in_any_answer(demo, tmp_path, monkeypatch):
    sop_json("notes", "ingest", str(demo / "demo" / "notes"))
    monkeypatch.setenv("SOP_API_KEYS", "plan-key:planner")
    runtime = Runtime()
    override = sop_json("forecast", "override", "OAT-1L", "2026-12", "999", "--reason", "demo promo")
    assert override["sku"] == "OAT-1L"
    needles = _demo_text(runtime.store)
    assert len(needles) > 100
    with ApiServer(runtime) as api, api.client("plan-key") as client:
        ready = client.get("/readyz").json()
        assert (ready["demo"], ready["company"]) == (True, runtime.store.company().name)
        before = client.post("/v1/chat", json={"message": QUESTIONS[0]}).json()
        assert any(n in json.dumps(before) for n in needles)  # the demo's notes are served, as they should be
        short = client.post("/v1/chat", json={"message": "are we short on oat milk next month?"}).json()
        assert "OAT-1L" in short["answer"]

        company = write_company(tmp_path / "acme")
        loaded = _sop_process("data", "load", str(company))
        change = loaded["company_change"]
        assert change["reason"] == "the store held the demo company" and change["to"] == "Test Co"
        dropped = change["dropped"]
        assert dropped["note_items"] > 0 and dropped["notes_chunks"] > 0 and dropped["overrides"] == 1
        assert dropped["forecast_versions"] >= 1 and dropped["published_forecast"] > 0
        assert dropped["conversation_threads"] >= 1

        ready = client.get("/readyz").json()
        assert (ready["demo"], ready["company"], ready["data_loaded"]) == (False, "Test Co", True)
        for question in QUESTIONS:
            response = client.post("/v1/chat", json={"message": question})
            assert response.status_code == 200, response.text
            text = json.dumps(response.json())
            leaked = [n for n in needles if n in text]
            assert not leaked, (question, leaked)
        # the thread started on the demo has forgotten it ("and in january?" followed the demo's product)
        follow = client.post("/v1/chat", json={"message": "and in january 2027?", "thread_id": short["thread_id"]})
        assert not [n for n in needles if n in follow.text], follow.text
        for path in ("/v1/notes/search?q=safety%20stock", "/v1/decisions", "/v1/forecast"):
            response = client.get(path)
            text = response.text
            assert not [n for n in needles if n in text], path
            assert response.status_code in (404, 409, 422), (path, response.status_code, text)
        assert client.get("/v1/forecast", params={"sku": "OAT-1L"}).status_code in (404, 422)

    for question in QUESTIONS[:3]:
        answer = sop_json("ask", question)
        assert not [n for n in needles if n in json.dumps(answer)], question
    assert versions.published_values(runtime.store).empty and versions.list_versions(runtime.store) == []
    assert versions.active_overrides(runtime.store).empty
    entries = [e for e in runtime.store.audit_entries(limit=10) if e["action"] == "company.change"]
    assert entries and entries[0]["detail"]["dropped"] == dropped
