"""Slack test helpers: the tiny company, and ``sop serve``'s real FastAPI app (with the real Bolt app
mounted) on a free loopback port, fed with requests signed as Slack signs them."""

from __future__ import annotations

import json
import socket
import threading
import time
from urllib.parse import urlencode

import httpx
import uvicorn
from slack_sdk.signature import SignatureVerifier

from assistant.http.app import create_app
from assistant.runtime import Runtime
from assistant.slack.app import SlackMount
from tests.factories import PRODUCTS
from tests.slack.fake_slack import BOT_USER_ID, FakeSlack

SIGNING_SECRET = "test-signing-secret"
PLANNER, ADMIN, VIEWER = "UPLANNER1", "UADMIN1", "UVIEWER1"
CHANNEL = "C0TEST01"
# a product whose name tries to ping the whole channel: it must reach Slack escaped
PRODUCTS_WITH_PING = PRODUCTS.replace("Gamma Gadget", "Gamma <!channel> Gadget")
# 22 months of history per SKU (fixed, hand-written pattern): enough for the statistical models
SALES = "sku,period,quantity\n" + "".join(
    f"{sku},{year}-{month:02d},{base + (month * 7) % 13}\n"
    for sku, base in (("AB-100", 50), ("AB-200", 12), ("CD-300", 5))
    for year in (2025, 2026)
    for month in range(1, 13)
    if (year, month) <= (2026, 10)
)


class SlackServer:
    """uvicorn serving create_app(...) with the Slack mount, on a loopback socket it bound itself."""

    def __init__(self, runtime: Runtime, fake: FakeSlack, **options) -> None:
        self.runtime = runtime
        self.fake = fake
        self.mount = SlackMount(runtime, **options)
        self.app = create_app(runtime, slack_handler=self.mount)
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self.http = httpx.Client(base_url=self.url, timeout=20)
        self._events = iter(range(1, 10_000))

    def start(self) -> SlackServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.http.close()
        self.server.should_exit = True
        self.thread.join(15)

    # --- signed requests, as Slack sends them --------------------------------------------------------

    def post_signed(
        self, body: str, content_type: str, headers: dict | None = None, secret: str = SIGNING_SECRET
    ) -> httpx.Response:
        timestamp = str(int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
        return self.http.post(
            "/slack/events",
            content=body.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": signature,
                **(headers or {}),
            },
        )

    def event(self, event: dict, event_id: str | None = None, headers: dict | None = None) -> httpx.Response:
        body = {
            "token": "legacy",
            "team_id": "T1",
            "api_app_id": "A1",
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(self._events):06d}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": "T1", "user_id": BOT_USER_ID, "is_bot": True}],
            "event": event,
        }
        return self.post_signed(json.dumps(body), "application/json", headers)

    def mention(
        self,
        text: str,
        user: str = VIEWER,
        ts: str = "1700000000.000100",
        thread_ts: str | None = None,
        **kwargs,
    ) -> httpx.Response:
        event = {
            "type": "app_mention",
            "user": user,
            "text": f"<@{BOT_USER_ID}> {text}",
            "ts": ts,
            "channel": CHANNEL,
            "event_ts": ts,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return self.event(event, **kwargs)

    def command(self, text: str, user: str = VIEWER) -> httpx.Response:
        form = {
            "token": "legacy",
            "team_id": "T1",
            "channel_id": CHANNEL,
            "channel_name": "planning",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/sop",
            "text": text,
            "api_app_id": "A1",
            "response_url": self.fake.response_url,
            "trigger_id": "13345224609.738474920.8088",
        }
        return self.post_signed(urlencode(form), "application/x-www-form-urlencoded")

    def press(self, action_id: str, approval_id: str, user: str, message: dict) -> httpx.Response:
        payload = {
            "type": "block_actions",
            "team": {"id": "T1"},
            "user": {"id": user},
            "api_app_id": "A1",
            "token": "legacy",
            "trigger_id": "1.2.3",
            "response_url": self.fake.response_url,
            "container": {"type": "message", "message_ts": message["ts"], "channel_id": CHANNEL},
            "channel": {"id": CHANNEL},
            "message": message,
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": f"approval:{approval_id}",
                    "value": approval_id,
                    "action_ts": str(time.time()),
                }
            ],
        }
        return self.post_signed(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def replies(self, thread_ts: str, count: int = 1, where=lambda body: True):
        return self.fake.wait_for("chat.postMessage", lambda b: b.get("thread_ts") == thread_ts and where(b), count)
