"""The planning engine: gap analysis, what-if scenarios, capacity, cover options and reconciliation.

Pure functions over ``PlanData`` plus a demand frame (sku, period, forecast, lo_80, hi_80, lo_95, hi_95).
"""

from sop_engine.planning.capacity import ALLOCATION_RULE, capacity_check
from sop_engine.planning.gaps import analyse_gaps, gaps_document
from sop_engine.planning.scenario import Scenario, apply_scenario, parse_scenario, what_if_document

__all__ = [
    "ALLOCATION_RULE",
    "Scenario",
    "analyse_gaps",
    "apply_scenario",
    "capacity_check",
    "gaps_document",
    "parse_scenario",
    "what_if_document",
]
