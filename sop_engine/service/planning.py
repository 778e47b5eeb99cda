"""Planning use cases over the store: gaps (and what-ifs), reconciliation, KPIs.

Each loads the plan data and the demand (published forecast with overrides, else the latest draft),
calls the planning engine and returns its document unchanged, so the CLI, the tools and the HTTP API
answer with the same document.
"""

from __future__ import annotations

from datetime import date

from sop_engine.kpi import compute_kpi, kpi_catalog
from sop_engine.planning.gaps import gaps_document
from sop_engine.planning.reconcile import reconcile_document
from sop_engine.planning.scenario import what_if_document
from sop_engine.service.forecasting import planning_demand
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions


def gaps(store: PlanStore, planning_date: date, *, sku: str | None = None, family: str | None = None,
         months: int | None = None, period: str | None = None, scenario: str | dict | None = None) -> dict:
    data = store.plan_data(planning_date)
    demand, source = planning_demand(store)
    if scenario:
        doc = what_if_document(data, demand, source, scenario, sku=sku, family=family, months=months,
                               period=period, with_cover_options=True)
        for side in ("base", "scenario"):
            if isinstance(doc.get(side), dict):
                _count_short(doc[side])
        return doc
    return _count_short(gaps_document(data, demand, source, sku=sku, family=family, months=months, period=period))


def _count_short(doc: dict) -> dict:
    """The count answers state ("5 products run short"): SKUs of the document with a shortage."""
    doc["skus_short"] = sum(1 for row in doc.get("skus", []) if row.get("total_shortage"))
    return doc


def reconcile(store: PlanStore, planning_date: date, *, family: str | None = None, months: int | None = None,
              threshold_pct: float | None = None, only_months: list[str] | None = None,
              with_coherence: bool = True) -> dict:
    """The reconciliation document, with each family's ``totals`` over its months.

    ``only_months`` (``YYYY-MM``) keeps the figures and decisions of those months (a question about "Q1"
    asked in November is projected from November, then shown for January to March). ``with_coherence``
    adds the MinTrace check of SKU forecasts against family totals (it fits family models: seconds).
    """
    data = store.plan_data(planning_date)
    demand, source = planning_demand(store)
    kwargs = {"threshold": threshold_pct / 100.0} if threshold_pct is not None else {}
    doc = reconcile_document(data, demand, source, family=family, months=months, with_coherence=with_coherence,
                             **kwargs)
    if only_months:
        keep = set(only_months)
        doc["asked_months"] = [m for m in doc["months"] if m in keep]
        for row in doc["families"] + doc["skus"]:
            row["periods"] = [p for p in row["periods"] if p["period"] in keep]
        doc["decisions"] = [d for d in doc["decisions"]
                            if d.get("period", "") in keep or keep & set(d.get("periods", []))]
    for row in doc["families"]:
        row["totals"] = family_totals(row["periods"])
    doc["decision_count"] = len(doc["decisions"])
    return doc


TOTALLED = ("statistical_forecast", "sales_plan", "consensus_demand", "consensus_plan", "revenue_consensus", "budget")


def family_totals(periods: list[dict]) -> dict:
    """Sums over the months shown, and revenue against budget over the months that have a budget."""
    totals: dict = {"months": len(periods)}
    for key in TOTALLED:
        values = [p[key] for p in periods if p.get(key) is not None]
        totals[key] = round(sum(values), 2) if values else None
    budgeted = [p for p in periods if p.get("budget") is not None]
    if budgeted:
        revenue = sum(p.get("revenue_consensus") or 0.0 for p in budgeted)
        budget = sum(p["budget"] for p in budgeted)
        totals["revenue_vs_budget"] = round(revenue - budget, 2)
        totals["revenue_vs_budget_pct"] = round((revenue - budget) / budget * 100, 1) if budget else None
    totals["flags"] = sorted({flag for p in periods for flag in p.get("flags", [])})
    return totals


def kpi(store: PlanStore, planning_date: date, name: str, *, sku: str | None = None, family: str | None = None,
        start: str | None = None, end: str | None = None, lag: int | None = None) -> dict:
    data = store.plan_data(planning_date)
    overrides = versions.active_overrides(store)
    overrides = overrides.rename(columns={"override": "quantity"})[["sku", "period", "quantity"]]
    return compute_kpi(data, name, sku=sku, family=family, start=start, end=end, lag=lag,
                       overrides=overrides if not overrides.empty else None)


def kpis(store: PlanStore, planning_date: date) -> dict:
    data = store.plan_data(planning_date) if not store.is_empty() else None
    return {"kpis": kpi_catalog(data)}
