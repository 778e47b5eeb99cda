"""The MCP server: one MCP tool per assistant tool, run through the same gate as a chat turn."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import anyio
import mcp_types as types
from mcp.server.lowlevel import Server

from assistant.conversation import Assistant
from tools.base import DESCRIPTIONS, _load_implementations
from tools.lc import for_model
from tools.schemas import TOOL_ARGS, WRITE_TOOLS


@dataclass(frozen=True)
class McpCaller:
    principal: str
    role: str


# who is calling, from the MCP request context (stdio: fixed at start; HTTP: from the request's API key)
CallerOf = Callable[[object], McpCaller]


def tool_list() -> list[types.Tool]:
    """The tools as MCP sees them: name, description and the JSON schema of their pydantic argument model."""
    _load_implementations()
    listed = []
    for name, model in TOOL_ARGS.items():
        if name not in DESCRIPTIONS:
            continue
        annotations = types.ToolAnnotations(read_only_hint=name not in WRITE_TOOLS and name != "reforecast",
                                            destructive_hint=False)
        listed.append(types.Tool(name=name, description=DESCRIPTIONS[name], input_schema=model.model_json_schema(),
                                 annotations=annotations))
    return listed


def call(assistant: Assistant, caller: McpCaller, name: str, arguments: dict | None) -> dict:
    """Run one tool for ``caller``: writes become pending approvals (or a refusal for a viewer)."""
    ctx = assistant.context(caller.principal, caller.role)
    return assistant.call_tool(name, dict(arguments or {}), ctx)


def build_server(assistant: Assistant, caller_of: CallerOf) -> Server:
    async def list_tools(ctx, params) -> types.ListToolsResult:
        return types.ListToolsResult(tools=tool_list())

    async def call_tool(ctx, params: types.CallToolRequestParams) -> types.CallToolResult:
        caller = caller_of(ctx)
        result = await anyio.to_thread.run_sync(call, assistant, caller, params.name, params.arguments)
        shown = for_model(result)
        text = json.dumps(shown, default=str, ensure_ascii=False)
        return types.CallToolResult(content=[types.TextContent(type="text", text=text)],
                                    structured_content=json.loads(text), is_error="error" in result)

    return Server("sop-assistant", version="0.1.0",
                  instructions="S&OP planning tools: shortages, forecasts, reconciliation, KPIs, sales, orders, "
                               "capacity, meeting notes. Writes (publish_forecast) return a pending approval "
                               "that a planner approves; nothing is published by the call.",
                  on_list_tools=list_tools, on_call_tool=call_tool)
