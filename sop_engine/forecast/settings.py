"""What a forecast run is asked to do (``ForecastSettings``) and what it hands back (``ForecastResult``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument

DEMAND_CLASSES = ("smooth", "erratic", "intermittent", "lumpy", "new", "no_history")


@dataclass
class ForecastSettings:
    """Plain values; the caller (CLI, HTTP, tool) reads configuration and passes them in."""

    horizon: int = 18
    levels: tuple[int, ...] = (80, 95)
    season_length: int = 12
    n_windows: int = 2
    history_until: date | None = None
    exclude: tuple[date, ...] = ()
    method: str = "auto"

    def validate(self) -> None:
        if not isinstance(self.horizon, int) or self.horizon < 1:
            raise InvalidArgument(f"horizon must be a whole number of months >= 1. Got: {self.horizon!r}")
        bad = [lv for lv in self.levels if not 0 < lv < 100]
        if bad or not self.levels:
            raise InvalidArgument(f"every value in levels must be between 0 and 100 (exclusive). Got: {bad}")
        if self.season_length < 1:
            raise InvalidArgument(f"season_length must be >= 1. Got: {self.season_length}")
        if self.n_windows < 1:
            raise InvalidArgument(f"n_windows must be >= 1. Got: {self.n_windows}")

    @property
    def sorted_levels(self) -> tuple[int, ...]:
        return tuple(sorted(set(int(lv) for lv in self.levels)))


@dataclass
class ForecastResult:
    """``values``: one row per sku and forecast month; ``skus``: one row per sku saying why."""

    values: pd.DataFrame
    skus: pd.DataFrame
    settings: ForecastSettings = field(default_factory=ForecastSettings)
    start: date | None = None

    def for_sku(self, sku: str) -> pd.DataFrame:
        return self.values[self.values["sku"] == sku].reset_index(drop=True)
