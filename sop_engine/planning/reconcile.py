"""Reconciliation: statistical forecast, sales plan, capacity and budget side by side, per family and SKU.

Sales plan rule (``SALES_PLAN_RULE``): SKU rows are summed per SKU and month (all sources). A family
row is the plan of the whole family for that month: at family level it replaces the sum of that
family's SKU rows (without a family row, the family plan is its SKU rows plus, for SKUs without a row,
their statistical forecast; a family-month with no row at all has no plan); at SKU level its remainder
(family row - SKU rows, at least 0) is distributed over the
family's SKUs without a row of their own, in proportion to their statistical forecast. The consensus
rules are in ``consensus.py``.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from sop_engine.plandata import PlanData
from sop_engine.planning.capacity import capacity_check
from sop_engine.planning.common import label, money, pct, rounded_list, units, units_list
from sop_engine.planning.consensus import CONSENSUS_RULES, consensus_demand, decisions
from sop_engine.planning.hierarchy import coherence, family_base_forecast
from sop_engine.planning.inputs import check_demand_frame, gap_window
from sop_engine.products import resolve_scope

DEFAULT_THRESHOLD = 0.15
SALES_PLAN_RULE = (
    "family rows are compared at family level (they replace the sum of that family's SKU rows in "
    "their month; without one, SKUs lacking a row count at their statistical forecast); at SKU level "
    "their remainder is spread over SKUs without a row, pro rata to "
    "the statistical forecast"
)


def sku_sales_plan(data: PlanData, grid: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(plan per sku-month in ``grid`` order with family remainders spread, plan per (family, period))."""
    plan = data.table("sales_plan")
    sku_rows = plan[plan["sku"].notna()].assign(sku=lambda f: f["sku"].astype(str))
    by_sku = sku_rows.groupby(["sku", "period"])["quantity"].sum()
    fam_rows = (
        plan[plan["sku"].isna() & plan["family"].notna()].groupby(["family", "period"])["quantity"].sum()
    )
    g = grid[["sku", "family", "period", "stat"]].copy()
    g["own"] = by_sku.reindex(pd.MultiIndex.from_frame(g[["sku", "period"]])).to_numpy()
    g["free"] = g["own"].isna()
    keys = ["family", "period"]
    sku_sum = g.groupby(keys)["own"].sum(min_count=1)
    # a family without a family row: its SKU rows, SKUs without a row taken at their statistical forecast
    filled = g.assign(q=g["own"].fillna(g["stat"])).groupby(keys)["q"].sum().where(sku_sum.notna())
    fam_plan = fam_rows.combine_first(filled.rename("quantity"))
    fam_plan.index.names = keys
    fk = pd.MultiIndex.from_frame(g[keys])
    g["remainder"] = (fam_rows.reindex(fk).to_numpy() - sku_sum.reindex(fk).fillna(0.0).to_numpy()).clip(
        min=0
    )
    g["weight"] = np.where(g["free"], g["stat"], 0.0)
    wsum = g.groupby(keys)["weight"].transform("sum")
    nfree = g.groupby(keys)["free"].transform("sum").astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(wsum > 0, g["weight"] / wsum, np.where(g["free"], 1.0 / nfree, 0.0))
    spread = np.where(g["free"], g["remainder"] * share, np.nan)  # NaN remainder: no family row, no plan
    return pd.Series(np.where(g["free"], spread, g["own"]), index=g.index), fam_plan


