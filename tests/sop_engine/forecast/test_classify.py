"""Demand classification: exact ADI / CV² on fixed series and the Syntetos-Boylan cut-offs."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from forecast_factories import demo_history, intermittent_series, seasonal_series
from numpy.testing import assert_allclose

from sop_engine.forecast import classify_demand, demand_class, demand_profile
from sop_engine.forecast.panel import build_panel
from sop_engine.forecast.settings import ForecastSettings


def test_intermittent_series_profile_is_exact():
    adi, cv2 = demand_profile(intermittent_series())
    assert_allclose([adi, cv2], [36 / 27, 0.47039239001189054], rtol=1e-12)


def test_seasonal_series_is_smooth():
    adi, cv2 = demand_profile(seasonal_series())
    assert adi == 1.0
    assert cv2 < 0.49


@pytest.mark.parametrize(
    ("adi", "cv2", "expected"),
    [(1.0, 0.1, "smooth"), (1.31, 0.489, "smooth"), (1.31, 0.49, "erratic"), (1.32, 0.1, "intermittent"),
     (1.32, 0.49, "lumpy"), (3.0, 2.0, "lumpy"), (float("nan"), float("nan"), "no_history")],
)
def test_cut_offs(adi, cv2, expected):
    assert demand_class(adi, cv2) == expected


def test_single_sale_has_zero_cv2_and_no_sale_is_undefined():
    assert demand_profile(np.array([0.0, 5.0, 0.0])) == (3.0, 0.0)
    adi, cv2 = demand_profile(np.zeros(4))
    assert np.isnan(adi) and np.isnan(cv2)


def test_classify_demo_panel():
    history = demo_history()
    dead = pd.DataFrame({"sku": "DEAD", "period": pd.date_range("2024-01-01", periods=24, freq="MS"),
                         "quantity": 0.0})
    panel = build_panel(pd.concat([history, dead]), ForecastSettings(), None)
    table = classify_demand(panel.frame).set_index("sku")
    assert table["demand_class"].to_dict() == {"DEAD": "no_history", "INT": "intermittent", "NEW": "new",
                                               "SEAS": "smooth", "SIB": "smooth"}
    assert table.at["NEW", "n_months"] == 4
    assert_allclose(table.at["INT", "adi"], 36 / 27)
    assert_allclose(table.at["INT", "cv2"], 0.47039239001189054)
    # vectorised figures equal the one-series function
    for sku in ("SEAS", "SIB", "NEW"):
        y = panel.frame.loc[panel.frame["sku"] == sku, "y"].to_numpy()
        assert_allclose(table.loc[sku, ["adi", "cv2"]].to_numpy(dtype=float), demand_profile(y))
