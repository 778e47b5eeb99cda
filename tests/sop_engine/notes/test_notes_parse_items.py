"""parse_note and extract_items on hand-written notes."""

from __future__ import annotations

from datetime import date

import pytest
from notes_fixtures import DEMAND_REVIEW, write_fixture_notes

from sop_engine.errors import ContractError
from sop_engine.notes import NoteFormatError, extract_items, mentioned_codes, parse_note, parse_note_text


def test_front_matter_and_sections(notes_dir):
    note = parse_note(notes_dir / "2026-09-15-demand-review.md")
    assert note.date == date(2026, 9, 15)
    assert note.meeting == "demand_review"
    assert note.title == "September demand review"
    assert note.attendees == ("Lan Nguyen", "Omar Haddad")
    assert note.tags == ("promo",)
    assert [s.heading for s in note.sections] == ["Overview", "Discussion", "Decisions", "Action items"]
    assert note.section("decisions").body.startswith("- Raise the October consensus")
    assert note.section("Overview").body == "Opening remarks about the quarter."


def test_title_from_heading_and_meeting_normalized(tmp_path):
    text = "---\ndate: 2026-11-03\nmeeting: Executive S&OP\n---\n# Exec November\n## Risks\nCocoa.\n"
    note = parse_note_text(text, tmp_path / "x.md")
    assert (note.meeting, note.title) == ("executive_sop", "Exec November")
    assert [s.heading for s in note.sections] == ["Risks"]
    untitled = parse_note_text("---\ndate: 2026-11-03\nmeeting: pre_sop\n---\nBody.\n", tmp_path / "y.md")
    assert untitled.title == "Pre sop 2026-11-03"


def test_block_list_attendees(tmp_path):
    text = "---\ndate: 2026-01-05\nmeeting: other\nattendees:\n  - Ana\n  - Bo\n---\nx\n"
    assert parse_note_text(text, tmp_path / "a.md").attendees == ("Ana", "Bo")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("# no front matter\n", "a.md: no front matter"),
        ("---\ndate: 2026-01-05\nmeeting: other\n", "never closed"),
        ("---\nmeeting: other\n---\n", "a.md: front matter: 'date' is missing"),
        (
            "---\ndate: 15/09/2026\nmeeting: other\n---\n",
            "'date' must be an ISO date YYYY-MM-DD; got '15/09/2026'",
        ),
        ("---\ndate: 2026-02-30\nmeeting: other\n---\n", "not a real day: '2026-02-30'"),
        ("---\ndate: 2026-01-05\n---\n", "'meeting' is missing"),
        ("---\ndate: 2026-01-05\nmeeting: coffee_chat\n---\n", "got 'coffee_chat'"),
        ("---\ndate: 2026-01-05\nthis is not yaml\n---\n", "front matter line 3: expected 'key: value'"),
    ],
)
def test_bad_front_matter_is_precise(tmp_path, text, fragment):
    with pytest.raises(NoteFormatError) as info:
        parse_note_text(text, tmp_path / "a.md")
    assert fragment in info.value.message
    assert info.value.code == "bad_note"
    assert isinstance(info.value, ContractError)


def test_binary_and_undecodable_refused(tmp_path):
    (tmp_path / "scan.md").write_bytes(b"---\ndate: 2026-01-05\x00\x01")
    (tmp_path / "latin.md").write_bytes(
        "---\ndate: 2026-01-05\nmeeting: other\n---\ncaf\xe9".encode("latin-1")
    )
    with pytest.raises(NoteFormatError, match="scan.md: binary file"):
        parse_note(tmp_path / "scan.md")
    with pytest.raises(NoteFormatError, match=r"latin.md: not UTF-8 text \(undecodable byte at offset 43\)"):
        parse_note(tmp_path / "latin.md")


def test_items_owner_due_done_codes(notes_dir):
    note = parse_note(notes_dir / "2026-09-15-demand-review.md")
    items = extract_items(note, known_skus={"OAT-1L": "Oat", "ALM-500": "Almond"}, families=["Almond"])
    decisions = [i for i in items if i.kind == "decision"]
    actions = [i for i in items if i.kind == "action_item"]
    assert [d.text for d in decisions] == [
        "Raise the October consensus for OAT-1L by 15 percent to cover the Brightmart promotion.",
        "Keep the almond family flat until the new listing is confirmed.",
    ]
    assert decisions[0].codes == ("OAT-1L",)
    assert decisions[0].skus == ("OAT-1L",)
    assert decisions[0].families == ("Oat",)  # via the sku -> family mapping
    assert decisions[1].families == ("Almond",)
    assert [(a.owner, a.text, a.due_date, a.done) for a in actions] == [
        ("Lan Nguyen", "expedite PO-1182 with the carton supplier", date(2026, 9, 30), False),
        ("Omar Haddad", "share the promotion calendar with supply", None, True),
        ("Priya Shah", "check pallet space at the Leeds warehouse", date(2026, 10, 5), False),
    ]
    assert actions[0].codes == ("PO-1182",) and actions[0].skus == ()
    assert {i.file for i in items} == {"2026-09-15-demand-review.md"}
    assert all(i.meeting == "demand_review" and i.date == date(2026, 9, 15) for i in items)
    assert actions[0].section == "Action items" and decisions[0].section == "Decisions"
    assert len({i.key for i in items}) == 5
    assert actions[0].to_dict()["due_date"] == "2026-09-30"


def test_item_variants(tmp_path):
    text = (
        "---\ndate: 2026-03-01\nmeeting: other\n---\n## Actions\n"
        "- [X] Supply team: rebook freight for FG-1002-B\n  on the Friday truck\n"
        "- call the bank due: 2026-03-09\n"
        "- [ ] Ana: fix due 2026-13-01\n"
        "## Key decisions\n1. Stop SKU 4411 at month end\n"
    )
    items = extract_items(parse_note_text(text, tmp_path / "v.md"), known_skus=["4411"])
    assert [(i.kind, i.owner, i.text, i.due_date, i.done) for i in items] == [
        ("action_item", "Supply team", "rebook freight for FG-1002-B on the Friday truck", None, True),
        ("action_item", None, "call the bank", date(2026, 3, 9), False),
        ("action_item", "Ana", "fix due 2026-13-01", None, False),
        ("decision", None, "Stop SKU 4411 at month end", None, False),
    ]
    assert items[0].codes == ("FG-1002-B",)
    assert items[3].skus == ("4411",) and items[3].codes == ()


def test_mentioned_codes_pattern():
    assert mentioned_codes("PO-1182, ABC-123 and OAT-1L-001; not 2026-09-15, not oat-1l, PO-1182") == (
        "PO-1182",
        "ABC-123",
        "OAT-1L-001",
    )


def test_fixture_module_is_a_valid_note(tmp_path):
    write_fixture_notes(tmp_path)
    assert (
        parse_note_text(DEMAND_REVIEW, tmp_path / "d.md").content_hash
        == parse_note(tmp_path / "2026-09-15-demand-review.md").content_hash
    )
