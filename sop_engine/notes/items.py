"""Decisions and action items of a note, and the product codes and families it mentions.

``extract_items(note, known_skus=(), families=()) -> list[NoteItem]``:

- every bullet of a decisions section (``## Decisions``, ``## Key decisions``, ``## Quyết định``,
  ``## Các quyết định`` ...) is a ``kind="decision"`` item;
- every bullet of an action-items section (``## Action items``, ``## Actions``, ``## Next steps``,
  ``## Việc cần làm``, ``## Hành động`` ...) is a ``kind="action_item"``, read as
  ``- [ ] Owner: text (due YYYY-MM-DD)``: ``[x]`` means done, the owner is the name before the first colon
  (as written: "Nguyễn Thị Lan"), the due date is taken out of the text. A bullet without box or owner is
  still an item.
- a section written as a markdown table instead (``| Việc | Người phụ trách | Hạn | Trạng thái |``) gives
  one item per row (``sop_engine.notes.tables``).

The heading phrases and the due-date words are data, one table per language (``sop_engine.notes.languages``),
matched case-, accent- and spacing-insensitively. Due dates: ``due 2026-11-25``, ``(due: 2026-11-25)``,
``hạn 2026-11-25``, ``(hạn 25/11/2026)``, ``hạn: 25/11`` (a day-first language's ``d/m`` without a year is
the first such day on or after the meeting).

Each item carries ``codes``: tokens that look like codes (``ABC-123``, ``PO-1182``, ``OAT-1L-001``,
``PO/2026/001``),
for the caller to match against the product master; and ``skus`` / ``families``: the ``known_skus`` and
``families`` it names (whole words, case-insensitive; accent-insensitive in a text written without
accents: "nuoc mam" names "Nước mắm", but "kiểm tra" does not name "Trà").
``known_skus`` may be a mapping sku -> family: a named SKU then also counts as a mention of its family.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date

from sop_engine.notes.languages import LANGUAGES, Headings
from sop_engine.notes.parse import Note
from sop_engine.notes.tables import due_cell, is_table_line, table_rows
from sop_engine.notes.textfold import fold, fold_with_offsets, has_marks, original_span

CODE_PATTERN = re.compile(
    r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9][A-Z0-9]*(?:-[A-Z0-9]+)*\b"
    r"|\b[A-Z][A-Z0-9]*(?:/[A-Z0-9]+)*/[0-9][A-Z0-9]*(?:/[A-Z0-9]+)+\b"  # PO/2026/001: two slashes or more
)
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?P<text>.*)$")
_BOX = re.compile(r"^\[(?P<mark>[ xX])\]\s*(?P<rest>.*)$")
_OWNER = re.compile(r"^(?P<owner>[^\W\d_][\w .'&/-]{0,40}?)\s*:\s+(?P<text>.+)$")
_DATE = r"(?P<iso>\d{4}-\d{2}-\d{2})|(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})(?:[/.-](?P<year>\d{4}))?"
_DATE_WORDS = ("ngay",)  # "hạn ngày 25/11": a word for "day" that may stand between due word and date


def _due_pattern(words: tuple[str, ...], day_first: bool) -> re.Pattern:
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    date = _DATE if day_first else r"(?P<iso>\d{4}-\d{2}-\d{2})"
    filler = "|".join(_DATE_WORDS)
    return re.compile(
        rf"\s*\(?\s*(?<![\w-])(?:{alternatives})\s*:?\s*(?:(?:{filler})\s+)?(?:{date})(?![\w/.-]*\d)\s*\)?"
    )


_DUE_PATTERNS = tuple(_due_pattern(lang.due_words, lang.day_first) for lang in LANGUAGES.values())


@dataclass(frozen=True)
class NoteItem:
    kind: str  # "decision" | "action_item"
    text: str
    meeting: str
    date: date
    owner: str | None
    due_date: date | None
    done: bool
    file: str
    section: str
    codes: tuple[str, ...]
    skus: tuple[str, ...] = ()
    families: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """A stable id: the same bullet in the same file gives the same key on every ingest."""
        raw = "\x00".join([self.file, self.kind, self.text, str(self.owner), str(self.due_date)])
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "meeting": self.meeting,
            "date": self.date.isoformat(),
            "owner": self.owner,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "done": self.done,
            "file": self.file,
            "section": self.section,
            "codes": list(self.codes),
            "skus": list(self.skus),
            "families": list(self.families),
            "key": self.key,
        }


def heading_words(heading: str) -> list[str]:
    """A heading as folded words: "## Việc  cần-làm:" -> ["viec", "can", "lam"]."""
    return re.sub(r"[\W_]+", " ", fold(heading)).split()


def _matches(words: list[str], headings: Headings) -> bool:
    for phrase in headings.starts:
        wanted = heading_words(phrase)
        if words[: len(wanted)] == wanted:
            return True
    for phrase in headings.ends:
        wanted = heading_words(phrase)
        if len(words) >= len(wanted) and words[-len(wanted) :] == wanted:
            return True
    return False


def section_kind(heading: str) -> str | None:
    """"decision", "action_item" or None, from the heading phrases of every language."""
    words = heading_words(heading)
    if not words:
        return None
    for kind, attr in (("decision", "decision_headings"), ("action_item", "action_headings")):
        if any(_matches(words, getattr(lang, attr)) for lang in LANGUAGES.values()):
            return kind
    return None


def mentioned_codes(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(CODE_PATTERN.findall(text)))


def mentioned_names(text: str, names: Collection[str]) -> tuple[str, ...]:
    """The names (SKUs or families) that appear in text as whole words, in given order; case-insensitive,
    and accent-insensitive in a text written without accents ("nuoc mam" names "Nước mắm"). A text written
    with accents must spell them: "kiểm tra" does not name "Trà"."""
    exact = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    folded = None if has_marks(text) else " ".join(fold(text).split())
    found = []
    for name in names:
        needle = " ".join(unicodedata.normalize("NFC", str(name)).casefold().split())
        if needle and (_whole_word(needle, exact) or (folded is not None and _whole_word(fold(needle), folded))):
            found.append(str(name))
    return tuple(found)


def _whole_word(needle: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", text) is not None


def product_mentions(
    text: str, known_skus: Collection[str] | Mapping[str, str] = (), families: Collection[str] = ()
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(codes, skus, families) mentioned in text; a named SKU of a sku->family mapping adds its family."""
    codes = mentioned_codes(text)
    skus = mentioned_names(text, known_skus)
    fams = list(mentioned_names(text, families))
    if isinstance(known_skus, Mapping):
        for sku in skus:
            family = known_skus.get(sku)
            if family and family not in fams:
                fams.append(str(family))
    return codes, skus, tuple(fams)


