"""The Approve / Reject buttons of a pending write. Roles are checked in code by ``decide``:
only planners and admins (SOP_SLACK_ROLES) may decide; a viewer gets a friendly refusal."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App

from assistant.approvals import decide
from assistant.slack.blocks import APPROVE_ACTION, CHOOSE_ACTION, REJECT_ACTION, decision_blocks, escape
from assistant.slack.services import SlackServices
from assistant.slack.turn import Question, answer_in_thread
from sop_engine.errors import PermissionDenied, SopError

log = logging.getLogger(__name__)

REFUSAL = (
    "Sorry, only a planner or admin can approve or reject changes to the plan, and your Slack role here "
    "is {role}. Ask a planner to press the button."
)


def _ack(ack: Ack) -> None:
    ack()


def register(app: App, services: SlackServices) -> None:
    def decide_approval(body: dict, client) -> None:
        action = body["actions"][0]
        user, channel = body["user"]["id"], body["channel"]["id"]
        message = body.get("message") or {}
        ts = message.get("ts")
        thread_ts = message.get("thread_ts") or ts
        role = services.role_of(user)

        def tell(text: str) -> None:
            client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, text=text)

        thread_id = services.assistant.threads.slack_thread(channel, thread_ts) if thread_ts else None
        ctx = services.assistant.context(services.principal_of(user), role, thread_id=thread_id)
        try:
            approval = decide(action["value"], action["action_id"] == APPROVE_ACTION, ctx)
        except PermissionDenied:
            tell(REFUSAL.format(role=role))
            return
        except SopError as error:  # unknown or already decided
            tell(f"Nothing done: {escape(error)}")
            return
        except Exception:
            log.exception("approval %s failed", action.get("value"))
            tell("Sorry, that failed; nothing was changed. It has been logged.")
            return
        text, decided = decision_blocks(approval, user)
        kept = [b for b in message.get("blocks", []) if not str(b.get("block_id", "")).startswith("approval")]
        client.chat_update(channel=channel, ts=ts, text=text, blocks=kept + decided)

    app.action(re.compile(f"^({APPROVE_ACTION}|{REJECT_ACTION})$"))(ack=_ack, lazy=[decide_approval])

    def choose(body: dict, client) -> None:
        """A button of a question back: its value is the next message of the thread, from who pressed it."""
        action = body["actions"][0]
        message = body.get("message") or {}
        thread_ts = message.get("thread_ts") or message.get("ts")
        question = Question(str(action.get("value", "")), body["user"]["id"], body["channel"]["id"], thread_ts)
        answer_in_thread(services, client, question)

    app.action(re.compile(f"^{CHOOSE_ACTION}_\\d+$"))(ack=_ack, lazy=[choose])
