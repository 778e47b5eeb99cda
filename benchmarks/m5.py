"""Eight real Walmart food items (M5) bucketed to months: our default forecast against SeasonalNaive and
CrostonOptimized on the last 6 complete months.

    python benchmarks/m5.py [PATH_TO_m5_sales_exog_small.csv.gz]

Daily sales are summed per calendar month; the partial first (2011-01) and last (2016-06) months are
dropped, leaving 2011-02..2016-05. The last 6 months (2015-12..2016-05) are held out; every method is
run through ``sop_engine.forecast.forecast`` on the months before (the two baselines as
``ForecastSettings(method=...)``). WAPE = sum|actual - forecast| / sum actual; bias = sum(forecast -
actual) / sum actual; coverage = share of held-out months inside the 80% / 95% bands.
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
from m3 import DATA, REPO  # noqa: E402
from readme import write_section  # noqa: E402

sys.path.insert(0, str(REPO))
from sop_engine.forecast import ForecastSettings, forecast  # noqa: E402

SECTION = "## Intermittent demand: M5"
HOLDOUT = 6


def monthly(path: Path) -> pd.DataFrame:
    daily = pd.read_csv(path, usecols=["unique_id", "ds", "y"], parse_dates=["ds"])
    daily["period"] = daily["ds"].dt.to_period("M").dt.to_timestamp()
    first, last = daily["ds"].min(), daily["ds"].max()
    complete = (daily["period"] > first) if first.day != 1 else daily["period"] >= first
    if (last + pd.Timedelta(days=1)).day != 1:
        complete &= daily["period"] < last.to_period("M").to_timestamp()
    months = daily[complete].groupby(["unique_id", "period"], as_index=False)["y"].sum()
    return months.rename(columns={"unique_id": "sku", "y": "quantity"})


def score(result, actual: pd.DataFrame) -> dict[str, float]:
    merged = actual.merge(result.values, on=["sku", "period"])
    y, f = merged["quantity"].to_numpy(), merged["forecast"].to_numpy()
    return {"WAPE %": 100 * np.abs(y - f).sum() / y.sum(), "MAE": np.abs(y - f).mean(),
            "bias %": 100 * (f - y).sum() / y.sum(),
            "80% cover": 100 * np.mean((y >= merged["lo_80"]) & (y <= merged["hi_80"])),
            "95% cover": 100 * np.mean((y >= merged["lo_95"]) & (y <= merged["hi_95"]))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DATA / "m5_sales_exog_small.csv.gz"))
    args = parser.parse_args()
    months = monthly(Path(args.path))
    cut = months["period"].max() - pd.DateOffset(months=HOLDOUT - 1)
    history, actual = months[months["period"] < cut], months[months["period"] >= cut]

    rows, default = [], None
    for label, method in (("sop_engine default (auto)", "auto"), ("SeasonalNaive", "SeasonalNaive"),
                          ("CrostonOptimized", "CrostonOptimized")):
        t0 = time.perf_counter()
        result = forecast(history, ForecastSettings(horizon=HOLDOUT, method=method))
        rows.append((label, score(result, actual), time.perf_counter() - t0))
        default = default or result
    metrics = list(rows[0][1])
    lines = [f"8 items, {history['period'].min():%Y-%m}..{history['period'].max():%Y-%m} as history, "
             f"{cut:%Y-%m}..{months['period'].max():%Y-%m} held out (last {HOLDOUT} complete months); "
             f"{dt.date.today()}.", "",
             "| method | " + " | ".join(metrics) + " | time s |", "| --- |" + " --- |" * (len(metrics) + 1)]
    lines += [f"| {label} | " + " | ".join(f"{m[k]:.1f}" if k != "MAE" else f"{m[k]:.2f}" for k in metrics)
              + f" | {secs:.1f} |" for label, m, secs in rows]
    table = default.skus[["sku", "demand_class", "adi", "cv2", "model"]]
    lines += ["", "Our default per item:", "", "| sku | class | ADI | CV² | model |",
              "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r.sku} | {r.demand_class} | {r.adi:.2f} | {r.cv2:.2f} | {r.model} |"
              for r in table.itertuples()]
    lines += ["", "Daily sales summed to calendar months; partial first and last months dropped. "
              "57% of days are zero, but few months are: at monthly grain most items are smooth or erratic.",
              "", "Command: `python benchmarks/m5.py`"]
    body = "\n".join(lines)
    print(SECTION)
    print(body)
    write_section(SECTION, body)


if __name__ == "__main__":
    main()
