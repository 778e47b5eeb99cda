"""The forecast run end to end on fixed synthetic series: frozen figures and the properties that must
hold whatever the figures (non-negative, nested bands, classes, cuts, progress, fallbacks, events)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from forecast_factories import demo_families, demo_history, history_frame, seasonal_series
from numpy.testing import assert_allclose

from sop_engine.errors import InvalidArgument
from sop_engine.forecast import ForecastSettings, forecast
from sop_engine.forecast.models import MEDIAN

SETTINGS = ForecastSettings(horizon=6)


@pytest.fixture(scope="module")
def run():
    calls = []
    result = forecast(demo_history(), SETTINGS, families=demo_families(),
                      progress=lambda done, total, stage: calls.append((done, total, stage)))
    return result, calls


def sku_values(result, sku: str, column: str = "forecast") -> np.ndarray:
    return result.for_sku(sku)[column].to_numpy()


def test_frozen_figures(run):
    result, _ = run
    # computed once with statsforecast 2.1.1 and frozen
    assert_allclose(sku_values(result, "SEAS"), FROZEN["SEAS"], rtol=1e-4)
    assert_allclose(sku_values(result, "SEAS", "hi_95"), FROZEN["SEAS_hi_95"], rtol=1e-4)
    assert_allclose(sku_values(result, "INT"), FROZEN["INT"], rtol=1e-4)
    assert_allclose(sku_values(result, "INT", "hi_80"), FROZEN["INT_hi_80"], rtol=1e-4)
    assert_allclose(sku_values(result, "NEW"), FROZEN["NEW"], rtol=1e-6)


FROZEN = {
    "SEAS": [114.054268, 118.931655, 128.016184, 152.744268, 167.229605, 180.548081],
    "SEAS_hi_95": [123.248989, 129.489345, 139.332054, 166.019697, 181.253255, 196.733246],
    "INT": [4.141872] * 6,
    "INT_hi_80": [9.26326] * 6,
    "NEW": [39.412304, 41.483689, 44.917337, 52.969614, 59.389043, 64.959389],
}


def test_median_and_its_band_rebuilt_from_statsforecast(run):
    from statsforecast.models import AutoCES, AutoETS, DynamicOptimizedTheta

    result, _ = run
    y = seasonal_series()
    ets = AutoETS(season_length=12, model="ZNZ").forecast(y, 6, level=[95])
    dot = DynamicOptimizedTheta(season_length=12).forecast(y, 6, level=[95])
    ces = AutoCES(season_length=12).forecast(y, 6)
    median = np.median(np.vstack([ets["mean"], ces["mean"], dot["mean"]]), axis=0)
    # every engine rounds the models' figures to float32 (statsforecast's distributed path returns float32)
    assert_allclose(sku_values(result, "SEAS"), median, rtol=1e-6)
    above = ((ets["hi-95"] - ets["mean"]) + (dot["hi-95"] - dot["mean"])) / 2
    assert_allclose(sku_values(result, "SEAS", "hi_95"), median + above, rtol=1e-6)


def test_family_profile_by_hand(run):
    result, _ = run
    history = demo_history()
    family = history[history["sku"].isin(["SEAS", "SIB"]) & (history["period"] >= "2023-01-01")]
    total = family.groupby("period")["quantity"].sum()
    index = total.groupby(total.index.month).mean() / total.mean()
    new = history[history["sku"] == "NEW"]
    level = np.mean(new["quantity"].to_numpy() / index.loc[new["period"].dt.month].to_numpy())
    assert_allclose(sku_values(result, "NEW"), level * index.loc[[1, 2, 3, 4, 5, 6]].to_numpy(), rtol=1e-9)


def test_shape_periods_and_models(run):
    result, _ = run
    values, skus = result.values, result.skus
    assert list(values.columns) == ["sku", "period", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model"]
    assert list(values["sku"].unique()) == ["SEAS", "SIB", "INT", "NEW"]
    expected = pd.date_range("2026-01-01", periods=6, freq="MS")
    for sku in values["sku"].unique():
        assert list(result.for_sku(sku)["period"]) == list(expected)
    table = skus.set_index("sku")
    assert table["demand_class"].to_dict() == {"SEAS": "smooth", "SIB": "smooth", "INT": "intermittent",
                                               "NEW": "new"}
    assert table.at["SEAS", "model"] == MEDIAN
    assert set(table.at["SEAS", "candidates"]) == {MEDIAN, "AutoETS_ZNZ", "AutoCES", "DynamicOptimizedTheta"}
    assert set(table.at["INT", "candidates"]) == {"CrostonOptimized", "ADIDA", "IMAPA", "TSB"}
    assert table.at["INT", "model"] in table.at["INT", "candidates"]
    assert table.at["INT", "cv_error"] == min(table.at["INT", "candidates"].values())
    assert table.at["NEW", "model"] == "FamilyProfile"
    assert "family 'Drinks' seasonal profile" in table.at["NEW", "note"]
    assert all(isinstance(n, str) and n for n in table["note"])


def test_never_negative_and_nested(run):
    result, _ = run
    v = result.values
    assert (v[["forecast", "lo_80", "hi_80", "lo_95", "hi_95"]] >= 0).all().all()
    assert (v["lo_95"] <= v["lo_80"]).all() and (v["lo_80"] <= v["forecast"]).all()
    assert (v["forecast"] <= v["hi_80"]).all() and (v["hi_80"] <= v["hi_95"]).all()
    assert (v["hi_95"] > v["lo_95"]).all()  # a real band, not a point


def test_progress_is_reported_to_the_end(run):
    _, calls = run
    done = [c[0] for c in calls]
    assert done == list(range(1, len(calls) + 1))
    assert all(c[1] == calls[-1][1] for c in calls) and calls[-1][0] == calls[-1][1]
    stages = [c[2] for c in calls]
    assert "forecast smooth 1/1" in stages and "cross-validate intermittent 1/1" in stages
    assert stages[-1] == "done"


def test_new_product_without_family_is_its_average():
    result = forecast(demo_history(), SETTINGS)
    new = result.for_sku("NEW")
    assert_allclose(new["forecast"], np.full(6, (40 + 55 + 48 + 62) / 4))
    row = result.skus.set_index("sku").loc["NEW"]
    assert row["model"] == "LaunchAverage" and "no family given" in row["note"]
    # prediction interval of one value from a mean of 4: t(3) * s * sqrt(1 + 1/4)
    s = np.std([40, 55, 48, 62], ddof=1)
    assert_allclose(new["hi_95"].iloc[0] - 51.25, 3.182446305284263 * s * np.sqrt(1.25), rtol=1e-9)


def test_history_until_and_start_backtest_agree():
    cut = forecast(demo_history(), ForecastSettings(horizon=3, history_until=date(2025, 6, 1)))
    back = forecast(demo_history(), ForecastSettings(horizon=3), start=date(2025, 7, 1))
    pd.testing.assert_frame_equal(cut.values, back.values)
    assert cut.values["period"].min() == pd.Timestamp("2025-07-01")
    assert cut.skus.set_index("sku").at["NEW", "demand_class"] == "no_history"  # sold from 2025-09 only
    assert (cut.for_sku("NEW")["forecast"] == 0).all()


def test_exclude_is_the_same_as_the_interpolated_history():
    y = seasonal_series()
    spiked = y.copy()
    spiked[40] = y[40] * 3  # 2025-05 promotion spike
    cleaned = y.copy()
    cleaned[40] = (y[39] + y[41]) / 2
    settings = ForecastSettings(horizon=4, exclude=(date(2025, 5, 1),))
    got = forecast(history_frame({"S": spiked}), settings)
    want = forecast(history_frame({"S": cleaned}), ForecastSettings(horizon=4))
    assert_allclose(got.values["forecast"], want.values["forecast"])
    assert "2025-05" in got.skus.at[0, "note"]


def test_start_after_history_skips_the_gap_months():
    # both runs cross-validate over min(horizon, 6) = 6 months, so they choose alike
    result = forecast(demo_history(), ForecastSettings(horizon=6), start=date(2026, 3, 1))
    assert list(result.for_sku("INT")["period"].dt.strftime("%Y-%m")) == [
        "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08"]
    full = forecast(demo_history(), ForecastSettings(horizon=8))
    assert_allclose(result.for_sku("SEAS")["forecast"], full.for_sku("SEAS")["forecast"].iloc[2:])


def test_events_lift_forecast_and_bounds_prorated_by_days(run):
    base, _ = run
    events = pd.DataFrame({"name": ["Spring promo", "Half-month deal"], "start": ["2026-02-01", "2026-04-01"],
                           "end": ["2026-02-28", "2026-04-15"], "sku": ["INT", None],
                           "family": [None, "Drinks"], "uplift_pct": [20.0, 30.0], "kind": "promotion"})
    lifted = forecast(demo_history(), SETTINGS, families=demo_families(), events=events)
    ratio = lifted.for_sku("INT")["forecast"].to_numpy() / sku_values(base, "INT")
    assert_allclose(ratio, [1, 1.2, 1, 1, 1, 1])
    ratio = lifted.for_sku("SEAS")["hi_95"].to_numpy() / sku_values(base, "SEAS", "hi_95")
    assert_allclose(ratio, [1, 1, 1, 1 + 0.3 * 15 / 30, 1, 1])
    notes = lifted.skus.set_index("sku")["note"]
    assert "Spring promo" in notes["INT"] and "Half-month deal" in notes["SEAS"]
    assert "Spring promo" not in notes["SEAS"]


def test_power_user_method_and_no_history():
    history = pd.concat([demo_history(), pd.DataFrame({"sku": "DEAD", "period": pd.date_range(
        "2024-01-01", periods=24, freq="MS"), "quantity": 0.0})])
    result = forecast(history, ForecastSettings(horizon=3, method="SeasonalNaive"))
    seas = demo_history().query("sku == 'SEAS'")["quantity"].to_numpy()
    assert_allclose(result.for_sku("SEAS")["forecast"], seas[-12:-9])
    table = result.skus.set_index("sku")
    assert table.at["INT", "model"] == "SeasonalNaive"
    assert table.at["DEAD", "model"] == "Zero" and table.at["DEAD", "demand_class"] == "no_history"
    assert (result.for_sku("DEAD")[["forecast", "hi_95"]] == 0).all().all()


@pytest.mark.parametrize(
    ("settings", "match"),
    [(ForecastSettings(horizon=0), "horizon"), (ForecastSettings(levels=(80, 120)), "levels"),
     (ForecastSettings(method="Prophet"), "method")],
)
def test_bad_settings_are_named(settings, match):
    with pytest.raises(InvalidArgument, match=match):
        forecast(demo_history(), settings)


def test_too_short_to_cross_validate_gets_the_route_default():
    y = seasonal_series(48)[-15:]  # 15 months: not new (>= 12), under 2 x 6 + 12 months for CV
    result = forecast(history_frame({"S": y}), ForecastSettings(horizon=3))
    row = result.skus.iloc[0]
    assert row["demand_class"] == "smooth" and row["model"] == MEDIAN
    assert row["candidates"] == {} and np.isnan(row["cv_error"])
    assert "too short to cross-validate" in row["note"]
    assert (result.values["forecast"] > 0).all()
