"""Meeting-notes retrieval quality and speed on the demo company's notes.

Usage: python benchmarks/notes_retrieval.py [--live]

Takes the demo notes the questions are anchored to (tests/sop_engine/notes/demo_notes/, a frozen copy of
write_demo_company(seed=7, planning_date=2026-11-15)), or with --live writes the demo company now, ingests
the notes into
a temporary chroma folder with the local MiniLM embeddings, and prints hit@1, recall@5 and MRR (over the
top 10) for dense, BM25 and hybrid retrieval on the dev and the held-out question sets. A hit counts when
its (file, section) is one of the question's answers. Also prints the cold time to the first search (a
fresh process: imports, model load, first query) and the warm search latency (median of 20).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sop_engine.demo.writer import write_demo_company  # noqa: E402
from sop_engine.notes import NotesConfig, NotesStore  # noqa: E402

COLD = """
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from sop_engine.notes import NotesConfig, NotesStore
store = NotesStore(NotesConfig(path={path!r}))
store.search("what did we decide about safety stock?", k=5)
print(time.perf_counter() - t0)
"""


def evaluate(store: NotesStore, questions: list[dict], mode: str) -> dict:
    hit1 = recall5 = rr = 0.0
    for q in questions:
        wanted = {(a["file"], a["section"]) for a in q["answers"]}
        hits = store.search(q["question"], k=10, mode=mode)
        ranks = [i for i, h in enumerate(hits, start=1) if (h.file, h.section) in wanted]
        first = ranks[0] if ranks else None
        hit1 += first == 1
        recall5 += first is not None and first <= 5
        rr += 1.0 / first if first else 0.0
    n = len(questions)
    return {"hit@1": hit1 / n, "recall@5": recall5 / n, "MRR": rr / n, "n": n}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions-dir", type=Path, default=ROOT / "tests/sop_engine/notes")
    parser.add_argument(
        "--live", action="store_true", help="generate the demo notes now instead of the frozen copy"
    )
    args = parser.parse_args()
    splits = {
        name: json.loads((args.questions_dir / f"questions_{name}.json").read_text())["questions"]
        for name in ("dev", "heldout")
    }
    with tempfile.TemporaryDirectory() as tmp:
        notes = args.questions_dir / "demo_notes"
        if args.live:
            write_demo_company(Path(tmp) / "demo", seed=7, planning_date=date(2026, 11, 15))
            notes = Path(tmp) / "demo" / "notes"
        chroma = Path(tmp) / "chroma"
        store = NotesStore(NotesConfig(path=chroma))
        t0 = time.perf_counter()
        report = store.ingest(notes)
        ingest_s = time.perf_counter() - t0
        stats = store.stats()
        print(
            f"notes: {stats['notes']}, chunks: {stats['chunks']}, skipped: {len(report.skipped)}, "
            f"ingest (incl. model load): {ingest_s:.1f} s"
        )
        print(f"{'split':8} {'mode':7} {'n':>3} {'hit@1':>6} {'recall@5':>8} {'MRR':>6}")
        for split, questions in splits.items():
            for mode in ("dense", "bm25", "hybrid"):
                r = evaluate(store, questions, mode)
                print(
                    f"{split:8} {mode:7} {r['n']:>3} {r['hit@1']:>6.3f} "
                    f"{r['recall@5']:>8.3f} {r['MRR']:>6.3f}"
                )
        timings = {}
        for mode in ("hybrid", "bm25"):
            samples = []
            for q in (splits["dev"] * 2)[:20]:
                t = time.perf_counter()
                store.search(q["question"], k=5, mode=mode)
                samples.append(time.perf_counter() - t)
            timings[mode] = statistics.median(samples) * 1000
        cold = subprocess.run(
            [sys.executable, "-c", COLD.format(root=str(ROOT), path=str(chroma))],
            capture_output=True,
            text=True,
            check=True,
        )
        print(
            f"cold time to first search (fresh process): {float(cold.stdout.strip().splitlines()[-1]):.1f} s"
        )
        print(
            f"warm search latency, median of 20: hybrid {timings['hybrid']:.0f} ms, "
            f"bm25 {timings['bm25']:.0f} ms"
        )


if __name__ == "__main__":
    main()
