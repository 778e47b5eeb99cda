"""``get_sales``, ``get_orders``, ``check_overstock`` and ``get_capacity`` on the demo company: the tool result,
the CLI's ``--json`` and the HTTP body are one document; viewers may call them; the answers are grounded."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cli.helpers import sop_json
from server import ApiServer

from assistant import answers, grounding
from assistant.runtime import Runtime
from tools.base import run_tool
from tools.context import ToolContext

KEYS = "view-key:viewer,plan-key:planner"

# (tool, tool args, CLI args, HTTP path, HTTP query): the same question three ways
SAME_QUESTION = [
    ("get_sales", {"product": "Oat Milk 1L", "period": "2026-08..2026-10"},
     ["sales", "--sku", "OAT-1L", "--from", "2026-08", "--to", "2026-10"],
     "/v1/sales", {"sku": "OAT-1L", "from": "2026-08", "to": "2026-10"}),
    ("get_sales", {"product": "plant milks", "period": "October"},
     ["sales", "--family", "Plant Milks", "--from", "2026-10", "--to", "2026-10"],
     "/v1/sales", {"product": "Plant Milks", "from": "2026-10", "to": "2026-10"}),
    ("get_sales", {}, ["sales"], "/v1/sales", {}),
    ("get_orders", {"ref": "po 1205"}, ["orders", "--ref", "PO-1205"], "/v1/orders", {"ref": "PO/1205"}),
    ("get_orders", {"product": "OAT-1L"}, ["orders", "--sku", "OAT-1L"], "/v1/orders", {"sku": "OAT-1L"}),
    ("check_overstock", {"product": "Juices"}, ["gaps", "--overstock", "--family", "Juices"],
     "/v1/overstock", {"product": "juices"}),
    ("check_overstock", {}, ["gaps", "--overstock"], "/v1/overstock", {}),
    ("get_capacity", {"resource": "rtm l1", "period": "January"},
     ["capacity", "--resource", "RTM-L1", "--period", "2027-01"], "/v1/capacity",
     {"resource": "Rtm-L1", "period": "2027-01"}),
    ("get_capacity", {}, ["capacity"], "/v1/capacity", {}),
]


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


def viewer() -> ToolContext:
    return ToolContext(Runtime().store, date(2026, 11, 15), "test", "viewer")


def test_tool_cli_and_http_give_the_same_document(api):
    ctx = viewer()
    with api.client("view-key") as client:
        for name, args, cli, path, query in SAME_QUESTION:
            result = run_tool(name, args, ctx)
            assert "error" not in result, (name, result)
            tool_doc = json.loads(json.dumps(result, ensure_ascii=False))
            cli_doc = sop_json(*cli)
            response = client.get(path, params=query)
            assert response.status_code == 200, (path, response.text)
            assert tool_doc == cli_doc == response.json(), (name, args)


def test_the_designed_late_order_and_the_demo_figures(api):
    ctx = viewer()
    order = run_tool("get_orders", {"ref": "PO-1205"}, ctx)["orders"]
    assert [(o["ref"], o["sku"], o["late"], o["need_period"]) for o in order] == \
        [("PO-1205", "OAT-1L", True, "2026-11")]
    assert order[0]["days_late"] == (date.fromisoformat(order[0]["due_date"]) - date(2026, 11, 30)).days
    sales = run_tool("get_sales", {"product": "OAT-1L", "period": "October"}, ctx)
    assert sales["months"] == ["2026-10"] and sales["rows"][0]["forecast_lag"] == 1
    capacity = run_tool("get_capacity", {}, ctx)
    assert capacity["months"] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert {r["resource"] for r in capacity["resources"]} == {"LYN-L1", "LYN-L2", "RTM-L1", "RTM-L2", "RTM-L3"}
    overstock = run_tool("check_overstock", {}, ctx)
    assert overstock["overstock_months"] == 3.0 and 0 < overstock["count"] < overstock["skus_checked"]


def test_all_four_are_viewer_tools():
    from tools.schemas import PLANNER_TOOLS, WRITE_TOOLS

    new = {"get_sales", "get_orders", "check_overstock", "get_capacity"}
    assert not new & (PLANNER_TOOLS | WRITE_TOOLS)


def test_errors_over_http_and_as_tool_results(api):
    ctx = viewer()
    unknown = run_tool("get_orders", {"ref": "PO-99999"}, ctx)["error"]
    assert unknown["code"] == "unknown_product" and unknown["closest"] and "no order" in unknown["message"]
    resource = run_tool("get_capacity", {"resource": "noodle line"}, ctx)["error"]
    assert resource["code"] == "unknown_product" and "RTM-L1" in resource["closest"]
    assert run_tool("get_sales", {"period": "next month"}, ctx)["error"]["code"] == "invalid_argument"
    with api.client("view-key") as client:
        missing = client.get("/v1/orders", params={"ref": "PO-99999"})
        assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
        assert client.get("/v1/capacity", params={"resource": "noodle line"}).status_code == 404
        assert client.get("/v1/sales", params={"from": "2027-05"}).status_code == 422
    with api.client() as anonymous:
        assert anonymous.get("/v1/sales").status_code == 401


@pytest.mark.parametrize("name, args, first_words", [
    ("get_sales", {"product": "OAT-1L", "period": "October"}, "Sales of Oat Milk 1L (OAT-1L) in October 2026: "),
    ("get_sales", {"product": "Plant Milks", "period": "last quarter"},
     "Sales of Plant Milks over July 2026 to September 2026"),
    ("get_orders", {"ref": "PO-1205"}, "PO-1205 (Oat Milk 1L, "),
    ("get_orders", {"product": "OAT-1L"}, "4 open orders for Oat Milk 1L (OAT-1L), 1 late"),
    ("check_overstock", {"product": "Juices"}, "Yes — 2 of 12 products of Juices hold more than 3 months of cover"),
    ("get_capacity", {"resource": "RTM-L1", "period": "2027-01"}, "RTM-L1 in January 2027: "),
    ("get_capacity", {}, "Capacity of every resource in November 2026 to February 2027: no resource is overloaded."),
])
def test_answers_state_the_figure_unit_and_month_and_are_grounded(demo, name, args, first_words):
    result = run_tool(name, args, viewer())
    text = answers.render(name, args, result)
    assert text.startswith(first_words), text
    assert ".0 " not in text and "0000" not in text  # no float noise
    check = grounding.check(text, [result], fixed_text=answers.template_text())
    assert check.ok, (text, check)
