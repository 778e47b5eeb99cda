"""The pack document: one section per thing the pre-S&OP meeting looks at, each made of the figures of the
engine document that answers it elsewhere (``sop gaps``, ``sop capacity``, ``sop reconcile``, ``sop kpi``,
``sop sales``, ``sop notes decisions``), never recomputed here. A section the data cannot fill (no capacity
file, no notes ingested) says why in its ``note`` and holds no figures.

Keys: ``{"period", "planning_date", "today", "company", "currency", "language", "months", "sections":
{"shortages", "capacity", "plan_vs_forecast", "revenue_vs_budget", "accuracy", "changes", "action_items",
"decisions"}, "risks": [{"key", "kind", "label"}], "previous_pack", "sources"}``.
"""

from __future__ import annotations

from datetime import date

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.pack.history import latest_pack
from sop_engine.periods import add_months, format_period, month_start, parse_month
from sop_engine.service import capacity as capacity_service
from sop_engine.service import notes as notes_service
from sop_engine.service import planning
from sop_engine.service.sales import sales_document
from sop_engine.store import PlanStore

SECTIONS = ("shortages", "capacity", "plan_vs_forecast", "revenue_vs_budget", "accuracy", "changes",
            "action_items", "decisions")
SUPPLY_MONTHS = 4  # the cycle month and the 3 after it: shortages and capacity
PLAN_MONTHS = 6  # the cycle month and the 5 after it: sales plan, budget, decisions
TOP = 15  # rows of a section's table at most (the counts and totals cover all)
WORST_SKUS = 5
TRACKING_LIMIT = 4.0


def pack_period(planning_date: date, period: str | None) -> date:
    """The cycle month: ``YYYY-MM`` (default: the planning date's month), not before the planning month."""
    current = month_start(planning_date)
    if period is None or not str(period).strip():
        return current
    try:
        month = parse_month(str(period).strip())
    except (InvalidArgument, ValueError):
        raise InvalidArgument(f"period: '{period}' is not a month (YYYY-MM)") from None
    if month < current:
        raise InvalidArgument(f"period: {format_period(month)} is before the planning month "
                              f"{format_period(current)}; a pack looks forward from the planning date")
    if month > add_months(current, 24):
        raise InvalidArgument(f"period: {format_period(month)} is more than 24 months after the planning month")
    return month


def build_pack(store: PlanStore, planning_date: date, today: date, period: str | None = None) -> dict:
    """The pack for the cycle month ``period``. Planning figures follow ``planning_date``; "overdue" follows
    ``today`` (the real clock)."""
    month = pack_period(planning_date, period)
    first, supply_last = format_period(month), format_period(add_months(month, SUPPLY_MONTHS - 1))
    plan_last = format_period(add_months(month, PLAN_MONTHS - 1))
    company = store.company()
    reconciliation = planning.reconcile(store, planning_date, period=f"{first}..{plan_last}")
    sections = {
        "shortages": _shortages(store, planning_date, f"{first}..{supply_last}"),
        "capacity": _capacity(store, planning_date, first, plan_last),
        "plan_vs_forecast": _plan_vs_forecast(reconciliation),
        "revenue_vs_budget": _revenue_vs_budget(reconciliation),
        "accuracy": _accuracy(store, planning_date),
        "action_items": _action_items(store, today),
        "decisions": _decisions(reconciliation),
    }
    risks = _risks(sections)
    previous = latest_pack(store)
    sections["changes"] = _changes(risks, previous)
    return {
        "period": first, "planning_date": planning_date.isoformat(), "today": today.isoformat(),
        "company": company.name, "currency": company.currency, "language": company.language,
        "months": {"supply": [first, supply_last], "plan": [first, plan_last]},
        "sections": {name: sections[name] for name in SECTIONS},
        "risks": risks,
        "previous_pack": ({"id": previous["id"], "period": previous["period"], "created_at": previous["created_at"]}
                          if previous else None),
        "sources": {"shortages": "sop gaps", "capacity": "sop capacity", "plan_vs_forecast": "sop reconcile",
                    "revenue_vs_budget": "sop reconcile", "accuracy": "sop kpi (lag 1), sop sales",
                    "action_items": "sop notes decisions", "decisions": "sop reconcile"},
    }


