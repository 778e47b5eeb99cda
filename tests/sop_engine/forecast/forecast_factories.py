"""Fixed synthetic demand series for the forecast tests (fixed seeds; no shared data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

END = pd.Timestamp("2025-12-01")  # last history month of every factory series


def months(n: int, end: pd.Timestamp = END) -> pd.DatetimeIndex:
    return pd.date_range(end=end, periods=n, freq="MS")


def seasonal_series(n: int = 48, seed: int = 7) -> np.ndarray:
    """Level 100, +1/month trend, +-30 yearly swing peaking in July, Gaussian noise sd 5."""
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    periods = months(n)
    season = 30 * np.cos(2 * np.pi * (periods.month.to_numpy() - 7) / 12)
    return np.round(100 + t + season + rng.normal(0, 5, n), 1)


def intermittent_series() -> np.ndarray:
    """36 months, 27 with demand (ADI = 36/27 = 1.333), sizes chosen for CV² = 0.4704 (population):
    just inside "intermittent" on both cut-offs."""
    sizes = np.array([2, 9, 4, 1, 6, 16, 3, 5, 2, 8, 4, 3, 12, 2, 5, 7, 1, 4, 6, 3, 9, 2, 5, 4, 13, 3, 6],
                     dtype=float)
    y = np.zeros(36)
    zero_months = [2, 5, 9, 13, 17, 21, 25, 29, 33]
    y[[i for i in range(36) if i not in zero_months]] = sizes
    return y


def history_frame(series: dict[str, np.ndarray]) -> pd.DataFrame:
    rows = []
    for sku, y in series.items():
        rows.append(pd.DataFrame({"sku": sku, "period": months(len(y)), "quantity": y}))
    return pd.concat(rows, ignore_index=True)


def demo_history() -> pd.DataFrame:
    """A seasonal SKU, a second seasonal SKU of the same family, an intermittent one, a 4-month new one."""
    seasonal = seasonal_series()
    sibling = np.round(seasonal_series(seed=11) * 0.5, 1)
    new = np.array([40.0, 55.0, 48.0, 62.0])
    return history_frame({"SEAS": seasonal, "SIB": sibling, "INT": intermittent_series(), "NEW": new})


def demo_families() -> pd.Series:
    return pd.Series({"SEAS": "Drinks", "SIB": "Drinks", "INT": "Spares", "NEW": "Drinks"})
