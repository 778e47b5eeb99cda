"""Plain answers written from tool results with the templates of ``prompts/answers*.toml``, in the
language of the question.

Used by the offline router, and as the fallback rendering when an LLM answer fails the grounding
check. Every figure placed in a template is copied from a tool result (or the question), never computed
here; ``assistant.formats`` writes it in the language's number and month formats.

``render(tool, args, result, language="en")``, ``say(key, language="en", **values)`` and
``render_error(error, language="en")``: the language is a code of ``languages()`` (``"en"``, ``"vi"``; a
region is ignored, "vi-VN" is "vi"); an unknown code answers in English. ``template_text(language)`` is
the templates' own wording, for the grounding check's ``fixed_text``.
"""

from __future__ import annotations

import re
import string
import tomllib
from functools import cache
from typing import Any

import prompts
from assistant.formats import Formats

MAX_LINES = 8
MAX_MONTH_LINES = 6
BASE = "en"
_FORMATTER = string.Formatter()


@cache
def languages() -> tuple[str, ...]:
    """``en`` (``answers.toml``) plus every ``answers.<language>.toml`` in ``prompts/``."""
    others = sorted(p.name.split(".")[1] for p in prompts.HERE.glob("answers.*.toml"))
    return (BASE, *others)


@cache
def templates(language: str = BASE) -> dict[str, Any]:
    """The templates of ``language``; a key its file lacks is the English one."""
    base = tomllib.loads(prompts.load("answers.toml"))
    if language == BASE or language not in languages():
        return base
    own = tomllib.loads(prompts.load(f"answers.{language}.toml"))
    merged = {**base, **{k: v for k, v in own.items() if k not in ("format", "words", "plural")}}
    merged["format"] = {**base["format"], **own.get("format", {})}
    merged["plural"] = {**base["plural"], **own.get("plural", {})}
    words = dict(base["words"])
    for key, value in own.get("words", {}).items():
        words[key] = {**words.get(key, {}), **value} if isinstance(value, dict) else value
    merged["words"] = words
    return merged


def template_text(language: str | None = None) -> str:
    """All template wording of ``language`` (every language when None): its fixed numbers, like "80%
    interval", are the product's, not figures."""
    chosen = languages() if language is None else (language,)
    return "\n".join(_strings(templates(lang)) for lang in chosen)


def _strings(value: Any) -> str:
    if isinstance(value, dict):
        return "\n".join(_strings(v) for v in value.values())
    return str(value)


@cache
def formats(language: str = BASE) -> Formats:
    return Formats.from_spec(templates(language)["format"])


class Writer:
    """Templates, words and formats of one language."""

    def __init__(self, language: str | None = BASE):
        code = str(language or BASE).replace("_", "-").split("-")[0].lower()  # "vi-VN" -> "vi"
        self.language = code if code in languages() else BASE
        self.t = templates(self.language)
        self.f = formats(self.language)

    def __call__(self, key: str, **values: Any) -> str:
        template = self.t[key]
        if isinstance(template, dict):
            template = self._plural(template, values.get("count"))
        for _, field, _, _ in _FORMATTER.parse(template):
            if field and field not in values and isinstance(self.t.get(field), str):
                values[field] = self.t[field]
        return template.format(**{k: self.show(v) for k, v in values.items()})

    def _plural(self, forms: dict, count: Any) -> str:
        form = self.f.babel_locale.plural_form(abs(count)) if isinstance(count, int | float) else "other"
        return forms.get(form) or forms["other"]

    def show(self, value: Any) -> str:
        if isinstance(value, bool) or value is None:
            return "-" if value is None else str(value)
        if isinstance(value, int | float):
            return self.f.number(value)
        return str(value)

    def word(self, key: str, group: str | None = None) -> str:
        table = self.t["words"].get(group, {}) if group else self.t["words"]
        value = table.get(str(key)) if isinstance(table, dict) else None
        return value if isinstance(value, str) else str(key).replace("_", " ")

    def plural(self, key: str, count: int | float) -> str:
        return self._plural(self.t["plural"][key], count).format(count=self.show(count))

    def qty(self, value: Any) -> str:
        return self.f.number(value)

    def month(self, period: Any) -> str:
        return self.f.month(period)

    def months(self, periods: list[str] | None) -> str:
        return self.f.months(periods) or self.word("requested_months")


def say(key: str, language: str = BASE, **values: Any) -> str:
    """One template of ``language`` filled with ``values`` (numbers in the language's format)."""
    return Writer(language)(key, **values)


