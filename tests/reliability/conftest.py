"""The reliability suite: kill -9 of the long CLI commands, schemathesis against the served OpenAPI, and a
bounded load test. A company folder (the demo's CSVs and notes, written once) and a store holding it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from assistant.bootstrap import load_folder
from assistant.runtime import Runtime
from assistant.settings import Settings

PLANNING = date(2026, 11, 15)
DROPPED_ORDERS = 200  # the second folder is the same company with fewer order lines


@pytest.fixture(scope="session")
def company_folders(tmp_path_factory) -> tuple[Path, Path]:
    """Folder A (a complete company with meeting notes) and folder B (A's next month: fewer order lines)."""
    from sop_engine.demo import write_demo_company

    root = tmp_path_factory.mktemp("reliability-company")
    a, b = root / "a", root / "b"
    write_demo_company(a, seed=7, planning_date=PLANNING)
    shutil.copytree(a, b, ignore=shutil.ignore_patterns("notes"))
    lines = (b / "orders.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) > 2 * DROPPED_ORDERS
    (b / "orders.csv").write_text("".join(lines[:-DROPPED_ORDERS]), encoding="utf-8")
    return a, b


@pytest.fixture(scope="session")
def loaded_home_template(tmp_path_factory, company_folders) -> Path:
    home = tmp_path_factory.mktemp("reliability-home") / "sop-home"
    runtime = Runtime(Settings(home=home, planning_date=PLANNING))
    load_folder(runtime, company_folders[0], "cli:test")
    runtime.store.engine.dispose()
    return home


@pytest.fixture
def loaded_home(loaded_home_template, isolated_home) -> Path:
    """This test's own SOP_HOME holding company A (loaded, not forecast, no notes)."""
    shutil.copytree(loaded_home_template, isolated_home)
    return isolated_home
