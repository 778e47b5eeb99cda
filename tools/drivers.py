"""``get_driver_effects``: what drives demand, and by how much, from the effects recorded with the forecast."""

from __future__ import annotations

from sop_engine.service import drivers
from tools.base import tool
from tools.context import ToolContext
from tools.resolve import product_scope
from tools.schemas import GetDriverEffectsArgs


@tool("get_driver_effects", "What drives demand (ads, prices ...) of a SKU, a family or all: each driver's "
                            "recorded effect, % units per +10% of its plan. A driver what-if is check_shortages' "
                            "scenario driver_changes.")
def get_driver_effects(args: GetDriverEffectsArgs, ctx: ToolContext) -> dict:
    sku, family, resolved = product_scope(ctx.store.read_table("products"), args.product)
    doc = drivers.driver_effects(ctx.store, ctx.planning_date, sku=sku, family=family, driver=args.driver)
    doc["scope"] = resolved.to_dict() if resolved else {"kind": "all"}
    doc["source"] = "plan store: effects recorded with the forecast versions planning uses"
    return doc
