"""Another company or the same one: what a load keeps of the tool-made data, through the real CLI (on SQLite and
PostgreSQL), and how `sop serve` says which company it serves."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from cli.helpers import sop_json
from factories import SALES, write_company
from stores import run_sql

ROOT = Path(__file__).resolve().parents[2]


def _tool_made(home: Path) -> dict[str, int]:
    return {t: run_sql(f"SELECT count(*) FROM {t}")[0][0]
            for t in ("forecast_versions", "published_forecast", "overrides", "note_items")}


def _plan_a_cycle(home: Path) -> None:
    version = sop_json("forecast", "run", "--all", "--note", "cycle")["version"]
    sop_json("forecast", "publish", str(version))
    sop_json("forecast", "override", "AB-100", "2026-12", "80", "--reason", "promo")
    run_sql("INSERT INTO note_items (id, kind, text, meeting, date, folder, file) VALUES "  # a decision from the notes
            "('n1', 'decision', 'Raise safety stock on AB-100', 'supply_review', '2026-10-01', '/n', 'a.md')")


def test_the_same_companys_monthly_reload_keeps_what_the_tool_made(tmp_path, isolated_home, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "oct")))
    _plan_a_cycle(isolated_home)
    before = _tool_made(isolated_home)
    loaded = sop_json("data", "load", str(write_company(tmp_path / "nov", **{
        "sales_history.csv": SALES + "AB-100,2026-11,61\n",
        "company.toml": 'name = "  test   CO "\ncurrency = "EUR"\n',  # the same name, written differently
    })))
    assert loaded["company_change"] is None
    assert _tool_made(isolated_home) == before and before["overrides"] == 1 and before["published_forecast"] == 3


def test_a_folder_without_a_name_is_taken_to_be_the_same_company(tmp_path, isolated_home, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "a", **{"company.toml": None})))
    _plan_a_cycle(isolated_home)
    assert sop_json("data", "load", str(write_company(tmp_path / "b")))["company_change"] is None
    assert _tool_made(isolated_home)["overrides"] == 1


def test_another_company_drops_the_previous_ones_tool_made_data_and_audits_it(tmp_path, isolated_home, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "first")))
    _plan_a_cycle(isolated_home)
    draft = sop_json("forecast", "run", "--sku", "AB-200")["version"]
    pending = sop_json("ask", f"publish forecast version {draft}", "--role", "planner")["pending_approval"]
    assert pending and pending["status"] == "pending"
    other = write_company(tmp_path / "other", **{"company.toml": 'name = "Other Ltd"\n'})
    change = sop_json("data", "load", str(other))["company_change"]
    assert (change["from"], change["to"], change["from_demo"]) == ("Test Co", "Other Ltd", False)
    assert change["reason"] == "company.toml names another company"
    assert change["dropped"] == {"published_forecast": 3, "forecast_values": change["dropped"]["forecast_values"],
                                 "forecast_sku_info": 4, "forecast_drivers": 0,
                                 "forecast_driver_effects": 0, "forecast_versions": 2, "overrides": 1, "note_items": 1,
                                 "pending_approvals": 1, "notes_chunks": 0, "conversation_threads": 1}
    assert _tool_made(isolated_home) == {"forecast_versions": 0, "published_forecast": 0, "overrides": 0,
                                         "note_items": 0}
    assert sop_json("approvals", "list")["approvals"] == []
    [(status,)] = run_sql("SELECT status FROM approvals WHERE id = :id", id=pending["id"])
    actions = [r[0] for r in run_sql("SELECT action FROM audit_log ORDER BY id")]
    assert status == "rejected"
    assert actions[-2:] == ["company.change", "data.load"]
    assert sop_json("data", "show")["demo"] is False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(home: Path, *flags: str) -> tuple[dict, str]:
    """Start `sop serve` in its own process, read /readyz, stop it; returns (readyz, its output)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SOP_HOME": str(home)}
    process = subprocess.Popen([sys.executable, "-m", "assistant.cli.main", "serve", "--port", str(port), *flags],
                               env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None and time.monotonic() < deadline, "sop serve did not start"
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return ready, output


def test_serve_says_it_serves_the_demo_and_no_demo_serves_nothing(demo, tmp_path):
    ready, output = _serve(demo)
    assert ready["demo"] is True and ready["company"] and ready["status"] == "ready"
    assert "serving the DEMO company" in output
    ready, output = _serve(tmp_path / "empty-home", "--no-demo")
    assert (ready["status"], ready["data_loaded"], ready["company"], ready["demo"]) == ("empty", False, None, False)
    assert "The plan store is empty" in output and "DEMO" not in output


def test_the_image_and_compose_start_without_the_demo():
    import yaml

    cmd = next(line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD "))
    assert json.loads(cmd.removeprefix("CMD ")) == ["sop", "serve", "--no-demo"]
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    assert compose["services"]["sop"]["command"] == ["sop", "serve", "--no-demo"]
    # the plan store is the compose file's PostgreSQL, which the app waits for
    sop = compose["services"]["sop"]
    assert sop["environment"]["SOP_DATABASE_URL"].startswith("postgresql+psycopg://sop:")
    assert sop["environment"]["SOP_DATABASE_URL"].endswith("@postgres:5432/sop")
    assert sop["depends_on"]["postgres"] == {"condition": "service_healthy"}
    assert compose["services"]["postgres"]["environment"]["POSTGRES_DB"] == "sop"
