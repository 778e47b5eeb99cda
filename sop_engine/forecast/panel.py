"""From the caller's sales history to the monthly panel the models read.

Rules (each one visible in the output's note where it changes a SKU):
- history after ``settings.history_until`` and at or after ``start`` is ignored;
- each SKU runs from its first sale to the last history month overall, every month present; a month
  with no row inside that span is zero demand (a SKU that stopped selling is seen as selling zero);
- an ``exclude`` month (a promotion spike, a stock-out) is treated as missing and filled by linear
  interpolation between the SKU's nearest kept months before and after (the nearest kept month at an
  edge), so one odd month neither inflates the level nor breaks the seasonal pattern's continuity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.forecast.settings import ForecastSettings
from sop_engine.periods import month_start

REQUIRED = ("sku", "period", "quantity")


@dataclass
class Panel:
    frame: pd.DataFrame          # sku, period (datetime64 month start), y; sorted by sku, period
    skus: list[str]              # every sku of the history, in first-seen order
    end: pd.Timestamp | None     # last history month (None when nothing is left before start)
    start: pd.Timestamp          # first month asked for
    first_forecast: pd.Timestamp  # first month the models forecast (end + 1, may precede start)
    excluded: dict[str, list[pd.Timestamp]]  # sku -> months replaced by interpolation


def _month_number(ts: pd.Series) -> np.ndarray:
    return (ts.dt.year * 12 + ts.dt.month - 1).to_numpy(dtype=np.int64)


def from_month_number(n: np.ndarray) -> pd.DatetimeIndex:
    n = np.asarray(n, dtype=np.int64)
    return pd.to_datetime(pd.DataFrame({"year": n // 12, "month": n % 12 + 1, "day": 1}))


def _month_ts(value: date | pd.Timestamp) -> pd.Timestamp:
    d = month_start(pd.Timestamp(value).date())
    return pd.Timestamp(d.year, d.month, 1)


def clean_history(history: pd.DataFrame) -> pd.DataFrame:
    """Check the columns and values, put periods on month starts, sum rows of one sku and month."""
    if not isinstance(history, pd.DataFrame):
        raise InvalidArgument(f"history must be a DataFrame with columns {REQUIRED}. Got: {type(history)}")
    missing = [c for c in REQUIRED if c not in history.columns]
    if missing:
        raise InvalidArgument(f"history is missing column(s) {missing}; it needs {list(REQUIRED)}")
    frame = history[list(REQUIRED)].copy()
    try:
        frame["period"] = pd.to_datetime(frame["period"]).dt.to_period("M").dt.to_timestamp()
    except (ValueError, TypeError) as exc:
        raise InvalidArgument(f"history.period holds values that are not dates: {exc}") from None
    frame["quantity"] = pd.to_numeric(frame["quantity"], errors="coerce")
    bad = frame[frame["quantity"].isna() | frame["period"].isna() | frame["sku"].isna()]
    if len(bad):
        raise InvalidArgument(f"history has {len(bad)} row(s) with a missing sku, period or quantity; "
                              f"first: {bad.iloc[0].to_dict()}")
    negative = frame[frame["quantity"] < 0]
    if len(negative):
        raise InvalidArgument(f"history.quantity must be >= 0 (demand); {len(negative)} negative row(s), "
                              f"first: {negative.iloc[0].to_dict()}")
    frame["sku"] = frame["sku"].astype(str)
    return frame.groupby(["sku", "period"], sort=False, as_index=False)["quantity"].sum()


def build_panel(history: pd.DataFrame, settings: ForecastSettings, start: date | None) -> Panel:
    frame = clean_history(history)
    if frame.empty:
        raise NoData("history is empty: nothing to forecast")
    skus = list(dict.fromkeys(frame["sku"]))
    if settings.history_until is not None:
        frame = frame[frame["period"] <= _month_ts(settings.history_until)]
    if start is not None:
        start_ts = _month_ts(start)
        frame = frame[frame["period"] < start_ts]
    if frame.empty:
        if start is None:
            raise NoData(f"no history on or before history_until={settings.history_until}")
        return Panel(pd.DataFrame({"sku": [], "period": pd.Series(dtype="datetime64[ns]"), "y": []}),
                     skus, None, start_ts, start_ts, {})
    end = frame["period"].max()
    end_n = int(_month_number(pd.Series([end]))[0])
    start_ts = _month_ts(start) if start is not None else from_month_number(np.array([end_n + 1]))[0]

    # each sku from its first sale (its first row when it never sold) to the end, every month present
    months = _month_number(frame["period"])
    frame = frame.assign(n=months)
    sold = frame[frame["quantity"] > 0].groupby("sku")["n"].min()
    first = frame.groupby("sku")["n"].min()
    first = sold.reindex(first.index).fillna(first).astype(np.int64)
    lengths = (end_n - first + 1).to_numpy()
    sku_col = np.repeat(first.index.to_numpy(), lengths)
    offsets = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    n_col = np.repeat(first.to_numpy(), lengths) + offsets
    grid = pd.DataFrame({"sku": sku_col, "n": n_col})
    grid = grid.merge(frame[["sku", "n", "quantity"]], on=["sku", "n"], how="left")
    grid["y"] = grid["quantity"].fillna(0.0)

    excluded: dict[str, list[pd.Timestamp]] = {}
    if settings.exclude:
        drop_n = {int(_month_number(pd.Series([_month_ts(d)]))[0]) for d in settings.exclude}
        hit = grid["n"].isin(drop_n)
        if hit.any():
            for sku, ns in grid.loc[hit].groupby("sku")["n"]:
                excluded[str(sku)] = list(from_month_number(ns.to_numpy()))
            grid.loc[hit, "y"] = np.nan
            grid["y"] = (grid.groupby("sku", sort=False)["y"]
                         .transform(lambda s: s.interpolate(method="linear", limit_direction="both"))
                         .fillna(0.0))
    grid["period"] = from_month_number(grid["n"].to_numpy())
    panel = grid[["sku", "period", "y"]].sort_values(["sku", "period"], kind="stable").reset_index(drop=True)
    first_forecast = from_month_number(np.array([end_n + 1]))[0]  # <= start: rows before start are cut
    return Panel(panel, skus, end, start_ts, first_forecast, excluded)
