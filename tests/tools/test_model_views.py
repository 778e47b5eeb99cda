"""What a model reads: every tool's view of its document within the token budget, the headline facts and
the rows that matter kept, what was cut counted; and the system prompt plus the tool schemas under 2,000
tokens. The figures are printed (``-s``)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.agent import system_prompt
from assistant.conversation import Assistant
from assistant.runtime import Runtime
from tools.base import run_tool
from tools.context import ToolContext
from tools.lc import MODEL_HIDDEN, MODEL_HIDDEN_FIELDS, langchain_tools, model_schema, schema_tokens
from tools.schemas import TOOL_ARGS
from tools.views import estimate_tokens, model_view

BUDGET = 1500
CASES = [
    ("check_shortages", {"product": "OAT-1L", "period": "next month"}),
    ("check_shortages", {"product": "Plant Milks"}),
    ("check_shortages", {}),
    ("check_shortages", {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 14}]}}),
    ("get_forecast", {"product": "Plant Milks"}),
    ("reconcile_plan", {}),
    ("get_kpi", {"name": "wape"}),
    ("get_sales", {"product": "Plant Milks"}),
    ("get_orders", {}),
    ("check_overstock", {}),
    ("get_capacity", {}),
    ("find_products", {"query": "oat"}),
]


@pytest.fixture
def ctx(demo, tmp_path) -> ToolContext:
    return ToolContext(Runtime().store, date(2026, 11, 15), "test", "viewer", chart_dir=tmp_path / "charts")


def test_every_view_fits_the_budget_and_keeps_the_headline(ctx):
    print("\n| tool | arguments | full document (tokens) | model view | cut |")
    for name, args in CASES:
        doc = run_tool(name, args, ctx)
        assert "error" not in doc, (name, doc)
        view = model_view(doc, BUDGET)
        print(f"| {name} | {args} | {estimate_tokens(doc):,} | {estimate_tokens(view):,} | {view.get('truncated')} |")
        assert estimate_tokens(view) <= BUDGET, name
        side = view.get("base", view)
        for key in ("scope", "months", "asked_months", "skus_short_in_asked_months", "count", "total_quantity"):
            if key in doc.get("base", doc):
                assert side[key] == doc.get("base", doc)[key], (name, key)  # headline facts are never cut
        for key in ("skus", "rows", "orders"):
            full = doc.get("base", doc).get(key)
            if isinstance(full, list):
                shown = side.get(key, [])
                assert len(shown) + side.get("truncated", {}).get(key, 0) == len(full), (name, key)


def test_the_short_skus_come_first(ctx):
    doc = run_tool("check_shortages", {"period": "2026-12..2027-02"}, ctx)
    view = model_view(doc, BUDGET)
    short = [s["sku"] for s in doc["skus"] if s["asked_months_shortage"] > 0]
    assert short and [s["sku"] for s in view["skus"]][:len(short)] == short[:len(view["skus"])]
    assert view["truncated"]["skus"] == len(doc["skus"]) - len(view["skus"])
    assert all(p["period"] in doc["asked_months"] for s in view["skus"] for p in s["periods"])


def test_a_small_budget_still_gives_a_view_within_it(ctx):
    doc = run_tool("reconcile_plan", {}, ctx)
    for budget in (500, 800, 3000):
        assert estimate_tokens(model_view(doc, budget)) <= budget


def test_token_estimate_counts_digits_one_each():
    assert estimate_tokens("1234567") == 7
    assert estimate_tokens("a" * 35) == 10
    assert estimate_tokens({"x": 1}) == estimate_tokens('{"x":1}')


def test_the_system_prompt_and_tool_schemas_stay_under_2000_tokens(demo):
    ctx = Assistant(Runtime()).context("cli:t", "planner")
    prompt = max(estimate_tokens(system_prompt(ctx, language)) for language in ("en", "vi"))
    print(f"\nsystem prompt {prompt} tokens + tool schemas {schema_tokens()} tokens = {prompt + schema_tokens()}")
    assert prompt + schema_tokens() < 2000
    assert "OAT" not in system_prompt(ctx) and "340" not in system_prompt(ctx)  # no sample answer to copy


def test_the_schemas_a_model_sees_are_the_argument_models_compacted():
    for name, model in TOOL_ARGS.items():
        schema = model_schema(name)
        offered = set(model.model_json_schema().get("properties", {})) - MODEL_HIDDEN.get(name, set())
        assert set(schema.get("properties", {})) == offered - MODEL_HIDDEN_FIELDS
        assert "title" not in str(schema) and "anyOf" not in str(schema) and "'default': None" not in str(schema)
        assert not any(f"'{field}'" in str(schema) for field in MODEL_HIDDEN_FIELDS)
    tools = {t.name: t for t in langchain_tools(lambda name, args: {"called": name, "args": args})}
    assert tools["get_sales"].invoke({"product": "OAT-1L"}) == '{"called":"get_sales","args":{"product":"OAT-1L"}}'
