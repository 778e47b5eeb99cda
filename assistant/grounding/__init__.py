"""The grounding check run on every answer: each figure of the answer is a claim — a value of a measure, about a
subject, in months — and must be a true claim of the turn's tool results (or an input: the question's own
figures, the tool arguments).

The rules, stated:
- **Facts.** Each tool document is turned into labelled facts (measure, subject, months, value, unit) by its
  extractor (``facts.EXTRACTORS``): shortage, demand, projected balance, stock, receipts, forecast, interval
  bounds, probability, KPI value, revenue, budget, gaps, hours, months of cover, counts and totals. Only
  values are facts: never keys (``lo_80``), pieces of dates or months, SKU codes (``XY-500``), order refs or
  ids. Derived figures (sums, counts, shares) are facts only when the document carries them.
- **Sign.** A projected balance >= 0 is stock; below zero it is a shortage of its absolute value, never stock.
  A figure written with a sign (``-7.4%``) or a direction word ("under budget", "dưới") must have that sign.
- **Claims.** The answer is split into sentences (lines, bullets, sentence ends). In each, every figure is
  bound to: the measure word nearest to it (``measures.toml``, English and Vietnamese; looking back, not past
  ``;``, ``:``, a parenthesis or a comparison word such as "against"/"so với", inheriting the previous
  figure's measure when it reaches it; and the measure word right after it); the subjects the sentence names
  (through the one resolver: SKU codes, product names, families, resources), else those of the sentences
  before it; the months written next to the figure (after it, else before it), else the sentence's — a
  sentence that writes no month makes no claim about months. ISO months
  (``2026-12``), "December 2026", "tháng 12/2026", "12/2026", "May–October 2026" are months; "from <month>"
  is where a run starts. The claim holds when one fact has one of its measures, its subject (or is about
  the whole scope), one of its months (or is not tied to months) and its value.
- **No measure word.** A figure with no measure word is bound if the facts for its subject and months with
  its value are of exactly one measure; otherwise it fails.
- **Months and dates** written in the answer must be months and dates of the results or of the question.
- **Inputs.** The question's figures ("+30%", "top 5", "two weeks" = 2 and 14 days), the tool arguments'
  numbers and the templates' fixed figures are grounded as inputs.
- **Numbers.** A figure written with d decimals matches a value that rounds to it (``3,982`` = 3981.9).
  "about", "around", "~", "khoảng" allow rounding to the significant figures written (at least 2):
  "about 2,300" = 2,322. "2.3k", "1.2M", "12 nghìn", "2,3 triệu" are numbers read at their written
  precision. A percentage matches a percentage fact (a probability of 0.629 is 62.9%). Number formats
  follow the answer's language: in Vietnamese ``2.322`` is 2322 and ``2,5`` is 2.5.
- Interval levels named with their interval ("80% interval", "khoảng tin cậy 95%") are labels.
- **Text of the results.** A note's passage, a decision's wording or an option's action is read like an
  answer: its figures are facts with the measure words, subjects and months written there. A figure
  inside a passage quoted verbatim (8 letters or more of it next to the figure) is grounded by the quote.
- **Other tools.** A value under a key no extractor names is a fact of any measure, still tied to its
  row's subject and months.
"""

from __future__ import annotations

import bisect
import json
import re
import threading
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant.grounding import facts as fact_tools
from assistant.grounding import reading
from assistant.grounding.facts import Collector, Fact
from assistant.grounding.numbers import (  # noqa: F401  (the number-level reading, kept for its users)
    _FIGURE,
    _FIGURE_COMMA,
    _LIST_MARKER,
    _matches,
    _number,
    figures,
    source_numbers,
)
from assistant.grounding.reading import DECIMAL_COMMA, Figure, Month, Sentence

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "twelve": 12, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6,
                 "bay": 7, "tam": 8, "chin": 9, "muoi": 10}


@dataclass
class GroundingResult:
    ok: bool
    ungrounded: list[str]
    checked: int
    failed_claims: list[str] = field(default_factory=list)


def _guess_tool(result: dict) -> str:
    if "rows" in result and "total_by_period" in result:
        return "get_forecast"
    if "formula" in result and "name" in result:
        return "get_kpi"
    if "rules" in result and "families" in result:
        return "reconcile_plan"
    if "plants" in result or ("base" in result and "scenario" in result):
        return "check_shortages"
    if "hits" in result or "items" in result:
        return "list_decisions"
    return ""


