"""Concurrent writers on one store (SQLite and PostgreSQL) never corrupt or lose a version: two `sop forecast
run` processes at once while overrides and publishes go on, and publishes racing from several servers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pandas as pd
from cli.helpers import sop_json
from factories import write_company
from sqlalchemy import func, select

from sop_engine.service.forecasting import run_forecast
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as store_forecasts
from sop_engine.store.schema import forecast_sku_info, forecast_values, published_forecast

ROOT = Path(__file__).resolve().parents[3]
HORIZON = 6
SALES = "sku,period,quantity\n" + "".join(
    f"{sku},{2024 + (m // 12)}-{m % 12 + 1:02d},{base + (m % 12) * step + (m * 7) % 5}\n"
    for sku, base, step in (("AB-100", 50, 3), ("AB-200", 12, 1), ("CD-300", 5, 0))
    for m in range(10, 34)
)


def _sop(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "assistant.cli.main", *args, "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _values(skus: list[str], level: float) -> pd.DataFrame:
    """A version's values made here, cheaply (the forecasting itself is not what these tests are about)."""
    periods = pd.date_range("2026-11-01", periods=HORIZON, freq="MS")
    return pd.DataFrame({"sku": [s for s in skus for _ in periods], "period": list(periods) * len(skus),
                         "forecast": 10.0 + level, "lo_80": 8.0, "hi_80": 12.0, "lo_95": 7.0, "hi_95": 13.0,
                         "model": "AutoETS"})


def _info(skus: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"sku": skus, "model": "AutoETS", "cv_error": 0.1, "candidates": None,
                         "demand_class": "smooth", "note": None})


def _rows(store: PlanStore, table, version: int) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)
                                  .where(table.c.version_id == version)).scalar_one()


def test_two_forecast_runs_at_once_keep_both_versions_whole(tmp_path, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "co", **{"sales_history.csv": SALES})))
    store = PlanStore(store_url)
    first = store_forecasts.publish(store, run_forecast(store, date(2026, 11, 15), principal="cli:t",
                                                        horizon=HORIZON)["version"], "cli:t")
    runs = [_sop("forecast", "run", "--all", "--horizon", str(HORIZON), "--note", f"run {i}") for i in (1, 2)]
    # meanwhile, in this process: overrides, and one-SKU versions (cheap ones, made here) and their publishes
    written = []
    while any(run.poll() is None for run in runs) or len(written) < 3:
        store_forecasts.add_override(store, "AB-100", date(2026, 12, 1), 80.0 + len(written), "promo", "cli:t")
        version = store_forecasts.create_version(store, _values(["AB-200"], len(written)), _info(["AB-200"]),
                                                 scope={"kind": "sku", "value": "AB-200", "skus": ["AB-200"]},
                                                 parameters={"horizon": HORIZON}, note=None, principal="cli:t")
        store_forecasts.publish(store, version, "cli:t")
        written.append(version)
        time.sleep(0.1)
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-2000:] for _, err in outputs]
    versions = [json.loads(out)["version"] for out, _ in outputs]
    made = {first["version"], *versions, *written}
    assert len(made) == 2 + 1 + len(written)  # every run got a version of its own
    for version in versions:
        assert _rows(store, forecast_sku_info, version) == 3 and _rows(store, forecast_values, version) == 3 * HORIZON
        assert store_forecasts.get_version(store, version)["note"] in ("run 1", "run 2")
    for version in written:
        assert _rows(store, forecast_sku_info, version) == 1 and _rows(store, forecast_values, version) == HORIZON
    listed = [v["id"] for v in store_forecasts.list_versions(store)]
    assert sorted(listed) == sorted(made) and listed == sorted(listed)
    actions = [e["action"] for e in store.audit_entries(1000)]
    assert actions.count("forecast.run") == len(made) and actions.count("forecast.override") == len(written)
    active = store_forecasts.active_overrides(store)
    assert len(active) == 1 and active["override"].iloc[0] == 80.0 + len(written) - 1  # the last one stands
    with store.engine.connect() as connection:
        published = dict(connection.execute(select(published_forecast.c.sku, published_forecast.c.version_id)).all())
    assert published == {"AB-100": first["version"], "AB-200": written[-1], "CD-300": first["version"]}
    store.engine.dispose()


def test_publishes_racing_from_several_servers_leave_one_published_forecast(tmp_path, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "co", **{"sales_history.csv": SALES})))
    store = PlanStore(store_url)
    versions = [store_forecasts.create_version(store, _values(["AB-100", "AB-200", "CD-300"], i),
                                               _info(["AB-100", "AB-200", "CD-300"]), scope={"kind": "all"},
                                               parameters={"horizon": HORIZON}, note=None, principal="cli:t")
                for i in range(6)]
    stores = [PlanStore(store_url) for _ in versions]  # one engine per server
    barrier = threading.Barrier(len(versions))
    results, errors = {}, []

    def publish(i: int) -> None:
        barrier.wait()
        try:
            results[versions[i]] = store_forecasts.publish(stores[i], versions[i], f"api:p{i}")
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            errors.append(repr(error))

    threads = [threading.Thread(target=publish, args=(i,)) for i in range(len(versions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == [] and len(results) == len(versions)
    # they ran one after another: each replaced the one before it, and the last one is the published forecast
    order = [e["detail"]["version"] for e in store.audit_entries(1000)[::-1] if e["action"] == "forecast.publish"]
    assert sorted(order) == sorted(versions)
    for before, after in zip(order, order[1:], strict=False):
        assert results[after]["replaced_versions"] == [before]
    statuses = {v["id"]: v["status"] for v in store_forecasts.list_versions(store)}
    assert statuses == {v: "published" if v == order[-1] else "superseded" for v in versions}
    with store.engine.connect() as connection:
        published = connection.execute(select(published_forecast.c.sku, published_forecast.c.version_id)).all()
    assert sorted(published) == [("AB-100", order[-1]), ("AB-200", order[-1]), ("CD-300", order[-1])]
    for each in [store, *stores]:
        each.engine.dispose()
