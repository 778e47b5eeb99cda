"""Meeting-notes use cases: ingest a folder (chunks into the notes store, decisions and action items into
the plan store), search with citations, and query decisions and action items."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.limits import MAX_NOTES_HITS
from sop_engine.periods import PeriodRange
from sop_engine.products import resolve_name
from sop_engine.store import PlanStore
from sop_engine.store.schema import note_items


def ingest_notes(store: PlanStore, notes_store, folder: Path, principal: str, reindex: bool = False) -> dict:
    """Ingest a folder of notes; its decisions and action items replace the folder's previous ones."""
    products = store.read_table("products")
    known = dict(zip(products["sku"].astype(str), products["name"].astype(str), strict=True))
    families = sorted(products["family"].dropna().astype(str).unique())
    report = notes_store.ingest(folder, known_skus=known, families=families, reindex=reindex)
    rows = [
        {
            "id": _item_id(report.folder, item.key),
            "kind": item.kind,
            "text": item.text,
            "meeting": item.meeting,
            "date": item.date,
            "folder": report.folder,
            "file": item.file,
            "section": item.section,
            "owner": item.owner,
            "due_date": item.due_date,
            "done": item.done,
            "skus": list(item.skus),
            "families": list(item.families),
            "refs": [c for c in item.codes if c not in known],
        }
        for item in report.items
    ]
    rows = list({row["id"]: row for row in rows}.values())  # the same bullet twice in a note counts once
    with store.engine.begin() as connection:
        connection.execute(delete(note_items).where(note_items.c.folder == report.folder))
        if rows:
            connection.execute(insert(note_items), rows)
        store.audit(
            connection,
            principal,
            "notes.ingest",
            {
                "folder": report.folder,
                "added": report.added,
                "updated": report.updated,
                "removed": report.removed,
                "skipped": len(report.skipped),
                "items": len(rows),
            },
        )
    doc = report.to_dict()
    doc.pop("items")
    doc["notes"] = report.added + report.updated + report.unchanged
    doc["items"] = len(rows)
    doc["decisions"] = sum(r["kind"] == "decision" for r in rows)
    doc["action_items"] = sum(r["kind"] == "action_item" for r in rows)
    return doc


def _item_id(folder: str, key: str) -> str:
    """The same bullet of the same note file in the same folder keeps its id across ingests."""
    return hashlib.sha256(f"{folder}\x00{key}".encode()).hexdigest()[:24]


def _product_filter(store: PlanStore, product: str | None) -> tuple[str | None, str | None]:
    if not product:
        return None, None
    resolved = resolve_name(store.read_table("products"), product)
    return (resolved.code, None) if resolved.kind == "sku" else (None, resolved.code)


def search_notes(
    store: PlanStore,
    notes_store,
    query: str,
    *,
    k: int = 5,
    meeting: str | None = None,
    period: PeriodRange | None = None,
    since: date | None = None,
    product: str | None = None,
    mode: str = "hybrid",
) -> dict:
    if not 1 <= k <= MAX_NOTES_HITS:
        raise InvalidArgument(f"limit must be between 1 and {MAX_NOTES_HITS}; got {k}")
    sku, family = _product_filter(store, product)
    until = None
    if period is not None:
        since, until = period.start, _month_end(period.end)
    hits = notes_store.search(query, k=k, meeting=meeting, since=since, until=until, sku=sku, family=family, mode=mode)
    return {
        "query": query,
        "filters": {
            "meeting": meeting,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "sku": sku,
            "family": family,
        },
        "hits": [hit.to_dict() for hit in hits],
    }


def _month_end(month: date) -> date:
    from sop_engine.periods import add_months

    return date.fromordinal(add_months(month, 1).toordinal() - 1)


def list_decisions(
    store: PlanStore,
    *,
    kind: str | None = None,
    open_only: bool = False,
    owner: str | None = None,
    product: str | None = None,
    period: PeriodRange | None = None,
    mentions: str | None = None,
) -> dict:
    """Decisions and action items as records, newest first; ``mentions`` matches text or references."""
    sku, family = _product_filter(store, product)
    query = select(note_items).order_by(note_items.c.date.desc(), note_items.c.file, note_items.c.id)
    if kind:
        query = query.where(note_items.c.kind == kind)
    if open_only:
        query = query.where(note_items.c.kind == "action_item", note_items.c.done.is_(False))
    if period is not None:
        query = query.where(note_items.c.date >= period.start, note_items.c.date <= _month_end(period.end))
    with store.engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(query).mappings()]
        total = connection.execute(select(note_items.c.id).limit(1)).first()
    if total is None:
        raise NoData("no meeting notes ingested: run `sop notes ingest DIR`")
    if owner:
        needle = owner.casefold().strip()
        rows = [r for r in rows if r["owner"] and needle in r["owner"].casefold()]
    if mentions:
        needle = mentions.casefold().strip()
        rows = [r for r in rows if needle in r["text"].casefold() or needle in [c.casefold() for c in r["refs"] or []]]
    if sku:
        rows = [r for r in rows if sku in (r["skus"] or [])]
    if family:
        rows = [r for r in rows if family in (r["families"] or [])]
    items = [
        {
            "id": r["id"],
            "kind": r["kind"],
            "text": r["text"],
            "owner": r["owner"],
            "due_date": r["due_date"].isoformat() if r["due_date"] else None,
            "done": r["done"] if r["kind"] == "action_item" else None,
            "status": ("done" if r["done"] else "open") if r["kind"] == "action_item" else "decided",
            "meeting": r["meeting"],
            "date": r["date"].isoformat(),
            "file": r["file"],
            "section": r["section"],
            "skus": r["skus"] or [],
            "families": r["families"] or [],
            "refs": r["refs"] or [],
        }
        for r in rows
    ]
    return {
        "filters": {
            "kind": kind,
            "open_only": open_only,
            "owner": owner,
            "sku": sku,
            "family": family,
            "period": period.labels if period else None,
        },
        "count": len(items),
        "items": items,
    }
