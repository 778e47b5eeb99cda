"""CPU time of one offline chat turn, in one process: the questions `benchmarks/server_load.py` sends.

    python benchmarks/chat_cpu.py [--turns 300] [--seed 987061] [--profile N]

Builds the demo company (seed 7, planning date 2026-11-15, no notes) in a temporary SOP_HOME with a SQLite plan
store, draws ``--turns`` questions at random from the 200 of ``server_load.question_pool`` and asks each through
``Assistant.ask`` (a new thread each, as a planner: what ``POST /v1/chat`` calls), after 12 warm-up turns.
Prints the CPU milliseconds per turn (median, mean, p95; overall and per tool), which do not depend on the
machine's load the way wall times do (they still grow somewhat on a crowded machine: compare figures of one
run, or of runs made one after the other). ``--profile N`` prints the N most expensive functions (cProfile).
HTTP, JSON and uvicorn are not counted: the server's own CPU per request is in ``server_load.py``.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PLANNING_DATE = date(2026, 11, 15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=300)
    parser.add_argument("--seed", type=int, default=987061, help="the question pool's draw (server_load's)")
    parser.add_argument("--profile", type=int, default=0, help="print the N most expensive functions")
    args = parser.parse_args()
    os.environ.update(ANONYMIZED_TELEMETRY="False", SOP_PLANNING_DATE=PLANNING_DATE.isoformat())
    for name in ("SOP_API_KEYS", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        os.environ.pop(name, None)

    from server_load import question_pool

    from assistant.bootstrap import setup_demo
    from assistant.conversation import Assistant
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "sop-home"
        os.environ["SOP_HOME"] = str(home)
        runtime = Runtime(Settings(home=home, planning_date=PLANNING_DATE))
        setup_demo(runtime, "cli:bench", planning_date=PLANNING_DATE, with_notes=False)
        questions = question_pool(home, args.seed)
        assistant = Assistant(runtime)
        for message in questions[:12]:  # first-call imports and the per-version frames
            assistant.ask(message, principal="api:bench", role="planner")
        rng = random.Random(args.seed)
        draw = [rng.choice(questions) for _ in range(args.turns)]
        profile = cProfile.Profile() if args.profile else None
        cpu: list[float] = []
        by_tool: dict[str, list[float]] = {}
        if profile:
            profile.enable()
        for message in draw:
            used = time.process_time()
            doc = assistant.ask(message, principal="api:bench", role="planner")
            cpu.append((time.process_time() - used) * 1000)
            tools = ",".join(c["name"] for c in doc["tool_calls"]) or "(none)"
            by_tool.setdefault(tools, []).append(cpu[-1])
        if profile:
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    load = os.getloadavg()[0]
    print(f"{args.turns} turns, CPU ms per turn: median {statistics.median(cpu):.1f}, mean {statistics.mean(cpu):.1f}, "
          f"p95 {sorted(cpu)[int(0.95 * (len(cpu) - 1))]:.1f} (load average {load:.1f} at the end"
          f"{', profiled' if profile else ''})")
    for tools, values in sorted(by_tool.items()):
        print(f"  {tools:32s} {len(values):4d} turns, median {statistics.median(values):6.1f}, "
              f"mean {statistics.mean(values):6.1f}")


if __name__ == "__main__":
    main()