def render(tool: str, args: dict, result: dict, language: str = BASE) -> str:
    """One answer for one tool result, in ``language``."""
    w = Writer(language)
    if "error" in result:
        return render_error(result["error"], w.language)
    if "pending_approval" in result:
        return w("pending", message=result["message"], id=result["pending_approval"]["id"])
    renderer = RENDERERS.get(tool)
    return renderer(w, args, result) if renderer else str(result.get("message", "Done."))


def render_error(error: dict, language: str = BASE) -> str:
    w = Writer(language)
    code, message = error.get("code"), error.get("message", "")
    if error.get("ask_user") and code != "unknown_product":
        if error.get("candidates"):
            return w("ambiguous", message=message, candidates="; ".join(map(_candidate, error["candidates"])))
        return w("clarify", question=message)
    if code == "no_data":
        return w("no_data", message=message)
    if code == "permission_denied":
        return w("permission", message=message)
    if error.get("closest"):
        closest = "; ".join(map(_candidate, error["closest"]))
        if code == "unknown_product":
            return w("unknown_product", message=message, closest=closest)
        if "closest" not in message:
            return w("error_closest", message=message, closest=closest)
    return w("error", message=message)


def _candidate(text: str) -> str:
    """``sku OAT-1L (Oat Milk 1L)`` -> ``OAT-1L (Oat Milk 1L)``: the kind word is the engine's English."""
    return re.sub(r"^(sku|family|resource|plant|owner|order)\s+", "", str(text))


# --- check_shortages --------------------------------------------------------------------------------


def _peak(sku: dict, months: list[str]) -> dict | None:
    periods = [p for p in sku.get("periods", []) if p["period"] in months and p.get("shortage")]
    return max(periods, key=lambda p: p["shortage"]) if periods else None


def _probability(w: Writer, sku: dict) -> str:
    return w.f.probability(sku.get("stockout_probability"))


def _source(w: Writer, demand_source: dict) -> str:
    kind = w.word(demand_source.get("kind", "published"), "source_kind")
    version = demand_source.get("version")
    if version is None:
        return w("shortage_source", source=kind)
    if isinstance(version, list) and len(version) > 1:
        return w("shortage_source_versions", source=kind, versions=w.f.join([str(v) for v in version]))
    version = version[0] if isinstance(version, list) else version
    return w("shortage_source_version", source=kind, version=version)


def _period_read(w: Writer, args: dict, months: list[str]) -> list[str]:
    words = args.get("period")
    return [w("period_read", words=words, months=w.months(months))] if words and months else []


def _notes(w: Writer, doc: dict) -> list[str]:
    return [w("note", note=n) for n in doc.get("notes", [])[:3]]


def _option(w: Writer, option: dict, uom: str) -> str:
    kind = option.get("kind")
    arrives = w.month(option["arrives"]) if option.get("arrives") else w.word("after_window")
    quantity = w.qty(option.get("quantity"))
    if kind == "expedite":
        text = w("option_expedite", ref=option["ref"], quantity=quantity, uom=uom,
                 from_date=w.f.date(option.get("from_date")), arrives=arrives)
    elif kind == "new_order":
        moq = option.get("min_order_qty")
        key = "option_new_order_moq" if moq and moq == option.get("quantity") else "option_new_order"
        text = w(key, quantity=quantity, uom=uom, arrives=arrives)
    elif kind == "alternative_resource":
        text = w("option_resource", quantity=quantity, uom=uom, resource=option["resource"],
                 routing=w.word(option.get("routing", "primary"), "routing"), hours=w.qty(option.get("hours")),
                 arrives=arrives)
    else:
        return w("shortage_option", action=option.get("action", kind))
    if option.get("covers"):
        text += w("option_covers")
    elif option.get("shortage_after") is not None:
        text += w("option_leaves", after=w.qty(option["shortage_after"]), uom=uom)
    return w("shortage_option", action=text)


def _shortages(w: Writer, args: dict, doc: dict) -> str:
    if "scenario" in doc and "base" in doc:
        return _whatif(w, args, doc)
    months = doc.get("asked_months") or doc["months"]
    key = "asked_months_shortage" if doc.get("asked_months") else "total_shortage"
    scope = doc.get("scope") or {}
    skus = doc["skus"]
    if scope.get("kind") == "sku" and len(skus) == 1:
        lines = _one_sku(w, skus[0], months, key)
    else:
        lines = _many_skus(w, scope, args, skus, months, key)
    lines.append(_source(w, doc["demand_source"]))
    return "\n".join(lines + _period_read(w, args, months) + _notes(w, doc))


