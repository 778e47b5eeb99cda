"""``sop gaps``, ``sop reconcile`` and ``sop kpi`` on the demo company, through the CLI's JSON."""

from __future__ import annotations

import json

from cli.helpers import sop, sop_json


def test_at_least_three_skus_are_short_in_the_next_three_months_for_recognisable_reasons(demo):
    doc = sop_json("gaps", "--months", "3")
    assert doc["months"] == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert doc["demand_source"]["kind"] == "published"
    short = {s["sku"]: s for s in doc["skus"] if s["total_shortage"] > 0}
    assert len(short) >= 3
    # the reasons a planner would recognise: allocated stock, a late order, a promotion
    allocated = [s for s in short.values() if s["allocated"] > 0.5 * s["on_hand"]]
    late = [
        s
        for s in short.values()
        if any(r["due_date"] > "2027-01-01" for p in s["periods"] for r in p["receipt_refs"])
        or s["cover_options"]
        and any(o["kind"] == "expedite" for o in s["cover_options"])
    ]
    assert allocated and late
    for sku in short.values():
        assert sku["first_short_period"] in doc["months"]
        assert 0 < sku["stockout_probability"] <= 1
        assert sku["cover_options"], sku["sku"]
        for option in sku["cover_options"]:
            assert option["shortage_after"] <= option["shortage_before"]
    # the arithmetic of each month holds in the document
    for sku in doc["skus"]:
        balance = sku["opening_stock"]
        for period in sku["periods"]:
            assert abs(balance + period["receipts"] - period["demand"] - period["projected_balance"]) < 0.2
            balance = period["projected_balance"]
            assert (
                period["shortage"] == max(0.0, round(-period["projected_balance"], 1))
                or abs(period["shortage"] + min(0.0, period["projected_balance"])) < 0.2
            )


def test_what_if_is_an_argument_never_a_write(demo):
    doc = sop_json("gaps", "--months", "3")
    ref = next(r["ref"] for s in doc["skus"] for p in s["periods"] for r in p["receipt_refs"] if r["ref"])
    scenario = json.dumps({"supply_changes": [{"ref": ref, "delay_days": 60}]})
    whatif = sop_json("gaps", "--months", "3", "--scenario", scenario)
    assert set(whatif) >= {"base", "scenario", "changes"}
    assert whatif["base"]["skus"] == doc["skus"]
    assert sop_json("gaps", "--months", "3")["skus"] == doc["skus"]  # unchanged afterwards
    bad = sop_json("gaps", "--scenario", '{"supply_changes": [{"ref": "NOPE-1", "delay_days": 3}]}', ok=False)
    assert bad["error"]["code"] == "invalid_argument" and "NOPE-1" in bad["error"]["message"]


def test_unknown_family_carries_the_closest_matches(demo):
    error = sop_json("gaps", "--family", "cold brw", ok=False)["error"]
    assert error["code"] == "unknown_product" and any("Cold Brew" in d for d in error["details"])
    human = sop("gaps", "--sku", "oat mlk")
    assert human.exit_code == 1 and "closest" in human.stderr and "Traceback" not in human.output


def test_reconcile_and_kpis(demo):
    doc = sop_json("reconcile", "--months", "5")
    assert len(doc["months"]) == 6 and doc["families"] and doc["decisions"]
    for family in doc["families"]:
        totals = family["totals"]
        assert totals["months"] == 6
        assert abs(totals["statistical_forecast"] - sum(p["statistical_forecast"] for p in family["periods"])) < 0.1
        assert set(totals["flags"]) == {f for p in family["periods"] for f in p["flags"]}
    assert doc["coherence"] is None or "families" in doc["coherence"]
    catalog = {k["name"] for k in sop_json("kpi", "list")["kpis"]}
    assert {
        "wape",
        "mape",
        "bias",
        "tracking_signal",
        "fva",
        "fill_rate",
        "otif",
        "days_of_supply",
        "inventory_turns",
        "inventory_value",
        "capacity_utilization",
        "plan_attainment",
        "revenue_vs_budget",
    } <= catalog
    wape = sop_json("kpi", "wape", "--family", "Cold Brew", "--lag", "1")
    assert wape["status"] == "ok" and wape["value"] is not None and wape["period"]["months"] == 6
    assert "SKU" in wape["coverage"] and wape["formula"]
    unknown = sop_json("kpi", "happiness", ok=False)["error"]
    assert unknown["code"] in ("invalid_argument", "not_found")


def test_offline_answers_to_plan_questions_are_grounded(demo):
    for question in ("does the plan meet the budget next quarter?", "forecast for cold brew next quarter",
                     "what if demand for cold brew rises 20% in Q1?", "fill rate YTD"):
        doc = sop_json("ask", question)
        assert doc["grounded"] is True, (question, doc["answer"])
        assert "figures not found" not in doc["answer"]
    budget = sop_json("ask", "does the plan meet the budget next quarter?")
    assert "January 2027 to March 2027" in budget["answer"]
    assert "Decisions for the executive meeting" in budget["answer"]
