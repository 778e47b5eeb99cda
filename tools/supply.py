"""``get_orders`` (open supply against its need date), ``check_overstock`` and ``get_capacity``."""

from __future__ import annotations

from sop_engine.service.capacity import capacity_document, period_months
from sop_engine.service.orders import orders_document
from sop_engine.service.overstock import overstock_document
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import product_scope
from tools.schemas import CheckOverstockArgs, GetCapacityArgs, GetOrdersArgs


@tool("get_orders", "Open orders (ref, due date, quantity, status) and whether each is late.")
def get_orders(args: GetOrdersArgs, ctx: ToolContext) -> dict:
    sku, family = None, None
    if not args.ref:
        sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    return orders_document(ctx.store, ctx.planning_date, ref=args.ref, sku=sku, family=family)


@tool("check_overstock", "Overstocked SKUs: months of cover, excess units and value.")
def check_overstock(args: CheckOverstockArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    return overstock_document(ctx.store, ctx.planning_date, sku=sku, family=family)


@tool("get_capacity", "Capacity load per line and month: required vs available hours, overloads.")
def get_capacity(args: GetCapacityArgs, ctx: ToolContext) -> dict:
    start, end = period_months(args.period, ctx.planning_date)
    return capacity_document(ctx.store, ctx.planning_date, resource=args.resource, start=start, end=end)
