"""Read endpoints over the planning core: the same documents as the CLI's ``--json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from assistant.http.deps import CallerDep, RuntimeDep
from sop_engine.periods import parse_month
from sop_engine.service import forecasting, planning
from sop_engine.service import notes as notes_service
from tools.charts import chart_png
from tools.context import ToolContext
from tools.products import find_products
from tools.schemas import FindProductsArgs

router = APIRouter(prefix="/v1", tags=["planning"])
Opt = Annotated[str | None, Query()]


@router.get("/products")
def read_products(runtime: RuntimeDep, caller: CallerDep, q: Opt = None) -> dict:
    if q:
        ctx = ToolContext(runtime.store, runtime.planning_date()[0], caller.principal, caller.role)
        return find_products(FindProductsArgs(query=q), ctx)
    products = runtime.store.read_table("products").drop(columns=["attributes"])
    products = products.astype(object).where(products.notna(), None)
    return {"products": products.to_dict("records"), "count": len(products)}


@router.get("/forecast")
def read_forecast(
    runtime: RuntimeDep, caller: CallerDep, version: str = "published", sku: Opt = None, family: Opt = None
) -> dict:
    return forecasting.show_forecast(runtime.store, runtime.planning_date()[0], version, sku=sku, family=family)


@router.get("/shortages")
def read_shortages(
    runtime: RuntimeDep,
    caller: CallerDep,
    sku: Opt = None,
    family: Opt = None,
    months: int | None = None,
    period: Opt = None,
    scenario: Opt = None,
) -> dict:
    return planning.gaps(
        runtime.store,
        runtime.planning_date()[0],
        sku=sku,
        family=family,
        months=months,
        period=period,
        scenario=scenario,
    )


@router.get("/reconciliation")
def read_reconciliation(runtime: RuntimeDep, caller: CallerDep, family: Opt = None, months: int | None = None,
                        period: Opt = None, coherence: bool = False) -> dict:
    return planning.reconcile(runtime.store, runtime.planning_date()[0], family=family, months=months,
                              period=period, with_coherence=coherence)


@router.get("/kpis")
def list_kpis(runtime: RuntimeDep, caller: CallerDep) -> dict:
    return planning.kpis(runtime.store, runtime.planning_date()[0])


@router.get("/kpis/{name}")
def read_kpi(
    name: str,
    runtime: RuntimeDep,
    caller: CallerDep,
    sku: Opt = None,
    family: Opt = None,
    start: Annotated[str | None, Query(alias="from")] = None,
    end: Annotated[str | None, Query(alias="to")] = None,
    lag: int | None = None,
) -> dict:
    return planning.kpi(
        runtime.store, runtime.planning_date()[0], name, sku=sku, family=family, start=start, end=end, lag=lag
    )


@router.get("/notes/search")
def search_notes(
    runtime: RuntimeDep,
    caller: CallerDep,
    q: Annotated[str, Query(min_length=1)],
    meeting: Opt = None,
    since: Opt = None,
    sku: Opt = None,
    limit: int = 5,
) -> dict:
    return notes_service.search_notes(
        runtime.store,
        runtime.notes_store(),
        q,
        k=limit,
        meeting=meeting,
        since=parse_month(since) if since else None,
        product=sku,
    )


@router.get("/decisions")
def read_decisions(
    runtime: RuntimeDep, caller: CallerDep, open: bool = False, owner: Opt = None, sku: Opt = None, kind: Opt = None
) -> dict:
    return notes_service.list_decisions(runtime.store, kind=kind, open_only=open, owner=owner, product=sku)


@router.get("/charts/{sku}.png", response_class=Response, responses={200: {"content": {"image/png": {}}}})
async def read_chart(sku: str, runtime: RuntimeDep, caller: CallerDep) -> Response:
    png, _ = await run_in_threadpool(chart_png, runtime.store, runtime.planning_date()[0], sku)
    return Response(png, media_type="image/png")
