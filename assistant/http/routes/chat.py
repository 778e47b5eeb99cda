"""``POST /v1/chat`` and its server-sent-events twin ``POST /v1/chat/stream``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
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
    engine: str = Field(..., description="llm, offline or offline_fallback (the router answered for the model)")
    fallback_reason: str | None = Field(
        None, description="why the model's answer was not used: no_tool_call, invalid_tool_call, gate_failed, "
                          "inconsistent, disagrees_with_router, deadline or model_error")
    pending_approval: dict | None
    grounded: bool
    clarification: dict | None = None
    language: str = "en"
    usage: dict | None = Field(None, description="the model's calls and tokens in this turn")


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
async def chat_stream(body: OwnedChat, caller: CallerDep, assistant: AssistantDep) -> AsyncIterator[ServerSentEvent]:
    """The turn as events: ``tool_call`` and ``tool_result`` as each call happens (``engine`` says whose), the
    model's text as ``token`` events while it writes, sentence by sentence, each released once the text up
    to it has passed the checks (so no unchecked figure is streamed), then ``answer`` (the whole turn
    document). If the answer shown is not the text released so far (the model's reply was replaced by the
    router's answer), a ``reset`` event comes first: clear the text, the answer's tokens follow."""
    loop = asyncio.get_running_loop()
    events: asyncio.Queue = asyncio.Queue()

    def heard(kind: str, data: dict) -> None:  # called from the turn's thread
        loop.call_soon_threadsafe(events.put_nowait, (kind, data))

    turn = asyncio.ensure_future(run_in_threadpool(
        assistant.ask, body.message, principal=caller.principal, role=caller.role, thread_id=body.thread_id,
        on_event=heard))
    while not turn.done() or not events.empty():
        waiting = asyncio.ensure_future(events.get())
        done, _ = await asyncio.wait({waiting, turn}, return_when=asyncio.FIRST_COMPLETED)
        if waiting in done:
            kind, data = waiting.result()
            yield ServerSentEvent(event=kind, data=data)
        else:
            waiting.cancel()
    try:
        doc = turn.result()
    except SopError as error:
        yield ServerSentEvent(event="error", data=error.to_dict())
        return
    except Exception:  # the stream reports it; the server logs it (internals never reach the client)
        log.exception("chat stream failed")
        yield ServerSentEvent(event="error", data={"code": "internal", "message": "unexpected error; it was logged"})
        return
    yield ServerSentEvent(event="answer", data=doc)
