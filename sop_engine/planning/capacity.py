"""Capacity check: required hours per resource and month against available hours.

Required hours = demand x hours_per_unit on the SKU's primary resource (its first ``routing.csv`` row).

ALLOCATION_RULE — how scarce hours are shared when a resource-month is overloaded: SKUs are served in
order of contribution margin per hour of that resource, ``(unit_price - unit_cost) / hours_per_unit``,
highest first (SKUs without price or cost last, then the SKU needing fewer hours first, then by code).
Each gets its full hours while hours remain; the SKU at the cut gets the remainder. The units that did
not fit then spill, in the same order, to the SKU's alternative resources (further routing rows, in
their file order) up to those resources' slack (available - required) in the same month. What is still
left is ``unmet_units``. Hours are a profit-maximising use of a bottleneck: a margin-per-hour ranking is
the classic greedy answer for one constraint.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.plandata import PlanData
from sop_engine.planning.common import label, ratio, to_month, units

ALLOCATION_RULE = (
    "overloaded hours go to SKUs by contribution margin per hour ((unit_price - unit_cost) / "
    "hours_per_unit), highest first; units that do not fit spill to the SKU's alternative resources "
    "with slack, in routing order"
)


@dataclass
class CapacityResult:
    load: pd.DataFrame  # resource, period, plant, available_hours, required_hours, spill_in_hours, ...
    allocation: pd.DataFrame  # sku, period, resource, demand_units, primary_units, spilled_units, unmet_units
    spills: pd.DataFrame  # sku, period, from_resource, to_resource, units, hours
    notes: list[str] = field(default_factory=list)

    def constrained_supply(self) -> pd.DataFrame:
        """Units producible within capacity per sku and month (routed SKUs only)."""
        a = self.allocation
        return a.assign(constrained_units=a["demand_units"] - a["unmet_units"])[
            ["sku", "period", "demand_units", "constrained_units", "unmet_units"]
        ]

    def slack(self) -> pd.DataFrame:
        """Hours still free per resource and month after primary load and spills."""
        return self.load[["resource", "period", "slack_hours"]]


def routing_table(data: PlanData) -> pd.DataFrame:
    r = data.table("routing").copy()
    r["sku"] = r["sku"].astype(str)
    r["resource"] = r["resource"].astype(str)
    r["rank"] = r.groupby("sku").cumcount()  # 0 = primary
    return r


def capacity_check(data: PlanData, demand_long: pd.DataFrame, months: list[date]) -> CapacityResult | None:
    """Check ``demand_long`` (sku, period, quantity) against capacity over ``months``.

    None (with nothing to check) when capacity.csv or routing.csv is missing; the caller writes the note.
    """
    if not (data.has("capacity") and data.has("routing")):
        return None
    notes: list[str] = []
    periods = pd.DatetimeIndex([pd.Timestamp(m) for m in months])
    routing = routing_table(data)
    primary = routing[routing["rank"] == 0][["sku", "resource", "hours_per_unit"]]
    dem = demand_long[demand_long["period"].isin(periods)][["sku", "period", "quantity"]]
    dem = dem.groupby(["sku", "period"], as_index=False)["quantity"].sum()
    req = dem.merge(primary, on="sku", how="inner")
    unrouted = dem.loc[~dem["sku"].isin(primary["sku"]) & (dem["quantity"] > 0), "sku"].nunique()
    if unrouted:
        notes.append(f"{unrouted} SKU(s) with demand have no routing: not in the capacity check")
    req["hours"] = req["quantity"] * req["hours_per_unit"]
    prices = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")
    margin = (prices["unit_price"] - prices["unit_cost"]).reindex(req["sku"]).to_numpy(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        req["margin_per_hour"] = np.where(
            req["hours_per_unit"] > 0, margin / req["hours_per_unit"].to_numpy(), np.inf
        )

    cap = data.table("capacity").copy()
    cap["resource"] = cap["resource"].astype(str)
    cap["period"] = to_month(cap["period"])
    cap = cap[cap["period"].isin(periods)]
    if "plant" not in cap:
        cap["plant"] = None
    resources = pd.Index(sorted(set(cap["resource"]) | set(req["resource"])))
    grid = pd.MultiIndex.from_product([resources, periods], names=["resource", "period"]).to_frame(
        index=False
    )
    load = grid.merge(
        cap[["resource", "period", "available_hours", "plant"]], on=["resource", "period"], how="left"
    )
    plant = cap.dropna(subset=["plant"]).groupby("resource")["plant"].first()
    load["plant"] = load["plant"].fillna(load["resource"].map(plant))
    need = (
        req.groupby(["resource", "period"], as_index=False)["hours"]
        .sum()
        .rename(columns={"hours": "required_hours"})
    )
    load = load.merge(need, on=["resource", "period"], how="left").fillna({"required_hours": 0.0})
    missing = load["available_hours"].isna() & (load["required_hours"] > 0)
    if missing.any():
        notes.append(
            f"{int(missing.sum())} resource-month(s) have load but no capacity row: counted as 0 hours "
            f"available ({', '.join(sorted(load.loc[missing, 'resource'].unique())[:5])})"
        )
    load["available_hours"] = load["available_hours"].fillna(0.0)

    # allocate each resource-month's hours by margin per hour (see ALLOCATION_RULE), vectorised
    req = req.merge(load[["resource", "period", "available_hours"]], on=["resource", "period"], how="left")
    req["_m"] = -np.nan_to_num(req["margin_per_hour"].to_numpy(float), nan=-np.inf)
    req = req.sort_values(["resource", "period", "_m", "hours", "sku"], kind="mergesort")
    before = req.groupby(["resource", "period"])["hours"].cumsum() - req["hours"]
    granted = np.clip(req["available_hours"] - before, 0.0, req["hours"])
    with np.errstate(divide="ignore", invalid="ignore"):
        req["primary_units"] = np.where(
            req["hours_per_unit"] > 0, granted / req["hours_per_unit"], req["quantity"]
        )
    req["unmet_units"] = (req["quantity"] - req["primary_units"]).clip(lower=0.0)
    req["spilled_units"] = 0.0
    load = load.assign(used=np.minimum(load["available_hours"], load["required_hours"]))
    load["slack_hours"] = load["available_hours"] - load["used"]
    load["spill_in_hours"] = 0.0

    spills = _spill(req, routing, load)
    if not spills.empty:
        moved = spills.groupby(["sku", "period"])["units"].sum()
        key = pd.MultiIndex.from_frame(req[["sku", "period"]])
        req["spilled_units"] = moved.reindex(key).fillna(0.0).to_numpy()
        req["unmet_units"] = (req["unmet_units"] - req["spilled_units"]).clip(lower=0.0)
    load["overloaded"] = load["required_hours"] > load["available_hours"] + 1e-9
    load["overload_hours"] = (load["required_hours"] - load["available_hours"]).clip(lower=0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        load["utilization"] = np.where(
            load["available_hours"] > 0,
            (load["required_hours"] + load["spill_in_hours"]) / load["available_hours"],
            np.nan,
        )
    allocation = req.rename(columns={"quantity": "demand_units"})[
        [
            "sku",
            "period",
            "resource",
            "demand_units",
            "hours",
            "hours_per_unit",
            "margin_per_hour",
            "primary_units",
            "spilled_units",
            "unmet_units",
        ]
    ].reset_index(drop=True)
    return CapacityResult(load.drop(columns="used"), allocation, spills, notes)


def _spill(req: pd.DataFrame, routing: pd.DataFrame, load: pd.DataFrame) -> pd.DataFrame:
    """Move unmet units to alternative resources with slack (mutates ``load`` slack and spill_in)."""
    short = req[req["unmet_units"] > 1e-9]
    alts = routing[routing["rank"] > 0]
    short = short[short["sku"].isin(alts["sku"])]
    rows: list[dict] = []
    if short.empty:
        return pd.DataFrame(columns=["sku", "period", "from_resource", "to_resource", "units", "hours"])
    where = {k: i for i, k in enumerate(zip(load["resource"], load["period"], strict=True))}
    slack = load["slack_hours"].to_numpy(float).copy()
    spill_in = load["spill_in_hours"].to_numpy(float).copy()
    alt_by_sku: dict[str, list[tuple[str, float]]] = {}
    alts = alts[alts["sku"].isin(short["sku"])]
    for sku, resource, hpu in zip(alts["sku"], alts["resource"], alts["hours_per_unit"], strict=True):
        alt_by_sku.setdefault(sku, []).append((resource, float(hpu)))
    # few rows: only SKUs cut on an overloaded resource that have alternatives
    for sku, period, resource, unmet in short[["sku", "period", "resource", "unmet_units"]].itertuples(
        index=False
    ):
        for alt, hpu in alt_by_sku.get(sku, ()):
            i = where.get((alt, period))
            if i is None or slack[i] <= 1e-9 or unmet <= 1e-9:
                continue
            can = unmet if hpu <= 0 else min(unmet, slack[i] / hpu)
            slack[i] -= can * hpu
            spill_in[i] += can * hpu
            unmet -= can
            rows.append(
                {
                    "sku": sku,
                    "period": period,
                    "from_resource": resource,
                    "to_resource": alt,
                    "units": can,
                    "hours": can * hpu,
                }
            )
    load["slack_hours"] = slack
    load["spill_in_hours"] = spill_in
    return pd.DataFrame(rows)


def capacity_rows(result: CapacityResult, resources: set[str] | None = None, top: int = 5) -> list[dict]:
    """Document rows per resource and month; overloaded rows name the SKUs behind the load."""
    load = result.load if resources is None else result.load[result.load["resource"].isin(resources)]
    alloc = result.allocation
    spills = result.spills
    over = load.loc[load["overloaded"], ["resource", "period"]]
    behind_all = alloc.merge(over, on=["resource", "period"]).sort_values(
        "hours", ascending=False, kind="mergesort"
    )
    behind_all = behind_all.groupby(["resource", "period"], sort=False).head(top)
    behind_by: dict[tuple, list] = {}
    for a in behind_all.itertuples(index=False):
        behind_by.setdefault((a.resource, a.period), []).append(a)
    spill_to: dict[tuple, set] = {}
    if not spills.empty:
        shown = spills[spills["sku"].isin(set(behind_all["sku"]))]
        for key_sku, key_period, to in zip(shown["sku"], shown["period"], shown["to_resource"], strict=True):
            spill_to.setdefault((key_sku, key_period), set()).add(to)
    out = []
    for r in load.sort_values(["resource", "period"]).itertuples(index=False):
        row = {
            "resource": r.resource,
            "plant": r.plant if isinstance(r.plant, str) else None,
            "period": label(r.period),
            "available_hours": units(r.available_hours),
            "required_hours": units(r.required_hours),
            "spill_in_hours": units(r.spill_in_hours),
            "utilization": ratio(r.utilization),
            "overloaded": bool(r.overloaded),
            "overload_hours": units(r.overload_hours),
        }
        if r.overloaded:
            behind = behind_by.get((r.resource, r.period), [])
            row["skus"] = [
                {
                    "sku": a.sku,
                    "required_hours": units(a.hours),
                    "demand_units": units(a.demand_units),
                    "allocated_units": units(a.primary_units),
                    "spilled_units": units(a.spilled_units),
                    "unmet_units": units(a.unmet_units),
                    "spilled_to": sorted(spill_to.get((a.sku, a.period), ())),
                }
                for a in behind
            ]
            row["allocation_rule"] = ALLOCATION_RULE
        out.append(row)
    return out
