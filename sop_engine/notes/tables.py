"""Decisions and action items written as a markdown table instead of bullets.

    | Việc                      | Người phụ trách | Hạn        | Trạng thái |
    |---------------------------|-----------------|------------|------------|
    | Gọi nhà cung cấp bột mì   | Minh            | 25/11/2026 |            |

``table_rows(body)`` reads the first table of a section: the header names each column's role by the words of
``languages.Language.table_columns`` (compared folded: "Nguoi phu trach" = "Người phụ trách"); a table with
no column for the text is not read. Each row gives ``(text, owner, due cell, done)``; a due cell is read by
``due_cell`` (ISO, or day first: ``25/11/2026``, ``25/11``); a status cell is done when it is a done word of
any language or a tick (``x``, ``[x]``, ``✓``).
"""

from __future__ import annotations

import re
from datetime import date

from sop_engine.notes.languages import LANGUAGES
from sop_engine.notes.textfold import fold

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_TICKS = {"x", "[x]", "✓", "✔", "☑"}
_DATE = re.compile(r"^(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})(?:[/.-](?P<year>\d{4}))?)$")


def _words(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


_ROLES = {
    _words(word): role for lang in LANGUAGES.values() for role, words in lang.table_columns for word in words
}
_DONE = {_words(word) for lang in LANGUAGES.values() for word in lang.done_words}


def is_table_line(line: str) -> bool:
    return line.strip().startswith("|")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in inner.split("|")]


def table_rows(body: str) -> list[tuple[str, str | None, str | None, bool]]:
    lines = [line for line in body.split("\n") if is_table_line(line)]
    if len(lines) < 2:
        return []
    roles = [_ROLES.get(_words(cell)) for cell in _cells(lines[0])]
    if "text" not in roles:
        return []
    rows = []
    for line in lines[1:]:
        if _SEPARATOR.match(line.strip()):
            continue
        cells = dict(zip(roles, _cells(line), strict=False))
        text = cells.get("text", "").strip()
        if not text:
            continue
        status = cells.get("status", "").strip()
        done = status.casefold() in _TICKS or _words(status) in _DONE
        rows.append((text, cells.get("owner", "").strip() or None, cells.get("due", "").strip() or None, done))
    return rows


def due_cell(cell: str | None, meeting_day: date) -> date | None:
    """A due-date cell: ISO, or day first (a date without a year is the next one on or after the meeting)."""
    m = _DATE.match((cell or "").strip())
    if not m:
        return None
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        day, month = int(m.group("day")), int(m.group("month"))
        if m.group("year"):
            return date(int(m.group("year")), month, day)
        for year in (meeting_day.year, meeting_day.year + 1):
            if (candidate := date(year, month, day)) >= meeting_day:
                return candidate
    except ValueError:
        return None
    return None
