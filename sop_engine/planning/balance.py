"""The balance arithmetic of gap analysis, on numpy arrays of shape (SKUs, months).

Month 0 is the current period. All functions are vectorised over SKUs: one call projects 10,000 SKUs.

Rules (the docstring of ``gaps.gaps_document`` repeats them for the planner):
- ``projected_balance[t] = opening + sum(receipts[0..t]) - sum(demand[0..t])``. A negative balance
  carries over to the next month: unmet demand is backordered, not lost.
- ``shortage[t] = max(0, -projected_balance[t])``: the backlog at the end of month t.
- ``below_safety_stock[t] = max(0, safety_stock - projected_balance[t])``: units needed to bring the
  balance back up to safety stock (it includes the shortage when the balance is negative).
- ``total_shortage = max_t shortage[t]``: the peak backlog, i.e. the units of extra supply that, arriving
  by ``first_short_period``, clear every shortage of the window (summing the monthly backlogs would
  count the same missing units once per month).
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

Z80 = 1.2815515655446004  # standard normal quantile of 0.90: an 80% interval is mean +/- Z80 sigma
Z95 = 1.959963984540054  # quantile of 0.975: a 95% interval is mean +/- Z95 sigma


def project(opening: np.ndarray, receipts: np.ndarray, demand: np.ndarray) -> np.ndarray:
    """Projected balance at the end of every month (backorders carry over)."""
    return opening[:, None] + np.cumsum(receipts - demand, axis=1)


def shortage(balance: np.ndarray) -> np.ndarray:
    return np.clip(-balance, 0.0, None)


def below_safety_stock(balance: np.ndarray, safety_stock: np.ndarray) -> np.ndarray:
    return np.clip(safety_stock[:, None] - balance, 0.0, None)


def total_shortage(balance: np.ndarray) -> np.ndarray:
    """Peak backlog over the window per SKU (0 when never short)."""
    if balance.shape[1] == 0:
        return np.zeros(balance.shape[0])
    return shortage(balance).max(axis=1)


def first_short_index(balance: np.ndarray) -> np.ndarray:
    """Index of the first month with a negative balance, -1 when none."""
    short = balance < 0
    return np.where(short.any(axis=1), short.argmax(axis=1), -1)


def sigma_from_intervals(lo80, hi80, lo95, hi95) -> np.ndarray:
    """Monthly demand sigma from the forecast's intervals, normal approximation.

    sigma80 = (hi_80 - lo_80) / (2 * 1.2816), sigma95 = (hi_95 - lo_95) / (2 * 1.9600); sigma is the mean
    of those available; no interval at all gives 0 (the forecast is then taken as certain).
    """
    s80 = (np.asarray(hi80, float) - np.asarray(lo80, float)) / (2 * Z80)
    s95 = (np.asarray(hi95, float) - np.asarray(lo95, float)) / (2 * Z95)
    both = np.stack([s80, s95])
    count = np.sum(~np.isnan(both), axis=0)
    total = np.nansum(both, axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma = np.where(count > 0, total / np.maximum(count, 1), 0.0)
    return np.clip(sigma, 0.0, None)


def stockout_probability(
    opening: np.ndarray, receipts: np.ndarray, demand: np.ndarray, sigma: np.ndarray
) -> np.ndarray:
    """Probability that the balance goes below zero in some month of the window.

    Cumulative demand to month t is taken as Normal(sum of forecasts, sqrt(sum of monthly sigma^2)) —
    monthly forecast errors independent, so variances add. With S_t = opening + receipts to month t,
    P_t = P(cumulative demand > S_t) = Phi((sum forecast - S_t) / sqrt(sum sigma^2)); the result is
    max_t P_t (a lower bound on the probability of any stockout; exact when one month dominates).
    A month with sigma 0 counts as certain: P_t = 1 if the forecast exceeds S_t, else 0.
    """
    if demand.shape[1] == 0:
        return np.zeros(demand.shape[0])
    cum_demand = np.cumsum(demand, axis=1)
    supply = opening[:, None] + np.cumsum(receipts, axis=1)
    sd = np.sqrt(np.cumsum(np.square(sigma), axis=1))
    gap = cum_demand - supply
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(sd > 0, ndtr(gap / np.where(sd > 0, sd, 1.0)), (gap > 0).astype(float))
    return p.max(axis=1)


def months_of_cover(
    opening: np.ndarray, receipts: np.ndarray, demand: np.ndarray, balance: np.ndarray
) -> np.ndarray:
    """Months of forecast demand that opening stock plus scheduled receipts cover.

    Counted along the forecast from the start of month 1: if the balance first goes negative in month
    index i, cover = i + (stock available in that month) / (that month's demand). If it never does, the
    end balance is spread at the window's average monthly demand: cover = n + end balance / average
    demand. No demand at all: NaN (infinite cover, shown as None). Negative opening stock: 0.
    """
    n_skus, n = demand.shape
    cover = np.full(n_skus, np.nan)
    if n == 0:
        return cover
    first = first_short_index(balance)
    rows = np.arange(n_skus)
    prev = np.where(first > 0, balance[rows, np.maximum(first - 1, 0)], opening)
    available = prev + receipts[rows, np.maximum(first, 0)]
    month_demand = demand[rows, np.maximum(first, 0)]
    with np.errstate(divide="ignore", invalid="ignore"):
        short_cover = first + np.clip(available, 0, None) / month_demand
        avg = demand.mean(axis=1)
        long_cover = n + balance[:, -1] / avg
    cover = np.where(first >= 0, short_cover, np.where(avg > 0, long_cover, np.nan))
    return np.where(opening < 0, 0.0, cover)
