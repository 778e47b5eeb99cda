"""Scheduled Slack digests: the weekly exceptions, the pre-S&OP pack before the meeting, and reminders to an
action item's owner the day before it is due. ``sop serve`` schedules them (``SOP_DIGESTS``, APScheduler);
``sop digest NAME --now`` posts one at once."""

from __future__ import annotations

from assistant.digests.runner import Digests
from assistant.runtime import Runtime
from sop_engine.errors import InvalidArgument

__all__ = ["Digests", "digests_from_settings"]


def digests_from_settings(runtime: Runtime, required: bool = False) -> Digests | None:
    """The digests of ``SOP_DIGESTS`` posting with ``SLACK_BOT_TOKEN`` (None when none are configured, unless
    ``required``); bad settings are a clear error naming the variable."""
    from assistant.settings import parse_digests, parse_slack_users
    from assistant.slack.app import web_client

    settings = runtime.settings
    try:
        specs = parse_digests(settings.digests)
        users = parse_slack_users(settings.slack_users)
    except ValueError as error:
        raise InvalidArgument(str(error)) from None
    if not specs and not required:
        return None
    if not settings.slack_bot_token:
        raise InvalidArgument("the Slack digests need SLACK_BOT_TOKEN (the bot posts them)")
    return Digests(runtime, web_client(runtime), specs=specs, users=users)
