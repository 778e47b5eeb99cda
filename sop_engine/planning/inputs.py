"""Gather what gap analysis needs from ``PlanData`` and the demand frame into aligned arrays.

- Month 1 (index 0) is the current period, the month holding the planning date, with its full demand.
- Opening stock per SKU = on_hand - allocated on the latest ``as_of`` of each (sku, location), summed.
- Receipts: every open supply row (all statuses) in the month of its ``due_date``; rows due before the
  current period are past due and land in month 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.periods import format_period, month_range, month_start, months_from_to, parse_month
from sop_engine.plandata import PlanData
from sop_engine.planning.balance import sigma_from_intervals
from sop_engine.planning.common import month_index, to_month

DEFAULT_MONTHS_AFTER = 6  # without --months/--period: the current period and the 6 after it
SMALL_SCOPE = 2000  # up to this many SKUs, rows are picked through a per-SKU row index when one is kept
DEMAND_COLUMNS = ("sku", "period", "forecast", "lo_80", "hi_80", "lo_95", "hi_95")


@dataclass
class GapInputs:
    months: list[date]  # projection months, index 0 = current period
    shown: list[date]  # the months the document shows (a suffix of ``months``)
    skus: list[str]
    opening: np.ndarray
    on_hand: np.ndarray
    allocated: np.ndarray
    safety_stock: np.ndarray
    demand: np.ndarray  # (skus, months)
    sigma: np.ndarray
    receipts: np.ndarray
    receipt_lines: pd.DataFrame  # every open supply line of the scope: sku, ref, quantity, due_date, idx...
    products: pd.DataFrame  # product rows of the scope, in ``skus`` order
    notes: list[str] = field(default_factory=list)

    @property
    def shown_slice(self) -> slice:
        return slice(len(self.months) - len(self.shown), len(self.months))


def gap_window(
    planning_date: date, months: int | None = None, period: str | date | None = None
) -> tuple[list[date], list[date]]:
    """(projection months, shown months). ``months=N``: the current period and the N after it;
    ``period``: that one month (projected from the current period on). Default N = 6."""
    current = month_start(planning_date)
    if months is not None and period is not None:
        raise InvalidArgument("give either months or period, not both")
    if period is not None:
        target = parse_month(period) if isinstance(period, str) else month_start(period)
        if target < current:
            raise InvalidArgument(
                f"period {format_period(target)} is before the current period {format_period(current)}: "
                "gap analysis looks forward from the current period"
            )
        return months_from_to(current, target), [target]
    n = DEFAULT_MONTHS_AFTER if months is None else months
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 0:
        raise InvalidArgument(
            f"months must be a whole number >= 0 (months after the current period); got {n!r}"
        )
    window = month_range(current, int(n) + 1)
    return window, window


def check_demand_frame(demand: pd.DataFrame) -> pd.DataFrame:
    if demand is None or not isinstance(demand, pd.DataFrame):
        raise InvalidArgument("demand must be a DataFrame with columns " + ", ".join(DEMAND_COLUMNS))
    missing = [c for c in ("sku", "period", "forecast") if c not in demand.columns]
    if missing:
        raise InvalidArgument(f"demand frame lacks column(s) {', '.join(missing)}")
    frame = demand.copy()
    for c in ("lo_80", "hi_80", "lo_95", "hi_95"):
        if c not in frame.columns:
            frame[c] = np.nan
    frame["sku"] = frame["sku"].astype(str)
    frame["period"] = to_month(frame["period"])
    return frame


def sku_index(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """SKU code (as text) -> the positions of its rows, in frame order."""
    if frame.empty:
        return {}
    return frame.groupby(frame["sku"].astype(str).to_numpy(), sort=False).indices


def rows_of(frame: pd.DataFrame, skus: list[str], index: dict[str, np.ndarray] | None) -> pd.DataFrame:
    """``frame``'s rows of ``skus``, in frame order: the rows ``frame[frame["sku"].astype(str).isin(skus)]``
    gives, picked by position when ``index`` (``sku_index(frame)``) is kept and the scope is small."""
    if index is None or len(skus) > SMALL_SCOPE:
        return frame[frame["sku"].astype(str).isin(skus)]
    parts = [index[s] for s in dict.fromkeys(skus) if s in index]
    return frame.iloc[np.sort(np.concatenate(parts)) if parts else np.empty(0, dtype=np.intp)]


def table_rows(data: PlanData, name: str, skus: list[str]) -> pd.DataFrame:
    """``rows_of`` a table of ``data``, its row index kept with the data (``PlanData.derived``)."""
    frame = data.table(name)
    if len(skus) > SMALL_SCOPE:
        return rows_of(frame, skus, None)
    return rows_of(frame, skus, data.derived(("sku_index", name), lambda: sku_index(frame)))


def opening_stock(data: PlanData, skus: list[str]) -> pd.DataFrame:
    """on_hand, allocated and opening (= on_hand - allocated) per sku, from the latest as_of per location."""
    inv = data.table("inventory")
    out = pd.DataFrame(index=pd.Index(skus, name="sku"), data={"on_hand": 0.0, "allocated": 0.0})
    if inv.empty:
        out["opening"] = 0.0
        return out
    inv = table_rows(data, "inventory", skus).copy()
    inv["sku"] = inv["sku"].astype(str)
    inv["location"] = inv["location"].fillna("") if "location" in inv else ""
    latest = inv.groupby(["sku", "location"])["as_of"].transform("max")
    inv = inv[inv["as_of"] == latest]
    inv["allocated"] = inv["allocated"].fillna(0.0) if "allocated" in inv else 0.0
    sums = inv.groupby("sku")[["on_hand", "allocated"]].sum()
    out.loc[sums.index, ["on_hand", "allocated"]] = sums.values
    out["opening"] = out["on_hand"] - out["allocated"]
    return out


def supply_lines(data: PlanData, skus: list[str], current: date) -> pd.DataFrame:
    """Open supply of the scope with ``idx`` = month index of arrival (past due -> 0)."""
    sup = table_rows(data, "supply", skus).copy()
    sup["sku"] = sup["sku"].astype(str)
    for col, default in (("kind", "purchase_order"), ("status", "firm")):
        sup[col] = sup[col].fillna(default) if col in sup else default
    if "ref" not in sup:
        sup["ref"] = None
    unnamed = sup["ref"].isna()
    sup.loc[unnamed, "ref"] = (
        "unreferenced "
        + sup.loc[unnamed, "kind"].astype(str)
        + " due "
        + sup.loc[unnamed, "due_date"].dt.strftime("%Y-%m-%d")
    )
    sup["due_month_idx"] = month_index(to_month(sup["due_date"]), current).astype(int)
    sup["idx"] = sup["due_month_idx"].clip(lower=0)
    sup["past_due"] = sup["due_month_idx"] < 0
    return sup.reset_index(drop=True)


def build_inputs(
    data: PlanData,
    demand: pd.DataFrame,
    skus: list[str],
    months: int | None = None,
    period: str | date | None = None,
    checked: bool = False,
    demand_index: dict[str, np.ndarray] | None = None,
) -> GapInputs:
    """Align stock, receipts and demand of ``skus`` on the window (see ``gap_window``).

    ``checked``: ``demand`` already went through ``check_demand_frame`` (saves a copy of it).
    ``demand_index``: ``sku_index(demand)``, kept by a caller that asks about few SKUs at a time."""
    if not skus:
        raise NoData("the scope holds no SKU")
    window, shown = gap_window(data.planning_date, months, period)
    frame = demand if checked else check_demand_frame(demand)
    frame = rows_of(frame, skus, demand_index)
    if frame.empty:
        raise NoData("no demand forecast for the SKUs asked about: create or publish a forecast first")
    notes: list[str] = []
    last = frame["period"].max().date()
    if shown[0] > last:
        raise NoData(f"no demand for {format_period(shown[0])}: the forecast ends in {format_period(last)}")
    if window[-1] > last:
        window = [m for m in window if m <= last]
        shown = [m for m in shown if m <= last]
        notes.append(f"the demand forecast ends in {format_period(last)}: months after it are not shown")
    current = window[0]
    n, pos = len(window), pd.Index(skus)
    frame = frame.assign(idx=month_index(frame["period"], current))
    frame = frame[(frame["idx"] >= 0) & (frame["idx"] < n)]
    rows = pos.get_indexer(frame["sku"])
    cols = frame["idx"].to_numpy(int)
    demand_arr = np.zeros((len(skus), n))
    sigma_arr = np.zeros((len(skus), n))
    np.add.at(demand_arr, (rows, cols), frame["forecast"].fillna(0.0).to_numpy(float))
    sig = sigma_from_intervals(frame["lo_80"], frame["hi_80"], frame["lo_95"], frame["hi_95"])
    sigma_arr[rows, cols] = sig
    no_forecast = len(skus) - frame["sku"].nunique()
    if no_forecast:
        notes.append(f"{no_forecast} SKU(s) have no demand forecast in the window: demand counted as 0")
    if (frame[["lo_80", "hi_95"]].isna().all(axis=1)).any():
        notes.append("some forecasts carry no interval: their stockout probability is 0 or 1")

    stock = opening_stock(data, skus)
    if not data.has("inventory"):
        notes.append("no inventory loaded: opening stock counted as 0")
    lines = supply_lines(data, skus, current)
    receipts = np.zeros((len(skus), n))
    inside = lines[lines["idx"] < n]
    np.add.at(
        receipts,
        (pos.get_indexer(inside["sku"]), inside["idx"].to_numpy(int)),
        inside["quantity"].to_numpy(float),
    )
    if not data.has("supply"):
        notes.append("no supply loaded: no scheduled receipts")
    products = table_rows(data, "products", skus)
    products = products.assign(sku=products["sku"].astype(str)).set_index("sku").loc[skus]
    safety = products["safety_stock"].fillna(0.0).to_numpy(float) if "safety_stock" in products else 0.0
    return GapInputs(
        months=window,
        shown=shown,
        skus=list(skus),
        opening=stock["opening"].to_numpy(float),
        on_hand=stock["on_hand"].to_numpy(float),
        allocated=stock["allocated"].to_numpy(float),
        safety_stock=np.broadcast_to(safety, (len(skus),)).astype(float),
        demand=demand_arr,
        sigma=sigma_arr,
        receipts=receipts,
        receipt_lines=lines,
        products=products.reset_index(),
        notes=notes,
    )
