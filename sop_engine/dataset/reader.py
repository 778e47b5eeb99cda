"""Reading a contract CSV the way planners export it: BOM, `,`/`;`/tab delimiters, blank lines,
case-insensitive headers, thousands separators and (where unambiguous) slash dates.

Values are parsed one cell at a time into ``Problem``s rather than exceptions, so a file reports every
bad row, not only the first.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ][\d:.]+Z?)?$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None  # physical line number (the header is line 1); None for the whole file
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class RawTable:
    """A CSV file as text cells: normalised header names, and (line number, {column: cell}) rows."""

    file: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]
    delimiter: str
    ragged: list[tuple[int, int]]  # (line, number of cells) of rows with more cells than the header


def read_raw(path: Path) -> RawTable | Problem:
    """Read ``path`` into text cells, or return the one problem that makes it unreadable."""
    name = path.name
    if path.is_symlink():  # a link could point anywhere on the machine: only the folder's own files are read
        return Problem(name, None, None, "is a symbolic link; copy the file itself into the folder")
    data = path.read_bytes()
    if b"\x00" in data:
        return Problem(name, None, None, "is a binary file, not a CSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Problem(name, None, None, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV")
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return Problem(name, None, None, "is empty; it needs a header row")
    delimiter = sniff_delimiter(lines[header_index])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    ragged: list[tuple[int, int]] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns = [normalise_column(c) for c in cells]
                continue
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
                ragged.append((line, len(cells)))
            rows.append((line, {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(columns)}))
    except csv.Error as exc:
        return Problem(name, reader.line_num, None, f"cannot be read as CSV: {exc}")
    return RawTable(name, columns or [], rows, delimiter, ragged)


def sniff_delimiter(header: str) -> str:
    """The header's most frequent of `,`, `;` and tab (csv.Sniffer guesses wrong on one-line samples)."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def normalise_column(name: str) -> str:
    return re.sub(r"\s+", "_", name.strip().lower())


def parse_number(cell: str) -> float | None:
    """A number with optional thousands separators (``1,234.5``) and an optional trailing ``%``.

    Returns None when the cell is not a number; a comma that could be a decimal comma (``12,5``) is
    refused rather than guessed.
    """
    text = cell.strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if not _PLAIN_NUMBER.match(text):
        return None
    value = float(text)
    return value if value == value and value not in (float("inf"), float("-inf")) else None


class DateOrder:
    """How a file writes slash dates: decided once per file from the cells themselves."""

    def __init__(self, cells: list[str]) -> None:
        day_first = month_first = False
        for cell in cells:
            match = _SLASH_DATE.match(cell.strip())
            if match:
                a, b = int(match[1]), int(match[2])
                day_first |= a > 12
                month_first |= b > 12
        self.has_slash = any(_SLASH_DATE.match(c.strip()) for c in cells)
        self.conflict = day_first and month_first
        self.order = "dmy" if day_first and not month_first else "mdy" if month_first and not day_first else None

    def problem(self) -> str | None:
        if not self.has_slash:
            return None
        if self.conflict:
            return "mixes day/month/year and month/day/year dates; use ISO dates (2026-03-17)"
        if self.order is None:
            return "slash dates are ambiguous (no day above 12 fixes the order); use ISO dates (2026-03-17)"
        return None

    def parse(self, cell: str) -> date | None:
        text = cell.strip()
        match = _ISO_DATE.match(text)
        try:
            if match:
                return date(int(match[1]), int(match[2]), int(match[3]) if match[3] else 1)
            match = _SLASH_DATE.match(text)
            if match and self.order:
                a, b, year = int(match[1]), int(match[2]), int(match[3])
                day, month = (a, b) if self.order == "dmy" else (b, a)
                return date(year, month, day)
        except ValueError:
            return None
        return None

    def is_month_only(self, cell: str) -> bool:
        match = _ISO_DATE.match(cell.strip())
        return bool(match and not match[3])
