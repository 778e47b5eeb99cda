"""Who a message is about: products and families found in its words, order references, people.

Products are found by matching runs of 1-5 words of the message against names built from the product
master (SKU codes, product names, families, and each item's name without its pack variant: "Oat Milk"
for "Oat Milk 1L" and "Oat Milk 250ml") with rapidfuzz, so "oat mlk" and "oat milk" both land on the
item. Several items equally close ("green" -> Green Tea, Green Juice) make an ambiguous hit that the
router turns into a question. Nothing here knows any company's names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from assistant.router.vocab import Token, tokenize
from sop_engine.periods import MONTHS

if TYPE_CHECKING:  # pandas is the caller's: importing the router stays light
    import pandas as pd

MAX_SPAN = 5
SPAN_RATIO = 86.0  # token_sort_ratio a run of words needs to count as a name
WORD_RATIO = 88.0  # ratio a single typed word needs (5+ letters) to count as a name with a typo
_REF = re.compile(r"^[a-z]{1,5}-\d{2,}$")


@dataclass(frozen=True)
class Entity:
    kind: str  # "sku" or "family"
    code: str  # SKU code, or the family
    label: str  # product name, or the family

    @property
    def canonical(self) -> str:
        return self.code if self.kind == "sku" else f"family:{self.code}"


@dataclass
class EntityHit:
    entity: Entity | None  # None when ambiguous
    candidates: list[Entity] = field(default_factory=list)
    start: int = 0  # token span [start, end)
    end: int = 0
    text: str = ""
    score: float = 0.0


def _words(text: str) -> str:
    return " ".join(t.text for t in tokenize(str(text)))


def _strip_variant(words: list[str]) -> list[str]:
    """Drop trailing pack-size words ("1l", "250ml", "18v") from a name's words."""
    out = list(words)
    while len(out) > 1 and any(c.isdigit() for c in out[-1]):
        out.pop()
    return out


