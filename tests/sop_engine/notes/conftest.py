"""Small hand-written meeting notes for the notes tests (no demo data, no /work/shared)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from notes_fixtures import write_fixture_notes  # noqa: E402


@pytest.fixture
def notes_dir(tmp_path: Path) -> Path:
    return write_fixture_notes(tmp_path / "notes")


class _StubEmbeddings:
    """A tiny OpenAI-compatible /v1/embeddings server on a free loopback port, with deterministic vectors:
    each word adds 1 to bucket sha256(word) % dim (then unit length), so equal words mean close vectors."""

    def __init__(self, dim: int = 16) -> None:
        import hashlib
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        import numpy as np

        self.dim = dim
        self.requests: list[dict] = []
        self.fail_with: int | None = None
        stub = self

        def vector(text: str) -> list[float]:
            v = np.zeros(stub.dim)
            for word in text.lower().split():
                v[int(hashlib.sha256(word.strip(".,:;!?()").encode()).hexdigest(), 16) % stub.dim] += 1.0
            norm = np.linalg.norm(v)
            return (v / norm if norm else v + 1.0 / np.sqrt(stub.dim)).tolist()

        self.vector = vector

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), **body})
                if stub.fail_with:
                    self.send_response(stub.fail_with)
                    self.end_headers()
                    self.wfile.write(b'{"error": "overloaded"}')
                    return
                data = [
                    {"object": "embedding", "index": i, "embedding": vector(t)}
                    for i, t in enumerate(body["input"])
                ]
                payload = json.dumps({"object": "list", "data": data[::-1], "model": body["model"]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def embedding_stub():
    stub = _StubEmbeddings()
    yield stub
    stub.close()


CHROMA = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    """A real chroma server (``chroma run``, from the chromadb package) on a free loopback port. A server that
    cannot start skips the test, except with CI=true, where it fails."""
    port = free_port()
    try:
        process = subprocess.Popen([CHROMA, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                    "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError as error:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"chroma server cannot start: {error}")
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            if os.environ.get("CI") == "true":
                pytest.fail("chroma server did not start")
            pytest.skip("chroma server did not start")
        time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(10)
