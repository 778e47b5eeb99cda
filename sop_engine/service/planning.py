"""Planning use cases over the store: gaps (and what-ifs), reconciliation, KPIs.

Each loads the plan data and the demand (published forecast with overrides, else the latest draft),
calls the planning engine and returns its document unchanged, so the CLI, the tools and the HTTP API
answer with the same document.
"""

from __future__ import annotations

from datetime import date

from sop_engine.errors import InvalidArgument
from sop_engine.kpi import compute_kpi, kpi_catalog
from sop_engine.limits import check_lag, check_month, check_months, check_range
from sop_engine.periods import format_period, month_start, months_between, parse_month, parse_period_arg
from sop_engine.planning.gaps import gaps_document
from sop_engine.planning.reconcile import reconcile_document
from sop_engine.planning.scenario import Scenario, what_if_document
from sop_engine.service import plan_cache
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions


def shortage_window(planning_date: date, period: str | None) -> tuple[int, list[str]]:
    """(months after the current one to project, the months asked) for a period argument: ISO (``2026-12``,
    ``2026-12..2027-02``) or words (``next month``, ``Q1``). Asked months before the current one are an
    error: shortages are projected forward from the current period."""
    wanted = parse_period_arg(period, planning_date)
    current = month_start(planning_date)
    if wanted.end < current:
        raise InvalidArgument(f"{wanted} is in the past; shortages are projected from {format_period(current)}")
    return max(months_between(current, wanted.end), 0), [m for m in wanted.labels if m >= format_period(current)]


def gaps(store: PlanStore, planning_date: date, *, sku: str | None = None, family: str | None = None,
         months: int | None = None, period: str | None = None,
         scenario: str | dict | Scenario | None = None) -> dict:
    """The shortages document of ``sop gaps``, the ``check_shortages`` tool and ``GET /v1/shortages``.

    ``months=N``: the current month and the N after it; ``period`` (a month, a range or period words): the
    projection from the current month to its end, with ``asked_months`` and, per SKU,
    ``asked_months_shortage`` — the peak backlog inside the asked months (a backlog carries over from month
    to month, so it is the figure a shortage question about those months answers). ``scope`` says what
    the SKUs are (one SKU, a family, all)."""
    check_months(months)
    data = plan_cache.plan_data(store, planning_date)
    asked = None
    if period is not None and str(period).strip():
        if months is not None:
            raise InvalidArgument("give either months or period, not both")
        months, asked = shortage_window(planning_date, str(period))
        check_months(months, "the period's months after the current one")
    # the capacity plan, the checked demand and the product index are kept per store version (``plan_cache``)
    kept = plan_cache.checked_demand(store)
    demand, source, index = kept.frame, dict(kept.source), plan_cache.scope_index(data)
    if scenario:
        effects = kept.derived("effects", lambda: demand_effects(store, demand))  # per forecast version
        doc = what_if_document(data, demand, source, scenario, sku=sku, family=family, months=months,
                               with_cover_options=True, effects=effects, checked=True,
                               capacity_cache=plan_cache.capacity_cache(data, kept), index=index)
        for side in ("base", "scenario"):
            _focus(doc[side], asked)
        # the counts answers state: products whose shortage changes, and those whose stock alone moves
        doc["skus_shortage_changed"] = sum(1 for c in doc.get("changes", []) if c.get("delta") or
                                           c.get("first_short_period_base") != c.get("first_short_period_scenario"))
        doc["skus_stock_only_changed"] = len(doc.get("changes", [])) - doc["skus_shortage_changed"]
    else:
        doc = _focus(gaps_document(data, demand, source, sku=sku, family=family, months=months, checked=True,
                                   capacity_cache=plan_cache.capacity_cache(data, kept), index=index,
                                   demand_index=kept.index()), asked)
    doc["scope"] = scope_document(data.products, sku, family, plan_cache.product_names(data))
    doc["unit"] = "units"
    doc["source"] = f"plan store: inventory, open supply and the {source.get('kind')} forecast"
    return doc


