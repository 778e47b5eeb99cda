"""``check_shortages`` (gaps and what-ifs), ``reconcile_plan`` and ``get_kpi``."""

from __future__ import annotations

from sop_engine.service import planning
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import period_range, product_scope
from tools.schemas import CheckShortagesArgs, GetKpiArgs, ReconcilePlanArgs

DEFAULT_MONTHS_AHEAD = 3  # the current month and the next 3, when no period is asked


@tool("check_shortages", "Shortages: projected stock, shortage and stockout risk per month, with options that cover "
                         "them; scenario = a what-if.")
def check_shortages(args: CheckShortagesArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    scenario = args.scenario.model_dump(exclude_none=True) if args.scenario else None
    return planning.gaps(ctx.store, ctx.planning_date, sku=sku, family=family,
                         months=None if args.period else DEFAULT_MONTHS_AHEAD, period=args.period, scenario=scenario)


@tool("reconcile_plan", "S&OP reconciliation per family and month: forecast, sales plan, supply, revenue vs budget, "
                        "decisions.")
def reconcile_plan(args: ReconcilePlanArgs, ctx: ToolContext) -> dict:
    products = ctx.store.read_table("products")
    sku, family, resolved = product_scope(products, args.family)
    if sku:  # a product named: its family
        family = products.set_index("sku").loc[sku, "family"]
    return planning.reconcile(ctx.store, ctx.planning_date, family=family, period=args.period)


@tool("get_kpi", "A KPI's value with its formula, period and scope.")
def get_kpi(args: GetKpiArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    wanted = period_range(args.period, ctx.planning_date)
    start = wanted.labels[0] if wanted else None
    end = wanted.labels[-1] if wanted else None
    doc = planning.kpi(ctx.store, ctx.planning_date, args.name, sku=sku, family=family, start=start, end=end,
                       lag=args.lag)
    doc["source"] = "plan store: " + ("kpi_actuals.csv" if doc.get("kind") == "reported" else "history and plans")
    return doc
