"""Reconciliation: sales plan rule, consensus, capacity, budget, decisions and MinTrace coherence."""

import pandas as pd
import pytest

from sop_engine.planning.reconcile import reconcile_document
from tests.sop_engine.planning.factories import SOURCE, demand, plan_data, product, small_company, table


def company_with_plans():
    data = small_company()
    data.tables["sales_plan"] = table(
        "sales_plan",
        [
            {"sku": "A1", "period": "2026-12", "quantity": 200},
            {"family": "Beta", "period": "2026-12", "quantity": 150},
            {"sku": "B1", "period": "2026-12", "quantity": 60},
        ],
    )
    data.tables["budget"] = table(
        "budget",
        [
            {"family": "Alpha", "period": "2026-12", "revenue": 5000},
            {"family": "Beta", "period": "2026-12", "revenue": 1000},
        ],
    )
    data.provided |= {"sales_plan", "budget"}
    return data


DEMAND = demand({"A1": [100, 120], "A2": [80, 90], "B1": [80, 80], "B2": [40, 40]})


def test_plan_consensus_capacity_budget_and_decisions():
    doc = reconcile_document(company_with_plans(), DEMAND, SOURCE, months=1, with_coherence=False)
    fam = {f["family"]: {p["period"]: p for p in f["periods"]} for f in doc["families"]}
    alpha, beta = fam["Alpha"]["2026-12"], fam["Beta"]["2026-12"]
    # Alpha has no family row: A1's row 200 + A2 at its forecast 90
    assert (alpha["statistical_forecast"], alpha["sales_plan"], alpha["sales_plan_vs_forecast_pct"]) == (
        210.0,
        290.0,
        38.1,
    )
    # A1 capped at 120 x 1.15 = 138, A2 = 90; L1 has 100 h for 114 h: A2 loses 28 units (14 h / 0.5)
    assert (alpha["consensus_demand"], alpha["constrained_supply"], alpha["consensus_plan"]) == (
        228.0,
        200.0,
        200.0,
    )
    assert alpha["revenue_consensus"] == 138 * 10 + 62 * 8
    assert set(alpha["flags"]) == {"sales_plan_off_forecast", "demand_over_capacity", "revenue_under_budget"}
    # Beta's family row (150) is its plan; B2 gets the remainder 150 - 60 = 90, capped at 46
    assert (beta["sales_plan"], beta["consensus_demand"]) == (150.0, 68.0 + 46.0)
    skus = {s["sku"]: s["periods"][-1] for s in doc["skus"]}
    assert (skus["B2"]["sales_plan"], skus["B2"]["consensus_demand"]) == (90.0, 46.0)
    kinds = [d["kind"] for d in doc["decisions"]]
    assert kinds.count("sales_plan_vs_forecast") == 2 and "capacity" in kinds and "revenue_vs_budget" in kinds
    cap = next(d for d in doc["decisions"] if d["kind"] == "capacity" and d["period"] == "2026-12")
    assert (cap["overload_hours"], cap["unserved_units"], cap["unserved_revenue"], cap["skus_cut"]) == (
        14.0,
        28.0,
        224.0,
        ["A2"],
    )
    rev = next(d for d in doc["decisions"] if d["kind"] == "revenue_vs_budget")
    assert (rev["family"], rev["gap"]) == ("Alpha", 5000 - 1876.0)
    assert doc["threshold_pct"] == 15.0 and doc["rules"]["consensus"]


def test_mintrace_wls_struct_adjustment_by_hand():
    # family forecast 10 vs SKUs 3 + 4: W = diag(2, 1, 1) -> family 8.5, SKUs 3.75 and 4.75
    data = plan_data(products=[product("a", "F"), product("b", "F")])
    fam = pd.DataFrame({"family": ["F"], "period": [pd.Timestamp("2026-11-01")], "forecast": [10.0]})
    doc = reconcile_document(data, demand({"a": [3], "b": [4]}), SOURCE, months=0, family_forecast=fam)
    coh = doc["coherence"]
    assert coh["method"] == "MinTrace(method='wls_struct')"
    assert coh["families"] == [
        {
            "family": "F",
            "period": "2026-11",
            "family_forecast": 10.0,
            "sum_of_skus": 7.0,
            "reconciled": 8.5,
            "adjustment": -1.5,
        }
    ]
    assert {s["sku"]: s["reconciled"] for s in coh["skus"]} == {"a": 3.8, "b": 4.8}  # 3.75, 4.75 to 1 decimal
    assert "no sales plan loaded: consensus demand = statistical forecast" in doc["notes"]


@pytest.mark.slow
def test_family_forecast_from_history_when_not_given():
    doc = reconcile_document(company_with_plans(), DEMAND, SOURCE, months=1)
    coh = doc["coherence"]
    assert coh["family_forecast_source"].startswith("DynamicOptimizedTheta")
    for f in coh["families"]:  # reconciled family = sum of reconciled SKUs
        total = sum(
            s["reconciled"] for s in coh["skus"] if s["family"] == f["family"] and s["period"] == f["period"]
        )
        assert abs(total - f["reconciled"]) < 0.2
