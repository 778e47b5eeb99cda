"""The same maxima at the command line and in the tools' arguments as over HTTP (sop_engine.limits)."""

from __future__ import annotations

import json

import pytest
from helpers import sop, sop_json

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from tools.base import run_tool


def test_cli_flags_beyond_their_maximum_are_refused(demo):
    months = sop("gaps", "--months", "37")
    assert months.exit_code == 2 and "36" in months.output
    assert sop("reconcile", "--months", "2400").exit_code == 2
    assert sop("kpi", "wape", "--lag", "1000").exit_code == 2
    kpi = sop_json("kpi", "wape", "--from", "0001-01", "--to", "9999-12", ok=False)
    assert kpi["error"]["code"] == "invalid_argument" and "the year 1 " in kpi["error"]["message"]
    wide = sop_json("kpi", "wape", "--from", "2000-01", "--to", "2026-10", ok=False)
    assert "10 years" in wide["error"]["message"]
    ask = sop_json("ask", "x" * 4001, ok=False)
    assert ask["error"]["code"] == "invalid_argument" and "4000" in ask["error"]["message"]


def test_the_cli_reads_a_scenario_file_from_its_users_shell(demo, tmp_path):
    ref = Runtime().store.read_table("supply")["ref"].iloc[0]
    scenario = tmp_path / "slip.json"
    scenario.write_text(json.dumps({"supply_changes": [{"ref": ref, "delay_days": 60}]}))
    doc = sop_json("gaps", "--months", "3", "--scenario", str(scenario))
    assert doc["scenario_input"]["supply_changes"][0]["ref"] == ref


def test_a_thread_id_not_of_this_user_is_not_found(demo):
    doc = sop_json("ask", "are we short on oat milk next month?", "--role", "viewer")
    assert sop_json("ask", "and in january 2027?", "--thread", doc["thread_id"])["thread_id"] == doc["thread_id"]
    assert sop_json("ask", "and in january 2027?", "--thread", "made-up", ok=False)["error"]["code"] == "not_found"


@pytest.mark.parametrize(("tool", "args"), [
    ("get_kpi", {"name": "wape", "lag": 99}),
    ("get_kpi", {"name": "wape", "period": "0001-01..9999-12"}),
    ("check_shortages", {"period": "next 100000 months"}),
    ("check_shortages", {"period": "2026-11..2099-12"}),
    ("check_shortages", {"scenario": {"supply_changes": [{"ref": "PO-1", "delay_days": 1}] * 201}}),
    ("reconcile_plan", {"period": "next 40 months"}),
])
def test_tool_arguments_beyond_their_maximum_are_invalid(demo, tool, args):
    result = run_tool(tool, args, Assistant(Runtime()).context("cli:t", "viewer"))
    assert result["error"]["code"] == "invalid_argument", result
