"""The real ``sop serve`` process (uvicorn in its main thread, with its signal handlers): a full
re-forecast finishes; a server killed with -9 leaves no worker behind; the next start marks the job
interrupted; SIGTERM stops the server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from jobs_helpers import wait_for, wait_group_gone, worker_pid

from assistant.runtime import Runtime

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    def __init__(self) -> None:
        self.port = _free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli.main", "serve", "--no-demo", "--port", str(self.port)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60,
                                   headers={"Authorization": "Bearer plan-key"})
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, self.process.stderr.read().decode()
            try:
                if self.client.get("/healthz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "sop serve did not start"
            time.sleep(0.2)

    def stop(self) -> None:
        self.client.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(30)


@pytest.fixture
def keyed(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", "plan-key:planner:ana")
    return demo


def test_sop_serve_finishes_a_full_reforecast_and_a_killed_server_leaves_no_worker(keyed):
    server = Serve()
    try:
        job_id = server.client.post("/v1/reforecast", json={}).json()["job_id"]
        done = wait_for(server.client, job_id, ("done", "failed", "cancelled", "interrupted"), timeout=600)
        assert done["status"] == "done" and done["result"]["skus"] == 61, done
        running = server.client.post("/v1/reforecast", json={}).json()["job_id"]
        wait_for(server.client, running, ("running",), until=lambda j: j["progress"]["total"] > 0)
        pid = worker_pid(Runtime().store, running)
        server.process.kill()  # kill -9: no shutdown hook runs
        server.process.wait(30)
        wait_group_gone(pid, timeout=20)  # the worker noticed and stopped its group, pool included
    finally:
        server.stop()
    server = Serve()
    try:
        job = server.client.get(f"/v1/jobs/{running}").json()
        assert job["status"] == "interrupted", job
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(30) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal once shut down
    finally:
        server.stop()
