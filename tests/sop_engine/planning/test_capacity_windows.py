"""A capacity plan cut out of a longer window's plan is the plan computed over that window, row for row.

Companies drawn at random (seeded): overloaded resource-months, spills to alternative resources, SKUs
without routing, resources with capacity rows in some months only, resource-months with load but no
capacity row, rows without a plant; windows drawn at random (prefixes and any months of the kept plan).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from sop_engine.errors import ContractError
from sop_engine.planning.capacity import capacity_check, capacity_rows
from tests.sop_engine.planning.factories import plan_data, product

MONTHS = [d.date() for d in pd.date_range("2026-11-01", periods=12, freq="MS")]


def company(seed: int):
    rng = np.random.default_rng(seed)
    resources = [f"R{k}" for k in range(6)]
    skus = [f"S{k:03d}" for k in range(60)]
    products = [product(s, family=f"F{k % 4}", unit_price=float(rng.integers(5, 50)),
                        unit_cost=float(rng.integers(1, 5))) for k, s in enumerate(skus)]
    products[7].pop("unit_cost")  # a SKU without cost ranks last
    routing = []
    for k, sku in enumerate(skus):
        if k % 13 == 5:
            continue  # no routing: not in the capacity check
        chosen = rng.choice(resources, size=int(rng.integers(1, 4)), replace=False)
        routing += [{"sku": sku, "resource": str(r), "hours_per_unit": float(rng.choice([0.0, 0.5, 1.0, 2.0]))
                     if j else float(rng.choice([0.5, 1.0, 2.0]))} for j, r in enumerate(chosen)]
    capacity = []
    for r in resources[:-1]:  # the last resource has no capacity rows at all
        for m in MONTHS:
            if r == "R4" and m.month in (1, 2, 5):
                continue  # capacity in some months only
            plant = None if (r == "R3" and m.month == 11) else ("P1" if r < "R3" else "P2")
            capacity.append({"resource": r, "period": m.isoformat(), "plant": plant,
                             "available_hours": float(rng.integers(100, 900))})
    demand = pd.DataFrame([{"sku": s, "period": pd.Timestamp(m), "quantity": float(rng.integers(0, 60))}
                           for s in skus for m in MONTHS if rng.random() > 0.1])
    data = plan_data(products=products, routing=routing, capacity=capacity)
    return data, demand


def assert_same(cut, direct):
    for name in ("load", "allocation"):
        pd.testing.assert_frame_equal(getattr(cut, name), getattr(direct, name), check_dtype=False)
    if direct.spills.empty:
        assert cut.spills.empty
    else:
        pd.testing.assert_frame_equal(cut.spills, direct.spills, check_dtype=False)
    assert cut.notes == direct.notes
    assert capacity_rows(cut) == capacity_rows(direct)


@pytest.mark.parametrize("seed", range(6))
def test_a_window_cut_from_a_longer_plan_is_that_windows_plan(seed):
    data, demand = company(seed)
    full = capacity_check(data, demand, MONTHS)
    assert full.load["overloaded"].any() and not full.spills.empty  # the draw has scarce hours and spills
    rng = np.random.default_rng(100 + seed)
    windows = [MONTHS[:n] for n in (1, 2, 3, 7)]
    windows += [sorted(rng.choice(MONTHS, size=int(rng.integers(1, 12)), replace=False).tolist()) for _ in range(4)]
    for months in windows:
        direct = capacity_check(data, demand, months)
        cut = full.within(data, months)
        assert cut is not None
        assert_same(cut, direct)
        # and cut again out of the cut plan
        assert_same(cut.within(data, months[:1]), capacity_check(data, demand, months[:1]))
    assert any("no routing" in n for n in full.notes) and any("no capacity row" in n for n in full.notes)


def test_a_month_outside_the_plan_is_computed_instead_and_duplicated_capacity_rows_are_an_error():
    data, demand = company(0)
    short = capacity_check(data, demand, MONTHS[:3])
    assert short.within(data, MONTHS[:4]) is None
    capacity = data.table("capacity")
    data.tables["capacity"] = pd.concat([capacity, capacity.iloc[[3]]], ignore_index=True)
    with pytest.raises(ContractError, match="resource 'R0', period 2027-02"):
        capacity_check(data, demand, MONTHS)


def test_the_server_cuts_a_new_window_out_of_the_kept_plan(demo, monkeypatch):
    from sop_engine.planning import gaps as gap_engine
    from sop_engine.service import planning
    from sop_engine.store import PlanStore

    built = []
    monkeypatch.setattr(gap_engine, "capacity_check", lambda *a: built.append(a[2]) or capacity_check(*a))

    url, day = f"sqlite:///{demo / 'plan.db'}", date(2026, 11, 15)
    store = PlanStore(url)
    try:
        planning.gaps(store, day, months=6)
        kept = store.plan_data(day, copy=False).memo["capacity_plans"]
        products = store.read_table("products")["sku"]
        assert len(built) == 1
        for sku, period in ((products.iloc[0], "2026-12"), (products.iloc[-1], "Q1"), (None, "2027-04")):
            built.clear()
            answer = planning.gaps(store, day, sku=sku, period=period)
            assert built == []  # cut out of the kept plan of the default window, not computed
            other = PlanStore(url)  # nothing kept: the window's plan computed afresh
            try:
                assert answer == planning.gaps(other, day, sku=sku, period=period)
            finally:
                other.engine.dispose()
        cut = [w for w in kept if len(w) < 7]
        assert len(cut) == 3 and all(kept[w][1].unrouted is not None for w in cut)
    finally:
        store.engine.dispose()
