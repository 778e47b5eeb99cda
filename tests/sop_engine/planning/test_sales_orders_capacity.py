"""The documents of ``get_sales``, ``get_orders``, ``check_overstock`` and ``get_capacity`` on a small fixed
company (tests/factories.py) loaded into a real plan store, with a hand-made forecast stored as versions."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from cli.helpers import sop_json
from factories import write_company

from assistant.runtime import Runtime
from sop_engine.errors import InvalidArgument, UnknownProduct
from sop_engine.service.capacity import capacity_document
from sop_engine.service.lookup import fold, match_ref, ref_key
from sop_engine.service.orders import orders_document
from sop_engine.service.overstock import overstock_document
from sop_engine.service.sales import sales_document
from sop_engine.store import forecasts as versions

TODAY = date(2026, 11, 15)

SNAPSHOTS = """sku,made_on,period,quantity,source
AB-100,2026-07-15,2026-08,45,legacy
AB-100,2026-06-01,2026-08,99,legacy
AB-100,2026-08-01,2026-09,60,legacy
AB-100,2026-08-20,2026-09,66,statistical
AB-200,2026-09-01,2026-10,21,legacy
CD-300,2026-09-05,2026-10,4,legacy
"""
SUPPLY = """sku,due_date,quantity,kind,status,ref,supplier
AB-100,2026-12-10,30,purchase_order,firm,PO/2026/001,Acme
AB-100,2027-02-20,50,purchase_order,planned,4500012345,Acme
AB-200,2026-11-02,20,production_order,released,MO-7,
CD-300,2027-01-05,10,transfer,firm,TR 9,
"""
CAPACITY = """resource,period,available_hours,plant
Dây chuyền Mì 1,2026-11,10,North
Dây chuyền Mì 1,2026-12,10,North
Dây chuyền Mì 1,2027-01,20,North
Dây chuyền Mì 1,2027-02,10,North
Line B,2026-11,100,South
"""
ROUTING = """sku,resource,hours_per_unit
AB-100,Dây chuyền Mì 1,0.2
AB-200,Dây chuyền Mì 1,0.5
"""
MONTHLY = {"AB-100": 40.0, "AB-200": 5.0, "CD-300": 0.0}


def _version(store, start: str, rows: dict[str, dict[str, float]]) -> int:
    values = pd.DataFrame(
        [{"sku": sku, "period": pd.Timestamp(p), "forecast": q, "lo_80": q, "hi_80": q, "lo_95": q, "hi_95": q,
          "model": "Hand"} for sku, by in rows.items() for p, q in by.items()])
    info = pd.DataFrame({"sku": list(rows), "model": "Hand", "cv_error": None, "candidates": [{}] * len(rows),
                         "demand_class": "smooth", "note": None})
    return versions.create_version(store, values, info, scope={"kind": "all"}, parameters={"start": start},
                                   note=None, principal="test")


@pytest.fixture
def store(tmp_path):
    folder = write_company(tmp_path / "co", **{"forecast_snapshots.csv": SNAPSHOTS, "supply.csv": SUPPLY,
                                               "capacity.csv": CAPACITY, "routing.csv": ROUTING})
    sop_json("data", "load", str(folder))
    store = Runtime().store
    # a version made in August (its first month) forecast September and October
    _version(store, "2026-08", {"AB-100": {"2026-09": 1000.0, "2026-10": 57.0}, "AB-200": {"2026-09": 12.0}})
    # a newer version made earlier (July): for October the August one is the latest made before it
    _version(store, "2026-07", {"AB-100": {"2026-10": 500.0}})
    months = [f"{p:%Y-%m}" for p in pd.date_range("2026-11-01", periods=8, freq="MS")]
    planning = _version(store, "2026-11", {sku: dict.fromkeys(months, q) for sku, q in MONTHLY.items()})
    versions.publish(store, planning, "test")
    return store


def test_sales_pair_each_month_with_the_forecast_made_before_it(store):
    doc = sales_document(store, TODAY)
    assert doc["months"] == ["2026-08", "2026-09", "2026-10"] and doc["scope"] == {"kind": "all"}
    rows = {(r["sku"], r["period"]): r for r in doc["rows"]}
    # lag 1 snapshot; the lag-2 one (99) is ignored
    assert rows["AB-100", "2026-08"] == {"sku": "AB-100", "period": "2026-08", "actual": 50.0, "forecast": 45.0,
                                         "forecast_lag": 1, "error_pct": -10.0, "forecast_source": "snapshot legacy"}
    # a statistical snapshot wins over a legacy one of the same lag; the version's 1000 is not used
    assert (rows["AB-100", "2026-09"]["forecast"], rows["AB-100", "2026-09"]["error_pct"]) == (66.0, 20.0)
    # no snapshot: the stored version made before the month, at its lag
    assert rows["AB-100", "2026-10"] == {"sku": "AB-100", "period": "2026-10", "actual": 60.0, "forecast": 57.0,
                                         "forecast_lag": 2, "error_pct": -5.0, "forecast_source": "forecast version 1"}
    assert (rows["AB-200", "2026-09"]["forecast"], rows["AB-200", "2026-09"]["forecast_lag"]) == (12.0, 1)
    assert rows["AB-200", "2026-08"]["actual"] == 22.0 and rows["AB-200", "2026-08"]["forecast"] is None
    assert rows["CD-300", "2026-08"]["actual"] == 0.0 and rows["CD-300", "2026-08"]["error_pct"] is None
    assert rows["CD-300", "2026-10"]["error_pct"] == -20.0 and rows["AB-200", "2026-10"]["error_pct"] == 50.0
    totals = {t["period"]: t for t in doc["totals"]}
    figures = {p: (t["actual"], t["forecast"], t["error_pct"]) for p, t in totals.items()}
    assert figures == {"2026-08": (72, 45, -10), "2026-09": (70, 78, 11.4), "2026-10": (79, 82, 3.8)}
    assert totals["2026-08"]["actual_with_forecast"] == 50.0 and totals["2026-08"]["rows_with_forecast"] == 1
    assert doc["total"] == {"from": "2026-08", "to": "2026-10", "actual": 221.0, "forecast": 205.0,
                            "actual_with_forecast": 199.0, "error_pct": 3.0, "rows": 9, "rows_with_actual": 9,
                            "rows_with_forecast": 6,
                            "months": 3}


def test_sales_windows_and_scopes(store):
    one = sales_document(store, TODAY, family="widgets", start="2026-09", end="2026-09")
    assert one["scope"] == {"kind": "family", "code": "Widgets", "label": "Widgets"}
    assert one["total"]["actual"] == 70.0 and one["total"]["months"] == 1
    reaching = sales_document(store, TODAY, sku="AB-100", start="2026-10", end="2027-03")
    assert reaching["months"] == ["2026-10", "2026-11"]  # cut at the current month
    assert reaching["rows"][1]["actual"] is None and any("not yet known" in n for n in reaching["notes"])
    assert reaching["rows"][1]["forecast"] is None  # the November version was made in November, not before
    assert sales_document(store, TODAY, start="2026-09")["months"] == ["2026-09", "2026-10"]
    assert sales_document(store, TODAY, end="2026-09")["months"] == ["2026-09"]
    with pytest.raises(InvalidArgument, match="in the future"):
        sales_document(store, TODAY, start="2027-01")
    with pytest.raises(UnknownProduct):
        sales_document(store, TODAY, sku="ZZ-999")


def test_orders_are_late_against_their_pegged_need_date(store):
    doc = orders_document(store, TODAY)
    by_ref = {o["ref"]: o for o in doc["orders"]}
    # AB-100: opening 90, safety stock 20, demand 40 a month. The first order is needed once the opening
    # stock no longer covers demand + safety stock: 90 - 80 = 10 < 20 in December -> needed by 2026-12-31.
    first = by_ref["PO/2026/001"]
    assert (first["need_period"], first["need_date"], first["late"], first["days_late"]) == \
        ("2026-12", "2026-12-31", False, 0)
    assert first["stockout_period"] == "2027-01"
    # the second is pegged after the first: 90 + 30 - 120 = 0 < 20 in January; due 2027-02-20 -> 20 days late
    second = by_ref["4500012345"]
    assert (second["need_period"], second["need_date"], second["late"], second["days_late"]) == \
        ("2027-01", "2027-01-31", True, 20)
    assert second["stockout_period"] == "2027-02" and second["supplier"] == "Acme" and second["status"] == "planned"
    # AB-200: 40 on hand, 5 a month, safety stock 10: 40 - 35 = 5 < 10 in May; due (and past due) 2026-11-02
    past = by_ref["MO-7"]
    assert (past["need_date"], past["late"], past["past_due"], past["days_past_due"]) == \
        ("2027-05-31", False, True, 13)
    assert past["kind"] == "production_order" and past["supplier"] is None
    # CD-300: no demand, stock above safety stock all along: not needed within the forecast, so not late
    idle = by_ref["TR 9"]
    assert (idle["need_period"], idle["need_date"], idle["late"], idle["days_late"]) == (None, None, False, 0)
    assert doc["orders"][0]["ref"] == "4500012345"  # late orders first
    assert (doc["count"], doc["late_count"], doc["past_due_count"], doc["total_quantity"]) == (4, 1, 1, 110.0)


@pytest.mark.parametrize("typed, ref", [("po 2026 001", "PO/2026/001"), ("PO-2026-001", "PO/2026/001"),
                                        ("4500012345", "4500012345"), (" mo/7 ", "MO-7"),
                                        ("tr9", "TR 9")])
def test_a_ref_of_any_shape_is_found_exactly(store, typed, ref):
    doc = orders_document(store, TODAY, ref=typed)
    assert [o["ref"] for o in doc["orders"]] == [ref] and doc["scope"]["code"] == ref


def test_an_unknown_ref_is_an_error_with_the_closest_refs(store):
    with pytest.raises(UnknownProduct) as error:
        orders_document(store, TODAY, ref="MO-8")
    assert error.value.kind == "order" and error.value.code == "unknown_product"
    assert "MO-7" in error.value.closest and "no order 'MO-8'" in error.value.message
    with pytest.raises(UnknownProduct):
        match_ref("PO-2026-01", ["PO/2026/001"])  # close is not equal
    assert ref_key("PO/2026/001") == ref_key("po-2026-001") == "po2026001"


def test_overstock_uses_the_company_threshold(store, tmp_path):
    doc = overstock_document(store, TODAY)
    assert doc["overstock_months"] == 3.0 and doc["currency"] == "EUR" and doc["skus_checked"] == 3
    # CD-300: 10 in stock, no demand (dead stock); AB-200: 40 in stock at 5 a month = 8 months, 25 over 3 months
    assert [(s["sku"], s["months_of_cover"], s["excess_units"], s["excess_value"]) for s in doc["skus"]] == \
        [("CD-300", None, 10.0, 180.0), ("AB-200", 8.0, 25.0, 175.0)]
    assert doc["skus"][0]["no_demand"] is True and doc["skus"][1]["open_supply"] == 20.0
    assert (doc["total_excess_units"], doc["total_excess_value"], doc["count"]) == (35.0, 355.0, 2)
    toml = 'name = "Test Co"\ncurrency = "EUR"\noverstock_months = 10\n'
    folder = write_company(tmp_path / "co", **{"company.toml": toml})
    sop_json("data", "load", str(folder))
    stricter = overstock_document(Runtime().store, TODAY, family="Widgets")
    assert stricter["overstock_months"] == 10.0 and stricter["skus"] == []
    bad = write_company(tmp_path / "bad", **{"company.toml": "overstock_months = -2\n"})
    error = sop_json("data", "validate", str(bad), ok=False)["error"]
    assert any("overstock_months" in d for d in error["details"])


def test_capacity_per_resource_and_month(store):
    doc = capacity_document(store, TODAY, resource="day chuyen mi 1")  # no accents, lower case
    assert doc["scope"]["code"] == "Dây chuyền Mì 1"
    assert doc["months"] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    rows = {r["period"]: r for r in doc["rows"]}
    # 40 x 0.2 + 5 x 0.5 = 10.5 hours a month
    assert (rows["2026-11"]["required_hours"], rows["2026-11"]["available_hours"]) == (10.5, 10.0)
    assert rows["2026-11"]["overloaded"] is True and rows["2026-11"]["overload_hours"] == 0.5
    assert rows["2026-11"]["utilization_pct"] == 105.0
    assert rows["2027-01"]["utilization_pct"] == 52.5 and rows["2027-01"]["free_hours"] == 9.5
    assert rows["2027-01"]["overloaded"] is False
    summary = doc["resources"][0]
    assert summary["required_hours"] == 42.0 and summary["available_hours"] == 50.0
    assert summary["utilization_pct"] == 84.0 and summary["months_overloaded"] == ["2026-11", "2026-12", "2027-02"]
    assert (summary["peak_period"], summary["peak_utilization_pct"]) == ("2026-11", 105.0)
    january = capacity_document(store, TODAY, resource="DÂY CHUYỀN MÌ 1", start="2027-01", end="2027-01")
    assert [r["period"] for r in january["rows"]] == ["2027-01"]
    assert {r["resource"] for r in capacity_document(store, TODAY)["rows"]} == {"Dây chuyền Mì 1", "Line B"}


def test_an_unknown_resource_lists_the_known_ones(store):
    with pytest.raises(UnknownProduct) as error:
        capacity_document(store, TODAY, resource="noodle line 2")
    assert error.value.kind == "resource" and set(error.value.closest) == {"Dây chuyền Mì 1", "Line B"}
    with pytest.raises(InvalidArgument, match="past"):
        capacity_document(store, TODAY, start="2026-09", end="2026-10")
    assert fold("Đường  Phố ĐÀ") == "duong pho da"


def test_orders_without_a_forecast_are_listed_with_no_need_date(tmp_path):
    sop_json("data", "load", str(write_company(tmp_path / "plain")))
    doc = orders_document(Runtime().store, TODAY, sku="Alpha Widget")
    assert [(o["ref"], o["due_date"], o["need_date"], o["late"]) for o in doc["orders"]] == \
        [("PO-1", "2026-12-10", None, False)]
    assert doc["notes"] and doc["notes"][0].startswith("need dates not computed: no forecast yet")
