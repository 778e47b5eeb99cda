"""The panel the models read: zero-filled spans, history_until, start, exclude, bad input."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from forecast_factories import demo_history, history_frame, seasonal_series
from numpy.testing import assert_allclose

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.forecast.panel import build_panel
from sop_engine.forecast.settings import ForecastSettings


def test_missing_months_are_zero_and_skus_run_to_the_common_end():
    history = pd.DataFrame({"sku": ["A", "A", "A", "B", "B"],
                            "period": ["2025-01-15", "2025-01-20", "2025-04-01", "2025-02-01", "2025-06-30"],
                            "quantity": [3.0, 2.0, 7.0, 0.0, 4.0]})
    panel = build_panel(history, ForecastSettings(), None)
    a = panel.frame[panel.frame["sku"] == "A"]
    assert list(a["period"].dt.strftime("%Y-%m")) == ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05",
                                                      "2025-06"]
    assert_allclose(a["y"], [5, 0, 0, 7, 0, 0])  # two January rows summed, gaps are zero demand
    b = panel.frame[panel.frame["sku"] == "B"]
    assert list(b["period"].dt.strftime("%Y-%m")) == ["2025-06"]  # starts at its first sale
    assert panel.end == pd.Timestamp("2025-06-01") and panel.start == pd.Timestamp("2025-07-01")


def test_history_until_and_start_cut_history():
    history = demo_history()
    cut = build_panel(history, ForecastSettings(history_until=date(2025, 6, 15)), None)
    assert cut.frame["period"].max() == pd.Timestamp("2025-06-01")
    assert cut.start == pd.Timestamp("2025-07-01")
    assert "NEW" in cut.skus  # NEW sold from 2025-09 only: kept as a SKU, no history left
    assert "NEW" not in set(cut.frame["sku"])
    backtest = build_panel(history, ForecastSettings(), date(2025, 7, 1))
    pd.testing.assert_frame_equal(backtest.frame, cut.frame)
    later = build_panel(history, ForecastSettings(), date(2026, 3, 1))
    assert later.start == pd.Timestamp("2026-03-01")
    assert later.first_forecast == pd.Timestamp("2026-01-01")


def test_exclude_replaces_month_by_linear_interpolation():
    y = seasonal_series(24)
    spiked = y.copy()
    spiked[14] = y[14] * 4  # a promotion spike in 2025-03 (series runs 2024-01..2025-12)
    history = history_frame({"S": spiked})
    panel = build_panel(history, ForecastSettings(exclude=(date(2025, 3, 1), date(2023, 1, 1))), None)
    got = panel.frame["y"].to_numpy()
    assert_allclose(got[14], (y[13] + y[15]) / 2)
    assert_allclose(np.delete(got, 14), np.delete(y, 14))
    assert panel.excluded == {"S": [pd.Timestamp("2025-03-01")]}
    # an excluded last month takes the nearest kept month
    edge = build_panel(history, ForecastSettings(exclude=(date(2025, 12, 1),)), None)
    assert_allclose(edge.frame["y"].to_numpy()[-1], spiked[-2])


@pytest.mark.parametrize(
    ("history", "match"),
    [(pd.DataFrame({"sku": ["A"], "period": ["2025-01"]}), "missing column"),
     (pd.DataFrame({"sku": ["A"], "period": ["2025-01"], "quantity": [-1.0]}), "must be >= 0"),
     (pd.DataFrame({"sku": ["A"], "period": ["2025-01"], "quantity": [None]}), "missing sku, period or quantity"),
     (pd.DataFrame({"sku": ["A"], "period": ["soon"], "quantity": [1.0]}), "not dates")],
)
def test_bad_history_is_named(history, match):
    with pytest.raises(InvalidArgument, match=match):
        build_panel(history, ForecastSettings(), None)


def test_empty_history_is_no_data():
    with pytest.raises(NoData):
        build_panel(pd.DataFrame({"sku": [], "period": [], "quantity": []}), ForecastSettings(), None)
