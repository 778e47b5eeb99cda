"""``sop data validate|load|show`` on real folders and a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

from cli.helpers import sop, sop_json
from factories import SALES, write_company
from stores import run_sql

from sop_engine.store import PlanStore
from sop_engine.store.db import SCHEMA_HEAD, current_revision, display_url, head_revision


def test_validate_lists_every_problem_as_json_and_exits_non_zero(tmp_path):
    folder = write_company(tmp_path / "co", **{"sales_history.csv": SALES + "AB-100,2026-11,-1\nXX,2026-11,1\n"})
    doc = sop_json("data", "validate", str(folder), ok=False)
    assert doc["error"]["code"] == "contract_violation"
    assert doc["error"]["details"] == [
        "sales_history.csv:10: quantity: negative quantity -1",
        "sales_history.csv:11: sku: unknown sku 'XX' (not in products.csv)",
    ]


def test_validate_without_json_writes_a_human_message_to_stderr(tmp_path):
    folder = write_company(tmp_path / "co", **{"products.csv": None})
    result = sop("data", "validate", str(folder))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "products.csv: required file is missing" in result.stderr
    assert "Traceback" not in result.output


def test_load_then_show(tmp_path, store_url):
    folder = write_company(tmp_path / "co")
    loaded = sop_json("data", "load", str(folder))
    assert loaded["rows"]["products"] == 3
    assert loaded["rows"]["sales_history"] == 7  # two August rows of AB-200 bucketed into one month
    shown = sop_json("data", "show")
    assert shown["counts"]["supply"] == 2
    assert shown["periods"]["sales_history"] == {"from": "2026-08", "to": "2026-10"}
    assert shown["company"]["currency"] == "EUR"
    # SOP_PLANNING_DATE (set by conftest) wins over company.toml
    assert (shown["planning_date"], shown["planning_date_source"]) == ("2026-11-15", "SOP_PLANNING_DATE")


def test_planning_date_falls_back_to_company_toml(tmp_path, monkeypatch):
    monkeypatch.delenv("SOP_PLANNING_DATE")
    sop_json("data", "load", str(write_company(tmp_path / "co", **{"company.toml": "planning_date = 2026-03-02\n"})))
    shown = sop_json("data", "show")
    assert (shown["planning_date"], shown["planning_date_source"]) == ("2026-03-02", "company.toml")


def test_a_bad_folder_changes_nothing_and_a_good_one_keeps_tool_made_data(tmp_path, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "good")))
    run_sql("INSERT INTO overrides (sku, period, quantity, reason, created_at, created_by, active) "  # tool-made
            "VALUES ('AB-100', '2026-12-01', 80, 'promo', '2026-11-15 00:00:00', 'cli:test', :yes)", yes=True)
    bad = write_company(tmp_path / "bad", **{"products.csv": "sku,name,family\nONLY-1,One,F\n"})
    assert sop("data", "load", str(bad)).exit_code == 1
    assert run_sql("SELECT count(*) FROM products") == [(3,)]
    replacement = write_company(tmp_path / "next", **{"supply.csv": None})
    sop_json("data", "load", str(replacement))
    assert run_sql("SELECT count(*) FROM supply") == [(0,)]
    assert run_sql("SELECT count(*) FROM overrides") == [(1,)]
    actions = [r[0] for r in run_sql("SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["data.load", "data.load"]


def test_show_on_an_empty_store(store_url):
    shown = sop_json("data", "show")
    assert shown["loaded"] is False and shown["counts"]["products"] == 0
    assert shown["source"] is None
    assert shown["store"] == display_url(store_url)


def test_a_store_that_does_not_answer_is_a_clear_error_without_the_password(monkeypatch):
    url = "postgresql://planner:s3cret@127.0.0.1:1/plan"  # nothing listens on port 1
    assert display_url(url) == "postgresql+psycopg://planner:***@127.0.0.1:1/plan"
    monkeypatch.setenv("SOP_DATABASE_URL", url)
    error = sop_json("data", "show", ok=False)["error"]
    assert error["code"] == "store_unavailable" and "s3cret" not in error["message"]
    assert error["message"].startswith("the plan store at postgresql+psycopg://planner:***@127.0.0.1:1/plan does "
                                       "not answer")


def test_store_is_migrated_to_head_and_reopening_is_a_no_op(store_url):
    url = store_url
    store = PlanStore(url)
    assert current_revision(store.engine) == head_revision()
    assert current_revision(PlanStore(url).engine) == head_revision() == SCHEMA_HEAD


def test_every_command_has_help():
    for args in (["--help"], ["data", "--help"], ["data", "load", "--help"], ["demo", "--help"]):
        result = sop(*args)
        assert result.exit_code == 0 and "Usage" in result.output
