"""``sop digest NAME --now``: post one Slack digest at once (``sop serve`` posts them on their schedule)."""

from __future__ import annotations

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, reports
from sop_engine.errors import InvalidArgument

NAMES = ("exceptions", "pack", "reminders")


@reports
def digest(
    name: str = typer.Argument(..., help="exceptions, pack or reminders."),
    now: bool = typer.Option(False, "--now", help="Post it now (the schedule itself runs in sop serve)."),
    channel: str | None = typer.Option(None, "--channel", help="Post to this channel (default: SOP_DIGESTS')."),
    json_output: bool = JsonOption,
):
    """Post a digest to Slack now: the weekly exceptions, the pre-S&OP pack, or tomorrow's reminders."""
    from assistant.digests import digests_from_settings

    if name not in NAMES:
        raise InvalidArgument(f"'{name}' is not a digest; digests are {', '.join(NAMES)}")
    if not now:
        raise InvalidArgument("give --now to post it now; sop serve posts the digests of SOP_DIGESTS on schedule")
    digests = digests_from_settings(runtime(), required=True)
    result = digests.post_now(name, channel)
    emit(result, json_output, lambda d: console.print(f"{esc(d['digest'])}: {esc(d['status'])}"
                                                      + (f" to {esc(d['channel'])}" if d.get("channel") else "")))
