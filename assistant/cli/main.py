"""``sop``: the command line of the S&OP assistant."""

from __future__ import annotations

import logging

import typer

from assistant.cli import data, forecast, notes
from assistant.cli.ask import approvals_app, ask, chat
from assistant.cli.demo import demo
from assistant.cli.planning import gaps, kpi, reconcile
from assistant.cli.serve import serve
from assistant.cli.output import STATE

app = typer.Typer(
    name="sop",
    help="S&OP assistant: planning data, forecasts, supply/demand gaps, KPIs and meeting notes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks of unexpected errors.")):
    """S&OP assistant."""
    if debug:
        STATE["debug"] = True
    logging.basicConfig(level=logging.DEBUG if STATE["debug"] else logging.WARNING)


app.command("demo")(demo)
app.add_typer(data.app, name="data")
app.add_typer(forecast.app, name="forecast")
app.command("gaps")(gaps)
app.command("reconcile")(reconcile)
app.command("kpi")(kpi)
app.add_typer(notes.app, name="notes")
app.command("ask")(ask)
app.command("serve")(serve)
app.command("chat")(chat)
app.add_typer(approvals_app, name="approvals")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
