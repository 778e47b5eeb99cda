"""What-if scenarios: a change to demand, supply or capacity, applied to copies — never written.

A scenario (JSON text, a dict or a ``Scenario``; never a path: only the CLI reads a file, from its
user's shell)::

    {"demand_changes":   [{"sku": "A" | "family": "F", "pct": 20, "months": ["2026-12"]}],
     "supply_changes":   [{"ref": "PO-1", "delay_days": 30 | "quantity": 500 | "cancel": true}],
     "capacity_changes": [{"resource": "L1", "months": ["2027-01"], "available_hours": 300}],
     "driver_changes":   [{"driver": "ad_spend", "sku" | "family": ..., "pct": 30 | "value": 15000,
                           "months": ["2027-03"]}]}

``months`` omitted = every month. ``pct`` is a percentage (20 = +20%, -100 = no demand). Unknown SKU or
family -> UnknownProduct; unknown order ref or resource -> InvalidArgument naming the entry. A driver change
(``sop_engine.drivers.whatif``) moves demand through the effect recorded with the forecast (no refit); no
``sku``/``family`` = every SKU whose forecast has an effect of the driver.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from rapidfuzz import process

from sop_engine.errors import InvalidArgument
from sop_engine.limits import MAX_SCENARIO_CHANGES
from sop_engine.periods import parse_month
from sop_engine.plandata import PlanData
from sop_engine.planning.common import label, no_cyclic_gc, to_month
from sop_engine.planning.gaps import analyse_gaps, document_from
from sop_engine.planning.inputs import check_demand_frame
from sop_engine.products import resolve_scope


def _months(value: list[str] | None) -> list[str] | None:
    if value is None:
        return None
    try:
        return [label(parse_month(m)) for m in value]
    except InvalidArgument as exc:  # pydantic reports ValueError with the entry's location
        raise ValueError(exc.message) from None


class DemandChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sku: str | None = None
    family: str | None = None
    pct: float = Field(ge=-100, le=1000, description="percent change of demand, 20 = +20%")
    months: list[str] | None = None

    _check_months = field_validator("months")(classmethod(lambda cls, v: _months(v)))

    @model_validator(mode="after")
    def _one_target(self):
        if (self.sku is None) == (self.family is None):
            raise ValueError("give exactly one of sku or family")
        return self


class DriverChange(BaseModel):
    """A change to a demand driver's plan; demand follows through the forecast's recorded effect."""

    model_config = ConfigDict(extra="forbid")
    driver: str = Field(min_length=1, max_length=64)
    sku: str | None = None
    family: str | None = None
    pct: float | None = Field(default=None, ge=-100, le=1000, description="percent change of the plan, 30 = +30%")
    value: float | None = Field(default=None, description="the driver's value in those months")
    months: list[str] | None = None

    _check_months = field_validator("months")(classmethod(lambda cls, v: _months(v)))

    @model_validator(mode="after")
    def _one_each(self):
        if self.sku is not None and self.family is not None:
            raise ValueError("give at most one of sku or family (neither = every SKU whose forecast uses the driver)")
        if (self.pct is None) == (self.value is None):
            raise ValueError("give exactly one of pct or value")
        return self


class SupplyChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ref: str
    delay_days: int | None = None
    quantity: float | None = Field(default=None, ge=0)
    cancel: bool = False

    @model_validator(mode="after")
    def _one_effect(self):
        given = [self.delay_days is not None, self.quantity is not None, self.cancel]
        if sum(given) != 1:
            raise ValueError("give exactly one of delay_days, quantity or cancel: true")
        return self


class CapacityChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    resource: str
    months: list[str] | None = None
    available_hours: float = Field(ge=0)

    _check_months = field_validator("months")(classmethod(lambda cls, v: _months(v)))


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=200)
    demand_changes: list[DemandChange] = Field(default=[], max_length=MAX_SCENARIO_CHANGES)
    supply_changes: list[SupplyChange] = Field(default=[], max_length=MAX_SCENARIO_CHANGES)
    capacity_changes: list[CapacityChange] = Field(default=[], max_length=MAX_SCENARIO_CHANGES)
    driver_changes: list[DriverChange] = Field(default=[], max_length=MAX_SCENARIO_CHANGES)

    @model_validator(mode="after")
    def _bounded(self):
        count = (len(self.demand_changes) + len(self.supply_changes) + len(self.capacity_changes)
                 + len(self.driver_changes))
        if count > MAX_SCENARIO_CHANGES:
            raise ValueError(f"a scenario holds at most {MAX_SCENARIO_CHANGES} changes; this one has {count}")
        return self


NOT_AN_OBJECT = ("scenario must be a JSON object with demand_changes, supply_changes, capacity_changes and/or "
                 "driver_changes, "
                 'e.g. {"demand_changes": [{"family": "F", "pct": 20}]}')


def parse_scenario(value: str | dict | Scenario) -> Scenario:
    """Read a scenario from JSON text, a dict or a Scenario; precise errors.

    A string is always JSON, never a file name: no file is opened because an argument named it, and the
    error does not say whether such a file exists.
    """
    if isinstance(value, Scenario):
        return value
    if not isinstance(value, str | dict) or (isinstance(value, str) and not value.lstrip().startswith("{")):
        raise InvalidArgument(NOT_AN_OBJECT)
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise InvalidArgument(
                f"scenario is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
            ) from None
    if not isinstance(value, dict):
        raise InvalidArgument(NOT_AN_OBJECT)
    try:
        return Scenario.model_validate(value)
    except ValidationError as exc:
        details = [f"scenario.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise InvalidArgument("invalid scenario: " + "; ".join(details), details) from None


def scenario_input(parsed: Scenario) -> dict:
    """The scenario as read back in a document (``driver_changes`` only when it has some)."""
    doc = parsed.model_dump(exclude_none=True)
    if not doc.get("driver_changes"):
        doc.pop("driver_changes", None)
    return doc


def apply_demand_changes(data: PlanData, demand: pd.DataFrame, scenario: Scenario) -> pd.DataFrame:
    """A copy of ``demand`` with the scenario's ``demand_changes`` (percentages) applied."""
    demand = demand.copy()
    for ch in scenario.demand_changes:
        skus = resolve_scope(data.products, sku=ch.sku, family=ch.family)
        mask = demand["sku"].isin(skus)
        if ch.months is not None:
            mask &= demand["period"].isin(pd.to_datetime([f"{m}-01" for m in ch.months]))
        factor = 1 + ch.pct / 100.0
        cols = [c for c in ("forecast", "lo_80", "hi_80", "lo_95", "hi_95") if c in demand]
        demand.loc[mask, cols] = demand.loc[mask, cols] * factor
    return demand


