"""Jobs (``POST /v1/reforecast``, ``GET|DELETE /v1/jobs/{id}``), approvals and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from assistant.approvals import decide
from assistant.http.deps import AdminDep, AssistantDep, CallerDep, PlannerDep, RuntimeDep
from sop_engine.store import approvals as store_approvals
from sop_engine.store import audit as store_audit

router = APIRouter(prefix="/v1", tags=["actions"])

BUSY = {429: {"description": "the job queue (or the caller's share of it) is full; see `Retry-After`"}}


class ReforecastRequest(BaseModel):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    exclude: list[str] = Field(default_factory=list, description="Months to treat as outliers (YYYY-MM)")
    history_until: str | None = None
    note: str | None = Field(None, max_length=500)


@router.post("/reforecast", status_code=202, responses=BUSY)
def start_reforecast(body: ReforecastRequest, request: Request, caller: PlannerDep) -> dict:
    """Queue a re-forecast; it runs in a worker process. 429 with `Retry-After` when the queue is full."""
    job = request.app.state.jobs.submit("reforecast", body.model_dump(exclude_none=True), caller.principal,
                                        caller.role)
    return {"job_id": job["id"], "status_url": f"/v1/jobs/{job['id']}", **job}


@router.get("/jobs/{job_id}")
def read_job(job_id: str, request: Request, caller: CallerDep) -> dict:
    """A job's status (`queued`, `running`, `done`, `failed`, `cancelled`, `interrupted`) and progress."""
    return request.app.state.jobs.get(job_id)


@router.delete("/jobs/{job_id}", responses={403: {"description": "not the requester nor an admin"},
                                            404: {"description": "no such job"},
                                            409: {"description": "the job has finished or is saving its result"}})
def cancel_job(job_id: str, request: Request, caller: PlannerDep) -> dict:
    """Cancel a queued or running job (its requester or an admin); a running worker is stopped, and
    nothing it computed is saved. 409 when the job has finished or is saving its result."""
    return request.app.state.jobs.cancel(job_id, caller.principal, caller.role)


@router.get("/approvals")
def list_approvals(runtime: RuntimeDep, caller: CallerDep, status: str | None = "pending") -> dict:
    items = store_approvals.list_approvals(runtime.store, None if status == "all" else status)
    if caller.role == "viewer":  # a thread id is a conversation's handle: viewers do not get others'
        items = [{k: v for k, v in item.items() if k != "thread_id"} for item in items]
    return {"approvals": items}


@router.post("/approvals/{approval_id}/approve",
             responses={403: {"description": "a viewer, or the requester while API keys are configured"},
                        409: {"description": "already decided (by someone else), or the write itself conflicts"}})
def approve(approval_id: str, caller: CallerDep, assistant: AssistantDep) -> dict:
    """Approve and run a pending write; exactly one approver runs it (the others get 409)."""
    return decide(approval_id, True, assistant.context(caller.principal, caller.role))


@router.post("/approvals/{approval_id}/reject")
def reject(approval_id: str, caller: CallerDep, assistant: AssistantDep) -> dict:
    return decide(approval_id, False, assistant.context(caller.principal, caller.role))


@router.get("/audit")
def read_audit(runtime: RuntimeDep, caller: AdminDep,
               since: str | None = Query(None, description="from this day on (YYYY-MM-DD)"),
               limit: int = Query(1000, ge=1, le=store_audit.MAX_ENTRIES, description="newest entries at most")
               ) -> dict:
    """The audit log (admins): `{"entries": [{"at", "principal", "action", "detail"}]}`, oldest first."""
    return store_audit.entries(runtime.store, store_audit.parse_since(since), limit)
