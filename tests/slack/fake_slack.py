"""A small fake of Slack's Web API over real HTTP (in the manner of bolt-python's
tests/mock_web_api_server): answers the methods the app calls and records every call with its body."""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

BOT_USER_ID = "UBOT"
WAIT_SECONDS = 120.0  # a bound for a hung test, not a timing: a re-forecast on a loaded machine takes its time


@dataclass
class Call:
    method: str  # "chat.postMessage", ..., or "upload" for the file bytes, "response_url" for respond()
    body: dict
    raw: bytes = b""
    response: dict = field(default_factory=dict)  # what the fake answered
    at: float = field(default_factory=time.monotonic)


class FakeSlack:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.errors: dict[str, str] = {}  # method -> Slack error code to answer with
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._ts = itertools.count(1)
        self._files = itertools.count(1)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def response_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/response/1"

    def start(self) -> FakeSlack:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- what the tests read ------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(
        self, method: str, where=lambda body: True, count: int = 1, timeout: float = WAIT_SECONDS
    ) -> list[Call]:
        """Block until ``count`` calls of ``method`` match ``where`` (bounded), and return them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self.calls if c.method == method and where(c.body)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.body.get("text")) for c in self.calls]
                    raise AssertionError(f"timed out waiting for {count} {method} call(s); calls: {seen}")
                self._changed.wait(left)

    # --- the server ---------------------------------------------------------------------------------

    def _record(self, method: str, body: dict, raw: bytes = b"", response: dict | None = None) -> None:
        with self._changed:
            self.calls.append(Call(method, body, raw, response or {}))
            self._changed.notify_all()

    def _answer(self, method: str, body: dict) -> dict:
        if method in self.errors:
            return {"ok": False, "error": self.errors[method]}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://test.slack.com/",
                "team": "Test",
                "user": "sop",
                "team_id": "T1",
                "user_id": BOT_USER_ID,
                "bot_id": "BBOT",
                "is_enterprise_install": False,
            }
        if method == "chat.postMessage":
            ts = f"1800000000.{next(self._ts):06d}"
            return {
                "ok": True,
                "channel": body.get("channel"),
                "ts": ts,
                "message": {"text": body.get("text"), "ts": ts, "blocks": body.get("blocks")},
            }
        if method == "chat.update":
            return {
                "ok": True,
                "channel": body.get("channel"),
                "ts": body.get("ts"),
                "text": body.get("text"),
            }
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._files):04d}"
            return {
                "ok": True,
                "file_id": file_id,
                "upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}",
            }
        if method == "files.completeUploadExternal":
            files = body.get("files")
            files = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files or []]}
        return {"ok": True}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                path = urlparse(self.path).path
                if path.startswith("/upload/"):
                    fake._record("upload", {"file_id": path.rsplit("/", 1)[1], "bytes": len(raw)}, raw)
                    return self._send(200, b"OK - " + str(len(raw)).encode(), "text/plain")
                body = self._parse(raw)
                if path.startswith("/response/"):
                    fake._record("response_url", body, raw)
                    return self._send(200, b"ok", "text/plain")
                method = path.removeprefix("/api/")
                answer = fake._answer(method, body)
                fake._record(method, body, raw, answer)
                self._send(200, json.dumps(answer).encode(), "application/json")

            def do_GET(self) -> None:
                parsed = urlparse(self.path)
                method = parsed.path.removeprefix("/api/")
                body = dict(parse_qsl(parsed.query))
                answer = fake._answer(method, body)
                fake._record(method, body, response=answer)
                self._send(200, json.dumps(answer).encode(), "application/json")

            def _parse(self, raw: bytes) -> dict:
                kind = self.headers.get("Content-Type", "")
                if "json" in kind:
                    return json.loads(raw or b"{}")
                body = dict(parse_qsl(raw.decode("utf-8")))
                for key in ("blocks", "files"):
                    if isinstance(body.get(key), str) and body[key].startswith("["):
                        body[key] = json.loads(body[key])
                return body

            def _send(self, status: int, payload: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler
