"""Plain answers written from tool results with the templates of ``prompts/answers.toml``.

Used by the offline router, and as the fallback rendering when an LLM answer fails the grounding
check. Every figure placed in a template is copied from a tool result, never computed here.
"""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

import prompts

MAX_LINES = 8


@cache
def templates() -> dict[str, str]:
    return tomllib.loads(prompts.load("answers.toml"))


def template_text() -> str:
    """All template wording (its fixed numbers, like "80% interval", are the product's, not figures)."""
    return "\n".join(templates().values())


def say(key: str, **values: Any) -> str:
    return templates()[key].format(**{k: _show(v) for k, v in values.items()})


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:,.1f}".rstrip("0").rstrip(".")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _months(months: list[str] | None) -> str:
    if not months:
        return "the requested months"
    return months[0] if len(months) == 1 else f"{months[0]}..{months[-1]}"


def _source(demand_source: dict) -> str:
    kind = demand_source.get("kind", "forecast")
    version = demand_source.get("version")
    if isinstance(version, list):
        version = ", ".join(map(str, version))
    return f"{kind} forecast, version {version}" if version is not None else f"{kind} forecast"


def render(tool: str, args: dict, result: dict) -> str:
    """One answer for one tool result."""
    if "error" in result:
        return render_error(result["error"])
    if "pending_approval" in result:
        return say("pending", message=result["message"], id=result["pending_approval"]["id"])
    renderer = RENDERERS.get(tool)
    return renderer(args, result) if renderer else str(result.get("message", "Done."))


def render_error(error: dict) -> str:
    code = error.get("code")
    if error.get("ask_user"):
        return say("clarify", question=error["message"])
    if code == "no_data":
        return say("no_data", message=error["message"])
    if code == "permission_denied":
        return say("permission", message=error["message"])
    if error.get("closest") and "closest" not in error["message"]:
        return say("error_closest", message=error["message"], closest=", ".join(error["closest"]))
    return say("error", message=error["message"])


def _scope_label(args: dict, default: str = "all products") -> str:
    return args.get("product") or args.get("family") or default


def _shortages(args: dict, doc: dict) -> str:
    if "scenario" in doc and "base" in doc:
        return _whatif(args, doc)
    asked = "asked_months" in doc
    short = [s for s in doc["skus"] if (s["asked_months_shortage"] if asked else s["total_shortage"])]
    scope = _scope_label(args)
    months = _months(doc.get("asked_months") or doc["months"])
    if not short:
        lines = [say("shortage_none", scope=scope, months=months, source=_source(doc["demand_source"]))]
    else:
        lines = [
            say("shortage_some", count=len(short), scope=scope, months=months, source=_source(doc["demand_source"]))
        ]
        for s in short[:MAX_LINES]:
            lines.append(
                say(
                    "shortage_line",
                    sku=s["sku"],
                    name=s["name"],
                    total_shortage=s["total_shortage"],
                    uom=s["uom"],
                    first_short_period=s["first_short_period"],
                    probability=f"{s['stockout_probability'] * 100:.0f}%"
                    if s.get("stockout_probability") is not None
                    else "-",
                )
            )
            for option in s.get("cover_options", [])[:2]:
                lines.append(say("shortage_option", action=option.get("action", "")))
        if len(short) > MAX_LINES:
            lines.append(f"… and {len(short) - MAX_LINES} more (see --json).")
    lines += [f"Note: {n}" for n in doc.get("notes", [])[:3]]
    return "\n".join(lines)


def _whatif(args: dict, doc: dict) -> str:
    base = doc["base"]
    changes = doc.get("changes", [])
    described = []
    for change in (args.get("scenario") or {}).get("supply_changes", []):
        effect = (
            f"slips {change['delay_days']} days"
            if change.get("delay_days") is not None
            else "cancelled"
            if change.get("cancel")
            else f"quantity {change.get('quantity')}"
        )
        described.append(f"{change['ref']} {effect}")
    for change in (args.get("scenario") or {}).get("demand_changes", []):
        described.append(f"demand of {change.get('sku') or change.get('family')} {change['pct']:+g}%")
    for change in (args.get("scenario") or {}).get("capacity_changes", []):
        described.append(f"{change['resource']} at {change['available_hours']} hours")
    months = _months(base["months"])
    if not changes:
        return (
            say("whatif_head", changes="; ".join(described) or "scenario", months=months)
            + "\n"
            + say("whatif_none", months=months)
        )
    uoms = {s["sku"]: s["uom"] for s in doc["scenario"]["skus"]}
    lines = [say("whatif_head", changes="; ".join(described) or "scenario", months=months)]
    for change in changes[:MAX_LINES]:
        lines.append(
            say(
                "whatif_line",
                sku=change["sku"],
                name=change["name"],
                base=change["total_shortage_base"],
                scenario=change["total_shortage_scenario"],
                uom=uoms.get(change["sku"], "units"),
            )
        )
    return "\n".join(lines)


