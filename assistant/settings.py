"""All configuration in one pydantic-settings class, read once by the entry points and passed down.

Variables use the ``SOP_`` prefix, except the ones their ecosystems already name (``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``, ``SLACK_APP_TOKEN``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("sop-assistant", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SOP_", extra="ignore", populate_by_name=True)

    home: Path = Field(default_factory=_default_home, description="folder holding all state")
    database_url: str | None = Field(None, description="SQLAlchemy URL of the plan store")
    planning_date: date | None = Field(None, description="'today' for every question")
    debug: bool = False

    # the LLM (any OpenAI-compatible server)
    model: str = "gpt-4o-mini"
    openai_api_key: str | None = Field(None, validation_alias=AliasChoices("OPENAI_API_KEY", "SOP_OPENAI_API_KEY"))
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("OPENAI_BASE_URL", "SOP_OPENAI_BASE_URL")
    )
    llm_timeout: float = 60.0
    max_model_calls: int = 8
    max_tool_calls: int = 12

    # meeting notes
    chroma_url: str | None = None
    embeddings: str = Field("local", pattern="^(local|openai)$")
    embedding_model: str = "text-embedding-3-small"

    # HTTP
    api_keys: str = Field("", description="key1:viewer:name1,key2:planner:name2 (the name is optional)")
    host: str = "127.0.0.1"
    port: int = 8000

    # where re-forecasts run: this machine (a process pool) or a cluster (pip install 'sop-assistant[dask]' ...)
    forecast_engine: str = Field("local", pattern="^(local|dask|ray|spark)$",
                                 description="local, dask, ray or spark")
    forecast_address: str | None = Field(
        None, description="the cluster: a Dask scheduler (tcp://host:8786), a Ray address (ray://host:10001) or a "
                          "Spark master (spark://host:7077); none: a local cluster started for the run")

    # jobs (re-forecasts) and approvals
    job_workers: int = Field(1, ge=1, le=32, description="re-forecasts running at once (worker processes)")
    job_queue_max: int = Field(20, ge=1, le=10_000, description="jobs queued or running at most")
    job_per_principal: int = Field(3, ge=1, le=10_000, description="jobs queued or running per principal")
    allow_self_approval: bool | None = Field(
        None, description="may a requester approve their own write; default: no with API keys, yes without")

    # Slack
    slack_bot_token: str | None = Field(None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "SOP_SLACK_BOT_TOKEN"))
    slack_signing_secret: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "SOP_SLACK_SIGNING_SECRET")
    )
    slack_app_token: str | None = Field(None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "SOP_SLACK_APP_TOKEN"))
    slack_api_url: str | None = None
    slack_roles: str = ""

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'plan.db'}"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @property
    def self_approval_allowed(self) -> bool:
        if self.allow_self_approval is not None:
            return self.allow_self_approval
        return not self.api_keys.strip()


def parse_roles(text: str) -> dict[str, str]:
    """``'a:viewer,b:planner'`` -> ``{'a': 'viewer', 'b': 'planner'}``; bad entries raise ValueError."""
    roles: dict[str, str] = {}
    for entry in filter(None, (e.strip() for e in text.split(","))):
        key, sep, role = entry.rpartition(":")
        if not sep or not key or role not in ("viewer", "planner", "admin"):
            raise ValueError(f"'{entry}' is not KEY:ROLE with ROLE one of viewer, planner, admin")
        roles[key.strip()] = role
    return roles


def parse_api_keys(text: str) -> dict[str, tuple[str, str | None]]:
    """``'k1:viewer:ana,k2:planner'`` -> ``{'k1': ('viewer', 'ana'), 'k2': ('planner', None)}``.

    The name (optional) makes the key's principal ``api:NAME``: the same person as ``cli:NAME`` and a
    Slack user with that name. Bad entries raise ValueError.
    """
    keys: dict[str, tuple[str, str | None]] = {}
    for entry in filter(None, (e.strip() for e in text.split(","))):
        parts = entry.split(":")
        name: str | None = None
        if len(parts) >= 3 and parts[-2] in ("viewer", "planner", "admin"):
            name = parts[-1].strip()
            if not name or not all(c.isalnum() or c in "._-@" for c in name):
                raise ValueError(f"'{entry}': the name must be letters, digits or . _ - @")
            parts = parts[:-1]
        key, role = ":".join(parts[:-1]).strip(), parts[-1]
        if len(parts) < 2 or not key or role not in ("viewer", "planner", "admin"):
            raise ValueError(f"'{entry}' is not KEY:ROLE[:NAME] with ROLE one of viewer, planner, admin")
        keys[key] = (role, name)
    return keys
