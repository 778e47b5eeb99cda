"""Writing many rows at once: PostgreSQL's COPY (psycopg's ``cursor.copy``, binary), SQLite's executemany.

``insert_rows`` takes a frame whose columns are the table's (any subset; the others take their defaults),
with ``None`` for NULL, ``datetime.date`` in date columns and JSON-able values in JSON columns — what the
readers and writers of the store already produce. The rows join the caller's transaction.
"""

from __future__ import annotations

import json

import pandas as pd
from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Float, Integer, String, Table, insert

# psycopg's binary dumper for each column type (JSON goes as its text, which json's binary form is)
_BINARY = ((Boolean, "bool"), (Integer, "int8"), (Float, "float8"), (DateTime, None), (Date, "date"),
           (JSON, "text"), (String, "text"))


def records(frame: pd.DataFrame) -> pd.DataFrame:
    """NaN as None and numpy scalars as Python values, column by column (vectorised, not per cell)."""
    return frame.astype(object).where(frame.notna(), None)


def insert_rows(connection: Connection, table: Table, frame: pd.DataFrame) -> int:
    """Insert ``frame``'s rows into ``table`` in the caller's transaction; returns the number of rows."""
    if frame.empty:
        return 0
    if connection.dialect.name == "postgresql":
        _copy(connection, table, frame)
    else:
        connection.execute(insert(table), frame.to_dict("records"))
    return len(frame)


def _binary_type(column) -> str | None:
    for kind, name in _BINARY:
        if isinstance(column.type, kind):
            if name == "int8":  # the binary form is the column's own width
                return "int8" if column.type.__class__.__name__ == "BigInteger" else "int4"
            return name
    return None


def _copy(connection: Connection, table: Table, frame: pd.DataFrame) -> None:
    columns = list(frame.columns)
    unknown = [c for c in columns if c not in table.c]
    if unknown:
        raise ValueError(f"{table.name} has no column {unknown[0]!r}")
    types = [_binary_type(table.c[c]) for c in columns]
    out = frame.copy()
    for column, kind in zip(columns, types, strict=True):
        if isinstance(table.c[column].type, JSON):
            out[column] = out[column].map(lambda v: None if v is None else json.dumps(v, default=str))
        elif kind == "text" and pd.api.types.infer_dtype(out[column], skipna=True) not in ("string", "empty"):
            out[column] = out[column].map(lambda v: v if v is None or isinstance(v, str) else str(v))
    binary = all(types)
    names = ", ".join(connection.dialect.identifier_preparer.quote(c) for c in columns)
    statement = (f"COPY {connection.dialect.identifier_preparer.format_table(table)} ({names}) FROM STDIN"
                 + (" (FORMAT BINARY)" if binary else ""))
    cursor = connection.connection.driver_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            if binary:
                copy.set_types(types)
            for row in out.itertuples(index=False, name=None):
                copy.write_row(row)
    finally:
        cursor.close()
