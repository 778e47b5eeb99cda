"""The offline router: a Slack message -> the tool call an LLM would make, when no LLM is configured.

Reading order: words (``vocab.tokenize``), the period (``sop_engine.periods.parse_period_words``), order
references and the product (``entities``), a what-if (``whatif``), then the intent by token scoring over
the vocabulary file; the tool's arguments are filled from those slots. A follow-up ("and for Q1?",
"what about almond milk?") reuses the previous call and replaces only the slot it gives.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from assistant.router import slots
from assistant.router.entities import Entity, EntityHit, find_owner, product_index
from assistant.router.vocab import (
    Token,
    find_phrase,
    load_vocabulary,
    longest_match,
    phrase_tokens,
    score_intents,
)
from assistant.router.whatif import read_whatif
from sop_engine.periods import PeriodRange, add_months, format_period, month_start, parse_period_words

if TYPE_CHECKING:  # pandas is the caller's: importing the router stays light
    import pandas as pd

# On equal scores, the more specific intent wins.
PRIORITY = (
    "help",
    "reforecast",
    "publish",
    "chart",
    "decisions",
    "notes",
    "kpi",
    "reconcile",
    "product_lookup",
    "shortage",
    "forecast",
)
TOOLS_WITH_PRODUCT = {
    "check_shortages": "product",
    "get_forecast": "product",
    "reforecast": "product",
    "reconcile_plan": "family",
    "get_kpi": "product",
    "chart": "product",
    "list_decisions": "product",
    "find_products": "query",
}
TOOLS_WITH_PERIOD = {
    "check_shortages",
    "get_forecast",
    "reconcile_plan",
    "get_kpi",
    "search_meeting_notes",
    "list_decisions",
}
INTENT_OF_TOOL = {
    "check_shortages": "shortage",
    "get_forecast": "forecast",
    "reforecast": "reforecast",
    "publish_forecast": "publish",
    "reconcile_plan": "reconcile",
    "get_kpi": "kpi",
    "find_products": "product_lookup",
    "chart": "chart",
    "search_meeting_notes": "notes",
    "list_decisions": "decisions",
    "help": "help",
}


# Questions about what happened: a month or quarter named by word means the most recent one that is past.
LOOKS_BACK = {"kpi", "notes", "decisions"}


def _looking_back(period: PeriodRange | None, planning_date: date) -> list[str] | None:
    """ "fill rate in March" / "notes from October" asked in November 2026: 2026-03 / 2026-10, not 2027."""
    if (
        period is None
        or period.start <= month_start(planning_date)
        or re.search(r"\d{4}|next|coming|following|this|current", period.words)
    ):
        return None
    return [format_period(add_months(m, -12)) for m in period.months]


@dataclass
class RoutedCall:
    tool: str | None  # a tool of tools.schemas.TOOL_ARGS, "help", or None (not understood / a question back)
    args: dict = field(default_factory=dict)
    intent: str = "unknown"
    entity: str | None = None  # SKU code or "family:<name>"
    months: list[str] | None = None  # YYYY-MM months read from the text
    clarification: str | None = None

    def to_dict(self) -> dict:
        return {
            "tool": self.tool,
            "args": self.args,
            "intent": self.intent,
            "entity": self.entity,
            "months": self.months,
            "clarification": self.clarification,
        }


@dataclass
class _Reading:
    tokens: list[Token]
    words: list[str]
    period: PeriodRange | None
    months: list[str] | None
    hit: EntityHit | None
    refs: list[str]
    scores: dict[str, float]
    kpi: tuple[str, str, int] | None
    meeting: tuple[str, str, int] | None
    used: set[int]  # token positions already taken by a period, KPI, meeting, order reference

    @property
    def entity(self) -> Entity | None:
        return self.hit.entity if self.hit else None


def _span(words: list[str], phrase: str) -> set[int]:
    at = find_phrase(words, phrase)
    return set(range(at, at + len(phrase_tokens(phrase)))) if at is not None else set()


def _read(text: str, products: pd.DataFrame | None, planning_date: date) -> _Reading:
    vocabulary = load_vocabulary()
    from assistant.router.vocab import tokenize

    tokens = tokenize(text)
    words = [t.text for t in tokens]
    period = parse_period_words(text, planning_date)
    used: set[int] = set()
    if period is not None:
        used |= _span(words, period.words)
    kpi = longest_match(words, vocabulary.kpis)
    meeting = longest_match(words, vocabulary.meetings)
    for found in (kpi, meeting):
        if found:
            used |= _span(words, found[1])
    hit, refs = None, []
    if products is not None and not products.empty:
        index = product_index(products, vocabulary.reserved)
        refs = index.supply_refs(tokens)
        used |= {i for i, t in enumerate(tokens) if t.raw.upper() in refs}
        hit = index.find(tokens, skip=used)
    scores = score_intents(words, vocabulary)
    if kpi:
        scores["kpi"] = scores.get("kpi", 0) + 3 + 2 * len(phrase_tokens(kpi[1]))
    if meeting:
        scores["notes"] = scores.get("notes", 0) + 1
    return _Reading(
        tokens, words, period, period.labels if period else None, hit, refs, scores, kpi, meeting, used
    )


def _best_intent(r: _Reading) -> str | None:
    scores = dict(r.scores)
    if "help" in scores and (r.hit or any(v >= 3 for k, v in scores.items() if k != "help")):
        del scores["help"]
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], -PRIORITY.index(k) if k in PRIORITY else -99))


def _is_followup(r: _Reading) -> bool:
    vocabulary = load_vocabulary()
    for cue in vocabulary.followup_cues:
        parts = phrase_tokens(cue)
        if r.words[: len(parts)] == parts:
            return True
    return len(r.words) <= 4 and not any(v >= 3 for v in r.scores.values())


def _ambiguous(hit: EntityHit, intent: str) -> RoutedCall:
    labels = [
        f"{e.label} ({e.code})" if e.kind == "sku" else f"the {e.code} family" for e in hit.candidates[:6]
    ]
    listed = ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]
    return RoutedCall(
        None, {}, intent, None, None, f"'{hit.text}' could be several products. Did you mean {listed}?"
    )


def route(
    text: str, products: pd.DataFrame, planning_date: date, previous: RoutedCall | None = None
) -> RoutedCall:
    """The tool call for ``text``, as an LLM would make it (see the module docstring)."""
    r = _read(text or "", products, planning_date)
    if not r.words:
        return RoutedCall(None, {}, "unknown")
    intent = _best_intent(r)
    whatif = (
        read_whatif(r.tokens, load_vocabulary(), r.refs, r.entity, r.months)
        if (r.refs or "%" in text or "percent" in r.words or "pct" in r.words)
        else None
    )
    if whatif is not None and intent not in ("reforecast", "notes", "decisions", "kpi", "publish"):
        if whatif.scenario is None:
            return RoutedCall(None, {}, "whatif", None, r.months, whatif.clarification)
        intent = "whatif"
    if previous is not None and previous.tool and _is_followup(r):
        followed = _follow(r, previous, intent, planning_date)
        if followed is not None:
            return followed
    if intent is None:
        if r.hit is not None:
            intent = "shortage"  # a bare product ("oat milk next month?"): the assistant's first question
        else:
            return RoutedCall(None, {}, "unknown", None, r.months)
    if r.hit is not None and r.hit.entity is None and intent != "product_lookup":
        return _ambiguous(r.hit, intent)
    if intent in LOOKS_BACK:
        r.months = _looking_back(r.period, planning_date) or r.months
    return _build(intent, r, planning_date, whatif.scenario if whatif else None)


def _period_is_topic(r: _Reading) -> bool:
    """A period word that names a thing ("the Q3 promo", "our March launch") rather than a time filter."""
    if r.period is None:
        return False
    at = find_phrase(r.words, r.period.words)
    return at is not None and at > 0 and r.words[at - 1] in TOPIC_DETERMINERS


TOPIC_DETERMINERS = ("the", "a", "our", "their", "that", "this")


def _product_arg(entity: Entity | None) -> str | None:
    return entity.code if entity else None


def _build(intent: str, r: _Reading, planning_date: date, scenario: dict | None) -> RoutedCall:
    vocabulary = load_vocabulary()
    entity, months = r.entity, r.months
    period = slots.iso_period(months)
    tool = vocabulary.intents[intent]["tool"] if intent in vocabulary.intents else "check_shortages"
    args: dict = {}
    if intent in ("shortage", "whatif"):
        args = {"product": _product_arg(entity), "period": period, "scenario": scenario}
    elif intent == "forecast":
        args = {"product": _product_arg(entity), "period": period}
        version = slots.forecast_version(r.words, vocabulary, None)
        if version and version != "published":
            args["version"] = version
    elif intent == "reforecast":
        args = {"product": _product_arg(entity), **slots.reforecast_slots(r.words, planning_date, r.period)}
        months = None  # a re-forecast asks about no period: its excluded months are in args["exclude"]
    elif intent == "publish":
        entity, months = None, None
        args = {"version": slots.forecast_version(r.words, vocabulary, "latest")}
        if args["version"] == "published":
            args["version"] = "latest"
    elif intent == "reconcile":
        args = {"family": _product_arg(entity), "period": period}
    elif intent == "kpi":
        if r.kpi is None:
            return RoutedCall(
                None,
                {},
                "kpi",
                entity.canonical if entity else None,
                months,
                "Which KPI? For example forecast accuracy (WAPE), bias, fill rate, OTIF, "
                "days of supply, inventory turns.",
            )
        args = {
            "name": r.kpi[0],
            "product": _product_arg(entity),
            "period": period,
            "lag": slots.forecast_lag(r.words),
        }
    elif intent == "product_lookup":
        hit = r.hit
        query = (
            (entity.code if entity and entity.kind == "family" else hit.text)
            if hit
            else slots.content_words(r.tokens, vocabulary, r.used, set(vocabulary.reserved))
        )
        args = {"query": query or " ".join(r.words)}
        months = None
    elif intent == "chart":
        if entity is None:
            return RoutedCall(None, {}, "chart", None, months, "Which product should I chart?")
        args = {"product": entity.code}
    elif intent == "notes":
        drop = set(r.used) - (set(range(r.hit.start, r.hit.end)) if r.hit else set())
        if _period_is_topic(r):  # "the Q3 promo": what the notes are about, not when the meeting was
            drop -= _span(r.words, r.period.words)
            period, months = None, None
        args = {
            "query": slots.content_words(r.tokens, vocabulary, drop, set()) or " ".join(r.words),
            "meeting": r.meeting[0] if r.meeting else None,
            "period": period,
        }
    elif intent == "decisions":
        owner_skip = set(r.used) | (set(range(r.hit.start, r.hit.end)) if r.hit else set())
        not_names = set(vocabulary.reserved) | {"s&op", "sop"}
        args = {
            **slots.decision_filters(r.words),
            "product": _product_arg(entity),
            "period": period,
            "owner": find_owner(r.tokens, vocabulary.owner_cues, not_names, owner_skip),
            "mentions": r.refs[0] if r.refs else None,
        }
    elif intent == "help":
        tool, entity, months = "help", None, None
    args = {k: v for k, v in args.items() if v is not None}
    return RoutedCall(tool, args, intent, entity.canonical if entity else None, months)


def _follow(r: _Reading, previous: RoutedCall, intent: str | None, planning_date: date) -> RoutedCall | None:
    """A follow-up: the previous call with the slots this message gives replaced."""
    months = r.months
    if find_phrase(r.words, "month after") is not None and previous.months:
        months = slots.shift_months(previous.months, 1)
    own_intent = (
        intent is not None and r.scores.get(intent, 0) >= 3 and INTENT_OF_TOOL.get(previous.tool) != intent
    )
    if own_intent:
        return None if r.hit or months else _inherit(r, previous, intent, months, planning_date)
    if r.hit is not None and r.hit.entity is None:
        return _ambiguous(r.hit, previous.intent)
    call = copy.deepcopy(previous)
    call.clarification = None
    slot = TOOLS_WITH_PRODUCT.get(call.tool)
    if r.entity is not None and slot:
        call.entity = r.entity.canonical
        call.args[slot] = r.entity.code
        for change in call.args.get("scenario", {}).get("demand_changes", []):
            change.pop("sku", None), change.pop("family", None)
            change["sku" if r.entity.kind == "sku" else "family"] = r.entity.code
    if months and call.tool in TOOLS_WITH_PERIOD:
        call.months = months
        call.args["period"] = slots.iso_period(months)
        for change in call.args.get("scenario", {}).get("demand_changes", []):
            if "months" in change:
                change["months"] = list(months)
    if call.tool == "get_kpi" and r.kpi:
        call.args["name"] = r.kpi[0]
    if r.entity is None and not months and not (call.tool == "get_kpi" and r.kpi):
        return None
    return call


def _inherit(
    r: _Reading, previous: RoutedCall, intent: str, months: list[str] | None, planning_date: date
) -> RoutedCall:
    """A new question about the previous subject ("and the forecast?"): keep its product and months."""
    hit = None
    if previous.entity:
        kind, code = (
            ("family", previous.entity.split(":", 1)[1])
            if previous.entity.startswith("family:")
            else ("sku", previous.entity)
        )
        hit = EntityHit(Entity(kind, code, code), [], 0, 0, code, 100.0)
    inherited = _Reading(
        r.tokens,
        r.words,
        r.period,
        months or previous.months,
        hit,
        r.refs,
        r.scores,
        r.kpi,
        r.meeting,
        r.used,
    )
    return _build(intent, inherited, planning_date, None)
