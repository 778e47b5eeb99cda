"""Every kind of bad input of the data contract, each in a broken file, reported as file:row: column: problem."""

from __future__ import annotations

import pytest
from factories import INVENTORY, PRODUCTS, SALES, write_company

from sop_engine.dataset.validate import read_dataset


def problems(folder) -> list[str]:
    return [str(p) for p in read_dataset(folder).problems]


def test_valid_folder_has_no_problems_and_typed_frames(tmp_path):
    dataset = read_dataset(write_company(tmp_path / "co"))
    assert dataset.ok, dataset.problems
    assert dataset.company.name == "Test Co" and dataset.company.currency == "EUR"
    assert dataset.company.planning_date == "2026-11-15"
    sales = dataset.frames["sales_history"]
    # a date inside a month is stored as the month's first day
    assert str(sales.loc[sales["sku"].eq("AB-200"), "period"].iloc[0].date()) == "2026-08-01"
    assert sales["quantity"].dtype == "float64"
    assert dataset.frames["inventory"]["allocated"].tolist() == [10.0, 0.0, 0.0]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"products.csv": None}, "products.csv: required file is missing"),
        ({"inventory.csv": None}, "inventory.csv: required file is missing"),
        ({"products.csv": "sku,family\nA,F\n"}, "products.csv:1: name: missing required column"),
        (
            {"sales_history.csv": SALES + "AB-100,2026-13,5\n"},
            "sales_history.csv:10: period: '2026-13' is not a valid month (YYYY-MM)",
        ),
        ({"sales_history.csv": SALES + "AB-100,2026-11,-5\n"}, "sales_history.csv:10: quantity: negative quantity -5"),
        (
            {"sales_history.csv": SALES + "AB-100,2026-11,lots\n"},
            "sales_history.csv:10: quantity: 'lots' is not a number",
        ),
        (
            {"sales_history.csv": SALES + "ZZ-999,2026-11,5\n"},
            "sales_history.csv:10: sku: unknown sku 'ZZ-999' (not in products.csv)",
        ),
        (
            {"products.csv": PRODUCTS + "AB-100,Again,Widgets,,,,,,,\n"},
            "products.csv:5: sku: duplicate sku 'AB-100' (first on row 2)",
        ),
        (
            {"products.csv": PRODUCTS + "EF-1,Thing,Widgets,,,,,retired,,\n"},
            "products.csv:5: status: 'retired' is not one of active, new, discontinued",
        ),
        ({"products.csv": PRODUCTS + "EF-1,,Widgets,,,,,,,\n"}, "products.csv:5: name: required value is empty"),
        (
            {"products.csv": PRODUCTS + "EF-1,Thing,Widgets,-3,,,,,,\n"},
            "products.csv:5: unit_price: negative amount -3",
        ),
        (
            {"inventory.csv": INVENTORY + "AB-100,5,2026-11-31,\n"},
            "inventory.csv:5: as_of: '2026-11-31' is not a valid date (YYYY-MM-DD)",
        ),
        (
            {"inventory.csv": INVENTORY + "AB-100,5,2026-11,\n"},
            "inventory.csv:5: as_of: '2026-11' is a month, not a date; write YYYY-MM-DD",
        ),
        (
            {"supply.csv": "sku,due_date,quantity,ref\nAB-100,2026-12-01,5,PO-1\nAB-200,2026-12-01,5,PO-1\n"},
            "supply.csv:3: ref: duplicate ref 'PO-1' (first on row 2)",
        ),
        (
            {"supply.csv": "sku,due_date,quantity,kind\nAB-100,2026-12-01,5,boat\n"},
            "supply.csv:2: kind: 'boat' is not one of purchase_order, production_order, transfer",
        ),
        (
            {"sales_plan.csv": "period,quantity\n2026-12,5\n"},
            "sales_plan.csv:1: sku/family: needs a sku or family column",
        ),
        (
            {"sales_plan.csv": "period,quantity,sku,family\n2026-12,5,,\n"},
            "sales_plan.csv:2: sku/family: each row needs a sku or family",
        ),
        (
            {"sales_plan.csv": "period,quantity,family\n2026-12,5,Doohickeys\n"},
            "sales_plan.csv:2: family: unknown family 'Doohickeys' (not in products.csv)",
        ),
        ({"events.csv": "name,start,end\nPromo,2026-12-10,2026-12-01\n"}, "events.csv:2: end: ends before it starts"),
        (
            {"capacity.csv": "resource,period,available_hours\nL1,2026-12,100\nL1,2026-12-01,90\n"},
            "capacity.csv:3: resource/period: duplicate resource period 'resource=L1, period=2026-12' (first on row 2)",
        ),
        (
            {"routing.csv": "sku,resource,hours_per_unit\nAB-100,L1,-0.5\n"},
            "routing.csv:2: hours_per_unit: negative quantity -0.5",
        ),
        (
            {"sales_history.csv": "sku,period,quantity\nAB-100,3/4/2026,5\n"},
            "sales_history.csv: slash dates are ambiguous (no day above 12 fixes the order); "
            "use ISO dates (2026-03-17)",
        ),
        (
            {"sales_history.csv": "sku,period,quantity\nAB-100,13/4/2026,5\nAB-100,4/13/2026,5\n"},
            "sales_history.csv: mixes day/month/year and month/day/year dates; use ISO dates (2026-03-17)",
        ),
        (
            {"sales_history.csv": 'sku,period,quantity\nAB-100,2026-10,"12,5"\n'},
            "sales_history.csv:2: quantity: '12,5' is not a number",
        ),
        (
            {"sales_history.csv": "sku,period,quantity\nAB-100,2026-10,12,5\n"},
            "sales_history.csv:2: has 4 values but the header has 3 columns",
        ),
        (
            {"company.toml": "planning_date = 'soon'\n"},
            "company.toml: planning_date: 'soon' is not an ISO date (2026-11-15)",
        ),
        (
            {"company.toml": "horizon_months = 0\n"},
            "company.toml: horizon_months: '0' must be a whole number from 1 to 60",
        ),
        ({"company.toml": "name = \n"}, "company.toml: is not valid TOML"),
        ({"products.csv": ""}, "products.csv: is empty; it needs a header row"),
    ],
)
def test_each_kind_of_bad_input_is_reported(tmp_path, overrides, expected):
    found = problems(write_company(tmp_path / "co", **overrides))
    assert any(p.startswith(expected) for p in found), found


