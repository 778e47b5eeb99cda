"""The offline router as an engine: parse the message into the tool call an LLM would make, run it,
and write the answer from the templates. No model, no network; the same tools and the same gate."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass

from assistant import answers
from assistant.router import RoutedCall, route
from assistant.router.reading import question_language
from assistant.router.vocab import load_vocabulary
from sop_engine.errors import SopError
from sop_engine.resolver import company_resolver
from tools.context import ToolContext

CallTool = Callable[[str, dict], dict]


@dataclass
class OfflinePlan:
    """The router's reading of a message: either an answer already (a question back, help, not understood, an
    error) or a tool call still to run (``tool``/``args``); ``run`` runs it and writes the answer."""

    routed: RoutedCall | None
    language: str
    answer: str | None = None
    remembered: str | None = None  # the call to remember for follow-ups (JSON)
    result: dict | None = None

    @property
    def tool(self) -> str | None:
        """The tool call still to run, if any."""
        if self.answer is None and self.routed is not None and self.routed.tool:
            return self.routed.tool
        return None

    def run(self, call_tool: CallTool) -> str:
        routed = self.routed
        assert routed is not None and routed.tool
        self.result = call_tool(routed.tool, routed.args)
        self.answer = answers.render(routed.tool, routed.args, self.result, self.language)
        return self.answer


def plan_offline(text: str, ctx: ToolContext, previous_json: str | None) -> OfflinePlan:
    """Read ``text`` with the router (no tool runs yet)."""
    previous = _load(previous_json)
    try:
        resolver = company_resolver(ctx.store, load_vocabulary().reserved)
        routed = route(text, ctx.store.read_table("products"), ctx.planning_date, previous, resolver=resolver)
    except SopError as error:
        language = question_language(text)
        return OfflinePlan(None, language, answers.render_error(error.to_dict(), language), previous_json)
    lang = routed.language
    if routed.clarification:
        remembered = json.dumps(asdict(routed), default=str) if routed.pending else previous_json
        return OfflinePlan(routed, lang, answers.say("clarify", lang, question=_with_options(routed)), remembered)
    if routed.tool == "help":
        return OfflinePlan(routed, lang, answers.say("help", lang), previous_json)
    if routed.tool is None:
        return OfflinePlan(routed, lang, answers.say("not_understood", lang), previous_json)
    return OfflinePlan(routed, lang, None, json.dumps(asdict(routed), default=str))


def offline_answer(text: str, ctx: ToolContext, previous_json: str | None, call_tool: CallTool
                   ) -> tuple[str, str | None, RoutedCall | None]:
    """Answer ``text``; returns the answer, the call to remember for follow-ups (JSON) and the routed call."""
    plan = plan_offline(text, ctx, previous_json)
    if plan.tool:
        plan.run(call_tool)
    return plan.answer or "", plan.remembered, plan.routed


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
