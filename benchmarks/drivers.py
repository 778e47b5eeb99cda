"""Forecasts with demand drivers against the driver-free ones, on real data and on known truth.

1. M5 (``../shared/data/m5_sales_exog_small.csv.gz``): 8 Walmart food items, daily sales with sell prices and
   event flags, at the monthly grain users get (the partial last month dropped); drivers: ``price`` (the
   month's mean sell price) and ``event_days`` (days with any event); the last 12 months held out, their
   prices and events given as the plan. WAPE, bias, 80% interval coverage, time.
2. A generated company (``sop_engine.demo.drivers``) whose demand responds to ad spend: ``Responsive``
   (+10% ad spend = +3% units this month), ``Carryover`` (+3% this month, +1.5% the next), ``Steady`` (no
   response), and short-history SKUs in ``Responsive``: 36 months of history, 12 held out with the ad plan
   known. Held-out WAPE per family with and without drivers; the pooled estimate against the truth; a
   what-if doubling ad spend in one month against the true change of that month's demand.

Run: ``python benchmarks/drivers.py [--write]`` (``--write`` replaces the drivers section of
benchmarks/README.md). About a minute and a half on 2 shared cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sop_engine.demo.drivers import driver_company  # noqa: E402
from sop_engine.drivers import driver_values  # noqa: E402
from sop_engine.forecast import ForecastSettings, forecast  # noqa: E402
from sop_engine.forecast.drivers import forecast_with_drivers  # noqa: E402

M5 = next((p / "shared" / "data" / "m5_sales_exog_small.csv.gz" for p in ROOT.parents
           if (p / "shared" / "data" / "m5_sales_exog_small.csv.gz").exists()), ROOT.parent / "shared" / "data")
README = ROOT / "benchmarks" / "README.md"
HOLDOUT = 12
START, END = "<!-- drivers:start -->", "<!-- drivers:end -->"


def scores(values: pd.DataFrame, truth: pd.DataFrame) -> dict:
    m = values.merge(truth, on=["sku", "period"])
    err = m["forecast"] - m["quantity"]
    return {"wape": float(err.abs().sum() / m["quantity"].sum()), "bias": float(err.sum() / m["quantity"].sum()),
            "coverage80": float(((m["quantity"] >= m["lo_80"]) & (m["quantity"] <= m["hi_80"])).mean())}


def run(history, drivers, products, start, horizon=HOLDOUT):
    settings = ForecastSettings(horizon=horizon)
    families = products.set_index("sku")["family"]
    t0 = time.perf_counter()
    base = forecast(history, settings, start=start, families=families)
    t1 = time.perf_counter()
    values = driver_values(drivers, history if "price" in history else None, products, pd.Timestamp(start))
    driven = forecast_with_drivers(base, history[["sku", "period", "quantity"]], values, settings, start=start,
                                   families=families)
    t2 = time.perf_counter()
    return base, driven, t1 - t0, t2 - t0


def m5() -> list[list]:
    daily = pd.read_csv(M5, parse_dates=["ds"])
    daily["period"] = daily["ds"].dt.to_period("M").dt.to_timestamp()
    daily = daily[daily["period"] < daily["period"].max()]  # the last month is partial
    events = [c for c in daily.columns if c.startswith("event_type_")]
    daily["event_days"] = (daily[events].sum(axis=1) > 0).astype(int)
    monthly = daily.groupby(["unique_id", "period"], as_index=False).agg(
        quantity=("y", "sum"), price=("sell_price", "mean"), event_days=("event_days", "sum"))
    monthly = monthly.rename(columns={"unique_id": "sku"})
    cut = monthly["period"].max() - pd.DateOffset(months=HOLDOUT - 1)
    history = monthly[monthly["period"] < cut][["sku", "period", "quantity", "price"]]
    truth = monthly[monthly["period"] >= cut][["sku", "period", "quantity"]]
    drivers = pd.concat([
        monthly[["period", "sku"]].assign(driver="event_days", value=monthly["event_days"].astype(float)),
        monthly.loc[monthly["period"] >= cut, ["period", "sku"]].assign(
            driver="price", value=monthly.loc[monthly["period"] >= cut, "price"], kind="plan")],
        ignore_index=True)
    products = pd.DataFrame({"sku": monthly["sku"].unique(), "name": monthly["sku"].unique(), "family": "FOODS_1"})
    base, driven, t_base, t_all = run(history, drivers, products, cut.date())
    a, b = scores(base.values, truth), scores(driven.values, truth)
    used = int(driven.value_added["used"].sum())
    return [["driver-free", f"{a['wape']:.3f}", f"{a['bias']:+.3f}", f"{a['coverage80']:.2f}", f"{t_base:.1f}", "-"],
            ["with drivers (where CV earns it)", f"{b['wape']:.3f}", f"{b['bias']:+.3f}", f"{b['coverage80']:.2f}",
             f"{t_all:.1f}", f"{used} of {len(driven.value_added)}"]]


def generated(seed: int = 1):
    co = driver_company(seed=seed, history_months=48, horizon=12, skus_per_family=4, short_skus=2)
    hist = co.frames["sales_history"]
    cut = co.months[36]
    history = hist[hist["period"] < cut]
    truth = hist[hist["period"] >= cut]
    drivers = co.frames["drivers"].drop(columns=["kind"])  # the held-out months' ad spend is the plan
    products = co.frames["products"]
    base, driven, t_base, t_all = run(history, drivers, products, cut.date())
    fam = products.set_index("sku")["family"]
    long_skus = set(history.groupby("sku")["period"].count().loc[lambda n: n >= 36].index)
    rows = []
    for family in ("Responsive", "Carryover", "Steady"):
        skus = [s for s in fam.index[fam == family] if s in long_skus]
        t = truth[truth["sku"].isin(skus)]
        a = scores(base.values[base.values["sku"].isin(skus)], t)
        b = scores(driven.values[driven.values["sku"].isin(skus)], t)
        used = int(driven.value_added[driven.value_added["sku"].isin(skus)]["used"].sum())
        rows.append([seed, family, f"{a['wape']:.3f}", f"{b['wape']:.3f}", f"{(b['wape'] / a['wape'] - 1) * 100:+.0f}%",
                     f"{a['coverage80']:.2f} / {b['coverage80']:.2f}", f"{used} of {len(skus)}"])
    truth_effect = {"family Responsive": 3.0, "family Carryover": 4.5, "family Steady": 0.0}
    pools = [[seed, p["scope"], f"{truth_effect[p['scope']]:+.1f}%", f"{p['effect_pct']:+.2f}%", f"{p['se_pct']:.2f}",
              "yes" if p["significant"] else "no",
              f"{abs(p['effect_pct'] / truth_effect[p['scope']] - 1) * 100:.0f}%" if truth_effect[p["scope"]] else "-"]
             for p in driven.pools if p["scope"] in truth_effect]
    # what-if: ad spend doubled in the third held-out month; that month's demand against the true change
    month_i = 36 + 2
    doubled = co.ad.copy()
    doubled[month_i] *= 2
    effects = driven.effects.set_index("sku")
    whatif = []
    for family in ("Responsive", "Carryover"):
        true_total = model_total = 0.0
        ratios = []
        for sku in fam.index[fam == family]:
            true = co.true_demand(sku, doubled)[month_i] - co.true_demand(sku)[month_i]
            model = float(effects.at[sku, "coef"] * co.ad[month_i]) if sku in effects.index else 0.0
            true_total += true
            model_total += model
            ratios.append(model / true)
        within = sum(abs(r - 1) <= 0.25 for r in ratios)
        whatif.append([seed, family, f"{true_total:,.0f}", f"{model_total:,.0f}", f"{model_total / true_total:.2f}",
                       f"{within} of {len(ratios)}"])
    timing = f"company {seed}: {t_base:.1f} s driver-free, {t_all:.1f} s with drivers ({len(products)} SKUs)"
    return rows, pools, whatif, timing


def table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    return "\n".join(lines + ["| " + " | ".join(str(c) for c in r) + " |" for r in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="replace the drivers section of benchmarks/README.md")
    args = parser.parse_args()
    t0 = time.perf_counter()
    m5_rows = m5()
    rows, pools, whatif, timings = [], [], [], []
    for seed in (1, 2):
        r, p, w, t = generated(seed)
        rows, pools, whatif, timings = rows + r, pools + p, whatif + w, timings + [t]
    timing = "; ".join(timings)
    text = "\n\n".join([
        "### M5 food items, monthly, last 12 months held out (drivers: price, event days)",
        table(["forecast", "WAPE", "bias", "80% coverage", "time (s)", "SKUs using drivers"], m5_rows),
        "### Generated companies (seeds 1, 2): demand responding to ad spend (36 months of history, 12 held out)",
        table(["company", "family", "WAPE driver-free", "WAPE with drivers", "change", "80% coverage (free / drivers)",
               "SKUs using drivers"], rows),
        "Pooled effect of +10% ad spend (percent change of units), against the truth:",
        table(["company", "pool", "truth", "estimate", "std. error", "significant", "off by"], pools),
        "What-if: ad spend doubled in the third held-out month, that month's demand change (units):",
        table(["company", "family", "true change", "what-if change", "ratio", "SKUs within 25%"], whatif),
        f"Time: {timing}; whole benchmark {time.perf_counter() - t0:.0f} s on 2 shared cores.",
        "Reading: a SKU's forecast uses its drivers only where rolling-origin CV beat the best driver-free "
        "candidate by 5%; the others keep the driver-free forecast, and their effect (for answers and what-ifs) "
        "comes from the family pool when that pool is significant. The M5 items are low-volume, intermittent "
        "monthly series where price and event days add little. The driver model's 80% intervals (its own, widened "
        "to the quantiles of its CV errors) still cover fewer held-out months than nominal in some families.",
    ])
    print(text)
    if args.write:
        readme = README.read_text(encoding="utf-8")
        section = f"{START}\n## Forecasts with demand drivers (`benchmarks/drivers.py`)\n\n{text}\n{END}"
        if START in readme:
            readme = readme[:readme.index(START)] + section + readme[readme.index(END) + len(END):]
        else:
            readme = readme.rstrip() + "\n\n" + section + "\n"
        README.write_text(readme, encoding="utf-8")


if __name__ == "__main__":
    main()