def _one_sku(w: Writer, s: dict, months: list[str], key: str) -> list[str]:
    uom = w.word(s.get("uom") or "units", "uom")
    peak = _peak(s, months)
    if not s.get(key) or peak is None:
        lines = [w("shortage_no_one", name=s["name"], sku=s["sku"], months=w.months(months))]
    else:
        lines = [w("shortage_yes_one", name=s["name"], sku=s["sku"], shortage=w.qty(s[key]), uom=uom,
                   month=w.month(peak["period"])),
                 w("shortage_first", first=w.month(s["first_short_period"]), probability=_probability(w, s))]
    for p in [p for p in s.get("periods", []) if p["period"] in months][:MAX_MONTH_LINES]:
        lines.append(w("shortage_month", month=w.month(p["period"]), demand=w.qty(p["demand"]),
                       receipts=w.qty(p["receipts"]), balance=w.qty(p["projected_balance"]), uom=uom))
    options = s.get("cover_options", [])[:3] if s.get(key) else []
    if options:
        lines.append(w("shortage_options"))
        lines += [_option(w, o, uom) for o in options]
    return lines


def _many_skus(w: Writer, scope: dict, args: dict, skus: list[dict], months: list[str], key: str) -> list[str]:
    short = [s for s in skus if s.get(key)]
    label = scope.get("label") or args.get("product")
    months_text = w.months(months)
    if not short:
        return [w("shortage_none", scope=label, months=months_text) if label
                else w("shortage_none_all", months=months_text)]
    lines = [w("shortage_some", count=len(short), scope=label, months=months_text) if label
             else w("shortage_some_all", count=len(short), months=months_text)]
    for s in short[:MAX_LINES]:
        uom = w.word(s.get("uom") or "units", "uom")
        peak = _peak(s, months)
        lines.append(w("shortage_line", name=s["name"], sku=s["sku"], shortage=w.qty(s[key]), uom=uom,
                       month=w.month(peak["period"] if peak else s["first_short_period"]),
                       first=w.month(s["first_short_period"]), probability=_probability(w, s)))
        lines += [_option(w, o, uom) for o in s.get("cover_options", [])[:2]]
    if len(short) > MAX_LINES:
        lines.append(w("more"))
    return lines


def _changes(w: Writer, args: dict) -> str:
    scenario = args.get("scenario") or {}
    described = []
    for change in scenario.get("supply_changes", []):
        days = change.get("delay_days")
        if days is not None:
            described.append(w("whatif_slip" if days >= 0 else "whatif_earlier", ref=change["ref"], days=abs(days)))
        elif change.get("cancel"):
            described.append(w("whatif_cancel", ref=change["ref"]))
        else:
            described.append(w("whatif_quantity", ref=change["ref"], quantity=change.get("quantity")))
    for change in scenario.get("demand_changes", []):
        described.append(w("whatif_demand", target=change.get("sku") or change.get("family"),
                           pct=w.f.percent(change["pct"], signed=True)))
    for change in scenario.get("capacity_changes", []):
        described.append(w("whatif_capacity", resource=change["resource"], hours=change["available_hours"]))
    for change in scenario.get("driver_changes", []):
        how = (w.f.percent(change["pct"], signed=True) if change.get("pct") is not None
               else w("whatif_driver_value", value=w.qty(change.get("value"))))
        target = change.get("sku") or change.get("family")
        described.append(w("whatif_driver" + ("_for" if target else ""), driver=str(change["driver"]).replace("_", " "),
                           change=how, target=target,
                           months=w.f.join([w.month(m) for m in change["months"]]) if change.get("months")
                           else w("whatif_driver_every_month")))
    return w.f.join(described) or w.t["whatif_scenario"]


