"""The words of meeting notes, one table per language: adding a language means adding a table here.

The language of a note or a query is told by ``sop_engine.language.detect_language`` (re-exported here).

For each language:

- ``decision_headings`` / ``action_headings``: a ``##`` heading is a decisions (action items) section when
  its words start with one of the ``starts`` phrases, or end with one of the ``ends`` phrases. Headings are
  compared folded (``sop_engine.notes.textfold``: case-, accent- and spacing-insensitive, punctuation read as a
  space), so ``## Quyết định``, ``## QUYET DINH`` and ``## Quyet  dinh:`` are the same heading.
- ``due_words``: the words before an action item's due date (``due 2026-11-25``, ``hạn 25/11/2026``),
  compared folded; ``day_first`` says the language writes ``25/11/2026`` for 25 November.
- ``stop_words``: words left out of the keyword index (compared after folding); ``stem``:
  whether the light English suffix stripper applies to the language's words; ``syllable_bigrams``: whether
  pairs of neighbouring words are indexed too (Vietnamese writes "nước mắm" as two syllables).
- ``table_columns``: in a decisions or action-items section written as a markdown table, the header words
  that name a column's role (``text``, ``owner``, ``due``, ``status``); ``done_words``: a status cell that
  means done.
"""

from __future__ import annotations

from dataclasses import dataclass

from bm25s.stopwords import STOPWORDS_EN

from sop_engine.language import detect_language  # the one language detector: "vi" or "en", English on a tie

__all__ = ["DEFAULT_LANGUAGE", "ENGLISH", "LANGUAGES", "VIETNAMESE", "Headings", "Language", "detect_language"]


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

