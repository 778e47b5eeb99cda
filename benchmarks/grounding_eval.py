"""The grounding check's perturbation suite on the demo company, written to benchmarks/README.md ("## Grounding").

Builds the demo company in a temporary home (with its meeting notes), runs the suite's tool calls for real,
and counts per call: true claims kept, false claims caught per kind, the offline router's answers that pass
and the hand-written answers judged right (tests/assistant/test_grounding_perturbations.py asserts the same).

    python benchmarks/grounding_eval.py [--no-write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "assistant")]

from grounding_cases import CASES  # noqa: E402
from grounding_perturb import CALLS, HAND_ONLY, NOTE_CALLS, evaluate, table  # noqa: E402

README = ROOT / "benchmarks" / "README.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the table, leave the README alone")
    args = parser.parse_args()

    from assistant.bootstrap import setup_demo
    from assistant.conversation import Assistant
    from assistant.router.vocab import load_vocabulary
    from assistant.runtime import Runtime
    from assistant.settings import Settings
    from sop_engine.resolver import company_resolver
    from tools.base import run_tool

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        runtime = Runtime(Settings(home=Path(tmp) / "sop-home", planning_date=date(2026, 11, 15)))
        setup_demo(runtime, "cli:bench", planning_date=date(2026, 11, 15), with_notes=True)
        ctx = Assistant(runtime).context("cli:bench", "planner")
        resolver = company_resolver(runtime.store, load_vocabulary().reserved)
        rows = {}
        for name, call_args in CALLS + NOTE_CALLS + HAND_ONLY:
            result = run_tool(name, call_args, ctx)
            rows[f"`{name} {json.dumps(call_args, ensure_ascii=False)}`"] = evaluate(
                name, call_args, result, resolver, CASES, generated=(name, call_args) not in HAND_ONLY)
        runtime.store.engine.dispose()
    text = table(rows)
    seconds = time.perf_counter() - started
    print(text)
    if args.no_write:
        return
    section = (
        "## Grounding\n\n"
        "Written by `python benchmarks/grounding_eval.py` on the demo company (planning date 2026-11-15), "
        f"{seconds:.0f} s with the demo build. Per tool call: true claims generated from every fact (English "
        "and Vietnamese, by code and by name, exact and \"about\") kept; false claims caught per kind (an "
        "invented number, a wrong month, another product's figure, a misattributed measure, a sign flip, a "
        "fragment of a date/code/key; perturbations that happen to be true are skipped); the offline "
        "router's answers over the same result (en, vi) that pass; the hand-written answers of "
        "tests/assistant/grounding_cases.py judged right. A `-` is a kind that does not apply.\n\n"
        + text + "\n"
    )
    current = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    if "## Grounding" in current:
        current = re.sub(r"## Grounding\n.*?(?=\n## |\Z)", section.rstrip("\n") + "\n", current, flags=re.S)
    else:
        current = current.rstrip("\n") + "\n\n" + section
    README.write_text(current, encoding="utf-8")


if __name__ == "__main__":
    main()
