"""The proposed consensus plan and the decisions the executive S&OP meeting must take.

CONSENSUS_RULES, per SKU and month (t = threshold, default 15%):
1. consensus_demand = the sales plan when it lies within +/- t of the statistical forecast; beyond that it
   is capped to the nearer bound stat x (1 +/- t) and the gap becomes a decision (accept the full sales
   plan or the capped figure). No sales plan: the statistical forecast. No statistical forecast (0): the
   sales plan (a launch), flagged.
2. consensus_plan = min(consensus_demand, capacity-constrained supply): capacity is allocated by margin
   per hour with spill to alternative resources (``capacity.ALLOCATION_RULE``); what does not fit is a
   decision (add hours or accept the lost units and revenue).
3. Revenue = units x unit_price; a family whose consensus revenue is under its budget is a decision.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sop_engine.planning.common import money, units

CONSENSUS_RULES = [
    "consensus demand = sales plan when within +/- threshold of the statistical forecast, else capped at "
    "statistical forecast x (1 +/- threshold); no sales plan = statistical forecast; "
    "no statistical forecast = "
    "sales plan",
    "consensus plan = min(consensus demand, capacity-constrained supply); scarce hours by margin per hour, "
    "spill to alternative resources",
    "revenue = units x unit_price, compared with the budget",
]


def consensus_demand(stat: pd.Series, plan: pd.Series, threshold: float) -> pd.Series:
    lo, hi = stat * (1 - threshold), stat * (1 + threshold)
    capped = plan.clip(lower=lo, upper=hi)
    out = np.where(plan.isna(), stat, np.where(stat <= 0, plan, capped))
    return pd.Series(out, index=stat.index)


def decisions(
    families: pd.DataFrame,
    capacity_load: pd.DataFrame | None,
    allocation: pd.DataFrame | None,
    threshold: float,
    currency: str,
) -> list[dict]:
    """Decisions with their numbers: plan vs forecast, capacity, revenue vs budget."""
    out: list[dict] = []
    off = families[families["plan_off"]]
    for r in off.itertuples(index=False):
        out.append(
            {
                "kind": "sales_plan_vs_forecast",
                "family": r.family,
                "period": r.label,
                "question": f"{r.family} {r.label}: accept the sales plan of {units(r.sales_plan)} units "
                f"({r.plan_gap_pct:+.1f}% vs the statistical forecast of {units(r.stat)}) or the consensus "
                f"proposal of {units(r.consensus_demand)}?",
                "sales_plan": units(r.sales_plan),
                "statistical_forecast": units(r.stat),
                "consensus_demand": units(r.consensus_demand),
                "gap_pct": round(float(r.plan_gap_pct), 1),
                "threshold_pct": round(threshold * 100, 1),
            }
        )
    if capacity_load is not None:
        for r in capacity_load[capacity_load["overloaded"]].itertuples(index=False):
            cut = allocation[
                (allocation["resource"] == r.resource)
                & (allocation["period"] == r.period)
                & (allocation["unmet_units"] > 1e-9)
            ]
            lost = float(cut["unmet_units"].sum())
            revenue = float((cut["unmet_units"] * cut["unit_price"].fillna(0.0)).sum())
            out.append(
                {
                    "kind": "capacity",
                    "resource": r.resource,
                    "period": f"{r.period:%Y-%m}",
                    "question": f"{r.resource} {r.period:%Y-%m} needs {units(r.required_hours)} h for "
                    f"{units(r.available_hours)} h available: add {units(r.overload_hours)} h (overtime, "
                    f"shift) or accept {units(lost)} units unserved after spill ({money(revenue)} "
                    f"{currency} of revenue)?",
                    "required_hours": units(r.required_hours),
                    "available_hours": units(r.available_hours),
                    "overload_hours": units(r.overload_hours),
                    "unserved_units": units(lost),
                    "unserved_revenue": money(revenue),
                    "skus_cut": sorted(cut["sku"].unique().tolist())[:10],
                }
            )
    under = families[families["under_budget"]]
    for fam, g in under.groupby("family", sort=True):
        gap = float((g["budget"] - g["revenue_consensus"]).sum())
        out.append(
            {
                "kind": "revenue_vs_budget",
                "family": fam,
                "periods": g["label"].tolist(),
                "question": f"{fam}: consensus revenue is {money(gap)} {currency} under budget over "
                f"{', '.join(g['label'])}: accept the gap, or push demand (promotion, price) to close it?",
                "revenue_consensus": money(float(g["revenue_consensus"].sum())),
                "budget": money(float(g["budget"].sum())),
                "gap": money(gap),
            }
        )
    return out
