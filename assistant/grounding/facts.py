"""Tool results as labelled facts: (measure, subject, months, value, unit), one extractor per tool document.

Only values are facts: keys (``lo_80``), dates, months, codes and ids are labels, never figures. A document's
free text (a note's passage, a decision's wording, an option's action) is read with the answer's reader, so
its figures become facts with the measure words, subjects and months written next to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.grounding import reading

# a document's key -> the measures its value is a fact of
KEYS: dict[str, tuple[str, ...]] = {
    "shortage": ("shortage",), "total_shortage": ("shortage",), "asked_months_shortage": ("shortage",),
    "shortage_after": ("shortage",),
    "demand": ("demand",), "consensus_demand": ("demand", "consensus"),
    "receipts": ("receipts",), "projected_balance": ("balance",),
    "opening_stock": ("stock",), "on_hand": ("stock",), "allocated": ("allocated", "stock"),
    "safety_stock": ("safety_stock",), "below_safety_stock": ("below_safety", "shortage"),
    "lead_time_days": ("lead_time",), "min_order_qty": ("order",), "quantity": ("order", "receipts"),
    "months_of_cover": ("cover", "months"), "stockout_probability": ("probability",), "probability": ("probability",),
    "skus": ("count",), "skus_short": ("count", "shortage"), "total_shortage_base": ("shortage",),
    "total_shortage_scenario": ("shortage",),
    "delta": ("change", "shortage"), "skus_short_in_asked_months": ("count", "shortage"),
    "skus_checked": ("count",), "skus_shortage_changed": ("count", "shortage"),
    "skus_stock_only_changed": ("count", "stock"),
    "skus_not_shown": ("count",), "sku_count": ("count",), "count": ("count",), "items_not_shown": ("count",),
    "rows_truncated": ("count",), "decision_count": ("count",),
    "skus_published": ("count",),
    "forecast": ("forecast",), "final": ("forecast",), "statistical_forecast": ("forecast",),
    "lo_80": ("lower", "interval"), "hi_80": ("upper", "interval"), "lo_95": ("lower", "interval"),
    "hi_95": ("upper", "interval"),
    "sales_plan": ("sales_plan",), "consensus_plan": ("consensus",), "constrained_supply": ("supply", "consensus"),
    "capacity_gap": ("capacity_gap",), "sales_plan_vs_forecast_pct": ("change",), "gap_pct": ("change",),
    "revenue_statistical": ("revenue",), "revenue_consensus": ("revenue",), "actual_revenue": ("revenue",),
    "revenue": ("revenue",), "budget": ("budget",), "revenue_vs_budget": ("gap", "revenue", "budget"),
    "revenue_vs_budget_pct": ("change", "gap"),
    "gap": ("gap", "budget", "revenue"), "threshold_pct": ("threshold", "change"),
    "hours": ("hours",), "required_hours": ("hours",), "available_hours": ("hours",), "needed_hours": ("hours",),
    "load_hours": ("hours",), "extra_hours": ("hours",), "overload_hours": ("hours",), "spill_in_hours": ("hours",),
    "utilisation": ("utilisation",), "utilization": ("utilisation",), "overrides": ("count",),
    "unserved_revenue": ("revenue", "capacity_gap"), "cv_error": ("kpi",),
    "utilisation_pct": ("utilisation",), "load_pct": ("utilisation",), "months": ("months", "count"),
    "version": ("version",), "lag": ("months",), "unserved": ("capacity_gap",), "unserved_units": ("capacity_gap",),
}
PERCENT_KEYS = {"stockout_probability": 100.0, "probability": 100.0}  # fractions stated as percentages
TEXT_KEYS = {"text", "question", "action", "note", "notes", "message", "coverage", "scope", "window", "title"}
SUBJECT_KEYS = ("sku", "resource", "family", "plant")
# numbers that are labels, never figures of an answer
NOT_VALUES = {"id", "chunk_id", "score", "seed", "row", "line", "rank", "index", "thread_id", "approval_id",
              "shortage_before"}  # the total shortage again, not tied to a month


class Fact(NamedTuple):  # a tuple: made ~1,000 times per answer checked
    measure: str
    subject: str | None  # a SKU code, "family:<name>", "resource:<code>", "plant:<name>"; None = the scope
    months: frozenset[str] | None  # the months it holds in ("YYYY-MM"); None = not tied to months
    value: float
    unit: str = ""
    start: str | None = None  # the month a run of it starts ("short from 2026-11")
    source: str = ""  # where it was read: the key, or "text"

    def label(self) -> str:
        months = ",".join(sorted(self.months)) if self.months else "-"
        return f"{self.measure} {self.subject or 'all'} {months} {self.value:g}{self.unit}"


def _subject(row: dict, inherited: str | None) -> str | None:
    if row.get("sku"):
        return str(row["sku"])
    for key in ("resource", "family", "plant"):
        if isinstance(row.get(key), str) and row[key]:
            return f"{key}:{row[key]}"
    return inherited


def _months(row: dict, inherited: frozenset[str] | None) -> frozenset[str] | None:
    period = row.get("period")
    if isinstance(period, str) and len(period) >= 7:
        return frozenset([period[:7]])
    if isinstance(row.get("periods"), list) and row["periods"] and all(isinstance(p, str) for p in row["periods"]):
        return frozenset(p[:7] for p in row["periods"])
    return inherited


_DIGIT = re.compile(r"\d")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Collector:
    def __init__(self, read_text: Callable[[str, str | None, frozenset[str] | None], list[Fact]]) -> None:
        self.facts: list[Fact] = []
        self.read_text = read_text

    def add(self, measures, subject, months, value, unit="", start=None, source="") -> None:
        value = float(value)
        self.facts.extend([Fact(measure, subject, months, value, unit, start, source) for measure in measures])

    def walk(self, value, subject: str | None = None, months: frozenset[str] | None = None, key: str = "") -> None:
        if isinstance(value, dict):
            subject, months = _subject(value, subject), _months(value, months)
            for k, item in value.items():
                self.walk(item, subject, months, k)
        elif isinstance(value, list):
            for item in value:
                self.walk(item, subject, months, key)
        elif isinstance(value, bool) or value is None:
            return
        elif isinstance(value, int | float):
            if key == "projected_balance":  # the sign decides: stock when >= 0, a shortage when below
                self.add(("balance",), subject, months, value, source=key)
                self.add(("stock",) if value >= 0 else ("shortage",), subject, months, abs(value), source=key)
            elif key in KEYS:
                scale = PERCENT_KEYS.get(key)
                unit = "%" if scale or key.endswith("_pct") else ""
                self.add(KEYS[key], subject, months, value * (scale or 1.0), unit, source=key)
            elif key and key not in NOT_VALUES:  # a value of a key no extractor names: any measure
                unit = "%" if key.endswith(("_pct", "_percent", "_rate")) else ""
                self.add(("text",), subject, months, value, unit, source=key)
                if unit:
                    self.add(("text",), subject, months, value, "", source=key)
        elif isinstance(value, str) and (key in TEXT_KEYS or len(value) >= 8) and _DIGIT.search(value) \
                and not _ISO_DATE.fullmatch(value):  # a date alone is a label, never a figure
            self.facts.extend(self.read_text(value, subject, months))


def _horizon(doc: dict) -> frozenset[str] | None:
    months = doc.get("months")
    return frozenset(m[:7] for m in months) if isinstance(months, list) and months else None


def shortages(doc: dict, c: Collector) -> None:
    for side in ("base", "scenario"):
        if isinstance(doc.get(side), dict):
            shortages(doc[side], c)
    horizon = _horizon(doc)
    for sku in doc.get("skus", []):
        periods = sku.get("periods", [])
        peak = max((p.get("shortage") or 0 for p in periods), default=0)
        peak_months = frozenset(p["period"] for p in periods if (p.get("shortage") or 0) == peak) or horizon
        for key in ("total_shortage", "asked_months_shortage"):
            if key in sku:
                months = frozenset(doc.get("asked_months") or []) if key == "asked_months_shortage" else None
                c.add(("shortage",), sku["sku"], months or peak_months, sku[key], start=sku.get("first_short_period"),
                      source=key)
        c.add(("probability",), sku["sku"], horizon, (sku.get("stockout_probability") or 0) * 100, "%",
              source="stockout_probability")
        for option in sku.get("cover_options") or []:  # what is still short after it, from its month on
            after = option.get("first_short_period_after")
            told = {str(option[k])[:7] for k in ("first_short_period_after", "arrives", "from_date") if option.get(k)}
            if option.get("shortage_after"):  # in the months the option's sentence names
                c.add(("shortage",), sku["sku"], frozenset(told) or horizon, option["shortage_after"], start=after,
                      source="shortage_after")
        rest = {k: v for k, v in sku.items() if k not in ("total_shortage", "asked_months_shortage",
                                                          "stockout_probability")}
        rest["cover_options"] = [{k: v for k, v in o.items() if k != "shortage_after"}
                                 for o in sku.get("cover_options") or []]
        c.walk(rest)
    for key in ("families", "plants", "capacity"):
        c.walk(doc.get(key, []), months=horizon)
    c.walk({k: doc.get(k) for k in ("skus_short", "skus_short_in_asked_months", "skus_checked", "skus_not_shown",
                                    "notes", "demand_source") if k in doc}, months=horizon)
    c.walk(doc.get("options") or doc.get("changes") or [])
    c.walk({k: doc[k] for k in ("skus_shortage_changed", "skus_stock_only_changed") if k in doc}, months=horizon)


def forecast(doc: dict, c: Collector) -> None:
    scope = doc.get("scope") or {}
    subject = scope.get("code") if scope.get("kind") == "sku" else (
        f"family:{scope['code']}" if scope.get("kind") == "family" else None)
    c.walk(doc.get("rows", []))
    c.walk(doc.get("total_by_period", []), subject)
    c.walk(doc.get("skus", []))
    c.walk({k: doc.get(k) for k in ("sku_count", "rows_truncated", "version", "note") if k in doc})


def kpi(doc: dict, c: Collector) -> None:
    period = doc.get("period") or {}
    months = None
    if period.get("from") and period.get("to"):
        from sop_engine.periods import format_period, months_from_to, parse_month

        months = frozenset(format_period(m) for m in months_from_to(parse_month(period["from"]),
                                                                     parse_month(period["to"])))
    name = str(doc.get("name") or "").replace("_", " ") + " " + str(doc.get("unit") or "")
    measures = {"kpi"} | {m for f in reading.read(name + " 1").figures for m in f.measures}
    if doc.get("value") is not None:
        c.add(sorted(measures), None, months, doc["value"], "%" if doc.get("unit") == "%" else "", source="value")
    c.walk({"months": period.get("months")}, None, months)
    c.walk(doc.get("details") or {}, None, months)
    c.walk({k: doc.get(k) for k in ("coverage", "scope", "message") if isinstance(doc.get(k), str)}, None, months)
    for key in ("skus", "rows", "by_month", "families", "breakdown"):
        c.walk(doc.get(key) or [], None, months)


def reconcile(doc: dict, c: Collector) -> None:
    horizon = _horizon(doc)
    for family in doc.get("families", []):
        subject = f"family:{family['family']}"
        c.walk(family.get("periods", []), subject)
        c.walk(family.get("totals", {}), subject, horizon)
        c.walk({"skus": family.get("skus")}, subject)
    c.walk(doc.get("skus", []))
    c.walk(doc.get("decisions", []))
    c.walk({k: doc.get(k) for k in ("threshold_pct", "notes", "skus_not_shown", "decision_count") if k in doc}, None,
           horizon)


def notes(doc: dict, c: Collector) -> None:
    for hit in doc.get("hits", []):
        c.walk({"text": hit.get("text"), "title": hit.get("title")}, None, None)
    for item in doc.get("items", []):
        subject = item["skus"][0] if len(item.get("skus") or []) == 1 else None
        c.walk({"text": item.get("text")}, subject, None)
    c.walk({k: doc.get(k) for k in ("count", "items_not_shown") if k in doc})


EXTRACTORS: dict[str, Callable[[dict, Collector], None]] = {
    "check_shortages": shortages, "get_forecast": forecast, "get_kpi": kpi, "reconcile_plan": reconcile,
    "search_meeting_notes": notes, "list_decisions": notes,
}


def generic(doc: dict, c: Collector) -> None:
    """Any other tool: every known key's value, with the subject and months of the row it is in."""
    c.walk(doc, None, _horizon(doc))
