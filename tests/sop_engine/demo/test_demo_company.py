"""The demo company's tables: reproducible, valid against the contract, and holding every situation a
planner needs to see (trend, seasonality, promotions, tail SKUs, a launch, a phase-out, late supply,
an overloaded line, a sales plan that disagrees, real shortages)."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from demo_checks import history, line_load, planning_date, read, short_skus

from sop_engine.dataset.validate import read_dataset
from sop_engine.demo import write_demo_company
from sop_engine.errors import InvalidArgument


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_same_seed_and_date_give_byte_identical_files(tmp_path):
    first = write_demo_company(tmp_path / "a", seed=11, planning_date=date(2026, 6, 10))
    second = write_demo_company(tmp_path / "b", seed=11, planning_date=date(2026, 6, 10))
    other = write_demo_company(tmp_path / "c", seed=12, planning_date=date(2026, 6, 10))
    a, b, c = _files(first.out_dir), _files(second.out_dir), _files(other.out_dir)
    assert len(a) == 13 + first.notes
    assert a == b
    assert a["sales_history.csv"] != c["sales_history.csv"]


def test_folder_passes_the_contract_validator(beverages):
    dataset = read_dataset(beverages.out_dir)
    assert dataset.problems == []
    assert dataset.warnings == []
    assert set(dataset.frames) == {
        "products",
        "sales_history",
        "inventory",
        "supply",
        "capacity",
        "routing",
        "sales_plan",
        "budget",
        "events",
        "orders",
        "forecast_snapshots",
        "kpi_actuals",
    }
    assert dataset.company.planning_date == "2026-11-15"
    assert dataset.company.horizon_months == 18
    assert dataset.company.name == "Brightwater Drinks Co."
    assert beverages.counts["products.csv"] == len(dataset.frames["products"])


def test_catalog_families_statuses_and_plants(beverages):
    products = read(beverages.out_dir, "products")
    assert len(products) == 61
    assert products["family"].nunique() == 5
    assert products["sku"].is_unique and products["name"].is_unique
    assert products["status"].value_counts().to_dict() == {"active": 59, "new": 1, "discontinued": 1}
    assert products.loc[products["status"] == "new", "sku"].tolist() == [beverages.new_sku] == ["CBH-1L"]
    capacity = read(beverages.out_dir, "capacity")
    assert capacity["plant"].nunique() == 2
    assert capacity["resource"].nunique() == 5
    periods = sorted(capacity["period"].unique())
    assert periods[0] == "2026-11" and periods[-1] == "2028-05" and len(periods) == 19
    assert (capacity.groupby("resource").size() == 19).all()


def test_history_spans_36_months_and_ends_last_month(beverages):
    hist = history(beverages.out_dir)
    regular = hist[hist["status"] == "active"].groupby("sku")["period"].agg(["min", "max", "count"])
    assert (regular["max"] == pd.Timestamp("2026-10-01")).all()
    assert (regular["count"] >= 36).all()
    assert hist["period"].min() == pd.Timestamp("2023-08-01")


def test_new_product_and_discontinued_product(beverages):
    hist = history(beverages.out_dir)
    new = hist[hist["sku"] == beverages.new_sku]
    assert len(new) == 4 and new["period"].max() == pd.Timestamp("2026-10-01")
    gone = hist[hist["sku"] == beverages.discontinued_sku]
    assert gone["status"].iloc[0] == "discontinued"
    assert gone["period"].max() == pd.Timestamp("2026-05-01")  # stopped six months before the planning month


def test_at_least_ten_percent_of_skus_are_intermittent(beverages):
    hist = history(beverages.out_dir)
    adi = hist.groupby("sku").apply(
        lambda g: len(g) / max(1, (g["quantity"] > 0).sum()), include_groups=False
    )
    intermittent = sorted(adi[adi > 1.32].index)
    assert intermittent == sorted(beverages.intermittent_skus)
    assert len(intermittent) / len(adi) >= 0.10


def test_trend_and_seasonality_are_visible(beverages):
    hist = history(beverages.out_dir)
    sparkling = hist[hist["family"] == "Sparkling Water"].groupby(hist["period"].dt.month)["quantity"].sum()
    assert sparkling[7] > 1.5 * sparkling[1]  # a summer family
    teas_gone = hist[hist["sku"] == beverages.discontinued_sku].set_index("period")["quantity"]
    assert teas_gone["2025-01":"2025-05"].sum() < 0.8 * teas_gone["2024-01":"2024-05"].sum()


def test_past_promotions_explain_spikes(beverages):
    hist = history(beverages.out_dir).set_index(["sku", "period"])["quantity"]
    events = read(beverages.out_dir, "events")
    past = events[
        (events["kind"] == "promotion") & (events["start"] < "2026-11-01") & (events["sku"].notna())
    ]
    assert len(past) >= 4
    lifts = []
    for _, event in past.iterrows():
        month = pd.Timestamp(event["start"][:7] + "-01")
        same_month = [hist.get((event["sku"], month + pd.DateOffset(months=k))) for k in (-24, -12, 12, 24)]
        other_years = [q for q in same_month if q is not None]  # seasonality cancels out
        lifts.append(hist[(event["sku"], month)] / np.mean(other_years))
    assert min(lifts) > 1.05
    assert np.mean(lifts) > 1.25


def test_events_hold_a_future_promotion_a_launch_and_holidays(beverages):
    events = read(beverages.out_dir, "events")
    future = events[(events["kind"] == "promotion") & (events["start"] >= "2026-11-15")]
    assert set(future["uplift_pct"]) == {50.0, 25.0}
    assert future["start"].max() <= "2028-05-31"
    assert events.loc[events["kind"] == "launch", "sku"].tolist() == [beverages.new_sku]
    assert (events["kind"] == "holiday").sum() >= 8
    assert (events["end"] >= events["start"]).all()


def test_inventory_is_counted_inside_the_current_month_with_allocations(beverages):
    inventory = read(beverages.out_dir, "inventory")
    assert set(inventory["as_of"]) == {"2026-11-14"}
    assert (inventory["allocated"] > 0).sum() >= 10
    assert (inventory["allocated"] <= inventory["on_hand"]).all()
    top = inventory.set_index("sku").loc["CBO-1L"]
    assert top["allocated"] / top["on_hand"] > 0.7


def test_supply_has_purchase_and_production_orders_and_one_past_due(beverages):
    supply = read(beverages.out_dir, "supply")
    pos = supply[supply["kind"] == "purchase_order"]
    mos = supply[supply["kind"] == "production_order"]
    assert pos["ref"].str.fullmatch(r"PO-\d{4}").all() and pos["supplier"].notna().all()
    assert mos["ref"].str.fullmatch(r"MO-\d{4}").all()
    assert (supply["kind"] == "transfer").sum() == 2
    assert supply["ref"].is_unique
    past_due = supply[supply["due_date"] < "2026-11-15"]
    assert past_due["ref"].tolist() == beverages.past_due_refs == ["MO-2040"]
    assert set(supply["status"]) == {"planned", "firm", "released"}


def test_routing_alternatives_and_an_overloaded_line(beverages):
    routing = read(beverages.out_dir, "routing")
    assert (routing.groupby("sku").size() == 2).sum() >= 8
    assert (routing["hours_per_unit"] > 0).all()
    load = line_load(beverages.out_dir)
    over = load[load["load"] > load["available_hours"]]
    assert beverages.overloaded_resource in set(over["resource"])
    assert len(over) < len(load) / 4  # the other lines mostly fit


def test_sales_plan_disagrees_with_history_on_a_few_skus(beverages):
    plan = read(beverages.out_dir, "sales_plan")
    hist = history(beverages.out_dir)
    last_year = hist[hist["period"] >= "2025-11-01"].groupby("sku")["quantity"].mean()
    by_sku = plan[plan["sku"].notna()].groupby("sku")["quantity"].mean()  # 12 months: seasonality cancels
    ratio = (by_sku / last_year[by_sku.index]).sort_values()
    assert (ratio > 1.3).sum() >= 3
    assert ((ratio > 0.7) & (ratio < 1.3)).sum() >= 5
    families = plan[plan["family"].notna()]
    assert families["family"].nunique() == 5
    assert sorted(plan["period"].unique()) == [
        f"{m:%Y-%m}" for m in pd.date_range("2026-11-01", periods=12, freq="MS")
    ]


def test_budget_by_family_for_this_year_and_next(beverages):
    budget = read(beverages.out_dir, "budget")
    assert len(budget) == 5 * 24
    assert budget["period"].min() == "2026-01" and budget["period"].max() == "2027-12"
    assert (budget["revenue"] > 0).all()


def test_orders_of_the_last_year_with_late_and_short_lines(beverages):
    orders = read(beverages.out_dir, "orders")
    assert orders["order_date"].min() >= "2025-11-01" and orders["order_date"].max() <= "2026-10-31"
    shipped = orders[orders["ship_date"].notna()]
    late = (shipped["ship_date"] > shipped["requested_date"]).mean()
    short = (shipped["shipped_quantity"] < shipped["quantity"]).mean()
    assert 0.05 < late < 0.25 and 0.02 < short < 0.15
    assert orders["order_id"].is_unique


def test_forecast_snapshots_at_lags_one_to_three(beverages):
    snaps = read(beverages.out_dir, "forecast_snapshots")
    assert sorted(snaps["period"].unique())[0] == "2025-11" and snaps["period"].nunique() == 12
    made = pd.to_datetime(snaps["made_on"])
    period = pd.to_datetime(snaps["period"] + "-01")
    lag = (period.dt.year - made.dt.year) * 12 + period.dt.month - made.dt.month
    assert set(lag) == {1, 2, 3} and (made.dt.day == 1).all()
    actual = history(beverages.out_dir).assign(period=lambda f: f["period"].dt.strftime("%Y-%m"))
    joined = snaps.merge(actual, on=["sku", "period"])
    assert joined["quantity_x"].sum() > joined["quantity_y"].sum()  # the legacy forecast over-forecasts


def test_kpi_actuals_two_metrics_twelve_months(beverages):
    kpis = read(beverages.out_dir, "kpi_actuals")
    assert set(kpis["metric"]) >= {"web_conversion_rate", "cost_per_order"}
    assert (kpis.groupby("metric")["period"].nunique() == 12).all()


def test_three_designed_shortages_and_mostly_healthy_skus(beverages):
    short = short_skus(beverages.out_dir)
    assert set(beverages.short_skus) == {"CBO-1L", "OAT-1L", "SPN-1L"}
    assert set(short) >= set(beverages.short_skus)
    assert len(short) <= 6
    assert short["SPN-1L"] == 2  # the promotion month (2027-01)
    assert short["CBO-1L"] == 0 and short["OAT-1L"] == 0


@pytest.mark.parametrize("day", [date(2026, 3, 1), date(2027, 1, 31)])
def test_other_planning_dates_keep_the_design(tmp_path, day):
    summary = write_demo_company(tmp_path, seed=3, planning_date=day)
    assert read_dataset(tmp_path).problems == []
    assert planning_date(tmp_path) == day
    assert set(short_skus(tmp_path)) >= set(summary.short_skus)
    inventory = read(tmp_path, "inventory")
    assert inventory["as_of"].str[:7].eq(f"{day:%Y-%m}").all()
    last = history(tmp_path)["period"].max()
    assert (last.year, last.month) == ((day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12))


def test_hardware_theme_shares_no_names_but_the_structure(beverages, hardware):
    bev, hw = read(beverages.out_dir, "products"), read(hardware.out_dir, "products")
    assert len(hw) == len(bev) and hw["family"].nunique() == 5
    assert not set(hw["sku"]) & set(bev["sku"])
    assert not set(hw["name"]) & set(bev["name"])
    assert not set(hw["family"]) & set(bev["family"])
    assert all(re.fullmatch(r"[A-Z]{2}-\d{4}", s) for s in hw["sku"])
    hw_lines = set(read(hardware.out_dir, "capacity")["resource"])
    assert not hw_lines & set(read(beverages.out_dir, "capacity")["resource"])
    assert read_dataset(hardware.out_dir).problems == []
    assert set(short_skus(hardware.out_dir)) >= set(hardware.short_skus)
    assert len(hardware.short_skus) == 3 and hardware.company != beverages.company


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(InvalidArgument, match="theme"):
        write_demo_company(tmp_path, planning_date=date(2026, 11, 15), theme="spaceships")
    with pytest.raises(InvalidArgument, match="planning_date"):
        write_demo_company(tmp_path, planning_date="2026-11-15")  # type: ignore[arg-type]
