"""The assistant's tools: one module per capability, each a pydantic argument model (``tools.schemas``)
plus a call into ``sop_engine`` returning a compact JSON-able document.

``TOOLS`` is the one list of tool names (a public interface). ``tools.base.run_tool(name, args, ctx)``
runs one for any engine; ``tools.lc.langchain_tools(ctx, on_result)`` gives them to a LangChain agent
(imported only there, so the offline path stays light).
"""

from tools.schemas import TOOL_ARGS, WRITE_TOOLS

TOOLS = list(TOOL_ARGS)

__all__ = ["TOOLS", "TOOL_ARGS", "WRITE_TOOLS"]
