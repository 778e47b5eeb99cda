"""A company whose demand responds to ad spend, through the CLI: load, forecast with drivers (recorded
value added and effects), a what-if on ad spend beside the base, a scenario draft that cannot be published."""

from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pytest
from cli.helpers import sop, sop_json
from fakes import call, say, scripted

from assistant.cli.context import runtime
from assistant.conversation import Assistant
from sop_engine.demo.drivers import driver_company


@pytest.fixture
def company(tmp_path):
    co = driver_company(seed=3, history_months=36, horizon=12, skus_per_family=2, short_skus=1,
                        start="2023-11-01")
    assert co.planning_date == "2026-11-15"
    return co, co.write(tmp_path / "co")


def test_forecast_with_drivers_records_value_added_effects_and_what_ifs(company, isolated_home):
    co, folder = company
    sop_json("data", "load", str(folder))
    run = sop_json("forecast", "run", "--all")
    added = run["driver_value_added"]
    assert added["skus_with_drivers"] == len(co.truth) and added["effects"] >= 1
    assert run["parameters"]["drivers"] == ["ad_spend"]
    pools = {p["scope"]: p for p in run["parameters"]["driver_pools"]}
    assert pools["family Responsive"]["significant"] and not pools["family Steady"]["significant"]
    with sqlite3.connect(isolated_home / "plan.db") as con:
        rows = con.execute("select sku, used, cv_error_drivers, cv_error_driver_free from forecast_drivers").fetchall()
        effects = con.execute("select sku, driver, effect_pct, source, coef, planned, explanation "
                              "from forecast_driver_effects").fetchall()
    assert len(rows) == len(co.truth)
    for _sku, used, with_drivers, without in rows:
        if used:  # used only where CV beat the best driver-free candidate
            assert with_drivers <= 0.95 * without
    by_sku = {r[0]: r for r in effects}
    assert "RES-03" in by_sku and by_sku["RES-03"][3] in ("family pool", "company pool")  # the short SKU
    assert by_sku["RES-03"][6].startswith("+10% ad spend ≈ +")
    shown = sop_json("forecast", "show", "latest", "--sku", "RES-03")
    assert "ad spend" in shown["skus"][0]["note"]

    # a what-if: ad spend doubled in one month moves that month's demand through the stored response
    effect = by_sku["RES-03"]
    planned = json.loads(effect[5])
    month = sorted(planned)[2]
    scenario = json.dumps({"driver_changes": [{"driver": "ad_spend", "sku": "RES-03", "pct": 100,
                                                "months": [month]}]})
    doc = sop_json("gaps", "--sku", "RES-03", "--months", "6", "--scenario", scenario)
    moved = {m["period"]: m for m in doc["demand_comparison"]["months"]}
    assert moved[month]["change"] == pytest.approx(effect[4] * planned[month], rel=1e-3, abs=0.2)
    assert doc["driver_results"][0]["skus_changed"] == 1
    assert "base" in doc and "scenario" in doc

    # the assistant, offline: what drives demand, how much ads move sales, in Vietnamese too
    asked = sop_json("ask", "what drives demand for the Carryover family?")
    assert asked["tool_calls"][0]["name"] == "get_driver_effects", asked
    assert "+10% ad spend ≈ +" in asked["answer"] and asked["grounded"] is True, asked
    asked = sop_json("ask", "how much do ads move sales of RES-03?")
    assert asked["tool_calls"][0]["args"] == {"product": "RES-03", "driver": "ad_spend"}
    assert f"{by_sku['RES-03'][2]:+.1f}%" in asked["answer"] and asked["grounded"] is True, asked
    asked = sop_json("ask", "quảng cáo ảnh hưởng doanh số thế nào?")
    assert asked["tool_calls"][0]["args"].get("driver") == "ad_spend"
    assert "+10% ad spend ≈" in asked["answer"] and "số lượng" in asked["answer"]

    asked = sop_json("ask", "what if we spend 30% more on ads in March?")
    [routed] = asked["tool_calls"]
    assert routed["name"] == "check_shortages" and routed["args"]["scenario"] == {
        "driver_changes": [{"driver": "ad_spend", "pct": 30.0, "months": ["2027-03"]}]}, routed
    assert asked["grounded"] is True, asked
    assert "ad spend changes by +30% in" in asked["answer"] and ": demand " in asked["answer"], asked["answer"]

    # the LLM path: the effect is a fact the answer check binds; an invented one is caught
    pct = by_sku["RES-03"][2]
    for figure, grounded in ((pct, True), (pct + 7.3, False)):
        model = scripted(call("get_driver_effects", {"product": "RES-03", "driver": "ad_spend"}),
                         say(f"For RES-03, +10% ad spend ≈ {figure:+.1f}% units."))
        doc = Assistant(runtime(), model_factory=lambda model=model: model).ask(
            "how much do ads move sales of RES-03?", principal="cli:t", role="viewer")
        assert doc["engine"] == "llm" and doc["grounded"] is grounded, doc["answer"]

    # a driver the forecast does not know is named with the ones it does
    bad = sop("gaps", "--scenario", '{"driver_changes": [{"driver": "tv_spend", "pct": 10}]}', "--json")
    assert bad.exit_code == 1 and "no effect of 'tv_spend'" in json.loads(bad.stdout)["error"]["message"]

    # a scenario draft: side by side with the base, never published
    draft = sop_json("forecast", "run", "--all", "--scenario", scenario)
    assert draft["comparison"]["skus"][0]["sku"] == "RES-03"
    refused = sop("forecast", "publish", str(draft["version"]), "--json")
    assert refused.exit_code == 1 and "scenario" in json.loads(refused.stdout)["error"]["message"]


def test_without_drivers_file_nothing_changes(company, isolated_home, tmp_path):
    co, folder = company
    (folder / "drivers.csv").unlink()
    sop_json("data", "load", str(folder))
    run = sop_json("forecast", "run", "--all")
    assert "driver_value_added" not in run and "drivers" not in run["parameters"]


def test_missing_plans_give_the_driver_free_forecast_and_say_so(company, isolated_home):
    co, folder = company
    drivers = pd.read_csv(folder / "drivers.csv")
    drivers[drivers["period"] < "2027-02"].to_csv(folder / "drivers.csv", index=False)
    load = sop_json("data", "load", str(folder))
    assert any("no plan for 2027-02..2027-10" in w for w in load.get("warnings", [])), load
    sop_json("forecast", "run", "--all")
    shown = sop_json("forecast", "show", "latest")
    rows = pd.DataFrame(shown["rows"])
    notes = {s["sku"]: s["note"] for s in shown["skus"]}
    used = [s for s in shown["skus"] if s["model"] == "AutoARIMA_X"]
    for s in used:
        late = rows[(rows["sku"] == s["sku"]) & (rows["period"] >= "2027-02")]
        assert (late["model"] != "AutoARIMA_X").all()
        assert "no plan for ad spend in 2027-02..2027-10: driver-free forecast" in notes[s["sku"]]
