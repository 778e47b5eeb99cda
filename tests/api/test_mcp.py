"""The MCP server through the SDK's own client: over stdio (a real ``sop mcp`` process) and over streamable
HTTP (the real ``sop serve`` app on a loopback port, at ``/mcp``)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import anyio
import httpx2
import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.store import approvals as store_approvals
from sop_engine.store import forecasts
from tools import TOOLS

ROOT = Path(__file__).resolve().parents[2]
KEYS = "view-key:viewer:vera,plan-key:planner:ana"


def _stdio(home: Path, role: str) -> StdioServerParameters:
    env = {"SOP_HOME": str(home), "SOP_PLANNING_DATE": os.environ["SOP_PLANNING_DATE"], "PYTHONPATH": str(ROOT),
           "SOP_MCP_ROLE": role, "SOP_MCP_PRINCIPAL": "mcp:agent-1", "ANONYMIZED_TELEMETRY": "False",
           "HF_HUB_OFFLINE": "1"}
    return StdioServerParameters(command=sys.executable, args=["-m", "assistant.cli.main", "mcp"], env=env,
                                 cwd=str(ROOT))


def _engine_document(name: str, args: dict) -> dict:
    """The same call made in process, through the assistant's tools (as the chat and the CLI make it)."""
    from assistant.conversation import Assistant
    from tools.lc import for_model

    assistant = Assistant(Runtime())
    result = assistant.call_tool(name, args, assistant.context("cli:test", "viewer"))
    return json.loads(json.dumps(for_model(result), default=str, ensure_ascii=False))


def _state(store) -> tuple:
    return ([(v["id"], v["status"], v["published_skus"]) for v in forecasts.list_versions(store)],
            forecasts.published_values(store).to_dict("records"))


def test_stdio_lists_tools_answers_shortages_and_a_publish_waits_for_approval(demo):
    store = Runtime().store
    before = _state(store)

    async def session_calls():
        with open(os.devnull, "w") as quiet:
            async with stdio_client(_stdio(demo, "planner"), errlog=quiet) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    listed = await session.list_tools()
                    shortages = await session.call_tool("check_shortages", {"period": "next month"})
                    publish = await session.call_tool("publish_forecast", {"version": "latest"})
                    bad = await session.call_tool("check_shortages", {"months": 3})
                    return listed, shortages, publish, bad

    listed, shortages, publish, bad = anyio.run(session_calls)
    names = [t.name for t in listed.tools]
    assert names == [name for name in TOOLS if name in names] and {"check_shortages", "publish_forecast"} <= set(names)
    schema = next(t for t in listed.tools if t.name == "check_shortages").input_schema
    assert set(schema["properties"]) == {"product", "period", "scenario"}  # the pydantic argument model

    doc = json.loads(shortages.content[0].text)
    assert not shortages.is_error and "2026-12" in doc["months"] and doc["skus"]
    assert doc == _engine_document("check_shortages", {"period": "next month"})  # the tool's own document

    pending = json.loads(publish.content[0].text)["pending_approval"]
    assert not publish.is_error and pending["status"] == "pending" and pending["requested_by"] == "mcp:agent-1"
    assert store_approvals.get_approval(store, pending["id"])["status"] == "pending"
    assert _state(store) == before  # nothing was published

    assert bad.is_error and json.loads(bad.content[0].text)["error"]["code"] == "invalid_argument"


def test_stdio_default_role_is_viewer_and_a_write_is_refused(demo):
    async def publish():
        with open(os.devnull, "w") as quiet:
            params = _stdio(demo, "viewer")
            params.env.pop("SOP_MCP_ROLE")
            async with stdio_client(params, errlog=quiet) as (read, write):
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    return await session.call_tool("publish_forecast", {})

    result = anyio.run(publish)
    assert result.is_error and json.loads(result.content[0].text)["error"]["code"] == "permission_denied"
    assert store_approvals.list_approvals(Runtime().store) == []


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


async def _http_call(url: str, key: str | None, name: str, args: dict):
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with httpx2.AsyncClient(headers=headers, timeout=60) as client:
        async with streamable_http_client(url + "/mcp", http_client=client) as (read, write):
            async with ClientSession(read, write) as session:
                await session.initialize()
                tools = await session.list_tools()
                return tools, await session.call_tool(name, args)


def test_http_viewer_key_reads_but_a_write_is_refused(api):
    store = Runtime().store
    before = _state(store)
    tools, shortages = anyio.run(_http_call, api.url, "view-key", "check_shortages", {"period": "next month"})
    assert "publish_forecast" in [t.name for t in tools.tools]
    assert not shortages.is_error
    assert json.loads(shortages.content[0].text) == _engine_document("check_shortages", {"period": "next month"})

    _, refused = anyio.run(_http_call, api.url, "view-key", "publish_forecast", {"version": "latest"})
    assert refused.is_error and json.loads(refused.content[0].text)["error"]["code"] == "permission_denied"
    assert store_approvals.list_approvals(store) == [] and _state(store) == before

    _, pending = anyio.run(_http_call, api.url, "plan-key", "publish_forecast", {"version": "latest"})
    assert json.loads(pending.content[0].text)["pending_approval"]["requested_by"] == "api:ana"
    assert _state(store) == before


def test_http_without_a_key_is_401(api):
    with api.client() as client:
        answer = client.post("/mcp", json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                             headers={"Accept": "application/json, text/event-stream"})
    assert answer.status_code == 401 and answer.headers["content-type"].startswith("application/problem+json")
