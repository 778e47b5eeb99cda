"""What-if scenarios: applied to copies, validated with precise messages."""

import json

import pytest

from sop_engine.errors import InvalidArgument, UnknownProduct
from sop_engine.planning.scenario import parse_scenario, what_if_document
from tests.sop_engine.planning.factories import SOURCE, demand, plan_data, product, small_company


def data():
    return plan_data(
        products=[product("A"), product("B", "F2")],
        inventory=[{"sku": "A", "on_hand": 100, "as_of": "2026-11-10"}],
        supply=[{"sku": "A", "due_date": "2026-12-05", "quantity": 30, "ref": "PO-1"}],
    )


DEMAND = demand({"A": [50, 50, 50], "B": [0, 0, 0]}, sigma=10)


def test_demand_down_and_order_delayed_side_by_side():
    base_data = data()
    doc = what_if_document(
        base_data,
        DEMAND,
        SOURCE,
        {"demand_changes": [{"sku": "A", "pct": -20}], "supply_changes": [{"ref": "PO-1", "delay_days": 40}]},
        months=2,
    )
    assert set(doc) == {"base", "scenario", "changes", "scenario_input"}
    base = {s["sku"]: s for s in doc["base"]["skus"]}["A"]
    after = {s["sku"]: s for s in doc["scenario"]["skus"]}["A"]
    assert [p["projected_balance"] for p in base["periods"]] == [50.0, 30.0, -20.0]
    # 40 a month; PO-1 moves to 2027-01-14
    assert [p["projected_balance"] for p in after["periods"]] == [60.0, 20.0, 10.0]
    (change,) = doc["changes"]
    assert (
        change["sku"],
        change["total_shortage_base"],
        change["total_shortage_scenario"],
        change["delta"],
    ) == ("A", 20.0, 0.0, -20.0)
    # never a write: the inputs are unchanged
    assert base_data.table("supply")["due_date"].iloc[0].strftime("%Y-%m-%d") == "2026-12-05"
    assert DEMAND["forecast"].iloc[0] == 50.0
    json.dumps(doc)


def test_cancel_and_quantity_and_family_months():
    doc = what_if_document(
        data(),
        DEMAND,
        SOURCE,
        json.dumps(
            {
                "supply_changes": [{"ref": "PO-1", "cancel": True}],
                "demand_changes": [{"family": "f1", "pct": 100, "months": ["2026-11"]}],
            }
        ),
        months=2,
    )
    a = {s["sku"]: s for s in doc["scenario"]["skus"]}["A"]
    assert [p["projected_balance"] for p in a["periods"]] == [0.0, -50.0, -100.0]


def test_capacity_change_moves_the_load(tmp_path):
    path = tmp_path / "scenario.json"
    path.write_text(
        json.dumps({"capacity_changes": [{"resource": "L1", "months": ["2026-12"], "available_hours": 200}]})
    )
    dem = demand({"A1": [100, 120], "A2": [80, 90], "B1": [80, 80], "B2": [40, 40]})
    doc = what_if_document(small_company(), dem, SOURCE, path.read_text(), months=1)
    l1 = [c for c in doc["scenario"]["capacity"] if c["resource"] == "L1" and c["period"] == "2026-12"][0]
    assert (l1["available_hours"], l1["overloaded"]) == (200.0, False)
    assert doc["scenario_input"]["capacity_changes"][0]["available_hours"] == 200.0


@pytest.mark.parametrize(
    "bad, message",
    [
        ('{"demand_changes": [{"sku": "A"}]}', "scenario.demand_changes.0.pct: Field required"),
        ('{"demand_changes": [{"sku": "A", "family": "F1", "pct": 3}]}', "exactly one of sku or family"),
        ('{"supply_changes": [{"ref": "PO-1"}]}', "exactly one of delay_days, quantity or cancel"),
        (
            '{"demand_changes": [{"sku": "A", "pct": 5, "months": ["2026-13"]}]}',
            "months: Value error, '2026-13'",
        ),
        ('{"surprise": 1}', "scenario.surprise: Extra inputs are not permitted"),
        ("{oops", "not valid JSON"),
        ("no/such/file.json", "scenario must be a JSON object"),
    ],
)
def test_bad_scenarios_say_what_is_wrong(bad, message):
    with pytest.raises(InvalidArgument, match=message.replace("(", r"\(").replace(".", r"\.")):
        parse_scenario(bad)


def test_a_path_is_never_opened_and_its_existence_never_told(tmp_path):
    real = tmp_path / "scenario.json"
    real.write_text('{"supply_changes": [{"ref": "PO-1", "cancel": true}]}')
    messages = set()
    for value in (str(real), str(tmp_path / "missing.json"), real):
        with pytest.raises(InvalidArgument) as raised:
            parse_scenario(value)
        messages.add(raised.value.message)
    assert len(messages) == 1 and str(tmp_path) not in messages.pop()


def test_a_scenario_holds_at_most_200_changes():
    change = {"ref": "PO-1", "delay_days": 1}
    assert len(parse_scenario({"supply_changes": [change] * 200}).supply_changes) == 200
    with pytest.raises(InvalidArgument, match="at most 200"):
        parse_scenario({"supply_changes": [change] * 100, "demand_changes": [{"sku": "A", "pct": 1}] * 101})


def test_unknown_things_in_a_scenario():
    with pytest.raises(InvalidArgument, match="no open order 'PO-2'; closest: PO-1"):
        what_if_document(data(), DEMAND, SOURCE, {"supply_changes": [{"ref": "PO-2", "cancel": True}]})
    with pytest.raises(UnknownProduct, match="no family 'F9'"):
        what_if_document(data(), DEMAND, SOURCE, {"demand_changes": [{"family": "F9", "pct": 1}]})
    with pytest.raises(InvalidArgument, match="no resource 'L9'"):
        what_if_document(
            small_company(),
            demand({"A1": [1]}),
            SOURCE,
            {"capacity_changes": [{"resource": "L9", "available_hours": 1}]},
        )
