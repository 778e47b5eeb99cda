"""The plan store: the contract's tables, what the tool makes, and the audit log, on SQLAlchemy.

``PlanStore(url)`` opens (and migrates) a store: a SQLite file or a PostgreSQL database (``db``: writers take
turns on both; ``bulk``: COPY on PostgreSQL). Every write takes a ``principal`` (``cli:<os user>``,
``slack:U0123``, ``api:key-name``) and leaves a line in the audit log inside the same transaction.
"""

from sop_engine.store.plan_store import PlanStore

__all__ = ["PlanStore"]
