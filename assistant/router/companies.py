"""A company's name tables read from its data folder (for evaluating the router on a folder of CSVs):
products, supply, capacity, routing, inventory, and the owners of its notes' action items."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def folder_tables(folder: Path) -> dict:
    """The tables the router's resolver needs, read through the data contract's reader."""
    from sop_engine.dataset.validate import read_dataset

    tables = dict(read_dataset(folder).frames)
    out = {name: tables.get(name) for name in ("products", "supply", "capacity", "routing", "inventory")}
    out["note_items"] = pd.DataFrame({"owner": _owners(folder / "notes")})
    return out


def _owners(notes: Path) -> list[str]:
    if not notes.is_dir():
        return []
    from sop_engine.notes.items import extract_items
    from sop_engine.notes.parse import parse_note

    owners: list[str] = []
    for path in sorted(notes.glob("*.md")):
        try:
            items = extract_items(parse_note(path))
        except Exception:  # a note the parser refuses has no owners to offer
            continue
        owners += [item.owner for item in items if item.owner and item.owner not in owners]
    return owners
