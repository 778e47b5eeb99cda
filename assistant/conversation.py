"""One turn of a conversation, whatever the engine. With an LLM configured (``SOP_ENGINE=auto``), the
offline router reads the question first and runs its call (a write or a job waits: a turn never repeats a
side effect), then the LLM agent works within the turn's one deadline (``SOP_LLM_TIMEOUT``); its answer is
used only if it passes the checks of ``assistant.checks`` (valid tool calls, agreement with a confident
router, consistency, the claim gate), else the router's answer is given. Every answer passes the grounding
check.

``Assistant.ask`` returns the public turn document:
``{"answer", "tool_calls": [{"name", "args", "result", "engine"}], "sources", "engine", "fallback_reason",
"pending_approval", "thread_id", "grounded", "clarification", "language", "usage"}``: ``engine`` is
``llm``, ``offline`` or ``offline_fallback`` (the router answered because the model's answer could not be
used, ``fallback_reason`` says why: one of ``assistant.checks.REASONS``, else null); each tool call names
the engine that made it; ``clarification`` is ``{"question", "options": [{"label", "value"}]}`` when the
assistant asks back (an option's value, sent as the next message of the thread, answers it), else null;
``language`` is the language of the question's words (``en`` or ``vi``); ``usage`` is the model's
``{"model_calls", "input_tokens", "output_tokens"}`` for the turn (zeros when no model was called).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import answers, checks, grounding
from assistant.approvals import request_write
from assistant.offline import OfflinePlan, plan_offline
from assistant.router import RoutedCall
from assistant.router.reading import question_language
from assistant.router.vocab import load_vocabulary
from assistant.runtime import Runtime
from assistant.sqlite import open_connection, transaction
from assistant.streaming import Release
from assistant.threads import ThreadOwners
from sop_engine.errors import InvalidArgument
from sop_engine.limits import MAX_MESSAGE_CHARS
from sop_engine.resolver import company_resolver
from tools.base import run_tool
from tools.context import ToolContext
from tools.schemas import JOB_TOOLS, TOOL_ARGS, WRITE_TOOLS

if TYPE_CHECKING:  # the LLM stack (langchain, langgraph) is imported only when a model is used
    from assistant.llm import LlmOutcome

log = logging.getLogger(__name__)
DEADLINE_GRACE = 0.5  # seconds the turn waits past the model's deadline for its run to stop by itself
# The turn's deadline counts from the turn's start (``SOP_LLM_TIMEOUT`` after it); the model must be done this
# long before it, so the router's answer, the claim check and the reply fit in before the turn's deadline.
FINISH_RESERVE = 1.0


SIDE_EFFECTS = WRITE_TOOLS | JOB_TOOLS
NO_USAGE = {"model_calls": 0, "input_tokens": 0, "output_tokens": 0}


class TurnClosed(RuntimeError):
    """The engine's part of the turn is over (its deadline passed): it may not run tools any more."""


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
    fallback_reason: str | None = None
    usage: dict = field(default_factory=lambda: dict(NO_USAGE))
    _closed: set = field(default_factory=set, repr=False)
    _effects: dict = field(default_factory=dict, repr=False)
    _lock: Any = field(default_factory=threading.Lock, repr=False)
    _effects_lock: Any = field(default_factory=threading.Lock, repr=False)

    def record(self, name: str, args: dict, result: dict, engine: str = "offline") -> None:
        with self._lock:
            if engine in self._closed:
                return  # finished after its engine's part of the turn ended: the turn's answer does not use it
            self.tool_calls.append({"name": name, "args": args, "result": result, "engine": engine})
        if self.on_event is not None:
            self.on_event("tool_call", {"name": name, "args": args, "engine": engine})
            self.on_event("tool_result", {"name": name, "result": result, "engine": engine})

    def run(self, engine: str, name: str, args: dict, runner: Callable[[str, dict], dict]) -> dict:
        """Run a tool call of ``engine`` and record it. A write or a job runs once per turn: a second call
        of the same tool (by either engine) gets the first one's result (its pending approval, its job)."""
        if engine in self._closed:
            raise TurnClosed(f"the {engine} engine's part of the turn is over")
        if name not in SIDE_EFFECTS:
            result = runner(name, args)
            self.record(name, args, result, engine)
            return result
        with self._effects_lock:  # an engine's write in flight is waited for, never made twice
            if name in self._effects:
                return self._effects[name]
            if engine in self._closed:
                raise TurnClosed(f"the {engine} engine's part of the turn is over")
            result = runner(name, args)
            if (result.get("error") or {}).get("code") not in ("invalid_argument", "unknown_tool"):
                self._effects[name] = result
        self.record(name, args, result, engine)
        return result

    def close(self, engine: str) -> None:
        with self._lock:
            self._closed.add(engine)

    def calls(self, engine: str) -> list[dict]:
        with self._lock:
            return [c for c in self.tool_calls if c["engine"] == engine]

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
            if (call["engine"] == "llm") != (self.engine == "llm"):
                continue  # the answering engine's own calls
            error = call["result"].get("error") or {}
            if error.get("ask_user") and ("options" in error or error.get("code") == "unknown_product"):
                return {"question": error.get("message", ""), "options": list(error.get("options") or [])}
        return None

    def document(self, grounded: bool) -> dict:
        return {"answer": self.answer, "tool_calls": self.tool_calls, "sources": self.sources(),
                "engine": self.engine, "fallback_reason": self.fallback_reason,
                "pending_approval": self.pending_approval, "thread_id": self.thread_id,
                "grounded": grounded, "clarification": self.clarification or self.ambiguity(),
                "language": self.language, "usage": self.usage}


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
        if self.settings.engine == "offline":
            return False
        return self.model_factory is not None or self.settings.uses_llm

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
        deadline = time.monotonic() + self.settings.llm_timeout  # the turn's, from its start
        owner = owner or principal
        if thread_id is None:
            thread_id = self.threads.start(owner)
        else:
            self.threads.check(thread_id, owner)
        ctx = self.context(principal, role, thread_id, progress)
        turn = Turn(thread_id, language=question_language(text), on_event=on_event)
        release = Release(on_event)
        if self.uses_llm:
            self._combined_turn(text, ctx, turn, release, deadline)
        else:
            self._offline_turn(text, ctx, turn)
        doc = self._finish(text, turn)
        release.finish(doc["answer"])
        return doc

    # --- the grounding check ------------------------------------------------------------------------

    def _finish(self, text: str, turn: Turn) -> dict:
        """What fails the claim check is not shown: an LLM answer by the offline router's answer over the same
        results (no write run again), an offline answer by the tools' plain rendering; with a one-line note."""
        results = [{"name": c["name"], "args": c["args"], "result": c["result"]} for c in turn.tool_calls]
        resolver = company_resolver(self.runtime.store, load_vocabulary().reserved)
        fixed = answers.template_text(turn.language)
        check = grounding.check(turn.answer, results, text, fixed if turn.engine != "llm" else "",
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
        memory = ThreadMemory(self.memory_path)
        turn.engine = "offline"
        plan = plan_offline(text, ctx, memory.get(turn.thread_id))
        if plan.tool:
            plan.run(lambda name, args: turn.run("offline", name, args, self._runner(ctx)))
        self._take_offline(turn, plan)
        if plan.remembered:
            memory.put(turn.thread_id, plan.remembered)

    def _runner(self, ctx: ToolContext) -> Callable[[str, dict], dict]:
        return lambda name, args: self.call_tool(name, args, ctx)

    @staticmethod
    def _take_offline(turn: Turn, plan: OfflinePlan) -> None:
        turn.answer = plan.answer or ""
        if plan.routed is not None:
            turn.clarification, turn.language = plan.routed.clarification_document, plan.routed.language

    def _combined_turn(self, text: str, ctx: ToolContext, turn: Turn, release: Release,
                       turn_deadline: float) -> None:
        """The router first (its read call run now, a write or job only if it answers), then the LLM within
        the turn's deadline (less the time kept for finishing); the model's answer if it passes every check,
        else the router's."""
        from assistant.llm import remember_answer

        deadline = turn_deadline - min(FINISH_RESERVE, self.settings.llm_timeout / 4) - DEADLINE_GRACE
        memory = ThreadMemory(self.memory_path)
        plan: OfflinePlan | None = None
        if self.settings.engine != "llm":
            plan = plan_offline(text, ctx, memory.get(turn.thread_id))
            if plan.tool and plan.tool not in SIDE_EFFECTS:
                plan.run(lambda name, args: turn.run("offline", name, args, self._runner(ctx)))
        routed = plan.routed if plan else None
        release.accept = lambda so_far: self._judge(text, turn, so_far, routed, plan, partial=True) is None
        outcome = self._llm_in_time(text, ctx, turn, deadline, routed is not None and routed.tool in TOOL_ARGS,
                                    release)
        turn.usage = outcome.usage
        reason = outcome.error or self._judge(text, turn, outcome.text, routed, plan, outcome=outcome)
        if reason is None:
            turn.engine, turn.answer = "llm", outcome.text
            if plan is not None and plan.remembered and not (routed and routed.clarification):
                memory.put(turn.thread_id, plan.remembered)
            return
        log.info("the model's answer was not used (%s)", reason)
        turn.fallback_reason = reason
        if plan is None:  # SOP_ENGINE=llm: no router behind the model; the results as the templates write them
            turn.engine = "llm"
            turn.answer = self._plain(turn) if turn.tool_calls else answers.say("not_understood", turn.language)
        else:
            turn.engine = "offline_fallback"
            if plan.tool and plan.answer is None:  # its write or job: the model's, if it made one
                plan.run(lambda name, args: turn.run("offline", name, args, self._runner(ctx)))
            self._take_offline(turn, plan)
            if plan.remembered:
                memory.put(turn.thread_id, plan.remembered)
        if reason in ("deadline", "model_error"):
            turn.notices.append(answers.say("llm_unavailable", turn.language,
                                            reason=outcome.detail or reason))
        remember_answer(outcome, turn.answer)

    def _llm_in_time(self, text: str, ctx: ToolContext, turn: Turn, deadline: float, tool_required: bool,
                     release: Release) -> LlmOutcome:
        """Run the model in a worker thread; at the deadline the turn goes on without it (its request, given
        only the time left, is cancelled by then, and it may run no more tools)."""
        from assistant.llm import LlmOutcome, run_llm

        box: dict[str, LlmOutcome] = {}
        model = self.model_factory() if self.model_factory else None

        def work() -> None:
            try:
                box["outcome"] = run_llm(text, ctx, self.settings, self.checkpointer(), turn.thread_id,
                                         lambda name, args: turn.run("llm", name, args, self._runner(ctx)),
                                         deadline, tool_required, model, language=turn.language,
                                         on_text=release.feed if release.emit else None)  # a listener
            except Exception as error:  # building the agent failed: the router answers
                log.exception("the LLM turn failed")
                box["outcome"] = LlmOutcome(error="model_error", detail=type(error).__name__)

        worker = threading.Thread(target=work, name=f"llm-turn-{turn.thread_id[:8]}", daemon=True)
        worker.start()
        worker.join(max(deadline - time.monotonic(), 0.0) + DEADLINE_GRACE)
        turn.close("llm")
        if worker.is_alive():
            release.close()
            log.warning("the turn's deadline passed; the model's run is abandoned")
            return LlmOutcome(error="deadline", detail=f"no answer within {self.settings.llm_timeout:g} s")
        return box["outcome"]

    def _judge(self, text: str, turn: Turn, answer: str, routed: RoutedCall | None, plan: OfflinePlan | None,
               outcome: LlmOutcome | None = None, partial: bool = False) -> str | None:
        """Why the model's ``answer`` may not be shown (a ``checks.REASONS`` value), or None."""
        calls = turn.calls("llm")
        reason = checks.tool_call_reason(calls, answer, outcome.malformed_calls if outcome else 0)
        if reason:
            return reason
        if outcome is not None and outcome.finish_reason == "length":
            return "model_error"
        if routed is not None and plan is not None and checks.overrules(routed, plan.result, calls):
            return "disagrees_with_router"
        if checks.inconsistency(answer, calls, turn.language):
            return "inconsistent"
        results = [{"name": c["name"], "args": c["args"], "result": c["result"]} for c in turn.calls("llm")]
        results += [{"name": c["name"], "args": c["args"], "result": c["result"]} for c in turn.calls("offline")]
        resolver = company_resolver(self.runtime.store, load_vocabulary().reserved)
        check = grounding.check(answer, results, text, "", turn.language, resolver)
        if not check.ok:
            if not partial:
                log.warning("llm answer failed the grounding check; failed claims: %s", check.failed_claims)
            return "gate_failed"
        return None

    def checkpointer(self):
        if self._checkpointer is None:
            from langgraph.checkpoint.sqlite import SqliteSaver

            self.memory_path.parent.mkdir(parents=True, exist_ok=True)
            connection = open_connection(self.memory_path, check_same_thread=False)
            self._checkpointer = SqliteSaver(connection)
        return self._checkpointer
