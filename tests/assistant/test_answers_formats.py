"""Number, money, month and date formats per language; the template files of every language; grounding
reading the answer's number format."""

from __future__ import annotations

import string

import pytest

from assistant import answers
from assistant.formats import Formats
from assistant.grounding import check, figures


def test_numbers_percentages_and_money_per_language():
    en, vi = answers.formats("en"), answers.formats("vi")
    assert (en.number(2322), vi.number(2322)) == ("2,322", "2.322")
    assert (en.number(2.5), vi.number(2.5)) == ("2.5", "2,5")
    assert (en.number(5600.0), en.number(2537.2), en.number(43.94), en.number(0.117)) == ("5,600", "2,537", "43.9",
                                                                                             "0.12")
    assert (en.number(-1234567.4), vi.number(-1234567.4)) == ("-1,234,567", "-1.234.567")
    assert (en.percent(12.28), vi.percent(12.28), vi.percent(-8.6, signed=True), en.percent(47.3, signed=True)) == (
        "12.3%", "12,3%", "-8,6%", "+47.3%")
    assert (en.probability(0.634), vi.probability(1.0)) == ("63%", "100%")
    assert en.money(23993.09, "EUR") == "€23,993" and vi.money(23993.09, "EUR") == "23.993\xa0€"
    assert vi.money(1234567.4, "VND") == "1.234.567\xa0₫" and en.money(1234567, "VND") == "₫1,234,567"
    assert en.money(244038.01) == "244,038"  # no currency known: a plain number


def test_months_and_dates_in_words():
    en, vi = answers.formats("en"), answers.formats("vi")
    assert (en.month("2026-12"), vi.month("2026-12")) == ("December 2026", "tháng 12/2026")
    assert en.months(["2026-12", "2027-01", "2027-02"]) == "December 2026 to February 2027"
    assert vi.months(["2026-12", "2027-02"]) == "tháng 12/2026 – tháng 2/2027"
    assert (en.date("2027-01-11"), vi.date("2027-01-11")) == ("11 Jan 2027", "11/1/2027")
    assert en.month("next month") == "next month" and vi.month(None) == "-"
    assert (en.join(["A", "B", "C"]), vi.join(["A", "B"])) == ("A, B, and C", "A và B")


def test_a_formats_spec_is_data():
    custom = Formats.from_spec({"locale": "de", "month": "MMMM y", "range": "{first} bis {last}"})
    assert custom.number(2322.5, 1) == "2.322,5"
    assert custom.months(["2026-12", "2027-01"]) == "Dezember 2026 bis Januar 2027"


# fields the renderer passes that the English wording carries inside {message}
EXTRA_FIELDS = {"ambiguous": {"candidates"}, "unknown_product": {"closest"}}


def _fields(template) -> set[str]:
    texts = template.values() if isinstance(template, dict) else [template]
    return {f for text in texts for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_language_has_every_template_with_only_known_placeholders():
    assert answers.languages() == ("en", "vi")
    english = answers.templates("en")
    for language in answers.languages()[1:]:
        own = answers.tomllib.loads(answers.prompts.load(f"answers.{language}.toml"))
        keys = {k for k, v in english.items() if isinstance(v, str) or "other" in v}
        assert keys - set(own) == set(), language  # a translation is complete
        for key in keys:
            allowed = _fields(english[key]) | set(english) | EXTRA_FIELDS.get(key, set())
            assert _fields(own[key]) <= allowed, (language, key)
        for group, words in english["words"].items():
            if isinstance(words, dict):
                assert set(words) <= set(own["words"][group]), (language, group)
        assert set(english["plural"]) <= set(own["plural"])
        for name in ("locale", "month", "date", "range"):
            assert own["format"][name]


def test_unknown_language_and_the_default_are_english():
    assert answers.say("help") == answers.say("help", "en") == answers.say("help", "fr")
    assert answers.say("help", "vi").startswith("Tôi trả lời")
    assert answers.say("help", "vi-VN") == answers.say("help", "vi")
    assert answers.say("not_understood", "vi").endswith(answers.say("help_hint", "vi"))
    # the hint is the template's own, whatever the caller passes
    assert answers.say("not_understood", hint="Try \"help\".") == answers.say("not_understood")
    assert "80" in answers.template_text("vi") and "khoảng tin cậy" in answers.template_text()


@pytest.mark.parametrize("language", ["en", "vi"])
def test_conversation_templates_in_both_languages(language):
    texts = [
        answers.say("clarify_product", language, name="phu quoc", options="A (X-500); B (X-1L)"),
        answers.say("clarify_unknown", language, name="zzz", options="A; B"),
        answers.say("clarify_unknown_none", language, name="zzz"),
        answers.say("clarify_slot", language, slot=answers.Writer(language).word("product", "slot")),
        answers.say("llm_unavailable", language, reason="TimeoutError"),
        answers.say("grounding_replaced", language),
        answers.render_error({"code": "no_data", "message": "no forecast"}, language),
        answers.render_error({"code": "permission_denied", "message": "reforecast needs the planner role"}, language),
        answers.render_error({"code": "internal", "message": "boom"}, language),
    ]
    assert all(t and "{" not in t for t in texts)
    if language == "vi":
        assert texts[0] == "“phu quoc” ứng với nhiều sản phẩm: A (X-500); B (X-1L). Bạn muốn hỏi sản phẩm nào?"
        assert texts[3] == "Bạn muốn hỏi sản phẩm nào?" and texts[6].startswith("Chưa có dữ liệu")
    else:
        assert texts[0] == "“phu quoc” fits several products: A (X-500); B (X-1L). Which one do you mean?"
        assert texts[6] == "No data: no forecast" and texts[7].startswith("Not allowed")


def test_grounding_reads_the_answers_number_format():
    results = [{"sku": "XY-500", "shortage": 2322.0, "probability": 0.25, "cv": 2.5, "period": "2026-12"}]
    assert check("Có — XY-500 thiếu 2.322 đơn vị vào tháng 12/2026 (25%, 2,5).", results, language="vi").ok
    assert not check("Có — XY-500 thiếu 2.323 đơn vị vào tháng 12/2026.", results, language="vi").ok
    assert not check("Có — XY-500 thiếu 2,322 đơn vị.", results, language="vi").ok  # 2,322 is 2.322 in Vietnamese
    assert not check("thiếu 2.322 đơn vị", results).ok  # read as English, 2.322 is not a figure of the result
    assert not check("hệ số 3,5", results, language="vi").ok
    assert check("short 2,322 units; 2.5", results).ok and not check("short 2,322 units; 2,5", results).ok
    assert [f[:3] for f in figures("1.234.567,89 và 2.5 và 3.981,9", "vi")] == [
        ("1.234.567,89", 1234567.89, 2), ("2.5", 2.5, 1), ("3.981,9", 3981.9, 1)]
    # a quoted source text keeps its own format: its numbers are read both ways in a Vietnamese answer
    notes = [{"text": "Approve the plan of 79,475 units", "other": "nhập 1.900 thùng"}]
    assert check("“Approve the plan of 79,475 units”; 1.900 thùng", notes, language="vi").ok
