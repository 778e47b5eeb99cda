"""Reading one meeting note: front matter, sections, and the precise error for a bad file.

A note is a UTF-8 ``.md`` or ``.txt`` file::

    ---
    date: 2026-09-15
    meeting: demand_review
    title: September demand review        (optional; else the first "# " heading)
    attendees: [Lan Nguyen, Omar Haddad]  (optional; "[a, b]", "a, b" or "- a" lines)
    tags: [promo, oat milk]               (optional)
    ---
    # September demand review
    ## Decisions
    - ...

``parse_note(path) -> Note`` raises :class:`NoteFormatError` (code ``bad_note``) naming the file and the
rule it breaks: binary or undecodable content, no front matter, a missing or malformed ``date`` or
``meeting``. ``Note.sections`` holds one :class:`Section` per ``##`` heading, in order; text before the
first ``##`` heading (other than the ``#`` title line) is the section ``Overview``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sop_engine.errors import ContractError
from sop_engine.notes.textfold import fold

MEETING_KINDS = ("product_review", "demand_review", "supply_review", "pre_sop", "executive_sop", "other")
NOTE_SUFFIXES = (".md", ".txt")
OVERVIEW_SECTION = "Overview"

_H2 = re.compile(r"^##\s+(?P<heading>.+?)\s*#*\s*$")
_H1 = re.compile(r"^#\s+(?P<heading>.+?)\s*#*\s*$")
_KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(?P<value>.*)$")
_LIST_ITEM = re.compile(r"^\s*-\s+(?P<value>.*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class NoteFormatError(ContractError):
    """A meeting note cannot be read: the message names the file and what is wrong."""

    code = "bad_note"


@dataclass(frozen=True)
class Section:
    heading: str
    body: str


@dataclass(frozen=True)
class Note:
    file: Path
    date: date
    meeting: str
    title: str
    attendees: tuple[str, ...]
    tags: tuple[str, ...]
    sections: tuple[Section, ...]
    content_hash: str  # sha256 of the file's text: a changed hash means an edited note

    def section(self, heading: str) -> Section | None:
        """The first section of that heading, compared case-, accent- and spacing-insensitively."""
        wanted = " ".join(fold(heading).split())
        return next((s for s in self.sections if " ".join(fold(s.heading).split()) == wanted), None)


def read_note_text(path: Path) -> str:
    """The file's text; refuses binary files (NUL bytes) and files that are not UTF-8, by name."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NoteFormatError(f"{path.name}: cannot be read: {exc.strerror or exc}") from exc
    if b"\x00" in data:
        raise NoteFormatError(f"{path.name}: binary file (contains NUL bytes), not a text note: refused")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise NoteFormatError(
            f"{path.name}: not UTF-8 text (undecodable byte at offset {exc.start}): refused"
        ) from exc


def parse_note(path: Path | str) -> Note:
    """Parse one note file; raises NoteFormatError naming the file and the broken rule."""
    path = Path(path)
    return parse_note_text(read_note_text(path), path)


def parse_note_text(text: str, path: Path | str) -> Note:
    path = Path(path)
    name = path.name
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start >= len(lines) or lines[start].strip() != "---":
        raise NoteFormatError(
            f"{name}: no front matter: a note must start with a '---' line, then 'date: YYYY-MM-DD' and "
            f"'meeting: <kind>' lines, then a closing '---'"
        )
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise NoteFormatError(f"{name}: front matter opened on line {start + 1} is never closed with '---'")
    fields = _front_matter_fields(lines[start + 1 : end], name, first_line=start + 2)

    if "date" not in fields or not fields["date"]:
        raise NoteFormatError(f"{name}: front matter: 'date' is missing (expected date: YYYY-MM-DD)")
    note_date = _parse_date(_scalar(fields["date"]), name)
    if "meeting" not in fields or not fields["meeting"]:
        raise NoteFormatError(
            f"{name}: front matter: 'meeting' is missing (expected one of {', '.join(MEETING_KINDS)})"
        )
    meeting = normalize_meeting(_scalar(fields["meeting"]))
    if meeting not in MEETING_KINDS:
        raise NoteFormatError(
            f"{name}: front matter: 'meeting' must be one of {', '.join(MEETING_KINDS)}; "
            f"got '{_scalar(fields['meeting'])}'"
        )
    body_lines = lines[end + 1 :]
    title = _scalar(fields.get("title", "")).strip()
    h1_index = next((i for i, line in enumerate(body_lines) if line.strip()), None)
    if h1_index is not None and (m := _H1.match(body_lines[h1_index].strip())):
        title = title or m.group("heading")
        body_lines = body_lines[:h1_index] + body_lines[h1_index + 1 :]
    if not title:
        title = f"{meeting.replace('_', ' ').capitalize()} {note_date.isoformat()}"
    return Note(
        file=path,
        date=note_date,
        meeting=meeting,
        title=title,
        attendees=_as_list(fields.get("attendees", "")),
        tags=_as_list(fields.get("tags", "")),
        sections=_split_sections(body_lines),
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def normalize_meeting(value: str) -> str:
    """'Executive S&OP' -> 'executive_sop', 'demand-review' -> 'demand_review'."""
    cleaned = value.strip().lower().replace("s&op", "sop")
    return re.sub(r"[\s\-]+", "_", cleaned)


def _front_matter_fields(lines: list[str], name: str, first_line: int) -> dict[str, str | list[str]]:
    # Hand-written instead of PyYAML: the front matter is flat (scalars and lists of names), PyYAML is not
    # a declared dependency, and a hand parser can name the exact line that is wrong.
    fields: dict[str, str | list[str]] = {}
    list_key: str | None = None  # the key whose "- item" lines follow ("attendees:" with no value)
    for offset, raw in enumerate(lines):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(raw)
        if item and list_key is not None:
            fields[list_key] = [*fields[list_key], _unquote(item.group("value"))]  # type: ignore[misc]
            continue
        kv = _KEY_VALUE.match(raw.strip())
        if not kv:
            raise NoteFormatError(
                f"{name}: front matter line {first_line + offset}: expected 'key: value', got '{raw.strip()}'"
            )
        key = kv.group("key").lower()
        value = kv.group("value").strip()
        fields[key] = [] if value == "" else _unquote(value)
        list_key = key if value == "" else None
    return fields


def _scalar(value: str | list[str]) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _as_list(value: str | list[str]) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(v for v in value if v)
    inner = value.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    return tuple(_unquote(part) for part in inner.split(",") if part.strip())


def _parse_date(value: str, name: str) -> date:
    value = value.strip()
    if not _ISO_DATE.match(value):
        raise NoteFormatError(f"{name}: front matter: 'date' must be an ISO date YYYY-MM-DD; got '{value}'")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise NoteFormatError(f"{name}: front matter: 'date' is not a real day: '{value}'") from exc


def _split_sections(lines: list[str]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading = OVERVIEW_SECTION
    buffer: list[str] = []
    in_fence = False

    def flush() -> None:
        body = "\n".join(buffer).strip()
        if body or heading != OVERVIEW_SECTION:
            sections.append(Section(heading=heading, body=body))

    for line in lines:
        if line.strip().startswith("```"):
            in_fence = not in_fence
        m = None if in_fence else _H2.match(line.strip())
        if m:
            flush()
            heading, buffer = m.group("heading"), []
        else:
            buffer.append(line)
    flush()
    return tuple(sections)
