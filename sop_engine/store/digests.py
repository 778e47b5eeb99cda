"""The record of scheduled digests, which is also their lock: a post is claimed by inserting its (digest,
channel, slot) row — a primary key, so however many server processes share the store, exactly one claim
succeeds — then marked ``posted``. A claim whose post failed before anything reached Slack is released (the
next run may try again); a claim whose process died mid-post stays, so a slot is never posted twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from sop_engine.store import PlanStore
from sop_engine.store.plan_store import utcnow
from sop_engine.store.schema import digest_posts


def claim(store: PlanStore, digest: str, channel: str, slot: str) -> bool:
    """True when this caller now owns the post of ``digest`` to ``channel`` for ``slot``."""
    try:
        with store.engine.begin() as connection:
            connection.execute(insert(digest_posts).values(digest=digest, channel=channel[:100], slot=slot[:120],
                                                           status="posting", claimed_at=utcnow()))
    except IntegrityError:
        return False
    return True


def _key(digest: str, channel: str, slot: str):
    return ((digest_posts.c.digest == digest) & (digest_posts.c.channel == channel[:100])
            & (digest_posts.c.slot == slot[:120]))


def mark_posted(store: PlanStore, digest: str, channel: str, slot: str, detail: dict) -> None:
    with store.begin() as connection:
        connection.execute(update(digest_posts).where(_key(digest, channel, slot)).values(
            status="posted", posted_at=utcnow(), detail=detail))
        store.audit(connection, "digest", "digest.post", {"digest": digest, "channel": channel, "slot": slot})


def release(store: PlanStore, digest: str, channel: str, slot: str) -> None:
    with store.engine.begin() as connection:
        connection.execute(delete(digest_posts).where(_key(digest, channel, slot)))


def last_posted(store: PlanStore, digest: str, channel: str) -> dict | None:
    """The detail of the latest post of ``digest`` to ``channel`` (what the next one compares with)."""
    with store.connect() as connection:
        row = connection.execute(
            select(digest_posts.c.detail, digest_posts.c.posted_at)
            .where(digest_posts.c.digest == digest, digest_posts.c.channel == channel[:100],
                   digest_posts.c.status == "posted")
            .order_by(digest_posts.c.posted_at.desc()).limit(1)).first()
    return dict(row.detail or {}) if row else None


def posts(store: PlanStore, digest: str | None = None) -> list[dict]:
    query = select(digest_posts).order_by(digest_posts.c.claimed_at)
    if digest:
        query = query.where(digest_posts.c.digest == digest)
    with store.connect() as connection:
        return [{**dict(r), "claimed_at": _iso(r["claimed_at"]), "posted_at": _iso(r["posted_at"])}
                for r in connection.execute(query).mappings()]


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
