"""The candidate models (statsforecast), by alias, and two runners over the panel: fit-and-forecast,
and rolling-origin cross-validation.

Aliases a power user may pass as ``ForecastSettings.method``: every key of ``MODELS`` and ``MEDIAN``.
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence

import numpy as np
import pandas as pd
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

from sop_engine.forecast.backends import Backend
from sop_engine.forecast.custom_models import AutoCESWithForm, AutoETSWithForm, split_forms
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
    """Processes for a local statsforecast call of ``n_series`` series (see ``backends.Backend.n_jobs``)."""
    return Backend().n_jobs(n_series)


def _built(alias: str, season_length: int, *, bounds: bool, form: str | None = None, report_form: bool = False):
    """The statsforecast model for ``alias``: AutoETS or AutoCES of one given ``form`` (ETS: error, trend,
    season, damping; CES: season type), or reporting the form it chose (``custom_models``; AutoCES only
    without bounds)."""
    if alias in ETS_SEARCH and form is not None:
        model = AutoETS(season_length=season_length, model=form[:3], damped=None if "Z" in form[:3] else
                        form[3] == "D")
    elif alias in ETS_SEARCH and report_form:
        model = AutoETSWithForm(season_length=season_length, model=ETS_SEARCH[alias])
    elif alias == "AutoCES" and form is not None:
        model = AutoCES(season_length=season_length, model=form)
    elif alias == "AutoCES" and not bounds and report_form:
        model = AutoCESWithForm(season_length=season_length)
    else:
        model = make_model(alias, season_length)
    model.alias = alias
    return model


def _tidy(fc: pd.DataFrame) -> pd.DataFrame:
    fc = fc.rename(columns={"unique_id": "sku"})
    fc["step"] = fc.groupby("sku", sort=False).cumcount() + 1
    return fc.drop(columns=["ds"]).set_index(["sku", "step"])


def _has_level(model) -> bool:
    return "level" in inspect.signature(model.forecast).parameters


@dying_with_parent()  # pool workers die with this process
def run_models(frame: pd.DataFrame, aliases: Sequence[str], h: int, levels: Sequence[int],
               season_length: int, interval_aliases: Sequence[str] | None = None,
               backend: Backend | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fit ``aliases`` on every series of ``frame`` (sku, period, y) and forecast ``h`` months.

    Returns (forecasts, forms). Forecasts: ``sku, step`` (1..h), one column per alias, plus
    ``alias-lo-L`` / ``alias-hi-L`` for the models of ``interval_aliases`` (default: every alias that
    gives intervals) when ``levels`` is not empty.
    A model failing on one series falls back to Naive for that series (statsforecast
    ``fallback_model``) instead of failing the run.

    AutoETS chooses its form (error, trend, season, damping) among up to 30 and is by far the slowest
    model; the form chosen for each SKU (e.g. ``MAdM`` as statsforecast's ``MAMD``) is returned, so
    that cross-validation re-estimates only the parameters of that form, about 15 times cheaper; likewise
    AutoCES's season type (of four). ``forms``: one column per such alias, indexed by SKU.
    Every model runs in one ``StatsForecast.forecast`` call on ``backend`` (local by default), except
    models asked for no bounds that cannot leave them out (a power user's single-model run).
    """
    backend = backend or Backend()
    if frame.empty:
        return pd.DataFrame(columns=["sku", "step", *aliases]), pd.DataFrame(dtype=object)
    df = frame.rename(columns={"sku": "unique_id", "period": "ds"})[["unique_id", "ds", "y"]]
    wanted = set(WITH_INTERVALS if interval_aliases is None else interval_aliases) & WITH_INTERVALS
    built = [_built(a, season_length, bounds=a in wanted and bool(levels), report_form=True) for a in aliases]
    main = [m for m, a in zip(built, aliases, strict=True) if a in wanted or not _has_level(m) or not levels]
    apart = [m for m in built if m not in main]
    out, forms = [], []
    for group, lv in ((main, levels), (apart, ())):
        if not group:
            continue
        reporting = {m.alias: m.forms for m in group if isinstance(m, AutoETSWithForm | AutoCESWithForm)}
        fc = _tidy(backend.forecast(group, df, h + bool(reporting), lv or None))
        if reporting:
            fc, chosen = split_forms(fc, reporting, h)
            forms.append(chosen)
        out.append(fc)
    result = pd.concat(out, axis=1).reset_index()
    chosen = pd.concat(forms, axis=1) if forms else pd.DataFrame(dtype=object)
    return result[["sku", "step", *[c for c in result.columns if c not in ("sku", "step")]]], chosen


