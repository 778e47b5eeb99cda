"""A loopback proxy in front of an OpenAI-compatible server that records each model call: the turn it
belongs to, its status, the server's ``usage`` (tokens in and out), ``finish_reason``, its time, and
whether the client gave up on it (a request the client abandons is cancelled upstream too, so the proxy
never keeps a single-slot server generating for nobody).

Used by ``benchmarks/llm_agent.py``; any engine, any server: it only reads what passes through.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

_FORWARDED = ("content-type", "authorization", "accept")


class UsageProxy:
    def __init__(self, upstream: str) -> None:
        """``upstream``: the server's base URL, e.g. ``http://127.0.0.1:8080/v1``."""
        self.upstream = upstream.rstrip("/")
        self.calls: list[dict] = []
        self.turn: int | None = None  # set by the caller before each turn: calls are tagged when they start
        self._client: httpx.AsyncClient | None = None
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        app = Starlette(routes=[Route("/v1/{path:path}", self._forward, methods=["GET", "POST"])])
        self._server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                     lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> UsageProxy:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the usage proxy did not start within 10 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def calls_of(self, turn: int) -> list[dict]:
        return [c for c in self.calls if c["turn"] == turn]

    # --- forwarding ---------------------------------------------------------------------------------

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:  # made in the server's event loop
            self._client = httpx.AsyncClient(timeout=None)
        return self._client

    async def _forward(self, request: Request) -> Response:
        body = await request.body()
        url = f"{self.upstream}/{request.path_params['path']}"
        headers = {k: v for k, v in request.headers.items() if k.lower() in _FORWARDED}
        record = {"turn": self.turn, "path": request.path_params["path"], "status": None, "prompt_tokens": 0,
                  "completion_tokens": 0, "finish_reason": None, "cancelled": False, "seconds": None}
        self.calls.append(record)
        started = time.monotonic()
        try:
            stream = bool(json.loads(body).get("stream")) if body else False
        except ValueError:
            stream = False
        if stream:
            return await self._stream(request.method, url, body, headers, record, started)
        task = asyncio.create_task(self._http().request(request.method, url, content=body, headers=headers))
        while not task.done():
            await asyncio.wait({task}, timeout=0.2)
            if not task.done() and await request.is_disconnected():
                task.cancel()  # closes the upstream connection: the server stops generating
                record.update(cancelled=True, seconds=time.monotonic() - started)
                return Response(status_code=499)
        try:
            upstream = task.result()
        except httpx.HTTPError as error:
            record.update(status=502, seconds=time.monotonic() - started)
            return Response(f"upstream failed: {type(error).__name__}", status_code=502)
        record.update(status=upstream.status_code, seconds=time.monotonic() - started)
        try:
            _read_usage(upstream.json(), record)
        except ValueError:
            pass
        return Response(upstream.content, status_code=upstream.status_code,
                        media_type=upstream.headers.get("content-type"))

    async def _stream(self, method: str, url: str, body: bytes, headers: dict, record: dict,
                      started: float) -> Response:
        client = self._http()
        upstream = await client.send(client.build_request(method, url, content=body, headers=headers), stream=True)
        record["status"] = upstream.status_code

        async def lines():
            finished = False
            try:
                async for line in upstream.aiter_lines():
                    if line.startswith("data: ") and line != "data: [DONE]":
                        try:
                            _read_usage(json.loads(line[6:]), record)
                        except ValueError:
                            pass
                    yield (line + "\n").encode()
                finished = True
            finally:
                record["cancelled"] = not finished
                record["seconds"] = time.monotonic() - started
                await upstream.aclose()

        return StreamingResponse(lines(), status_code=upstream.status_code,
                                 media_type=upstream.headers.get("content-type", "text/event-stream"))


def _read_usage(doc: dict, record: dict) -> None:
    usage = doc.get("usage") or {}
    if usage:
        record["prompt_tokens"] = int(usage.get("prompt_tokens") or 0)
        record["completion_tokens"] = int(usage.get("completion_tokens") or 0)
    for choice in doc.get("choices") or []:
        if choice.get("finish_reason"):
            record["finish_reason"] = choice["finish_reason"]
