"""``PlanStore``: load a dataset all-or-nothing, read it back as ``PlanData``, keep the audit log."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Connection, Engine, Select, delete, func, insert, select

from sop_engine.contract import TABLES, Company
from sop_engine.dataset.validate import Dataset
from sop_engine.errors import NoData
from sop_engine.periods import format_period
from sop_engine.plandata import PlanData, empty_frame
from sop_engine.store import db
from sop_engine.store.company import company_change, drop_company_data
from sop_engine.store.schema import CONTRACT_TABLES, audit_log, dataset_meta

T = TypeVar("T")

# The transaction this thread is inside (``PlanStore.begin``), so nested writes join it.
_transaction: ContextVar[Connection | None] = ContextVar("plan_store_transaction", default=None)
# Called inside every write transaction with (connection, action, detail) before it commits; raising
# rolls the write back. A job worker uses it to refuse writes once its job was cancelled.
write_guard: ContextVar[Callable[[Connection, str, dict], None] | None] = ContextVar("plan_store_write_guard",
                                                                                    default=None)


def utcnow() -> datetime:
    return datetime.now(UTC)


class PlanStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = db.make_engine(url)
        db.upgrade(self.engine)
        self._cache: dict[object, tuple[int, object]] = {}
        self._cache_lock = threading.Lock()

    # --- a read cache for long-running processes ----------------------------------------------------

    def generation(self) -> int:
        """Changes with every write, whichever process made it: every write leaves an audit line."""
        with self.engine.connect() as connection:
            return connection.execute(select(func.max(audit_log.c.id))).scalar() or 0

    def cached(self, key: object, build: Callable[[], T]) -> T:
        """``build()``'s value, reused until the store changes (a server answers many questions per load).

        Callers get the cached object itself: they must copy before changing it (``plan_data`` does).
        """
        generation = self.generation()
        with self._cache_lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == generation:
                return hit[1]  # type: ignore[return-value]
        value = build()
        with self._cache_lock:
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[key] = (generation, value)
        return value

    # --- writes -------------------------------------------------------------------------------------

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction; inside one already (same thread), the same one: a claim and the write it
        guards commit or roll back together."""
        current = _transaction.get()
        if current is not None:
            yield current
            return
        with self.engine.begin() as connection:
            token = _transaction.set(connection)
            try:
                yield connection
            finally:
                _transaction.reset(token)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads: the current transaction's when there is one (it sees its own writes)."""
        current = _transaction.get()
        if current is not None:
            yield current
            return
        with self.engine.connect() as connection:
            yield connection

    def audit(self, connection: Connection, principal: str, action: str, detail: dict | None = None) -> None:
        guard = write_guard.get()
        if guard is not None:
            guard(connection, action, detail or {})
        connection.execute(
            insert(audit_log).values(at=utcnow(), principal=principal, action=action, detail=detail or {})
        )

    def replace_dataset(self, dataset: Dataset, principal: str, source: str | None = None) -> dict:
        """Replace the contract's tables with ``dataset`` (see ``load``); returns the row counts."""
        return self.load(dataset, principal, source)["rows"]

    def load(self, dataset: Dataset, principal: str, source: str | None = None, *, demo: bool = False,
             on_company_change: Callable[[], dict] | None = None,
             progress: Callable[[str], None] | None = None) -> dict:
        """Replace the contract's tables with ``dataset`` in one transaction: ``{"rows", "company_change"}``.

        The same company's tool-made data is kept; when the load brings another company
        (``sop_engine.store.company``) the previous company's is dropped in the same transaction, and
        ``on_company_change()`` (e.g. dropping the notes index) runs before it commits: if it fails,
        nothing changes. A dataset with any problem is refused before anything is written.
        ``progress(stage)`` is called before each table is written (inside the transaction).
        """
        if not dataset.ok:
            raise dataset.contract_error("; nothing was loaded")
        counts: dict[str, int] = {}
        with self.engine.begin() as connection:
            previous = {row.key: row.value for row in connection.execute(select(dataset_meta))}
            change = company_change(previous, dataset.company.name, demo)
            if change:
                change["dropped"] = drop_company_data(connection, principal, utcnow(), change["reason"])
                if on_company_change is not None:
                    change["dropped"].update(on_company_change())
                self.audit(connection, principal, "company.change", change)
            for name, table in CONTRACT_TABLES.items():
                if progress is not None:
                    progress(f"writing {name}")
                connection.execute(delete(table))
                frame = dataset.frames.get(name)
                if frame is None or frame.empty:
                    counts[name] = 0
                    continue
                records = _records(name, frame)
                connection.execute(insert(table), records)
                counts[name] = len(records)
            meta = {
                "company": {
                    "name": dataset.company.name,
                    "currency": dataset.company.currency,
                    "planning_date": dataset.company.planning_date,
                    "horizon_months": dataset.company.horizon_months,
                    "overstock_months": dataset.company.overstock_months,
                    "language": dataset.company.language,
                    "timezone": dataset.company.timezone,
                    "pre_sop_day": dataset.company.pre_sop_day,
                    "pack_days_before": dataset.company.pack_days_before,
                    **({"extra": dataset.company.extra} if dataset.company.extra else {}),
                },
                "source": source or str(dataset.folder),
                "loaded_at": utcnow().isoformat(timespec="seconds"),
                "loaded_by": principal,
                "provided": sorted(dataset.frames),
                "demo": demo,
            }
            connection.execute(delete(dataset_meta))
            connection.execute(insert(dataset_meta), [{"key": k, "value": v} for k, v in meta.items()])
            self.audit(connection, principal, "data.load", {"source": meta["source"], "rows": counts})
        return {"rows": counts, "company_change": change}

    # --- reads --------------------------------------------------------------------------------------

    def meta(self) -> dict[str, Any]:
        with self.engine.connect() as connection:
            return {row.key: row.value for row in connection.execute(select(dataset_meta))}

    def is_empty(self) -> bool:
        return not self.meta()

    def company(self) -> Company:
        info = self.meta().get("company") or {}
        return Company(
            name=info.get("name") or Company.name,
            currency=info.get("currency") or Company.currency,
            planning_date=info.get("planning_date"),
            horizon_months=info.get("horizon_months") or Company.horizon_months,
            overstock_months=info.get("overstock_months") or Company.overstock_months,
            language=info.get("language") or Company.language,
            timezone=info.get("timezone") or Company.timezone,
            pre_sop_day=info.get("pre_sop_day"),
            pack_days_before=info.get("pack_days_before", Company.pack_days_before),
            extra=info.get("extra") or {},
        )

    def read_table(self, name: str) -> pd.DataFrame:
        """One contract table as a frame (a copy: change it freely)."""
        return self.cached(("table", name), lambda: self._read_table(name)).copy()

    def read_frame(self, statement: Select, dates: tuple[str, ...] = (), json_columns: tuple[str, ...] = ()
                   ) -> pd.DataFrame:
        """A query's rows as a frame. On SQLite the rows come through the driver as stored (dates as ISO text,
        parsed here in one vectorised call): SQLAlchemy's per-value type processing is about three times
        slower on the 100,000-row tables of a large company."""
        with self.engine.connect() as connection:
            if self.engine.dialect.name == "sqlite":
                compiled = statement.compile(dialect=self.engine.dialect,
                                             compile_kwargs={"render_postcompile": True})
                params = [compiled.params[key] for key in compiled.positiontup or []]
                frame = pd.read_sql_query(str(compiled), connection.connection.driver_connection, params=params)
            else:
                frame = pd.read_sql(statement, connection)
        for column in dates:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
        for column in json_columns:
            frame[column] = frame[column].map(lambda v: json.loads(v) if isinstance(v, str) else v)
        return frame

    def _read_table(self, name: str) -> pd.DataFrame:
        table = CONTRACT_TABLES[name]
        dates = tuple(c.name for c in TABLES[name].columns if c.kind in ("period", "date"))
        frame = self.read_frame(select(table).order_by(*table.primary_key.columns), dates,
                                ("attributes",) if name == "products" else ())
        if frame.empty:
            return empty_frame(name)
        columns = [c.name for c in TABLES[name].columns] + (["attributes"] if name == "products" else [])
        return frame[columns].reset_index(drop=True)

    def plan_data(self, planning_date: date) -> PlanData:
        """Everything loaded, as frames (copies); ``sales_history`` summed per sku and month."""
        data = self.cached("plan_data", lambda: self._plan_data(planning_date))
        return PlanData(planning_date, data.company, {k: v.copy() for k, v in data.tables.items()},
                        set(data.provided))

    def _plan_data(self, planning_date: date) -> PlanData:
        meta = self.meta()
        if not meta:
            raise NoData("the plan store is empty: load a folder with `sop data load DIR` or run `sop demo`")
        tables = {name: self._read_table(name) for name in CONTRACT_TABLES}
        history = tables["sales_history"]
        if not history.empty:
            tables["sales_history"] = (
                history.groupby(["sku", "period"], as_index=False)["quantity"].sum()
                .assign(channel=None, location=None)
            )
        return PlanData(planning_date, self.company(), tables, set(meta.get("provided", [])))

    def summary(self) -> dict:
        """What is loaded: counts per table, source, periods covered."""
        meta = self.meta()
        counts: dict[str, int] = {}
        periods: dict[str, dict[str, str]] = {}
        with self.engine.connect() as connection:
            for name, table in CONTRACT_TABLES.items():
                counts[name] = connection.execute(select(func.count()).select_from(table)).scalar_one()
                column = next((c.name for c in TABLES[name].columns if c.kind == "period"), None)
                column = column or next((c.name for c in TABLES[name].columns if c.kind == "date"), None)
                if column and counts[name]:
                    low, high = connection.execute(
                        select(func.min(table.c[column]), func.max(table.c[column]))
                    ).one()
                    periods[name] = {"from": format_period(low), "to": format_period(high)}
        return {"loaded": bool(meta), "source": meta.get("source"), "loaded_at": meta.get("loaded_at"),
                "loaded_by": meta.get("loaded_by"), "company": meta.get("company"),
                "provided": meta.get("provided", []), "counts": counts, "periods": periods}

    def audit_entries(self, limit: int = 50) -> list[dict]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).mappings()
            return [{**row, "at": row["at"].isoformat()} for row in rows]


def _records(name: str, frame: pd.DataFrame) -> list[dict]:
    spec = TABLES[name]
    columns = [c.name for c in spec.columns] + (["attributes"] if "attributes" in frame.columns else [])
    out = frame[columns].copy()
    for column in spec.columns:
        if column.kind in ("period", "date"):
            out[column.name] = out[column.name].dt.date
    out = out.astype(object).where(out.notna(), None)
    if name == "sales_history":
        # daily or weekly rows are bucketed into their month and summed
        keys = ["sku", "period", "channel", "location"]
        out = out.fillna({"channel": "", "location": ""}).groupby(keys, as_index=False, sort=True)["quantity"].sum()
        out[["channel", "location"]] = out[["channel", "location"]].replace("", None)
    return out.to_dict("records")
