"""The LLM path against a local OpenAI-compatible server that behaves like a weak or slow model: each way a
model's answer can be unusable gives the router's answer, the engine and the reason, never a worse answer
than offline; one deadline per turn; a write is never made twice."""

from __future__ import annotations

import time

import pytest
from openai_stub import OpenAIStub

from assistant.checks import REASONS
from assistant.cli.context import runtime
from assistant.conversation import Assistant
from assistant.runtime import Runtime
from assistant.settings import Settings
from sop_engine.service.forecasting import run_forecast
from sop_engine.store import approvals

QUESTION = "are we short on oat milk 1L next month?"
CALL = ("check_shortages", {"product": "OAT-1L", "period": "next month"})


def _ask(monkeypatch, stub: OpenAIStub, question: str = QUESTION, role: str = "viewer", **env: str) -> dict:
    monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
    monkeypatch.setenv("SOP_MODEL", "weak-model")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return Assistant(Runtime()).ask(question, principal="cli:planner", role=role)


def _offline(monkeypatch, question: str = QUESTION, role: str = "viewer") -> dict:
    monkeypatch.setenv("SOP_ENGINE", "offline")
    try:
        return Assistant(Runtime()).ask(question, principal="cli:planner", role=role)
    finally:
        monkeypatch.delenv("SOP_ENGINE")


def _fell_back(doc: dict, reason: str, offline: dict) -> None:
    assert reason in REASONS
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == reason, doc["fallback_reason"]
    assert doc["answer"].startswith(offline["answer"]) and doc["grounded"] is True  # never worse than offline


