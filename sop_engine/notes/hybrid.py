"""The lexical half of retrieval (BM25 over every chunk), the filters, and reciprocal rank fusion.

- ``tokenize(text, language=None)``: folded words and codes (``po-1182`` is one token, plus its parts):
  accent- and case-insensitive (``sop_engine.notes.textfold``: "thiếu hàng" and "thieu hang" are the same
  tokens). The language (detected when not given, ``sop_engine.notes.languages``) picks the stop words and
  whether the light English suffix stripper applies ("delays"/"delayed"/"delay" meet; Vietnamese
  syllables are left whole).
- ``query_tokens(query)``: the tokens a query is looked up by: its language's tokens, and for an English
  (or undecided) query also each word unstemmed, so a Vietnamese query typed without accents still finds
  Vietnamese passages.
- ``BM25Index(ids, texts, metadatas)``: bm25s over all chunks; ``top(query, n, filters)`` ranks only the
  chunks the filters admit; ``languages`` holds each chunk's language (metadata ``lang``, else detected).
- ``SearchFilters``: meeting kind, date range, SKU, family; ``where()`` is the same filter for chroma.
- ``rrf_fuse(rankings, k=60, weights=None)``: score(d) = sum over rankings of w(d) / (k + rank of d), ranks
  from 1; ``weights`` per ranking (a number, or a mapping id -> number; 1 by default).
- ``dense_weights(query, ids, languages)``: the dense ranking's weight per chunk: 1 when the query and the
  chunk are English, ``OTHER_LANGUAGE_DENSE_WEIGHT`` otherwise (the local MiniLM model is English-only).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import bm25s
import numpy as np

from sop_engine.errors import InvalidArgument
from sop_engine.notes.chunks import date_key, family_flag, sku_flag
from sop_engine.notes.languages import DEFAULT_LANGUAGE, LANGUAGES, detect_language
from sop_engine.notes.parse import MEETING_KINDS, normalize_meeting
from sop_engine.notes.textfold import fold

RRF_K = 60
# Weight of the dense ranking in the fusion when the query or the passage is not English. Measured on the
# Vietnamese notes check (tests/sop_engine/notes/vi_retrieval_check.py); English passages and English
# queries keep weight 1, so English results are unchanged.
OTHER_LANGUAGE_DENSE_WEIGHT = 0.25
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_PHRASE_BREAK = re.compile(r"[\n.,;:!?()\[\]\"]+")
_SUFFIXES = ("ingly", "edly", "ing", "ies", "ied", "es", "ed", "s", "e", "y")


def stem(word: str) -> str:
    # Hand-written light stemmer: PyStemmer (bm25s's optional stemmer) is not a dependency, and for short
    # meeting notes stripping plural/tense endings is what matters ("delays", "delayed" -> "delay").
    if not word.isalpha():
        return word
    for _ in range(2):  # twice, so "delays" -> "delay" -> "dela" meets "delay" -> "dela"
        if len(word) <= 3:
            break
        for suffix in _SUFFIXES:
            if (
                word.endswith(suffix)
                and len(word) - len(suffix) >= 3
                and not (suffix == "s" and word.endswith("ss"))
            ):
                word = word[: -len(suffix)]
                break
    return word


def tokenize(text: str, language: str | None = None) -> list[str]:
    lang = LANGUAGES.get(language or detect_language(text), LANGUAGES[DEFAULT_LANGUAGE])
    stop = lang.stop_words

    def word(w: str) -> str:
        return stem(w) if lang.stem else w

    tokens: list[str] = []
    for phrase in _PHRASE_BREAK.split(fold(text)):
        words: list[str] = []
        for raw in _TOKEN.findall(phrase):
            if "-" in raw:
                tokens.append(raw)
                tokens.extend(word(part) for part in raw.split("-") if part not in stop)
            elif raw not in stop:
                words.append(word(raw))
                tokens.append(words[-1])
        if lang.syllable_bigrams:  # "nước mắm" is one word written as two syllables
            tokens.extend(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return tokens


def query_tokens(query: str) -> list[str]:
    """A query's tokens in its language; an English query also gets each word unstemmed (a Vietnamese
    query without accents reads as English when it has no Vietnamese function word)."""
    language = detect_language(query)
    tokens = tokenize(query, language)
    if LANGUAGES[language].stem:
        stop, have = LANGUAGES[language].stop_words, set(tokens)
        tokens += list(dict.fromkeys(t for t in tokenize(query, _UNSTEMMED) if t not in stop and t not in have))
    return tokens


_UNSTEMMED = next(code for code, lang in LANGUAGES.items() if not lang.stem)


def dense_weights(query: str, ids: Sequence[str], languages: Mapping[str, str]) -> dict[str, float]:
    """The dense ranking's weight per chunk id: 1 for an English query on an English chunk, else
    ``OTHER_LANGUAGE_DENSE_WEIGHT``."""
    english_query = detect_language(query) == DEFAULT_LANGUAGE
    return {
        i: 1.0 if english_query and languages.get(i, DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE
        else OTHER_LANGUAGE_DENSE_WEIGHT
        for i in ids
    }


@dataclass(frozen=True)
class SearchFilters:
    meeting: str | None = None
    since: date | None = None
    until: date | None = None
    sku: str | None = None
    family: str | None = None

    @classmethod
    def build(cls, meeting=None, since=None, until=None, sku=None, family=None) -> SearchFilters:
        if meeting is not None:
            meeting = normalize_meeting(meeting)
            if meeting not in MEETING_KINDS:
                raise InvalidArgument(f"meeting: must be one of {', '.join(MEETING_KINDS)}; got '{meeting}'")
        for name, value in (("since", since), ("until", until)):
            if value is not None and not isinstance(value, date):
                raise InvalidArgument(f"{name}: must be a date; got {value!r}")
        if since and until and since > until:
            raise InvalidArgument(f"since: {since.isoformat()} is after until: {until.isoformat()}")
        return cls(meeting, since, until, (sku or "").strip() or None, (family or "").strip() or None)

    def conditions(self) -> list[tuple[str, str, object]]:
        out: list[tuple[str, str, object]] = []
        if self.meeting:
            out.append(("meeting", "$eq", self.meeting))
        if self.since:
            out.append(("date", "$gte", date_key(self.since)))
        if self.until:
            out.append(("date", "$lte", date_key(self.until)))
        if self.sku:
            out.append((sku_flag(self.sku), "$eq", True))
        if self.family:
            out.append((family_flag(self.family), "$eq", True))
        return out

    def where(self) -> dict | None:
        """The chroma ``where`` clause (None when nothing is filtered)."""
        clauses = [{key: {op: value}} for key, op, value in self.conditions()]
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, metadata: dict) -> bool:
        for key, op, value in self.conditions():
            have = metadata.get(key)
            if have is None:
                return False
            if op == "$eq" and have != value:
                return False
            if op == "$gte" and have < value:  # type: ignore[operator]
                return False
            if op == "$lte" and have > value:  # type: ignore[operator]
                return False
        return True


class BM25Index:
    def __init__(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        metadatas: Sequence[dict],
        documents: Sequence[str] | None = None,
    ) -> None:
        self.ids = list(ids)
        self.metadatas = list(metadatas)
        self.documents = list(documents) if documents is not None else list(texts)
        self._retriever = bm25s.BM25()
        self.languages = [
            str(m.get("lang") or detect_language(t)) for m, t in zip(self.metadatas, texts, strict=True)
        ]
        self.language_of = dict(zip(self.ids, self.languages, strict=True))
        corpus = [tokenize(t, lang) or [""] for t, lang in zip(texts, self.languages, strict=True)]
        self._vocab = {token for doc in corpus for token in doc}
        if self.ids:
            self._retriever.index(corpus, show_progress=False)

    def top(self, query: str, n: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first; only chunks the filters admit and with a score > 0."""
        tokens = [t for t in query_tokens(query) if t in self._vocab]
        if not self.ids or not tokens:
            return []
        scores = np.asarray(self._retriever.get_scores(tokens), dtype=float)
        if filters is not None:
            mask = np.array([filters.admits(m) for m in self.metadatas], dtype=bool)
            scores = np.where(mask, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:n]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]


def rrf_fuse(
    rankings: Sequence[Sequence[str]],
    k: int = RRF_K,
    weights: Sequence[float | Mapping[str, float]] | None = None,
) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: ids by the sum of w/(k + rank), rank from 1; ties keep first-seen order.
    ``weights[i]`` weighs ranking i: a number, or a mapping id -> number (missing ids weigh 1)."""
    scores: dict[str, float] = {}
    for n, ranking in enumerate(rankings):
        weight = weights[n] if weights is not None else 1.0
        for rank, doc_id in enumerate(ranking, start=1):
            w = weight.get(doc_id, 1.0) if isinstance(weight, Mapping) else weight
            scores[doc_id] = scores.get(doc_id, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])
