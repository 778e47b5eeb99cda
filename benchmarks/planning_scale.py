"""Gaps and KPIs at scale: 10,000 synthetic SKUs, timed per question once the data is loaded.

Run: ``python benchmarks/planning_scale.py [--skus 10000] [--store sqlite|postgresql] [--database-url URL]``
(``--store postgresql`` asks the store questions of a PostgreSQL database, by default SOP_TEST_POSTGRES_URL's,
which is emptied first: give it a scratch database). Prints a table and writes it into the section
"## Gaps and KPIs at scale" of benchmarks/README.md (other sections are left as they are).
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


def store_questions(data: PlanData, demand: pd.DataFrame, url: str) -> list[tuple[str, float, str]]:
    """The same company in a plan store (SQLite or PostgreSQL): questions through ``sop_engine.service.planning``,
    as the CLI, the tools and the HTTP API ask them. The first question reads the store; the next ones reuse the
    store's read cache until something is written (a server answers many questions per load)."""
    from sop_engine.contract import TABLES
    from sop_engine.dataset.validate import Dataset
    from sop_engine.service import planning
    from sop_engine.store import PlanStore
    from sop_engine.store import forecasts as versions

    store = PlanStore(url)
    folder = Path(url.removeprefix("sqlite:///")).parent
    frames = {name: data.table(name).reindex(columns=[c.name for c in spec.columns])
              for name, spec in TABLES.items() if data.has(name)}
    started = time.perf_counter()
    store.replace_dataset(Dataset(folder, frames, data.company), "bench")
    values = demand.assign(model="bench")
    info = pd.DataFrame({"sku": values["sku"].unique(), "model": "bench"})
    version = versions.create_version(store, values, info, scope={"kind": "all"}, parameters={}, note=None,
                                      principal="bench")
    versions.publish(store, version, "bench")
    load = time.perf_counter() - started
    rows = [("load the data and store a published forecast (one time)", load, f"{len(values):,} forecast rows")]
    asks = [
        ("gaps, one SKU: first question after a write (reads the store)",
         lambda: planning.gaps(store, PLANNING_DATE, sku="S00042", months=3)),
        ("gaps, one SKU: next question (read cache)", lambda: planning.gaps(store, PLANNING_DATE, sku="S00043",
                                                                            months=3)),
        ("gaps, one family (250 SKUs) (read cache)", lambda: planning.gaps(store, PLANNING_DATE,
                                                                          family="Family 07", months=3)),
        ("kpi wape, all SKUs (read cache)", lambda: planning.kpi(store, PLANNING_DATE, "wape")),
    ]
    for name, ask in asks:
        t = time.perf_counter()
        out = ask()
        seconds = time.perf_counter() - t
        answer = (f"{len(out['skus'])} SKUs" if "skus" in out else f"value {out.get('value')}")
        rows.append((name, seconds, answer))
    store.engine.dispose()
    return rows


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
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--database-url", default=os.environ.get("SOP_TEST_POSTGRES_URL"),
                        help="with --store postgresql: a scratch database (emptied); default SOP_TEST_POSTGRES_URL")
    args = parser.parse_args()
    if args.store == "postgresql" and not args.database_url:
        parser.error("--store postgresql needs --database-url (or SOP_TEST_POSTGRES_URL)")
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
    with tempfile.TemporaryDirectory() as folder:
        if args.store == "postgresql":
            from sop_engine.store import db

            engine = db.make_engine(args.database_url)
            if db.current_revision(engine) is not None:
                db.downgrade(engine, "base")
            engine.dispose()
        url = args.database_url if args.store == "postgresql" else f"sqlite:///{Path(folder) / 'plan.db'}"
        stored = store_questions(data, demand, url)
    store_name = "PostgreSQL" if args.store == "postgresql" else "SQLite"
    store_table = [f"| through the {store_name} plan store | seconds | answer |", "| --- | ---: | --- |"]
    store_table += [f"| {n} | {s:.3f} | {a} |" for n, s, a in stored]
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
            f"The same company in a {store_name} plan store, asked through `sop_engine.service.planning` (what "
            "the CLI, the tools and the HTTP API call): reading 10,000 SKUs and a 180,000-row forecast from "
            f"{store_name} is what a cold question waits for; a long-running process (`sop serve`, Slack) keeps "
            "the frames in a read cache that any write invalidates (every write leaves an audit line).",
            "",
            *store_table,
            "",
        ]
    )
    print(f"{SECTION}\n\n{text}")
    write_section(SECTION, text)


if __name__ == "__main__":
    main()
