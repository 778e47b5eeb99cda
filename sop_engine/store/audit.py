"""Reading the audit log: every write, approval decision and job start or cancel, who and when."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select

from sop_engine.errors import InvalidArgument
from sop_engine.store.plan_store import PlanStore, iso_utc
from sop_engine.store.schema import audit_log

MAX_ENTRIES = 10_000


def parse_since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidArgument(f"since: '{text}' is not a date; use YYYY-MM-DD") from None


def entries(store: PlanStore, since: date | None = None, limit: int = 1000) -> dict:
    """``{"entries": [{"at", "principal", "action", "detail"}]}``, oldest first, from ``since`` (a day) on;
    the newest ``limit`` entries when there are more."""
    if not 1 <= limit <= MAX_ENTRIES:
        raise InvalidArgument(f"limit must be 1..{MAX_ENTRIES} (got {limit})")
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if since is not None:
        query = query.where(audit_log.c.at >= datetime.combine(since, time.min, tzinfo=UTC))
    with store.connect() as connection:
        rows = list(connection.execute(query).mappings())
    return {"entries": [{"at": iso_utc(row["at"]), "principal": row["principal"],
                         "action": row["action"], "detail": row["detail"] or {}} for row in reversed(rows)]}

