"""``sop serve``: the HTTP API (and the Slack app when configured) — the assistant's main job."""

from __future__ import annotations

import ipaddress
import logging

import typer
from rich.markup import escape

from assistant.bootstrap import company_status, ensure_data
from assistant.cli.context import runtime
from assistant.cli.output import console, err_console, reports
from assistant.runtime import cli_principal
from sop_engine.errors import InvalidArgument
from sop_engine.store.db import display_url

log = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@reports
def serve(
    host: str | None = typer.Option(None, "--host", help="Address to bind (default SOP_HOST, 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port (default SOP_PORT, 8000)."),
    load_demo: bool = typer.Option(True, "--demo/--no-demo", help="Load the demo company if the store is empty."),
):
    """Serve the HTTP API (and Slack at /slack/events when SLACK_* is set); loads the demo on an empty store."""
    import uvicorn

    from assistant.http.app import MAX_REQUEST_HEAD, create_app
    from assistant.slack.mount import slack_handler_from_settings

    rt = runtime()
    settings = rt.settings
    host = host or settings.host
    port = port or settings.port
    check_workers(settings)
    if not settings.api_keys.strip():
        if not is_loopback(host):
            raise InvalidArgument(
                f"refusing to listen on {host} without API keys: set SOP_API_KEYS "
                "(e.g. key1:viewer,key2:planner) or bind to 127.0.0.1"
            )
        err_console.print(
            "[bold yellow]WARNING: no API keys configured (SOP_API_KEYS): listening on loopback only, "
            "and every local caller is treated as a planner.[/]"
        )
    if load_demo:
        loaded = ensure_data(rt, cli_principal())
        if loaded:
            console.print(f"Loaded the demo company into an empty store ({loaded['folder']}).")
    _announce_company(rt)
    engine = "LLM " + settings.model if settings.uses_llm else "offline router"
    store = display_url(settings.db_url)
    console.print(f"sop-assistant on http://{host}:{port} (docs at /docs) · {engine} · store {store}"
                  + (f" · {settings.workers} processes" if settings.workers > 1 else ""))
    if settings.workers > 1:  # each process builds its own app from the same settings (the environment)
        uvicorn.run("assistant.http.app:app_from_settings", factory=True, host=host, port=port,
                    workers=settings.workers, log_level="info", http="h11",
                    h11_max_incomplete_event_size=MAX_REQUEST_HEAD)
        return
    from assistant.digests import digests_from_settings

    digests = digests_from_settings(rt)
    app = create_app(rt, slack_handler=slack_handler_from_settings(rt), digests=digests)
    if digests is not None:
        console.print(f"Slack digests scheduled: {', '.join(f'{s.digest} ({s.cron})' for s in digests.specs)} "
                      f"· time zone {digests.timezone()}", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="info", http="h11", h11_max_incomplete_event_size=MAX_REQUEST_HEAD)


def check_workers(settings) -> None:
    """More than one server process shares the plan store (SQL) and the notes index only through a chroma
    server: a local chromadb folder is opened by one process at a time."""
    if settings.workers > 1 and not settings.chroma_url:
        raise InvalidArgument(
            f"SOP_WORKERS={settings.workers} needs a chroma server for the meeting notes: a local chromadb "
            f"folder ({settings.chroma_path}) can be opened by one process only. Start one (`chroma run --path "
            "DIR --port 8001`) and set SOP_CHROMA_URL=http://127.0.0.1:8001, or use SOP_WORKERS=1")


def _announce_company(rt) -> None:
    """Say in the log which company is served, and loudly when it is the demo."""
    status = company_status(rt)
    if status["demo"]:
        message = (f"serving the DEMO company {status['company']!r}: its data, forecasts and meeting notes are made "
                   "up; load your own with `sop data load DIR` (this drops the demo's), or start with --no-demo")
        log.warning(message)
        err_console.print(f"[bold yellow]{escape(message)}[/]")
    elif status["company"]:
        log.info("serving company %r", status["company"])
        console.print(f"Serving company {escape(status['company'])}.")
    else:
        log.warning("the plan store is empty: load a company with `sop data load DIR`")
        err_console.print("[yellow]The plan store is empty: load a company with `sop data load DIR`.[/]")
