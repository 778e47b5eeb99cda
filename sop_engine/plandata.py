"""The planning data in memory: one long frame per contract table.

Every frame carries the contract's column names. ``period`` columns hold the month's first day
as ``datetime64``; date columns hold ``datetime64``; quantities are floats. A table the company did not
provide is an empty frame with the right columns, and ``has(name)`` says whether it was provided.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

import pandas as pd

from sop_engine.contract import TABLES, Company

T = TypeVar("T")


def empty_frame(name: str) -> pd.DataFrame:
    spec = TABLES[name]
    return pd.DataFrame({c.name: pd.Series(dtype=_dtype(c.kind)) for c in spec.columns})


def _dtype(kind: str) -> str:
    if kind in ("period", "date"):
        return "datetime64[ns]"
    if kind in ("quantity", "signed", "money", "percent"):
        return "float64"
    if kind == "days":
        return "float64"
    return "object"


@dataclass
class PlanData:
    planning_date: date
    company: Company = field(default_factory=Company)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    provided: set[str] = field(default_factory=set)
    # frames derived from the tables, shared by every view of one store version (``PlanStore.plan_data``)
    memo: dict = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: object, build: Callable[[], T]) -> T:
        """``build()``, computed once per version of the data: the value is shared, do not change it."""
        if key not in self.memo:
            self.memo[key] = build()
        return self.memo[key]

    def table(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(name)
        frame = self.tables.get(name)
        return frame if frame is not None else empty_frame(name)

    def has(self, name: str) -> bool:
        return name in self.provided and not self.table(name).empty

    @property
    def products(self) -> pd.DataFrame:
        return self.table("products")

    @property
    def sales_history(self) -> pd.DataFrame:
        return self.table("sales_history")

    @property
    def current_period(self) -> pd.Timestamp:
        return pd.Timestamp(self.planning_date.year, self.planning_date.month, 1)
