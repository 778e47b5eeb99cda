"""Alembic's migrations on an empty SQLite file and an empty PostgreSQL database: up to head gives exactly the
schema of ``sop_engine.store.schema``, every step goes down and up again, and processes opening a new store
at once migrate it once."""

from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from sop_engine.store import PlanStore, db
from sop_engine.store.schema import metadata


def _differences(engine) -> list:
    with engine.connect() as connection:
        return compare_metadata(MigrationContext.configure(connection), metadata)


def _tables(engine) -> set[str]:
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())


def test_head_is_the_schema_and_every_step_goes_down_and_up(store_url):
    engine = db.make_engine(store_url)
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision() == db.SCHEMA_HEAD
    assert _differences(engine) == []
    assert _tables(engine) == set(metadata.tables) | {"alembic_version"}
    revisions = [s.revision for s in ScriptDirectory.from_config(db._alembic_config()).walk_revisions()]
    for revision in revisions:  # newest first: one step down, then up again to head
        below = ScriptDirectory.from_config(db._alembic_config()).get_revision(revision).down_revision or "base"
        db.downgrade(engine, below)
        assert db.current_revision(engine) == (None if below == "base" else below)
        db.upgrade(engine)
        assert db.current_revision(engine) == db.SCHEMA_HEAD and _differences(engine) == []
    db.downgrade(engine, "base")
    assert _tables(engine) == {"alembic_version"} and db.current_revision(engine) is None
    db.upgrade(engine)
    assert _differences(engine) == []
    engine.dispose()


OPEN = "import sys; from sop_engine.store import PlanStore; PlanStore(sys.argv[1]).engine.dispose(); print('ok')"


def test_processes_opening_a_new_store_at_once_migrate_it_once(store_url):
    processes = [subprocess.Popen([sys.executable, "-c", OPEN, store_url], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 3, [err[-2000:] for _, err in outputs]
    store = PlanStore(store_url)
    assert db.current_revision(store.engine) == db.SCHEMA_HEAD and _differences(store.engine) == []
    store.engine.dispose()
