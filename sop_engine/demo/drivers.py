"""Companies whose demand responds to ad spend with a known effect, to check forecasts with drivers.

``driver_company(seed, ...)`` returns the contract's frames (``products``, ``sales_history``, ``inventory``,
``drivers``, the company settings) and the truth: per SKU its response ``alpha`` (share of demand moved
when ad spend is at its average: +10% ad spend = +``10·alpha``% units this month) and ``carry`` (the share
of that effect carried into the next month). Demand of SKU i in month t::

    y = level · season(t) · (1 + growth·t) · (1 + alpha·(a[t] − 1) + alpha·carry·(a[t−1] − 1)) · noise

with ``a`` the company-wide ad spend over its average. Families: ``Responsive`` (alpha 0.3, no carry-over),
``Carryover`` (alpha 0.3, carry 0.5), ``Steady`` (alpha 0: no response), and optionally short-history
SKUs in ``Responsive`` (pooling). ``true_demand(...)`` gives the noise-free demand under another ad plan,
for what-if checks. Nothing else in the project depends on these names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

FAMILIES = {"Responsive": (0.3, 0.0), "Carryover": (0.3, 0.5), "Steady": (0.0, 0.0)}
AD_MEAN = 10_000.0


@dataclass
class DriverCompany:
    frames: dict[str, pd.DataFrame]
    planning_date: str
    truth: pd.DataFrame  # sku, family, alpha, carry, level, growth, season_phase
    months: pd.DatetimeIndex  # every month generated (history and future)
    ad: np.ndarray  # ad spend over ``months``
    noise: float = 0.08
    extra: dict = field(default_factory=dict)

    def write(self, folder: Path, with_drivers: bool = True) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, frame in self.frames.items():
            if name == "drivers" and not with_drivers:
                continue
            out = frame.copy()
            for col in out.columns:
                if np.issubdtype(out[col].dtype, np.datetime64):
                    out[col] = out[col].dt.strftime("%Y-%m" if col == "period" else "%Y-%m-%d")
            out.to_csv(folder / f"{name}.csv", index=False)
        (folder / "company.toml").write_text(
            f'name = "Driver test company"\nplanning_date = "{self.planning_date}"\nhorizon_months = 12\n',
            encoding="utf-8")
        return folder

    def true_demand(self, sku: str, ad: np.ndarray | None = None) -> np.ndarray:
        """Noise-free demand of ``sku`` over ``months`` under ad spend ``ad`` (default: the plan)."""
        row = self.truth.set_index("sku").loc[sku]
        return _demand(row, self.months, self.ad if ad is None else ad)


def _demand(row, months: pd.DatetimeIndex, ad: np.ndarray) -> np.ndarray:
    t = np.arange(len(months))
    a = ad / AD_MEAN
    a_prev = np.r_[a[0], a[:-1]]
    season = 1 + 0.15 * np.sin(2 * np.pi * (months.month.to_numpy() - 1 + row["season_phase"]) / 12)
    response = 1 + row["alpha"] * (a - 1) + row["alpha"] * row["carry"] * (a_prev - 1)
    return row["level"] * season * (1 + row["growth"] * t) * response


def driver_company(seed: int = 0, history_months: int = 48, horizon: int = 12, skus_per_family: int = 5,
                   short_skus: int = 0, noise: float = 0.08, start: str = "2022-11-01") -> DriverCompany:
    rng = np.random.default_rng(seed)
    months = pd.date_range(start, periods=history_months + horizon, freq="MS")
    ad = AD_MEAN * rng.uniform(0.4, 1.6, len(months))
    rows, truth = [], []
    for family, (alpha, carry) in FAMILIES.items():
        for k in range(skus_per_family + (short_skus if family == "Responsive" else 0)):
            sku = f"{family[:3].upper()}-{k + 1:02d}"
            params = {"sku": sku, "family": family, "alpha": alpha, "carry": carry,
                      "level": float(rng.uniform(200, 2000)), "growth": float(rng.uniform(-0.004, 0.008)),
                      "season_phase": float(rng.uniform(0, 12))}
            truth.append(params)
            y = _demand(pd.Series(params), months, ad) * rng.lognormal(0, noise, len(months))
            first = history_months - 18 if k >= skus_per_family else 0  # a short-history SKU starts later
            for i in range(first, history_months):
                rows.append({"sku": sku, "period": months[i], "quantity": round(float(y[i]))})
    truth_frame = pd.DataFrame(truth)
    products = pd.DataFrame({"sku": truth_frame["sku"], "name": [f"Item {s}" for s in truth_frame["sku"]],
                             "family": truth_frame["family"], "unit_price": 10.0, "safety_stock": 0.0,
                             "lead_time_days": 30})
    planning = months[history_months]
    inventory = pd.DataFrame({"sku": truth_frame["sku"], "on_hand": (truth_frame["level"] * 1.5).round(),
                              "as_of": planning})
    kinds = np.where(months < planning, "actual", "plan")
    drivers = pd.DataFrame({"period": months, "driver": "ad_spend", "value": ad.round(2), "kind": kinds,
                            "unit": "EUR"})
    frames = {"products": products, "sales_history": pd.DataFrame(rows), "inventory": inventory,
              "drivers": drivers}
    return DriverCompany(frames, f"{planning:%Y-%m}-15", truth_frame, months, ad, noise)
