"""The words of meeting notes, one table per language: adding a language means adding a table here.

For each language:

- ``decision_headings`` / ``action_headings``: a ``##`` heading is a decisions (action items) section when
  its words start with one of the ``starts`` phrases, or end with one of the ``ends`` phrases. Headings are
  compared folded (``sop_engine.notes.textfold``: case-, accent- and spacing-insensitive, punctuation read as a
  space), so ``## Quyết định``, ``## QUYET DINH`` and ``## Quyet  dinh:`` are the same heading.
- ``due_words``: the words before an action item's due date (``due 2026-11-25``, ``hạn 25/11/2026``),
  compared folded; ``day_first`` says the language writes ``25/11/2026`` for 25 November.
- ``function_words``: short, frequent words that tell the language of a text written without accents
  (folded); ``stop_words``: words left out of the keyword index (compared after folding); ``stem``:
  whether the light English suffix stripper applies to the language's words; ``syllable_bigrams``: whether
  pairs of neighbouring words are indexed too (Vietnamese writes "nước mắm" as two syllables).
- ``table_columns``: in a decisions or action-items section written as a markdown table, the header words
  that name a column's role (``text``, ``owner``, ``due``, ``status``); ``done_words``: a status cell that
  means done.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bm25s.stopwords import STOPWORDS_EN

from sop_engine.notes.textfold import fold


@dataclass(frozen=True)
class Headings:
    starts: tuple[str, ...]
    ends: tuple[str, ...] = ()


@dataclass(frozen=True)
class Language:
    code: str
    decision_headings: Headings
    action_headings: Headings
    due_words: tuple[str, ...]
    day_first: bool
    function_words: frozenset[str]
    stop_words: frozenset[str]
    stem: bool
    syllable_bigrams: bool = False
    table_columns: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (role, header words) for tables of items
    done_words: tuple[str, ...] = ()  # a status cell meaning done


ENGLISH = Language(
    code="en",
    decision_headings=Headings(
        starts=("decisions", "decision", "key decisions", "decisions made", "agreed decisions"),
        ends=("decisions",),
    ),
    action_headings=Headings(
        starts=(
            "action items", "action item", "actions", "action points", "next steps", "follow ups",
            "follow up", "to do", "todo", "todos",
        ),
        ends=("action items", "actions"),
    ),
    due_words=("due", "deadline"),
    day_first=False,
    function_words=frozenset(
        "the of and to in is are was were for on with we our us what did does do how which why when who "
        "will would should be by at from this that these about it its a an than then".split()
    ),
    stop_words=frozenset(STOPWORDS_EN) | {"did", "does", "we", "our", "us", "what", "which", "who", "when", "how"},
    stem=True,
    table_columns=(
        ("owner", ("owner", "owners", "who", "responsible", "assignee", "assigned to")),
        ("due", ("due", "due date", "deadline", "by when")),
        ("status", ("status", "done", "state")),
        ("text", ("action", "action item", "task", "item", "what", "decision", "description", "details")),
    ),
    done_words=("done", "closed", "complete", "completed", "finished", "yes"),
)

VIETNAMESE = Language(
    code="vi",
    decision_headings=Headings(
        starts=(
            "quyết định", "các quyết định", "những quyết định", "quyết định chính", "kết luận",
            "các kết luận", "thống nhất", "đã thống nhất", "nội dung thống nhất",
        ),
    ),
    action_headings=Headings(
        starts=(
            "việc cần làm", "các việc cần làm", "những việc cần làm", "hành động", "các hành động",
            "công việc cần làm", "phân công", "phân công công việc", "nhiệm vụ", "các nhiệm vụ", "đầu việc",
            "bước tiếp theo", "các bước tiếp theo", "việc tiếp theo",
        ),
    ),
    due_words=("hạn", "hạn chót", "thời hạn", "deadline", "trước ngày", "trước"),
    day_first=True,
    # folded; only words that are not also common English words
    function_words=frozenset(
        "cua va la cho voi nhung cac duoc khong se da dang nay thi mot trong den tu theo ve neu nen vi bi "
        "can phai sau truoc chung ta toi gi nao bao nhieu co hay hon rat cung nhu vay the thang tuan ngay "
        "nam quy hang cuoc hop viec lam".split()
    )
    - frozenset("the can do to in an no".split()),
    stop_words=frozenset(),  # IDF already weighs "của", "và", "là" down; a folded stop word could be a noun
    stem=False,
    syllable_bigrams=True,
    table_columns=(
        ("owner", ("người phụ trách", "phụ trách", "người thực hiện", "người làm", "ai làm", "chịu trách nhiệm")),
        ("due", ("hạn", "thời hạn", "hạn chót", "ngày hạn", "hạn hoàn thành")),
        ("status", ("trạng thái", "tình trạng", "tiến độ")),
        ("text", ("việc", "công việc", "việc cần làm", "nội dung", "hành động", "nhiệm vụ", "quyết định", "đầu việc")),
    ),
    done_words=("xong", "đã xong", "hoàn thành", "đã hoàn thành", "đã làm", "rồi"),
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, VIETNAMESE)}
DEFAULT_LANGUAGE = "en"


# Marks that English (and its loanwords: café, naïve) never carries: dot below, hook above, horn, breve, and a
# tone over a circumflex; and the letter đ.
_VIETNAMESE_MARKS = frozenset({"\u0323", "\u0309", "\u031b", "\u0306"})
_WORD = re.compile(r"[^\W_]+")


def detect_language(text: str) -> str:
    """'vi' or 'en': the language the text's words are written in (English on a tie).

    A word with Vietnamese marks counts 1 for Vietnamese (1/2 when its accent could be French, as in
    "café"); a function word of either language counts 1 for it (``function_words``, compared folded)."""
    scores = dict.fromkeys(LANGUAGES, 0.0)
    for word in _WORD.findall(unicodedata.normalize("NFC", str(text))):
        marks = {c for c in unicodedata.normalize("NFD", word.casefold()) if unicodedata.combining(c)}
        if marks or "đ" in word.casefold():
            distinct = "đ" in word.casefold() or bool(marks & _VIETNAMESE_MARKS) or len(marks) > 1
            scores["vi"] += 1.0 if distinct else 0.5
            continue
        folded = fold(word)
        for code, lang in LANGUAGES.items():
            if folded in lang.function_words:
                scores[code] += 1
    best = max(scores.values())
    if scores[DEFAULT_LANGUAGE] == best:
        return DEFAULT_LANGUAGE
    return next(code for code, score in scores.items() if score == best)
