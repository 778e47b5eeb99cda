"""Files that used to slip through or drown the real problem: duplicate headers, unterminated quotes,
other encodings, many identical problems, quadratic validation, a month where only the month matters."""

from __future__ import annotations

import time

from factories import PRODUCTS, SALES, write_company

from sop_engine.dataset.validate import read_dataset


def _lines(folder) -> list[str]:
    return read_dataset(folder).report()["problems"]


def test_two_columns_with_the_same_header_are_refused_naming_both(tmp_path):
    folder = write_company(tmp_path / "co", **{
        "products.csv": "sku,Name,family,name \nAB-100,Alpha Widget,Widgets,North\n"
                        "AB-200,Beta Widget,Widgets,North\nCD-300,Gamma Gadget,Gadgets,South\n",
    })
    dataset = read_dataset(folder)
    assert "products" not in dataset.frames  # nothing of the file is read
    assert [str(p) for p in dataset.problems if p.file == "products.csv"] == [
        "products.csv:1: the header row has duplicate columns: column 2 'Name' and column 4 'name ' are both "
        "'name' (names match ignoring case and spaces); rename or remove one"
    ]


def test_duplicate_header_after_leading_blank_lines_names_its_line(tmp_path):
    text = "\n\nsku,period,Quantity,QUANTITY\nAB-100,2026-10,1,2\n"
    folder = write_company(tmp_path / "co", **{"sales_history.csv": text})
    assert any(p.startswith("sales_history.csv:3: the header row has duplicate columns") for p in _lines(folder))


def test_empty_trailing_headers_are_not_duplicates(tmp_path):
    text = "sku,period,quantity,,\n" + "\n".join(line + ",," for line in SALES.splitlines()[1:]) + "\n"
    assert read_dataset(write_company(tmp_path / "co", **{"sales_history.csv": text})).ok


def test_an_unterminated_quote_is_one_problem_at_the_line_it_opens(tmp_path):
    rows = [f"AB-100,2026-{m:02d},{m}" for m in range(1, 13)] * 400  # 4,800 rows after the bad one
    text = "sku,period,quantity\nAB-100,2026-01,5\nAB-200,\"2026-02,7\n" + "\n".join(rows)
    text += "\nAB-200,2026-03,\"1,234\"\n" + "\n".join(rows) + "\n"  # a later quote closes it
    found = _lines(write_company(tmp_path / "co", **{"sales_history.csv": text}))
    mine = [p for p in found if p.startswith("sales_history.csv")]
    assert mine == [
        "sales_history.csv:3: period: a quote (\") opens a value that is not closed on this line; the value runs on "
        "to line 4804. Close the quote or remove it"
    ]


def test_an_unterminated_quote_running_to_the_end_says_so(tmp_path):
    text = PRODUCTS + 'EF-1,"Eps Widget,Widgets,1,1,1,1,active,North,\nEF-2,Zeta,Widgets,1,1,1,1,active,North,\n'
    found = _lines(write_company(tmp_path / "co", **{"products.csv": text}))
    assert [p for p in found if p.startswith("products.csv")] == [
        "products.csv:5: name: a quote (\") opens a value that is not closed on this line; the value runs to the "
        "end of the file. Close the quote or remove it"
    ]


def test_latin1_and_cp1252_files_are_named_at_their_row_with_the_encoding_guessed(tmp_path):
    folder = write_company(tmp_path / "co")
    text = PRODUCTS + "EF-1,Crème brûlée,Widgets,1,1,1,1,active,North,\nEF-2,Café,Widgets,1,1,1,1,active,Nörth,\n"
    (folder / "products.csv").write_bytes(text.encode("cp1252"))
    (folder / "inventory.csv").write_bytes(("sku,on_hand,as_of\n" + "AB-100,5,2026-11-01\n" * 30
                                            + "AB-200,5,2026-11-01,Lager Süd\n").encode("latin-1"))
    found = _lines(folder)
    products = next(p for p in found if p.startswith("products.csv"))
    assert products.startswith("products.csv:5: is not UTF-8 text (byte 0xe8 does not decode; it looks like cp1252")
    assert products.endswith("save it as UTF-8 CSV")
    assert any(p.startswith("inventory.csv:32: is not UTF-8 text (byte 0xfc") and "cp1252" in p for p in found)


def test_utf16_files_with_and_without_bom_are_named(tmp_path):
    folder = write_company(tmp_path / "co")
    (folder / "products.csv").write_bytes(PRODUCTS.encode("utf-16"))  # with a BOM
    (folder / "sales_history.csv").write_bytes(SALES.encode("utf-16-le"))  # without
    found = _lines(folder)
    assert "products.csv:1: is UTF-16 (with a byte order mark) text, not UTF-8; save it as UTF-8 CSV" in found
    assert ("sales_history.csv:1: is UTF-16 (little-endian, without a byte order mark) text, not UTF-8; "
            "save it as UTF-8 CSV") in found


def test_identical_problems_are_grouped_with_their_rows(tmp_path):
    text = SALES + "".join(f"XX-9,2026-{1 + i % 9:02d},5\n" for i in range(208)) + "AB-100,2026-11,-1\nXX-9,2026-11,5\n"
    dataset = read_dataset(write_company(tmp_path / "co", **{"sales_history.csv": text}))
    assert len(dataset.problems) == 210
    assert dataset.report()["problems"] == [
        "sales_history.csv:218: quantity: negative quantity -1",
        "sales_history.csv: 209 rows: sku: unknown sku 'XX-9' (not in products.csv) (rows 10–217, 219)",
    ]
    doc = dataset.contract_error().to_dict()
    assert doc["message"].endswith("breaks the data contract in 210 place(s) (2 distinct problems)")
    group = doc["problems"][1]
    assert (group["file"], group["column"], group["count"], group["rows"]) == (
        "sales_history.csv", "sku", 209, [[10, 217], [219, 219]])
    assert group["message"] == "unknown sku 'XX-9' (not in products.csv)"


def test_validation_is_linear_in_rows(tmp_path):
    """20,000 copies of one SKU (took 79 s when each duplicate searched the whole file for its first row)."""
    lines = ["sku,name,family"] + [f"DUP-1,Name {i},Widgets" for i in range(20_000)]
    lines += ["AB-100,A,Widgets", "AB-200,B,Widgets", "CD-300,C,Gadgets"]
    folder = write_company(tmp_path / "co", **{"products.csv": "\n".join(lines) + "\n"})
    started = time.perf_counter()
    dataset = read_dataset(folder)
    elapsed = time.perf_counter() - started
    assert dataset.report()["problems"] == [
        "products.csv: 19,999 rows: sku: duplicate sku 'DUP-1' (first on row 2) (rows 3–20001)"
    ]
    assert elapsed < 15, elapsed  # about 0.3 s here; the quadratic path took minutes


def test_a_month_is_accepted_for_forecast_snapshots_made_on(tmp_path):
    snapshots = "sku,made_on,period,quantity\nAB-100,2025-10,2025-12,40\nAB-100,2025-10-15,2026-01,41\n"
    dataset = read_dataset(write_company(tmp_path / "co", **{"forecast_snapshots.csv": snapshots}))
    assert dataset.ok, dataset.report()["problems"]
    made_on = [d.date().isoformat() for d in dataset.frames["forecast_snapshots"]["made_on"]]
    assert made_on == ["2025-10-01", "2025-10-15"]
