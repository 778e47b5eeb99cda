"""The assistant's tools for other agents, over the Model Context Protocol (the official ``mcp`` SDK).

``sop mcp`` serves them over stdio (principal and role from ``SOP_MCP_PRINCIPAL`` / ``SOP_MCP_ROLE``) or
streamable HTTP; ``sop serve`` mounts the HTTP transport at ``/mcp``, where the API key says who calls.
The tools, their argument models, the roles and the approval gate are the assistant's own: a write
returns a pending approval and changes nothing.
"""
