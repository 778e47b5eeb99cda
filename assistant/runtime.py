"""What every entry point needs: the settings, the plan store, the planning date and the principal."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from assistant.settings import Settings
from sop_engine.store import PlanStore


@dataclass
class Runtime:
    settings: Settings = field(default_factory=Settings)
    clock: Callable[[], date] = date.today  # read on every call: a long-running server moves with the calendar

    @property
    def today(self) -> date:
        return self.clock()

    @cached_property
    def store(self) -> PlanStore:
        self.settings.home.mkdir(parents=True, exist_ok=True)
        return PlanStore(self.settings.db_url)

    def notes_store(self):
        """The meeting-notes store (opened on first use: it loads the embedding model)."""
        if "_notes" not in self.__dict__:
            from sop_engine.notes import NotesConfig, NotesStore

            self.__dict__["_notes"] = NotesStore(NotesConfig(
                path=self.settings.chroma_path, chroma_url=self.settings.chroma_url,
                embeddings=self.settings.embeddings, openai_base_url=self.settings.openai_base_url,
                openai_api_key=self.settings.openai_api_key,
                openai_embedding_model=self.settings.embedding_model))
        return self.__dict__["_notes"]

    def planning_date(self) -> tuple[date, str]:
        """The planning date and where it came from: setting, then company.toml, then today.

        Computed per call (per request in a server), never frozen at start-up."""
        if self.settings.planning_date:
            return self.settings.planning_date, "SOP_PLANNING_DATE"
        company_date = self.store.company().planning_date if not self.store.is_empty() else None
        if company_date:
            return date.fromisoformat(company_date), "company.toml"
        return self.today, "today"


def cli_principal() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some containers
        user = "unknown"
    return f"cli:{user}"
