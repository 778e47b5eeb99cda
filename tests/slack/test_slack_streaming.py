"""Slack with a model: the answer's message appears while the model is still writing (its first sentence,
once checked) and is then replaced in place by the finished answer's blocks (the real Bolt app, the local
fake Web API, the real OpenAI client against a local OpenAI-compatible server)."""

from __future__ import annotations

import threading

from assistant.runtime import Runtime
from tests.assistant.openai_stub import OpenAIStub
from tests.slack.slack_server import SlackServer


def test_the_models_answer_is_shown_as_it_is_written_then_replaced_by_its_blocks(slack_env, fake_slack,
                                                                                  monkeypatch):
    seen = threading.Event()
    reply = {"content": "Yes: CD-300 runs short in December 2026. The table has the months.", "pause": (7, seen)}
    script = [{"tool_calls": [("check_shortages", {"product": "CD-300", "period": "next month"})]}, reply]
    with OpenAIStub(script) as stub:
        monkeypatch.setenv("OPENAI_BASE_URL", stub.base_url)
        server = SlackServer(Runtime(), fake_slack, progress_interval=0.0, stream_interval=0.0).start()
        try:
            server.mention("are we short on CD-300 next month?", ts="1700000000.000900")
            [first] = server.replies("1700000000.000900")  # posted while the model is still writing
            assert first.body["text"].startswith("Yes: CD-300 runs short in December 2026.")
            assert not first.body.get("blocks")
            seen.set()
            [final] = fake_slack.wait_for("chat.update", lambda body: bool(body.get("blocks")))
        finally:
            server.stop()
    assert reply["paused_until_seen"] is True
    assert final.body["ts"] == first.response["ts"]  # the same message, now the finished answer
    assert "The table has the months." in final.body["text"]
    assert len(server.fake.calls_to("chat.postMessage")) == 1  # no second answer posted
