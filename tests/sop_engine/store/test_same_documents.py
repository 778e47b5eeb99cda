"""The service documents (what the CLI, the tools and HTTP answer) are the same whether the demo company is
in a SQLite file or a PostgreSQL database: the store gives back what it was given, on both."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest

from sop_engine.service import capacity, forecasting, orders, overstock, planning, sales
from sop_engine.store import PlanStore
from sop_engine.store import audit as store_audit
from sop_engine.store import forecasts as store_forecasts

DAY = date(2026, 11, 15)
QUESTIONS = {
    "gaps, all": lambda s: planning.gaps(s, DAY),
    "gaps, one SKU": lambda s: planning.gaps(s, DAY, sku="OAT-1L", months=6),
    "reconcile": lambda s: planning.reconcile(s, DAY),
    "kpis": lambda s: planning.kpis(s, DAY),
    "kpi wape": lambda s: planning.kpi(s, DAY, "wape"),
    "sales": lambda s: sales.sales_document(s, DAY),
    "orders": lambda s: orders.orders_document(s, DAY),
    "overstock": lambda s: overstock.overstock_document(s, DAY),
    "capacity": lambda s: capacity.capacity_document(s, DAY),
    "forecast, published": lambda s: forecasting.show_forecast(s, DAY),
    "versions": lambda s: store_forecasts.list_versions(s),
    "summary": lambda s: s.summary(),
    "audit actions": lambda s: [(e["principal"], e["action"]) for e in store_audit.entries(s)["entries"]],
}
# when and from which folder each store was built: differs by design
BUILD_DETAILS = {"created_at", "published_at", "loaded_at", "at", "source"}


def _comparable(value):
    """The document with its build details left out and floats rounded to 9 significant digits."""
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items() if k not in BUILD_DETAILS}
    if isinstance(value, list | tuple):
        return [_comparable(v) for v in value]
    if isinstance(value, float) and math.isfinite(value) and value:
        return float(f"{value:.9g}")
    return value


@pytest.fixture
def stores(demo, postgres_server, postgres_demo):
    sqlite = PlanStore(f"sqlite:///{demo / 'plan.db'}")
    name = postgres_server.create(template=postgres_demo[1])
    postgresql = PlanStore(postgres_server.url_of(name))
    yield sqlite, postgresql
    sqlite.engine.dispose()
    postgresql.engine.dispose()
    postgres_server.drop(name)


@pytest.mark.parametrize("question", list(QUESTIONS))
def test_a_document_is_the_same_on_sqlite_and_postgresql(stores, question):
    sqlite, postgresql = stores
    on_sqlite, on_postgresql = (_comparable(json.loads(json.dumps(QUESTIONS[question](s), default=str)))
                                for s in stores)
    assert on_sqlite == on_postgresql
    assert on_sqlite not in ({}, [], None)


def test_moments_are_utc_and_written_alike_on_both(stores):
    from sop_engine.store import approvals as store_approvals

    for store in stores:
        request = store_approvals.request_approval(store, "publish_forecast", {"version": "1"}, "publish 1", "cli:t")
        moments = [request["requested_at"], *(v["created_at"] for v in store_forecasts.list_versions(store)),
                   *(e["at"] for e in store_audit.entries(store)["entries"]), store.audit_entries(1)[0]["at"]]
        assert all(m.endswith("+00:00") and len(m) == len("2026-11-15T09:30:00+00:00") for m in moments), moments
        since = date.fromisoformat(request["requested_at"][:10])
        assert store_audit.entries(store, since=since)["entries"][-1]["action"] == "approval.request"
