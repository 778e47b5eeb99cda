"""A turn with the LLM agent: run the graph (the model's text streamed when someone listens, so it can be
released as it comes), send write requests through the approval gate, and say what happened: the final
text, how the reply ended, the malformed tool calls and the tokens used."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage
from langgraph.types import Command

from assistant.agent import DeadlineExceeded, build_agent, chat_model, message_text
from assistant.settings import Settings
from tools.context import ToolContext
from tools.lc import CallTool

log = logging.getLogger(__name__)
OnText = Callable[[str, str], None]  # (reply id, text piece) as the model writes it


@dataclass
class LlmOutcome:
    text: str = ""
    error: str | None = None  # "deadline" or "model_error" when the run did not finish
    detail: str = ""
    finish_reason: str | None = None
    malformed_calls: int = 0  # tool calls whose arguments were not JSON (or were cut by max_tokens)
    usage: dict = field(default_factory=lambda: {"model_calls": 0, "input_tokens": 0, "output_tokens": 0})
    agent: Any = field(default=None, repr=False)
    config: dict = field(default_factory=dict, repr=False)


def run_llm(text: str, ctx: ToolContext, settings: Settings, checkpointer: Any, thread_id: str,
            call_tool: CallTool, deadline: float, tool_required: bool, model: Any = None,
            on_text: OnText | None = None, language: str = "en") -> LlmOutcome:
    agent = build_agent(model or chat_model(settings), ctx, settings, checkpointer, call_tool, deadline,
                        tool_required, language)
    config = {"configurable": {"thread_id": thread_id}, "recursion_limit": 4 * settings.max_model_calls + 10}
    outcome = LlmOutcome(agent=agent, config=config)
    step: Any = {"messages": [HumanMessage(text)]}
    try:
        while True:
            interrupts: list = []
            # text is streamed only to a listener: a server without streamed tool calls still answers the rest
            modes = ["messages", "updates"] if on_text else ["updates"]
            for mode, data in agent.stream(step, config, stream_mode=modes):
                if mode == "messages":
                    chunk, meta = data
                    if on_text and isinstance(chunk, AIMessageChunk) and isinstance(chunk.content, str) \
                            and chunk.content and meta.get("langgraph_node") == "model":
                        on_text(f"{meta.get('langgraph_step')}:{chunk.id}", chunk.content)  # one per reply
                elif isinstance(data, dict) and data.get("__interrupt__"):
                    interrupts.extend(data["__interrupt__"])
            if not interrupts:
                break
            decisions = []
            for interrupt in interrupts:
                for request in interrupt.value["action_requests"]:
                    result = call_tool(request["name"], dict(request["args"]))
                    decisions.append({"type": "respond", "message": json.dumps(result, default=str)})
            step = Command(resume={"decisions": decisions})
    except Exception as error:  # timeouts, connection errors, HTTP errors of a broken or overloaded server
        timed_out = isinstance(error, DeadlineExceeded | TimeoutError) or "timeout" in type(error).__name__.lower()
        outcome.error = "deadline" if timed_out or time.monotonic() >= deadline else "model_error"
        outcome.detail = type(error).__name__
        log.warning("LLM turn ended early (%s): %s", outcome.error, error)
    _read_messages(agent, config, outcome)
    return outcome


def _read_messages(agent: Any, config: dict, outcome: LlmOutcome) -> None:
    try:
        messages = agent.get_state(config).values.get("messages", [])
    except Exception:  # the checkpoint could not be read back: the outcome keeps what it has
        log.exception("could not read the turn's messages")
        return
    start = max((i for i, m in enumerate(messages) if isinstance(m, HumanMessage)), default=-1) + 1
    replies = [m for m in messages[start:] if isinstance(m, AIMessage)]
    for reply in replies:
        usage = reply.usage_metadata or {}
        outcome.usage["model_calls"] += 1
        outcome.usage["input_tokens"] += int(usage.get("input_tokens") or 0)
        outcome.usage["output_tokens"] += int(usage.get("output_tokens") or 0)
        outcome.malformed_calls += len(reply.invalid_tool_calls or [])
    if replies:
        last = replies[-1]
        outcome.finish_reason = (last.response_metadata or {}).get("finish_reason")
        if not last.tool_calls:
            outcome.text = message_text(last)


def remember_answer(outcome: LlmOutcome, answer: str) -> None:
    """Put the answer the user was shown (when it was not the model's) into the model's memory of the thread,
    so a follow-up builds on what the user read."""
    if outcome.agent is None:
        return
    try:
        outcome.agent.update_state(outcome.config, {"messages": [AIMessage(content=answer)]})
    except Exception:  # memory is a courtesy: the turn's answer stands
        log.exception("could not record the shown answer in the model's memory")
