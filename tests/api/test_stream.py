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
