"""The perturbation suite: from every fact of real tool results of the demo company, true claims written
several ways (English and Vietnamese, by code and name, exact and rounded) are all kept, and false claims of
every kind are caught (>= 95% per kind); the offline router's answers over the same results all pass."""

from __future__ import annotations

import json
import shutil

import pytest
from grounding_cases import CASES
from grounding_perturb import CALLS, HAND_ONLY, KINDS, NOTE_CALLS, evaluate, table

from assistant.conversation import Assistant
from assistant.router.vocab import load_vocabulary
from assistant.runtime import Runtime
from sop_engine.resolver import company_resolver
from tools.base import run_tool


def _run(calls, generated=True):
    runtime = Runtime()
    ctx = Assistant(runtime).context("cli:test", "planner")
    resolver = company_resolver(runtime.store, load_vocabulary().reserved)
    rows = {}
    for name, args in calls:
        result = run_tool(name, args, ctx)
        assert "error" not in result, result
        call = f"{name} {json.dumps(args, ensure_ascii=False)}"
        rows[call] = evaluate(name, args, result, resolver, CASES, generated)
    return rows


def _assert_rates(rows, capsys):
    with capsys.disabled():  # the per-kind table is part of the test output
        print("\n" + table(rows))
    for call, counts in rows.items():
        kept, total = counts["true"]
        assert kept == total, (call, counts["true"])
        assert counts["offline"][0] == counts["offline"][1], (call, "offline answers")
        assert counts["hand_written"][0] == counts["hand_written"][1], (call, "hand-written answers")
    for kind in KINDS:
        caught = sum(r[kind][0] for r in rows.values())
        total = sum(r[kind][1] for r in rows.values())
        if total:
            assert caught / total >= 0.95, (kind, caught, total)


def test_perturbations_of_planning_tools(demo, capsys):
    rows = _run(CALLS)
    assert all(sum(r[kind][1] for r in rows.values()) > 0 for kind in KINDS)
    assert all(r["true"][1] > 0 for r in rows.values())
    rows.update(_run(HAND_ONLY, generated=False))
    _assert_rates(rows, capsys)


@pytest.mark.slow
def test_perturbations_of_meeting_notes(demo_home, isolated_home, capsys):
    from assistant.settings import Settings
    from sop_engine.service.notes import ingest_notes

    shutil.copytree(demo_home, isolated_home, dirs_exist_ok=True)
    runtime = Runtime(Settings(home=isolated_home))
    ingest_notes(runtime.store, runtime.notes_store(), isolated_home / "demo" / "notes", "cli:test")
    _assert_rates(_run(NOTE_CALLS), capsys)