def _shortages(store: PlanStore, planning_date: date, window: str) -> dict:
    doc = planning.gaps(store, planning_date, period=window)
    short = sorted((s for s in doc["skus"] if s.get("asked_months_shortage")),
                   key=lambda s: -s["asked_months_shortage"])
    rows = []
    for s in short[:TOP]:
        options = s.get("cover_options") or []
        best = next((o for o in options if o.get("covers")), options[0] if options else None)
        rows.append({"sku": s["sku"], "name": s["name"], "family": s["family"],
                     "first_short_period": s["first_short_period"], "shortage": s["asked_months_shortage"],
                     "stockout_probability": s.get("stockout_probability"),
                     "cover": best and {k: best.get(k) for k in ("kind", "action", "covers", "shortage_after",
                                                                  "quantity", "arrives", "ref", "resource")},
                     "periods": [{"period": p["period"], "projected_balance": p["projected_balance"]}
                                 for p in s["periods"]]})
    return {"months": doc.get("asked_months", doc["months"]), "skus_short": doc["skus_short_in_asked_months"],
            "skus_checked": len(doc["skus"]),
            "total_shortage": round(sum(s["asked_months_shortage"] for s in short), 1),
            "skus_covered": sum(1 for s in short if any(o.get("covers") for o in s.get("cover_options") or [])),
            "rows": rows, "unit": doc["unit"], "note": None}


def _capacity(store: PlanStore, planning_date: date, first: str, last: str) -> dict:
    try:
        doc = capacity_service.capacity_document(store, planning_date, start=first, end=last)
    except NoData as error:
        return {"months": [first, last], "overloaded_count": 0, "rows": [], "note": error.message}
    overloaded = sorted((r for r in doc["rows"] if r["overloaded"]), key=lambda r: -r["overload_hours"])
    keep = ("resource", "plant", "period", "available_hours", "required_hours", "overload_hours", "utilization_pct")
    return {"months": doc["months"], "overloaded_count": doc["overloaded_count"],
            "rows": [{k: r.get(k) for k in keep} for r in overloaded[:TOP]],
            "unit": doc["unit"], "note": None}


def _plan_vs_forecast(doc: dict) -> dict:
    threshold = doc["threshold_pct"]
    rows = [{"family": f["family"], "period": p["period"], "sales_plan": p["sales_plan"],
             "statistical_forecast": p["statistical_forecast"], "gap_pct": p["sales_plan_vs_forecast_pct"]}
            for f in doc["families"] for p in f["periods"]
            if p.get("sales_plan_vs_forecast_pct") is not None and abs(p["sales_plan_vs_forecast_pct"]) > threshold]
    rows.sort(key=lambda r: -abs(r["gap_pct"]))
    return {"threshold_pct": threshold, "months": doc.get("asked_months", doc["months"]), "count": len(rows),
            "rows": rows[:TOP], "note": None if any(p.get("sales_plan") is not None for f in doc["families"]
                                                    for p in f["periods"]) else "no sales plan loaded"}


def _revenue_vs_budget(doc: dict) -> dict:
    rows = []
    for f in doc["families"]:
        totals = f["totals"]
        if totals.get("revenue_vs_budget") is None:
            continue
        rows.append({"family": f["family"], "revenue_consensus": totals["revenue_consensus"],
                     "budget": totals["budget"], "gap": totals["revenue_vs_budget"],
                     "gap_pct": totals["revenue_vs_budget_pct"]})
    rows.sort(key=lambda r: r["gap"])
    revenue = round(sum(r["revenue_consensus"] or 0.0 for r in rows), 2)
    budget = round(sum(r["budget"] or 0.0 for r in rows), 2)
    total = {"revenue_consensus": revenue, "budget": budget, "gap": round(revenue - budget, 2),
             "gap_pct": round((revenue - budget) / budget * 100, 1) if budget else None} if rows else None
    return {"months": doc.get("asked_months", doc["months"]), "rows": rows, "total": total,
            "note": None if rows else "no budget loaded (budget.csv)"}


