"""Setting up the demo company: write it, load it, forecast and publish, ingest its meeting notes.

Used by ``sop demo`` and by ``sop serve`` on an empty store (a store holding a company's data is
never overwritten). A store loaded this way is marked as the demo (``company_status``); loading another
company afterwards drops everything the demo left behind.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from assistant.runtime import Runtime
from sop_engine.dataset.validate import read_dataset
from sop_engine.service import forecasting
from sop_engine.service.notes import ingest_notes

log = logging.getLogger(__name__)


def load_folder(runtime: Runtime, folder: Path, principal: str, *, demo: bool = False, progress=None) -> dict:
    """Load a folder, all or nothing. When it brings another company, the previous company's forecasts,
    overrides, decisions and notes index are dropped (``company_change`` says what; the audit log keeps it)."""
    dataset = read_dataset(folder)
    source = str(Path(folder).resolve())
    if progress is not None:
        progress(f"read {len(dataset.frames)} files" + ("" if dataset.ok else ": problems found"))
    loaded = runtime.store.load(dataset, principal, source=source, demo=demo, progress=progress,
                                on_company_change=lambda: {**drop_notes_index(runtime),
                                                           **forget_conversations(runtime)})
    change = loaded["company_change"]
    if change:
        log.warning("loaded %r in place of %r (%s): the previous company's forecasts, overrides, decisions and "
                    "notes index were dropped", change["to"], change["from"], change["reason"])
    return {"source": source, "rows": loaded["rows"], "warnings": dataset.warnings, "company_change": change}


def drop_notes_index(runtime: Runtime) -> dict:
    """Delete the meeting-notes collection (only opened when there is one to delete)."""
    settings = runtime.settings
    if not settings.chroma_url and not settings.chroma_path.exists():
        return {"notes_chunks": 0}
    from sop_engine.notes.store import NotesConfig, drop_collection

    return {"notes_chunks": drop_collection(NotesConfig(path=settings.chroma_path, chroma_url=settings.chroma_url))}


def forget_conversations(runtime: Runtime) -> dict:
    """Empty the conversation memory (every thread's messages and last call): a thread of the previous
    company must not carry its answers, quotes of its meeting notes included, into the new one."""
    path = runtime.settings.home / "conversations.db"
    if not path.exists():
        return {"conversation_threads": 0}
    threads: set[str] = set()
    with closing(sqlite3.connect(path, timeout=30)) as connection, connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')}
            if "thread_id" in columns:
                threads.update(r[0] for r in connection.execute(f'SELECT DISTINCT thread_id FROM "{table}"'))
                connection.execute(f'DELETE FROM "{table}"')
    return {"conversation_threads": len(threads)}


def company_status(runtime: Runtime) -> dict:
    """Which company the store serves and whether it is the demo: ``{"company", "demo"}``."""
    meta = runtime.store.meta()
    return {"company": (meta.get("company") or {}).get("name"), "demo": bool(meta.get("demo"))}


def setup_demo(runtime: Runtime, principal: str, *, folder: Path | None = None, seed: int = 7,
               planning_date: date | None = None, theme: str = "beverages", with_notes: bool = True,
               progress=None) -> dict:
    from sop_engine.demo import write_demo_company

    when = planning_date or runtime.settings.planning_date or runtime.today
    folder = Path(folder or runtime.settings.home / "demo")
    summary = write_demo_company(folder, seed=seed, planning_date=when, theme=theme)
    doc: dict = {"folder": str(folder.resolve()), "planning_date": when.isoformat(), "seed": seed, "theme": theme,
                 "load": load_folder(runtime, folder, principal, demo=True)}
    planning_date_now, _ = runtime.planning_date()
    run = forecasting.run_forecast(runtime.store, planning_date_now, principal=principal,
                                   note="demo: initial statistical forecast", progress=progress)
    published = forecasting.publish_forecast(runtime.store, run["version"], principal)
    doc["forecast"] = {"version": run["version"], "skus": run["skus"], "models": run["models"],
                       "published_skus": len(published["skus"])}
    if with_notes and (folder / "notes").is_dir():
        doc["notes"] = ingest_notes(runtime.store, runtime.notes_store(), folder / "notes", principal)
    doc["designed_shortages"] = getattr(summary, "short_skus", None)
    return doc


def ensure_data(runtime: Runtime, principal: str) -> dict | None:
    """Load the demo company when the store is empty; leave a company's data alone."""
    if not runtime.store.is_empty():
        return None
    log.warning("the plan store is empty: loading the demo company (start with --no-demo to serve nothing until "
                "`sop data load DIR`)")
    return setup_demo(runtime, principal)
