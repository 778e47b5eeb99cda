"""The Bolt app and its mount in ``sop serve``'s FastAPI app (HTTP mode at ``POST /slack/events``)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from slack_bolt import App
from slack_bolt.adapter.fastapi import SlackRequestHandler
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from starlette.concurrency import run_in_threadpool

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from assistant.slack.listeners import register_listeners
from assistant.slack.services import SlackServices

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


def web_client(runtime: Runtime) -> WebClient:
    """The Web API client; SOP_SLACK_API_URL points it elsewhere (a local fake in tests)."""
    settings = runtime.settings
    if settings.slack_api_url:
        base_url = (
            settings.slack_api_url if settings.slack_api_url.endswith("/") else settings.slack_api_url + "/"
        )
        return WebClient(token=settings.slack_bot_token, base_url=base_url)
    return WebClient(token=settings.slack_bot_token)


def build_app(services: SlackServices) -> App:
    """The Bolt app: signatures checked with SLACK_SIGNING_SECRET, listeners acknowledged at once.

    ``auth.test`` runs on the first request rather than at start-up, so ``sop serve`` starts (and
    serves its HTTP API) even while Slack is out of reach.
    """
    _load_tools()
    settings = services.runtime.settings
    app = App(
        client=web_client(services.runtime),
        signing_secret=settings.slack_signing_secret or "",
        token_verification_enabled=False,
        process_before_response=False,
    )
    register_listeners(app, services)

    @app.error
    def log_error(error: Exception, body: dict) -> None:
        log.error("Slack listener failed (%s): %s", body.get("type"), error, exc_info=error)

    return app


def _load_tools() -> None:
    """Import every tool module so each registers itself.

    ``tools.base`` imports them only while its registry is empty, so a process that imported one tool
    module first (the HTTP routes import ``tools.products``) would otherwise know that tool alone.
    """
    from tools import charts, forecasting, notes, planning, products  # noqa: F401


class ThreadedRequestHandler(SlackRequestHandler):
    """Bolt's FastAPI handler, with the (synchronous) dispatch moved off the event loop.

    The stock handler calls ``App.dispatch`` inside the async endpoint, which blocks every other request
    of the server (and ``auth.test`` on the first one) while it runs.
    """

    async def handle(self, req: Request, addition_context_properties=None):
        if req.method != "POST":
            return await super().handle(req, addition_context_properties)
        body = await req.body()
        bolt_response = await run_in_threadpool(
            self.app.dispatch, to_bolt_request(req, body, addition_context_properties)
        )
        return to_starlette_response(bolt_response)


class SlackMount:
    """The Slack app as ``create_app(..., slack_handler=SlackMount(runtime))`` wants it: ``mount(app)``."""

    def __init__(self, runtime: Runtime, assistant: Assistant | None = None, **options) -> None:
        self._shared_assistant = assistant is None
        self.services = SlackServices.build(runtime, assistant, **options)
        self.app = build_app(self.services)
        self.handler = ThreadedRequestHandler(self.app)

    def mount(self, app: FastAPI) -> None:
        if self._shared_assistant and getattr(app.state, "assistant", None) is not None:
            self.services.assistant = app.state.assistant  # one assistant (and thread memory) per server

        @app.post(EVENTS_PATH, include_in_schema=False)
        async def slack_events(request: Request):
            return await self.handler.handle(request)
