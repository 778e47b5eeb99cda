"""Vietnamese meeting notes: section headings, owners, due dates and product mentions (no chroma, no model)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sop_engine.notes import extract_items, parse_note, parse_note_text
from sop_engine.notes.items import mentioned_names, section_kind, take_due_date
from sop_engine.notes.languages import detect_language
from sop_engine.notes.textfold import fold

VI_NOTES = Path(__file__).parent / "vi_notes"
SKUS = {"NM-PQ-500": "Nước mắm", "NM-PQ-1L": "Nước mắm", "MI-TOM-75": "Mì gói", "TR-XANH-350": "Trà"}
FAMILIES = ["Nước mắm", "Mì gói", "Trà", "Cà phê"]


def test_fold_is_accent_case_and_d_insensitive():
    assert fold("Nước mắm Phú Quốc") == "nuoc mam phu quoc"
    assert fold("ĐÀ NẴNG") == "da nang"
    assert fold("Amélie") == "amelie"
    # a decomposed (NFD) input folds like its composed form
    assert fold("Nu\u031bo\u031b\u0301c") == fold("Nước") == "nuoc"


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Quyết định", "decision"),
        ("QUYẾT ĐỊNH", "decision"),
        ("Quyet dinh", "decision"),
        ("quyet  dinh:", "decision"),
        ("Quyết định chính", "decision"),
        ("Các quyết định", "decision"),
        ("Kết luận", "decision"),
        ("Việc cần làm", "action_item"),
        ("Viec can lam", "action_item"),
        ("Hành động", "action_item"),
        ("Hanh dong", "action_item"),
        ("Phân công công việc", "action_item"),
        ("Decisions", "decision"),
        ("Key decisions", "decision"),
        ("Action Items", "action_item"),
        ("Actions", "action_item"),
        ("Next steps", "action_item"),
        ("Thảo luận", None),
        ("Tồn kho và thiếu hàng", None),
        ("Discussion", None),
        ("Risks", None),
    ],
)
def test_section_headings_in_both_languages(heading, kind):
    assert section_kind(heading) == kind


@pytest.mark.parametrize(
    ("text", "due", "rest"),
    [
        ("Minh: gọi nhà cung cấp (hạn 2026-11-25)", date(2026, 11, 25), "Minh: gọi nhà cung cấp"),
        ("Lan: chốt giá (hạn 25/11/2026), gấp", date(2026, 11, 25), "Lan: chốt giá, gấp"),
        ("Lan: chốt giá hạn: 2026-11-25", date(2026, 11, 25), "Lan: chốt giá"),
        ("Thu: bao gia (han 3/12)", date(2026, 12, 3), "Thu: bao gia"),  # the next 3 December
        ("Thu: bao gia (han 3/1)", date(2027, 1, 3), "Thu: bao gia"),
        ("Nam: tìm đơn vị gia công (hạn ngày 25/11/2026)", date(2026, 11, 25), "Nam: tìm đơn vị gia công"),
        ("Thu: bao nha phan phoi, deadline 2026-11-20", date(2026, 11, 20), "Thu: bao nha phan phoi,"),
        ("Omar: expedite PO-1182 (due 2026-09-30)", date(2026, 9, 30), "Omar: expedite PO-1182"),
        ("Omar: expedite (due: 2026-09-30)", date(2026, 9, 30), "Omar: expedite"),
        ("Omar: recount (due 2026-13-01)", None, "Omar: recount (due 2026-13-01)"),
        ("Lan: gửi báo cáo hạn 31/02/2026", None, "Lan: gửi báo cáo hạn 31/02/2026"),
        ("Omar: move 25/11 stock (due soon)", None, "Omar: move 25/11 stock (due soon)"),
    ],
)
def test_due_dates_in_both_languages(text, due, rest):
    assert take_due_date(text, date(2026, 11, 10)) == (due, rest)


def test_vietnamese_notes_yield_decisions_and_action_items():
    items = [i for p in sorted(VI_NOTES.glob("*.md")) for i in extract_items(parse_note(p), SKUS, FAMILIES)]
    decisions = [i for i in items if i.kind == "decision"]
    actions = [i for i in items if i.kind == "action_item"]
    assert len(decisions) == 11 and len(actions) == 12
    by_text = {i.text: i for i in items}
    call = by_text["gọi nhà cung cấp bột mì để chốt giá quý 4"]
    assert (call.owner, call.due_date, call.done, call.section) == (
        "Trần Văn Minh", date(2026, 9, 30), False, "Việc cần làm"
    )
    sent = by_text["gửi số liệu bán hàng theo kênh cho bộ phận cung ứng"]
    assert (sent.owner, sent.due_date, sent.done) == ("Nguyễn Thị Lan", None, True)
    # a note written without accents, with "han:" and "deadline"
    shift = by_text["xac nhan lich tang ca voi to truong san xuat"]
    assert (shift.owner, shift.due_date, shift.meeting) == ("Vo Hoang Nam", date(2026, 10, 15), "supply_review")
    notice = by_text["bao cho nha phan phoi viec ngung ma 500ml"]
    assert (notice.owner, notice.due_date) == ("Le Thi Thu", date(2026, 11, 20))
    package = by_text["thiet ke bao bi cho vi moi"]
    assert package.due_date == date(2026, 12, 15)  # "han 15/12" after a meeting on 2026-11-03
    # product mentions: codes, and families named with or without accents
    move = next(i for i in decisions if "NM-PQ-1L" in i.text)
    assert move.skus == ("NM-PQ-1L",) and move.families == ("Nước mắm",)
    stop = next(i for i in decisions if i.text.startswith("Ngung san xuat tra xanh"))
    assert stop.families == ("Trà",)
    machine = next(i for i in decisions if "máy chiết rót" in i.text)
    assert machine.families == ("Nước mắm",) and machine.section == "Các quyết định"
    # a decision's "trước ngày 20/12" is its text, not a due date
    north = next(i for i in decisions if "miền Bắc" in i.text)
    assert north.due_date is None and north.text.endswith("trước ngày 20/12.")


def test_accented_text_must_spell_the_accents():
    assert mentioned_names("Kiểm tra tồn kho cuối tháng", ["Trà"]) == ()
    assert mentioned_names("Giảm tồn kho trà xanh", ["Trà"]) == ("Trà",)
    assert mentioned_names("giam ton kho tra xanh", ["Trà"]) == ("Trà",)
    assert mentioned_names("TĂNG GIÁ NƯỚC MẮM", ["Nước mắm"]) == ("Nước mắm",)


def test_a_freely_written_note_with_other_headings():
    note = parse_note_text(
        "---\ndate: 2026-11-20\nmeeting: Demand review\n---\n"
        "## QUYẾT ĐỊNH CHÍNH\n* Tăng dự báo cà phê sữa 10% cho tháng 12\n  vì khách hàng mới ở Cần Thơ.\n\n"
        "## Hanh dong tiep theo\n1. [X] Đặng Ánh: gửi dự báo mới, hạn 2026-11-22\n"
        "2. Bùi Tuấn: hẹn gặp nhà phân phối\n",
        "x.md",
    )
    items = extract_items(note, SKUS, FAMILIES)
    assert [(i.kind, i.owner, i.due_date, i.done) for i in items] == [
        ("decision", None, None, False),
        ("action_item", "Đặng Ánh", date(2026, 11, 22), True),
        ("action_item", "Bùi Tuấn", None, False),
    ]
    assert items[0].text == "Tăng dự báo cà phê sữa 10% cho tháng 12 vì khách hàng mới ở Cần Thơ."
    assert items[0].families == ("Cà phê",)
    assert items[1].text == "gửi dự báo mới"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("thiếu hàng nước mắm", "vi"),
        ("chung ta da quyet dinh gi ve gia", "vi"),
        ("ai phụ trách lô PO-2207?", "vi"),
        ("what did we decide about the promo?", "en"),
        ("what did we decide about Nước mắm Phú Quốc?", "en"),
        ("café with Amélie", "en"),
    ],
)
def test_language_of_a_text(text, lang):
    assert detect_language(text) == lang


def test_a_section_is_found_with_or_without_accents():
    note = parse_note(VI_NOTES / "2026-10-05-cung-ung.md")
    assert note.section("Quyết định") is note.section("quyet dinh") is not None
    assert note.section("Việc cần làm").body.startswith("- [ ] Le Thi Thu")
    assert note.section("Hành động") is None


def test_action_items_and_decisions_written_as_tables():
    note = parse_note_text(
        "---\ndate: 2026-11-20\nmeeting: pre_sop\n---\n"
        "## Phân công công việc\n"
        "| Việc | Người phụ trách | Hạn | Trạng thái |\n|---|:---:|---|---|\n"
        "| Gọi nhà cung cấp bột mì cho NM-PQ-500 | Minh | 25/11 | |\n"
        "| Gửi báo giá | Nguyễn Thị Lan | 2026-11-28 | Đã xong |\n"
        "| Kiểm tra kho | Huy | tuần sau | x |\n\n"
        "## Quyet dinh\n| Noi dung | Ghi chu |\n|--|--|\n| Tang du bao nuoc mam 10% | theo de xuat |\n\n"
        "## Action items\n| Action | Owner | Due | Status |\n| --- | --- | --- | --- |\n"
        "| Book the carrier | Omar Haddad | 2026-12-02 | done |\n\n"
        "## Thảo luận\n| Việc | Người phụ trách |\n|---|---|\n| không phải một việc | Ai đó |\n",
        "t.md",
    )
    items = extract_items(note, SKUS, FAMILIES)
    assert [(i.kind, i.text, i.owner, i.due_date, i.done) for i in items] == [
        ("action_item", "Gọi nhà cung cấp bột mì cho NM-PQ-500", "Minh", date(2026, 11, 25), False),
        ("action_item", "Gửi báo giá", "Nguyễn Thị Lan", date(2026, 11, 28), True),
        ("action_item", "Kiểm tra kho (tuần sau)", "Huy", None, True),  # a due cell that is no date
        ("decision", "Tang du bao nuoc mam 10%", None, None, False),
        ("action_item", "Book the carrier", "Omar Haddad", date(2026, 12, 2), True),
    ]
    assert items[0].skus == ("NM-PQ-500",) and items[0].families == ("Nước mắm",)
    assert items[3].families == ("Nước mắm",)


def test_order_references_with_slashes_are_codes():
    from sop_engine.notes import mentioned_codes

    assert mentioned_codes("cắt PO/2026/003 còn 2.000; PO-1182; Q3/2026; T12/2026; 2026/11/25; R&D") == (
        "PO/2026/003", "PO-1182"
    )