def _forecast(args: dict, doc: dict) -> str:
    scope = doc.get("scope", {}).get("label") or _scope_label(args)
    lines = [
        say(
            "forecast_head",
            scope=scope,
            version=doc["version"] if doc["version"] != "published" else "published",
            status=doc["status"],
        )
    ]
    if doc.get("note"):
        lines.append(doc["note"])
    by_sku: dict[str, list[dict]] = {}
    for row in doc["rows"]:
        by_sku.setdefault(row["sku"], []).append(row)
    if len(by_sku) == 1:
        for row in doc["rows"][:12]:
            lines.append(
                say("forecast_line", period=row["period"], forecast=row["final"], lo=row["lo_80"], hi=row["hi_80"])
                + (f" — override ({row['override_reason']})" if row["override"] is not None else "")
            )
        for info in doc["skus"][:1]:
            lines.append(say("forecast_model", sku=info["sku"], model=info["model"], note=info["note"] or ""))
    else:
        for total in doc.get("total_by_period", [])[:12]:
            lines.append(say("forecast_total", period=total["period"], forecast=total["forecast"],
                             skus=doc.get("sku_count", "")))
    return "\n".join(lines)


def _reforecast(args: dict, doc: dict) -> str:
    excluded = doc.get("excluded_months") or []
    return say(
        "reforecast",
        version=doc["version"],
        scope=_scope_label(args),
        skus=doc["skus"],
        horizon=doc["parameters"]["horizon"],
        start=doc["parameters"]["start"],
        history_until=doc["parameters"]["history_until"],
        excluded=f", excluding {', '.join(excluded)}" if excluded else "",
    )


def _published(args: dict, doc: dict) -> str:
    return say("published", version=doc["version"], skus_published=doc["skus_published"])


def _reconcile(args: dict, doc: dict) -> str:
    months = doc.get("asked_months") or doc["months"]
    lines = [say("reconcile_head", scope=args.get("family") or "all families", months=_months(months))]
    for fam in doc.get("families", [])[:MAX_LINES]:
        t = fam["totals"]
        budget = (say("reconcile_budget", revenue=t["revenue_consensus"], budget=t["budget"],
                      pct=t["revenue_vs_budget_pct"]) if t.get("revenue_vs_budget_pct") is not None else "no budget")
        lines.append(say("reconcile_line", family=fam["family"], stat=t["statistical_forecast"],
                         plan=t["sales_plan"], consensus=t["consensus_plan"], budget=budget,
                         flags=", ".join(f.replace("_", " ") for f in t["flags"]) or "no flags"))
    decisions = doc.get("decisions", [])
    if decisions:
        lines.append(say("reconcile_decisions", count=len(decisions)))
        lines += [f"• {d.get('question') or d.get('text')}" for d in decisions[:MAX_LINES]]
    lines += [f"Note: {n}" for n in doc.get("notes", [])[:3]]
    return "\n".join(lines)


def _kpi(args: dict, doc: dict) -> str:
    period = doc.get("period") or {}
    window = (
        f"{period.get('from')}..{period.get('to')}" if period.get("from") != period.get("to") else period.get("from")
    )
    label = doc["name"].replace("_", " ")
    if doc.get("value") is None:
        return say(
            "kpi_insufficient",
            label=label,
            scope=doc.get("scope"),
            window=window,
            reason=doc.get("message") or doc.get("status"),
        )
    unit = doc.get("unit") or ""
    unit = "%" if unit in ("%", "percent") else f" {unit}" if unit else ""
    text = say(
        "kpi",
        label=label,
        scope=doc.get("scope"),
        window=window,
        value=doc["value"],
        unit=unit,
        formula=doc.get("formula"),
        coverage=doc.get("coverage"),
    )
    return text + "".join(f"\nFlag: {flag}" for flag in doc.get("flags", []))


