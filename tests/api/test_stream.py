"""``POST /v1/chat/stream`` over a real server: a tool's events reach the client while the turn is still
running (here the model waits, on its second call, until the client has seen the tool's result), and the
answer arrives sentence by sentence only after it has passed the check."""

from __future__ import annotations

import json
import threading

from server import ApiServer

from assistant.conversation import Assistant
from assistant.runtime import Runtime
from tests.assistant.fakes import ScriptedChatModel, call, say
from tests.assistant.openai_stub import OpenAIStub

SEEN_TOOL_RESULT = threading.Event()
WAITED: list[bool] = []  # whether the model's wait ended because the client saw the result (not a timeout)


class WaitsForTheClient(ScriptedChatModel):
    """The second reply (the answer) is given only once the client has read the tool's result."""

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        if len(self.seen) == 1:
            WAITED.append(SEEN_TOOL_RESULT.wait(timeout=20))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def test_tool_events_stream_as_they_happen_and_the_answer_after_its_check(demo):
    model = WaitsForTheClient(responses=[call("check_shortages", {"product": "OAT-1L", "period": "next month"}),
                                         say("OAT-1L is checked. The figures are in the table.")], seen=[])
    runtime = Runtime()
    with ApiServer(runtime, Assistant(runtime, model_factory=lambda: model)) as api, api.client(None) as client:
        events, kind = [], None
        with client.stream("POST", "/v1/chat/stream", json={"message": "short on OAT-1L next month?"}) as stream:
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    kind = line.split(":", 1)[1].strip()
                elif line.startswith("data:"):
                    events.append((kind, json.loads(line.split(":", 1)[1])))
                    if kind == "tool_result":
                        assert not [k for k, _ in events if k in ("token", "answer")]  # the turn is not done
                        SEEN_TOOL_RESULT.set()
    assert WAITED == [True]  # the answer waited for the client: the tool's events came before the turn ended
    kinds = [k for k, _ in events]
    assert kinds[:2] == ["tool_call", "tool_result"] and kinds[-1] == "answer"
    answer = events[-1][1]["answer"]
    assert "".join(d for k, d in events if k == "token") == answer and events[-1][1]["grounded"] is True


def _events(client, message: str, on_event=None) -> list[tuple[str, object]]:
    events, kind = [], None
    with client.stream("POST", "/v1/chat/stream", json={"message": message}) as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:"):
                events.append((kind, json.loads(line.split(":", 1)[1])))
                if on_event:
                    on_event(kind, events)
    return events


def test_the_models_text_streams_sentence_by_sentence_while_it_writes(demo, monkeypatch):
    """Over the real OpenAI client and a local server: the first sentence reaches the client while the
    model is still writing (the server holds the rest until the client has seen it)."""
    seen_first_sentence = threading.Event()
    reply = {"content": "Yes: OAT-1L runs short in December 2026. The figures are in the table.",
             "pause": (8, seen_first_sentence)}
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-1L", "period": "next month"})]}, reply]

    def on_event(kind, events):
        if kind == "token" and "".join(d for k, d in events if k == "token").strip().endswith("2026."):
            assert not [k for k, _ in events if k == "answer"]
            seen_first_sentence.set()

    with OpenAIStub(script) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        runtime = Runtime()
        with ApiServer(runtime, Assistant(runtime)) as api, api.client(None) as client:
            events = _events(client, "are we short on oat milk 1L next month?", on_event)
    assert reply["paused_until_seen"] is True  # the first sentence was out before the model finished
    doc = events[-1][1]
    assert events[-1][0] == "answer" and doc["engine"] == "llm"
    assert "".join(d for k, d in events if k == "token") == doc["answer"]
    assert [(k, d["engine"]) for k, d in events if k == "tool_call"] == [("tool_call", "offline"), ("tool_call", "llm")]


def test_a_reply_that_fails_after_its_first_sentence_is_reset_and_replaced(demo, monkeypatch):
    script = [{"tool_calls": [("check_shortages", {"product": "OAT-1L", "period": "next month"})]},
              {"content": "OAT-1L is checked for December 2026. It is short by 987654 units."}]
    with OpenAIStub(script) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        runtime = Runtime()
        with ApiServer(runtime, Assistant(runtime)) as api, api.client(None) as client:
            events = _events(client, "are we short on oat milk 1L next month?")
    kinds = [k for k, _ in events]
    doc = events[-1][1]
    assert doc["engine"] == "offline_fallback" and doc["fallback_reason"] == "gate_failed"
    assert "reset" in kinds and not any("987654" in str(d) for k, d in events if k == "token")
    after_reset = kinds.index("reset")
    assert "".join(d for k, d in events[after_reset:] if k == "token") == doc["answer"]
