"""``sop``: the command line of the S&OP assistant."""

from __future__ import annotations

import logging

import typer

from assistant.cli import data
from assistant.cli.demo import demo
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
