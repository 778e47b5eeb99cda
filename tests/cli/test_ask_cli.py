"""``sop ask``, ``sop approvals`` and ``sop serve``'s start-up rules, in-process and as the real executable."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from cli.helpers import sop, sop_json

from assistant.bootstrap import ensure_data
from assistant.runtime import Runtime
from sop_engine.service.forecasting import run_forecast

SOP = str(Path(sys.executable).with_name("sop"))


def test_ask_json_returns_the_turn_document(demo):
    doc = sop_json("ask", "are we short on oat milk 1L next month?")
    assert set(doc) >= {"answer", "tool_calls", "sources", "engine", "pending_approval"}
    assert doc["engine"] == "offline" and doc["grounded"] is True
    [call] = doc["tool_calls"]
    assert call["name"] == "check_shortages" and call["args"]["product"] == "OAT-1L"
    assert call["args"]["period"] == "2026-12" and "2026-12" in doc["answer"]


def test_ask_asks_back_with_options_and_the_option_answers_on_the_thread(demo):
    doc = sop_json("ask", "are we short on oat milk next month?")
    assert doc["tool_calls"] == [] and doc["language"] == "en"
    assert {o["value"] for o in doc["clarification"]["options"]} == {"OAT-1L", "OAT-250"}
    chosen = sop_json("ask", "--thread", doc["thread_id"], "OAT-250")
    [call] = chosen["tool_calls"]
    assert call["args"] == {"product": "OAT-250", "period": "2026-12"} and chosen["clarification"] is None
    vi = sop_json("ask", "tháng sau có thiếu sữa yến mạch không?")  # no such product: asked, nothing answered
    assert vi["language"] == "vi" and vi["tool_calls"] == [] and vi["clarification"]["question"]


def test_a_publish_through_ask_waits_then_approvals_apply_it(demo):
    runtime = Runtime()
    draft = run_forecast(runtime.store, runtime.planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)
    viewer = sop_json("ask", "--role", "viewer", f"publish forecast version {draft['version']}")
    assert viewer["pending_approval"] is None and "Not allowed" in viewer["answer"]
    doc = sop_json("ask", f"publish forecast version {draft['version']}")
    pending = doc["pending_approval"]
    assert pending["status"] == "pending"
    assert [a["id"] for a in sop_json("approvals", "list")["approvals"]] == [pending["id"]]
    assert sop_json("approvals", "approve", pending["id"], "--role", "viewer", ok=False)["error"][
        "code"] == "permission_denied"
    assert sop_json("forecast", "show", "--sku", "OAT-1L")["rows"][0]["version"] == 1
    assert sop_json("approvals", "approve", pending["id"])["status"] == "approved"
    assert sop_json("forecast", "show", "--sku", "OAT-1L")["rows"][0]["version"] == draft["version"]
    assert sop_json("approvals", "list")["approvals"] == []


def test_help_and_not_understood_answers(demo):
    assert "shortages" in sop_json("ask", "what can you do?")["answer"]
    odd = sop_json("ask", "sing me a song about turnips")
    assert odd["tool_calls"] == [] and "help" in odd["answer"]
    result = sop("ask", "--role", "emperor", "hello")
    assert result.exit_code == 2 and "viewer, planner, admin" in result.output


def test_serve_refuses_a_public_address_without_keys(demo):
    result = sop("serve", "--host", "0.0.0.0", "--no-demo")
    assert result.exit_code == 1 and "SOP_API_KEYS" in result.stderr


def test_serve_never_overwrites_a_loaded_store(demo):
    runtime = Runtime()
    before = runtime.store.summary()
    assert ensure_data(runtime, "cli:test") is None
    assert runtime.store.summary()["loaded_at"] == before["loaded_at"]


def test_the_real_executable(demo, tmp_path):
    env = {**os.environ, "SOP_HOME": str(demo), "SOP_PLANNING_DATE": "2026-11-15"}
    shown = subprocess.run([SOP, "data", "show", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert shown.returncode == 0 and json.loads(shown.stdout)["counts"]["products"] == 61
    asked = subprocess.run([SOP, "ask", "--json", "forecast for cold brew next quarter"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["tool_calls"][0]["name"] == "get_forecast"
    bad = subprocess.run([SOP, "data", "load", str(tmp_path / "nowhere"), "--json"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"]["code"] == "contract_violation"
    usage = subprocess.run([SOP, "gaps", "--bogus", "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert usage.returncode == 2 and json.loads(usage.stdout)["error"]["code"] == "usage"
    assert "Traceback" not in bad.stderr + usage.stderr
    assert shutil.which(SOP)


def test_chat_keeps_the_conversation(demo):
    from cli.helpers import runner

    from assistant.cli import context
    from assistant.cli.main import app

    context.reset()
    result = runner.invoke(app, ["chat", "--role", "viewer"],
                           input="are we short on oat milk 1L next month?\nand in january 2027?\n\n")
    assert result.exit_code == 0, result.output
    assert "2026-12" in result.output and "2027-01" in result.output
    assert result.output.count("OAT-1L") >= 2  # the follow-up kept the product


def test_library_internals_never_reach_the_terminal_even_with_debug(demo, tmp_path):
    notes = Path(__file__).parents[1] / "sop_engine" / "notes" / "demo_notes"
    env = {**os.environ}
    ingest = subprocess.run([SOP, "--debug", "notes", "ingest", str(notes)], capture_output=True, text=True, env=env,
                            timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    found = subprocess.run([SOP, "--debug", "notes", "search", "oat milk supplier"], capture_output=True, text=True,
                           env=env, timeout=600)
    assert found.returncode == 0, found.stderr
    for library in ("bm25s", "httpx", "chromadb", "urllib3", "sentence_transformers"):
        assert f"DEBUG:{library}" not in ingest.stderr + found.stderr, library
