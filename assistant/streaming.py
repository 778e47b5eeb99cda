"""An answer released to a listener as it is written: sentence by sentence, each only once the text up to
it has passed the checks (``accept``), as ``token`` events (a word and the space after it).

The model's text is fed as it streams; a sentence is complete at ``.``, ``!`` or ``?`` followed by a space,
or at a line end. Once the text fails a check, nothing more of the model's reply is released. When the
turn ends, ``finish`` sends what the listener lacks of the answer shown; if that answer does not continue
what was released (the model's reply was replaced, or another reply followed it), a ``reset`` event comes
first: the client clears the text it shows, and the answer follows from its start.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

Emit = Callable[[str, object], None]
_SENTENCE_END = re.compile(r"[.!?](?=\s)\s*|\n\s*")
_TOKEN = re.compile(r"\S+\s*|\s+")


class Release:
    def __init__(self, emit: Emit | None, accept: Callable[[str], bool] | None = None) -> None:
        self.emit = emit
        self.accept = accept or (lambda text: False)
        self.shown = ""  # what the listener has now (since the last reset)
        self._reply: str | None = None
        self._buffer = ""
        self._released = ""  # the part of the current reply released
        self._blocked = False
        self._closed = False
        self._lock = threading.Lock()

    def feed(self, reply_id: str, piece: str) -> None:
        """A piece of the model's text (from the model's thread)."""
        if self.emit is None:
            return
        with self._lock:
            if self._closed:
                return
            if reply_id != self._reply:  # another reply: the text before it was not the answer
                self._reply, self._buffer, self._released, self._blocked = reply_id, "", "", False
            self._buffer += piece
            if not self._released:
                self._buffer = self._buffer.lstrip()  # the answer shown is the reply's text, stripped
            if self._blocked:
                return
            for end in [m.end() for m in _SENTENCE_END.finditer(self._buffer)]:
                candidate = self._buffer[:end].rstrip()  # the space after a sentence goes with the next one
                if len(candidate) <= len(self._released):
                    continue
                if not self.accept(candidate):
                    self._blocked = True
                    return
                new = candidate[len(self._released):]
                if self._released == "" and self.shown:
                    self._send_reset()
                self._released = candidate
                self._send(new)

    def finish(self, answer: str) -> None:
        """The turn's answer: send what the listener lacks (after a reset if it does not continue it)."""
        if self.emit is None:
            return
        with self._lock:
            self._closed = True
            if self.shown and not answer.startswith(self.shown):
                self._send_reset()
            self._send(answer[len(self.shown):])

    def close(self) -> None:
        """No more of the model's text (the turn's deadline passed)."""
        with self._lock:
            self._closed = True

    def _send(self, text: str) -> None:
        for token in _TOKEN.findall(text):
            self.emit("token", token)
        self.shown += text

    def _send_reset(self) -> None:
        self.emit("reset", {"reason": "the answer shown so far was replaced"})
        self.shown = ""
