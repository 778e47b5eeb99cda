"""One turn of a conversation, whatever the engine: the LLM agent when one is configured (falling back
to the offline router if it fails), else the offline router. Every answer passes the grounding check.

``Assistant.ask`` returns the public turn document:
``{"answer", "tool_calls": [{"name", "args", "result"}], "sources", "engine", "pending_approval",
"thread_id", "grounded", "clarification", "language"}``: ``clarification`` is ``{"question", "options":
[{"label", "value"}]}`` when the assistant asks back (an option's value, sent as the next message of the
thread, answers it), else null; ``language`` is the language of the question's words (``en`` or ``vi``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant import answers, grounding
from assistant.approvals import request_write
from assistant.router.parse import question_language
from assistant.router.vocab import load_vocabulary
from assistant.runtime import Runtime
from assistant.sqlite import open_connection, transaction
from assistant.threads import ThreadOwners
from sop_engine.errors import InvalidArgument
from sop_engine.limits import MAX_MESSAGE_CHARS
from sop_engine.resolver import company_resolver
from tools.base import run_tool
from tools.context import ToolContext
from tools.schemas import JOB_TOOLS, WRITE_TOOLS

log = logging.getLogger(__name__)


@dataclass
class Turn:
    thread_id: str
    engine: str = "offline"
    answer: str = ""
    tool_calls: list[dict] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    clarification: dict | None = None
    language: str = "en"
    on_event: Callable[[str, dict], None] | None = None  # told of each tool call as it happens (streaming)

    def record(self, name: str, args: dict, result: dict) -> None:
        self.tool_calls.append({"name": name, "args": args, "result": result})
        if self.on_event is not None:
            self.on_event("tool_call", {"name": name, "args": args})
            self.on_event("tool_result", {"name": name, "result": result})

    @property
    def pending_approval(self) -> dict | None:
        for call in self.tool_calls:
            if "pending_approval" in call["result"]:
                return call["result"]["pending_approval"]
        return None

    def sources(self) -> list[dict]:
        out: list[dict] = []
        for call in self.tool_calls:
            result = call["result"]
            for hit in result.get("hits", []) or []:
                out.append({"tool": call["name"], "file": hit.get("file"), "meeting": hit.get("meeting"),
                            "date": hit.get("date"), "section": hit.get("section")})
            if result.get("source"):
                out.append({"tool": call["name"], "source": result["source"]})
            elif "error" not in result:
                out.append({"tool": call["name"], "source": "plan store"})
        return out

    def ambiguity(self) -> dict | None:
        """A question back from the tools' results: a name that fit several products (the LLM path)."""
        for call in self.tool_calls:
            error = call["result"].get("error") or {}
            if error.get("ask_user") and ("options" in error or error.get("code") == "unknown_product"):
                return {"question": error.get("message", ""), "options": list(error.get("options") or [])}
        return None

    def document(self, grounded: bool) -> dict:
        return {"answer": self.answer, "tool_calls": self.tool_calls, "sources": self.sources(),
                "engine": self.engine, "pending_approval": self.pending_approval, "thread_id": self.thread_id,
                "grounded": grounded, "clarification": self.clarification or self.ambiguity(),
                "language": self.language}


_TABLES_MADE: set[str] = set()


