"""``get_orders`` (open supply against its need date), ``check_overstock`` and ``get_capacity``."""

from __future__ import annotations

from sop_engine.service.capacity import capacity_document, period_months
from sop_engine.service.orders import orders_document
from sop_engine.service.overstock import overstock_document
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import product_scope
from tools.schemas import CheckOverstockArgs, GetCapacityArgs, GetOrdersArgs


@tool("get_orders", "Open supply (purchase, production and transfer orders): ref, SKU, kind, status, supplier, "
                    "due date, quantity, and whether each is late against the date the projection needs it "
                    "(days late). By order ref ('PO-1182') or for a SKU or family: 'when does PO-1182 "
                    "arrive?', 'is it late?', 'what is on order for X?'.")
def get_orders(args: GetOrdersArgs, ctx: ToolContext) -> dict:
    sku, family = None, None
    if not args.ref:
        sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    return orders_document(ctx.store, ctx.planning_date, ref=args.ref, sku=sku, family=family)


@tool("check_overstock", "Overstock: SKUs whose months of cover exceed the company's overstock_months "
                         "(company.toml, default 3), with their cover, the excess units over it and their value "
                         "at unit cost, for a SKU, a family or every SKU.")
def check_overstock(args: CheckOverstockArgs, ctx: ToolContext) -> dict:
    sku, family, _ = product_scope(ctx.store.read_table("products"), args.product)
    return overstock_document(ctx.store, ctx.planning_date, sku=sku, family=family)


@tool("get_capacity", "Capacity load: required vs available hours per production line / work centre and month, "
                      "utilisation % and whether it is overloaded; default the current month and the next 3.")
def get_capacity(args: GetCapacityArgs, ctx: ToolContext) -> dict:
    start, end = period_months(args.period, ctx.planning_date)
    return capacity_document(ctx.store, ctx.planning_date, resource=args.resource, start=start, end=end)
