"""Forecast accuracy at a lag: WAPE, MAPE, bias, tracking signal and forecast value added.

Lag: a forecast made (``made_on``) in month M for period P has lag P - M (made in February for March is
lag 1). Per sku and period the latest snapshot of that lag is used. Errors are forecast - actual, so a
positive bias means over-forecasting. Actuals are ``sales_history``; a sku-month of the window with no
sales row counts as 0 sold, but months after the last month of history are left out (not yet known).

Sources: ``forecast_snapshots.source`` "legacy" (case ignored) is the legacy/judgemental forecast; every
other source is a statistical forecast of this tool. Accuracy KPIs judge the statistical snapshots when
there are any, else the legacy ones (``details.source`` says which).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sop_engine.kpi.base import Insufficient, Kpi, KpiScope, coverage, require
from sop_engine.plandata import PlanData
from sop_engine.planning.common import to_month

TRACKING_LIMIT = 4.0
MIN_TRACKING_MONTHS = 3


def snapshots_at_lag(data: PlanData, scope: KpiScope, legacy: bool | None = None) -> tuple[pd.DataFrame, str]:
    """(sku, period, forecast) at ``scope.lag`` in the window.

    ``legacy``: True = legacy snapshots, False = statistical, None = statistical if there are any."""
    latest, source = _at_lag(data, scope, legacy)
    return latest[["sku", "period", "forecast"]], source


def keyed_snapshots(data: PlanData) -> pd.DataFrame:
    """The snapshots keyed for the accuracy KPIs (``_snapshots``), once per version of the data: shared."""
    return data.derived("kpi.snapshots", lambda: _snapshots(data))


def keyed_history(data: PlanData) -> pd.DataFrame:
    """The sales history keyed on integer SKU-month codes (``_history``), once per version: shared."""
    return data.derived("kpi.history_keys", lambda: _history(data))


def _at_lag(data: PlanData, scope: KpiScope, legacy: bool | None) -> tuple[pd.DataFrame, str]:
    snaps = keyed_snapshots(data)
    in_scope = _in_scope(data, snaps, scope)
    is_legacy = snaps["_legacy"].to_numpy(bool)
    if legacy is None:
        legacy = not (in_scope & ~is_legacy).any()
    source = "legacy" if legacy else "statistical"
    period = snaps["period"]
    rows = np.flatnonzero(in_scope & (is_legacy if legacy else ~is_legacy) & (snaps["_lag"].to_numpy() == scope.lag)
                          & (period >= scope.start_ts).to_numpy() & (period < scope.end_exclusive).to_numpy())
    key = snaps["_key"].to_numpy()[rows]
    rows = rows[~pd.Series(key).duplicated(keep="last").to_numpy()]  # the latest snapshot per sku and month
    latest = pd.DataFrame({"sku": snaps["sku"].to_numpy()[rows], "period": period.to_numpy()[rows],
                           "forecast": snaps["quantity"].to_numpy()[rows], "_key": snaps["_key"].to_numpy()[rows]},
                          index=snaps.index[rows])
    return latest, source


def _codes(data: PlanData) -> pd.Index:
    """Every SKU code of products, snapshots and history -> an integer (keys for joins), once per version."""
    def build() -> pd.Index:
        columns = [data.table(t)["sku"].astype(str) for t in ("products", "forecast_snapshots", "sales_history")]
        return pd.Index(pd.unique(pd.concat(columns, ignore_index=True)))

    return data.derived("kpi.codes", build)


def _key(codes: np.ndarray, period: pd.Series) -> np.ndarray:
    months = period.to_numpy().astype("datetime64[M]").astype(np.int64)
    return codes.astype(np.int64) * 2**20 + months + 2**19


def _in_scope(data: PlanData, frame: pd.DataFrame, scope: KpiScope) -> np.ndarray:
    return np.isin(frame["_code"].to_numpy(), _codes(data).get_indexer(scope.skus))


def _snapshots(data: PlanData) -> pd.DataFrame:
    """The snapshots with ``sku`` as text, ``_legacy``, ``_lag`` and integer keys, in ``made_on`` order (a
    stable sort: filtering it keeps the order a sort of the filtered rows gives), once per version."""
    snaps = require(data, "forecast_snapshots", "forecast accuracy")
    made = to_month(snaps["made_on"]).to_numpy().astype("datetime64[M]").astype(np.int64)
    period = to_month(snaps["period"]).to_numpy().astype("datetime64[M]").astype(np.int64)
    sku = snaps["sku"].astype(str)
    code = _codes(data).get_indexer(sku)
    out = snaps.assign(sku=sku, _lag=period - made, _code=code, _key=_key(code, snaps["period"]),
                       _legacy=snaps["source"].fillna("legacy").astype(str).str.casefold().eq("legacy"))
    return out.sort_values("made_on", kind="mergesort")


def _history(data: PlanData) -> pd.DataFrame:
    hist = data.sales_history
    code = _codes(data).get_indexer(hist["sku"].astype(str))
    return pd.DataFrame({"_code": code, "_key": _key(code, hist["period"]), "period": hist["period"],
                         "quantity": hist["quantity"]})


def paired(data: PlanData, scope: KpiScope, legacy: bool | None = None) -> tuple[pd.DataFrame, str]:
    """Forecast at the lag joined with actuals: sku, period, forecast, actual."""
    fc, source = _at_lag(data, scope, legacy)
    last_actual = data.sales_history["period"].max()
    fc = fc[fc["period"] <= last_actual] if pd.notna(last_actual) else fc.iloc[0:0]
    # actual demand per sku and month of the window (``actuals``), joined on integer keys
    hist = keyed_history(data)
    window = ((hist["period"] >= scope.start_ts) & (hist["period"] < scope.end_exclusive)).to_numpy()
    rows = np.flatnonzero(window & _in_scope(data, hist, scope))
    sold = pd.Series(hist["quantity"].to_numpy()[rows]).groupby(hist["_key"].to_numpy()[rows]).sum()
    at = sold.index.get_indexer(fc["_key"].to_numpy())
    actual = np.where(at >= 0, sold.to_numpy()[at], 0.0)
    both = pd.DataFrame({"sku": fc["sku"].to_numpy(), "period": fc["period"].to_numpy(),
                         "forecast": fc["forecast"].to_numpy(), "actual": actual})
    if both.empty:
        raise Insufficient(
            f"no {source} forecast at lag {scope.lag} with known actuals between "
            f"{scope.period_dict()['from']} and {scope.period_dict()['to']}"
        )
    return both, source


def _cov(frame: pd.DataFrame) -> str:
    return coverage(frame["period"].nunique(), frame["sku"].nunique())


def wape_of(frame: pd.DataFrame) -> float:
    total = frame["actual"].sum()
    if total <= 0:
        raise Insufficient("actual demand is zero over the window: WAPE is undefined")
    return 100.0 * (frame["forecast"] - frame["actual"]).abs().sum() / total


def _wape(data, scope):
    both, source = paired(data, scope)
    return wape_of(both), _cov(both), {"source": source, "lag": scope.lag}, []


def _mape(data, scope):
    both, source = paired(data, scope)
    valid = both[both["actual"] > 0]
    excluded = len(both) - len(valid)
    if valid.empty:
        raise Insufficient(f"all {len(both)} actuals are zero: MAPE is undefined at zero actuals")
    value = 100.0 * ((valid["forecast"] - valid["actual"]).abs() / valid["actual"]).mean()
    return value, _cov(valid), {"source": source, "lag": scope.lag, "excluded_zero_actuals": excluded}, []


def _bias(data, scope):
    both, source = paired(data, scope)
    total = both["actual"].sum()
    if total <= 0:
        raise Insufficient("actual demand is zero over the window: bias is undefined")
    value = 100.0 * (both["forecast"].sum() - total) / total
    return (
        value,
        _cov(both),
        {
            "source": source,
            "lag": scope.lag,
            "direction": "over-forecast" if value > 0 else "under-forecast" if value < 0 else "none",
        },
        [],
    )


def _tracking(data, scope):
    both, source = paired(data, scope)
    monthly = both.groupby("period")[["forecast", "actual"]].sum()
    if len(monthly) < MIN_TRACKING_MONTHS:
        raise Insufficient(
            f"tracking signal needs at least {MIN_TRACKING_MONTHS} months; {len(monthly)} found"
        )
    errors = monthly["forecast"] - monthly["actual"]
    mad = errors.abs().mean()
    if mad == 0:
        value = 0.0
    else:
        value = errors.sum() / mad
    e = both["forecast"] - both["actual"]
    per_sku = (
        pd.DataFrame({"e": e, "abs": e.abs(), "sku": both["sku"]})
        .groupby("sku")
        .agg(sum=("e", "sum"), mad=("abs", "mean"))
    )
    ts = (per_sku["sum"] / per_sku["mad"].replace(0, np.nan)).dropna()
    outside = ts[ts.abs() > TRACKING_LIMIT].sort_values(key=abs, ascending=False)
    flags = (
        [f"tracking signal {value:.2f} is outside +/-{TRACKING_LIMIT:g}: the forecast is biased"]
        if abs(value) > TRACKING_LIMIT
        else []
    )
    return (
        value,
        _cov(both),
        {
            "source": source,
            "lag": scope.lag,
            "limit": TRACKING_LIMIT,
            "skus_outside_limit": int(len(outside)),
            "worst_skus": [
                {"sku": s, "tracking_signal": round(float(v), 2)} for s, v in outside.head(10).items()
            ],
        },
        flags,
    )


def _fva(data, scope):
    stat, _ = paired(data, scope, legacy=False)
    if scope.overrides is not None and not scope.overrides.empty:
        ov = scope.overrides.assign(
            sku=scope.overrides["sku"].astype(str), period=to_month(scope.overrides["period"])
        )
        ov = ov.groupby(["sku", "period"], as_index=False)["quantity"].last()
        final = stat.merge(ov, on=["sku", "period"], how="left")
        final["forecast"] = final["quantity"].fillna(final["forecast"])
        final = final.drop(columns="quantity")
        compared = "statistical forecast with planner overrides"
        touched = int(final["forecast"].ne(stat["forecast"]).sum())
    else:
        legacy, _ = paired(data, scope, legacy=True)
        keys = stat[["sku", "period"]].merge(legacy[["sku", "period"]])
        stat = stat.merge(keys)
        final = legacy.merge(keys)
        compared = "legacy forecast"
        touched = len(final)
        if stat.empty:
            raise Insufficient("no sku-month has both a statistical and a legacy forecast at this lag")
    w_stat, w_final = wape_of(stat), wape_of(final)
    value = w_stat - w_final
    return (
        value,
        _cov(stat),
        {
            "lag": scope.lag,
            "compared": compared,
            "wape_statistical": round(w_stat, 2),
            "wape_compared": round(w_final, 2),
            "sku_months_changed": touched,
            "verdict": "adds value" if value > 0 else "destroys value" if value < 0 else "neutral",
        },
        [],
    )


ACCURACY_KPIS = [
    Kpi(
        "wape",
        "sum |forecast - actual| / sum actual x 100, at the lag",
        "%",
        "weighted absolute percentage error of the forecast made `lag` months ahead",
        _wape,
    ),
    Kpi(
        "mape",
        "mean of |forecast - actual| / actual x 100 over sku-months with actual > 0 (zero actuals "
        "excluded and counted: MAPE is undefined there)",
        "%",
        "mean absolute percentage error",
        _mape,
    ),
    Kpi(
        "bias",
        "(sum forecast - sum actual) / sum actual x 100; positive = over-forecast",
        "%",
        "forecast bias at the lag",
        _bias,
    ),
    Kpi(
        "tracking_signal",
        "sum of monthly errors (forecast - actual, scope total) / mean absolute monthly "
        "error; flagged outside +/-4",
        "ratio",
        "persistent bias detector",
        _tracking,
    ),
    Kpi(
        "fva",
        "WAPE(statistical) - WAPE(final) in points, final = statistical with planner overrides (or the "
        "legacy forecast when no overrides are given); positive = the human step adds value",
        "points",
        "forecast value added by overrides or the legacy process",
        _fva,
    ),
]