def _driver_demand(w: Writer, doc: dict) -> list[str]:
    """The demand a driver change moves, per product and month, beside the base (what-ifs with driver_changes):
    the figures of the two gap documents' months."""
    if "driver_results" not in doc:
        return []
    base = {(s["sku"], p["period"]): p["demand"] for s in doc["base"]["skus"] for p in s.get("periods", [])}
    lines = []
    for s in doc["scenario"]["skus"]:
        for p in s.get("periods", []):
            before = base.get((s["sku"], p["period"]))
            if before is not None and round(before, 1) != round(p["demand"], 1):
                lines.append((p["period"], w("whatif_driver_demand", name=s["name"], sku=s["sku"],
                                               month=w.month(p["period"]), base=w.qty(before),
                                               scenario=w.qty(p["demand"]),
                                               uom=w.word(s.get("uom") or "units", "uom"))))
    if not lines:
        return [w("whatif_driver_none")]
    lines.sort(key=lambda item: item[0])
    return [text for _, text in lines[:MAX_MONTH_LINES]] + ([w("more")] if len(lines) > MAX_MONTH_LINES else [])


def _whatif(w: Writer, args: dict, doc: dict) -> str:
    base = doc["base"]
    months = w.months(base.get("asked_months") or base["months"])
    changes, described = doc.get("changes", []), _changes(w, args)
    shorter = [c for c in changes if c.get("delta") or c.get("first_short_period_base") !=
               c.get("first_short_period_scenario")]
    moved = len(changes) - len(shorter)
    demand = _driver_demand(w, doc)
    if not shorter:
        lines = [w("whatif_none", changes=described, months=months)]
        return "\n".join(lines + ([w("whatif_stock", count=moved)] if moved else []) + demand)
    uoms = {s["sku"]: s.get("uom") or "units" for s in doc["scenario"]["skus"]}
    lines = [w("whatif_head", count=len(shorter), changes=described, months=months)]
    for change in shorter[:MAX_LINES]:
        lines.append(w("whatif_line", sku=change["sku"], name=change["name"], base=w.qty(change["total_shortage_base"]),
                       scenario=w.qty(change["total_shortage_scenario"]),
                       uom=w.word(uoms.get(change["sku"], "units"), "uom")))
    if len(shorter) > MAX_LINES:
        lines.append(w("more"))
    return "\n".join(lines + ([w("whatif_stock", count=moved)] if moved else []) + demand)


# --- forecasts ----------------------------------------------------------------------------------------


def _scope(doc_scope: dict | None, fallback: str) -> str:
    scope = doc_scope or {}
    label = scope.get("label") or fallback
    code = scope.get("code")
    return f"{label} ({code})" if scope.get("kind") == "sku" and code and code != label else label


def _forecast(w: Writer, args: dict, doc: dict) -> str:
    scope = _scope(doc.get("scope"), args.get("product") or w.word("all_products"))
    unit = w.word(doc.get("unit") or "units", "uom")
    rows = doc["rows"]
    months = doc.get("months") or sorted({r["period"] for r in rows})
    if doc["version"] == "published":
        version = w("version_published", version=", ".join(map(str, doc.get("versions") or [])) or "-")
    else:
        version = w("version_other", version=doc["version"], status=w.word(doc.get("status", ""), "status"))
    by_sku: dict[str, list[dict]] = {}
    for row in rows:
        by_sku.setdefault(row["sku"], []).append(row)
    lines: list[str] = []
    if len(by_sku) == 1 and len(rows) == 1:
        row = rows[0]
        lines.append(w("forecast_one", scope=scope, month=w.month(row["period"]), forecast=w.qty(row["final"]),
                       unit=unit, lo=w.qty(row["lo_80"]), hi=w.qty(row["hi_80"])) + _override(w, row))
        lines.append(w("forecast_version", version=version))
    else:
        lines.append(w("forecast_head", scope=scope, months=w.months(months), version=version, unit=unit))
    if doc.get("note"):
        lines.append(doc["note"])
    if len(by_sku) == 1:
        if len(rows) > 1:
            for row in rows[:12]:
                lines.append(w("forecast_line", month=w.month(row["period"]), forecast=w.qty(row["final"]),
                               lo=w.qty(row["lo_80"]), hi=w.qty(row["hi_80"])) + _override(w, row))
        for info in doc.get("skus", [])[:1]:
            lines.append(w("forecast_model", sku=info["sku"], model=info["model"],
                           demand_class=w.word(info.get("demand_class") or "-", "demand_class")))
            note = w("forecast_model_note", note=info.get("note") or "").strip()
            lines += [note] if note else []
    else:
        products = w.plural("products", doc.get("sku_count") or len(by_sku))
        for total in doc.get("total_by_period", [])[:12]:
            lines.append(w("forecast_total", month=w.month(total["period"]), forecast=w.qty(total["forecast"]),
                           products=products))
    return "\n".join(lines)


