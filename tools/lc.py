"""The tools as LangChain ``StructuredTool``s, bound to one caller's ``ToolContext``.

The schema a model sees is the pydantic argument model of ``tools.schemas``; the result it reads is
the tool's JSON, with meeting-note text only inside the quoted, delimited block.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from langchain_core.tools import StructuredTool
from pydantic import BaseModel

from tools.base import DESCRIPTIONS, _load_implementations, run_tool
from tools.context import ToolContext
from tools.schemas import JOB_TOOLS, TOOL_ARGS

OnResult = Callable[[str, dict, dict], None]


def langchain_tools(ctx: ToolContext, on_result: OnResult) -> list[StructuredTool]:
    """One LangChain tool per capability, in the order of ``tools.schemas.TOOL_ARGS``."""
    _load_implementations()
    return [_make_tool(name, schema, ctx, on_result) for name, schema in TOOL_ARGS.items() if name in DESCRIPTIONS]


def _make_tool(name: str, schema: type[BaseModel], ctx: ToolContext, on_result: OnResult) -> StructuredTool:
    def call(**kwargs: Any) -> str:
        args = {k: (v.model_dump(exclude_none=True) if isinstance(v, BaseModel) else v)
                for k, v in kwargs.items() if v is not None}
        run_job = ctx.extras.get("run_job") if name in JOB_TOOLS else None
        result = run_job(name, args, ctx) if run_job else run_tool(name, args, ctx)
        on_result(name, args, result)
        return json.dumps(for_model(result), default=str, ensure_ascii=False)

    return StructuredTool.from_function(func=call, name=name, description=DESCRIPTIONS[name], args_schema=schema)


MAX_SKUS = 25  # a model needs the short SKUs, not hundreds of healthy ones


def for_model(result: dict) -> dict:
    """What the model reads, a compact view of the tool's full document (the turn document keeps the full
    one): meeting-note text only inside the quoted, delimited block; long SKU lists cut to the SKUs that
    matter (short, or flagged), with how many were left out."""
    if "quoted_notes" in result:
        hits = [{k: v for k, v in hit.items() if k != "text"} for hit in result.get("hits", [])]
        result = {**result, "hits": hits}
    if "base" in result and "scenario" in result:
        return {**result, "base": _compact(result["base"]), "scenario": _compact(result["scenario"])}
    return _compact(result)


def _compact(doc: dict) -> dict:
    skus = doc.get("skus")
    if not isinstance(skus, list) or len(skus) <= MAX_SKUS:
        return doc
    def matters(s: dict) -> bool:
        return bool(s.get("asked_months_shortage", s.get("total_shortage")) or s.get("flags"))

    kept = [s for s in skus if matters(s)][:MAX_SKUS]
    out = {**doc, "skus": kept, "skus_not_shown": len(skus) - len(kept), "skus_checked": len(skus)}
    if isinstance(doc.get("capacity"), list):
        out["capacity"] = [c for c in doc["capacity"] if c.get("overloaded")][:20]
    return out
