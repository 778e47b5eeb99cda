"""The Bolt app and its mount in ``sop serve``'s FastAPI app (HTTP mode at ``POST /slack/events``)."""

from __future__ import annotations

import hashlib
import logging

from fastapi import FastAPI, Request, Response
from slack_bolt import App
from slack_bolt.adapter.fastapi import SlackRequestHandler
from slack_bolt.adapter.starlette.handler import to_bolt_request, to_starlette_response
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier
from starlette.concurrency import run_in_threadpool

from assistant.conversation import Assistant
from assistant.http.errors import problem
from assistant.runtime import Runtime
from assistant.slack.listeners import register_listeners
from assistant.slack.services import SeenEvents, SlackServices

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
    """Bolt's FastAPI handler, checked and deduplicated first, with the (synchronous) dispatch moved off the
    event loop.

    Before Bolt sees a request: an unsigned, wrongly signed or stale one is a 401, a body that is not text
    a 400, and a signed request seen before (same signature and timestamp: a replay) is acknowledged
    without running again. The stock handler also calls ``App.dispatch`` inside the async endpoint, which
    blocks every other request of the server (and ``auth.test`` on the first one) while it runs.
    """

    def __init__(self, app: App, signing_secret: str, seen: SeenEvents) -> None:
        super().__init__(app)
        self.verifier = SignatureVerifier(signing_secret)
        self.seen = seen

    async def handle(self, req: Request, addition_context_properties=None):
        if req.method != "POST":
            return await super().handle(req, addition_context_properties)
        body = await req.body()
        timestamp = req.headers.get("x-slack-request-timestamp", "")
        signature = req.headers.get("x-slack-signature", "")
        if not (timestamp.isdigit() and signature and self.verifier.is_valid(body, timestamp, signature)):
            return problem(401, "the request is not signed by Slack (X-Slack-Signature, X-Slack-Request-Timestamp)",
                           "unauthenticated")
        replay_key = "sig:" + hashlib.sha256(f"{timestamp}:{signature}".encode()).hexdigest()
        if not await run_in_threadpool(self.seen.first_time, replay_key):
            log.info("a Slack request was replayed (same signature and timestamp); acknowledged, not run")
            return Response(status_code=200)
        try:
            request = to_bolt_request(req, body, addition_context_properties)
            bolt_response = await run_in_threadpool(self.app.dispatch, request)
        except (UnicodeDecodeError, ValueError):  # signed, but not a payload Bolt can read
            return problem(400, "the request body is not a Slack payload (JSON or form data)", "invalid_argument")
        return to_starlette_response(bolt_response)


class SlackMount:
    """The Slack app as ``create_app(..., slack_handler=SlackMount(runtime))`` wants it: ``mount(app)``."""

    def __init__(self, runtime: Runtime, assistant: Assistant | None = None, **options) -> None:
        self._shared_assistant = assistant is None
        self.services = SlackServices.build(runtime, assistant, **options)
        self.app = build_app(self.services)
        self.handler = ThreadedRequestHandler(
            self.app, runtime.settings.slack_signing_secret or "", self.services.seen
        )

    def mount(self, app: FastAPI) -> None:
        if self._shared_assistant and getattr(app.state, "assistant", None) is not None:
            self.services.assistant = app.state.assistant  # one assistant (and thread memory) per server

        @app.post(EVENTS_PATH, include_in_schema=False)
        async def slack_events(request: Request):
            return await self.handler.handle(request)
