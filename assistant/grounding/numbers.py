"""The number-level reading of earlier versions (kept for its users): each number in the text must appear in
results (or in the question itself).

Normalisation, stated:
- thousands separators are dropped (``1,234.5`` -> 1234.5); a leading sign is kept;
- a number written with d decimals matches a source number that rounds to it at d decimals
  (``340`` matches 339.6; ``13.9`` matches 13.87);
- a percentage ``p%`` also matches a source fraction f with round(100 f, d) == p (``25%`` matches 0.25);
- numbers inside source strings count (``2026-12`` gives 2026 and 12; ``PO-1182`` gives 1182; ``500ml`` gives
  500), except the digits of a word that mixes them with letters in more than one run or between letters
  (an id such as ``apr-6c08d2f2`` or ``B2B`` gives none);
- ordinal and list markers are not figures: ``1.`` at a line start, and the digits of codes, dates and
  months inside the answer (``OAT-1L``, ``2026-12-01``, ``Q1``) are taken as tokens, not figures;
- number formats follow the answer's language (``language``): in Vietnamese ``.`` groups thousands and
  ``,`` is the decimal mark (``2.322`` is 2322, ``2,5`` is 2.5); numbers inside source strings are then
  read both ways, since a quoted text may be written in either.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

# a figure: optional sign, digits with optional thousands separators, optional decimals, optional %;
# not part of a word/code (letters, '-', '/', ':' or '.' joined to it)
_FIGURE = re.compile(r"(?<![\w\-/:.#])([+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[+-]?\d+(?:\.\d+)?)(%?)(?![\w\-/:]|\.\d)")
_ANY_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.MULTILINE)
# the same two patterns for languages that group thousands with "." and mark decimals with ","; a "." not
# followed by groups of three digits is read as a decimal point ("2.5" written the English way)
_FIGURE_COMMA = re.compile(
    r"(?<![\w\-/:.#])([+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[+-]?\d+(?:,\d+)?|[+-]?\d+\.\d+)(%?)(?![\w\-/:]|[.,]\d)"
)
_ANY_NUMBER_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_WORD = re.compile(r"[^\W_]+")
_DIGIT_RUN = re.compile(r"\d+")
_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
DECIMAL_COMMA = {"vi"}


def _number(raw: str, decimal_comma: bool = False) -> tuple[float, int]:
    """(value, decimals written) of a figure as the language writes it."""
    if decimal_comma and _THOUSANDS_DOT.fullmatch(raw):
        raw = raw.replace(".", "")
    clean = raw.replace(",", ".") if decimal_comma else raw.replace(",", "")
    return float(clean), len(clean.split(".")[1]) if "." in clean else 0


@dataclass
class GroundingResult:
    ok: bool
    ungrounded: list[str]
    checked: int


def figures(text: str, language: str = "en") -> list[tuple[str, float, int, bool]]:
    """(as written, value, decimals, is_percent) for each figure in ``text``."""
    comma = language in DECIMAL_COMMA
    text = _LIST_MARKER.sub(" ", text)
    out = []
    for match in (_FIGURE_COMMA if comma else _FIGURE).finditer(text):
        raw, percent = match.group(1), bool(match.group(2))
        value, decimals = _number(raw, comma)
        out.append((raw + match.group(2), value, decimals, percent))
    return out


def _without_ids(text: str) -> str:
    """``text`` with the words that interleave digits and letters blanked (``6c08d2f2``, ``B2B``); a number
    with a unit or a prefix joined to it (``500ml``, ``SKU12``) is kept."""
    def blank(match: re.Match) -> str:
        word = match.group(0)
        runs = list(_DIGIT_RUN.finditer(word))
        if not runs or word.isdigit():
            return word
        inner = runs[0].start() > 0 and runs[0].end() < len(word)
        return " " * len(word) if len(runs) > 1 or inner else word

    return _WORD.sub(blank, text)


def source_numbers(*sources: Any, language: str = "en") -> list[float]:
    """Every number in the sources: values, numbers inside strings, and numbers in keys (``lo_80``)."""
    numbers: list[float] = []

    def walk(value: Any) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            numbers.append(float(value))
        elif isinstance(value, str):
            value = _without_ids(value)
            numbers.extend(float(n.replace(",", "")) for n in _ANY_NUMBER.findall(value))
            if language in DECIMAL_COMMA:
                numbers.extend(_number(n, True)[0] for n in _ANY_NUMBER_COMMA.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(str(key))
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        else:
            walk(json.loads(json.dumps(value, default=str)))

    for source in sources:
        walk(source)
    return numbers


def _matches(value: float, decimals: int, percent: bool, pool: list[float]) -> bool:
    for number in pool:
        if round(number, decimals) == round(value, decimals) or round(abs(number), decimals) == abs(value):
            return True
        if percent and round(number * 100, decimals) == round(value, decimals):
            return True
        if decimals == 0 and abs(number) >= 1000 and round(number, -1) == value:  # "about 1,230" written rounder
            return True
    return False


def check(answer: str, tool_results: list[Any], question: str = "", fixed_text: str = "",
          language: str = "en") -> GroundingResult:
    """``fixed_text``: the product's own wording the answer was written with (offline templates);
    ``language``: the answer's language, which decides how its numbers are read."""
    pool = source_numbers(tool_results, question, fixed_text, language=language)
    found = figures(answer, language)
    bad = [raw for raw, value, decimals, percent in found if not _matches(value, decimals, percent, pool)]
    return GroundingResult(not bad, bad, len(found))
