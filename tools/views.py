"""What a model reads of a tool's document: a compact view within a token budget.

The full document stays the source of truth (the turn document, the grounding check, the CLI and HTTP);
a model reads this view of it. A view keeps every headline fact (the top-level figures, counts, totals,
scope, months and the asked months), the rows that matter first (short or flagged SKUs), each SKU's months
cut to the asked ones, then the top rows of each list until the view fits ``budget`` tokens; what was cut
is counted in ``truncated`` (``{"skus": 53, "skus[].periods": 120}``: rows left out per list). Meeting-note
text reaches a model only inside the quoted, delimited block.

Tokens are estimated from characters (``estimate_tokens``): a tokenizer such as tiktoken downloads its
encodings at run time and fails offline. The estimate is deliberately high for JSON, whose digits and
punctuation cost more tokens than prose.
"""

from __future__ import annotations

import json
import math
from typing import Any

CHARS_PER_TOKEN = 3.0  # JSON with many digits: small models' tokenizers split numbers into single digits
MAX_STRING = 400  # characters of one text value (a rule, a note) a view keeps


def estimate_tokens(value: Any) -> int:
    """Tokens of ``value`` (text, or any JSON-able value as the compact JSON a model is sent)."""
    text = value if isinstance(value, str) else dumps(value)
    return math.ceil(len(text) / CHARS_PER_TOKEN)


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


def _fit(doc: dict, budget: int) -> dict:
    """Cut the longest lists (keeping their top rows), then long texts, until ``doc`` fits ``budget``."""
    out = _copy(doc)
    truncated: dict[str, int] = out.pop("truncated", None) or {}
    texts_cut = False
    for _ in range(400):
        if estimate_tokens({**out, "truncated": truncated}) <= budget:
            break
        found = _largest_list(out, "")
        if found is None:
            break
        path, holder, key, rows = found
        if len(rows) == 1 and not texts_cut:
            texts_cut = _shorten_texts(out) or True
            continue
        keep = len(rows) // 2
        holder[key] = rows[:keep]
        truncated[path] = truncated.get(path, 0) + len(rows) - keep
    if estimate_tokens({**out, "truncated": truncated}) > budget:
        _shorten_texts(out)
    if truncated:
        out["truncated"] = truncated
    return out


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _largest_list(value: Any, path: str):
    """``(path, holder, key, rows)`` of the list whose JSON is longest (lists inside rows count as
    ``key[].inner``), or None."""
    best, best_size = None, 0

    def walk(node: Any, where: str) -> None:
        nonlocal best, best_size
        if isinstance(node, dict):
            items = node.items()
        elif isinstance(node, list):
            for row in node:
                walk(row, where + "[]")
            return
        else:
            return
        for key, child in items:
            here = f"{where}.{key}" if where else key
            if isinstance(child, list) and child:
                size = len(dumps(child))
                # a list of a few rows each holding a big list: cut inside the rows rather than the rows
                if size > best_size and not (len(child) <= 2 and _has_inner_list(child)):
                    best, best_size = (here, node, key, child), size
            walk(child, here)

    walk(value, path)
    return best


def _has_inner_list(rows: list) -> bool:
    return any(isinstance(r, dict) and any(isinstance(v, list) and len(v) > 2 for v in r.values()) for r in rows)


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
