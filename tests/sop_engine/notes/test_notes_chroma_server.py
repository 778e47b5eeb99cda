"""The notes store against a real chroma server (``chroma run``), as ``SOP_CHROMA_URL`` uses it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from notes_fixtures import write_fixture_notes

from sop_engine.notes import NotesConfig, NotesStore

CHROMA = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))


@pytest.fixture
def chroma_server(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([CHROMA, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "chroma server did not start"
        time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(10)


def test_ingest_and_search_through_a_chroma_server(chroma_server, embedding_stub, tmp_path):
    folder = write_fixture_notes(tmp_path / "notes")
    config = NotesConfig(path=None, chroma_url=chroma_server, embeddings="openai",
                         openai_base_url=embedding_stub.base_url, openai_api_key="sk-test",
                         openai_embedding_model="stub-embed-16")
    report = NotesStore(config).ingest(folder)
    assert report.added > 0 and report.chunks_written > 0
    # a second process would open the same collection: a new store object over the same server
    again = NotesStore(config).ingest(folder)
    assert (again.added, again.updated, again.unchanged) == (0, 0, report.added)
    hits = NotesStore(config).search("safety stock", k=3, mode="hybrid")
    assert hits and all(h.file.endswith((".md", ".txt")) for h in hits)
