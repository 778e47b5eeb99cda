"""Meeting-notes use cases: ingest a folder (chunks into the notes store, decisions and action items into
the plan store), search with citations, and query decisions and action items."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from sqlalchemy import delete, insert, select

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.limits import MAX_NOTES_HITS
from sop_engine.notes.textfold import fold, has_marks
from sop_engine.periods import PeriodRange
from sop_engine.products import resolve_name
from sop_engine.store import PlanStore
from sop_engine.store.schema import note_items


def ingest_notes(store: PlanStore, notes_store, folder: Path, principal: str, reindex: bool = False,
                 progress=None) -> dict:
    """Ingest a folder of notes; its decisions and action items replace the folder's previous ones."""
    products = store.read_table("products")
    known = dict(zip(products["sku"].astype(str), products["family"].fillna("").astype(str), strict=True))
    families = sorted(products["family"].dropna().astype(str).unique())
    report = notes_store.ingest(folder, known_skus=known, families=families, reindex=reindex, progress=progress)
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
    if progress is not None:
        progress(f"writing {len(rows)} decisions and action items")
    with store.begin() as connection:
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
        needle = " ".join(fold(owner).split())
        rows = [r for r in rows if r["owner"] and needle in " ".join(fold(r["owner"]).split())]
    if mentions:
        needle = fold(mentions).strip()
        rows = [r for r in rows if needle in fold(r["text"]) or needle in [fold(c) for c in r["refs"] or []]]
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


def list_owners(store: PlanStore) -> list[str]:
    """Every owner of an ingested action item, as written in the notes ("Nguyễn Thị Lan"), once each.

    Sorted accent- and case-insensitively; spellings that differ only in case, accents or spacing are one
    owner, shown in its most frequent spelling (on a tie: with accents, then with capitals, then the first
    seen). For a resolver that finds owners by first name or in lower case; empty when nothing is ingested."""
    query = (
        select(note_items.c.owner)
        .where(note_items.c.kind == "action_item", note_items.c.owner.is_not(None))
        .order_by(note_items.c.date, note_items.c.file, note_items.c.id)
    )
    with store.engine.connect() as connection:
        written = [" ".join(str(o).split()) for (o,) in connection.execute(query) if o and str(o).strip()]
    spellings: dict[str, dict[str, int]] = {}
    for name in written:
        counts = spellings.setdefault(fold(name), {})
        counts[name] = counts.get(name, 0) + 1
    best = [
        max(counts, key=lambda n, c=counts: (c[n], has_marks(n), n != n.casefold(), -list(c).index(n)))
        for counts in spellings.values()
    ]
    return sorted(best, key=lambda n: (fold(n), n))
