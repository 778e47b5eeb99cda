"""drivers.csv and the price column of sales_history.csv: validated like every other file."""

from __future__ import annotations

import pytest
from factories import SALES, write_company

from sop_engine.dataset.validate import read_dataset
from sop_engine.store import PlanStore

DRIVERS = """period,driver,value,sku,family,kind,unit
2026-08,ad_spend,1000,,,actual,EUR
2026-09,ad_spend,1200,,,actual,EUR
2026-10,ad_spend,900,,,,EUR
2026-11,ad_spend,1500,,,plan,EUR
2026-12,ad_spend,1600,,,,EUR
2026-09,web_sessions,300,AB-100,,,
2026-10,web_sessions,320,AB-100,,,
2026-10,promo_days,4,,Widgets,,days
"""


def test_drivers_file_is_read_typed(tmp_path):
    dataset = read_dataset(write_company(tmp_path / "co", **{"drivers.csv": DRIVERS}))
    assert dataset.ok, dataset.problems
    frame = dataset.frames["drivers"]
    assert frame["value"].dtype == "float64" and len(frame) == 8
    assert frame["kind"].tolist()[:4] == ["actual", "actual", None, "plan"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("2026-10,ad_spend,lots,,,,\n", "drivers.csv:10: value: 'lots' is not a number"),
        ("2026-10,ad_spend,5,ZZ-1,,,\n", "drivers.csv:10: sku: unknown sku 'ZZ-1' (not in products.csv)"),
        ("2026-10,ad_spend,5,,Nope,,\n", "drivers.csv:10: family: unknown family 'Nope' (not in products.csv)"),
        ("2026-10,ad_spend,5,AB-100,Widgets,,\n", "drivers.csv:10: sku/family: give a sku or a family, not both"),
        ("2026-10,ad_spend,5,,,forecast,\n", "drivers.csv:10: kind: 'forecast' is not one of actual, plan"),
        ("2026-13,ad_spend,5,,,,\n", "drivers.csv:10: period: '2026-13' is not a valid month (YYYY-MM)"),
        (",ad_spend,5,,,,\n", "drivers.csv:10: period: required value is empty"),
        ("2026-10,ad_spend,950,,,actual,\n",
         "drivers.csv:10: driver/period: duplicate actual of 'ad_spend' (company-wide) for 2026-10 (first on row 4)"),
        ("2027-01,ad_spend,950,,,actual,\n",
         "drivers.csv:10: kind: an actual for 2027-01, after the planning month 2026-11; use kind plan"),
    ],
)
def test_bad_driver_rows_are_named(tmp_path, extra, expected):
    dataset = read_dataset(write_company(tmp_path / "co", **{"drivers.csv": DRIVERS + extra}))
    assert expected in [str(p) for p in dataset.problems]


def test_missing_columns_and_price_problems(tmp_path):
    dataset = read_dataset(write_company(tmp_path / "co", **{"drivers.csv": "period,value\n2026-10,3\n"}))
    assert "drivers.csv:1: driver: missing required column" in [str(p) for p in dataset.problems]
    sales = "sku,period,quantity,price\nAB-100,2026-08,50,-2\nAB-100,2026-09,5,cheap\n"
    dataset = read_dataset(write_company(tmp_path / "co2", **{"sales_history.csv": sales}))
    assert {str(p) for p in dataset.problems} >= {"sales_history.csv:2: price: negative amount -2",
                                                  "sales_history.csv:3: price: 'cheap' is not a number"}


def test_a_driver_without_plan_over_the_horizon_is_reported(tmp_path):
    folder = write_company(tmp_path / "co", **{
        "drivers.csv": DRIVERS,
        "company.toml": 'name = "Test Co"\nplanning_date = "2026-11-15"\nhorizon_months = 3\n'})
    warnings = read_dataset(folder).warnings
    assert ("drivers.csv: driver 'ad_spend' (company-wide) has history to 2026-10 but no plan for 2027-01: "
            "forecasts using it are driver-free in those months") in warnings
    assert ("drivers.csv: driver 'web_sessions' (sku AB-100) has history to 2026-10 but no plan for "
            "2026-11..2027-01: forecasts using it are driver-free in those months") in warnings
    assert any("'promo_days' (family Widgets)" in w for w in warnings)


def test_price_is_a_quantity_weighted_mean_per_month_in_the_store(tmp_path):
    sales = SALES.replace("sku,period,quantity", "sku,period,quantity,price")
    sales = sales.replace("AB-200,2026-08-03,10", "AB-200,2026-08-03,10,2.0").replace(
        "AB-200,2026-08-20,12", "AB-200,2026-08-20,30,3.0")
    folder = write_company(tmp_path / "co", **{"sales_history.csv": sales, "drivers.csv": DRIVERS})
    dataset = read_dataset(folder)
    assert dataset.ok, dataset.problems
    store = PlanStore(f"sqlite:///{tmp_path / 'plan.db'}")
    rows = store.replace_dataset(dataset, "test")
    assert rows["drivers"] == 8
    history = store.plan_data(__import__("datetime").date(2026, 11, 15)).sales_history
    aug = history[(history["sku"] == "AB-200") & (history["period"] == "2026-08-01")].iloc[0]
    assert aug["quantity"] == 40 and aug["price"] == pytest.approx((10 * 2 + 30 * 3) / 40)
    assert history.loc[history["sku"] == "AB-100", "price"].isna().all()
    assert len(store.read_table("drivers")) == 8
