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
from sqlalchemy.exc import OperationalError

from sop_engine.contract import TABLES, Company
from sop_engine.dataset.validate import Dataset
from sop_engine.errors import NoData, StoreUnavailable
from sop_engine.periods import format_period
from sop_engine.plandata import PlanData, empty_frame
from sop_engine.store import db
from sop_engine.store.bulk import insert_rows, records
from sop_engine.store.company import company_change, drop_company_data
from sop_engine.store.schema import CONTRACT_TABLES, audit_log, dataset_meta

T = TypeVar("T")

# The transaction this thread is inside (``PlanStore.begin``), so nested writes join it.
_transaction: ContextVar[Connection | None] = ContextVar("plan_store_transaction", default=None)
# Called inside every write transaction with (connection, action, detail) before it commits; raising
# rolls the write back. A job worker uses it to refuse writes once its job was cancelled.
write_guard: ContextVar[Callable[[Connection, str, dict], None] | None] = ContextVar("plan_store_write_guard",
                                                                                    default=None)


# What a cached read depends on: the loaded company data, the forecasts (versions, publishing,
# overrides), the meeting notes' decisions and action items; "company" changes only when another company
# is loaded (everything the previous one made is dropped).
TOPICS = ("data", "forecast", "notes", "company")
AUDIT_REREAD = 256  # audit ids re-read below the highest seen (ids a concurrent transaction commits late)
_TOPICS_OF = {"data.load": ("data",), "company.change": TOPICS, "notes.ingest": ("notes",)}
_CHANGES_NOTHING_CACHED = ("job.", "approval.")  # an approved action audits its own write
DATA = ("data",)
FORECASTS = ("forecast", "company")


def topics_of(action: str) -> tuple[str, ...]:
    """What a write changed, from its audit action; an action not known here changes everything."""
    if action in _TOPICS_OF:
        return _TOPICS_OF[action]
    if action.startswith("forecast."):
        return ("forecast",)
    if action.startswith(_CHANGES_NOTHING_CACHED):
        return ()
    return TOPICS


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime | None) -> str | None:
    """A stored moment as ISO 8601 in UTC (``2026-11-15T09:30:00+00:00``), the same from SQLite (which keeps
    no zone: the store writes UTC) and PostgreSQL."""
    if moment is None:
        return None
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


