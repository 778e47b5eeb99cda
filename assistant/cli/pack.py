"""``sop pack``: the pre-S&OP pack, written to a file and kept in the plan store."""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, reports
from assistant.runtime import cli_principal
from sop_engine.errors import InvalidArgument


@reports
def pack(
    period: str | None = typer.Option(None, "--period", help="The S&OP cycle month, YYYY-MM (default: the "
                                      "planning date's month)."),
    fmt: str = typer.Option("md", "--format", help="md, html (one standalone file) or pdf."),
    out: Path | None = typer.Option(None, "--out", help="Where to write it (default ./pack-YYYY-MM.<format>)."),
    json_output: bool = JsonOption,
):
    """Gather every mismatch for the pre-S&OP meeting: shortages, capacity, plan vs forecast, budget, accuracy,
    what changed since the last pack, action items and the decisions to take."""
    from assistant.pack import FORMATS, make_pack, render

    if fmt not in FORMATS:
        raise InvalidArgument(f"--format: '{fmt}' is not one of {', '.join(FORMATS)}")
    rt = runtime()
    document = make_pack(rt.store, rt.planning_date()[0], rt.today, cli_principal(), period)
    target = out or Path(f"pack-{document['period']}.{fmt}")
    content = render(document, fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(content)
        partial.replace(target)  # never a half-written pack
    except OSError as error:
        raise InvalidArgument(f"--out: cannot write {target}: {error.strerror or error}") from None
    emit({**document, "file": str(target)}, json_output,
         lambda d: console.print(f"Pack {d['id']} for {esc(d['period'])} written to {esc(d['file'])} "
                                 f"({len(content):,} bytes)."))