def test_binary_and_non_utf8_files_are_named(tmp_path):
    folder = write_company(tmp_path / "co")
    (folder / "supply.csv").write_bytes(b"sku,due\x00date\n")
    (folder / "inventory.csv").write_bytes("sku,on_hand,as_of\nAB-100,5,2026-11-01\nÄ".encode("latin-1"))
    found = problems(folder)
    assert "supply.csv: is a binary file, not a CSV" in found
    assert any(p.startswith("inventory.csv:3: is not UTF-8 text") for p in found), found


def test_every_bad_row_is_listed_not_only_the_first(tmp_path):
    bad = SALES + "AB-100,2026-11,-1\nAB-100,2026-12,-2\nQQ-1,2026-12,3\n"
    found = problems(write_company(tmp_path / "co", **{"sales_history.csv": bad}))
    assert len([p for p in found if p.startswith("sales_history.csv:")]) == 3


def test_export_quirks_are_accepted(tmp_path):
    """BOM, semicolons, tab files, thousands separators, blank lines, header case and spaces, d/m/y dates."""
    folder = write_company(tmp_path / "co")
    (folder / "products.csv").write_bytes(
        '\ufeff SKU ;Name;FAMILY;Unit Price\nAB-100;Alpha;Widgets;"1,234.50"\n\nAB-200;Beta;Widgets;2\n'
        "CD-300;Gamma;Gadgets;3\n".encode()
    )
    (folder / "sales_history.csv").write_text("sku\tperiod\tquantity\nAB-100\t25/10/2026\t1,500\nAB-200\t3/9/2026\t2\n")
    dataset = read_dataset(folder)
    assert dataset.ok, [str(p) for p in dataset.problems]
    assert dataset.frames["products"]["unit_price"].tolist() == [1234.5, 2.0, 3.0]
    sales = dataset.frames["sales_history"]
    assert [str(d.date()) for d in sales["period"]] == ["2026-10-01", "2026-09-01"]
    assert sales["quantity"].tolist() == [1500.0, 2.0]


def test_unknown_columns_are_kept_on_products_and_ignored_elsewhere_with_a_warning(tmp_path):
    folder = write_company(
        tmp_path / "co",
        **{
            "products.csv": "sku,name,family,brand\nAB-100,A,W,Acme\nAB-200,B,W,\nCD-300,C,G,Zed\n",
            "inventory.csv": "sku,on_hand,as_of,bin\nAB-100,1,2026-11-01,X\n",
        },
    )
    dataset = read_dataset(folder)
    assert dataset.frames["products"]["attributes"].tolist() == [{"brand": "Acme"}, None, {"brand": "Zed"}]
    assert "inventory.csv: unknown columns ignored: bin" in dataset.warnings
