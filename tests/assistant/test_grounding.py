"""The claim-level grounding check on the hand-written answers frozen in grounding_cases.py (run over the demo
company's real tool results), on its stated rules, and in a turn: what fails is not shown."""

from __future__ import annotations

import shutil

import pytest
from fakes import say, scripted
from grounding_cases import CASES

from assistant import grounding
from assistant.conversation import Assistant
from assistant.router.vocab import load_vocabulary
from assistant.runtime import Runtime
from sop_engine.resolver import company_resolver
from tools.base import run_tool

NOTE_TOOLS = {"list_decisions", "search_meeting_notes"}


def _runner():
    runtime = Runtime()
    assistant = Assistant(runtime)
    ctx = assistant.context("cli:test", "planner")
    resolver = company_resolver(runtime.store, load_vocabulary().reserved)
    cache: dict[str, dict] = {}

    def check(case):
        key = case["tool"] + repr(sorted(case["args"].items()))
        if key not in cache:
            cache[key] = run_tool(case["tool"], case["args"], ctx)
            assert "error" not in cache[key], cache[key]
        results = [{"name": case["tool"], "args": case["args"], "result": cache[key]}]
        return grounding.check(case["answer"], results, case["question"], "", case["language"], resolver)

    return check


def _verdicts(cases, check):
    wrong = []
    for case in cases:
        result = check(case)
        if result.ok != case["ok"]:
            wrong.append((case["answer"], case["why"], result.failed_claims))
    return wrong


def test_the_frozen_answers_over_planning_tools(demo):
    cases = [c for c in CASES if c["tool"] not in NOTE_TOOLS]
    assert len(cases) >= 35 and {c["language"] for c in cases} == {"en", "vi"}
    assert _verdicts(cases, _runner()) == []


@pytest.fixture(scope="module")
def notes_copy(demo_home, tmp_path_factory):
    from assistant.settings import Settings
    from sop_engine.service.notes import ingest_notes

    home = tmp_path_factory.mktemp("grounding-notes") / "sop-home"
    shutil.copytree(demo_home, home)
    runtime = Runtime(Settings(home=home))
    ingest_notes(runtime.store, runtime.notes_store(), home / "demo" / "notes", "cli:test")
    return home


@pytest.mark.slow
def test_the_frozen_answers_over_meeting_notes(notes_copy, isolated_home):
    shutil.copytree(notes_copy, isolated_home, dirs_exist_ok=True)
    cases = [c for c in CASES if c["tool"] in NOTE_TOOLS]
    assert _verdicts(cases, _runner()) == []


def _shortage_result():
    return [{"name": "check_shortages", "args": {}, "result": {
        "months": ["2026-11", "2026-12"], "skus_short": 1,
        "skus": [{"sku": "XY-500", "name": "Widget Large", "family": "Widgets", "on_hand": 40.0,
                  "total_shortage": 2322.0, "first_short_period": "2026-12", "stockout_probability": 0.625,
                  "periods": [{"period": "2026-11", "demand": 900.0, "receipts": 0.0, "projected_balance": 40.0,
                               "shortage": 0.0},
                              {"period": "2026-12", "demand": 2362.0, "receipts": 0.0,
                               "projected_balance": -2322.0, "shortage": 2322.0}]}]}}]


@pytest.mark.parametrize("answer, language, ok", [
    ("Widget Large is short 2,322 units in December 2026.", "en", True),
    ("Widget Large is short 2,322 units in November 2026.", "en", False),  # right number, wrong month
    ("Widget Large is short 2,362 units in December 2026.", "en", False),  # the month's demand as its shortage
    ("Widget Large has 2,322 units left in stock in December 2026.", "en", False),  # a shortage as stock
    ("Widget Large is short 12 units in December 2026.", "en", False),  # the 12 of 2026-12
    ("Widget Large is short 500 units in December 2026.", "en", False),  # the 500 of XY-500
    ("XY-500 is short by about 2,300 units in December 2026.", "en", True),
    ("XY-500 is short about 2.3k units in December 2026.", "en", True),
    ("XY-500 is short about 2.4k units in December 2026.", "en", False),
    ("XY-500 thiếu 2.322 đơn vị trong tháng 12/2026.", "vi", True),
    ("XY-500 thiếu khoảng 2,3 nghìn đơn vị trong tháng 12 năm 2026.", "vi", True),
    ("XY-500 thiếu 2.322 đơn vị trong tháng 11/2026.", "vi", False),
    ("The projected balance of XY-500 in December 2026 is -2,322 units.", "en", True),
    ("The projected balance of XY-500 in December 2026 is 2,322 units.", "en", False),  # sign flip
    ("The stockout probability of XY-500 is 62.5%, with 40 units on hand.", "en", True),
    ("1 product runs short.", "en", True),
    ("Widget Large is short 2,322 units, due 2026-12-24.", "en", False),  # a date in no result
    ("With demand +30%, Widget Large is short 2,322 units in December 2026.", "en", True),  # the question's
])
def test_the_rules(answer, language, ok):
    result = grounding.check(answer, _shortage_result(), "what if demand rises +30%?", "", language)
    assert result.ok is ok, result.failed_claims


def test_numbers_follow_the_language():
    from assistant.grounding.reading import read

    assert [f.value for f in read("thiếu 2.322 đơn vị, 2,5 tháng, 12 nghìn, 2,3 triệu", "vi").figures] == [
        2322.0, 2.5, 12000.0, 2300000.0]
    assert [f.value for f in read("short 2,322.5 units, 2.3k and 1.2M", "en").figures] == [2322.5, 2300.0,
                                                                                       1200000.0]
    assert read("OAT-1L and PO-1205 on 2026-12-01 in Q1", "en").figures == []


def test_the_numbers_of_a_source_leave_out_the_digits_of_ids():
    doc = {"approval_id": "apr-6c08d2f2", "note": "B2B orders", "ref": "PO-1182", "pack": "500ml", "key": "Q1",
           "grade": "5W-30", "month": "2026-12"}
    assert sorted(grounding.source_numbers(doc)) == [1.0, 5.0, 12.0, 30.0, 500.0, 1182.0, 2026.0]
    assert grounding.source_numbers({"lo_80": 3}) == [80.0, 3.0]  # a number in a key still counts


def test_a_failed_llm_answer_is_replaced_by_the_offline_answer(demo, caplog):
    from fakes import call

    model = scripted(call("check_shortages", {"product": "OAT-1L"}),
                     say("Oat Milk 1L is short 2,537 units in August 2027."))
    doc = Assistant(Runtime(), model_factory=lambda: model).ask("short on OAT-1L?", principal="cli:t")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "gate_failed"
    assert doc["grounded"] is True  # the answer shown (the router's) passed
    assert "August 2027" not in doc["answer"] and "OAT-1L" in doc["answer"]
    assert grounding.check(doc["answer"].rsplit("\n", 1)[0], [
        {"name": c["name"], "args": c["args"], "result": c["result"]} for c in doc["tool_calls"]]).ok
    assert any("failed claims" in r.getMessage() and "2,537" in r.getMessage() for r in caplog.records)
