"""Prediction intervals: where statsforecast gives none, derive them from errors actually made; then make
every bound a demand (>= 0) and the bands nested (lo_95 <= lo_80 <= forecast <= hi_80 <= hi_95).

- AutoETS_ZNZ, DynamicOptimizedTheta (and, for a power user's single-model run, the other models in
  ``models.WITH_INTERVALS``): the model's own intervals from statsforecast.
- The median combination (and AutoCES when the CV guard picks it): its own forecast minus / plus the
  average distance of AutoETS_ZNZ's and DynamicOptimizedTheta's bounds from their forecasts, per level and
  month (a borrowed band, not a probability statement of the combination; AutoCES's own intervals
  simulate paths and would cost ten times its fit).
- Croston family (CrostonOptimized, ADIDA, IMAPA, TSB give a flat demand rate and no interval): empirical
  quantiles of the SKU's own cross-validation errors (actual - forecast), pooled over the CV windows
  and horizon steps, added to the forecast. Errors of a flat rate on intermittent demand do not grow
  with the horizon, so pooling the steps is sound and gives n_windows x h_cv errors per SKU. When a SKU
  has fewer than ``MIN_ERRORS`` CV errors, the deviations of its monthly demand from its mean demand are
  used instead (the spread of one future month around a flat rate).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

MIN_ERRORS = 8


def bound_columns(levels: Sequence[int]) -> list[str]:
    return [f"{side}_{lv}" for lv in levels for side in ("lo", "hi")]


def empirical_bounds(forecast: np.ndarray, errors: np.ndarray,
                     levels: Sequence[int]) -> dict[str, np.ndarray]:
    """Bounds for one SKU: forecast + quantiles of ``errors`` at (1 -/+ level) / 2."""
    out = {}
    for lv in levels:
        tail = (1 - lv / 100) / 2
        lo, hi = np.quantile(errors, [tail, 1 - tail])
        out[f"lo_{lv}"] = forecast + lo
        out[f"hi_{lv}"] = forecast + hi
    return out


def residual_intervals(point: pd.DataFrame, cv_errors: dict[str, np.ndarray],
                       history: dict[str, np.ndarray], levels: Sequence[int]) -> pd.DataFrame:
    """Add ``lo_L, hi_L`` to ``point`` (sku, step, forecast) from each SKU's CV errors, else its history."""
    parts = []
    for sku, rows in point.groupby("sku", sort=False):
        errors = cv_errors.get(sku)
        if errors is None or errors.size < MIN_ERRORS:
            y = history[sku]
            errors = y - y.mean()
        bounds = empirical_bounds(rows["forecast"].to_numpy(dtype=float), errors, levels)
        parts.append(rows.assign(**bounds))
    if not parts:
        return point.assign(**{c: pd.Series(dtype=float) for c in bound_columns(levels)})
    return pd.concat(parts, ignore_index=True)


def make_demand_bands(values: pd.DataFrame, levels: Sequence[int]) -> pd.DataFrame:
    """Clip forecast and bounds at zero and nest the bands around the forecast (narrowest level inside)."""
    values = values.copy()
    f = np.maximum(values["forecast"].to_numpy(dtype=float), 0.0)
    values["forecast"] = f
    inner_lo, inner_hi = f, f
    for lv in sorted(levels):
        lo = np.clip(values[f"lo_{lv}"].to_numpy(dtype=float), 0.0, None)
        hi = np.clip(values[f"hi_{lv}"].to_numpy(dtype=float), 0.0, None)
        lo = np.minimum(np.nan_to_num(lo, nan=0.0), inner_lo)
        hi = np.maximum(np.nan_to_num(hi, nan=0.0), inner_hi)
        values[f"lo_{lv}"], values[f"hi_{lv}"] = lo, hi
        inner_lo, inner_hi = lo, hi
    return values
