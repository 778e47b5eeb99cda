"""The assistant's LLM path on a real model, against the offline router, on the held-out question sets.

    python benchmarks/llm_agent.py --base-url http://127.0.0.1:8080/v1 --model qwen2.5-coder-1.5b \
        [--timeout 60] [--limit N] [--every 4] [--engine auto] [--log FILE] [--gguf PATH] [--no-readme]
    python benchmarks/llm_agent.py --report LOG [LOG ...]      # the tables again, from finished logs

Any OpenAI-compatible server. The questions: every ``--every``-th case of ``router_heldout_en.json`` and of
``router_heldout_vi.json`` (a fixed rule, taken in turn from the two sets), asked through the real
``Assistant.ask`` on the set's companies (``tests/assistant/eval_companies``, loaded, forecast, published,
notes ingested), as a planner, each case in a new thread after its ``context`` messages. One run gives
the figures of three engines:

- **offline**: the offline router's call for the case (``assistant.router.evaluate.run_company_case``);
- **llm**: the LLM's own tool calls in the turn, read as the router's call is (the last call without an
  error: its tool, its resolved product or family, the months its period names, its arguments). Right
  only when its answer was also accepted (the gate passed, or it was refused only for disagreeing with the
  router); a right call whose answer failed the gate is counted apart (*right call, gate failed*);
- **combined**: what the turn answered: the LLM's call when ``engine`` is ``llm``, else the router's.

Each turn's model calls go through a loopback proxy (``usage_proxy.py``) that reads the server's
``usage``. The code measured is the one on ``PYTHONPATH`` (its path and commit are printed), so a branch can
be measured from its own work tree. Per-case records go to ``--log`` (JSON lines) and are read only as
totals: the held-out sets are never tuned on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from itertools import zip_longest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT))  # after PYTHONPATH: the code measured is the one PYTHONPATH names

SETS = ("router_heldout_en.json", "router_heldout_vi.json")
COMPANIES = ROOT / "tests/assistant/eval_companies"
BUILD_DATE = date(2026, 11, 15)
SECTION = "## LLM agent on a real model"
OUTCOMES = ("right", "asked back", "not understood", "silently wrong")
GATE_FAILED = "right call, gate failed"
NO_PERIOD = {"get_orders", "check_overstock", "reforecast", "publish_forecast", "find_products", "chart"}
NO_ENTITY = {"get_capacity", "publish_forecast", "find_products"}


def select_cases(every: int, limit: int | None) -> list[dict]:
    """Every ``every``-th case of each held-out set, taken in turn (en, vi, en, ...); the first ``limit``."""
    picked = []
    for name in SETS:
        data = json.loads((ROOT / "tests/assistant" / name).read_text(encoding="utf-8"))
        picked.append([{**c, "set": name, "lang": data.get("language", "?")} for c in data["cases"][::every]])
    cases = [c for group in zip_longest(*picked) for c in group if c is not None]
    return cases[:limit] if limit else cases


# --- the companies' stores ------------------------------------------------------------------------------

def build_home(company: str, cache: Path) -> Path:
    """A SOP_HOME holding the company: loaded, forecast, published, notes ingested (built once, then kept)."""
    from assistant.bootstrap import load_folder
    from assistant.runtime import Runtime
    from assistant.settings import Settings
    from sop_engine.service import forecasting
    from sop_engine.service.notes import ingest_notes

    home = cache / company
    if (home / "ready.json").exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    folder = COMPANIES / company
    runtime = Runtime(Settings(home=home, planning_date=BUILD_DATE))
    load_folder(runtime, folder, "bench")
    run = forecasting.run_forecast(runtime.store, BUILD_DATE, principal="bench", note="benchmark")
    forecasting.publish_forecast(runtime.store, run["version"], "bench")
    notes = ingest_notes(runtime.store, runtime.notes_store(), folder / "notes", "bench")
    runtime.store.engine.dispose()
    (home / "ready.json").write_text(json.dumps({"forecast": run["version"], "notes": bool(notes)}))
    return home


# --- reading a turn -------------------------------------------------------------------------------------

def _scope_entity(result: dict, args: dict, products) -> str | None:
    from tools.resolve import product_scope

    scope = result.get("scope") if isinstance(result.get("scope"), dict) else None
    code = scope and (scope.get("code") or scope.get("value"))  # a re-forecast's scope names it "value"
    if code and scope.get("kind") in ("sku", "family"):
        return code if scope["kind"] == "sku" else f"family:{code}"
    text = args.get("product") or args.get("family")
    if not text:
        return None
    try:
        sku, family, _ = product_scope(products, text)
    except Exception:  # a name the catalogue does not hold: the call names no product we can score
        return f"unresolved:{text}"
    return sku or (f"family:{family}" if family else None)


def _months(result: dict, args: dict, planning_date: date) -> list[str] | None:
    from tools.resolve import period_range

    if not args.get("period"):
        return None
    period = result.get("period") if isinstance(result.get("period"), dict) else {}
    for months in (result.get("asked_months"), period.get("months"), result.get("months")):
        if isinstance(months, list) and months:  # the tool's own reading of the period it was given
            return [str(m) for m in months]
    try:
        found = period_range(args["period"], planning_date)
    except Exception:
        return None
    return found.labels if found else None


def _normal_args(name: str, args: dict, result: dict, planning_date: date) -> dict:
    from tools.resolve import past_month

    out = dict(args)
    scope = result.get("scope") if isinstance(result.get("scope"), dict) else {}
    if name == "get_capacity" and scope.get("kind") == "resource":
        out["resource"] = scope.get("code")
    if name == "reforecast" and out.get("exclude"):
        months = []
        for text in out["exclude"]:
            try:
                months.append(past_month(str(text), planning_date).strftime("%Y-%m"))
            except Exception:
                months.append(text)
        out["exclude"] = months
    return out


def llm_calls(doc: dict) -> list[dict]:
    """The calls the LLM made in a turn: those marked ``engine: llm``, or all of a turn the LLM answered."""
    calls = doc.get("tool_calls") or []
    if any("engine" in c for c in calls):
        return [c for c in calls if c.get("engine") == "llm"]
    return calls if doc.get("engine") == "llm" else []


def llm_call(doc: dict, products, planning_date: date):
    """The LLM's call as a RoutedCall, the router's shape, for ``judge``."""
    from assistant.router.parse import RoutedCall

    calls = llm_calls(doc)
    for call in calls:
        error = (call.get("result") or {}).get("error") or {}
        if error.get("ask_user") and error.get("options"):
            return RoutedCall(None, clarification=error.get("message") or "?", options=list(error["options"]))
    clean = [c for c in calls if "error" not in (c.get("result") or {})]
    if not (clean or calls):
        return RoutedCall(None)
    chosen = (clean or calls)[-1]
    name, args, result = chosen["name"], dict(chosen.get("args") or {}), chosen.get("result") or {}
    entity = None if name in NO_ENTITY or (name == "get_orders" and args.get("ref")) else _scope_entity(
        result, args, products)
    months = None if name in NO_PERIOD else _months(result, args, planning_date)
    return RoutedCall(name, _normal_args(name, args, result, planning_date), entity=entity, months=months)


def fallback_reason(doc: dict, llm_configured: bool) -> tuple[str | None, bool]:
    """``(reason, inferred)``: the turn's ``fallback_reason``, or one read from an older turn document."""
    if "fallback_reason" in doc:
        return doc.get("fallback_reason"), False
    if doc.get("engine") == "llm":
        return (None if doc.get("grounded") else "gate_failed"), True
    return ("model_error" if llm_configured else None), True


