"""One demo company per theme, written once per test session into a temporary folder."""

from __future__ import annotations

from datetime import date

import pytest

from sop_engine.demo import write_demo_company

DEMO_PLANNING_DATE = date(2026, 11, 15)


@pytest.fixture(scope="session")
def beverages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("beverages")
    return write_demo_company(folder, seed=7, planning_date=DEMO_PLANNING_DATE)


@pytest.fixture(scope="session")
def hardware(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hardware")
    return write_demo_company(folder, seed=7, planning_date=DEMO_PLANNING_DATE, theme="hardware")