def apply_scenario(data: PlanData, demand: pd.DataFrame, scenario: Scenario,
                   effects: pd.DataFrame | None = None) -> tuple[PlanData, pd.DataFrame]:
    """New (PlanData, demand) with the scenario applied; the inputs are left untouched. ``effects``: the
    demand drivers' recorded effects of the forecast versions ``demand`` comes from (for ``driver_changes``)."""
    demand = apply_demand_changes(data, check_demand_frame(demand), scenario)
    if scenario.driver_changes:
        from sop_engine.drivers.whatif import apply_driver_changes

        empty = pd.DataFrame(columns=["sku", "driver", "coef", "coef_next", "planned"])
        demand, _ = apply_driver_changes(demand, effects if effects is not None else empty,
                                         scenario.driver_changes, data.products)
    tables = dict(data.tables)
    if scenario.supply_changes:
        supply = data.table("supply").copy()
        refs = supply["ref"].astype(str)
        drop = pd.Series(False, index=supply.index)
        for k, ch in enumerate(scenario.supply_changes):
            hit = refs == ch.ref
            if not hit.any():
                close = [c for c, _, _ in process.extract(ch.ref, refs.dropna().unique().tolist(), limit=3)]
                hint = f"; closest: {', '.join(close)}" if close else ""
                raise InvalidArgument(f"scenario.supply_changes.{k}.ref: no open order '{ch.ref}'{hint}")
            if ch.cancel:
                drop |= hit
            elif ch.quantity is not None:
                supply.loc[hit, "quantity"] = float(ch.quantity)
            else:
                supply.loc[hit, "due_date"] = supply.loc[hit, "due_date"] + pd.Timedelta(days=ch.delay_days)
        tables["supply"] = supply[~drop].reset_index(drop=True)
    if scenario.capacity_changes:
        cap = data.table("capacity").copy()
        cap["period"] = to_month(cap["period"])
        known = set(cap["resource"].astype(str))
        for k, ch in enumerate(scenario.capacity_changes):
            if ch.resource not in known:
                close = [c for c, _, _ in process.extract(ch.resource, sorted(known), limit=3)]
                hint = f"; closest: {', '.join(close)}" if close else "; no capacity data loaded"
                raise InvalidArgument(
                    f"scenario.capacity_changes.{k}.resource: no resource '{ch.resource}'{hint}"
                )
            rows = cap["resource"].astype(str) == ch.resource
            if ch.months is None:
                cap.loc[rows, "available_hours"] = ch.available_hours
                continue
            plant = cap.loc[rows, "plant"].dropna().iloc[0] if cap.loc[rows, "plant"].notna().any() else None
            for m in ch.months:
                when = pd.Timestamp(f"{m}-01")
                hit = rows & (cap["period"] == when)
                if hit.any():
                    cap.loc[hit, "available_hours"] = ch.available_hours
                else:
                    cap = pd.concat(
                        [
                            cap,
                            pd.DataFrame(
                                [
                                    {
                                        "resource": ch.resource,
                                        "period": when,
                                        "available_hours": ch.available_hours,
                                        "plant": plant,
                                    }
                                ]
                            ),
                        ],
                        ignore_index=True,
                    )
                    rows = cap["resource"].astype(str) == ch.resource
        tables["capacity"] = cap
    changed = PlanData(
        planning_date=data.planning_date, company=data.company, tables=tables, provided=set(data.provided)
    )
    return changed, demand


