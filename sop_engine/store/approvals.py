"""Pending approvals: a write asked for by one principal waits until a planner or admin decides.

The request stores the action and its arguments; nothing changes until it is approved, and the
decision (approve or reject, by whom, when, with the result) is kept and audited.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

from sqlalchemy import insert, select, update

from sop_engine.errors import Conflict, NotFound, PermissionDenied
from sop_engine.store.plan_store import PlanStore, iso_utc, utcnow
from sop_engine.store.schema import approvals

APPROVER_ROLES = ("planner", "admin")


def request_approval(store: PlanStore, action: str, arguments: dict, summary: str, requested_by: str,
                     thread_id: str | None = None) -> dict:
    approval_id = "apr-" + secrets.token_hex(4)
    with store.begin() as connection:
        connection.execute(insert(approvals).values(
            id=approval_id, action=action, arguments=arguments, summary=summary, requested_by=requested_by,
            requested_at=utcnow(), status="pending", thread_id=thread_id))
        store.audit(connection, requested_by, "approval.request", {"id": approval_id, "action": action,
                                                                    "arguments": arguments})
    return get_approval(store, approval_id)


def _doc(row) -> dict:
    return {
        "id": row["id"], "action": row["action"], "arguments": row["arguments"], "summary": row["summary"],
        "requested_by": row["requested_by"], "requested_at": iso_utc(row["requested_at"]),
        "status": row["status"], "decided_by": row["decided_by"],
        "decided_at": iso_utc(row["decided_at"]),
        "result": row["result"], "thread_id": row["thread_id"],
    }


def get_approval(store: PlanStore, approval_id: str) -> dict:
    with store.engine.connect() as connection:
        row = connection.execute(select(approvals).where(approvals.c.id == approval_id)).mappings().first()
    if row is None:
        raise NotFound(f"no approval '{approval_id}'; `sop approvals list` shows the pending ones")
    return _doc(row)


def list_approvals(store: PlanStore, status: str | None = "pending") -> list[dict]:
    query = select(approvals).order_by(approvals.c.requested_at)
    if status:
        query = query.where(approvals.c.status == status)
    with store.engine.connect() as connection:
        return [_doc(r) for r in connection.execute(query).mappings()]


def same_person(a: str, b: str) -> bool:
    """``cli:ana``, ``api:ana`` and ``slack:ana`` are one person: the name after the channel prefix."""
    return a == b or a.split(":", 1)[-1] == b.split(":", 1)[-1]


def decide(store: PlanStore, approval_id: str, *, approve: bool, principal: str, role: str,
           execute: Callable[[str, dict], dict], allow_self: bool = True) -> dict:
    """Approve (running ``execute(action, arguments)``) or reject a pending request.

    Only planners and admins may decide (checked here, in code, whoever asks), and not their own request
    unless ``allow_self``. The claim (pending -> decided) and the write it approves run in one
    transaction: whoever claims first executes; everyone else gets ``Conflict`` and nothing runs twice;
    if the write fails, the claim rolls back with it and the request stays pending.
    """
    if role not in APPROVER_ROLES:
        raise PermissionDenied(f"a {role} cannot approve or reject writes; a planner or admin must")
    approval = get_approval(store, approval_id)
    if not allow_self and same_person(approval["requested_by"], principal):
        raise PermissionDenied(f"{principal} requested {approval_id}; another planner or admin must decide it")
    status = "approved" if approve else "rejected"
    with store.begin() as connection:
        # the write turn is taken first (on SQLite by the first statement, which writes): deciders queue up
        claimed = connection.execute(update(approvals).where(
            (approvals.c.id == approval_id) & (approvals.c.status == "pending")
        ).values(status=status, decided_by=principal, decided_at=utcnow())).rowcount
        if not claimed:
            now = connection.execute(select(approvals.c.status, approvals.c.decided_by)
                                     .where(approvals.c.id == approval_id)).first()
            raise Conflict(f"approval {approval_id} was already {now.status} by {now.decided_by}")
        result = execute(approval["action"], approval["arguments"]) if approve else None
        if result is not None:
            connection.execute(update(approvals).where(approvals.c.id == approval_id).values(result=result))
        store.audit(connection, principal, f"approval.{status}",
                    {"id": approval_id, "action": approval["action"], "arguments": approval["arguments"],
                     "requested_by": approval["requested_by"]})
    return get_approval(store, approval_id)
