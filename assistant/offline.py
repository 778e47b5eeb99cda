"""The offline router as an engine: parse the message into the tool call an LLM would make, run it,
and write the answer from the templates. No model, no network; the same tools and the same gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from assistant import answers
from assistant.router import RoutedCall, route
from sop_engine.errors import SopError
from tools.context import ToolContext

CallTool = Callable[[str, dict], dict]


def offline_answer(text: str, ctx: ToolContext, previous_json: str | None, call_tool: CallTool
                   ) -> tuple[str, str | None]:
    """Answer ``text``; returns the answer and the call to remember for follow-ups (JSON)."""
    previous = _load(previous_json)
    try:
        products = ctx.store.read_table("products")
        routed = route(text, products, ctx.planning_date, previous)
    except SopError as error:
        return answers.render_error(error.to_dict()), previous_json
    if routed.clarification:
        return answers.say("clarify", question=routed.clarification), previous_json
    if routed.tool == "help":
        return answers.say("help"), previous_json
    if routed.tool is None:
        return answers.say("not_understood", hint="Try \"help\" to see what I can answer."), previous_json
    result = call_tool(routed.tool, routed.args)
    return answers.render(routed.tool, routed.args, result), json.dumps(asdict(routed), default=str)


def _load(value: str | None) -> RoutedCall | None:
    if not value:
        return None
    try:
        return RoutedCall(**json.loads(value))
    except (TypeError, ValueError):
        return None
