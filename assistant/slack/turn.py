"""One question asked in Slack, answered in its thread: the thread is the conversation.

Runs in a lazy listener (after Slack got its acknowledgement): shows it is working, asks the assistant
with the thread as ``thread_id``, shows the model's answer as it is written (one message, updated) and
then the answer as Block Kit, uploads a SKU's chart when it helps,
and turns any failure into a friendly message in the thread.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from slack_sdk.errors import SlackApiError

from assistant.slack.blocks import answer_blocks, escape, section
from assistant.slack.progress import ProgressMessage
from assistant.slack.services import SlackServices
from assistant.slack.streaming import StreamedReply
from assistant.threads import slack_owner
from sop_engine.errors import SopError
from tools.charts import chart_file_name, chart_png

log = logging.getLogger(__name__)

WORKING_REACTION = "hourglass_flowing_sand"
SORRY = (
    "Sorry, something went wrong while answering ({kind}). It has been logged; "
    "please try again, or rephrase the question."
)
_MENTION = re.compile(r"<@[A-Z0-9]+(\|[^>]*)?>")


@dataclass
class Question:
    text: str
    user: str
    channel: str
    thread_ts: str
    message_ts: str | None = None  # the user's message, to react on

    @property
    def key(self) -> str:
        """Where the thread lives (for logs); its conversation id is a random one (``assistant.threads``)."""
        return f"{self.channel}/{self.thread_ts}"


def clean_text(text: str) -> str:
    """The user's words: bot mentions removed, Slack's entities turned back into characters."""
    text = _MENTION.sub(" ", text or "")
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(text.split())


def post(client, question: Question, text: str, blocks: list[dict] | None = None) -> dict:
    return client.chat_postMessage(
        channel=question.channel,
        thread_ts=question.thread_ts,
        text=text,
        blocks=blocks,
        unfurl_links=False,
        unfurl_media=False,
    )


def answer_in_thread(services: SlackServices, client, question: Question) -> dict | None:
    """Answer ``question`` in its thread; returns the turn document (None when the turn failed)."""
    try:
        if question.message_ts:
            _react(client, question)
        progress = ProgressMessage(client, question.channel, question.thread_ts, services.progress_interval)
        streamed = StreamedReply(client, question.channel, question.thread_ts, services.stream_interval) \
            if services.assistant.uses_llm else None  # the model's text, shown as it is written
        doc = services.assistant.ask(
            question.text,
            principal=services.principal_of(question.user),
            role=services.role_of(question.user),
            thread_id=services.assistant.threads.slack_thread(question.channel, question.thread_ts),
            owner=slack_owner(question.channel),
            progress=progress,
            on_event=streamed,
        )
        text, blocks = answer_blocks(doc)
        if streamed is None or not streamed.finish(text, blocks):
            post(client, question, text, blocks)
        sku = chart_sku(doc)
        if sku:
            upload_chart(services, client, question, sku)
        return doc
    except SopError as error:
        _say_sorry(client, question, f"Sorry, I could not do that: {escape(error)}")
    except Exception as error:  # never silence: the user hears the kind, the log keeps the traceback
        log.exception("Slack turn failed for %s", question.key)
        _say_sorry(client, question, SORRY.format(kind=type(error).__name__))
    return None


def chart_sku(doc: dict) -> tuple[str, str | None] | None:
    """The SKU whose chart helps this answer, and its PNG when the ``chart`` tool already drew it."""
    for call in doc.get("tool_calls", []):
        result = call["result"]
        if "error" in result:
            continue
        if call["name"] == "chart" and result.get("sku"):
            return result["sku"], result.get("path")
        if call["name"] == "get_forecast":
            skus = {row["sku"] for row in result.get("rows") or []}
            if len(skus) == 1:
                return skus.pop(), None
    return None


def upload_chart(
    services: SlackServices, client, question: Question, sku_and_path: tuple[str, str | None]
) -> None:
    sku, path = sku_and_path
    try:
        charts = (services.runtime.settings.home / "charts").resolve()
        if path and Path(path).resolve().parent == charts and Path(path).is_file():  # the chart tool's own file
            png = Path(path).read_bytes()
        else:
            png, _ = chart_png(services.runtime.store, services.runtime.planning_date()[0], sku)
        client.files_upload_v2(
            channel=question.channel,
            thread_ts=question.thread_ts,
            file=png,
            filename=chart_file_name(sku),
            title=f"{sku}: demand, forecast and projected stock",
            alt_txt=f"Chart of {sku}: demand history, forecast with its 80% interval, projected stock",
        )
    except Exception as error:  # the answer is already posted; say why the picture is missing
        log.warning("chart upload for %s failed: %s", sku, error, exc_info=error)
        _say_sorry(client, question, f"(I could not attach the chart of {escape(sku)}.)")


def _react(client, question: Question) -> None:
    try:
        client.reactions_add(channel=question.channel, timestamp=question.message_ts, name=WORKING_REACTION)
    except SlackApiError as error:  # already reacted, or no reactions:write: not worth failing the turn
        log.info("reaction failed: %s", error)


def _say_sorry(client, question: Question, text: str) -> None:
    try:
        post(client, question, text, [section(text)])
    except Exception:
        log.exception("could not tell the user about a failure in %s", question.key)
