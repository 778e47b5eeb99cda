"""``sop audit``: the audit log (writes, approval decisions, job starts and cancels), oldest first."""

from __future__ import annotations

import json

import typer
from rich.markup import escape

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, emit, reports, table
from sop_engine.store import audit as store_audit


@reports
def audit(
    since: str | None = typer.Option(None, "--since", help="From this day on (YYYY-MM-DD)."),
    limit: int = typer.Option(1000, "--limit", help=f"The newest entries at most (1..{store_audit.MAX_ENTRIES})."),
    json_output: bool = JsonOption,
):
    """Who did what, when: {"entries": [{"at", "principal", "action", "detail"}]}."""
    doc = store_audit.entries(runtime().store, store_audit.parse_since(since), limit)
    emit(doc, json_output, lambda d: table(
        f"audit log ({len(d['entries'])} entries)", ["at", "principal", "action", "detail"],
        [[e["at"], escape(e["principal"]), escape(e["action"]), escape(json.dumps(e["detail"], default=str)[:200])]
         for e in d["entries"]]))
