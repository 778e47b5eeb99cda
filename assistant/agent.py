"""The LLM agent: LangChain's ``create_agent`` over ``ChatOpenAI`` (any OpenAI-compatible server), the
project's tools, and middleware for limits, tool errors, the approval gate and the turn's deadline.

The agent is assembled per turn around the turn's tool runner and a shared SQLite checkpointer, so each
Slack thread / chat session keeps its conversation. What small local servers need is sent: ``tool_choice``
on every call (``required`` on the turn's first call when the router is sure a tool is needed, else
``auto``), ``max_tokens``, and ``""`` rather than ``null`` as the content of an assistant message that
calls tools (``llama_cpp.server`` answers HTTP 500 to a null). No request is retried, and each one may
only take the time left before the turn's deadline: one that overruns is cancelled.
"""

from __future__ import annotations

import json
import time
from typing import Any

from langchain.agents import create_agent
from langchain.agents.middleware import (
    AgentMiddleware,
    HumanInTheLoopMiddleware,
    ModelCallLimitMiddleware,
    ToolCallLimitMiddleware,
    ToolErrorMiddleware,
)
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, HumanMessage
from langchain_core.utils.function_calling import convert_to_openai_tool
from langchain_openai import ChatOpenAI

import prompts
from assistant.settings import Settings
from assistant.tool_text import calls_in_text
from sop_engine.periods import format_period
from tools.context import ToolContext
from tools.lc import CallTool, langchain_tools
from tools.schemas import WRITE_TOOLS


class DeadlineExceeded(TimeoutError):
    """The turn's deadline passed while the model was still working."""


class CompatChatOpenAI(ChatOpenAI):
    """``ChatOpenAI`` as OpenAI-compatible local servers need it: no null content, ``max_tokens`` (servers
    other than OpenAI's read that, not ``max_completion_tokens``), and a stream closed at the deadline."""

    def _get_request_payload(self, input_: Any, *, stop: list[str] | None = None, **kwargs: Any) -> dict:
        kwargs.pop("deadline", None)
        payload = super()._get_request_payload(input_, stop=stop, **kwargs)
        for message in payload.get("messages", []):
            if message.get("role") == "assistant" and message.get("content") is None:
                message["content"] = ""
        if self.openai_api_base and "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload

    def _stream(self, *args: Any, **kwargs: Any):
        deadline = kwargs.get("deadline")
        chunks = super()._stream(*args, **kwargs)
        try:
            for chunk in chunks:
                if deadline is not None and time.monotonic() > deadline:
                    raise DeadlineExceeded("the turn's deadline passed while the model was answering")
                yield chunk
        finally:
            chunks.close()  # closes the HTTP response: the server stops generating


def chat_model(settings: Settings) -> BaseChatModel:
    return CompatChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or "EMPTY",
        timeout=settings.llm_timeout,
        max_retries=0,  # a retry would run behind the user's back, past the turn's deadline
        max_tokens=settings.llm_max_tokens,
        temperature=0,
        stream_usage=True,
    )


class TurnLimits(AgentMiddleware):
    """Per model call: the time left before the turn's deadline (as the request's timeout), the
    ``tool_choice``, and on the turn's first call (which should call a tool) a ``max_tokens`` of
    ``SOP_LLM_CALL_TOKENS``; no call starts once the deadline has passed."""

    def __init__(self, deadline: float, tool_required: bool, call_tokens: int, call_schema: bool = False) -> None:
        super().__init__()
        self.deadline = deadline
        self.tool_required = tool_required
        self.call_tokens = call_tokens
        self.call_schema = call_schema

    def wrap_model_call(self, request, handler):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise DeadlineExceeded("the turn's deadline passed before the model was called")
        first = _first_call_of_turn(request.messages)
        choice = "required" if first and self.tool_required else "auto"
        settings = {**request.model_settings, "timeout": left, "deadline": self.deadline}
        if first:  # this reply should be a tool call (a few dozen tokens), not prose that eats the deadline
            settings["max_tokens"] = self.call_tokens
        if choice == "required" and self.call_schema:  # the server's grammar then writes a call (as JSON)
            extra = settings.get("extra_body") or {}
            settings["extra_body"] = {**extra, "response_format": call_format(request.tools)}
        return handler(request.override(tool_choice=choice, model_settings=settings))


