"""The real agent loop (create_agent + middleware) driven by a scripted model and by the real ChatOpenAI
client against a local OpenAI-compatible server; grounding, the approval gate and roles."""

from __future__ import annotations

import socket

import pytest
from fakes import call, say, scripted
from openai_stub import OpenAIStub

from assistant.approvals import decide
from assistant.cli.context import runtime
from assistant.conversation import Assistant
from assistant.grounding import check
from assistant.runtime import Runtime
from assistant.settings import Settings
from sop_engine.service.forecasting import run_forecast
from sop_engine.store import approvals
from sop_engine.store import forecasts as versions


def _assistant(model) -> Assistant:
    return Assistant(runtime(), model_factory=lambda: model)


def _published_version(sku: str) -> int:
    return int(versions.published_values(runtime().store, [sku])["version"].iloc[0])


def test_scripted_model_drives_the_loop_and_answers_from_the_tools(demo):
    model = scripted(call("check_shortages", {"product": "oat milk 1l", "period": "next month"}),
                     say("Yes: OAT-1L runs short next month."))
    doc = _assistant(model).ask("are we short on oat milk 1l next month?", principal="cli:t", role="viewer")
    assert doc["engine"] == "llm" and doc["grounded"] is True
    assert doc["answer"] == "Yes: OAT-1L runs short next month."
    assert [c["engine"] for c in doc["tool_calls"]] == ["offline", "llm"]  # the router read it the same way
    tool_call = doc["tool_calls"][1]
    assert tool_call["name"] == "check_shortages"
    result = tool_call["result"]
    assert result["scope"]["code"] == "OAT-1L" and result["asked_months"] == ["2026-12"]
    assert result["skus"][0]["sku"] == "OAT-1L" and result["planning_date"] == "2026-11-15"
    # the model saw the tool's JSON result as a tool message
    assert '"OAT-1L"' in model.seen[-1][-1].content
    assert doc["clarification"] is None and doc["language"] == "en"


def test_an_ambiguous_name_from_the_model_comes_back_as_a_question_with_options(demo):
    model = scripted(call("check_shortages", {"product": "oat milk", "period": "next month"}),
                     say("Which oat milk do you mean?"))
    doc = _assistant(model).ask("are we short on oat milk next month?", principal="cli:t", role="viewer")
    [tool_call] = doc["tool_calls"]
    assert tool_call["result"]["error"]["code"] == "ambiguous"
    assert {o["value"] for o in doc["clarification"]["options"]} == {"OAT-1L", "OAT-250"}


def test_an_unknown_name_from_the_model_answers_nothing_and_offers_the_closest(demo):
    model = scripted(call("check_shortages", {"product": "almnd mlk 250", "period": "next month"}),
                     say("I could not find that product."))
    doc = _assistant(model).ask("is the almnd mlk 250 thing ok?", principal="cli:t", role="viewer")
    assert doc["engine"] == "llm" and doc["fallback_reason"] is None  # the router asked back: not confident
    [tool_call] = [c for c in doc["tool_calls"] if c["engine"] == "llm"]
    assert tool_call["result"]["error"]["code"] == "unknown_product"
    values = [o["value"] for o in doc["clarification"]["options"]]
    assert values[0] == "ALM-250" and "ALM-1L" in values  # the closest first


def test_an_invented_number_is_caught_and_the_router_answers(demo):
    model = scripted(call("check_shortages", {"product": "OAT-1L"}), say("OAT-1L is short by 987654 units."))
    doc = _assistant(model).ask("short on OAT-1L?", principal="cli:t", role="viewer")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "gate_failed"
    assert "987654" not in doc["answer"] and doc["grounded"] is True
    offline = Assistant(runtime()).ask("short on OAT-1L?", principal="cli:t", role="viewer")
    assert offline["engine"] == "offline" and doc["answer"] == offline["answer"]  # never worse than offline
    assert [(c["name"], c["engine"]) for c in doc["tool_calls"]] == [("check_shortages", "offline"),
                                                                      ("check_shortages", "llm")]


def test_grounding_normalisation_rules():
    results = [{"shortage": 1339.6, "stockout_probability": 0.253, "period": "2026-12"}]
    assert check("short by 1,340 units (25.3%) in 2026-12", results).ok
    assert check("short by 1,339.6 units", results).ok
    assert not check("short by 1,400 units", results).ok
    assert check("the next 3 months", results, question="over the next 3 months?").ok


def test_a_viewer_cannot_publish_and_nothing_changes(demo):
    run_forecast(runtime().store, runtime().planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)
    model = scripted(call("publish_forecast", {"version": "latest"}), say("I could not publish it."))
    doc = _assistant(model).ask("publish the latest forecast", principal="slack:U1", role="viewer")
    assert doc["tool_calls"][0]["result"]["error"]["code"] == "permission_denied"
    assert doc["pending_approval"] is None
    assert approvals.list_approvals(runtime().store, None) == []
    assert _published_version("OAT-1L") == 1


