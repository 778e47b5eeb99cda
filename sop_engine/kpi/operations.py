"""Service, inventory, capacity and financial KPIs over the window, plus kpi_actuals.csv metrics."""

from __future__ import annotations

import numpy as np
import pandas as pd

from sop_engine.kpi.base import NO_DATA, Insufficient, Kpi, KpiScope, actuals, coverage, require
from sop_engine.plandata import PlanData
from sop_engine.planning.common import to_month


def _orders(data: PlanData, scope: KpiScope, what: str) -> pd.DataFrame:
    orders = require(data, "orders", what)
    req = orders["requested_date"]
    orders = orders[
        orders["sku"].astype(str).isin(scope.skus)
        & (req >= scope.start_ts)
        & (req < scope.end_exclusive)
        & (req < pd.Timestamp(scope.planning_date))
    ]
    if orders.empty or orders["quantity"].sum() <= 0:
        raise Insufficient(
            f"no order lines requested between {scope.period_dict()['from']} and {scope.period_dict()['to']}"
        )
    return orders


def _order_cov(orders: pd.DataFrame, scope: KpiScope) -> str:
    return f"{coverage(scope.months, orders['sku'].nunique())}, {len(orders)} order lines"


def _fill_rate(data, scope):
    o = _orders(data, scope, "fill rate")
    shipped = np.minimum(o["shipped_quantity"].fillna(0.0), o["quantity"])
    return (
        100.0 * shipped.sum() / o["quantity"].sum(),
        _order_cov(o, scope),
        {"ordered": float(o["quantity"].sum()), "shipped": float(shipped.sum())},
        [],
    )


def _otif(data, scope):
    o = _orders(data, scope, "OTIF")
    in_full = o["shipped_quantity"].fillna(0.0) >= o["quantity"]
    on_time = o["ship_date"].notna() & (o["ship_date"] <= o["requested_date"])
    hits = in_full & on_time
    return (
        100.0 * hits.mean(),
        _order_cov(o, scope),
        {
            "lines": len(o),
            "on_time_in_full": int(hits.sum()),
            "in_full": int(in_full.sum()),
            "on_time": int(on_time.sum()),
        },
        [],
    )


def _latest_stock(data: PlanData, scope: KpiScope) -> pd.DataFrame:
    inv = require(data, "inventory", "inventory KPIs")
    inv = inv[inv["sku"].astype(str).isin(scope.skus)].assign(sku=lambda f: f["sku"].astype(str))
    inv = inv.assign(location=inv["location"].fillna(""))
    inv = inv[inv["as_of"] == inv.groupby(["sku", "location"])["as_of"].transform("max")]
    if inv.empty:
        raise Insufficient("no inventory rows for the scope", NO_DATA)
    return inv


def _unit_cost(data: PlanData) -> pd.Series:
    p = data.products
    return pd.Series(p["unit_cost"].to_numpy(float), index=p["sku"].astype(str))


def _days_of_supply(data, scope):
    inv = _latest_stock(data, scope)
    act = actuals(data, scope)
    days = (scope.end_exclusive - scope.start_ts).days
    daily = act["quantity"].sum() / days
    if daily <= 0:
        raise Insufficient("no sales in the window: days of supply is unbounded")
    stock = inv["on_hand"].sum()
    return (
        stock / daily,
        coverage(scope.months, inv["sku"].nunique()),
        {"on_hand": float(stock), "average_daily_demand": round(float(daily), 3), "days_in_window": days},
        [],
    )


def _inventory_value(data, scope):
    inv = _latest_stock(data, scope)
    cost = inv["sku"].map(_unit_cost(data))
    priced = inv[cost.notna()]
    if priced.empty:
        raise Insufficient("no unit_cost in products.csv for the scope", NO_DATA)
    value = (priced["on_hand"] * cost[cost.notna()]).sum()
    return (
        value,
        coverage(1, priced["sku"].nunique()),
        {
            "as_of": f"{inv['as_of'].max():%Y-%m-%d}",
            "skus_without_unit_cost": int(inv.loc[cost.isna(), "sku"].nunique()),
            "currency": data.company.currency,
        },
        [],
    )