def _override(w: Writer, row: dict) -> str:
    return w("forecast_override", reason=row.get("override_reason") or "-") if row.get("override") is not None else ""


def _reforecast(w: Writer, args: dict, doc: dict) -> str:
    excluded = doc.get("excluded_months") or []
    params = doc["parameters"]
    return w(
        "reforecast",
        version=doc["version"],
        scope=_scope(doc.get("scope_resolved"), args.get("product") or w.word("all_products")),
        products=w.plural("products", doc["skus"]),
        horizon=w.plural("months", params["horizon"]),
        start=w.month(params["start"]),
        history_until=w.month(params["history_until"]),
        excluded=w("reforecast_excluded", months=w.f.join([w.month(m) for m in excluded])) if excluded else "",
    )


def _published(w: Writer, args: dict, doc: dict) -> str:
    replaced = doc.get("replaced_versions") or []
    products = w.plural("products", doc["skus_published"])
    if replaced:
        return w("published_replaced", version=doc["version"], products=products,
                 replaced=", ".join(map(str, replaced)))
    return w("published", version=doc["version"], products=products)


# --- reconciliation ---------------------------------------------------------------------------------


def _reconcile(w: Writer, args: dict, doc: dict) -> str:
    months = doc.get("asked_months") or doc["months"]
    months_text = w.months(months)
    currency = doc.get("currency")
    families = doc.get("families", [])
    scope = args.get("family") or w.word("all_families")
    budgeted = [f for f in families if f["totals"].get("revenue_vs_budget_pct") is not None]
    under = [f["family"] for f in budgeted if "revenue_under_budget" in f["totals"].get("flags", [])]
    if under:
        lines = [w("reconcile_under", families=w.f.join(under), months=months_text)]
    elif budgeted:
        lines = [w("reconcile_meets", scope=scope, months=months_text)]
    else:
        lines = [w("reconcile_no_budget", scope=scope, months=months_text)]
    if families:
        lines.append(w("reconcile_head"))
    for fam in families[:MAX_LINES]:
        t = fam["totals"]
        budget = (w("reconcile_budget", revenue=w.f.money(t["revenue_consensus"], currency),
                    budget=w.f.money(t["budget"], currency), pct=w.f.percent(t["revenue_vs_budget_pct"], signed=True))
                  if t.get("revenue_vs_budget_pct") is not None else w.word("no_budget"))
        flags = w.f.join([w.word(f, "flag") for f in t.get("flags", [])]) or w.word("no_flags")
        lines.append(w("reconcile_line", family=fam["family"], stat=w.qty(t["statistical_forecast"]),
                       plan=w.qty(t["sales_plan"]), consensus=w.qty(t["consensus_plan"]), budget=budget, flags=flags))
    decisions = doc.get("decisions", [])
    if decisions:
        lines.append(w("reconcile_decisions", count=len(decisions)))
        lines += [_decision(w, d, currency) for d in decisions[:MAX_LINES]]
        if len(decisions) > MAX_LINES:
            lines.append(w("more"))
    return "\n".join(lines + _period_read(w, args, months) + _notes(w, doc))


def _decision(w: Writer, d: dict, currency: str | None) -> str:
    kind = d.get("kind")
    if kind == "sales_plan_vs_forecast":
        return w("decision_plan", family=d["family"], month=w.month(d["period"]), plan=w.qty(d["sales_plan"]),
                 pct=w.f.percent(d["gap_pct"], signed=True), stat=w.qty(d["statistical_forecast"]),
                 consensus=w.qty(d["consensus_demand"]))
    if kind == "capacity":
        return w("decision_capacity", resource=d["resource"], month=w.month(d["period"]),
                 required=w.qty(d["required_hours"]), available=w.qty(d["available_hours"]),
                 overload=w.qty(d["overload_hours"]), unserved=w.qty(d["unserved_units"]))
    if kind == "revenue_vs_budget":
        return w("decision_budget", family=d["family"], gap=w.f.money(d["gap"], currency),
                 months=w.f.join([w.month(m) for m in d.get("periods", [])]))
    return w("decision_other", question=d.get("question") or d.get("text") or kind)


# --- KPIs, products, charts, notes ------------------------------------------------------------------


def _kpi_value(w: Writer, doc: dict) -> str:
    unit, value = doc.get("unit") or "", doc["value"]
    if unit in ("%", "percent"):
        return w.f.percent(value)
    if unit == "currency":
        return w.f.money(value, (doc.get("details") or {}).get("currency"))
    word = w.word(unit, "kpi_unit") if unit else ""
    return f"{w.qty(value)} {word}".rstrip()


