"""Re-forecast of 10,000 synthetic SKUs x 60 months with the default settings: wall time, CPU time and
peak memory.

    python benchmarks/scale_forecast.py [--skus 10000] [--months 60]

The SKUs (fixed seed 2026): 45% seasonal smooth (level 50..500, trend, yearly swing, 10% noise),
20% erratic (gamma-distributed sizes every month), 35% intermittent or lumpy (a sale in 20..60% of
months, sizes 1..20). Wall time depends on what else shares the 2 cores; CPU time (all processes) does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=10_000)
    parser.add_argument("--months", type=int, default=60)
    args = parser.parse_args()
    history = synthetic_history(args.skus, args.months)
    stages: dict[str, float] = {}
    t0 = time.perf_counter()

    def progress(done: int, total: int, stage: str) -> None:
        stages[stage] = time.perf_counter() - t0
        print(f"  [{done}/{total}] {stage} at {stages[stage]:.0f} s", file=sys.stderr, flush=True)

    cpu0 = cpu_seconds()
    result = forecast(history, ForecastSettings(), progress=progress)
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    own_mb, child_mb = peak_memory_mb()
    classes = result.skus["demand_class"].value_counts()
    models = result.skus["model"].value_counts()
    lines = [f"{args.skus:,} SKUs x {args.months} months, default settings (horizon 18, 2 CV windows); "
             f"{dt.date.today()}.", "",
             "| measure | value |", "| --- | --- |",
             f"| wall time | {wall:.0f} s |", f"| CPU time, all processes | {cpu:.0f} s |",
             f"| ideal wall on 2 idle cores (CPU / 2) | {cpu / 2:.0f} s |",
             f"| peak RSS, main process | {own_mb:.0f} MB |", f"| peak RSS, largest worker | {child_mb:.0f} MB |",
             f"| forecast rows | {len(result.values):,} |",
             "| demand classes | " + ", ".join(f"{k} {v}" for k, v in classes.items()) + " |",
             "| models chosen | " + ", ".join(f"{k} {v}" for k, v in models.items()) + " |",
             "", "Stage finished at (s): " + ", ".join(f"{k} {v:.0f}" for k, v in stages.items()) + ".",
             "", f"Command: `python benchmarks/scale_forecast.py --skus {args.skus} --months {args.months}`"]
    body = "\n".join(lines)
    print(SECTION)
    print(body)
    write_section(SECTION, body)


if __name__ == "__main__":
    main()
