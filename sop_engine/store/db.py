"""Opening the plan store and keeping its schema current (Alembic migrations, run in place).

Two databases are supported: a SQLite file (the default) and PostgreSQL (``postgresql+psycopg://...``).
Writers take turns on both: every write transaction first takes the store's write turn (``lock_writes``:
SQLite's write lock, PostgreSQL's transaction-level advisory lock), so the two behave alike — readers never
wait, writes are serialized, limits counted inside a write hold, and the audit log's ids grow in commit
order (``PlanStore.generation``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# The newest migration's revision. Checked against Alembic's scripts by a test; it lets a current store
# open without importing Alembic (a noticeable part of a CLI command's start-up).
SCHEMA_HEAD = "0005"
# How long a writer waits for another one (SQLite's busy timeout, PostgreSQL's lock timeout).
WAIT_SECONDS = 30


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 (the driver the project installs)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def display_url(url: str) -> str:
    """The URL with its password masked, for messages and ``sop data show``."""
    return make_url(normalize_url(url)).render_as_string(hide_password=True)


def make_engine(url: str) -> Engine:
    """A SQLAlchemy engine. SQLite files get their folder created, foreign keys on, WAL and a busy timeout;
    PostgreSQL sessions run in UTC with a lock timeout."""
    url = normalize_url(url)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    connect_args = {"timeout": WAIT_SECONDS} if url.startswith("sqlite") else {}
    engine = create_engine(url, connect_args=connect_args, pool_pre_ping=url.startswith("postgresql"))
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # pragma: no cover - exercised by every test
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={WAIT_SECONDS * 1000}")
            # switching the journal takes a lock the busy timeout does not cover: only when not WAL yet
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

    elif engine.dialect.name == "postgresql":

        @event.listens_for(engine, "connect")
        def _postgres_session(dbapi_connection, _record):
            autocommit = dbapi_connection.autocommit
            dbapi_connection.autocommit = True
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SET TIME ZONE 'UTC'")
                cursor.execute(f"SET lock_timeout = '{WAIT_SECONDS}s'")
            dbapi_connection.autocommit = autocommit

    return engine


def _lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``pg_advisory_xact_lock``."""
    return int.from_bytes(hashlib.blake2b(f"sop-assistant:{name}".encode(), digest_size=8).digest(), "big",
                          signed=True)


WRITE_LOCK = _lock_key("plan-store-writes")


def lock_writes(connection: Connection) -> None:
    """Wait for the store's write turn, held until the transaction ends: PostgreSQL's advisory lock (taken
    again inside the same transaction, it costs a round trip and nothing else); on SQLite ``BEGIN IMMEDIATE``
    as the transaction's first statement (later in a transaction, its first write takes the lock). Taking it
    first means what the transaction reads before it writes cannot change under it."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})
    elif connection.dialect.name == "sqlite" and not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine | Connection) -> str | None:
    if isinstance(engine, Connection):
        return _revision(engine)
    with engine.connect() as connection:
        return _revision(connection)


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the store's schema to the newest revision; a no-op when it is already there. Processes that
    open a new PostgreSQL store at once migrate it once: the first takes the write lock, the others then
    find it current."""
    if current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        lock_writes(connection)
        if _revision(connection) == SCHEMA_HEAD:
            return
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to ``revision`` (``base``: no tables); for operators and the migration tests."""
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        lock_writes(connection)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
