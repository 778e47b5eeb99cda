"""Small shared helpers of the planning room: month labels, rounding for documents, JSON-able values."""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.periods import format_period, month_start


def to_month(values: pd.Series) -> pd.Series:
    """Any datetime-like column -> the month's first day (datetime64)."""
    # numpy month truncation: ~20x faster than .dt.to_period("M").dt.to_timestamp() on large frames
    if not pd.api.types.is_datetime64_any_dtype(values):
        values = pd.to_datetime(values)
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    months = values.to_numpy().astype("datetime64[M]").astype("datetime64[ns]")
    return pd.Series(months, index=values.index, name=values.name)


def label(month: date | pd.Timestamp) -> str:
    return format_period(month)


def month_index(month: pd.Series | pd.Timestamp, first: date) -> pd.Series | int:
    """Whole months from ``first`` to each month (0 = ``first``)."""
    first = month_start(first)
    if isinstance(month, pd.Series):
        if pd.api.types.is_datetime64_dtype(month.dtype) and not month.isna().any():
            # numpy month arithmetic: ~20x faster than .dt.year/.dt.month on large frames, same integers
            months = month.to_numpy().astype("datetime64[M]").astype(np.int64)
            return pd.Series(months - ((first.year - 1970) * 12 + first.month - 1), index=month.index)
        m = pd.to_datetime(month)
        return (m.dt.year - first.year) * 12 + (m.dt.month - first.month)
    return (month.year - first.year) * 12 + (month.month - first.month)


def units(x: float | None) -> float | None:
    """Units in documents: 1 decimal, -0.0 shown as 0.0, NaN as None."""
    if x is None:
        return None
    v = round(float(x), 1)
    return None if v != v else v + 0.0  # NaN -> None; + 0.0 turns -0.0 into 0.0


def money(x: float | None) -> float | None:
    if x is None or (isinstance(x, float | np.floating) and math.isnan(x)):
        return None
    v = round(float(x), 2)
    return 0.0 if v == 0 else v


def ratio(x: float | None, digits: int = 3) -> float | None:
    if x is None or (isinstance(x, float | np.floating) and (math.isnan(x) or math.isinf(x))):
        return None
    return round(float(x), digits)


def text(x: object) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA or x is pd.NaT:
        return None
    return str(x)


def pct(part: float, whole: float) -> float | None:
    """``part / whole`` in percent, 1 decimal; None when ``whole`` is 0 or missing."""
    if whole is None or part is None or not np.isfinite(whole) or whole == 0:
        return None
    return round(100.0 * float(part) / float(whole), 1)


def rounded_list(values, digits: int) -> list:
    """``[round(float(x), digits) for x in values]`` with NaN as None, -0.0 as 0.0, vectorised.

    Python's ``round`` is correctly rounded (round-half-even on the exact binary value) while
    ``np.round`` multiplies by 10**digits first, so the two can differ next to a tie (0.15, 2.675).
    ``rint(x * 10**d) / 10**d`` equals Python's result whenever ``x * 10**d`` is clearly away from a
    half; the few values near a half (and huge ones) go through ``round`` itself, so documents keep
    every byte they had when each value went through ``units``/``money``.
    """
    a = np.asarray(values, dtype=float).ravel()
    scale = 10.0**digits
    with np.errstate(invalid="ignore", over="ignore"):  # NaN and inf go through ``round`` below
        scaled = a * scale
        out = np.rint(scaled) / scale + 0.0
        frac = np.abs(scaled - np.floor(scaled) - 0.5)
    doubtful = np.flatnonzero(~(frac > 1e-6) | ~(np.abs(scaled) < 2.0**50))
    result = out.tolist()
    for k in doubtful.tolist():
        x = float(a[k])
        result[k] = None if x != x else (round(x, digits) + 0.0 if math.isfinite(x) else round(x, digits))
    return result


def units_list(values) -> list:
    """``[units(x) for x in values]``, vectorised (see ``rounded_list``)."""
    return rounded_list(values, 1)


def labels_of(months: list) -> list[str]:
    return [label(m) for m in months]


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a big document is built.

    A whole-company gap document is ~100,000 small dicts and lists; each allocation burst triggers a
    collection that walks every container still alive, which made building it ~3x slower. Documents
    hold no reference cycles, so nothing is lost by collecting once afterwards (reference counting
    still frees everything as usual). Re-enables only what it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
