"""The parts of forecasting with drivers on small fixed data: which value a SKU reads, the pooled estimate,
what a driver change does to demand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from sop_engine.drivers.pooled import fit_pool
from sop_engine.drivers.series import driver_values
from sop_engine.drivers.whatif import apply_driver_changes
from sop_engine.errors import InvalidArgument
from sop_engine.planning.scenario import DriverChange, parse_scenario

PRODUCTS = pd.DataFrame({"sku": ["A", "B", "C"], "name": ["a", "b", "c"], "family": ["F", "F", "G"]})


def test_a_sku_row_beats_a_family_row_beats_a_company_row_and_future_months_read_plans():
    rows = pd.DataFrame({
        "period": pd.to_datetime(["2026-10-01", "2026-10-01", "2026-10-01", "2026-11-01", "2026-11-01",
                                  "2026-10-01"]),
        "driver": ["ads", "ads", "ads", "ads", "ads", "ads"],
        "value": [1.0, 2.0, 3.0, 9.0, 7.0, 4.0],
        "sku": ["A", None, None, None, None, None], "family": [None, "F", None, None, None, None],
        "kind": [None, None, None, "actual", "plan", "plan"], "unit": [None, None, "EUR", None, None, None]})
    sales = pd.DataFrame({"sku": ["C"], "period": pd.to_datetime(["2026-10-01"]), "quantity": [5.0],
                          "price": [2.5]})
    out = driver_values(rows, sales, PRODUCTS, pd.Timestamp("2026-11-01")).set_index(["sku", "driver", "period"])
    oct_, nov = pd.Timestamp("2026-10-01"), pd.Timestamp("2026-11-01")
    assert out.loc[("A", "ads", oct_), "value"] == 1.0  # its own row
    assert out.loc[("B", "ads", oct_), "value"] == 2.0  # its family's
    assert out.loc[("C", "ads", oct_), "value"] == 3.0  # company-wide: the actual before the plan of a past month
    assert out.loc[("C", "ads", nov), "value"] == 7.0 and out.loc[("C", "ads", nov), "kind"] == "plan"
    assert out.loc[("C", "price", oct_), "value"] == 2.5
    assert out.loc[("A", "ads", oct_), "unit"] == "EUR"


def test_the_pool_recovers_a_known_response():
    rng = np.random.default_rng(0)
    series = {}
    months = np.arange(36) + 2024 * 12
    for k in range(4):
        x = rng.uniform(50, 150, 36)
        x_prev = np.r_[100.0, x[:-1]]
        level = 100 * (k + 1)
        season = 1 + 0.1 * np.sin(2 * np.pi * months / 12)
        y = level * season * (1 + 0.3 * (x / 100 - 1) + 0.1 * (x_prev / 100 - 1)) + rng.normal(0, 2, 36)
        series[f"S{k}"] = (y, x, x_prev, months)
    pool = fit_pool(series, "family F", "ads")
    assert pool is not None and pool.significant
    assert pool.effect_pct == pytest.approx(4.0, rel=0.1)  # +10% ads: 0.3 + 0.1 of it on average
    assert fit_pool({"S0": series["S0"]}, "family F", "ads") is None  # one SKU is no pool


def test_a_driver_change_moves_this_month_and_carries_over_into_the_next():
    demand = pd.DataFrame({"sku": ["A"] * 3, "period": pd.to_datetime(["2026-11-01", "2026-12-01", "2027-01-01"]),
                           "forecast": [100.0, 100.0, 100.0], "lo_80": [80.0] * 3, "hi_80": [120.0] * 3})
    effects = pd.DataFrame({"sku": ["A"], "driver": ["ads"], "coef": [0.5], "coef_next": [0.2],
                            "planned": [{"2026-11": 100.0, "2026-12": 100.0, "2027-01": 100.0}]})
    change = DriverChange(driver="ads", pct=30, months=["2026-12"])
    out, [report] = apply_driver_changes(demand, effects, [change], PRODUCTS)
    np.testing.assert_allclose(out["forecast"], [100.0, 115.0, 106.0])  # 0.5·30 in Dec, 0.2·30 in Jan
    np.testing.assert_allclose(out["lo_80"], [80.0, 95.0, 86.0])
    assert report["skus_changed"] == 1 and report["units_change"] == 21.0
    out, [report] = apply_driver_changes(demand, effects, [DriverChange(driver="ads", value=0, months=["2027-02"])],
                                         PRODUCTS)
    assert report["months_without_plan"] == ["2027-02"] and report["skus_changed"] == 0
    out, [report] = apply_driver_changes(demand, effects, [DriverChange(driver="ads", family="G", pct=10)], PRODUCTS)
    assert report["skus_without_effect"] == ["C"]
    with pytest.raises(InvalidArgument, match="no effect of 'tv'"):
        apply_driver_changes(demand, effects, [DriverChange(driver="tv", pct=10)], PRODUCTS)


@pytest.mark.parametrize(("change", "message"), [
    ({"driver": "ads"}, "give exactly one of pct or value"),
    ({"driver": "ads", "pct": 5, "value": 3}, "give exactly one of pct or value"),
    ({"driver": "ads", "pct": 5, "sku": "A", "family": "F"}, "at most one of sku or family"),
    ({"driver": "ads", "pct": 5, "months": ["2026-13"]}, "2026-13"),
])
def test_driver_changes_are_validated_with_their_place(change, message):
    with pytest.raises(InvalidArgument, match=message) as info:
        parse_scenario({"driver_changes": [change]})
    assert "scenario.driver_changes.0" in str(info.value.message)
