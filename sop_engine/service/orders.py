"""``get_orders`` / ``sop orders`` / ``GET /v1/orders``: open supply with its due date, status, and whether
it is late against the date the projection needs it.

The need date of an open order (one line of ``supply.csv``), precisely — the SKU's orders are pegged to
its demand in due-date order (then by ref), as MRP does:
- Take the SKU's gap projection (``sop gaps``' rules: month 1 is the current month with its full demand,
  opening stock = on hand - allocated, the planning demand, backorders carried over) over every month of
  the demand forecast, with the opening stock and the orders due before this one all counted from month 1,
  and without this order or any due after it: ``opening + earlier orders - cumulative demand``.
- ``need_period`` = the first month whose projected end balance so computed is below the SKU's safety
  stock (below zero when it has none): the month the stock and every earlier order have run out.
  ``stockout_period`` = the first month it is below zero.
- The projection counts a receipt anywhere in its month, so ``need_date`` = the last day of
  ``need_period``: the latest arrival that still counts for that month.
- ``late`` = the due date is after the need date; ``days_late`` = due date - need date in days (0 when
  not late). No need period within the forecast = not needed in the horizon: not late, ``need_date`` null.
- ``past_due`` = due before the planning date and still open (the projection lands it in month 1);
  ``days_past_due`` = planning date - due date.
- No forecast for the SKUs yet: the orders are listed with their need fields null, and a note says why.
"""

from __future__ import annotations

import calendar
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.errors import NoData
from sop_engine.periods import month_start, months_between
from sop_engine.planning.common import label, text, units
from sop_engine.planning.inputs import build_inputs, check_demand_frame, supply_lines
from sop_engine.service.forecasting import planning_demand
from sop_engine.service.lookup import match_ref, scope_of
from sop_engine.store import PlanStore

NEED_RULE = (
    "orders are pegged to demand in due-date order: need date = the last day of the first month in which "
    "opening stock plus the orders due before this one no longer cover cumulative demand plus safety stock; "
    "late = due after the need date"
)


def orders_document(store: PlanStore, planning_date: date, *, ref: str | None = None, sku: str | None = None,
                    family: str | None = None) -> dict:
    data = store.plan_data(planning_date)
    if not data.has("supply"):
        raise NoData("no supply loaded: add supply.csv (open purchase and production orders) to the data folder")
    supply = data.table("supply")
    if ref is not None and str(ref).strip():
        found = match_ref(ref, supply["ref"].dropna().astype(str))
        owner = str(supply.loc[supply["ref"].astype(str) == found, "sku"].iloc[0])
        skus, scope = scope_of(data.products, owner)
        scope = {"kind": "order", "code": found, "label": found, "sku": owner}
    else:
        skus, scope = scope_of(data.products, sku, family)
        found = None
    with_orders = sorted(set(supply["sku"].astype(str)) & set(skus))
    rows, notes = _order_rows(data, store, with_orders, planning_date) if with_orders else ([], [])
    if found is not None:
        rows = [r for r in rows if r["ref"] == found]
    return {
        "planning_date": planning_date.isoformat(),
        "scope": scope,
        "unit": "units",
        "orders": rows,
        "count": len(rows),
        "late_count": sum(r["late"] for r in rows),
        "past_due_count": sum(r["past_due"] for r in rows),
        "total_quantity": units(sum(r["quantity"] for r in rows)) if rows else 0.0,
        "rule": NEED_RULE,
        "notes": notes,
        "source": "supply.csv (open supply, every status) and the gap projection of the planning demand",
    }


def _order_rows(data, store: PlanStore, skus: list[str], planning_date: date) -> tuple[list[dict], list[str]]:
    current = month_start(planning_date)
    try:
        demand, _ = planning_demand(store)
        frame = check_demand_frame(demand)
        last = frame["period"].max().date()
        inputs = build_inputs(data, frame, skus, months=max(months_between(current, last), 0), checked=True)
    except NoData as error:  # the orders are still worth showing; their need dates are not known
        lines = supply_lines(data, skus, current).sort_values(["sku", "due_date", "ref"], kind="mergesort")
        names = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")["name"]
        safety = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")["safety_stock"]
        rows = [_row(line, names.get(line["sku"]), safety.get(line["sku"]), None, None, planning_date)
                for line in lines.to_dict("records")]
        return _sorted(rows), [f"need dates not computed: {error.message}"]
    cumulative = np.cumsum(inputs.demand, axis=1)
    lines = inputs.receipt_lines.sort_values(["sku", "due_date", "ref"], kind="mergesort").reset_index(drop=True)
    earlier = lines.groupby("sku")["quantity"].cumsum() - lines["quantity"]
    position = pd.Index(inputs.skus).get_indexer(lines["sku"])
    names = inputs.products.set_index("sku")["name"]
    rows = []
    for k, line in enumerate(lines.to_dict("records")):
        row = position[k]
        without = inputs.opening[row] + earlier[k] - cumulative[row]
        safety = inputs.safety_stock[row]
        need = _first(without < (safety if safety > 0 else 0.0))
        stockout = _first(without < 0)
        rows.append(_row(line, names.get(line["sku"]), safety,
                         inputs.months[need] if need is not None else None,
                         inputs.months[stockout] if stockout is not None else None, planning_date))
    return _sorted(rows), list(inputs.notes)


def _row(line: dict, name, safety, need: date | None, stockout: date | None, planning_date: date) -> dict:
    due = pd.Timestamp(line["due_date"]).date()
    need_date = _month_end(need) if need is not None else None
    late = need_date is not None and due > need_date
    return {
        "ref": line["ref"],
        "sku": line["sku"],
        "name": text(name),
        "kind": line["kind"],
        "status": line["status"],
        "supplier": text(line.get("supplier")),
        "due_date": due.isoformat(),
        "quantity": units(line["quantity"]),
        "need_period": label(need) if need is not None else None,
        "need_date": need_date.isoformat() if need_date else None,
        "stockout_period": label(stockout) if stockout is not None else None,
        "late": bool(late),
        "days_late": (due - need_date).days if late else 0,
        "past_due": due < planning_date,
        "days_past_due": max((planning_date - due).days, 0),
        "safety_stock": units(safety) if safety is not None and safety == safety else None,
    }


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (not r["late"], r["due_date"], r["ref"]))


def _first(mask: np.ndarray) -> int | None:
    return int(mask.argmax()) if mask.any() else None


def _month_end(month: date) -> date:
    return date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])


