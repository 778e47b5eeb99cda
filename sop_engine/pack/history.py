"""Stored packs: each generated pack is kept, and the next one says what changed since it."""

from __future__ import annotations

from sqlalchemy import insert, select

from sop_engine.store import PlanStore
from sop_engine.store.plan_store import utcnow
from sop_engine.store.schema import packs


def latest_pack(store: PlanStore) -> dict | None:
    """The last stored pack's document (with its ``id``), or None."""
    with store.connect() as connection:
        row = connection.execute(select(packs).order_by(packs.c.id.desc()).limit(1)).mappings().first()
    return _doc(row) if row else None


def list_packs(store: PlanStore, limit: int = 20) -> list[dict]:
    with store.connect() as connection:
        rows = connection.execute(select(packs.c.id, packs.c.period, packs.c.planning_date, packs.c.created_at,
                                         packs.c.created_by).order_by(packs.c.id.desc()).limit(limit)).mappings()
        return [{"id": r["id"], "period": r["period"], "planning_date": r["planning_date"].isoformat(),
                 "created_at": r["created_at"].isoformat(timespec="seconds"), "created_by": r["created_by"]}
                for r in rows]


def store_pack(store: PlanStore, document: dict, principal: str) -> dict:
    """Keep ``document`` (its ``id`` is set to the stored row's); the audit log records it (``pack.create``)."""
    from datetime import date

    with store.begin() as connection:
        new_id = connection.execute(insert(packs).values(
            period=document["period"], planning_date=date.fromisoformat(document["planning_date"]),
            created_at=utcnow(), created_by=principal, document=document)).inserted_primary_key[0]
        store.audit(connection, principal, "pack.create", {"id": new_id, "period": document["period"]})
    document["id"] = new_id
    return document


def _doc(row) -> dict:
    return {**row["document"], "id": row["id"], "created_at": row["created_at"].isoformat(timespec="seconds")}
