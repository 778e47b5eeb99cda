"""``get_sales``: actual sales per SKU and month beside the forecast made for that month."""

from __future__ import annotations

import re
from datetime import date

from sop_engine.periods import add_months, format_period, month_start
from sop_engine.service.sales import sales_document
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import period_range, product_scope
from tools.schemas import GetSalesArgs

# words that explicitly name a future period: kept as they are, so the core says they are not known yet
_AHEAD = re.compile(r"\b(next|coming|following|upcoming|tới|toi|sau)\b", re.IGNORECASE)


def look_back(text: str | None, planning_date: date) -> tuple[str | None, str | None]:
    """(from, to) months of a look-back period: a bare month or quarter ("October", "Q1") is the latest
    such one not in the future; ISO months and relative words ("last quarter") mean what they say."""
    found = period_range(text, planning_date)
    if found is None:
        return None, None
    start, end = found.start, found.end
    current = month_start(planning_date)
    if start > current and ".." not in str(text) and not re.search(r"\d{4}", str(text)) \
            and not _AHEAD.search(str(text)):
        while start > current:
            start, end = add_months(start, -12), add_months(end, -12)
    return format_period(start), format_period(end)


@tool("get_sales", "Actual sales per past month beside the forecast made for it and its error %.")
def get_sales(args: GetSalesArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    start, end = look_back(args.period, ctx.planning_date)
    return sales_document(ctx.store, ctx.planning_date, sku=sku, family=family, start=start, end=end)
