"""Statistical demand forecasting per SKU (statsforecast), with a stated reason for every SKU.

Public API::

    from sop_engine.forecast import ForecastSettings, ForecastResult, forecast

    result = forecast(history, ForecastSettings(horizon=18), start=None, families=None, events=None,
                      progress=None, backend=None)

``history``: long frame ``sku, period, quantity`` (monthly; ``period`` any date in the month; rows of
one sku and month are summed). Inside a SKU's span, a month without a row is zero demand; every SKU is
carried from its first sale to the last history month overall. ``start``: first forecast month (default:
the month after the last history month overall; history at or after ``start`` is ignored, so a past
``start`` is a backtest). Forecasts cover ``horizon`` months from ``start``.

``ForecastSettings``: ``horizon`` (18), ``levels`` ((80, 95)), ``season_length`` (12), ``n_windows`` (2
CV windows of ``min(horizon, 6)`` months), ``history_until`` (ignore later months), ``exclude`` (months
treated as missing and filled by linear interpolation between the SKU's neighbouring months, see
``panel``), ``method`` ("auto", or one alias of ``models.MODELS`` or ``models.MEDIAN`` for every SKU).

``ForecastResult.values``: ``sku, period (datetime64 month start), forecast, lo_80, hi_80, lo_95, hi_95,
model`` (one ``lo_L, hi_L`` pair per level). Every figure is >= 0 and the bands are nested.
``ForecastResult.skus``: ``sku, model, cv_error, candidates (alias -> CV error), demand_class, adi, cv2,
n_months, note`` — ``note`` says in words why this model (or which fallback) and which events applied.

How "auto" decides (``classify``, ``engine``):
- ``demand_class`` by Syntetos-Boylan (ADI 1.32, CV² 0.49): smooth, erratic, intermittent, lumpy; ``new``
  under 12 months since first sale; ``no_history`` without any demand in the window.
- smooth / erratic: AutoETS without trend (``AutoETS_ZNZ``: error and season chosen, the trend is left
  to the theta model), AutoCES and DynamicOptimizedTheta are fitted; the default is their pointwise
  median ``Median(ETS,CES,DOT)``. AutoETS's full search cost four times as much and scored worse in
  the combination on M3 validation data. In CV, ETS re-estimates the form it chose on the full history
  (its CV error is therefore slightly optimistic). Rolling-origin CV (n_windows x min(horizon, 6) months)
  scores the median and each member; a single member replaces the median only when its CV error is
  at most half the median's (per-series selection by CV lost accuracy on M3 validation data). No
  per-series AutoARIMA (too slow for thousands of SKUs on 2 cores).
- intermittent / lumpy: CrostonOptimized, ADIDA, IMAPA, TSB(0.1, 0.1); the lowest CV error wins.
- SKUs too short for CV (under n_windows x h_cv + season_length months) get the route's default.
- new: family seasonal profile times the SKU's own level, else the average of its months (``fallback``).
- ``cv_error`` is the scaled RMSE of the CV forecasts: RMSE / the SKU's average monthly demand.
- Intervals: statsforecast's own for AutoETS_ZNZ and DOT; for the combination, its forecast minus / plus the
  average distance of ETS's and DOT's bounds from their forecasts; empirical quantiles of the SKU's CV
  errors for the Croston family; see ``intervals``.
- ``events`` (contract table: name, start, end, sku, family, uplift_pct, kind) multiply forecast and
  bounds, prorated by days covered (``events``); the note lists them.
- ``progress(done, total, stage)`` is called after each stage and each chunk of SKUs (2,000 on the local
  engine, 10,000 on a cluster).

Where the models run: ``forecast(..., backend=...)`` with a backend from ``backends.open_backend(engine,
address, should_stop)``: ``local`` (statsforecast's process pool, the default), ``dask``, ``ray`` or
``spark`` (statsforecast's distributed path through Fugue). Every engine gives the same figures (the
models' output is rounded to float32 on every engine, as the distributed path returns it). Before each
chunk the backend asks ``should_stop()`` and raises ``sop_engine.errors.Cancelled`` when it is true.
"""

from sop_engine.forecast.classify import classify_demand, demand_class, demand_profile
from sop_engine.forecast.engine import forecast
from sop_engine.forecast.settings import DEMAND_CLASSES, ForecastResult, ForecastSettings

__all__ = [
    "DEMAND_CLASSES",
    "ForecastResult",
    "ForecastSettings",
    "classify_demand",
    "demand_class",
    "demand_profile",
    "forecast",
]
