"""``get_forecast``, ``reforecast`` (a draft version) and ``publish_forecast`` (a write, approved first)."""

from __future__ import annotations

from sop_engine.errors import InvalidArgument
from sop_engine.periods import format_period
from sop_engine.service import forecasting
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import past_month, period_range, product_scope
from tools.schemas import GetForecastArgs, PublishForecastArgs, ReforecastArgs

MAX_ROWS = 240  # a model reads totals per SKU; the full table stays available through the CLI/HTTP


@tool("get_forecast", "The forecast per month with 80/95% intervals, model and overrides (published, latest draft "
                      "or a version).")
def get_forecast(args: GetForecastArgs, ctx: ToolContext) -> dict:
    sku, family, resolved = product_scope(ctx.store.read_table("products"), args.product)
    doc = forecasting.show_forecast(ctx.store, ctx.planning_date, args.version, sku=sku, family=family)
    months = period_range(args.period, ctx.planning_date)
    if months is not None:
        wanted = set(months.labels)
        doc["rows"] = [r for r in doc["rows"] if r["period"] in wanted]
        doc["months"] = months.labels
        if not doc["rows"]:
            doc["note"] = f"the forecast does not cover {months}"
    totals: dict[str, float] = {}
    for row in doc["rows"]:
        totals[row["period"]] = totals.get(row["period"], 0.0) + (row["final"] or 0.0)
    doc["total_by_period"] = [{"period": p, "forecast": round(v, 1)} for p, v in sorted(totals.items())]
    doc["sku_count"] = len({row["sku"] for row in doc["rows"]})
    doc["scope"] = resolved.to_dict() if resolved else {"kind": "all"}
    doc["unit"] = "units"
    doc["source"] = f"forecast {doc['version']} in the plan store"
    if len(doc["rows"]) > MAX_ROWS:
        doc["rows_truncated"] = len(doc["rows"]) - MAX_ROWS
        doc["rows"] = doc["rows"][:MAX_ROWS]
    return doc


@tool("reforecast", "Re-run the forecast into a draft (planners); exclude = past months to treat as outliers.")
def reforecast(args: ReforecastArgs, ctx: ToolContext) -> dict:
    sku, family, resolved = product_scope(ctx.store.read_table("products"), args.product)
    try:
        exclude = [past_month(text, ctx.planning_date) for text in args.exclude]
    except ValueError as exc:
        raise InvalidArgument(f"'{exc}' is not a month I can read; use YYYY-MM") from None
    doc = forecasting.run_forecast(ctx.store, ctx.planning_date, principal=ctx.principal, sku=sku, family=family,
                                   history_until=args.history_until, exclude=exclude,
                                   note=args.note or f"re-forecast requested by {ctx.principal}",
                                   progress=ctx.progress, **_engine(ctx),
                                   scenario=args.scenario.model_dump(exclude_none=True) if args.scenario else None)
    doc["excluded_months"] = [format_period(m) for m in exclude]
    doc["scope_resolved"] = resolved.to_dict() if resolved else {"kind": "all"}
    doc["source"] = f"statsforecast run stored as draft version {doc['version']}"
    return doc


def _engine(ctx: ToolContext) -> dict:
    engine, address = ctx.extras.get("forecast_engine") or ("local", None)
    return {"engine": engine, "address": address, "should_stop": ctx.extras.get("should_stop")}


@tool("publish_forecast", "Request publishing a draft forecast; it waits for a planner's approval.")
def publish_forecast(args: PublishForecastArgs, ctx: ToolContext) -> dict:
    doc = forecasting.publish_forecast(ctx.store, args.version, ctx.principal)
    doc["source"] = "plan store"
    doc["skus_published"] = len(doc.pop("skus"))
    return doc
