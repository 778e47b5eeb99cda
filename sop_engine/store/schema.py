"""The plan store's tables (SQLAlchemy Core).

Two kinds of tables live here:
- the contract's tables (``products`` ... ``kpi_actuals``), replaced as a whole by ``sop data load``;
- what the tool makes itself — forecast versions and their values, planner overrides, approvals,
  decisions and action items from meeting notes, the audit log — which a load never touches.

The schema is versioned with Alembic (``sop_engine/migrations``); change it only together with a new
migration.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# --- the data contract's tables -------------------------------------------------------------------

products = Table(
    "products", metadata,
    Column("sku", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("family", Text, nullable=False),
    Column("unit_price", Float), Column("unit_cost", Float), Column("safety_stock", Float),
    Column("lead_time_days", Float), Column("status", String(20), nullable=False, default="active"),
    Column("plant", Text), Column("uom", String(20)), Column("min_order_qty", Float),
    Column("attributes", JSON),  # the file's extra columns, kept
)

sales_history = Table(
    "sales_history", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True),
    Column("period", Date, nullable=False),
    Column("quantity", Float, nullable=False),
    Column("channel", Text), Column("location", Text),
    Column("price", Float),  # the month's quantity-weighted mean price of the file's rows
)

inventory = Table(
    "inventory", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True),
    Column("on_hand", Float, nullable=False), Column("as_of", Date, nullable=False),
    Column("location", Text), Column("allocated", Float),
)

supply = Table(
    "supply", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True),
    Column("due_date", Date, nullable=False), Column("quantity", Float, nullable=False),
    Column("kind", String(32)), Column("status", String(20)), Column("ref", String(64)),
    Column("supplier", Text),
)

capacity = Table(
    "capacity", metadata,
    Column("id", Integer, primary_key=True),
    Column("resource", String(64), nullable=False), Column("period", Date, nullable=False),
    Column("available_hours", Float, nullable=False), Column("plant", Text),
)

routing = Table(
    "routing", metadata,
    Column("id", Integer, primary_key=True),  # file order: the first row of a sku is its primary resource
    Column("sku", String(64), nullable=False, index=True),
    Column("resource", String(64), nullable=False), Column("hours_per_unit", Float, nullable=False),
)

sales_plan = Table(
    "sales_plan", metadata,
    Column("id", Integer, primary_key=True),
    Column("period", Date, nullable=False), Column("quantity", Float, nullable=False),
    Column("sku", String(64)), Column("family", Text), Column("source", String(20)), Column("note", Text),
)

budget = Table(
    "budget", metadata,
    Column("id", Integer, primary_key=True),
    Column("period", Date, nullable=False), Column("revenue", Float, nullable=False), Column("family", Text),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False), Column("start", Date, nullable=False), Column("end", Date, nullable=False),
    Column("sku", String(64)), Column("family", Text), Column("uplift_pct", Float), Column("kind", String(20)),
)

orders = Table(
    "orders", metadata,
    Column("id", Integer, primary_key=True),
    Column("order_id", String(64), nullable=False), Column("sku", String(64), nullable=False, index=True),
    Column("order_date", Date, nullable=False), Column("requested_date", Date, nullable=False),
    Column("quantity", Float, nullable=False), Column("shipped_quantity", Float), Column("ship_date", Date),
    Column("customer", Text),
)

forecast_snapshots = Table(
    "forecast_snapshots", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, index=True), Column("made_on", Date, nullable=False),
    Column("period", Date, nullable=False), Column("quantity", Float, nullable=False), Column("source", Text),
)

kpi_actuals = Table(
    "kpi_actuals", metadata,
    Column("id", Integer, primary_key=True),
    Column("metric", String(64), nullable=False), Column("period", Date, nullable=False),
    Column("value", Float, nullable=False), Column("dimension", Text), Column("unit", Text),
)

drivers = Table(
    "drivers", metadata,
    Column("id", Integer, primary_key=True),
    Column("period", Date, nullable=False), Column("driver", String(64), nullable=False),
    Column("value", Float, nullable=False), Column("sku", String(64)), Column("family", Text),
    Column("kind", String(20)), Column("unit", Text),
    Index("ix_drivers_driver_period", "driver", "period"),
)

CONTRACT_TABLES = {
    t.name: t
    for t in (products, sales_history, inventory, supply, capacity, routing, sales_plan, budget, events,
              orders, forecast_snapshots, kpi_actuals, drivers)
}

# --- about the loaded dataset -----------------------------------------------------------------------

dataset_meta = Table(
    "dataset_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", JSON),
)

# --- what the tool makes ---------------------------------------------------------------------------

forecast_versions = Table(
    "forecast_versions", metadata,
    Column("id", Integer, primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("scope", JSON, nullable=False),  # {"kind": "all"|"family"|"sku", "value": ..., "skus": [...]}
    Column("parameters", JSON, nullable=False),
    Column("note", Text),
    Column("status", String(20), nullable=False, default="draft"),  # draft | published | superseded
    Column("published_at", DateTime(timezone=True)),
    Column("published_by", String(128)),
)

forecast_values = Table(
    "forecast_values", metadata,
    Column("version_id", Integer, ForeignKey("forecast_versions.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("period", Date, primary_key=True),
    Column("forecast", Float, nullable=False),
    Column("lo_80", Float), Column("hi_80", Float), Column("lo_95", Float), Column("hi_95", Float),
    Column("model", String(64)),
)

forecast_sku_info = Table(
    "forecast_sku_info", metadata,
    Column("version_id", Integer, ForeignKey("forecast_versions.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("model", String(64)), Column("cv_error", Float), Column("candidates", JSON),
    Column("demand_class", String(20)), Column("note", Text),
)

# Per SKU of a version: did a forecast with demand drivers beat the best driver-free candidate in
# rolling-origin CV (``driver_value_added``), and in which months it was used.
forecast_drivers = Table(
    "forecast_drivers", metadata,
    Column("version_id", Integer, ForeignKey("forecast_versions.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("drivers", JSON, nullable=False),  # the driver names the model was given
    Column("used", Boolean, nullable=False),
    Column("model", String(64)),
    Column("cv_error_drivers", Float), Column("cv_error_driver_free", Float),
    Column("driver_free_model", String(64)),
    Column("months", JSON),  # months forecast with the drivers (the others lacked a plan)
    Column("note", Text),
)

# The effect of each driver on a SKU's forecast, and the fitted response a what-if applies (no refit):
# units per driver unit in the month (``coef``) and in the month after (``coef_next``).
forecast_driver_effects = Table(
    "forecast_driver_effects", metadata,
    Column("version_id", Integer, ForeignKey("forecast_versions.id", ondelete="CASCADE"), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("driver", String(64), primary_key=True),
    Column("effect_pct", Float, nullable=False),  # % change of forecast units when the plan rises 10%
    Column("source", String(32), nullable=False),  # own model | family pool | company pool
    Column("coef", Float, nullable=False), Column("coef_next", Float, nullable=False),
    Column("unit", Text),
    Column("planned", JSON, nullable=False),  # {"YYYY-MM": planned value} over the forecast months
    Column("explanation", Text, nullable=False),
)

# Which version is the published forecast of each SKU (a one-SKU version supersedes only that SKU).
published_forecast = Table(
    "published_forecast", metadata,
    Column("sku", String(64), primary_key=True),
    Column("version_id", Integer, ForeignKey("forecast_versions.id"), nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
)

overrides = Table(
    "overrides", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False), Column("period", Date, nullable=False),
    Column("quantity", Float, nullable=False), Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(128), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Index("ix_overrides_sku_period", "sku", "period"),
)

approvals = Table(
    "approvals", metadata,
    Column("id", String(32), primary_key=True),
    Column("action", String(64), nullable=False),  # e.g. publish_forecast
    Column("arguments", JSON, nullable=False),
    Column("summary", Text, nullable=False),
    Column("requested_by", String(128), nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False, default="pending"),  # pending | approved | rejected
    Column("decided_by", String(128)), Column("decided_at", DateTime(timezone=True)),
    Column("result", JSON),
    Column("thread_id", String(128)),
)

note_items = Table(
    "note_items", metadata,
    Column("id", String(64), primary_key=True),  # content hash
    Column("kind", String(20), nullable=False),  # decision | action_item
    Column("text", Text, nullable=False),
    Column("meeting", String(32), nullable=False), Column("date", Date, nullable=False),
    Column("folder", Text, nullable=False), Column("file", Text, nullable=False), Column("section", Text),
    Column("owner", Text), Column("due_date", Date), Column("done", Boolean),
    Column("skus", JSON), Column("families", JSON), Column("refs", JSON),
    Index("ix_note_items_folder", "folder"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("principal", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", JSON),
    Index("ix_audit_log_at", "at"),
)

# Background jobs (re-forecasts started over HTTP or Slack), queued and run by worker processes.
jobs = Table(
    "jobs", metadata,
    Column("id", String(32), primary_key=True),
    Column("kind", String(32), nullable=False),  # a tool name, e.g. reforecast
    Column("arguments", JSON, nullable=False),
    Column("principal", String(128), nullable=False),
    Column("role", String(20), nullable=False),
    # queued | running | done | failed | cancelled | interrupted
    Column("status", String(20), nullable=False, default="queued"),
    Column("done", Integer, nullable=False, default=0), Column("total", Integer, nullable=False, default=0),
    Column("stage", Text),
    Column("result", JSON), Column("error", JSON),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)), Column("finished_at", DateTime(timezone=True)),
    Column("runner", String(128)),  # host:pid of the server process supervising the worker
    Column("worker_pid", Integer),
    Column("saved_version", Integer),  # the forecast version the job wrote (then it can no longer be cancelled)
    Index("ix_jobs_status_created", "status", "created_at"),
)

# Slack requests already handled (event ids, request signatures), shared by every server process on the store
slack_seen = Table(
    "slack_seen", metadata,
    Column("key", String(200), primary_key=True),
    Column("seen_at", Float, nullable=False),  # seconds since the epoch
)

# pre-S&OP packs as generated (``sop pack``): "since the last pack" compares with the previous stored one
packs = Table(
    "packs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("period", String(7), nullable=False, index=True),  # the S&OP cycle month, YYYY-MM
    Column("planning_date", Date, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("document", JSON, nullable=False),
)

# scheduled Slack digests: a claimed slot is the lock and the record (one post per digest, channel and slot,
# across restarts and server processes)
digest_posts = Table(
    "digest_posts", metadata,
    Column("digest", String(40), primary_key=True),
    Column("channel", String(100), primary_key=True),
    Column("slot", String(120), primary_key=True),  # the scheduled time (ISO, UTC) or what a post is about
    Column("status", String(20), nullable=False),  # posting, posted, failed
    Column("claimed_at", DateTime, nullable=False),
    Column("posted_at", DateTime),
    Column("detail", JSON),
)