def call_format(tools: list) -> dict:
    """A ``response_format`` whose JSON schema is "one call of one of ``tools``": ``{"name": ..., "arguments":
    {...}}``, the arguments as the tool's own schema. ``TextToolCalls`` makes the call the reply writes.
    Sent in the request's body as it is (``extra_body``): LangChain's own ``response_format`` would parse the
    reply as structured output and wants strict tools."""
    calls = []
    for tool in tools:
        function = convert_to_openai_tool(tool)["function"]
        calls.append({"type": "object", "properties": {"name": {"const": function["name"]},
                                                        "arguments": function.get("parameters") or {"type": "object"}},
                      "required": ["name", "arguments"]})
    return {"type": "json_schema", "json_schema": {"name": "tool_call", "schema": {"anyOf": calls}}}


class TextToolCalls(AgentMiddleware):
    """A reply that wrote its tool call as text (``assistant.tool_text``) instead of making it becomes that
    call, as a server that parsed the format would have returned it."""

    def __init__(self, names: set[str]) -> None:
        super().__init__()
        self.names = names

    def wrap_model_call(self, request, handler):
        response = handler(request)
        messages = response if isinstance(response, list) else getattr(response, "result", None)
        for index, message in enumerate(messages or []):
            if isinstance(message, AIMessage) and not message.tool_calls:
                calls = calls_in_text(message_text(message), self.names)
                if calls:
                    messages[index] = message.model_copy(update={"content": "", "tool_calls": calls,
                                                                 "invalid_tool_calls": []})
        return response


def message_text(message: AIMessage) -> str:
    """A reply's text (its content's text blocks joined), stripped."""
    content = message.content
    if isinstance(content, list):
        content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content or "").strip()


def _first_call_of_turn(messages: list) -> bool:
    for message in reversed(messages):
        if isinstance(message, HumanMessage):
            return True
        if isinstance(message, AIMessage):
            return False
    return True


LANGUAGES = {"en": "English", "vi": "Vietnamese (tiếng Việt)"}


def system_prompt(ctx: ToolContext, language: str = "en") -> str:
    company = ctx.store.company()
    return prompts.load("system.md").format(
        company=company.name, planning_date=ctx.planning_date.isoformat(),
        current_period=format_period(ctx.planning_date), currency=company.currency, role=ctx.role,
        style=prompts.load("answer_style.md"), language=LANGUAGES.get(language, LANGUAGES["en"]),
    )


def _tool_error(exc: Exception) -> str:
    return json.dumps({"error": {"code": "internal", "message": f"the tool failed ({type(exc).__name__})"}})


def build_agent(model: BaseChatModel, ctx: ToolContext, settings: Settings, checkpointer: Any,
                call_tool: CallTool, deadline: float, tool_required: bool = False, language: str = "en"):
    tools = langchain_tools(call_tool, settings.model_result_tokens)
    return create_agent(
        model,
        tools,
        system_prompt=system_prompt(ctx, language),
        middleware=[
            TurnLimits(deadline, tool_required, min(settings.llm_call_tokens, settings.llm_max_tokens),
                       settings.llm_call_schema),
            TextToolCalls({tool.name for tool in tools}),
            ModelCallLimitMiddleware(run_limit=settings.max_model_calls, exit_behavior="end"),
            ToolCallLimitMiddleware(run_limit=settings.max_tool_calls),
            ToolErrorMiddleware(on_error=_tool_error),
            HumanInTheLoopMiddleware(interrupt_on={name: True for name in WRITE_TOOLS},
                                     description_prefix="Needs a planner's approval"),
        ],
        checkpointer=checkpointer,
    )
