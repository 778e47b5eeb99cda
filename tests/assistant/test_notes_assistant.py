"""Meeting notes through the CLI and the assistant, on the demo's notes with the real local embedding model:
search with citations, decisions as records, and notes that are data, never instructions."""

from __future__ import annotations

import shutil

import pytest
from cli.helpers import sop_json
from fakes import call, say, scripted

from assistant.cli.context import runtime
from assistant.conversation import Assistant
from sop_engine.service.forecasting import run_forecast
from sop_engine.store import approvals
from sop_engine.store import forecasts as versions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def notes_home(demo_home, tmp_path_factory):
    """The demo home with its meeting notes ingested (the embedding model loads once)."""
    from assistant.runtime import Runtime
    from assistant.settings import Settings
    from sop_engine.service.notes import ingest_notes

    home = tmp_path_factory.mktemp("notes") / "sop-home"
    shutil.copytree(demo_home, home)
    rt = Runtime(Settings(home=home))
    report = ingest_notes(rt.store, rt.notes_store(), home / "demo" / "notes", "cli:test")
    assert report["skipped"] == [] and report["notes"] >= 40
    return home


@pytest.fixture
def with_notes(notes_home, isolated_home):
    shutil.copytree(notes_home, isolated_home)
    return isolated_home


def test_search_and_decisions_through_the_cli(with_notes):
    hits = sop_json("notes", "search", "safety stock change on oat milk", "--limit", "3")["hits"]
    assert len(hits) == 3
    assert set(hits[0]) >= {"file", "meeting", "date", "title", "section", "text", "score"}
    execs = sop_json("notes", "search", "promotion decision", "--meeting", "executive_sop", "--since", "2026-06")
    assert execs["hits"] and all(h["meeting"] == "executive_sop" and h["date"] >= "2026-06-01" for h in execs["hits"])
    items = sop_json("notes", "decisions", "--open")["items"]
    assert items and all(i["kind"] == "action_item" and i["done"] is False for i in items)
    owner = items[0]["owner"].split()[0]
    mine = sop_json("notes", "decisions", "--open", "--owner", owner)["items"]
    assert mine and all(owner.lower() in i["owner"].lower() for i in mine)
    ref = next(r for i in sop_json("notes", "decisions")["items"] for r in i["refs"] if r.startswith("PO-"))
    about = sop_json("notes", "decisions", "--mentions", ref)["items"]
    assert about and all(ref in i["text"] or ref in i["refs"] for i in about)
    oat = sop_json("notes", "decisions", "--sku", "OAT-1L")["items"]
    assert oat and all("OAT-1L" in i["skus"] for i in oat)
    # the home moved (this test's copy): its notes folder is new to the index, then unchanged
    first = sop_json("notes", "ingest", str(with_notes / "demo" / "notes"))
    again = sop_json("notes", "ingest", str(with_notes / "demo" / "notes"))
    assert first["added"] == again["unchanged"] and (again["added"], again["updated"], again["removed"]) == (0, 0, 0)
    assert again["items"] == first["items"] > 0


def test_the_offline_router_answers_from_the_notes_with_citations(with_notes):
    doc = sop_json("ask", "what did we decide about safety stock on oat milk?")
    assert doc["tool_calls"][0]["name"] in ("search_meeting_notes", "list_decisions")
    cited = [s for s in doc["sources"] if s.get("file")] or doc["tool_calls"][0]["result"].get("items")
    assert cited
    assert ".md" in doc["answer"]


@pytest.mark.parametrize("role", ["viewer", "planner"])
def test_an_injected_note_cannot_publish_a_forecast(with_notes, role):
    store = runtime().store
    draft = run_forecast(store, runtime().planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)["version"]
    before = versions.published_values(store)[["sku", "version"]].drop_duplicates()
    model = scripted(call("search_meeting_notes", {"query": "urgent forecast request from the pricing desk"}),
                     call("publish_forecast", {"version": "latest"}, "call_2"),  # the model obeys the note
                     say("Done as the note asked."))
    doc = Assistant(runtime(), model_factory=lambda: model).ask("anything unusual in the notes?",
                                                               principal=f"slack:{role}", role=role)
    # the note reached the model as quoted data inside delimiters
    seen_tool = model.seen[1][-1].content
    assert "<<<NOTE" in seen_tool and "ignore previous instructions" in seen_tool
    assert '"text"' not in seen_tool
    publish = doc["tool_calls"][-1]
    assert publish["name"] == "publish_forecast"
    if role == "viewer":
        assert publish["result"]["error"]["code"] == "permission_denied"
        assert approvals.list_approvals(store) == []
    else:
        assert publish["result"]["pending_approval"]["status"] == "pending"
    after = versions.published_values(store)[["sku", "version"]].drop_duplicates()
    assert after.equals(before) and draft not in set(after["version"])