def score(case: dict, doc: dict, offline_outcome: str, products, planning_date: date) -> dict:
    from assistant.router.evaluate import judge

    reason, inferred = fallback_reason(doc, True)
    engine = doc.get("engine") or "?"
    call = llm_call(doc, products, planning_date)
    judged = judge(case, call)
    accepted = engine == "llm" and doc.get("grounded", True) or reason == "disagrees_with_router"
    if reason in ("deadline", "model_error") and not call.clarification:
        llm = "not understood"  # no answer from the model within the turn
    elif judged == "right" and not accepted and call.tool is not None:
        llm = GATE_FAILED
    else:
        llm = judged
    combined = llm if engine == "llm" else offline_outcome
    planning = case.get("expect") == "answer" and case.get("tool") is not None
    return {"offline": offline_outcome, "llm": llm, "combined": combined, "llm_call_right": judged == "right",
            "engine": engine, "fallback_reason": reason, "reason_inferred": inferred, "planning": planning,
            "llm_tool_calls": len(llm_calls(doc))}


# --- the run --------------------------------------------------------------------------------------------

WARMUP = {"en": "hello", "vi": "xin chào"}


def warm_up(cases: list[dict], homes: dict, options: argparse.Namespace, proxy) -> list[dict]:
    """One unscored turn per company and language of the cases, without a deadline to speak of: the server
    reads the system prompt and the tool schemas once and keeps them in its prompt cache, as a server that
    has been running does. (The prompt names the company, the planning date and the answer's language.)"""
    from assistant.conversation import Assistant
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    extra = {"engine": "llm"} if "engine" in Settings.model_fields else {}
    done = []
    for company, lang in sorted({(c["company"], c["lang"]) for c in cases}):
        proxy.turn = f"warmup {company} {lang}"
        assistant = Assistant(Runtime(Settings(
            home=homes[company], planning_date=BUILD_DATE, model=options.model, openai_base_url=proxy.base_url,
            openai_api_key="EMPTY", llm_timeout=options.warmup_timeout, **extra)))
        started = time.perf_counter()
        try:
            assistant.ask(WARMUP.get(lang, "hello"), principal="cli:bench", role="planner")
        except Exception as error:  # a warm-up that fails only leaves the cache cold
            print(f"warm-up {company} {lang}: {type(error).__name__}", flush=True)
        calls = proxy.calls_of(proxy.turn)
        done.append({"company": company, "lang": lang, "seconds": round(time.perf_counter() - started, 1),
                     "prompt_tokens": calls[0]["prompt_tokens"] if calls else None})
        print(f"warm-up {company} {lang}: {done[-1]}", flush=True)
    return done


