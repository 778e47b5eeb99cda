"""What the router's parts share: the routed call, one message's reading, and the word spans of its slots.

``RoutedCall`` is what the router answers (a tool call, or a question back with ``options``); ``_Reading`` holds
the slots one message gives (words, period, product, owner, what-if, intent scores). The intent tables here
map tools to the slots they take; nothing here knows a company.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from assistant.router.vocab import (
    Token,
    find_phrase,
    phrase_tokens,
)
from sop_engine.periods import (
    SHORTHAND,
    PeriodRange,
)
from sop_engine.resolver import Entity, Mention

# On equal scores, the more specific intent wins.
PRIORITY = (
    "help", "reforecast", "publish", "chart", "decisions", "notes", "overstock", "capacity", "orders", "drivers",
    "kpi", "reconcile", "sales", "product_lookup", "shortage", "forecast",
)


TOOLS_WITH_PRODUCT = {
    "check_shortages": "product", "get_forecast": "product", "reforecast": "product", "reconcile_plan": "family",
    "get_kpi": "product", "chart": "product", "list_decisions": "product", "find_products": "query",
    "get_sales": "product", "get_orders": "product", "check_overstock": "product", "get_driver_effects": "product",
}


TOOLS_WITH_PERIOD = {
    "check_shortages", "get_forecast", "reconcile_plan", "get_kpi", "search_meeting_notes", "list_decisions",
    "get_sales", "get_capacity",
}


INTENT_OF_TOOL = {
    "check_shortages": "shortage", "get_forecast": "forecast", "reforecast": "reforecast",
    "publish_forecast": "publish", "reconcile_plan": "reconcile", "get_kpi": "kpi", "find_products": "product_lookup",
    "chart": "chart", "search_meeting_notes": "notes", "list_decisions": "decisions", "help": "help",
    "get_sales": "sales", "get_orders": "orders", "check_overstock": "overstock", "get_capacity": "capacity",
    "get_driver_effects": "drivers",
}


# Questions about what happened: a bare month or quarter means the latest one not in the future.
LOOKS_BACK = {"kpi", "notes", "decisions", "sales"}


# Intents whose question is about a product: a name there that the data does not know is asked back.
ABOUT_A_PRODUCT = {"shortage", "forecast", "reforecast", "chart", "sales", "overstock", "whatif", "kpi"}


# Intents an order reference does not narrow: a known order named with their words asks about that order.
ORDER_NOT_TOPIC = {"reconcile", "sales", "forecast", "product_lookup"}


TOPIC_DETERMINERS = ("the", "a", "our", "their", "that", "this")


# A help phrase this heavy asks what the assistant can do ("what can you help me with?"), not for help with a topic.
CAPABILITY_CUE = 8


@dataclass
class RoutedCall:
    tool: str | None  # a tool of tools.schemas.TOOL_ARGS, "help", or None (not understood / a question back)
    args: dict = field(default_factory=dict)
    intent: str = "unknown"
    entity: str | None = None  # SKU code or "family:<name>"
    months: list[str] | None = None  # YYYY-MM months read from the text
    clarification: str | None = None  # the question back, when there is one
    options: list[dict] = field(default_factory=list)  # [{"label", "value"}] offered with the question
    language: str = "en"
    pending: dict | None = None  # the call a question back waits to complete: {"tool", "args", "intent", "slot"}
    confident: bool = False  # a tool call read from a clear cue, no runner-up close to it (``_confident``)

    def to_dict(self) -> dict:
        return {
            "tool": self.tool, "args": self.args, "intent": self.intent, "entity": self.entity,
            "months": self.months, "clarification": self.clarification, "options": self.options,
            "language": self.language, "pending": self.pending, "confident": self.confident,
        }

    @property
    def clarification_document(self) -> dict | None:
        if not self.clarification:
            return None
        return {"question": self.clarification, "options": list(self.options)}


@dataclass
class _Reading:
    tokens: list[Token]
    words: list[str]
    period: PeriodRange | None
    months: list[str] | None
    hit: Mention | None
    refs: list[str]  # known order references, as in supply.csv
    unknown_refs: list[str]  # words that look like an order reference the data does not hold
    resource: Mention | None
    owner: Mention | None
    scores: dict[str, float]
    kpi: tuple[str, str, int] | None
    meeting: tuple[str, str, int] | None
    used: set[int]  # token positions already taken by a period, KPI, meeting, order reference, name
    language: str = "en"
    driver: str | None = None  # a demand driver of the data the message names
    text: str = ""  # the message as read (spelling corrected, NFC): the tokens' offsets are in it
    pair: list[Entity] | None = None  # two products named in one question ("the wipes or the sponges")
    shadowed: Mention | None = None  # products' word read as a person's exact name instead ("sterling")

    @property
    def entity(self) -> Entity | None:
        return self.hit.entity if self.hit else None


def _span(words: list[str], phrase: str) -> set[int]:
    at = find_phrase(words, phrase)
    if at is None:  # period words typed in shorthand ("nxt mo" read as "next month")
        at = find_phrase([SHORTHAND.get(w, w) for w in words], phrase)
    return set(range(at, at + len(phrase_tokens(phrase)))) if at is not None else set()


def _mention_span(m: Mention | None) -> set[int]:
    return set(range(m.start, m.end)) if m else set()


def _without(text: str, tokens: list[Token], positions: set[int]) -> str:
    """``text`` with the words at ``positions`` blanked out (offsets kept)."""
    if not positions:
        return text
    chars = list(unicodedata.normalize("NFC", text))
    for i in positions:
        t = tokens[i]
        chars[t.start:t.start + len(t.raw)] = "_" * len(t.raw)
    return "".join(chars)


ASKED_CUE = 3.0  # the weight of the asking sentence's own question that outweighs the sentences around it


def _at(r: _Reading, words: str) -> int:
    first = words.split()[0]
    return next(i for i, t in enumerate(r.tokens) if t.raw == first)
