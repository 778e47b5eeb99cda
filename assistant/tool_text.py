"""Tool calls a model wrote as text instead of making them.

Small local models often answer a tool request with the call as JSON in the message's text: inside
``<tool_call>`` tags the server did not parse, in a code block, or bare, sometimes with the doubled braces
of Qwen 2.5's chat template (its instructions show the format as ``{{"name": ..., "arguments": ...}}``).
OpenAI-compatible servers parse these formats themselves when they recognise them (vLLM's and llama.cpp's
Hermes parsers, Ollama); this reads them when the server did not. Only an object naming one of the
project's tools, with its arguments as an object, is taken; the tool validates the arguments as for any
call, and the turn's checks (the router's agreement, the claim gate) apply as to a call the server parsed.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable

from tools.schemas import TOOL_ARGS

MAX_TEXT_CALLS = 4  # a reply rarely makes more; the agent's tool-call limit applies on top
_OPENERS = re.compile(r"\{")
_DECODER = json.JSONDecoder()


def calls_in_text(text: str, names: Iterable[str] = TOOL_ARGS) -> list[dict]:
    """The tool calls written in ``text``, as LangChain tool calls (``name``, ``args``, ``id``); none when
    the text holds no JSON object naming one of ``names`` with object arguments."""
    known = set(names)
    text = text or ""
    calls = _decode_calls(text, known)
    if not calls and "{{" in text:  # the template's doubled braces, copied
        calls = _decode_calls(text.replace("{{", "{").replace("}}", "}"), known)
    return calls


def _decode_calls(text: str, known: set[str]) -> list[dict]:
    calls: list[dict] = []
    position = 0
    while len(calls) < MAX_TEXT_CALLS:
        match = _OPENERS.search(text, position)
        if match is None:
            break
        try:
            value, end = _DECODER.raw_decode(text, match.start())
        except json.JSONDecodeError:
            position = match.start() + 1
            continue
        position = end
        call = _as_call(value, known)
        if call is not None:
            calls.append(call)
    return calls


def _as_call(value: object, known: set[str]) -> dict | None:
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("function"), dict):  # {"type": "function", "function": {...}}
        value = value["function"]
    name = value.get("name")
    args = value.get("arguments", value.get("parameters", {}))
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except json.JSONDecodeError:
            return None
    if name not in known or not isinstance(args, dict):
        return None
    return {"name": name, "args": args, "id": f"call_text_{uuid.uuid4().hex[:12]}", "type": "tool_call"}
