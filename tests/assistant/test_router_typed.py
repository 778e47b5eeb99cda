"""Rules of how words are typed around names, periods and orders, on a small real catalogue: period-like
words of a name, seasons, a number in a name, a capitalised everyday word opening names, multiples in a
what-if, a follow-up about the order a what-if changed, corrections."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assistant.router.parse import route
from sop_engine.periods import message_period

TODAY = date(2026, 11, 15)


@pytest.fixture(scope="module")
def tables():
    products = pd.DataFrame(
        [("GB-83", "Gift Box 8/3 Rose", "Gift Boxes"), ("GB-2010", "Gift Box 20/10 Lily", "Gift Boxes"),
         ("H2-18", "H2 Hose 18 m", "Hoses"), ("H2-30", "H2 Hose 30 m", "Hoses"),
         ("CS-7", "Shield Case Series 7 Black", "Cases"), ("CS-8", "Shield Case Series 8 Black", "Cases"),
         ("TOT-5", "Total Garden Feed 5 kg", "Feed"), ("TOT-P", "Total Cover Primer 4 L", "Paint"),
         ("EB-1", "Loop Earbuds", "Earbuds"), ("EB-2", "Loop Earbuds Max", "Earbuds")],
        columns=["sku", "name", "family"])
    supply = pd.DataFrame({"ref": ["83", "WO.2214"], "sku": ["GB-83", "H2-30"], "due_date": ["2026-12-01"] * 2,
                           "quantity": [100, 200]})
    capacity = pd.DataFrame({"resource": ["Pack Cell", "SMT Line"], "period": ["2026-12"] * 2,
                             "available_hours": [100.0, 100.0]})
    return {"products": products, "supply": supply, "capacity": capacity}


def ask(tables, text, previous=None):
    return route(text, tables["products"], TODAY, previous, tables)


def test_a_period_like_word_of_a_name_is_the_name(tables):
    assert ask(tables, "forecast for Gift Box 8/3 in March").args == {"product": "GB-83", "period": "2027-03"}
    # the two H2 hoses are the whole Hoses family here; "H2" is their name, not July to December
    assert ask(tables, "are the H2 hoses short next month?").args == {"product": "Hoses", "period": "2026-12"}


def test_seasons_and_day_month_dates_are_asked_back(tables):
    for text in ("are the Loop Earbuds Max ok for summer?", "will the Loop Earbuds sell out over the holidays?",
                 "forecast for Loop Earbuds Max by EOFY"):
        call = ask(tables, text)
        assert call.tool is None and call.clarification, text


def test_a_number_in_a_name_and_a_capitalised_opening_word(tables):
    assert ask(tables, "Shield Case Series 8 Black, enough for Q1?").args["product"] == "CS-8"
    assert ask(tables, "Shield Case Series 9 Black, enough for Q1?").args.get("product") != "CS-8"
    call = ask(tables, "are we short of Total next month?")
    assert call.tool is None and {o["value"] for o in call.options} == {"TOT-5", "TOT-P"}
    assert ask(tables, "what's the total forecast next month?").args == {"period": "2026-12"}


def test_multiples_orders_and_corrections(tables):
    call = ask(tables, "what if earbuds demand doubles in december")
    assert call.args["scenario"]["demand_changes"][0]["pct"] == 100
    first = ask(tables, "what if WO.2214 slips a week")
    assert ask(tables, "is it late?", first).args == {"ref": "WO.2214"}
    assert ask(tables, "forecast for earbuds in march, i mean april").args["period"] == "2027-04"
    assert ask(tables, "pack-cell load next month").args["resource"] == "Pack Cell"
    assert ask(tables, "smt utilisation q1").args == {"resource": "SMT Line", "period": "2027-01..2027-03"}


def test_new_period_words():
    assert message_period("the back half of next year", TODAY).labels[0] == "2027-07"
    assert message_period("over the next fortnight", TODAY).labels == ["2026-11"]
    assert message_period("otif mtd", TODAY).labels == ["2026-11"]
