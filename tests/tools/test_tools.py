"""The tools as a model sees them: arguments in words, canonical codes and months out, errors as results."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.runtime import Runtime
from tools.base import run_tool
from tools.context import ToolContext
from tools.schemas import TOOL_ARGS


@pytest.fixture
def ctx(demo, tmp_path) -> ToolContext:
    return ToolContext(Runtime().store, date(2026, 11, 15), "test", "viewer", chart_dir=tmp_path / "charts")


def test_every_tool_has_a_documented_argument_model():
    assert set(TOOL_ARGS) == {"check_shortages", "get_forecast", "reforecast", "publish_forecast", "reconcile_plan",
                              "get_kpi", "find_products", "chart", "search_meeting_notes", "list_decisions",
                              "get_sales", "get_orders", "check_overstock", "get_capacity", "get_driver_effects"}
    for name, model in TOOL_ARGS.items():
        schema = model.model_json_schema()
        for field, spec in schema.get("properties", {}).items():
            assert spec.get("description") or "$ref" in spec or "anyOf" in spec, (name, field)


def test_names_and_period_words_become_codes_and_months(ctx):
    result = run_tool("check_shortages", {"product": "Oat Milk 1L", "period": "the next 3 months"}, ctx)
    assert result["scope"] == {"kind": "sku", "code": "OAT-1L", "label": "Oat Milk 1L"}
    assert result["asked_months"] == ["2026-12", "2027-01", "2027-02"]
    assert result["planning_date"] == "2026-11-15" and result["unit"] == "units"
    forecast = run_tool("get_forecast", {"product": "cold brew", "period": "Q1"}, ctx)
    assert forecast["scope"]["kind"] == "family" and {r["period"] for r in forecast["rows"]} == {
        "2027-01", "2027-02", "2027-03"}
    assert [t["period"] for t in forecast["total_by_period"]] == ["2027-01", "2027-02", "2027-03"]


def test_errors_are_results_the_model_can_act_on(ctx):
    unknown = run_tool("check_shortages", {"product": "oatmilk zz"}, ctx)["error"]
    assert unknown["code"] in ("unknown_product", "ambiguous")
    bad_args = run_tool("get_kpi", {"name": "wape", "colour": "red"}, ctx)["error"]
    assert bad_args["code"] == "invalid_argument" and any("colour" in d for d in bad_args["details"])
    past = run_tool("check_shortages", {"product": "OAT-1L", "period": "last month"}, ctx)["error"]
    assert past["code"] == "invalid_argument" and "past" in past["message"]
    assert run_tool("no_such_tool", {}, ctx)["error"]["code"] == "unknown_tool"
    refused = run_tool("reforecast", {"product": "OAT-1L"}, ctx)["error"]
    assert refused["code"] == "permission_denied"


def test_an_ambiguous_name_returns_the_candidates(ctx):
    result = run_tool("find_products", {"query": "oat milk"}, ctx)
    assert {p["sku"] for p in result["products"]} >= {"OAT-1L"}
    error = run_tool("get_forecast", {"product": "milk"}, ctx)["error"]
    assert error["code"] in ("ambiguous", "unknown_product")
    assert error.get("candidates") or error.get("closest")


def test_chart_writes_a_png_with_the_figures_it_drew(ctx):
    result = run_tool("chart", {"product": "OAT-1L"}, ctx)
    png = open(result["path"], "rb").read()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and result["bytes"] == len(png)
    assert result["sku"] == "OAT-1L" and result["history_months"] == 24
    assert result["first_short_period"] == "2026-11"


def test_a_reforecast_by_a_planner_excludes_the_past_march(ctx):
    ctx.role = "planner"
    result = run_tool("reforecast", {"product": "Cold Brew", "exclude": ["March"]}, ctx)
    assert result["excluded_months"] == ["2026-03"] and result["status"] == "draft"
    assert result["parameters"]["exclude"] == ["2026-03"] and result["scope"]["kind"] == "family"
