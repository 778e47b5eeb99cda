"""The offline router: message -> tool call, on the demo companies (both themes) and a small own master."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from assistant.router import RoutedCall, route
from assistant.router.evaluate import accuracy, evaluate
from assistant.router.vocab import VOCABULARY_FILE
from sop_engine.demo import THEMES, write_demo_company
from tools.schemas import TOOL_ARGS

PLANNING = date(2026, 11, 15)
DEV = Path(__file__).with_name("router_dev.json")


@pytest.fixture(scope="module")
def demo_products(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = {}
    for theme in ("beverages", "hardware"):
        folder = tmp_path_factory.mktemp(theme)
        write_demo_company(folder, seed=7, planning_date=PLANNING, theme=theme)
        out[theme] = pd.read_csv(folder / "products.csv")
    return out


def test_dev_set_scores_at_least_90_percent_and_every_call_validates(demo_products):
    cases = json.loads(DEV.read_text())["cases"]
    assert len(cases) >= 60
    results = evaluate(cases, demo_products["beverages"], PLANNING)
    wrong = [(r.case["text"], r.call.to_dict()) for r in results if not r.correct]
    assert accuracy(results) >= 0.9, wrong
    for r in results:
        if r.call.tool in TOOL_ARGS:
            TOOL_ARGS[r.call.tool].model_validate(r.call.args)
    assert sum(r.args_ok for r in results) / len(results) >= 0.9


def test_every_intent_appears_in_the_dev_set():
    tools = {c["tool"] for c in json.loads(DEV.read_text())["cases"]}
    assert set(TOOL_ARGS) <= tools
    assert {"help", None} <= tools


def test_reforecast_excludes_the_most_recent_past_march(demo_products):
    call = route(
        "re-forecast the cold brew family without the March promo spike", demo_products["beverages"], PLANNING
    )
    assert (call.tool, call.args, call.entity) == (
        "reforecast",
        {"product": "Cold Brew", "exclude": ["2026-03"]},
        "family:Cold Brew",
    )
    call = route("re-forecast oat milk with last month's actuals", demo_products["beverages"], PLANNING)
    assert call.args == {"product": "OAT-1L"}


def test_whatif_supply_and_demand_changes(demo_products):
    products = demo_products["beverages"]
    call = route("what if PO-1182 slips two weeks?", products, PLANNING)
    assert call.tool == "check_shortages" and call.intent == "whatif"
    assert call.args == {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 14}]}}
    call = route("what if demand for cold brew goes up 20% in Q1", products, PLANNING)
    assert call.args["scenario"] == {
        "demand_changes": [{"pct": 20.0, "family": "Cold Brew", "months": ["2027-01", "2027-02", "2027-03"]}]
    }
    assert call.months == ["2027-01", "2027-02", "2027-03"]
    call = route("what if MO-2041 gets cancelled", products, PLANNING)
    assert call.args == {"scenario": {"supply_changes": [{"ref": "MO-2041", "cancel": True}]}}


def test_followups_replace_only_the_slot_given(demo_products):
    products = demo_products["beverages"]
    first = route("are we short on oat mlk next month?", products, PLANNING)
    assert (first.tool, first.entity, first.months) == ("check_shortages", "OAT-1L", ["2026-12"])
    after = route("and the month after?", products, PLANNING, first)
    assert (after.tool, after.entity, after.args) == (
        "check_shortages",
        "OAT-1L",
        {"product": "OAT-1L", "period": "2027-01"},
    )
    other = route("what about almond milk?", products, PLANNING, after)
    assert other.args == {"product": "ALM-1L", "period": "2027-01"}
    quarter = route("and for Q1?", products, PLANNING, other)
    assert quarter.args == {"product": "ALM-1L", "period": "2027-01..2027-03"}


def test_help_ambiguity_and_not_understood(demo_products):
    products = demo_products["beverages"]
    assert route("help", products, PLANNING).tool == "help"
    assert route("what can you do?", products, PLANNING).tool == "help"
    call = route("are we short on green?", products, PLANNING)
    assert call.tool is None and call.clarification is not None
    assert "Green Tea" in call.clarification and "Green Juice" in call.clarification
    assert route("what's the weather like", products, PLANNING) == RoutedCall(None, {}, "unknown")


def test_notes_and_decisions_slots(demo_products):
    products = demo_products["beverages"]
    call = route("what did we discuss about the oat milk supplier in the exec S&OP?", products, PLANNING)
    assert call.args == {"query": "oat milk supplier", "meeting": "executive_sop"}
    call = route("open action items assigned to Lan Nguyen", products, PLANNING)
    assert call.args == {"kind": "action_item", "open_only": True, "owner": "Lan Nguyen"}
    call = route("decisions from last month", products, PLANNING)
    assert call.args == {"kind": "decision", "period": "2026-10"}


@pytest.mark.parametrize(
    ("text", "tool", "entity", "months", "args"),
    [
        (
            "are we short on cordless drills next month?",
            "check_shortages",
            "PT-1010",
            ["2026-12"],
            {"product": "PT-1010", "period": "2026-12"},
        ),
        (
            "forecast for the power tools family in Q1",
            "get_forecast",
            "family:Power Tools",
            ["2027-01", "2027-02", "2027-03"],
            {"product": "Power Tools", "period": "2027-01..2027-03"},
        ),
        ("wood screws bulk 1000 shortage in january", "check_shortages", "FS-2011", ["2027-01"], None),
        ("hedge trimer next month short?", "check_shortages", "GD-5040", ["2026-12"], None),
        ("chart PT-1031", "chart", "PT-1031", None, {"product": "PT-1031"}),
        (
            "reforecast paint without the May promo",
            "reforecast",
            "family:Paint",
            None,
            {"product": "Paint", "exclude": ["2026-05"]},
        ),
        (
            "fill rate for fasteners last quarter",
            "get_kpi",
            "family:Fasteners",
            ["2026-07", "2026-08", "2026-09"],
            {"name": "fill_rate", "product": "Fasteners", "period": "2026-07..2026-09"},
        ),
        ("what's assigned to Mei?", "list_decisions", None, None, {"kind": "action_item", "owner": "Mei"}),
        (
            "what if PO-1182 slips 10 days",
            "check_shortages",
            None,
            None,
            {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 10}]}},
        ),
    ],
)
def test_the_hardware_company_resolves_its_own_names(demo_products, text, tool, entity, months, args):
    call = route(text, demo_products["hardware"], PLANNING)
    assert (call.tool, call.entity, call.months) == (tool, entity, months)
    if args is not None:
        assert call.args == args
    TOOL_ARGS[call.tool].model_validate(call.args)


def test_a_product_code_that_looks_like_an_order_is_a_product_not_a_supply_ref():
    products = pd.DataFrame(
        {"sku": ["PO-1182", "VX-9"], "name": ["Pouch Oil", "Vortex Nine"], "family": ["Oils", "Mixers"]}
    )
    call = route("what if PO-1182 slips two weeks", products, PLANNING)
    assert call.entity == "PO-1182" and "scenario" not in call.args
    assert route("forecast for vortex nin", products, PLANNING).entity == "VX-9"
    assert route("shortages in the oils family", products, PLANNING).entity == "family:Oils"


def test_the_vocabulary_holds_no_product_family_or_company_name():
    text = VOCABULARY_FILE.read_text().lower()
    for theme in THEMES.values():
        names = [theme.company, theme.new_item[1]]
        for family in theme.families:
            names.append(family.name)
            names += [name for _, name in family.items]
        for name in names:
            assert re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", text) is None, name


def test_importing_the_router_stays_light():
    code = (
        "import sys, assistant.router; heavy = {'langchain', 'langchain_core', 'torch', 'statsforecast', "
        "'chromadb', 'sentence_transformers', 'openai', 'pandas'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert out.stdout.strip() == "[]"
