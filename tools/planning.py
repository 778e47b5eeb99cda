"""``check_shortages`` (gaps and what-ifs), ``reconcile_plan`` and ``get_kpi``."""

from __future__ import annotations

from sop_engine.errors import InvalidArgument
from sop_engine.periods import format_period, month_start, months_between
from sop_engine.service import planning
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import period_range, product_scope
from tools.schemas import CheckShortagesArgs, GetKpiArgs, ReconcilePlanArgs

DEFAULT_MONTHS_AHEAD = 3  # the current month and the next 3, when no period is asked
MAX_SKUS = 25


def _horizon(period_text: str | None, ctx: ToolContext) -> tuple[int, list[str] | None]:
    """Months after the current one to project, and the months asked about (None = all shown)."""
    wanted = period_range(period_text, ctx.planning_date)
    if wanted is None:
        return DEFAULT_MONTHS_AHEAD, None
    current = month_start(ctx.planning_date)
    if wanted.end < current:
        raise InvalidArgument(f"{wanted} is in the past; shortages are projected from {format_period(current)}")
    return max(months_between(current, wanted.end), 0), [m for m in wanted.labels if m >= format_period(current)]


def _focus(doc: dict, months: list[str] | None) -> dict:
    """Keep the asked months' figures, and only the SKUs short in them (all when none is short)."""
    if months is None:
        return doc
    asked = set(months)
    for sku in doc["skus"]:  # the peak backlog inside the asked months (shortages carry over month to month)
        sku["asked_months_shortage"] = max((p["shortage"] for p in sku["periods"] if p["period"] in asked),
                                           default=0.0)
    doc["asked_months"] = months
    return doc


@tool("check_shortages", "Supply/demand gaps: projected stock per month, shortages, stockout probability and "
                         "options that would cover them, for a SKU, a family or all SKUs. With a scenario, a "
                         "what-if (demand %, order delays/cancellations, capacity) shown beside the base.")
def check_shortages(args: CheckShortagesArgs, ctx: ToolContext) -> dict:
    sku, family, resolved = product_scope(ctx.store.read_table("products"), args.product)
    months_ahead, asked = _horizon(args.period, ctx)
    scenario = args.scenario.model_dump(exclude_none=True) if args.scenario else None
    doc = planning.gaps(ctx.store, ctx.planning_date, sku=sku, family=family, months=months_ahead,
                        scenario=scenario)
    if scenario:
        for side in ("base", "scenario"):
            doc[side] = _trim(_focus(doc[side], asked))
    else:
        doc = _trim(_focus(doc, asked))
    doc["scope"] = resolved.to_dict() if resolved else {"kind": "all"}
    doc["unit"] = "units"
    doc["source"] = "plan store: inventory, open supply and the " + str(
        (doc.get("base") or doc)["demand_source"].get("kind")) + " forecast"
    return doc


def _trim(doc: dict) -> dict:
    """A model needs the short SKUs, not hundreds of healthy ones."""
    short = [s for s in doc["skus"] if s.get("asked_months_shortage", s["total_shortage"])]
    if len(doc["skus"]) > MAX_SKUS:
        doc["skus_not_shown"] = len(doc["skus"]) - len(short[:MAX_SKUS])
        doc["skus_checked"] = len(doc["skus"])
        doc["skus"] = short[:MAX_SKUS]
        doc["capacity"] = [c for c in doc.get("capacity", []) if c.get("overloaded")][:20]
    return doc


@tool("reconcile_plan", "Reconcile the statistical forecast, the sales plan, capacity-constrained supply and "
                        "revenue against budget, per family and month, with flags, a proposed consensus plan and "
                        "the decisions the executive meeting must take.")
def reconcile_plan(args: ReconcilePlanArgs, ctx: ToolContext) -> dict:
    products = ctx.store.read_table("products")
    sku, family, resolved = product_scope(products, args.family)
    if sku:  # a product named: its family
        family = products.set_index("sku").loc[sku, "family"]
    months, only = None, None
    wanted = period_range(args.period, ctx.planning_date)
    if wanted is not None:
        months = max(months_between(month_start(ctx.planning_date), wanted.end), 0)
        only = wanted.labels
    # the MinTrace coherence check fits family models (seconds): `sop reconcile` and the HTTP API show it
    doc = planning.reconcile(ctx.store, ctx.planning_date, family=family, months=months, only_months=only,
                             with_coherence=False)
    if len(doc.get("skus", [])) > MAX_SKUS * 4:
        doc["skus_not_shown"] = len(doc["skus"])
        doc["skus"] = [s for s in doc["skus"] if s.get("flags")][:MAX_SKUS]
    doc["source"] = "plan store: forecast, sales_plan.csv, capacity.csv, budget.csv"
    return doc


@tool("get_kpi", "A KPI (forecast accuracy WAPE/MAPE/bias/tracking signal/FVA at a lag, fill rate, OTIF, days of "
                 "supply, inventory turns and value, capacity utilisation, plan attainment, revenue vs budget, or a "
                 "reported metric) with its formula, period, scope and coverage.")
def get_kpi(args: GetKpiArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    wanted = period_range(args.period, ctx.planning_date)
    start = wanted.labels[0] if wanted else None
    end = wanted.labels[-1] if wanted else None
    doc = planning.kpi(ctx.store, ctx.planning_date, args.name, sku=sku, family=family, start=start, end=end,
                       lag=args.lag)
    doc["source"] = "plan store: " + ("kpi_actuals.csv" if doc.get("kind") == "reported" else "history and plans")
    return doc
