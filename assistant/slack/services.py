"""What every listener needs: the runtime, the assistant, Slack roles, the seen-events memory."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from assistant.settings import parse_api_keys

EVENT_MEMORY_SECONDS = 15 * 60  # Slack retries after ~0 s, 1 min and 5 min


class SeenEvents:
    """Event ids already taken, kept for ``ttl`` seconds: Slack's retries of one event run it once.

    Bolt has no dedupe of its own; a lock makes check-and-remember atomic across listener threads.
    """

    def __init__(
        self, ttl: float = EVENT_MEMORY_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self.clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str | None) -> bool:
        """True the first time ``event_id`` is offered within ``ttl``; events without an id always pass."""
        if not event_id:
            return True
        now = self.clock()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) <= now - self.ttl:
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now
            return True


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
