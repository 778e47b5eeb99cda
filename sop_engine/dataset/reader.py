"""Reading a contract CSV the way planners export it: BOM, `,`/`;`/tab delimiters, blank lines,
case-insensitive headers, thousands separators and (where unambiguous) slash dates.

Values are parsed one cell at a time into ``Problem``s rather than exceptions, so a file reports every
bad row, not only the first.
"""

from __future__ import annotations

import codecs
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
    text = decode(name, data)
    if isinstance(text, Problem):
        return text
    lines = text.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return Problem(name, None, None, "is empty; it needs a header row")
    delimiter = sniff_delimiter(lines[header_index])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    ragged: list[tuple[int, int]] = []
    last_line = 0
    try:
        for cells in reader:
            line, first_line, last_line = reader.line_num, last_line + 1, reader.line_num
            if line > first_line:  # a quoted value ran over a line break: a quote that is never closed
                return _open_quote(name, first_line, line, cells, columns, text)
            if not any(cell.strip() for cell in cells):
                continue
            if columns is None:
                columns = [normalise_column(c) for c in cells]
                duplicate = _duplicate_header(name, line, cells, columns)
                if duplicate:
                    return duplicate
                continue
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns):]):
                ragged.append((line, len(cells)))
            rows.append((line, {col: (cells[i].strip() if i < len(cells) else "") for i, col in enumerate(columns)}))
    except csv.Error as exc:
        return Problem(name, reader.line_num, None, f"cannot be read as CSV: {exc}")
    return RawTable(name, columns or [], rows, delimiter, ragged)


def decode(name: str, data: bytes) -> str | Problem:
    """The file's text (UTF-8, with or without BOM), or a problem naming the line that does not decode."""
    other = _utf16(data)
    if other:
        return Problem(name, 1, None, f"is {other} text, not UTF-8; save it as UTF-8 CSV")
    if b"\x00" in data:
        return Problem(name, None, None, "is a binary file, not a CSV")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        guess = guess_encoding(data[max(0, exc.start - 100_000):exc.start + 100_000])
        looks = f"; it looks like {guess}" if guess else ""
        return Problem(name, line, None, f"is not UTF-8 text (byte 0x{data[exc.start]:02x} does not decode{looks}); "
                                         "save it as UTF-8 CSV")


def _utf16(data: bytes) -> str | None:
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "UTF-16 (with a byte order mark)"
    sample = data[:4096]
    if len(sample) >= 4:  # text in UTF-16 without a BOM: every other byte of its ASCII is a zero byte
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > 0.6 * half and even < 0.05 * half:
            return "UTF-16 (little-endian, without a byte order mark)"
        if even > 0.6 * half and odd < 0.05 * half:
            return "UTF-16 (big-endian, without a byte order mark)"
    return None


_WESTERN = "cp1252"  # Windows' Western European code page, a superset of Latin-1: what most exports are


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring cp1252 among candidates that decode as cleanly as the best.

    (Its language coherence decides the ranking otherwise, and a few accented names are too little
    text for that: Latin-1 files came out as Baltic or Central European code pages.)
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if m.chaos <= best.chaos]
    if any(_WESTERN in m.could_be_from_charset for m in tied):
        return f"{_WESTERN} (Windows Western European, a superset of Latin-1)"
    return best.encoding


def _duplicate_header(name: str, line: int, cells: list[str], columns: list[str]) -> Problem | None:
    seen: dict[str, int] = {}
    clashes = []
    for index, column in enumerate(columns):
        if not column:
            continue
        if column in seen:
            first = seen[column]
            clashes.append(f"column {first + 1} '{cells[first]}' and column {index + 1} "
                           f"'{cells[index]}' are both '{column}'")
        else:
            seen[column] = index
    if not clashes:
        return None
    return Problem(name, line, None, f"the header row has duplicate columns: {'; '.join(clashes)} "
                                     "(names match ignoring case and spaces); rename or remove one")


def _open_quote(name: str, first_line: int, line: int, cells: list[str], columns: list[str] | None,
                text: str) -> Problem:
    index = next((i for i, cell in enumerate(cells) if "\n" in cell or "\r" in cell), None)
    column = columns[index] if columns and index is not None and index < len(columns) else None
    at_end = line >= sum(1 for _ in io.StringIO(text, newline=""))
    runs = "to the end of the file" if at_end else f"on to line {line}"
    return Problem(name, first_line, column, f"a quote (\") opens a value that is not closed on this line; the "
                                             f"value runs {runs}. Close the quote or remove it")


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
