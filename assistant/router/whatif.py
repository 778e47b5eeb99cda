"""What-if scenarios read from a message: an order slipping, pulled in or cancelled; demand up or down N%.

The verbs and time units live in the vocabulary file; this module reads the numbers around them and
builds the ``scenario`` argument of ``check_shortages`` (``tools.schemas.Scenario`` shape).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.router.vocab import Token, Vocabulary, find_phrase
from sop_engine.periods import NUMBER_WORDS, VI_NUMBER_WORDS
from sop_engine.resolver import Entity
from sop_engine.text import fold_words

_PCT = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)%$")


@dataclass
class WhatIf:
    scenario: dict | None
    clarification: str | None = None


def _number(word: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", word):  # 2,000 / 2.000 (thousands, either convention)
        return float(re.sub(r"[.,]", "", word))
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    return float(VI_NUMBER_WORDS[word]) if word in VI_NUMBER_WORDS else None


def _has_any(words: list[str], phrases: list[str]) -> bool:
    return any(find_phrase(words, p) is not None for p in phrases)


def _days(words: list[str], units: dict[str, int]) -> int | None:
    """'two weeks' -> 14, '10 days' -> 10, 'a month' -> 30; None when no amount of time is given."""
    for i, word in enumerate(words[:-1]):
        n = _number(word)
        if n is not None and words[i + 1] in units:
            return int(round(n * units[words[i + 1]]))
    for word in words:  # "2wks", "10d"
        m = re.fullmatch(r"(\d+)(d|days?|w|wks?|weeks?)", word)
        if m:
            return int(m[1]) * (7 if m[2].startswith("w") else 1)
    return None


_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "tram": 100, "nghin": 1_000, "ngan": 1_000,
                "trieu": 1_000_000}
_COUNTED = frozenset("units unit pcs pieces cases cartons boxes pallets bags thung hop cai chiec".split())


def _quantity(words: list[str], cues: list[str] = ("to", "only")) -> float | None:
    ends = {phrase.split()[-1] for phrase in cues}
    for i, word in enumerate(words[:-1]):
        if word not in ends:
            continue
        # the first number within three words of the cue ("to 500", "chỉ giao được 2.000")
        at = next((j for j in range(i + 1, min(i + 4, len(words)))
                   if _number(words[j]) is not None and words[j] not in ("a", "an", "mot")), None)
        if at is not None:
            i = at - 1
            after = words[i + 2] if i + 2 < len(words) else ""
            if after in _MULTIPLIERS:  # "two thousand", "2 nghìn"
                return _number(words[i + 1]) * _MULTIPLIERS[after]
            if not words[i + 1][:1].isdigit() and after.isalpha() and after not in _COUNTED:
                continue  # "to understand one thing": a number in words before a noun, no quantity
            if after not in ("days", "day", "weeks", "week", "months", "month", "ngay", "tuan", "thang"):
                return _number(words[i + 1])
    return None


def _percent(words: list[str], multiples: dict | None = None) -> float | None:
    for i, word in enumerate(words):
        m = _PCT.match(word)
        if m:
            return float(m[1].replace(",", "."))
        if i + 1 < len(words) and words[i + 1] in ("percent", "pct", "per") and _number(word) is not None:
            return _number(word)
    # "demand doubles": +100%; the longest phrase first ("half as much again" over "half as much")
    for phrase, pct in sorted((multiples or {}).items(), key=lambda item: -len(item[0].split())):
        if find_phrase(words, phrase) is not None:
            return float(pct)
    return None


def says_a_multiple(words: list[str], vocabulary: Vocabulary, fractions_only: bool = False) -> bool:
    """Whether the words name a change as a multiple ("doubles", "gấp đôi"); with ``fractions_only``, as a
    fraction told as plainly as a percentage ("up by a third", "a quarter more", "tăng một phần tư")."""
    return any(find_phrase(words, phrase) is not None for phrase in vocabulary.whatif.get("multiples", {})
               if not fractions_only or _FRACTION.search(phrase))


_FRACTION = re.compile(r"(?:^by |\b(?:more|less)$|\bphan\b)")  # "by a third", "a tenth more", "một phần tư"


def orders_moved(words: list[str], vocabulary: Vocabulary, entity: Entity | None, orders_of: dict[str, list[str]],
                 family_skus: dict[str, list[str]]) -> list[str] | None:
    """The refs of the orders of ``entity`` that a what-if moves without naming one ("what if the X PO is 3
    weeks late?"); None when the message moves no order of a product."""
    spec = vocabulary.whatif
    if entity is None or entity.kind not in ("sku", "family") or not _has_any(words, spec.get("order_nouns", [])) \
            or not any(_has_any(words, spec.get(kind, [])) for kind in ("delay", "earlier", "cancel")):
        return None
    skus = [entity.code] if entity.kind == "sku" else family_skus.get(entity.code, [])
    return list(dict.fromkeys(ref for sku in skus for ref in orders_of.get(sku, [])))


def read_whatif(
    tokens: list[Token],
    vocabulary: Vocabulary,
    refs: list[str],
    entity: Entity | None,
    months: list[str] | None,
) -> WhatIf | None:
    """The scenario a message describes; None when it describes none."""
    words = [t.text for t in tokens]
    spec = vocabulary.whatif
    supply_changes = []
    clarification = None
    for ref in refs:
        if _has_any(words, spec["cancel"]):
            supply_changes.append({"ref": ref, "cancel": True})
            continue
        earlier = _has_any(words, spec["earlier"])
        later = _has_any(words, spec["delay"])
        refs_typed = {fold_words(r) for r in refs}  # "what happens to stock if 4500123456 …": the ref, no quantity
        quantity = _quantity([w if w not in refs_typed else "" for w in words],
                             vocabulary.slot_words.get("quantity", ["to", "only"]))
        if not (earlier or later or quantity is not None):
            continue
        change: dict = {"ref": ref}
        days = _days(words, spec["units"])
        if days is not None and (earlier or later):
            change["delay_days"] = -days if earlier else days
        if quantity is not None:
            change["quantity"] = quantity
        if len(change) == 1:
            clarification = f"By how many days or weeks does {ref} move?"
            continue
        supply_changes.append(change)
    demand_changes = []
    pct = _percent(words, spec.get("multiples"))
    if pct is not None:
        if pct > 0 and _has_any(words, spec["down"]) and not _has_any(words, spec["up"]):
            pct = -pct
        change = {"pct": pct}
        if entity is not None:
            change["sku" if entity.kind == "sku" else "family"] = entity.code
        if months:
            change["months"] = list(months)
        demand_changes.append(change)
    if not supply_changes and not demand_changes:
        return WhatIf(None, clarification) if clarification else None
    scenario: dict = {}
    if demand_changes:
        scenario["demand_changes"] = demand_changes
    if supply_changes:
        scenario["supply_changes"] = supply_changes
    return WhatIf(scenario, clarification)
