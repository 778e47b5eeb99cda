"""``sop forecast``: versions, publish (per SKU), overrides beside the forecast, diff, audit; on SQLite and
PostgreSQL."""

from __future__ import annotations

import os

import pytest
from cli.helpers import sop, sop_json
from factories import write_company
from stores import run_sql

LONG_SALES = "sku,period,quantity\n" + "".join(
    f"{sku},{2024 + (m // 12)}-{m % 12 + 1:02d},{base + (m % 12) * step}\n"
    for sku, base, step in (("AB-100", 50, 3), ("AB-200", 12, 1), ("CD-300", 5, 0))
    for m in range(10, 34)
)


@pytest.fixture
def company(tmp_path, store_url):
    sop_json("data", "load", str(write_company(tmp_path / "co", **{"sales_history.csv": LONG_SALES})))


def test_versions_publish_and_overrides(company):
    run = sop_json("forecast", "run", "--all", "--horizon", "6", "--note", "monthly cycle")
    assert run["version"] == 1 and run["status"] == "draft" and run["skus"] == 3
    assert run["parameters"]["start"] == "2026-11" and run["parameters"]["history_until"] == "2026-10"

    draft = sop_json("forecast", "show", "1")
    assert draft["status"] == "draft" and len(draft["rows"]) == 18
    row = draft["rows"][0]
    assert set(row) >= {"sku", "period", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model", "override", "final"}
    assert row["period"] == "2026-11"
    assert all(r["lo_95"] <= r["lo_80"] <= r["forecast"] <= r["hi_80"] <= r["hi_95"] for r in draft["rows"])
    assert {s["sku"] for s in draft["skus"]} == {"AB-100", "AB-200", "CD-300"}
    assert all(s["candidates"] or s["model"] for s in draft["skus"])

    assert sop_json("forecast", "show", "published", ok=False)["error"]["code"] == "no_data"
    assert sop_json("forecast", "publish", "1")["skus"] == ["AB-100", "AB-200", "CD-300"]
    assert sop_json("forecast", "publish", "1", ok=False)["error"]["code"] == "conflict"

    # a one-SKU version supersedes only that SKU
    second = sop_json("forecast", "run", "--sku", "Alpha Widget", "--horizon", "6", "--exclude", "2026-03")
    assert second["scope"] == {"kind": "sku", "value": "AB-100", "skus": 1}
    assert sop_json("forecast", "publish", "latest")["replaced_versions"] == [1]
    published = sop_json("forecast", "show")
    by_sku = {r["sku"]: r["version"] for r in published["rows"]}
    assert by_sku == {"AB-100": 2, "AB-200": 1, "CD-300": 1}
    versions = {v["id"]: v for v in sop_json("forecast", "versions")["versions"]}
    assert versions[1]["status"] == "published" and versions[1]["published_skus"] == 2
    assert versions[2]["parameters"]["exclude"] == ["2026-03"]
    assert versions[1]["note"] == "monthly cycle"

    # an override is shown beside the statistical forecast, never merged into it
    before = next(r for r in published["rows"] if r["sku"] == "AB-200" and r["period"] == "2026-12")
    override = sop_json("forecast", "override", "AB-200", "2026-12", "99", "--reason", "customer promo")
    assert override["quantity"] == 99.0
    after = next(r for r in sop_json("forecast", "show", "--sku", "AB-200")["rows"] if r["period"] == "2026-12")
    assert after["forecast"] == before["forecast"]
    assert (after["override"], after["override_reason"], after["final"]) == (99.0, "customer promo", 99.0)

    diff = sop_json("forecast", "diff", "1", "2")
    assert [s["sku"] for s in diff["skus"]] in ([], ["AB-100"])
    assert diff["unchanged"] + len(diff["skus"]) == 1

    actions = [r[0] for r in run_sql("SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["data.load", "forecast.run", "forecast.publish", "forecast.run", "forecast.publish",
                       "forecast.override"]


def test_forecast_errors_are_clear(company):
    assert sop_json("forecast", "publish", "7", ok=False)["error"]["code"] == "not_found"
    sop_json("forecast", "run", "--sku", "AB-100", "--horizon", "3")
    unknown = sop_json("forecast", "run", "--sku", "Alpha Widgit", ok=False)["error"]
    assert unknown["code"] == "unknown_product" and unknown["details"][0].startswith("AB-100")
    assert sop_json("forecast", "override", "AB-100", "2026-12", "-5", "--reason", "x", ok=False)["error"][
        "code"] == "usage"  # -5 reads as an option: a usage error, as JSON too
    past = sop_json("forecast", "override", "AB-100", "2026-01", "5", "--reason", "x", ok=False)["error"]
    assert "in the past" in past["message"]
    assert sop_json("forecast", "run", "--history-until", "2026-11", ok=False)["error"]["code"] == "invalid_argument"
    result = sop("forecast", "show", "banana")
    assert result.exit_code == 1 and "not a version id" in result.stderr


def test_engine_flag_and_setting(company, monkeypatch):
    """``--engine`` / ``SOP_FORECAST_ENGINE``: a run on a Dask LocalCluster stores the local run's figures."""
    bad = sop_json("forecast", "run", "--all", "--engine", "flink", ok=False)["error"]
    assert bad["code"] == "invalid_argument" and "local, dask, ray, spark" in bad["message"]
    bad = sop_json("forecast", "run", "--all", "--engine", "local", "--address", "tcp://127.0.0.1:1", ok=False)
    assert "address" in bad["error"]["message"]
    try:
        import dask.distributed  # noqa: F401
        import fugue  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("the dask engine is not installed")
    local = sop_json("forecast", "run", "--all", "--horizon", "6")
    monkeypatch.setenv("SOP_FORECAST_ENGINE", "dask")
    on_dask = sop_json("forecast", "run", "--all", "--horizon", "6")
    assert on_dask["models"] == local["models"]
    rows = [sop_json("forecast", "show", str(doc["version"]))["rows"] for doc in (local, on_dask)]
    assert [(r["sku"], r["period"], r["model"], r["forecast"], r["lo_80"], r["hi_95"]) for r in rows[1]] == \
        [(r["sku"], r["period"], r["model"], r["forecast"], r["lo_80"], r["hi_95"]) for r in rows[0]]
