"""The CLI's one ``Runtime`` per process (settings read once)."""

from __future__ import annotations

from functools import lru_cache

from assistant.runtime import Runtime


@lru_cache(maxsize=1)
def runtime() -> Runtime:
    return Runtime()


def reset() -> None:
    """Forget the runtime (tests change the environment between invocations)."""
    runtime.cache_clear()
