"""The answer's message in the thread while the model writes it: posted with the first sentence released
(each released only once the text up to it has passed the checks, ``assistant.streaming``), updated as more
come (``chat.update`` at most every ``interval`` s), and replaced in place by the finished answer's blocks."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError

from assistant.slack.blocks import escape

log = logging.getLogger(__name__)
WRITING = " …"  # shown after the text while the answer is still coming
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


class StreamedReply:
    """``on_event`` for ``Assistant.ask``: follows ``token`` and ``reset`` events into one Slack message."""

    def __init__(self, client, channel: str, thread_ts: str, interval: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.channel = channel
        self.thread_ts = thread_ts
        self.interval = interval
        self.clock = clock
        self.text = ""
        self.ts: str | None = None
        self._shown = ""
        self._last = 0.0
        self._lock = threading.Lock()

    def __call__(self, kind: str, data: object) -> None:
        with self._lock:
            if kind == "token":
                self.text += str(data)
            elif kind == "reset":
                self.text = ""
            else:
                return
            ends = [m.end() for m in _SENTENCE_END.finditer(self.text)]
            whole = self.text[:ends[-1]].strip() if ends else ""  # whole sentences only
            if not whole or whole == self._shown:
                return
            try:
                if self.ts is None:
                    response = self.client.chat_postMessage(channel=self.channel, thread_ts=self.thread_ts,
                                                            text=escape(whole) + WRITING, unfurl_links=False,
                                                            unfurl_media=False)
                    self.ts, self._last, self._shown = response["ts"], self.clock(), whole
                elif self.clock() - self._last >= self.interval:
                    self.client.chat_update(channel=self.channel, ts=self.ts, text=escape(whole) + WRITING)
                    self._last, self._shown = self.clock(), whole
            except SlackApiError as error:  # the finished answer still comes
                log.warning("streamed reply failed: %s", error)

    def finish(self, text: str, blocks: list[dict]) -> bool:
        """Replace the streamed message by the finished answer; False when nothing was streamed (post it)."""
        with self._lock:
            if self.ts is None:
                return False
            self.client.chat_update(channel=self.channel, ts=self.ts, text=text, blocks=blocks)
            return True
