"""``sop serve``'s FastAPI app under a real uvicorn on a loopback socket it binds itself."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import uvicorn

from assistant.http.app import MAX_REQUEST_HEAD, create_app
from assistant.runtime import Runtime


class ApiServer:
    def __init__(self, runtime: Runtime, assistant=None) -> None:
        self.app = create_app(runtime, assistant)
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(self.app, log_level="warning",
                                                    http="h11", h11_max_incomplete_event_size=MAX_REQUEST_HEAD))
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


def chunked_upload(url: str, path: str, total: int, headers: dict | None = None,
                   chunk: int = 64 * 1024) -> tuple[int, int]:
    """POST a chunked body of up to ``total`` bytes over a raw socket, stopping as soon as the server
    answers; returns (HTTP status, body bytes sent by then). A server that buffers the whole body first
    only answers after all ``total`` bytes."""
    import select
    from urllib.parse import urlsplit

    where = urlsplit(url)
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    head = (f"POST {path} HTTP/1.1\r\nHost: {where.hostname}\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n{extra}\r\n")
    piece = f"{chunk:x}\r\n".encode() + b" " * chunk + b"\r\n"
    sent = 0
    with socket.create_connection((where.hostname, where.port), timeout=30) as conn:
        conn.sendall(head.encode())
        try:
            while sent < total:
                readable, _, _ = select.select([conn], [], [], 0)
                if readable:
                    break
                conn.sendall(piece)
                sent += chunk
            else:
                conn.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed while we were still sending
        answer = b""
        while b"\r\n" not in answer:
            data = conn.recv(4096)
            if not data:
                break
            answer += data
    return int(answer.split()[1]), sent
