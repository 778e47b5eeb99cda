"""Interval derivation and event uplift on hand-made frames: exact figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from numpy.testing import assert_allclose

from sop_engine.errors import InvalidArgument
from sop_engine.forecast.events import event_factors
from sop_engine.forecast.intervals import make_demand_bands, residual_intervals


def test_residual_intervals_use_cv_errors_then_history():
    point = pd.DataFrame({"sku": ["A", "A", "B"], "step": [1, 2, 1], "forecast": [4.0, 4.0, 2.0]})
    errors = {"A": np.arange(-4.0, 6.0)}  # ten CV errors: -4..5
    history = {"A": np.ones(3), "B": np.array([0.0, 0.0, 6.0, 0.0])}  # B has no CV errors: history spread
    out = residual_intervals(point, errors, history, (80,))
    # numpy's linear quantile of -4..5 at 0.1 and 0.9: -3.1 and 4.1
    assert_allclose(out.loc[out["sku"] == "A", ["lo_80", "hi_80"]].to_numpy(), [[0.9, 8.1], [0.9, 8.1]])
    # B: deviations from its mean 1.5 are -1.5, -1.5, 4.5, -1.5 -> quantiles -1.5 and 2.7
    assert_allclose(out.loc[out["sku"] == "B", ["lo_80", "hi_80"]].to_numpy(), [[0.5, 4.7]])


def test_demand_bands_are_clipped_and_nested():
    values = pd.DataFrame({"forecast": [-1.0, 5.0, 5.0], "lo_80": [-3.0, 6.0, 4.0], "hi_80": [1.0, 7.0, 4.5],
                           "lo_95": [-5.0, 5.5, np.nan], "hi_95": [2.0, 6.5, 9.0]})
    out = make_demand_bands(values, (95, 80))
    assert_allclose(out["forecast"], [0, 5, 5])
    assert_allclose(out["lo_80"], [0, 5, 4])
    assert_allclose(out["hi_80"], [1, 7, 5])
    assert_allclose(out["lo_95"], [0, 5, 0])
    assert_allclose(out["hi_95"], [2, 7, 9])


def test_event_scope_proration_and_compounding():
    values = pd.DataFrame({"sku": ["A", "A", "B", "B"],
                           "period": pd.to_datetime(["2026-06-01", "2026-07-01", "2026-06-01", "2026-07-01"])})
    families = pd.Series({"A": "Oat", "B": "Soy"})
    events = pd.DataFrame({
        "name": ["all June", "oat week", "no uplift", "soy without map"],
        "start": ["2026-06-01", "2026-07-01", "2026-06-01", "2026-06-01"],
        "end": ["2026-06-30", "2026-07-07", "2026-07-31", "2026-06-30"],
        "sku": [None, None, "B", None], "family": [None, "Oat", None, "Soy"],
        "uplift_pct": [10.0, 31.0, np.nan, -50.0]})
    factor, applied = event_factors(values, events, families)
    assert_allclose(factor, [1.1, 1 + 0.31 * 7 / 31, 1.1 * 0.5, 1.0])
    assert sorted(applied) == ["A", "B"] and len(applied["A"]) == 2
    # without a family map, a family event cannot be placed and is skipped
    factor, _ = event_factors(values, events, None)
    assert_allclose(factor, [1.1, 1.0, 1.1, 1.0])


def test_event_with_end_before_start_is_named():
    values = pd.DataFrame({"sku": ["A"], "period": pd.to_datetime(["2026-06-01"])})
    events = pd.DataFrame({"name": ["oops"], "start": ["2026-06-10"], "end": ["2026-06-01"], "uplift_pct": [5.0]})
    with pytest.raises(InvalidArgument, match="oops"):
        event_factors(values, events, None)
