"""Where the statsforecast models run: on this machine (a process pool) or on a Dask, Ray or Spark cluster
through statsforecast's own distributed path (a distributed DataFrame handed to
``StatsForecast.forecast`` / ``cross_validation`` goes through Fugue, partitioned by series).

    with open_backend("dask", "tcp://scheduler:8786") as backend:
        forecast(history, settings, backend=backend)

``address``: dask: a scheduler address (none: a ``distributed.LocalCluster`` with one single-threaded
worker per core, started here and stopped on exit); ray: ``ray://host:10001`` or ``auto`` (none: a local
Ray); spark: a master URL (``spark://host:7077``, ``local[4]``; none: ``local[N]`` with N cores).

Every engine gives the same figures: statsforecast's distributed path returns the models' columns as
float32, so every engine's output is rounded to float32 before anything is computed from it.
Exogenous columns: the Fugue path carries them (extra columns of ``df`` reach the models as ``X``;
``X_df`` is zipped with ``df`` per series), for ``forecast`` and ``cross_validation`` alike.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import Naive

from sop_engine.errors import Cancelled, InvalidArgument

ENGINES = ("local", "dask", "ray", "spark")
EXTRAS = {"dask": "dask", "ray": "ray", "spark": "spark"}  # pip install 'sop-assistant[EXTRA]'


class Backend:
    """The local engine: statsforecast's process pool on this machine."""

    name = "local"
    chunk = 2000  # SKUs per call: one progress tick (and one chance to stop) each

    def __init__(self, should_stop: Callable[[], bool] | None = None):
        self.should_stop = should_stop

    def check(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise Cancelled("the forecast run was cancelled")

    def n_jobs(self, n_series: int) -> int:
        # a process pool costs about a second to start: not worth it for a handful of series
        return -1 if n_series >= 50 and (os.cpu_count() or 1) > 1 else 1

    def _statsforecast(self, models: Sequence, n_series: int) -> StatsForecast:
        return StatsForecast(models=list(models), freq="MS", n_jobs=self.n_jobs(n_series), fallback_model=Naive())

    def forecast(self, models: Sequence, df: pd.DataFrame, h: int, level: Sequence[int] | None,
                 X_df: pd.DataFrame | None = None) -> pd.DataFrame:  # noqa: N803 - statsforecast's name
        """``unique_id, ds`` and one column per model (and bound), sorted by series and month. Columns of
        ``df`` beyond ``unique_id, ds, y`` are exogenous; ``X_df`` holds their future values."""
        sf = self._statsforecast(models, df["unique_id"].nunique())
        future = None if X_df is None else self._distribute(X_df)
        out = self._collect(sf.forecast(df=self._distribute(df), h=h, level=list(level) if level else None,
                                        X_df=future))
        return _rounded(out, ["unique_id", "ds"])

    def cross_validation(self, models: Sequence, df: pd.DataFrame, h: int, n_windows: int) -> pd.DataFrame:
        """Rolling origin, ``n_windows`` windows of ``h`` months ending at each series' last month:
        ``unique_id, ds, cutoff`` and one column per model (``y`` is left to the caller)."""
        sf = self._statsforecast(models, df["unique_id"].nunique())
        out = self._collect(sf.cross_validation(df=self._distribute(df), h=h, n_windows=n_windows, step_size=h))
        return _rounded(out.drop(columns=["y"]), ["unique_id", "cutoff", "ds"])

    def _distribute(self, df: pd.DataFrame):
        return df

    def _collect(self, out) -> pd.DataFrame:
        return out

    def close(self) -> None:
        pass


def _rounded(out: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    out = out.copy()
    out["unique_id"] = out["unique_id"].astype(str)
    for col in out.columns:
        if col not in ("unique_id", "ds", "cutoff"):
            out[col] = out[col].to_numpy(dtype=np.float32).astype(np.float64)
    return out.sort_values(order, kind="stable").reset_index(drop=True)


class _Distributed(Backend):
    chunk = 10_000

    def n_jobs(self, n_series: int) -> int:
        return 1  # each partition runs in one process of the cluster

    def _collect(self, out) -> pd.DataFrame:
        import fugue.api as fa

        return fa.as_pandas(out)


class DaskBackend(_Distributed):
    name = "dask"

    def __init__(self, address: str | None, should_stop=None):
        super().__init__(should_stop)
        from dask.distributed import Client, LocalCluster

        self._cluster = None
        if address:
            self.client = Client(address)
        else:
            self._cluster = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self._cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def _distribute(self, df):
        import dask.dataframe as dd

        return dd.from_pandas(df, npartitions=self.workers)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


class RayBackend(_Distributed):
    name = "ray"

    def __init__(self, address: str | None, should_stop=None):
        super().__init__(should_stop)
        import ray

        self._ray = ray
        self._started = not ray.is_initialized()
        if self._started:
            for attempt in (1, 2):  # a local Ray's node gives up after 30 s when the machine is very busy
                try:
                    ray.init(address=address or None, include_dashboard=False, log_to_driver=False,
                             logging_level=logging.WARNING)
                    break
                except Exception:
                    ray.shutdown()
                    if attempt == 2 or address:
                        raise
        import ray.data

        logging.getLogger("ray.data").setLevel(logging.WARNING)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        # partitioning by series: Ray Data's default hash shuffle (200 partitions, aggregator actors) took
        # 30 s a call here on 2 cores; the pull-based sort shuffle about 1 s
        from ray.data.context import ShuffleStrategy

        ctx.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED

    def _distribute(self, df):
        import ray.data

        return ray.data.from_pandas(df)

    def close(self) -> None:
        if self._started:
            self._ray.shutdown()


class SparkBackend(_Distributed):
    name = "spark"

    def __init__(self, address: str | None, should_stop=None):
        super().__init__(should_stop)
        from pyspark.sql import SparkSession

        cores = os.cpu_count() or 1
        builder = SparkSession.builder.master(address or f"local[{cores}]").appName("sop-forecast")
        if not address or address.startswith("local"):
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers: this interpreter
        self._session = (builder
                         .config("spark.sql.session.timeZone", "UTC")
                         .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                         .config("spark.sql.shuffle.partitions", str(2 * cores) if not address else "200")
                         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                         .getOrCreate())
        self._session.sparkContext.setLogLevel("ERROR")

    def _distribute(self, df):
        return self._session.createDataFrame(df)

    def close(self) -> None:
        self._session.stop()


_CLASSES = {"dask": DaskBackend, "ray": RayBackend, "spark": SparkBackend}


@contextmanager
def open_backend(engine: str = "local", address: str | None = None,
                 should_stop: Callable[[], bool] | None = None) -> Iterator[Backend]:
    """The engine named ``engine`` (one of ``ENGINES``), connected to ``address`` (see the module doc);
    closed (a cluster started here is stopped) on exit."""
    if engine not in ENGINES:
        raise InvalidArgument(f"engine must be one of {', '.join(ENGINES)}. Got: {engine!r}")
    if engine == "local":
        if address:
            raise InvalidArgument("--address is for a dask, ray or spark engine; the local engine has none")
        yield Backend(should_stop)
        return
    try:
        import fugue  # noqa: F401
        __import__({"dask": "dask.distributed", "ray": "ray", "spark": "pyspark"}[engine])
    except ImportError as exc:
        raise InvalidArgument(f"the {engine} engine is not installed ({exc.name} is missing): "
                              f"pip install 'sop-assistant[{EXTRAS[engine]}]'") from None
    import cloudpickle

    from sop_engine.forecast import custom_models

    cloudpickle.register_pickle_by_value(custom_models)  # the cluster needs statsforecast, not this package
    backend = _CLASSES[engine](address, should_stop)
    try:
        yield backend
    finally:
        backend.close()
