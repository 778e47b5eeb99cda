"""Who owns each conversation thread, in ``$SOP_HOME/conversations.db`` (shared by every process).

A thread belongs to the principal that started it (an API key's principal, the CLI's user) or, in Slack,
to the channel. Thread ids are made here, never by a client: 144 random bits (``secrets.token_urlsafe``),
so knowing one is knowing it was handed to you. Continuing a thread that is not yours, or that does not
exist, is the same ``NotFound``: nobody learns which ids exist.

Slack threads are keyed internally by channel and thread timestamp (``slack_threads``) and mapped to such
a random id, so a Slack thread's id cannot be worked out from the channel and message it lives in.
"""

from __future__ import annotations

import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from sop_engine.errors import NotFound

THREAD_ID_BYTES = 18  # 144 bits


def slack_owner(channel: str) -> str:
    """The principal owning a Slack channel's threads (its own namespace: no key or user can be it)."""
    return f"slack-channel:{channel}"


def new_thread_id() -> str:
    return secrets.token_urlsafe(THREAD_ID_BYTES)


class ThreadOwners:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as con:
            con.execute("CREATE TABLE IF NOT EXISTS thread_owners (thread_id TEXT PRIMARY KEY, owner TEXT NOT NULL, "
                        "created_at REAL NOT NULL)")
            con.execute("CREATE TABLE IF NOT EXISTS slack_threads (channel TEXT NOT NULL, thread_ts TEXT NOT NULL, "
                        "thread_id TEXT NOT NULL UNIQUE, PRIMARY KEY (channel, thread_ts))")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """One transaction (committed, or rolled back on error) on a connection closed afterwards."""
        with closing(sqlite3.connect(self.path, timeout=30)) as con, con:
            yield con

    def start(self, owner: str) -> str:
        """A new thread owned by ``owner``; its id."""
        thread_id = new_thread_id()
        with self._connect() as con:
            con.execute("INSERT INTO thread_owners VALUES (?, ?, ?)", (thread_id, owner, time.time()))
        return thread_id

    def owner_of(self, thread_id: str) -> str | None:
        with self._connect() as con:
            row = con.execute("SELECT owner FROM thread_owners WHERE thread_id = ?", (thread_id,)).fetchone()
        return row[0] if row else None

    def check(self, thread_id: str, owner: str) -> None:
        """Raise ``NotFound`` unless ``owner`` owns ``thread_id`` (unknown and foreign look the same)."""
        known = self.owner_of(thread_id)
        if known is None or not secrets.compare_digest(known.encode(), owner.encode()):
            raise NotFound("no conversation thread with that id belongs to you; leave thread_id out to start one")

    def slack_thread(self, channel: str, thread_ts: str) -> str:
        """The id of the Slack thread ``channel``/``thread_ts`` (made on first use, owned by the channel)."""
        with self._connect() as con:
            row = con.execute("SELECT thread_id FROM slack_threads WHERE channel = ? AND thread_ts = ?",
                              (channel, thread_ts)).fetchone()
            if row:
                return row[0]
            thread_id = new_thread_id()
            con.execute("INSERT OR IGNORE INTO slack_threads VALUES (?, ?, ?)", (channel, thread_ts, thread_id))
            thread_id = con.execute("SELECT thread_id FROM slack_threads WHERE channel = ? AND thread_ts = ?",
                                    (channel, thread_ts)).fetchone()[0]
            con.execute("INSERT OR IGNORE INTO thread_owners VALUES (?, ?, ?)",
                        (thread_id, slack_owner(channel), time.time()))
        return thread_id
