"""A bounded load on a served ``sop serve``: N concurrent clients asking a mix of chat questions (the offline
router) and read routes for a fixed time, while a prober times ``/healthz``. Used by the load smoke test and
by benchmarks/reliability.py (which prints the figures)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

SOP = str(Path(sys.executable).with_name("sop"))
QUESTIONS = ["are we short on oat milk 1L next month?", "forecast for cold brew next quarter",
             "what if PO-1182 slips two weeks?", "fill rate last quarter", "does the plan meet the budget in Q1?"]
READS = [("GET", "/v1/shortages", {"months": 3}), ("GET", "/v1/forecast", {"sku": "OAT-1L"}),
         ("GET", "/v1/kpis/fill_rate", {}), ("GET", "/v1/products", {"q": "oat"})]


@dataclass
class LoadResult:
    seconds: float
    clients: int
    latencies: list[float] = field(default_factory=list)  # seconds, requests that succeeded
    errors: list[str] = field(default_factory=list)
    health: list[float] = field(default_factory=list)
    health_errors: list[str] = field(default_factory=list)
    per_client: list[int] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def figures(self) -> dict:
        return {"clients": self.clients, "seconds": round(self.seconds, 1), "requests": self.requests,
                "errors": len(self.errors), "throughput_rps": round(self.requests / self.seconds, 1),
                "p50_ms": ms(percentile(self.latencies, 50)), "p95_ms": ms(percentile(self.latencies, 95)),
                "healthz_probes": len(self.health), "healthz_p50_ms": ms(percentile(self.health, 50)),
                "healthz_p99_ms": ms(percentile(self.health, 99)), "healthz_max_ms": ms(max(self.health or [0]))}


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


async def _client(base: str, n: int, until: float, result: LoadResult, headers: dict) -> None:
    done = 0
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=120) as client:
        i = n
        while time.monotonic() < until:
            i += 1
            if i % 3 == 0:
                method, path, params = READS[i % len(READS)]
                request = client.request(method, path, params=params)
            else:
                request = client.post("/v1/chat", json={"message": QUESTIONS[i % len(QUESTIONS)]})
            started = time.perf_counter()
            try:
                response = await request
            except httpx.HTTPError as error:
                result.errors.append(f"{type(error).__name__}: {error}")
                continue
            if response.status_code == 200:
                result.latencies.append(time.perf_counter() - started)
                done += 1
            else:
                result.errors.append(f"{response.status_code} {response.request.url.path}: {response.text[:200]}")
    result.per_client.append(done)


async def _prober(base: str, until: float, result: LoadResult, interval: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.monotonic() < until:
            started = time.perf_counter()
            try:
                response = await client.get("/healthz")
                if response.status_code != 200:
                    result.health_errors.append(f"{response.status_code}")
                result.health.append(time.perf_counter() - started)
            except httpx.HTTPError as error:
                result.health_errors.append(f"{type(error).__name__}: {error}")
            await asyncio.sleep(interval)  # the probe rate, not a synchronisation


def run_load(base: str, *, clients: int = 50, seconds: float = 20.0, headers: dict | None = None,
             probe_interval: float = 0.05) -> LoadResult:
    result = LoadResult(seconds=seconds, clients=clients)

    async def main() -> None:
        until = time.monotonic() + seconds
        await asyncio.gather(_prober(base, until, result, probe_interval),
                             *(_client(base, n, until, result, headers or {}) for n in range(clients)))

    started = time.monotonic()
    asyncio.run(main())
    result.seconds = time.monotonic() - started
    return result


class ServedSop:
    """``sop serve --no-demo`` as a real process on a free loopback port, for a SOP_HOME already holding data."""

    def __init__(self, home: Path, env: dict | None = None) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(env or {}), "SOP_HOME": str(home)}
        self.log = open(home.parent / "serve.log", "w+b")  # noqa: SIM115 (closed in __exit__)

    def __enter__(self) -> ServedSop:
        self.proc = subprocess.Popen([SOP, "serve", "--no-demo", "--host", "127.0.0.1", "--port", str(self.port)],
                                     env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(f"{self.url}/readyz", timeout=5).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)  # waiting for the server to listen
        raise AssertionError(f"sop serve did not start:\n{self.output()}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(30)
        self.log.close()