def _inventory_turns(data, scope):
    inv = require(data, "inventory", "inventory turns")
    cost = _unit_cost(data)
    act = actuals(data, scope)
    cogs = (act["quantity"] * act["sku"].map(cost)).sum()
    inv = inv[inv["sku"].astype(str).isin(scope.skus)].assign(sku=lambda f: f["sku"].astype(str))
    inv = inv.assign(
        value=inv["on_hand"] * inv["sku"].map(cost),
        month=to_month(inv["as_of"]),
        location=inv["location"].fillna(""),
    )
    inside = inv[(inv["as_of"] >= scope.start_ts) & (inv["as_of"] < scope.end_exclusive)]
    if inside.empty:  # no stock counts in the window: the latest count stands for the average
        avg = _inventory_value(data, scope)[0]
        basis = "latest stock count"
    else:
        month_end = inside[
            inside["as_of"] == inside.groupby(["sku", "location", "month"])["as_of"].transform("max")
        ]
        avg = month_end.groupby("month")["value"].sum().mean()
        basis = f"average of {month_end['month'].nunique()} monthly stock counts"
    if not avg or avg <= 0 or cogs <= 0:
        raise Insufficient("inventory turns needs sales and stock valued at unit_cost")
    annual = cogs * 12.0 / scope.months
    return (
        annual / avg,
        coverage(scope.months, act["sku"].nunique()),
        {
            "annualised_cogs": round(float(annual), 2),
            "average_inventory_value": round(float(avg), 2),
            "inventory_basis": basis,
        },
        [],
    )


def _capacity_utilization(data, scope):
    cap = require(data, "capacity", "capacity utilization")
    routing = require(data, "routing", "capacity utilization")
    primary = routing.assign(sku=routing["sku"].astype(str)).groupby("sku", sort=False).head(1)
    act = actuals(data, scope).merge(primary, on="sku")
    act["hours"] = act["quantity"] * act["hours_per_unit"]
    used = act.groupby("resource")["hours"].sum()
    cap = cap[
        (cap["period"] >= scope.start_ts)
        & (cap["period"] < scope.end_exclusive)
        & cap["resource"].isin(used.index if scope.sku or scope.family else cap["resource"])
    ]
    avail = cap.groupby("resource")["available_hours"].sum()
    if avail.sum() <= 0:
        raise Insufficient("no available hours in the window", NO_DATA)
    per = (100.0 * used.reindex(avail.index).fillna(0.0) / avail.replace(0, np.nan)).round(1)
    return (
        100.0 * used.reindex(avail.index).fillna(0.0).sum() / avail.sum(),
        coverage(scope.months, act["sku"].nunique()),
        {
            "per_resource": {k: (None if pd.isna(v) else float(v)) for k, v in per.items()},
            "basis": "actual sales x primary hours_per_unit (sales stand in for production)",
        },
        [],
    )


def sales_plan_units(data: PlanData, scope: KpiScope) -> pd.DataFrame:
    """Plan per family and month: a family's family rows when it has any that month, else its SKU rows."""
    plan = require(data, "sales_plan", "plan attainment")
    plan = plan[(plan["period"] >= scope.start_ts) & (plan["period"] < scope.end_exclusive)]
    fam = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")["family"]
    sku_rows = plan[plan["sku"].notna()].assign(sku=lambda f: f["sku"].astype(str))
    sku_rows = sku_rows[sku_rows["sku"].isin(scope.skus)].assign(family=lambda f: f["sku"].map(fam))
    if scope.sku:
        return sku_rows.groupby(["family", "period"], as_index=False)["quantity"].sum()
    fams = set(fam.reindex(scope.skus))
    fam_rows = plan[plan["sku"].isna() & plan["family"].isin(fams)]
    by_fam = fam_rows.groupby(["family", "period"])["quantity"].sum()
    by_sku = sku_rows.groupby(["family", "period"])["quantity"].sum()
    return by_fam.combine_first(by_sku).rename("quantity").reset_index()


def _plan_attainment(data, scope):
    plan = sales_plan_units(data, scope)
    total = plan["quantity"].sum()
    if total <= 0:
        raise Insufficient("no sales plan in the window")
    act = actuals(data, scope)
    act = act[act["period"].isin(plan["period"])]
    return (
        100.0 * act["quantity"].sum() / total,
        coverage(plan["period"].nunique(), act["sku"].nunique()),
        {"actual_units": float(act["quantity"].sum()), "plan_units": float(total)},
        [],
    )


