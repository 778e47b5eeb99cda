"""Every tool's answer rendered from a real result of the demo company, in English and Vietnamese: the
language's formats, the first line answering the question, the grounding check passing, and a changed
figure making it fail."""

from __future__ import annotations

import calendar
import shutil
from datetime import date
from unittest.mock import patch

import pytest

from assistant import answers, grounding
from assistant.approvals import request_write
from assistant.runtime import Runtime
from assistant.settings import Settings
from tools.base import run_tool
from tools.context import ToolContext

LANGUAGES = ("en", "vi")


@pytest.fixture(scope="module")
def calls(demo_home, tmp_path_factory) -> dict[str, tuple[str, dict, dict]]:
    """Real tool results on a copy of the demo company, keyed by case name."""
    home = tmp_path_factory.mktemp("answers") / "sop-home"
    shutil.copytree(demo_home, home)
    runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
    planner = ToolContext(runtime.store, date(2026, 11, 15), "test", "planner", chart_dir=home / "charts")
    viewer = ToolContext(runtime.store, date(2026, 11, 15), "test", "viewer")
    every = run_tool("check_shortages", {}, planner)
    short = max(every["skus"], key=lambda s: s["total_shortage"])
    listed = {s["sku"] for s in every["skus"] if s["total_shortage"] > 0}  # the short SKUs
    fine = next(p for p in runtime.store.read_table("products").to_dict("records") if p["sku"] not in listed)
    family = short["family"]
    ref = next(r["ref"] for s in every["skus"] for p in s["periods"] for r in p["receipt_refs"])
    word = short["name"].split()[0]
    cases = {
        "shortage_one": ("check_shortages", {"product": short["sku"], "period": "next 3 months"}),
        "shortage_one_month": ("check_shortages", {"product": short["sku"], "period": "next month"}),
        "shortage_none_one": ("check_shortages", {"product": fine["sku"], "period": "next month"}),
        "shortage_family": ("check_shortages", {"product": family, "period": "next 3 months"}),
        "whatif_demand": ("check_shortages", {"product": family, "period": "Q1",
                                              "scenario": {"demand_changes": [{"family": family, "pct": 30}]}}),
        "whatif_slip": ("check_shortages", {"scenario": {"supply_changes": [{"ref": ref, "delay_days": 21}]}}),
        "forecast_months": ("get_forecast", {"product": short["sku"], "period": "Q1"}),
        "forecast_month": ("get_forecast", {"product": short["sku"], "period": "next month"}),
        "forecast_family": ("get_forecast", {"product": family, "period": "Q1"}),
        "reconcile": ("reconcile_plan", {"period": "next quarter"}),
        "kpi_percent": ("get_kpi", {"name": "wape", "period": "last 6 months"}),
        "kpi_money": ("get_kpi", {"name": "inventory_value"}),
        "kpi_days": ("get_kpi", {"name": "days_of_supply"}),
        "kpi_signal": ("get_kpi", {"name": "tracking_signal", "product": short["sku"]}),
        "products": ("find_products", {"query": word}),
        "products_none": ("find_products", {"query": "qqzzqq"}),
        "chart": ("chart", {"product": short["sku"]}),
        "reforecast": ("reforecast", {"product": short["sku"], "exclude": ["2026-03"]}),
        "publish": ("publish_forecast", {"version": "latest"}),
        "unknown": ("check_shortages", {"product": "qqzzqq"}),
        "ambiguous": ("get_forecast", {"product": word}),
        "not_allowed": ("reforecast", {"product": short["sku"]}),
    }
    out: dict[str, tuple[str, dict, dict]] = {"shortage_all": ("check_shortages", {}, every)}
    for name, (tool, args) in cases.items():
        out[name] = (tool, args, run_tool(tool, args, viewer if name == "not_allowed" else planner))
    # an approval id of digits and letters ("apr-6c08d2f2") gives no figures to the source numbers, so that
    # no draw of it makes a changed figure of the answer true somewhere; one such id is drawn here
    with patch("sop_engine.store.approvals.secrets.token_hex", return_value="6c08d2f2"):
        out["pending"] = ("publish_forecast", {"version": "latest"},
                          request_write("publish_forecast", {"version": "latest"}, planner))
    runtime.store.engine.dispose()
    return out


