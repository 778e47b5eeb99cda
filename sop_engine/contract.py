"""The planning data contract: which files a company hands us, their columns and their rules.

This module is the single description of the contract; the validator, the loader, the plan store's
schema and the docs (``docs/data-contract.md``) follow it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal[
    "text",  # free text, stripped
    "code",  # an identifier (sku, resource, ref): stripped, non-empty when required
    "period",  # a calendar month: 2026-03, 2026-03-01 or any date in the month
    "date",  # an ISO date
    "quantity",  # units, float, never negative
    "signed",  # a number that may be negative
    "money",  # a non-negative amount in the dataset's currency
    "percent",  # a percentage, 20 = +20%; may be negative (a dip)
    "days",  # a whole number of days, never negative
    "choice",  # one of ``choices``
]


@dataclass(frozen=True)
class Column:
    name: str
    kind: ColumnKind
    required: bool = False
    choices: tuple[str, ...] = ()
    default: object = None
    month_ok: bool = False  # a "date" where only the month matters: ``2025-10`` reads as 2025-10-01


@dataclass(frozen=True)
class TableSpec:
    """One CSV file of the contract."""

    name: str
    columns: tuple[Column, ...]
    required_file: bool = False
    unique: tuple[str, ...] = ()  # columns that identify a row; duplicates are an error
    sku_column: str | None = None  # a child table: its skus must exist in products.csv
    one_of: tuple[str, ...] = ()  # at least one of these columns must be present and filled per row
    keeps_extra: bool = False  # unknown columns are kept (in ``attributes``) rather than ignored
    summary: str = ""

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _c(name: str, kind: ColumnKind, required: bool = False, *choices: str, default: object = None,
       month_ok: bool = False) -> Column:
    return Column(name, kind, required, tuple(choices), default, month_ok)


PRODUCT_STATUSES = ("active", "new", "discontinued")
SUPPLY_KINDS = ("purchase_order", "production_order", "transfer")
SUPPLY_STATUSES = ("planned", "firm", "released")
EVENT_KINDS = ("promotion", "launch", "holiday", "other")
PLAN_SOURCES = ("sales", "marketing")
DRIVER_KINDS = ("actual", "plan")
MEETING_KINDS = ("product_review", "demand_review", "supply_review", "pre_sop", "executive_sop", "other")

TABLES: dict[str, TableSpec] = {
    t.name: t
    for t in [
        TableSpec(
            "products",
            (
                _c("sku", "code", True), _c("name", "text", True), _c("family", "text", True),
                _c("unit_price", "money"), _c("unit_cost", "money"), _c("safety_stock", "quantity"),
                _c("lead_time_days", "days"), _c("status", "choice", False, *PRODUCT_STATUSES, default="active"),
                _c("plant", "text"), _c("uom", "text", default="units"), _c("min_order_qty", "quantity"),
            ),
            required_file=True, unique=("sku",), keeps_extra=True,
            summary="the product master; name and family are what people type in chat",
        ),
        TableSpec(
            "sales_history",
            (_c("sku", "code", True), _c("period", "period", True), _c("quantity", "quantity", True),
             _c("channel", "text"), _c("location", "text"), _c("price", "money")),
            required_file=True, sku_column="sku",
            summary="actual demand; rows of one sku and month are summed, daily or weekly rows bucketed; "
                    "price (optional) is the driver 'price', its monthly quantity-weighted mean",
        ),
        TableSpec(
            "inventory",
            (_c("sku", "code", True), _c("on_hand", "quantity", True), _c("as_of", "date", True),
             _c("location", "text"), _c("allocated", "quantity", default=0.0)),
            required_file=True, sku_column="sku",
            summary="stock; the latest as_of per sku and location is the opening stock",
        ),
        TableSpec(
            "supply",
            (_c("sku", "code", True), _c("due_date", "date", True), _c("quantity", "quantity", True),
             _c("kind", "choice", False, *SUPPLY_KINDS, default="purchase_order"),
             _c("status", "choice", False, *SUPPLY_STATUSES, default="firm"),
             _c("ref", "code"), _c("supplier", "text")),
            sku_column="sku", unique=("ref",),
            summary="open scheduled receipts, every status counts",
        ),
        TableSpec(
            "capacity",
            (_c("resource", "code", True), _c("period", "period", True), _c("available_hours", "quantity", True),
             _c("plant", "text")),
            unique=("resource", "period"),
            summary="available hours of a production line or work centre per month",
        ),
        TableSpec(
            "routing",
            (_c("sku", "code", True), _c("resource", "code", True), _c("hours_per_unit", "quantity", True)),
            sku_column="sku", unique=("sku", "resource"),
            summary="hours of a resource per unit; several rows of a sku are alternatives, the first primary",
        ),
        TableSpec(
            "sales_plan",
            (_c("period", "period", True), _c("quantity", "quantity", True), _c("sku", "code"),
             _c("family", "text"), _c("source", "choice", False, *PLAN_SOURCES, default="sales"),
             _c("note", "text")),
            sku_column="sku", one_of=("sku", "family"),
            summary="the commercial view of demand, promotions included",
        ),
        TableSpec(
            "budget",
            (_c("period", "period", True), _c("revenue", "money", True), _c("family", "text")),
            summary="the financial plan; no family means the company total",
        ),
        TableSpec(
            "events",
            (_c("name", "text", True), _c("start", "date", True), _c("end", "date", True), _c("sku", "code"),
             _c("family", "text"), _c("uplift_pct", "percent", default=0.0),
             _c("kind", "choice", False, *EVENT_KINDS, default="other")),
            sku_column="sku",
            summary="known demand events; end is inclusive",
        ),
        TableSpec(
            "orders",
            (_c("order_id", "code", True), _c("sku", "code", True), _c("order_date", "date", True),
             _c("requested_date", "date", True), _c("quantity", "quantity", True),
             _c("shipped_quantity", "quantity"), _c("ship_date", "date"), _c("customer", "text")),
            sku_column="sku",
            summary="customer order lines, for fill rate and OTIF",
        ),
        TableSpec(
            "forecast_snapshots",
            (_c("sku", "code", True), _c("made_on", "date", True, month_ok=True), _c("period", "period", True),
             _c("quantity", "quantity", True), _c("source", "text", default="legacy")),
            sku_column="sku",
            summary="forecasts made in the past, for accuracy at a lag",
        ),
        TableSpec(
            "drivers",
            (_c("period", "period", True), _c("driver", "code", True), _c("value", "signed", True),
             _c("sku", "code"), _c("family", "text"), _c("kind", "choice", False, *DRIVER_KINDS),
             _c("unit", "text")),
            sku_column="sku",
            summary="demand drivers (ad spend, web sessions, price plans ...): actuals for past months, plans "
                    "for future ones; no sku or family = company-wide",
        ),
        TableSpec(
            "kpi_actuals",
            (_c("metric", "code", True), _c("period", "period", True), _c("value", "signed", True),
             _c("dimension", "text"), _c("unit", "text")),
            summary="metrics computed elsewhere",
        ),
    ]
}

COMPANY_KEYS = ("name", "currency", "planning_date", "horizon_months", "overstock_months", "language", "timezone",
                "pre_sop_day", "pack_days_before")
LANGUAGES = ("en", "vi")  # the languages a company's packs and digests are written in
DEFAULT_HORIZON_MONTHS = 18
DEFAULT_OVERSTOCK_MONTHS = 3.0  # months of cover above which a SKU is overstocked
DEFAULT_CURRENCY = "USD"


@dataclass
class Company:
    """What ``company.toml`` says (all optional)."""

    name: str = "Unnamed company"
    currency: str = DEFAULT_CURRENCY
    planning_date: str | None = None
    horizon_months: int = DEFAULT_HORIZON_MONTHS
    overstock_months: float = DEFAULT_OVERSTOCK_MONTHS
    language: str = "en"  # en or vi: the pre-S&OP pack and the Slack digests
    timezone: str = "UTC"  # the schedules of the Slack digests
    pre_sop_day: int | None = None  # the day of the month of the pre-S&OP meeting
    pack_days_before: int = 3  # the pack is posted this many days before it
    extra: dict = field(default_factory=dict)