def _kpi(w: Writer, args: dict, doc: dict) -> str:
    period = doc.get("period") or {}
    start, end = period.get("from"), period.get("to")
    window = w.months([start, end]) if start != end else w.month(start)
    label = w.word(doc["name"], "kpi")
    if doc.get("value") is None:
        return w("kpi_insufficient", label=label, scope=doc.get("scope"), window=window,
                 reason=doc.get("message") or doc.get("status"))
    lines = [w("kpi", label=label, scope=doc.get("scope"), window=window, value=_kpi_value(w, doc)),
             w("kpi_details", formula=doc.get("formula") or "-", coverage=doc.get("coverage") or "-")]
    lines += [w("kpi_flag", flag=flag) for flag in doc.get("flags", [])]
    return "\n".join(lines + _period_read(w, args, [m for m in (start, end) if m]))


def _products(w: Writer, args: dict, doc: dict) -> str:
    if not doc["count"]:
        return w("products_none", query=doc["query"])
    lines = [w("products_head", count=doc["count"], query=doc["query"])]
    lines += [w("products_line", sku=p["sku"], name=p["name"], family=p.get("family") or "-",
                status=w.word(p.get("status") or "active", "status")) for p in doc["products"][: MAX_LINES * 2]]
    if doc["count"] > MAX_LINES * 2:
        lines.append(w("more"))
    return "\n".join(lines)


def _chart(w: Writer, args: dict, doc: dict) -> str:
    lines = [w("chart", sku=doc["sku"], name=doc.get("name") or doc["sku"], path=doc.get("path", ""))]
    last = doc.get("last_actual") or {}
    if last.get("period"):
        lines.append(w("chart_last", quantity=w.qty(last.get("quantity")), month=w.month(last["period"])))
    return "\n".join(lines)


def _search_notes(w: Writer, args: dict, doc: dict) -> str:
    hits = doc.get("hits", [])
    if not hits:
        return w("notes_none")
    lines = [w("notes_head", query=doc.get("query") or args.get("query") or "")]
    for hit in hits[:3]:
        text = " ".join(hit["text"].split())
        lines.append(w("notes_line", meeting=w.word(hit["meeting"], "meeting"), date=w.f.date(hit["date"]),
                       title=hit.get("title") or "", section=hit.get("section") or "",
                       text=text[:400] + ("…" if len(text) > 400 else ""), file=hit["file"]))
    return "\n".join(lines)


def _decisions(w: Writer, args: dict, doc: dict) -> str:
    items = doc.get("items", [])
    if not items:
        return w("decisions_none")
    shown = items[: MAX_LINES * 2]
    count = doc.get("count") or len(items)
    lines = [w("decisions_head_some", count=count, shown=len(shown)) if count > len(shown)
             else w("decisions_head", count=count)]
    for item in shown:
        status = "decision" if item["kind"] == "decision" else ("done" if item.get("done") else "open")
        lines.append(w("decisions_line", status=w.word(status, "status"), text=item["text"],
                       owner=item.get("owner") or w.word("no_owner"),
                       due=w("decisions_due", date=w.f.date(item["due_date"])) if item.get("due_date") else "",
                       meeting=w.word(item["meeting"], "meeting"), date=w.f.date(item["date"]), file=item["file"]))
    return "\n".join(lines)


RENDERERS = {
    "check_shortages": _shortages,
    "get_forecast": _forecast,
    "reforecast": _reforecast,
    "publish_forecast": _published,
    "reconcile_plan": _reconcile,
    "get_kpi": _kpi,
    "find_products": _products,
    "chart": _chart,
    "search_meeting_notes": _search_notes,
    "list_decisions": _decisions,
}


# --- sales, orders, overstock, capacity -------------------------------------------------------------


def _sales_vs(w: Writer, total: dict) -> str:
    if total.get("forecast") is None:
        return w("sales_vs_none")
    error_pct = total.get("error_pct")
    direction = w("sales_over") if error_pct and error_pct > 0 else w("sales_under") if error_pct and error_pct < 0 \
        else ""
    error = w.f.percent(error_pct)
    rows = total.get("rows_with_actual", total.get("rows", 0))
    if total.get("rows_with_forecast", 0) < rows:
        return w("sales_vs_partial", forecast=w.qty(total["forecast"]), covered=total["rows_with_forecast"], rows=rows,
                 actual=w.qty(total.get("actual_with_forecast")), error=error, direction=direction)
    return w("sales_vs", forecast=w.qty(total["forecast"]), error=error, direction=direction)