def _products(args: dict, doc: dict) -> str:
    lines = [say("products_head", count=doc["count"], query=doc["query"])]
    lines += [say("products_line", **p) for p in doc["products"][: MAX_LINES * 2]]
    return "\n".join(lines)


def _chart(args: dict, doc: dict) -> str:
    return say("chart", sku=doc["sku"], name=doc.get("name", ""), path=doc.get("path", ""))


def _notes(args: dict, doc: dict) -> str:
    hits = doc.get("hits", [])
    if not hits:
        return say("notes_none")
    lines = [say("notes_head")]
    for hit in hits[:3]:
        text = " ".join(hit["text"].split())
        lines.append(
            say(
                "notes_line",
                meeting=hit["meeting"],
                date=hit["date"],
                title=hit.get("title") or "",
                section=hit.get("section") or "",
                text=text[:400] + ("…" if len(text) > 400 else ""),
                file=hit["file"],
            )
        )
    return "\n".join(lines)


def _decisions(args: dict, doc: dict) -> str:
    items = doc.get("items", [])
    if not items:
        return say("decisions_none")
    lines = [say("decisions_head", count=len(items))]
    for item in items[: MAX_LINES * 2]:
        status = "decision" if item["kind"] == "decision" else ("done" if item.get("done") else "open")
        lines.append(
            say(
                "decisions_line",
                status=status,
                text=item["text"],
                owner=item.get("owner") or "no owner",
                due=f", due {item['due_date']}" if item.get("due_date") else "",
                meeting=item["meeting"],
                date=item["date"],
                file=item["file"],
            )
        )
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
    "search_meeting_notes": _notes,
    "list_decisions": _decisions,
}


def _sales_vs(total: dict) -> str:
    if total.get("forecast") is None:
        return say("sales_vs_none")
    error = total.get("error_pct")
    direction = say("sales_over") if error and error > 0 else say("sales_under") if error and error < 0 else ""
    if total["rows_with_forecast"] < total["rows_with_actual"]:
        return say("sales_vs_partial", forecast=total["forecast"], covered=total["rows_with_forecast"],
                   rows=total["rows_with_actual"], actual=total["actual_with_forecast"], error=error,
                   direction=direction)
    return say("sales_vs", forecast=total["forecast"], error=error, direction=direction)


def _sales(args: dict, doc: dict) -> str:
    scope = doc.get("scope", {}).get("label") or _scope_label(args)
    total, months = doc["total"], doc["months"]
    if total["actual"] is None:
        return say("sales_unknown", scope=scope, months=_months(months))
    unit = doc.get("unit", "units")
    if len(months) == 1:
        lines = [say("sales_one", scope=scope, month=months[0], actual=total["actual"], unit=unit,
                     vs=_sales_vs(total))]
    else:
        lines = [say("sales_total", scope=scope, months=_months(months), count=total["months"],
                     actual=total["actual"], unit=unit, vs=_sales_vs(total))]
        lines += [say("sales_line", period=t["period"], actual=t["actual"], unit=unit, vs=_sales_vs(t))
                  for t in doc["totals"] if t["actual"] is not None]
    lines += [f"Note: {n}" for n in doc.get("notes", [])[:2]]
    return "\n".join(lines)


RENDERERS["get_sales"] = _sales


def _order_verdict(order: dict) -> str:
    if order["late"]:
        return say("orders_late", need_date=order["need_date"], days_late=order["days_late"])
    if order["need_date"] is None:
        return say("orders_not_needed")
    return say("orders_on_time", need_date=order["need_date"])


