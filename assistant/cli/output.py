"""How the CLI reports: one JSON document with ``--json``, rich text otherwise; errors never as tracebacks.

Every reporting command is decorated with ``@reports``: it catches the core's ``SopError`` (and, unless
``--debug``, anything else) and prints ``{"error": {"code", "message", "details"}}`` on stdout with
``--json``, or a human message on stderr, exiting non-zero. Long commands (``data load``, ``forecast run``,
``notes ingest``) print one ``progress: <stage>`` line per stage on stderr (``progress_line``).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from sop_engine.errors import SopError

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)
log = logging.getLogger("sop")

STATE = {"debug": os.environ.get("SOP_DEBUG", "").lower() in ("1", "true", "yes")}


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, set):
        return sorted(value)
    raise TypeError(f"not JSON-able: {type(value).__name__}")


def dumps(doc: Any) -> str:
    return json.dumps(doc, default=_default, ensure_ascii=False)


def emit(doc: Any, json_output: bool, render: Callable[[Any], None] | None = None) -> None:
    if json_output or render is None:
        typer.echo(dumps(doc))
    else:
        render(doc)


def progress_line(stage: str) -> None:
    """One line per stage of a long command, on stderr (``progress: <stage>``); stdout stays the document."""
    typer.echo(f"progress: {stage}", err=True)


def fail(error: SopError, json_output: bool, exit_code: int = 1) -> None:
    if json_output:
        typer.echo(dumps({"error": error.to_dict()}))
    else:
        err_console.print(f"[bold red]Error:[/] {escape(error.message)}", highlight=False, markup=True)
        for detail in error.details[:200]:
            err_console.print(f"  {detail}", highlight=False, markup=False)
        if len(error.details) > 200:
            err_console.print(f"  ... and {len(error.details) - 200} more")
    raise typer.Exit(exit_code)


def reports(fn: Callable) -> Callable:
    """Turn the core's errors into the CLI's error contract (see the module docstring)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        json_output = bool(kwargs.get("json_output"))
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except SopError as error:
            fail(error, json_output)
        except Exception as error:
            if STATE["debug"]:
                raise
            log.debug("unexpected error", exc_info=True)
            fail(SopError(f"unexpected error: {type(error).__name__}: {error} (run with --debug for details)"),
                 json_output, exit_code=2)

    return wrapper


def table(title: str | None, columns: list[str], rows: list[list[Any]]) -> None:
    """A Rich table; every title and cell is text, never markup (names and codes come from data)."""
    out = Table(title=escape(title) if title else None, show_lines=False, title_justify="left")
    for column in columns:
        out.add_column(escape(column), overflow="fold")
    for row in rows:
        out.add_row(*("" if v is None else escape(str(v)) for v in row))
    console.print(out)


def esc(value: Any) -> str:
    """Data shown inside our own markup: ``[/bold]`` in a company name or a SKU stays text."""
    return escape(str(value))


def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


JsonOption = typer.Option(False, "--json", help="Print one JSON document on stdout.")
