"""``sop data validate|load|show``: the data contract at the command line."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from assistant import bootstrap
from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, fmt, progress_line, reports, table
from assistant.runtime import cli_principal
from sop_engine.dataset.validate import read_dataset
from sop_engine.store.db import display_url

app = typer.Typer(help="Check, load and inspect a company's planning data (a folder of CSVs).",
                  no_args_is_help=True)


@app.command("validate")
@reports
def validate(folder: Path = typer.Argument(..., help="Folder of contract CSVs."), json_output: bool = JsonOption):
    """Check a folder against the data contract; every problem is listed as file:row: column: problem."""
    dataset = read_dataset(folder)
    if not dataset.ok:
        raise dataset.contract_error()
    emit(dataset.report(), json_output, _render_report)


def _render_report(report: dict) -> None:
    console.print(f"[green]OK[/] {esc(report['folder'])} follows the data contract.")
    table(None, ["file", "rows"], [[f"{k}.csv", fmt(v)] for k, v in report["files"].items()])
    for warning in report["warnings"]:
        console.print(f"[yellow]warning:[/] {esc(warning)}")


@app.command("load")
@reports
def load(folder: Path = typer.Argument(..., help="Folder of contract CSVs."), json_output: bool = JsonOption):
    """Load a folder into the plan store, all or nothing; the same company's forecasts, overrides and decisions
    are kept, another company's (or the demo's) are dropped."""
    doc = load_folder(folder)
    emit(doc, json_output, _render_load)


def _render_load(doc: dict) -> None:
    console.print(f"[green]Loaded[/] {escape(doc['source'])}: "
                  + ", ".join(f"{k} {v}" for k, v in doc["rows"].items() if v))
    change = doc.get("company_change")
    if change:
        dropped = ", ".join(f"{k} {v}" for k, v in change["dropped"].items() if v) or "nothing"
        console.print(f"[yellow]Another company:[/] {escape(str(change['to']))} replaces "
                      f"{escape(str(change['from']))} ({change['reason']}); the previous company's tool-made "
                      f"data was dropped ({dropped}); the audit log keeps the record.")


def load_folder(folder: Path) -> dict:
    progress_line(f"reading {folder}")
    doc = bootstrap.load_folder(runtime(), folder, cli_principal(), progress=progress_line)
    progress_line("committed")
    return doc


@app.command("show")
@reports
def show(json_output: bool = JsonOption):
    """What is loaded: counts per table, the planning date and where it came from, periods covered."""
    rt = runtime()
    summary = rt.store.summary()
    planning_date, source = rt.planning_date()
    summary["planning_date"] = planning_date.isoformat()
    summary["planning_date_source"] = source
    summary["store"] = display_url(rt.settings.db_url)
    summary["demo"] = bool(rt.store.meta().get("demo"))
    emit(summary, json_output, _render_summary)


def _render_summary(summary: dict) -> None:
    if not summary["loaded"]:
        console.print("Nothing is loaded yet: run [bold]sop demo[/] or [bold]sop data load DIR[/].")
        console.print(f"Planning date: {summary['planning_date']} ({summary['planning_date_source']})")
        return
    company = summary.get("company") or {}
    console.print(f"[bold]{esc(company.get('name', ''))}[/] — loaded from {esc(summary['source'])} at "
                  f"{summary['loaded_at']} by {esc(summary['loaded_by'])}")
    console.print(f"Planning date: {summary['planning_date']} (from {summary['planning_date_source']}); "
                  f"currency {esc(company.get('currency'))}; horizon {company.get('horizon_months')} months")
    rows = []
    for name, count in summary["counts"].items():
        span = summary["periods"].get(name)
        rows.append([name, fmt(count), f"{span['from']} .. {span['to']}" if span else "-"])
    table(None, ["table", "rows", "periods covered"], rows)
