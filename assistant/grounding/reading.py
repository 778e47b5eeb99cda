"""Reading the claims of a text: its sentences, and in each the figures with the measure word, the subjects
and the months they are bound to. The same reader reads an answer and the free text of tool results (a
note's passage, a decision's wording), so both sides speak of claims the same way."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sop_engine.periods import MONTHS
from sop_engine.text import fold

DECIMAL_COMMA = {"vi"}
MEASURES_FILE = Path(__file__).with_name("measures.toml")

_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "nghin": 1e3, "ngan": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6,
                "trieu": 1e6, "bn": 1e9, "billion": 1e9, "ty": 1e9, "ti": 1e9}
_MULT = r"(?:\s?(?:k|m|mn|bn)\b|\s(?:thousand|million|billion|nghin|ngan|trieu|ty|ti)\b)?"
_EN_NUMBER = r"[+\-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+\-−]?\d+(?:\.\d+)?"
_VI_NUMBER = r"[+\-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+\-−]?\d+(?:,\d+)?|[+\-−]?\d+\.\d+"
# a figure is not joined to a word, a code or a date: no letter, '-', '/', ':', '#', '.' or '_' around it
_EDGE_BEFORE = r"(?<![\w\-/:.#_])"
_EDGE_AFTER = r"(?![\w\-/:_]|[.,]\d)"
_FIGURE = {lang: re.compile(_EDGE_BEFORE + f"({number})({_MULT})(\\s?%)?" + _EDGE_AFTER)
           for lang, number in (("en", _EN_NUMBER), ("vi", _VI_NUMBER))}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = [  # (pattern on folded text, kind): whole dates and months, masked before figures are read
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), "dmy"),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + _MONTH_NAMES + r")\.?,? (\d{4})\b"), "d_name_y"),
    (re.compile(r"\b(" + _MONTH_NAMES + r")\.? (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\b"), "name_d_y"),
    (re.compile(r"\b(\d{4})-(\d{2})\b(?:\.\.(\d{4})-(\d{2}))?"), "ym"),
    (re.compile(r"\b(" + _MONTH_NAMES + r")\.?(?: (\d{4}))?\b"), "name_y"),
    (re.compile(r"\bthang (\d{1,2})(?:/(\d{4})| nam (\d{4}))?\b"), "vi_month"),
    (re.compile(r"\b(\d{1,2})/(\d{4})\b"), "my"),
    (re.compile(r"\b(?:q|quy )([1-4])\b|\b(?:h|nua nam )([12])\b"), "label"),
    (re.compile(r"\b(\d{2})\s?% (?:prediction |confidence )?(?:interval|range|band)|"
                r"\bkhoang (?:tin cay )?(\d{2})\s?%"), "level"),
]
_LIST_MARKER = re.compile(r"^(\s*)(\d+[.)])(\s)", re.MULTILINE)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=\S)|\n+|\s•\s|\s-\s(?=[A-Z])")


@dataclass(frozen=True)
class Month:
    year: int | None
    month: int
    start: bool = False  # "from <month>": where a run starts
    at: int = field(default=-1, compare=False)  # where it is written in the sentence

    def fits(self, label: str) -> bool:
        year, month = int(label[:4]), int(label[5:7])
        return month == self.month and (self.year is None or self.year == year)

    def __str__(self) -> str:
        return f"{self.year or '????'}-{self.month:02d}"


@dataclass
class Figure:
    raw: str
    value: float
    step: float  # the rounding the figure is written at: 3,982 -> 1; 2.3k -> 100; "about 2,300" -> 100
    percent: bool
    signed: bool  # written with an explicit sign
    start: int
    end: int
    measures: set[str] = field(default_factory=set)
    direction: int = 0  # -1 "under", +1 "above", 0 none


@dataclass
class Sentence:
    text: str
    figures: list[Figure]
    months: list[Month]
    dates: list[str]
    levels: list[int]
    subjects: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # masked spans: names, months, dates


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    data = tomllib.loads(MEASURES_FILE.read_text(encoding="utf-8"))
    words: dict[str, set[str]] = {}
    for measure, phrases in data["words"].items():
        for phrase in phrases:
            words.setdefault(fold(phrase), set()).add(measure)
    return {"words": words, "negative": {fold(w) for w in data["direction"]["negative"]},
            "positive": {fold(w) for w in data["direction"]["positive"]},
            "from": {fold(w) for w in data["from"]["words"]}, "about": {fold(w) for w in data["about"]["words"]},
            "boundaries": {fold(w) for w in data["boundaries"]["words"]},
            "change_after": {fold(w) for w in data["change_after"]["words"]}}


def parse_number(raw: str, language: str) -> tuple[float, int]:
    """(value, decimals written) of a number as ``language`` writes it (vi: 2.322 = 2322, 2,5 = 2.5)."""
    raw = raw.replace("−", "-")
    if language in DECIMAL_COMMA:
        if re.fullmatch(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw):
            raw = raw.replace(".", "")
        clean = raw.replace(",", ".")
    else:
        clean = raw.replace(",", "")
    return float(clean), len(clean.split(".")[1]) if "." in clean else 0


def _significant(value: float, decimals: int) -> int:
    digits = f"{abs(value):.{decimals}f}".replace(".", "").lstrip("0")
    return max(len(digits.rstrip("0")) if decimals == 0 else len(digits), 1)


def sentences(text: str) -> list[str]:
    text = _LIST_MARKER.sub(lambda m: m.group(1) + " " * len(m.group(2)) + m.group(3), text)
    return [s for s in _SENTENCE.split(text) if s and s.strip()]


def _months_and_dates(folded: str) -> tuple[list[Month], list[str], list[int], list[tuple[int, int]]]:
    months: list[Month] = []
    dates_at: list[tuple[str, int]] = []
    levels: list[int] = []
    spans: list[tuple[int, int]] = []
    vocab = vocabulary()

    def taken(a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in spans)

    for pattern, kind in _DATE_PATTERNS:
        for m in pattern.finditer(folded):
            if taken(m.start(), m.end()):
                continue
            g = m.groups()
            before = folded[: m.start()].split()[-1:] or [""]
            start = before[0] in vocab["from"]
            try:
                if kind == "ymd":
                    dates_at.append((f"{g[0]}-{g[1]}-{g[2]}", m.start()))
                elif kind == "dmy":
                    dates_at.append((f"{g[2]}-{int(g[1]):02d}-{int(g[0]):02d}", m.start()))
                elif kind == "d_name_y":
                    dates_at.append((f"{g[2]}-{MONTHS[g[1]]:02d}-{int(g[0]):02d}", m.start()))
                elif kind == "name_d_y":
                    dates_at.append((f"{g[2]}-{MONTHS[g[0]]:02d}-{int(g[1]):02d}", m.start()))
                elif kind == "ym":
                    months.append(Month(int(g[0]), int(g[1]), start, m.start()))
                    if g[2]:
                        months.append(Month(int(g[2]), int(g[3]), False, m.start()))
                elif kind == "name_y":
                    if g[0] in ("may", "mar", "jun", "jan", "dec", "oct", "sep", "aug", "apr", "feb", "nov", "jul") \
                            and not g[1] and before[0] not in ("in", "of", "to", "from", "until", "since", "for",
                                                              "by", "through", "during", "and", "-"):
                        continue
                    months.append(Month(int(g[1]) if g[1] else None, MONTHS[g[0]], start, m.start()))
                elif kind == "vi_month":
                    year = g[1] or g[2]
                    if not 1 <= int(g[0]) <= 12:
                        continue
                    months.append(Month(int(year) if year else None, int(g[0]), start, m.start()))
                elif kind == "my":
                    if not 1 <= int(g[0]) <= 12:
                        continue
                    months.append(Month(int(g[1]), int(g[0]), start, m.start()))
                elif kind == "level":
                    levels.append(int(g[0] or g[1]))
            except (KeyError, ValueError):
                continue
            spans.append((m.start(), m.end()))
    months.sort(key=lambda m: m.at)
    for i, month in enumerate(months):  # "May–October 2026": a month without a year takes the next one's
        if month.year is None:
            later = next((m.year for m in months[i + 1:] if m.year), None)
            if later:
                months[i] = Month(later, month.month, month.start, month.at)
    for date, at in dates_at:
        months.append(Month(int(date[:4]), int(date[5:7]), False, at))
    return sorted(months, key=lambda m: m.at), [d for d, _ in dates_at], levels, spans


def _words_with_offsets(folded: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\W_]+(?:\([^\W_]+\))?|[~≈%:;()\[\]]",
                                                                     folded)]


def _find_phrases(words: list[tuple[str, int, int]], table) -> list[tuple[int, int, str]]:
    """(first word index, last word index + 1, phrase) of the phrases of ``table`` found, longest first."""
    found: list[tuple[int, int, str]] = []
    used = [False] * len(words)
    texts = [w[0] for w in words]
    firsts = _first_words(table)
    starts = [i for i, t in enumerate(texts) if t in firsts]  # only a phrase's first word can start one
    for n in (5, 4, 3, 2, 1):
        for i in starts:
            if i + n > len(texts):
                continue
            phrase = " ".join(texts[i:i + n])
            if phrase in table and not any(used[i:i + n]):
                found.append((i, i + n, phrase))
                used[i:i + n] = [True] * n
    return sorted(found)


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(table) -> frozenset[str]:
    """The first words of ``table``'s phrases (kept per table: the vocabularies are built once)."""
    kept = _FIRST_WORDS.get(id(table))
    if kept is None or kept[0] is not table or len(_FIRST_WORDS) > 64:
        if len(_FIRST_WORDS) > 64:
            _FIRST_WORDS.clear()
        kept = (table, frozenset(p.split(" ")[0] for p in table))
        _FIRST_WORDS[id(table)] = kept
    return kept[1]


