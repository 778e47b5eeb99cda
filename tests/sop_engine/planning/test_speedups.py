"""The fast paths of the engine give what the plain ones gave: rounding, the only_short listing, demand
rows split over several lines, and the garbage-collector pause."""

import gc
import json

import numpy as np
import pandas as pd

from sop_engine.planning.common import money, no_cyclic_gc, rounded_list, units, units_list
from sop_engine.planning.gaps import gaps_document
from tests.sop_engine.planning.frozen_company import SOURCE, frozen_company


def test_rounded_lists_equal_python_round_on_ties_and_edges():
    values = [0.15, 0.25, 0.35, 2.675, 1.005, -0.05, -0.04, -0.0, 0.0, 1e16 + 2, float("nan"), float("inf"),
              123456.45, 0.04999999999999999, 7.0]
    rng = np.random.default_rng(3)
    values += (np.round(rng.normal(0, 500, 5000), 2) + 0.005).tolist()
    for got, want in ((units_list(values), [units(v) for v in values]),
                      (rounded_list(values, 2), [money(v) for v in values])):
        assert json.dumps(got) == json.dumps(want)
    assert units_list([0.15, 0.25, -0.04]) == [0.1, 0.2, 0.0]  # Python's round, not np.round's 0.2, 0.3


def test_only_short_lists_the_short_skus_of_the_full_document():
    data, demand = frozen_company()
    full = gaps_document(data, demand, SOURCE)
    short = gaps_document(data, demand, SOURCE, only_short=True)
    listed = [s for s in full["skus"] if s["total_shortage"] > 0]
    assert 0 < len(listed) < len(full["skus"])
    assert short["skus"] == listed
    for key in ("planning_date", "demand_source", "months", "families", "plants", "capacity"):
        assert short[key] == full[key]
    assert short["notes"] == full["notes"] + [
        f"only short SKUs listed: {len(listed)} of {len(full['skus'])}; families, plants and capacity count all"
    ]


def test_demand_split_over_several_rows_gives_the_same_document():
    data, demand = frozen_company()
    demand = demand.assign(forecast=demand["forecast"].round())  # whole units: any summing order is exact
    first = demand[demand["sku"] == "K002"].assign(forecast=lambda f: f["forecast"] - 3.0)
    rest = demand[demand["sku"] == "K002"].assign(forecast=3.0)
    split = pd.concat([demand[demand["sku"] != "K002"], first, rest], ignore_index=True)
    assert json.dumps(gaps_document(data, split, SOURCE, months=4)) == json.dumps(
        gaps_document(data, demand, SOURCE, months=4)
    )


def test_no_cyclic_gc_restores_the_collector_state():
    assert gc.isenabled()
    with no_cyclic_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with no_cyclic_gc():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
