"""Pages of large documents (``limit`` and ``cursor`` over HTTP): a 100,000-SKU shortage document is
never sent whole.

A page keeps every key of the document and cuts its main list (``skus``, ``products``) to ``limit`` items
from the cursor's position; lists about the same SKUs (a forecast's ``rows``) keep the rows of the page's
SKUs. ``page`` says where it is: ``{"limit", "offset", "returned", "total", "next_cursor"}``; the last page
has ``next_cursor`` null. A document that fits in one page, asked without ``limit`` or ``cursor``, comes
whole and without ``page`` (the same document as the CLI's and the tools'). A cursor is opaque and holds to
the question and the store version it was made for: a cursor from another question, or from before a
write, is refused (start again without one) rather than answered with a page of other data.
"""

from __future__ import annotations

import base64
import hashlib
import json

from sop_engine.errors import InvalidArgument
from sop_engine.limits import MAX_PAGE_ITEMS


def check_limit(limit: int | None) -> int:
    if limit is None:
        return MAX_PAGE_ITEMS
    if isinstance(limit, bool) or not 1 <= int(limit) <= MAX_PAGE_ITEMS:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE_ITEMS}; got {limit}")
    return int(limit)


def fingerprint(question: dict, version: object) -> str:
    text = json.dumps({"q": question, "v": version}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def encode_cursor(offset: int, mark: str) -> str:
    return base64.urlsafe_b64encode(f"{offset}.{mark}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, mark: str) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        offset, _, made_for = text.partition(".")
        position = int(offset)
    except (ValueError, UnicodeDecodeError):
        raise InvalidArgument("cursor: not a cursor of this API (use next_cursor of the previous page)") from None
    if made_for != mark or position < 0:
        raise InvalidArgument("cursor: it was made for another question, or the data changed since (a write): "
                              "ask again without cursor")
    return position


def paginate(doc: dict, items: str, *, limit: int | None, cursor: str | None, question: dict, version: object,
             linked: tuple[str, ...] = ()) -> dict:
    """``doc`` with ``doc[items]`` cut to one page (see the module docstring); ``version``: the store's."""
    size = check_limit(limit)
    if limit is None and not cursor and len(doc.get(items) or []) <= size:
        return doc  # whole, and the same document as the CLI's and the tools' (no ``page``)
    mark = fingerprint(question, version)
    offset = decode_cursor(cursor, mark)
    everything = doc.get(items) or []
    total = len(everything)
    if offset > total:
        raise InvalidArgument(f"cursor: past the end of the document ({total} {items})")
    page = everything[offset:offset + size]
    doc[items] = page
    if linked:
        keep = {row["sku"] for row in page}
        for key in linked:
            doc[key] = [row for row in doc.get(key) or [] if row.get("sku") in keep]
    end = offset + len(page)
    doc["page"] = {"limit": size, "offset": offset, "returned": len(page), "total": total,
                   "next_cursor": encode_cursor(end, mark) if end < total else None}
    return doc
