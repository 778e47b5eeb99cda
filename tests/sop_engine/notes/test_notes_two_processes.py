"""Several processes on one notes index: two `sop notes ingest` at once against one chroma server, then
`sop serve` with SOP_WORKERS=2 answering from it; and SOP_WORKERS>1 refused with a local chromadb folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from conftest import free_port

SOP = str(Path(sys.executable).with_name("sop"))

NOTE = """---
date: {date}
meeting: supply_review
title: {title}
---
## Decisions
- {decision}
"""


def notes_folder(folder: Path, date: str, title: str, decision: str) -> Path:
    folder.mkdir(parents=True)
    (folder / f"{date} {title}.md").write_text(NOTE.format(date=date, title=title, decision=decision))
    return folder


def environment(home: Path, chroma: str | None, embeddings) -> dict:
    env = {**os.environ, "SOP_HOME": str(home), "SOP_EMBEDDINGS": "openai", "SOP_EMBEDDING_MODEL": "stub-embed-16",
           "SOP_OPENAI_BASE_URL": embeddings.base_url, "SOP_OPENAI_API_KEY": "sk-test", "ANONYMIZED_TELEMETRY": "False"}
    env.pop("SOP_CHROMA_URL", None)
    if chroma:
        env["SOP_CHROMA_URL"] = chroma
    return env


def test_more_than_one_server_process_needs_a_chroma_server(tmp_path, embedding_stub):
    env = {**environment(tmp_path / "home", None, embedding_stub), "SOP_WORKERS": "2"}
    done = subprocess.run([SOP, "serve", "--no-demo", "--port", str(free_port())], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode != 0
    said = " ".join((done.stdout + done.stderr).split())
    assert "SOP_CHROMA_URL" in said and "SOP_WORKERS=2" in said and "Traceback" not in said


def test_two_processes_write_notes_to_one_chroma_server_and_two_server_processes_read_them(
        chroma_server, embedding_stub, tmp_path):
    env = environment(tmp_path / "home", chroma_server, embedding_stub)
    folders = [notes_folder(tmp_path / "a", "2026-10-02", "Carton review", "Expedite the carton order PO-7781."),
               notes_folder(tmp_path / "b", "2026-10-09", "Filler review", "Move filler maintenance to week 44.")]
    from sop_engine.store import PlanStore

    PlanStore(f"sqlite:///{tmp_path / 'home' / 'plan.db'}").engine.dispose()  # an existing store (its schema made)
    writers = [subprocess.Popen([SOP, "notes", "ingest", str(f), "--json"], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for f in folders]
    for writer in writers:
        out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, out + err
    port = free_port()
    server = subprocess.Popen([SOP, "serve", "--no-demo", "--port", str(port)], env={**env, "SOP_WORKERS": "2"},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "sop serve did not start"
            time.sleep(0.5)
        import psutil

        assert len(psutil.Process(server.pid).children(recursive=True)) >= 2  # the server processes
        found: set[str] = set()
        for question in ["carton order PO-7781", "filler maintenance week 44"] * 4:  # spread over both processes
            response = httpx.get(f"{url}/v1/notes/search", params={"q": question, "limit": 1}, timeout=60)
            assert response.status_code == 200, response.text
            found.update(h["title"] for h in response.json()["hits"])
        assert found == {"Carton review", "Filler review"}
    finally:
        os.killpg(server.pid, 15)
        server.wait(30)
