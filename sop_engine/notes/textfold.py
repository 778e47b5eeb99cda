"""The project's accent-insensitive ``fold`` (``sop_engine.text``), with offsets for cutting matches out.

``fold(text)``: NFC, case-folded, accents dropped, ``đ``/``Đ`` read as ``d`` — "Nước mắm Phú Quốc" ->
"nuoc mam phu quoc", "Amélie" -> "amelie".

``fold_with_offsets(text) -> (folded, starts)``: the same folding, and for each folded character the index
of the character of the NFC ``text`` it came from, so a match found in the folded text can be cut out of the
original (``original_span``).
"""

from __future__ import annotations

import unicodedata

from sop_engine.text import fold, has_diacritics

__all__ = ["fold", "fold_with_offsets", "has_marks", "original_span"]


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    text = unicodedata.normalize("NFC", str(text))
    pieces: list[str] = []
    starts: list[int] = []
    for index, ch in enumerate(text):
        folded = fold(ch)
        pieces.append(folded)
        starts.extend([index] * len(folded))
    return "".join(pieces), starts


def original_span(starts: list[int], text_length: int, start: int, end: int) -> tuple[int, int]:
    """The span of the (NFC) original text behind the folded span [start, end)."""
    begin = starts[start] if start < len(starts) else text_length
    finish = starts[end] if end < len(starts) else text_length
    return begin, finish


def has_marks(text: str) -> bool:
    """True when the text carries any accent or a letter such as đ that folding changes."""
    return has_diacritics(text)