def _resolver(results: list[dict]):
    import pandas as pd

    from sop_engine.resolver import Resolver

    products: dict[str, dict] = {}
    resources, plants = set(), set()

    def walk(value):
        if isinstance(value, dict):
            if value.get("kind") == "sku" and isinstance(value.get("code"), str):
                products.setdefault(value["code"], {"sku": value["code"], "name": value.get("label") or value["code"],
                                                    "family": ""})
            if isinstance(value.get("sku"), str):
                row = products.setdefault(value["sku"], {"sku": value["sku"], "name": value["sku"], "family": ""})
                for key in ("name", "family"):
                    if isinstance(value.get(key), str) and value[key]:
                        row[key] = value[key]
            if isinstance(value.get("resource"), str):
                resources.add(value["resource"])
            if isinstance(value.get("plant"), str):
                plants.add(value["plant"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(results)
    families = {r["family"] for r in products.values()}

    def family_rows(value):
        if isinstance(value, dict):
            if isinstance(value.get("family"), str) and "sku" not in value and value["family"] not in families:
                families.add(value["family"])
                products.setdefault(f"\0{value['family']}", {"sku": f"\0{value['family']}",
                                                              "name": value["family"], "family": value["family"]})
            for item in value.values():
                family_rows(item)
        elif isinstance(value, list):
            for item in value:
                family_rows(item)

    family_rows(results)
    for row in products.values():
        row["family"] = row["family"] or f"\0{row['sku']}"
    frame = pd.DataFrame(list(products.values()) or [], columns=["sku", "name", "family"])
    return Resolver(frame, resources=resources, plants=plants)


_SUBJECTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # resolver -> {text: (subjects, spans)}
_SUBJECTS_LOCK = threading.Lock()
SUBJECTS_CACHE = 8192  # texts kept per resolver


def _subjects(text: str, resolver) -> tuple[list[str], list[tuple[int, int]]]:
    """Subjects named in ``text`` (canonical: SKU code, ``family:X``, ``resource:X``) and their spans.

    Kept per resolver (a company's resolver lives as long as its data: a load builds a new one) and text:
    the texts of tool results repeat (dates, option wordings) within a turn and across turns."""
    with _SUBJECTS_LOCK:
        kept = _SUBJECTS.get(resolver)
        if kept is None:
            kept = _SUBJECTS[resolver] = {}
        hit = kept.get(text)
    if hit is None:
        hit = _find_subjects(text, resolver)
        with _SUBJECTS_LOCK:
            if len(kept) >= SUBJECTS_CACHE:
                kept.clear()
            kept[text] = hit
    return list(hit[0]), list(hit[1])


def _find_subjects(text: str, resolver) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    from sop_engine.text import tokenize

    tokens = tokenize(text)
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    skip: set[int] = set()
    for finder in (resolver.find, resolver.find_resource):
        for _ in range(12):
            mention = finder(tokens, skip)
            if mention is None or mention.end <= mention.start or mention.score < 86:
                break
            skip.update(range(mention.start, mention.end))
            first, last = tokens[mention.start], tokens[mention.end - 1]
            spans.append((first.start, last.start + len(last.raw)))
            entities = [mention.entity] if mention.entity else mention.candidates
            for entity in entities:
                if entity.kind == "family" and entity.code.startswith("\0"):
                    continue
                code = entity.code.lstrip("\0")
                found.append(code if entity.kind == "sku" and not entity.code.startswith("\0")
                             else f"{'family' if entity.kind == 'sku' else entity.kind}:{code}")
    return tuple(found), tuple(spans)


@lru_cache(maxsize=1024)
def _text_inputs(text: str, language: str) -> tuple[float, ...]:
    """The figures and number words of a question or of the templates' fixed text."""
    values: list[float] = [f.value for f in reading.read(text, language).figures]
    folded = [w.strip("?.,!") for w in reading.fold(text).split()]
    for i, word in enumerate(folded):
        number = _NUMBER_WORDS.get(word)
        if number is None and word.isdigit():
            number = int(word)
        if number is not None:
            values.append(number)
            if i + 1 < len(folded) and folded[i + 1] in ("weeks", "week", "tuan"):
                values.append(number * 7)
    return tuple(values)


def _inputs(question: str, args: list[Any], fixed: str, language: str) -> list[float]:
    values: list[float] = [*_text_inputs(question or "", language), *_text_inputs(fixed or "", "en")]

    def walk(value):
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            values.append(float(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(args)
    return values


def _strings(value: Any, out: list[str]) -> list[str]:
    if isinstance(value, str):
        if len(value) >= 12:
            out.append(reading.fold(value))
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, list):
        for item in value:
            _strings(item, out)
    return out


def quoted(sentence: Sentence, fig: Figure, strings: list[str]) -> bool:
    """A figure inside a passage quoted verbatim from a tool result's text (at least 8 letters of it on one
    side of the figure) is grounded by the quotation."""
    text = sentence.text
    for piece in (text[max(0, fig.start - 24): fig.end], text[fig.start: fig.end + 24]):
        piece = piece.strip(" ([•↳-—“”\"'«»")
        if sum(c.isalpha() for c in piece) >= 8 and any(piece in s for s in strings):
            return True
    return False


def _labels(*sources: Any) -> tuple[set[str], set[str]]:
    return _labels_in(json.dumps(sources, default=str))


@lru_cache(maxsize=256)
def _text_labels(text: str) -> tuple[frozenset[str], frozenset[str]]:
    months, dates = _labels_in(json.dumps(text))
    return frozenset(months), frozenset(dates)


def _labels_in(text: str) -> tuple[set[str], set[str]]:
    """The ISO months and dates written in a JSON text (a match never crosses a JSON string's quotes)."""
    months, dates = set(), set()
    for m in _ISO.finditer(text):
        months.add(f"{m.group(1)}-{m.group(2)}")
        if m.group(3):
            dates.add(m.group(0))
    return months, dates


def extract_facts(results: list[dict], language: str = "en", resolver=None) -> list[Fact]:
    """The labelled facts of a turn's tool results (``[{"name", "args", "result"}]``)."""
    resolver = resolver or _resolver(results)

    def read_text(text: str, subject: str | None, months: frozenset[str] | None) -> list[Fact]:
        out: list[Fact] = []
        from sop_engine.text import has_diacritics

        for piece in reading.sentences(text):
            language = "vi" if has_diacritics(piece) else "en"
            if not reading.read(piece, language).figures:
                continue  # no figure (a date, a code): masking names finds none either
            subjects, spans = _subjects(piece, resolver)
            sentence = reading.read(piece, language, spans)
            for fig in sentence.figures:
                near = _near_months(sentence, fig) or sentence.months
                fig_months = frozenset(str(m) for m in near if m.year) or months
                measures = fig.measures or {"text"}
                for subj in (subjects or [subject]):
                    for measure in measures:
                        out.append(Fact(measure, subj, fig_months, fig.value, "%" if fig.percent else "",
                                        source="text"))
        return out

    collector = Collector(read_text)
    for item in results:
        result = item.get("result", item) if isinstance(item, dict) else {}
        if not isinstance(result, dict) or "error" in result:
            continue
        name = item.get("name") or _guess_tool(result)
        fact_tools.EXTRACTORS.get(name, fact_tools.generic)(result, collector)
    return collector.facts


def _near_months(sentence: Sentence, fig: Figure) -> list[Month]:
    """The months written between the previous and the next figure of the sentence."""
    figs = sentence.figures
    k = figs.index(fig)
    lo = figs[k - 1].end if k else 0
    hi = figs[k + 1].start if k + 1 < len(figs) else len(sentence.text)
    after = [m for m in sentence.months if fig.end <= m.at < hi]
    return after or [m for m in sentence.months if lo <= m.at < fig.start]


SIGNED = {"balance", "change", "gap", "text"}  # measures whose facts carry a sign
MAGNITUDES = {"gap", "shortage_after"}  # keys whose value is a size, its direction said in words


def _value_fits(fig: Figure, fact: Fact, signed: int) -> bool:
    if fig.percent != (fact.unit == "%"):
        return False
    if fact.measure not in SIGNED or fact.source in MAGNITUDES:
        signed = 0
    elif fact.measure == "balance" and not signed:
        signed = 1  # a balance written without a sign or a direction is positive
    value = fact.value if signed or fig.signed else abs(fact.value)
    written = fig.value if not signed or fig.signed else signed * abs(fig.value)
    return abs(value - written) <= fig.step / 2 + 1e-9


def _months_fit(months: list[Month], fact: Fact) -> bool:
    if not months or fact.months is None:
        return True
    for month in months:
        if month.start and fact.start and month.fits(fact.start):
            return True
        if any(month.fits(label) for label in fact.months):
            return True
    return False


class Facts(list):
    """A turn's facts, with their absolute values sorted: a figure is compared only with the facts near its
    value (``_value_fits`` never holds when the absolute values differ by more than the figure's rounding)."""

    def __init__(self, facts: list[Fact]) -> None:
        super().__init__(facts)
        order = sorted(range(len(facts)), key=lambda i: abs(facts[i].value))
        self._order = order
        self._magnitudes = [abs(facts[i].value) for i in order]

    def near(self, fig: Figure) -> list[Fact]:
        size, slack = abs(fig.value), fig.step / 2 + 1e-9
        lo = bisect.bisect_left(self._magnitudes, size - slack - 1e-9)
        hi = bisect.bisect_right(self._magnitudes, size + slack + 1e-9)
        return [self[i] for i in sorted(self._order[lo:hi])]


def verify(fig: Figure, subjects: list[str], months: list[Month], facts: list[Fact]) -> bool:
    signed = fig.direction
    if isinstance(facts, Facts):
        facts = facts.near(fig)
    candidates = [f for f in facts if _value_fits(fig, f, signed)
                  and (not subjects or f.subject is None or f.subject in subjects)
                  and _months_fit(months, f)]
    if fig.measures:
        return any(f.measure in fig.measures or f.measure == "text" for f in candidates)
    groups: dict[tuple, set[str]] = {}
    for f in candidates:
        if f.measure != "text":
            groups.setdefault((f.source, f.subject, f.months, f.value), set()).add(f.measure)
    if not groups:
        return bool(candidates)
    return bool(set.intersection(*groups.values()))


_CACHE: dict[str, tuple[list[Fact], list[str], set[str], tuple[frozenset[str], frozenset[str]]]] = {}


def _read_results(results: list[dict], language: str, resolver
                  ) -> tuple[list[Fact], list[str], set[str], tuple[frozenset[str], frozenset[str]]]:
    """The facts, the text strings, the months written in the text of ``results`` and the ISO months and
    dates of their JSON (the last few kept: a turn's answer, its fallback and a stream's sentences are
    checked against the same results)."""
    text = json.dumps(results, default=str)
    key = f"{id(resolver)}:{language}:" + text
    if key not in _CACHE:
        facts = Facts(extract_facts(results, language, resolver))
        strings = _strings(results, [])
        months = {str(m) for text in strings for m in reading.read(text).months if m.year}
        labels = _labels_in(text)
        if len(_CACHE) >= 8:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = (facts, strings, months, (frozenset(labels[0]), frozenset(labels[1])))
    return _CACHE[key]


def check(answer: str, tool_results: list[Any], question: str = "", fixed_text: str = "",
          language: str = "en", resolver=None) -> GroundingResult:
    """Check every figure of ``answer`` against ``tool_results`` (``[{"name", "args", "result"}]``).
    ``fixed_text``: the product's own wording the answer was written with (offline templates);
    ``language``: the answer's language (``en``/``vi``, ``vi-VN``), which decides how its numbers are read;
    ``resolver``: the company's resolver (built from the results when absent)."""
    language = "vi" if str(language or "en").lower().startswith("vi") else "en"
    results = [r if isinstance(r, dict) else {"result": r} for r in tool_results]
    resolver = resolver or _resolver(results)
    facts, strings, text_months, (result_months, result_dates) = _read_results(results, language, resolver)
    inputs = _inputs(question, [r.get("args") for r in results], fixed_text, language)
    question_months, question_dates = _text_labels(question)
    fixed_months, fixed_dates = _text_labels(fixed_text)
    source_months = set(result_months | question_months | fixed_months | text_months)
    source_dates = set(result_dates | question_dates | fixed_dates)
    fixed = reading.read(fixed_text or "")
    source_months |= {str(m) for m in fixed.months if m.year}
    strings = [*strings, reading.fold(fixed_text)] if fixed_text else strings
    q_months = reading.read(question or "", language).months
    bad: list[str] = []
    claims: list[str] = []
    checked = 0
    carried_subjects: list[str] = []
    for piece in reading.sentences(answer):
        subjects, spans = _subjects(piece, resolver)
        sentence = reading.read(piece, language, spans)
        if not subjects or all(s.startswith(("resource:", "plant:")) for s in subjects):
            subjects = subjects + carried_subjects  # a resource named in a product's line is where, not what
        for month in sentence.months:
            label = str(month)
            if (month.year and label not in source_months and not any(
                    q.month == month.month and q.year in (None, month.year) for q in q_months)) or (
                    month.year is None and not any(int(m[5:7]) == month.month for m in source_months)):
                bad.append(label)
                claims.append(f"month {label}: in no tool result")
        for date in sentence.dates:
            if date not in source_dates and date not in (question or ""):
                bad.append(date)
                claims.append(f"date {date}: in no tool result")
        for fig in sentence.figures:
            checked += 1
            months = _near_months(sentence, fig) or sentence.months  # months are checked where written
            if any(abs(fig.value - v) <= fig.step / 2 + 1e-9 or abs(abs(fig.value) - abs(v)) < 1e-9
                   for v in inputs) or quoted(sentence, fig, strings):
                continue
            if not verify(fig, subjects, months, facts):
                bad.append(fig.raw)
                claims.append(f"{fig.raw}: {'/'.join(sorted(fig.measures)) or 'no measure'} of "
                              f"{', '.join(subjects) or 'any subject'} in {', '.join(map(str, months)) or 'any month'}")
        if subjects:
            carried_subjects = list(dict.fromkeys(subjects + carried_subjects))
    return GroundingResult(not bad, bad, checked, claims)


__all__ = ["DECIMAL_COMMA", "GroundingResult", "check", "extract_facts", "verify"]
