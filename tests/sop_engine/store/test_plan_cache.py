"""The read cache of a long-running process: kept per store version, refreshed by what a write changed,
and the same answers as computing everything afresh (real SQLite plan stores of the demo company)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from sop_engine.planning import gaps_document
from sop_engine.service import plan_cache, planning
from sop_engine.service.forecasting import override_forecast as add_override
from sop_engine.service.forecasting import planning_demand
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions
from sop_engine.store.plan_store import TOPICS, topics_of

D = date(2026, 11, 15)


@pytest.fixture
def store(demo):
    store = PlanStore(f"sqlite:///{demo / 'plan.db'}")
    yield store
    store.engine.dispose()


def fresh(store: PlanStore, **scope) -> dict:
    """The engine's document from the store's tables read again, with nothing kept."""
    other = PlanStore(store.url)
    try:
        demand, source = planning_demand(other)
        return gaps_document(other.plan_data(D), demand, source, **scope)
    finally:
        other.engine.dispose()


def same_answer(store: PlanStore, **scope) -> dict:
    answer = planning.gaps(store, D, **scope)
    expected = fresh(store, **scope)
    for key, value in expected.items():
        assert answer[key] == value, key
    return answer


def capacity_plans(store: PlanStore) -> int:
    """The capacity plans kept with the current version of the data (one per projection window)."""
    return len(store.plan_data(D, copy=False).memo.get("capacity_plans", {}))


def test_one_sku_answer_reuses_the_capacity_plan_and_equals_the_full_computation(store):
    everything = same_answer(store, months=6)
    assert any(row["overloaded"] for row in everything["capacity"]), "the demo has scarce capacity"
    short = [row for row in everything["skus"] if row["total_shortage"] > 0]
    routed = [row["sku"] for row in short[:3]] + [everything["skus"][-1]["sku"]]
    for sku in routed:
        same_answer(store, sku=sku, months=6)
    same_answer(store, family=everything["families"][0]["family"], months=6)
    assert capacity_plans(store) == 1  # one plan for the window, reused by every question after the first
    same_answer(store, sku=routed[0], months=2)
    assert capacity_plans(store) == 2


def test_an_override_refreshes_the_demand_and_the_capacity_plan(store):
    everything = planning.gaps(store, D, months=6)
    sku = everything["skus"][0]["sku"]
    before = planning.gaps(store, D, sku=sku, months=6)
    data_before = store.cached("plan_data", lambda: None, ("data",))
    add_override(store, D, sku, "2027-01", 10_000.0, "trade show order", "cli:test")
    after = same_answer(store, sku=sku, months=6)
    assert after["skus"][0]["periods"] != before["skus"][0]["periods"]
    assert after["demand_source"]["overrides"] == before["demand_source"]["overrides"] + 1
    # the loaded company data was not read again: an override changes forecasts only
    assert store.cached("plan_data", lambda: None, ("data",)) is data_before
    same_answer(store, months=6)


def test_a_one_family_publish_reads_only_that_familys_values(store, monkeypatch):
    planning.gaps(store, D, months=3)
    published = versions.published_values(store)
    products = store.read_table("products")
    family = products["family"].iloc[0]
    skus = products.loc[products["family"] == family, "sku"].tolist()
    values = published[published["sku"].isin(skus)].drop(columns=["version"])
    values = values.assign(forecast=values["forecast"] * 1.5)
    info = pd.DataFrame({"sku": skus, "model": "planner"})
    version = versions.create_version(store, values, info, scope={"kind": "family", "family": family},
                                      parameters={}, note="uplift", principal="cli:test")
    versions.publish(store, version, "cli:test")
    asked: list = []
    real = versions.published_values
    monkeypatch.setattr(versions, "published_values", lambda s, wanted=None: asked.append(wanted) or real(s, wanted))
    planning.gaps(store, D, family=family, months=3)
    assert asked == [sorted(skus)]  # only the SKUs whose published version changed were read again
    answer = same_answer(store, family=family, months=3)
    assert answer["demand_source"]["version"] == sorted({version, *published["version"].unique().tolist()})
    kept = plan_cache.published_values(store)
    expected = plan_cache.sort_by_sku(real(store))
    pd.testing.assert_frame_equal(kept, expected)


def test_writes_by_another_process_are_seen(store):
    planning.gaps(store, D, months=3)
    other = PlanStore(store.url)  # another process on the same store
    sku = store.read_table("products")["sku"].iloc[0]
    add_override(other, D, sku, "2026-12", 0.0, "line stop", "cli:other")
    other.engine.dispose()
    assert planning.gaps(store, D, sku=sku, months=3)["demand_source"]["overrides"] >= 1
    same_answer(store, sku=sku, months=3)


def test_what_each_audit_action_changes():
    assert topics_of("data.load") == ("data",)
    assert topics_of("forecast.override") == ("forecast",)
    assert topics_of("forecast.publish") == ("forecast",)
    assert topics_of("notes.ingest") == ("notes",)
    assert topics_of("company.change") == TOPICS
    assert topics_of("job.start") == ()
    assert topics_of("something.new") == TOPICS  # unknown writes invalidate everything


def test_what_ifs_and_reconciliation_reuse_kept_plans_with_the_same_answer(store):
    from sop_engine.planning import what_if_document
    from sop_engine.planning.reconcile import reconcile_document

    scenario = {"supply_changes": [{"ref": versions_ref(store), "delay_days": 30}]}
    other = PlanStore(store.url)
    demand, source = planning_demand(other)
    data = other.plan_data(D)
    for _ in range(2):  # the second time from the kept plans
        answer = planning.gaps(store, D, months=4, scenario=scenario)
        expected = what_if_document(data, demand, source, scenario, months=4, with_cover_options=True)
        assert answer["changes"] == expected["changes"] and expected["changes"]
        for side in ("base", "scenario"):  # the service adds counts beside the engine's keys
            for key, value in expected[side].items():
                assert answer[side][key] == value, (side, key)
        answer = planning.reconcile(store, D, months=4)
        expected = reconcile_document(data, demand, source, months=4, with_coherence=False)
        for key in ("skus", "decisions", "capacity", "notes"):
            assert answer.get(key) == expected.get(key), key
        assert [{k: v for k, v in f.items() if k != "totals"} for f in answer["families"]] == expected["families"]
    other.engine.dispose()


def versions_ref(store: PlanStore) -> str:
    return str(store.read_table("supply")["ref"].dropna().iloc[0])


def test_kpi_frames_are_built_with_the_data_and_give_the_fresh_answers(store):
    from sop_engine.kpi import compute_kpi
    from sop_engine.service.forecasting import override_forecast

    planning.gaps(store, D, months=3)  # the first question of this version of the data (any question)
    kept = store.plan_data(D, copy=False).memo
    assert {"kpi.snapshots", "kpi.history_keys", "kpi.history", "kpi.codes", "scope_index"} <= kept.keys()
    products = store.read_table("products")
    sku, family = str(products["sku"].iloc[3]), str(products["family"].iloc[-1])
    asks = [("wape", {}), ("bias", {"family": family, "lag": 2}), ("tracking_signal", {}),
            ("mape", {"sku": sku}), ("fill_rate", {}), ("days_of_supply", {"family": family}),
            ("fva", {}), ("capacity_utilization", {})]

    def same_answers() -> None:
        other = PlanStore(store.url)
        try:
            data, overrides = other.plan_data(D), plan_cache.overrides(other)
            for name, scope in asks:
                expected = compute_kpi(data, name, overrides=overrides if not overrides.empty else None, **scope)
                assert planning.kpi(store, D, name, **scope) == expected, (name, scope)
        finally:
            other.engine.dispose()

    same_answers()
    built = kept["kpi.snapshots"]
    same_answers()
    assert store.plan_data(D, copy=False).memo["kpi.snapshots"] is built  # read from the kept frames
    override_forecast(store, D, sku, "2027-01", 123.0, "planner", "test")  # an override: a forecast write
    same_answers()
