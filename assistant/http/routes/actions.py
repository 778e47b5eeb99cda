"""Jobs (``POST /v1/reforecast``, ``GET /v1/jobs/{id}``) and approvals."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from assistant.approvals import decide
from assistant.http.deps import AssistantDep, CallerDep, PlannerDep, RuntimeDep
from sop_engine.store import approvals as store_approvals
from tools.base import run_tool

router = APIRouter(prefix="/v1", tags=["actions"])


class ReforecastRequest(BaseModel):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    exclude: list[str] = Field(default_factory=list, description="Months to treat as outliers (YYYY-MM)")
    history_until: str | None = None
    note: str | None = Field(None, max_length=500)


@router.post("/reforecast", status_code=202)
def start_reforecast(body: ReforecastRequest, request: Request, caller: PlannerDep, assistant: AssistantDep) -> dict:
    def work(progress) -> dict:
        ctx = assistant.context(caller.principal, caller.role, progress=progress)
        return run_tool("reforecast", body.model_dump(exclude_none=True), ctx)

    job = request.app.state.jobs.start("reforecast", caller.principal, work)
    return {"job_id": job.id, "status_url": f"/v1/jobs/{job.id}", **job.to_dict()}


@router.get("/jobs/{job_id}")
def read_job(job_id: str, request: Request, caller: CallerDep) -> dict:
    return request.app.state.jobs.get(job_id).to_dict()


@router.get("/approvals")
def list_approvals(runtime: RuntimeDep, caller: CallerDep, status: str | None = "pending") -> dict:
    items = store_approvals.list_approvals(runtime.store, None if status == "all" else status)
    if caller.role == "viewer":  # a thread id is a conversation's handle: viewers do not get others'
        items = [{k: v for k, v in item.items() if k != "thread_id"} for item in items]
    return {"approvals": items}


@router.post("/approvals/{approval_id}/approve")
def approve(approval_id: str, caller: CallerDep, assistant: AssistantDep) -> dict:
    return decide(approval_id, True, assistant.context(caller.principal, caller.role))


@router.post("/approvals/{approval_id}/reject")
def reject(approval_id: str, caller: CallerDep, assistant: AssistantDep) -> dict:
    return decide(approval_id, False, assistant.context(caller.principal, caller.role))
