"""The pack document as sections to show: a title, the headline sentence, a table and a chart per section,
written with the language's wording (``prompts/pack*.toml``) and Babel formats (``assistant.formats``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache

import prompts
from assistant.answers import formats
from assistant.formats import Formats
from assistant.pack import charts
from sop_engine.pack import SECTIONS

MAX_ROWS = 15


@cache
def wording(language: str) -> dict:
    base = tomllib.loads(prompts.load("pack.toml"))
    if language == "en" or not (prompts.HERE / f"pack.{language}.toml").exists():
        return base
    own = tomllib.loads(prompts.load(f"pack.{language}.toml"))
    return {k: ({**v, **own.get(k, {})} if isinstance(v, dict) else own.get(k, v)) for k, v in base.items()}


@dataclass
class Section:
    key: str
    title: str
    line: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    chart: bytes | None = None
    source: str | None = None
    more: int = 0


@dataclass
class PackView:
    title: str
    subtitle: str
    note: str
    language: str
    sections: list[Section]


def view(doc: dict) -> PackView:
    language = doc.get("language") or "en"
    w, f = wording(language), formats(language)
    builders = {"shortages": _shortages, "capacity": _capacity, "plan_vs_forecast": _plan_vs_forecast,
                "revenue_vs_budget": _revenue_vs_budget, "accuracy": _accuracy, "changes": _changes,
                "action_items": _action_items, "decisions": _decisions}
    sections = []
    for key in SECTIONS:
        data = doc["sections"][key]
        section = builders[key](data, doc, w, f)
        section.source = doc.get("sources", {}).get(key)
        if data.get("note") and not section.rows:
            section.line = f"{section.line} {data['note']}".strip()
        sections.append(section)
    return PackView(title=w["title"].format(period=f.month(doc["period"])),
                    subtitle=w["subtitle"].format(company=doc["company"], planning_date=f.date(doc["planning_date"]),
                                                  today=f.date(doc["today"])),
                    note=w["figures_from"], language=language, sections=sections)


def _cols(w: dict, *keys: str) -> list[str]:
    return [w["columns"][k] for k in keys]


def _shortages(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    line = w["lines"]["shortages"].format(count=f.number(d["skus_short"]), checked=f.number(d["skus_checked"]),
                                          months=f.months(d["months"]), total=f.number(d["total_shortage"]),
                                          covered=f.number(d["skus_covered"]))
    rows = []
    for r in d["rows"]:
        cover = r.get("cover")
        shown = w["words"]["no_option"] if not cover else \
            f"{_cover(cover, w, f)} ({w['words']['covers'] if cover['covers'] else w['words']['partly']})"
        rows.append([r["sku"], r["name"], f.month(r["first_short_period"]), f.number(r["shortage"]),
                     f.probability(r.get("stockout_probability")), shown])
    chart = charts.bars(w["charts"]["shortages"], [r["sku"] for r in d["rows"]],
                        {"": [r["shortage"] for r in d["rows"]]}, f) if d["rows"] else None
    return Section("shortages", w["sections"]["shortages"], line,
                   _cols(w, "sku", "product", "first_short", "shortage", "probability", "cover"), rows, chart)


def _cover(cover: dict, w: dict, f: Formats) -> str:
    """A cover option in the pack's language, from its fields (the engine's own sentence when a kind is new)."""
    template = w["cover_kinds"].get(cover["kind"])
    if template is None:
        return str(cover.get("action") or cover["kind"])
    return template.format(quantity=f.number(cover.get("quantity")), month=f.month(cover.get("arrives")),
                           ref=cover.get("ref") or "", resource=cover.get("resource") or "")


def _capacity(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    months = [d["months"][0], d["months"][-1]] if d.get("months") else []
    line = w["lines"]["capacity"].format(count=f.number(d["overloaded_count"]), months=f.months(months))
    rows = [[r["resource"], f.month(r["period"]), f.number(r["available_hours"]), f.number(r["required_hours"]),
             f.number(r["overload_hours"]), f.percent(r["utilization_pct"])] for r in d["rows"]]
    labels = [f"{r['resource']} {r['period']}" for r in d["rows"]]
    chart = charts.bars(w["charts"]["capacity"], labels, {"": [r["overload_hours"] for r in d["rows"]]}, f) \
        if d["rows"] else None
    return Section("capacity", w["sections"]["capacity"], line,
                   _cols(w, "resource", "month", "available", "required", "overload", "utilization"), rows, chart)


def _plan_vs_forecast(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    line = w["lines"]["plan_vs_forecast"].format(count=f.number(d["count"]), threshold=f.percent(d["threshold_pct"]),
                                                 months=f.months([d["months"][0], d["months"][-1]]))
    rows = [[r["family"], f.month(r["period"]), f.number(r["sales_plan"]), f.number(r["statistical_forecast"]),
             f.percent(r["gap_pct"], signed=True)] for r in d["rows"]]
    labels = [f"{r['family']} {r['period']}" for r in d["rows"]]
    chart = charts.bars(w["charts"]["plan_vs_forecast"], labels,
                        {w["columns"]["sales_plan"]: [r["sales_plan"] for r in d["rows"]],
                         w["columns"]["forecast"]: [r["statistical_forecast"] for r in d["rows"]]}, f) \
        if d["rows"] else None
    return Section("plan_vs_forecast", w["sections"]["plan_vs_forecast"], line,
                   _cols(w, "family", "month", "sales_plan", "forecast", "gap"), rows, chart)


def _revenue_vs_budget(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    currency = doc.get("currency")
    total = d.get("total")
    line = "" if not total else w["lines"]["revenue_vs_budget"].format(
        revenue=f.money(total["revenue_consensus"], currency), budget=f.money(total["budget"], currency),
        months=f.months([d["months"][0], d["months"][-1]]), gap=f.money(total["gap"], currency),
        gap_pct=f.percent(total["gap_pct"], signed=True))
    rows = [[r["family"], f.money(r["revenue_consensus"], currency), f.money(r["budget"], currency),
             f.money(r["gap"], currency), f.percent(r["gap_pct"], signed=True)] for r in d["rows"]]
    chart = charts.bars(w["charts"]["revenue_vs_budget"], [r["family"] for r in d["rows"]],
                        {w["columns"]["revenue"]: [r["revenue_consensus"] for r in d["rows"]],
                         w["columns"]["budget"]: [r["budget"] for r in d["rows"]]}, f) if d["rows"] else None
    return Section("revenue_vs_budget", w["sections"]["revenue_vs_budget"], line,
                   _cols(w, "family", "revenue", "budget", "gap", "gap_pct"), rows, chart)


def _accuracy(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    window = d.get("period") or {}
    line = "" if d.get("wape") is None else w["lines"]["accuracy"].format(
        wape=f.percent(d["wape"]), bias=f.percent(d["bias"], signed=True),
        signal=f.number(d["tracking_signal"]), limit=f.number(d["tracking_limit"]),
        months=f.months([window.get("from"), window.get("to")]), outside=f.number(d.get("skus_outside_limit") or 0))
    rows = [[r["sku"], f.percent(r["wape"]), f.percent(r["bias"], signed=True)] for r in d["worst_skus"]]
    chart = charts.bars(w["charts"]["accuracy"], [r["sku"] for r in d["worst_skus"]],
                        {"": [r["wape"] or 0.0 for r in d["worst_skus"]]}, f) if d["worst_skus"] else None
    return Section("accuracy", w["sections"]["accuracy"], line, _cols(w, "sku", "wape", "bias"), rows, chart)


def _changes(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    previous = d.get("previous_pack")
    if not previous:
        return Section("changes", w["sections"]["changes"], w["lines"]["changes_first"])
    line = w["lines"]["changes"].format(previous=f.month(previous["period"]), created=f.date(previous["created_at"]),
                                        new=f.number(len(d["new_risks"])), resolved=f.number(len(d["resolved_risks"])),
                                        still=f.number(d.get("still_open", 0)))
    kinds = w["risk_kinds"]
    rows = [[w["words"]["new"], kinds.get(r["kind"], r["kind"]), r["label"]] for r in d["new_risks"]]
    rows += [[w["words"]["resolved"], kinds.get(r["kind"], r["kind"]), r["label"]] for r in d["resolved_risks"]]
    return Section("changes", w["sections"]["changes"], line, _cols(w, "status", "kind", "risk"), rows)


def _action_items(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    line = w["lines"]["action_items"].format(open=f.number(d["open"]), overdue=f.number(d["overdue"]))
    rows = [[r["owner"] or w["words"]["unassigned"], r["text"], f.date(r["due_date"]),
             w["words"]["overdue"] if r["overdue"] else w["words"]["open"]] for r in d["rows"]]
    return Section("action_items", w["sections"]["action_items"], line, _cols(w, "owner", "action", "due", "status"),
                   rows)


def _decisions(d: dict, doc: dict, w: dict, f: Formats) -> Section:
    currency = doc.get("currency")
    texts = w["decision_kinds"]
    rows = []
    for r in d["rows"]:
        template = texts.get(r["kind"])
        if template is None:
            rows.append([r["question"]])
            continue
        rows.append([template.format(family=r.get("family", ""), resource=r.get("resource", ""),
                                     month=f.month(r.get("period")), gap_pct=f.percent(r.get("gap_pct"), signed=True),
                                     hours=f.number(r.get("overload_hours")), gap=f.money(r.get("gap"), currency),
                                     months=f.months(r.get("periods") or []))])
    return Section("decisions", w["sections"]["decisions"], w["lines"]["decisions"].format(count=f.number(d["count"])),
                   _cols(w, "question"), rows)
