"""Bulk rows (COPY on PostgreSQL, executemany on SQLite) come back exactly as written: text with tabs,
newlines, backslashes, quotes, accents and the word NULL, NULLs, dates, JSON attributes and candidates."""

from __future__ import annotations

import csv
import io
from datetime import date

import numpy as np
import pandas as pd
from factories import write_company
from pandas.testing import assert_frame_equal

from sop_engine.dataset.validate import read_dataset
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as store_forecasts

AWKWARD = ["Tab\there", "two\nlines", "back\\slash \\N", 'say "hi", ok', "Dây chuyền Mì đặc biệt", "NULL", ""]


def _products() -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["sku", "name", "family", "unit_price", "status", "plant", "colour"])
    writer.writerow(["AB-100", AWKWARD[0], "Widgets", "10.5", "active", AWKWARD[5], AWKWARD[2]])
    writer.writerow(["AB-200", AWKWARD[3], "Widgets", "", "active", "", AWKWARD[4]])
    writer.writerow(["CD-300", AWKWARD[4], AWKWARD[3], "0.1", "new", AWKWARD[2], ""])
    return out.getvalue()


def test_a_load_reads_back_as_written(tmp_path, store_url):
    dataset = read_dataset(write_company(tmp_path / "co", **{"products.csv": _products()}))
    assert dataset.ok, dataset.problems
    store = PlanStore(store_url)
    rows = store.load(dataset, "cli:test")["rows"]
    products = store.read_table("products").set_index("sku")
    assert products.loc["AB-100", "name"] == AWKWARD[0] and products.loc["AB-100", "plant"] == AWKWARD[5]
    assert products.loc["AB-100", "attributes"] == {"colour": AWKWARD[2]}
    assert products.loc["AB-200", "attributes"] == {"colour": AWKWARD[4]}
    assert products.loc["CD-300", "attributes"] is None and products.loc["CD-300", "family"] == AWKWARD[3]
    assert pd.isna(products.loc["AB-200", "unit_price"]) and products.loc["CD-300", "unit_price"] == 0.1
    for name, count in rows.items():
        assert len(store.read_table(name)) == count, name
    history = store.read_table("sales_history")
    assert history["period"].dtype.kind == "M" and history["quantity"].sum() == 5 + 50 + 55 + 60 + 10 + 12 + 15 + 14
    supply = store.read_table("supply").set_index("ref")
    assert supply.loc["PO-1", "due_date"] == pd.Timestamp("2026-12-10") and pd.isna(supply.loc["MO-7", "supplier"])
    again = PlanStore(store_url)  # another process's view: nothing cached
    assert_frame_equal(again.read_table("products"), store.read_table("products"))
    store.engine.dispose()
    again.engine.dispose()


def test_a_forecast_version_reads_back_as_written(tmp_path, store_url):
    store = PlanStore(store_url)
    periods = pd.date_range("2026-11-01", periods=4, freq="MS")
    values = pd.DataFrame({
        "sku": ["AB-100"] * 4 + [AWKWARD[3]] * 4, "period": list(periods) * 2,
        "forecast": np.arange(8, dtype=float) / 3, "lo_80": [np.nan] * 4 + [0.0, 1.0, 2.0, 3.0],
        "hi_80": 10.0, "lo_95": 0.0, "hi_95": 20.0, "model": ["AutoETS"] * 4 + [None] * 4})
    skus = pd.DataFrame({"sku": ["AB-100", AWKWARD[3]], "model": ["AutoETS", None], "cv_error": [0.125, np.nan],
                         "candidates": [{"AutoETS": 0.125, "AutoCES": 0.2}, None],
                         "demand_class": ["smooth", "new"], "note": [AWKWARD[1], None]})
    version = store_forecasts.create_version(store, values, skus, scope={"kind": "all"}, parameters={"h": 4},
                                             note=AWKWARD[2], principal="cli:test")
    back = store_forecasts.version_values(store, version)
    expected = values.sort_values(["sku", "period"]).reset_index(drop=True)
    assert_frame_equal(back[expected.columns].reset_index(drop=True), expected, check_dtype=False)
    info = store_forecasts.version_info(store, version).set_index("sku")
    assert info.loc["AB-100", "candidates"] == {"AutoETS": 0.125, "AutoCES": 0.2}
    assert info.loc[AWKWARD[3], "candidates"] is None and pd.isna(info.loc[AWKWARD[3], "cv_error"])
    assert info.loc["AB-100", "note"] == AWKWARD[1]
    assert store_forecasts.get_version(store, version)["note"] == AWKWARD[2]
    store.engine.dispose()


def test_other_values_in_text_and_float_columns_are_stored_as_the_column_says(store_url):
    from sop_engine.store.bulk import insert_rows, records
    from sop_engine.store.schema import kpi_actuals

    store = PlanStore(store_url)
    frame = records(pd.DataFrame({"metric": ["otif", "otif"], "period": [date(2026, 9, 1), date(2026, 10, 1)],
                                  "value": [1, 2], "dimension": pd.Series([12345, None], dtype=object),
                                  "unit": ["%", None]}))
    with store.begin() as connection:
        assert insert_rows(connection, kpi_actuals, frame) == 2
    back = store.read_table("kpi_actuals")
    assert back["dimension"].tolist()[0] == "12345" and back["value"].tolist() == [1.0, 2.0]
    assert pd.isna(back["dimension"].tolist()[1]) and back["period"].tolist() == [pd.Timestamp("2026-09-01"),
                                                                                  pd.Timestamp("2026-10-01")]
    store.engine.dispose()
