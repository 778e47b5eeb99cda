"""Mentions in channels (``app_mention``) and direct messages (``message`` in an ``im``)."""

from __future__ import annotations

from slack_bolt import Ack, App

from assistant.slack.services import SlackServices
from assistant.slack.turn import Question, answer_in_thread, clean_text


def _ack(ack: Ack) -> None:
    ack()


def question_from(event: dict) -> Question:
    return Question(
        text=clean_text(event.get("text", "")),
        user=event.get("user", ""),
        channel=event["channel"],
        thread_ts=event.get("thread_ts") or event["ts"],
        message_ts=event["ts"],
    )


def is_user_dm(event: dict) -> bool:
    """A person's direct message: not the bot's own echo, not an edit or a join."""
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and bool(event.get("user"))
    )


def register(app: App, services: SlackServices) -> None:
    def answer_mention(body: dict, event: dict, client) -> None:
        if services.seen.first_time(body.get("event_id")):
            answer_in_thread(services, client, question_from(event))

    def answer_dm(body: dict, event: dict, client) -> None:
        if is_user_dm(event) and services.seen.first_time(body.get("event_id")):
            answer_in_thread(services, client, question_from(event))

    app.event("app_mention")(ack=_ack, lazy=[answer_mention])
    app.event("message")(ack=_ack, lazy=[answer_dm])
