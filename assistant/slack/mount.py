"""Mounting the Slack app into ``sop serve`` (HTTP mode at ``/slack/events``) when Slack is configured."""

from __future__ import annotations

from assistant.runtime import Runtime


def slack_handler_from_settings(runtime: Runtime):
    """A ``SlackMount`` when SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are set, else None."""
    settings = runtime.settings
    if not (settings.slack_bot_token and settings.slack_signing_secret):
        return None
    from assistant.slack.app import SlackMount

    return SlackMount(runtime)
