"""The plan stores the tests run on: a SQLite file, and a PostgreSQL server named by SOP_TEST_POSTGRES_URL.

Each PostgreSQL test gets a database of its own, created for it (empty, or from a template holding a
company) and dropped after it. The role in the URL must be allowed to create databases.
"""

from __future__ import annotations

import os
import secrets

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError

from sop_engine.store.db import normalize_url

POSTGRES_ENV = "SOP_TEST_POSTGRES_URL"
KINDS = ("sqlite", "postgresql")


def absent(reason: str):
    """A service a test needs is missing: skip, except with CI=true, where the run fails."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)", pytrace=False)
    pytest.skip(reason)


class PostgresServer:
    """Creates and drops the tests' databases on the server of ``url`` (connected to its database)."""

    def __init__(self, url: str) -> None:
        self.url: URL = make_url(normalize_url(url))
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=1)
        with self.admin.connect() as connection:
            connection.execute(text("SELECT 1"))

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); returns its name."""
        name = f"sop_test_{secrets.token_hex(6)}"
        clause = f' TEMPLATE "{template}"' if template else ""
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def close(self) -> None:
        self.admin.dispose()


def connect_server() -> PostgresServer:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        absent(f"{POSTGRES_ENV} is not set: no PostgreSQL server to test the plan store on")
    try:
        return PostgresServer(url)
    except OperationalError as error:
        absent(f"the PostgreSQL server of {POSTGRES_ENV} does not answer: {str(error).splitlines()[0]}")
        raise  # not reached


def run_sql(statement: str, **params) -> list[tuple]:
    """A SQL statement on the plan store the environment names (SOP_DATABASE_URL, else SOP_HOME's file), as a
    `sop` command would open it; its rows (none for a write, which is committed)."""
    from assistant.settings import Settings
    from sop_engine.store.db import make_engine

    engine = make_engine(Settings().db_url)
    try:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def copy_store(source_url: str, target_url: str) -> None:
    """Every row of one plan store into another, empty one (migrated by opening it), ids and all: the target's
    id sequences then continue after the copied rows."""
    import pandas as pd
    from sqlalchemy import Integer, select

    from sop_engine.store import PlanStore
    from sop_engine.store.bulk import insert_rows, records
    from sop_engine.store.schema import metadata

    source, target = PlanStore(source_url), PlanStore(target_url)
    try:
        with source.engine.connect() as read, target.begin() as write:
            for table in metadata.sorted_tables:
                rows = read.execute(select(table)).mappings().all()
                if rows:
                    insert_rows(write, table, records(pd.DataFrame([dict(r) for r in rows], dtype=object)))
                serial = [c for c in table.primary_key.columns if c.name == "id" and isinstance(c.type, Integer)]
                if serial and write.dialect.name == "postgresql":
                    write.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                       f"COALESCE(MAX(id), 0) + 1, false) FROM {table.name}"))
    finally:
        source.engine.dispose()
        target.engine.dispose()
