"""Who a question is about: SKU codes, product names and families, resolved against the product master.

``resolve_scope`` turns the ``--sku`` / ``--family`` arguments of a command into a list of SKU codes;
``resolve_name`` reads a word a person typed in chat ("oat milk", "OAT-1L", "beverages") and says
whether it is a SKU or a family. Matching is exact first (codes, names and families, case and
surrounding spaces ignored); only then fuzzy, with ``rapidfuzz.process.extract``, so that a typo gets
"no product 'oat mlk'; closest: ..." rather than a silent guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from sop_engine.errors import AmbiguousProduct, NoData, UnknownProduct

FUZZY_ACCEPT = 90.0  # a fuzzy match at or above this score is taken when it is the only one that high
FUZZY_TIE = 3.0  # candidates within this many points of the best are equally good: ambiguous
CLOSEST = 5


@dataclass(frozen=True)
class ResolvedName:
    """What a typed name means: a SKU (``code`` is the sku) or a family (``code`` is the family)."""

    kind: str  # "sku" or "family"
    code: str
    label: str  # the product name, or the family

    def to_dict(self) -> dict:
        return {"kind": self.kind, "code": self.code, "label": self.label}


def _norm(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def _require_products(products: pd.DataFrame) -> None:
    if products is None or products.empty:
        raise NoData("no products loaded: load a data folder with products.csv first")


def _choices(products: pd.DataFrame) -> dict[str, tuple[str, str, str]]:
    """Every string a person may type -> (kind, code, label); families listed once."""
    out: dict[str, tuple[str, str, str]] = {}
    for sku, name in zip(products["sku"].astype(str), products["name"].astype(str), strict=True):
        out.setdefault(sku, ("sku", sku, name))
        out.setdefault(name, ("sku", sku, name))
    for family in products["family"].dropna().astype(str).unique():
        out.setdefault(family, ("family", family, family))
    return out


def closest_matches(
    products: pd.DataFrame, text: str, limit: int = CLOSEST, kinds: tuple[str, ...] = ("sku", "family")
) -> list[str]:
    """The closest codes, names or families to ``text``, best first, formatted for a person."""
    choices = {k: v for k, v in _choices(products).items() if v[0] in kinds}
    found = process.extract(str(text), list(choices), scorer=fuzz.WRatio, limit=limit * 2, processor=_norm)
    out: list[str] = []
    for choice, _score, _ in found:
        kind, code, label = choices[choice]
        shown = (
            f"{code} ({label})"
            if kind == "sku" and label != code
            else (f"family {code}" if kind == "family" else code)
        )
        if shown not in out:
            out.append(shown)
    return out[:limit]


def resolve_scope(products: pd.DataFrame, sku: str | None = None, family: str | None = None) -> list[str]:
    """The SKU codes a command is about: one SKU, one family's SKUs, or (neither given) every SKU.

    ``sku`` is matched exactly on code, then on product name; ``family`` exactly on family (case and
    spaces ignored). No match raises ``UnknownProduct`` carrying the closest codes, names or families.
    Both given: the SKU must belong to the family, else ``NoData``.
    """
    _require_products(products)
    codes = products["sku"].astype(str)
    selected = pd.Series(True, index=products.index)
    if sku is not None and str(sku).strip():
        key = _norm(sku)
        by_code = codes.map(_norm) == key
        if not by_code.any():
            by_code = products["name"].astype(str).map(_norm) == key
        if not by_code.any():
            raise UnknownProduct(str(sku), closest_matches(products, sku, kinds=("sku",)), kind="product")
        selected &= by_code
    if family is not None and str(family).strip():
        in_family = products["family"].astype(str).map(_norm) == _norm(family)
        if not in_family.any():
            raise UnknownProduct(
                str(family), closest_matches(products, family, kinds=("family",)), kind="family"
            )
        if not (selected & in_family).any():
            raise NoData(f"product '{sku}' is not in family '{family}'")
        selected &= in_family
    return codes[selected].tolist()


def resolve_name(products: pd.DataFrame, text: str) -> ResolvedName:
    """Read a name typed by a person as a SKU or a family.

    Exact matches (code, product name, family) win; several different exact matches (a product and a
    family spelled the same) raise ``AmbiguousProduct``. Otherwise the fuzzy best match is taken if it
    scores at least ``FUZZY_ACCEPT`` and no other candidate is within ``FUZZY_TIE`` points of it
    (``AmbiguousProduct`` if some are); below that, ``UnknownProduct`` with the closest matches.
    """
    _require_products(products)
    if text is None or not str(text).strip():
        raise UnknownProduct(str(text or ""), [], kind="product or family")
    choices = _choices(products)
    key = _norm(text)
    exact = {v for k, v in choices.items() if _norm(k) == key}
    if len(exact) == 1:
        kind, code, label = exact.pop()
        return ResolvedName(kind, code, label)
    if len(exact) > 1:
        raise AmbiguousProduct(str(text), sorted(f"{k} {c}" for k, c, _ in exact))
    found = process.extract(str(text), list(choices), scorer=fuzz.WRatio, limit=10, processor=_norm)
    if found and found[0][1] >= FUZZY_ACCEPT:
        best = found[0][1]
        top = {choices[c] for c, s, _ in found if s >= best - FUZZY_TIE}
        if len(top) == 1:
            kind, code, label = top.pop()
            return ResolvedName(kind, code, label)
        raise AmbiguousProduct(
            str(text), sorted(f"{k} {c} ({lbl})" if k == "sku" else f"family {c}" for k, c, lbl in top)
        )
    raise UnknownProduct(str(text), closest_matches(products, text), kind="product or family")
