"""The gap document on hand-made data."""

import json

import pytest

from sop_engine.errors import InvalidArgument, NoData, UnknownProduct
from sop_engine.planning.gaps import gaps_document
from tests.sop_engine.planning.factories import SOURCE, demand, plan_data, product, small_company

SKU_KEYS = {
    "sku",
    "name",
    "family",
    "plant",
    "uom",
    "status",
    "opening_stock",
    "on_hand",
    "allocated",
    "safety_stock",
    "lead_time_days",
    "min_order_qty",
    "periods",
    "first_short_period",
    "total_shortage",
    "months_of_cover",
    "stockout_probability",
    "cover_options",
}
PERIOD_KEYS = {
    "period",
    "demand",
    "receipts",
    "receipt_refs",
    "projected_balance",
    "safety_stock",
    "shortage",
    "below_safety_stock",
}


def hand_data(**extra):
    return plan_data(
        products=[product("A", safety_stock=10, lead_time_days=20, min_order_qty=40)],
        inventory=[{"sku": "A", "on_hand": 100, "as_of": "2026-11-10", "allocated": 0}],
        supply=[{"sku": "A", "due_date": "2026-12-05", "quantity": 30, "ref": "PO-1"}],
        **extra,
    )


def test_hand_case_document():
    doc = gaps_document(hand_data(), demand({"A": [50, 50, 50]}, sigma=10), SOURCE, months=2)
    json.dumps(doc)  # JSON-able
    assert set(doc) == {
        "planning_date",
        "demand_source",
        "months",
        "skus",
        "families",
        "plants",
        "capacity",
        "notes",
    }
    assert doc["planning_date"] == "2026-11-15" and doc["demand_source"] == SOURCE
    assert doc["months"] == ["2026-11", "2026-12", "2027-01"]
    (sku,) = doc["skus"]
    assert set(sku) == SKU_KEYS and all(set(p) == PERIOD_KEYS for p in sku["periods"])
    assert [p["projected_balance"] for p in sku["periods"]] == [50.0, 30.0, -20.0]
    assert [p["shortage"] for p in sku["periods"]] == [0.0, 0.0, 20.0]
    assert [p["below_safety_stock"] for p in sku["periods"]] == [0.0, 0.0, 30.0]
    assert sku["periods"][1]["receipt_refs"][0]["ref"] == "PO-1"
    assert (sku["first_short_period"], sku["total_shortage"], sku["months_of_cover"]) == (
        "2027-01",
        20.0,
        2.6,
    )
    assert sku["stockout_probability"] == 0.876
    # a new order of max(20, min order 40) after 20 days' lead time (2026-12-05) clears the shortage
    (option,) = sku["cover_options"]
    assert (
        option["kind"],
        option["quantity"],
        option["arrives"],
        option["shortage_after"],
        option["covers"],
    ) == ("new_order", 40.0, "2026-12", 0.0, True)
    assert doc["families"][0]["total_shortage"] == 20.0 and doc["families"][0]["skus_short"] == 1
    assert doc["notes"] == ["no capacity data loaded: capacity check skipped"]


def test_opening_is_latest_on_hand_less_allocated_per_location_and_past_due_lands_in_month_1():
    data = plan_data(
        products=[product("A")],
        inventory=[
            {"sku": "A", "on_hand": 999, "as_of": "2026-10-01", "location": "W1"},
            {"sku": "A", "on_hand": 60, "as_of": "2026-11-01", "location": "W1", "allocated": 15},
            {"sku": "A", "on_hand": 40, "as_of": "2026-09-01", "location": "W2"},
        ],
        supply=[
            {"sku": "A", "due_date": "2026-08-01", "quantity": 7, "ref": "LATE"},
            {"sku": "A", "due_date": "2027-06-01", "quantity": 500, "ref": "FAR"},
        ],
    )
    doc = gaps_document(data, demand({"A": [10, 10]}), SOURCE, months=1)
    sku = doc["skus"][0]
    assert (sku["on_hand"], sku["allocated"], sku["opening_stock"]) == (100.0, 15.0, 85.0)
    assert sku["periods"][0]["receipts"] == 7.0 and sku["periods"][0]["receipt_refs"][0]["past_due"] is True
    assert sku["periods"][1]["projected_balance"] == 72.0
    assert "no capacity data loaded: capacity check skipped" in doc["notes"]


