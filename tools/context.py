"""What a tool call needs besides its arguments: the store, the planning date, who is asking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sop_engine.store import PlanStore

ROLES = ("viewer", "planner", "admin")


@dataclass
class ToolContext:
    store: PlanStore
    planning_date: date
    principal: str
    role: str = "viewer"
    planning_date_source: str = "setting"
    notes: Any = None  # a factory returning sop_engine.notes.NotesStore, or None when notes are not set up
    chart_dir: Path | None = None
    progress: Callable[[int, int, str], None] | None = None
    thread_id: str | None = None
    extras: dict = field(default_factory=dict)
