"""Reading the arguments people (and models) give: product words and period words, in one place."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument
from sop_engine.limits import check_range
from sop_engine.periods import PeriodRange, add_months, month_start, parse_month, parse_period_arg
from sop_engine.products import ResolvedName, resolve_name


def product_scope(products: pd.DataFrame, text: str | None) -> tuple[str | None, str | None, ResolvedName | None]:
    """``(sku, family, resolved)`` for a product argument (a code, a name or a family), or all None."""
    if text is None or not str(text).strip():
        return None, None, None
    resolved = resolve_name(products, str(text))
    if resolved.kind == "sku":
        return resolved.code, None, resolved
    return None, resolved.code, resolved


def period_range(text: str | None, planning_date: date) -> PeriodRange | None:
    """The months a period argument names; at most 10 years of plausible months (InvalidArgument)."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if ".." in text:
        start, _, end = text.partition("..")
        found: PeriodRange | None = PeriodRange(parse_month(start.strip()), parse_month(end.strip()), text)
    else:
        try:
            found = parse_period_arg(text, planning_date)
        except (OverflowError, ValueError):  # "next 100000 months" leaves the calendar
            raise InvalidArgument(f"'{text}' reaches outside the calendar") from None
    if found is not None:
        check_range(min(found.start, found.end), max(found.start, found.end), f"'{text}'")
    return found


def past_month(text: str, planning_date: date) -> date:
    """A month meant in the past ("the March promo spike"): the latest such month before the current one."""
    found = period_range(text, planning_date)
    if found is None:
        raise ValueError(text)
    month = found.start
    current = month_start(planning_date)
    while month >= current:
        month = add_months(month, -12)
    return month
