"""Slots a message fills besides the product: months to exclude from a re-forecast, a forecast lag,
a version, the kind of decision items, the words of a notes query."""

from __future__ import annotations

import re
from datetime import date

from assistant.router.vocab import Token, Vocabulary, find_phrase, longest_match, phrase_tokens
from sop_engine.periods import MONTHS, NUMBER_WORDS, PeriodRange, add_months, format_period, month_start

_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_CONTEXT = {
    "promo",
    "promotion",
    "spike",
    "peak",
    "sales",
    "data",
    "actuals",
    "outlier",
    "blip",
    "dip",
    "numbers",
    "history",
}


def _after_an_exclusion(words: list[str], i: int, exclusions) -> bool:
    """An exclusion phrase ends right before position ``i`` ("excl aug", "leaving out May"): a short month
    name there is a month left out, not the everyday word ("may") or a typo."""
    for phrase in exclusions:
        n = len(phrase_tokens(phrase))
        if i >= n and words[i - n:i] == phrase_tokens(phrase):
            return True
    return False


def iso_period(labels: list[str] | None) -> str | None:
    """The period argument for a tool: '2026-12' or '2026-12..2027-02'."""
    if not labels:
        return None
    return labels[0] if len(labels) == 1 else f"{labels[0]}..{labels[-1]}"


def _has(words: list[str], phrases) -> int | None:
    for phrase in phrases:
        at = find_phrase(words, phrase)
        if at is not None:
            return at
    return None


def _past_month(month: int, current: date) -> str:
    """The most recent complete month with this calendar number, before the current month."""
    year = current.year if month < current.month else current.year - 1
    return f"{year:04d}-{month:02d}"


def past_months(words: list[str], planning_date: date, period: PeriodRange | None, exclusions=()
                ) -> list[tuple[int, str]]:
    """Months named in the text read as past months: (token position, 'YYYY-MM'); a short name counts after
    one of the ``exclusions`` phrases too ("excl aug")."""
    current = month_start(planning_date)
    found: list[tuple[int, str]] = []
    for i, word in enumerate(words):
        base = word.removesuffix("'s")
        m = _ISO.match(base)
        if m:
            found.append((i, f"{int(m[1]):04d}-{int(m[2]):02d}"))
        elif base == "thang" and i + 1 < len(words) and re.fullmatch(r"(1[0-2]|0?[1-9])", words[i + 1]):
            found.append((i + 1, _past_month(int(words[i + 1]), current)))  # "tháng 7" (Vietnamese)
        elif re.fullmatch(r"t(1[0-2]|0?[1-9])", base):
            found.append((i, _past_month(int(base[1:]), current)))  # "T7" (Vietnamese shorthand)
        elif base in MONTHS and (
            (len(base) >= 4 and base != "sept")  # a full month name; "may", "mar", "jan" need context
            or (i + 1 < len(words) and words[i + 1] in _MONTH_CONTEXT)
            or (
                i > 0
                and words[i - 1] in ("the", "in", "of", "from", "until", "through", "excluding", "without")
            )
            or _after_an_exclusion(words, i, exclusions)
            or (i > 1 and words[i - 1] in ("and", "or", "&", "va") and any(at == i - 2 for at, _ in found))
        ):  # "leaving out April and May": the second month joined to the first
            found.append((i, _past_month(MONTHS[base], current)))
    if not found and period is not None and period.end < current:
        at = _has(words, [period.words]) or 0
        found = [(at, label) for label in period.labels]
    return found


def reforecast_slots(words: list[str], planning_date: date, period: PeriodRange | None, vocabulary: Vocabulary
                     ) -> dict:
    """exclude / history_until of a re-forecast; 'with last month's actuals' sets neither (the default)."""
    months = past_months(words, planning_date, period, vocabulary.slot_words.get("exclude", []))
    if not months:
        return {}
    until_at = _has(words, vocabulary.slot_words.get("until", []))
    exclude_at = _has(words, vocabulary.slot_words.get("exclude", []))
    out: dict = {}
    for at, label in months:
        if (
            until_at is not None
            and at > until_at
            and (exclude_at is None or exclude_at < until_at or at < exclude_at)
        ):
            out.setdefault("history_until", label)
        elif exclude_at is not None:
            out.setdefault("exclude", []).append(label)
    if "exclude" in out:  # in calendar order, whatever order they were typed in ("bỏ tháng 12 và tháng 1")
        out["exclude"] = sorted(dict.fromkeys(out["exclude"]))
    return out


def forecast_lag(words: list[str]) -> int | None:
    for i, word in enumerate(words):
        m = re.fullmatch(r"lag-?(\d+)", word)
        if m:
            return int(m[1])
        if word == "lag":
            for near in (words[i + 1 : i + 2], words[max(0, i - 2) : i]):
                for w in near:
                    n = int(w) if w.isdigit() else NUMBER_WORDS.get(w.split("-")[0])
                    if n and w not in ("a", "an"):
                        return n
    return None


def forecast_version(words: list[str], vocabulary: Vocabulary, default: str | None) -> str | None:
    for i, word in enumerate(words):
        if re.fullmatch(r"v\d+", word):
            return word
        if word == "version" and i + 1 < len(words) and any(c.isdigit() for c in words[i + 1]):
            return words[i + 1]
    found = longest_match(words, vocabulary.forecast_versions)
    return found[0] if found else default


def decision_filters(words: list[str], vocabulary: Vocabulary) -> dict:
    """``kind`` and ``open_only`` of a decisions question, from the vocabulary's ``decision_filters`` words."""
    table = vocabulary.slot_words
    out: dict = {}
    action = _has(words, table.get("action", [])) is not None
    decision = _has(words, table.get("decision", [])) is not None
    if action and not decision:
        out["kind"] = "action_item"
    elif decision and not action:
        out["kind"] = "decision"
    if _has(words, table.get("open", [])) is not None:
        out["open_only"] = True
        out.setdefault("kind", "action_item")
    return out


def content_words(tokens: list[Token], vocabulary: Vocabulary, drop: set[int], extra: set[str]) -> str:
    """The words of a notes query: the message without stopwords, intent words, periods and meetings."""
    words = [t.text for t in tokens]
    drop = set(drop)
    for spec_key in ("notes", "decisions"):
        for phrase in vocabulary.intents[spec_key]["words"]:
            at = find_phrase(words, phrase)
            if at is not None:
                drop.update(range(at, at + len(phrase_tokens(phrase))))
    kept = [
        t.raw
        for i, t in enumerate(tokens)
        if i not in drop
        and t.text not in vocabulary.stopwords
        and t.text not in extra
        and t.text.removesuffix("'s") not in vocabulary.stopwords
    ]
    return " ".join(kept)


def shift_months(labels: list[str], months: int) -> list[str]:
    last = month_start(labels[-1])
    return [format_period(add_months(last, months))]
