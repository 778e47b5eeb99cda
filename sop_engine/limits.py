"""The maxima of every count and range a caller may ask for, in one place.

The HTTP API (query and body constraints, so they show in the OpenAPI schema), the CLI flags and the
tools' argument models all take their bounds from here, and the planning services check them again, so
a request beyond a maximum is an ``InvalidArgument`` (HTTP 422) whichever door it came through.
"""

from __future__ import annotations

from datetime import date

from sop_engine.errors import InvalidArgument

MAX_MONTHS = 36  # months projected after the current one (gaps, reconciliation)
MAX_RANGE_MONTHS = 120  # a date range (KPI from..to, period words): 10 years
MIN_YEAR, MAX_YEAR = 1900, 2200  # months outside these years are not planning months
MAX_MESSAGE_CHARS = 4000  # one chat message
MAX_SCENARIO_CHANGES = 200  # demand + supply + capacity changes of one what-if
MAX_NOTES_HITS = 50  # meeting-notes passages per search
MAX_LAG = 36  # forecast lag in months (accuracy KPIs)
MAX_HORIZON = 60  # months a forecast run projects
MAX_BODY_BYTES = 64 * 1024  # one HTTP request body, Slack's included
MAX_PAGE_ITEMS = 1000  # SKUs (or products) per page of a large HTTP document; also the default page


def check_months(months: int | None, name: str = "months") -> None:
    if months is not None and not 0 <= months <= MAX_MONTHS:
        raise InvalidArgument(f"{name} must be between 0 and {MAX_MONTHS}; got {months}")


def check_month(month: date, name: str) -> None:
    if not MIN_YEAR <= month.year <= MAX_YEAR:
        raise InvalidArgument(f"{name}: the year {month.year} is outside {MIN_YEAR}-{MAX_YEAR}")


def check_range(start: date, end: date, name: str = "period") -> None:
    """A month range: both ends plausible, at most ``MAX_RANGE_MONTHS`` long."""
    check_month(start, f"{name} start")
    check_month(end, f"{name} end")
    span = (end.year - start.year) * 12 + end.month - start.month + 1
    if span > MAX_RANGE_MONTHS:
        raise InvalidArgument(f"{name} spans {span} months; the maximum is {MAX_RANGE_MONTHS} (10 years)")


def check_lag(lag: int | None) -> None:
    if lag is not None and not 0 <= lag <= MAX_LAG:
        raise InvalidArgument(f"lag must be between 0 and {MAX_LAG} months; got {lag}")
