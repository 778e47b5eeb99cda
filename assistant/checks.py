"""Whether a model's answer may be shown: the checks that keep the LLM engine never worse than offline.

A model's answer is used only when (in this order; the first that fails is the turn's ``fallback_reason``):
- ``no_tool_call`` / ``invalid_tool_call``: it made at least one valid tool call (a known tool, arguments
  that validate, JSON that parses). A call written as text that ``assistant.tool_text`` reads is made as a
  call; other markup naming a tool is an invalid tool call; a reply with no call at all is no tool call.
- ``disagrees_with_router``: where the offline router made a call (``RoutedCall.confident`` or not), one
  of the model's calls is the router's: the same tool, the same scope (the product, family or resource the result
  is about; for decisions and action items: their kind, owner and openness) and the same months (when
  the question named months). So wherever the router read a call, sure of it or not, the model's answer is
  shown only if it answers that call (a model that reads more is not trusted over the router's reading: it
  may be the one that is wrong; nor one that would ask back about a name the router read); where the router
  did not understand, the model may answer. Where the
  router asks back (a name fitting several products, an unknown name, a missing period), its question
  stands against a model's answer from data: that answer picked one reading of several.
- ``inconsistent``: the answer is not empty, not markup (tool-call JSON, code fences), is in the language of
  the question, states no write as done while its approval is pending, and says "no data" only when the
  tools returned none.
- ``gate_failed``: every figure is a true claim of the tool results (``assistant.grounding``).
Besides: ``deadline`` (the turn's deadline passed) and ``model_error`` (the server failed, or the reply ran
past ``max_tokens``).
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache
from pathlib import Path

from assistant.grounding import reading
from sop_engine.language import word_counts
from sop_engine.text import fold_words
from tools.schemas import JOB_TOOLS, TOOL_ARGS, WRITE_TOOLS

REASONS = ("no_tool_call", "invalid_tool_call", "gate_failed", "inconsistent", "disagrees_with_router",
           "deadline", "model_error")
INVALID_CODES = {"invalid_argument", "unknown_tool", "internal"}
DATA_LISTS = ("skus", "rows", "orders", "hits", "items", "products", "resources", "families", "decisions",
              "totals")
_MARKUP = re.compile(r"^\s*(```|\{|\[\s*\{|<tool_call>|<\|[a-z_]+\|>|<function)|\"arguments\"\s*:|</?tool_call>",
                     re.I)


@cache
def _phrases() -> dict:
    return tomllib.loads((Path(__file__).parent / "grounding" / "consistency.toml").read_text(encoding="utf-8"))


def valid_call(call: dict) -> bool:
    error = (call.get("result") or {}).get("error") or {}
    return call.get("name") in TOOL_ARGS and error.get("code") not in INVALID_CODES


def is_markup(text: str) -> bool:
    return bool(_MARKUP.search(text or ""))


def names_a_tool(text: str) -> bool:
    return any(re.search(rf"\b{name}\b", text or "") for name in TOOL_ARGS)


def tool_call_reason(calls: list[dict], text: str, malformed: int) -> str | None:
    """``no_tool_call``, ``invalid_tool_call`` or None (at least one valid call)."""
    if any(valid_call(c) for c in calls):
        return None
    if calls or malformed or (is_markup(text) and names_a_tool(text)):
        return "invalid_tool_call"
    return "no_tool_call"


def signature(call: dict) -> tuple:
    """What a call asked: its tool, the scope its result is about, and the months it covers."""
    name, result = call["name"], call.get("result") or {}
    if name in WRITE_TOOLS | JOB_TOOLS or "error" in result:
        return name, None, None
    scope = result.get("scope")
    if isinstance(scope, dict):
        scope = (scope.get("kind"), fold_words(str(scope.get("code") or "")))
    elif name == "reconcile_plan":
        scope = tuple(sorted(str(f.get("family")) for f in result.get("families") or [] if isinstance(f, dict)))
    elif name == "list_decisions":
        args = call.get("args") or {}
        scope = (args.get("kind"), bool(args.get("open_only")), fold_words(str(args.get("owner") or "")))
    elif name == "chart":
        scope = result.get("sku")
    elif not isinstance(scope, str):
        scope = None
    if name == "check_shortages":
        scope = (scope, "base" in result and "scenario" in result)
    elif name == "get_kpi":
        scope = (scope, result.get("name"))
    period = result.get("period")
    months = result.get("asked_months") or result.get("months")
    if isinstance(period, dict) and period.get("from"):
        months = [period.get("from"), period.get("to")]
    if "base" in result and "scenario" in result:
        months = (result.get("base") or {}).get("asked_months")
    return name, scope, tuple(months) if isinstance(months, list) else None


def overrules(routed, router_result: dict | None, calls: list[dict]) -> bool:
    """Whether the router's reading of the question (``assistant.router.RoutedCall``) overrules the model's
    ``calls`` (see ``disagrees_with_router`` above)."""
    if routed.clarification:  # a model that asks back too (its calls found no data) may be shown
        return any(has_data(call.get("result") or {}) for call in calls)
    if routed.tool not in TOOL_ARGS:  # not understood, or a greeting: the model may do better
        return False
    if any(((call.get("result") or {}).get("error") or {}).get("ask_user") for call in calls):
        return True  # the model would ask back about a name the router read
    router_call = {"name": routed.tool, "args": routed.args, "result": router_result or {}}
    return not agrees(router_call, calls, routed.months is not None)


def agrees(router_call: dict, calls: list[dict], compare_months: bool) -> bool:
    """Whether one of ``calls`` is the router's call (same tool, scope and, if asked, months)."""
    want = signature(router_call)
    for call in calls:
        got = signature(call)
        if got[0] != want[0]:
            continue
        if want[1] is not None and got[1] != want[1]:
            continue
        if compare_months and want[2] is not None and got[2] != want[2]:
            continue
        return True
    return False


