"""What a model reads of a tool's document: a compact view within a token budget.

The full document stays the source of truth (the turn document, the grounding check, the CLI and HTTP);
a model reads this view of it. A view keeps every headline fact (the top-level figures, counts, totals,
scope, months and the asked months), the rows that matter first (short or flagged SKUs), each SKU's months
cut to the asked ones, then the top rows of each list until the view fits ``budget`` tokens; what was cut
is counted in ``truncated`` (``{"skus": 53, "skus[].periods": 120}``: rows left out per list). Meeting-note
text reaches a model only inside the quoted, delimited block.

Tokens are estimated from characters (``estimate_tokens``): a tokenizer such as tiktoken downloads its
encodings at run time and fails offline. Every digit counts as a token (the tokenizers of small open models
such as Qwen and Llama split numbers into single digits), every other 3.5 characters as one (English prose
and JSON keys run at about 4): on number-heavy documents the estimate is about 2.5 characters a token.
"""

from __future__ import annotations

import json
import math
from typing import Any

CHARS_PER_TOKEN = 3.5  # characters other than digits per token
MAX_STRING = 400  # characters of one text value (a rule, a note) a view keeps


def estimate_tokens(value: Any) -> int:
    """Tokens of ``value`` (text, or any JSON-able value as the compact JSON a model is sent)."""
    text = value if isinstance(value, str) else dumps(value)
    digits = sum(c.isdigit() for c in text)
    return math.ceil(digits + (len(text) - digits) / CHARS_PER_TOKEN)


def dumps(value: Any) -> str:
    return json.dumps(value, default=str, ensure_ascii=False, separators=(",", ":"))