def code_under_test() -> dict:
    import assistant

    tree = Path(assistant.__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "-C", str(tree), "status", "--porcelain", "--untracked-files=no"],
                                    capture_output=True, text=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "?", False
    return {"tree": str(tree), "commit": commit + ("+changes" if dirty else "")}


def server_info(base_url: str) -> dict | None:
    """What a llama.cpp server says of itself (``/props``); None for servers without it."""
    import httpx

    try:
        props = httpx.get(base_url.rstrip("/").removesuffix("/v1") + "/props", timeout=10).json()
    except (httpx.HTTPError, ValueError):
        return None
    settings = props.get("default_generation_settings") or {}
    return {"build": props.get("build_info"), "n_ctx": settings.get("n_ctx"),
            "slots": props.get("total_slots"), "model": Path(str(props.get("model_path") or "")).name or None}


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def run(options: argparse.Namespace) -> Path:
    from usage_proxy import UsageProxy

    from assistant.conversation import Assistant
    from assistant.router.companies import folder_tables
    from assistant.router.evaluate import run_company_case
    from assistant.runtime import Runtime
    from assistant.settings import Settings

    cases = select_cases(options.every, options.limit)
    cache = Path(options.homes)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="llm-agent-"))
    homes, tables = {}, {}
    for company in sorted({c["company"] for c in cases}):
        print(f"preparing {company} ...", flush=True)
        homes[company] = work / company
        shutil.copytree(build_home(company, cache), homes[company])
        tables[company] = folder_tables(COMPANIES / company)
    has_engine = "engine" in Settings.model_fields
    meta = {"kind": "run", "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "base_url": options.base_url, "model": options.model, "timeout": options.timeout,
            "engine": options.engine if has_engine else "auto (the code has no SOP_ENGINE)",
            "call_schema": bool(options.call_schema),
            "every": options.every, "cases": len(cases), "code": code_under_test(),
            "gguf_sha256": sha256(Path(options.gguf)) if options.gguf else None, "label": options.label,
            "server": server_info(options.base_url)}
    log = Path(options.log)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out, UsageProxy(options.base_url) as proxy:
        if options.warmup:
            meta["warmup"] = warm_up(cases, homes, options, proxy)
        out.write(json.dumps(meta) + "\n")
        out.flush()
        if options.warmup_only:
            return log
        assistants: dict[tuple, Assistant] = {}
        turn_no = 0
        for index, case in enumerate(cases, 1):
            when = date.fromisoformat(case.get("planning_date", "2026-11-15"))
            key = (case["company"], when)
            if key not in assistants:
                extra = {"engine": options.engine} if has_engine else {}
                if options.call_schema:
                    extra["llm_call_schema"] = True
                assistants[key] = Assistant(Runtime(Settings(
                    home=homes[case["company"]], planning_date=when, model=options.model,
                    openai_base_url=proxy.base_url, openai_api_key="EMPTY", llm_timeout=options.timeout, **extra)))
            assistant, thread, turns, doc = assistants[key], None, [], {}
            for text in [*(case.get("context") or []), case["text"]]:
                turn_no += 1
                proxy.turn = turn_no
                started = time.perf_counter()
                try:
                    doc = assistant.ask(text, principal="cli:bench", role="planner", thread_id=thread)
                except Exception as error:  # counted, never hidden: the turn failed as a whole
                    doc = {"engine": "error", "fallback_reason": f"exception {type(error).__name__}",
                           "tool_calls": []}
                seconds = time.perf_counter() - started
                thread = doc.get("thread_id", thread)
                calls = proxy.calls_of(turn_no)
                turns.append({"seconds": seconds, "model_calls": len(calls),
                              "prompt_tokens": sum(c["prompt_tokens"] for c in calls),
                              "completion_tokens": sum(c["completion_tokens"] for c in calls),
                              "first_prompt_tokens": calls[0]["prompt_tokens"] if calls else None,
                              "cancelled": sum(c["cancelled"] for c in calls),
                              "http_errors": sum(bool(c["status"] and c["status"] >= 400) for c in calls),
                              "length_stops": sum(c["finish_reason"] == "length" for c in calls),
                              "engine": doc.get("engine"), "fallback_reason": doc.get("fallback_reason"),
                              "usage": doc.get("usage")})
            offline = run_company_case(case, tables[case["company"]], when).outcome
            record = {"kind": "case", "set": case["set"], "lang": case["lang"], "expect": case.get("expect"),
                      **score(case, doc, offline, tables[case["company"]]["products"], when), "turns": turns}
            out.write(json.dumps(record, default=str) + "\n")
            out.flush()
            print(f"  {index}/{len(cases)} done", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return log


# --- the report -----------------------------------------------------------------------------------------

def read_log(path: Path) -> tuple[dict, list[dict]]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[0], [r for r in lines[1:] if r.get("kind") == "case"]


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))] if ordered else float("nan")


