"""The load figures of the reliability suite: 50 concurrent clients against the real `sop serve`.

    python benchmarks/reliability.py [--clients 50] [--seconds 20]

Builds the demo company (seed 7, planning date 2026-11-15, no notes) in a temporary SOP_HOME, starts
`sop serve --no-demo` on a free loopback port (offline router, no keys), then runs tests/reliability/load.py:
each client sends, one after the other, chat questions (two of three requests, `POST /v1/chat`) and reads
(`/v1/shortages`, `/v1/forecast`, `/v1/kpis/fill_rate`, `/v1/products`) for the given time, while a prober
asks `/healthz` every 50 ms. Prints the figures (JSON) and a markdown row for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

from load import ServedSop, run_load  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    os.environ.update(ANONYMIZED_TELEMETRY="False", SOP_PLANNING_DATE="2026-11-15")
    os.environ.pop("SOP_API_KEYS", None)

    from assistant.bootstrap import setup_demo
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "sop-home"
        runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
        setup_demo(runtime, "cli:bench", planning_date=date(2026, 11, 15), with_notes=False)
        runtime.store.engine.dispose()
        load_before = os.getloadavg()[0]
        with ServedSop(home) as served:
            result = run_load(served.url, clients=args.clients, seconds=args.seconds)
        figures = result.figures()
        figures["load_average"] = [round(load_before, 1), round(os.getloadavg()[0], 1)]
        figures["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        print(json.dumps(figures, indent=2))
        if result.errors:
            print("errors, e.g.:", *result.errors[:5], sep="\n  ")
        print(f"| {figures['clients']} | {figures['seconds']} | {figures['requests']} | {figures['errors']} | "
              f"{figures['throughput_rps']} | {figures['p50_ms']} | {figures['p95_ms']} | "
              f"{figures['healthz_p99_ms']} | {figures['healthz_max_ms']} |")


if __name__ == "__main__":
    main()
