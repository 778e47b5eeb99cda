"""One hand-computed case per KPI kind, lag arithmetic, insufficient history, and formula properties."""

import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sop_engine.errors import InvalidArgument, UnknownProduct
from sop_engine.kpi import compute_kpi, kpi_catalog
from sop_engine.kpi.accuracy import wape_of
from tests.sop_engine.planning.factories import plan_data, product

# window 2026-08 .. 2026-10; actuals A: 100, 0, 50 ; B: 20, 20, 20
SALES = [
    {"sku": "A", "period": p, "quantity": q} for p, q in (("2026-08", 100), ("2026-09", 0), ("2026-10", 50))
] + [{"sku": "B", "period": p, "quantity": 20} for p in ("2026-08", "2026-09", "2026-10")]
# statistical forecasts made one month before (lag 1), and a lag-2 one that must be ignored at lag 1
SNAPS = [
    {"sku": "A", "made_on": "2026-07-20", "period": "2026-08", "quantity": 110, "source": "statistical"},
    {"sku": "A", "made_on": "2026-08-20", "period": "2026-09", "quantity": 10, "source": "statistical"},
    {"sku": "A", "made_on": "2026-09-20", "period": "2026-10", "quantity": 40, "source": "statistical"},
    {"sku": "B", "made_on": "2026-07-02", "period": "2026-08", "quantity": 30, "source": "statistical"},
    {"sku": "B", "made_on": "2026-08-02", "period": "2026-09", "quantity": 30, "source": "statistical"},
    {"sku": "B", "made_on": "2026-09-02", "period": "2026-10", "quantity": 30, "source": "statistical"},
    {"sku": "A", "made_on": "2026-06-20", "period": "2026-08", "quantity": 999, "source": "statistical"},
    {"sku": "A", "made_on": "2026-07-20", "period": "2026-08", "quantity": 100, "source": "legacy"},
    {"sku": "B", "made_on": "2026-07-02", "period": "2026-08", "quantity": 20, "source": "legacy"},
]
WINDOW = {"start": "2026-08", "end": "2026-10"}


def data(**extra):
    return plan_data(
        products=[
            product("A", "F", unit_price=10, unit_cost=4),
            product("B", "G", unit_price=5, unit_cost=2),
        ],
        sales_history=SALES,
        forecast_snapshots=SNAPS,
        **extra,
    )


def kpi(name, d=None, **kw):
    return compute_kpi(d or data(), name, **{**WINDOW, **kw})


def test_accuracy_at_lag_1_by_hand():
    # errors (F - A): A 10, 10, -10 ; B 10, 10, 10 -> sum |e| 60, sum A 210, sum e 40
    w = kpi("wape")
    assert w["value"] == round(100 * 60 / 210, 2) and w["coverage"] == "3 months, 2 SKUs"
    assert w["period"] == {"from": "2026-08", "to": "2026-10", "months": 3} and w["details"]["lag"] == 1
    assert kpi("bias")["value"] == round(100 * 40 / 210, 2)
    m = kpi("mape")  # A in 2026-09 sold 0: excluded
    assert m["value"] == round(100 * (0.1 + 0.2 + 0.5 + 0.5 + 0.5) / 5, 2)
    assert m["details"]["excluded_zero_actuals"] == 1
    # tracking signal on scope totals per month: errors 20, 20, 0 -> 40 / (40/3) = 3
    t = kpi("tracking_signal")
    assert t["value"] == 3.0 and t["flags"] == []
    json.dumps(w)


def test_lag_2_reads_the_older_snapshot():
    w = kpi("wape", sku="A", lag=2)
    assert w["value"] == round(100 * 899 / 100, 2) and w["coverage"] == "1 month, 1 SKU"


def test_fva_against_legacy_and_against_overrides():
    # common sku-months with legacy: 2026-08 only. stat |e| = 10 + 10 over 120; legacy 0 + 0
    f = kpi("fva")
    assert f["value"] == round(100 * 20 / 120 - 0.0, 2) and f["details"]["verdict"] == "adds value"
    overrides = pd.DataFrame({"sku": ["B", "B"], "period": ["2026-09", "2026-10"], "quantity": [40.0, 20.0]})
    f = kpi("fva", overrides=overrides)
    # final: B 2026-09 40 (|e| 20), 2026-10 20 (|e| 0): final sum |e| 10+10+10+10+20+0 = 60 vs stat 60 -> 0
    assert f["value"] == 0.0 and f["details"]["sku_months_changed"] == 2


def test_mape_all_zero_actuals_and_too_little_history():
    zero = plan_data(
        products=[product("A")],
        sales_history=[{"sku": "A", "period": "2026-10", "quantity": 0}],
        forecast_snapshots=[{"sku": "A", "made_on": "2026-09-01", "period": "2026-10", "quantity": 5}],
    )
    m = compute_kpi(zero, "mape", start="2026-10", end="2026-10")
    assert (m["value"], m["status"]) == (None, "insufficient history") and "zero" in m["message"]
    t = compute_kpi(zero, "tracking_signal", start="2026-10", end="2026-10")
    assert t["status"] == "insufficient history" and "at least 3 months" in t["message"]


