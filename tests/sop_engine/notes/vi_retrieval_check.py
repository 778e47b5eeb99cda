"""The Vietnamese notes-search check: hit@3 per mode on vi_questions.json over vi_notes/ + the English notes.

    PYTHONPATH=. python tests/sop_engine/notes/vi_retrieval_check.py     # prints hit@3 per mode

The notes of vi_notes/ are ingested together with the English fixture notes (notes_fixtures.py) into one
chroma folder with the local MiniLM embeddings, so English passages compete with the Vietnamese ones as
they would in a company that writes notes in both languages.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
VI_NOTES = HERE / "vi_notes"
MODES = ("dense", "bm25", "hybrid")


def load_questions(split: str = "questions") -> list[dict]:
    """``questions`` (used to choose the fusion weight) or ``heldout`` (never used for tuning)."""
    return json.loads((HERE / "vi_questions.json").read_text(encoding="utf-8"))[split]


def build_store(folder: Path):
    sys.path.insert(0, str(HERE))
    from notes_fixtures import write_fixture_notes

    from sop_engine.notes import NotesConfig, NotesStore

    store = NotesStore(NotesConfig(path=folder / "chroma", collection="vi_check"))
    store.ingest(VI_NOTES)
    store.ingest(write_fixture_notes(folder / "english"))
    return store


def hit_at(store, questions: list[dict], mode: str, n: int = 3) -> tuple[float, list[str]]:
    """(share of questions with an answer among the first n hits, the questions missed)."""
    missed = []
    for q in questions:
        wanted = {tuple(a) for a in q["answers"]}
        hits = store.search(q["question"], k=n, mode=mode)
        if not any((h.file, h.section) in wanted for h in hits):
            missed.append(q["question"])
    return 1 - len(missed) / len(questions), missed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = build_store(Path(tmp))
        print("split      mode      n  hit@1  hit@3  missed at 3")
        for split in ("questions", "heldout"):
            questions = load_questions(split)
            for mode in MODES:
                at1, _ = hit_at(store, questions, mode, 1)
                at3, missed = hit_at(store, questions, mode, 3)
                print(f"{split:10} {mode:7} {len(questions):3}  {at1:.3f}  {at3:.3f}  {missed}")


if __name__ == "__main__":
    main()
