"""What every listener needs: the runtime, the assistant, Slack roles, the seen-events memory."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from assistant.settings import parse_api_keys

EVENT_MEMORY_SECONDS = 15 * 60  # Slack retries after ~0 s, 1 min and 5 min


class SeenEvents:
    """Keys already taken (event ids, request signatures), kept for ``ttl`` seconds: Slack's retries of one
    event, and a signed request replayed, run once.

    Kept in a SQLite table (``$SOP_HOME/slack.db`` in a server) so that several server processes share it;
    the insert is the check, so check-and-remember is atomic across threads and processes. Without a path
    (unit tests, one process) an in-memory database behind a lock does the same.
    """

    def __init__(
        self, path: Path | None = None, ttl: float = EVENT_MEMORY_SECONDS, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._memory = sqlite3.connect(":memory:", check_same_thread=False) if path is None else None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        if path is not None:
            with closing(sqlite3.connect(path, timeout=30)) as con:
                con.execute("PRAGMA journal_mode=WAL")
        with self._connection() as con:
            con.execute("CREATE TABLE IF NOT EXISTS slack_seen (key TEXT PRIMARY KEY, seen_at REAL NOT NULL)")

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if self._memory is not None or self.path is None:
            assert self._memory is not None
            with self._lock, self._memory:
                yield self._memory
            return
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def first_time(self, key: str | None) -> bool:
        """True the first time ``key`` is offered within ``ttl``; no key always passes."""
        if not key:
            return True
        now = self.clock()
        with self._connection() as con:
            con.execute("DELETE FROM slack_seen WHERE seen_at <= ?", (now - self.ttl,))
            taken = con.execute("INSERT OR IGNORE INTO slack_seen VALUES (?, ?)", (key, now)).rowcount
        return taken == 1


@dataclass
class SlackServices:
    runtime: Runtime
    assistant: Assistant
    seen: SeenEvents = field(default_factory=SeenEvents)
    progress_interval: float = 2.0  # seconds between chat.update calls of a progress message
    roles: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # SOP_SLACK_ROLES' optional USER:ROLE:NAME

    @classmethod
    def build(cls, runtime: Runtime, assistant: Assistant | None = None, **options) -> SlackServices:
        entries = parse_api_keys(runtime.settings.slack_roles)
        options.setdefault("seen", SeenEvents(runtime.settings.home / "slack.db"))
        return cls(
            runtime=runtime,
            assistant=assistant or Assistant(runtime),
            roles={user: role for user, (role, _) in entries.items()},
            names={user: name for user, (_, name) in entries.items() if name},
            **options,
        )

    def principal_of(self, user_id: str | None) -> str:
        """``slack:NAME`` for a user named in SOP_SLACK_ROLES (the same person as ``cli:NAME``, ``api:NAME``),
        else ``slack:USER_ID``."""
        return f"slack:{self.names.get(user_id or '', user_id)}"

    def role_of(self, user_id: str | None) -> str:
        """The role of a Slack user (SOP_SLACK_ROLES); everyone else is a viewer."""
        return self.roles.get(user_id or "", "viewer")
