"""The offline router as an engine: parse the message into the tool call an LLM would make, run it,
and write the answer from the templates. No model, no network; the same tools and the same gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from assistant import answers
from assistant.router import RoutedCall, route
from assistant.router.parse import question_language
from assistant.router.vocab import load_vocabulary
from sop_engine.errors import SopError
from sop_engine.resolver import company_resolver
from tools.context import ToolContext

CallTool = Callable[[str, dict], dict]
def offline_answer(text: str, ctx: ToolContext, previous_json: str | None, call_tool: CallTool
                   ) -> tuple[str, str | None, RoutedCall | None]:
    """Answer ``text``; returns the answer, the call to remember for follow-ups (JSON) and the routed call."""
    previous = _load(previous_json)
    try:
        resolver = company_resolver(ctx.store, load_vocabulary().reserved)
        routed = route(text, ctx.store.read_table("products"), ctx.planning_date, previous, resolver=resolver)
    except SopError as error:
        return answers.render_error(error.to_dict(), question_language(text)), previous_json, None
    lang = routed.language
    if routed.clarification:
        remembered = json.dumps(asdict(routed), default=str) if routed.pending else previous_json
        return answers.say("clarify", lang, question=_with_options(routed)), remembered, routed
    if routed.tool == "help":
        return answers.say("help", lang), previous_json, routed
    if routed.tool is None:
        return answers.say("not_understood", lang), previous_json, routed
    result = call_tool(routed.tool, routed.args)
    return answers.render(routed.tool, routed.args, result, lang), json.dumps(asdict(routed), default=str), routed


def _with_options(routed: RoutedCall) -> str:
    """The question back with its options listed, for text-only clients (Slack shows them as buttons)."""
    if not routed.options:
        return routed.clarification or ""
    listed = "\n".join(f"- {o['label']}" + (f" → `{o['value']}`" if o["value"] not in o["label"] else "")
                       for o in routed.options)
    return f"{routed.clarification}\n{listed}"


def _load(value: str | None) -> RoutedCall | None:
    if not value:
        return None
    try:
        return RoutedCall(**json.loads(value))
    except (TypeError, ValueError):
        return None