def read(text: str, language: str = "en", masks: list[tuple[int, int]] | None = None) -> Sentence:
    """The claims of one sentence: figures with the measure words they are bound to, months, dates and the
    levels of intervals named ("80% interval"). ``masks``: character spans that are names, not figures.

    The reading depends on the text alone, and the texts of tool results repeat (dates, option wordings,
    the templates): it is kept (the last ``READ_CACHE`` readings), so the ``Sentence`` returned is shared
    and must not be changed."""
    return _read(text, "vi" if language in DECIMAL_COMMA else "en", tuple(masks or ()))


READ_CACHE = 4096


@lru_cache(maxsize=READ_CACHE)
def _read(text: str, language: str, masks: tuple[tuple[int, int], ...]) -> Sentence:
    folded = fold(text)
    text = folded
    months, dates, levels, spans = _months_and_dates(folded)
    spans = spans + list(masks)
    vocab = vocabulary()
    lang = language
    figures: list[Figure] = []
    for m in _FIGURE[lang].finditer(text):
        if any(m.start(1) < y and x < m.end(1) for x, y in spans):
            continue
        raw = m.group(1)
        value, decimals = parse_number(raw, lang)
        mult = _MULTIPLIERS.get(m.group(2).strip(), 1.0) if m.group(2) else 1.0
        step = 10.0 ** -decimals
        approximate = mult != 1.0
        value, step = value * mult, step * mult
        before = folded[max(0, m.start() - 20): m.start()].split()
        if before and (before[-1] in vocab["about"] or " ".join(before[-2:]) in vocab["about"]) \
                or folded[max(0, m.start() - 2): m.start()].strip() in ("~", "≈"):
            approximate = True
        if approximate:  # rounding to the significant figures written, at least two
            sig = max(_significant(abs(value) / mult, decimals), 2)
            exponent = len(str(int(abs(value)))) - sig if abs(value) >= 1 else -decimals
            step = max(step, 10.0 ** exponent) if exponent > 0 else step
        figures.append(Figure(raw + (m.group(2) or "") + (m.group(3) or ""), value, step, bool(m.group(3)),
                              raw[:1] in "+-−", m.start(), m.end()))
    _bind_measures(folded, figures, vocab, list(masks))
    return Sentence(text, figures, months, dates, levels, spans=spans)


