"""Running a tool: validate the arguments, check the caller's role in code, call the core, and turn
every error into a result the model (or the router's templates) can act on — never an exception."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from sop_engine.errors import AmbiguousProduct, PermissionDenied, SopError, UnknownProduct
from tools.context import ToolContext
from tools.schemas import PLANNER_TOOLS, TOOL_ARGS

log = logging.getLogger(__name__)

ToolFunction = Callable[[Any, ToolContext], dict]
REGISTRY: dict[str, ToolFunction] = {}
DESCRIPTIONS: dict[str, str] = {}


def tool(name: str, description: str) -> Callable[[ToolFunction], ToolFunction]:
    """Register ``fn(args, ctx) -> dict`` as the implementation of tool ``name``."""

    def register(fn: ToolFunction) -> ToolFunction:
        if name not in TOOL_ARGS:
            raise KeyError(f"tool {name} has no argument model in tools.schemas")
        REGISTRY[name] = fn
        DESCRIPTIONS[name] = description
        return fn

    return register


def check_role(name: str, role: str) -> None:
    if name in PLANNER_TOOLS and role not in ("planner", "admin"):
        raise PermissionDenied(f"{name} needs the planner or admin role; you are a {role}")


def error_result(error: SopError) -> dict:
    result: dict[str, Any] = {"error": error.to_dict()}
    if isinstance(error, UnknownProduct):
        result["error"]["closest"] = error.closest
        result["error"]["options"] = [_option(c) for c in error.closest]
        result["error"]["ask_user"] = True  # an unknown name answers nothing: the user chooses, or says none
    if isinstance(error, AmbiguousProduct):
        result["error"]["candidates"] = error.candidates
        result["error"]["options"] = error.options
        result["error"]["ask_user"] = True
    return result


def _option(shown: str) -> dict:
    """An option of a question back from a closest match as shown ("OAT-1L (Oat Milk 1L)", "family Teas")."""
    text = str(shown)
    if text.startswith("family "):
        return {"label": f"{text[7:]} (family)", "value": text[7:]}
    code = text.split(" (", 1)[0] if text.endswith(")") else text
    return {"label": text, "value": code}


def run_tool(name: str, args: dict | BaseModel | None, ctx: ToolContext) -> dict:
    """Run tool ``name`` for ``ctx``; the result is always a JSON-able dict (``{"error": ...}`` on failure)."""
    _load_implementations()
    if name not in REGISTRY:
        return {"error": {"code": "unknown_tool", "message": f"no tool '{name}'; tools: {', '.join(sorted(REGISTRY))}",
                          "details": []}}
    try:
        model = args if isinstance(args, BaseModel) else TOOL_ARGS[name].model_validate(args or {})
    except ValidationError as exc:
        details = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        return {"error": {"code": "invalid_argument", "message": f"bad arguments for {name}", "details": details}}
    try:
        check_role(name, ctx.role)
        result = REGISTRY[name](model, ctx)
    except SopError as error:
        return error_result(error)
    except Exception:  # a bug must not crash the conversation; it is logged with its traceback, and the
        log.exception("tool %s failed", name)  # user gets a generic message: internals never leave the log
        return {"error": {"code": "internal", "message": f"{name} failed with an internal error; it was logged",
                          "details": []}}
    result.setdefault("planning_date", ctx.planning_date.isoformat())
    return result


def _load_implementations() -> None:
    """Import every tool module (each registers itself); cheap after the first call."""
    from tools import charts, drivers, forecasting, notes, planning, products, sales, supply  # noqa: F401
