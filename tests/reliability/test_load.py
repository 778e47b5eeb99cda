"""A short bounded load on the real ``sop serve`` (offline router): 50 concurrent clients, chats and reads,
for ``SECONDS``: every request answered 200, every client served, ``/healthz`` answered throughout. The
latency figures are benchmarks/reliability.py's (recorded in benchmarks/README.md), not asserted here; the
60-second, 50-chat concurrency test of the job and store work is separate (tests of the job queue)."""

from __future__ import annotations

import pytest
from reliability.load import ServedSop, run_load

pytestmark = pytest.mark.slow

CLIENTS = 50
SECONDS = 10.0


def test_fifty_concurrent_clients_get_no_errors(demo):
    with ServedSop(demo) as served:
        result = run_load(served.url, clients=CLIENTS, seconds=SECONDS)
        assert served.proc.poll() is None, served.output()
    assert result.errors == [], f"{len(result.errors)} of {result.requests} failed, e.g. {result.errors[:5]}"
    assert len(result.per_client) == CLIENTS and min(result.per_client) >= 1, result.per_client
    assert result.health and result.health_errors == [], result.health_errors[:5]
