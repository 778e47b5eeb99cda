"""``create_app(runtime)``: the FastAPI application that ``sop serve`` runs."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from starlette.middleware.base import BaseHTTPMiddleware

from assistant.conversation import Assistant
from assistant.http import errors
from assistant.http.jobs import Jobs
from assistant.http.routes import actions, chat, reads
from assistant.runtime import Runtime
from assistant.settings import parse_api_keys

MAX_BODY_BYTES = 64 * 1024


class BodyLimit(BaseHTTPMiddleware):
    """Refuse request bodies over ``MAX_BODY_BYTES`` (declared or actual) with 413 problem+json."""

    async def dispatch(self, request: Request, call_next):
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            return errors.problem(413, f"request bodies are limited to {MAX_BODY_BYTES} bytes", "too_large")
        if request.method in ("POST", "PUT", "PATCH") and not request.url.path.startswith("/slack"):
            body = await request.body()
            if len(body) > MAX_BODY_BYTES:
                return errors.problem(413, f"request bodies are limited to {MAX_BODY_BYTES} bytes", "too_large")
        return await call_next(request)


def create_app(runtime: Runtime, assistant: Assistant | None = None, slack_handler=None) -> FastAPI:
    jobs = Jobs(runtime)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        jobs.start()  # the job supervisor lives as long as the server
        try:
            yield
        finally:
            jobs.stop()

    app = FastAPI(title="sop-assistant", version="0.1.0", lifespan=lifespan,
                  description="S&OP assistant: chat, forecasts, shortages, reconciliation, KPIs, meeting notes.")
    app.state.runtime = runtime
    app.state.assistant = assistant or Assistant(runtime)
    app.state.api_keys = parse_api_keys(runtime.settings.api_keys)
    app.state.jobs = jobs
    app.state.assistant.job_runner = jobs.run_and_wait  # re-forecasts asked in a chat (HTTP, Slack) run as jobs
    errors.install(app)
    app.add_middleware(BodyLimit)
    app.include_router(chat.router)
    app.include_router(reads.router)
    app.include_router(actions.router)

    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    def readyz() -> dict:
        loaded = not runtime.store.is_empty()
        return {"status": "ready" if loaded else "empty", "data_loaded": loaded,
                "engine": "llm" if app.state.assistant.uses_llm else "offline"}

    if slack_handler is not None:
        slack_handler.mount(app)
    return app