class PlanStore:
    def __init__(self, url: str) -> None:
        self.url = db.normalize_url(url)
        self.engine: Engine = db.make_engine(self.url)
        try:
            db.upgrade(self.engine)
        except OperationalError as error:
            self.engine.dispose()
            reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
            raise StoreUnavailable(f"the plan store at {db.display_url(self.url)} does not answer: {reason}; "
                                   "check SOP_DATABASE_URL and that the database server runs") from None
        self._cache: dict[object, tuple[tuple[int, ...], object]] = {}
        self._cache_lock = threading.Lock()
        self._generations = dict.fromkeys(TOPICS, 0)
        self._audit_floor = 0  # audit lines above it are read on each ``generation`` call
        self._audit_seen: set[int] = set()

    # --- a read cache for long-running processes ----------------------------------------------------

    def generation(self, topics: tuple[str, ...] = TOPICS) -> tuple[int, ...]:
        """Changes with every write to ``topics``, whichever process made it: every write leaves an audit
        line, and its action says what it changed (``topics_of``). The audit lines are read from where the
        last call stopped (a few rows before it: a concurrent writer may commit a lower id later)."""
        with self.engine.connect() as connection:  # committed lines only, never the current transaction's
            rows = connection.execute(select(audit_log.c.id, audit_log.c.action)
                                      .where(audit_log.c.id > self._audit_floor)).all()
        with self._cache_lock:
            for audit_id, action in rows:
                if audit_id in self._audit_seen:
                    continue
                self._audit_seen.add(audit_id)
                for topic in topics_of(action):
                    self._generations[topic] += 1
            if rows:
                self._audit_floor = max(self._audit_floor, max(r[0] for r in rows) - AUDIT_REREAD)
                self._audit_seen = {i for i in self._audit_seen if i > self._audit_floor}
            return tuple(self._generations[t] for t in topics)

    def cached(self, key: object, build: Callable[[], T], topics: tuple[str, ...] = TOPICS) -> T:
        """``build()``'s value, reused until a write changes one of ``topics`` (a server answers many
        questions per load): an override leaves the loaded data's cache alone, a data load the forecasts'.

        Callers get the cached object itself: they must copy before changing it (``plan_data`` does).
        """
        generation = self.generation(topics)
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
        guards commit or roll back together. It waits for the store's write turn first (``db.lock_writes``)."""
        current = _transaction.get()
        if current is not None:
            yield current
            return
        with self.engine.begin() as connection:
            db.lock_writes(connection)
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
        if connection is not _transaction.get():  # a transaction not opened by ``begin``: take the turn now
            db.lock_writes(connection)
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
        with self.begin() as connection:
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
                counts[name] = insert_rows(connection, table, _records(name, frame))
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
        return self.cached(("table", name), lambda: self._read_table(name), DATA).copy()

    def read_frame(self, statement: Select, dates: tuple[str, ...] = (), json_columns: tuple[str, ...] = ()
                   ) -> pd.DataFrame:
        """A query's rows as a frame. The rows come through the driver as it gives them (on SQLite dates as ISO
        text, parsed here in one vectorised call; psycopg gives dates and JSON already typed): SQLAlchemy's
        per-row processing is two to three times slower on the 100,000-row tables of a large company."""
        with self.engine.connect() as connection:
            dialect = self.engine.dialect
            compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
            if dialect.name == "sqlite":
                params = [compiled.params[key] for key in compiled.positiontup or []]
                frame = pd.read_sql_query(str(compiled), connection.connection.driver_connection, params=params)
            elif dialect.name == "postgresql":
                with connection.connection.driver_connection.cursor() as cursor:
                    cursor.execute(str(compiled), compiled.params)
                    frame = pd.DataFrame.from_records(cursor.fetchall(),
                                                      columns=[column.name for column in cursor.description])
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

    def plan_data(self, planning_date: date, *, copy: bool = True) -> PlanData:
        """Everything loaded, as frames; ``sales_history`` summed per sku and month.

        ``copy=False``: shallow copies (adding or replacing a column is safe, changing values in place is
        not) for readers that only read: a deep copy of a 10,000-SKU company costs more than a question."""
        data = self.cached("plan_data", lambda: self._plan_data(planning_date), DATA)
        return PlanData(planning_date, data.company, {k: v.copy(deep=copy) for k, v in data.tables.items()},
                        set(data.provided), memo={} if copy else data.memo)

    def _plan_data(self, planning_date: date) -> PlanData:
        meta = self.meta()
        if not meta:
            raise NoData("the plan store is empty: load a folder with `sop data load DIR` or run `sop demo`")
        tables = {name: self._read_table(name) for name in CONTRACT_TABLES}
        history = tables["sales_history"]
        if not history.empty:
            tables["sales_history"] = monthly_sales(history, ["sku", "period"]).assign(channel=None, location=None)[
                [c.name for c in TABLES["sales_history"].columns]]
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
            return [{**row, "at": iso_utc(row["at"])} for row in rows]


def monthly_sales(rows: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rows summed per ``keys``; ``price`` the quantity-weighted mean of the rows that have one (their plain
    mean when those rows sold nothing)."""
    frame = rows.assign(quantity=pd.to_numeric(rows["quantity"]), price=pd.to_numeric(rows["price"]))
    priced = frame["price"].notna()
    frame = frame.assign(_pq=(frame["price"] * frame["quantity"]).where(priced),
                         _q=frame["quantity"].where(priced), _p=frame["price"])
    out = frame.groupby(keys, as_index=False, sort=True).agg(
        quantity=("quantity", "sum"), _pq=("_pq", "sum"), _q=("_q", "sum"), _p=("_p", "mean"),
        _n=("price", "count"))
    weighted = out["_pq"] / out["_q"].where(out["_q"] > 0)
    out["price"] = weighted.where(weighted.notna(), out["_p"]).where(out["_n"] > 0)
    return out.drop(columns=["_pq", "_q", "_p", "_n"])


def _records(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    spec = TABLES[name]
    columns = [c.name for c in spec.columns] + (["attributes"] if "attributes" in frame.columns else [])
    out = frame[columns].copy()
    for column in spec.columns:
        if column.kind in ("period", "date"):
            out[column.name] = out[column.name].dt.date
    out = records(out)
    if name == "sales_history":
        # daily or weekly rows are bucketed into their month and summed; price: quantity-weighted mean
        keys = ["sku", "period", "channel", "location"]
        out = out.fillna({"channel": "", "location": ""})
        out = monthly_sales(out, keys)
        out[["channel", "location"]] = out[["channel", "location"]].replace("", None)
        out = records(out)
    return out
