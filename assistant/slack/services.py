"""What every listener needs: the runtime, the assistant, Slack roles, the seen-events memory."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from assistant.settings import parse_api_keys

EVENT_MEMORY_SECONDS = 15 * 60  # Slack retries after ~0 s, 1 min and 5 min


class SeenEvents:
    """Keys already taken (event ids, request signatures), kept for ``ttl`` seconds: Slack's retries of one
    event, and a signed request replayed, run once.

    Kept in the plan store (``sop_engine.store.seen``) so that every server process on the store shares it;
    the insert is the check, so check-and-remember is atomic. Without a store (unit tests, one process) an
    in-memory table behind a lock does the same.
    """

    def __init__(self, store=None, ttl: float = EVENT_MEMORY_SECONDS, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._memory: dict[str, float] = {}

    def first_time(self, key: str | None) -> bool:
        """True the first time ``key`` is offered within ``ttl``; no key always passes."""
        if not key:
            return True
        now = self.clock()
        if self.store is not None:
            from sop_engine.store.seen import first_time

            return first_time(self.store, key, now, self.ttl)
        with self._lock:
            for old in [k for k, at in self._memory.items() if at <= now - self.ttl]:
                del self._memory[old]
            if key in self._memory:
                return False
            self._memory[key] = now
            return True


@dataclass
class SlackServices:
    runtime: Runtime
    assistant: Assistant
    seen: SeenEvents = field(default_factory=SeenEvents)
    progress_interval: float = 2.0  # seconds between chat.update calls of a progress message
    stream_interval: float = 1.0  # seconds between chat.update calls of an answer being written
    roles: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # SOP_SLACK_ROLES' optional USER:ROLE:NAME

    @classmethod
    def build(cls, runtime: Runtime, assistant: Assistant | None = None, **options) -> SlackServices:
        entries = parse_api_keys(runtime.settings.slack_roles)
        options.setdefault("seen", SeenEvents(runtime.store))
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