def _sales(w: Writer, args: dict, doc: dict) -> str:
    scope = _scope(doc.get("scope"), args.get("product") or w.word("all_products"))
    total, months = doc["total"], doc["months"]
    if total.get("actual") is None:
        return w("sales_unknown", scope=scope, months=w.months(months))
    unit = w.word(doc.get("unit") or "units", "uom")
    if len(months) == 1:
        lines = [w("sales_one", scope=scope, month=w.month(months[0]), actual=w.qty(total["actual"]), unit=unit,
                   vs=_sales_vs(w, total))]
    else:
        lines = [w("sales_total", scope=scope, months=w.months(months), actual=w.qty(total["actual"]), unit=unit,
                   vs=_sales_vs(w, total), recorded=w.plural("months_recorded", total.get("months") or len(months)))]
        lines += [w("sales_line", month=w.month(t["period"]), actual=w.qty(t["actual"]), unit=unit,
                    vs=_sales_vs(w, t)) for t in doc.get("totals", []) if t.get("actual") is not None]
    return "\n".join(lines + _period_read(w, args, months) + [w("note", note=n) for n in doc.get("notes", [])[:2]])


def _order_verdict(w: Writer, order: dict) -> str:
    if order.get("late"):
        return w("orders_late", need_date=w.f.date(order["need_date"]), days_late=order["days_late"])
    if order.get("need_date") is None:
        return w("orders_not_needed")
    return w("orders_on_time", need_date=w.f.date(order["need_date"]))


def _orders(w: Writer, args: dict, doc: dict) -> str:
    unit = w.word(doc.get("unit") or "units", "uom")
    orders, scope = doc.get("orders", []), doc.get("scope") or {}
    if scope.get("kind") == "order" and len(orders) == 1:
        o = orders[0]
        lines = [w("orders_one", ref=o["ref"], name=o.get("name") or o["sku"], sku=o["sku"],
                   quantity=w.qty(o["quantity"]), unit=unit, status=w.word(o.get("status") or "", "order_status"),
                   kind=w.word(o.get("kind") or "", "order_kind"),
                   supplier=w("orders_supplier", supplier=o["supplier"]) if o.get("supplier") else "",
                   due_date=w.f.date(o["due_date"]), verdict=_order_verdict(w, o))]
        if o.get("past_due"):
            lines.append(w("orders_past_due", days=o["days_past_due"], planning_date=w.f.date(doc["planning_date"])))
        return "\n".join(lines)
    label = _scope(scope, args.get("product") or w.word("all_products")) if scope.get("kind") != "all" \
        else w.word("all_products")
    if not orders:
        return w("orders_none", scope=label)
    lines = [w("orders_head", count=doc["count"], scope=label, late=doc["late_count"],
               total=w.qty(doc["total_quantity"]), unit=unit)]
    lines += [w("orders_line", ref=o["ref"], sku=o["sku"], quantity=w.qty(o["quantity"]), unit=unit,
                due_date=w.f.date(o["due_date"]), status=w.word(o.get("status") or "", "order_status"),
                verdict=_order_verdict(w, o)) for o in orders[:MAX_LINES]]
    if len(orders) > MAX_LINES:
        lines.append(w("more"))
    return "\n".join(lines)


def _overstock(w: Writer, args: dict, doc: dict) -> str:
    scope = doc.get("scope") or {}
    label = None if scope.get("kind") in (None, "all") else _scope(scope, args.get("product") or "")
    suffix = "" if label else "_all"
    threshold, currency = doc["overstock_months"], doc.get("currency")
    unit = w.word(doc.get("unit") or "units", "uom")
    if not doc["skus"]:
        return w("overstock_none" + suffix, checked=doc["skus_checked"], scope=label, threshold=threshold)
    total_value = doc.get("total_excess_value")
    value = w("overstock_value", value=w.f.money(total_value, currency)) if total_value is not None else ""
    lines = [w("overstock_some" + suffix, count=doc["count"], checked=doc["skus_checked"], scope=label,
               threshold=threshold, excess=w.qty(doc["total_excess_units"]), unit=unit, value=value)]
    for s in doc["skus"][:MAX_LINES]:
        value = (w("overstock_value", value=w.f.money(s["excess_value"], currency))
                 if s.get("excess_value") is not None else "")
        if s.get("no_demand"):
            lines.append(w("overstock_line_no_demand", sku=s["sku"], name=s["name"],
                           excess=w.qty(s["excess_units"]), unit=unit, value=value))
        else:
            lines.append(w("overstock_line", sku=s["sku"], name=s["name"], cover=w.qty(s["months_of_cover"]),
                           excess=w.qty(s["excess_units"]), unit=unit, threshold=threshold, value=value))
    if len(doc["skus"]) > MAX_LINES:
        lines.append(w("more"))
    return "\n".join(lines)


