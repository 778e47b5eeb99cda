"""Keys already taken, kept for a while, in the plan store: Slack's retries of one event and a signed request
replayed run once, whichever server process receives them. The insert is the check (a primary key), so
check-and-remember is atomic across threads, processes and machines sharing the store."""

from __future__ import annotations

from sqlalchemy import delete, insert
from sqlalchemy.exc import IntegrityError

from sop_engine.store.schema import slack_seen


def first_time(store, key: str, now: float, ttl: float) -> bool:
    """True the first time ``key`` is offered within ``ttl`` seconds of ``now``."""
    with store.engine.begin() as connection:
        connection.execute(delete(slack_seen).where(slack_seen.c.seen_at <= now - ttl))
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(slack_seen).values(key=key[:200], seen_at=now))
    except IntegrityError:
        return False
    return True
