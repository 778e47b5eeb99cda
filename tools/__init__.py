"""The assistant's tools: one module per capability, each a pydantic argument model (``tools.schemas``)
plus a call into ``sop_engine`` returning a compact JSON-able document.

``TOOLS`` is the one list of tool names (a public interface). ``tools.base.run_tool(name, args, ctx)``
runs one for any engine; ``tools.lc.langchain_tools(call_tool, budget)`` gives them to a LangChain agent
(imported only there, so the offline path stays light), each result read through its compact view
(``tools.views.model_view``, within a token budget).
"""

from tools.schemas import TOOL_ARGS, WRITE_TOOLS

TOOLS = list(TOOL_ARGS)

__all__ = ["TOOLS", "TOOL_ARGS", "WRITE_TOOLS"]