def what_if_document(
    data: PlanData,
    demand: pd.DataFrame,
    demand_source: dict,
    scenario: str | dict | Scenario,
    *,
    sku: str | None = None,
    family: str | None = None,
    months: int | None = None,
    period: str | date | None = None,
    with_cover_options: bool = False,
    effects: pd.DataFrame | None = None,
    checked: bool = False,
    capacity_cache=None,
    index=None,
) -> dict:
    """Base and scenario gap documents side by side, with per-SKU deltas (``changes``).

    ``checked``, ``capacity_cache`` and ``index``: see ``analyse_gaps``; the base reuses a kept capacity
    plan, and so does a scenario that changes only supply (capacity needs demand, routing and hours).

    ``changes`` lists the SKUs whose total_shortage, first_short_period or stockout_probability moved:
    {sku, total_shortage_base, total_shortage_scenario, delta, first_short_period_base/_scenario,
    stockout_probability_base/_scenario}, largest |delta| first.
    """
    parsed = parse_scenario(scenario)
    changed_data, changed_demand = apply_scenario(data, demand, parsed, effects)
    driver_results = None
    if parsed.driver_changes:
        from sop_engine.drivers.whatif import apply_driver_changes, side_by_side

        _, driver_results = apply_driver_changes(check_demand_frame(demand), effects if effects is not None else
                                                 pd.DataFrame(columns=["sku", "driver"]), parsed.driver_changes,
                                                 data.products)
    skus = resolve_scope(data.products, sku=sku, family=family, index=index)
    base_result = analyse_gaps(data, demand, skus=skus, months=months, period=period, checked=checked,
                               capacity_cache=capacity_cache)
    same_capacity = not parsed.demand_changes and not parsed.capacity_changes and not parsed.driver_changes
    after_result = analyse_gaps(changed_data, changed_demand, skus=skus, months=months, period=period, checked=True,
                                capacity_cache=capacity_cache if same_capacity else None)
    with no_cyclic_gc():
        base = document_from(base_result, data, demand_source, with_cover_options)
        after = document_from(after_result, changed_data, demand_source, with_cover_options)
    before = {s["sku"]: s for s in base["skus"]}
    changes = []
    for s in after["skus"]:
        b = before[s["sku"]]
        keys = ("total_shortage", "first_short_period", "stockout_probability")
        if any(b[k] != s[k] for k in keys) or any(
            bp["projected_balance"] != sp["projected_balance"]
            for bp, sp in zip(b["periods"], s["periods"], strict=True)
        ):
            changes.append(
                {
                    "sku": s["sku"],
                    "name": s["name"],
                    "family": s["family"],
                    **{f"{k}_base": b[k] for k in keys},
                    **{f"{k}_scenario": s[k] for k in keys},
                    "delta": round(s["total_shortage"] - b["total_shortage"], 1),
                }
            )
    changes.sort(key=lambda c: (-abs(c["delta"]), c["sku"]))
    doc = {
        "base": base,
        "scenario": after,
        "changes": changes,
        "scenario_input": scenario_input(parsed),
    }
    if driver_results is not None:
        doc["driver_results"] = driver_results
        doc["demand_comparison"] = side_by_side(check_demand_frame(demand)[lambda d: d["sku"].isin(skus)],
                                                changed_demand[changed_demand["sku"].isin(skus)])
    return doc