class ProductIndex:
    """Names a person may type for the products of one product master, with what each name means."""

    def __init__(self, products: pd.DataFrame, reserved: frozenset[str]) -> None:
        self.reserved = reserved
        self.codes: set[str] = set()
        self.aliases: dict[
            str, list[Entity]
        ] = {}  # normalised alias -> entities (several: variants of one item)
        self.item_of: dict[str, str] = {}  # sku -> item name (normalised)
        rows = list(
            zip(
                products["sku"].astype(str),
                products["name"].astype(str),
                products["family"].astype(str),
                strict=True,
            )
        )
        names = {sku: _words(name).split() for sku, name, _ in rows}
        families = {}
        for sku, _name, family in rows:
            families.setdefault(family, []).append(sku)
        for family in families:
            fam = _words(family)
            self._add(fam, Entity("family", family, family), 0)
            last = fam.split()[-1]
            if len(last) > 3 and last.endswith("s"):  # "Teas" -> "tea", "Plant Milks" -> "plant milk"
                self._add(fam[:-1], Entity("family", family, family), 0)
        bases = self._item_bases(rows, names)
        for sku, name, _ in rows:
            entity = Entity("sku", sku, name)
            self.codes.add(sku.lower())
            self._add(_words(sku), entity, 1)
            self._add(" ".join(names[sku]), entity, 2)
            item = " ".join(_strip_variant(bases.get(sku) or names[sku]))
            self.item_of[sku] = item
            self._add(item, entity, 3)
        self._by_priority()
        # single distinctive words of item names ("almond", "wheelbarrow"), never family words
        family_words = {w for f in families for w in _words(f).split()}
        self.words: dict[str, list[str]] = {}
        for item in self.item_of.values():
            for word in set(item.split()):
                if len(word) >= 4 and word.isalpha() and word not in reserved and word not in family_words:
                    items = self.words.setdefault(word, [])
                    if item not in items:
                        items.append(item)
        self.item_first = {}
        for sku, item in self.item_of.items():
            self.item_first.setdefault(item, sku)
        self.labels = {sku: name for sku, name, _ in rows}
        self.choices = list(self.aliases)

    @staticmethod
    def _item_bases(rows, names) -> dict[str, list[str]]:
        """An item's name without its variant: the longest word prefix it shares with a sibling of its
        family whose own longest shared prefix is the same ("Oat Milk 1L" ~ "Oat Milk 250ml")."""
        longest: dict[str, tuple[int, str]] = {}
        by_family: dict[str, list[str]] = {}
        for sku, _, family in rows:
            by_family.setdefault(family, []).append(sku)
        for skus in by_family.values():
            for a in skus:
                best = (0, "")
                for b in skus:
                    if a == b:
                        continue
                    n = 0
                    for x, y in zip(names[a], names[b], strict=False):
                        if x != y:
                            break
                        n += 1
                    if n > best[0]:
                        best = (n, b)
                longest[a] = best
        bases = {}
        for sku, (n, other) in longest.items():
            if n and longest.get(other, (0, ""))[0] == n and n < len(names[sku]):
                bases[sku] = names[sku][:n]
        return bases

    def _add(self, alias: str, entity: Entity, priority: int) -> None:
        if not alias:
            return
        self._pending = getattr(self, "_pending", {})
        self._pending.setdefault(alias, []).append((priority, entity))

    def _by_priority(self) -> None:
        for alias, found in self._pending.items():
            top = min(p for p, _ in found)
            entities: list[Entity] = []
            for p, e in found:
                if p == top and e not in entities:
                    entities.append(e)
            self.aliases[alias] = entities
        del self._pending

    def is_product_code(self, word: str) -> bool:
        return word.lower() in self.codes

    def supply_refs(self, tokens: list[Token]) -> list[str]:
        """Order references (CODE-digits) that are not SKU codes: PO-1182, MO-2041."""
        return [t.raw.upper() for t in tokens if _REF.match(t.text) and t.text not in self.codes]

    def resolve_alias(self, alias: str) -> tuple[Entity | None, list[Entity]]:
        """What an alias means: one entity, or the candidates when it names several items."""
        found = self.aliases[alias]
        if len(found) == 1:
            return found[0], []
        return self._one_item(found)

    def _one_item(self, found: list[Entity]) -> tuple[Entity | None, list[Entity]]:
        skus = [e for e in found if e.kind == "sku"]
        items = {self.item_of[e.code] for e in skus}
        if len(skus) == len(found) and len(items) == 1:
            first = self.item_first[items.pop()]  # variants of one item: its first SKU (the master's order)
            return Entity("sku", first, self.labels[first]), []
        return None, found

    def find(self, tokens: list[Token], skip: set[int] = frozenset()) -> EntityHit | None:
        """The best product or family named in ``tokens`` (indices in ``skip`` excluded)."""
        words = [t.text for t in tokens]
        best: tuple[tuple, EntityHit] | None = None
        for n in range(min(MAX_SPAN, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if any(j in skip for j in range(i, i + n)):
                    continue
                hit = self._score_span(words, i, n)
                if hit is None:
                    continue
                band = 2 if hit.score >= 97 else 1 if hit.score >= 90 else 0
                key = (band, n, hit.score, -i)
                if best is None or key > best[0]:
                    best = (key, hit)
        return best[1] if best else None

    def _score_span(self, words: list[str], i: int, n: int) -> EntityHit | None:
        span = " ".join(words[i : i + n])
        edge_reserved = words[i] in self.reserved or words[i + n - 1] in self.reserved
        if span in self.aliases:
            entity, candidates = self.resolve_alias(span)
            return EntityHit(entity, candidates, i, i + n, span, 100.0)
        if any(w in MONTHS or w.isdigit() for w in (words[i], words[i + n - 1])):
            return None
        if edge_reserved:
            return None
        if n == 1:
            return self._score_word(span, i)
        found = process.extractOne(span, self.choices, scorer=fuzz.token_sort_ratio, score_cutoff=SPAN_RATIO)
        if not found:
            return None
        entity, candidates = self.resolve_alias(found[0])
        return EntityHit(entity, candidates, i, i + n, span, float(found[1]))

    def _score_word(self, word: str, i: int) -> EntityHit | None:
        if len(word) < 4 or not word.isalpha():
            return None
        score, key = 100.0, word
        if key not in self.words:
            if len(word) < 5:
                return None
            pool = list(self.words) + [a for a in self.choices if " " not in a]
            found = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=WORD_RATIO)
            if not found:
                return None
            key, score = found[0], float(found[1])
            if key in self.aliases:
                entity, candidates = self.resolve_alias(key)
                return EntityHit(entity, candidates, i, i + 1, word, score)
        items = self.words[key]
        if len(items) == 1:
            sku = self.item_first[items[0]]
            return EntityHit(Entity("sku", sku, self.labels[sku]), [], i, i + 1, word, score - 5)
        candidates = [Entity("sku", self.item_first[it], self.labels[self.item_first[it]]) for it in items]
        return EntityHit(None, candidates, i, i + 1, word, score - 5)


_CACHE: dict[tuple, ProductIndex] = {}


def product_index(products: pd.DataFrame, reserved: frozenset[str]) -> ProductIndex:
    """The index of a product master, built once per distinct master (kept for the last few)."""
    key = (
        len(products),
        tuple(products["sku"].astype(str)),
        tuple(products["name"].astype(str)),
        tuple(products["family"].astype(str)),
        reserved,
    )
    key = (hash(key),)
    if key not in _CACHE:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = ProductIndex(products, reserved)
    return _CACHE[key]


def find_owner(tokens: list[Token], cues: list[str], not_names: set[str], skip: set[int]) -> str | None:
    """A person's name: capitalised words after "for", "owned by", "assigned to" ..., or before "'s"."""
    words = [t.text for t in tokens]

    def is_name_word(k: int) -> bool:
        raw = tokens[k].raw
        base = words[k][:-2] if words[k].endswith("'s") else words[k]
        return (
            k not in skip
            and raw[:1].isupper()
            and base.replace("-", "").isalpha()
            and base not in not_names
            and base not in MONTHS
        )

    for cue in sorted(cues, key=lambda c: -len(c.split())):
        parts = cue.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            j = i + len(parts)
            name = []
            while j < len(tokens) and is_name_word(j) and len(name) < 3:
                name.append(tokens[j].raw.removesuffix("'s"))
                if tokens[j].raw.endswith("'s"):
                    break
                j += 1
            if name:
                return " ".join(name)
    for k, t in enumerate(tokens):
        if t.raw.endswith("'s") and is_name_word(k):
            first = (
                tokens[k - 1].raw
                if k > 0 and is_name_word(k - 1) and not tokens[k - 1].raw.endswith("'s")
                else ""
            )
            return (first + " " if first else "") + t.raw[:-2]
    return None