def _bind_measures(folded: str, figures: list[Figure], vocab: dict, names: list[tuple[int, int]]) -> None:
    """Each figure's measures: the nearest measure phrase looking back (not past ';', '(' or ')', ':' or a
    comparison word; reaching the previous figure, its measures), and one right after it (up to 4 words, not
    past punctuation or a comparison word); both when both are found."""
    words = [w for w in _words_with_offsets(folded) if not any(a <= w[1] < b for a, b in names)]
    phrases = [p for p in _find_phrases(words, vocab["words"]) if vocab["words"][p[2]] != {"scope"}]
    bounds = _find_phrases(words, vocab["boundaries"])
    directions = _find_phrases(words, vocab["negative"] | vocab["positive"])
    changes = _find_phrases(words, vocab["change_after"])
    stops_back = {";", "(", ")", ":"}
    for k, fig in enumerate(figures):
        first_after = next((i for i, w in enumerate(words) if w[1] >= fig.end), len(words))
        last_before = max((i for i, w in enumerate(words) if w[2] <= fig.start), default=-1)
        back: set[str] = set()
        i = last_before
        previous = figures[k - 1] if k else None
        while i >= 0 and last_before - i <= 12:
            if words[i][0] in stops_back or any(a <= i < b for a, b, _ in bounds):
                break
            if previous is not None and words[i][2] <= previous.end:
                back = set(previous.measures)
                break
            hit = next((p for p in phrases if p[0] <= i < p[1]), None)
            if hit:
                back = set(vocab["words"][hit[2]])
                break
            i -= 1
        ahead: set[str] = set()
        nxt = figures[k + 1].start if k + 1 < len(figures) else len(folded)
        for j in range(first_after, min(first_after + 5, len(words))):
            if words[j][1] >= nxt or any(a <= j < b for a, b, _ in bounds):
                break
            if any(c in folded[fig.end: words[j][1]] for c in ",-|/") or words[j][0] in stops_back:
                break
            hit = next((p for p in phrases if p[0] == j or p[0] < j < p[1]), None)
            if hit:
                ahead = set(vocab["words"][hit[2]])
                break
        if fig.percent and any(a in (first_after, first_after + 1) for a, _, _ in changes):
            ahead = ahead | {"change"}
        fig.measures = back | ahead
        for a, b, phrase in directions:
            gap_after = folded[fig.end: words[a][1]] if a < len(words) else ""
            near = (first_after <= a <= first_after + 2 and not any(c in gap_after for c in ",;-(")) or (
                0 <= last_before - (b - 1) <= 2)
            if near:
                fig.direction = -1 if phrase in vocab["negative"] else 1