def test_a_planners_publish_waits_for_approval(demo):
    store = runtime().store
    draft = run_forecast(store, runtime().planning_date()[0], principal="cli:t", sku="OAT-1L", horizon=6)["version"]
    model = scripted(call("publish_forecast", {"version": str(draft)}), say("Sent for approval."))
    assistant = _assistant(model)
    doc = assistant.ask("publish the oat milk re-forecast", principal="cli:planner", role="planner")
    pending = doc["pending_approval"]
    assert pending["action"] == "publish_forecast" and pending["arguments"] == {"version": str(draft)}
    assert _published_version("OAT-1L") == 1  # nothing changed yet
    with pytest.raises(Exception, match="viewer cannot approve"):
        decide(pending["id"], True, assistant.context("slack:U9", "viewer"))
    decided = decide(pending["id"], True, assistant.context("cli:lead", "planner"))
    assert decided["status"] == "approved" and decided["decided_by"] == "cli:lead"
    assert _published_version("OAT-1L") == draft


def test_tool_errors_come_back_to_the_model_with_the_closest_names(demo):
    model = scripted(call("check_shortages", {"product": "oat mlik drink"}), say("Which product did you mean?"))
    doc = _assistant(model).ask("short on oat mlik drink?", principal="cli:t", role="viewer")
    error = doc["tool_calls"][0]["result"]["error"]
    assert error["code"] in ("unknown_product", "ambiguous")
    assert any("OAT" in c for c in error.get("closest", []) + error.get("candidates", []))
    assert doc["answer"] == "Which product did you mean?"


def test_conversation_memory_keeps_the_thread(demo):
    model = scripted(call("get_forecast", {"product": "OAT-1L", "period": "2026-12"}), say("Here it is."),
                     call("get_forecast", {"product": "OAT-1L", "period": "2027-01"}), say("And January."))
    assistant = _assistant(model)
    first = assistant.ask("forecast for oat milk next month?", principal="cli:t", role="viewer")
    assistant.ask("and the month after?", principal="cli:t", role="viewer", thread_id=first["thread_id"])
    # the second model call of the second turn saw the first turn's messages (SQLite checkpointer)
    contents = [getattr(m, "content", "") for m in model.seen[2]]
    assert "forecast for oat milk next month?" in contents and "Here it is." in contents


def test_real_chatopenai_against_a_local_openai_compatible_server(demo, monkeypatch):
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-1L", "period": "2026-12"})]},
              {"content": "Yes: OAT-1L runs short in 2026-12."}]
    with OpenAIStub(script) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        monkeypatch.setenv("SOP_MODEL", "local-model")
        doc = Assistant(Runtime()).ask("are we short on oat milk 1L next month?", principal="cli:t", role="viewer")
    assert doc["engine"] == "llm" and doc["grounded"] is True and doc["fallback_reason"] is None
    assert doc["answer"] == "Yes: OAT-1L runs short in 2026-12."
    # the router's call (run first) and the model's, each with the engine that made it
    assert [(c["name"], c["engine"]) for c in doc["tool_calls"]] == [("check_shortages", "offline"),
                                                                      ("check_shortages", "llm")]
    assert doc["usage"] == {"model_calls": 2, "input_tokens": 2, "output_tokens": 2}  # as the server counted
    first = stub.requests[0]["body"]
    assert first["tool_choice"] == "required" and stub.requests[1]["body"]["tool_choice"] == "auto"
    assert first["max_tokens"] == Settings().llm_call_tokens and "max_completion_tokens" not in first
    assert stub.requests[1]["body"]["max_tokens"] == Settings().llm_max_tokens
    [assistant_message] = [m for m in stub.requests[1]["body"]["messages"] if m["role"] == "assistant"]
    assert assistant_message["content"] == "" and assistant_message["tool_calls"]
    assert first["model"] == "local-model"
    assert {t["function"]["name"] for t in first["tools"]} >= {"check_shortages", "get_forecast", "reforecast",
                                                               "publish_forecast", "search_meeting_notes"}
    assert "planning date is 2026-11-15" in first["messages"][0]["content"]
    assert stub.requests[1]["body"]["messages"][-1]["role"] == "tool"


def test_real_chatopenai_streams_text_and_tool_calls(demo):
    from assistant.agent import chat_model

    script = [{"tool_calls": [("get_kpi", {"name": "wape"})]}, {"content": "WAPE was computed."}]
    with OpenAIStub(script) as stub:
        model = chat_model(Settings(openai_base_url=stub.base_url, model="m"))
        tool_chunks = list(model.stream("kpi?"))
        text_chunks = list(model.stream("and?"))
    merged = tool_chunks[0]
    for chunk in tool_chunks[1:]:
        merged = merged + chunk
    assert merged.tool_calls == [{"name": "get_kpi", "args": {"name": "wape"}, "id": "call_0", "type": "tool_call"}]
    assert len(text_chunks) > 2 and "".join(c.content for c in text_chunks).strip() == "WAPE was computed."
    assert all(r["body"]["stream"] for r in stub.requests)


def test_an_unreachable_llm_falls_back_to_the_offline_router(demo, monkeypatch):
    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("SOP_LLM_TIMEOUT", "30")  # a refused connection fails at once: not the deadline
    doc = Assistant(Runtime()).ask("are we short on oat milk 1L next month?", principal="cli:t", role="viewer")
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "model_error"
    assert "language model was unavailable" in doc["answer"]
    assert [(c["name"], c["engine"]) for c in doc["tool_calls"]] == [("check_shortages", "offline")]
