"""The two ways to reach the MCP server: stdio (one client, a fixed principal) and streamable HTTP (the
API key of each request says who calls, exactly as on the HTTP API)."""

from __future__ import annotations

from contextlib import asynccontextmanager

from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from mcp.server.transport_security import TransportSecuritySettings
from starlette.types import Receive, Scope, Send

from assistant.conversation import Assistant
from assistant.http import errors
from assistant.http.deps import Unauthenticated, caller_for_key
from assistant.mcp_server.server import McpCaller, build_server
from assistant.runtime import cli_principal
from assistant.settings import Settings

CALLER_KEY = "sop.mcp_caller"


def stdio_caller(settings: Settings) -> McpCaller:
    """``SOP_MCP_PRINCIPAL`` (default ``mcp:<os user>``) with ``SOP_MCP_ROLE`` (default viewer)."""
    principal = settings.mcp_principal or "mcp:" + cli_principal().split(":", 1)[1]
    return McpCaller(principal, settings.mcp_role)


async def run_stdio(assistant: Assistant) -> None:
    from mcp.server.stdio import stdio_server

    caller = stdio_caller(assistant.settings)
    server = build_server(assistant, lambda ctx: caller)
    async with stdio_server() as (read_stream, write_stream):
        await server.run(read_stream, write_stream, server.create_initialization_options())


def _loopback_security(host: str) -> TransportSecuritySettings | None:
    """DNS-rebinding protection when serving on loopback (as the SDK does for its own apps)."""
    if host not in ("127.0.0.1", "localhost", "::1"):
        return None
    return TransportSecuritySettings(enable_dns_rebinding_protection=True,
                                     allowed_hosts=["127.0.0.1:*", "localhost:*", "[::1]:*", "testserver"],
                                     allowed_origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"])


class McpHttp:
    """ASGI app of the streamable HTTP transport: every request authenticated by its API key (``SOP_API_KEYS``,
    ``Authorization: Bearer KEY`` or ``X-API-Key``); a missing or unknown key is 401 problem+json.

    Stateless (every request stands alone), so several server processes on one store serve one client.
    ``lifespan()`` must run while it serves (``sop serve`` enters it in its own lifespan)."""

    def __init__(self, assistant: Assistant, api_keys: dict[str, tuple[str, str | None]], host: str) -> None:
        self.api_keys = api_keys
        server = build_server(assistant, self._caller)
        self.manager = StreamableHTTPSessionManager(app=server, stateless=True, json_response=True,
                                                    security_settings=_loopback_security(host))

    @staticmethod
    def _caller(ctx) -> McpCaller:
        caller = ctx.request.scope[CALLER_KEY]
        return McpCaller(caller.principal, caller.role)

    def lifespan(self):
        return self.manager.run()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        given = headers.get("x-api-key")
        auth = headers.get("authorization", "")
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        try:
            caller = caller_for_key(self.api_keys, given)
        except Unauthenticated as error:
            response = errors.problem(401, error.message, error.code, headers={"WWW-Authenticate": "Bearer"})
            await response(scope, receive, send)
            return
        scope[CALLER_KEY] = caller
        await self.manager.handle_request(scope, receive, send)


def standalone_app(assistant: Assistant, api_keys: dict, host: str):
    """``sop mcp --transport http``: the MCP endpoint alone at ``/mcp``."""
    from starlette.applications import Starlette
    from starlette.routing import Route

    endpoint = McpHttp(assistant, api_keys, host)

    @asynccontextmanager
    async def lifespan(_app):
        async with endpoint.lifespan():
            yield

    return Starlette(routes=[Route("/mcp", endpoint=endpoint)], lifespan=lifespan)