def summary(meta: dict, records: list[dict]) -> dict:
    turns = [t for r in records for t in r["turns"]]
    seconds = [t["seconds"] for t in turns]
    finished = [t for t in turns if t["model_calls"] and not t["cancelled"]]  # usage is known only for these
    reasons = Counter(r["fallback_reason"] for r in records if r["engine"] != "llm")
    planning = [r for r in records if r["planning"]]
    return {
        "meta": meta, "cases": len(records), "turns": len(turns),
        "counts": {e: Counter(r[e] for r in records) for e in ("offline", "llm", "combined")},
        "llm_call_right": sum(r["llm_call_right"] for r in records),
        "llm_answered": sum(r["engine"] == "llm" for r in records),
        "llm_answered_planning": (sum(r["engine"] == "llm" for r in planning), len(planning)),
        "reasons": reasons, "inferred": any(r["reason_inferred"] for r in records),
        "tokens_in": statistics.mean(t["prompt_tokens"] for t in finished) if finished else float("nan"),
        "tokens_out": statistics.mean(t["completion_tokens"] for t in finished) if finished else float("nan"),
        "finished_turns": len(finished),
        "first_prompt": _pct([t["first_prompt_tokens"] for t in turns if t["first_prompt_tokens"]], 0.5),
        "model_calls": statistics.mean(t["model_calls"] for t in turns) if turns else 0,
        "p50": _pct(seconds, 0.5), "p95": _pct(seconds, 0.95),
        "p50_llm": _pct([r["turns"][-1]["seconds"] for r in records if r["engine"] == "llm"], 0.5),
        "p50_fallback": _pct([r["turns"][-1]["seconds"] for r in records if r["engine"] != "llm"], 0.5),
        "overrun": max((s - meta["timeout"] for s in seconds), default=0.0),
        "cancelled": sum(t["cancelled"] for t in turns), "http_errors": sum(t["http_errors"] for t in turns),
        "length_stops": sum(t["length_stops"] for t in turns),
    }


