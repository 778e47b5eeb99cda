"""The pre-S&OP pack as a reader gets it: markdown, one standalone HTML file, or a PDF, in the company's
language, with matplotlib charts. The figures are the pack document's (``sop_engine.pack``)."""

from assistant.pack.render import FORMATS, make_pack, render

__all__ = ["FORMATS", "make_pack", "render"]
