"""The contract's holes through the real CLI: grouped problems in `--json`, nothing loaded on a bad header."""

from __future__ import annotations

import sqlite3

from cli.helpers import sop, sop_json
from factories import SALES, write_company


def test_validate_json_groups_identical_problems_with_row_ranges(tmp_path):
    bad = SALES + "".join(f"QQ-1,2026-{1 + i % 9:02d},3\n" for i in range(208))
    folder = write_company(tmp_path / "co", **{"sales_history.csv": bad})
    doc = sop_json("data", "validate", str(folder), ok=False)
    error = doc["error"]
    assert error["code"] == "contract_violation"
    assert error["details"] == [
        "sales_history.csv: 208 rows: sku: unknown sku 'QQ-1' (not in products.csv) (rows 10–217)"
    ]
    assert error["problems"] == [{
        "file": "sales_history.csv", "column": "sku", "message": "unknown sku 'QQ-1' (not in products.csv)",
        "count": 208, "rows": [[10, 217]], "text": error["details"][0],
    }]


def test_validate_without_json_prints_the_group_once(tmp_path):
    bad = SALES + "QQ-1,2026-01,3\n" * 50
    result = sop("data", "validate", str(write_company(tmp_path / "co", **{"sales_history.csv": bad})))
    assert result.exit_code == 1
    assert result.stderr.count("unknown sku 'QQ-1'") == 1
    assert "50 rows" in result.stderr and "Traceback" not in result.output


def test_a_duplicate_header_loads_nothing(tmp_path, isolated_home):
    sop_json("data", "load", str(write_company(tmp_path / "good")))
    clash = "sku,Name,family,name \nAB-100,Alpha Widget,Widgets,North\nAB-200,Beta,Widgets,North\n"
    doc = sop_json("data", "load", str(write_company(tmp_path / "bad", **{"products.csv": clash})), ok=False)
    assert doc["error"]["details"] == [
        "products.csv:1: the header row has duplicate columns: column 2 'Name' and column 4 'name ' are both "
        "'name' (names match ignoring case and spaces); rename or remove one"
    ]
    with sqlite3.connect(isolated_home / "plan.db") as con:
        names = sorted(r[0] for r in con.execute("SELECT name FROM products"))
    assert names == ["Alpha Widget", "Beta Widget", "Gamma Gadget"]


def test_unterminated_quote_and_latin1_through_the_cli(tmp_path):
    folder = write_company(tmp_path / "co", **{"sales_history.csv": 'sku,period,quantity\nAB-100,"2026-10,5\n'
                                               + "AB-100,2026-11,5\n" * 3000})
    (folder / "inventory.csv").write_bytes("sku,on_hand,as_of,location\nAB-100,5,2026-11-01,Süd\n".encode("latin-1"))
    details = sop_json("data", "validate", str(folder), ok=False)["error"]["details"]
    assert len(details) == 2, details
    assert details[0].startswith('sales_history.csv:2: period: a quote (") opens a value that is not closed')
    assert details[1].startswith("inventory.csv:2: is not UTF-8 text (byte 0xfc does not decode; it looks like cp1252")


def test_legacy_snapshots_with_a_month_made_on_load(tmp_path, isolated_home):
    rows = "".join(f"AB-100,2025-{m:02d},2026-{m:02d},{40 + m}\n" for m in range(1, 11))
    folder = write_company(tmp_path / "co", **{"forecast_snapshots.csv": "sku,made_on,period,quantity\n" + rows})
    assert sop_json("data", "load", str(folder))["rows"]["forecast_snapshots"] == 10
    with sqlite3.connect(isolated_home / "plan.db") as con:
        made = [r[0] for r in con.execute("SELECT made_on FROM forecast_snapshots ORDER BY id")]
    assert made[:2] == ["2025-01-01", "2025-02-01"]
