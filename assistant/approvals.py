"""The write gate shared by every engine and entry point.

A write tool (``publish_forecast``) never runs when a model or the router asks for it: a viewer is
refused, anyone else gets a pending approval; it runs only when a planner or admin approves it
(``sop approvals approve ID``, the HTTP API or a Slack button). Roles are checked here, in code.
"""

from __future__ import annotations

import json

from sop_engine.errors import PermissionDenied, SopError
from sop_engine.store import approvals as store_approvals
from sop_engine.store import forecasts as store_forecasts
from tools.base import error_result, run_tool
from tools.context import ToolContext

SUMMARIES = {
    "publish_forecast": "publish forecast version {version}",
}
# What a request pins when it is made: the approver approves exactly what the requester saw.
PINS = {
    "publish_forecast": lambda store, args: {
        **args, "version": str(store_forecasts.get_version(store, args.get("version", "latest"))["id"])},
}


def request_write(name: str, args: dict, ctx: ToolContext) -> dict:
    """What a write tool call returns before approval: a refusal or a pending approval."""
    if ctx.role not in ("planner", "admin"):
        return error_result(PermissionDenied(
            f"{name} is a write; a {ctx.role} cannot request it. Ask a planner."))
    try:
        args = PINS[name](ctx.store, args) if name in PINS else args
    except SopError as error:  # e.g. no version to publish: nothing to approve
        return error_result(error)
    summary = SUMMARIES.get(name, name + " {args}").format(args=json.dumps(args), **{"version": "latest", **args})
    approval = store_approvals.request_approval(ctx.store, name, args, summary, ctx.principal, ctx.thread_id)
    return {"pending_approval": approval,
            "message": f"Approval {approval['id']} created to {summary}; nothing changes until a planner or admin "
                       f"approves it.",
            "planning_date": ctx.planning_date.isoformat()}


def decide(approval_id: str, approve: bool, ctx: ToolContext) -> dict:
    """Approve (and run) or reject a pending write, as ``ctx``'s principal and role."""

    def execute(action: str, arguments: dict) -> dict:
        result = run_tool(action, arguments, ctx)
        if "error" in result:
            raise PermissionDenied(result["error"]["message"]) if result["error"]["code"] == "permission_denied" \
                else _failed(result)
        return result

    return store_approvals.decide(ctx.store, approval_id, approve=approve, principal=ctx.principal, role=ctx.role,
                                  execute=execute, allow_self=ctx.extras.get("allow_self_approval", True))


def _failed(result: dict) -> Exception:
    error = SopError(result["error"]["message"], result["error"].get("details", []))
    error.code = result["error"]["code"]
    return error
