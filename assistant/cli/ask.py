"""``sop ask``, ``sop chat`` and ``sop approvals``: the assistant at the terminal."""

from __future__ import annotations

import sys

import typer

from assistant.approvals import decide
from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, reports, table
from assistant.conversation import Assistant
from assistant.runtime import cli_principal
from sop_engine.store import approvals as store_approvals

RoleOption = typer.Option("planner", "--role", help="Act as viewer, planner or admin.")

approvals_app = typer.Typer(help="Writes waiting for a planner's approval.", no_args_is_help=True)


def _check_role(role: str) -> str:
    if role not in ("viewer", "planner", "admin"):
        raise typer.BadParameter(f"'{role}' is not one of viewer, planner, admin", param_hint="--role")
    return role


def _render_turn(doc: dict) -> None:
    console.print(doc["answer"], markup=False, highlight=False)
    sources = [s.get("file") or s.get("source") for s in doc["sources"]]
    if sources:
        shown = esc("; ".join(dict.fromkeys(filter(None, sources))))
        engine = doc["engine"] + (f" ({doc['fallback_reason']})" if doc.get("fallback_reason") else "")
        console.print(f"[dim]sources: {shown} · engine: {esc(engine)}[/]")


def _confirm_pending(doc: dict, role: str, assistant: Assistant) -> None:
    pending = doc.get("pending_approval")
    if not pending or role == "viewer" or not sys.stdin.isatty():
        return
    if typer.confirm(f"Approve now: {pending['summary']}?", default=False):
        ctx = assistant.context(cli_principal(), role)
        decided = decide(pending["id"], True, ctx)
        console.print(f"[green]Approved[/] {esc(decided['id'])}: {esc(decided['summary'])}")
    else:
        console.print(f"Left pending as {pending['id']} (`sop approvals approve {pending['id']}` later).", markup=False)


@reports
def ask(
    question: str = typer.Argument(..., help="A planning question in plain words."),
    role: str = RoleOption,
    thread: str | None = typer.Option(None, "--thread", help="Continue a conversation (thread id)."),
    json_output: bool = JsonOption,
):
    """Ask the assistant one question; answers come from the planning tools, with sources."""
    role = _check_role(role)
    assistant = Assistant(runtime())
    doc = assistant.ask(question, principal=cli_principal(), role=role, thread_id=thread)
    emit(doc, json_output, _render_turn)
    if not json_output:
        _confirm_pending(doc, role, assistant)


@reports
def chat(role: str = RoleOption, thread: str | None = typer.Option(None, "--thread", help="Resume a thread.")):
    """An interactive session that keeps the conversation (empty line or Ctrl-D to leave)."""
    role = _check_role(role)
    assistant = Assistant(runtime())
    if thread:
        assistant.threads.check(thread, cli_principal())
    thread_id = thread or assistant.threads.start(cli_principal())
    console.print(f"S&OP assistant (thread {thread_id}, role {role}). Ask a question; 'help' lists what I can do.")
    while True:
        try:
            question = console.input("[bold]> [/]").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question or question.lower() in ("exit", "quit", "bye"):
            break
        doc = assistant.ask(question, principal=cli_principal(), role=role, thread_id=thread_id)
        _render_turn(doc)
        _confirm_pending(doc, role, assistant)


@approvals_app.command("list")
@reports
def list_approvals(
    all_: bool = typer.Option(False, "--all", help="Include decided ones."), json_output: bool = JsonOption
):
    """Pending approvals (or all with --all)."""
    items = store_approvals.list_approvals(runtime().store, None if all_ else "pending")
    emit(
        {"approvals": items},
        json_output,
        lambda d: table(
            "Approvals",
            ["id", "action", "summary", "requested by", "when", "status"],
            [
                [a["id"], a["action"], a["summary"], a["requested_by"], a["requested_at"], a["status"]]
                for a in d["approvals"]
            ],
        ),
    )


def _decide(approval_id: str, approve: bool, role: str, json_output: bool) -> None:
    role = _check_role(role)
    ctx = Assistant(runtime()).context(cli_principal(), role)
    doc = decide(approval_id, approve, ctx)
    emit(doc, json_output,
         lambda d: console.print(f"[green]{d['status'].capitalize()}[/] {esc(d['id'])}: {esc(d['summary'])}"))


@approvals_app.command("approve")
@reports
def approve(approval_id: str = typer.Argument(...), role: str = RoleOption, json_output: bool = JsonOption):
    """Approve a pending write; it runs now."""
    _decide(approval_id, True, role, json_output)


@approvals_app.command("reject")
@reports
def reject(approval_id: str = typer.Argument(...), role: str = RoleOption, json_output: bool = JsonOption):
    """Reject a pending write; nothing changes."""
    _decide(approval_id, False, role, json_output)