def reconcile_document(
    data: PlanData,
    demand: pd.DataFrame,
    demand_source: dict,
    *,
    family: str | None = None,
    months: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    family_forecast: pd.DataFrame | None = None,
    with_coherence: bool = True,
    checked: bool = False,
    capacity_cache=None,
    index=None,
) -> dict:
    """Per family and SKU and month: statistical forecast, sales plan, consensus, constrained supply, revenue
    vs budget, flags; the decisions for the executive meeting; MinTrace coherence adjustments.

    ``checked``, ``capacity_cache`` and ``index``: see ``gaps.analyse_gaps`` (the capacity plan of consensus
    demand is kept under the window and the threshold)."""
    scope = resolve_scope(data.products, family=family, index=index)
    window, _ = gap_window(data.planning_date, months)
    periods = pd.DatetimeIndex([pd.Timestamp(m) for m in window])
    notes: list[str] = []
    prod = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")
    frame = demand if checked else check_demand_frame(demand)
    frame = frame[frame["period"].isin(periods)]
    grid = pd.MultiIndex.from_product([prod.index, periods], names=["sku", "period"]).to_frame(index=False)
    grid["family"] = grid["sku"].map(prod["family"])
    grid["stat"] = (
        frame.groupby(["sku", "period"])["forecast"]
        .sum()
        .reindex(pd.MultiIndex.from_frame(grid[["sku", "period"]]))
        .fillna(0.0)
        .to_numpy()
    )
    if not data.has("sales_plan"):
        notes.append("no sales plan loaded: consensus demand = statistical forecast")
    sku_plan, fam_plan = sku_sales_plan(data, grid)
    grid["sales_plan"] = sku_plan.to_numpy()
    grid["consensus_demand"] = consensus_demand(grid["stat"], grid["sales_plan"], threshold).to_numpy()
    def plan():
        return capacity_check(data, grid.rename(columns={"consensus_demand": "quantity"}), window)

    cap = capacity_cache(("consensus", tuple(window), threshold), plan) if capacity_cache is not None else plan()
    if cap is None:
        notes.append("no capacity data loaded: capacity check skipped")
        grid["constrained_supply"] = grid["consensus_demand"]
    else:
        notes.extend(cap.notes)
        con = cap.constrained_supply().set_index(["sku", "period"])["constrained_units"]
        key = pd.MultiIndex.from_frame(grid[["sku", "period"]])
        grid["constrained_supply"] = con.reindex(key).to_numpy()
        grid["constrained_supply"] = grid["constrained_supply"].fillna(grid["consensus_demand"])
    grid["consensus_plan"] = np.minimum(grid["consensus_demand"], grid["constrained_supply"])
    price = grid["sku"].map(prod["unit_price"]).astype(float)
    if price.isna().any():
        notes.append(
            f"{grid.loc[price.isna(), 'sku'].nunique()} SKU(s) have no unit_price: revenue counts them as 0"
        )
    price = price.fillna(0.0)
    for col in ("stat", "sales_plan", "consensus_plan"):
        grid[f"rev_{col}"] = grid[col] * price
    fams = _families(data, grid, fam_plan, threshold, periods)
    fams = fams[fams["family"].isin(set(prod.loc[scope, "family"]))]
    if cap is not None:
        alloc = cap.allocation.assign(unit_price=cap.allocation["sku"].map(prod["unit_price"]))
        routed = set(
            data.table("routing").loc[data.table("routing")["sku"].astype(str).isin(scope), "resource"]
        )
        load = cap.load[cap.load["resource"].isin(routed)]
    else:
        alloc, load = None, None
    doc_decisions = decisions(fams, load, alloc, threshold, data.company.currency)
    in_scope = grid[grid["sku"].isin(scope)]
    coherent = _coherence(data, in_scope, prod, window, family_forecast, notes) if with_coherence else None
    return {
        "planning_date": data.planning_date.isoformat(),
        "demand_source": dict(demand_source or {}),
        "months": [label(m) for m in window],
        "threshold_pct": round(threshold * 100, 1),
        "rules": {"sales_plan": SALES_PLAN_RULE, "consensus": CONSENSUS_RULES},
        "families": _family_rows(fams),
        "skus": _sku_rows(in_scope, threshold),
        "decisions": doc_decisions,
        "coherence": coherent,
        "notes": notes,
    }


def _families(data, grid, fam_plan, threshold, periods) -> pd.DataFrame:
    agg = grid.groupby(["family", "period"]).agg(
        stat=("stat", "sum"),
        consensus_demand=("consensus_demand", "sum"),
        constrained_supply=("constrained_supply", "sum"),
        consensus_plan=("consensus_plan", "sum"),
        revenue_stat=("rev_stat", "sum"),
        revenue_consensus=("rev_consensus_plan", "sum"),
        skus=("sku", "nunique"),
    )
    agg["sales_plan"] = fam_plan.reindex(agg.index)
    budget = data.table("budget")
    budget = budget[budget["family"].notna()].groupby(["family", "period"])["revenue"].sum()
    agg["budget"] = budget.reindex(agg.index)
    agg = agg.reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        agg["plan_gap_pct"] = np.where(
            agg["stat"] > 0, 100 * (agg["sales_plan"] - agg["stat"]) / agg["stat"], np.nan
        )
    agg["plan_off"] = agg["sales_plan"].notna() & (
        (agg["plan_gap_pct"].abs() > threshold * 100) | ((agg["stat"] <= 0) & (agg["sales_plan"] > 0))
    )
    agg["over_capacity"] = agg["constrained_supply"] < agg["consensus_demand"] - 0.5
    agg["under_budget"] = agg["budget"].notna() & (agg["revenue_consensus"] < agg["budget"])
    agg["label"] = agg["period"].dt.strftime("%Y-%m")
    return agg


