"""Answers of get_sales, get_orders, check_overstock and get_capacity in English and Vietnamese, from the tools'
results on the demo company: grounded, in the language's formats, a changed figure caught."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from test_answers import _en, _grounded, _month, _perturbed, _vi

from assistant import answers, grounding


@pytest.fixture(scope="module")
def new_calls(demo_home, tmp_path_factory) -> dict:
    from assistant.runtime import Runtime
    from assistant.settings import Settings
    from tools.base import run_tool
    from tools.context import ToolContext

    home = tmp_path_factory.mktemp("answers-new") / "sop-home"
    shutil.copytree(demo_home, home)
    runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
    ctx = ToolContext(runtime.store, date(2026, 11, 15), "test", "viewer")
    every = run_tool("check_shortages", {}, ctx)
    short = max(every["skus"], key=lambda s: s["total_shortage"])
    ref = next(r["ref"] for s in every["skus"] for p in s["periods"] for r in p["receipt_refs"])
    orders = run_tool("get_orders", {}, ctx)["orders"]
    resource = run_tool("get_capacity", {}, ctx)["resources"][0]["resource"]
    cases = {
        "sales_month": ("get_sales", {"product": short["sku"], "period": "October"}),
        "sales_quarter": ("get_sales", {"product": short["family"], "period": "last quarter"}),
        "sales_all": ("get_sales", {}),
        "sales_future": ("get_sales", {"product": short["sku"], "period": "2027-01"}),
        "orders_one": ("get_orders", {"ref": ref}),
        "orders_late": ("get_orders", {"ref": next(o["ref"] for o in orders if o["late"])}),
        "orders_past_due": ("get_orders", {"ref": next((o["ref"] for o in orders if o["past_due"]), ref)}),
        "orders_sku": ("get_orders", {"product": short["sku"]}),
        "overstock_all": ("check_overstock", {}),
        "overstock_family": ("check_overstock", {"product": short["family"]}),
        "capacity_one": ("get_capacity", {"resource": resource, "period": "January"}),
        "capacity_resource": ("get_capacity", {"resource": resource}),
        "capacity_all": ("get_capacity", {}),
    }
    out = {name: {"tool": tool, "args": args, "result": run_tool(tool, args, ctx)} for name, (tool, args) in
           cases.items()}
    runtime.store.engine.dispose()
    return out


CASES = ["sales_month", "sales_quarter", "sales_all", "sales_future", "orders_one", "orders_late", "orders_past_due",
         "orders_sku", "overstock_all", "overstock_family", "capacity_one", "capacity_resource", "capacity_all"]


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize("case", CASES)
def test_new_tool_answers_are_grounded_and_catch_a_changed_figure(new_calls, case, language):
    call = new_calls[case]
    tool, args, result = call["tool"], call["args"], call["result"]
    assert tool in answers.RENDERERS
    text = answers.render(tool, args, result, language)
    assert text.strip() and "{" not in text and "SKU(s)" not in text.split("\n")[0]
    assert _grounded(text, args, result, language).ok, text
    pool = grounding.source_numbers([{"args": args, "result": result}], "", answers.template_text(language),
                                    language=language)
    tried = 0
    for changed, raw, value, decimals, percent in _perturbed(text, language):
        if not grounding._matches(value, decimals, percent, pool):
            tried += 1
            assert not _grounded(changed, args, result, language).ok, (raw, changed)
    assert tried or not grounding.figures(text, language)
    if "error" not in result:
        assert answers.render(tool, args, result, "vi") != answers.render(tool, args, result)


def test_sales_and_orders_lead_with_the_figure_and_the_month(new_calls):
    call = new_calls["sales_month"]
    result = call["result"]
    month = result["months"][0]
    en = answers.render(call["tool"], call["args"], result, "en").split("\n")[0]
    vi = answers.render(call["tool"], call["args"], result, "vi").split("\n")[0]
    assert f"in {_month(month, 'en')}: {_en(result['total']['actual'])} units" in en
    assert f"trong {_month(month, 'vi')}: {_vi(result['total']['actual'])} đơn vị" in vi
    call = new_calls["orders_late"]
    order = call["result"]["orders"][0]
    y, m, d = order["due_date"].split("-")
    vi = answers.render(call["tool"], call["args"], call["result"], "vi")
    assert vi.startswith(f"{order['ref']} (") and f"đến hạn {int(d)}/{int(m)}/{y} — trễ" in vi
    assert f"trễ {order['days_late']} ngày" in vi


def test_overstock_states_the_companys_limit(new_calls):
    call = new_calls["overstock_all"]
    result = call["result"]
    threshold = f"{result['overstock_months']:g}"
    en = answers.render(call["tool"], call["args"], result, "en").split("\n")[0]
    vi = answers.render(call["tool"], call["args"], result, "vi").split("\n")[0]
    assert en.startswith(f"Yes — {result['count']} of {result['skus_checked']} products hold more than {threshold} "
                         "months of cover (the company's overstock limit)")
    assert vi.startswith(f"Có — {result['count']} trên {result['skus_checked']} sản phẩm có hơn {threshold} tháng")
