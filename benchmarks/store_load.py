"""Bulk writes into the plan store, SQLite and PostgreSQL: 10,000 synthetic SKUs (``planning_scale``'s company).

Run: ``python benchmarks/store_load.py [--skus 10000] [--database-url postgresql+psycopg://...]`` (default URL:
SOP_TEST_POSTGRES_URL). The PostgreSQL database is emptied (every table dropped) before each run: give it a
scratch database. Times `sop data load`'s store step (``PlanStore.load``: all contract tables replaced in one
transaction), a forecast version's write (``create_version``) and its publish, and the first and next
one-SKU gap questions after them; on PostgreSQL once with COPY (what the store does) and once with
executemany (for comparison). Prints a table and writes it into the section "## Plan store: SQLite and
PostgreSQL" of benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import pandas as pd
from planning_scale import PLANNING_DATE, synthetic
from readme import write_section
from sqlalchemy import insert

from sop_engine.contract import TABLES
from sop_engine.dataset.validate import Dataset
from sop_engine.service import planning
from sop_engine.store import PlanStore, bulk, db
from sop_engine.store import forecasts as versions

SECTION = "## Plan store: SQLite and PostgreSQL"


def _executemany(connection, table, frame) -> None:
    connection.execute(insert(table), frame.to_dict("records"))


class Clock:
    """Wall seconds, and CPU seconds of this process plus, on PostgreSQL, of the server processes serving the
    store's database (read from /proc: the server runs on this machine). CPU does not depend on what else
    the machine runs; wall does."""

    def __init__(self, store: PlanStore) -> None:
        self.store = store

    def _server_cpu(self) -> float:
        if self.store.engine.dialect.name != "postgresql":
            return 0.0
        with self.store.engine.connect() as connection:
            pids = connection.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()").scalars().all()
        total = 0.0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def time(self, step) -> tuple[float, float]:
        wall, cpu, server = time.perf_counter(), time.process_time(), self._server_cpu()
        step()
        return time.perf_counter() - wall, time.process_time() - cpu + self._server_cpu() - server


def run(url: str, dataset: Dataset, demand: pd.DataFrame, questions: bool = True) -> dict[str, tuple[float, float]]:
    store = PlanStore(url)
    clock = Clock(store)
    out = {"load": clock.time(lambda: store.load(dataset, "bench"))}
    if not questions:
        store.engine.dispose()
        return out
    values = demand.assign(model="bench")
    info = pd.DataFrame({"sku": values["sku"].unique(), "model": "bench"})
    made = []
    out["forecast"] = clock.time(lambda: made.append(versions.create_version(
        store, values, info, scope={"kind": "all"}, parameters={}, note=None, principal="bench")))
    out["publish"] = clock.time(lambda: versions.publish(store, made[0], "bench"))
    for key, sku in (("first", "S00042"), ("next", "S00043")) if questions else ():
        out[key] = clock.time(lambda sku=sku: planning.gaps(store, PLANNING_DATE, sku=sku, months=3))
    store.engine.dispose()
    return out


def empty(url: str) -> None:
    engine = db.make_engine(url)
    if db.current_revision(engine) is not None:
        db.downgrade(engine, "base")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skus", type=int, default=10_000)
    parser.add_argument("--database-url", default=os.environ.get("SOP_TEST_POSTGRES_URL"),
                        help="a scratch PostgreSQL database (emptied); default SOP_TEST_POSTGRES_URL")
    args = parser.parse_args()
    if not args.database_url:
        parser.error("--database-url (or SOP_TEST_POSTGRES_URL) must name a scratch PostgreSQL database")
    load_start = os.getloadavg()[0]
    data, demand = synthetic(args.skus)
    frames = {name: data.table(name).reindex(columns=[c.name for c in spec.columns])
              for name, spec in TABLES.items() if data.has(name)}
    rows = sum(len(f) for f in frames.values())
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        dataset = Dataset(Path(folder), frames, data.company)
        results["SQLite (executemany)"] = run(f"sqlite:///{Path(folder) / 'plan.db'}", dataset, demand)
        empty(args.database_url)
        results["PostgreSQL (COPY)"] = run(args.database_url, dataset, demand)
        empty(args.database_url)
        copy, bulk._copy = bulk._copy, _executemany
        try:
            results["PostgreSQL (executemany)"] = run(args.database_url, dataset, demand, questions=False)
        finally:
            bulk._copy = copy
        empty(args.database_url)
    engine = db.make_engine(args.database_url)
    with engine.connect() as connection:
        server = connection.exec_driver_sql("SHOW server_version").scalar()
    engine.dispose()
    steps = ("load", "forecast", "publish", "first", "next")
    table = ["| store | load | forecast version | publish | first one-SKU question after | next |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    table += [f"| {name} | " + " | ".join(_s(r.get(step)) for step in steps) + " |" for name, r in results.items()]
    text = "\n".join([
        f"`python benchmarks/store_load.py --skus {args.skus}`: {args.skus:,} synthetic SKUs, {rows:,} contract "
        "rows loaded in one transaction (`PlanStore.load`, the store step of `sop data load`), then a forecast "
        f"version of {len(demand):,} rows written and published, then one-SKU gap questions through "
        "`sop_engine.service.planning` (the first reads the store, the next one its read cache). One run "
        "each; wall seconds, and in brackets CPU seconds of the benchmark's process plus, on PostgreSQL, the "
        "server's processes for the database (CPU does not depend on the machine's other load). "
        f"PostgreSQL {server} on loopback (fsync off, as in CI), psycopg {_psycopg()}. Machine: "
        f"{platform.machine()}, {os.cpu_count()} cores, load average {load_start:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end (other jobs shared the machine).",
        "",
        *table,
        "",
        "On PostgreSQL the store writes bulk rows with COPY (`sop_engine/store/bulk.py`, psycopg's "
        "`cursor.copy`, binary); SQLite keeps executemany. The executemany row on PostgreSQL is the same code with "
        "COPY swapped out, for comparison (the load only).",
    ])
    print(f"{SECTION}\n\n{text}")
    write_section(SECTION, text)


def _s(seconds: tuple[float, float] | None) -> str:
    return "" if seconds is None else f"{seconds[0]:.2f} s ({seconds[1]:.2f} s CPU)"


def _psycopg() -> str:
    import psycopg

    return psycopg.__version__


if __name__ == "__main__":
    main()
