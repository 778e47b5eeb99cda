"""Setting up the demo company: write it, load it, forecast and publish, ingest its meeting notes.

Used by ``sop demo`` and by ``sop serve`` on an empty store (a store holding a company's data is
never overwritten).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from assistant.runtime import Runtime
from sop_engine.dataset.validate import read_dataset
from sop_engine.service import forecasting
from sop_engine.service.notes import ingest_notes

log = logging.getLogger(__name__)


def load_folder(runtime: Runtime, folder: Path, principal: str) -> dict:
    dataset = read_dataset(folder)
    counts = runtime.store.replace_dataset(dataset, principal, source=str(Path(folder).resolve()))
    return {"source": str(Path(folder).resolve()), "rows": counts, "warnings": dataset.warnings}


def setup_demo(runtime: Runtime, principal: str, *, folder: Path | None = None, seed: int = 7,
               planning_date: date | None = None, theme: str = "beverages", with_notes: bool = True,
               progress=None) -> dict:
    from sop_engine.demo import write_demo_company

    when = planning_date or runtime.settings.planning_date or runtime.today
    folder = Path(folder or runtime.settings.home / "demo")
    summary = write_demo_company(folder, seed=seed, planning_date=when, theme=theme)
    doc: dict = {"folder": str(folder.resolve()), "planning_date": when.isoformat(), "seed": seed, "theme": theme,
                 "load": load_folder(runtime, folder, principal)}
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
    log.warning("the plan store is empty: loading the demo company")
    return setup_demo(runtime, principal)
