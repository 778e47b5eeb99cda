"""Gaps and KPIs at scale: 10,000 synthetic SKUs, timed per question once the data is loaded.

Run: ``python benchmarks/planning_scale.py [--skus 10000|100000] [--store sqlite|postgresql] [--seed N]``:
the company loaded into a plan store (a new SQLite file, or PostgreSQL at SOP_DATABASE_URL) and asked through
``sop_engine.service`` about SKUs, families and KPIs drawn at random each run; p50/p95 per kind of question
and peak memory, into the section "## Planning answers at N SKUs (store)" of benchmarks/README.md.
``--engine``: the engine in memory question by question, into "## Gaps and KPIs at scale".
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
from readme import write_section

from sop_engine.contract import Company
from sop_engine.kpi import compute_kpi
from sop_engine.plandata import PlanData
from sop_engine.planning import gaps_document, what_if_document

SECTION = "## Gaps and KPIs at scale"
PLANNING_DATE = date(2026, 11, 15)
# The engine before vectorisation (commit 07aaca1), same script, same machine, run minutes before the
# current engine on 2026-11-27 (load average 2.6-3.1); kept as text so the table can be compared.
BEFORE = (
    "Before (engine of commit 07aaca1, same script and machine, measured minutes earlier, load average "
    "2.6-3.0), best of 3: all SKUs 6 months with cover options 1.730 s; all SKUs 12 months 2.838 s; one "
    "family 0.441 s; one SKU 0.304-0.384 s (0.245-0.297 s now, in interleaved runs of 9); what-if 1.122 s; "
    "KPIs unchanged (kpi/ was not modified)."
)
STORE_BEFORE = (
    "Through the SQLite plan store before the kept plans (the same company, `sop_engine.service.planning`, "
    "2026-11-27): load 17.0 s; first question after a write 4.136 s (it read every table again); one SKU "
    "0.375 s, one family 0.446 s, kpi wape 0.378 s from the read cache. Now: `python "
    "benchmarks/planning_scale.py --skus 10000` (its own section below)."
)


def synthetic(n: int, seed: int = 7) -> tuple[PlanData, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    skus = np.array([f"S{i:05d}" for i in range(n)])
    families = np.array([f"Family {i % 40:02d}" for i in range(n)])
    products = pd.DataFrame(
        {
            "sku": skus,
            "name": [f"Product {s}" for s in skus],
            "family": families,
            "unit_price": rng.uniform(2, 50, n).round(2),
            "safety_stock": rng.integers(0, 50, n) * 1.0,
            "lead_time_days": rng.integers(5, 90, n) * 1.0,
            "status": "active",
            "plant": np.where(np.arange(n) % 2, "P1", "P2"),
            "uom": "units",
            "min_order_qty": rng.integers(0, 200, n) * 1.0,
        }
    )
    products["unit_cost"] = (products["unit_price"] * rng.uniform(0.4, 0.9, n)).round(2)
    level = rng.gamma(2.0, 50.0, n)
    hist_months = pd.date_range("2024-11-01", "2026-10-01", freq="MS")
    sales = pd.DataFrame(
        {
            "sku": np.repeat(skus, len(hist_months)),
            "period": np.tile(hist_months, n),
            "quantity": rng.poisson(np.repeat(level, len(hist_months))).astype(float),
        }
    )
    fut = pd.date_range("2026-11-01", periods=18, freq="MS")
    f = np.repeat(level, len(fut))
    sd = 0.3 * f
    demand = pd.DataFrame(
        {
            "sku": np.repeat(skus, len(fut)),
            "period": np.tile(fut, n),
            "forecast": f,
            "lo_80": f - 1.2816 * sd,
            "hi_80": f + 1.2816 * sd,
            "lo_95": f - 1.96 * sd,
            "hi_95": f + 1.96 * sd,
        }
    )
    inventory = pd.DataFrame(
        {
            "sku": skus,
            "on_hand": (level * rng.uniform(0, 4, n)).round(),
            "as_of": pd.Timestamp("2026-11-01"),
            "location": "W1",
            "allocated": 0.0,
        }
    )
    m = 2 * n
    supply = pd.DataFrame(
        {
            "sku": rng.choice(skus, m),
            "due_date": pd.Timestamp("2026-10-01") + pd.to_timedelta(rng.integers(0, 240, m), unit="D"),
            "quantity": rng.integers(50, 500, m) * 1.0,
            "kind": "purchase_order",
            "status": "firm",
            "ref": [f"PO-{i}" for i in range(m)],
            "supplier": None,
        }
    )
    resources = [f"L{i}" for i in range(20)]
    cap_months = hist_months.append(fut)
    capacity = pd.DataFrame(
        [
            {"resource": r, "period": p, "available_hours": float(rng.integers(7000, 11000)), "plant": "P1"}
            for r in resources
            for p in cap_months
        ]
    )
    routing = pd.DataFrame(
        {
            "sku": np.concatenate([skus, skus[::3]]),
            "resource": np.concatenate([rng.choice(resources, n), rng.choice(resources, len(skus[::3]))]),
            "hours_per_unit": np.concatenate(
                [rng.uniform(0.05, 0.3, n), rng.uniform(0.1, 0.4, len(skus[::3]))]
            ),
        }
    )
    routing = routing.drop_duplicates(["sku", "resource"])
    snaps = []
    for lag_months in (1, 2):
        made = hist_months[-6:] - pd.DateOffset(months=lag_months)
        snaps.append(
            pd.DataFrame(
                {
                    "sku": np.repeat(skus, 6),
                    "made_on": np.tile(made + pd.Timedelta(days=10), n),
                    "period": np.tile(hist_months[-6:], n),
                    "quantity": np.repeat(level, 6) * rng.uniform(0.8, 1.2, 6 * n),
                    "source": "statistical",
                }
            )
        )
    orders_n = 5 * n
    req = pd.Timestamp("2026-05-01") + pd.to_timedelta(rng.integers(0, 180, orders_n), unit="D")
    qty = rng.integers(1, 50, orders_n) * 1.0
    orders = pd.DataFrame(
        {
            "order_id": [f"O{i}" for i in range(orders_n)],
            "sku": rng.choice(skus, orders_n),
            "order_date": req - pd.Timedelta(days=7),
            "requested_date": req,
            "quantity": qty,
            "shipped_quantity": np.minimum(qty, rng.integers(0, 55, orders_n)),
            "ship_date": req + pd.to_timedelta(rng.integers(-3, 4, orders_n), unit="D"),
            "customer": "C",
        }
    )
    tables = {
        "products": products,
        "sales_history": sales,
        "inventory": inventory,
        "supply": supply,
        "capacity": capacity,
        "routing": routing,
        "forecast_snapshots": pd.concat(snaps, ignore_index=True),
        "orders": orders,
    }
    data = PlanData(
        planning_date=PLANNING_DATE, company=Company(name="Synthetic"), tables=tables, provided=set(tables)
    )
    return data, demand


def open_store(kind: str, folder: Path):
    """A plan store for the run: a new SQLite file, or PostgreSQL at SOP_DATABASE_URL (its contract tables are
    replaced by the load; forecast versions pile up, so give it a database of its own)."""
    from sop_engine.store import PlanStore

    if kind == "postgresql":
        url = os.environ.get("SOP_DATABASE_URL", "")
        if not url.startswith("postgresql"):
            raise SystemExit("--store postgresql needs SOP_DATABASE_URL=postgresql+psycopg://USER@HOST/DB")
        return PlanStore(url)
    return PlanStore(f"sqlite:///{folder / 'plan.db'}")


def load_store(store, data: PlanData, demand: pd.DataFrame, folder: Path) -> float:
    from sop_engine.contract import TABLES
    from sop_engine.dataset.validate import Dataset
    from sop_engine.store import forecasts as versions

    frames = {name: data.table(name).reindex(columns=[c.name for c in spec.columns])
              for name, spec in TABLES.items() if data.has(name)}
    started = time.perf_counter()
    store.replace_dataset(Dataset(folder, frames, data.company), "bench")
    values = demand.assign(model="bench")
    info = pd.DataFrame({"sku": values["sku"].unique(), "model": "bench"})
    version = versions.create_version(store, values, info, scope={"kind": "all"}, parameters={}, note=None,
                                      principal="bench")
    versions.publish(store, version, "bench")
    return time.perf_counter() - started


KPIS = ("wape", "bias", "mape", "tracking_signal", "fill_rate", "otif", "days_of_supply", "capacity_utilization")


def service_questions(store, data: PlanData, rng: np.random.Generator, n_sku: int, n_all: int) -> list[tuple]:
    """Questions through ``sop_engine.service.planning`` (what the CLI, the tools and HTTP call), about SKUs,
    families and KPIs drawn at random: (question, seconds of each ask, answer of the last)."""
    from sop_engine.service import planning
    from sop_engine.service.forecasting import override_forecast
    from sop_engine.store import forecasts as versions

    skus = data.products["sku"].to_numpy()
    families = sorted(data.products["family"].unique())
    months = ["2026-12", "2027-01", "2027-03", "next month", "Q1"]
    rows = []

    def timed(name: str, asks: list) -> None:
        seconds, cpu, out = [], [], None
        for ask in asks:
            started, used = time.perf_counter(), time.process_time()
            out = ask()
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        rows.append((name, seconds, cpu, describe(out)))

    def gaps(**kw):
        return lambda: planning.gaps(store, PLANNING_DATE, **kw)

    timed("first question after the full load: one SKU's shortages (reads the store, builds the plans)",
          [gaps(sku=str(rng.choice(skus)), months=6)])
    timed("one SKU's shortages, 6 months", [gaps(sku=str(s), months=6) for s in rng.choice(skus, n_sku)])
    timed("one SKU's shortages in a month or period (words)",
          [gaps(sku=str(s), period=str(rng.choice(months))) for s in rng.choice(skus, n_sku)])
    timed("a family's shortages, 6 months", [gaps(family=str(f), months=6) for f in rng.choice(families, n_sku // 2)])
    timed("all SKUs' shortages, 6 months", [gaps(months=6) for _ in range(n_all)])
    kpi_asks = []
    for _ in range(n_sku):
        name, scope = str(rng.choice(KPIS)), int(rng.integers(3))
        kw = ({}, {"family": str(rng.choice(families))}, {"sku": str(rng.choice(skus))})[scope]
        kpi_asks.append(lambda name=name, kw=kw: planning.kpi(store, PLANNING_DATE, name, **kw))
    timed("a KPI (name and scope: all, a family or a SKU, drawn at random)", kpi_asks)

    def after_override():
        sku = str(rng.choice(skus))
        override_forecast(store, PLANNING_DATE, sku, "2027-01", float(rng.integers(0, 5000)), "bench", "bench")
        return planning.gaps(store, PLANNING_DATE, sku=str(rng.choice(skus)), months=6)

    timed("first question after an override (a write): one SKU's shortages", [after_override for _ in range(3)])

    def after_family_publish():
        family = str(rng.choice(families))
        members = data.products.loc[data.products["family"] == family, "sku"].tolist()
        values = versions.published_values(store, members).drop(columns=["version"])
        values = values.assign(forecast=values["forecast"] * float(rng.uniform(0.8, 1.2)))
        info = pd.DataFrame({"sku": members, "model": "bench"})
        version = versions.create_version(store, values, info, scope={"kind": "family", "family": family},
                                          parameters={}, note=None, principal="bench")
        versions.publish(store, version, "bench")
        started, used = time.perf_counter(), time.process_time()
        out = planning.gaps(store, PLANNING_DATE, family=str(rng.choice(families)), months=6)
        return out, time.perf_counter() - started, time.process_time() - used

    seconds, cpu, out = [], [], None
    for _ in range(2):  # timed from after the publish (the write itself is not the question)
        out, took, used = after_family_publish()
        seconds.append(took)
        cpu.append(used)
    rows.append(("first question after a one-family publish: a family's shortages", seconds, cpu, describe(out)))

    from sop_engine.contract import TABLES
    from sop_engine.dataset.validate import Dataset

    frames = {name: data.table(name).reindex(columns=[c.name for c in spec.columns])
              for name, spec in TABLES.items() if data.has(name)}
    store.replace_dataset(Dataset(Path("."), frames, data.company), "bench")  # the company's data loaded again
    timed("first question after the company's data is loaded again (the running process): one SKU's shortages",
          [gaps(sku=str(rng.choice(skus)), months=6)])
    return rows


def describe(out) -> str:
    if isinstance(out, dict) and "skus" in out:
        return f"{len(out['skus'])} SKUs"
    if isinstance(out, dict) and "value" in out:
        return f"{out['name']} {out.get('value')}"
    return ""


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q, method="higher")) if values else float("nan")


def peak_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def service_main(args) -> None:
    seed = args.seed if args.seed is not None else int(time.time()) % 10**6
    rng = np.random.default_rng(seed)
    load_start = os.getloadavg()[0]
    cpu_start = time.process_time()
    data, demand = synthetic(args.skus)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(args.store, Path(folder))
        load = load_store(store, data, demand, Path(folder))
        peak_load = peak_mib()
        many = 20 if args.skus <= 20_000 else 10
        rows = service_questions(store, data, rng, many, 5 if args.skus <= 20_000 else 3)
        store.engine.dispose()
    table = ["| question (through `sop_engine.service.planning`) | asked | p50 ms | p95 ms | max ms | CPU p50 ms | "
             "CPU p95 ms | answer |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    table += [f"| {n} | {len(s)} | {pct(s, 50) * 1000:.0f} | {pct(s, 95) * 1000:.0f} | {max(s) * 1000:.0f} | "
              f"{pct(c, 50) * 1000:.0f} | {pct(c, 95) * 1000:.0f} | {a} |" for n, s, c, a in rows]
    text = "\n".join([
        f"`python benchmarks/planning_scale.py --skus {args.skus} --store {args.store}` (draw seed {seed}): "
        f"{args.skus:,} synthetic SKUs ({len(data.products['family'].unique())} families, {2 * args.skus:,} open "
        f"orders, 20 resources, 24 months of history and {5 * args.skus:,} order lines), loaded into "
        f"{'a new SQLite file' if args.store == 'sqlite' else 'PostgreSQL'} with a published forecast of "
        f"{len(demand):,} rows in {load:.0f} s. Each question is asked through the service, as the CLI, the "
        "tools and HTTP ask it, about SKUs, families, periods and KPIs drawn at random for this run. Peak memory "
        f"(resident, the whole process): {peak_load:,.0f} MiB after the load, {peak_mib():,.0f} MiB at the end. "
        f"CPU {time.process_time() - cpu_start:.0f} s. Machine: {platform.machine()}, {os.cpu_count()} cores "
        f"shared with other jobs (load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the "
        "end): the wall times grow with the load; the CPU times (this process's, per question) hardly do.",
        "",
        *table,
        "",
        "The server keeps, per store version, the capacity plan of each projection window (scarce hours are "
        "ranked across every SKU, so the plan is computed over all of them once and a one-SKU answer reuses it; "
        "a window inside one already kept is cut out of it, since a month's allocation depends on that month "
        "alone: tests/sop_engine/planning/test_capacity_windows.py), the checked demand, the product index and "
        "the KPIs' keyed frames; a write invalidates only what its "
        "audit action touches (an override: the forecasts and the plans, not the loaded data), and a publish "
        "re-reads only the SKUs whose published version changed (`sop_engine/service/plan_cache.py`). The same "
        "answers as computing everything afresh: tests/sop_engine/store/test_plan_cache.py.",
    ])
    heading = f"## Planning answers at {args.skus:,} SKUs ({args.store})"
    print(f"{heading}\n\n{text}")
    if not args.no_readme:
        write_section(heading, text)


def measure(fn, runs: int = 3) -> tuple[float, float, float, object]:
    """(best and median seconds of ``runs`` plain runs, peak MiB from one more, traced run, the answer).

    Best of several runs because the machine is shared: the best run is the question's own cost, the
    median shows what other load added. tracemalloc slows Python down, so memory has its own run."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return min(times), float(np.median(times)), peak / 2**20, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skus", type=int, default=10_000)
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite",
                        help="where the service questions read: a new SQLite file, or SOP_DATABASE_URL")
    parser.add_argument("--engine", action="store_true",
                        help="the engine in memory, question by question (the section 'Gaps and KPIs at scale')")
    parser.add_argument("--seed", type=int, default=None, help="the draw of SKUs, families and KPIs (default: new)")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    if not args.engine:
        service_main(args)
        return
    load_start = os.getloadavg()[0]
    t0 = time.perf_counter()
    data, demand = synthetic(args.skus)
    build = time.perf_counter() - t0
    source = {"kind": "published", "version": 1}
    questions = [
        ("gaps, all SKUs, 6 months, with cover options", lambda: gaps_document(data, demand, source)),
        (
            "gaps, all SKUs, 6 months, with cover options, only_short=True",
            lambda: gaps_document(data, demand, source, only_short=True),
        ),
        (
            "gaps, all SKUs, 12 months, no cover options",
            lambda: gaps_document(data, demand, source, months=12, with_cover_options=False),
        ),
        ("gaps, one family (250 SKUs)", lambda: gaps_document(data, demand, source, family="Family 07")),
        (
            "gaps, one SKU, one period",
            lambda: gaps_document(data, demand, source, sku="S00042", period="2027-03"),
        ),
        (
            "what-if: family +20%, one order cancelled",
            lambda: what_if_document(
                data,
                demand,
                source,
                {
                    "demand_changes": [{"family": "Family 07", "pct": 20}],
                    "supply_changes": [{"ref": "PO-3", "cancel": True}],
                },
                family="Family 07",
            ),
        ),
        ("kpi wape, all SKUs, lag 1", lambda: compute_kpi(data, "wape")),
        ("kpi bias, one family, lag 2", lambda: compute_kpi(data, "bias", family="Family 07", lag=2)),
        ("kpi tracking_signal, all SKUs", lambda: compute_kpi(data, "tracking_signal")),
        ("kpi fill_rate, all SKUs", lambda: compute_kpi(data, "fill_rate")),
        ("kpi otif, all SKUs", lambda: compute_kpi(data, "otif")),
        ("kpi days_of_supply, all SKUs", lambda: compute_kpi(data, "days_of_supply")),
        ("kpi capacity_utilization, all SKUs", lambda: compute_kpi(data, "capacity_utilization")),
    ]
    measure(questions[0][1])  # warm-up: first-call imports are not a question's cost
    rows = []
    for name, fn in questions:
        seconds, median, peak, out = measure(fn)
        extra = ""
        if isinstance(out, dict) and "skus" in out:
            extra = f"{len(out['skus'])} SKUs, {sum(1 for s in out['skus'] if s['total_shortage'] > 0)} short"
        elif isinstance(out, dict) and "value" in out:
            extra = f"value {out['value']} ({out['coverage']})"
        elif isinstance(out, dict) and "changes" in out:
            extra = f"{len(out['changes'])} SKUs changed"
        rows.append((name, seconds, median, peak, extra))
    table = [
        "| question | seconds (best of 3) | median of 3 | peak memory (MiB) | answer |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    table += [f"| {n} | {s:.3f} | {m:.3f} | {p:.1f} | {e} |" for n, s, m, p, e in rows]
    text = "\n".join(
        [
            f"`python benchmarks/planning_scale.py --skus {args.skus}`: {args.skus:,} synthetic SKUs "
            f"(40 families, {2 * args.skus:,} open orders, 20 resources, 24 months of history, "
            f"{5 * args.skus:,} order lines), "
            f"built in {build:.1f} s; each question run 3 times after a warm-up call, data already in memory. "
            "Peak memory is what the question allocates (tracemalloc, on a second run: tracing slows code). "
            f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores "
            f"(load average {load_start:.1f} at the start and {os.getloadavg()[0]:.1f} at the end of the run: "
            "other jobs shared the machine), "
            f"Python {platform.python_version()}, pandas {pd.__version__}.",
            "",
            *table,
            "",
            "Every gap question runs the capacity check over every SKU's demand (resources are shared and "
            "overflow spills between them, so the load on one SKU's lines depends on all SKUs); it is "
            "vectorised on integer resource-month keys (~0.1-0.15 s for 10,000 SKUs), which is most of a "
            "one-SKU question. A whole-company document holds one entry per SKU and month (70,000-130,000 "
            "dicts) plus cover options; it is built from plain lists with the cyclic garbage collector "
            "paused. The documents are byte-for-byte those of the earlier engine "
            "(tests/sop_engine/planning/test_frozen_documents.py).",
            "",
            BEFORE,
            "",
            STORE_BEFORE,
            "",
        ]
    )
    print(f"{SECTION}\n\n{text}")
    if not args.no_readme:
        write_section(SECTION, text)


if __name__ == "__main__":
    main()
