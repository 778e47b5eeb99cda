"""Periods the router reads (and asks back when it cannot), and two names or a ruled-out variant in one
question: on the dev companies' real files (tests/assistant/dev_company_8, dev_company_9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.router.companies import folder_tables
from assistant.router.parse import route
from sop_engine.periods import looking_back, message_period

TODAY = date(2026, 11, 15)
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def cleaning():
    return folder_tables(HERE / "dev_company_8")


@pytest.fixture(scope="module")
def sweets():
    return folder_tables(HERE / "dev_company_9")


def ask(tables, text, previous=None):
    return route(text, tables["products"], TODAY, previous, tables)


def span(first: str, last: str) -> str:
    return first if first == last else f"{first} .. {last}"


@pytest.mark.parametrize("words, months", [
    ("runout risk 1/2027", span("2027-01", "2027-01")),
    ("forecast for feb-27", span("2027-02", "2027-02")),
    ("short in jan '27?", span("2027-01", "2027-01")),
    ("forecast for 2027", span("2027-01", "2027-12")),
    ("sales for the 2nd quarter of 2026", span("2026-04", "2026-06")),
    ("sales Q2 2026", span("2026-04", "2026-06")),
    ("forecast H1 2027", span("2027-01", "2027-06")),
    ("forecast through end of year", span("2026-11", "2026-12")),
    ("short on anything between now and end of year?", span("2026-11", "2026-12")),
    ("stock-outs before Christmas?", span("2026-11", "2026-12")),
    ("hop qua thg 12 co thieu ko", span("2026-12", "2026-12")),
    ("th12 co thieu k", span("2026-12", "2026-12")),
    ("dbao thg 1/2027", span("2027-01", "2027-01")),
    ("du bao quy1", span("2027-01", "2027-03")),
    ("thág sau có thiêú ko", span("2026-12", "2026-12")),
    ("đến cuối năm có thiếu không", span("2026-11", "2026-12")),
    ("sales since March", span("2026-03", "2026-10")),
    ("sales since Q2?", span("2026-04", "2026-10")),
    ("doanh số kể từ tháng 3", span("2026-03", "2026-10")),
    ("doanh so tu thang 3 den nay", span("2026-03", "2026-10")),
    ("dự báo 6 tháng đầu năm sau", span("2027-01", "2027-06")),
    ("6 thang cuoi nam nay", span("2026-07", "2026-12")),
    ("forecast in Q3 next year", span("2027-07", "2027-09")),
    ("forecast for the second half of next year", span("2027-07", "2027-12")),
    ("short in march next year?", span("2027-03", "2027-03")),
    ("forecast from March to June", span("2027-03", "2027-06")),
])
def test_period_forms(words, months):
    assert str(message_period(words, TODAY)) == months


@pytest.mark.parametrize("words, months", [
    ("sold in October compared to September?", span("2026-09", "2026-10")),
    ("sales last month compared to the month before", span("2026-09", "2026-10")),
    ("fill rate last month vs the month before", span("2026-09", "2026-10")),
    ("doanh số tháng 1 so với tháng 12", span("2025-12", "2026-01")),
    ("sales in 2026", span("2026-01", "2026-10")),  # a year looking back ends with the last complete month
    ("sales in 2025", span("2025-01", "2025-12")),
])
def test_periods_looking_back_and_comparisons_cover_every_period_named(words, months):
    assert str(looking_back(message_period(words, TODAY), TODAY)) == months


def test_the_question_sentence_wins_and_numbers_far_from_today_are_no_years():
    long = ("Sorry for the wall of text, the buyer talked about their January range reset. Anyway, the thing I "
            "need: are we short next month?")
    assert str(message_period(long, TODAY)) == "2026-12"
    assert message_period("in 2771", TODAY) is None
    assert str(message_period("8936 tháng sau có thiếu ko", TODAY)) == "2026-12"  # not 8936 months
    assert str(message_period("400 tháng trước", TODAY)) == "2026-10"
    assert message_period("Notes from the call. The buyer mentioned January. Short in March.", TODAY).unclear


def test_a_sku_code_is_the_product_never_a_year_or_a_count(cleaning, sweets):
    call = ask(sweets, "8936 tháng sau có thiếu ko")
    assert (call.tool, call.entity, call.months) == ("check_shortages", "8936", ["2026-12"])
    call = ask(cleaning, "sales of 40125 in 2025")
    assert (call.tool, call.entity, call.months[0], call.months[-1]) == ("get_sales", "40125", "2025-01", "2025-12")
    call = ask(cleaning, "is 3000 short in jan 2027?")
    assert (call.tool, call.entity, call.months) == ("check_shortages", "3000", ["2027-01"])


@pytest.mark.parametrize("text, typed", [
    ("sales 2025 for rinse aid", "2025"),  # a year with no "in"/"for" before it
    ("rinse aid sales sep26", "sep26"),
    ("rinse aid sales FY2026", "FY2026"),
    ("forecast for rinse aid in Q5", "Q5"),
])
def test_a_period_no_rule_reads_is_asked_back_and_the_answer_completes_the_call(cleaning, text, typed):
    call = ask(cleaning, text)
    assert call.tool is None and typed in call.clarification and call.pending["slot"] == "period"
    answered = ask(cleaning, "2025-03", call)
    assert answered.tool == call.pending["tool"] and answered.entity == "DW-RA-500"
    assert answered.months == ["2025-03"] and answered.args["period"] == "2025-03"


def test_two_products_in_one_question_are_asked_back_and_the_choice_completes_it(cleaning):
    call = ask(cleaning, "are we short on the wipes or the sponges next month?")
    assert call.tool is None and {o["value"] for o in call.options} == {"SC-WIPE-80", "ACC-SPG-3"}
    chosen = ask(cleaning, "ACC-SPG-3", call)
    assert (chosen.tool, chosen.entity, chosen.months) == ("check_shortages", "ACC-SPG-3", ["2026-12"])
    call = ask(cleaning, "compare the forecast for the 1L and 2L Care Plus in January")
    assert {"LQ-CP-1L", "LQ-CP-2L"} <= {o["value"] for o in call.options}
    call = ask(cleaning, "is the Care Plus 2L overstocked, or is it just the Thick Bleach Lemon?")
    assert {"LQ-CP-2L", "BT-TB-LEM"} <= {o["value"] for o in call.options}


def test_a_ruled_out_variant_leaves_the_other_and_a_size_in_words_picks_one(cleaning, sweets):
    call = ask(cleaning, "Thick Bleach Original, not the 2L one — will it stock out in Q1?")
    assert (call.tool, call.entity) == ("check_shortages", "BT-TB-750")
    call = ask(sweets, "kẹo dừa, trừ loại sầu riêng với lá dứa, quý 1 có thiếu không")
    assert (call.tool, call.entity) == ("check_shortages", "K-DUA-SUA")
    call = ask(cleaning, "how's surface care looking for shortages in march - the whole range, not just the spray")
    assert call.entity == "family:Surface Care"  # "not just" rules nothing out
    assert ask(cleaning, "are we sitting on too many large gloves?").entity == "ACC-GLV-L"
    assert ask(cleaning, "what's on order for the medium rubber gloves?").entity == "ACC-GLV-M"


def test_a_bare_item_name_that_begins_another_items_name_is_asked_back(sweets):
    call = ask(sweets, "kẹo gừng tháng sau có thiếu không")
    assert call.tool is None and {"K-GUNG-200", "K-GUNG-KD"} <= {o["value"] for o in call.options}
    assert ask(sweets, "kẹo gừng không đường tháng sau có thiếu không").entity == "K-GUNG-KD"
    assert ask(sweets, "hộp quà an khang tháng sau có thiếu không").entity == "HQ-AK"


def test_help_with_something_and_a_write_no_tool_makes_are_asked_back(cleaning):
    call = ask(cleaning, "hi, can you help me with something")
    assert call.tool is None and call.clarification and call.options
    assert ask(cleaning, call.options[0]["value"]).tool == "check_shortages"
    call = ask(cleaning, "can you raise a PO for 5000 sponges?")
    assert call.tool is None and "can't" in call.clarification
    assert ask(cleaning, "help").tool == "help"


def test_intents_the_dev_companies_showed(cleaning, sweets):
    assert ask(cleaning, "open POs for plug-in fresh refills").tool == "get_orders"
    assert ask(cleaning, "anything overdue from suppliers?").tool == "get_orders"
    call = ask(cleaning, "packing hall utilisation next month")
    assert (call.tool, call.args.get("resource")) == ("get_capacity", "Packing Hall")
    assert ask(cleaning, "sales plan vs forecast for dishwash next month").tool == "reconcile_plan"
    call = ask(cleaning, "what will Marcus do about the second shift?")
    assert (call.tool, call.args.get("owner")) == ("list_decisions", "Marcus Webb")
    follow = ask(cleaning, "and hannah?", ask(cleaning, "marcus's open action items"))
    assert (follow.tool, follow.args.get("owner")) == ("list_decisions", "Hannah Clarke")
    assert ask(sweets, "hong's open action items").args.get("owner") == "Trần Thị Hồng"
    assert ask(sweets, "du bao nhom banh quy lech bao nhieu tu dau nam").args.get("name") == "bias"
    assert ask(sweets, "tháng 10 mình chốt những gì trong họp").args.get("kind") == "decision"
    assert ask(sweets, "quảng cáo có làm tăng doanh số kẹo dừa sữa không?").tool == "get_driver_effects"


def test_the_asking_sentence_names_the_product(cleaning):
    call = ask(cleaning, "I had a long call about the Total Fresh Laundry Liquid 2L promo. Anyway: are we short on "
                         "sponges next month?")
    assert (call.tool, call.entity, call.months) == ("check_shortages", "ACC-SPG-3", ["2026-12"])
    call = ask(cleaning, "The buyer loved the Max Power Degreaser 750ml. What's the rinse aid forecast for January?")
    assert (call.tool, call.entity) == ("get_forecast", "DW-RA-500")
    assert ask(cleaning, "Rinse aid. Is it short next month?").entity == "DW-RA-500"  # no name in the question


@pytest.mark.parametrize("words, months", [
    ("sales 2025-2026", span("2025-01", "2026-12")),
    ("forecast in two months", span("2027-01", "2027-01")),
    ("short 2 months from now", span("2027-01", "2027-01")),
    ("forecast next 30 days", span("2026-11", "2026-12")),
    ("sales this time last year", span("2025-11", "2025-11")),
    ("short in week 50?", span("2026-12", "2026-12")),
    ("dự báo 2 tháng nữa", span("2027-01", "2027-01")),
    ("doanh số từ tháng 1 đến tháng 6", span("2027-01", "2027-06")),
    ("doanh số cùng kỳ năm ngoái", span("2025-11", "2025-11")),
])
def test_more_period_forms(words, months):
    assert str(message_period(words, TODAY)) == months


def test_a_holiday_the_rules_cannot_read_is_asked_back_unless_a_period_is_named(sweets):
    call = ask(sweets, "kẹo lạc có thiếu hàng trước Tết không")
    assert call.tool is None and "Tết" in call.clarification
    call = ask(sweets, "nhóm hộp quà có nguy cơ thiếu trước Tết không? tính tháng 12 với tháng 1")
    assert (call.tool, call.months) == ("check_shortages", ["2026-12", "2027-01"])


def test_an_everyday_word_that_is_also_an_owner_is_a_person_only_where_a_person_stands(sweets, cleaning):
    call = ask(sweets, "thang 10 minh chot nhung gi trong hop")  # "mình" (we) typed without accents
    assert call.tool == "list_decisions" and "owner" not in call.args
    assert ask(sweets, "viec cua hong").args.get("owner") == "Trần Thị Hồng"
    assert ask(cleaning, "what's on Will's plate?").args.get("owner") == "Will"
    assert ask(cleaning, "Will the liquid line cope next month?").tool != "list_decisions"


@pytest.fixture(scope="module")
def outdoor():
    return folder_tables(HERE / "dev_company_10")


@pytest.mark.parametrize("text, tool, args", [
    ("capacity of the packout bay next month", "get_capacity", {"resource": "Pack-out Bay"}),
    ("redo the Tents forecast", "reforecast", {"product": "Tents"}),
    ("any open items Jo still owes?", "list_decisions", {"open_only": True}),
    ("what was plan B for the tents?", "search_meeting_notes", {}),
    ("There was a long delay at the supplier last week. Anyway: will the Summit Pro Tent 2-Person run out in "
     "March?", "check_shortages", {"product": "TN/2P-SUM", "period": "2027-03"}),
])
def test_names_and_questions_of_an_unseen_company(outdoor, text, tool, args):
    call = ask(outdoor, text)
    assert call.tool == tool, call.to_dict()
    assert args.items() <= call.args.items(), call.to_dict()


@pytest.mark.parametrize("text", [
    "how loaded is the paint shop next month?",  # no resource holds "paint"
    "are the Stormline jackets short in January?",  # a plural: every size, not size S
    "forecast for the Short Hop or the 10-pack pegs",  # two products, one of everyday words
    "reforecast Hydration excluding the winter months",  # months no rule reads
])
def test_what_fits_several_or_nothing_is_asked_back(outdoor, text):
    call = ask(outdoor, text)
    assert call.tool is None and call.clarification, call.to_dict()


@pytest.mark.parametrize("words, months", [
    ("sales from March", span("2026-03", "2026-10")),
    ("sales from March onwards", span("2026-03", "2026-10")),
    ("sales from March to June", span("2026-03", "2026-06")),
    ("sales since May", span("2026-05", "2026-10")),
])
def test_open_ranges_looking_back_end_with_the_last_complete_month(words, months):
    assert str(looking_back(message_period(words, TODAY), TODAY)) == months
