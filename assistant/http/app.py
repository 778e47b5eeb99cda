"""``create_app(runtime)``: the FastAPI application that ``sop serve`` runs."""

from __future__ import annotations

from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.conversation import Assistant
from assistant.http import errors
from assistant.http.jobs import Jobs
from assistant.http.routes import actions, chat, pack, reads
from assistant.http.routes import sales as sales_routes
from assistant.http.routes import supply as supply_routes
from assistant.mcp_server.transports import McpHttp
from assistant.runtime import Runtime
from assistant.settings import parse_api_keys
from sop_engine.limits import MAX_BODY_BYTES


class BodyLimit:
    """ASGI middleware: a request body over ``MAX_BODY_BYTES`` is answered 413 problem+json while it is
    being read, on every route (``/slack/events`` included).

    A declared ``Content-Length`` over the limit is refused before one byte of the body is read; a chunked
    (or understated) body is counted as it arrives and refused as soon as it passes the limit, so at most
    the limit is ever held in memory. A body within the limit is handed on to the app unchanged.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = errors.problem(413, f"request bodies are limited to {self.limit} bytes", "too_large",
                                  headers={"Connection": "close"})
        await response(scope, receive, send)


# The request line and headers uvicorn reads before the app, with its h11 parser (h11's default is 16 KiB, and
# httptools refuses long request lines outright): the longest query a route accepts (a what-if of 48,000
# characters, URL-encoded) must reach the app, which answers it with a documented problem instead of
# uvicorn's plain-text 400.
MAX_REQUEST_HEAD = 1 << 20


def create_app(runtime: Runtime, assistant: Assistant | None = None, slack_handler=None, digests=None) -> FastAPI:
    jobs = Jobs(runtime)
    assistant = assistant or Assistant(runtime)
    api_keys = parse_api_keys(runtime.settings.api_keys)
    mcp = McpHttp(assistant, api_keys, runtime.settings.host)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        # Sync routes and chat turns run in this thread pool. They are CPU-bound Python: dozens of them at once
        # only queue up for Python's lock, and the event loop (``/healthz``, reading requests) waits behind them
        # for seconds. A few at a time answer as fast, and the rest wait in the loop, holding nothing; offline,
        # one at a time answers soonest (a turn shares no core with another of its process).
        anyio.to_thread.current_default_thread_limiter().total_tokens = runtime.settings.threads_per_process
        jobs.start()  # the job supervisor lives as long as the server
        if digests is not None:
            digests.start()  # the scheduled Slack digests (SOP_DIGESTS); missed posts within the grace go out once
        try:
            async with mcp.lifespan():  # the MCP endpoint's session manager, at /mcp
                yield
        finally:
            if digests is not None:
                digests.stop()
            jobs.stop()

    app = FastAPI(title="sop-assistant", version="0.1.0", lifespan=lifespan,
                  description="S&OP assistant: chat, forecasts, shortages, reconciliation, KPIs, meeting notes. "
                              f"Request bodies are limited to {MAX_BODY_BYTES // 1024} KiB on every route (413, "
                              "counted while the body is read); counts and ranges have the maxima shown on "
                              "each parameter (422 beyond them).")
    app.state.runtime = runtime
    app.state.assistant = assistant
    app.state.api_keys = api_keys
    app.state.jobs = jobs
    app.state.assistant.job_runner = jobs.run_and_wait  # re-forecasts asked in a chat (HTTP, Slack) run as jobs
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.include_router(chat.router)
    app.include_router(reads.router)
    app.include_router(actions.router)
    app.include_router(sales_routes.router)
    app.include_router(supply_routes.router)
    app.include_router(pack.router)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    def readyz() -> dict:
        """Whether data is loaded, which company is served (``company``) and whether it is the demo (``demo``)."""
        meta = runtime.store.meta()
        loaded = bool(meta)
        return {"status": "ready" if loaded else "empty", "data_loaded": loaded,
                "company": (meta.get("company") or {}).get("name"), "demo": bool(meta.get("demo")),
                "engine": "llm" if app.state.assistant.uses_llm else "offline"}

    app.router.add_route("/mcp", mcp, include_in_schema=False)  # the tools for other agents (MCP, streamable HTTP)

    if slack_handler is not None:
        slack_handler.mount(app)
    errors.document_problems(app)
    return app


def app_from_settings() -> FastAPI:
    """The app of one server process when ``sop serve`` runs several (``SOP_WORKERS``): the settings come from
    the environment, as in the process that started them."""
    from assistant.digests import digests_from_settings
    from assistant.slack.mount import slack_handler_from_settings

    runtime = Runtime()
    # every process schedules the digests; a claim in the plan store lets one of them post each slot
    return create_app(runtime, slack_handler=slack_handler_from_settings(runtime),
                      digests=digests_from_settings(runtime))