def _capacity_load(w: Writer, row: dict) -> str:
    if row.get("spill_in_hours"):
        return w("capacity_load_spill", required=w.qty(row["required_hours"]), spill=w.qty(row["spill_in_hours"]))
    return w("capacity_load", required=w.qty(row["required_hours"]))


def _capacity_verdict(w: Writer, row: dict) -> str:
    if row.get("overloaded"):
        return w("capacity_over", hours=w.qty(row["overload_hours"]))
    return w("capacity_ok", free=w.qty(row["free_hours"]))


def _capacity(w: Writer, args: dict, doc: dict) -> str:
    rows, resources = doc.get("rows", []), doc.get("resources", [])
    months = doc.get("months") or sorted({r["period"] for r in rows})
    if len(rows) == 1:
        r = rows[0]
        lines = [w("capacity_one", resource=r["resource"], month=w.month(r["period"]), load=_capacity_load(w, r),
                   available=w.qty(r["available_hours"]), utilization=w.f.percent(r["utilization_pct"]),
                   verdict=_capacity_verdict(w, r))]
        return "\n".join(lines + _period_read(w, args, months))
    scope = (doc.get("scope") or {}).get("label") or w.word("every_resource")
    overloaded = doc.get("overloaded_count") or 0
    lines = [w("capacity_head", count=overloaded, scope=scope, months=w.months(months)) if overloaded
             else w("capacity_head_none", scope=scope, months=w.months(months))]
    if len(resources) == 1:
        lines += [w("capacity_month", month=w.month(r["period"]), load=_capacity_load(w, r),
                    available=w.qty(r["available_hours"]), utilization=w.f.percent(r["utilization_pct"]),
                    verdict=_capacity_verdict(w, r)) for r in rows[:12]]
    else:
        for res in resources[: MAX_LINES * 2]:
            over = (w("capacity_resource_over", months=w.f.join([w.month(m) for m in res["months_overloaded"]]))
                    if res.get("months_overloaded") else "")
            lines.append(w("capacity_resource", resource=res["resource"],
                           utilization=w.f.percent(res["utilization_pct"]), required=w.qty(res["required_hours"]),
                           available=w.qty(res["available_hours"]),
                           peak=w.f.percent(res["peak_utilization_pct"]), peak_month=w.month(res["peak_period"]),
                           over=over))
    return "\n".join(lines + _period_read(w, args, months) + [w("note", note=n) for n in doc.get("notes", [])[:2]])


def _drivers(w: Writer, args: dict, doc: dict) -> str:
    scope = _scope(doc.get("scope"), args.get("product") or w.word("all_products"))
    if not doc.get("effects"):
        driver = doc.get("driver")
        return w("drivers_none", driver=driver.replace("_", " ") if driver else w("drivers_any"), scope=scope,
                 drivers=w.f.join([d.replace("_", " ") for d in doc.get("drivers_in_data", [])]))
    lines = [w("drivers_head", scope=scope)]
    effects = doc["effects"]
    if len({e["sku"] for e in effects}) == 1:
        lines += [w("drivers_line", name=e["name"], sku=e["sku"], driver=e["label"],
                    effect=w.f.percent(e["effect_pct"], signed=True), source=w.word(e["source"], "driver_source"))
                  for e in effects[:MAX_LINES]]
        return "\n".join(lines)
    for s in doc.get("summary", []):
        lines.append(w("drivers_summary", driver=s["label"], effect=w.f.percent(s["effect_pct_mean"], signed=True),
                       count=s["skus_with_effect"], low=w.f.percent(s["effect_pct_min"], signed=True),
                       high=w.f.percent(s["effect_pct_max"], signed=True)))
    return "\n".join(lines)


RENDERERS.update({"get_sales": _sales, "get_orders": _orders, "check_overstock": _overstock,
                  "get_capacity": _capacity, "get_driver_effects": _drivers})
