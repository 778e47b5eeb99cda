"""``sop``: the command line of the S&OP assistant."""

from __future__ import annotations

import logging

import typer
from typer.core import TyperGroup

from assistant.cli import data, forecast, notes
from assistant.cli.ask import approvals_app, ask, chat
from assistant.cli.audit import audit
from assistant.cli.demo import demo
from assistant.cli.digest import digest
from assistant.cli.mcp import mcp
from assistant.cli.output import STATE, dumps
from assistant.cli.pack import pack
from assistant.cli.planning import gaps, kpi, reconcile
from assistant.cli.sales import sales
from assistant.cli.serve import serve
from assistant.cli.supply import capacity, orders
from assistant.slack.cli import slack_command

# typer ships its own copy of click: take its UsageError from a public typer class rather than importing click
USAGE_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class SopGroup(TyperGroup):
    """With ``--json``, a usage error (unknown option, missing argument) is a JSON error document too."""

    def invoke(self, ctx):
        raw = [*getattr(ctx, "_protected_args", []), *ctx.args]
        try:
            return super().invoke(ctx)
        except USAGE_ERROR as error:
            if "--json" not in raw:
                raise
            typer.echo(dumps({"error": {"code": "usage", "message": error.format_message(), "details": []}}))
            raise typer.Exit(2) from None


app = typer.Typer(
    name="sop",
    cls=SopGroup,
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
    # the answers say what went wrong; log lines are for --debug (and for servers, which configure their own).
    # Even then only the project's own loggers speak below WARNING: library internals (bm25s, httpx, chromadb)
    # never reach the user's terminal.
    logging.basicConfig(level=logging.WARNING if STATE["debug"] else logging.ERROR)
    if STATE["debug"]:
        for name in OWN_LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)
    for handler in logging.getLogger().handlers:  # a library that sets its own logger to DEBUG (bm25s) is cut
        if not any(isinstance(f, _OwnBelowWarning) for f in handler.filters):
            handler.addFilter(_OwnBelowWarning())


OWN_LOGGERS = ("sop", "assistant", "sop_engine", "tools")


class _OwnBelowWarning(logging.Filter):
    """Below WARNING, only the project's own log records pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name.split(".")[0] in OWN_LOGGERS


app.command("demo")(demo)
app.add_typer(data.app, name="data")
app.add_typer(forecast.app, name="forecast")
app.command("gaps")(gaps)
app.command("reconcile")(reconcile)
app.command("kpi")(kpi)
app.command("sales")(sales)
app.command("orders")(orders)
app.command("capacity")(capacity)
app.command("pack")(pack)
app.command("digest")(digest)
app.add_typer(notes.app, name="notes")
app.command("ask")(ask)
app.command("serve")(serve)
app.command("mcp")(mcp)
app.command("slack")(slack_command)
app.command("chat")(chat)
app.add_typer(approvals_app, name="approvals")
app.command("audit")(audit)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
