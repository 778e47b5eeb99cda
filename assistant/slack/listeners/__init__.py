"""Bolt listeners, one file per kind: ``register_listeners(app, services)`` wires them all.

Every listener acknowledges at once and does the work in a lazy listener (a thread), so Slack gets
its answer within its 3 seconds whatever the question costs.
"""

from __future__ import annotations

from slack_bolt import App

from assistant.slack.listeners import actions, command, events
from assistant.slack.services import SlackServices


def register_listeners(app: App, services: SlackServices) -> None:
    events.register(app, services)
    command.register(app, services)
    actions.register(app, services)
