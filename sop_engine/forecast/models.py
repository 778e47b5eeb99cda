"""The candidate models (statsforecast), by alias, and two runners over the panel: fit-and-forecast,
and rolling-origin cross-validation.

Aliases a power user may pass as ``ForecastSettings.method``: every key of ``MODELS`` and ``MEDIAN``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import (
    ADIDA,
    IMAPA,
    TSB,
    AutoARIMA,
    AutoCES,
    AutoETS,
    CrostonOptimized,
    DynamicOptimizedTheta,
    HistoricAverage,
    Naive,
    SeasonalNaive,
)

from sop_engine.forecast.workers import dying_with_parent

MEDIAN = "Median(ETS,CES,DOT)"
# members of the default combination for smooth and erratic demand
# AutoETS_ZNZ: AutoETS choosing error (A/M) and season (N/A/M) but no trend: DynamicOptimizedTheta
# carries the trend. On the M3 validation split (last 18 train months, never test) the median with it
# scored sMAPE 13.86 against 14.00 with the full AutoETS search, at a quarter of the cost.
MEDIAN_MEMBERS = ("AutoETS_ZNZ", "AutoCES", "DynamicOptimizedTheta")
# members whose own intervals make the combination's band (AutoCES's are too costly, see WITH_INTERVALS)
BAND_MEMBERS = ("AutoETS_ZNZ", "DynamicOptimizedTheta")
ETS_SEARCH = {"AutoETS": "ZZZ", "AutoETS_ZNZ": "ZNZ"}  # alias -> the forms AutoETS searches
# Croston family for intermittent and lumpy demand; TSB's smoothing constants are fixed
# (statsforecast does not optimise them): 0.1 for both is the usual choice in the literature.
INTERMITTENT_CANDIDATES = ("CrostonOptimized", "ADIDA", "IMAPA", "TSB")
# models that give their own prediction intervals in statsforecast (AutoCES by simulating paths: about
# ten times the cost of fitting it, so the default route borrows its band, see ``intervals``)
WITH_INTERVALS = {"AutoETS", "AutoETS_ZNZ", "AutoCES", "DynamicOptimizedTheta", "AutoARIMA", "Naive", "SeasonalNaive",
                  "HistoricAverage"}


def make_model(alias: str, season_length: int):
    builders = {
        "AutoETS": lambda: AutoETS(season_length=season_length),
        "AutoETS_ZNZ": lambda: AutoETS(season_length=season_length, model="ZNZ"),
        "AutoCES": lambda: AutoCES(season_length=season_length),
        "DynamicOptimizedTheta": lambda: DynamicOptimizedTheta(season_length=season_length),
        "AutoARIMA": lambda: AutoARIMA(season_length=season_length),
        "SeasonalNaive": lambda: SeasonalNaive(season_length=season_length),
        "Naive": lambda: Naive(),
        "HistoricAverage": lambda: HistoricAverage(),
        "CrostonOptimized": lambda: CrostonOptimized(),
        "ADIDA": lambda: ADIDA(),
        "IMAPA": lambda: IMAPA(),
        "TSB": lambda: TSB(alpha_d=0.1, alpha_p=0.1),
    }
    model = builders[alias]()
    model.alias = alias  # statsforecast names some models differently (AutoCES -> "CES")
    return model


MODELS = ("AutoETS", "AutoETS_ZNZ", "AutoCES", "DynamicOptimizedTheta", "AutoARIMA", "SeasonalNaive", "Naive",
          "HistoricAverage", "CrostonOptimized", "ADIDA", "IMAPA", "TSB")


def n_jobs(n_series: int) -> int:
    # a process pool costs about a second to start: not worth it for a handful of series
    return -1 if n_series >= 50 and (os.cpu_count() or 1) > 1 else 1


def _statsforecast(aliases: Sequence[str], season_length: int, n_series: int, **ets) -> StatsForecast:
    built = []
    for alias in aliases:
        model = AutoETS(season_length=season_length, **ets) if alias in ETS_SEARCH and ets else \
            make_model(alias, season_length)
        model.alias = alias
        built.append(model)
    return StatsForecast(models=built, freq="MS", n_jobs=n_jobs(n_series), fallback_model=Naive())


def _tidy(fc: pd.DataFrame) -> pd.DataFrame:
    fc = fc.rename(columns={"unique_id": "sku"})
    fc["sku"] = fc["sku"].astype(str)
    fc["step"] = fc.groupby("sku", sort=False).cumcount() + 1
    return fc.drop(columns=["ds"]).set_index(["sku", "step"])


@dying_with_parent()  # pool workers die with this process
def run_models(frame: pd.DataFrame, aliases: Sequence[str], h: int, levels: Sequence[int],
               season_length: int, ets_forms: pd.Series | None = None,
               interval_aliases: Sequence[str] | None = None) -> tuple[pd.DataFrame, pd.Series]:
    """Fit ``aliases`` on every series of ``frame`` (sku, period, y) and forecast ``h`` months.

    Returns (forecasts, ets_forms). Forecasts: ``sku, step`` (1..h), one column per alias, plus
    ``alias-lo-L`` / ``alias-hi-L`` for the models of ``interval_aliases`` (default: every alias that
    gives intervals) when ``levels`` is not empty.
    A model failing on one series falls back to Naive for that series (statsforecast
    ``fallback_model``) instead of failing the run.

    AutoETS chooses its form (error, trend, season, damping) among up to 30 and is by far the slowest
    model. Without ``ets_forms`` it searches, and the form chosen for each SKU (e.g. ``MAdM`` as
    statsforecast's ``MAMD``) is returned; with ``ets_forms`` (cross-validation windows) only the
    parameters of each SKU's given form are re-estimated, about 15 times cheaper.
    """
    forms = pd.Series(dtype=object)
    if frame.empty:
        return pd.DataFrame(columns=["sku", "step", *aliases]), forms
    df = frame.rename(columns={"sku": "unique_id", "period": "ds"})[["unique_id", "ds", "y"]]
    n_series = df["unique_id"].nunique()
    out = []
    wanted = set(WITH_INTERVALS if interval_aliases is None else interval_aliases) & WITH_INTERVALS
    with_iv = [a for a in aliases if a in wanted and a not in ETS_SEARCH]
    without_iv = [a for a in aliases if a not in wanted and a not in ETS_SEARCH]
    for group, lv in ((with_iv, list(levels)), (without_iv, [])):
        if group:
            sf = _statsforecast(group, season_length, n_series)
            out.append(_tidy(sf.forecast(df=df, h=h, level=lv or None)))
    for ets in [a for a in aliases if a in ETS_SEARCH]:  # at most one in practice
        ets_levels = list(levels) if ets in wanted and levels else None
        if ets_forms is None:
            sf = _statsforecast([ets], season_length, n_series)
            sf.fit(df=df)
            out.append(_tidy(sf.predict(h=h, level=ets_levels)))
            forms = pd.Series([getattr(m, "model_", {}).get("components", "ZZZN") for m in sf.fitted_[:, 0]],
                              index=[str(u) for u in sf.uids], dtype=object)
            continue
        form = df["unique_id"].astype(str).map(ets_forms).fillna(ETS_SEARCH[ets] + "N")
        parts = []
        for code, part in df.groupby(form.to_numpy()):
            sf = _statsforecast([ets], season_length, part["unique_id"].nunique(),
                                model=code[:3], damped=None if "Z" in code[:3] else code[3] == "D")
            parts.append(_tidy(sf.forecast(df=part, h=h, level=ets_levels)))
        out.append(pd.concat(parts))
    result = pd.concat(out, axis=1).reset_index()
    return result[["sku", "step", *[c for c in result.columns if c not in ("sku", "step")]]], forms


@dying_with_parent()
def cross_validate(frame: pd.DataFrame, aliases: Sequence[str], h_cv: int, n_windows: int,
                   season_length: int, ets_forms: pd.Series | None = None) -> pd.DataFrame:
    """Rolling-origin cross-validation: for window w = 1..n_windows, hide the last w*h_cv months of
    every series, refit each model on what is left and forecast the next h_cv months.

    Written here rather than with ``StatsForecast.cross_validation`` because SKUs end and start at
    different months and the caller decides beforehand which SKUs are long enough. Returns
    ``sku, window, step, y`` and one column per alias.
    """
    pos = frame.groupby("sku", sort=False).cumcount(ascending=False).to_numpy()
    out = []
    for w in range(1, n_windows + 1):
        train = frame[pos >= w * h_cv]
        actual = frame[(pos < w * h_cv) & (pos >= (w - 1) * h_cv)]
        fc, _ = run_models(train, aliases, h_cv, (), season_length, ets_forms)
        actual = actual.assign(step=actual.groupby("sku", sort=False).cumcount() + 1)
        fc = fc.merge(actual[["sku", "step", "y"]], on=["sku", "step"], how="inner")
        fc["window"] = w
        out.append(fc)
    return pd.concat(out, ignore_index=True)


def median_of(fc: pd.DataFrame, members: Sequence[str], suffix: str = "") -> np.ndarray:
    return np.median(np.column_stack([fc[m + suffix].to_numpy(dtype=float) for m in members]), axis=1)
