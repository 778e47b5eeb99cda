"""A progress message in the thread, posted on the first step of a long run and updated as it goes."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError

from assistant.slack.blocks import progress_text

log = logging.getLogger(__name__)


class ProgressMessage:
    """``progress(done, total, message)`` for ``Assistant.ask``; chat.update at most every ``interval`` s.

    The last step (``done >= total``) is always shown, so the message never stays at a middle step.
    """

    def __init__(
        self,
        client,
        channel: str,
        thread_ts: str,
        interval: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.channel = channel
        self.thread_ts = thread_ts
        self.interval = interval
        self.clock = clock
        self.ts: str | None = None
        self._last = 0.0
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int, message: str) -> None:
        text = progress_text(done, total, message)
        with self._lock:
            try:
                if self.ts is None:
                    response = self.client.chat_postMessage(
                        channel=self.channel,
                        thread_ts=self.thread_ts,
                        text=text,
                        unfurl_links=False,
                        unfurl_media=False,
                    )
                    self.ts = response["ts"]
                    self._last = self.clock()
                elif (total and done >= total) or self.clock() - self._last >= self.interval:
                    self.client.chat_update(channel=self.channel, ts=self.ts, text=text)
                    self._last = self.clock()
            except SlackApiError as error:  # progress is a courtesy: the answer still comes
                log.warning("progress message failed: %s", error)
