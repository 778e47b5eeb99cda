"""Matching what people type against the loaded data: order references and resource names.

- ``fold(text)``: the comparison key of a name — NFD, combining marks dropped, ``đ``/``Đ`` -> ``d``,
  case-folded, runs of spaces collapsed ("Dây chuyền  Mì" and "day chuyen mi" are the same).
- ``ref_key(text)``: the comparison key of an order reference — ``fold`` with every space, ``-``, ``/``,
  ``.`` and ``_`` removed, so ``PO-1182``, ``po 1182`` and ``PO/1182`` are one reference and
  ``4500012345`` or ``PO/2026/001`` are found whatever their shape. A reference matches only exactly on
  this key; otherwise ``UnknownProduct`` (kind ``order`` / ``resource``) carries the closest ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from sop_engine.errors import UnknownProduct

CLOSEST = 5
_REF_SEPARATORS = re.compile(r"[\s\-/._]+")


def fold(text: object) -> str:
    decomposed = unicodedata.normalize("NFD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.casefold().split())


def ref_key(text: object) -> str:
    return _REF_SEPARATORS.sub("", fold(text))


def closest(query: str, known: Iterable[str], key=fold, limit: int = CLOSEST) -> list[str]:
    """The known names closest to ``query`` (rapidfuzz WRatio on the folded text), best first."""
    names = sorted(set(known))
    if not names:
        return []
    found = process.extract(key(query), [key(n) for n in names], scorer=fuzz.WRatio, limit=limit)
    return [names[index] for _, _, index in found]


def match_ref(query: str, refs: Iterable[str]) -> str:
    """The one known reference equal to ``query`` after ``ref_key``; else ``UnknownProduct(kind="order")``."""
    refs = [str(r) for r in refs]
    wanted = ref_key(query)
    for ref in refs:
        if ref_key(ref) == wanted:
            return ref
    raise UnknownProduct(str(query), closest(query, refs, key=ref_key), kind="order")


def match_resource(query: str, resources: Iterable[str]) -> str:
    """The resource named ``query`` (accent-, case- and space-insensitive); else ``UnknownProduct`` of kind
    ``resource`` with the closest names (every known one when there are few)."""
    resources = sorted({str(r) for r in resources})
    wanted = fold(query)
    exact = [r for r in resources if fold(r) == wanted]
    if exact:
        return exact[0]
    compact = [r for r in resources if ref_key(r) == ref_key(query)]  # "rtm l1" for "RTM-L1"
    if len(compact) == 1:
        return compact[0]
    shown = resources if len(resources) <= CLOSEST else closest(query, resources)
    raise UnknownProduct(str(query), shown, kind="resource")


def scope_of(products, sku: str | None = None, family: str | None = None) -> tuple[list[str], dict]:
    """(SKU codes, scope document) of ``--sku`` / ``--family`` (neither = every SKU), as the tools show a scope:
    ``{"kind": "sku", "code", "label"}``, ``{"kind": "family", "code", "label"}`` or ``{"kind": "all"}``."""
    from sop_engine.products import resolve_scope

    skus = resolve_scope(products, sku=sku, family=family)
    if sku is not None and str(sku).strip():
        row = products[products["sku"].astype(str) == skus[0]].iloc[0]
        return skus, {"kind": "sku", "code": skus[0], "label": str(row["name"])}
    if family is not None and str(family).strip():
        name = str(products.loc[products["sku"].astype(str) == skus[0], "family"].iloc[0])
        return skus, {"kind": "family", "code": name, "label": name}
    return skus, {"kind": "all"}
