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
        return what_if_document(data, demand, source, scenario, sku=sku, family=family, months=months,
                                period=period, with_cover_options=True)
    return gaps_document(data, demand, source, sku=sku, family=family, months=months, period=period)


def reconcile(store: PlanStore, planning_date: date, *, family: str | None = None, months: int | None = None,
              threshold_pct: float | None = None) -> dict:
    data = store.plan_data(planning_date)
    demand, source = planning_demand(store)
    kwargs = {"threshold": threshold_pct / 100.0} if threshold_pct is not None else {}
    return reconcile_document(data, demand, source, family=family, months=months, **kwargs)


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
