"""Shared dependencies: the runtime, the assistant, and who is calling (API key -> principal and role)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from sop_engine.errors import PermissionDenied, SopError

ROLE_RANK = {"viewer": 0, "planner": 1, "admin": 2}
api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
bearer = HTTPBearer(auto_error=False)


class Unauthenticated(SopError):
    code = "unauthenticated"


@dataclass(frozen=True)
class Caller:
    principal: str
    role: str


def get_runtime(request: Request) -> Runtime:
    return request.app.state.runtime


def get_assistant(request: Request) -> Assistant:
    return request.app.state.assistant


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
AssistantDep = Annotated[Assistant, Depends(get_assistant)]


def get_caller(request: Request, key: Annotated[str | None, Security(api_key_header)] = None,
               credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)] = None) -> Caller:
    return caller_for_key(request.app.state.api_keys, key or (credentials.credentials if credentials else None))


def caller_for_key(keys: dict[str, tuple[str, str | None]], given: str | None) -> Caller:
    """Who an API key is (``SOP_API_KEYS``), for every HTTP entry point (the API, ``/mcp``)."""
    if not keys:  # no keys configured: the server only listens on loopback; local callers are planners
        return Caller("api:local", "planner")
    if not given:
        raise Unauthenticated("an API key is required: send `Authorization: Bearer KEY` or `X-API-Key: KEY`")
    for known, (role, name) in keys.items():
        if secrets.compare_digest(given.encode(), known.encode()):
            return Caller("api:" + (name or hashlib.sha256(known.encode()).hexdigest()[:8]), role)
    raise Unauthenticated("unknown API key")


CallerDep = Annotated[Caller, Depends(get_caller)]


def require(role: str):
    def check(caller: CallerDep) -> Caller:
        if ROLE_RANK[caller.role] < ROLE_RANK[role]:
            raise PermissionDenied(f"this needs the {role} role; your key has {caller.role}")
        return caller

    return check


PlannerDep = Annotated[Caller, Depends(require("planner"))]
AdminDep = Annotated[Caller, Depends(require("admin"))]