def has_data(result: dict) -> bool:
    if not isinstance(result, dict) or "error" in result:
        return False
    if "base" in result and "scenario" in result:
        return True
    if result.get("value") is not None or result.get("pending_approval") or result.get("job_id"):
        return True
    return any(isinstance(result.get(k), list) and result[k] for k in DATA_LISTS)


def _has(words: str, phrases: list[str]) -> str | None:
    padded = f" {words} "
    for phrase in phrases:
        folded = fold_words(phrase)
        if folded and f" {folded} " in padded:
            return folded
    return None


def inconsistency(answer: str, calls: list[dict], language: str) -> str | None:
    """Why ``answer`` is not consistent with the turn's results, or None."""
    text = (answer or "").strip()
    if not text:
        return "empty answer"
    if is_markup(text):
        return "markup instead of an answer"
    counts = word_counts(text)
    other = "en" if language == "vi" else "vi"
    if counts[other] >= 3 and counts[other] > 2 * counts[language]:
        return f"written in {other}, asked in {language}"
    table = _phrases().get(language) or _phrases()["en"]
    both = {k: table.get(k, []) + (_phrases()["en"].get(k, []) if language != "en" else []) for k in table}
    pending = any("pending_approval" in (c.get("result") or {}) for c in calls)
    data = any(has_data(c.get("result") or {}) for c in calls)
    for sentence in reading.sentences(text):
        words = fold_words(sentence)
        done = _has(words, both["done"])
        if pending and done and not _has(f" {words} ".replace(f" {done} ", " "), both["pending"]):
            return f"states a pending write as done: {sentence.strip()!r}"
        if data and _has(words, both["no_data"]):
            return f"says no data while the tools returned data: {sentence.strip()!r}"
    return None


def routed_document(tool: str, args: dict, result: dict) -> dict:
    return {"name": tool, "args": args, "result": result}


def summary(value: object, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit] + "…"
