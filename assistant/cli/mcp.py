"""``sop mcp``: the assistant's tools for other agents, over the Model Context Protocol."""

from __future__ import annotations

import typer

from assistant.cli.context import runtime
from assistant.cli.output import err_console, reports
from assistant.cli.serve import is_loopback
from sop_engine.errors import InvalidArgument


@reports
def mcp(
    transport: str = typer.Option("stdio", "--transport", help="stdio (one client; SOP_MCP_PRINCIPAL, SOP_MCP_ROLE) "
                                  "or http (streamable HTTP at /mcp; the API key says who calls)."),
    host: str | None = typer.Option(None, "--host", help="Address for --transport http (default SOP_HOST)."),
    port: int | None = typer.Option(None, "--port", help="Port for --transport http (default SOP_PORT)."),
):
    """Serve the planning tools over MCP; writes return a pending approval, never publish."""
    from assistant.conversation import Assistant

    if transport not in ("stdio", "http"):
        raise typer.BadParameter(f"'{transport}' is not one of stdio, http", param_hint="--transport")
    rt = runtime()
    assistant = Assistant(rt)
    if transport == "stdio":
        import anyio

        from assistant.mcp_server.transports import run_stdio

        anyio.run(run_stdio, assistant)
        return
    import uvicorn

    from assistant.mcp_server.transports import standalone_app
    from assistant.settings import parse_api_keys

    settings = rt.settings
    host, port = host or settings.host, port or settings.port
    if not settings.api_keys.strip() and not is_loopback(host):
        raise InvalidArgument(f"refusing to listen on {host} without API keys: set SOP_API_KEYS or bind to 127.0.0.1")
    err_console.print(f"MCP (streamable HTTP) on http://{host}:{port}/mcp")
    uvicorn.run(standalone_app(assistant, parse_api_keys(settings.api_keys), host), host=host, port=port,
                log_level="warning")
