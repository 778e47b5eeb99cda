"""The offline router: message -> tool call, on the demo companies (both themes) and a small own master."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from assistant.router import RoutedCall, route
from assistant.router.evaluate import accuracy, evaluate
from assistant.router.vocab import LANGUAGE_FILES
from sop_engine.demo import THEMES, write_demo_company
from sop_engine.text import fold_words
from tools.schemas import TOOL_ARGS

PLANNING = date(2026, 11, 15)
DEV = Path(__file__).with_name("router_dev.json")


@pytest.fixture(scope="module")
def demo_products(tmp_path_factory) -> dict[str, pd.DataFrame]:
    out = {}
    for theme in ("beverages", "hardware"):
        folder = tmp_path_factory.mktemp(theme)
        write_demo_company(folder, seed=7, planning_date=PLANNING, theme=theme)
        out[theme] = pd.read_csv(folder / "products.csv")
    return out


def test_dev_set_scores_at_least_90_percent_and_every_call_validates(demo_products):
    cases = json.loads(DEV.read_text())["cases"]
    assert len(cases) >= 60
    results = evaluate(cases, demo_products["beverages"], PLANNING)
    wrong = [(r.case["text"], r.call.to_dict()) for r in results if not r.correct]
    assert accuracy(results) >= 0.9, wrong
    for r in results:
        if r.call.tool in TOOL_ARGS:
            TOOL_ARGS[r.call.tool].model_validate(r.call.args)
    assert sum(r.args_ok for r in results) / len(results) >= 0.9


COMPANY_DEV_SETS = [DEV.with_name(name) for name in (
    "router_dev_vi.json", "router_dev_en2.json", "router_dev2_en.json", "router_dev2_vi.json", "router_dev3.json",
    "router_dev4_en.json", "router_dev4_vi.json", "router_dev5_en.json", "router_dev5_vi.json",
    "router_dev6_en.json", "router_dev6_vi.json", "router_dev7_en.json", "router_dev7_vi.json",
    "router_dev8_en.json", "router_dev8_vi.json", "router_dev9_en.json", "router_dev9_vi.json",
    "router_dev10_en.json", "router_dev10_vi.json", "router_dev11_en.json", "router_dev11_vi.json",
    "router_dev12_en.json", "router_dev12_vi.json", "router_dev13_en.json", "router_dev13_vi.json",
    "router_dev14_en.json", "router_dev14_vi.json", "router_dev15_en.json", "router_dev15_vi.json",
    "router_dev16_en.json", "router_dev16_vi.json", "router_dev17_en.json", "router_dev17_vi.json",
    "router_dev18_en.json", "router_dev18_vi.json", "router_dev19_en.json", "router_dev19_vi.json",
    "router_dev20_en.json", "router_dev20_vi.json", "router_dev21_en.json", "router_dev21_vi.json",
    "router_dev22_en.json", "router_dev22_vi.json", "router_dev23_en.json", "router_dev23_vi.json",
    "router_dev24_en.json", "router_dev24_vi.json", "router_dev25_en.json", "router_dev25_vi.json",
    "router_dev27_en.json", "router_dev28_en.json", "router_dev28_vi.json")]
# the share of a set that must be right; every set: at most 2% silently wrong
RIGHT_AT_LEAST = {"router_dev5_en.json": 0.9, "router_dev6_en.json": 0.98, "router_dev6_vi.json": 0.98,
                  "router_dev7_en.json": 0.98, "router_dev7_vi.json": 0.98,
                  "router_dev23_vi.json": 0.9,  # English product names asked after by Vietnamese kind words: asked back
                  "router_dev28_en.json": 0.93}


def test_every_intent_appears_in_the_dev_sets():
    tools = {c["tool"] for path in [DEV, *COMPANY_DEV_SETS] for c in json.loads(path.read_text())["cases"]}
    assert set(TOOL_ARGS) <= tools
    assert {"help", None} <= tools


@pytest.mark.parametrize("path", COMPANY_DEV_SETS, ids=lambda p: p.name)
def test_the_company_dev_sets_are_understood_and_nothing_is_silently_wrong(path):
    from assistant.router.companies import folder_tables
    from assistant.router.evaluate import run_company_case, tally

    cases = json.loads(path.read_text())["cases"]
    tables = {name: folder_tables(path.with_name(name)) for name in {c["company"] for c in cases}}
    outcomes = [run_company_case(c, tables[c["company"]], date.fromisoformat(c["planning_date"])) for c in cases]
    counts = tally(outcomes)
    wrong = [(o.case["text"], o.call.to_dict()) for o in outcomes if o.outcome == "silently wrong"]
    right = RIGHT_AT_LEAST.get(path.name, 0.95)
    assert counts["right"] >= right * len(cases) and counts["silently wrong"] <= 0.02 * len(cases), wrong
    for o in outcomes:
        if o.call.tool in TOOL_ARGS:
            TOOL_ARGS[o.call.tool].model_validate(o.call.args)


def test_reforecast_excludes_the_most_recent_past_march(demo_products):
    call = route(
        "re-forecast the cold brew family without the March promo spike", demo_products["beverages"], PLANNING
    )
    assert (call.tool, call.args, call.entity) == (
        "reforecast",
        {"product": "Cold Brew", "exclude": ["2026-03"]},
        "family:Cold Brew",
    )
    call = route("re-forecast oat milk 1L with last month's actuals", demo_products["beverages"], PLANNING)
    assert call.args == {"product": "OAT-1L"}


def test_whatif_supply_and_demand_changes(demo_products):
    products = demo_products["beverages"]
    call = route("what if PO-1182 slips two weeks?", products, PLANNING)
    assert call.tool == "check_shortages" and call.intent == "whatif"
    assert call.args == {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 14}]}}
    call = route("what if demand for cold brew goes up 20% in Q1", products, PLANNING)
    assert call.args["scenario"] == {
        "demand_changes": [{"pct": 20.0, "family": "Cold Brew", "months": ["2027-01", "2027-02", "2027-03"]}]
    }
    assert call.months == ["2027-01", "2027-02", "2027-03"]
    call = route("what if MO-2041 gets cancelled", products, PLANNING)
    assert call.args == {"scenario": {"supply_changes": [{"ref": "MO-2041", "cancel": True}]}}


def test_followups_replace_only_the_slot_given(demo_products):
    products = demo_products["beverages"]
    first = route("are we short on oat mlk 1L next month?", products, PLANNING)
    assert (first.tool, first.entity, first.months) == ("check_shortages", "OAT-1L", ["2026-12"])
    after = route("and the month after?", products, PLANNING, first)
    assert (after.tool, after.entity, after.args) == (
        "check_shortages",
        "OAT-1L",
        {"product": "OAT-1L", "period": "2027-01"},
    )
    other = route("what about almond milk 1L?", products, PLANNING, after)
    assert other.args == {"product": "ALM-1L", "period": "2027-01"}
    quarter = route("and for Q1?", products, PLANNING, other)
    assert quarter.args == {"product": "ALM-1L", "period": "2027-01..2027-03"}


def test_help_ambiguity_and_not_understood(demo_products):
    products = demo_products["beverages"]
    assert route("help", products, PLANNING).tool == "help"
    assert route("what can you do?", products, PLANNING).tool == "help"
    call = route("are we short on green?", products, PLANNING)
    assert call.tool is None and call.clarification is not None
    labels = " ".join(o["label"] for o in call.options)
    assert "Green Tea" in labels and "Green Juice" in labels
    assert route("how tall is mount everest", products, PLANNING) == RoutedCall(None, {}, "unknown")
    weather = route("what's the weather like", products, PLANNING)  # a topic no tool has: say so, offer starters
    assert weather.tool is None and weather.clarification is not None and weather.options


def test_a_name_fitting_two_pack_sizes_asks_back_and_the_choice_completes_the_call(demo_products):
    products = demo_products["beverages"]
    asked = route("are we short on oat milk next month?", products, PLANNING)
    assert asked.tool is None and {o["value"] for o in asked.options} == {"OAT-1L", "OAT-250"}
    assert asked.pending == {"tool": "check_shortages", "args": {"period": "2026-12"}, "intent": "shortage",
                             "months": ["2026-12"], "slot": "product"}
    for answer in ("OAT-250", "the 250ml one", "oat milk 250ml"):
        chosen = route(answer, products, PLANNING, asked)
        assert (chosen.tool, chosen.args, chosen.months) == (
            "check_shortages", {"period": "2026-12", "product": "OAT-250"}, ["2026-12"]), answer
    # the whole family is not ambiguous: it is the family
    assert route("are we short on plant milks?", products, PLANNING).entity == "family:Plant Milks"
    # a new question instead of a choice is answered as itself
    assert route("fill rate last quarter", products, PLANNING, asked).tool == "get_kpi"


def test_vietnamese_with_and_without_diacritics(demo_products):
    products = pd.DataFrame({"sku": ["NM-500", "NM-1L", "NN-500", "MI-01"],
                             "name": ["Nước mắm Phú Quốc 500ml", "Nước mắm Phú Quốc 1L", "Nước mắm Nam Ngư 500ml",
                                      "Mì bò hầm"],
                             "family": ["Nước mắm", "Nước mắm", "Nước mắm", "Mì"]})
    for text in ("tháng sau có thiếu mì bò hầm không?", "thang sau co thieu mi bo ham khong"):
        call = route(text, products, PLANNING)
        assert (call.tool, call.entity, call.months, call.language) == (
            "check_shortages", "MI-01", ["2026-12"], "vi"), text
    call = route("nuoc mam phu quoc du bao quy 1", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"NM-500", "NM-1L"}
    assert call.language == "vi" and "Bạn" in call.clarification
    call = route("nước mắm có thiếu không", products, PLANNING)
    assert call.entity == "family:Nước mắm"
    assert route("doanh số mì bò hầm tháng 10", products, PLANNING).months == ["2026-10"]  # looks back
    assert route("chạy lại dự báo mì bò hầm", products, PLANNING).tool == "reforecast"
    assert route("công bố dự báo mới nhất", products, PLANNING).tool == "publish_forecast"
    assert route("tỷ lệ đáp ứng quý trước", products, PLANNING).args["name"] == "fill_rate"


def test_notes_and_decisions_slots(demo_products):
    products = demo_products["beverages"]
    call = route("what did we discuss about the oat milk supplier in the exec S&OP?", products, PLANNING)
    assert call.args == {"query": "oat milk supplier", "meeting": "executive_sop"}
    call = route("open action items assigned to Lan Nguyen", products, PLANNING)
    assert call.args == {"kind": "action_item", "open_only": True, "owner": "Lan Nguyen"}
    call = route("decisions from last month", products, PLANNING)
    assert call.args == {"kind": "decision", "period": "2026-10"}


@pytest.mark.parametrize(
    ("text", "tool", "entity", "months", "args"),
    [
        (
            "are we short on cordless drill 18V next month?",
            "check_shortages",
            "PT-1010",
            ["2026-12"],
            {"product": "PT-1010", "period": "2026-12"},
        ),
        (
            "forecast for the power tools family in Q1",
            "get_forecast",
            "family:Power Tools",
            ["2027-01", "2027-02", "2027-03"],
            {"product": "Power Tools", "period": "2027-01..2027-03"},
        ),
        ("wood screws bulk 1000 shortage in january", "check_shortages", "FS-2011", ["2027-01"], None),
        ("hedge trimer xl next month short?", "check_shortages", "GD-5041", ["2026-12"], None),
        ("chart PT-1031", "chart", "PT-1031", None, {"product": "PT-1031"}),
        (
            "reforecast paint without the May promo",
            "reforecast",
            "family:Paint",
            None,
            {"product": "Paint", "exclude": ["2026-05"]},
        ),
        (
            "fill rate for fasteners last quarter",
            "get_kpi",
            "family:Fasteners",
            ["2026-07", "2026-08", "2026-09"],
            {"name": "fill_rate", "product": "Fasteners", "period": "2026-07..2026-09"},
        ),
        ("what's assigned to Mei?", "list_decisions", None, None, {"kind": "action_item", "owner": "Mei"}),
        (
            "what if PO-1182 slips 10 days",
            "check_shortages",
            None,
            None,
            {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 10}]}},
        ),
    ],
)
def test_the_hardware_company_resolves_its_own_names(demo_products, text, tool, entity, months, args):
    call = route(text, demo_products["hardware"], PLANNING)
    assert (call.tool, call.entity, call.months) == (tool, entity, months)
    if args is not None:
        assert call.args == args
    TOOL_ARGS[call.tool].model_validate(call.args)


def test_a_product_code_that_looks_like_an_order_is_a_product_not_a_supply_ref():
    products = pd.DataFrame(
        {"sku": ["PO-1182", "VX-9"], "name": ["Pouch Oil", "Vortex Nine"], "family": ["Oils", "Mixers"]}
    )
    call = route("what if PO-1182 slips two weeks", products, PLANNING)
    assert call.entity == "PO-1182" and "scenario" not in call.args
    assert route("forecast for vortex nin", products, PLANNING).entity == "VX-9"
    assert route("shortages in the oils family", products, PLANNING).entity == "family:Oils"


def _strings(value) -> list[str]:
    """Every key and string of a parsed TOML document (comments are not vocabulary)."""
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [str(k), *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


# Planning words that happen to occur in the demo's names too; any other word of a demo name is a defect.
PLANNING_WORDS = {"can", "co", "hand", "supply"}


def test_the_vocabulary_holds_no_product_family_or_company_name():
    entries = [fold_words(e) for path in LANGUAGE_FILES.values()
               for e in _strings(tomllib.loads(path.read_text(encoding="utf-8")))]
    texts = [" | ".join(entries)]
    words = {e for e in entries if " " not in e}  # the vocabulary's single-word entries
    for theme in THEMES.values():
        names = [theme.company, theme.new_item[1]]
        for family in theme.families:
            names.append(family.name)
            names += [name for _, name in family.items]
        for name in names:
            for text in texts:
                assert re.search(rf"(?<![\w-]){re.escape(fold_words(name))}(?![\w-])", text) is None, name
            for word in fold_words(name).split():  # single words too: no one-word entry is a word of a name
                assert word.isdigit() or word in PLANNING_WORDS or word not in words, (name, word)


def test_importing_the_router_stays_light():
    code = (
        "import sys, assistant.router; heavy = {'langchain', 'langchain_core', 'torch', 'statsforecast', "
        "'chromadb', 'sentence_transformers', 'openai', 'pandas'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert out.stdout.strip() == "[]"


def _slip(word: str, rng) -> str:
    """One slip of the keyboard: two letters swapped, a letter dropped, doubled or changed."""
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "change"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice("aeiourstn") + word[i + 1:]


def test_one_slip_in_a_long_word_of_a_dev_question_is_never_silently_misread():
    import random

    from assistant.router.companies import folder_tables
    from assistant.router.evaluate import run_company_case, tally

    rng = random.Random(7)
    outcomes = []
    companies: dict[str, dict] = {}
    for path in COMPANY_DEV_SETS:
        for case in json.loads(path.read_text())["cases"]:
            if case["company"] not in companies:
                companies[case["company"]] = folder_tables(DEV.with_name(case["company"]))
            tables = companies[case["company"]]
            words = case["text"].split()
            long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
            if case.get("context") or case["expect"] != "answer" or not long:
                continue
            i = rng.choice(long)
            words[i] = _slip(words[i], rng)
            outcomes.append(run_company_case({**case, "text": " ".join(words)}, tables,
                                             date.fromisoformat(case["planning_date"])))
    counts = tally(outcomes)
    wrong = [(o.case["text"], o.call.to_dict()) for o in outcomes if o.outcome == "silently wrong"]
    assert len(outcomes) > 80 and counts["silently wrong"] <= 0.03 * len(outcomes), wrong
    assert counts["right"] >= 0.9 * len(outcomes)


def test_a_percentage_or_an_amount_of_time_is_never_read_as_a_pack_size():
    products = pd.DataFrame({"sku": ["BAR-1", "BAR-20"], "name": ["Oat Bar 1 pack", "Oat Bar 20 pack"],
                             "family": ["Bars", "Bars"]})
    products = pd.concat([products, pd.DataFrame({"sku": ["CHIP-1"], "name": ["Corn Chips"], "family": ["Bars"]})])
    call = route("what if oat bar demand goes up 20% next month", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"BAR-1", "BAR-20"}
    call = route("oat bar 20 pack short in 2 weeks?", products, PLANNING)
    assert call.entity == "BAR-20"


@pytest.mark.parametrize(("text", "tool", "args"), [
    ("how many oat milk 1L do we think we'll sell in January?", "get_forecast",
     {"product": "OAT-1L", "period": "2027-01"}),
    ("what does the model say for oat milk 1L next month?", "get_forecast", {"product": "OAT-1L", "period": "2026-12"}),
    ("can you update the Cold Brew forecast leaving out June?", "reforecast",
     {"product": "Cold Brew", "exclude": ["2026-06"]}),
    ("did we beat the forecast on oat milk 1L in October?", "get_sales", {"product": "OAT-1L", "period": "2026-10"}),
    ("are we covered on oat milk 1L for January or do we need to make more?", "check_shortages",
     {"product": "OAT-1L", "period": "2027-01"}),
    ("what's piling up in the warehouse?", "check_overstock", {}),
    ("hi there!", "help", {}),
    ("what can you help me with?", "help", {}),
])
def test_intent_wordings_pick_their_tool(demo_products, text, tool, args):
    call = route(text, demo_products["beverages"], PLANNING)
    assert (call.tool, call.args, call.clarification) == (tool, args, None)


def test_a_thanks_alone_needs_no_call_and_a_capability_question_is_help(demo_products):
    products = demo_products["beverages"]
    assert route("thanks, that's all for now", products, PLANNING) == RoutedCall(None, {}, "unknown")
    assert route("cheers!", products, PLANNING) == RoutedCall(None, {}, "unknown")
    assert route("how do I ask you about shortages?", products, PLANNING).tool == "help"
    assert route("thanks, are we short on oat milk 1L next month?", products, PLANNING).tool == "check_shortages"


def _parts_company() -> tuple[pd.DataFrame, dict]:
    """A made-up parts catalogue: size codes shared by two families, colours written with their marks."""
    products = pd.DataFrame({
        "sku": ["TY-A-1", "TY-B-1", "TB-1", "TY-A-2", "CAP-L-XAM", "CAP-L-HONG"],
        "name": ["Vỏ Quorin 60/80-12", "Vỏ Zelpa 70/80-12", "Ruột Quorin 60/80-12", "Vỏ Quorin 1.75-16",
                 "Nón Tarvik xám size L", "Nón Tarvik hồng size L"],
        "family": ["Vỏ", "Vỏ", "Ruột", "Vỏ", "Nón", "Nón"],
    })
    tables = {
        "supply": pd.DataFrame({"ref": ["4400001"], "sku": ["TB-1"], "supplier": ["Brumo Gloves Ltd"]}),
        "capacity": pd.DataFrame({"resource": ["Dây chuyền Lưới"], "period": ["2026-12"], "hours": [100]}),
        "routing": pd.DataFrame({"sku": ["TB-1"], "resource": ["Dây chuyền Lưới"], "hours_per_unit": [0.01]}),
    }
    return products, tables


def test_a_size_code_of_several_families_asks_which_and_one_of_a_single_sku_names_it():
    products, tables = _parts_company()
    call = route("any shortage on 60/80-12 next month?", products, PLANNING, None, tables)
    assert call.tool is None and {o["value"] for o in call.options} == {"TY-A-1", "TB-1"}
    assert route("1.75-16 forecast", products, PLANNING, None, tables).entity == "TY-A-2"


def test_a_partner_word_inside_an_unknown_name_is_no_place():
    products, tables = _parts_company()
    call = route("forecast for the Gloves Pro range", products, PLANNING, None, tables)
    assert call.tool is None and call.clarification


def test_a_machine_word_before_one_word_of_a_line_is_another_machine():
    products, tables = _parts_company()
    call = route("máy cắt mép lưới tháng sau có đủ giờ không?", products, PLANNING, None, tables)
    assert call.tool is None and call.clarification
    call = route("máy cắt ruột tháng sau có đủ giờ không?", products, PLANNING, None, tables)  # a family's word
    assert call.tool is None and call.clarification
    call = route("dây chuyền lưới tháng sau có đủ giờ không?", products, PLANNING, None, tables)
    assert (call.tool, call.args.get("resource")) == ("get_capacity", "Dây chuyền Lưới")


def test_a_colour_typed_with_its_marks_swaps_the_variant_in_a_followup():
    products, tables = _parts_company()
    before = route("Nón Tarvik xám size L tháng sau có thiếu không?", products, PLANNING, None, tables)
    assert before.entity == "CAP-L-XAM"
    for text in ("còn loại hồng?", "and the hồng one?"):  # "hong" folds like a stopword
        call = route(text, products, PLANNING, before, tables)
        assert (call.tool, call.entity, call.months) == ("check_shortages", "CAP-L-HONG", before.months)


def test_an_everyday_word_inside_a_cue_is_not_a_family_of_the_same_spelling():
    products = pd.DataFrame({"sku": ["DN-1"], "name": ["Đèn Quorin"], "family": ["Đèn"]})
    for text in ("có ai nhắc đến ca đêm không", "co ai nhac den ca dem khong"):
        call = route(text, products, PLANNING)
        assert (call.tool, call.entity) == ("search_meeting_notes", None)
    assert route("đèn tháng sau có thiếu không", products, PLANNING).entity == "family:Đèn"
    assert route("Xích Quorin quý trước bán thế nào?", pd.DataFrame(
        {"sku": ["X-1"], "name": ["Xích Quorin"], "family": ["Xích"]}), PLANNING).tool == "get_sales"


@pytest.mark.parametrize("text, months", [
    ("Foo Nappies M, pack of 64 tháng sau có thiếu không?", ["2026-12"]),
    ("foo nappies M 64 thang sau co thieu ko", ["2026-12"]),
    ("doanh số Foo Gel, pack of 12 tháng trước", ["2026-10"]),
    ("độ chính xác của dầu gội 6 tháng qua", ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]),
    ("enough to get us through December?", ["2026-11", "2026-12"]),
    ("tôm 16/20 tháng sau có đủ không?", ["2026-12"]),
    ("3 tháng tới", ["2026-12", "2027-01", "2027-02"]),
    ("is the Bar family ok through February?", ["2026-11", "2026-12", "2027-01", "2027-02"]),
])
def test_a_pack_count_is_no_count_of_months_and_through_a_month_starts_now(text, months):
    from sop_engine.periods import message_period

    assert message_period(text, PLANNING).labels == months



def test_an_order_stuck_for_some_days_is_a_delay(demo_products):
    products = demo_products["beverages"]
    for text in ("if PO-1182 gets stuck at the border for 3 days, where does that leave us?",
                 "nếu PO-1182 kẹt ở cảng 3 ngày thì ảnh hưởng gì?"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.intent == "whatif", text
        assert call.args == {"scenario": {"supply_changes": [{"ref": "PO-1182", "delay_days": 3}]}}, text


def test_an_order_reference_right_after_a_family_is_that_familys_order():
    products = pd.DataFrame({"sku": ["GL-1", "GL-2"], "name": ["Zolo Gel 1", "Zolo Gel 2"], "family": ["Gels"] * 2})
    supply = pd.DataFrame({"ref": ["WO-4411"], "sku": ["GL-1"], "due_date": ["2026-12-02"], "quantity": [500],
                           "kind": ["work_order"], "status": ["firm"]})
    call = route("is the gels run WO-4411 still on track?", products, PLANNING, None, {"supply": supply})
    assert call.tool == "get_orders" and call.args == {"ref": "WO-4411"}
    call = route("forecast for the gels vs WO-4411", products, PLANNING, None, {"supply": supply})
    assert call.tool == "get_forecast"


def test_context_before_the_question_does_not_choose_it(demo_products):
    products = pd.DataFrame({"sku": ["ZL-1", "ZL-2", "QB-1", "QB-2"],
                             "name": ["Zolo Gel 1", "Zolo Gel 2", "Quibo Soap", "Zolo Soap"],
                             "family": ["Gels", "Gels", "Soaps", "Soaps"]})
    # a colon's clause followed by another sentence is context
    call = route("NB: stocktake on Fri. Are we short on Quibo Soap next month?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "QB-1"
    # a lower-case word fitting several products, in a sentence before the question, is an aside
    call = route("So zolo, we missed the slot. Anyway: what was OTIF last month?", products, PLANNING)
    assert call.tool == "get_kpi" and call.args["name"] == "otif" and call.entity is None
    # "ok" before a period word: covered then
    call = route("are the Gels ok next month?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "family:Gels"


def test_a_number_that_reads_on_with_the_name_is_the_names_not_a_count_of_months():
    products = pd.DataFrame({"sku": ["ZL-1", "ZL-2", "QB-2"], "name": ["Zolo Step 1", "Zolo Step 2", "Quibo Step 2"],
                             "family": ["Gels", "Gels", "Gels"]})
    call = route("Step 2 tháng sau có đủ không", products, PLANNING)
    assert call.clarification and {o["value"] for o in call.options} == {"ZL-2", "QB-2"}
    assert call.months == ["2026-12"]
    call = route("Gels 3 tháng tới có đủ không", products, PLANNING)
    assert call.entity == "family:Gels" and call.months == ["2026-12", "2027-01", "2027-02"]


def test_a_kind_of_resource_with_a_word_no_name_holds_asks_which_of_that_kind():
    products = pd.DataFrame({"sku": ["ZL-1"], "name": ["Zolo Gel"], "family": ["Gels"]})
    capacity = pd.DataFrame({"resource": ["Gel Line 1", "Gel Line 2", "Tube Filler"], "period": ["2026-12"] * 3,
                             "available_hours": [100, 100, 100]})
    tables = {"capacity": capacity}
    call = route("công suất dây chuyền kẹo tháng sau", products, PLANNING, None, tables)
    assert call.clarification and {o["value"] for o in call.options} == {"Gel Line 1", "Gel Line 2"}
    call = route("công suất dây chuyền tháng sau", products, PLANNING, None, tables)
    assert call.tool == "get_capacity" and call.clarification is None


def test_a_followup_typing_words_in_place_of_the_previous_names_is_that_sibling():
    products = pd.DataFrame({
        "sku": ["NP-M48", "NP-M64", "NP-L48", "NP-L64", "TS-80", "TS-3X80"],
        "name": ["Zolo Nappies M, pack of 48", "Zolo Nappies M, pack of 64", "Zolo Nappies L, pack of 48",
                 "Zolo Nappies L, pack of 64", "Quibo Tissues, pack of 80", "Quibo Tissues, 3x80"],
        "family": ["Nappies"] * 4 + ["Tissues"] * 2})
    first = route("are we short on Zolo Nappies M, pack of 64 next month?", products, PLANNING)
    assert first.entity == "NP-M64"
    assert route("and the L 64?", products, PLANNING, first).entity == "NP-L64"
    first = route("forecast for Quibo Tissues, pack of 80 next quarter", products, PLANNING)
    assert route("and the 3x80?", products, PLANNING, first).entity == "TS-3X80"


def test_a_pack_word_after_a_name_and_a_product_after_an_order_question():
    products = pd.DataFrame({"sku": ["ZS-1", "ZS-2", "QT-1"], "name": ["Zolo Step 1 800 g", "Zolo Step 2 800 g",
                                                                       "Quibo Teats, pack of 2"],
                             "family": ["Milk", "Milk", "Feeding"]})
    supply = pd.DataFrame({"ref": ["PO-2026-0101"], "sku": ["QT-1"], "due_date": ["2026-12-02"], "quantity": [500],
                           "kind": ["purchase_order"], "status": ["firm"]})
    call = route("sales of Step 2 tins in Q3", products, PLANNING)
    assert call.tool == "get_sales" and call.entity == "ZS-2"
    call = route("where's PO-2026-0101 at? the shops keep asking about teats", products, PLANNING, None,
                 {"supply": supply})
    assert call.tool == "get_orders" and call.args == {"ref": "PO-2026-0101"}


def test_a_size_after_an_ambiguous_name_picks_the_one_candidate_of_that_size():
    products = pd.DataFrame({"sku": ["ZW-400", "ZW-1L", "ZP-L"],
                             "name": ["Zolo Wash 400 ml", "Zolo Wash 1 L", "Zolo Pants L, pack of 48"],
                             "family": ["Bath", "Bath", "Pants"]})
    for text in ("Zolo 1 L tháng sau có thiếu không?", "is Zolo 1L short next month?"):
        assert route(text, products, PLANNING).entity == "ZW-1L", text
    assert route("is Zolo short next month?", products, PLANNING).clarification


def test_an_absurd_count_of_months_is_asked_back_not_read():
    products = pd.DataFrame({"sku": ["ZL-1"], "name": ["Zolo Gel"], "family": ["Gels"]})
    for text in ("dự báo Zolo Gel cho 48 tháng tới", "forecast Zolo Gel next 64 months"):
        call = route(text, products, PLANNING)
        assert call.tool is None and call.clarification, text


def test_a_fraction_in_words_is_a_demand_change():
    products = pd.DataFrame({"sku": ["ZG-1"], "name": ["Zolo Gel"], "family": ["Gels"]})
    for text, pct in (("nếu nhu cầu Zolo Gel tăng thêm một nửa trong tháng 4 thì có thiếu không?", 50),
                      ("if demand for Zolo Gel goes up by half again in April, are we short?", 50),
                      ("what if Zolo Gel demand is half as much in April?", -50)):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages", text
        assert call.args["scenario"]["demand_changes"][0]["pct"] == pct, text


def test_two_names_joined_by_or_ask_which_even_when_a_near_spelling_spans_the_join():
    products = pd.DataFrame({"sku": ["ZR-5", "QR-5", "ZR-2"],
                             "name": ["Gạo Zolo túi 5kg", "Gạo Quibo túi 5kg", "Gạo Zolo túi 2kg"],
                             "family": ["Gạo", "Gạo", "Gạo"]})
    for text in ("Gạo Zolo túi 5kg hay Gạo Quibo túi 5kg tháng sau có thiếu không?",
                 "is Gạo Zolo túi 5kg or Gạo Quibo túi 5kg short next month?"):
        call = route(text, products, PLANNING)
        assert call.tool is None and {o["value"] for o in call.options} == {"ZR-5", "QR-5"}, text


def test_a_run_two_resources_share_and_an_everyday_word_asks_which():
    products = pd.DataFrame({"sku": ["ZG-1"], "name": ["Zolo Gel"], "family": ["Gels"]})
    lines = ["Dây chuyền ép viên nhỏ", "Dây chuyền ép viên 5kg"]
    capacity = pd.DataFrame({"resource": lines, "period": ["2026-12"] * 2, "available_hours": [100, 100]})
    call = route("how loaded is Dây chuyền ép viên in April?", products, PLANNING, None, {"capacity": capacity})
    assert call.tool is None and {o["value"] for o in call.options} == set(lines)


def test_a_family_name_typed_inside_names_of_other_families_is_no_choice():
    products = pd.DataFrame({"sku": ["ZL-2", "BZ-4", "NZ-5"],
                             "name": ["Gạo zolo ST 2kg", "Bột gạo zolo 400g", "Bún gạo zolo 500g"],
                             "family": ["Gạo", "Bột", "Bún"]})
    call = route("các sp gạo zolo tháng sau có thiếu không", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"ZL-2", "BZ-4", "NZ-5"}


def test_plan_against_budget_is_a_reconciliation_ahead():
    products = pd.DataFrame({"sku": ["ZG-1", "ZG-2"], "name": ["Zolo Gel", "Zolo Wash"], "family": ["Gels"] * 2})
    call = route("Gels quý 2 kế hoạch so với ngân sách lệch bao nhiêu", products, PLANNING)
    assert call.tool == "reconcile_plan" and call.months == ["2027-04", "2027-05", "2027-06"]


def test_a_person_written_with_other_accents_than_a_partner_is_asked_back():
    products = pd.DataFrame({"sku": ["ZG-1"], "name": ["Zolo Gel"], "family": ["Gels"]})
    tables = {"supply": pd.DataFrame({"ref": ["PO-1"], "sku": ["ZG-1"], "due_date": ["2026-12-01"],
                                      "quantity": [5], "kind": ["purchase_order"], "status": ["firm"],
                                      "supplier": ["Công ty Tụng"]}),
              "note_items": pd.DataFrame({"owner": ["Lê Văn Tám"]})}
    call = route("việc của Tùng còn gì?", products, PLANNING, None, tables)
    assert call.tool is None and call.clarification


def test_conclusions_and_names_asked_for():
    products = pd.DataFrame({"sku": ["ZG-1", "ZG-2"], "name": ["Zolo Gel", "Zolo Wash"], "family": ["Gels"] * 2})
    call = route("cuộc họp tháng 1 kết luận gì về Zolo Gel?", products, PLANNING)
    assert call.tool == "list_decisions" and call.entity == "ZG-1" and call.args.get("kind") == "decision"
    assert route("có sp nào tên Zolo không?", products, PLANNING).tool == "find_products"
    assert route("tình hình thế nào rồi?", products, PLANNING).clarification


def test_a_percentage_inside_a_products_name_is_the_names_and_a_change_word_makes_a_whatif():
    products = pd.DataFrame({"sku": ["BR-5", "BR-10"], "name": ["Brinol 5% 250 ml", "Brinol 10% 250 ml"],
                             "family": ["Tonics", "Tonics"]})
    call = route("brinol 5% sales last 6 mo", products, PLANNING)
    assert call.tool == "get_sales" and call.entity == "BR-5" and "scenario" not in call.args
    call = route("which model are we using for Brinol 10% 250 ml?", products, PLANNING)
    assert call.tool == "get_forecast" and call.entity == "BR-10"
    call = route("what if the Brinol 5% 250 ml goes up 15% next month?", products, PLANNING)
    assert call.tool == "check_shortages" and call.args["scenario"]["demand_changes"] == [
        {"pct": 15.0, "sku": "BR-5", "months": ["2026-12"]}]


def test_an_everyday_word_is_no_slip_of_an_intent_word():
    products = pd.DataFrame({"sku": ["QV-1"], "name": ["Quivo Pads, box of 10"], "family": ["Pads"]})
    supply = pd.DataFrame({"ref": ["PO-ZZ-4410"], "sku": ["QV-1"], "due_date": ["2026-12-02"], "quantity": [500],
                           "kind": ["purchase_order"], "status": ["firm"]})
    call = route("where's PO-ZZ-4410 at? the care homes keep asking", products, PLANNING, None, {"supply": supply})
    assert call.tool == "get_orders" and call.args == {"ref": "PO-ZZ-4410"}  # "homes": no slip of "holes"
    call = route("what will the care homes need of the Quivo Pads in January?", products, PLANNING)
    assert call.tool == "get_forecast" and call.entity == "QV-1"


@pytest.mark.parametrize("text", ["Quivo Pads ok over hay fever season?", "Quivo Pads short before the shutdown?",
                                  "what were Quivo Pads sales during the county tender?"])
def test_a_time_named_by_an_occasion_noun_is_asked_back(text):
    products = pd.DataFrame({"sku": ["QV-1"], "name": ["Quivo Pads, box of 10"], "family": ["Pads"]})
    call = route(text, products, PLANNING)
    assert call.tool is None and call.clarification, text
    assert route("Quivo Pads short next month?", products, PLANNING).tool == "check_shortages"


@pytest.mark.parametrize("text", ["demand forecast for the Quivo 20 ml tube", "are we short on the Quivo 15x15 pad?"])
def test_a_size_no_name_holds_next_to_a_family_is_an_unknown_product(text):
    products = pd.DataFrame({"sku": ["QT-2", "QT-5", "QP-1010", "QP-1020"],
                             "name": ["Quivo Tube 2 ml", "Quivo Tube 5 ml", "Quivo Pad 10x10 cm", "Quivo Pad 10x20 cm"],
                             "family": ["Tubes", "Tubes", "Pads", "Pads"]})
    call = route(text, products, PLANNING)
    assert call.tool is None and call.clarification, text
    assert route("demand forecast for the Quivo 5 ml tube", products, PLANNING).entity == "QT-5"


def test_an_english_plural_is_no_slip_of_another_known_word():
    products = pd.DataFrame({"sku": ["QM-50"], "name": ["Quivo Surgical Mask, box of 50"], "family": ["Masks"]})
    call = route("are we short on Zembra surgical gowns next month?", products, PLANNING)
    assert call.tool is None and call.clarification  # "gowns" is no "owns" (a decisions word)


def test_a_size_word_next_to_a_family_offers_its_products_of_that_size():
    products = pd.DataFrame({"sku": ["ZG-S", "ZG-L", "ZG-L2", "ZK-L"],
                             "name": ["Zembra Gloves S", "Zembra Gloves L", "Zembra Gloves L, box of 200",
                                      "Kelto Gloves L"],
                             "family": ["Gloves", "Gloves", "Gloves", "Gloves"]})
    call = route("are we short of the large gloves next month?", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"ZG-L", "ZG-L2", "ZK-L"}
    call = route("are we short of the small gloves next month?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "ZG-S"



def test_a_size_letter_after_a_size_word_next_to_a_family_picks_its_product():
    products = pd.DataFrame({"sku": ["ZG-M", "ZG-XL"], "name": ["Zembra Gloves M", "Zembra Gloves XL"],
                             "family": ["Gloves", "Gloves"]})
    call = route("are the gloves size XL short next month?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "ZG-XL"

def test_a_number_after_a_pack_word_is_the_pack_size_no_months_and_no_meeting():
    products = pd.DataFrame({"sku": ["ZG-M-100", "ZG-M-200"], "name": ["Zembra Gloves M, box of 100",
                                                                         "Zembra Gloves M, box of 200"],
                             "family": ["Gloves", "Gloves"]})
    for text in ("zembra gloves M hop 100 thang sau co thieu ko", "Zembra gloves M hộp 100 tháng sau có thiếu không"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity == "ZG-M-100" and call.months == ["2026-12"], text


def test_enough_or_too_much_around_the_name_is_a_shortage_or_an_overstock_check():
    products = pd.DataFrame({"sku": ["KB-1", "KB-2"], "name": ["Bánh Kelvo dừa 200g", "Bánh Kelvo mè 200g"],
                             "family": ["Bánh", "Bánh"]})
    for text in ("tháng sau còn đủ bánh Kelvo dừa 200g không?", "có đủ bánh Kelvo dừa cho tháng sau không",
                 "co du banh kelvo dua cho thang sau ko"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity == "KB-1" and call.months == ["2026-12"], text
    call = route("bánh Kelvo dừa có dư không?", products, PLANNING)
    assert call.tool == "check_overstock" and call.entity == "KB-1"  # too much, as written
    call = route("banh kelvo dua co du khong", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "KB-1"  # typed without marks: the usual question


def test_a_season_headed_by_its_word_is_asked_back_and_the_same_letters_as_buy_are_not():
    products = pd.DataFrame({"sku": ["KB-1"], "name": ["Bánh Kelvo dừa 200g"], "family": ["Bánh"]})
    call = route("mùa nồm có đủ bánh Kelvo dừa không?", products, PLANNING)
    assert call.tool is None and "mùa nồm" in call.clarification
    call = route("bánh Kelvo dừa tháng sau có cần mua thêm không, có thiếu không?", products, PLANNING)
    assert call.tool == "check_shortages" and call.months == ["2026-12"]


def test_stock_that_lasts_through_a_month_is_a_shortage_check_until_then():
    products = pd.DataFrame({"sku": ["KB-1"], "name": ["Kelvo Crackers 200g"], "family": ["Crackers"]})
    call = route("will the Kelvo Crackers last through January?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "KB-1" and call.months[-1] == "2027-01"


def test_how_wrong_a_forecast_was_is_its_accuracy_looking_back_and_months_of_stock_its_cover():
    products = pd.DataFrame({"sku": ["ZG-M", "QT-1"], "name": ["Zembra Gloves M", "Quạt Kelvo treo tường"],
                             "family": ["Gloves", "Quạt"]})
    call = route("how wrong was the gloves forecast in May", products, PLANNING)
    assert call.tool == "get_kpi" and call.args["name"] == "wape" and call.months == ["2026-05"]
    call = route("dự báo tháng trước sai bao nhiêu phần trăm", products, PLANNING)
    assert call.tool == "get_kpi" and call.args["name"] == "wape" and call.months == ["2026-10"]
    for text in ("how many months of stock do we have on the Zembra Gloves M?", "quạt Kelvo tồn kho được mấy tháng"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_overstock" and call.entity in {"ZG-M", "QT-1"}, text


def test_everyday_ways_of_asking_about_risk_accuracy_and_a_persons_late_items():
    products = pd.DataFrame({"sku": ["ZT-6", "ZT-2"], "name": ["Zembra Tent 6-Person", "Zembra Tent 2-Person"],
                             "family": ["Tents", "Tents"]})
    notes = {"note_items": pd.DataFrame({"owner": ["Pria Oduya"]})}
    call = route("anything overdue from Pria?", products, PLANNING, None, notes)
    assert call.tool == "list_decisions" and call.args.get("owner") == "Pria Oduya"
    call = route("do we have a problem with the 6-person tent in Jan?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "ZT-6" and call.months == ["2027-01"]
    call = route("which items are heading for a stockout?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity is None
    call = route("any red flags for December?", products, PLANNING)
    assert call.tool == "check_shortages" and call.months == ["2026-12"]
    call = route("how did the forecast do last month?", products, PLANNING)
    assert call.tool == "get_kpi" and call.args["name"] == "wape" and call.months == ["2026-10"]
    call = route("what's our exposure on the 2-person tent over the next couple of months?", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "ZT-2" and call.months == ["2026-12", "2027-01"]
    call = route("how are we tracking against budget this quarter?", products, PLANNING)
    assert call.tool == "reconcile_plan" and call.months == ["2026-10", "2026-11", "2026-12"]


def test_vietnamese_ways_of_asking_about_tight_stock_actuals_against_forecast_and_a_persons_task():
    products = pd.DataFrame({"sku": ["KV-2", "KV-5"], "name": ["Gạo Kelvo túi 2kg", "Gạo Kelvo túi 5kg"],
                             "family": ["Gạo", "Gạo"]})
    for text in ("tháng sau gạo Kelvo 2kg có căng không", "tình hình hàng Kelvo 2kg tháng tới sao rồi"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity == "KV-2" and call.months == ["2026-12"], text
    call = route("so sánh bán thực tế với dự báo tháng 10 của gạo Kelvo 5kg", products, PLANNING)
    assert call.tool == "get_sales" and call.entity == "KV-5" and call.months == ["2026-10"]
    tables = {"note_items": pd.DataFrame({"owner": ["Trần Minh Quyết"]})}
    call = route("anh Quyết làm xong việc chạy lại dự báo chưa", products, PLANNING, None, tables)
    assert call.tool == "list_decisions" and call.args.get("owner") == "Trần Minh Quyết"  # no job started


def test_the_head_word_of_a_familys_name_typed_alone_is_that_family_never_no_name():
    products = pd.DataFrame({"sku": ["PB-M", "PB-L", "PM-XL", "QD-1", "QD-2", "NC-1"],
                             "name": ["Zembra Pull-up Pants M", "Zembra Pull-up Pants L", "Kelvo Night Pants XL",
                                      "Quạt đứng Kelvo", "Quạt bàn Kelvo", "Nồi cơm điện Kelvo"],
                             "family": ["Pull-up Pants", "Pull-up Pants", "Pull-up Pants", "Quạt điện", "Quạt điện",
                                        "Nồi cơm điện"]})
    call = route("what's our bias on pants?", products, PLANNING)
    assert call.tool == "get_kpi" and call.entity == "family:Pull-up Pants"
    call = route("quạt tháng sau có thiếu không", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "family:Quạt điện" and call.months == ["2026-12"]


def test_a_year_after_a_month_or_quarter_is_the_year_even_where_a_code_is_that_number_and_acronym_counts():
    products = pd.DataFrame({"sku": ["2027", "WP-80", "DP-NB24", "DP-XL24"],
                             "name": ["Kelvo Teats, pack of 2", "Kelvo Wipes, pack of 80",
                                      "Kelvo Diapers NB, pack of 24", "Kelvo Diapers XL, pack of 24"],
                             "family": ["Feeding", "Wipes", "Diapers", "Diapers"]})
    call = route("wipes forecast Q1 2027", products, PLANNING)
    assert call.tool == "get_forecast" and call.entity == "family:Wipes"
    assert call.months == ["2027-01", "2027-02", "2027-03"]
    call = route("wipes forecast for March 2027", products, PLANNING)
    assert call.entity == "family:Wipes" and call.months == ["2027-03"]
    assert route("2027 forecast next month", products, PLANNING).entity == "2027"
    call = route("units sold of the NB 24s in October?", products, PLANNING)
    assert call.tool == "get_sales" and call.entity == "DP-NB24"
    call = route("units sold of the ZQ 24s in October?", products, PLANNING)
    assert call.tool is None and "ZQ" in call.clarification  # two capitals no name holds: asked, never all


def test_spare_hours_of_a_line_are_its_load_and_a_forecast_off_by_a_share_is_no_accuracy_question():
    products = pd.DataFrame({"sku": ["KV-5"], "name": ["Gạo Kelvo túi 5kg"], "family": ["Gạo"]})
    tables = {"capacity": pd.DataFrame({"resource": ["Máy Zembra"], "period": ["2026-12"], "hours": [100]}),
              "routing": pd.DataFrame({"sku": ["KV-5"], "resource": ["Máy Zembra"], "hours_per_unit": [0.01]})}
    call = route("giờ máy Zembra còn dư không", products, PLANNING, None, tables)
    assert call.tool == "get_capacity" and call.args.get("resource") == "Máy Zembra"
    call = route("nếu dự báo sai 20% thì có thiếu gạo Kelvo 5kg không", products, PLANNING, None, tables)
    assert call.tool != "get_kpi"
    call = route("tình hình bán hàng gạo Kelvo tháng trước", products, PLANNING, None, tables)
    assert call.tool == "get_sales" and call.months == ["2026-10"]


def test_a_whatif_on_a_products_order_names_its_one_order_or_asks_which():
    products = pd.DataFrame({"sku": ["ZM-4", "ZM-7", "ZP-1"],
                             "name": ["Zembra Motor 4 kW", "Zembra Motor 7 kW", "Kelvo Pump"],
                             "family": ["Motors", "Motors", "Pumps"]})
    supply = pd.DataFrame({"ref": ["7700001", "7700002"], "sku": ["ZM-4", "ZM-7"],
                           "due_date": ["2026-12-01", "2027-01-05"], "quantity": [10, 20],
                           "kind": ["purchase_order"] * 2, "status": ["firm"] * 2})
    call = route("what if the Zembra Motor 4 kW PO is 3 weeks late?", products, PLANNING, None, {"supply": supply})
    assert call.tool == "check_shortages"
    assert call.args["scenario"]["supply_changes"] == [{"ref": "7700001", "delay_days": 21}]
    call = route("what if the motors PO slips two weeks?", products, PLANNING, None, {"supply": supply})
    assert call.tool is None and [o["label"] for o in call.options] == ["7700001", "7700002"]
    again = route(call.options[1]["value"], products, PLANNING, call, {"supply": supply})
    assert again.args["scenario"]["supply_changes"] == [{"ref": "7700002", "delay_days": 14}]
    call = route("what if the Kelvo Pump order is cancelled?", products, PLANNING, None, {"supply": supply})
    assert call.tool is None and call.clarification and not call.options  # no order of it on file


def test_a_person_as_the_subject_of_a_past_question_is_asked_about_their_action_item():
    products = pd.DataFrame({"sku": ["ZM-4"], "name": ["Zembra Motor 4 kW"], "family": ["Motors"]})
    tables = {"note_items": pd.DataFrame({"owner": ["Pria Oduya"]})}
    call = route("Did Pria get the firm date from the supplier?", products, PLANNING, None, tables)
    assert call.tool == "list_decisions" and call.args.get("owner") == "Pria Oduya"


def test_whether_a_person_has_done_something_yet_is_their_action_item_in_vietnamese():
    products = pd.DataFrame({"sku": ["BG-1"], "name": ["Bugi Kelvo"], "family": ["Bugi"]})
    tables = {"note_items": pd.DataFrame({"owner": ["Quyết"]})}
    for text in ("anh Quyết đã so sánh giá bugi chưa", "anh Quyet da so sanh gia bugi chua"):
        call = route(text, products, PLANNING, None, tables)
        assert call.tool == "list_decisions" and call.args.get("owner") == "Quyết", text


def test_a_number_that_tells_names_apart_picks_one_and_a_school_season_is_asked_back():
    products = pd.DataFrame({"sku": ["GA4-70", "GA4-80", "GA3-80", "SO-1"],
                             "name": ["Giấy A4 Kelvo 70gsm ram 500 tờ", "Giấy A4 Kelvo 80gsm ram 500 tờ",
                                      "Giấy A3 Kelvo 80gsm ram 500 tờ", "Sổ tay Zembra"],
                             "family": ["Giấy", "Giấy", "Giấy", "Sổ"]})
    call = route("giấy A4 70 tháng tới có thiếu không", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "GA4-70" and call.months == ["2026-12"]
    call = route("giấy A4 trong 3 tháng tới có thiếu không", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"GA4-70", "GA4-80"}
    for text, words in (("sổ tay Zembra còn đủ cho năm học mới không", "năm học mới"),
                        ("mùa tựu trường có đủ sổ tay Zembra không", "mùa tựu trường")):
        call = route(text, products, PLANNING)
        assert call.tool is None and words in call.clarification, text


def test_a_line_or_machine_the_names_do_not_spell_is_asked_back_and_tomorrow_is_no_person():
    products = pd.DataFrame({"sku": ["TH-1"], "name": ["Thau nhựa Kelvo 20L"], "family": ["Thau"]})
    tables = {"capacity": pd.DataFrame({"resource": ["Chuyền đóng gói Zembra", "Máy ép Kelvo"],
                                        "period": ["2026-12"] * 2, "hours": [100, 100]}),
              "note_items": pd.DataFrame({"owner": ["Đỗ Thị Mai"]})}
    for text in ("dây chuyền sơn tháng sau có quá tải không", "máy in nhãn tháng sau có quá tải không"):
        call = route(text, products, PLANNING, None, tables)
        assert call.tool is None and call.clarification and call.options, text
    call = route("thời tiết ở Zembra mai thế nào?", products, PLANNING, None, tables)
    assert call.tool != "list_decisions"
    call = route("chị Mai còn việc gì", products, PLANNING, None, tables)
    assert call.tool == "list_decisions" and call.args.get("owner") == "Đỗ Thị Mai"
    call = route("what's mai working on?", products, PLANNING, None, tables)
    assert call.tool == "list_decisions" and call.args.get("owner") == "Đỗ Thị Mai"
    call = route("what if Thau nhựa Kelvo sells a quarter more in December?", products, PLANNING, None, tables)
    assert call.args["scenario"]["demand_changes"][0]["pct"] == 25
    assert route("what sort of things can I ask you?", products, PLANNING).tool == "help"


def test_a_variant_of_two_words_joined_to_another_variant_asks_which_product_first():
    products = pd.DataFrame({"sku": ["GK-XD", "GK-TR", "GK-DO"],
                             "name": ["Ghế Kelvo lưng tựa xanh dương", "Ghế Kelvo lưng tựa trắng",
                                      "Ghế Kelvo lưng tựa đỏ"],
                             "family": ["Ghế", "Ghế", "Ghế"]})
    call = route("ghế Kelvo lưng tựa xanh dương với trắng tháng sau có thiếu ko", products, PLANNING)
    assert call.tool is None and [o["value"] for o in call.options] == ["GK-XD", "GK-TR"]


def test_an_acronym_of_names_in_the_plural_and_codes_no_name_holds():
    products = pd.DataFrame({"sku": ["MB-6", "MB-16", "RB-32", "TE-25"],
                             "name": ["Kelvo MCB Type B 6A", "Kelvo MCB Type B 16A", "Kelvo RCBO 32A 30mA",
                                      "Twin & Earth Cable 2.5mm 100m"],
                             "family": ["Protection", "Protection", "Protection", "Cable"]})
    call = route("what's on order for MCBs?", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"MB-6", "MB-16"}
    assert route("are the RCBOs short?", products, PLANNING).entity == "RB-32"
    for text, typed in (("are we short of 2.5 T&E in Feb?", "T&E"), ("will we run out of B16s this quarter?", "B16s")):
        call = route(text, products, PLANNING)
        assert call.tool is None and typed in call.clarification, text  # asked, never every product
    assert route("wape lag2 last qtr", products, PLANNING).tool == "get_kpi"


def test_and_typed_for_the_ampersand_of_a_name_and_a_short_followup_with_a_new_question_keeps_the_product():
    products = pd.DataFrame({"sku": ["TE-100", "TE-50", "DL-40"],
                             "name": ["Twin & Earth Cable 2.5mm 100m", "Twin & Earth Cable 2.5mm 50m",
                                      "Zembra Downlight 4000K"],
                             "family": ["Cable", "Cable", "Lighting"]})
    call = route("how many 2.5mm twin and earth 100m did we sell in October?", products, PLANNING)
    assert call.tool == "get_sales" and call.entity == "TE-100"
    first = route("are we short on the Zembra downlights in December?", products, PLANNING)
    call = route("and sales last month?", products, PLANNING, first)
    assert call.tool == "get_sales" and call.entity == "DL-40" and call.months == ["2026-10"]


def test_a_name_opening_with_an_everyday_word_typed_with_its_marks_and_a_colour_followup():
    products = pd.DataFrame({"sku": ["SO-A5", "SO-A6", "BB-X", "BB-D"],
                             "name": ["Sổ tay Kelvo bìa da A5", "Sổ tay Kelvo lò xo A6", "Bút bi Zembra 027 xanh",
                                      "Bút bi Zembra 027 đỏ"],
                             "family": ["Sổ", "Sổ", "Bút bi", "Bút bi"]})
    call = route("sổ tay A6 tháng sau có đủ không", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "SO-A6"
    first = route("bút bi Zembra 027 xanh tháng sau có thiếu không", products, PLANNING)
    call = route("còn màu đỏ thì sao", products, PLANNING, first)
    assert call.tool == "check_shortages" and call.entity == "BB-D" and call.months == ["2026-12"]


def test_a_vietnamese_kind_word_before_a_name_the_data_writes_in_english_is_no_unknown_name():
    products = pd.DataFrame({"sku": ["ZT-2", "ZT-3", "ZL-2", "KB-L"],
                             "name": ["Zembra Pro Tent 2-Person", "Zembra Pro Tent 3-Person",
                                      "Zembra Lite Tent 2-Person", "Kelvo Sleeping Bag Long"],
                             "family": ["Tents", "Tents", "Tents", "Sleeping Bags"]})
    call = route("túi ngủ Kelvo Sleeping Bag Long có đủ hàng không", products, PLANNING)
    assert call.tool == "check_shortages" and call.entity == "KB-L"
    call = route("lều Zembra Pro tháng sau có đủ không", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"ZT-2", "ZT-3"}  # still which one


def test_an_order_reference_after_to_is_no_quantity_and_the_size_of_inventory_is_its_value():
    products = pd.DataFrame({"sku": ["ZB-907"], "name": ["Zembra Beans 907 g"], "family": ["Beans"]})
    supply = pd.DataFrame({"ref": ["4500123456"], "sku": ["ZB-907"], "due_date": ["2026-12-01"], "quantity": [500],
                           "kind": ["purchase_order"], "status": ["firm"]})
    call = route("what happens to stock if 4500123456 is a week late?", products, PLANNING, None, {"supply": supply})
    assert call.args["scenario"]["supply_changes"] == [{"ref": "4500123456", "delay_days": 7}]
    call = route("how big is our inventory right now?", products, PLANNING)
    assert call.tool == "get_kpi" and call.args["name"] == "inventory_value"


def test_how_much_stock_of_a_product_is_its_projection_and_too_much_stays_overstock():
    products = pd.DataFrame({"sku": ["BQ-4", "BQ-8"], "name": ["Bánh Kelvo bơ 400g", "Bánh Kelvo bơ 800g"],
                             "family": ["Bánh", "Bánh"]})
    for text in ("tồn kho bánh Kelvo bơ 400g hiện tại là bao nhiêu", "mình đang còn bao nhiêu hộp bánh Kelvo bơ 400g"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity == "BQ-4", text
    assert route("tồn kho thừa bánh Kelvo bơ 400g bao nhiêu", products, PLANNING).tool == "check_overstock"


def test_names_cut_short_an_order_beside_an_ambiguous_name_and_vietnamese_through_a_month():
    products = pd.DataFrame({"sku": ["CS-21", "CS-22", "CC-750", "CC-1500", "GS-330"],
                             "name": ["Kelvo Cabernet Sauvignon 2021", "Kelvo Cabernet Sauvignon 2022",
                                      "Zembra Cap Classique 750 ml", "Zembra Cap Classique 1.5 L",
                                      "Zembra Gin Spritz Can"],
                             "family": ["Red", "Red", "Sparkling", "Sparkling", "RTD"]})
    supply = pd.DataFrame({"ref": ["4500098812"], "sku": ["CC-750"], "due_date": ["2026-12-01"], "quantity": [500],
                           "kind": ["purchase_order"], "status": ["firm"]})
    tables = {"supply": supply}
    call = route("too much Cab Sauv 2021?", products, PLANNING, None, tables)
    assert call.tool == "check_overstock" and call.entity == "CS-21"  # words cut short, the vintage picks one
    call = route("is the Cap Classique PO 4500098812 going to be on time?", products, PLANNING, None, tables)
    assert call.tool == "get_orders" and call.args == {"ref": "4500098812"}
    assert route("any past-due orders?", products, PLANNING, None, tables).tool == "get_orders"
    call = route("lô 4500098812 có bị trễ không?", products, PLANNING, None, tables)
    assert call.tool == "get_orders" and call.args == {"ref": "4500098812"}  # "lô" (a lot) is no "lỡ" (in case)
    call = route("Zembra Gin Spritz Can tồn kho có trụ được đến tháng 2 ko", products, PLANNING, None, tables)
    assert call.tool == "check_shortages" and call.months == ["2026-11", "2026-12", "2027-01", "2027-02"]
    call = route("can the Zembra Gin Spritz Can cope during harvest?", products, PLANNING, None, tables)
    assert call.tool is None and "harvest" in call.clarification


def test_a_names_own_opening_words_typed_without_marks_are_no_meeting_and_a_familys_variant_followup():
    products = pd.DataFrame({"sku": ["HQ-KL", "HQ-ZB", "BX-20", "BXD-20", "BX-14"],
                             "name": ["Hộp quà Tết Kelvo Lộc", "Hộp quà Tết Zembra Phát", "Bánh xèo 20cm",
                                      "Bánh xèo dẻo 20cm", "Bánh xèo 14cm"],
                             "family": ["Quà", "Quà", "Bánh xèo", "Bánh xèo", "Bánh xèo"]})
    call = route("hop qua kelvo loc thang sau co thieu ko", products, PLANNING)  # "hop qua": no "họp qua"
    assert call.tool == "check_shortages" and call.entity == "HQ-KL"
    first = route("bánh xèo tháng sau có thiếu không", products, PLANNING)
    assert first.entity == "family:Bánh xèo"
    call = route("còn loại dẻo?", products, PLANNING, first)  # the one product of the family with that word
    assert call.tool == "check_shortages" and call.entity == "BXD-20" and call.months == first.months


def test_stock_on_hand_ranking_words_and_a_write_of_a_master_field():
    products = pd.DataFrame({"sku": ["KV-5", "KV-2"], "name": ["Kelvo Oats 5 kg", "Kelvo Oats 2 kg"],
                             "family": ["Oats", "Oats"]})
    for text in ("stock of Kelvo Oats 5 kg?", "how much Kelvo Oats 5 kg do we have", "tồn kho Kelvo Oats 5 kg",
                 "kho còn bao nhiêu Kelvo Oats 5 kg"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity == "KV-5", text
    assert route("tồn kho Kelvo Oats 5 kg còn mấy tháng", products, PLANNING).tool == "check_overstock"
    for text in ("top 5 risks next 3 months", "biggest shortages in Q1"):
        call = route(text, products, PLANNING)
        assert call.tool == "check_shortages" and call.entity is None, text
    assert route("where are we heavy on stock?", products, PLANNING).tool == "check_overstock"
    call = route("change the safety stock of Kelvo Oats 5 kg to 800", products, PLANNING)
    assert call.tool is None and "can't" in call.clarification
    call = route("what did we forecast for Kelvo Oats 5 kg in October and how did it turn out?", products, PLANNING)
    assert call.tool == "get_forecast" and call.months == ["2026-10"]  # "turn out" is no "turns"; asked in the past
    assert route("forecast for Kelvo Oats 5 kg in October", products, PLANNING).months == ["2027-10"]


def test_model_codes_like_month_shorthand_numbers_of_names_and_names_shared_across_families():
    products = pd.DataFrame({"sku": ["ZT-T3", "ZT-T5", "KC-26", "SB-L", "SB-C", "SB0-L", "SB0-T"],
                             "name": ["Xe Zembra Thunder T3", "Xe Zembra Thunder T5", "Xe Kelvo City 26",
                                      "Bia Sóng Biển lon", "Bia Sóng Biển chai", "Sóng Biển 0.0 lon",
                                      "Sóng Biển 0.0 thùng"],
                             "family": ["Xe", "Xe", "Xe", "Bia", "Bia chai", "Không cồn", "Không cồn"]})
    call = route("Thunder T5 tháng 1 có thiếu không", products, PLANNING)  # T5 is the model's, not May
    assert call.tool == "check_shortages" and call.entity == "ZT-T5" and call.months == ["2027-01"]
    call = route("City 26 tháng sau có bị hết hàng không", products, PLANNING)  # 26 is the name's
    assert call.entity == "KC-26" and call.months == ["2026-12"]
    call = route("are we short on Sóng Biển next month?", products, PLANNING)  # three families hold it
    assert call.tool is None and {o["value"] for o in call.options} == {"SB-L", "SB-C", "SB0-L", "SB0-T"}


def test_list_words_frame_another_question_and_vietnamese_conditions_and_steps_back():
    products = pd.DataFrame({"sku": ["ZB-50", "ZP-48"], "name": ["Xe Zembra Bee 50", "Pin Kelvo 48V"],
                             "family": ["Xe", "Pin"]})
    for text in ("liệt kê giúp em các mã có thể cháy hàng trong 3 tháng tới", "list the skus that could stock out"):
        assert route(text, products, PLANNING).tool == "check_shortages", text
    call = route("Bee 50 tháng sau nhu cầu gấp đôi thì có thiếu không?", products, PLANNING)
    assert call.args["scenario"]["demand_changes"][0]["pct"] == 100.0
    assert route("tháng trước nữa bán được bao nhiêu Bee 50", products, PLANNING).months == ["2026-09"]
    first = route("fill rate tháng 9", products, PLANNING)
    assert route("thế còn tháng trước nữa?", products, PLANNING, first).months == ["2026-08"]
    first = route("are we short on Pin Kelvo 48V next month?", products, PLANNING)
    call = route("what's its forecast for next quarter?", products, PLANNING, first)
    assert call.tool == "get_forecast" and call.entity == "ZP-48"
    assert route("Bee 50 tháng sau bán thế nào", products, PLANNING).tool == "get_forecast"  # no actuals ahead
    assert route("which lines are over 100% next month?", products, PLANNING).tool == "get_capacity"
    oil = pd.DataFrame({"sku": ["KO-250"], "name": ["Kelvo Olive Oil 250 ml"], "family": ["Oil"]})
    call = route("are we short on Kelvo Olive Oil 1 L next month?", oil, PLANNING)
    assert call.tool is None and call.options[0]["value"] == "KO-250"  # a size the name lacks: asked back
    assert route("are we short on Kelvo Olive Oil 250 ml next month?", oil, PLANNING).entity == "KO-250"


def test_two_people_sharing_a_name_keep_the_question_and_a_place_is_no_person():
    products = pd.DataFrame({"sku": ["KV-1", "KV-2"], "name": ["Kelvo Gel 1% tuýp 20g", "Zembra Siro 60ml"],
                             "family": ["Gel", "Siro"], "plant": ["Nhà máy Long Sơn", "Nhà máy Long Sơn"]})
    tables = {"products": products,
              "note_items": pd.DataFrame({"owner": ["Trần Minh Quý", "Nguyễn Văn Quý", "Hoàng Văn Long"]})}
    first = route("What's still open for Quý?", products, PLANNING, None, tables)
    assert first.tool is None and {o["value"] for o in first.options} == {"Trần Minh Quý", "Nguyễn Văn Quý"}
    call = route("Nguyễn Văn", products, PLANNING, first, tables)  # the words that tell them apart
    assert call.tool == "list_decisions" and call.args["owner"] == "Nguyễn Văn Quý" and call.args["open_only"]
    assert route("what's the weather in Long Sơn tomorrow?", products, PLANNING, None, tables).tool is None
    assert route("anh Long còn việc gì?", products, PLANNING, None, tables).args["owner"] == "Hoàng Văn Long"


def test_a_percentage_or_strength_the_name_lacks_is_asked_back_never_a_what_if():
    products = pd.DataFrame({"sku": ["KG-1", "KC-500", "KC-250", "KC-650"],
                             "name": ["Kelvo Gel 1% tuýp 20g", "Zembrin 500mg hộp 10 vỉ x 10 viên",
                                      "Zembrin 500mg chai 100 viên", "Zembrin 650mg hộp 10 vỉ x 10 viên"],
                             "family": ["Gel", "Viên", "Viên", "Viên"]})
    call = route("Kelvo Gel 2% enough for next month?", products, PLANNING)
    assert call.tool is None and "KG-1" in [o["value"] for o in call.options]
    call = route("KG-1", products, PLANNING, call)  # the strength was no change of demand
    assert call.tool == "check_shortages" and call.entity == "KG-1" and "scenario" not in call.args
    assert route("Kelvo Gel 1% +20% next month short?", products, PLANNING).args["scenario"]
    call = route("Zembrin 500mg forecast", products, PLANNING)  # a box and a bottle of one strength
    assert call.tool is None and {o["value"] for o in call.options} == {"KC-500", "KC-250"}
    assert route("Zembrin 500mg hộp forecast", products, PLANNING).entity == "KC-500"
    assert route("Zembrin 500mg bottle forecast", products, PLANNING).entity == "KC-250"  # "bottle" for "chai"


def test_a_kind_of_resource_alone_asks_which_and_a_number_picks_one():
    products = pd.DataFrame({"sku": ["KV-1"], "name": ["Kelvo Gel"], "family": ["Gel"]})
    capacity = pd.DataFrame({"resource": ["Máy đóng nang Z1", "Máy ép vỉ K", "Tunnel Freezer 1", "Tunnel Freezer 2"],
                             "period": ["2026-12"] * 4, "hours": [100] * 4})
    tables = {"capacity": capacity}
    for text in ("how loaded is the machine next month?", "máy tháng sau tải thế nào?"):
        call = route(text, products, PLANNING, None, tables)
        assert call.tool is None and {o["value"] for o in call.options} == {"Máy đóng nang Z1", "Máy ép vỉ K"}, text
    assert route("máy nào tháng sau quá tải?", products, PLANNING, None, tables).tool == "get_capacity"
    first = route("how loaded is Tunnel Freezer 1 next month?", products, PLANNING, None, tables)
    assert route("and tunnel 2?", products, PLANNING, first, tables).args["resource"] == "Tunnel Freezer 2"


def test_words_joining_two_names_long_names_and_periods_of_two_months():
    products = pd.DataFrame({"sku": ["KO-I", "KO-S", "KO-5", "KT-1", "KT-3"],
                             "name": ["Kelvo Oil Intenso 1 L", "Kelvo Oil Suave 1 L", "Kelvo Oil Suave 5 L",
                                      "Zembra Tuna in Olive Oil 120 g", "Zembra Tuna in Olive Oil 120 g, pack of 3"],
                             "family": ["Oil", "Oil", "Oil", "Tuna", "Tuna"]})
    call = route("Kelvo Oil Intenso 1 L với Kelvo Oil Suave 1 L tháng sau có thiếu không?", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"KO-I", "KO-S"}
    assert route("forecast for Zembra Tuna in Olive Oil 120 g, pack of 3", products, PLANNING).entity == "KT-3"
    assert route("are we short on Kelvo Oil Suave 1 L this month and next?", products, PLANNING).months == [
        "2026-11", "2026-12"]
    assert route("Kelvo Oil Suave 1 L forecast for the first quarter next year", products, PLANNING).months == [
        "2027-01", "2027-02", "2027-03"]


def test_projected_stock_is_the_projection_and_a_number_in_words_before_a_noun_is_no_quantity():
    products = pd.DataFrame({"sku": ["KP-10", "KP-20"], "name": ["Kelvo Povi 10% chai", "Zembra Dầu 1 L"],
                             "family": ["Povi", "Dầu"]})
    supply = pd.DataFrame({"ref": ["LSX-9901"], "sku": ["KP-10"], "due": ["2026-12-10"], "qty": [100]})
    tables = {"supply": supply}
    for text in ("Kelvo Povi 10% tháng sau tồn dự kiến bao nhiêu?", "ending inventory of Kelvo Povi 10% in December"):
        assert route(text, products, PLANNING, None, tables).tool == "check_shortages", text
    assert route("kelvo povi co bi ton du ko", products, PLANNING, None, tables).tool == "check_overstock"
    call = route("I want to know one thing. Is LSX-9901 on time?", products, PLANNING, None, tables)
    assert call.tool == "get_orders" and call.args == {"ref": "LSX-9901"}
    call = route("what if LSX-9901 is cut to two thousand units?", products, PLANNING, None, tables)
    assert call.args["scenario"]["supply_changes"][0]["quantity"] == 2000.0
    call = route("Hi, Dana from regional sales here. Will we have enough Zembra Dầu 1 L next month? Thanks.",
                 products, PLANNING, None, tables)
    assert call.tool == "check_shortages" and call.months == ["2026-12"]


def test_a_code_word_other_names_hold_beside_a_name_that_lacks_it_asks_which():
    products = pd.DataFrame({"sku": ["HQ-TS", "BT-16B", "BT-16I"],
                             "name": ["Hộp quà tôm sú 1kg", "Zembra Tiger 16/20 Block 2kg",
                                      "Zembra Tiger 16/20 IQF 1kg"],
                             "family": ["Quà", "Tiger", "Tiger"]})
    call = route("tôm sú 16/20 tháng sau có đủ không", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"BT-16B", "BT-16I"}
    assert route("hộp quà tôm sú tháng sau có đủ không", products, PLANNING).entity == "HQ-TS"


def test_count_sizes_and_product_numbers_alone_ask_which_and_a_variant_after_vs_names_the_other():
    products = pd.DataFrame({"sku": ["ZT-B", "ZT-I", "ZT-26", "KV-I", "ZK-551", "QK-551", "ZK-552", "ZK-820"],
                             "name": ["Zembra Tiger 16/20 Block 2kg", "Zembra Tiger 16/20 IQF 1kg",
                                      "Zembra Tiger 26/30 IQF 1kg", "Kelvo Prawn 16/20 IQF 1kg",
                                      "Zembra Kibble 551 25kg", "Quibo Kibble 551 25kg", "Zembra Kibble 552 25kg",
                                      "Zembra Cattle Kibble 820 40kg"],
                             "family": ["Tiger", "Tiger", "Tiger", "Prawn", "Kibble", "Kibble", "Kibble", "Cattle"]})
    for text in ("16/20 shortfall next month?", "tôm 16/20 tháng sau có thiếu không?"):
        call = route(text, products, PLANNING)
        assert call.tool is None and {o["value"] for o in call.options} == {"ZT-B", "ZT-I", "KV-I"}, text
        assert call.months == ["2026-12"], text  # "16/20 tháng sau": no run of 20 months
    call = route("is 551 going to run short in January?", products, PLANNING)
    assert call.tool is None and {o["value"] for o in call.options} == {"ZK-551", "QK-551"}
    call = route("compare Zembra Tiger 16/20 block vs IQF sales last month", products, PLANNING)
    assert call.tool is None and [o["value"] for o in call.options] == ["ZT-B", "ZT-I"]
    call = route("Zembra Cattle Kibble 822 sales last month", products, PLANNING)  # the name holds 820
    assert call.tool is None and call.clarification
    assert route("Zembra Cattle Kibble 820 sales last month", products, PLANNING).entity == "ZK-820"


def test_unknown_container_numbers_lines_and_machines_ask_back_and_a_kpi_word_of_a_line_is_the_line():
    products = pd.DataFrame({"sku": ["ZB-1"], "name": ["Zembra Bites 1kg"], "family": ["Bites"]})
    supply = pd.DataFrame({"ref": ["QWER1234567"], "sku": ["ZB-1"], "due": ["2026-12-10"], "qty": [100]})
    capacity = pd.DataFrame({"resource": ["Bias Press Line", "Extruder", "Máy chiết bình 19L"],
                             "plant": ["P", "P", "P"], "period": ["2026-12"] * 3, "hours": [100.0] * 3})
    tables = {"supply": supply, "capacity": capacity}
    call = route("ETA on QWER1234576?", products, PLANNING, None, tables)
    assert call.tool is None and [o["value"] for o in call.options] == ["QWER1234567"]
    for text in ("How loaded will Extruder 2 be in December?", "máy chiết lon tháng sau có quá tải không?",
                 "máy mạ băng tháng sau tải thế nào?"):
        call = route(text, products, PLANNING, None, tables)
        assert call.tool is None and call.clarification, text
    call = route("the Bias Press Line is full. Will Zembra Bites 1kg run out next month?", products, PLANNING, None,
                 tables)
    assert (call.tool, call.entity) == ("check_shortages", "ZB-1")


def test_a_corrected_month_looks_back_and_vietnamese_counts_of_days_and_everyday_phrases():
    products = pd.DataFrame({"sku": ["BO-1", "SR-1", "BR-8", "BR-4"],
                             "name": ["Cám bò 40kg", "Siro Bromex 60ml", "Bromex 8mg hộp 10 vỉ", "Zembra Ho 100ml"],
                             "family": ["Bò", "Ho", "Ho", "Ho"]})
    assert route("OTIF for October... i mean September", products, PLANNING).months == ["2026-09"]
    assert route("trong 30 ngày tới mã nào sẽ hết hàng?", products, PLANNING).months == ["2026-11", "2026-12"]
    call = route("chay lai du bao toan bo giup e", products, PLANNING)
    assert (call.tool, call.entity) == ("reforecast", None)
    call = route("bromex stock outlook", products, PLANNING)  # the tablets and the syrup both hold it
    assert call.tool is None and {o["value"] for o in call.options} == {"SR-1", "BR-8"}
    assert route("siro bromex stock outlook", products, PLANNING).entity == "SR-1"


def test_machines_and_kinds_of_product_said_in_vietnamese_before_english_names():
    products = pd.DataFrame({"sku": ["ZG-1", "ZG-2", "IT-1", "IT-2"],
                             "name": ["Zembra Grip 80/90-17 TT", "Kelvo Cruiser 90/90-14 TT", "Inner Tube 2.50/2.75-17",
                                      "Inner Tube 3.00-18"],
                             "family": ["Tyres", "Tyres", "Tubes", "Tubes"]})
    capacity = pd.DataFrame({"resource": ["Curing Press 1", "Curing Press 2", "Tube Extruder", "Bagging Line"],
                             "plant": ["P"] * 4, "period": ["2026-12"] * 4, "hours": [100.0] * 4})
    tables = {"capacity": capacity}
    call = route("máy lưu hóa số 2 tháng sau công suất thế nào?", products, PLANNING, None, tables)
    assert (call.tool, call.args.get("resource")) == ("get_capacity", "Curing Press 2")
    call = route("máy đùn săm tháng sau có đủ giờ không?", products, PLANNING, None, tables)
    assert call.args.get("resource") == "Tube Extruder"
    call = route("máy lưu hóa tháng sau tải bao nhiêu?", products, PLANNING, None, tables)
    assert call.tool is None and {o["value"] for o in call.options} == {"Curing Press 1", "Curing Press 2"}
    for text, sku in (("lop zembra grip 80/90-17 thang sau co du khong", "ZG-1"),
                      ("săm 2.50/2.75-17 tháng sau có thiếu không?", "IT-1"),
                      ("ruột xe 3.00-18 tháng sau đủ không?", "IT-2")):
        assert route(text, products, PLANNING, None, tables).entity == sku, text
    call = route("săm tháng sau có thiếu không?", products, PLANNING, None, tables)  # a kind alone: no answer for all
    assert call.tool is None and call.clarification


def test_vietnamese_words_folded_like_period_cues_numbers_of_names_and_owners_by_given_name():
    products = pd.DataFrame({"sku": ["CB-D", "CB-D1", "CB-S", "RX-7", "RX-8"],
                             "name": ["Cold Brew Đen chai 250ml", "Cold Brew Đen chai 1L", "Cold Brew Sữa chai 250ml",
                                      "Cà phê rang xay Số 7 500g", "Cà phê rang xay Số 8 500g"],
                             "family": ["Cold Brew", "Cold Brew", "Cold Brew", "Rang xay", "Rang xay"]})
    notes = pd.DataFrame({"owner": ["Lê Minh Khôi", "Đỗ Quỳnh Trang", "Phạm Thu Trang"]})
    tables = {"note_items": notes}
    call = route("Cold Brew Đen tháng 4 có thiếu không?", products, PLANNING, None, tables)
    assert call.months == ["2027-04"] and {o["value"] for o in call.options} == {"CB-D", "CB-D1"}
    assert route("doanh số Số 7 tháng trước", products, PLANNING, None, tables).entity == "RX-7"
    assert route("Số 8 tháng sau có thiếu không?", products, PLANNING, None, tables).months == ["2026-12"]
    assert route("OTIF quý này tới giờ thế nào?", products, PLANNING, None, tables).tool == "get_kpi"
    call = route("anh Minh còn việc gì không?", products, PLANNING, None, tables)  # Minh is a middle name only
    assert call.tool is None and call.clarification
    call = route("việc của Quỳnh Trang còn mở không", products, PLANNING, None, tables)
    assert call.args.get("owner") == "Đỗ Quỳnh Trang"
    call = route("chạy lại dự báo nhóm Rang xay bỏ tháng 12 và tháng 1", products, PLANNING, None, tables)
    assert call.args["exclude"] == ["2025-12", "2026-01"]


def test_a_product_describing_its_order_and_a_follow_up_pack_of_the_same_item():
    products = pd.DataFrame({"sku": ["HH-C", "HH-L", "SM-5", "SM-G5", "SM-1", "NG-1"],
                             "name": ["Bia Zembra chai 330ml", "Bia Zembra lon 330ml", "Nước suối Kelvo 500ml",
                                      "Nước khoáng có ga Kelvo 500ml", "Nước suối Kelvo 1L", "Ngô hạt Argentina"],
                             "family": ["Bia chai", "Bia lon", "Nước", "Nước", "Nước", "Nguyên liệu"]})
    supply = pd.DataFrame({"ref": ["BL-MSC-7731904"], "sku": ["NG-1"], "due": ["2026-12-10"], "qty": [100]})
    tables = {"supply": supply}
    call = route("What if the ngô hạt vessel BL-MSC-7731904 is three weeks late?", products, PLANNING, None, tables)
    assert call.tool == "check_shortages" and call.entity is None
    assert call.args["scenario"]["supply_changes"][0] == {"ref": "BL-MSC-7731904", "delay_days": 21}
    first = route("is Bia Zembra chai 330ml overstocked?", products, PLANNING, None, tables)
    assert route("and the lon one?", products, PLANNING, first, tables).entity == "HH-L"
    call = route("hàng 500ml có bị tồn quá 3 tháng không", products, PLANNING, None, tables)  # "có" is no "có ga"
    assert call.tool is None and {o["value"] for o in call.options} == {"SM-5", "SM-G5"}
    assert route("kho nào đang ôm hàng nhiều quá?", products, PLANNING, None, tables).tool == "check_overstock"


def test_a_fraction_of_demand_is_a_what_if_and_a_place_after_does_is_a_person():
    products = pd.DataFrame({"sku": ["KG-70", "KG-20", "LNY"],
                             "name": ["Kelvo Gin 70cl", "Kelvo Gin 20cl", "Zembra Lunar New Year Gift Pack"],
                             "family": ["Gin", "Gin", "Gifts"]})
    inventory = pd.DataFrame({"sku": ["KG-70"], "on_hand": [10], "as_of": ["2026-11-14"], "location": ["Keith Bond"]})
    tables = {"inventory": inventory, "note_items": pd.DataFrame({"owner": ["Iain Grant"]})}
    call = route("Gin family demand up by a third in January — are we still ok?", products, PLANNING, None, tables)
    assert call.tool == "check_shortages" and call.args["scenario"]["demand_changes"][0]["pct"] == 33.0
    call = route("Does Keith have anything open?", products, PLANNING, None, tables)
    assert call.tool is None and "Keith" in call.clarification
    call = route("trước Tết mình có thiếu hộp quà Lunar New Year không?", products, PLANNING, None, tables)
    assert call.tool is None and "Tết" in call.clarification  # which months: Tết is no calendar month
    call = route("Is FY26/27 landing on budget?", products, PLANNING, None, tables)
    assert call.tool is None and "FY26/27" in call.clarification  # a fiscal year: which months, no order


def test_one_owner_written_with_and_without_marks_a_names_percent_typed_twice_and_since_the_month_launch():
    products = pd.DataFrame({"sku": ["VG-20", "VG-10", "CC-1"],
                             "name": ["Zembra Prawn IQF 20% Glaze", "Zembra Prawn IQF 10% Glaze",
                                      "Kelvo Cruiser 110/70-12"],
                             "family": ["Prawn", "Prawn", "Tyres"]})
    tables = {"note_items": pd.DataFrame({"owner": ["Nguyễn Thanh Long", "Nguyen Thanh Long", "Marcus Lim"]})}
    call = route("open items for Long", products, PLANNING, None, tables)
    assert call.args.get("owner") == "Nguyễn Thanh Long"
    call = route("Khách vừa hỏi hàng 20% glaze. Doanh số Zembra Prawn IQF 20% Glaze tháng trước bao nhiêu?",
                 products, PLANNING, None, tables)
    assert (call.tool, call.entity, call.months) == ("get_sales", "VG-20", ["2026-10"])
    assert route("sales of Kelvo Cruiser 110/70-12 since the May launch", products, PLANNING, None, tables).months == [
        "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]


def test_an_order_not_done_yet_is_the_orders_question():
    products = pd.DataFrame({"sku": ["ZB-1"], "name": ["Zembra Bites 1kg"], "family": ["Bites"]})
    supply = pd.DataFrame({"ref": ["LSX-HY-0408"], "sku": ["ZB-1"], "due": ["2026-12-10"], "qty": [100]})
    call = route("lsx hy 0408 sao chưa xong", products, PLANNING, None, {"supply": supply})
    assert (call.tool, call.args) == ("get_orders", {"ref": "LSX-HY-0408"})


def test_an_occasion_named_like_a_product_is_a_time_asked_back():
    products = pd.DataFrame({"sku": ["ZB-WC", "ZB-1"], "name": ["Zembra World Cup 2026 lon 330ml", "Zembra lon 330ml"],
                             "family": ["Bia", "Bia"]})
    call = route("what's going to run out during the World Cup?", products, PLANNING)
    assert call.tool is None and call.clarification
    assert route("Zembra World Cup 2026 lon 330ml short next month?", products, PLANNING).entity == "ZB-WC"


def test_a_family_head_some_items_hold_and_words_another_family_holds_apart_ask_which():
    products = pd.DataFrame({"sku": ["KV-1", "KV-2", "DR-1", "DR-2", "PK-1"],
                             "name": ["Kovrik syrny 400g", "Kovrik syrny 1kg", "Drovny z jablkiem 300g",
                                      "Drovny z jablkiem 900g", "Placki z ziemniakami i jablkiem 500g"],
                             "family": ["Kovrik i Drovny", "Kovrik i Drovny", "Kovrik i Drovny", "Kovrik i Drovny",
                                        "Placki"]})
    call = route("kovrik short in May?", products, PLANNING)
    assert call.tool is None and {"KV-1", "KV-2"} <= {o["value"] for o in call.options}
    call = route("z jablkiem short next month?", products, PLANNING)
    assert call.tool is None and {"DR-1", "DR-2", "PK-1"} <= {o["value"] for o in call.options}
    assert route("Kovrik syrny 1kg short in May?", products, PLANNING).entity == "KV-2"


def test_an_order_named_with_a_shortage_word_and_its_own_product_in_a_what_if():
    products = pd.DataFrame({"sku": ["ZB-1", "ZB-2"], "name": ["Zembra Bank 10000mAh", "Zembra Bank 20000mAh"],
                             "family": ["Banks", "Banks"]})
    supply = pd.DataFrame({"ref": ["QX-2703-04", "4711 0331"], "sku": ["ZB-1", "ZB-2"],
                           "due": ["2027-03-24", "2027-03-31"], "qty": [100, 50]})
    tables = {"supply": supply}
    call = route("QX-2703-04 — are we short?", products, PLANNING, None, tables)
    assert call.tool is None and "what if QX-2703-04 is cancelled?" in {o["value"] for o in call.options}
    call = route("QX-2703-04 cancelled — what does that do to supply?", products, PLANNING, None, tables)
    assert call.tool == "check_shortages" and call.args["scenario"]["supply_changes"] == [
        {"ref": "QX-2703-04", "cancel": True}]
    call = route("If QX-2703-04 gets cancelled, what does that do to Zembra Bank 10000mAh?", products, PLANNING,
                 None, tables)
    assert call.tool == "check_shortages" and call.entity is None  # the order's own product describes it
    call = route("if QX-2703-04 is cancelled are we short on Zembra Bank 10000mAh?", products, PLANNING, None, tables)
    assert call.entity == "ZB-1"  # its cover is the question
    assert route("47110331 - when's it due?", products, PLANNING, None, tables).args == {"ref": "4711 0331"}
    assert route("4711 0331 - when's it due?", products, PLANNING, None, tables).args == {"ref": "4711 0331"}
    call = route("when is QX-2703-40 expected?", products, PLANNING, None, tables)
    assert call.tool is None and "QX-2703-40" in call.clarification


def test_a_name_s_plus_is_no_rise_a_size_no_item_has_asks_and_a_number_no_resource_has_is_no_slip():
    products = pd.DataFrame({"sku": ["SC-50", "ZC-30", "ZC-65", "CR-45"],
                             "name": ["Zembra Shield SPF50+ 50ml", "ZapCube 30W", "ZapCube 65W", "DriveZap 45W"],
                             "family": ["Sun", "Chargers", "Chargers", "Car"]})
    capacity = pd.DataFrame({"resource": ["Spiral Freezer 1", "Spiral Freezer 2"], "period": ["2026-12"] * 2,
                             "hours": [100, 100]})
    tables = {"capacity": capacity}
    call = route("Zembra Shield SPF50+ 50ml demand down 30% next quarter — what happens?", products, PLANNING)
    assert call.args["scenario"]["demand_changes"][0]["pct"] == -30.0
    call = route("ZapCube 45W — short in March?", products, PLANNING)
    assert call.tool is None and {"CR-45", "ZC-30", "ZC-65"} <= {o["value"] for o in call.options}
    call = route("Spiral Freezer 4 utilisation", products, PLANNING, None, tables)
    assert call.tool is None and call.clarification


def test_meetings_by_month_two_questions_on_an_order_and_people_sharing_a_name():
    products = pd.DataFrame({"sku": ["DO-1"], "name": ["Zembra Decking Oil 10L"], "family": ["Oils"]})
    supply = pd.DataFrame({"ref": ["TQ-5512"], "sku": ["DO-1"], "due": ["2026-12-10"], "qty": [10]})
    tables = {"supply": supply, "note_items": pd.DataFrame({"owner": ["Sam Kelly", "Sam Pham", "Mick O'Brien"]})}
    call = route("what came up in the January meetings about the clearance list?", products, PLANNING, None, tables)
    assert (call.tool, call.months) == ("search_meeting_notes", ["2026-01"])
    call = route("What was said about glazing in January's meetings?", products, PLANNING, None, tables)
    assert call.months == ["2026-01"] and call.args["query"] == "glazing"
    call = route("When does TQ-5512 land and what did we decide about the Decking Oil?", products, PLANNING, None,
                 tables)
    assert call.tool is None and len(call.options) == 2
    call = route("what's Sam got open?", products, PLANNING, None, tables)
    assert call.tool is None and {o["value"] for o in call.options} == {"Sam Kelly", "Sam Pham"}
    assert route("Mick's still-open actions, please", products, PLANNING, None, tables).args.get("open_only") is True
    call = route("Do we have enough Zembra Decking Oil 10L to see us through to February?", products, PLANNING)
    assert call.months == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert route("How's the Zembra Decking Oil 10L been selling since it launched in August?", products,
                 PLANNING).months == ["2026-08", "2026-09", "2026-10"]


def test_an_order_arriving_is_a_time_of_a_shortage_and_unknown_or_weak_order_questions():
    products = pd.DataFrame({"sku": ["BB-4", "GR-4"], "name": ["Zembra Brioche Buns 4 pack", "Zembra Rolls 4 pack"],
                             "family": ["Rolls", "Rolls"]})
    supply = pd.DataFrame({"ref": ["PO#88213", "LSX/BN/2701"], "sku": ["BB-4", "GR-4"],
                           "due": ["2026-12-10", "2027-01-10"], "qty": [100, 50]})
    tables = {"supply": supply}
    call = route("are the Zembra Brioche Buns 4 pack likely to run out before PO#88213 lands?", products, PLANNING,
                 None, tables)
    assert (call.tool, call.entity) == ("check_shortages", "BB-4")
    call = route("PO#77210 slips 5 days, what then?", products, PLANNING, None, tables)
    assert call.tool is None and "77210" in call.clarification  # no such order: asked, never every order
    call = route("LSX/BN/2701, are we still hitting the 10 Jan date?", products, PLANNING, None, tables)
    assert call.args == {"ref": "LSX/BN/2701"}
    call = route("If LSX/BN/2701 never gets baked at all, where does that leave us?", products, PLANNING, None, tables)
    assert call.args["scenario"]["supply_changes"] == [{"ref": "LSX/BN/2701", "cancel": True}]


def test_now_is_no_month_of_items_or_stock_and_kpis_said_around_the_name():
    products = pd.DataFrame({"sku": ["SR-6", "SR-12"],
                             "name": ["Zembra Soft Rolls 6 pack", "Zembra Soft Rolls 12 pack"],
                             "family": ["Rolls", "Rolls"]})
    tables = {"note_items": pd.DataFrame({"owner": ["Miles Okafor", "Rose Whitfield"]})}
    call = route("What's Miles got on his plate right now?", products, PLANNING, None, tables)
    assert call.tool == "list_decisions" and call.months is None
    assert route("inventory value right now", products, PLANNING).months is None
    first = route("Zembra Soft Rolls 6 pack sales in January", products, PLANNING)
    call = route("now do the 12 pack for me", products, PLANNING, first)
    assert (call.entity, call.months) == ("SR-12", ["2026-01"])
    call = route("are we forecasting Zembra Soft Rolls 6 pack too high?", products, PLANNING)
    assert (call.tool, call.args.get("name")) == ("get_kpi", "bias")
    call = route("What if Rolls demand comes in 15% under plan next month?", products, PLANNING)
    assert call.args["scenario"]["demand_changes"][0]["pct"] == -15.0
    call = route("Zembra Soft Rolls 6 pack: any shortfall this month or next?", products, PLANNING)
    assert call.months == ["2026-11", "2026-12"]


def test_last_and_a_month_name_is_the_latest_such_month_before_this_one():
    products = pd.DataFrame({"sku": ["BI-26"], "name": ["Zembra Bison 26 lb"], "family": ["Dry"]})
    assert route("how many Zembra Bison 26 lb did we sell last November?", products, PLANNING).months == ["2025-11"]
    assert route("how many Zembra Bison 26 lb did we sell last July?", products, PLANNING).months == ["2026-07"]
    assert route("how many Zembra Bison 26 lb did we sell in November?", products, PLANNING).months == ["2026-11"]


def test_a_month_span_of_last_year_and_a_pack_count_before_a_count_of_months():
    products = pd.DataFrame({"sku": ["FH-15", "BG-5"],
                             "name": ["Zembra Fall Harvest 15 lb", "Zembra Baguette 80g 5 pack"],
                             "family": ["Dry", "Bread"]})
    assert route("Zembra Fall Harvest 15 lb sales Sept–Nov last year", products, PLANNING).months == [
        "2025-09", "2025-10", "2025-11"]
    assert route("Zembra Fall Harvest 15 lb từ tháng 9 đến tháng 11 năm ngoái bán bao nhiêu?", products,
                 PLANNING).months == ["2025-09", "2025-10", "2025-11"]
    assert route("Zembra Baguette 80g 5 pack 2 tháng tới có thiếu không?", products, PLANNING).months == [
        "2026-12", "2027-01"]


def test_a_fiscal_quarter_is_asked_and_a_thread_keeps_its_months_for_another_line():
    products = pd.DataFrame({"sku": ["ZB-1"], "name": ["Zembra Bites 1kg"], "family": ["Bites"]})
    capacity = pd.DataFrame({"resource": ["Tunnel Oven", "Oven 1"], "period": ["2026-12"] * 2, "hours": [100, 100]})
    tables = {"capacity": capacity}
    call = route("are we tracking to close the fiscal Q4 budget gap with the current plan?", products, PLANNING)
    assert call.tool is None and "fiscal Q4" in call.clarification
    first = route("Tunnel Oven utilisation next month", products, PLANNING, None, tables)
    call = route("is Oven 1 any better off?", products, PLANNING, first, tables)
    assert (call.tool, call.args.get("resource"), call.months) == ("get_capacity", "Oven 1", ["2026-12"])