def _orders(args: dict, doc: dict) -> str:
    unit = doc.get("unit", "units")
    orders = doc.get("orders", [])
    scope = doc.get("scope", {}).get("label") or _scope_label(args)
    if doc.get("scope", {}).get("kind") == "order" and len(orders) == 1:
        o = orders[0]
        lines = [say("orders_one", ref=o["ref"], name=o["name"] or o["sku"], quantity=o["quantity"], unit=unit,
                     status=o["status"], kind=str(o["kind"]).replace("_", " "),
                     supplier=f" from {o['supplier']}" if o.get("supplier") else "", due_date=o["due_date"],
                     verdict=_order_verdict(o))]
        if o["past_due"]:
            lines.append(say("orders_past_due", days=o["days_past_due"], planning_date=doc["planning_date"]))
        return "\n".join(lines)
    if not orders:
        return say("orders_none", scope=scope)
    lines = [say("orders_head", count=doc["count"], scope=scope, late=doc["late_count"], total=doc["total_quantity"],
                 unit=unit)]
    lines += [say("orders_line", ref=o["ref"], sku=o["sku"], quantity=o["quantity"], unit=unit, due_date=o["due_date"],
                  status=o["status"], verdict=_order_verdict(o)) for o in orders[:MAX_LINES]]
    if len(orders) > MAX_LINES:
        lines.append(f"… and {len(orders) - MAX_LINES} more (see --json).")
    return "\n".join(lines)


def _overstock(args: dict, doc: dict) -> str:
    scope = doc.get("scope", {}).get("label") or _scope_label(args)
    threshold, currency = doc["overstock_months"], doc.get("currency", "")
    if not doc["skus"]:
        return say("overstock_none", checked=doc["skus_checked"], scope=scope, threshold=threshold)
    total_value = doc.get("total_excess_value")
    lines = [say("overstock_some", count=doc["count"], checked=doc["skus_checked"], scope=scope, threshold=threshold,
                 excess=doc["total_excess_units"],
                 value=say("overstock_value", value=total_value, currency=currency) if total_value is not None else "")]
    for s in doc["skus"][:MAX_LINES]:
        value = (say("overstock_value", value=s["excess_value"], currency=currency)
                 if s["excess_value"] is not None else "")
        if s["no_demand"]:
            lines.append(say("overstock_line_no_demand", sku=s["sku"], name=s["name"], excess=s["excess_units"],
                             value=value))
        else:
            lines.append(say("overstock_line", sku=s["sku"], name=s["name"], cover=s["months_of_cover"],
                             excess=s["excess_units"], threshold=threshold, value=value))
    if len(doc["skus"]) > MAX_LINES:
        lines.append(f"… and {len(doc['skus']) - MAX_LINES} more (see --json).")
    return "\n".join(lines)


def _capacity_load(row: dict) -> str:
    if row.get("spill_in_hours"):
        return say("capacity_load_spill", required=row["required_hours"], spill=row["spill_in_hours"])
    return say("capacity_load", required=row["required_hours"])


def _capacity_verdict(row: dict) -> str:
    if row["overloaded"]:
        return say("capacity_over", hours=row["overload_hours"])
    return say("capacity_ok", free=row["free_hours"])


def _capacity(args: dict, doc: dict) -> str:
    rows, resources = doc.get("rows", []), doc.get("resources", [])
    if len(rows) == 1:
        r = rows[0]
        return say("capacity_one", resource=r["resource"], period=r["period"], load=_capacity_load(r),
                   available=r["available_hours"], utilization=r["utilization_pct"], verdict=_capacity_verdict(r))
    scope = doc.get("scope", {}).get("label") or "every resource"
    lines = [say("capacity_head", scope=scope, months=_months(doc["months"]), overloaded=doc["overloaded_count"])]
    if len(resources) == 1:
        lines += [say("capacity_month", period=r["period"], load=_capacity_load(r), available=r["available_hours"],
                      utilization=r["utilization_pct"], verdict=_capacity_verdict(r)) for r in rows[:12]]
    else:
        for res in resources[: MAX_LINES * 2]:
            over = say("capacity_resource_over", months=", ".join(res["months_overloaded"])) \
                if res["months_overloaded"] else ""
            lines.append(say("capacity_resource", resource=res["resource"], utilization=res["utilization_pct"],
                             required=res["required_hours"], available=res["available_hours"],
                             peak=res["peak_utilization_pct"], peak_period=res["peak_period"], over=over))
    lines += [f"Note: {n}" for n in doc.get("notes", [])[:2]]
    return "\n".join(lines)


RENDERERS["get_orders"] = _orders
RENDERERS["check_overstock"] = _overstock
RENDERERS["get_capacity"] = _capacity
