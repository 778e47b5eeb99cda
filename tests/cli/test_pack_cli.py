"""``sop pack`` on the demo company: the figures are the engine documents', every format is written, each pack
is stored and the next one says what changed, and a Vietnamese company gets a Vietnamese pack."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from helpers import sop, sop_json

from assistant.runtime import Runtime
from sop_engine.pack import list_packs
from sop_engine.service import planning
from sop_engine.service.forecasting import override_forecast

PLANNING = date(2026, 11, 15)
NOTE = """---
date: 2026-11-17
meeting: pre_sop
---
# Pre-S&OP

## Action items
- [ ] Lan Nguyen: confirm the extra shift on the bottling line (due 2026-11-20)
- [ ] Minh Tran: review the promotion calendar (due {far})
- [x] Ana Silva: send the capacity file (due 2026-11-18)
"""


def test_pack_figures_are_the_engine_documents(demo, tmp_path):
    doc = sop_json("pack", "--format", "md", "--out", str(tmp_path / "p.md"))
    assert doc["period"] == "2026-11" and (tmp_path / "p.md").read_text().startswith("# Pre-S&OP pack")
    store = Runtime().store
    gaps = planning.gaps(store, PLANNING, period="2026-11..2027-02")
    short = {s["sku"]: s["asked_months_shortage"] for s in gaps["skus"] if s["asked_months_shortage"]}
    shortages = doc["sections"]["shortages"]
    assert shortages["skus_short"] == gaps["skus_short_in_asked_months"] == len(short) > 0
    assert {r["sku"]: r["shortage"] for r in shortages["rows"]} == short
    assert shortages["total_shortage"] == pytest.approx(sum(short.values()), abs=0.1)

    reconcile = planning.reconcile(store, PLANNING, period="2026-11..2027-04")
    budget = {f["family"]: f["totals"]["revenue_vs_budget"] for f in reconcile["families"]}
    assert {r["family"]: r["gap"] for r in doc["sections"]["revenue_vs_budget"]["rows"]} == budget
    assert doc["sections"]["decisions"]["count"] == reconcile["decision_count"] > 0
    flagged = [(f["family"], p["period"]) for f in reconcile["families"] for p in f["periods"]
               if p["sales_plan_vs_forecast_pct"] is not None and abs(p["sales_plan_vs_forecast_pct"]) > 15]
    assert doc["sections"]["plan_vs_forecast"]["count"] == len(flagged) > 0

    accuracy = doc["sections"]["accuracy"]
    assert accuracy["wape"] == planning.kpi(store, PLANNING, "wape", lag=1)["value"]
    assert accuracy["bias"] == planning.kpi(store, PLANNING, "bias", lag=1)["value"]
    worst = accuracy["worst_skus"][0]
    assert worst["wape"] == planning.kpi(store, PLANNING, "wape", sku=worst["sku"], lag=1)["value"]
    capacity = doc["sections"]["capacity"]
    assert capacity["overloaded_count"] == sum(
        r["overloaded"] for r in planning_capacity(store)["rows"])
    assert doc["sections"]["changes"]["previous_pack"] is None


def planning_capacity(store):
    from sop_engine.service.capacity import capacity_document

    return capacity_document(store, PLANNING, start="2026-11", end="2027-04")


def test_the_next_pack_says_what_changed_and_lists_action_items(demo, tmp_path, monkeypatch):
    from sop_engine.service.notes import ingest_notes

    monkeypatch.chdir(tmp_path)
    first = sop_json("pack", "--format", "html")
    assert (tmp_path / "pack-2026-11.html").read_text().startswith("<!DOCTYPE html>")
    runtime = Runtime()
    healthy = next(s for s in planning.gaps(runtime.store, PLANNING, period="2026-11..2027-02")["skus"]
                   if not s["asked_months_shortage"])
    override_forecast(runtime.store, PLANNING, healthy["sku"], "2026-12", 10 * healthy["opening_stock"] + 10_000,
                      "launch order", "cli:test")
    notes = tmp_path / "notes"
    notes.mkdir()
    far = (date.today() + timedelta(days=400)).isoformat()
    (notes / "2026-11-17-pre_sop.md").write_text(NOTE.format(far=far), encoding="utf-8")
    ingest_notes(runtime.store, runtime.notes_store(), notes, "cli:test")

    second = sop_json("pack", "--format", "pdf", "--period", "2026-11")
    assert (tmp_path / "pack-2026-11.pdf").read_bytes().startswith(b"%PDF")
    changes = second["sections"]["changes"]
    assert changes["previous_pack"]["id"] == first["id"] and second["previous_pack"]["id"] == first["id"]
    new = {r["key"] for r in changes["new_risks"]}
    assert f"shortage:{healthy['sku']}" in new and any(k.startswith("overdue:") for k in new)
    assert changes["still_open"] == len(first["risks"]) - len(changes["resolved_risks"])
    items = second["sections"]["action_items"]
    assert (items["open"], items["overdue"]) == (2, 1)
    assert [(r["owner"], r["overdue"]) for r in items["rows"]] == [("Lan Nguyen", True), ("Minh Tran", False)]
    assert [p["id"] for p in list_packs(runtime.store)] == [second["id"], first["id"]]


def test_a_vietnamese_company_gets_a_vietnamese_pack(tmp_path):
    from factories import write_company

    from assistant.answers import formats

    folder = write_company(tmp_path / "export", company__toml='name = "Công ty Thử"\ncurrency = "VND"\n'
                           'planning_date = "2026-11-15"\nlanguage = "vi"\ntimezone = "Asia/Ho_Chi_Minh"\n')
    assert sop("data", "load", str(folder)).exit_code == 0
    assert sop("forecast", "run", "--all", "--horizon", "8").exit_code == 0
    doc = sop_json("pack", "--out", str(tmp_path / "vi.md"))
    text = (tmp_path / "vi.md").read_text(encoding="utf-8")
    assert doc["language"] == "vi" and text.startswith("# Tài liệu tiền S&OP — tháng 11/2026")
    assert "## Thiếu hàng và cách bù" in text and "Công ty Thử" in text
    shortages = doc["sections"]["shortages"]
    line = "{} trên {} mã hàng thiếu".format(shortages["skus_short"], shortages["skus_checked"])
    assert line in text and formats("vi").number(shortages["total_shortage"]) in text
    assert Runtime().store.company().timezone == "Asia/Ho_Chi_Minh"


def test_company_calendar_settings_are_checked(tmp_path):
    from factories import write_company

    folder = write_company(tmp_path / "bad", company__toml='language = "fr"\ntimezone = "Mars/Olympus"\n'
                           'pre_sop_day = 40\npack_days_before = "x"\n')
    error = sop_json("data", "validate", str(folder), ok=False)["error"]
    text = " ".join(str(p) for p in error["details"]) + " " + str(error.get("problems", ""))
    for column in ("language", "timezone", "pre_sop_day", "pack_days_before"):
        assert column in text


def test_bad_arguments_are_clear_errors(demo, tmp_path):
    for args, words in ((["--period", "2026-13"], "period"), (["--period", "2025-01"], "before the planning month"),
                        (["--format", "docx"], "--format")):
        error = sop_json("pack", *args, "--out", str(tmp_path / "x"), ok=False)["error"]
        assert error["code"] == "invalid_argument" and words in error["message"]
    assert not (tmp_path / "x").exists() and list_packs(Runtime().store) == []
