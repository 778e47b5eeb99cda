"""Text as people type it: folding for matching, and the word tokens every reader of a message shares.

``fold`` makes two spellings of one word equal: Unicode NFC, case-folded, accents dropped (NFD without
combining marks) and ``đ``/``Đ`` read as ``d`` (a letter of its own in Unicode, not an accented ``d``), so
"Nước mắm Phú Quốc", "nuoc mam phu quoc" and "NƯỚC MẮM" fold alike, and "Amélie" is "amelie".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "–": "-", "—": "-"})
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "ß": "ss"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The matching form of ``text``: NFC, case-folded, without accents; ``đ`` -> ``d``."""
    text = unicodedata.normalize("NFC", str(text)).translate(_PUNCTUATION).translate(_EXTRA).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def has_diacritics(text: str) -> bool:
    """True when ``text`` holds a letter that folding changes (an accent, ``đ``)."""
    return any(ord(c) > 127 and c.isalpha() and fold(c) != c.casefold() for c in str(text))


# A token: a percentage ("20%", "+5,5 %"), a word of letters and digits in any script, possibly joined by
# - . & ' / (codes such as PO-1182, PO/2026/001, s&op, 1.5l stay one token), a size's decimal comma before its
# unit ("1,8 L": "1.8"), or a lone "+".
_TOKEN = re.compile(r"[+-]?\d+(?:[.,]\d+)?\s?%|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|"
                    r"\d+,\d{1,2}(?=\s?(?i:ml|l|lít|lit|kg|g|gr|w|kw|v|cm|mm|m|oz|lb|cl|inch)(?![^\W\d_]))|"
                    r"[^\W_]+(?:[-.&'/][^\W_]+)*|\+")
_DECIMAL_COMMA = re.compile(r"^(\d+),(\d{1,2})$")  # "1,8" (a size written the Vietnamese way) reads as "1.8"


@dataclass(frozen=True)
class Token:
    text: str  # folded, for matching
    raw: str  # as typed, for names of people and notes queries
    start: int  # character offset in the message


def tokenize(message: str) -> list[Token]:
    """The word tokens of ``message``, folded for matching and kept as typed."""
    message = unicodedata.normalize("NFC", str(message or "")).translate(_PUNCTUATION)  # raw keeps "đ"
    return [Token(_DECIMAL_COMMA.sub(r"\1.\2", fold(m.group(0)).replace(" ", "")), m.group(0), m.start())
            for m in _TOKEN.finditer(message)]


def fold_words(text: str) -> str:
    """The folded words of ``text`` joined by single spaces (how names and phrases are compared)."""
    return " ".join(t.text for t in tokenize(text))
