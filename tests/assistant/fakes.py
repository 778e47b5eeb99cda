"""A scripted chat model that drives the real agent loop: replies and tool calls queued in order."""

from __future__ import annotations

from typing import Any

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel
from langchain_core.messages import AIMessage


class ScriptedChatModel(FakeMessagesListChatModel):
    """``FakeMessagesListChatModel`` with the ``bind_tools`` that ``create_agent`` needs; every call recorded."""

    seen: list = []

    def bind_tools(self, tools: Any, **kwargs: Any):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)


def call(name: str, args: dict, call_id: str = "call_1") -> AIMessage:
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id, "type": "tool_call"}])


def say(text: str) -> AIMessage:
    return AIMessage(content=text)


def scripted(*responses: AIMessage) -> ScriptedChatModel:
    return ScriptedChatModel(responses=list(responses), seen=[])