def test_a_good_answer_is_the_models(demo, monkeypatch):
    script = [{"tool_calls": [CALL]}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    assert doc["engine"] == "llm" and doc["fallback_reason"] is None
    assert doc["answer"] == "Yes: OAT-1L runs short in December 2026."


def test_a_tool_call_written_as_json_in_a_code_block_is_made(demo, monkeypatch):
    script = [{"fenced_call": CALL}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    assert doc["engine"] == "llm" and doc["fallback_reason"] is None, doc["fallback_reason"]
    assert [c["engine"] for c in doc["tool_calls"]] == ["offline", "llm"]
    assert doc["tool_calls"][1]["name"] == CALL[0]
    assert stub.requests[0]["body"]["tool_choice"] == "required"  # the router knew a tool was needed
    assert "```" not in doc["answer"]


def test_a_call_in_the_chat_templates_doubled_braces_cut_at_max_tokens_is_made(demo, monkeypatch):
    script = [{"template_call": CALL}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    assert doc["engine"] == "llm" and [c["engine"] for c in doc["tool_calls"]] == ["offline", "llm"]
    assert doc["answer"] == "Yes: OAT-1L runs short in December 2026."


def test_with_sop_llm_call_schema_a_model_that_writes_prose_is_held_to_a_call(demo, monkeypatch):
    script = [{"prose_unless_schema": CALL}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(list(script)) as stub:
        doc = _ask(monkeypatch, stub, SOP_LLM_CALL_SCHEMA="true")
    assert doc["engine"] == "llm" and [c["engine"] for c in doc["tool_calls"]] == ["offline", "llm"]
    first, second = (r["body"] for r in stub.requests)
    assert first["tool_choice"] == "required" and first["tools"]  # the tools stay; the schema holds the reply
    schemas = first["response_format"]["json_schema"]["schema"]["anyOf"]
    assert {s["properties"]["name"]["const"] for s in schemas} == {t["function"]["name"] for t in first["tools"]}
    assert "response_format" not in second  # the answer after the tool result is text
    with OpenAIStub(list(script)) as stub:  # without the setting: prose, no call, the router answers
        doc = _ask(monkeypatch, stub, SOP_LLM_CALL_SCHEMA="false")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "no_tool_call"
    assert "response_format" not in stub.requests[0]["body"] and "1000" not in doc["answer"]


def test_markup_naming_no_tool_is_not_a_call(demo, monkeypatch):
    with OpenAIStub([{"fenced_call": ("drop_all_plans", {"confirm": True})}]) as stub:
        doc = _ask(monkeypatch, stub)
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] in ("no_tool_call", "invalid_tool_call")
    assert [c["engine"] for c in doc["tool_calls"]] == ["offline"] and "```" not in doc["answer"]


def test_no_tool_call_at_all(demo, monkeypatch):
    with OpenAIStub([{"content": "Yes, it runs short by 340 units."}]) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "no_tool_call", _offline(monkeypatch))
    assert "340" not in doc["answer"]


def test_a_reply_that_runs_past_max_tokens(demo, monkeypatch):
    with OpenAIStub([{"tool_calls": [CALL]}, {"ramble": True}]) as stub:
        doc = _ask(monkeypatch, stub, SOP_LLM_MAX_TOKENS="64")
    _fell_back(doc, "model_error", _offline(monkeypatch))
    assert all(r["body"]["max_tokens"] == 64 for r in stub.requests)


def test_the_first_reply_of_a_turn_is_a_tool_call_and_gets_a_short_max_tokens(demo, monkeypatch):
    script = [{"tool_calls": [CALL]}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script) as stub:
        _ask(monkeypatch, stub, SOP_LLM_CALL_TOKENS="96", SOP_LLM_MAX_TOKENS="500")
    assert [r["body"]["max_tokens"] for r in stub.requests] == [96, 500]


def test_a_model_that_sleeps_past_the_deadline_is_cut_off_and_not_retried(demo, monkeypatch):
    with OpenAIStub([{"sleep": 60, "content": "too late"}]) as stub:  # 12 s: a busy machine reaches the model
        started = time.monotonic()
        doc = _ask(monkeypatch, stub, SOP_LLM_TIMEOUT="12")
        elapsed = time.monotonic() - started
        for _ in range(40):  # the stub notices the closed connection within its polling step
            if stub.cancelled:
                break
            time.sleep(0.05)
    _fell_back(doc, "deadline", _offline(monkeypatch))
    assert elapsed <= 12 + 2, elapsed  # no turn ends more than 2 s after its deadline
    assert len(stub.requests) == 1 and stub.cancelled == 1  # one request, cancelled, never retried


def test_the_deadline_covers_every_model_call_of_the_turn(demo, monkeypatch):
    script = [{"sleep": 2.5, "tool_calls": [CALL]}, {"sleep": 2.5, "tool_calls": [CALL]},
              {"sleep": 2.5, "tool_calls": [CALL]}, {"content": "Yes."}]
    with OpenAIStub(script) as stub:
        started = time.monotonic()
        doc = _ask(monkeypatch, stub, SOP_LLM_TIMEOUT="6")
        elapsed = time.monotonic() - started
    assert doc["fallback_reason"] == "deadline" and elapsed <= 6 + 2, elapsed
    assert len(stub.requests) <= 3


def test_http_400_past_the_context(demo, monkeypatch):
    with OpenAIStub([{"tool_calls": [CALL]}], context_tokens=50) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "model_error", _offline(monkeypatch))
    assert len(stub.requests) == 1


def test_a_server_that_rejects_null_content_still_completes_a_multi_step_turn(demo, monkeypatch):
    script = [{"tool_calls": [CALL]}, {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script, reject_null_content=True) as stub:
        doc = _ask(monkeypatch, stub)
    assert doc["engine"] == "llm" and len(stub.requests) == 2


def test_a_different_product_than_the_confident_router_read(demo, monkeypatch):
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-250", "period": "next month"})]},
              {"content": "No: OAT-250 is not short in December 2026."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "disagrees_with_router", _offline(monkeypatch))
    assert [c["engine"] for c in doc["tool_calls"]] == ["offline", "llm"]  # every call the turn made


def test_where_the_router_asks_back_a_models_pick_of_one_product_is_not_shown(demo, monkeypatch):
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-1L", "period": "next month"})]},
              {"content": "Yes: OAT-1L runs short in December 2026."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub, question="are we short on oat milk next month?")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "disagrees_with_router"
    assert {"OAT-1L", "OAT-250"} <= {o["value"] for o in doc["clarification"]["options"]}


def test_a_model_that_would_ask_back_about_a_name_the_router_read_is_not_shown(demo, monkeypatch):
    script = [{"tool_calls": [CALL, ("check_shortages", {"product": "oat milk", "period": "next month"})]},
              {"content": "Which oat milk do you mean?"}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "disagrees_with_router", _offline(monkeypatch))
    assert doc["clarification"] is None  # the router's answer, not the model's question


def test_other_months_than_the_confident_router_read(demo, monkeypatch):
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-1L", "period": "2027-03"})]},
              {"content": "OAT-1L is checked."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "disagrees_with_router", _offline(monkeypatch))


@pytest.mark.parametrize("text", ["", "No data.", '{"name": "check_shortages", "arguments": {}}'])
def test_an_empty_no_data_or_markup_answer_is_inconsistent(demo, monkeypatch, text):
    with OpenAIStub([{"tool_calls": [CALL]}, {"content": text}]) as stub:
        doc = _ask(monkeypatch, stub)
    _fell_back(doc, "inconsistent", _offline(monkeypatch))


def test_an_answer_in_another_language_than_the_question_is_inconsistent(demo, monkeypatch):
    question = "tháng sau OAT-1L có thiếu hàng không?"
    script = [{"tool_calls": [CALL]},
              {"content": "Yes: OAT-1L runs short in December 2026, and the shortage is in the table below."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub, question)
    _fell_back(doc, "inconsistent", _offline(monkeypatch, question))
    assert doc["language"] == "vi" and "Vietnamese" in stub.requests[0]["body"]["messages"][0]["content"]


def test_a_pending_write_stated_as_done_falls_back_and_the_approval_is_made_once(demo, monkeypatch):
    store = runtime().store
    run_forecast(store, runtime().planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)
    script = [{"tool_calls": [("publish_forecast", {"version": "latest"})]},
              {"content": "The latest forecast version has been published."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub, "publish the latest forecast", role="planner")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "inconsistent"
    assert [(c["name"], c["engine"]) for c in doc["tool_calls"]] == [("publish_forecast", "llm")]
    [pending] = approvals.list_approvals(store, None)  # the model's request is the turn's approval
    assert doc["pending_approval"]["id"] == pending["id"]
    assert "has been published" not in doc["answer"]


def test_a_planner_write_from_the_model_stays_one_approval_when_it_is_used(demo, monkeypatch):
    store = runtime().store
    run_forecast(store, runtime().planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)
    script = [{"tool_calls": [("publish_forecast", {"version": "latest"})]},
              {"content": "The publication waits for a planner's approval."}]
    with OpenAIStub(script) as stub:
        doc = _ask(monkeypatch, stub, "publish the latest forecast", role="planner")
    assert doc["engine"] == "llm" and doc["pending_approval"] is not None
    assert len(approvals.list_approvals(store, None)) == 1


def test_sop_engine_offline_never_calls_the_model(demo, monkeypatch):
    with OpenAIStub([{"content": "never"}]) as stub:
        doc = _ask(monkeypatch, stub, SOP_ENGINE="offline")
    assert doc["engine"] == "offline" and doc["fallback_reason"] is None and stub.requests == []
    assert doc["usage"] == {"model_calls": 0, "input_tokens": 0, "output_tokens": 0}


def test_sop_engine_llm_has_no_router_behind_it(demo, monkeypatch):
    with OpenAIStub([{"content": "Yes, 340 units."}]) as stub:
        doc = _ask(monkeypatch, stub, SOP_ENGINE="llm")
    assert doc["engine"] == "llm" and doc["fallback_reason"] == "no_tool_call" and doc["tool_calls"] == []
    assert "340" not in doc["answer"]


def test_settings_of_the_llm_path():
    settings = Settings()
    assert (settings.engine, settings.llm_timeout, settings.model_result_tokens) == ("auto", 60.0, 1500)
    with pytest.raises(ValueError):
        Settings(engine="sometimes")
