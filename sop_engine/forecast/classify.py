"""Demand classification (Syntetos-Boylan-Croston): ADI and CV² of the non-zero demands.

``adi`` (average demand interval) = months observed / months with demand, counted from the SKU's first
sale to the end of history. ``cv2`` = (standard deviation / mean)² of the non-zero monthly demands
(population standard deviation, as Syntetos & Boylan 2005). Cut-offs 1.32 and 0.49:

| | cv2 < 0.49 | cv2 >= 0.49 |
| --- | --- | --- |
| adi < 1.32 | smooth | erratic |
| adi >= 1.32 | intermittent | lumpy |

Before that: a SKU with no demand at all in the history window is ``no_history``; a SKU whose first sale
is fewer than ``new_product_months`` months before the end of history is ``new`` (too short to fit and
check a model honestly).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

ADI_CUTOFF = 1.32
CV2_CUTOFF = 0.49


def demand_profile(y: np.ndarray) -> tuple[float, float]:
    """(adi, cv2) of one SKU's monthly demand ``y`` (from first sale on). NaN when undefined."""
    y = np.asarray(y, dtype=float)
    nonzero = y[y > 0]
    if nonzero.size == 0:
        return float("nan"), float("nan")
    adi = y.size / nonzero.size
    mean = nonzero.mean()
    cv2 = float((nonzero.std() / mean) ** 2) if nonzero.size > 1 else 0.0
    return float(adi), cv2


def demand_class(adi: float, cv2: float) -> str:
    if np.isnan(adi):
        return "no_history"
    if adi < ADI_CUTOFF:
        return "smooth" if cv2 < CV2_CUTOFF else "erratic"
    return "intermittent" if cv2 < CV2_CUTOFF else "lumpy"


def classify_demand(panel: pd.DataFrame, new_product_months: int = 12) -> pd.DataFrame:
    """One row per sku: ``sku, demand_class, adi, cv2, n_months`` for a panel ``sku, period, y``.

    The panel holds each SKU from its first sale (or its first row when it never sold) to the end
    of history, with every month present. Vectorised over SKUs (same figures as ``demand_profile``).
    """
    y = panel["y"].to_numpy(dtype=float)
    positive = y > 0
    frame = pd.DataFrame({"sku": panel["sku"].to_numpy(), "n": 1, "nz": positive.astype(int),
                          "z": np.where(positive, y, 0.0), "z2": np.where(positive, y * y, 0.0)})
    g = frame.groupby("sku", sort=False).sum()
    n, nz = g["n"].to_numpy(dtype=float), g["nz"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        adi = np.where(nz > 0, n / nz, np.nan)
        mean = g["z"].to_numpy() / nz
        var = np.maximum(g["z2"].to_numpy() / nz - mean * mean, 0.0)
        cv2 = np.where(nz > 1, var / (mean * mean), np.where(nz == 1, 0.0, np.nan))
    classes = [demand_class(a, c) for a, c in zip(adi, cv2, strict=True)]
    classes = ["new" if c != "no_history" and m < new_product_months else c
               for c, m in zip(classes, n, strict=True)]
    return pd.DataFrame({"sku": g.index.to_numpy(), "demand_class": classes, "adi": adi, "cv2": cv2,
                         "n_months": n.astype(int)})
