"""``sop slack --socket``: the Slack app in Socket Mode, for teams without a public URL."""

from __future__ import annotations

import typer

from assistant.cli.context import runtime
from assistant.cli.output import console, reports
from sop_engine.errors import InvalidArgument


@reports
def slack_command(
    socket: bool = typer.Option(
        False, "--socket", help="Connect to Slack over Socket Mode (needs SLACK_APP_TOKEN, xapp-…)."
    ),
    load_demo: bool = typer.Option(
        True, "--demo/--no-demo", help="Load the demo company if the store is empty."
    ),
):
    """Run the Slack app in Socket Mode (HTTP mode runs inside `sop serve` at /slack/events)."""
    if not socket:
        raise InvalidArgument(
            "HTTP mode runs inside `sop serve` at /slack/events; use `sop slack --socket` "
            "to connect over Socket Mode instead"
        )
    rt = runtime()
    settings = rt.settings
    missing = [
        name
        for name, value in (
            ("SLACK_BOT_TOKEN", settings.slack_bot_token),
            ("SLACK_APP_TOKEN", settings.slack_app_token),
        )
        if not value
    ]
    if missing:
        raise InvalidArgument(f"Socket Mode needs {' and '.join(missing)} (see docs/slack.md)")
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from assistant.bootstrap import ensure_data
    from assistant.runtime import cli_principal
    from assistant.slack.app import build_app
    from assistant.slack.services import SlackServices

    if load_demo:
        loaded = ensure_data(rt, cli_principal())
        if loaded:
            console.print(f"Loaded the demo company into an empty store ({loaded['folder']}).")
    from assistant.http.jobs import Jobs

    services = SlackServices.build(rt)
    jobs = Jobs(rt)  # re-forecasts run in worker processes, queued in the plan store, as in `sop serve`
    services.assistant.job_runner = jobs.run_and_wait
    app = build_app(services)
    console.print("sop-assistant connected to Slack over Socket Mode (Ctrl+C to stop).")
    jobs.start()
    try:
        SocketModeHandler(app, settings.slack_app_token, web_client=app.client).start()
    finally:
        jobs.stop()
