"""The pre-S&OP pack: every mismatch the meeting must see, gathered from the engine's own documents.

``build_pack(store, planning_date, today, period=None)`` returns the pack document (``sop pack --json``,
``GET /v1/pack?format=json``); ``store_pack`` keeps it in the plan store, and "what changed" compares with
the previous stored pack. Rendering (markdown, HTML, PDF, charts) is the assistant's (``assistant.pack``).
"""

from sop_engine.pack.document import SECTIONS, build_pack
from sop_engine.pack.history import latest_pack, list_packs, store_pack

__all__ = ["SECTIONS", "build_pack", "latest_pack", "list_packs", "store_pack"]