def _en(value: float) -> str:
    return f"{round(value):,}"


def _vi(value: float) -> str:
    return f"{round(value):,}".replace(",", ".")


def _month(period: str, language: str) -> str:
    year, month = period.split("-")
    return f"{calendar.month_name[int(month)]} {year}" if language == "en" else f"tháng {int(month)}/{year}"


def _grounded(text: str, args: dict, result: dict, language: str) -> grounding.GroundingResult:
    return grounding.check(text, [{"args": args, "result": result}], "", answers.template_text(language),
                           language=language)


def _perturbed(text: str, language: str):
    """The answer with one figure changed at a time: (changed text, figure as written, new value, decimals, %)."""
    comma = language in grounding.DECIMAL_COMMA
    assert not grounding._LIST_MARKER.search(text)
    fmt = answers.formats(language)
    for match in (grounding._FIGURE_COMMA if comma else grounding._FIGURE).finditer(text):
        raw = match.group(1)
        value, decimals = grounding._number(raw, comma)
        new = value * 7 + 13
        written = fmt.number(new, decimals)
        yield text[: match.start(1)] + written + text[match.end(1):], raw, new, decimals, bool(match.group(2))


CASES = ["shortage_one", "shortage_one_month", "shortage_none_one", "shortage_family", "shortage_all",
         "whatif_demand", "whatif_slip", "forecast_months", "forecast_month", "forecast_family", "reconcile",
         "kpi_percent", "kpi_money", "kpi_days", "kpi_signal", "products", "products_none", "chart", "reforecast",
         "publish", "unknown", "ambiguous", "not_allowed", "pending"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_every_answer_is_grounded_and_a_changed_figure_is_caught(calls, case, language):
    tool, args, result = calls[case]
    text = answers.render(tool, args, result, language)
    assert text.strip() and "{" not in text and "SKU(s)" not in text.split("\n")[0]
    assert _grounded(text, args, result, language).ok, text
    pool = grounding.source_numbers([{"args": args, "result": result}], "", answers.template_text(language),
                                    language=language)
    tried = 0
    for changed, raw, value, decimals, percent in _perturbed(text, language):
        if grounding._matches(value, decimals, percent, pool):
            continue  # the changed figure happens to be true somewhere in the result
        tried += 1
        assert not _grounded(changed, args, result, language).ok, (raw, changed)
    assert tried or not grounding.figures(text, language)


@pytest.mark.parametrize("case", CASES)
def test_english_is_the_default_and_vietnamese_differs(calls, case):
    tool, args, result = calls[case]
    assert answers.render(tool, args, result) == answers.render(tool, args, result, "en")
    if case not in ("chart",):
        assert answers.render(tool, args, result, "vi") != answers.render(tool, args, result, "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shortage_answer_leads_with_yes_the_units_and_the_month(calls, language):
    tool, args, result = calls["shortage_one"]
    sku = result["skus"][0]
    peak = max((p for p in sku["periods"] if p["period"] in result["asked_months"]), key=lambda p: p["shortage"])
    first = answers.render(tool, args, result, language).split("\n")[0]
    figure = (_en if language == "en" else _vi)(sku["asked_months_shortage"])
    month = _month(peak["period"], language)
    if language == "en":
        assert first == f"Yes — {sku['name']} ({sku['sku']}) is short {figure} units in {month}."
    else:
        assert first == f"Có — {sku['name']} ({sku['sku']}) thiếu {figure} đơn vị vào {month}."
    assert sku["asked_months_shortage"] >= 1000  # the thousands separator is exercised
    text = answers.render(tool, args, result, language)
    assert ("projected balance" if language == "en" else "cân đối tồn kho dự kiến") in text
    assert (f"“next 3 months” read as {_month(result['asked_months'][0], 'en')}" in text if language == "en"
            else f"“next 3 months” được hiểu là {_month(result['asked_months'][0], 'vi')}" in text)
    # read as English, the Vietnamese figures are other numbers: the language matters to the check
    if language == "vi":
        assert not _grounded(text, args, result, "en").ok


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_shortage_answers_no(calls, language):
    tool, args, result = calls["shortage_none_one"]
    first = answers.render(tool, args, result, language).split("\n")[0]
    assert first.startswith("No — " if language == "en" else "Không — ")
    assert _month(result["asked_months"][0], language) in first


def test_forecast_reconcile_and_kpi_formats(calls):
    tool, args, result = calls["forecast_months"]
    vi = answers.render(tool, args, result, "vi")
    row = result["rows"][0]
    assert f"• {_month(row['period'], 'vi')}: {_vi(row['final'])} (khoảng tin cậy 80%: {_vi(row['lo_80'])}" in vi
    en = answers.render(tool, args, result, "en")
    assert f"• {_month(row['period'], 'en')}: {_en(row['final'])} (80% interval {_en(row['lo_80'])}" in en

    tool, args, result = calls["reconcile"]
    totals = result["families"][0]["totals"]
    pct = totals["revenue_vs_budget_pct"]
    vi = answers.render(tool, args, result, "vi")
    signed = f"{pct:+.1f}".removesuffix(".0")
    assert f"doanh thu {_vi(totals['revenue_consensus'])} so với ngân sách {_vi(totals['budget'])} " \
           f"({signed.replace('.', ',')}%)" in vi
    assert f"revenue {_en(totals['revenue_consensus'])} vs budget {_en(totals['budget'])} ({signed}%)" in \
        answers.render(tool, args, result, "en")
    assert "5600.0" not in answers.render(*calls["shortage_all"]) and ".0 " not in vi

    tool, args, result = calls["kpi_percent"]
    value = f"{result['value']:.1f}".rstrip("0").rstrip(".")
    assert f": {value.replace('.', ',')}%." in answers.render(tool, args, result, "vi").split("\n")[0]
    assert f": {value}%." in answers.render(tool, args, result, "en").split("\n")[0]
    tool, args, result = calls["kpi_money"]
    currency = result["details"]["currency"]
    en_money, vi_money = (answers.render(tool, args, result, lang).split("\n")[0] for lang in LANGUAGES)
    assert _en(result["value"]) in en_money and _vi(result["value"]) in vi_money
    assert currency in ("EUR", "USD", "GBP", "VND") and ("." + f"{result['value']:.2f}".split(".")[1]) not in en_money


def test_reforecast_publish_and_pending_in_vietnamese(calls):
    tool, args, result = calls["reforecast"]
    text = answers.render(tool, args, result, "vi")
    assert text.startswith(f"Đã tạo bản nháp dự báo phiên bản {result['version']}") and "tháng 3/2026" in text
    assert "1 sản phẩm" in text or f"{result['skus']} sản phẩm" in text
    tool, args, result = calls["publish"]
    assert answers.render(tool, args, result, "vi").startswith(f"Đã công bố dự báo phiên bản {result['version']}")
    tool, args, result = calls["pending"]
    pending = answers.render(tool, args, result, "vi")
    assert pending.startswith("Đã gửi yêu cầu phê duyệt") and result["pending_approval"]["id"] in pending
    assert answers.render(*calls["not_allowed"], "vi").startswith("Không được phép")
    ambiguous = calls["ambiguous"][2]
    if ambiguous.get("error", {}).get("ask_user"):
        text = answers.render(*calls["ambiguous"], "vi")
        assert text.endswith("Bạn muốn hỏi sản phẩm nào?") and "sku " not in text


def test_products_and_chart(calls):
    tool, args, result = calls["products"]
    head = answers.render(tool, args, result, "en").split("\n")[0]
    assert head == (f"{result['count']} product matches “{args['query']}”:" if result["count"] == 1
                    else f"{result['count']} products match “{args['query']}”:")
    assert answers.render(tool, args, result, "vi").startswith(f"{result['count']} sản phẩm khớp với")
    assert answers.render(*calls["products_none"], "vi") == "Không có sản phẩm nào khớp với “qqzzqq”."