def _revenue_vs_budget(data, scope):
    budget = require(data, "budget", "revenue vs budget")
    if scope.sku:
        raise Insufficient(
            "the budget is by family or company, not by SKU: ask for a family or all products", NO_DATA
        )
    budget = budget[(budget["period"] >= scope.start_ts) & (budget["period"] < scope.end_exclusive)]
    if scope.family:
        rows = budget[budget["family"].astype(str) == scope.family]
    else:
        company = budget[budget["family"].isna()]
        rows = company if not company.empty else budget
    if rows["revenue"].sum() <= 0:
        raise Insufficient("no budget in the window for this scope")
    price = pd.Series(data.products["unit_price"].to_numpy(float), index=data.products["sku"].astype(str))
    act = actuals(data, scope)
    act = act[act["period"].isin(rows["period"])]
    revenue = (act["quantity"] * act["sku"].map(price)).sum()
    return (
        100.0 * revenue / rows["revenue"].sum(),
        coverage(rows["period"].nunique(), act["sku"].nunique()),
        {
            "actual_revenue": round(float(revenue), 2),
            "budget": round(float(rows["revenue"].sum()), 2),
            "currency": data.company.currency,
        },
        [],
    )


def external_kpi(metric: str, unit: str) -> Kpi:
    """A metric of kpi_actuals.csv: the average of its monthly values in the window."""

    def measure(data: PlanData, scope: KpiScope):
        rows = data.table("kpi_actuals")
        rows = rows[
            (rows["metric"].astype(str) == metric)
            & (rows["period"] >= scope.start_ts)
            & (rows["period"] < scope.end_exclusive)
        ]
        if rows.empty:
            raise Insufficient(
                f"no values of {metric} between {scope.period_dict()['from']} and {scope.period_dict()['to']}"
            )
        monthly = rows.groupby("period")["value"].mean()
        series = {f"{p:%Y-%m}": round(float(v), 4) for p, v in monthly.items()}
        details = {"monthly": series, "source": "kpi_actuals.csv"}
        if scope.sku or scope.family:
            details["note"] = "reported for the company: the sku/family scope does not apply"
        return monthly.mean(), f"{len(monthly)} months", details, []

    return Kpi(
        metric,
        f"average of the monthly values of '{metric}' reported in kpi_actuals.csv",
        unit,
        "a metric computed outside this tool",
        measure,
        kind="reported",
    )


OPERATIONS_KPIS = [
    Kpi(
        "fill_rate",
        "sum min(shipped, ordered) / sum ordered x 100, order lines requested in the window",
        "%",
        "unit fill rate of customer orders",
        _fill_rate,
    ),
    Kpi(
        "otif",
        "order lines shipped in full on or before the requested date / all lines x 100",
        "%",
        "on time in full",
        _otif,
    ),
    Kpi(
        "days_of_supply",
        "latest on_hand / (sales in the window / days in the window)",
        "days",
        "how many days current stock lasts at the window's sales rate",
        _days_of_supply,
    ),
    Kpi(
        "inventory_turns",
        "annualised cost of goods sold (sales x unit_cost x 12 / months) / average inventory "
        "value at unit_cost",
        "turns per year",
        "how often stock turns over in a year",
        _inventory_turns,
    ),
    Kpi(
        "inventory_value",
        "sum latest on_hand x unit_cost",
        "currency",
        "value of stock at cost",
        _inventory_value,
    ),
    Kpi(
        "capacity_utilization",
        "sum (sales x primary hours_per_unit) / sum available_hours x 100",
        "%",
        "load of resources in the window",
        _capacity_utilization,
    ),
    Kpi(
        "plan_attainment",
        "actual units / sales plan units x 100 (family rows replace a family's SKU rows "
        "in a month that has them)",
        "%",
        "how much of the sales plan was sold",
        _plan_attainment,
    ),
    Kpi(
        "revenue_vs_budget",
        "actual revenue (sales x unit_price) / budgeted revenue x 100",
        "%",
        "revenue against the financial plan",
        _revenue_vs_budget,
    ),
]
