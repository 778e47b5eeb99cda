"""``GET /v1/sales``: the document of ``sop sales --json`` and of the ``get_sales`` tool."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.http.deps import CallerDep, RuntimeDep
from sop_engine.service.sales import sales_document
from tools.resolve import product_scope

router = APIRouter(prefix="/v1", tags=["planning"])
Opt = Annotated[str | None, Query()]


@router.get("/sales")
def read_sales(
    runtime: RuntimeDep,
    caller: CallerDep,
    sku: Opt = None,
    family: Opt = None,
    product: Annotated[str | None, Query(description="A SKU code, product name or family, read as in chat")] = None,
    start: Annotated[str | None, Query(alias="from")] = None,
    end: Annotated[str | None, Query(alias="to")] = None,
) -> dict:
    """Actual sales per SKU and month beside the forecast made for that month, with totals."""
    if product and not (sku or family):
        sku, family, _ = product_scope(runtime.store.read_table("products"), product)
    return sales_document(runtime.store, runtime.planning_date()[0], sku=sku, family=family, start=start, end=end)