def extract_items(
    note: Note, known_skus: Collection[str] | Mapping[str, str] = (), families: Collection[str] = ()
) -> list[NoteItem]:
    items: list[NoteItem] = []
    for section in note.sections:
        kind = section_kind(section.heading)
        if kind is None:
            continue
        for bullet in _bullets(section.body):
            items.append(_item(note, section.heading, kind, bullet, known_skus, families))
        for text, owner, due, done in table_rows(section.body):
            due_date = due_cell(due, note.date) if kind == "action_item" else None
            if due and due_date is None:
                text = f"{text} ({due})"  # a due cell that is no date stays readable
            item = _item(note, section.heading, kind, text, known_skus, families)
            items.append(
                replace(
                    item,
                    owner=(owner or item.owner) if kind == "action_item" else None,
                    due_date=due_date or item.due_date,
                    done=done or item.done,
                )
            )
    return items


def take_due_date(text: str, meeting_day: date) -> tuple[date | None, str]:
    """(due date, text without it); an impossible date ("due 2026-13-01") stays in the text for a person."""
    text = unicodedata.normalize("NFC", text)
    folded, starts = fold_with_offsets(text)
    for pattern in _DUE_PATTERNS:
        for found in pattern.finditer(folded):
            day = _due_day(found, meeting_day)
            if day is None:
                continue
            begin, end = original_span(starts, len(text), found.start(), found.end())
            rest = f"{text[:begin].rstrip()} {text[end:].lstrip()}".strip()
            return day, re.sub(r"\s+([,.;])", r"\1", rest)
    return None, text


def _due_day(found: re.Match, meeting_day: date) -> date | None:
    try:
        if found.group("iso"):
            return date.fromisoformat(found.group("iso"))
        day, month = int(found.group("day")), int(found.group("month"))
        if found.group("year"):
            return date(int(found.group("year")), month, day)
        for year in (meeting_day.year, meeting_day.year + 1):  # "hạn 25/11": the next 25 November
            candidate = date(year, month, day)
            if candidate >= meeting_day:
                return candidate
    except (ValueError, IndexError):
        return None
    return None


def _bullets(body: str) -> list[str]:
    """Top-level bullets, with indented continuation lines joined to their bullet."""
    bullets: list[str] = []
    base_indent: int | None = None
    for line in body.split("\n"):
        if is_table_line(line):
            continue
        m = _BULLET.match(line)
        if m and (base_indent is None or len(m.group("indent")) <= base_indent):
            base_indent = len(m.group("indent"))
            bullets.append(m.group("text").strip())
        elif line.strip() and bullets:
            bullets[-1] = f"{bullets[-1]} {line.strip()}"
        elif not line.strip():
            continue
    return [b for b in bullets if b]


def _item(
    note: Note,
    heading: str,
    kind: str,
    bullet: str,
    known_skus: Collection[str] | Mapping[str, str],
    families: Collection[str],
) -> NoteItem:
    done = False
    text = bullet
    if box := _BOX.match(text):
        done = box.group("mark").lower() == "x"
        text = box.group("rest").strip()
    due_date: date | None = None
    owner: str | None = None
    if kind == "action_item":
        due_date, text = take_due_date(text, note.date)
        if m := _OWNER.match(text):
            owner, text = m.group("owner").strip(), m.group("text").strip()
    text = text.rstrip(" ;,")
    codes, skus, fams = product_mentions(bullet, known_skus, families)
    return NoteItem(
        kind=kind,
        text=text,
        meeting=note.meeting,
        date=note.date,
        owner=owner,
        due_date=due_date,
        done=done,
        file=note.file.name,
        section=heading,
        codes=codes,
        skus=skus,
        families=fams,
    )
