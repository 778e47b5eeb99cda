"""``sop notes ingest|search|decisions``: the meeting-notes memory."""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, progress_line, reports, table
from assistant.runtime import cli_principal
from sop_engine.limits import MAX_NOTES_HITS
from sop_engine.periods import parse_month
from sop_engine.service import notes as notes_service

app = typer.Typer(
    help="S&OP meeting notes: ingest, search with citations, decisions and action items.", no_args_is_help=True
)


@app.command("ingest")
@reports
def ingest(
    folder: Path = typer.Argument(..., help="Folder of markdown/text notes."),
    reindex: bool = typer.Option(False, "--reindex", help="Rebuild the index (after changing embeddings)."),
    json_output: bool = JsonOption,
):
    """Ingest notes: new and edited notes are indexed, deleted ones removed, bad ones reported and skipped."""
    rt = runtime()
    progress_line(f"reading {folder}")
    doc = notes_service.ingest_notes(rt.store, rt.notes_store(), folder, cli_principal(), reindex=reindex,
                                     progress=progress_line)
    progress_line("committed")
    emit(doc, json_output, _render_ingest)


def _render_ingest(doc: dict) -> None:
    console.print(
        f"[green]Ingested[/] {esc(doc['folder'])}: {doc['added']} added, {doc['updated']} updated, "
        f"{doc['removed']} removed, {doc['unchanged']} unchanged; {doc['decisions']} decisions and "
        f"{doc['action_items']} action items."
    )
    for skipped in doc["skipped"]:
        console.print(f"[yellow]skipped[/] {esc(skipped['file'])}: {esc(skipped['reason'])}", highlight=False)


@app.command("search")
@reports
def search(
    query: str = typer.Argument(..., help="What to look for."),
    meeting: str | None = typer.Option(None, "--meeting", help="Meeting kind, e.g. executive_sop."),
    since: str | None = typer.Option(None, "--since", help="From this month (YYYY-MM)."),
    sku: str | None = typer.Option(None, "--sku", help="Only notes mentioning this SKU or family."),
    limit: int = typer.Option(5, "--limit", min=1, max=MAX_NOTES_HITS, help="Hits to return."),
    json_output: bool = JsonOption,
):
    """Hybrid search (keywords + meaning) over the notes; every hit is a citation."""
    rt = runtime()
    doc = notes_service.search_notes(
        rt.store,
        rt.notes_store(),
        query,
        k=limit,
        meeting=meeting,
        since=parse_month(since) if since else None,
        product=sku,
    )
    emit(doc, json_output, _render_hits)


def _render_hits(doc: dict) -> None:
    if not doc["hits"]:
        console.print("No notes match.")
    for hit in doc["hits"]:
        console.print(
            f"[bold]{esc(hit['date'])} {esc(hit['meeting'])}[/] — {esc(hit['title'])} › {esc(hit['section'])} "
            f"[dim]({esc(hit['file'])})[/]"
        )
        console.print("  " + " ".join(hit["text"].split())[:500], markup=False, highlight=False)


@app.command("decisions")
@reports
def decisions(
    open_only: bool = typer.Option(False, "--open", help="Only open action items."),
    owner: str | None = typer.Option(None, "--owner", help="Owner name (or part of it)."),
    sku: str | None = typer.Option(None, "--sku", help="A SKU, product name or family mentioned."),
    kind: str | None = typer.Option(None, "--kind", help="decision or action_item."),
    mentions: str | None = typer.Option(None, "--mentions", help="A word or reference, e.g. PO-1182."),
    json_output: bool = JsonOption,
):
    """Decisions and action items from the notes, as records (owner, due date, open or done)."""
    doc = notes_service.list_decisions(runtime().store, kind=kind, open_only=open_only, owner=owner, product=sku,
                                       mentions=mentions)
    emit(
        doc,
        json_output,
        lambda d: table(
            f"{d['count']} item(s)",
            ["date", "meeting", "kind", "status", "owner", "due", "text"],
            [
                [i["date"], i["meeting"], i["kind"], i["status"], i["owner"] or "", i["due_date"] or "", i["text"]]
                for i in d["items"]
            ],
        ),
    )
