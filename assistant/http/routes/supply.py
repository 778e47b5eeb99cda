"""``GET /v1/orders``, ``/v1/overstock``, ``/v1/capacity`` and ``/v1/drivers``: the documents of ``sop orders``,
``sop gaps --overstock`` and ``sop capacity`` (and of their tools), and of the ``get_driver_effects`` tool."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from assistant.http.deps import CallerDep, RuntimeDep
from sop_engine.service.capacity import capacity_document, period_months
from sop_engine.service.drivers import driver_effects
from sop_engine.service.orders import orders_document
from sop_engine.service.overstock import overstock_document
from tools.resolve import product_scope

router = APIRouter(prefix="/v1", tags=["planning"])
Opt = Annotated[str | None, Query()]
Product = Annotated[str | None, Query(description="A SKU code, product name or family, read as in chat")]


def _product(runtime, product: str | None, sku: str | None, family: str | None) -> tuple[str | None, str | None]:
    if product and not (sku or family):
        sku, family, _ = product_scope(runtime.store.read_table("products"), product)
    return sku, family


@router.get("/orders")
def read_orders(runtime: RuntimeDep, caller: CallerDep, ref: Opt = None, sku: Opt = None, family: Opt = None,
                product: Product = None) -> dict:
    """Open supply with due dates, status and whether each order is late against its need date."""
    sku, family = _product(runtime, product, sku, family)
    return orders_document(runtime.store, runtime.planning_date()[0], ref=ref, sku=sku, family=family)


@router.get("/overstock")
def read_overstock(runtime: RuntimeDep, caller: CallerDep, sku: Opt = None, family: Opt = None,
                   product: Product = None) -> dict:
    """SKUs with more months of cover than the company's overstock_months, with the excess and its value."""
    sku, family = _product(runtime, product, sku, family)
    return overstock_document(runtime.store, runtime.planning_date()[0], sku=sku, family=family)


@router.get("/capacity")
def read_capacity(runtime: RuntimeDep, caller: CallerDep, resource: Opt = None, period: Opt = None) -> dict:
    """Required vs available hours per resource and month (default: the current month and the next 3)."""
    planning_date = runtime.planning_date()[0]
    start, end = period_months(period, planning_date)
    return capacity_document(runtime.store, planning_date, resource=resource, start=start, end=end)


@router.get("/drivers")
def read_driver_effects(runtime: RuntimeDep, caller: CallerDep, sku: Opt = None, family: Opt = None,
                        product: Product = None, driver: Opt = None) -> dict:
    """What drives demand: each demand driver's recorded effect (% change of forecast units when its plan rises
    10%), whether the forecast with drivers beat the driver-free one in CV, and the drivers in the data."""
    sku, family = _product(runtime, product, sku, family)
    return driver_effects(runtime.store, runtime.planning_date()[0], sku=sku, family=family, driver=driver)
