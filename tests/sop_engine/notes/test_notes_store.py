"""NotesStore on a real chroma folder with the real local MiniLM model (loaded once per process)."""

from __future__ import annotations

from datetime import date

import pytest

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.notes import NotesConfig, NotesStore

pytestmark = pytest.mark.slow  # loads the real MiniLM model (~10-20 s cold on 2 cores)

SKUS = {"OAT-1L": "Oat", "ALM-500": "Almond"}
FAMILIES = ["Oat", "Almond"]


@pytest.fixture
def store(tmp_path):
    return NotesStore(NotesConfig(path=tmp_path / "chroma", collection="notes_test"))


def _sources(store):
    got = store.client.get_collection("notes_test").get(include=["metadatas", "documents"])
    return got


def test_ingest_is_idempotent(store, notes_dir):
    first = store.ingest(notes_dir, known_skus=SKUS, families=FAMILIES)
    assert (first.added, first.updated, first.removed, first.unchanged, first.skipped) == (3, 0, 0, 0, [])
    # demand: Overview, Discussion, Decisions, Action items; supply: 3 sections; executive: 2
    assert first.chunks_written == 9
    assert len(first.items) == 5 + 2 + 2
    ids_before = sorted(_sources(store)["ids"])
    again = store.ingest(notes_dir, known_skus=SKUS, families=FAMILIES)
    assert (again.added, again.updated, again.removed, again.unchanged, again.chunks_written) == (
        0,
        0,
        0,
        3,
        0,
    )
    assert sorted(_sources(store)["ids"]) == ids_before
    assert store.stats() == {"chunks": 9, "notes": 3, "embedding": "local (all-MiniLM-L6-v2, 384 dimensions)"}


def test_edit_replaces_and_delete_removes(store, notes_dir):
    store.ingest(notes_dir)
    supply = notes_dir / "2026-10-02-supply-review.md"
    supply.write_text(supply.read_text().replace("Line 2 filler", "Line 7 capper"), encoding="utf-8")
    edited = store.ingest(notes_dir)
    assert (edited.added, edited.updated, edited.removed, edited.unchanged) == (0, 1, 0, 2)
    assert edited.chunks_written == 3
    docs = _sources(store)["documents"]
    assert len(docs) == 9
    assert any("Line 7 capper" in d for d in docs) and not any("Line 2 filler" in d for d in docs)

    (notes_dir / "2026-11-03-executive.txt").unlink()
    deleted = store.ingest(notes_dir)
    assert (deleted.added, deleted.updated, deleted.removed, deleted.unchanged) == (0, 0, 1, 2)
    metas = _sources(store)["metadatas"]
    assert len(metas) == 7
    assert {m["file"] for m in metas} == {"2026-09-15-demand-review.md", "2026-10-02-supply-review.md"}


def test_bad_notes_skipped_and_reported_by_file(store, notes_dir):
    (notes_dir / "no-front-matter.md").write_text("# Just a title\n\nSome words.\n", encoding="utf-8")
    (notes_dir / "scan.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (notes_dir / "minutes.pdf").write_bytes(b"%PDF-1.4")
    report = store.ingest(notes_dir)
    assert report.added == 3
    assert dict(report.skipped) == {
        "minutes.pdf": "not a note: only .md and .txt files are read",
        "no-front-matter.md": (
            "no-front-matter.md: no front matter: a note must start with a '---' line, then "
            "'date: YYYY-MM-DD' and 'meeting: <kind>' lines, then a closing '---'"
        ),
        "scan.md": "scan.md: binary file (contains NUL bytes), not a text note: refused",
    }
    # a note that turns bad keeps its previous chunks instead of vanishing
    (notes_dir / "2026-10-02-supply-review.md").write_text("no front matter any more", encoding="utf-8")
    later = store.ingest(notes_dir)
    assert (later.removed, later.unchanged) == (0, 2)
    assert "2026-10-02-supply-review.md" in dict(later.skipped)
    assert store.stats()["chunks"] == 9


def test_search_citations_and_filters(store, notes_dir):
    store.ingest(notes_dir, known_skus=SKUS, families=FAMILIES)
    top = store.search("who is confirming extra shifts on line 3?", k=3)[0]
    assert (top.file, top.meeting, top.date, top.title, top.section) == (
        "2026-10-02-supply-review.md",
        "supply_review",
        "2026-10-02",
        "October supply review",
        "Action items",
    )
    assert top.text == "- [ ] Marco Rossi: confirm overtime on line 3 (due 2026-10-09)"
    for mode in ("hybrid", "dense", "bm25"):
        hits = store.search("line filler promotion decisions", k=10, meeting="demand_review", mode=mode)
        assert hits and {h.meeting for h in hits} == {"demand_review"}
        windowed = store.search(
            "decisions", k=10, since=date(2026, 10, 1), until=date(2026, 10, 31), mode=mode
        )
        assert windowed and {h.date for h in windowed} == {"2026-10-02"}
    by_sku = store.search("production move", k=10, sku="alm-500")
    assert [(h.file, h.section) for h in by_sku] == [("2026-10-02-supply-review.md", "Decisions")]
    by_family = store.search("what was decided", k=10, family="oat", mode="dense")
    assert {(h.file, h.section) for h in by_family} == {
        ("2026-09-15-demand-review.md", "Discussion"),
        ("2026-09-15-demand-review.md", "Decisions"),
        ("2026-11-03-executive.txt", "Decisions"),
    }
    assert store.search("decisions", since=date(2027, 1, 1)) == []


def test_bm25_only_path(store, notes_dir):
    store.ingest(notes_dir)
    hits = store.search("Brightmart price freeze", k=5, mode="bm25")
    # every chunk with "brightmart", "price" or "freeze": the executive decisions hold all three
    assert (hits[0].file, hits[0].section) == ("2026-11-03-executive.txt", "Decisions")
    assert {(h.file, h.section) for h in hits[1:]} == {
        ("2026-11-03-executive.txt", "Risks"),
        ("2026-09-15-demand-review.md", "Discussion"),
        ("2026-09-15-demand-review.md", "Decisions"),
    }
    assert hits[0].score > hits[1].score >= hits[2].score >= hits[3].score > 0
    assert store.search("zebra", mode="bm25") == []


def test_search_errors(store, notes_dir):
    with pytest.raises(NoData, match="run `sop notes ingest DIR`"):
        store.search("anything")
    store.ingest(notes_dir)
    with pytest.raises(InvalidArgument, match="mode: must be one of hybrid, dense, bm25; got 'fuzzy'"):
        store.search("x", mode="fuzzy")
    with pytest.raises(InvalidArgument, match="k: must be an integer between 1 and 100; got 0"):
        store.search("x", k=0)
    with pytest.raises(InvalidArgument, match="query: must be a non-empty"):
        store.search("  ")
    with pytest.raises(InvalidArgument, match="folder: "):
        store.ingest(notes_dir / "missing")
