"""The LLM agent: LangChain's ``create_agent`` over ``ChatOpenAI`` (any OpenAI-compatible server), the
project's tools, and middleware for limits, tool errors and the approval gate.

The agent is assembled per turn around a ``ToolContext`` (who asks, with which role) and a shared
SQLite checkpointer, so each Slack thread / chat session keeps its conversation.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from langchain.agents import create_agent
from langchain.agents.middleware import (
    HumanInTheLoopMiddleware,
    ModelCallLimitMiddleware,
    ToolCallLimitMiddleware,
    ToolErrorMiddleware,
)
from langchain_core.language_models import BaseChatModel

import prompts
from assistant.settings import Settings
from sop_engine.periods import format_period
from tools.context import ToolContext
from tools.lc import langchain_tools
from tools.schemas import WRITE_TOOLS


def chat_model(settings: Settings) -> BaseChatModel:
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(
        model=settings.model,
        base_url=settings.openai_base_url,
        api_key=settings.openai_api_key or "EMPTY",
        timeout=settings.llm_timeout,
        max_retries=1,
        temperature=0,
    )


def system_prompt(ctx: ToolContext) -> str:
    company = ctx.store.company()
    return prompts.load("system.md").format(
        company=company.name, planning_date=ctx.planning_date.isoformat(),
        current_period=format_period(ctx.planning_date), currency=company.currency, role=ctx.role,
        style=prompts.load("answer_style.md"),
    )


def _tool_error(exc: Exception) -> str:
    return json.dumps({"error": {"code": "internal", "message": f"the tool failed ({type(exc).__name__})"}})


def build_agent(model: BaseChatModel, ctx: ToolContext, settings: Settings, checkpointer: Any,
                on_result: Callable[[str, dict, dict], None]):
    return create_agent(
        model,
        langchain_tools(ctx, on_result),
        system_prompt=system_prompt(ctx),
        middleware=[
            ModelCallLimitMiddleware(run_limit=settings.max_model_calls, exit_behavior="end"),
            ToolCallLimitMiddleware(run_limit=settings.max_tool_calls),
            ToolErrorMiddleware(on_error=_tool_error),
            HumanInTheLoopMiddleware(interrupt_on={name: True for name in WRITE_TOOLS},
                                     description_prefix="Needs a planner's approval"),
        ],
        checkpointer=checkpointer,
    )
