"""``POST /v1/chat`` and its server-sent-events twin ``POST /v1/chat/stream``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field

from assistant.http.deps import AssistantDep, CallerDep

router = APIRouter(prefix="/v1/chat", tags=["chat"])


class ChatRequest(BaseModel):
    message: str = Field(..., min_length=1, max_length=4000, description="The question, in plain words")
    thread_id: str | None = Field(None, max_length=128, description="Continue a conversation")


class ChatResponse(BaseModel):
    answer: str
    tool_calls: list[dict]
    sources: list[dict]
    thread_id: str
    engine: str
    pending_approval: dict | None
    grounded: bool


@router.post("", response_model=ChatResponse)
async def chat(body: ChatRequest, caller: CallerDep, assistant: AssistantDep) -> dict:
    return await run_in_threadpool(assistant.ask, body.message, principal=caller.principal, role=caller.role,
                                   thread_id=body.thread_id)


@router.post("/stream", response_class=EventSourceResponse)
async def chat_stream(body: ChatRequest, caller: CallerDep, assistant: AssistantDep) -> Iterator[ServerSentEvent]:
    """The turn as events: ``tool_call`` and ``tool_result`` per call, ``token``s of the answer, then ``answer``
    (the whole document). Tokens are sent after the grounding check, so no unchecked figure is ever streamed."""
    try:
        doc = await run_in_threadpool(assistant.ask, body.message, principal=caller.principal, role=caller.role,
                                      thread_id=body.thread_id)
    except Exception as exc:  # the stream reports it; the server logs it
        yield ServerSentEvent(event="error", data={"message": f"{type(exc).__name__}"})
        return
    for call in doc["tool_calls"]:
        yield ServerSentEvent(event="tool_call", data={"name": call["name"], "args": call["args"]})
        yield ServerSentEvent(event="tool_result", data={"name": call["name"], "result": call["result"]})
    for token in re.findall(r"\S+\s*|\s+", doc["answer"]):
        yield ServerSentEvent(event="token", data=token)
    yield ServerSentEvent(event="answer", data=doc)
