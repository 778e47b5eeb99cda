"""Arguments are data, never paths: a scenario naming a server file is refused without opening it, the
refusal does not tell whether the file exists, and the plan store's WAL (and a confirmed write) survive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from server import ApiServer

from assistant.runtime import Runtime
from sop_engine.store import approvals as store_approvals

KEYS = "view-key:viewer,plan-key:planner"
MARKER = "do-not-echo-4c1f"


@pytest.fixture
def api(demo, monkeypatch):
    monkeypatch.setenv("SOP_API_KEYS", KEYS)
    with ApiServer(Runtime()) as server:
        yield server


def test_a_scenario_naming_a_server_file_is_refused_alike_whether_it_exists_or_not(api, tmp_path):
    secret = tmp_path / "secret-scenario.json"
    secret.write_text(json.dumps({"name": MARKER, "demand_changes": [{"family": "Cold Brew", "pct": 10}]}))
    with api.client("view-key") as viewer:
        answers = [viewer.get("/v1/shortages", params={"scenario": str(path)})
                   for path in (secret, tmp_path / "missing.json", tmp_path)]
        inline = viewer.get("/v1/shortages", params={"scenario": secret.read_text(), "months": 2})
    assert [a.status_code for a in answers] == [422, 422, 422]
    assert len({a.json()["detail"] for a in answers}) == 1  # the same words for a file, no file and a folder
    for answer in answers:
        assert MARKER not in answer.text and str(tmp_path) not in answer.text
        assert answer.headers["content-type"] == "application/problem+json"
    # the same scenario as JSON (the documented form) works, and is echoed as the caller's own input
    assert inline.status_code == 200 and inline.json()["scenario_input"]["name"] == MARKER


def test_a_scenario_naming_the_plan_store_leaves_its_wal_and_a_confirmed_write_survives(api, demo):
    db = demo / "plan.db"
    with api.client("plan-key") as planner:
        doc = planner.post("/v1/chat", json={"message": "publish the latest forecast"}).json()
        pending = doc["pending_approval"]
        assert pending and pending["status"] == "pending"  # the server confirmed the write
        wal = Path(f"{db}-wal")
        assert wal.exists()
        refused = planner.get("/v1/shortages", params={"scenario": str(db)})
        assert refused.status_code == 422 and "SQLite" not in refused.text
        # any CLI command from another process, while the server runs
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        run = subprocess.run([sys.executable, "-m", "assistant.cli.main", "data", "show", "--json"], env=env,
                             capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert wal.exists()
        assert planner.get("/v1/approvals").json()["approvals"][0]["id"] == pending["id"]
    api.app.state.runtime.store.engine.dispose()
    api.__exit__(None, None, None)
    restarted = Runtime()
    assert [a["id"] for a in store_approvals.list_approvals(restarted.store, "pending")] == [pending["id"]]


def test_a_scenario_in_a_json_body(api):
    scenario = {"name": MARKER, "demand_changes": [{"family": "Cold Brew", "pct": 25}]}
    with api.client("view-key") as viewer:
        doc = viewer.post("/v1/shortages", json={"months": 3, "scenario": scenario})
        too_many = viewer.post("/v1/shortages", json={"scenario": {"demand_changes": [
            {"family": "Cold Brew", "pct": 1}] * 201}})
        as_text = viewer.post("/v1/shortages", json={"scenario": "/etc/passwd"})
    assert doc.status_code == 200 and doc.json()["scenario_input"]["demand_changes"][0]["pct"] == 25
    assert {"base", "scenario", "changes"} <= set(doc.json())
    assert too_many.status_code == 422 and as_text.status_code == 422 and "root:" not in as_text.text
