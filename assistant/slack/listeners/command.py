"""The ``/sop`` slash command: ``/sop short oat milk next month``, ``/sop forecast …``, ``/sop help``.

The question is posted in the channel and answered in that message's thread, so follow-ups
(mentions in the thread) keep the context.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk.errors import SlackApiError

from assistant.slack.blocks import answer_blocks, escape, help_blocks, mention, section
from assistant.slack.services import SlackServices
from assistant.slack.turn import Question, answer_in_thread, clean_text
from assistant.threads import slack_owner
from sop_engine.errors import SopError

log = logging.getLogger(__name__)

HELP_WORDS = {"", "help", "?"}


def acknowledge(ack: Ack, command: dict) -> None:
    if clean_text(command.get("text", "")).lower() in HELP_WORDS:
        text, blocks = help_blocks()
        ack(text=text, blocks=blocks)
    else:
        ack()


def register(app: App, services: SlackServices) -> None:
    def answer_command(command: dict, client, respond) -> None:
        text = clean_text(command.get("text", ""))
        if text.lower() in HELP_WORDS:
            return
        user, channel = command.get("user_id", ""), command["channel_id"]
        asked = f"{mention(user)} asked: `/sop {escape(text)}`"
        try:
            anchor = client.chat_postMessage(
                channel=channel, text=asked, blocks=[section(asked)], unfurl_links=False, unfurl_media=False
            )
        except SlackApiError as error:  # the bot is not in this channel: answer through the response URL
            log.info("cannot post in %s (%s): answering with respond()", channel, error.response.get("error"))
            answer_privately(services, command, text, respond)
            return
        answer_in_thread(
            services,
            client,
            Question(text=text, user=user, channel=channel, thread_ts=anchor["ts"], message_ts=anchor["ts"]),
        )

    app.command("/sop")(ack=acknowledge, lazy=[answer_command])


def answer_privately(services: SlackServices, command: dict, text: str, respond) -> None:
    user, channel = command.get("user_id", ""), command["channel_id"]
    try:
        doc = services.assistant.ask(
            text,
            principal=services.principal_of(user),
            role=services.role_of(user),
            thread_id=services.assistant.threads.slack_thread(channel, f"cmd-{command.get('trigger_id', '')}"),
            owner=slack_owner(channel),
        )
        fallback, blocks = answer_blocks(doc)
        respond(text=fallback, blocks=blocks, response_type="ephemeral")
    except SopError as error:
        respond(text=f"Sorry, I could not do that: {escape(error)}", response_type="ephemeral")
    except Exception:
        log.exception("/sop failed")
        respond(text="Sorry, something went wrong while answering. It has been logged.", response_type="ephemeral")
