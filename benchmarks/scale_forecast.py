"""Re-forecast of synthetic SKUs x 60 months with the default settings, on the local engine and on a
2-worker Dask LocalCluster (10,000 SKUs), and 100,000 SKUs on the local engine: wall time, CPU time and
peak memory of each run.

    python benchmarks/scale_forecast.py [--months 60] [--runs local:10000,dask:10000,local:100000]

Each run is a process of its own (``--one ENGINE:SKUS``), so that its CPU time and peak memory are its
own; a Dask run starts its LocalCluster (2 workers, one thread each) inside that process, and its
workers' CPU and memory count as the run's. The SKUs (fixed seed 2026): 45% seasonal smooth (level
50..500, trend, yearly swing, 10% noise), 20% erratic (gamma-distributed sizes every month), 35%
intermittent or lumpy (a sale in 20..60% of months, sizes 1..20). Wall time depends on what else shares
the 2 cores (the load average is printed); CPU time (all processes) much less.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from m3 import REPO, cpu_seconds, peak_memory_mb  # noqa: E402
from readme import write_section  # noqa: E402

sys.path.insert(0, str(REPO))
from sop_engine.forecast import ForecastSettings, forecast  # noqa: E402

SECTION = "## Forecast scale"
RESULTS = Path(__file__).with_name("scale_forecast.json")
PROFILE = """Where the time went (profiled before the change, 2026-12-01: 1,000 of these SKUs, 627 on the smooth
route, in one process under cProfile, 40.8 s profiled; 28.8 s of CPU unprofiled): AutoCES 14.1 s (35%: it
tries 4 season types on the full history and again in each of the 2 CV windows); the AutoETS form search
on the full history 12.2 s (30%); DynamicOptimizedTheta 6.3 s (15%); AutoETS re-estimating its form in CV
3.5 s (9%); the forecast engine's own pandas (choice, intervals, panel) about 2.5 s (6%). Inside the
models, statsmodels' `seasonal_decompose` (pandas `nanmean` on 5-value slices) took 4.5 s (11%) of their
initialisation. The process pools: the same run took 28.8 s of CPU in one process and 32.8 s with
statsforecast's pools (+14%), from about 16 pools started per chunk of 2,000 SKUs (a call per model
group, per CV window and per AutoETS form, and AutoETS's fit and predict in two pools, its fitted models
pickled back to the main process and out again). Changes, measured side by side on 600 SKUs under the
same load: one `StatsForecast.forecast` call per chunk (AutoETS reports its form through it) and
statsforecast's own `cross_validation` (both windows in one call per model group): 25.3 -> 22.6 s CPU;
AutoCES reporting its season type and CV re-estimating only that type (as AutoETS already did): 22.1 ->
19.2 s. Together about -24% CPU; the forecasts and model choice are those of before (within float32
rounding), the CV errors of AutoCES and of the median are re-estimated on the chosen season type."""


MEASURED = """Measured 2026-12-01. 10,000 SKUs on the local engine at 13:45 UTC on an idle machine (load average
0.2 at the start; other work began near its end): **151 s wall, 255 s CPU**, against the bars of 300 s wall on 2
idle cores or 560 s CPU, and 557 s wall / 637 s CPU before this engine (2026-11-27, same script). The same code
on a heavily loaded machine earlier that day (load average 10-18, niced): 311 s CPU, 2,456 s wall; a 2-worker
Dask LocalCluster there: the same model choice, 853 s CPU (not repeated on an idle machine). 100,000 SKUs on
the local engine from 16:26 UTC (load average 0.5 at the start; tests and edits ran beside it at nice 19, load
average 2.3-3.5): **1,699 s wall, 2,691 s CPU** (27 ms of CPU per SKU against 25 ms at 10,000: the engine scales
linearly), 1,971 MB resident in the main process at its peak and 1,138 MB in the largest pool worker; 1,800,000
forecast rows. An earlier run at nice 19 behind a model server was stopped after 23 of its 33 smooth chunks."""


def synthetic_history(n_skus: int, n_months: int, seed: int = 2026) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    periods = pd.date_range(end="2026-10-01", periods=n_months, freq="MS")
    t = np.arange(n_months)
    kind = rng.choice(["seasonal", "erratic", "intermittent"], size=n_skus, p=[0.45, 0.20, 0.35])
    y = np.empty((n_skus, n_months))
    level = rng.uniform(50, 500, n_skus)[:, None]
    seasonal = kind == "seasonal"
    phase = rng.integers(0, 12, n_skus)[:, None]
    swing = rng.uniform(0.1, 0.4, n_skus)[:, None]
    trend = rng.normal(0, 0.005, n_skus)[:, None]
    smooth = level * (1 + trend * t) * (1 + swing * np.sin(2 * np.pi * (t + phase) / 12))
    smooth *= rng.normal(1, 0.1, (n_skus, n_months))
    erratic = rng.gamma(1.2, level / 1.2, (n_skus, n_months))
    p = rng.uniform(0.2, 0.6, n_skus)[:, None]
    sizes = rng.integers(1, 21, (n_skus, n_months)) * rng.uniform(0.5, 3, n_skus)[:, None]
    intermittent = np.where(rng.random((n_skus, n_months)) < p, np.round(sizes), 0.0)
    y[seasonal] = smooth[seasonal]
    y[kind == "erratic"] = erratic[kind == "erratic"]
    y[kind == "intermittent"] = intermittent[kind == "intermittent"]
    y = np.round(np.clip(y, 0, None), 1)
    skus = np.array([f"SKU-{i:05d}" for i in range(n_skus)])
    return pd.DataFrame({"sku": np.repeat(skus, n_months), "period": np.tile(periods, n_skus),
                         "quantity": y.ravel()})


def one(engine: str, n_skus: int, n_months: int) -> dict:
    """One run in this process: the figures as a dict (printed as JSON by ``--one``)."""
    from sop_engine.forecast.backends import open_backend

    history = synthetic_history(n_skus, n_months)
    stages: dict[str, float] = {}
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()

    def progress(done: int, total: int, stage: str) -> None:
        stages[stage] = time.perf_counter() - t0
        print(f"  {engine} {n_skus}: [{done}/{total}] {stage} at {stages[stage]:.0f} s", file=sys.stderr,
              flush=True)

    cpu0 = cpu_seconds()
    address = None
    if engine == "dask":  # the benchmark's cluster: 2 workers of one thread
        from dask.distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        address = cluster.scheduler_address
    with open_backend(engine, address) as backend:
        result = forecast(history, ForecastSettings(), progress=progress, backend=backend)
    if engine == "dask":
        cluster.close()
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    own_mb, child_mb = peak_memory_mb()
    return {"engine": engine, "skus": n_skus, "months": n_months, "wall": wall, "cpu": cpu, "own_mb": own_mb,
            "child_mb": child_mb, "rows": len(result.values), "load": [load0, os.getloadavg()[0]],
            "classes": result.skus["demand_class"].value_counts().to_dict(),
            "models": result.skus["model"].value_counts().to_dict(), "stages": stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=60)
    parser.add_argument("--runs", default="local:10000,dask:10000,local:100000",
                        help="ENGINE:SKUS,... (engines: local, dask, ray, spark)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        engine, skus = args.one.split(":")
        print(json.dumps(one(engine, int(skus), args.months)))
        return
    # every run's figures are kept (by engine and size), so that runs made at different times share a table
    kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for spec in filter(None, args.runs.split(",")):  # --runs "": only rewrite the table from the kept figures
        out = subprocess.run([sys.executable, __file__, "--one", spec, "--months", str(args.months)],
                             stdout=subprocess.PIPE, text=True, check=True)
        run = json.loads(out.stdout.strip().splitlines()[-1]) | {"date": str(dt.date.today())}
        print(json.dumps(run), flush=True)
        kept = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        kept[f"{run['engine']}:{run['skus']}:{run['months']}"] = run
        RESULTS.write_text(json.dumps(kept, indent=1) + "\n")
    runs = sorted(kept.values(), key=lambda r: (r["skus"], r["engine"] != "local", r["engine"]))
    lines = [f"Synthetic SKUs x 60 months, default settings (horizon 18, 2 CV windows); {os.cpu_count()} cores.",
             "", "| run | date | wall | CPU, all processes | CPU / 2 | peak RSS main / largest worker | load average "
             "start / end |", "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
    for r in runs:
        name = f"{r['skus']:,} SKUs, {r['engine']}" + (" (LocalCluster, 2 workers)" if r["engine"] == "dask" else "")
        lines.append(f"| {name} | {r['date']} | {r['wall']:.0f} s | {r['cpu']:.0f} s | {r['cpu'] / 2:.0f} s | "
                     f"{r['own_mb']:.0f} / {r['child_mb']:.0f} MB | {r['load'][0]:.1f} / {r['load'][1]:.1f} |")
    for r in runs:
        lines += ["", f"{r['skus']:,} SKUs, {r['engine']}: demand classes "
                  + ", ".join(f"{k} {v}" for k, v in r["classes"].items()) + "; models chosen "
                  + ", ".join(f"{k} {v}" for k, v in r["models"].items()) + f"; {r['rows']:,} forecast rows. "
                  "Stage finished at (s): " + ", ".join(f"{k} {v:.0f}" for k, v in r["stages"].items()) + "."]
    lines += ["", MEASURED, "", PROFILE]
    lines += ["", "Command: `python benchmarks/scale_forecast.py --runs local:10000,dask:10000,local:100000` (the "
              "figures of each run are kept in `benchmarks/scale_forecast.json`)."]
    body = "\n".join(lines)
    print(SECTION)
    print(body)
    write_section(SECTION, body)


if __name__ == "__main__":
    main()
