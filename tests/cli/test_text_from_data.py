"""Text from data is text: Rich markup in a company name or a SKU never breaks the CLI, a SKU is never a
file name (charts stay inside $SOP_HOME/charts), and a symlinked input file is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import sop

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from tests.factories import INVENTORY, PRODUCTS, SALES, SUPPLY, write_company
from tools.base import run_tool

ODD = {"AB-100": "/etc/x", "AB-200": "[/x]", "CD-300": "../../x"}


def odd_company(folder: Path) -> Path:
    def swap(text: str) -> str:
        for old, new in ODD.items():
            text = text.replace(old, new)
        return text

    return write_company(
        folder, products__csv=swap(PRODUCTS).replace("Beta Widget", "Beta [/bold] [red]Widget"),
        sales_history__csv=swap(SALES), inventory__csv=swap(INVENTORY), supply__csv=swap(SUPPLY),
        company__toml='name = "[/bold]Markup [link=x]Co"\ncurrency = "EUR"\nplanning_date = "2026-11-15"\n')


@pytest.fixture
def loaded(tmp_path):
    folder = odd_company(tmp_path / "export")
    result = sop("data", "load", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def test_markup_in_names_and_codes_is_printed_as_text(loaded):
    shown = sop("data", "show")
    assert shown.exit_code == 0, shown.output
    assert "[/bold]Markup [link=x]Co" in shown.stdout and "Traceback" not in shown.output
    assert sop("forecast", "run", "--all", "--note", "[/x] cycle").exit_code == 0
    forecast = sop("forecast", "show", "latest", "--sku", "[/x]")
    assert forecast.exit_code == 0, forecast.output
    assert "[/x]" in forecast.stdout
    missing = sop("forecast", "show", "latest", "--sku", "[/nothing]")
    assert missing.exit_code == 1 and "[/nothing]" in missing.stderr and "Traceback" not in missing.output
    gaps = sop("gaps", "--all")
    assert gaps.exit_code == 0 and "[/x]" in gaps.stdout and "Traceback" not in gaps.output
    products = sop("gaps", "--sku", "[/x]", "--months", "1")
    assert products.exit_code == 0 and "Traceback" not in products.output


def test_a_sku_that_looks_like_a_path_never_names_a_chart_file(loaded, isolated_home):
    assert sop("forecast", "run", "--all").exit_code == 0
    assistant = Assistant(Runtime())
    charts = isolated_home / "charts"
    for sku in ODD.values():
        result = run_tool("chart", {"product": sku}, assistant.context("cli:t", "viewer"))
        assert "error" not in result, result
        path = Path(result["path"])
        assert path.parent == charts and path.is_file() and sku not in path.name
    assert not Path("/etc/x.png").exists() and sorted(p.suffix for p in charts.iterdir()) == [".png"] * 3


def test_a_symlinked_input_file_is_refused(tmp_path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(PRODUCTS)
    folder = write_company(tmp_path / "export")
    (folder / "products.csv").unlink()
    os.symlink(outside, folder / "products.csv")
    for command in ("validate", "load"):
        result = sop("data", command, str(folder))
        assert result.exit_code == 1
        assert "products.csv" in result.stderr and "symbolic link" in result.stderr
