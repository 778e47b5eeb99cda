"""The assistant's own SQLite files under SOP_HOME (conversations, thread owners): WAL mode, so readers never
wait for a writer, and a busy timeout, so concurrent writers wait their turn instead of failing.

The journal mode is switched once per file and process (switching takes a lock the busy timeout does not
cover, so doing it on every connection fails under load: "database is locked"); every connection is
closed after its transaction. ``synchronous=NORMAL``: in WAL mode a commit no longer waits for the disk
(a crash or power cut cannot corrupt the file; it may lose the last commits, a thread's last turn), which
is most of a chat answer's time on a busy disk.

The process keeps one idle connection per file open (at most ``ANCHORED_FILES`` files): when the last
connection to a WAL file closes, SQLite checkpoints the log into the file, syncs it and deletes the log, and
the next connection makes it again, which cost ~1.5 ms of CPU and ~18 ms of waiting per transaction here.
With a connection left open the log stays and is checkpointed as it grows, as usual.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 30
ANCHORED_FILES = 8
_WAL_FILES: set[str] = set()
_ANCHORS: OrderedDict[str, sqlite3.Connection] = OrderedDict()
_LOCK = threading.Lock()


def open_connection(path: Path, **options) -> sqlite3.Connection:
    """A connection to ``path`` in WAL mode with the busy timeout (the caller closes it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, **options)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    _ensure_wal(connection, str(path))
    connection.execute("PRAGMA synchronous=NORMAL")
    _anchor(path, str(path))
    return connection


def _anchor(path: Path, key: str) -> None:
    """Keep an idle connection to ``path`` open (the most recently used files'), so closing the others
    leaves the WAL log in place."""
    with _LOCK:
        if key in _ANCHORS:
            _ANCHORS.move_to_end(key)
            return
        anchor = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
        anchor.execute("PRAGMA schema_version").fetchone()  # a read opens the WAL index, which it then holds
        _ANCHORS[key] = anchor
        while len(_ANCHORS) > ANCHORED_FILES:
            _ANCHORS.popitem(last=False)[1].close()


def _ensure_wal(connection: sqlite3.Connection, key: str) -> None:
    with _LOCK:
        if key in _WAL_FILES:
            return
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                if connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    connection.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError:  # another process holds the lock: wait, as the timeout would
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        _WAL_FILES.add(key)


@contextmanager
def transaction(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction on a fresh connection: committed (or rolled back on error), then closed."""
    with closing(open_connection(path)) as connection, connection:
        yield connection
