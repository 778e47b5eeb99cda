"""A turn with the LLM agent: run the graph, send write requests through the approval gate, and return
the final text."""

from __future__ import annotations

import json
from typing import Any

from langchain_core.messages import AIMessage, HumanMessage
from langgraph.types import Command

from assistant.agent import build_agent, chat_model
from assistant.approvals import request_write
from assistant.settings import Settings
from tools.context import ToolContext


def llm_answer(text: str, ctx: ToolContext, settings: Settings, checkpointer: Any, turn: Any,
               model: Any = None) -> str:
    agent = build_agent(model or chat_model(settings), ctx, settings, checkpointer, on_result=turn.record)
    config = {"configurable": {"thread_id": turn.thread_id}, "recursion_limit": 4 * settings.max_model_calls + 10}
    result = agent.invoke({"messages": [HumanMessage(text)]}, config)
    while result.get("__interrupt__"):
        decisions = []
        for interrupt in result["__interrupt__"]:
            for request in interrupt.value["action_requests"]:
                outcome = request_write(request["name"], dict(request["args"]), ctx)
                turn.record(request["name"], dict(request["args"]), outcome)
                decisions.append({"type": "respond", "message": json.dumps(outcome, default=str)})
        result = agent.invoke(Command(resume={"decisions": decisions}), config)
    return final_text(result["messages"])


def final_text(messages: list) -> str:
    for message in reversed(messages):
        if isinstance(message, AIMessage) and not message.tool_calls:
            content = message.content
            if isinstance(content, list):
                content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
            return str(content).strip()
    return ""
