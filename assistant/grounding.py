"""The grounding check run on every answer: each number in the text must appear in the turn's tool
results (or in the question itself).

Normalisation, stated:
- thousands separators are dropped (``1,234.5`` -> 1234.5); a leading sign is kept;
- a number written with d decimals matches a source number that rounds to it at d decimals
  (``340`` matches 339.6; ``13.9`` matches 13.87);
- a percentage ``p%`` also matches a source fraction f with round(100 f, d) == p (``25%`` matches 0.25);
- numbers inside source strings count (``2026-12`` gives 2026 and 12; ``PO-1182`` gives 1182);
- ordinal and list markers are not figures: ``1.`` at a line start, and the digits of codes, dates and
  months inside the answer (``OAT-1L``, ``2026-12-01``, ``Q1``) are taken as tokens, not figures.
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


@dataclass
class GroundingResult:
    ok: bool
    ungrounded: list[str]
    checked: int


def figures(text: str) -> list[tuple[str, float, int, bool]]:
    """(as written, value, decimals, is_percent) for each figure in ``text``."""
    text = _LIST_MARKER.sub(" ", text)
    out = []
    for match in _FIGURE.finditer(text):
        raw, percent = match.group(1), bool(match.group(2))
        clean = raw.replace(",", "")
        decimals = len(clean.split(".")[1]) if "." in clean else 0
        out.append((raw + match.group(2), float(clean), decimals, percent))
    return out


def source_numbers(*sources: Any) -> list[float]:
    """Every number in the sources: values, numbers inside strings, and numbers in keys (``lo_80``)."""
    numbers: list[float] = []

    def walk(value: Any) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, int | float):
            numbers.append(float(value))
        elif isinstance(value, str):
            numbers.extend(float(n.replace(",", "")) for n in _ANY_NUMBER.findall(value))
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


def check(answer: str, tool_results: list[Any], question: str = "", fixed_text: str = "") -> GroundingResult:
    """``fixed_text``: the product's own wording the answer was written with (offline templates)."""
    pool = source_numbers(tool_results, question, fixed_text)
    found = figures(answer)
    bad = [raw for raw, value, decimals, percent in found if not _matches(value, decimals, percent, pool)]
    return GroundingResult(not bad, bad, len(found))
