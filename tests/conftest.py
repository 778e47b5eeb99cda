"""Every test gets its own SOP_HOME (a real folder under tmp_path) and a fixed planning date."""

from __future__ import annotations

import pytest

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
    from datetime import date

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
    import shutil

    shutil.copytree(demo_home, isolated_home)
    context.reset()
    return isolated_home
