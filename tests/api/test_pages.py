"""Large documents come in pages (``limit``, ``cursor``) over the real HTTP server: the pages put together
are the whole document, a cursor holds to its question and store version, and ``limit`` has its maximum."""

from __future__ import annotations

from datetime import date

import pytest
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.limits import MAX_PAGE_ITEMS
from sop_engine.service.forecasting import override_forecast
from sop_engine.store import PlanStore


@pytest.fixture
def api(demo):
    with ApiServer(Runtime()) as server:
        yield server


def all_pages(client, path: str, items: str, limit: int, **params) -> tuple[list, list[dict]]:
    rows, pages, cursor = [], [], None
    while True:
        response = client.get(path, params={**params, "limit": limit, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        doc = response.json()
        rows += doc[items]
        pages.append(doc)
        cursor = doc["page"]["next_cursor"]
        if cursor is None:
            return rows, pages


@pytest.mark.parametrize(("path", "items", "params"), [
    ("/v1/shortages", "skus", {"months": 3}),
    ("/v1/reconciliation", "skus", {"months": 2}),
    ("/v1/products", "products", {}),
    ("/v1/forecast", "skus", {}),
])
def test_the_pages_put_together_are_the_whole_document(api, path, items, params):
    with api.client() as client:
        whole = client.get(path, params=params).json()
        assert "page" not in whole  # it fits in one page: the whole document, as the CLI gives it
        one = client.get(path, params={**params, "limit": MAX_PAGE_ITEMS}).json()
        assert one["page"] == {"limit": MAX_PAGE_ITEMS, "offset": 0, "returned": len(whole[items]),
                               "total": len(whole[items]), "next_cursor": None}
        rows, pages = all_pages(client, path, items, 7, **params)
    assert rows == whole[items] and len(pages) == -(-len(rows) // 7) > 1
    assert [p["page"]["offset"] for p in pages] == list(range(0, len(rows), 7))
    first = {k: v for k, v in pages[0].items() if k not in (items, "page", "rows")}
    assert first == {k: v for k, v in whole.items() if k not in (items, "page", "rows")}
    if path == "/v1/forecast":  # each page's rows are those of its SKUs
        assert sum(len(p["rows"]) for p in pages) == len(whole["rows"])
        assert all({r["sku"] for r in p["rows"]} == {s["sku"] for s in p["skus"]} for p in pages)


def test_a_cursor_holds_to_its_question_and_to_the_store_version(api, demo):
    with api.client() as client:
        first = client.get("/v1/shortages", params={"months": 3, "limit": 5}).json()
        cursor = first["page"]["next_cursor"]
        other = client.get("/v1/shortages", params={"months": 4, "limit": 5, "cursor": cursor})
        assert other.status_code == 422 and "another question" in other.json()["detail"]
        assert client.get("/v1/shortages", params={"months": 3, "cursor": "not-a-cursor"}).status_code == 422
        sku = first["skus"][0]["sku"]
        store = PlanStore(f"sqlite:///{demo / 'plan.db'}")  # a write from another process (the CLI)
        override_forecast(store, date(2026, 11, 15), sku, "2026-12", 1.0, "page test", "cli:test")
        store.engine.dispose()
        stale = client.get("/v1/shortages", params={"months": 3, "limit": 5, "cursor": cursor})
        assert stale.status_code == 422 and "changed" in stale.json()["detail"]
        for limit in (0, MAX_PAGE_ITEMS + 1):
            assert client.get("/v1/shortages", params={"limit": limit}).status_code == 422
