"""Decisions and action items of a note, and the product codes and families it mentions.

``extract_items(note, known_skus=(), families=()) -> list[NoteItem]``:

- every bullet of a ``## Decisions`` section is a ``kind="decision"`` item;
- every bullet of a ``## Action items`` (or ``## Actions``) section is a ``kind="action_item"``, read as
  ``- [ ] Owner: text (due YYYY-MM-DD)``: ``[x]`` means done, the owner is the short name before the first
  colon, the due date is taken out of the text. A bullet without box or owner is still an item.

Each item carries ``codes``: tokens that look like codes (``ABC-123``, ``PO-1182``, ``OAT-1L-001``),
for the caller to match against the product master; and ``skus`` / ``families``: the ``known_skus`` and
``families`` it names (case-insensitive, whole words). ``known_skus`` may be a mapping sku -> family: a
named SKU then also counts as a mention of its family.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from sop_engine.notes.parse import Note

CODE_PATTERN = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9][A-Z0-9]*(?:-[A-Z0-9]+)*\b")
_BULLET = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d+[.)])\s+(?P<text>.*)$")
_BOX = re.compile(r"^\[(?P<mark>[ xX])\]\s*(?P<rest>.*)$")
_DUE = re.compile(r"\s*\(?\bdue:?\s+(?P<due>\d{4}-\d{2}-\d{2})\)?", re.IGNORECASE)
_OWNER = re.compile(r"^(?P<owner>[A-Za-z][\w .'&/-]{0,40}?)\s*:\s+(?P<text>.+)$")


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


def section_kind(heading: str) -> str | None:
    words = re.sub(r"[^a-z ]", " ", heading.lower()).split()
    if words[:1] in (["decisions"], ["decision"]) or words[-1:] == ["decisions"]:
        return "decision"
    if words[:2] in (["action", "items"], ["action", "item"]) or words[:1] == ["actions"]:
        return "action_item"
    return None


def mentioned_codes(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(CODE_PATTERN.findall(text)))


def mentioned_names(text: str, names: Collection[str]) -> tuple[str, ...]:
    """The names (SKUs or families) that appear in text as whole words, case-insensitive, in given order."""
    lowered = text.lower()
    found = []
    for name in names:
        needle = str(name).strip().lower()
        if needle and re.search(rf"(?<![\w-]){re.escape(needle)}(?![\w-])", lowered):
            found.append(str(name))
    return tuple(found)


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
    return items


def _bullets(body: str) -> list[str]:
    """Top-level bullets, with indented continuation lines joined to their bullet."""
    bullets: list[str] = []
    base_indent: int | None = None
    for line in body.split("\n"):
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
        if due := _DUE.search(text):
            try:
                due_date = date.fromisoformat(due.group("due"))
                text = (text[: due.start()] + text[due.end() :]).strip()
            except ValueError:
                due_date = None  # "due 2026-13-01" stays in the text for a person to read
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
