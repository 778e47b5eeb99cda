"""Write the demo company folder: the contract's CSV files, company.toml and notes/*.md.

Headers follow ``sop_engine.contract.TABLES`` (the single source of column names). Output is byte-identical
for the same seed, planning date and theme: no wall clock, fixed number formatting, ``\\n`` line ends.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sop_engine.contract import DEFAULT_HORIZON_MONTHS, TABLES
from sop_engine.demo.catalog import (
    DISCONTINUED,
    NEW,
    SHORT_REASONS,
    DemoModel,
    build_catalog,
)
from sop_engine.demo.commercial import build_commercial
from sop_engine.demo.history import build_history_and_events
from sop_engine.demo.notes import build_notes
from sop_engine.demo.supply import build_supply
from sop_engine.demo.themes import get_theme
from sop_engine.errors import InvalidArgument
from sop_engine.periods import month_start


@dataclass
class DemoSummary:
    out_dir: Path
    planning_date: date
    theme: str
    company: str
    counts: dict[str, int]  # file name -> data rows
    notes: int
    short_skus: dict[str, str]  # SKU designed to run short -> why
    new_sku: str = ""
    discontinued_sku: str = ""
    intermittent_skus: list[str] = field(default_factory=list)
    past_due_refs: list[str] = field(default_factory=list)
    overloaded_resource: str = ""


def build_model(seed: int, planning_date: date, theme: str) -> DemoModel:
    """The whole demo company in memory (tables as lists of row dicts, notes built separately)."""
    vocabulary = get_theme(theme)
    catalog_rng = DemoModel(vocabulary, seed, planning_date, month_start(planning_date), []).rng(1)
    model = DemoModel(
        vocabulary, seed, planning_date, month_start(planning_date), build_catalog(vocabulary, catalog_rng)
    )
    build_history_and_events(model)
    build_supply(model)
    build_commercial(model)
    model.tables["products"] = [
        {
            "sku": s.code,
            "name": s.name,
            "family": s.family,
            "unit_price": s.price,
            "unit_cost": s.cost,
            "safety_stock": s.safety_stock,
            "lead_time_days": s.lead_time_days,
            "status": s.status,
            "plant": s.plant,
            "uom": s.uom,
            "min_order_qty": s.min_order_qty,
        }
        for s in model.skus
    ]
    model.tables["sales_history"] = [
        {"sku": s.code, "period": f"{m:%Y-%m}", "quantity": q, "channel": "", "location": ""}
        for s in model.skus
        for m, q in zip(model.hist_months, model.history[s.code], strict=True)
        if q is not None
    ]
    model.tables["events"] = sorted(model.events, key=lambda e: (e["start"], e["name"]))
    return model


def write_demo_company(
    out_dir: Path, *, seed: int = 7, planning_date: date, theme: str = "beverages"
) -> DemoSummary:
    """Write a complete demo company folder that satisfies the data contract and return what is in it."""
    if not isinstance(planning_date, date):
        raise InvalidArgument(f"planning_date: expected a date, got {planning_date!r}")
    if not isinstance(seed, int) or seed < 0:
        raise InvalidArgument(f"seed: expected a non-negative integer, got {seed!r}")
    out_dir = Path(out_dir)
    model = build_model(seed, planning_date, theme)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in model.tables.items():
        counts[TABLES[name].file] = _write_csv(out_dir / TABLES[name].file, name, rows)
    (out_dir / "company.toml").write_text(
        f'name = "{model.theme.company}"\ncurrency = "{model.theme.currency}"\n'
        f'planning_date = "{planning_date.isoformat()}"\nhorizon_months = {DEFAULT_HORIZON_MONTHS}\n',
        encoding="utf-8",
    )
    notes_dir = out_dir / "notes"
    notes_dir.mkdir(exist_ok=True)
    notes = build_notes(model)
    for file_name, text in notes.items():
        (notes_dir / file_name).write_text(text, encoding="utf-8")
    return DemoSummary(
        out_dir=out_dir,
        planning_date=planning_date,
        theme=model.theme.key,
        company=model.theme.company,
        counts=counts,
        notes=len(notes),
        short_skus={s.code: SHORT_REASONS[s.role] for s in model.skus if s.role in SHORT_REASONS},
        new_sku=model.one(NEW).code,
        discontinued_sku=model.one(DISCONTINUED).code,
        intermittent_skus=[s.code for s in model.skus if s.intermittent],
        past_due_refs=[model.facts["past_due_ref"]],
        overloaded_resource=model.facts["overloaded_line"],
    )


def format_value(value: object) -> str:
    """Deterministic text of a cell: whole floats without '.0', others with up to 10 significant digits."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".10g")
    return str(value)


def _write_csv(path: Path, table: str, rows: list[dict]) -> int:
    columns = [c.name for c in TABLES[table].columns]
    for row in rows:
        extra = set(row) - set(columns)
        if extra:  # a generator bug, not user input: fail loudly
            raise ValueError(f"{table}: columns {sorted(extra)} are not in the data contract")
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([format_value(row.get(c)) for c in columns])
    return len(rows)
