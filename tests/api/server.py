"""``sop serve``'s FastAPI app under a real uvicorn on a loopback socket it binds itself."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import uvicorn

from assistant.http.app import create_app
from assistant.runtime import Runtime


class ApiServer:
    def __init__(self, runtime: Runtime, assistant=None) -> None:
        self.app = create_app(runtime, assistant)
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True)

    def __enter__(self) -> ApiServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(15)

    def client(self, key: str | None = None, header: str = "bearer") -> httpx.Client:
        headers = {}
        if key and header == "bearer":
            headers["Authorization"] = f"Bearer {key}"
        elif key:
            headers["X-API-Key"] = key
        return httpx.Client(base_url=self.url, headers=headers, timeout=60)
