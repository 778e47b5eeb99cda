"""Rules of names, order references, resources, owners, refusals and periods, on a small real catalogue:
unknown resources and owners asked back, an unknown product never matched by a shared word, order references
with '#' or typed in two words, writes no tool makes, month words in names and owners, sizes typed glued."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from assistant.router.parse import route
from sop_engine.periods import message_period

TODAY = date(2027, 2, 10)


@pytest.fixture(scope="module")
def tables():
    products = pd.DataFrame(
        [("SL-5", "Melatonin 5 mg 60 ct", "Sleep"), ("SL-10", "Melatonin 10 mg 60 ct", "Sleep"),
         ("KD-D3", "Kids Vitamin D3 Drops 1 oz", "Kids"), ("KD-GUM", "Kids Gummy Multivitamin 60 ct", "Kids"),
         ("AS-30", "April Sun SPF 30 Lotion 8 oz", "Skin Care"), ("HL-8", "Hydra Lotion 8 oz", "Skin Care"),
         ("2026", "Roast Dinner 450g", "Meals"), ("KO-60", "Krill Oil 60 ct", "Omega"),
         ("WP-VA-2", "Whey Protein Vanilla 2 lb", "Protein"), ("WP-CH-2", "Whey Protein Chocolate 2 lb", "Protein"),
         ("WP-CH-5", "Whey Protein Chocolate 5 lb", "Protein")],
        columns=["sku", "name", "family"])
    supply = pd.DataFrame({"ref": ["WO#5521", "MO 8812", "PO-2027-044", "4500771219"],
                           "sku": ["AS-30", "KD-GUM", "HL-8", "KO-60"], "due_date": ["2027-03-01"] * 4,
                           "quantity": [100, 200, 300, 400], "supplier": ["", "", "Dairy Co", "Antarctic Krill Co."]})
    capacity = pd.DataFrame({"resource": ["Bottling Line", "Lotion Fill Line", "Tablet Press 1"],
                             "period": ["2027-03"] * 3, "available_hours": [100.0] * 3})
    owners = pd.DataFrame({"owner": ["April Nguyen", "Chase Morgan", "Mark Ellis"]})
    return {"products": products, "supply": supply, "capacity": capacity, "note_items": owners}


def ask(tables, text, previous=None):
    return route(text, tables["products"], TODAY, previous, tables)


def test_order_references_with_a_hash_or_in_two_words(tables):
    assert ask(tables, "WO#5521 status").args == {"ref": "WO#5521"}
    late = ask(tables, "what happens if MO 8812 is a week late?")
    assert late.args["scenario"]["supply_changes"] == [{"ref": "MO 8812", "delay_days": 7}]
    on_time = ask(tables, "is the Krill Oil PO 4500771219 going to be on time?")
    assert (on_time.tool, on_time.entity, on_time.args) == ("get_orders", None, {"ref": "4500771219"})


def test_unknown_and_bare_resources_are_asked_back(tables):
    unknown = ask(tables, "how loaded is the blast chiller next month?")
    assert unknown.tool is None and unknown.clarification
    bare = ask(tables, "how loaded is the line next month?")
    assert bare.tool is None and {o["value"] for o in bare.options} == {"Bottling Line", "Lotion Fill Line"}
    assert ask(tables, "how full is Tablet Press 1 in March?").args == {"resource": "Tablet Press 1",
                                                                         "period": "2027-03"}


def test_an_unknown_person_is_asked_back_and_a_month_named_owner_is_the_person(tables):
    for text in ("does Bob have anything open?", "what has Oliver got open?"):
        call = ask(tables, text)
        assert call.tool is None and call.clarification, text
    vi = ask(tables, "chị April còn việc gì chưa xong?")
    assert vi.args.get("owner") == "April Nguyen" and vi.months is None
    plate = ask(tables, "what's on April's plate")
    assert plate.args.get("owner") == "April Nguyen" and plate.months is None


def test_an_unknown_product_is_not_matched_by_a_shared_word(tables):
    for text in ("are we short on Vitamin C next month?", "Vitamin C sales last month"):
        call = ask(tables, text)
        assert call.tool is None and call.clarification, text


def test_writes_no_tool_makes_are_refused(tables):
    for text in ("delete the Hydra Lotion SKU from the catalogue", "cancel PO-2027-044 with Dairy Co",
                 "Mark as done: Tablet Press 1 overhaul"):
        call = ask(tables, text)
        assert call.tool is None and call.clarification and call.options, text
    assert ask(tables, "what if PO-2027-044 is cancelled?").args["scenario"]["supply_changes"] == [
        {"ref": "PO-2027-044", "cancel": True}]
    own = ask(tables, "is Krill Oil going to stock out in April before I call the buyer?")
    assert (own.tool, own.entity) == ("check_shortages", "KO-60")


def test_month_words_of_names_and_sizes_typed_glued(tables):
    assert ask(tables, "re-run April Sun SPF 30 without July").args == {"product": "AS-30", "exclude": ["2026-07"]}
    assert ask(tables, "is April Sun SPF 30 short in April?").months == ["2027-04"]
    assert ask(tables, "Melatonin 10mg short in March?").entity == "SL-10"
    assert ask(tables, "Roast Dinner 450g sales in 2026").months == [f"2026-{m:02d}" for m in range(1, 13)]


def test_follow_ups_keep_the_size_and_name_the_family(tables):
    first = ask(tables, "Whey Protein Vanilla 2 lb sales last month")
    assert ask(tables, "what about the chocolate?", first).entity == "WP-CH-2"
    assert ask(tables, "and for the whole family?", first).entity == "family:Protein"


def test_period_words_are_whole_words_and_fractions_are_percentages(tables):
    assert str(message_period("I want to know about March", TODAY)) == "2027-03"
    assert message_period("did we sell more last month than the month before?", TODAY).labels == [
        "2026-12", "2027-01"]
    call = ask(tables, "if Hydra Lotion 8 oz demand went up by a quarter in March, could we cope?")
    assert call.args["scenario"]["demand_changes"][0]["pct"] == 25
