"""``find_products``: fuzzy search by code, name or family."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from sop_engine.errors import NoData
from tools.base import tool
from tools.context import ToolContext
from tools.schemas import FindProductsArgs


@tool("find_products", "Find products by part of a SKU code, name or family.")
def find_products(args: FindProductsArgs, ctx: ToolContext) -> dict:
    products = ctx.store.read_table("products")
    if products.empty:
        raise NoData("no products loaded")
    query = args.query.strip()
    families = products["family"].astype(str)
    exact_family = products[families.str.casefold() == query.casefold()]
    if not exact_family.empty:
        matches = exact_family
    else:
        labels = (products["sku"].astype(str) + " " + products["name"].astype(str) + " " + families).tolist()
        found = process.extract(query, labels, scorer=fuzz.WRatio, limit=10, processor=str.casefold)
        best = found[0][1] if found else 0
        keep = [index for _, score, index in found if score >= max(60.0, best - 10)]
        matches = products.iloc[keep]
    rows = [{"sku": r["sku"], "name": r["name"], "family": r["family"], "status": r["status"],
             "plant": r["plant"], "uom": r["uom"] or "units"} for r in matches.to_dict("records")]
    return {"query": query, "products": rows, "count": len(rows), "source": "products.csv (product master)"}
