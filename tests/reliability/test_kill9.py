"""kill -9 of ``sop data load``, ``sop forecast run --all`` and ``sop notes ingest`` at several stages, each
kill triggered by the command's own ``progress:`` line on stderr. After each kill the plan store opens and
shows the old or the new data (never half), no worker process of the command is left, and a re-run ends
with no duplicates."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from reliability.sop_process import SopProcess, run_json

pytestmark = pytest.mark.slow


def killed_at(stage: str, *args: str, workers: bool = False) -> int:
    """Start ``sop ARGS``, SIGKILL it when it prints ``progress: <stage>`` (with ``workers``: once its worker
    pool is up), check it left no process behind; its exit code (-9 when the kill landed)."""
    proc = SopProcess(*args)
    try:
        proc.wait_for(stage)
        if workers:
            proc.wait_for_workers()
        code = proc.kill()
        assert proc.survivors() == [], f"orphan processes after kill -9 at {stage!r}"
        return code
    finally:
        proc.close()


def query(home: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(home / "plan.db", timeout=30)) as connection:
        return connection.execute(sql).fetchall()


def assert_store_intact(home: Path) -> dict:
    assert query(home, "PRAGMA integrity_check") == [("ok",)]
    return run_json("data", "show")


def test_data_load_killed_at_each_stage_leaves_the_old_or_the_new_data(loaded_home, company_folders):
    a, b = company_folders
    old = run_json("data", "show")
    assert old["source"] == str(a.resolve())
    for stage in ("read ", "writing products", "writing orders", "writing forecast_snapshots"):  # thousands of rows
        # to go: the kill lands inside the transaction
        assert killed_at(stage, "data", "load", str(b), "--json") == -9
        shown = assert_store_intact(loaded_home)
        assert (shown["source"], shown["counts"], shown["loaded_at"]) == \
            (old["source"], old["counts"], old["loaded_at"]), stage
    killed_at("committed", "data", "load", str(b), "--json")  # after the commit: the new data, whole
    new = assert_store_intact(loaded_home)
    assert new["source"] == str(b.resolve()) and new["counts"]["orders"] == old["counts"]["orders"] - 200
    assert {k: v for k, v in new["counts"].items() if k != "orders"} == \
        {k: v for k, v in old["counts"].items() if k != "orders"}
    again = run_json("data", "load", str(b))
    shown = run_json("data", "show")
    assert shown["counts"] == new["counts"] == {k: v for k, v in again["rows"].items() if k in new["counts"]}
    assert query(loaded_home, "SELECT COUNT(*) FROM (SELECT DISTINCT * FROM orders)") == \
        query(loaded_home, "SELECT COUNT(*) FROM orders")


def versions_complete(home: Path) -> list[dict]:
    """Every stored version holds every SKU of its scope, each with the same months, once."""
    versions = run_json("forecast", "versions")["versions"]
    for v in versions:
        rows = query(home, f"SELECT sku, COUNT(*), COUNT(DISTINCT period) FROM forecast_values "
                           f"WHERE version_id = {int(v['id'])} GROUP BY sku")
        assert len(rows) == v["scope"]["skus"] == v["skus"], v
        assert len({(n, d) for _, n, d in rows}) == 1 and rows[0][1] == rows[0][2], v
    return versions


def test_forecast_run_killed_at_each_stage_leaves_whole_versions_and_no_workers(loaded_home):
    assert versions_complete(loaded_home) == []
    assert killed_at("history prepared", "forecast", "run", "--all", "--json", workers=True) == -9
    assert versions_complete(loaded_home) == []
    assert killed_at("cross-validate smooth", "forecast", "run", "--all", "--json") == -9
    assert versions_complete(loaded_home) == []
    killed_at("done", "forecast", "run", "--all", "--json")  # storing the version: all of it or none
    before = versions_complete(loaded_home)
    assert len(before) <= 1
    assert_store_intact(loaded_home)
    doc = run_json("forecast", "run", "--all")
    after = versions_complete(loaded_home)
    assert [v["id"] for v in after] == [v["id"] for v in before] + [doc["version"]]
    assert after[-1]["skus"] == doc["skus"] == run_json("data", "show")["counts"]["products"]


def expected_chunk_ids(folder: Path) -> set[str]:
    from sop_engine.notes.chunks import chunk_note
    from sop_engine.notes.parse import parse_note

    root = folder.resolve()
    ids = set()
    for path in sorted(root.glob("*.md")):
        note = parse_note(path)
        ids.update(c.id for c in chunk_note(note, source=str(path), folder=str(root),
                                            file=path.relative_to(root).as_posix()))
    return ids


def indexed_chunks(home: Path) -> list[str]:
    import chromadb
    from chromadb.config import Settings

    client = chromadb.PersistentClient(path=str(home / "chroma"), settings=Settings(anonymized_telemetry=False))
    return client.get_collection("meeting_notes").get(include=[])["ids"]


def test_notes_ingest_killed_at_each_stage_is_completed_by_a_re_ingest(loaded_home, company_folders):
    notes = company_folders[0] / "notes"
    assert killed_at("read ", "notes", "ingest", str(notes), "--json") == -9
    assert killed_at("wrote chunks 1-50 ", "notes", "ingest", str(notes), "--json") == -9  # 50 of 208: a note cut
    assert assert_store_intact(loaded_home)["loaded"]
    killed_at("writing ", "notes", "ingest", str(notes), "--json")  # chunks in; the decisions' transaction runs
    [(items_after_kill,)] = query(loaded_home, "SELECT COUNT(*) FROM note_items")
    doc = run_json("notes", "ingest", str(notes))
    assert doc["skipped"] == [] and doc["notes"] == len(list(notes.glob("*.md")))
    again = run_json("notes", "ingest", str(notes))  # a re-ingest of the same folder changes nothing
    assert (again["added"], again["updated"], again["removed"]) == (0, 0, 0) and again["items"] == doc["items"]
    ids = indexed_chunks(loaded_home)
    assert len(ids) == len(set(ids)) and set(ids) == expected_chunk_ids(notes)
    assert query(loaded_home, "SELECT COUNT(*), COUNT(DISTINCT id) FROM note_items") == [(doc["items"], doc["items"])]
    assert items_after_kill in (0, doc["items"])  # all of the decisions or none
    assert run_json("notes", "decisions")["count"] == doc["items"]
    assert run_json("notes", "search", "promo decision")["hits"]
