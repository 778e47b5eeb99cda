"""The language of a question (``"en"`` or ``"vi"``) and the accent-insensitive ``fold`` of a text.

``detect_language`` counts the question's words: a word is Vietnamese if it has a letter only Vietnamese
writes (ă, đ, ơ, ư, or a hook above, dot below, breve or horn; a circumflex letter with a tone mark), or if
its folded form is a common Vietnamese function or intent word; it is English if it is a common English
function or intent word. A word in both lists written without diacritics (``can``, ``do``, ``so``) counts
for neither. Words of the product names passed (except the listed words) do not count, so a product's
name decides nothing. English on a tie, and when no word counts. Adding a language means adding a list.

Data only, no heavy imports: it runs on every message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from sop_engine.text import fold as text_fold

LANGUAGES = ("en", "vi")

# Vietnamese function and intent words, folded (no diacritics): the words a question is built of
VI_WORDS = frozenset("""
ai anh ban bao bi biet bo ca cac cai can cap chay chi cho chua chung chuong co con cong cua cuoi da dang dap
dau day de den di dien dinh do doanh don du duoc gan gap gi gio giup hach hai han hang hay het hien hoach
hoi hom hon hop huy khac khi kho khoang khong kia kiem ky la lai lam lan le luc luong mat may minh moi mot mua
muc nam nao nay neu nghin ngay nhat nhieu nhom nhu nhung noi qua quy quyet ra rang roi sach san sao sap
se so sot tai tang thang the them theo thi thieu thoi thu tiep toi ton tong tot tra tre trieu trong truoc
tu tuan tung ty ung va vao ve viec voi vua vuot xem xin xuat
""".split())

# English function and intent words
EN_WORDS = frozenset("""
a about accuracy action all am an and any are arrive at be been budget by can cap capacity chart consensus
could cover day decide decided decision decisions demand did do does due during each every fill find for
forecast from gap get give go going good had has have help how i if in inventory is it items its last late
list loaded low many may me meet meeting month months more much my need next not notes of on open or order
orders our out over overstock overstocked per plan please product products publish quarter rate
reforecast risk run sales say see sell sold shortage short should show slip slips so stock supply tell
than that the there these this those to top under until us was we week weeks were what when which who will
with without would year you
""".split())

_VI_MARKS = {"\u0309", "\u0323", "\u031b", "\u0306"}  # hook above, dot below, horn, breve
_VI_LETTERS = set("ăđơư")
_WORD = re.compile(r"[^\W\d_]+")


fold = text_fold  # one fold for the whole project: sop_engine.text.fold

def words(text: str) -> list[str]:
    """The words (letters only) of ``text``, as written (NFC)."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


def _vietnamese_letter(word: str) -> bool:
    lower = word.casefold()
    if _VI_LETTERS & set(lower):
        return True
    for char in lower:
        marks = [m for m in unicodedata.normalize("NFD", char)[1:] if unicodedata.combining(m)]
        if _VI_MARKS & set(marks) or len(marks) >= 2:
            return True
        if marks == ["\u0303"] and unicodedata.normalize("NFD", char)[0] in "eiuy":  # ẽ ĩ ũ ỹ
            return True
    return False


def _name_words(products: Iterable[str] | None) -> set[str]:
    out: set[str] = set()
    for name in products or ():
        out.update(fold(w) for w in words(str(name)))
    return out - VI_WORDS - EN_WORDS


def word_counts(text: str, products: Iterable[str] | None = None) -> dict[str, int]:
    """How many of the question's words speak for each language (product-name words left out)."""
    names = _name_words(products)
    counts = {"en": 0, "vi": 0}
    for word in words(text):
        folded = fold(word)
        if folded in names:
            continue
        accented = not word.isascii()
        if _vietnamese_letter(word) or (accented and folded in VI_WORDS):
            counts["vi"] += 1
        elif not accented:
            vi, en = folded in VI_WORDS, folded in EN_WORDS
            if vi != en:
                counts["vi" if vi else "en"] += 1
    return counts


def detect_language(text: str, products: Iterable[str] | None = None) -> str:
    """``"vi"`` or ``"en"``: the language most of the question's words are in; English on a tie.

    ``products``: names (or codes) of the loaded products and families; their words do not count.
    """
    counts = word_counts(text, products)
    return "vi" if counts["vi"] > counts["en"] else "en"
