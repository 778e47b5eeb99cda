"""``sop demo``: write the demo company and load it (forecast published, meeting notes ingested)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.status import Status

from assistant.bootstrap import setup_demo
from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, reports
from assistant.runtime import cli_principal
from sop_engine.periods import parse_date


@reports
def demo(
    out: Path | None = typer.Option(None, "--out", help="Folder to write (default: SOP_HOME/demo)."),
    seed: int = typer.Option(7, "--seed", help="Random seed; the same seed and date give the same files."),
    planning_date: str | None = typer.Option(None, "--planning-date", help="YYYY-MM-DD (default: today)."),
    theme: str = typer.Option("beverages", "--theme", help="Demo vocabulary: beverages or hardware."),
    notes: bool = typer.Option(True, "--notes/--no-notes", help="Ingest the demo's meeting notes."),
    json_output: bool = JsonOption,
):
    """Write a demo company (CSV files and meeting notes), load it, forecast and publish, ingest the notes."""
    when = parse_date(planning_date) if planning_date else None
    with Status("setting up the demo company…", console=console) if not json_output else _Quiet():
        doc = setup_demo(runtime(), cli_principal(), folder=out, seed=seed, planning_date=when, theme=theme,
                         with_notes=notes)
    emit(doc, json_output, _render)


def _render(doc: dict) -> None:
    rows = ", ".join(f"{k} {v}" for k, v in doc["load"]["rows"].items() if v)
    console.print(f"[green]Demo company written to[/] {doc['folder']} (planning date {doc['planning_date']}) and "
                  f"loaded: {rows}")
    fc = doc["forecast"]
    console.print(f"Forecast version {fc['version']} published for {fc['published_skus']} SKUs.")
    if doc.get("notes"):
        n = doc["notes"]
        console.print(f"Meeting notes ingested: {n['notes']} notes, {n['items']} decisions and action items.")


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