def _flags(plan_off: bool, over: bool, under: bool) -> list[str]:
    return [
        f
        for f, on in (
            ("sales_plan_off_forecast", plan_off),
            ("demand_over_capacity", over),
            ("revenue_under_budget", under),
        )
        if on
    ]


def _family_rows(f: pd.DataFrame) -> list[dict]:
    out = []
    for fam, g in f.groupby("family", sort=True):
        out.append(
            {
                "family": fam,
                "skus": int(g["skus"].max()),
                "periods": [
                    {
                        "period": r.label,
                        "statistical_forecast": units(r.stat),
                        "sales_plan": units(r.sales_plan),
                        "sales_plan_vs_forecast_pct": None
                        if np.isnan(r.plan_gap_pct)
                        else round(float(r.plan_gap_pct), 1),
                        "consensus_demand": units(r.consensus_demand),
                        "constrained_supply": units(r.constrained_supply),
                        "capacity_gap": units(r.consensus_demand - r.constrained_supply),
                        "consensus_plan": units(r.consensus_plan),
                        "revenue_statistical": money(r.revenue_stat),
                        "revenue_consensus": money(r.revenue_consensus),
                        "budget": money(r.budget),
                        "revenue_vs_budget": money(r.revenue_consensus - r.budget),
                        "revenue_vs_budget_pct": pct(r.revenue_consensus - r.budget, r.budget),
                        "flags": _flags(bool(r.plan_off), bool(r.over_capacity), bool(r.under_budget)),
                    }
                    for r in g.itertuples(index=False)
                ],
            }
        )
    return out


def _sku_rows(g: pd.DataFrame, threshold: float) -> list[dict]:
    """Per SKU (by code) and month (in the grid's order): the figures, rounded in bulk from plain lists."""
    if g.empty:
        return []
    codes, skus = pd.factorize(g["sku"], sort=True)
    order = np.argsort(codes, kind="stable")
    col = {c: g[c].to_numpy()[order] for c in ("stat", "sales_plan", "consensus_demand", "constrained_supply",
                                                "consensus_plan", "rev_consensus_plan")}
    with np.errstate(invalid="ignore"):
        off = ~np.isnan(col["sales_plan"]) & np.where(
            col["stat"] > 0, np.abs(col["sales_plan"] - col["stat"]) > threshold * col["stat"], col["sales_plan"] > 0)
        cut = col["constrained_supply"] < col["consensus_demand"] - 0.5
    shown = {c: units_list(col[c]) for c in ("stat", "sales_plan", "consensus_demand", "constrained_supply",
                                             "consensus_plan")}
    revenue = rounded_list(col["rev_consensus_plan"], 2)
    period = g["period"].to_numpy()[order]
    labels = {p: label(pd.Timestamp(p)) for p in pd.unique(period)}
    family = g["family"].to_numpy()[order]
    starts = np.flatnonzero(np.r_[True, np.diff(codes[order]) != 0]).tolist() + [len(order)]
    out = []
    for k in range(len(starts) - 1):
        periods = [
            {
                "period": labels[period[j]],
                "statistical_forecast": shown["stat"][j],
                "sales_plan": shown["sales_plan"][j],
                "consensus_demand": shown["consensus_demand"][j],
                "constrained_supply": shown["constrained_supply"][j],
                "consensus_plan": shown["consensus_plan"][j],
                "revenue_consensus": revenue[j],
                "flags": _flags(bool(off[j]), bool(cut[j]), False),
            }
            for j in range(starts[k], starts[k + 1])
        ]
        out.append({"sku": skus[k], "family": family[starts[k]], "periods": periods})
    return out


def _coherence(data, grid, prod, window: list[date], family_forecast, notes) -> dict | None:
    families = sorted(grid["family"].dropna().unique())
    base = family_forecast
    if base is None:
        base = family_base_forecast(data, families, window)
        if base is None:
            notes.append("too little sales history for family forecasts: hierarchical coherence skipped")
            return None
    base = base[base["family"].isin(families)].assign(period=lambda f: pd.to_datetime(f["period"]))
    sku_fc = grid[["sku", "period", "stat"]].rename(columns={"stat": "forecast"})
    result = coherence(sku_fc, prod["family"], base)
    result["family_forecast_source"] = (
        "caller" if family_forecast is not None else "DynamicOptimizedTheta on family sales history"
    )
    return result
