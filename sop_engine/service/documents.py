"""Turning frames into the JSON documents of the public interface (periods as ``YYYY-MM``)."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def number(value: Any, digits: int = 1) -> float | None:
    if value is None:
        return None
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(value) or math.isinf(value):
        return None
    return round(value, digits)


def period_label(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    return pd.Timestamp(value).strftime("%Y-%m")


def records(frame: pd.DataFrame, digits: dict[str, int] | None = None) -> list[dict]:
    """Rows as dicts: periods as ``YYYY-MM``, floats rounded, NaN as None."""
    digits = digits or {}
    out = []
    for row in frame.to_dict("records"):
        doc = {}
        for key, value in row.items():
            if key == "period" or key.endswith("_period"):
                doc[key] = period_label(value)
            elif isinstance(value, float):
                doc[key] = number(value, digits.get(key, 1))
            elif hasattr(value, "item"):
                doc[key] = value.item()
            elif isinstance(value, pd.Timestamp):
                doc[key] = value.date().isoformat()
            else:
                doc[key] = value
        out.append(doc)
    return out
