"""The router's vocabulary file, and how its phrases are found in a message's words.

A message is read as a list of lower-case word tokens (codes such as ``PO-1182``, ``s&op``, ``1.5l`` and
``20%`` stay one token). A phrase of the vocabulary matches a run of whole tokens; a single word of five
letters or more also matches a token with a typo (rapidfuzz ratio at least ``typo_ratio``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from rapidfuzz import fuzz

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.toml")
_TOKEN = re.compile(r"[+-]?\d+(?:[.,]\d+)?\s?%|[A-Za-z0-9]+(?:[-.&'/][A-Za-z0-9]+)*|\+")


@dataclass(frozen=True)
class Token:
    text: str  # lower case, for matching
    raw: str  # as typed, for names of people
    start: int  # character offset in the message


def tokenize(message: str) -> list[Token]:
    message = message.replace("’", "'").replace("‘", "'")
    return [
        Token(m.group(0).lower().replace(" ", ""), m.group(0), m.start()) for m in _TOKEN.finditer(message)
    ]


@dataclass(frozen=True)
class Vocabulary:
    intents: dict[str, dict]  # intent -> {"tool": str, "words": {phrase: weight}}
    whatif: dict
    kpis: dict[str, list[str]]
    meetings: dict[str, list[str]]
    forecast_versions: dict[str, list[str]]
    owner_cues: list[str]
    followup_cues: list[str]
    stopwords: frozenset[str]
    not_products: frozenset[str]
    typo_ratio: float

    @cached_property
    def reserved(self) -> frozenset[str]:
        """Words that never start or end a product name on their own: stopwords and intent words."""
        words = set(self.stopwords) | set(self.not_products)
        for spec in self.intents.values():
            words.update(p for p in spec["words"] if " " not in p)
        return frozenset(words)


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return Vocabulary(
        intents=data["intents"],
        whatif=data["whatif"],
        kpis=data["kpis"],
        meetings=data["meetings"],
        forecast_versions=data["forecast_versions"],
        owner_cues=data["owners"]["cues"],
        followup_cues=data["followups"]["cues"],
        stopwords=frozenset(data["stopwords"]["words"]),
        not_products=frozenset(data["not_products"]["words"]),
        typo_ratio=float(data.get("typo_ratio", 86)),
    )


def phrase_tokens(phrase: str) -> list[str]:
    return [t.text for t in tokenize(phrase)] or [phrase]


def find_phrase(
    words: list[str], phrase: str, typo_ratio: float | None = None, known: frozenset[str] = frozenset()
) -> int | None:
    """Index of the first token where ``phrase`` starts in ``words``; None if absent. With ``typo_ratio``,
    a one-word phrase also matches a misspelt word (not one of the ``known`` words: "forecast" is not a
    typo of "reforecast")."""
    parts = phrase_tokens(phrase)
    n = len(parts)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == parts:
            return i
    if typo_ratio is not None and n == 1 and len(parts[0]) >= 5 and parts[0].isalpha():
        for i, word in enumerate(words):
            if (
                len(word) >= 4
                and word.isalpha()
                and word not in known
                and abs(len(word) - len(parts[0])) <= 2
                and fuzz.ratio(word, parts[0]) >= typo_ratio
            ):
                return i
    return None


def longest_match(words: list[str], table: dict[str, list[str]]) -> tuple[str, str, int] | None:
    """(key, phrase, position) of the longest phrase of ``table`` found in ``words``; None if none."""
    best: tuple[int, int, str, str, int] | None = None
    for key, phrases in table.items():
        for phrase in phrases:
            at = find_phrase(words, phrase)
            if at is not None:
                rank = (len(phrase_tokens(phrase)), len(phrase))
                if best is None or rank > best[:2]:
                    best = (rank[0], rank[1], key, phrase, at)
    return (best[2], best[3], best[4]) if best else None


def score_intents(words: list[str], vocabulary: Vocabulary) -> dict[str, float]:
    """Per intent, the weights of the vocabulary phrases found (typos tolerated); a word of the message
    counts once per intent, with the heaviest phrase that covers it."""
    scores: dict[str, float] = {}
    known = vocabulary.reserved
    for intent, spec in vocabulary.intents.items():
        by_position: dict[tuple[int, int], float] = {}
        for phrase, weight in spec["words"].items():
            at = find_phrase(words, phrase, vocabulary.typo_ratio, known)
            if at is not None:
                span = (at, at + len(phrase_tokens(phrase)))
                by_position[span] = max(by_position.get(span, 0.0), float(weight))
        # overlapping spans: keep the heaviest of each overlapping group
        total, taken = 0.0, set()
        for (a, b), weight in sorted(by_position.items(), key=lambda kv: -kv[1]):
            if taken.isdisjoint(range(a, b)):
                taken.update(range(a, b))
                total += weight
        if total:
            scores[intent] = total
    return scores
