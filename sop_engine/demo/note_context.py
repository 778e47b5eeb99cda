"""What a meeting-note topic can see: the demo data, the meeting's month and date, phrasing helpers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from sop_engine.demo.catalog import DemoModel, Sku
from sop_engine.periods import add_months


@dataclass
class Topic:
    summary: str
    discussion: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    actions: list[tuple[str, str, int]] = field(default_factory=list)  # (role, text, due in days)
    tags: list[str] = field(default_factory=list)


@dataclass
class NoteContext:
    model: DemoModel
    month: date  # the month the meeting is held in
    day: date  # the meeting date
    back: int  # months before the current month
    rng: np.random.Generator

    def pick(self, *phrasings: str) -> str:
        return phrasings[int(self.rng.integers(0, len(phrasings)))]

    def who(self, role: str) -> str:
        return self.model.person(role)

    def first(self, role: str) -> str:
        return self.who(role).split()[0]

    def sold(self, sku: Sku, month: date) -> float | None:
        try:
            t = self.model.hist_months.index(month)
        except ValueError:
            return None
        return self.model.history[sku.code][t]

    @property
    def last_month(self) -> date:
        return add_months(self.month, -1)

    @property
    def next_month(self) -> date:
        return add_months(self.month, 1)

    def due(self, days: int) -> date:
        return self.day + timedelta(days=days)

    def promotions_in(self, month: date) -> list[dict]:
        return [
            e
            for e in self.model.events
            if e["kind"] == "promotion" and date.fromisoformat(e["start"]).replace(day=1) == month
        ]

    def target(self, event: dict) -> str:
        if event["sku"]:
            sku = self.model.sku(event["sku"])
            return f"{sku.code} ({sku.name})"
        return f"the {event['family']} family"

    def target_skus(self, event: dict) -> list[Sku]:
        return [s for s in self.model.skus if s.code == event["sku"] or s.family == event["family"]]

    def snapshot_total(self, skus: list[Sku], period: date, lag: int) -> float:
        codes = {s.code for s in skus}
        made_on = add_months(period, -lag).isoformat()
        label = f"{period:%Y-%m}"
        return sum(
            r["quantity"]
            for r in self.model.tables["forecast_snapshots"]
            if r["sku"] in codes and r["period"] == label and r["made_on"] == made_on
        )

    def kpi(self, metric: str, month: date) -> float | None:
        label = f"{month:%Y-%m}"
        return next(
            (
                r["value"]
                for r in self.model.tables["kpi_actuals"]
                if r["metric"] == metric and r["period"] == label
            ),
            None,
        )

    def budget(self, family: str, month: date) -> float | None:
        label = f"{month:%Y-%m}"
        return next(
            (
                r["revenue"]
                for r in self.model.tables["budget"]
                if r["family"] == family and r["period"] == label
            ),
            None,
        )

    def family_skus(self, family: str) -> list[Sku]:
        return [s for s in self.model.skus if s.family == family]

    @property
    def currency(self) -> str:
        return self.model.theme.currency


def units(value: float) -> str:
    return f"{round(value):,}"


def month_name(month: date) -> str:
    return f"{month:%B %Y}"


def pct(value: float) -> str:
    return f"{value:+.0f}%"
