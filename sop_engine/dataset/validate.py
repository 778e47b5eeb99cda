"""Checking a folder against the data contract and turning it into typed frames.

``read_dataset(folder)`` returns a ``Dataset``: the typed frames of every file present, the company
settings, and every problem found (``file:row: column: problem``), all of them, not only the first.
Nothing here writes anywhere; ``sop_engine.store`` loads a dataset only when it has no problems.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from sop_engine.contract import COMPANY_KEYS, LANGUAGES, TABLES, Company, TableSpec
from sop_engine.dataset.drivers import check_drivers
from sop_engine.dataset.problems import ProblemGroup, group_problems
from sop_engine.dataset.reader import DateOrder, Problem, RawTable, parse_number, read_raw
from sop_engine.errors import ContractError
from sop_engine.plandata import empty_frame


class DatasetProblems(ContractError):
    """A folder breaks the contract: ``details`` are the grouped problem lines, ``problems`` their records."""

    def __init__(self, message: str, groups: list[ProblemGroup]) -> None:
        super().__init__(message, [str(g) for g in groups])
        self.groups = groups

    def to_dict(self) -> dict:
        return {**super().to_dict(), "problems": [g.to_dict() for g in self.groups]}


@dataclass
class Dataset:
    folder: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    company: Company = field(default_factory=Company)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def grouped(self) -> list[ProblemGroup]:
        return group_problems(self.problems)

    def report(self) -> dict:
        return {
            "folder": str(self.folder),
            "valid": self.ok,
            "files": {name: len(frame) for name, frame in self.frames.items()},
            "problems": [str(g) for g in self.grouped()],
            "warnings": self.warnings,
        }

    def contract_error(self, what: str = "") -> DatasetProblems:
        """The error for a folder with problems; ``what`` is appended to the message."""
        groups = self.grouped()
        distinct = f" ({len(groups):,} distinct problems)" if len(groups) != len(self.problems) else ""
        return DatasetProblems(
            f"{self.folder} breaks the data contract in {len(self.problems):,} place(s){distinct}{what}", groups
        )


def read_dataset(folder: Path) -> Dataset:
    folder = Path(folder)
    dataset = Dataset(folder)
    if not folder.is_dir():
        dataset.problems.append(Problem(str(folder), None, None, "is not a folder"))
        return dataset
    dataset.company = _read_company(folder / "company.toml", dataset)
    for spec in TABLES.values():
        path = _find_file(folder, spec.file)
        if path is None:
            if spec.required_file:
                dataset.problems.append(Problem(spec.file, None, None, "required file is missing"))
            continue
        raw = read_raw(path)
        if isinstance(raw, Problem):
            dataset.problems.append(raw)
            continue
        frame = _typed_frame(spec, raw, dataset)
        if frame is not None:
            dataset.frames[spec.name] = frame
    known = {p.name.lower() for p in folder.iterdir() if p.is_file()}
    expected = {s.file for s in TABLES.values()} | {"company.toml"}
    for name in sorted(known - expected):
        if name.endswith(".csv"):
            dataset.warnings.append(f"{name}: not a file of the contract; ignored")
    _check_references(dataset)
    check_drivers(dataset)
    return dataset


def _find_file(folder: Path, file: str) -> Path | None:
    for path in folder.iterdir():
        if path.is_file() and path.name.lower() == file:
            return path
    return None


def _read_company(path: Path, dataset: Dataset) -> Company:
    company = Company()
    if not path.exists():
        return company
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        dataset.problems.append(Problem("company.toml", None, None, f"is not valid TOML: {exc}"))
        return company
    section = data.get("company", data) if isinstance(data.get("company"), dict) else data
    for key, value in section.items():
        if key not in COMPANY_KEYS:
            company.extra[key] = value
    if "name" in section:
        company.name = str(section["name"])
    if "currency" in section:
        currency = str(section["currency"]).strip().upper()
        if len(currency) != 3 or not currency.isalpha():
            dataset.problems.append(Problem("company.toml", None, "currency", f"'{currency}' is not a 3-letter code"))
        company.currency = currency
    if "planning_date" in section:
        value = section["planning_date"]
        try:
            company.planning_date = (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
        except ValueError:
            dataset.problems.append(
                Problem("company.toml", None, "planning_date", f"'{value}' is not an ISO date (2026-11-15)")
            )
    if "horizon_months" in section:
        value = section["horizon_months"]
        if not isinstance(value, int) or not 1 <= value <= 60:
            dataset.problems.append(
                Problem("company.toml", None, "horizon_months", f"'{value}' must be a whole number from 1 to 60")
            )
        else:
            company.horizon_months = value
    if "overstock_months" in section:
        value = section["overstock_months"]
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 60:
            dataset.problems.append(
                Problem("company.toml", None, "overstock_months", f"'{value}' must be a number of months above 0")
            )
        else:
            company.overstock_months = float(value)
    _read_calendar(section, company, dataset)
    return company


def _read_calendar(section: dict, company: Company, dataset: Dataset) -> None:
    """``language``, ``timezone``, ``pre_sop_day`` and ``pack_days_before``: the S&OP calendar's settings."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if "language" in section:
        value = str(section["language"]).strip().lower()
        if value not in LANGUAGES:
            dataset.problems.append(Problem("company.toml", None, "language",
                                            f"'{section['language']}' is not one of {', '.join(LANGUAGES)}"))
        else:
            company.language = value
    if "timezone" in section:
        value = str(section["timezone"]).strip()
        try:
            ZoneInfo(value)
            company.timezone = value
        except (ZoneInfoNotFoundError, ValueError):
            dataset.problems.append(Problem("company.toml", None, "timezone",
                                            f"'{value}' is not an IANA time zone (Europe/Paris, Asia/Ho_Chi_Minh)"))
    for key, low, high in (("pre_sop_day", 1, 31), ("pack_days_before", 0, 27)):
        if key in section:
            value = section[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                dataset.problems.append(Problem("company.toml", None, key,
                                                f"'{value}' must be a whole number from {low} to {high}"))
            else:
                setattr(company, key, value)


def _typed_frame(spec: TableSpec, raw: RawTable, dataset: Dataset) -> pd.DataFrame | None:
    known = {c.name for c in spec.columns}
    missing = [c for c in spec.required_columns if c not in raw.columns]
    for column in missing:
        dataset.problems.append(Problem(spec.file, 1, column, "missing required column"))
    if spec.one_of and not any(c in raw.columns for c in spec.one_of):
        dataset.problems.append(
            Problem(spec.file, 1, "/".join(spec.one_of), f"needs a {' or '.join(spec.one_of)} column")
        )
    extras = [c for c in raw.columns if c not in known and c]
    if extras and not spec.keeps_extra:
        dataset.warnings.append(f"{spec.file}: unknown columns ignored: {', '.join(extras)}")
    if missing:
        return None

    for line, count in raw.ragged:
        dataset.problems.append(
            Problem(
                spec.file,
                line,
                None,
                f"has {count} values but the header has {len(raw.columns)} columns (an unquoted comma in a number?)",
            )
        )
    date_cells = [
        row[c.name] for _, row in raw.rows for c in spec.columns if c.kind in ("date", "period") and c.name in row
    ]
    order = DateOrder(date_cells)
    order_problem = order.problem()
    if order_problem:
        dataset.problems.append(Problem(spec.file, None, None, order_problem))

    records: list[dict] = []
    for line, row in raw.rows:
        record: dict = {"_line": line}
        for column in spec.columns:
            cell = row.get(column.name, "")
            value, message = _parse_cell(column, cell, order)
            if message:
                dataset.problems.append(Problem(spec.file, line, column.name, message))
            record[column.name] = value
        if spec.one_of and not any(record.get(c) for c in spec.one_of):
            dataset.problems.append(
                Problem(spec.file, line, "/".join(spec.one_of), f"each row needs a {' or '.join(spec.one_of)}")
            )
        if spec.keeps_extra and extras:
            record["attributes"] = {c: row[c] for c in extras if row.get(c)} or None
        records.append(record)

    frame = pd.DataFrame.from_records(records) if records else empty_frame(spec.name).assign(_line=pd.Series(dtype=int))
    for column in spec.columns:
        if column.kind in ("date", "period"):
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.kind in ("quantity", "signed", "money", "percent", "days"):
            frame[column.name] = pd.to_numeric(frame[column.name]).astype("float64")
    _check_table_rules(spec, frame, dataset)
    return frame


def _parse_cell(column, cell: str, order: DateOrder) -> tuple[object, str | None]:
    if cell == "":
        if column.required:
            return None, "required value is empty"
        return column.default, None
    kind = column.kind
    if kind in ("text", "code"):
        return cell, None
    if kind == "choice":
        value = cell.strip().lower().replace(" ", "_")
        if value not in column.choices:
            return column.default, f"'{cell}' is not one of {', '.join(column.choices)}"
        return value, None
    if kind in ("date", "period"):
        if kind == "date" and order.is_month_only(cell) and not column.month_ok:
            return None, f"'{cell}' is a month, not a date; write YYYY-MM-DD"
        parsed = order.parse(cell)
        if parsed is None:
            if order.problem():
                return None, None  # the file-level problem already says it
            what = "month (YYYY-MM)" if kind == "period" else "date (YYYY-MM-DD)"
            return None, f"'{cell}' is not a valid {what}"
        return (date(parsed.year, parsed.month, 1) if kind == "period" else parsed), None
    number = parse_number(cell)
    if number is None:
        return None, f"'{cell}' is not a number"
    if kind in ("quantity", "money", "days") and number < 0:
        what = {"quantity": "quantity", "money": "amount", "days": "number of days"}[kind]
        return None, f"negative {what} {cell}"
    return number, None


def _check_table_rules(spec: TableSpec, frame: pd.DataFrame, dataset: Dataset) -> None:
    if frame.empty:
        return
    for columns in [spec.unique] if spec.unique else []:
        present = frame.dropna(subset=list(columns))
        present = present[(present[list(columns)].astype(str) != "").all(axis=1)]
        # the first row of each key, found once for all (one lookup per duplicate was quadratic)
        first_line = present.groupby(list(columns), sort=False)["_line"].transform("first")
        repeated = present.duplicated(subset=list(columns), keep="first")
        dupes, firsts = present[repeated], first_line[repeated]
        label = " ".join(columns)
        values = zip(*(dupes[c] for c in columns), strict=True)
        for line, first, key_values in zip(dupes["_line"], firsts, values, strict=True):
            key = (", ".join(f"{c}={_show(v)}" for c, v in zip(columns, key_values, strict=True))
                   if len(columns) > 1 else _show(key_values[0]))
            dataset.problems.append(
                Problem(spec.file, int(line), "/".join(columns), f"duplicate {label} '{key}' (first on row {first})")
            )
    if spec.name == "events":
        bad = frame[frame["end"].notna() & frame["start"].notna() & (frame["end"] < frame["start"])]
        for line in bad["_line"]:
            dataset.problems.append(Problem(spec.file, int(line), "end", "ends before it starts"))


def _show(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m") if value.day == 1 else value.date().isoformat()
    return str(value)


def _check_references(dataset: Dataset) -> None:
    products = dataset.frames.get("products")
    if products is None:
        return
    skus = set(products["sku"].dropna())
    families = {str(f).strip().lower() for f in products["family"].dropna()}
    for name, frame in dataset.frames.items():
        spec = TABLES[name]
        if spec.sku_column and not frame.empty:
            unknown = frame[frame[spec.sku_column].notna() & ~frame[spec.sku_column].isin(skus)]
            for line, sku in zip(unknown["_line"], unknown[spec.sku_column], strict=True):
                dataset.problems.append(
                    Problem(spec.file, int(line), spec.sku_column, f"unknown sku '{sku}' (not in products.csv)")
                )
        if "family" in frame.columns and name != "products" and not frame.empty:
            unknown = frame[
                frame["family"].notna() & ~frame["family"].astype(str).str.strip().str.lower().isin(families)
            ]
            for line, family in zip(unknown["_line"], unknown["family"], strict=True):
                dataset.problems.append(
                    Problem(spec.file, int(line), "family", f"unknown family '{family}' (not in products.csv)")
                )
