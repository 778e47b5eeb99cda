"""Accent-insensitive text: the one folding that notes parsing and notes search share.

``fold(text)``: NFC, case-folded, every combining mark dropped after NFD, ``đ``/``Đ`` read as ``d`` (a letter
of its own, not a ``d`` with a mark) — "Nước mắm Phú Quốc" -> "nuoc mam phu quoc", "Amélie" -> "amelie".

``fold_with_offsets(text) -> (folded, starts)``: the same folding, and for each folded character the index
of the character of ``text`` it came from, so a match found in the folded text can be cut out of the
original (``original_span``).
"""

from __future__ import annotations

import unicodedata

_LETTERS_OF_THEIR_OWN = {"đ": "d", "ð": "d", "ø": "o", "ł": "l"}


def _fold_char(ch: str) -> str:
    out = []
    for part in unicodedata.normalize("NFD", ch.casefold()):
        if unicodedata.combining(part):
            continue
        out.append(_LETTERS_OF_THEIR_OWN.get(part, part))
    return "".join(out)


def fold(text: str) -> str:
    return fold_with_offsets(text)[0]


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    text = unicodedata.normalize("NFC", str(text))
    pieces: list[str] = []
    starts: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
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
    return fold(text) != unicodedata.normalize("NFC", str(text)).casefold()
