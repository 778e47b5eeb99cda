"""A local OpenAI-compatible server: answers ``/v1/chat/completions`` from a script, plain or streamed (SSE),
and records every request. Runs on a free loopback port in a thread (http.server, no extra dependency).

It can behave like the weak or slow local models seen in practice. A script entry is one reply:
- ``{"tool_calls": [(name, args), ...]}`` or ``{"content": text}``: a tool call, or text;
- ``{"fenced_call": (name, args)}``: the tool call written as JSON in a code block instead of made;
- ``{"template_call": (name, args)}``: the call written bare with the doubled braces of Qwen 2.5's chat
  template, then blank lines up to ``max_tokens`` (``finish_reason: "length"``), as Qwen2.5-Coder-1.5B does
  on llama.cpp's server;
- ``{"prose_unless_schema": (name, args)}``: where the request carries a JSON-schema ``response_format``
  (which llama.cpp's server turns into a grammar), the call written as bare JSON in the text; else prose
  with a made-up figure, as Qwen2.5-Coder-1.5B writes there when ``tool_choice: required`` gets no grammar;
- ``{"ramble": True}``: text that runs past the request's ``max_tokens`` (``finish_reason: "length"``);
- ``"pause": (n, event)`` in a text entry: after its first ``n`` words, waits (up to 20 s) for ``event``;
- ``"sleep": seconds`` in any entry: waits that long first (stopping early, and counting the request in
  ``cancelled``, when the client closes the connection).
Server-wide: ``context_tokens`` answers HTTP 400 to a request whose messages are longer (estimated at 3
characters a token), as llama.cpp's server does past its context; ``reject_null_content`` answers HTTP 500 to
an assistant message whose ``content`` is null, as ``llama_cpp.server`` does.
"""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class OpenAIStub:
    def __init__(self, script: list[dict], context_tokens: int | None = None,
                 reject_null_content: bool = False) -> None:
        self.script = list(script)
        self.requests: list[dict] = []
        self.cancelled = 0  # requests whose client hung up while the stub was still working
        self.context_tokens = context_tokens
        self.reject_null_content = reject_null_content
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                stub.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
                refusal = stub._refusal(body)
                if refusal:
                    self._json(refusal[1], refusal[0])
                    return
                reply = stub.script.pop(0) if stub.script else {"content": "No data."}
                if reply.get("sleep") and not self._sleep(float(reply["sleep"])):
                    stub.cancelled += 1
                    return
                reply = _shaped(reply, body)
                try:
                    if body.get("stream"):
                        self._stream(reply, body["model"])
                    else:
                        self._json(_completion(reply, body["model"]))
                except (BrokenPipeError, ConnectionResetError):
                    stub.cancelled += 1

            def _sleep(self, seconds: float) -> bool:
                """Wait ``seconds``; False as soon as the client has closed the connection."""
                end = time.monotonic() + seconds
                conn = self.connection
                while time.monotonic() < end:
                    readable, _, _ = select.select([conn], [], [], 0.05)
                    if readable:
                        try:
                            if conn.recv(1, socket.MSG_PEEK) == b"":
                                return False
                        except OSError:
                            return False
                return True

            def _json(self, doc: dict, status: int = 200) -> None:
                data = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply: dict, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for chunk in _chunks(reply, model):
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                    if reply.get("chunk_delay"):
                        time.sleep(reply["chunk_delay"])
                self.wfile.write(b"data: [DONE]\n\n")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _refusal(self, body: dict) -> tuple[int, dict] | None:
        messages = body.get("messages", [])
        if self.reject_null_content and any(m.get("role") == "assistant" and m.get("content") is None
                                            for m in messages):
            return 500, {"error": {"code": 500, "message": "content: null is not a valid string",
                                   "type": "server_error"}}
        if self.context_tokens is not None:
            size = len(json.dumps(messages)) + len(json.dumps(body.get("tools", [])))
            if size / 3 > self.context_tokens:
                return 400, {"error": {"code": 400, "type": "exceed_context_size_error",
                                       "message": "the request exceeds the available context size"}}
        return None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def _shaped(reply: dict, body: dict) -> dict:
    """The reply as sent: a fenced call as text; a ramble cut at the request's max_tokens."""
    if "fenced_call" in reply:
        name, args = reply["fenced_call"]
        return {**reply, "content": "```json\n" + json.dumps({"name": name, "arguments": args}) + "\n```"}
    if "template_call" in reply:
        name, args = reply["template_call"]
        limit = int(body.get("max_tokens") or body.get("max_completion_tokens") or 4096)
        text = "{" + json.dumps({"name": name, "arguments": args}) + "}" + "\n" * max(limit - 30, 1)
        return {**reply, "content": text, "finish_reason": "length"}
    if "prose_unless_schema" in reply:
        name, args = reply["prose_unless_schema"]
        if (body.get("response_format") or {}).get("type") == "json_schema":
            return {**reply, "content": json.dumps({"name": name, "arguments": args}, indent=2)}
        return {**reply, "content": "No, we are not short. The forecast shows that we have 1000 units available."}
    if reply.get("ramble"):
        limit = int(body.get("max_tokens") or body.get("max_completion_tokens") or 4096)
        words = ("The plan is being reviewed and the figures are being checked" + " again") .split()
        text = " ".join(words[i % len(words)] for i in range(limit))
        return {**reply, "content": text, "finish_reason": "length"}
    return reply


def _tool_calls(reply: dict) -> list[dict]:
    return [{"id": f"call_{i}", "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}
            for i, (name, args) in enumerate(reply.get("tool_calls", []))]


def _completion(reply: dict, model: str) -> dict:
    calls = _tool_calls(reply)
    message = {"role": "assistant", "content": None if calls else reply.get("content", "")}
    if calls:
        message["tool_calls"] = calls
    finish = reply.get("finish_reason") or ("tool_calls" if calls else "stop")
    return {"id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _chunks(reply: dict, model: str):
    base = {"id": "chatcmpl-stub", "object": "chat.completion.chunk", "created": int(time.time()), "model": model}
    calls = _tool_calls(reply)
    if calls:
        for index, call in enumerate(calls):
            delta = {"tool_calls": [{"index": index, "id": call["id"], "type": "function",
                                     "function": {"name": call["function"]["name"], "arguments": ""}}]}
            yield {**base, "choices": [{"index": 0, "delta": {"role": "assistant", **delta}, "finish_reason": None}]}
            args = call["function"]["arguments"]
            for part in (args[: len(args) // 2], args[len(args) // 2:]):
                yield {**base, "choices": [{"index": 0, "delta": {"tool_calls": [
                    {"index": index, "function": {"arguments": part}}]}, "finish_reason": None}]}
        yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
        yield {**base, "choices": [], "usage": {"prompt_tokens": 120, "completion_tokens": 12, "total_tokens": 132}}
        return
    pause_after, resume = reply.get("pause") or (None, None)
    for i, word in enumerate(reply.get("content", "").split(" ")):
        if i == pause_after:
            reply["paused_until_seen"] = resume.wait(timeout=20)
        yield {**base, "choices": [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}]}
    yield {**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.get("finish_reason") or "stop"}]}
    yield {**base, "choices": [], "usage": {"prompt_tokens": 150, "completion_tokens": 20, "total_tokens": 170}}