@dying_with_parent()
def cross_validate(frame: pd.DataFrame, aliases: Sequence[str], h_cv: int, n_windows: int,
                   season_length: int, forms: pd.DataFrame | None = None,
                   backend: Backend | None = None) -> pd.DataFrame:
    """Rolling-origin cross-validation (``StatsForecast.cross_validation``): for window w = 1..n_windows,
    hide the last w*h_cv months of every series, refit each model on what is left and forecast the next
    h_cv months. Every SKU of ``frame`` ends in the same month (the panel carries each to the end of
    history); the caller passes only SKUs long enough. AutoETS and AutoCES re-estimate the form
    ``forms`` gives for the SKU (``run_models``; their full search where none is given), in one call per
    form. Returns ``sku, window, step, y`` and
    one column per alias.
    """
    backend = backend or Backend()
    if frame.empty:
        return pd.DataFrame(columns=["sku", "window", "step", "y", *aliases])
    df = frame.rename(columns={"sku": "unique_id", "period": "ds"})[["unique_id", "ds", "y"]]
    forms = forms if forms is not None else pd.DataFrame(dtype=object)

    def form_of(alias: str, search: str):
        chosen = forms[alias] if alias in forms.columns else pd.Series(dtype=object)
        return df["unique_id"].map(chosen).fillna(search).to_numpy()

    others = [a for a in aliases if a not in ETS_SEARCH and a != "AutoCES"]
    parts = []
    if "AutoCES" in aliases:  # one call per season type, with the other models
        parts.append(pd.concat([_tidy_cv(backend.cross_validation(
            [_built(a, season_length, bounds=False, form=code if a == "AutoCES" else None)
             for a in ["AutoCES", *others]], part, h_cv, n_windows))
            for code, part in df.groupby(form_of("AutoCES", "Z"), sort=True)]))
    elif others:
        parts.append(_tidy_cv(backend.cross_validation([_built(a, season_length, bounds=False) for a in others],
                                                       df, h_cv, n_windows)))
    for ets in [a for a in aliases if a in ETS_SEARCH]:
        parts.append(pd.concat([_tidy_cv(backend.cross_validation(
            [_built(ets, season_length, bounds=False, form=code)], part, h_cv, n_windows))
            for code, part in df.groupby(form_of(ets, ETS_SEARCH[ets] + "N"), sort=True)]))
    cv = pd.concat(parts, axis=1).reset_index()
    actual = frame.rename(columns={"period": "ds"})[["sku", "ds", "y"]]
    cv = cv.merge(actual, on=["sku", "ds"], how="left").drop(columns=["ds"])
    return cv[["sku", "window", "step", "y", *aliases]].sort_values(["sku", "window", "step"], kind="stable",
                                                                    ignore_index=True)


def _tidy_cv(cv: pd.DataFrame) -> pd.DataFrame:
    """``sku, window, step, ds`` index: window 1 is the latest (its cutoff is the last of the SKU's)."""
    cv = cv.rename(columns={"unique_id": "sku"})
    cv["window"] = cv.groupby("sku", sort=False)["cutoff"].rank(method="dense", ascending=False).astype(int)
    cv["step"] = cv.groupby(["sku", "window"], sort=False).cumcount() + 1
    return cv.drop(columns=["cutoff"]).set_index(["sku", "window", "step", "ds"])


def median_of(fc: pd.DataFrame, members: Sequence[str], suffix: str = "") -> np.ndarray:
    return np.median(np.column_stack([fc[m + suffix].to_numpy(dtype=float) for m in members]), axis=1)
