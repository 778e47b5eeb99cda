"""The LLM agent benchmark's reading of turn documents, and its usage proxy against real loopback servers."""

from __future__ import annotations

import json
import sys
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests" / "assistant"))

import llm_agent  # noqa: E402
from openai_stub import OpenAIStub  # noqa: E402
from usage_proxy import UsageProxy  # noqa: E402

# benchmarks/ holds modules whose names other test folders use as packages (benchmarks/reliability.py and
# tests/reliability/): off the path again once the modules above are imported
sys.path.remove(str(ROOT / "benchmarks"))

PRODUCTS = pd.read_csv(ROOT / "tests/assistant/dev_company/products.csv")
WHEN = date(2026, 11, 15)
CASE = {"expect": "answer", "tool": "check_shortages", "entity": "NGH-2L", "period": ["2026-12"]}


def _call(name: str, args: dict, result: dict, engine: str = "llm") -> dict:
    return {"name": name, "args": args, "result": result, "engine": engine}


def _doc(engine: str, reason: str | None, calls: list[dict], grounded: bool = True) -> dict:
    return {"engine": engine, "fallback_reason": reason, "tool_calls": calls, "grounded": grounded}


RIGHT = _call("check_shortages", {"product": "NGH-2L", "period": "next month"},
              {"scope": {"kind": "sku", "code": "NGH-2L"}, "months": ["2026-11", "2026-12"],
               "asked_months": ["2026-12"]})
ROUTER = _call("check_shortages", {"product": "NGH-2L", "period": "2026-12"}, {}, engine="offline")


def test_the_llms_call_is_read_as_the_router_reads_its_own():
    call = llm_agent.llm_call(_doc("llm", None, [ROUTER, RIGHT]), PRODUCTS, WHEN)
    assert (call.tool, call.entity, call.months) == ("check_shortages", "NGH-2L", ["2026-12"])
    family = _call("get_forecast", {"product": "Giặt xả"}, {"scope": {"kind": "family", "code": "Giặt xả"}})
    call = llm_agent.llm_call(_doc("llm", None, [family]), PRODUCTS, WHEN)
    assert (call.entity, call.months) == ("family:Giặt xả", None)  # no period asked, none scored


def test_the_last_call_without_an_error_counts_and_a_question_back_is_a_question():
    failed = _call("get_sales", {"product": "nothing"}, {"error": {"code": "unknown_product"}})
    assert llm_agent.llm_call(_doc("llm", None, [RIGHT, failed]), PRODUCTS, WHEN).tool == "check_shortages"
    ambiguous = _call("check_shortages", {"product": "Hoa Anh Đào"},
                      {"error": {"ask_user": True, "message": "Which one?",
                                 "options": [{"label": "2 L", "value": "NGH-2L"}]}})
    call = llm_agent.llm_call(_doc("llm", None, [ambiguous]), PRODUCTS, WHEN)
    assert call.clarification == "Which one?" and call.options[0]["value"] == "NGH-2L"
    assert llm_agent.llm_call(_doc("offline", None, [ROUTER]), PRODUCTS, WHEN).tool is None


def test_three_engines_scored_from_one_turn():
    used = llm_agent.score(CASE, _doc("llm", None, [ROUTER, RIGHT]), "silently wrong", PRODUCTS, WHEN)
    assert (used["offline"], used["llm"], used["combined"]) == ("silently wrong", "right", "right")
    refused = llm_agent.score(CASE, _doc("offline_fallback", "gate_failed", [ROUTER, RIGHT]), "right",
                              PRODUCTS, WHEN)
    assert (refused["llm"], refused["combined"], refused["llm_call_right"]) == (
        llm_agent.GATE_FAILED, "right", True)
    late = llm_agent.score(CASE, _doc("offline_fallback", "deadline", [ROUTER]), "right", PRODUCTS, WHEN)
    assert (late["llm"], late["combined"], late["fallback_reason"]) == ("not understood", "right", "deadline")
    # an older turn document: no fallback_reason, no engine per call
    old = llm_agent.score(CASE, {"engine": "offline", "tool_calls": [], "grounded": True}, "right", PRODUCTS, WHEN)
    assert (old["fallback_reason"], old["reason_inferred"]) == ("model_error", True)


def test_the_selection_is_every_kth_case_of_each_set_in_turn():
    cases = llm_agent.select_cases(4, None)
    sets = [json.loads((ROOT / "tests/assistant" / name).read_text(encoding="utf-8"))["cases"]
            for name in llm_agent.SETS]
    assert len(cases) == sum(len(s[::4]) for s in sets) >= 40
    assert [c["text"] for c in cases[:2]] == [sets[0][0]["text"], sets[1][0]["text"]]
    assert llm_agent.select_cases(4, 5) == cases[:5]


def test_the_proxy_reads_usage_of_plain_and_streamed_replies():
    with OpenAIStub([{"content": "plain"}, {"content": "streamed"}]) as stub, UsageProxy(stub.base_url) as proxy:
        proxy.turn = 1
        reply = httpx.post(f"{proxy.base_url}/chat/completions", json={"model": "m", "messages": []}, timeout=10)
        assert reply.json()["choices"][0]["message"]["content"] == "plain"
        proxy.turn = 2
        with httpx.stream("POST", f"{proxy.base_url}/chat/completions", timeout=10,
                          json={"model": "m", "messages": [], "stream": True}) as streamed:
            body = "".join(streamed.iter_text())
        assert "streamed" in body and body.rstrip().endswith("data: [DONE]")
    first, second = proxy.calls_of(1), proxy.calls_of(2)
    assert first[0]["status"] == 200 and first[0]["prompt_tokens"] == 1 and not first[0]["cancelled"]
    assert len(second) == 1 and not second[0]["cancelled"]


class _Slow(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers["Content-Length"]))
        time.sleep(6)
        try:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"{}")
        except OSError:  # the proxy has hung up
            pass


@pytest.fixture
def slow_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_a_request_the_client_abandons_is_cancelled(slow_server):
    with UsageProxy(slow_server) as proxy:
        proxy.turn = 7
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{proxy.base_url}/chat/completions", json={"model": "m"}, timeout=0.5)
        deadline = time.monotonic() + 8
        while not proxy.calls_of(7)[0]["cancelled"] and time.monotonic() < deadline:
            time.sleep(0.05)
    record = proxy.calls_of(7)[0]
    assert record["cancelled"] and record["seconds"] < 5  # given up before the server answered
