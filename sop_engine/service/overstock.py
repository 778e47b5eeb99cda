"""``check_overstock`` / ``sop gaps --overstock`` / ``GET /v1/overstock``: SKUs holding more cover than the
company wants.

Rules:
- Months of cover of the stock held now: opening stock (on hand - allocated, as ``sop gaps`` takes it)
  counted along the planning demand from the current month, full month included, over ``sop gaps``'
  default window (the current month and the 6 after it), with ``planning.balance.months_of_cover``'s
  arithmetic (past the window at the window's average demand). Open supply still to come is not counted
  (it is the replenishment of later months); ``open_supply`` shows what is due in the window.
- A SKU is overstocked when that cover exceeds ``overstock_months`` (``company.toml``, default 3), or when
  it holds stock and has no demand at all in the window (cover null, ``no_demand`` true).
- ``excess_units`` = opening stock - the demand of the first ``overstock_months`` months (a fraction of a
  month takes that fraction of the month's demand): the units beyond the wanted cover.
  ``excess_value`` = excess_units x unit_cost, null when the product has no unit_cost.
- Listed by excess value, then excess units, largest first; ``total_excess_value`` sums the SKUs with a cost.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np

from sop_engine.planning import balance as bal
from sop_engine.planning.common import label, money, ratio, text, units
from sop_engine.planning.inputs import build_inputs, check_demand_frame
from sop_engine.service.forecasting import planning_demand
from sop_engine.service.lookup import scope_of
from sop_engine.store import PlanStore


def demand_through(demand: np.ndarray, months: float) -> np.ndarray:
    """Cumulative demand of the first ``months`` months per SKU (fractions pro rata; beyond the window at
    the window's average)."""
    n = demand.shape[1]
    whole = min(int(math.floor(months)), n)
    total = demand[:, :whole].sum(axis=1)
    average = demand.mean(axis=1) if n else np.zeros(demand.shape[0])
    rest = months - whole
    if whole < n:
        return total + rest * demand[:, whole]
    return total + rest * average


def overstock_document(store: PlanStore, planning_date: date, *, sku: str | None = None,
                       family: str | None = None) -> dict:
    data = store.plan_data(planning_date)
    skus, scope = scope_of(data.products, sku, family)
    threshold = float(data.company.overstock_months)
    demand, source = planning_demand(store)
    inputs = build_inputs(data, check_demand_frame(demand), skus, checked=True)
    none = np.zeros_like(inputs.receipts)  # the stock held now, not the replenishment still to come
    cover = bal.months_of_cover(inputs.opening, none, inputs.demand, bal.project(inputs.opening, none, inputs.demand))
    stock = inputs.opening
    no_demand = inputs.demand.sum(axis=1) <= 0
    over = np.where(no_demand, stock > 0, np.nan_to_num(cover, nan=0.0) > threshold + 1e-9)
    excess = np.clip(stock - demand_through(inputs.demand, threshold), 0.0, None)
    products = inputs.products
    cost = products["unit_cost"].to_numpy(float) if "unit_cost" in products else np.full(len(skus), np.nan)
    rows = []
    for k in np.flatnonzero(over).tolist():
        value = excess[k] * cost[k] if cost[k] == cost[k] else None
        rows.append({
            "sku": inputs.skus[k],
            "name": text(products["name"].iloc[k]),
            "family": text(products["family"].iloc[k]),
            "months_of_cover": None if no_demand[k] else round(float(cover[k]), 1),
            "no_demand": bool(no_demand[k]),
            "excess_units": units(excess[k]),
            "unit_cost": money(cost[k]) if cost[k] == cost[k] else None,
            "excess_value": money(value) if value is not None else None,
            "opening_stock": units(inputs.opening[k]),
            "open_supply": units(inputs.receipts[k].sum()),
            "average_demand": units(inputs.demand[k].mean()),
        })
    rows.sort(key=lambda r: (-(r["excess_value"] or 0.0), -(r["excess_units"] or 0.0), r["sku"]))
    valued = [r["excess_value"] for r in rows if r["excess_value"] is not None]
    return {
        "planning_date": planning_date.isoformat(),
        "scope": scope,
        "overstock_months": threshold,
        "months": [label(m) for m in inputs.months],
        "unit": "units",
        "currency": data.company.currency,
        "demand_source": source,
        "skus": rows,
        "count": len(rows),
        "skus_checked": len(skus),
        "share_overstocked": ratio(len(rows) / len(skus)) if skus else None,
        "total_excess_units": units(sum(r["excess_units"] for r in rows)),
        "total_excess_value": money(sum(valued)) if valued else None,
        "skus_without_cost": sum(r["excess_value"] is None for r in rows),
        "rule": f"overstocked = months of cover above {threshold:g} (company.toml overstock_months, default 3) "
                "or stock with no demand; cover and excess count the stock held now (on hand - allocated) "
                f"against the planning demand; excess = stock beyond {threshold:g} months of demand",
        "notes": list(inputs.notes),
        "source": "inventory.csv, supply.csv and the planning demand",
    }
