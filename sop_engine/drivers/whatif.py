"""What-ifs on demand drivers: a scenario's ``driver_changes`` applied through the stored fitted response.

A change ``{"driver": "ad_spend", "sku" | "family": ..., "pct": 30 | "value": 15000, "months": ["2027-03"]}``
(neither ``sku`` nor ``family`` = every SKU whose forecast has an effect of the driver; ``months`` omitted =
every planned month) sets the driver's planned value of each month to ``plan · (1 + pct/100)`` or to
``value``. Demand moves by ``coef · Δx[t] + coef_next · Δx[t-1]`` units: the response recorded with the
forecast version (``forecast_driver_effects``), so nothing is refitted, and spending more in March moves
April too where the driver carries over. Bounds move with the forecast; demand stays >= 0. SKUs named but
without an effect of the driver, and months without a plan, are listed as unchanged with the reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz import process

from sop_engine.drivers.series import driver_label
from sop_engine.errors import InvalidArgument
from sop_engine.periods import add_months, format_period, parse_month
from sop_engine.products import resolve_scope

BOUNDS = ("lo_80", "hi_80", "lo_95", "hi_95")


def _next_month(label: str) -> str:
    return format_period(add_months(parse_month(label), 1))


def apply_driver_changes(demand: pd.DataFrame, effects: pd.DataFrame, changes, products: pd.DataFrame
                         ) -> tuple[pd.DataFrame, list[dict]]:
    """(demand with the changes applied, one report per change). ``effects``: sku, driver, coef, coef_next,
    planned (the effects of the versions ``demand`` comes from)."""
    demand = demand.copy()
    known = sorted(set(effects["driver"])) if not effects.empty else []
    month_of = demand["period"].dt.strftime("%Y-%m")
    reports = []
    for k, ch in enumerate(changes):
        if ch.driver not in known:
            close = [c for c, _, _ in process.extract(ch.driver, known, limit=3)] if known else []
            hint = f"; drivers with an effect: {', '.join(close)}" if close else "; no forecast uses a driver"
            raise InvalidArgument(f"scenario.driver_changes.{k}.driver: no effect of '{ch.driver}' in the "
                                  f"forecast{hint}")
        rows = effects[effects["driver"] == ch.driver]
        if ch.sku is not None or ch.family is not None:
            targets = resolve_scope(products, sku=ch.sku, family=ch.family)
        else:
            targets = sorted(rows["sku"])
        with_effect = rows[rows["sku"].isin(targets)]
        moved, units, no_plan = [], 0.0, set()
        for effect in with_effect.itertuples(index=False):
            planned = effect.planned or {}
            months = ch.months if ch.months is not None else sorted(planned)
            delta_x = {}
            for m in months:
                if m not in planned:
                    no_plan.add(m)
                    continue
                new = ch.value if ch.value is not None else planned[m] * (1 + ch.pct / 100.0)
                delta_x[m] = new - planned[m]
            delta_y: dict[str, float] = {}
            for m, dx in delta_x.items():
                delta_y[m] = delta_y.get(m, 0.0) + effect.coef * dx
                nxt = _next_month(m)
                delta_y[nxt] = delta_y.get(nxt, 0.0) + effect.coef_next * dx
            mask = (demand["sku"] == effect.sku).to_numpy()
            shift = np.where(mask, month_of.map(delta_y).fillna(0.0).to_numpy(dtype=float), 0.0)
            if not shift.any():
                continue
            before = demand["forecast"].to_numpy(dtype=float)
            after = np.maximum(before + shift, 0.0)
            demand["forecast"] = after
            for col in BOUNDS:
                if col in demand:
                    demand[col] = np.maximum(demand[col].to_numpy(dtype=float) + shift, 0.0)
            units += float((after - before).sum())
            moved.append(effect.sku)
        unmoved = [s for s in targets if s not in set(with_effect["sku"])]
        report = {"driver": ch.driver, "label": driver_label(ch.driver), "skus_changed": len(moved),
                  "units_change": round(units, 1), "skus": moved[:50]}
        if unmoved:
            report["skus_without_effect"] = unmoved[:50]
            report["skus_without_effect_count"] = len(unmoved)
        if no_plan:
            report["months_without_plan"] = sorted(no_plan)
        reports.append(report)
    return demand, reports


def side_by_side(base: pd.DataFrame, changed: pd.DataFrame) -> dict:
    """Per month and per SKU, base and scenario units (only SKUs that changed)."""
    both = base[["sku", "period", "forecast"]].merge(changed[["sku", "period", "forecast"]], on=["sku", "period"],
                                                     suffixes=("_base", "_scenario"))
    months = both.groupby("period", as_index=False)[["forecast_base", "forecast_scenario"]].sum()
    per_sku = both.groupby("sku", as_index=False)[["forecast_base", "forecast_scenario"]].sum()
    per_sku = per_sku[(per_sku["forecast_scenario"] - per_sku["forecast_base"]).abs() > 1e-6]
    return {
        "months": [{"period": format_period(r.period), "base": round(r.forecast_base, 1),
                    "scenario": round(r.forecast_scenario, 1),
                    "change": round(r.forecast_scenario - r.forecast_base, 1)} for r in months.itertuples()],
        "skus": [{"sku": r.sku, "base": round(r.forecast_base, 1), "scenario": round(r.forecast_scenario, 1),
                  "change": round(r.forecast_scenario - r.forecast_base, 1)} for r in per_sku.itertuples()],
    }


def scenario_forecast(plan, values: pd.DataFrame, driven, scenario) -> tuple[pd.DataFrame, dict]:
    """A run's values with a scenario's demand and driver changes applied (``sop forecast run --scenario``).
    Supply and capacity changes do not change a forecast: they are refused here."""
    from sop_engine.planning.scenario import apply_demand_changes, parse_scenario, scenario_input

    parsed = parse_scenario(scenario)
    if parsed.supply_changes or parsed.capacity_changes:
        raise InvalidArgument("a forecast scenario changes demand only (demand_changes, driver_changes); "
                              "supply and capacity changes belong to `sop gaps --scenario`")
    changed = apply_demand_changes(plan, values, parsed)
    reports: list[dict] = []
    if parsed.driver_changes:
        effects = driven.effects if driven is not None else pd.DataFrame(columns=["sku", "driver"])
        changed, reports = apply_driver_changes(changed, effects, parsed.driver_changes, plan.products)
    return changed, {**scenario_input(parsed), "driver_results": reports}