def _accuracy(store: PlanStore, planning_date: date) -> dict:
    wape = planning.kpi(store, planning_date, "wape", lag=1)
    bias = planning.kpi(store, planning_date, "bias", lag=1)
    tracking = planning.kpi(store, planning_date, "tracking_signal", lag=1)
    out = {"lag": 1, "period": wape.get("period"), "wape": wape.get("value"), "bias": bias.get("value"),
           "tracking_signal": tracking.get("value"), "tracking_limit": TRACKING_LIMIT,
           "skus_outside_limit": (tracking.get("details") or {}).get("skus_outside_limit"),
           "tracking_worst": (tracking.get("details") or {}).get("worst_skus", [])[:WORST_SKUS],
           "worst_skus": [], "note": wape.get("message") if wape.get("status") != "ok" else None}
    window = wape.get("period") or {}
    if wape.get("status") != "ok" or not window.get("from"):
        return out
    sold = sales_document(store, planning_date, start=window["from"], end=window["to"])
    errors: dict[str, float] = {}
    for row in sold["rows"]:
        if row.get("actual") is not None and row.get("forecast") is not None and row.get("forecast_lag") == 1:
            errors[row["sku"]] = errors.get(row["sku"], 0.0) + abs(row["forecast"] - row["actual"])
    for sku in sorted(errors, key=lambda s: -errors[s])[:WORST_SKUS]:  # the largest errors in units...
        sku_wape = planning.kpi(store, planning_date, "wape", sku=sku, lag=1)  # ...with the KPI's own figures
        sku_bias = planning.kpi(store, planning_date, "bias", sku=sku, lag=1)
        out["worst_skus"].append({"sku": sku, "wape": sku_wape.get("value"), "bias": sku_bias.get("value"),
                                  "absolute_error": round(errors[sku], 1)})
    return out


def _action_items(store: PlanStore, today: date) -> dict:
    try:
        doc = notes_service.list_decisions(store, kind="action_item", open_only=True)
    except NoData as error:
        return {"open": 0, "overdue": 0, "rows": [], "note": error.message}
    rows = [{"id": i["id"], "owner": i["owner"], "text": i["text"], "due_date": i["due_date"],
             "overdue": bool(i["due_date"] and i["due_date"] < today.isoformat()),
             "meeting": i["meeting"], "date": i["date"]} for i in doc["items"]]
    rows.sort(key=lambda r: (not r["overdue"], r["due_date"] or "9999"))
    return {"open": len(rows), "overdue": sum(r["overdue"] for r in rows), "rows": rows[:TOP * 2], "note": None}


def _decisions(doc: dict) -> dict:
    keep = ("kind", "question", "family", "resource", "period", "periods", "gap_pct", "gap", "overload_hours")
    items = [{k: d[k] for k in keep if k in d} for d in doc["decisions"]]
    return {"count": len(items), "rows": items, "note": None}


def _risks(sections: dict) -> list[dict]:
    """What the next pack compares with: one key per open risk."""
    risks = [{"key": f"shortage:{r['sku']}", "kind": "shortage", "label": f"{r['sku']} {r['name']}"}
             for r in sections["shortages"]["rows"]]
    risks += [{"key": f"capacity:{r['resource']}:{r['period']}", "kind": "capacity",
               "label": f"{r['resource']} {r['period']}"} for r in sections["capacity"]["rows"]]
    risks += [{"key": f"plan_vs_forecast:{r['family']}:{r['period']}", "kind": "plan_vs_forecast",
               "label": f"{r['family']} {r['period']}"} for r in sections["plan_vs_forecast"]["rows"]]
    risks += [{"key": f"budget:{r['family']}", "kind": "revenue_vs_budget", "label": r["family"]}
              for r in sections["revenue_vs_budget"]["rows"] if r["gap"] < 0]
    risks += [{"key": f"overdue:{r['id']}", "kind": "overdue_action", "label": f"{r['owner'] or '?'}: {r['text']}"}
              for r in sections["action_items"]["rows"] if r["overdue"]]
    signal = sections["accuracy"].get("tracking_signal")
    if signal is not None and abs(signal) > TRACKING_LIMIT:
        risks.append({"key": "tracking_signal", "kind": "tracking_signal", "label": f"{signal:+g}"})
    return risks


def _changes(risks: list[dict], previous: dict | None) -> dict:
    if previous is None:
        return {"previous_pack": None, "new_risks": [], "resolved_risks": [], "note": "first pack: nothing to compare"}
    before = {r["key"]: r for r in previous.get("risks", [])}
    now = {r["key"]: r for r in risks}
    return {"previous_pack": {"id": previous["id"], "period": previous["period"],
                              "created_at": previous["created_at"]},
            "new_risks": [r for k, r in now.items() if k not in before],
            "resolved_risks": [r for k, r in before.items() if k not in now],
            "still_open": sum(1 for k in now if k in before), "note": None}
