"""``POST /v1/chat`` and its server-sent-events twin ``POST /v1/chat/stream``."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel, Field

from assistant.http.deps import AssistantDep, CallerDep
from sop_engine.errors import SopError
from sop_engine.limits import MAX_MESSAGE_CHARS

log = logging.getLogger(__name__)
router = APIRouter(prefix="/v1/chat", tags=["chat"])
NOT_YOURS: dict[int | str, dict[str, Any]] = {
    404: {"description": "thread_id is not a thread of this key (unknown or someone else's)"}}


class ChatRequest(BaseModel):
    message: str = Field(..., min_length=1, max_length=MAX_MESSAGE_CHARS, description="The question, in plain words")
    thread_id: str | None = Field(
        None, max_length=128,
        description="Continue a conversation this key started (the thread_id of an earlier answer); omit it to "
                    "start one: thread ids are made by the server")


class ChatResponse(BaseModel):
    answer: str
    tool_calls: list[dict]
    sources: list[dict]
    thread_id: str
    engine: str
    pending_approval: dict | None
    grounded: bool


def owned_thread(body: ChatRequest, caller: CallerDep, assistant: AssistantDep) -> ChatRequest:
    """The request, once its thread_id (if any) is known to belong to the caller: 404 otherwise."""
    if body.thread_id is not None:
        assistant.threads.check(body.thread_id, caller.principal)
    return body


OwnedChat = Annotated[ChatRequest, Depends(owned_thread)]


@router.post("", response_model=ChatResponse, responses=NOT_YOURS)
async def chat(body: OwnedChat, caller: CallerDep, assistant: AssistantDep) -> dict:
    return await run_in_threadpool(assistant.ask, body.message, principal=caller.principal, role=caller.role,
                                   thread_id=body.thread_id)


@router.post("/stream", response_class=EventSourceResponse, responses=NOT_YOURS)
async def chat_stream(body: OwnedChat, caller: CallerDep, assistant: AssistantDep) -> Iterator[ServerSentEvent]:
    """The turn as events: ``tool_call`` and ``tool_result`` per call, ``token``s of the answer, then ``answer``
    (the whole document). Tokens are sent after the grounding check, so no unchecked figure is ever streamed."""
    try:
        doc = await run_in_threadpool(assistant.ask, body.message, principal=caller.principal, role=caller.role,
                                      thread_id=body.thread_id)
    except SopError as error:
        yield ServerSentEvent(event="error", data=error.to_dict())
        return
    except Exception:  # the stream reports it; the server logs it (internals never reach the client)
        log.exception("chat stream failed")
        yield ServerSentEvent(event="error", data={"code": "internal", "message": "unexpected error; it was logged"})
        return
    for call in doc["tool_calls"]:
        yield ServerSentEvent(event="tool_call", data={"name": call["name"], "args": call["args"]})
        yield ServerSentEvent(event="tool_result", data={"name": call["name"], "result": call["result"]})
    for token in re.findall(r"\S+\s*|\s+", doc["answer"]):
        yield ServerSentEvent(event="token", data=token)
    yield ServerSentEvent(event="answer", data=doc)
