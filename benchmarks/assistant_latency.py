"""How long `sop ask` takes, start-up included, and the HTTP chat endpoint under a small load.

    python benchmarks/assistant_latency.py [--repeats 5] [--requests 200] [--concurrency 4] [--no-readme]

Builds the demo company (seed 7, planning date 2026-11-15) in a temporary SOP_HOME, then:
1. runs the real `sop ask --json` executable for planning questions (offline router), each in a new process
   ``--repeats`` times: the median, with the fastest and slowest run;
2. a notes question the same way (the embedding model loads in each process), and from a warm process;
3. serves `sop serve`'s app with uvicorn on a loopback port and sends a bounded number of `/v1/chat`
   requests from a few threads: throughput and latency percentiles.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "api"))

PLANNING = ["are we short on oat milk 1L next month?", "tháng sau có thiếu Oat Milk 1L không?",
            "forecast for cold brew next quarter",
            "what if PO-1182 slips two weeks?", "fill rate last quarter", "does the plan meet the budget in Q1?"]
NOTES_QUESTION = "what did we decide about safety stock on oat milk?"
SOP = str(Path(sys.executable).with_name("sop"))


def cold_ask(home: Path, question: str) -> tuple[float, dict]:
    env = {**os.environ, "SOP_HOME": str(home), "SOP_PLANNING_DATE": "2026-11-15"}
    started = time.perf_counter()
    done = subprocess.run([SOP, "ask", "--json", question], capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - started, json.loads(done.stdout)


def load(home: Path, requests: int, concurrency: int) -> dict:
    from server import ApiServer

    from assistant.runtime import Runtime
    from assistant.settings import Settings

    os.environ["SOP_HOME"] = str(home)
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    with ApiServer(Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))) as server:
        with server.client() as warm:
            warm.post("/v1/chat", json={"message": PLANNING[0]})
        counter = iter(range(requests))

        def worker() -> None:
            nonlocal errors
            with server.client() as client:
                for i in counter:
                    started = time.perf_counter()
                    response = client.post("/v1/chat", json={"message": PLANNING[i % len(PLANNING)]})
                    with lock:
                        latencies.append(time.perf_counter() - started)
                        errors += response.status_code != 200

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    latencies.sort()
    return {"requests": requests, "concurrency": concurrency, "seconds": wall, "throughput": requests / wall,
            "p50": latencies[len(latencies) // 2], "p95": latencies[int(len(latencies) * 0.95) - 1],
            "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=5, help="cold processes per question")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--no-readme", action="store_true")
    options = parser.parse_args()

    from assistant.bootstrap import setup_demo
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
        setup_demo(runtime, "bench", planning_date=date(2026, 11, 15), with_notes=True)
        runtime.store.engine.dispose()

        load_start = os.getloadavg()[0]
        asks = []
        for question in [*PLANNING, NOTES_QUESTION]:
            runs = [cold_ask(home, question) for _ in range(options.repeats)]
            doc = runs[0][1]
            tool = "notes" if question == NOTES_QUESTION else (
                doc["tool_calls"][0]["name"] if doc["tool_calls"] else "-")
            asks.append((question, sorted(seconds for seconds, _ in runs), tool))
        from assistant.conversation import Assistant

        os.environ["SOP_HOME"] = str(home)
        assistant = Assistant(Runtime(Settings(home=home, planning_date=date(2026, 11, 15))))
        assistant.ask(NOTES_QUESTION, principal="bench", role="viewer")
        started = time.perf_counter()
        for _ in range(5):
            assistant.ask(NOTES_QUESTION, principal="bench", role="viewer")
        notes_warm = (time.perf_counter() - started) / 5
        http = load(home, options.requests, options.concurrency)

    load_avg = os.getloadavg()[0]
    lines = [f"| question (offline router) | tool | seconds, cold `sop ask`: median of {options.repeats} | "
             "fastest – slowest |", "| --- | --- | ---: | ---: |"]
    lines += [f"| {q} | {tool} | {statistics.median(s):.2f} | {s[0]:.2f} – {s[-1]:.2f} |" for q, s, tool in asks]
    lines += [f"| the same, warm process (mean of 5) | notes | {notes_warm:.2f} | |"]
    body = "\n".join([
        "`python benchmarks/assistant_latency.py`: the demo company (seed 7, planning date 2026-11-15), "
        "offline router, 2 cores; each `sop ask` is a new process (start-up included). "
        f"Load average {load_start:.1f} before the cold runs, {load_avg:.1f} at the end.",
        "", *lines, "",
        f"HTTP load: {http['requests']} `POST /v1/chat` requests over {http['concurrency']} connections on "
        "loopback (uvicorn, one process), the planning questions above in turn:", "",
        "| requests | seconds | throughput (req/s) | p50 (s) | p95 (s) | errors |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {http['requests']} | {http['seconds']:.1f} | {http['throughput']:.1f} | {http['p50']:.3f} | "
        f"{http['p95']:.3f} | {http['errors']} |",
    ])
    print(body)
    if not options.no_readme:
        from readme import write_section

        write_section("## Assistant latency and HTTP load", body)


if __name__ == "__main__":
    main()
