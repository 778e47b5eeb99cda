"""The retrieval question sets: well-formed, answerable in the demo notes, and not copied from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sop_engine.notes import parse_note

HERE = Path(__file__).parent
RUN = 4  # no question may share a run of this many words with the text of an answer section


def _load(name):
    return json.loads((HERE / name).read_text(encoding="utf-8"))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*%?", text.lower())


def _runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.fixture(scope="module")
def demo_sections():
    # a frozen copy of the demo notes: the questions are anchored to it, so a demo change cannot silently
    # turn them into questions about text that is no longer there
    sections = {}
    for path in sorted((HERE / "demo_notes").glob("*.md")):
        note = parse_note(path)
        for section in note.sections:
            sections[(path.name, section.heading)] = section.body
    return sections


def test_snapshot_is_52_valid_notes(demo_sections):
    assert len({file for file, _ in demo_sections}) == 52


def test_split_sizes_and_ids():
    dev, held = _load("questions_dev.json"), _load("questions_heldout.json")
    assert dev["split"] == "dev" and held["split"] == "heldout"
    assert "HELD OUT" in held["notes"]
    total = len(dev["questions"]) + len(held["questions"])
    assert total >= 40 and len(held["questions"]) >= 14 and len(held["questions"]) * 3 >= total
    ids = [q["id"] for q in dev["questions"] + held["questions"]]
    assert len(set(ids)) == len(ids)
    assert all(q["answers"] for q in dev["questions"] + held["questions"])


def test_every_answer_exists_and_no_question_copies_its_answer(demo_sections):
    problems = []
    for split in ("questions_dev.json", "questions_heldout.json"):
        for q in _load(split)["questions"]:
            for answer in q["answers"]:
                key = (answer["file"], answer["section"])
                if key not in demo_sections:
                    problems.append(f"{q['id']}: no section {key}")
                    continue
                if answer is q["answers"][0] and not any(
                    q["evidence"] in demo_sections.get((a["file"], a["section"]), "") for a in q["answers"]
                ):
                    problems.append(f"{q['id']}: evidence '{q['evidence']}' in none of its answers")
                shared = _runs(q["question"]) & _runs(demo_sections[key])
                if shared:
                    problems.append(f"{q['id']}: shares {sorted(shared)[0]} with {key}")
    assert problems == []


def test_the_overlap_check_catches_a_copy():
    assert _runs("Who must expedite PO-1182 with the carton supplier?") & _runs(
        "- [ ] Lan Nguyen: expedite PO-1182 with the carton supplier (due 2026-09-30)"
    ) == {
        ("expedite", "po-1182", "with", "the"),
        ("po-1182", "with", "the", "carton"),
        ("with", "the", "carton", "supplier"),
    }
