"""Slack fixtures: the tiny company built once per session and copied per test, a fake Slack Web API,
and the served app."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.bootstrap import load_folder
from assistant.runtime import Runtime
from assistant.settings import Settings
from sop_engine.service import forecasting
from tests.factories import write_company
from tests.slack.fake_slack import FakeSlack
from tests.slack.slack_server import ADMIN, PLANNER, PRODUCTS_WITH_PING, SALES, SIGNING_SECRET, SlackServer


@pytest.fixture(scope="session")
def company_home(tmp_path_factory) -> Path:
    """A SOP_HOME with the tiny company loaded, forecast and published (version 1), built once."""
    home = tmp_path_factory.mktemp("slack-company") / "sop-home"
    settings = Settings(home=home, database_url=f"sqlite:///{home / 'plan.db'}", planning_date=date(2026, 11, 15))
    runtime = Runtime(settings=settings)
    folder = write_company(home.parent / "company", products__csv=PRODUCTS_WITH_PING, sales_history__csv=SALES)
    load_folder(runtime, folder, "test")
    run = forecasting.run_forecast(runtime.store, date(2026, 11, 15), principal="test", note="initial")
    forecasting.publish_forecast(runtime.store, run["version"], "test")
    runtime.store.engine.dispose()
    return home


@pytest.fixture
def fake_slack():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture
def slack_env(isolated_home, company_home, fake_slack, monkeypatch) -> Runtime:
    """This test's own copy of the company, and Slack settings pointing at the fake."""
    shutil.copytree(company_home, isolated_home)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SIGNING_SECRET)
    monkeypatch.setenv("SOP_SLACK_API_URL", fake_slack.base_url)
    monkeypatch.setenv("SOP_SLACK_ROLES", f"{PLANNER}:planner,{ADMIN}:admin")
    return Runtime()


@pytest.fixture
def slack_server(slack_env, fake_slack):
    server = SlackServer(slack_env, fake_slack, progress_interval=0.0).start()
    yield server
    server.stop()
