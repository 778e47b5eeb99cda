"""Bounds: every count and range has a documented maximum (422 beyond it), the body limit holds while the
body is read, and internal error messages never reach a user."""

from __future__ import annotations

import json

import pytest
from server import ApiServer, chunked_upload

from assistant.runtime import Runtime
from tools import base as tools_base

KEYS = "view-key:viewer,plan-key:planner"


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


@pytest.mark.parametrize(("path", "params"), [
    ("/v1/shortages", {"months": 100000}),
    ("/v1/shortages", {"months": 37}),
    ("/v1/reconciliation", {"months": 2400}),
    ("/v1/kpis/wape", {"from": "0001-01", "to": "9999-12"}),
    ("/v1/kpis/wape", {"from": "2010-01", "to": "2026-10"}),
    ("/v1/kpis/wape", {"lag": 1000}),
    ("/v1/notes/search", {"q": "promo", "limit": 10000}),
    ("/v1/sales", {"from": "0001-01", "to": "9999-12"}),
    ("/v1/sales", {"from": "2010-01", "to": "2026-10"}),
    ("/v1/capacity", {"period": "2026-11..2099-12"}),
])
def test_counts_and_ranges_beyond_their_maximum_are_422(api, path, params):
    with api.client("view-key") as viewer:
        response = viewer.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "invalid_argument"


def test_the_maxima_are_in_the_openapi_schema_and_within_them_it_answers(api):
    with api.client("view-key") as viewer:
        spec = viewer.get("/openapi.json").json()
        params = {p["name"]: p["schema"] for p in spec["paths"]["/v1/shortages"]["get"]["parameters"]}
        assert params["months"]["anyOf"][0]["maximum"] == 36
        kpi = {p["name"]: p for p in spec["paths"]["/v1/kpis/{name}"]["get"]["parameters"]}
        assert "120 months" in kpi["from"]["description"]
        chat = spec["components"]["schemas"]["ChatRequest"]["properties"]["message"]
        assert chat["maxLength"] == 4000
        longest = viewer.get("/v1/shortages", params={"months": 36, "sku": "OAT-1L"})
        assert longest.status_code == 200 and longest.json()["months"][0] == "2026-11"
        assert viewer.get("/v1/kpis/wape", params={"from": "2017-01", "to": "2026-10"}).status_code == 200


def test_a_chat_message_and_a_scenario_have_maxima(api):
    change = {"ref": "PO-NOPE", "delay_days": 3}
    with api.client("view-key") as viewer:
        assert viewer.post("/v1/chat", json={"message": "x" * 4001}).status_code == 422
        too_many = viewer.get("/v1/shortages", params={"scenario": json.dumps({"supply_changes": [change] * 201})})
        assert too_many.status_code == 422 and "at most 200" in too_many.text


def test_the_body_limit_is_enforced_while_reading_a_chunked_body(api):
    status, sent = chunked_upload(api.url, "/v1/chat", total=300 * 1024 * 1024,
                                  headers={"Authorization": "Bearer view-key"})
    assert status == 413
    assert sent < 16 * 1024 * 1024  # answered long before the 300 MB were sent
    with api.client("view-key") as viewer:  # the server is fine afterwards
        assert viewer.get("/healthz").json() == {"status": "ok"}
        declared = viewer.post("/v1/chat", content=b"x" * (64 * 1024 + 1), headers={"content-type": "application/json"})
        assert declared.status_code == 413 and declared.json()["code"] == "too_large"


def test_internal_error_messages_stay_in_the_log(api, monkeypatch, caplog):
    def broken(args, ctx):
        raise RuntimeError("connection string postgres://admin:hunter2@db")

    tools_base._load_implementations()
    monkeypatch.setitem(tools_base.REGISTRY, "check_shortages", broken)
    with api.client("view-key") as viewer:
        doc = viewer.post("/v1/chat", json={"message": "are we short on OAT-1L next month?"})
    assert doc.status_code == 200
    assert "hunter2" not in doc.text and "RuntimeError" not in doc.text
    assert doc.json()["tool_calls"][0]["result"]["error"]["code"] == "internal"
    assert "hunter2" in caplog.text  # logged, with its traceback
