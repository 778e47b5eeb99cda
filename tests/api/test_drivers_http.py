"""Demand drivers over HTTP: ``GET /v1/drivers`` is the ``get_driver_effects`` document, and ``POST
/v1/shortages`` takes ``driver_changes``; on a small company whose demand responds to ad spend."""

from __future__ import annotations

import json
from datetime import date

from cli.helpers import sop_json
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.demo.drivers import driver_company
from tools.base import run_tool
from tools.context import ToolContext


def test_driver_effects_and_a_driver_what_if_over_http(tmp_path, monkeypatch):
    co = driver_company(seed=5, history_months=36, horizon=12, skus_per_family=1, short_skus=1,
                        start="2023-11-01")
    sop_json("data", "load", str(co.write(tmp_path / "co")))
    sop_json("forecast", "run", "--all")
    monkeypatch.setenv("SOP_API_KEYS", "view-key:viewer")
    ctx = ToolContext(Runtime().store, date(2026, 11, 15), "test", "viewer")
    tool_doc = json.loads(json.dumps(run_tool("get_driver_effects", {"product": "Responsive"}, ctx)))
    assert tool_doc["effects"] and tool_doc["drivers_in_data"] == ["ad_spend"]
    with ApiServer(Runtime()) as server, server.client("view-key") as client:
        body = client.get("/v1/drivers", params={"product": "Responsive"}).json()
        for key in ("effects", "summary", "value_added", "pools", "drivers_in_data"):
            assert body[key] == tool_doc[key], key
        unknown = client.get("/v1/drivers", params={"driver": "tv_spend"})
        assert unknown.status_code >= 400 and "ad_spend" in unknown.json()["detail"]
        scenario = {"driver_changes": [{"driver": "ad_spend", "family": "Responsive", "pct": 50,
                                        "months": ["2027-01"]}]}
        doc = client.post("/v1/shortages", json={"months": 3, "scenario": scenario})
    assert doc.status_code == 200, doc.text
    moved = {m["period"]: m["change"] for m in doc.json()["demand_comparison"]["months"]}
    assert moved["2027-01"] > 0 and moved["2026-12"] == 0
