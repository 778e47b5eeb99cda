"""Matching what people type against the loaded data (order references, resource names), through the one
resolver (``sop_engine.resolver``): folded text (case, accents, ``đ`` and spacing ignored); an order
reference compared without its separators, so ``PO-1182``, ``po 1182`` and ``PO/1182`` are one reference
and ``4500012345`` or ``PO/2026/001`` are found whatever their shape. A reference or a resource that does
not match raises ``UnknownProduct`` (kind ``order`` / ``resource``) carrying the closest ones.
"""

from __future__ import annotations

from collections.abc import Iterable

from sop_engine.errors import AmbiguousProduct, UnknownProduct
from sop_engine.resolver import Resolver, ref_key
from sop_engine.text import fold_words as fold

__all__ = ["CLOSEST", "fold", "ref_key", "match_ref", "match_resource", "scope_of"]

CLOSEST = 5


def match_ref(query: str, refs: Iterable[str]) -> str:
    """The one known reference equal to ``query`` without separators; else ``UnknownProduct(kind="order")``."""
    resolver = Resolver(None, refs=[str(r) for r in refs])
    found = resolver.resolve(str(query), ("order",))
    if found.entity is not None:
        return found.entity.code
    raise UnknownProduct(str(query), [e.code for e in resolver.closest(str(query), ("order",), cutoff=50)],
                         kind="order")


def match_resource(query: str, resources: Iterable[str]) -> str:
    """The resource named ``query`` (accent-, case- and space-insensitive, or without separators: "rtm l1"
    for "RTM-L1"); several that fit raise ``AmbiguousProduct``; none, ``UnknownProduct`` of kind ``resource``
    with the closest names (every known one when there are few)."""
    resources = sorted({str(r) for r in resources})
    resolver = Resolver(None, resources=resources)
    found = resolver.resolve(str(query), ("resource",))
    if found.entity is not None:
        return found.entity.code
    compact = [r for r in resources if ref_key(r) == ref_key(query)]
    if len(compact) == 1:
        return compact[0]
    named = resolver.find_resource(_tokens(query))
    if named is not None and named.end - named.start == len(_tokens(query)):
        if named.entity is not None:
            return named.entity.code
        raise AmbiguousProduct(str(query), [e.code for e in named.candidates],
                               options=[{"label": e.code, "value": e.code} for e in named.candidates])
    shown = resources if len(resources) <= CLOSEST else [e.code for e in resolver.closest(query, ("resource",),
                                                                                            cutoff=50)]
    raise UnknownProduct(str(query), shown, kind="resource")


def _tokens(text: str):
    from sop_engine.text import tokenize

    return tokenize(text)


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
