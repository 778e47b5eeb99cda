"""``sop demo``: write the demo company and load it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from assistant.cli.context import runtime
from assistant.cli.data import load_folder
from assistant.cli.output import JsonOption, console, emit, reports
from sop_engine.periods import parse_date


@reports
def demo(
    out: Path | None = typer.Option(None, "--out", help="Folder to write (default: SOP_HOME/demo)."),
    seed: int = typer.Option(7, "--seed", help="Random seed; the same seed and date give the same files."),
    planning_date: str | None = typer.Option(None, "--planning-date", help="YYYY-MM-DD (default: today)."),
    theme: str = typer.Option("beverages", "--theme", help="beverages or hardware."),
    json_output: bool = JsonOption,
):
    """Write a demo company (CSV files and meeting notes) and load it into the plan store."""
    from sop_engine.demo import write_demo_company

    rt = runtime()
    when = parse_date(planning_date) if planning_date else (rt.settings.planning_date or date.today())
    folder = out or rt.settings.home / "demo"
    summary = write_demo_company(Path(folder), seed=seed, planning_date=when, theme=theme)
    doc = {"folder": str(Path(folder).resolve()), "planning_date": when.isoformat(), "seed": seed,
           "theme": theme, "load": load_folder(Path(folder))}
    doc.update(_after_load_hooks(Path(folder)))
    emit(doc, json_output, lambda d: console.print(
        f"[green]Demo company written to[/] {d['folder']} (planning date {d['planning_date']}) and loaded: "
        + ", ".join(f"{k} {v}" for k, v in d["load"]["rows"].items() if v)
    ))
    del summary


def _after_load_hooks(folder: Path) -> dict:
    """Steps that follow a demo load (meeting notes ingest is added by the notes feature)."""
    return {}
