"""Errors as problem+json (RFC 9457), with a clear title; never a traceback."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sop_engine.errors import SopError

log = logging.getLogger(__name__)

STATUS = {
    "unauthenticated": 401, "permission_denied": 403, "not_found": 404, "unknown_product": 404, "no_data": 404,
    "conflict": 409, "ambiguous": 409, "invalid_argument": 422, "contract_violation": 422, "bad_note": 422,
    "embedding_mismatch": 409, "too_large": 413, "busy": 429, "store_unavailable": 503,
}
TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found", 409: "Conflict",
          413: "Request too large", 422: "Invalid request", 429: "Too many requests", 500: "Internal error",
          503: "Service unavailable"}
PROBLEM_SCHEMA = {
    "type": "object",
    "title": "Problem",
    "description": "An error, as RFC 9457 problem details; `code` is the machine-readable kind.",
    "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                   "detail": {"type": "string"}, "code": {"type": "string"},
                   "details": {"type": "array", "items": {}}},
    "required": ["title", "status", "detail", "code"],
}


def document_problems(app: FastAPI) -> None:
    """Declare in the OpenAPI schema what every route may answer besides success: the 4xx statuses this
    app sends, each as ``application/problem+json`` (FastAPI's own 422 schema is replaced by it)."""
    from fastapi.openapi.utils import get_openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem_content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status in (400, 401, 403, 404, 409, 413, 422, 429):
                    responses[str(status)] = {"description": TITLES[status], "content": problem_content}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def problem(status: int, detail: str, code: str, details: list | None = None, headers: dict | None = None):
    body = {"type": "about:blank", "title": TITLES.get(status, "Error"), "status": status, "detail": detail,
            "code": code, "details": details or []}
    return JSONResponse(body, status_code=status, media_type="application/problem+json", headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(SopError)
    async def sop_error(_: Request, exc: SopError):
        status = STATUS.get(exc.code, 400)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        if getattr(exc, "retry_after", None):
            headers = {"Retry-After": str(exc.retry_after)}
        return problem(status, exc.message, exc.code, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError):
        details = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return problem(422, "the request does not match the API", "invalid_argument", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException):
        return problem(exc.status_code, str(exc.detail), "http_error")

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception):
        log.exception("unexpected error")
        return problem(500, f"unexpected error ({type(exc).__name__}); it was logged", "internal")
