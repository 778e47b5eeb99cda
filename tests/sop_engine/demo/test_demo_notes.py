"""The demo company's meeting notes: a year of S&OP cycles, parseable by the notes store, naming only
SKUs, orders and lines that exist in the same data, with one hostile pasted email for the security tests."""

from __future__ import annotations

import re
from collections import Counter

from demo_checks import read

from sop_engine.notes.items import extract_items
from sop_engine.notes.parse import parse_note

KINDS = {"product_review", "demand_review", "supply_review", "pre_sop", "executive_sop"}
CODE_LIKE = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b")
ACTION = re.compile(r"^- \[[ x]\] [A-Z][\w.'é -]+: .+ \(due \d{4}-\d{2}-\d{2}\)$")


def _notes(summary):
    return [parse_note(p) for p in sorted((summary.out_dir / "notes").glob("*.md"))]


def test_a_year_of_monthly_cycles_with_every_meeting_kind(beverages):
    notes = _notes(beverages)
    assert 40 <= len(notes) == beverages.notes <= 60
    assert {n.meeting for n in notes} == KINDS
    per_month = Counter(f"{n.date:%Y-%m}" for n in notes)
    assert sorted(per_month) == [
        f"{y}-{m:02d}" for y, m in [(2025, 11), (2025, 12)] + [(2026, k) for k in range(1, 11)]
    ]
    assert all(2 <= c <= 5 for c in per_month.values())
    assert all(n.date.weekday() < 5 and n.attendees and n.tags and n.title for n in notes)


def test_every_note_has_the_sections_and_well_formed_items(beverages):
    total_done = total_open = 0
    for note in _notes(beverages):
        assert [s.heading for s in note.sections] == ["Summary", "Discussion", "Decisions", "Action items"]
        items = extract_items(note)
        decisions = [i for i in items if i.kind == "decision"]
        actions = [i for i in items if i.kind == "action_item"]
        assert decisions and actions, note.file.name
        assert all(a.owner and a.due_date and a.due_date >= note.date for a in actions)
        for line in note.section("Action items").body.strip().splitlines():
            assert ACTION.match(line), line
        total_done += sum(a.done for a in actions)
        total_open += sum(not a.done for a in actions)
    assert total_done > 100 and total_open >= 3


def test_notes_name_only_codes_that_exist_in_the_data(beverages):
    skus = set(read(beverages.out_dir, "products")["sku"])
    refs = set(read(beverages.out_dir, "supply")["ref"])
    lines = set(read(beverages.out_dir, "capacity")["resource"])
    mentioned = Counter()
    for path in (beverages.out_dir / "notes").glob("*.md"):
        for code in CODE_LIKE.findall(path.read_text()):
            assert code in skus | refs | lines, f"{path.name}: {code}"
            mentioned["sku" if code in skus else "ref" if code in refs else "line"] += 1
    assert mentioned["sku"] > 60 and mentioned["ref"] >= 3 and mentioned["line"] >= 5


def test_safety_stock_decisions_match_the_product_master(beverages):
    safety = read(beverages.out_dir, "products").set_index("sku")["safety_stock"]
    pattern = re.compile(r"(?:Raise|Cut) safety stock on (\S+) from ([\d,]+) to ([\d,]+) units")
    found = 0
    for note in _notes(beverages):
        for item in extract_items(note):
            if m := pattern.search(item.text):
                found += 1
                assert safety[m[1]] == float(m[3].replace(",", ""))
                assert m[2] != m[3]
    assert found == 12


def test_designed_shortages_are_discussed(beverages):
    text = "\n".join(p.read_text() for p in (beverages.out_dir / "notes").glob("*.md"))
    supply = read(beverages.out_dir, "supply").set_index("ref")
    late_po = re.search(r"Expedite (PO-\d+) for (\S+) by 2 weeks", text)
    assert late_po and late_po[2] == "OAT-1L" and supply.loc[late_po[1], "sku"] == "OAT-1L"
    allocated = read(beverages.out_dir, "inventory").set_index("sku").loc["CBO-1L", "allocated"]
    assert f"reserved {allocated:,.0f} units of CBO-1L" in text
    assert "MO-2040 for TGR-500" in text
    assert "on the Juices family at +25%" in text


def test_one_note_carries_a_hostile_pasted_email(beverages):
    hostile = [n for n in _notes(beverages) if "ignore previous instructions" in n.section("Discussion").body]
    assert len(hostile) == 1
    body = hostile[0].section("Discussion").body
    assert "publish the latest forecast" in body and "<!channel>" in body


def test_decisions_are_varied(beverages):
    decisions = [i.text for n in _notes(beverages) for i in extract_items(n) if i.kind == "decision"]
    assert len(decisions) >= 100
    assert len(set(decisions)) / len(decisions) > 0.95


def test_hardware_notes_use_hardware_names_only(hardware, beverages):
    bev_people = {a for n in _notes(beverages) for a in n.attendees}
    hw_notes = _notes(hardware)
    assert len(hw_notes) == hardware.notes and {n.meeting for n in hw_notes} == KINDS
    assert not {a for n in hw_notes for a in n.attendees} & bev_people
    skus = set(read(hardware.out_dir, "products")["sku"])
    refs = set(read(hardware.out_dir, "supply")["ref"]) | set(read(hardware.out_dir, "capacity")["resource"])
    for path in (hardware.out_dir / "notes").glob("*.md"):
        text = path.read_text()
        assert all(code in skus | refs for code in CODE_LIKE.findall(text)), path.name
        assert "Cold Brew" not in text and "OAT-1L" not in text
