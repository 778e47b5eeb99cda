"""The HTTP API end to end: uvicorn on a free loopback port, httpx as the client."""

from __future__ import annotations

import json
import time

import pytest
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.service.forecasting import run_forecast

KEYS = "view-key:viewer,plan-key:planner,boss-key:admin"


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


def test_health_is_open_and_everything_else_needs_a_key(api):
    with api.client() as anonymous:
        assert anonymous.get("/healthz").json() == {"status": "ok"}
        assert anonymous.get("/readyz").json()["data_loaded"] is True
        response = anonymous.get("/v1/products")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["title"] == "Unauthorized" and "API key" in response.json()["detail"]
    with api.client("wrong-key") as wrong:
        assert wrong.get("/v1/products").status_code == 401
    with api.client("view-key", header="x-api-key") as viewer:
        assert viewer.get("/v1/products").json()["count"] == 61
    with api.client("view-key") as viewer:
        assert "/v1/chat" in viewer.get("/openapi.json").json()["paths"]


def test_chat_and_its_stream(api):
    with api.client("view-key") as client:
        doc = client.post("/v1/chat", json={"message": "are we short on oat milk 1L next month?"}).json()
        assert doc["engine"] == "offline" and doc["tool_calls"][0]["name"] == "check_shortages"
        assert "OAT-1L" in doc["answer"] and doc["thread_id"]
        follow = client.post("/v1/chat", json={"message": "and in january 2027?", "thread_id": doc["thread_id"]})
        assert follow.json()["tool_calls"][0]["args"]["product"] == "OAT-1L"
        events = []
        question = {"message": "forecast for oat milk 1L next month"}
        with client.stream("POST", "/v1/chat/stream", json=question) as stream:
            assert stream.headers["content-type"].startswith("text/event-stream")
            kind = None
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    kind = line.split(":", 1)[1].strip()
                elif line.startswith("data:"):
                    events.append((kind, json.loads(line.split(":", 1)[1])))
        kinds = [k for k, _ in events]
        assert kinds[0] == "tool_call" and kinds[1] == "tool_result" and kinds[-1] == "answer"
        assert "token" in kinds
        tokens = "".join(data for k, data in events if k == "token")
        assert tokens == events[-1][1]["answer"]
        assert client.post("/v1/chat", json={"message": ""}).status_code == 422
        big = client.post("/v1/chat", content=b"{" + b" " * 70_000 + b"}", headers={"content-type": "application/json"})
        assert big.status_code == 413 and big.json()["code"] == "too_large"


def test_read_endpoints_return_the_cli_documents(api):
    with api.client("view-key") as client:
        forecast = client.get("/v1/forecast", params={"sku": "OAT-1L"}).json()
        assert forecast["status"] == "published" and {r["sku"] for r in forecast["rows"]} == {"OAT-1L"}
        shortages = client.get("/v1/shortages", params={"months": 3}).json()
        assert shortages["months"][0] == "2026-11" and sum(s["total_shortage"] > 0 for s in shortages["skus"]) >= 3
        assert client.get("/v1/reconciliation", params={"family": "Cold Brew"}).json()["families"]
        kpi = client.get("/v1/kpis/fill_rate", params={"from": "2026-05", "to": "2026-10"}).json()
        assert kpi["period"]["from"] == "2026-05" and kpi["value"] is not None
        assert client.get("/v1/products", params={"q": "oat"}).json()["products"][0]["sku"] == "OAT-1L"
        png = client.get("/v1/charts/OAT-1L.png")
        assert png.headers["content-type"] == "image/png" and png.content[:8] == b"\x89PNG\r\n\x1a\n"
        missing = client.get("/v1/shortages", params={"sku": "oat mlk"})
        assert missing.status_code == 404 and missing.json()["code"] == "unknown_product"
        assert "OAT-1L" in " ".join(missing.json()["details"])
        assert "Traceback" not in missing.text


def test_a_reforecast_job_runs_to_completion_with_progress(api):
    with api.client("plan-key") as planner, api.client("view-key") as viewer:
        assert viewer.post("/v1/reforecast", json={"product": "Cold Brew"}).status_code == 403
        job = planner.post("/v1/reforecast", json={"product": "Cold Brew", "note": "api test"})
        assert job.status_code == 202
        job_id = job.json()["job_id"]
        deadline = time.monotonic() + 300
        while (state := planner.get(f"/v1/jobs/{job_id}").json())["status"] in ("queued", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert state["status"] == "done", state
        assert state["progress"]["total"] > 0 and state["progress"]["done"] == state["progress"]["total"]
        assert state["result"]["status"] == "draft" and state["result"]["scope"]["value"] == "Cold Brew"


def test_an_approval_by_a_planner_and_a_403_for_a_viewer(api):
    runtime = Runtime()
    draft = run_forecast(runtime.store, runtime.planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)
    with api.client("plan-key") as planner, api.client("view-key") as viewer:
        doc = planner.post("/v1/chat", json={"message": f"publish forecast version {draft['version']}"}).json()
        pending = doc["pending_approval"]
        assert pending and pending["action"] == "publish_forecast"
        assert [a["id"] for a in viewer.get("/v1/approvals").json()["approvals"]] == [pending["id"]]
        refused = viewer.post(f"/v1/approvals/{pending['id']}/approve")
        assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
        assert planner.get("/v1/forecast", params={"sku": "OAT-1L"}).json()["rows"][0]["version"] == 1
        own = planner.post(f"/v1/approvals/{pending['id']}/approve")  # keys configured: not one's own
        assert own.status_code == 403 and own.json()["code"] == "permission_denied"
        with api.client("boss-key") as admin:
            approved = admin.post(f"/v1/approvals/{pending['id']}/approve").json()
            assert approved["status"] == "approved"
            assert planner.get("/v1/forecast", params={"sku": "OAT-1L"}).json()["rows"][0]["version"] == \
                draft["version"]
            again = admin.post(f"/v1/approvals/{pending['id']}/reject")
            assert again.status_code == 409
