"""What a long-running process keeps between questions, per store version, and how it refreshes it.

A server answers many questions between two writes. Per version of the store (``PlanStore.cached``, which
any write of the matching kind invalidates) it keeps:

- the published demand, refreshed by what changed: after a publish only the SKUs whose published
  version changed are read again, and overrides (a small table) are re-applied; another company's load
  reads everything again;
- the demand checked for the planning engine, and the product index that resolves ``--sku``/``--family``;
- the capacity plan of each projection window: the allocation of scarce hours ranks SKUs across
  resources, so it is computed over every SKU once and a one-SKU answer reuses it; a window whose months
  are all in a kept plan (a shorter one: every window starts at the current month) is cut out of that
  plan instead of computed (``CapacityResult.within``: a month's allocation depends on that month alone);
- the KPIs' keyed frames and the product index, built in the same pass that reads a version of the data
  (``plan_data``), so the first question after a load pays for them and no KPI question does.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import select

from sop_engine.kpi import prepare_frames
from sop_engine.plandata import PlanData
from sop_engine.planning.inputs import check_demand_frame, sku_index
from sop_engine.products import ScopeIndex
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions
from sop_engine.store.plan_store import FORECASTS
from sop_engine.store.schema import published_forecast

REREAD_SHARE = 0.3  # more SKUs than this share changed: read the whole published forecast again
IN_CHUNK = 500  # SKUs per IN (...) list


@dataclass
class _Published:
    company: int  # the store's "company" generation it was read under
    mapping: dict[str, int]  # sku -> published version
    values: pd.DataFrame


_published: weakref.WeakKeyDictionary[PlanStore, _Published] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def sort_by_sku(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows by SKU code, then month (the same order however the frame was put together)."""
    if frame.empty:
        return frame.reset_index(drop=True)
    codes, _ = pd.factorize(frame["sku"], sort=True)
    order = np.lexsort((frame["period"].to_numpy(), codes))
    return frame.iloc[order].reset_index(drop=True)


def published_values(store: PlanStore) -> pd.DataFrame:
    """Every SKU's published forecast (``versions.published_values``), read again only where the published
    version changed since the last call. The returned frame is shared: do not change it."""
    company = store.generation(("company",))[0]
    with store.engine.connect() as connection:
        mapping = dict(connection.execute(select(published_forecast.c.sku, published_forecast.c.version_id)).all())
    with _lock:
        kept = _published.get(store)
    if kept is not None and kept.company == company:
        changed = sorted(s for s, v in mapping.items() if kept.mapping.get(s) != v)
        gone = kept.mapping.keys() - mapping.keys()
        if not changed and not gone:
            return kept.values
        if len(changed) <= REREAD_SHARE * max(len(mapping), 1):
            stale = kept.values["sku"].isin(set(changed) | gone)
            fresh = [versions.published_values(store, changed[k:k + IN_CHUNK])
                     for k in range(0, len(changed), IN_CHUNK)]
            values = sort_by_sku(pd.concat([kept.values[~stale], *fresh], ignore_index=True))
            # a publish committed between the two reads: the values read carry their version
            mapping = {**mapping, **dict(zip(values["sku"], values["version"], strict=True))}
            _keep(store, _Published(company, mapping, values))
            return values
    values = sort_by_sku(versions.published_values(store))
    _keep(store, _Published(company, dict(zip(values["sku"], values["version"], strict=True)), values))
    return values


def _keep(store: PlanStore, state: _Published) -> None:
    with _lock:
        _published[store] = state


@dataclass(eq=False)
class Demand:
    """The demand of one forecast version, checked for the planning engine, with its per-SKU row index
    (built on first use). Shared: do not change it."""

    frame: pd.DataFrame
    source: dict
    _index: dict | None = None
    _derived: dict = field(default_factory=dict)

    def index(self) -> dict:
        if self._index is None:
            self._index = sku_index(self.frame)
        return self._index

    def derived(self, key: object, build):
        """``build()``, once for this version of the demand (shared: do not change it)."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]


def checked_demand(store: PlanStore) -> Demand:
    """``planning_demand(store)`` through ``check_demand_frame``, kept per forecast version."""
    from sop_engine.service.forecasting import planning_demand

    def build() -> Demand:
        demand, source = planning_demand(store, copy=False)
        return Demand(check_demand_frame(demand), dict(source))

    return store.cached(("checked_demand",), build, FORECASTS)


def overrides(store: PlanStore) -> pd.DataFrame:
    """The active overrides as (sku, period, quantity), kept per forecast version: shared, do not change it."""
    def build() -> pd.DataFrame:
        active = versions.active_overrides(store)
        return active.rename(columns={"override": "quantity"})[["sku", "period", "quantity"]]

    return store.cached(("overrides",), build, FORECASTS)


# Kept with the data view itself (``PlanData.derived``), never beside it: a value made from one version is
# never found under another.

def plan_data(store: PlanStore, planning_date) -> PlanData:
    """``store.plan_data(planning_date, copy=False)`` (shallow: read only), with the frames every question of
    this version of the data shares built once, when the version is first read."""
    data = store.plan_data(planning_date, copy=False)
    data.derived("prepared", lambda: (prepare_frames(data), product_names(data)))
    return data


def scope_index(data: PlanData) -> ScopeIndex:
    return data.derived("scope_index", lambda: ScopeIndex.of(data.products))


def product_names(data: PlanData) -> dict[str, str]:
    products = data.products
    return data.derived("product_names", lambda: dict(zip(products["sku"].astype(str), products["name"].astype(str),
                                                          strict=True)))


MAX_PLANS = 32  # capacity plans kept per version (one per projection window asked)


def capacity_cache(data: PlanData, demand: Demand):
    """A ``capacity_cache`` for ``analyse_gaps``: one capacity plan per projection window, kept with this
    version of the data for this version of the demand (a plan of another demand is dropped)."""

    def cached(window: tuple, build):
        kept: dict = data.derived("capacity_plans", dict)
        hit = kept.get(window)
        if hit is not None and hit[0] is demand:
            return hit[1]
        plan = _cut(kept, window, demand, data)
        if plan is None:
            plan = build()
        for stale in [w for w, (d, _) in list(kept.items()) if d is not demand or len(kept) >= MAX_PLANS]:
            kept.pop(stale, None)
        kept[window] = (demand, plan)
        return plan

    return cached


def _cut(kept: dict, window: tuple, demand: Demand, data: PlanData):
    """The plan of the projection months ``window`` cut out of the shortest kept plan of this demand whose
    months hold them all (``CapacityResult.within``), or None. Only windows of months are cut (a key such
    as a reconciliation's carries more than its months)."""
    if not window or not all(isinstance(m, date) for m in window):
        return None
    months = set(window)
    longer = [(len(w), w) for w, (d, plan) in kept.items()
              if d is demand and plan is not None and all(isinstance(m, date) for m in w) and months <= set(w)]
    for _, w in sorted(longer):
        plan = kept[w][1].within(data, list(window))
        if plan is not None:
            return plan
    return None