def test_service_kpis_by_hand():
    orders = [
        {
            "order_id": "1",
            "sku": "A",
            "order_date": "2026-09-01",
            "requested_date": "2026-09-10",
            "quantity": 10,
            "shipped_quantity": 10,
            "ship_date": "2026-09-09",
        },
        {
            "order_id": "2",
            "sku": "A",
            "order_date": "2026-09-01",
            "requested_date": "2026-09-10",
            "quantity": 10,
            "shipped_quantity": 6,
            "ship_date": "2026-09-09",
        },
        {
            "order_id": "3",
            "sku": "B",
            "order_date": "2026-09-01",
            "requested_date": "2026-09-10",
            "quantity": 20,
            "shipped_quantity": 20,
            "ship_date": "2026-09-12",
        },
        {
            "order_id": "4",
            "sku": "B",
            "order_date": "2026-11-01",
            "requested_date": "2026-12-10",
            "quantity": 99,
        },
    ]
    d = data(orders=orders)
    assert kpi("fill_rate", d)["value"] == round(100 * 36 / 40, 2)
    o = kpi("otif", d)
    assert o["value"] == round(100 / 3, 2) and o["coverage"] == "3 months, 2 SKUs, 3 order lines"


def test_inventory_kpis_by_hand():
    inv = [
        {"sku": "A", "on_hand": 30, "as_of": "2026-10-31"},
        {"sku": "B", "on_hand": 60, "as_of": "2026-10-31"},
    ]
    d = data(inventory=inv)
    # 210 units sold in 92 days; 90 on hand
    assert kpi("days_of_supply", d)["value"] == round(90 / (210 / 92), 2)
    assert kpi("inventory_value", d)["value"] == 30 * 4 + 60 * 2
    # COGS 150 x 4 + 60 x 2 = 720 over 3 months -> 2880 a year; average stock value (one count in window) 240
    assert kpi("inventory_turns", d)["value"] == 12.0


def test_capacity_plan_budget_and_reported_metrics():
    d = data(
        capacity=[
            {"resource": "L", "period": p, "available_hours": 100} for p in ("2026-08", "2026-09", "2026-10")
        ],
        routing=[{"sku": "A", "resource": "L", "hours_per_unit": 1.0}],
        sales_plan=[
            {"sku": "A", "period": "2026-08", "quantity": 100},
            {"family": "G", "period": "2026-08", "quantity": 40},
        ],
        budget=[{"period": "2026-08", "revenue": 1000}, {"family": "F", "period": "2026-08", "revenue": 800}],
        kpi_actuals=[
            {"metric": "web_conversion", "period": "2026-08", "value": 2.0, "unit": "%"},
            {"metric": "web_conversion", "period": "2026-09", "value": 3.0, "unit": "%"},
        ],
    )
    assert kpi("capacity_utilization", d)["value"] == round(100 * 150 / 300, 2)
    # plan 100 (A) + 40 (family G) in 2026-08; sold 100 + 20
    assert kpi("plan_attainment", d)["value"] == round(100 * 120 / 140, 2)
    assert kpi("revenue_vs_budget", d)["value"] == round(100 * (100 * 10 + 20 * 5) / 1000, 2)
    assert kpi("revenue_vs_budget", d, family="F")["value"] == round(100 * 1000 / 800, 2)
    assert kpi("revenue_vs_budget", d, sku="A")["status"] == "no data"
    w = kpi("web_conversion", d)
    assert (w["value"], w["unit"], w["details"]["monthly"]) == (2.5, "%", {"2026-08": 2.0, "2026-09": 3.0})
    names = [k["name"] for k in kpi_catalog(d)]
    assert names[:5] == ["wape", "mape", "bias", "tracking_signal", "fva"] and "web_conversion" in names
    assert all(k["formula"] for k in kpi_catalog(d))


def test_default_window_missing_table_and_bad_arguments():
    r = compute_kpi(data(), "fill_rate")
    assert r["status"] == "no data" and "orders.csv" in r["message"]
    assert (
        r["period"]["from"] == "2026-05"
        and r["period"]["to"] == "2026-10"
        and "default" in r["period"]["window"]
    )
    with pytest.raises(InvalidArgument, match="no KPI 'wap'"):
        compute_kpi(data(), "wap")
    with pytest.raises(UnknownProduct):
        compute_kpi(data(), "wape", family="Nope")
    with pytest.raises(InvalidArgument, match="lag"):
        compute_kpi(data(), "wape", lag=-1)


pairs = st.lists(st.tuples(st.floats(0, 1e5), st.floats(0.01, 1e5)), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(pairs, st.floats(0.1, 10))
def test_wape_properties(rows, k):
    frame = pd.DataFrame(rows, columns=["forecast", "actual"])
    w = wape_of(frame)
    assert w >= 0
    assert wape_of(frame.assign(forecast=frame["actual"])) == 0
    # scale invariant: units or thousands give the same WAPE
    assert abs(wape_of(frame * k) - w) <= 1e-6 * max(1.0, w)
