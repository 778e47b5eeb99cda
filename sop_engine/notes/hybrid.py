"""The lexical half of retrieval (BM25 over every chunk), the filters, and reciprocal rank fusion.

- ``tokenize(text)``: lower-case words and codes (``po-1182`` is one token, plus its parts), English stop
  words dropped, a light suffix stripper so "delays"/"delayed"/"delay" meet.
- ``BM25Index(ids, texts, metadatas)``: bm25s over all chunks; ``top(query, n, filters)`` ranks only the
  chunks the filters admit.
- ``SearchFilters``: meeting kind, date range, SKU, family; ``where()`` is the same filter for chroma.
- ``rrf_fuse(rankings, k=60)``: score(d) = sum over rankings of 1 / (k + rank of d), ranks from 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN

from sop_engine.errors import InvalidArgument
from sop_engine.notes.chunks import date_key, family_flag, sku_flag
from sop_engine.notes.parse import MEETING_KINDS, normalize_meeting

RRF_K = 60
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_STOP = frozenset(STOPWORDS_EN) | {"did", "does", "we", "our", "us", "what", "which", "who", "when", "how"}
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


def tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    for raw in _TOKEN.findall(text.lower()):
        if "-" in raw:
            tokens.append(raw)
            tokens.extend(stem(part) for part in raw.split("-") if part not in _STOP)
        elif raw not in _STOP:
            tokens.append(stem(raw))
    return tokens


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
        corpus = [tokenize(t) or [""] for t in texts]
        self._vocab = {token for doc in corpus for token in doc}
        if self.ids:
            self._retriever.index(corpus, show_progress=False)

    def top(self, query: str, n: int, filters: SearchFilters | None = None) -> list[tuple[str, float]]:
        """(chunk id, BM25 score) best first; only chunks the filters admit and with a score > 0."""
        tokens = [t for t in tokenize(query) if t in self._vocab]
        if not self.ids or not tokens:
            return []
        scores = np.asarray(self._retriever.get_scores(tokens), dtype=float)
        if filters is not None:
            mask = np.array([filters.admits(m) for m in self.metadatas], dtype=bool)
            scores = np.where(mask, scores, 0.0)
        order = np.argsort(-scores, kind="stable")[:n]
        return [(self.ids[i], float(scores[i])) for i in order if scores[i] > 0]


def rrf_fuse(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> list[tuple[str, float]]:
    """Reciprocal rank fusion: ids by the sum of 1/(k + rank), rank from 1; ties keep first-seen order."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: -item[1])
