"""Forecasts for SKUs too new to fit a model, and for SKUs without demand.

A new product (fewer than ``NEW_PRODUCT_MONTHS`` months since its first sale):
- ``FamilyProfile`` when ``families`` names its family and the family's established SKUs (not new, with
  demand) have at least two seasons of history: the family's seasonal index (mean family demand in each
  month of the season / mean family demand, over its last three seasons at most) times the SKU's own
  level, which is the average of its months divided by their seasonal index;
- ``LaunchAverage`` otherwise: the average of its months, flat (a naive level; one launch month alone is
  a weak guide and the note says so).
Intervals: a new product's monthly demand is taken as its level (times the index) plus noise with the
spread of its own de-seasonalised months: forecast ± t(n-1) · s · sqrt(1 + 1/n) (the prediction interval
of one future value from a sample mean of n values). With a single month, s is set to the level itself.
A SKU without demand in the history window gets ``Zero`` with no spread.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import stats

NEW_PRODUCT_MONTHS = 12


def family_profiles(panel: pd.DataFrame, classes: pd.DataFrame, families: pd.Series | None,
                    season_length: int) -> dict[str, tuple[np.ndarray, int]]:
    """family -> (seasonal index by month number % season_length, number of SKUs it was made from)."""
    if families is None or families.empty or season_length < 2:
        return {}
    fam = families.copy()
    fam.index = fam.index.astype(str)
    established = classes.loc[~classes["demand_class"].isin(["new", "no_history"]), "sku"]
    rows = panel[panel["sku"].isin(established) & panel["sku"].isin(fam.index)]
    if rows.empty:
        return {}
    rows = rows.assign(family=rows["sku"].map(fam),
                       n=rows["period"].dt.year * 12 + rows["period"].dt.month - 1)
    end_n = int(rows["n"].max())
    rows = rows[rows["n"] > end_n - 3 * season_length]
    profiles = {}
    for family, part in rows.groupby("family"):
        total = part.groupby("n")["y"].sum()
        if len(total) < 2 * season_length or total.mean() <= 0:
            continue
        by_pos = total.groupby(total.index.to_numpy() % season_length).mean()
        index = by_pos.reindex(range(season_length)).to_numpy() / total.mean()
        if np.isnan(index).any():
            continue
        profiles[str(family)] = (index, int(part["sku"].nunique()))
    return profiles


def new_product_forecast(y: np.ndarray, month_numbers: np.ndarray, future_numbers: np.ndarray,
                         profile: np.ndarray | None, levels: Sequence[int]
                         ) -> tuple[dict[str, np.ndarray], float]:
    """Point forecast and bounds (arrays over the future months) for one new product, and its level."""
    season = len(profile) if profile is not None else 1
    past_idx = profile[month_numbers % season] if profile is not None else np.ones(len(y))
    future_idx = profile[future_numbers % season] if profile is not None else np.ones(len(future_numbers))
    usable = past_idx > 0
    deseasonalised = y[usable] / past_idx[usable] if usable.any() else y
    n = deseasonalised.size
    level = float(deseasonalised.mean())
    spread = float(deseasonalised.std(ddof=1)) if n >= 2 else level
    out = {"forecast": level * future_idx}
    for lv in levels:
        q = stats.t.ppf(0.5 + lv / 200, n - 1) if n >= 2 else stats.norm.ppf(0.5 + lv / 200)
        half = q * spread * np.sqrt(1 + 1 / n) * future_idx
        out[f"lo_{lv}"] = out["forecast"] - half
        out[f"hi_{lv}"] = out["forecast"] + half
    return out, level


def new_product_note(n: int, family: str | None, profile: tuple[np.ndarray, int] | None, level: float) -> str:
    months = f"{n} month{'s' if n != 1 else ''} since its first sale"
    if profile is not None:
        return (f"new product ({months}): family '{family}' seasonal profile (from {profile[1]} established "
                f"SKUs) scaled to its own de-seasonalised average of {level:.4g}/month")
    why = ("no family given" if family is None else
           f"family '{family}' has no established SKUs with two seasons of history")
    weak = "; a single month is a weak guide" if n == 1 else ""
    return f"new product ({months}): average of its months, {level:.4g}/month, flat ({why}){weak}"
