"""Scoring the router on a set of labelled messages (the dev set in tests, the held-out set in benchmarks).

A case is ``{text, tool, entity, period, args?, context?}``: ``context`` holds earlier messages of the
thread, routed first and passed on as ``previous``. A case is right when tool, entity and months all
match exactly; ``args`` (a subset of the expected arguments) is reported separately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from assistant.router.parse import RoutedCall, route

if TYPE_CHECKING:  # pandas is the caller's: importing the router stays light
    import pandas as pd


@dataclass
class CaseResult:
    case: dict
    call: RoutedCall
    correct: bool
    args_ok: bool


def _subset(expected, actual) -> bool:
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(_subset(v, actual.get(k)) for k, v in expected.items())
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(_subset(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if (
        isinstance(expected, int | float)
        and isinstance(actual, int | float)
        and not isinstance(expected, bool)
    ):
        return float(expected) == float(actual)
    return expected == actual


def run_case(case: dict, products: pd.DataFrame, planning_date: date) -> CaseResult:
    previous = None
    for earlier in case.get("context") or []:
        routed = route(earlier, products, planning_date, previous)
        previous = routed if (routed.tool or routed.pending) else previous
    call = route(case["text"], products, planning_date, previous)
    correct = judge(case, call) == "right" if "expect" in case else (
        call.tool == case.get("tool")
        and call.entity == case.get("entity")
        and (call.months or None) == (case.get("period") or None)
    )
    return CaseResult(case, call, correct, _subset(case.get("args") or {}, call.args))


def evaluate(cases: list[dict], products: pd.DataFrame, planning_date: date) -> list[CaseResult]:
    return [run_case(case, products, planning_date) for case in cases]


def accuracy(results: list[CaseResult]) -> float:
    return sum(r.correct for r in results) / len(results) if results else 0.0


# --- sets of companies: outcomes right / asked back / not understood / silently wrong ---------------------

OUTCOMES = ("right", "asked back", "not understood", "silently wrong")


@dataclass
class Outcome:
    case: dict
    call: RoutedCall
    outcome: str  # one of OUTCOMES


def judge(case: dict, call: RoutedCall) -> str:
    """How a routed call stands against a case of a company set (``expect`` = ``answer`` or ``clarify``).

    An answer is right when tool, entity, months and the case's ``args`` subset all match. A question back
    on an ambiguous case is right when every expected option is offered; on a clear case it is "asked
    back" (not right, not wrong). A call for another tool, product, month or argument is silently wrong."""
    asked = bool(call.clarification)
    if case.get("expect") == "clarify":
        if asked:
            offered = {o["value"] for o in call.options}
            return "right" if set(case.get("options") or []) <= offered else "asked back"
        return "not understood" if call.tool is None else "silently wrong"
    if asked:
        return "asked back"
    if call.tool is None:  # right only for a message that is no planning question at all
        return "right" if case.get("tool") is None else "not understood"
    same = (
        call.tool == case.get("tool")
        and call.entity == case.get("entity")
        and (call.months or None) == (case.get("period") or None)
        and _subset(case.get("args") or {}, call.args)
    )
    return "right" if same else "silently wrong"


def run_company_case(case: dict, tables: dict, planning_date: date) -> Outcome:
    previous = None
    for earlier in case.get("context") or []:
        routed = route(earlier, tables["products"], planning_date, previous, tables)
        previous = routed if (routed.tool or routed.pending) else previous
    call = route(case["text"], tables["products"], planning_date, previous, tables)
    return Outcome(case, call, judge(case, call))


def tally(outcomes: list[Outcome]) -> dict[str, int]:
    return {name: sum(o.outcome == name for o in outcomes) for name in OUTCOMES}
