"""The KPI protocol: every KPI is one small object with a name, a formula in words, a unit and
``compute(data, scope) -> KpiResult``. Results never invent a number: too little data gives
value None with status "insufficient history" (or "no data" when a table is missing) and a message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from sop_engine.periods import add_months, format_period, month_start, months_between
from sop_engine.plandata import PlanData

DEFAULT_WINDOW_MONTHS = 6
DEFAULT_LAG = 1
OK, INSUFFICIENT, NO_DATA = "ok", "insufficient history", "no data"


class Insufficient(Exception):  # noqa: N818 - internal signal, turned into a result by Kpi.compute
    def __init__(self, message: str, status: str = INSUFFICIENT) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass
class KpiScope:
    """Who and when: resolved SKUs, the months [start, end], the lag and optional planner overrides."""

    skus: list[str]
    label: str  # "all products", "sku A", "family F"
    start: date
    end: date
    planning_date: date
    lag: int = DEFAULT_LAG
    default_window: bool = False
    overrides: pd.DataFrame | None = None  # sku, period, quantity: the planners' final numbers
    family: str | None = None
    sku: str | None = None

    @property
    def months(self) -> int:
        return months_between(self.start, self.end) + 1

    @property
    def start_ts(self) -> pd.Timestamp:
        return pd.Timestamp(self.start)

    @property
    def end_exclusive(self) -> pd.Timestamp:
        return pd.Timestamp(add_months(self.end, 1))

    def period_dict(self) -> dict:
        out = {"from": format_period(self.start), "to": format_period(self.end), "months": self.months}
        if self.default_window:
            out["window"] = (
                f"default: the last {DEFAULT_WINDOW_MONTHS} complete months before the planning "
                f"date {self.planning_date.isoformat()}"
            )
        return out


def default_window(planning_date: date) -> tuple[date, date]:
    current = month_start(planning_date)
    return add_months(current, -DEFAULT_WINDOW_MONTHS), add_months(current, -1)


@dataclass
class KpiResult:
    name: str
    value: float | None
    unit: str
    formula: str
    period: dict
    scope: str
    coverage: str
    status: str = OK
    message: str | None = None
    details: dict = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "formula": self.formula,
            "period": self.period,
            "scope": self.scope,
            "coverage": self.coverage,
            "status": self.status,
            "message": self.message,
            "details": self.details,
            "flags": self.flags,
        }


Outcome = tuple[float, str, dict, list[str]]  # value, coverage, details, flags


@dataclass(frozen=True)
class Kpi:
    """One KPI. ``measure(data, scope)`` returns (value, coverage, details, flags) or raises Insufficient."""

    name: str
    formula: str
    unit: str
    description: str
    measure: Callable[[PlanData, KpiScope], Outcome]
    kind: str = "kpi"

    def compute(self, data: PlanData, scope: KpiScope) -> KpiResult:
        base = {
            "name": self.name,
            "unit": self.unit,
            "formula": self.formula,
            "period": scope.period_dict(),
            "scope": scope.label,
        }
        try:
            value, coverage, details, flags = self.measure(data, scope)
        except Insufficient as why:
            return KpiResult(value=None, coverage="", status=why.status, message=why.message, **base)
        return KpiResult(
            value=None if value is None else round(float(value), 2),
            coverage=coverage,
            details=details,
            flags=flags,
            **base,
        )

    def describe(self) -> dict:
        return {
            "name": self.name,
            "formula": self.formula,
            "unit": self.unit,
            "description": self.description,
            "kind": self.kind,
        }


def coverage(months: int, skus: int) -> str:
    return f"{months} month{'s' if months != 1 else ''}, {skus} SKU{'s' if skus != 1 else ''}"


def require(data: PlanData, table: str, what: str) -> pd.DataFrame:
    if not data.has(table):
        raise Insufficient(f"no {table} loaded: {what} needs {table}.csv", NO_DATA)
    return data.table(table)


def sku_history(data: PlanData) -> pd.DataFrame:
    """The sales history with ``sku`` as text, once per version of the data: shared, do not change it."""
    return data.derived("kpi.history", lambda: data.sales_history.assign(sku=data.sales_history["sku"].astype(str)))


def actuals(data: PlanData, scope: KpiScope) -> pd.DataFrame:
    """Actual demand per sku and month inside the window (sales_history summed)."""
    hist = sku_history(data)
    hist = hist[(hist["period"] >= scope.start_ts) & (hist["period"] < scope.end_exclusive)]
    hist = hist[hist["sku"].isin(scope.skus)]
    return hist.groupby(["sku", "period"], as_index=False)["quantity"].sum()