def model_view(result: dict, budget: int = 1500) -> dict:
    """The view of ``result`` a model reads, within ``budget`` tokens (estimated)."""
    view = _without_note_text(result)
    if "base" in view and "scenario" in view:  # a what-if: both sides, each in half the budget
        half = max(budget // 2 - 60, 100)
        rest = {k: v for k, v in view.items() if k not in ("base", "scenario")}
        out = {**_fit(rest, budget // 5), "base": model_view(view["base"], half),
               "scenario": model_view(view["scenario"], half)}
        return out if estimate_tokens(out) <= budget else _fit(out, budget)
    return _fit(_focus(view), budget)


def _without_note_text(result: dict) -> dict:
    if "quoted_notes" not in result:
        return result
    hits = [{k: v for k, v in hit.items() if k != "text"} for hit in result.get("hits", [])]
    return {**result, "hits": hits}


def _matters(row: Any) -> bool:
    if not isinstance(row, dict):
        return False
    return bool(row.get("asked_months_shortage", row.get("total_shortage")) or row.get("flags")
                or row.get("overloaded") or row.get("late"))


def _focus(doc: dict) -> dict:
    """The rows that matter first; each SKU's months cut to the asked months (counted in ``truncated``)."""
    out = dict(doc)
    truncated: dict[str, int] = dict(doc.get("truncated") or {})
    asked = set(doc.get("asked_months") or [])
    for key in ("skus", "capacity", "orders", "rows", "resources"):
        rows = out.get(key)
        if isinstance(rows, list) and any(_matters(r) for r in rows):
            out[key] = [r for r in rows if _matters(r)] + [r for r in rows if not _matters(r)]
    if asked and isinstance(out.get("skus"), list):
        cut = 0
        skus = []
        for sku in out["skus"]:
            periods = sku.get("periods") if isinstance(sku, dict) else None
            if isinstance(periods, list):
                kept = [p for p in periods if isinstance(p, dict) and p.get("period") in asked]
                cut += len(periods) - len(kept)
                sku = {**sku, "periods": kept}
            skus.append(sku)
        out["skus"] = skus
        if cut:
            truncated["skus[].periods"] = truncated.get("skus[].periods", 0) + cut
    if truncated:
        out["truncated"] = truncated
    return out


MIN_ROWS = 3  # rows of a list a view keeps before any list goes below it
# The order a view is cut in: lists inside rows, master data of rows, other lists, lists inside rows again,
# the document's own rows (``PRIMARY``), then each below its floor.
STEPS = (("nested", MIN_ROWS), ("fields", 0), ("secondary", MIN_ROWS), ("nested", 1), ("primary", MIN_ROWS),
         ("secondary", 0), ("nested", 0), ("primary", 0))


def _fit(doc: dict, budget: int) -> dict:
    """Cut lists (keeping their top rows) in the order of ``STEPS`` until ``doc`` fits ``budget``; the rows'
    master data left out (``SECONDARY``) is named in ``fields_not_shown``; long texts are cut last."""
    out = _copy(doc)
    truncated: dict[str, int] = out.pop("truncated", None) or {}

    def fits() -> bool:
        return estimate_tokens({**out, "truncated": truncated}) <= budget

    for step, floor in STEPS:
        if fits():
            break
        if step == "fields":  # rows without their master data (kept in the full document)
            dropped = _drop_fields(out)
            if dropped:
                out["fields_not_shown"] = sorted(dropped)
        elif step == "nested":  # every list inside rows to its top rows at once (a SKU's months, its options)
            for path, holder, key, rows in _lists(out, nested_only=True, floor=floor):
                holder[key] = rows[:floor]
                truncated[path] = truncated.get(path, 0) + len(rows) - floor
        else:  # the longest list of the kind, halved, until the view fits or the list is at its floor
            for _ in range(200):
                if fits():
                    break
                candidates = [f for f in _lists(out, nested_only=False, floor=floor)
                              if (f[2] in PRIMARY) == (step == "primary")]
                found = max(candidates, key=lambda f: len(dumps(f[3])), default=None)
                if found is None:
                    break
                path, holder, key, rows = found
                keep = max(len(rows) // 2, floor)
                holder[key] = rows[:keep]
                truncated[path] = truncated.get(path, 0) + len(rows) - keep
    if not fits():
        _shorten_texts(out)
    if truncated:
        out["truncated"] = truncated
    return out


# headline facts: never cut
KEPT = {"months", "asked_months", "versions", "total_by_period", "totals", "fields_not_shown"}
PRIMARY = {"skus", "rows", "orders", "hits", "items", "products", "decisions"}  # what a document is a list of


def _lists(value: Any, nested_only: bool, floor: int) -> list[tuple[str, Any, str, list]]:
    """Every ``(path, holder, key, rows)`` list with more than ``floor`` rows; lists inside rows are named
    ``key[].inner``; ``nested_only``: only those."""
    found: list[tuple[str, Any, str, list]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, list):
            for row in node:
                walk(row, where + "[]")
            return
        if not isinstance(node, dict):
            return
        for key, child in node.items():
            here = f"{where}.{key}" if where else key
            if isinstance(child, list) and len(child) > floor and key not in KEPT \
                    and (not nested_only or "[]" in where):
                found.append((here, node, key, child))
            walk(child, here)

    walk(value, "")
    return found


SECONDARY = {"uom", "status", "plant", "lead_time_days", "min_order_qty", "on_hand", "allocated", "receipt_refs",
             "below_safety_stock", "spill_in_hours", "candidates", "shortage_before", "first_short_period_after",
             "overrides", "override_reason", "lo_95", "hi_95"}


def _drop_fields(value: Any, inside_list: bool = False) -> set[str]:
    """Remove the ``SECONDARY`` fields of every row (a dict inside a list); the names removed."""
    dropped: set[str] = set()
    if isinstance(value, dict):
        for key in list(value):
            if inside_list and key in SECONDARY:
                del value[key]
                dropped.add(key)
            else:
                dropped |= _drop_fields(value[key])
    elif isinstance(value, list):
        for row in value:
            dropped |= _drop_fields(row, inside_list=True)
    return dropped


def _shorten_texts(value: Any) -> bool:
    """Cut every text value longer than ``MAX_STRING`` (an ellipsis marks the cut); True if any was cut."""
    cut = False
    if isinstance(value, dict):
        for key, child in value.items():
            if isinstance(child, str) and len(child) > MAX_STRING and key != "quoted_notes":
                value[key] = child[:MAX_STRING] + "…"
                cut = True
            else:
                cut = _shorten_texts(child) or cut
    elif isinstance(value, list):
        for i, child in enumerate(value):
            if isinstance(child, str) and len(child) > MAX_STRING:
                value[i] = child[:MAX_STRING] + "…"
                cut = True
            else:
                cut = _shorten_texts(child) or cut
    return cut


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value
