"""A driver's effect estimated over several SKUs together: a family's, else the company's.

One SKU's history may be too short to pin a driver's effect; its family's SKUs together often are not.
The pooled model is a least-squares regression over the pool's SKU-months, each SKU on its own scale::

    y[i,t] / mean(y[i]) = a[i] + b[i]·trend + s[month of t] + c0 · x[i,t] / mean(x[i]) + c1 · x[i,t-1] / mean(x[i])

(an intercept and a trend per SKU, a seasonal index shared by the pool, the driver this month and last
month, both on the SKU's own average). ``c0 + c1`` is the pool's response at average levels: +10% of the
driver moves units by about ``10·(c0 + c1)`` %. For one SKU, ``c0·mean(y)/mean(x)`` is its response in units
per driver unit this month, ``c1·...`` the carry-over into the next. A SKU takes its family's pool when the
family has ``MIN_SKUS`` SKUs to fit one, else the company's; it is used only when its estimate is at least
``MIN_T`` standard errors away from zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

MIN_MONTHS = 12  # a SKU joins a pool with at least this many months of history and of the driver
MIN_SKUS = 2
MIN_T = 2.0


@dataclass
class Pool:
    scope: str  # "family F" or "company"
    driver: str
    c0: float
    c1: float
    se: float  # standard error of c0 + c1
    n_skus: int
    n_months: int

    @property
    def effect_pct(self) -> float:
        return 10.0 * (self.c0 + self.c1)

    @property
    def significant(self) -> bool:
        return self.se > 0 and abs(self.c0 + self.c1) >= MIN_T * self.se

    def to_dict(self) -> dict:
        return {"scope": self.scope, "driver": self.driver, "effect_pct": round(self.effect_pct, 2),
                "se_pct": round(10.0 * self.se, 2), "skus": self.n_skus, "months": self.n_months,
                "significant": bool(self.significant)}


def fit_pool(series: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], scope: str,
             driver: str, season_length: int = 12) -> Pool | None:
    """``series``: sku -> (y, x, x_prev, month numbers) over the SKU's history months."""
    usable = {s: v for s, v in series.items() if len(v[0]) >= MIN_MONTHS and v[0].mean() > 0
              and np.abs(v[1]).mean() > 0 and np.std(v[1]) > 0}
    if len(usable) < MIN_SKUS:
        return None
    rows_z, rows_u, rows_sku, rows_trend, rows_month = [], [], [], [], []
    for k, (y, x, x_prev, months) in enumerate(usable.values()):
        scale = np.abs(x).mean()
        rows_z.append(y / y.mean())
        rows_u.append(np.column_stack([x / scale, x_prev / scale]))
        rows_sku.append(np.full(len(y), k))
        rows_trend.append((np.arange(len(y)) - (len(y) - 1) / 2) / 12.0)
        rows_month.append(months % season_length)
    z = np.concatenate(rows_z)
    u = np.vstack(rows_u)
    sku = np.concatenate(rows_sku)
    trend = np.concatenate(rows_trend)
    month = np.concatenate(rows_month)
    n_sku = len(usable)
    design = [u, np.eye(n_sku)[sku], np.eye(n_sku)[sku] * trend[:, None]]
    if season_length > 1:
        design.append(np.eye(season_length)[month][:, 1:])
    a = np.column_stack(design)
    coef, *_ = np.linalg.lstsq(a, z, rcond=None)
    resid = z - a @ coef
    dof = len(z) - np.linalg.matrix_rank(a)
    if dof <= 0:
        return None
    sigma2 = float(resid @ resid) / dof
    cov = sigma2 * np.linalg.pinv(a.T @ a)
    se = float(np.sqrt(max(cov[0, 0] + cov[1, 1] + 2 * cov[0, 1], 0.0)))
    return Pool(scope, driver, float(coef[0]), float(coef[1]), se, n_sku, int(len(z)))


def sku_response(pool: Pool, y: np.ndarray, x: np.ndarray) -> tuple[float, float]:
    """The pool's response in one SKU's units: (units per driver unit this month, in the next month)."""
    scale = float(np.mean(y)) / max(float(np.abs(x).mean()), 1e-12)
    return pool.c0 * scale, pool.c1 * scale


def pooled_effects(history: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                   families: pd.Series | None, driver: str, season_length: int = 12) -> dict[str, Pool]:
    """sku -> the pool that speaks for it, when significant: its family's when the family has enough SKUs to
    fit one (a family pool that finds no effect means no effect), else the company's."""
    fam = families.set_axis(families.index.astype(str)) if families is not None else pd.Series(dtype=object)
    company = fit_pool(history, "company", driver, season_length)
    by_family: dict[str, Pool | None] = {}
    out = {}
    for sku in history:
        family = fam.get(sku)
        pool = None
        if isinstance(family, str):
            if family not in by_family:
                members = {s: v for s, v in history.items() if fam.get(s) == family}
                by_family[family] = fit_pool(members, f"family {family}", driver, season_length)
            pool = by_family[family]
        if pool is None:
            pool = company
        if pool is not None and pool.significant:
            out[sku] = pool
    return out


def family_pools(history, families: pd.Series | None, driver: str, season_length: int = 12) -> list[Pool]:
    """Every family's pool (significant or not) and the company's, for reports."""
    fam = families.set_axis(families.index.astype(str)) if families is not None else pd.Series(dtype=object)
    out = []
    for family in sorted({fam.get(s) for s in history if isinstance(fam.get(s), str)}):
        pool = fit_pool({s: v for s, v in history.items() if fam.get(s) == family}, f"family {family}", driver,
                        season_length)
        if pool is not None:
            out.append(pool)
    company = fit_pool(history, "company", driver, season_length)
    return out + ([company] if company is not None else [])
