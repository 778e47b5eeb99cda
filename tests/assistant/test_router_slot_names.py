"""Names and periods that share words, sizes several products share, machine words and follow-ups that move
the period: on the dev companies' real files (tests/assistant/dev_company_18, dev_company_19)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.router.companies import folder_tables
from assistant.router.parse import route

HERE = Path(__file__).parent
COFFEE_DAY = date(2026, 6, 20)
AUTO_DAY = date(2026, 9, 5)


@pytest.fixture(scope="module")
def coffee():
    return folder_tables(HERE / "dev_company_18")


@pytest.fixture(scope="module")
def auto():
    return folder_tables(HERE / "dev_company_19")


def ask(tables, day, text, previous=None):
    return route(text, tables["products"], day, previous, tables)


@pytest.mark.parametrize("text, tool, months", [
    ("how now rooibos shortages next quarter", "check_shortages", ["2026-07", "2026-08", "2026-09"]),
    ("How Now Rooibos forecast for December", "get_forecast", ["2026-12"]),
])
def test_a_period_word_of_the_product_name_is_the_name(coffee, text, tool, months):
    call = ask(coffee, COFFEE_DAY, text)
    assert (call.tool, call.entity, call.months) == (tool, "TE-HOW-20", months)


def test_an_unknown_word_before_a_family_name_asks_back(coffee):
    call = ask(coffee, COFFEE_DAY, "any shortage of Pumpkin Cold Brew next month?")
    assert call.tool is None and "Pumpkin Cold Brew" in call.clarification


def test_a_products_word_that_is_a_persons_name_asks_which_product(coffee):
    call = ask(coffee, COFFEE_DAY, "shortages for sterling in August?")
    assert call.tool is None
    assert {"WB-STR-340", "WB-STR-2LB", "GR-STR-340"} <= {o["value"] for o in call.options}
    assert ask(coffee, COFFEE_DAY, "what has Sterling got open?").args.get("owner") == "Sterling Wu"


@pytest.mark.parametrize("text, expected", [
    ("forecast of 5W-30 for next month", {"EO-530-1", "EO-530-4", "EO-530-20"}),
    ("how much 500 ml did we sell in May?", {"BP-FLD-500", "CC-SB-500", "CC-TS-500"}),
])
def test_a_grade_or_size_several_products_share_asks_which(auto, text, expected):
    call = ask(auto, AUTO_DAY, text)
    assert call.tool is None and expected <= {o["value"] for o in call.options}


def test_a_machine_word_with_an_unknown_kind_asks_which_resource(coffee):
    call = ask(coffee, COFFEE_DAY, "tháng 8 máy rang có bị quá tải không?")
    assert call.tool is None and {"Roaster 1", "Roaster 2"} <= {o["value"] for o in call.options}


def test_a_month_after_a_season_word_is_a_time(coffee):
    call = ask(coffee, COFFEE_DAY, "sales of Original Cold Brew 12-pack last summer, August in particular")
    assert (call.tool, call.months) == ("get_sales", ["2025-08"])


def test_is_it_on_time_after_an_order_is_that_order(auto):
    first = ask(auto, AUTO_DAY, "what if WO.4402 is two weeks late")
    call = ask(auto, AUTO_DAY, "will it be on time?", first)
    assert (call.tool, call.args.get("ref")) == ("get_orders", "WO.4402")


def test_the_month_before_moves_the_previous_period_back(coffee):
    first = ask(coffee, COFFEE_DAY, "Lemon Iced Tea 12-pack sales in March")
    call = ask(coffee, COFFEE_DAY, "and the month before that?", first)
    assert (call.tool, call.entity, call.months) == ("get_sales", "IT-LEM-12", ["2026-02"])


def test_an_exclusion_of_unnamed_months_asks_which(auto):
    call = ask(auto, AUTO_DAY, "redo the Wipers forecast without the sale months")
    assert call.tool is None and call.clarification
