"""Read endpoints over the planning core: the same documents as the CLI's ``--json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from assistant.http.deps import CallerDep, RuntimeDep
from sop_engine.limits import (
    MAX_LAG,
    MAX_MONTHS,
    MAX_NOTES_HITS,
    MAX_PAGE_ITEMS,
    MAX_RANGE_MONTHS,
    MAX_SCENARIO_CHANGES,
)
from sop_engine.periods import parse_month
from sop_engine.planning.scenario import Scenario
from sop_engine.service import forecasting, planning
from sop_engine.service import notes as notes_service
from sop_engine.service.pages import paginate
from tools.charts import chart_png
from tools.context import ToolContext
from tools.products import find_products
from tools.schemas import FindProductsArgs

router = APIRouter(prefix="/v1", tags=["planning"])
Opt = Annotated[str | None, Query(max_length=200)]
Months = Annotated[int | None, Query(ge=0, le=MAX_MONTHS,
                                     description=f"The current month and the N after it (at most {MAX_MONTHS})")]
Month = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}-\d{1,2}(-\d{1,2})?$", description="YYYY-MM")]
ScenarioText = Annotated[str | None, Query(
    max_length=48_000,
    description="A what-if as JSON (demand_changes, supply_changes, capacity_changes; at most "
                f"{MAX_SCENARIO_CHANGES} changes). Always JSON: never a file name.")]
Limit = Annotated[int | None, Query(ge=1, le=MAX_PAGE_ITEMS, description=(
    f"SKUs (products) per page, at most {MAX_PAGE_ITEMS} (the default): a larger document comes in pages"))]
Cursor = Annotated[str | None, Query(max_length=200, description=(
    "next_cursor of the previous page (opaque; refused after a write or for another question)"))]


def page(doc: dict, items: str, limit: int | None, cursor: str | None, version, question: dict,
         linked: tuple[str, ...] = ()) -> dict:
    return paginate(doc, items, limit=limit, cursor=cursor, question=question, version=version, linked=linked)


@router.get("/products")
def read_products(runtime: RuntimeDep, caller: CallerDep, q: Opt = None, limit: Limit = None,
                  cursor: Cursor = None) -> dict:
    """The product master (``count`` is every product; ``page`` says which are in this answer), or with ``q``
    the products matching it."""
    if q:
        ctx = ToolContext(runtime.store, runtime.planning_date()[0], caller.principal, caller.role)
        return find_products(FindProductsArgs(query=q), ctx)
    version = runtime.store.generation()
    products = runtime.store.read_table("products").drop(columns=["attributes"])
    products = products.astype(object).where(products.notna(), None)
    doc = {"products": products.to_dict("records"), "count": len(products)}
    return page(doc, "products", limit, cursor, version, {"route": "products"})


@router.get("/forecast")
def read_forecast(
    runtime: RuntimeDep, caller: CallerDep, version: str = "published", sku: Opt = None, family: Opt = None,
    limit: Limit = None, cursor: Cursor = None,
) -> dict:
    """One forecast version (or the published forecast), paged by SKU: ``rows`` holds the page's SKUs."""
    generation = runtime.store.generation()
    doc = forecasting.show_forecast(runtime.store, runtime.planning_date()[0], version, sku=sku, family=family)
    return page(doc, "skus", limit, cursor, generation,
                {"route": "forecast", "version": version, "sku": sku, "family": family}, linked=("rows",))


@router.get("/shortages")
def read_shortages(
    runtime: RuntimeDep,
    caller: CallerDep,
    sku: Opt = None,
    family: Opt = None,
    months: Months = None,
    period: Opt = None,
    scenario: ScenarioText = None,
    limit: Limit = None,
    cursor: Cursor = None,
) -> dict:
    """The shortages document, paged by SKU (families, plants and capacity are whole on every page); a
    what-if (``scenario``) comes whole: its scope bounds it."""
    version = runtime.store.generation()
    when = runtime.planning_date()[0]
    doc = planning.gaps(runtime.store, when, sku=sku, family=family, months=months, period=period,
                        scenario=scenario)
    if scenario:
        return doc
    return page(doc, "skus", limit, cursor, version, {"route": "shortages", "sku": sku, "family": family,
                                                                "months": months, "period": period, "date": when})


class ShortagesRequest(BaseModel):
    """``POST /v1/shortages``: the same question as the GET, with the what-if as a JSON body."""

    model_config = ConfigDict(extra="forbid")
    sku: str | None = Field(None, max_length=200)
    family: str | None = Field(None, max_length=200)
    months: int | None = Field(None, ge=0, le=MAX_MONTHS)
    period: str | None = Field(None, max_length=200)
    scenario: Scenario | None = Field(None, description=f"demand, supply and capacity changes; at most "
                                                        f"{MAX_SCENARIO_CHANGES} in all")


@router.post("/shortages")
def what_if_shortages(body: ShortagesRequest, runtime: RuntimeDep, caller: CallerDep) -> dict:
    return planning.gaps(runtime.store, runtime.planning_date()[0], sku=body.sku, family=body.family,
                         months=body.months, period=body.period, scenario=body.scenario)


@router.get("/reconciliation")
def read_reconciliation(runtime: RuntimeDep, caller: CallerDep, family: Opt = None, months: Months = None,
                        period: Opt = None, coherence: bool = False, limit: Limit = None,
                        cursor: Cursor = None) -> dict:
    """The reconciliation, its ``skus`` paged (families, decisions and coherence are whole on every page)."""
    version = runtime.store.generation()
    when = runtime.planning_date()[0]
    doc = planning.reconcile(runtime.store, when, family=family, months=months, period=period,
                             with_coherence=coherence)
    return page(doc, "skus", limit, cursor, version, {"route": "reconciliation", "family": family,
                                                                "months": months, "period": period, "date": when,
                                                                "coherence": coherence})


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
    start: Annotated[str | None, Query(alias="from", max_length=10, pattern=r"^\d{4}-\d{1,2}(-\d{1,2})?$",
                                       description=f"First month, YYYY-MM; from..to spans at most "
                                                   f"{MAX_RANGE_MONTHS} months")] = None,
    end: Annotated[str | None, Query(alias="to", max_length=10, pattern=r"^\d{4}-\d{1,2}(-\d{1,2})?$",
                                     description="Last month, YYYY-MM")] = None,
    lag: Annotated[int | None, Query(ge=0, le=MAX_LAG)] = None,
) -> dict:
    return planning.kpi(
        runtime.store, runtime.planning_date()[0], name, sku=sku, family=family, start=start, end=end, lag=lag
    )


@router.get("/notes/search")
def search_notes(
    runtime: RuntimeDep,
    caller: CallerDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    meeting: Opt = None,
    since: Month = None,
    sku: Opt = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NOTES_HITS)] = 5,
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
