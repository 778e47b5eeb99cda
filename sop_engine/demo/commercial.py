"""The commercial and performance tables of the demo company: sales plan, budget, customer orders,
legacy forecast snapshots and KPI actuals."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np

from sop_engine.demo.catalog import (
    DISCONTINUED,
    FAMILY_PROMO_FAMILY,
    FAMILY_PROMO_OFFSET,
    FUTURE_PROMO_OFFSET,
    OVERPLANNED,
    SHORT_ALLOCATED,
    SHORT_LATE_PO,
    SHORT_PROMO,
    DemoModel,
)
from sop_engine.demo.history import baseline_demand
from sop_engine.periods import add_months, month_range

PLAN_MONTHS = 12
OVERPLAN_PCT = 40
FAMILY_PLAN_BIAS = (3, -2, 6, 0, 25)  # % the marketing family plan sits above the baseline, per family
FORECAST_BIAS = (6, -4, 9, 2, 14)  # % the legacy forecast over-forecasts, per family
BUDGET_STRETCH = 1.06


def _period(month: date) -> str:
    return f"{month:%Y-%m}"


def build_commercial(model: DemoModel) -> None:
    model.tables["sales_plan"] = _sales_plan(model)
    model.tables["budget"] = _budget(model)
    model.tables["orders"] = _orders(model)
    model.tables["forecast_snapshots"] = _forecast_snapshots(model)
    model.tables["kpi_actuals"] = _kpi_actuals(model)


def _sales_plan(model: DemoModel) -> list[dict]:
    rng = model.rng(6)
    months = month_range(model.current, PLAN_MONTHS)
    demand = baseline_demand(model, months)
    customers = model.theme.customers
    rows: list[dict] = []
    planned = [s for s in model.skus if s.item in (0, 1) and s.variant == 0 and s.role != DISCONTINUED]
    model.facts["overplan"] = {}
    for i, sku in enumerate(planned):
        if sku.role == OVERPLANNED:
            bias, note = OVERPLAN_PCT, f"new listing at {customers[i % len(customers)]}"
            model.facts["overplan"][sku.code] = customers[i % len(customers)]
        else:
            bias, note = int(rng.integers(-6, 7)), ""
        for m, month in enumerate(months):
            qty = demand[sku.code][m] * (1 + bias / 100)
            row_note = note
            if sku.role == SHORT_PROMO and m == FUTURE_PROMO_OFFSET:
                row_note = f"{model.facts['promo_event']['name']} promotion (+50%)"
            rows.append(
                {
                    "period": _period(month),
                    "quantity": float(round(qty)),
                    "sku": sku.code,
                    "family": "",
                    "source": "sales",
                    "note": row_note,
                }
            )
    for f, family in enumerate(model.theme.families):
        members = [s for s in model.skus if s.family == family.name and s.role != DISCONTINUED]
        for m, month in enumerate(months):
            qty = sum(demand[s.code][m] for s in members) * (1 + FAMILY_PLAN_BIAS[f] / 100)
            note = ""
            if f == FAMILY_PROMO_FAMILY and m == FAMILY_PROMO_OFFSET:
                note = f"{model.facts['family_promo_event']['name']} promotion (+25%)"
            rows.append(
                {
                    "period": _period(month),
                    "quantity": float(round(qty)),
                    "sku": "",
                    "family": family.name,
                    "source": "marketing",
                    "note": note,
                }
            )
    return rows


def _budget(model: DemoModel) -> list[dict]:
    year = model.planning_date.year
    months = month_range(date(year, 1, 1), 24)
    demand = baseline_demand(model, months, with_promotions=False)
    rows = []
    for family in model.theme.families:
        members = [s for s in model.skus if s.family == family.name and s.role != DISCONTINUED]
        for m, month in enumerate(months):
            growth = BUDGET_STRETCH if month.year == year else BUDGET_STRETCH * 1.05
            revenue = sum(demand[s.code][m] * s.price for s in members) * growth
            rows.append(
                {"period": _period(month), "revenue": float(round(revenue, -2)), "family": family.name}
            )
    return rows


def _orders(model: DemoModel) -> list[dict]:
    """Customer order lines of the last 12 months; a few late or short, more so on the troubled SKUs."""
    rng = model.rng(7)
    customers = model.theme.customers
    rows: list[dict] = []
    number = 50000
    troubled = {model.one(SHORT_ALLOCATED).code: "short", model.one(SHORT_LATE_PO).code: "late"}
    for t, month in enumerate(model.hist_months[-12:]):
        recent = t >= 10
        last = calendar.monthrange(month.year, month.month)[1]
        for sku in model.skus:
            qty_month = model.history[sku.code][-12 + t]
            if not qty_month:
                continue
            n_lines = int(rng.integers(2, 5)) if qty_month > 200 else 1
            shares = rng.dirichlet(np.ones(n_lines))
            for share in shares:
                number += int(rng.integers(1, 4))
                order_date = date(month.year, month.month, int(rng.integers(1, last + 1)))
                requested = order_date + timedelta(days=int(rng.integers(3, 15)))
                qty = float(max(1, round(qty_month * share)))
                late_p = 0.5 if recent and troubled.get(sku.code) == "late" else 0.1
                short_p = 0.5 if recent and troubled.get(sku.code) == "short" else 0.06
                ship = requested - timedelta(days=int(rng.integers(0, 3)))
                if rng.random() < late_p:
                    ship = requested + timedelta(days=int(rng.integers(1, 13)))
                shipped = (
                    float(round(qty * float(rng.uniform(0.55, 0.95)))) if rng.random() < short_p else qty
                )
                row = {
                    "order_id": f"SO-{number}",
                    "sku": sku.code,
                    "order_date": order_date.isoformat(),
                    "requested_date": requested.isoformat(),
                    "quantity": qty,
                    "shipped_quantity": shipped,
                    "ship_date": ship.isoformat(),
                    "customer": customers[int(rng.integers(0, len(customers)))],
                }
                if ship >= model.planning_date:  # not shipped yet: an open order line
                    row["shipped_quantity"], row["ship_date"] = "", ""
                rows.append(row)
    return rows


def _forecast_snapshots(model: DemoModel) -> list[dict]:
    """What a legacy tool forecast 1-3 months ahead for each of the last 12 months: actual x bias x noise."""
    rng = model.rng(8)
    rows = []
    for t, month in enumerate(model.hist_months[-12:]):
        for sku in model.skus:
            actual = model.history[sku.code][-12 + t]
            if actual is None:
                continue
            if actual == 0:
                sold = [q for q in model.history[sku.code] if q]
                actual = 0.4 * float(np.mean(sold)) if sold else 0.0
            for lag in (1, 2, 3):
                made_on = add_months(month, -lag)
                bias = 1 + FORECAST_BIAS[sku.family_index] / 100
                qty = actual * bias * float(rng.lognormal(0, 0.07 + 0.05 * lag))
                rows.append(
                    {
                        "sku": sku.code,
                        "made_on": made_on.isoformat(),
                        "period": _period(month),
                        "quantity": float(round(qty)),
                        "source": "legacy",
                    }
                )
    return rows


def _kpi_actuals(model: DemoModel) -> list[dict]:
    rng = model.rng(9)
    rows = []
    for metric, unit, start, drift, sd, decimals in model.theme.kpis:
        for t, month in enumerate(model.hist_months[-12:]):
            value = start + drift * t + float(rng.normal(0, sd))
            rows.append(
                {
                    "metric": metric,
                    "period": _period(month),
                    "value": round(value, decimals),
                    "dimension": model.theme.channel_words[1],
                    "unit": unit,
                }
            )
    return rows
