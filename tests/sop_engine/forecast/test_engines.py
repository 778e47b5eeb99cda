"""Every engine gives the local run's forecasts, model choice and CV errors, reports the same progress and
stops at the next chunk of SKUs when asked: a distributed.LocalCluster, a local Ray and Spark local mode
(statsforecast's Fugue path). An engine whose packages are missing is skipped, except when CI=true."""

from __future__ import annotations

import importlib
import os

import numpy as np
import pandas as pd
import pytest
from forecast_factories import demo_families, demo_history, history_frame, seasonal_series

from sop_engine.errors import Cancelled, InvalidArgument
from sop_engine.forecast import ForecastSettings, forecast
from sop_engine.forecast.backends import open_backend

NEEDS = {"dask": "dask.distributed", "ray": "ray", "spark": "pyspark"}


def history() -> tuple[pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(3)
    series = {f"S{i}": np.round(seasonal_series(n=36 + 6 * i, seed=20 + i) * (0.5 + i / 2), 1) for i in range(3)}
    series |= {"E0": np.round(rng.gamma(1.2, 80, 40), 1)}
    series |= {f"I{i}": np.where(rng.random(40) < 0.4, rng.integers(1, 15, 40), 0).astype(float) for i in range(2)}
    frame = pd.concat([demo_history(), history_frame(series)], ignore_index=True)
    families = pd.concat([demo_families(), pd.Series("Drinks", index=list(series))])
    return frame, families


def run(backend):
    frame, families = history()
    stages = []
    result = forecast(frame, ForecastSettings(horizon=12), families=families, backend=backend,
                      progress=lambda done, total, stage: stages.append((done, total, stage)))
    return result, stages


@pytest.fixture(scope="module")
def local():
    with open_backend("local") as backend:
        return run(backend)


@pytest.fixture(scope="module", params=["dask", "ray", "spark"])
def engine(request):
    name = request.param
    try:
        importlib.import_module("fugue")
        importlib.import_module(NEEDS[name])
    except ImportError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"the {name} engine is not installed ({exc.name})")
    with open_backend(name) as backend:
        yield backend


def test_every_engine_gives_the_local_figures(local, engine):
    (expected, expected_stages), (result, stages) = local, run(engine)
    assert stages == expected_stages
    assert [s for _, _, s in stages if s.startswith("forecast")] == ["forecast smooth 1/1", "forecast intermittent 1/1"]
    values, want = result.values, expected.values
    assert list(values.columns) == list(want.columns)
    assert values[["sku", "period", "model"]].equals(want[["sku", "period", "model"]])
    for column in ["forecast", "lo_80", "hi_80", "lo_95", "hi_95"]:
        got, exp = values[column].to_numpy(), want[column].to_numpy()
        assert np.all(np.abs(got - exp) <= 1e-6 * np.maximum(np.abs(exp), 1e-9)), column
    skus, want_skus = result.skus, expected.skus
    assert skus["model"].tolist() == want_skus["model"].tolist()
    assert set(skus["model"]) >= {"Median(ETS,CES,DOT)", "FamilyProfile"}
    assert skus["cv_error"].notna().sum() >= 7
    np.testing.assert_allclose(skus["cv_error"].to_numpy(dtype=float), want_skus["cv_error"].to_numpy(dtype=float),
                               rtol=1e-6)
    assert skus["candidates"].tolist() == want_skus["candidates"].tolist()
    assert skus["note"].tolist() == want_skus["note"].tolist()


def test_every_engine_stops_at_the_next_chunk(engine):
    stages = []
    engine.should_stop = lambda: len(stages) >= 3  # asked after the smooth chunk, before the intermittent one
    frame, families = history()
    try:
        with pytest.raises(Cancelled, match="cancelled"):
            forecast(frame, ForecastSettings(horizon=12), families=families, backend=engine,
                     progress=lambda done, total, stage: stages.append(stage))
    finally:
        engine.should_stop = None
    assert [s.split(" ")[0] for s in stages] == ["history", "forecast", "cross-validate"]


def test_unknown_or_missing_engine_is_named():
    with pytest.raises(InvalidArgument, match="local, dask, ray, spark"), open_backend("flink"):
        pass
    with pytest.raises(InvalidArgument, match="address"), open_backend("local", "tcp://127.0.0.1:8786"):
        pass


def exogenous_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(5)
    periods = pd.date_range("2021-01-01", periods=42, freq="MS")
    rows, future = [], []
    for i in range(3):
        promo = (rng.random(48) < 0.3).astype(float)
        y = 100 + 10 * i + 40 * promo[:42] + rng.normal(0, 3, 42)
        rows.append(pd.DataFrame({"unique_id": f"X{i}", "ds": periods, "y": y, "promo": promo[:42]}))
        future.append(pd.DataFrame({"unique_id": f"X{i}", "ds": pd.date_range(periods[-1], periods=7, freq="MS")[1:],
                                    "promo": promo[42:]}))
    return pd.concat(rows, ignore_index=True), pd.concat(future, ignore_index=True)


def test_exogenous_columns_reach_the_models_on_every_engine(engine):
    """What the demand-driver work relies on: the Fugue path carries exogenous columns (history's extra
    columns and X_df) to the models, in forecast and in cross_validation."""
    from statsforecast.models import AutoARIMA

    df, future = exogenous_frames()
    model = [AutoARIMA(season_length=1, alias="ARIMAX")]
    with open_backend("local") as local:
        want = local.forecast(model, df, 6, None, X_df=future)
        want_cv = local.cross_validation(model, df, h=3, n_windows=2)
    got = engine.forecast(model, df, 6, None, X_df=future)
    np.testing.assert_allclose(got["ARIMAX"], want["ARIMAX"], rtol=1e-6)
    without = engine.forecast(model, df[["unique_id", "ds", "y"]], 6, None)
    assert not np.allclose(without["ARIMAX"], want["ARIMAX"], rtol=1e-3)  # the regressor was used
    np.testing.assert_allclose(engine.cross_validation(model, df, h=3, n_windows=2)["ARIMAX"], want_cv["ARIMAX"],
                               rtol=1e-6)
