"""Who a question is about: SKU codes, product names and families, resolved against the product master.

``resolve_scope`` turns the ``--sku`` / ``--family`` arguments of a command into a list of SKU codes;
``resolve_name`` reads a word a person typed in chat ("oat milk", "OAT-1L", "beverages") and says
whether it is a SKU or a family, through the one resolver (``sop_engine.resolver``). Matching is on folded
text (case, accents and spacing ignored) exact first, then typo-tolerant, so that a miss gets
"no product 'oat mlk'; closest: ..." rather than a silent guess.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from sop_engine.errors import AmbiguousProduct, NoData, UnknownProduct
from sop_engine.text import fold_words

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
    return fold_words(str(text))


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


@dataclass(frozen=True)
class ScopeIndex:
    """Folded codes, names and families of a product table -> their row positions, built once per load:
    folding 10,000 names costs more than the rest of a one-SKU question."""

    codes: dict[str, list[int]]
    names: dict[str, list[int]]
    families: dict[str, list[int]]

    @classmethod
    def of(cls, products: pd.DataFrame) -> ScopeIndex:
        def positions(values: pd.Series) -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for k, value in enumerate(values.astype(str).tolist()):
                out.setdefault(_norm(value), []).append(k)
            return out

        return cls(positions(products["sku"]), positions(products["name"]), positions(products["family"]))


def resolve_scope(products: pd.DataFrame, sku: str | None = None, family: str | None = None,
                  index: ScopeIndex | None = None) -> list[str]:
    """The SKU codes a command is about: one SKU, one family's SKUs, or (neither given) every SKU.

    ``sku`` is matched exactly on code, then on product name; ``family`` exactly on family (case and
    spaces ignored). No match raises ``UnknownProduct`` carrying the closest codes, names or families.
    Both given: the SKU must belong to the family, else ``NoData``. ``index``: ``ScopeIndex.of(products)``,
    when the caller keeps one.
    """
    _require_products(products)
    codes = products["sku"].astype(str)
    asked_sku = sku is not None and str(sku).strip()
    asked_family = family is not None and str(family).strip()
    if not asked_sku and not asked_family:
        return codes.tolist()
    index = index or ScopeIndex.of(products)
    selected: set[int] | None = None
    if asked_sku:
        key = _norm(sku)
        hits = index.codes.get(key) or index.names.get(key)
        if not hits:
            raise UnknownProduct(str(sku), closest_matches(products, sku, kinds=("sku",)), kind="product")
        selected = set(hits)
    if asked_family:
        in_family = index.families.get(_norm(family))
        if not in_family:
            raise UnknownProduct(
                str(family), closest_matches(products, family, kinds=("family",)), kind="family"
            )
        if selected is not None and not selected & set(in_family):
            raise NoData(f"product '{sku}' is not in family '{family}'")
        selected = set(in_family) if selected is None else selected & set(in_family)
    values = codes.tolist()
    return [values[k] for k in sorted(selected)]


def resolve_name(products: pd.DataFrame, text: str) -> ResolvedName:
    """Read a name typed by a person (or a model) as a SKU or a family, through the one resolver
    (``sop_engine.resolver``: folded, accent- and typo-tolerant; a name fitting several SKUs is ambiguous
    unless they are a whole family). Several fits raise ``AmbiguousProduct`` (with ``options`` to offer);
    no fit raises ``UnknownProduct`` with the closest matches."""
    _require_products(products)
    if text is None or not str(text).strip():
        raise UnknownProduct(str(text or ""), [], kind="product or family")
    resolved = _resolver_of(products).resolve(str(text))
    if resolved.entity is not None:
        e = resolved.entity
        return ResolvedName(e.kind, e.code, e.label)
    if resolved.candidates:
        raise AmbiguousProduct(
            str(text),
            [f"{e.kind} {e.code} ({e.label})" if e.kind == "sku" else f"family {e.code}" for e in resolved.candidates],
            options=[{"label": e.option_label, "value": e.code} for e in resolved.candidates],
        )
    raise UnknownProduct(str(text), closest_matches(products, text), kind="product or family")


def _resolver_of(products: pd.DataFrame):
    from sop_engine.resolver import Resolver

    key = hash(tuple(map(tuple, products[["sku", "name", "family"]].astype(str).values.tolist())))
    if key not in _RESOLVERS:
        if len(_RESOLVERS) > 8:
            _RESOLVERS.clear()
        _RESOLVERS[key] = Resolver(products)
    return _RESOLVERS[key]


_RESOLVERS: dict[int, object] = {}
