"""M3 monthly (1,428 series, 18 held-out months) through ``sop_engine.forecast.forecast`` with default
settings, scored by sMAPE next to the forecasts the M3 competitors submitted.

    python benchmarks/m3.py [PATH_TO_m3_monthly.csv.gz] [--validation]

Default data path: ``../shared/data`` beside the repository root. Only the ``train`` months are given to
the forecaster; ``test`` months are used for scoring only. ``--validation`` instead holds out the last
18 train months and scores on them (the split used to make design choices; it never touches test).

M3 series end in different months and some have no calendar; the forecaster carries every SKU to one
common last month, so each series is relabelled to end in 2000-12 (positions kept, months shifted; the
models are calendar-free). Also holds ``write_section``, used by the other forecast benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from readme import write_section  # noqa: E402

from sop_engine.forecast import ForecastSettings, forecast  # noqa: E402

DATA = REPO.parent / "shared" / "data"
SECTION = "## Forecast accuracy: M3 monthly"


def peak_memory_mb() -> tuple[float, float]:
    """(peak RSS of this process, peak RSS of the largest child process) in MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def cpu_seconds() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def smape(y: np.ndarray, yhat: np.ndarray) -> np.ndarray:
    denom = np.abs(y) + np.abs(yhat)
    return np.where(denom == 0, 0.0, 200 * np.abs(y - yhat) / np.where(denom == 0, 1, denom))


def load(path: Path, validation: bool) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    raw = pd.read_csv(path)
    category = raw.groupby("unique_id")["category"].first()
    train = raw[raw["split"] == "train"].copy()
    test = raw[raw["split"] == "test"].copy()
    if validation:
        train["k"] = train.groupby("unique_id").cumcount(ascending=False)
        test = train[train["k"] < 18].drop(columns="k")
        train = train[train["k"] >= 18].drop(columns="k")
    train = train.sort_values(["unique_id", "ds"])
    month = 2000 * 12 + 11 - train.groupby("unique_id").cumcount(ascending=False).to_numpy()
    period = pd.to_datetime(pd.DataFrame({"year": month // 12, "month": month % 12 + 1, "day": 1}))
    history = pd.DataFrame({"sku": train["unique_id"].to_numpy(), "period": period.to_numpy(),
                            "quantity": train["y"].to_numpy()})
    test = test.sort_values(["unique_id", "ds"])
    test["step"] = test.groupby("unique_id").cumcount() + 1
    return history, test[["unique_id", "step", "y"]], category


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "m3_monthly.csv.gz"))
    parser.add_argument("--validation", action="store_true")
    args = parser.parse_args()
    path = Path(args.path)
    history, test, category = load(path, args.validation)

    cpu0, t0 = cpu_seconds(), time.perf_counter()
    result = forecast(history, ForecastSettings())
    wall, cpu = time.perf_counter() - t0, cpu_seconds() - cpu0
    own_mb, child_mb = peak_memory_mb()
    # machine-speed yardstick: one plain statsforecast model on the same data, same process
    from statsforecast import StatsForecast
    from statsforecast.models import DynamicOptimizedTheta

    t1 = time.perf_counter()
    StatsForecast(models=[DynamicOptimizedTheta(season_length=12)], freq="MS", n_jobs=-1).forecast(
        df=history.rename(columns={"sku": "unique_id", "period": "ds", "quantity": "y"}), h=18)
    yardstick = time.perf_counter() - t1

    values = result.values.copy()
    values["step"] = values.groupby("sku").cumcount() + 1
    scored = test.merge(values.rename(columns={"sku": "unique_id"}), on=["unique_id", "step"], how="left")
    scored["smape"] = smape(scored["y"].to_numpy(), scored["forecast"].to_numpy())
    ours = float(scored["smape"].mean())
    by_cat = scored.assign(category=scored["unique_id"].map(category)).groupby("category")["smape"].mean()

    rows = [("sop_engine.forecast (default auto)", ours)]
    published = path.parent / "m3_monthly_published_forecasts.csv.gz"
    if published.exists() and not args.validation:
        pub = pd.read_csv(published).rename(columns={"h": "step"})
        pub = pub.merge(test, on=["unique_id", "step"])
        for method, part in pub.groupby("method"):
            rows.append((f"{method} (published M3 forecast)", float(smape(part["y"].to_numpy(),
                                                                          part["yhat"].to_numpy()).mean())))
    rows.sort(key=lambda r: r[1])
    models = result.skus["model"].value_counts()
    split = "validation (last 18 train months)" if args.validation else "test (18 held-out months)"
    lines = [f"1,428 series, h = 18, scored on {split}. Wall {wall:.1f} s, CPU {cpu:.1f} s (all processes), "
             f"peak RSS {own_mb:.0f} MB main + {child_mb:.0f} MB largest worker; {dt.date.today()}.",
             "", "| method | sMAPE |", "| --- | --- |"]
    lines += [f"| {name} | {value:.2f} |" for name, value in rows]
    lines += ["", "sMAPE by category (ours):", "", "| category | series | sMAPE |", "| --- | --- | --- |"]
    counts = category.value_counts()
    lines += [f"| {cat} | {counts[cat]} | {v:.2f} |" for cat, v in by_cat.items()]
    lines += ["", "Models chosen: " + ", ".join(f"{m} {n}" for m, n in models.items()) + ".",
              "", "Series are relabelled to end in 2000-12 (the models use positions, not the calendar); "
              "nothing is tuned on the test months (design choices were made with `--validation`).", "",
              f"Yardstick: plain statsforecast DynamicOptimizedTheta on the same data took {yardstick:.1f} s "
              "in this run, against 2 s in the project's reference figures (an idle 2-core machine): read "
              "the wall time above with that in mind; the 60 s target is for the reference machine.", "",
              f"Command: `python benchmarks/m3.py{' --validation' if args.validation else ''}` "
              "(2 cores; wall time grows when other jobs share the cores, CPU time does not)."]
    body = "\n".join(lines)
    print(SECTION)
    print(body)
    if not args.validation:
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