def _num(value: float) -> str:
    return "n/a" if value != value else f"{value:,.0f}"


def _sec(value: float) -> str:
    return "n/a" if value != value else f"{value:.1f} s"  # NaN: no such turn


def _cell(count: int, total: int) -> str:
    return f"{count} ({count / total:.0%})" if total else "0"


def table(s: dict) -> str:
    meta, n = s["meta"], s["cases"]
    code = meta["code"]
    head = (f"**{meta.get('label') or meta['model']}** — model `{meta['model']}`, deadline {meta['timeout']:g} s, "
            f"engine setting {meta['engine']}, SOP_LLM_CALL_SCHEMA {'on' if meta.get('call_schema') else 'off'}, "
            f"code `{code['commit']}`, {meta['started']}; "
            f"{n} cases done of the first {meta['cases']} of the {len(select_cases(meta['every'], None))} selected "
            f"(every {meta['every']}th case of each held-out set, in turn), "
            f"{s['turns']} turns.")
    if server := meta.get("server"):
        head += (f" Server: {server['model']}, build {server['build']}, context {server['n_ctx']}, "
                 f"slots {server['slots']}.")
    lines = [head, "", f"| engine | right | asked back | not understood | silently wrong | {GATE_FAILED} |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for engine in ("offline", "llm", "combined"):
        c = s["counts"][engine]
        cells = " | ".join(_cell(c.get(k, 0), n) for k in (*OUTCOMES, GATE_FAILED))
        lines.append(f"| {engine} | {cells} |")
    answered, planning = s["llm_answered_planning"]
    reasons = ", ".join(f"{k or 'none'} {v}" for k, v in s["reasons"].most_common()) or "none"
    lines += [
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| turns answered by the LLM itself | {_cell(s['llm_answered'], n)}; planning questions "
        f"{_cell(answered, planning)} |",
        f"| LLM's own calls with tool, scope and months right | {_cell(s['llm_call_right'], n)} |",
        f"| fallbacks by reason{' (read from an older turn document)' if s['inferred'] else ''} | {reasons} |",
        f"| tokens per turn, in / out (mean over the {s['finished_turns']} turns whose model calls all finished) | "
        f"{_num(s['tokens_in'])} / {_num(s['tokens_out'])} |",
        f"| prompt tokens of a turn's first model call (median) | "
        f"{_num(s['first_prompt'])} |",
        f"| model calls per turn (mean) | {s['model_calls']:.1f} |",
        f"| latency per turn p50 / p95 | {_sec(s['p50'])} / {_sec(s['p95'])} |",
        f"| latency p50, answered by the LLM / by the router | {_sec(s['p50_llm'])} / {_sec(s['p50_fallback'])} |",
        f"| max overrun past the deadline | {s['overrun']:+.1f} s |",
        f"| model calls cancelled / HTTP errors / stopped at max_tokens | {s['cancelled']} / {s['http_errors']} / "
        f"{s['length_stops']} |",
    ]
    if meta.get("gguf_sha256"):
        lines.append(f"| SHA-256 of the GGUF | `{meta['gguf_sha256']}` |")
    return "\n".join(lines)


def section(summaries: list[dict]) -> str:
    intro = (
        "`python benchmarks/llm_agent.py --base-url URL --model NAME` — the assistant's turns "
        "(`Assistant.ask`, a planner, a new thread per case) against an OpenAI-compatible server, on a fixed "
        "subset of the held-out sets (every 4th case of `router_heldout_en.json` and `router_heldout_vi.json`; "
        "never tuned on, read as totals only). *offline*: the router's call; *llm*: the LLM's own calls "
        "(right only if its answer was accepted; *right call, gate failed* counts a right call whose answer "
        "the gate refused); *combined*: what the turn answered (the LLM's call when `engine` is `llm`, else "
        "the router's). Outcomes as in the router's company sets (`assistant.router.evaluate.judge`).")
    return "\n\n".join([intro, *(table(s) for s in summaries), REPRODUCE])


REPRODUCE = (Path(__file__).with_name("llm_agent_setup.md")).read_text(encoding="utf-8") if (
    Path(__file__).with_name("llm_agent_setup.md")).exists() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="the server's OpenAI-compatible base URL, e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--model", default="local")
    parser.add_argument("--timeout", type=float, default=60.0, help="the turn's deadline (SOP_LLM_TIMEOUT), s")
    parser.add_argument("--limit", type=int, help="only the first N selected cases")
    parser.add_argument("--every", type=int, default=4, help="take every K-th case of each set")
    parser.add_argument("--engine", default="auto", choices=("auto", "llm", "offline"), help="SOP_ENGINE")
    parser.add_argument("--log", default=str(Path(tempfile.gettempdir()) / "llm_agent.jsonl"))
    parser.add_argument("--homes", default=str(Path(tempfile.gettempdir()) / "llm_agent_homes"),
                        help="where the companies' stores are built once and kept")
    parser.add_argument("--warmup", action=argparse.BooleanOptionalAction, default=True,
                        help="first one unscored turn per company and language (the server's prompt cache)")
    parser.add_argument("--warmup-timeout", type=float, default=900.0)
    parser.add_argument("--warmup-only", action="store_true", help="warm the server's cache and stop")
    parser.add_argument("--call-schema", action="store_true",
                        help="SOP_LLM_CALL_SCHEMA: the calls' JSON schema as response_format on a required call")
    parser.add_argument("--gguf", help="the model file, to record its SHA-256")
    parser.add_argument("--label", help="a name for the run in the tables")
    parser.add_argument("--report", nargs="+", metavar="LOG", help="only print (and write) the tables of logs")
    parser.add_argument("--no-readme", action="store_true")
    options = parser.parse_args()
    if options.report:
        logs = [Path(p) for p in options.report]
    elif options.base_url:
        logs = [run(options)]
        if options.warmup_only:
            return
    else:
        parser.error("give --base-url (to run) or --report LOG (to print finished runs)")
    summaries = [summary(*read_log(path)) for path in logs]
    for s in summaries:
        print(table(s) + "\n")
    if not options.no_readme:
        from readme import write_section

        write_section(SECTION, section(summaries))


if __name__ == "__main__":
    main()
