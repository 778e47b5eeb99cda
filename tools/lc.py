"""The tools as LangChain ``StructuredTool``s for one turn.

The schema a model sees is derived from the pydantic argument model of ``tools.schemas``, compacted for
the model (no titles, no ``null`` alternatives or null defaults, no bounds, descriptions only where a
field's name does not say it: the arguments are still validated against the full model when the tool
runs). The result it reads is the compact view of the
tool's document (``tools.views.model_view``), within the turn's token budget.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

from langchain_core.tools import StructuredTool

from tools.base import DESCRIPTIONS, _load_implementations
from tools.schemas import TOOL_ARGS
from tools.views import dumps, estimate_tokens, model_view

CallTool = Callable[[str, dict], dict]  # runs a tool for the turn (and records it); returns its full document

MAX_SKUS = 25  # kept for its users: a view's rows are bounded by the token budget now


def langchain_tools(call_tool: CallTool, budget: int = 1500) -> list[StructuredTool]:
    """One LangChain tool per capability, in the order of ``tools.schemas.TOOL_ARGS``."""
    _load_implementations()
    return [_make_tool(name, call_tool, budget) for name in TOOL_ARGS if name in DESCRIPTIONS]


def _make_tool(name: str, call_tool: CallTool, budget: int) -> StructuredTool:
    def call(**kwargs: Any) -> str:
        args = {k: v for k, v in kwargs.items() if v is not None}
        return dumps(for_model(call_tool(name, args), budget))

    return StructuredTool.from_function(func=call, name=name, description=DESCRIPTIONS[name],
                                        args_schema=model_schema(name))


def for_model(result: dict, budget: int = 1500) -> dict:
    """What the model reads of ``result`` (see ``tools.views``)."""
    return model_view(result, budget)


# Arguments a model is not offered: a re-forecast of a what-if is a planner's CLI or HTTP action (a model
# answers a what-if with check_shortages' scenario), and its schema would double the prompt's what-if part.
MODEL_HIDDEN = {"reforecast": {"scenario"}}
# Fields of nested models a model is not offered either: what-ifs on a line's hours and a driver's absolute
# value stay the router's and the CLI's (a model gives a driver's change in percent), so the prompt keeps
# under its 2,000-token budget.
MODEL_HIDDEN_FIELDS = {"capacity_changes", "value"}


@cache
def model_schema(name: str) -> dict:
    """The JSON schema of tool ``name``'s arguments as a model is sent it (compacted, see the module doc)."""
    schema = TOOL_ARGS[name].model_json_schema()
    for field in MODEL_HIDDEN.get(name, ()):
        schema.get("properties", {}).pop(field, None)
        if field in schema.get("required", []):
            schema["required"].remove(field)
    definitions = schema.pop("$defs", {})
    return _compact_schema(schema, definitions)


_DROPPED = {"title", "additionalProperties", "maxItems", "maxLength", "minimum", "maximum", "default"}
# Descriptions a model needs: of fields whose name does not say what to pass. The others (product, period,
# version, ...) follow the conventions the system prompt states once.
DESCRIBED = {"name", "pct", "delay_days", "exclude"}


def _compact_schema(node: Any, definitions: dict) -> Any:
    if isinstance(node, list):
        return [_compact_schema(n, definitions) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _compact_schema(definitions[node["$ref"].rsplit("/", 1)[-1]], definitions)
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o != {"type": "null"}]
        if len(options) == 1:
            merged = {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
            return _compact_schema(merged, definitions)
    out = {}
    for key, value in node.items():
        if key in _DROPPED and not (key == "default" and value not in (None, [], {})):
            continue
        if key == "properties":  # field names, not schema words
            value = {field: spec for field, spec in value.items() if field not in MODEL_HIDDEN_FIELDS}
            out[key] = {field: _compact_schema(spec if field in DESCRIBED else
                                               {k: v for k, v in spec.items() if k != "description"}, definitions)
                        for field, spec in value.items()}
        else:
            out[key] = value if key == "enum" else _compact_schema(value, definitions)
    if out.get("properties") == {}:
        out.pop("properties")
    return out


def schema_tokens() -> int:
    """Tokens (estimated) of every tool's name, description and schema, as sent to a model."""
    _load_implementations()
    return estimate_tokens(json.dumps([{"type": "function", "function": {  # spaced, as chat templates print it
        "name": name, "description": DESCRIPTIONS[name], "parameters": model_schema(name)}}
        for name in TOOL_ARGS if name in DESCRIPTIONS], ensure_ascii=False))
