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

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.errors import ContractError
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
    # sku, period, resource, demand_units, primary_units, spilled_units, unmet_units (``allocation``); a plan
    # cut out of another (``within``) gives a function that cuts it when first asked for
    _allocation: pd.DataFrame | Callable[[], pd.DataFrame]
    spills: pd.DataFrame  # sku, period, from_resource, to_resource, units, hours
    notes: list[str] = field(default_factory=list)
    rows: list[dict] | None = field(default=None, repr=False)  # ``capacity_rows`` of every resource, once
    # for ``within``: the (sku, period) of the demand > 0 of SKUs without routing, and per row of ``load``
    # whether the allocation has rows in that resource-month (demand routed there)
    unrouted: pd.DataFrame | None = field(default=None, repr=False)
    demand_cells: np.ndarray | None = field(default=None, repr=False)

    @property
    def allocation(self) -> pd.DataFrame:
        if callable(self._allocation):
            self._allocation = self._allocation()
        return self._allocation

    def constrained_supply(self) -> pd.DataFrame:
        """Units producible within capacity per sku and month (routed SKUs only)."""
        a = self.allocation
        return a.assign(constrained_units=a["demand_units"] - a["unmet_units"])[
            ["sku", "period", "demand_units", "constrained_units", "unmet_units"]
        ]

    def slack(self) -> pd.DataFrame:
        """Hours still free per resource and month after primary load and spills."""
        return self.load[["resource", "period", "slack_hours"]]

    def within(self, data: PlanData, months: list[date]) -> CapacityResult | None:
        """The plan of ``months`` (each of them among this plan's months), cut out of this one: what
        ``capacity_check`` over the same demand and ``months`` gives, row for row. None when this plan lacks
        one of the months: compute that plan instead.

        A month's allocation depends on that month alone (hours are shared per resource-month, spills go
        to slack of the same month, and the ranking is the same in any window), so a kept plan of a longer
        window answers every shorter one. Only what is counted over the window is counted again: the
        window's resources, its plants, and its notes."""
        periods = pd.DatetimeIndex([pd.Timestamp(m) for m in months])
        if self.unrouted is None or not periods.isin(self.load["period"].unique()).all():
            return None
        cap = _capacity_in(data, periods)
        in_window = self.load["period"].isin(periods).to_numpy()
        resources = set(cap["resource"]) | set(self.load["resource"][in_window & self.demand_cells])
        keep = in_window & self.load["resource"].isin(resources).to_numpy()
        load = self.load[keep].reset_index(drop=True)
        load["plant"] = _plants(load[["resource", "period"]], cap)
        spills = self.spills
        if not spills.empty:
            spills = spills[spills["period"].isin(periods)].reset_index(drop=True)
        unrouted = self.unrouted
        no_row = ~pd.MultiIndex.from_frame(load[["resource", "period"]]).isin(
            pd.MultiIndex.from_frame(cap[["resource", "period"]]))
        notes = _notes(unrouted.loc[unrouted["period"].isin(periods), "sku"].nunique(), load, no_row)

        def allocation() -> pd.DataFrame:
            return self.allocation[self.allocation["period"].isin(periods)].reset_index(drop=True)

        cut = CapacityResult(load, allocation, spills, notes, unrouted=unrouted, demand_cells=self.demand_cells[keep])
        # a row of ``capacity_rows`` depends on its resource and month only: the kept plan's rows, with
        # the plant this window gives
        plants = [p if isinstance(p, str) else None for p in load["plant"]]
        rows = iter(capacity_rows_of(self))
        cut.rows = []
        for resource, period, plant in zip(load["resource"], load["period"], plants, strict=True):
            row = next(r for r in rows if r["resource"] == resource and r["period"] == label(period))
            cut.rows.append(row if row["plant"] == plant else {**row, "plant": plant})
        return cut


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
    periods = pd.DatetimeIndex([pd.Timestamp(m) for m in months])
    routing = routing_table(data)
    primary = routing[routing["rank"] == 0][["sku", "resource", "hours_per_unit"]]
    dem, sku_rank, skus = _demand_by_sku_month(demand_long, periods)
    # join the primary routing by position, not by merge: same rows, same order as an inner merge
    at = pd.Index(primary["sku"]).get_indexer(skus)[sku_rank]
    routed = at >= 0
    unrouted = dem.loc[~routed & (dem["quantity"].to_numpy() > 0), ["sku", "period"]].reset_index(drop=True)
    req = dem[routed].reset_index(drop=True)
    sku_rank = sku_rank[routed]
    req["resource"] = primary["resource"].to_numpy()[at[routed]]
    req["hours_per_unit"] = primary["hours_per_unit"].to_numpy()[at[routed]]
    req["hours"] = req["quantity"] * req["hours_per_unit"]
    prices = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")
    margin = (prices["unit_price"] - prices["unit_cost"]).reindex(skus).to_numpy(float)[sku_rank]
    with np.errstate(divide="ignore", invalid="ignore"):
        req["margin_per_hour"] = np.where(
            req["hours_per_unit"] > 0, margin / req["hours_per_unit"].to_numpy(), np.inf
        )

    cap = _capacity_in(data, periods)
    resources = pd.Index(sorted(set(cap["resource"]) | set(pd.unique(req["resource"].to_numpy()))))
    grid = pd.MultiIndex.from_product([resources, periods], names=["resource", "period"]).to_frame(
        index=False
    )
    load = grid.merge(
        cap[["resource", "period", "available_hours", "plant"]], on=["resource", "period"], how="left"
    )
    load["plant"] = load["plant"].fillna(load["resource"].map(_first_plant(cap)))
    # integer (resource, month) keys: the load grid is resources x months in this order
    cell = resources.get_indexer(req["resource"]) * len(periods) + periods.get_indexer(req["period"])
    hours_per_cell = req["hours"].groupby(cell).sum()  # pandas' compensated sum, rows in the same order
    need = pd.DataFrame(
        {
            "resource": resources[hours_per_cell.index // len(periods)],
            "period": periods[hours_per_cell.index % len(periods)],
            "required_hours": hours_per_cell.to_numpy(),
        }
    )
    load = load.merge(need, on=["resource", "period"], how="left").fillna({"required_hours": 0.0})
    notes = _notes(unrouted["sku"].nunique(), load, load["available_hours"].isna().to_numpy())
    load["available_hours"] = load["available_hours"].fillna(0.0)

    # allocate each resource-month's hours by margin per hour (see ALLOCATION_RULE), vectorised; the load
    # grid has one row per resource-month (``_capacity_in`` refuses duplicated capacity rows)
    req["available_hours"] = load["available_hours"].to_numpy()[cell]
    req["_m"] = -np.nan_to_num(req["margin_per_hour"].to_numpy(float), nan=-np.inf)
    order = np.lexsort((sku_rank, req["hours"].to_numpy(), req["_m"].to_numpy(), cell))
    req, cell, sku_rank = req.iloc[order], cell[order], sku_rank[order]
    before = req["hours"].groupby(cell).cumsum() - req["hours"]
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
        n = len(periods)
        row_key = pd.Index(sku_rank * n + periods.get_indexer(req["period"]))
        moved_key = skus.get_indexer(moved.index.get_level_values(0)) * n + periods.get_indexer(
            moved.index.get_level_values(1)
        )
        spilled = np.zeros(len(req))
        spilled[row_key.get_indexer(moved_key)] = moved.to_numpy()
        req["spilled_units"] = spilled
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
    demand_cells = np.zeros(len(load), dtype=bool)
    demand_cells[np.unique(cell)] = True  # the load grid's rows are its (resource, month) cells
    return CapacityResult(load.drop(columns="used"), allocation, spills, notes, unrouted=unrouted,
                          demand_cells=demand_cells)


def _capacity_in(data: PlanData, periods: pd.DatetimeIndex) -> pd.DataFrame:
    """The capacity rows of ``periods`` (resource as text, period as a month start, plant always a column).
    Two rows for one resource and month break the contract (a loaded store never has them): an error."""
    cap = data.table("capacity").copy()
    cap["resource"] = cap["resource"].astype(str)
    cap["period"] = to_month(cap["period"])
    cap = cap[cap["period"].isin(periods)]
    if "plant" not in cap:
        cap["plant"] = None
    twice = cap[cap.duplicated(["resource", "period"])]
    if not twice.empty:
        first = twice.iloc[0]
        raise ContractError(
            f"capacity.csv: {len(twice)} resource-month(s) have more than one row, e.g. resource "
            f"{first['resource']!r}, period {label(first['period'])} (one row per resource and month)"
        )
    return cap


def _first_plant(cap: pd.DataFrame) -> pd.Series:
    """Each resource's first named plant in the window (for its months without a capacity row)."""
    return cap.dropna(subset=["plant"]).groupby("resource")["plant"].first()


def _plants(keys: pd.DataFrame, cap: pd.DataFrame) -> pd.Series:
    """The plant of each (resource, period) of ``keys``, as ``capacity_check`` sets it (one row per key)."""
    plant = keys.merge(cap[["resource", "period", "plant"]], on=["resource", "period"], how="left")["plant"]
    return plant.fillna(keys["resource"].map(_first_plant(cap))).to_numpy()


def _notes(unrouted: int, load: pd.DataFrame, no_row: np.ndarray) -> list[str]:
    """The notes of a window: SKUs with demand but no routing, resource-months with load but no capacity row
    (``no_row``: per row of ``load``)."""
    notes = []
    if unrouted:
        notes.append(f"{unrouted} SKU(s) with demand have no routing: not in the capacity check")
    missing = no_row & (load["required_hours"].to_numpy() > 0)
    if missing.any():
        notes.append(
            f"{int(missing.sum())} resource-month(s) have load but no capacity row: counted as 0 hours "
            f"available ({', '.join(sorted(load.loc[missing, 'resource'].unique())[:5])})"
        )
    return notes


def _demand_by_sku_month(
    demand_long: pd.DataFrame, periods: pd.DatetimeIndex
) -> tuple[pd.DataFrame, np.ndarray, pd.Index]:
    """(sku, period, quantity summed per sku and month, sorted by sku then month as a groupby gives;
    each row's position in the sorted SKU codes; those codes)."""
    dem = demand_long[demand_long["period"].isin(periods)][["sku", "period", "quantity"]]
    codes, uniques = pd.factorize(dem["sku"], sort=True)
    key = codes.astype(np.int64) * len(periods) + periods.get_indexer(dem["period"])
    order = np.argsort(key, kind="stable")
    if len(key) and (np.diff(key[order]) > 0).all():  # one row per sku-month: the sum is the value
        quantity = dem["quantity"].to_numpy(float)[order]
        summed = pd.DataFrame(
            {
                "sku": uniques[codes[order]],
                "period": periods[key[order] % len(periods)],
                "quantity": np.where(np.isnan(quantity), 0.0, quantity) + 0.0,  # as a groupby sum gives
            }
        )
        return summed, codes[order], pd.Index(uniques)
    summed = dem.groupby(["sku", "period"], as_index=False)["quantity"].sum()
    skus = pd.Index(uniques).sort_values()
    return summed, skus.get_indexer(summed["sku"]), skus


def _spill(req: pd.DataFrame, routing: pd.DataFrame, load: pd.DataFrame) -> pd.DataFrame:
    """Move unmet units to alternative resources with slack (mutates ``load`` slack and spill_in)."""
    short = req[req["unmet_units"] > 1e-9]
    alts = routing[routing["rank"] > 0]
    short = short[short["sku"].isin(alts["sku"])]
    if short.empty:
        return pd.DataFrame(columns=["sku", "period", "from_resource", "to_resource", "units", "hours"])
    where = {k: i for i, k in enumerate(zip(load["resource"], load["period"], strict=True))}
    # plain Python floats in the loop (numpy scalar indexing is ~10x slower; the arithmetic is the same)
    slack = load["slack_hours"].to_numpy(float).tolist()
    spill_in = load["spill_in_hours"].to_numpy(float).tolist()
    alt_by_sku: dict[str, list[tuple[str, float]]] = {}
    alts = alts[alts["sku"].isin(short["sku"])]
    for sku, resource, hpu in zip(alts["sku"], alts["resource"], alts["hours_per_unit"], strict=True):
        alt_by_sku.setdefault(sku, []).append((resource, float(hpu)))
    columns = ("sku", "period", "from_resource", "to_resource", "units", "hours")
    moved: dict[str, list] = {c: [] for c in columns}
    # only SKUs cut on an overloaded resource that have alternatives
    for sku, period, resource, unmet in zip(
        short["sku"].tolist(),
        short["period"].tolist(),
        short["resource"].tolist(),
        short["unmet_units"].tolist(),
        strict=True,
    ):
        for alt, hpu in alt_by_sku.get(sku, ()):
            i = where.get((alt, period))
            if i is None or slack[i] <= 1e-9 or unmet <= 1e-9:
                continue
            can = unmet if hpu <= 0 else min(unmet, slack[i] / hpu)
            slack[i] -= can * hpu
            spill_in[i] += can * hpu
            unmet -= can
            for c, v in zip(columns, (sku, period, resource, alt, can, can * hpu), strict=True):
                moved[c].append(v)
    load["slack_hours"] = np.array(slack, dtype=float)
    load["spill_in_hours"] = np.array(spill_in, dtype=float)
    if not moved["sku"]:
        return pd.DataFrame()
    return pd.DataFrame(moved)


def capacity_rows(result: CapacityResult, resources: set[str] | None = None, top: int = 5) -> list[dict]:
    """Document rows per resource and month; overloaded rows name the SKUs behind the load.

    A row depends on its resource and month only, so the rows of every resource are built once per
    result (a kept capacity plan serves many questions) and each call gets copies of those asked."""
    if top != 5:
        return _capacity_rows(result, resources, top)
    return [_copy_row(r) for r in capacity_rows_of(result) if resources is None or r["resource"] in resources]


def capacity_rows_of(result: CapacityResult) -> list[dict]:
    """The rows of every resource, built once per result and shared: do not change them."""
    if result.rows is None:
        result.rows = _capacity_rows(result, None, 5)
    return result.rows


def _copy_row(row: dict) -> dict:
    if "skus" not in row:
        return dict(row)
    return {**row, "skus": [{**s, "spilled_to": list(s["spilled_to"])} for s in row["skus"]]}


def _capacity_rows(result: CapacityResult, resources: set[str] | None, top: int) -> list[dict]:
    load = result.load if resources is None else result.load[result.load["resource"].isin(resources)]
    alloc = result.allocation
    spills = result.spills
    over = load.loc[load["overloaded"], ["resource", "period"]]
    # the allocation rows of overloaded resource-months, in allocation order (what an inner merge keeps),
    # found with integer keys instead of merging 70,000 rows on strings and dates
    res_index, per_index = pd.Index(over["resource"].unique()), pd.Index(over["period"].unique())
    res_code, per_code = res_index.get_indexer(alloc["resource"]), per_index.get_indexer(alloc["period"])
    over_code = res_index.get_indexer(over["resource"]) * len(per_index) + per_index.get_indexer(over["period"])
    hit = (res_code >= 0) & (per_code >= 0) & np.isin(res_code * len(per_index) + per_code, over_code)
    behind_all = alloc[hit].reset_index(drop=True).sort_values("hours", ascending=False, kind="mergesort")
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