class ThreadMemory:
    """The offline router's memory per thread (its last call), next to the LLM checkpoints."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if str(path) not in _TABLES_MADE:
            with transaction(path) as con:
                con.execute("CREATE TABLE IF NOT EXISTS offline_threads (thread_id TEXT PRIMARY KEY, last_call TEXT)")
            _TABLES_MADE.add(str(path))

    def get(self, thread_id: str) -> str | None:
        with transaction(self.path) as con:
            row = con.execute("SELECT last_call FROM offline_threads WHERE thread_id = ?", (thread_id,)).fetchone()
        return row[0] if row else None

    def put(self, thread_id: str, value: str) -> None:
        with transaction(self.path) as con:
            con.execute("INSERT INTO offline_threads VALUES (?, ?) ON CONFLICT(thread_id) DO UPDATE SET "
                        "last_call = excluded.last_call", (thread_id, value))


class Assistant:
    def __init__(self, runtime: Runtime, model_factory: Callable[[], Any] | None = None) -> None:
        self.runtime = runtime
        self.settings = runtime.settings
        self.model_factory = model_factory
        self.memory_path = self.settings.home / "conversations.db"
        self._checkpointer = None
        # set by a server: runs a job tool (reforecast) in a worker process and waits for it
        self.job_runner: Callable[[str, dict, ToolContext], dict] | None = None

    @property
    def uses_llm(self) -> bool:
        return self.model_factory is not None or self.settings.llm_configured

    def context(self, principal: str, role: str, thread_id: str | None = None,
                progress: Callable[[int, int, str], None] | None = None) -> ToolContext:
        planning_date, source = self.runtime.planning_date()
        return ToolContext(store=self.runtime.store, planning_date=planning_date, principal=principal, role=role,
                           planning_date_source=source, notes=self.runtime.notes_store,
                           chart_dir=self.settings.home / "charts", progress=progress, thread_id=thread_id,
                           extras={"allow_self_approval": self.settings.self_approval_allowed,
                                   "run_job": self.job_runner,
                                   "forecast_engine": (self.settings.forecast_engine, self.settings.forecast_address)})

    @cached_property
    def threads(self) -> ThreadOwners:
        """Who owns which thread (next to the conversations)."""
        return ThreadOwners(self.memory_path)

    def ask(self, text: str, *, principal: str, role: str = "viewer", thread_id: str | None = None,
            progress: Callable[[int, int, str], None] | None = None, owner: str | None = None,
            on_event: Callable[[str, dict], None] | None = None) -> dict:
        """One turn. Without ``thread_id`` a new thread owned by ``owner`` (default: ``principal``) starts;
        with one, it must be a thread ``owner`` owns, else ``NotFound``. ``on_event(kind, data)`` hears of
        each tool call and result as it happens (``tool_call``, ``tool_result``)."""
        if len(text) > MAX_MESSAGE_CHARS:
            raise InvalidArgument(f"a message is limited to {MAX_MESSAGE_CHARS} characters; this one has {len(text)}")
        owner = owner or principal
        if thread_id is None:
            thread_id = self.threads.start(owner)
        else:
            self.threads.check(thread_id, owner)
        ctx = self.context(principal, role, thread_id, progress)
        turn = Turn(thread_id, language=question_language(text), on_event=on_event)
        if self.uses_llm:
            try:
                self._llm_turn(text, ctx, turn)
            except Exception as error:  # timeouts, connection errors, a broken server
                log.warning("LLM turn failed, answering offline: %s", error)
                reason = f"{type(error).__name__}"
                turn = Turn(thread_id, notices=[answers.say("llm_unavailable", turn.language, reason=reason)],
                            language=turn.language, on_event=on_event)
                self._offline_turn(text, ctx, turn)
        else:
            self._offline_turn(text, ctx, turn)
        return self._finish(text, turn)

    # --- the grounding check ------------------------------------------------------------------------

    def _finish(self, text: str, turn: Turn) -> dict:
        """What fails the claim check is not shown: an LLM answer by the offline router's answer over the same
        results (no write run again), an offline answer by the tools' plain rendering; with a one-line note."""
        results = [{"name": c["name"], "args": c["args"], "result": c["result"]} for c in turn.tool_calls]
        resolver = company_resolver(self.runtime.store, load_vocabulary().reserved)
        fixed = answers.template_text(turn.language)
        check = grounding.check(turn.answer, results, text, fixed if turn.engine == "offline" else "",
                                turn.language, resolver)
        if not check.ok:
            log.warning("%s answer failed the grounding check; failed claims: %s", turn.engine, check.failed_claims)
            fallback = self._plain(turn, rendered=turn.engine == "llm")
            again = grounding.check(fallback, results, text, fixed, turn.language, resolver)
            if turn.engine == "llm" and not again.ok:
                log.warning("offline answer failed the grounding check; failed claims: %s", again.failed_claims)
                fallback = self._plain(turn, rendered=False)
            turn.answer = fallback or "No data: I could not ground an answer in the tools' results."
            turn.notices.append(answers.say("grounding_replaced", turn.language))
        if turn.notices:
            turn.answer = "\n".join([turn.answer, *turn.notices])
        return turn.document(check.ok)

    @staticmethod
    def _plain(turn: Turn, rendered: bool = True) -> str:
        """The offline router's rendering of the turn's results; ``rendered=False``: the results as they are."""
        if rendered:
            return "\n\n".join(answers.render(c["name"], c["args"], c["result"], turn.language)
                               for c in turn.tool_calls)
        return "\n\n".join(f"{c['name']}: " + json.dumps(c["result"], default=str, ensure_ascii=False)[:4000]
                             for c in turn.tool_calls)

    # --- engines ------------------------------------------------------------------------------------

    def call_tool(self, name: str, args: dict, ctx: ToolContext) -> dict:
        """Run a tool for an engine: writes go through the approval gate instead of running."""
        if name in WRITE_TOOLS:
            return request_write(name, args, ctx)
        if name in JOB_TOOLS and ctx.extras.get("run_job"):
            return ctx.extras["run_job"](name, args, ctx)
        return run_tool(name, args, ctx)

    def _offline_turn(self, text: str, ctx: ToolContext, turn: Turn) -> None:
        from assistant.offline import offline_answer

        memory = ThreadMemory(self.memory_path)
        turn.engine = "offline"
        answer, last_call, routed = offline_answer(text, ctx, memory.get(turn.thread_id),
                                                   lambda name, args: self._record(turn, name, args, ctx))
        turn.answer = answer
        if routed is not None:
            turn.clarification, turn.language = routed.clarification_document, routed.language
        if last_call:
            memory.put(turn.thread_id, last_call)

    def _record(self, turn: Turn, name: str, args: dict, ctx: ToolContext) -> dict:
        result = self.call_tool(name, args, ctx)
        turn.record(name, args, result)
        return result

    def _llm_turn(self, text: str, ctx: ToolContext, turn: Turn) -> None:
        from assistant.llm import llm_answer

        turn.engine = "llm"
        model = self.model_factory() if self.model_factory else None
        turn.answer = llm_answer(text, ctx, self.settings, self.checkpointer(), turn, model)

    def checkpointer(self):
        if self._checkpointer is None:
            from langgraph.checkpoint.sqlite import SqliteSaver

            self.memory_path.parent.mkdir(parents=True, exist_ok=True)
            connection = open_connection(self.memory_path, check_same_thread=False)
            self._checkpointer = SqliteSaver(connection)
        return self._checkpointer
