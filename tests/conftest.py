"""Every test gets its own SOP_HOME (a real folder under tmp_path) and a fixed planning date.

Tests of the plan store take ``store_url`` (an empty store) or ``demo_store`` (the demo company), each run
once on SQLite and once on PostgreSQL (``tests/stores.py``: without SOP_TEST_POSTGRES_URL the PostgreSQL
runs skip, except with CI=true, where they fail).
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from stores import KINDS, connect_server, copy_store

from assistant.cli import context

PLANNING_DATE = "2026-11-15"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "sop-home"
    monkeypatch.setenv("SOP_HOME", str(home))
    monkeypatch.setenv("SOP_PLANNING_DATE", PLANNING_DATE)
    for name in ("SOP_DATABASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "SOP_CHROMA_URL", "SOP_API_KEYS",
                 "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SOP_SLACK_ROLES",
                 "SOP_FORECAST_ENGINE", "SOP_FORECAST_ADDRESS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    context.reset()
    yield home
    context.reset()


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory):
    """A SOP_HOME holding the demo company (loaded, forecast published; no notes), built once per session."""
    from assistant.bootstrap import setup_demo
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    home = tmp_path_factory.mktemp("demo") / "sop-home"
    runtime = Runtime(Settings(home=home, planning_date=date(2026, 11, 15)))
    setup_demo(runtime, "cli:test", planning_date=date(2026, 11, 15), with_notes=False)
    runtime.store.engine.dispose()
    return home


@pytest.fixture
def demo(demo_home, isolated_home):
    """This test's own copy of the demo company's home (SOP_HOME points at it)."""
    shutil.copytree(demo_home, isolated_home)
    context.reset()
    return isolated_home


# --- the plan store on SQLite and on PostgreSQL ----------------------------------------------------------

@pytest.fixture(scope="session")
def postgres_server():
    server = connect_server()
    yield server
    server.close()


@pytest.fixture(params=KINDS)
def store_kind(request) -> str:
    return request.param


@pytest.fixture
def store_url(store_kind, isolated_home, request, monkeypatch):
    """The URL of this test's own empty plan store; on PostgreSQL a new database, which SOP_DATABASE_URL
    names (so runtimes and `sop` processes started by the test use it), dropped after the test."""
    if store_kind == "sqlite":
        yield f"sqlite:///{isolated_home / 'plan.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = server.create()
    url = server.url_of(name)
    monkeypatch.setenv("SOP_DATABASE_URL", url)
    yield url
    server.drop(name)


@pytest.fixture(scope="session")
def postgres_demo(postgres_server, demo_home):
    """The demo company's SOP_HOME and a PostgreSQL database holding its plan store, used as a template: the
    SQLite demo's rows copied over once (``copy_store``; building it again would forecast again)."""
    name = postgres_server.create()
    copy_store(f"sqlite:///{demo_home / 'plan.db'}", postgres_server.url_of(name))
    yield demo_home, name
    postgres_server.drop(name)


@pytest.fixture
def demo_store(store_kind, isolated_home, request, monkeypatch):
    """The demo company on this test's store: the ``demo`` copy on SQLite; on PostgreSQL a new database
    copied from the demo template (SOP_DATABASE_URL names it), dropped after the test."""
    if store_kind == "sqlite":
        yield request.getfixturevalue("demo")
        return
    server = request.getfixturevalue("postgres_server")
    home, template = request.getfixturevalue("postgres_demo")
    shutil.copytree(home, isolated_home, ignore=shutil.ignore_patterns("plan.db*"))
    name = server.create(template=template)
    monkeypatch.setenv("SOP_DATABASE_URL", server.url_of(name))
    context.reset()
    yield isolated_home
    server.drop(name)
