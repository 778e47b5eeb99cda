"""All configuration in one pydantic-settings class, read once by the entry points and passed down.

Variables use the ``SOP_`` prefix, except the ones their ecosystems already name (``OPENAI_API_KEY``,
``OPENAI_BASE_URL``, ``SLACK_BOT_TOKEN``, ``SLACK_SIGNING_SECRET``, ``SLACK_APP_TOKEN``).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
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
    engine: str = Field("auto", pattern="^(auto|llm|offline)$",
                        description="auto: the LLM when one is configured, checked, with the offline router behind it")
    llm_timeout: float = Field(60.0, gt=0, description="seconds for all of a turn's model calls together")
    llm_max_tokens: int = Field(700, ge=16, le=32_000, description="max_tokens of each model reply")
    llm_call_tokens: int = Field(256, ge=16, le=32_000, description=(
        "max_tokens of the turn's first model reply, which should be a tool call (a small model that writes "
        "prose there instead is stopped early, and the router answers)"))
    llm_call_schema: bool = Field(False, description=(
        "on the turn's first call, when a tool is required, also send a JSON schema of the tool calls as "
        "response_format, for servers that give no grammar for tool_choice=required with the model's chat "
        "template (llama.cpp's server with Qwen2.5-Coder): the reply is then a call, written as JSON"))
    model_result_tokens: int = Field(1500, ge=500, le=100_000,
                                     description="tokens (estimated) of each tool result a model reads")
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
    request_threads: int | None = Field(None, ge=1, le=256, description=(
        "requests of one server process answered at once (the others wait their turn without holding Python's "
        "lock, so /healthz and the event loop stay responsive under load); default: 1 when turns are the offline "
        "router's (CPU-bound Python: one at a time answers soonest), 8 when they go to an LLM (they wait on it)"))
    workers: int = Field(1, ge=1, le=64, description="server processes of `sop serve` (more than one needs "
                                                      "SOP_CHROMA_URL: a local chromadb folder is one process's)")

    # where re-forecasts run: this machine (a process pool) or a cluster (pip install 'sop-assistant[dask]' ...)
    forecast_engine: str = Field("local", pattern="^(local|dask|ray|spark)$",
                                 description="local, dask, ray or spark")
    forecast_address: str | None = Field(
        None, description="the cluster: a Dask scheduler (tcp://host:8786), a Ray address (ray://host:10001) or a "
                          "Spark master (spark://host:7077); none: a local cluster started for the run")

    # jobs (re-forecasts) and approvals
    job_workers: int = Field(1, ge=1, le=32, description="re-forecasts running at once (worker processes)")
    job_niceness: int = Field(10, ge=0, le=19, description=(
        "how much lower than the server's the CPU priority of a job's worker process and its pool is: added to "
        "the server's niceness (at most 19), and to its scheduling group's where Linux groups processes by "
        "session (autogroups), so a re-forecast leaves the cores to the server's answers; 0 = the same"))
    job_queue_max: int = Field(20, ge=1, le=10_000, description="jobs queued or running at most")
    job_per_principal: int = Field(3, ge=1, le=10_000, description="jobs queued or running per principal")
    allow_self_approval: bool | None = Field(
        None, description="may a requester approve their own write; default: no with API keys, yes without")

    # MCP (``sop mcp``): who a stdio client is; over HTTP the API key says it
    mcp_principal: str | None = Field(None, description="principal of a stdio MCP client; default mcp:<os user>")
    mcp_role: str = Field("viewer", description="role of a stdio MCP client: one of tools.context.ROLES")

    # Slack
    slack_bot_token: str | None = Field(None, validation_alias=AliasChoices("SLACK_BOT_TOKEN", "SOP_SLACK_BOT_TOKEN"))
    slack_signing_secret: str | None = Field(
        None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET", "SOP_SLACK_SIGNING_SECRET")
    )
    slack_app_token: str | None = Field(None, validation_alias=AliasChoices("SLACK_APP_TOKEN", "SOP_SLACK_APP_TOKEN"))
    slack_api_url: str | None = None
    slack_roles: str = ""

    # scheduled Slack digests (posted by ``sop serve``)
    digests: str = Field("", description='JSON list of {"digest": "exceptions|pack|reminders", "channel", "cron"}')
    slack_users: str = Field("", description='JSON {"owner name": "Slack user id"}: who gets reminders')
    digest_grace_hours: float = Field(12.0, ge=0, le=24 * 31,
                                      description="a post missed while the server was down is sent on start "
                                                  "within this many hours, once")

    @field_validator("mcp_role")
    @classmethod
    def _known_role(cls, value: str) -> str:
        from tools.context import ROLES

        if value not in ROLES:
            raise ValueError(f"SOP_MCP_ROLE '{value}' is not one of {', '.join(ROLES)}")
        return value

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
    def uses_llm(self) -> bool:
        """Whether turns go to the LLM: configured and not forced offline (``SOP_ENGINE``)."""
        return self.engine != "offline" and (self.llm_configured or self.engine == "llm")

    @property
    def threads_per_process(self) -> int:
        """``SOP_REQUEST_THREADS``, or its default for the engine (see the field)."""
        return self.request_threads or (8 if self.uses_llm else 1)

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


DIGEST_NAMES = ("exceptions", "pack", "reminders")


class DigestSpec(BaseModel):
    """One scheduled digest of ``SOP_DIGESTS``."""

    model_config = ConfigDict(extra="forbid")

    digest: Literal["exceptions", "pack", "reminders"]
    channel: str | None = Field(None, max_length=100, description="the channel (reminders go to their owners)")
    cron: str = Field(..., max_length=100, description="crontab: minute hour day month weekday")

    @model_validator(mode="after")
    def _checked(self):
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(self.cron)
        except ValueError as error:
            raise ValueError(f"cron '{self.cron}' is not a crontab line (minute hour day month weekday): {error}") \
                from None
        if self.digest != "reminders" and not self.channel:
            raise ValueError(f"the {self.digest} digest needs a channel")
        return self


def parse_digests(text: str) -> list[DigestSpec]:
    """``SOP_DIGESTS`` as specs; a bad entry raises ValueError naming its position and what is wrong."""
    if not text.strip():
        return []
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"SOP_DIGESTS is not JSON: {error}") from None
    if not isinstance(entries, list):
        raise ValueError("SOP_DIGESTS must be a JSON list of {\"digest\", \"channel\", \"cron\"}")
    specs = []
    for index, entry in enumerate(entries):
        try:
            specs.append(DigestSpec.model_validate(entry))
        except ValidationError as error:
            problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'entry'}: {e['msg']}" for e in error.errors())
            raise ValueError(f"SOP_DIGESTS[{index}]: {problems}") from None
    return specs


def parse_slack_users(text: str) -> dict[str, str]:
    """``SOP_SLACK_USERS`` (``{"Lan Nguyen": "U123"}``); bad JSON or a non-string id raises ValueError."""
    if not text.strip():
        return {}
    try:
        users = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"SOP_SLACK_USERS is not JSON: {error}") from None
    if not isinstance(users, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in
                                              users.items()):
        raise ValueError('SOP_SLACK_USERS must be a JSON object {"owner name": "Slack user id"}')
    return users