def test_period_shows_one_month_projected_from_the_current_one():
    doc = gaps_document(hand_data(), demand({"A": [50, 50, 50]}), SOURCE, period="2027-01")
    assert doc["months"] == ["2027-01"]
    assert doc["skus"][0]["periods"][0]["projected_balance"] == -20.0


def test_bad_windows_and_scopes():
    data, dem = hand_data(), demand({"A": [50, 50, 50]})
    with pytest.raises(InvalidArgument, match="before the current period"):
        gaps_document(data, dem, SOURCE, period="2026-10")
    with pytest.raises(NoData, match="forecast ends in 2027-01"):
        gaps_document(data, dem, SOURCE, period="2027-05")
    with pytest.raises(InvalidArgument, match="months must be"):
        gaps_document(data, dem, SOURCE, months=-1)
    with pytest.raises(UnknownProduct) as err:
        gaps_document(data, dem, SOURCE, sku="Prodct A")
    assert err.value.closest and err.value.closest[0].startswith("A ")
    doc = gaps_document(data, dem, SOURCE, months=5)
    assert doc["months"][-1] == "2027-01" and any("forecast ends in 2027-01" in n for n in doc["notes"])


def test_small_company_capacity_cover_options_and_rollups():
    doc = gaps_document(
        small_company(),
        demand(
            {
                "A1": [100, 120, 130, 100],
                "A2": [80, 90, 100, 100],
                "B1": [80, 80, 80, 80],
                "B2": [40, 40, 40, 40],
            },
            sigma=15,
        ),
        SOURCE,
        months=3,
    )
    by = {s["sku"]: s for s in doc["skus"]}
    assert [s["sku"] for s in doc["skus"]][:2] == ["A1", "B1"]  # largest shortage first
    assert [p["projected_balance"] for p in by["A1"]["periods"]] == [40.0, -80.0, -210.0, -110.0]
    assert by["B1"]["periods"][0]["receipts"] == 40.0  # past-due work order
    opts = {o.get("resource") or o["kind"]: o for o in by["A1"]["cover_options"]}
    # L2 has 60 h, B1 takes 20 h: 40 h a month, 1 h per unit of A1 -> 160 units over 4 months
    assert (opts["L2"]["routing"], opts["L2"]["quantity"], opts["L2"]["shortage_after"]) == (
        "alternative",
        160.0,
        90.0,
    )
    # L1 (primary) has 10 h free in 2026-11 only: 20 units at 0.5 h
    assert (opts["L1"]["quantity"], opts["L1"]["hours"], opts["L1"]["shortage_after"]) == (20.0, 10.0, 190.0)
    assert opts["new_order"]["quantity"] == 210.0 and opts["new_order"]["covers"]
    # PO-A1 (200, due 2027-02) pulled to 2026-12 (45 days lead time): balances 40, 120, -10, -110 -> 110
    assert (opts["expedite"]["ref"], opts["expedite"]["arrives"], opts["expedite"]["shortage_after"]) == (
        "PO-A1",
        "2026-12",
        110.0,
    )
    l1 = {c["period"]: c for c in doc["capacity"] if c["resource"] == "L1"}
    assert l1["2026-12"]["overloaded"] and l1["2026-12"]["overload_hours"] == 5.0
    # A1 earns 8/h on L1, A2 6/h: A1 served in full, A2 gets the remaining 40 h = 80 units
    cut = {s["sku"]: s for s in l1["2026-12"]["skus"]}
    assert (cut["A1"]["unmet_units"], cut["A2"]["allocated_units"], cut["A2"]["unmet_units"]) == (
        0.0,
        80.0,
        10.0,
    )
    fam = {f["family"]: f for f in doc["families"]}
    assert fam["Alpha"]["total_shortage"] == 210.0 and fam["Beta"]["total_shortage"] == 190.0
    assert {p["plant"] for p in doc["plants"]} == {"P1", "P2"}
    assert any("no routing" in n for n in doc["notes"])


def test_family_scope_and_empty_demand():
    data = small_company()
    doc = gaps_document(data, demand({"B1": [1, 1], "B2": [1, 1]}), SOURCE, family="beta", months=1)
    assert sorted(s["sku"] for s in doc["skus"]) == ["B1", "B2"]
    with pytest.raises(NoData, match="no demand forecast"):
        gaps_document(data, demand({"B1": [1]}), SOURCE, family="Alpha")