def demand_effects(store: PlanStore, demand) -> object:
    """The demand drivers' recorded effects of the forecast versions each SKU's demand comes from."""
    if "version" not in demand.columns or demand.empty:
        return None
    pairs = demand[["sku", "version"]].drop_duplicates()
    _, effects = versions.driver_records(store, sorted(int(v) for v in pairs["version"].unique()))
    if effects.empty:
        return effects
    effects = effects.merge(pairs, left_on=["sku", "version_id"], right_on=["sku", "version"])
    return effects.drop(columns=["version"])


def _focus(doc: dict, asked: list[str] | None) -> dict:
    doc["skus_short"] = sum(1 for row in doc["skus"] if row.get("total_shortage"))  # the count answers state
    if asked is None:
        return doc
    keep = set(asked)
    for row in doc["skus"]:
        row["asked_months_shortage"] = max((p["shortage"] for p in row["periods"] if p["period"] in keep),
                                           default=0.0)
    doc["asked_months"] = asked
    doc["skus_short_in_asked_months"] = sum(1 for row in doc["skus"] if row["asked_months_shortage"] > 0)
    return doc


def scope_document(products, sku: str | None, family: str | None, names: dict[str, str] | None = None) -> dict:
    """What a document is about: ``{"kind": "sku", "code", "label"}``, ``{"kind": "family", ...}`` or all.
    ``names``: SKU code -> product name, when the caller keeps it."""
    if sku:
        if names is None:
            names = dict(zip(products["sku"].astype(str), products["name"].astype(str), strict=True))
        return {"kind": "sku", "code": sku, "label": names.get(sku, sku)}
    if family:
        return {"kind": "family", "code": family, "label": family}
    return {"kind": "all"}


def reconcile(store: PlanStore, planning_date: date, *, family: str | None = None, months: int | None = None,
              threshold_pct: float | None = None, only_months: list[str] | None = None,
              period: str | None = None, with_coherence: bool = False) -> dict:
    """The reconciliation document of ``sop reconcile``, the ``reconcile_plan`` tool and
    ``GET /v1/reconciliation``, with each family's ``totals`` over its months.

    ``period`` (a month, a range or period words) or ``only_months`` (``YYYY-MM``) keeps the figures and
    decisions of those months (a question about "Q1" asked in November is projected from November, then
    shown for January to March). ``with_coherence`` adds the MinTrace check of SKU forecasts against family
    totals; it fits family models (seconds), so it is asked for explicitly (``sop reconcile --coherence``,
    ``?coherence=true``).
    """
    check_months(months)
    if period is not None and str(period).strip():
        if months is not None or only_months:
            raise InvalidArgument("give either period, or months / only_months, not both")
        wanted = parse_period_arg(str(period), planning_date)
        months = max(months_between(month_start(planning_date), wanted.end), 0)
        check_months(months, "the period's months after the current one")
        only_months = wanted.labels
    data = plan_cache.plan_data(store, planning_date)
    kept = plan_cache.checked_demand(store)
    demand, source = kept.frame, dict(kept.source)
    kwargs = {"threshold": threshold_pct / 100.0} if threshold_pct is not None else {}
    doc = reconcile_document(data, demand, source, family=family, months=months, with_coherence=with_coherence,
                             checked=True, capacity_cache=plan_cache.capacity_cache(data, kept),
                             index=plan_cache.scope_index(data), **kwargs)
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
    doc["source"] = "plan store: forecast, sales_plan.csv, capacity.csv, budget.csv"
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
    check_kpi_range(start, end)
    check_lag(lag)
    data = plan_cache.plan_data(store, planning_date)
    overrides = plan_cache.overrides(store)
    return compute_kpi(data, name, sku=sku, family=family, start=start, end=end, lag=lag,
                       overrides=overrides if not overrides.empty else None)


def check_kpi_range(start: str | None, end: str | None) -> None:
    """``from``/``to`` months: plausible years, ``to`` not before ``from``, at most 10 years apart."""
    first = parse_month(start) if start else None
    last = parse_month(end) if end else None
    if first and last:
        if last < first:
            raise InvalidArgument(f"to ({end}) is before from ({start})")
        check_range(first, last, "from..to")
    for name, month in (("from", first), ("to", last)):
        if month:
            check_month(month, name)


def kpis(store: PlanStore, planning_date: date) -> dict:
    data = store.plan_data(planning_date) if not store.is_empty() else None
    return {"kpis": kpi_catalog(data)}
