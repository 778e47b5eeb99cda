"""The one resolver: what a name typed by a person means, built from the loaded data only.

It knows the products (SKU codes, names, each item's name without its pack variant), the families, the
resources of ``capacity.csv``/``routing.csv``, the plants, every order reference of ``supply.csv`` whatever
its shape (``4500012345``, ``PO/2026/001``), and the owners of the meeting notes' action items (also by
first name or in lower case). Matching is on folded text (``sop_engine.text.fold``: case-, accent- and
``đ``-insensitive), exact first, then typo-tolerant with rapidfuzz.

It never merges products that share words: a name that fits several SKUs — different products, or the
variants of one item ("oat milk" with a 1 L and a 250 ml) — is ambiguous, unless the SKUs it fits are the
whole of one family, or a pack size typed next to it ("the 500 one") picks exactly one variant. Callers turn
an ambiguous or unknown name into a question back, never into a guess. Nothing here knows any company.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sop_engine.text import Token, fold, fold_words, has_diacritics, tokenize

MAX_SPAN = 8  # words of a name: Vietnamese names spell one syllable a word ("Cà phê sữa đá lon 235ml")
SPAN_RATIO = 86.0  # token_sort_ratio a run of words needs to count as a name
EDGE_RATIO = 60.0  # fuzz.ratio the first and last word of such a run need with a word of the name
EDGE_LOOSE = 75.0  # ... and an edge word no name holds needs, unless it is the start of one ("choc")
WORD_RATIO = 88.0  # ratio a single typed word (5+ letters) needs to count as a name with a typo
NAME_ACCEPT = 90.0  # a typed argument (not a message) fuzzy-matching one entity at least this well is taken
CLOSEST = 5
CLOSEST_SCAN = 2_000  # names ``closest`` scores one by one; beyond, only those sharing a word with the text
CLOSEST_WORD = 75.0  # fuzz.ratio a word of the text needs with a word of a name to count as shared (a typo)
# Pack-size words that may follow a number at the end of a name ("500 ml", "1 lít", "20 bags").
UNIT_WORDS = frozenset(
    "ml l lit litre liter litres liters g gr kg oz lb lbs cl pack pk pcs pc bags bag cans can goi hop chai lon tui "
    "thung vien cai".split()
)
# Pack types that may end a name after its size is gone ("Nước giặt Em Bé túi 2 L" -> "nước giặt em bé").
_PACK_WORDS = frozenset(
    "tui can goi hop chai lon thung bich lo vi bag bottle jar tin tub pouch box keg cask case crate carton sachet "
    "cup tube pack bucket drum sack".split()
)
PACK_WORDS = _PACK_WORDS  # the pack types, for the router ("Stage 3 tins": what is counted, no name)
_DIMENSION = re.compile(r"^\d+x\d+(?:x\d+)?(?:cm|mm|m)?$")  # "80x200", "160x230": a size of two sides
_NOT_JOINING = UNIT_WORDS | _PACK_WORDS | {"bao"}  # a pack a name holds ("Urê ... bao 50 kg"), no joining word
_LETTER_SIZES = frozenset("xxs xs s m l xl xxl xxxl small medium large".split())  # the last word of a name
_SIZE = re.compile(r"^\d+(?:[.,]\d+)?(?:ml|l|g|gr|kg|oz|lb|cl|pk|pcs|ah|v|in|cm|mm|m)$")  # "250g", "1l", "60ah"
_TIME_WORDS = frozenset("day days week weeks month months wk wks ngay tuan thang percent pct phan".split())
_CODE_WORD = re.compile(r"^(?=.*[a-z])(?=.*\d)[a-z0-9]{2,}(?:/[a-z0-9]+)*$")  # letters and digits: "g7", "3in1",
# "ep630/4"
_GRADE_WORD = re.compile(r"^\d+(?:[./]\d+)*(?:-\d+)+$|^\d+/\d+$")  # numbers joined by hyphens or a slash, a word of
# a name: "20-20-15", "18-46", a size code ("80/90-14", "2.50-17", "2.50/2.75-17" of tyres), a count size ("16/20")
_CONTAINER = re.compile(r"^[a-z]{3,4}\d{6,7}$")  # a container or bill number, "MSKU7204518": letters, then many digits
_LOOKS_LIKE_REF = re.compile(r"^(?=.*\d)[a-z]{1,6}[-/]?[a-z0-9]*[-/]?\d{2,}[a-z0-9/-]*$")



def joining_word(resolver: Resolver, word: str) -> bool:
    """A short joining word that only ever stands inside names ("Chest of 3 Drawers", "set of 4"), never
    at their start: "short of X", "sales of X" read "of" as the sentence's, not as a word of the name."""
    if len(word) > 3 or not word.isalpha() or word not in resolver.reserved or word in _NOT_JOINING:
        return False
    return word not in resolver.name_openings() and any(word in ws[1:] for ws in resolver.name_words.values())


@dataclass(frozen=True)
class Entity:
    kind: str  # "sku", "family", "resource", "plant", "order", "owner"
    code: str  # the SKU, family, resource, plant, order ref or owner exactly as in the data
    label: str  # the product name, or the code again

    @property
    def canonical(self) -> str:
        return self.code if self.kind == "sku" else f"{self.kind}:{self.code}"

    @property
    def option_label(self) -> str:
        if self.kind == "sku" and self.label != self.code:
            return f"{self.label} ({self.code})"
        return self.code if self.kind != "family" else f"{self.code} (family)"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "code": self.code, "label": self.label}


@dataclass
class Mention:
    """A name found in a message (token span [start, end)): one entity, or the candidates it fits."""

    entity: Entity | None
    candidates: list[Entity] = field(default_factory=list)
    start: int = 0
    end: int = 0
    text: str = ""
    score: float = 0.0

    @property
    def ambiguous(self) -> bool:
        return self.entity is None


@dataclass
class Resolution:
    """What a typed argument means: ``entity``, else ``candidates`` (ambiguous) or ``closest`` (unknown)."""

    text: str
    entity: Entity | None = None
    candidates: list[Entity] = field(default_factory=list)
    closest: list[Entity] = field(default_factory=list)


_ORDER_WORDS = frozenset({"po", "wo", "pr", "so", "lsx"})  # a word before a number that makes it an order's


def ref_key(text: str) -> str:
    """An order reference without case, accents and separators: ``PO-1182`` = ``po 1182`` = ``PO/1182`` =
    ``PO#1182``."""
    return re.sub(r"[\s\-/._#]", "", fold(text))


_norm_ref = ref_key


_SIZE_LIKE = re.compile(r"^\d+(?:[.,]\d+)?(?:[x×]\d+\w*|-?(?:pack|pk|pcs|pc|goi|cai|bags?|cans?|pack)s?|[a-z]{0,3})$")


def _is_size(word: str) -> bool:
    """A pack size or count ("1l", "250ml", "1.5l", "6-pack", "6x330ml", "18v", "2"), not a code-like word of
    the name itself ("g7", "3in1")."""
    return bool(_SIZE_LIKE.match(word))


def _strip_variant(words: list[str]) -> list[str]:
    """Drop the trailing pack-size words of a name ("1l", "250ml", "500 ml", "20 bags")."""
    out = list(words)
    while len(out) > 1:
        last = out[-1]
        if _is_size(last):
            out.pop()
        elif last in UNIT_WORDS and len(out) > 2 and out[-2][:1].isdigit():  # not "D3 chai": a name's code word
            out.pop()
            out.pop()
        elif last in _PACK_WORDS and len(out) > 2 and _is_size(out[-2]):  # "500ml bottle", "30l keg"
            out.pop()
        elif last in _LETTER_SIZES and len(out) > 2:  # "Brewery T-Shirt M"
            out.pop()
        elif last in ("x", "\u00d7") and len(out) < len(words) and len(out) > 3 and out[-2] in _PACK_WORDS \
                and out[-3].isdigit():  # "hộp 10 vỉ x 10 viên": packs of counts, joined by "x"
            out[-3:] = []
        else:
            break
    if len(out) > 2 and out[-1] in _PACK_WORDS and len(out) < len(words):
        out.pop()
    return out


def _item_bases(rows: list[tuple[str, str, str]], names: dict[str, list[str]]) -> dict[str, list[str]]:
    """An item's name without its variant: the longest word prefix it shares with a sibling of its family
    whose own longest shared prefix is the same ("Oat Milk 1L" ~ "Oat Milk 250ml" -> "oat milk"). Siblings
    are compared in sorted order (the longest shared prefix is always with a neighbour): n log n."""
    by_family: dict[str, list[str]] = {}
    for sku, _, family in rows:
        by_family.setdefault(family, []).append(sku)

    def shared(a: str, b: str) -> int:
        n = 0
        for x, y in zip(names[a], names[b], strict=False):
            if x != y:
                break
            n += 1
        return n

    longest: dict[str, tuple[int, str]] = {}
    for skus in by_family.values():
        ordered = sorted(skus, key=lambda k: names[k])
        for i, a in enumerate(ordered):
            best = (0, "")
            for j in (i - 1, i + 1):
                if 0 <= j < len(ordered):
                    n = shared(a, ordered[j])
                    if n > best[0]:
                        best = (n, ordered[j])
            longest[a] = best
    bases = {}
    for sku, (n, other) in longest.items():
        # the shared prefix is the item only if what follows it is the variant (sizes, pack words)
        rest = names[sku][n:]
        if n and longest.get(other, (0, ""))[0] == n and n < len(names[sku]) and _strip_variant(
                ["x", *rest]) == ["x"]:
            bases[sku] = names[sku][:n]
    return bases


def singular(word: str) -> str:
    """An English plural read as singular ("pads" -> "pad", "batteries" -> "battery"); other words as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):  # "glasses", "boxes", "brushes"
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_AMPERSAND_WORDS = frozenset({"and", "va"})  # "and", "và" typed for the "&" of a name


def _count_word(word: str) -> str:
    """A count said in the plural as its number ("24s" -> "24"); other words as they are."""
    return word[:-1] if len(word) > 1 and word.endswith("s") and word[:-1].isdigit() else word


def holds_run(words: list[str], run: list[str]) -> bool:
    """True when ``run`` is a contiguous run of ``words`` ("extruder 1" in "kibble extruder 1")."""
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _digits(words: Iterable[str]) -> set[str]:
    return {m for w in words for m in re.findall(r"\d+(?:[.,]\d+)?", w)}


class Resolver:
    """Names a person may type for one company's data, with what each name means."""

    def __init__(
        self,
        products,
        refs: Iterable[str] = (),
        resources: Iterable[str] = (),
        plants: Iterable[str] = (),
        owners: Iterable[str] = (),
        reserved: frozenset[str] = frozenset(),
        drivers: Iterable[str] = (),
        orders_of: dict[str, list[str]] | None = None,
    ) -> None:
        self.reserved = frozenset(fold(w) for w in reserved)
        self.orders_of = dict(orders_of or {})  # SKU -> the refs of its orders in supply.csv
        # demand drivers named in the data (drivers.csv, the price column): folded words -> the name
        self.drivers = {tuple(fold_words(str(d).replace("_", " ")).split()): str(d) for d in dict.fromkeys(drivers)}
        rows = []
        if products is not None and len(products):
            rows = list(
                zip(
                    products["sku"].astype(str),
                    products["name"].astype(str),
                    products["family"].astype(str),
                    strict=True,
                )
            )
        self.labels = {sku: name for sku, name, _ in rows}
        self.sku_entity = {sku: Entity("sku", sku, name) for sku, name, _ in rows}
        self.family_of = {sku: family for sku, _, family in rows}
        self.family_skus: dict[str, list[str]] = {}
        for sku, _, family in rows:
            self.family_skus.setdefault(family, []).append(sku)
        self.codes = {fold(sku): sku for sku, _, _ in rows}
        tokens = {sku: tokenize(name) for sku, name, _ in rows}
        # words joined by "&" in a name ("Twin & Earth"): typed with "and" between them, the "and" is the "&"
        self.ampersand_pairs = {(fold_words(a), fold_words(b)) for _, name, _ in rows
                                for a, b in re.findall(r"(\w+)\s*&\s*(\w+)", str(name))}
        names = {sku: [t.text for t in tokens[sku]] for sku in tokens}
        self.name_words = names  # sku -> the folded words of its whole name
        self.variant_digits = {sku: _digits(names[sku][len(_strip_variant(names[sku])):]) for sku in names}
        pending: dict[str, list[tuple[int, Entity]]] = {}

        def add(alias: str, entity: Entity, priority: int) -> None:
            if alias:
                pending.setdefault(alias, []).append((priority, entity))

        for family in self.family_skus:
            entity = Entity("family", family, family)
            fam = fold_words(family)
            add(fam, entity, 0)
            last = fam.split()[-1] if fam else ""
            if len(last) > 3 and last.endswith("s"):  # "Teas" -> "tea", "Plant Milks" -> "plant milk"
                add(fam[:-1], entity, 0)
        self.item_of: dict[str, str] = {}
        bases = _item_bases(rows, names)
        for sku, name, _ in rows:
            entity = Entity("sku", sku, name)
            add(fold_words(sku), entity, 1)
            compact = _compact_code(fold_words(sku))
            if compact:  # "qt1655" for QT-1655: a code typed without its hyphen
                add(compact, entity, 1)
            add(" ".join(names[sku]), entity, 2)
            item = " ".join(bases.get(sku) or _strip_variant(names[sku]))
            self.item_of[sku] = item
            add(item, entity, 3)
        # "kẹo gừng" when there are "Kẹo gừng 200g" and "Kẹo gừng không đường 200g": the bare item name of one
        # (its name less the pack size) begins the item name of another, so it fits both
        skus_of_item: dict[str, list[str]] = {}
        for sku, item in self.item_of.items():
            skus_of_item.setdefault(item, []).append(sku)
        items = sorted(skus_of_item)
        for sku, _, _ in rows:
            item = self.item_of[sku]
            if item == " ".join(names[sku]):
                continue  # the item is the whole name: "Hộp quà An Khang" names that one product
            at = bisect.bisect_right(items, item + " ")
            while at < len(items) and items[at].startswith(item + " "):
                for other in skus_of_item[items[at]]:
                    add(item, self.sku_entity[other], 3)
                at += 1
        self.aliases: dict[str, list[Entity]] = {}
        for alias, found in pending.items():
            top = min(p for p, _ in found)
            entities: list[Entity] = []
            for p, e in found:
                if p == top and e not in entities:
                    entities.append(e)
            self.aliases[alias] = entities
        self.choices = list(self.aliases)
        self.alias_words: dict[str, list[str]] = {}  # word -> the aliases holding it (fuzzy candidates)
        for alias in self.choices:
            for word in set(alias.split()):
                self.alias_words.setdefault(word, []).append(alias)
        # single distinctive words of item names ("almond", "hibiscus"), never family words
        family_words = {w for f in self.family_skus for w in fold_words(f).split()}
        # a word of a family's name is true of every product of the family, its name holding the word or not
        # ("the DN50 4 kW pumps": the Centrifugal Pumps rated so, not only the one whose name says "Pump")
        self.family_word_skus: dict[str, set[str]] = {}
        for family, members in self.family_skus.items():
            for word in fold_words(family).split():
                for form in {word, singular(word)}:
                    self.family_word_skus.setdefault(form, set()).update(members)
        self.family_heads = self._family_heads()  # "fans" alone: the family "Quạt điện" whose names say "quạt"
        self.words: dict[str, list[str]] = {}  # word -> SKUs whose item name holds it
        self.phrases: dict[str, list[str]] = {}  # runs of 2-4 words of item names -> SKUs (exact matches only)
        self.capitalised_starts: dict[str, list[str]] = {}  # the same, of everyday words only, opening a name
        self.capitalised_inside: dict[str, list[str]] = {}  # and inside one (a brand: "Xe đạp điện Sao Mai S2")
        self.any_word: dict[str, list[str]] = {}  # every word of item names -> SKUs (typed arguments only)
        # every word of whole names, variant words and sizes included ("lon", "hộp giấy", "200g"), and two
        # words typed as one ("phomai"): a run of them names the SKUs holding them all
        self.bag: dict[str, list[str]] = {}
        self.written_forms: dict[str, set[str]] = {}  # a folded word -> its spellings in names ("dau": dâu, đậu)
        self.acronyms: set[str] = set()  # short words the names write in capitals ("DAP", "NPK")
        for typed in tokens.values():
            for t in typed:
                self.written_forms.setdefault(t.text, set()).add(t.raw.lower())
                if t.raw.isalpha() and t.raw.isupper() and 2 <= len(t.raw) <= 5:
                    self.acronyms.add(t.text)
        for sku, parts in names.items():
            halves = {h for w in parts if "/" in w for h in w.split("/") if len(h) >= 2}  # "Carbon/SiC": carbon
            for word in {*parts, *halves, *(singular(w) for w in parts),
                         *(a + b for a, b in zip(parts, parts[1:], strict=False)
                           if (a + b).isalpha() and len(b) > 1)}:  # "jacket s" typed "jackets" is a plural
                self.bag.setdefault(word, []).append(sku)
        self._widen_item_aliases(names)
        for sku, item in self.item_of.items():
            for word in set(item.split()) | {singular(w) for w in item.split()}:
                self.any_word.setdefault(word, []).append(sku)
            for word in {*item.split(), *filter(None, map(_compact_code, item.split()))}:  # "qb1230": QB-1230
                distinctive = (len(word) >= 4 and word.isalpha()) or bool(
                    _CODE_WORD.match(word) and not _SIZE.match(word)) or bool(_GRADE_WORD.match(word))
                if distinctive and word not in self.reserved and word not in family_words:
                    self.words.setdefault(word, []).append(sku)
            parts = item.split()
            for n in range(2, min(4, len(parts)) + 1):
                for i in range(len(parts) - n + 1):
                    run = parts[i : i + n]
                    phrase = " ".join(run)
                    if phrase in self.aliases:
                        continue
                    if all(w in self.reserved for w in run):  # everyday words: a name only when capitalised
                        if i == 0:  # and opening the name ("the Short Hop")
                            self.capitalised_starts.setdefault(phrase, []).append(sku)
                        elif all(w.isalpha() for w in run):  # or inside it, typed in capitals ("… Sao Mai S2")
                            self.capitalised_inside.setdefault(phrase, []).append(sku)
                        continue
                    skus = self.phrases.setdefault(phrase, [])
                    if sku not in skus:
                        skus.append(sku)
        self._word_pool = list(dict.fromkeys([*self.words, *(a for a in self.choices if " " not in a)]))
        self.opening_words: dict[str, list[str]] = {}  # an everyday word opening names ("Total …") -> SKUs
        for sku, parts in names.items():
            if parts and parts[0] in self.reserved and parts[0].isalpha():
                self.opening_words.setdefault(parts[0], []).append(sku)
        self.sizes: dict[str, list[str]] = {}  # a pack size as written in names ("250g") -> SKUs
        for sku, parts in names.items():
            for k, word in enumerate(parts):
                size = word if _SIZE.match(word) else (
                    word + parts[k + 1] if k + 1 < len(parts) and word.replace(",", "").replace(".", "").isdigit()
                    and _SIZE.match(word + parts[k + 1]) else None)
                if size and sku not in self.sizes.get(size, []):
                    self.sizes.setdefault(size, []).append(sku)
        self.refs = {_norm_ref(r): str(r) for r in refs if str(r).strip()}
        self.resources = {fold_words(r): str(r) for r in resources if str(r).strip()}
        # a name written with other spacing or hyphens ("pack out bay", "packout bay" for "Pack-out Bay";
        # "pack-cell" for "Pack Cell")
        self.resource_spellings = dict(self.resources)
        for key, name in self.resources.items():
            for variant in (key.replace("-", " "), key.replace("-", ""), key.replace(" ", "-")):
                self.resource_spellings.setdefault(variant, name)
        self.resource_written: dict[str, set[str]] = {}  # a folded word of resource names -> its spellings
        for r in resources:
            for t in tokenize(str(r)):
                self.resource_written.setdefault(t.text, set()).add(t.raw.lower())
        self.resource_acronyms = {fold(w) for r in resources for w in str(r).split() if len(w) >= 2
                                  and w.isalpha() and w.isupper()}
        self.plants = {fold_words(p): str(p) for p in plants if str(p).strip()}
        # words of the places and partners of the data (plants, stock locations, suppliers): no unknown name
        self.place_words = {w for p in self.plants for w in p.split() if w.isalpha() and w not in self.reserved}
        self.owners: dict[str, str] = {}  # folded full name or first name -> owner as written
        self.owner_written: dict[str, str] = {}  # the same keys -> the name or part as written, lower case
        first_names: dict[str, set[str]] = {}
        for owner in owners:
            owner = str(owner).strip()
            if not owner:
                continue
            parts = tokenize(owner)
            folded = " ".join(t.text for t in parts)
            if folded not in self.owners or has_diacritics(owner):  # "Nguyễn Thanh Long" over "Nguyen Thanh Long"
                self.owners[folded] = owner
            self.owner_written[folded] = " ".join(t.raw.lower() for t in parts)
            for part in (parts[0], parts[-1]) if len(parts) > 2 else parts:  # "Le Minh Khoi": Khoi or Le, no Minh
                first_names.setdefault(part.text, set()).add(owner)
                self.owner_written.setdefault(part.text, part.raw.lower())
            if len(parts) > 2:  # "Quỳnh Trang" of "Đỗ Quỳnh Trang": the given name with the one before it
                tail = f"{parts[-2].text} {parts[-1].text}"
                first_names.setdefault(tail, set()).add(owner)
                self.owner_written.setdefault(tail, f"{parts[-2].raw.lower()} {parts[-1].raw.lower()}")
        self.shared_names: dict[str, list[str]] = {}  # a first or last name several people have -> them
        for part, who in first_names.items():  # one person, even written with and without marks in the notes
            if len({fold_words(o) for o in who}) == 1 and part not in self.owners and len(part) >= 2:
                self.owners[part] = self.owners.get(fold_words(next(iter(who))), next(iter(who)))
            elif len({fold_words(o) for o in who}) > 1 and " " not in part:
                self.shared_names[part] = sorted({self.owners.get(fold_words(o), o) for o in who})

    def _widen_item_aliases(self, names: dict[str, list[str]]) -> None:
        """"Sóng Biển" when the Sóng Biển 0.0 cans (a family of their own) and the "Bia Sóng Biển" beers of
        other families all hold it: an item's name that other families' names hold too fits all of them, no
        whole family; so does an item's name less its variant that a name of its own family holds after other
        words ("Bromhexin" of "Bromhexin 8mg …" and "Siro Bromhexin"; not "Xích 428H-120L", a whole name)."""
        for alias, entities in self.aliases.items():
            skus = {e.code for e in entities if e.kind == "sku"}
            if not skus or len(skus) != len(entities) or self.item_of.get(next(iter(skus))) != alias:
                continue
            run = alias.split()
            holding = set.intersection(*(set(self.bag.get(w, ())) for w in run)) - skus
            families = {self.family_of[s] for s in skus}
            whole = any(names[s] == run for s in skus)  # "Xích 428H-120L" is that product's whole name
            others = [s for s in holding if holds_run(names[s], run) and (
                self.family_of[s] not in families or not whole and names[s][:len(run)] != run)]  # "Siro Bromhexin"
            if others:
                entities.extend(self.sku_entity[s] for s in sorted(others))

    # --- settling what a set of SKUs means ------------------------------------------------------------

    def settle(self, found: Sequence[Entity], near: Iterable[str] = ()) -> tuple[Entity | None, list[Entity]]:
        """One entity for ``found``, or (None, candidates): several SKUs are one only when they are a whole
        family, or when a pack size in ``near`` (words typed next to the name) picks exactly one of them."""
        found = list(dict.fromkeys(found)) if len(found) < 64 else list({e.code: e for e in found}.values())
        sized = _digits(w for w in near if _SIZE.match(w))
        if len(found) == 1 and found[0].kind == "family" and sized:  # "Potting Mix 25kg": its 25 kg SKUs
            members = self.family_skus.get(found[0].code, [])
            picked = [self.sku_entity[s] for s in members if self.variant_digits.get(s, set()) & sized]
            if len(picked) == 1:
                return picked[0], []
            if 1 < len(picked) < len(members):
                return None, picked
        if len(found) == 1:
            return found[0], []
        skus = [e for e in found if e.kind == "sku"]
        if len(skus) == len(found):
            digits = _digits(near)
            if digits:  # a pack size typed with the name picks one ("the 250 ml one", "loại 1L")
                picked = [e for e in skus if self.variant_digits.get(e.code, set()) & digits]
                plain = {w for w in near if w.isdigit()}
                if not picked and plain:  # a number inside the names that tells them apart ("A4 70" of "A4 70gsm")
                    common = set.intersection(*(_digits(self.name_words[e.code]) for e in skus))
                    picked = [e for e in skus if (_digits(self.name_words[e.code]) - common) & plain]
                if len(picked) == 1:
                    return picked[0], []
            families = {self.family_of[e.code] for e in skus}
            if len(families) == 1:
                family = families.pop()
                if len(skus) == len(self.family_skus[family]) and len(skus) > 1:
                    return Entity("family", family, family), []
        return None, found

    def _alias(self, alias: str, near: Iterable[str]) -> tuple[Entity | None, list[Entity]]:
        return self.settle(self.aliases[alias], near)

    # --- names inside a message -----------------------------------------------------------------------

    def find(self, tokens: list[Token], skip: set[int] = frozenset(), months: frozenset[str] = frozenset()
             ) -> Mention | None:
        """The best product or family named in ``tokens`` (positions in ``skip`` excluded)."""
        ands = {i for i in range(1, len(tokens) - 1) if tokens[i].text in _AMPERSAND_WORDS and i not in skip
                and (tokens[i - 1].text, tokens[i + 1].text) in self.ampersand_pairs}
        if not ands:
            return self._find(tokens, skip, months)
        keep = [i for i in range(len(tokens)) if i not in ands]  # "twin and earth" read as "Twin & Earth"
        hit = self._find([tokens[i] for i in keep], {k for k, i in enumerate(keep) if i in skip}, months)
        if hit is None:
            return None
        return Mention(hit.entity, hit.candidates, keep[hit.start], keep[hit.end - 1] + 1, hit.text, hit.score)

    def _find(self, tokens: list[Token], skip: set[int], months: frozenset[str]) -> Mention | None:
        words = [t.text for t in tokens]
        raws = [t.raw for t in tokens]
        best: tuple[tuple, Mention] | None = None
        for n in range(min(self._longest_alias(), len(words)), MAX_SPAN, -1):  # a long name typed whole
            for i in range(len(words) - n + 1):  # ("… in Olive Oil 120 g, pack of 3"): its exact words only
                span = " ".join(words[i:i + n])
                if span in self.aliases and not any(j in skip for j in range(i, i + n)):
                    entity, candidates = self._alias(span, self._near(words, i, n, skip))
                    return Mention(entity, candidates, i, i + n, span, 100.0)
        for n in range(min(MAX_SPAN, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if any(j in skip for j in range(i, i + n)):
                    continue
                hit = self._score_span(words, i, n, skip, months, raws)
                if hit is None:
                    continue
                key = (hit.score >= 90, n, hit.score, -i)  # the longest good name: "sữa tắm trà xah" > "sữa tắm"
                if best is None or key > best[0]:
                    best = (key, hit)
        if best is None:  # no name, but a pack size some names carry ("fcst 250g dec"): which of them?
            for i, word in enumerate(words):
                if i not in skip and word in self.sizes:
                    entity, candidates = self.settle([self.sku_entity[s] for s in self.sizes[word]])
                    return Mention(entity, candidates, i, i + 1, word, 90.0)
            for i, word in enumerate(words):  # "is 551 going to run short?": a product number of some names
                holders = list(dict.fromkeys(self.bag.get(word, ()))) if word.isdigit() and len(word) >= 3 else []
                theirs = {w for s in holders for w in self.name_words.get(s, ())}
                beside = [words[j] for j in (i - 1, i + 1) if 0 <= j < len(words) and j not in skip]
                if i not in skip and 1 <= len(holders) <= 8 and all(  # no other name typed beside it ("Vitamin E
                        w in self.reserved and w not in UNIT_WORDS | _TIME_WORDS or w in theirs for w in beside):
                    # 400 IU": a product the data lacks; "551 units": a quantity)
                    entity, candidates = self.settle([self.sku_entity[s] for s in holders])
                    return Mention(entity, candidates, i, i + 1, word, 90.0)
        return self._by_family_typed(best[1], words) if best else None

    def _longest_alias(self) -> int:
        """The most words any name or alias has (built once)."""
        cached = self.__dict__.get("_longest")
        if cached is None:
            cached = self.__dict__["_longest"] = max((len(a.split()) for a in self.aliases), default=0)
        return cached

    def _by_family_typed(self, hit: Mention, words: list[str]) -> Mention:
        """Of the SKUs a name fits, the only one whose family's whole name is typed in it ("dau goi bo ket
        650ml": of the shampoo family, not the one of "Dầu gội xả", whose "xả" is not typed)."""
        if hit.entity is not None or not hit.candidates or any(e.kind != "sku" for e in hit.candidates):
            return hit
        typed = words[hit.start:hit.end]
        kept = [e for e in hit.candidates if holds_run(typed, fold_words(self.family_of[e.code]).split())]
        if len(kept) == 1 and len({self.family_of[e.code] for e in hit.candidates}) > 1 \
                and _other_families_typed_in_part(self, typed, hit.candidates, kept):
            return Mention(kept[0], [], hit.start, hit.end, hit.text, hit.score)
        return hit

    def _near(self, words: list[str], i: int, n: int, skip: set[int]) -> list[str]:
        """The words typed next to a name that may be its pack size: not a percentage ("+30%") and not an
        amount of time ("2 tuần", "3 weeks")."""
        around = [j for j in (i - 2, i - 1, i + n, i + n + 1) if 0 <= j < len(words) and j not in skip]
        return [words[j] for j in around
                if "%" not in words[j]
                and not (words[j].isdigit() and j + 1 < len(words) and words[j + 1] in _TIME_WORDS
                         and int(words[j]) < (37 if words[j + 1] in ("thang", "month", "months") else 100))]
        # "400 tháng trước", "A4 70 tháng tới": a pack size, no amount of time (no count runs past 36 months)

    def _score_span(self, words: list[str], i: int, n: int, skip: set[int], months: frozenset[str],
                    raw: list[str] | None = None) -> Mention | None:
        span = " ".join(words[i : i + n])
        near = self._near(words, i, n, skip)
        if span in self.aliases:
            entity, candidates = self._alias(span, near)
            return Mention(entity, candidates, i, i + n, span, 100.0)
        if span in self.phrases and raw and any(  # "ngân sách tháng 12 đạt bao": "đạt" is no "Đất" of "Đất bao"
                has_diacritics(t) and t.lower() not in self.written_forms.get(w, {t.lower()})
                for w, t in zip(words[i:i + n], raw[i:i + n], strict=True)):
            return None
        if span in self.phrases:  # a run of words of item names ("nước xả vải", "hoa anh đào")
            skus = self._also_spelled_otherwise(words[i : i + n], raw[i : i + n] if raw else None, self.phrases[span])
            apart = self._holding_all(words[i : i + n]) or []
            families = {self.family_of.get(x) for x in skus}
            if set(apart) > set(skus) and {self.family_of.get(x) for x in apart} - families:
                skus = apart  # "z grzybami": Uszka z grzybami, and Pierogi z kapustą i grzybami of another family
            entity, candidates = self.settle([self.sku_entity[s] for s in skus], near)
            return Mention(entity, candidates, i, i + n, span, 98.0)
        if span in self.capitalised_starts and raw and (all(w[:1].isupper() for w in raw[i : i + n]) or all(
                has_diacritics(w) and w.lower() in self.written_forms.get(k, ()) for w, k in zip(
                    raw[i : i + n], words[i : i + n], strict=True))):  # or with the marks of the name: "hộp quà"
            entity, candidates = self.settle([self.sku_entity[s] for s in self.capitalised_starts[span]], near)
            return Mention(entity, candidates, i, i + n, span, 97.0)
        if span in self.capitalised_inside and raw and all(w[:1].isupper() for w in raw[i : i + n]):
            entity, candidates = self.settle([self.sku_entity[s] for s in self.capitalised_inside[span]], near)
            return Mention(entity, candidates, i, i + n, span, 97.0)
        pair = words[i : i + n]
        in_a_name = " ".join(pair) in self.phrases or " ".join(singular(w) for w in pair) in self.phrases
        if n == 2 and not in_a_name and any(a in self.reserved and b in self.aliases for a, b in (pair, pair[::-1])):
            return None  # "the Paint forecast": the family Paint and a cue, not a name holding both words
        if n == 2 and not in_a_name and raw and any(
                w in self.reserved and has_diacritics(t) and t.lower() not in self.written_forms.get(w, {t.lower()})
                for w, t in zip(pair, raw[i:i + n], strict=True)):
            return None  # "Vàng có việc gì": "có" (has) is written otherwise than the "cơ" of "Hữu cơ"
        def opening(j: int) -> bool:  # a stopword or cue that opens names, typed with their marks ("Sổ tay")
            return bool(raw) and has_diacritics(raw[j]) and raw[j].lower() in self.written_forms.get(words[j], ()) \
                and words[j] in self.name_openings()

        def inside(j: int) -> bool:  # everyday words typed in capitals that a name holds inside ("Bền Bỉ 10W-40")
            return bool(raw) and " ".join(words[j:j + 2]) in self.capitalised_inside \
                and all(w[:1].isupper() for w in raw[j:j + 2])

        subset = self._holding_all(words[i : i + n]) if n == 2 or (
            2 < n <= 6 and (words[i] not in self.reserved or opening(i) or inside(i))
            and (words[i + n - 1] not in self.reserved or words[i + n - 1] in _PACK_WORDS)  # "… 500mg hộp"
        ) or self._family_then_word(words[i : i + n]) else None
        if subset and n >= 2 and joining_word(self, words[i]) and not inside(i):
            subset = None
        if not subset and raw and 2 <= n <= 3 and words[i] in self.acronyms and raw[i].isupper() \
                and all(_is_size(w) or w in UNIT_WORDS or _count_word(w).isdigit() for w in words[i + 1:i + n]):
            # "DAP 25kg": the acronym of names and a size of one; "the NB 24s": and a pack count
            subset = self._acronym_sized([words[i], *map(_count_word, words[i + 1:i + n])])
        if subset:  # words of one item in another order or plural ("front pads" -> Brake Pad Set Front)
            entity, candidates = self.settle([self.sku_entity[s] for s in subset], near)
            return Mention(entity, candidates, i, i + n, span, 96.0)
        if n == 2 and pair[0].isalpha() and pair[1].isdigit() and (pair[0] not in self.reserved or (
                raw and has_diacritics(raw[i]) and raw[i].lower() in self.written_forms.get(pair[0], ()))):
            # "Gen 3", and "Số 7" (an everyday word typed with the marks of the name)
            numbered = [s for s in self.bag.get(pair[0], []) if holds_run(self.name_words[s], pair)]
            if numbered:  # "Gen 3": the names holding the word and its number together
                entity, candidates = self.settle([self.sku_entity[s] for s in dict.fromkeys(numbered)])
                return Mention(entity, candidates, i, i + n, span, 96.0)
        cut = self._cut_short(words[i:i + n]) if 2 <= n <= 3 else None
        if cut:  # "Cab Sauv": the words of names cut short, in their order
            entity, candidates = self.settle([self.sku_entity[s] for s in cut], near)
            return Mention(entity, candidates, i, i + n, span, 95.0)
        edges = (words[i], words[i + n - 1])
        if any(w in months or w.isdigit() or w in self.reserved for w in edges):
            return None
        if n == 1 and raw and has_diacritics(raw[i]) \
                and raw[i].lower() not in self.written_forms.get(span, {raw[i].lower()}):
            return None  # "ngân sách" (budget) is no slip of "Sạch": written with marks no name has
        if n == 1:
            return self._score_word(span, i, near) or self._acronym(span, i, near, raw) \
                or self._family_head(span, i, near) or self._short_opening(span, i, near, raw)
        if _joins_two_names(self, words[i : i + n]):
            return None  # "Zolo 5kg hay Quibo 5kg": "or" joins two names, no near spelling of one
        pool = {a for w in words[i : i + n] for a in self.alias_words.get(w, ())}  # aliases sharing a word
        if not pool:
            return None
        ranked = process.extract(span, list(pool), scorer=fuzz.token_sort_ratio, score_cutoff=SPAN_RATIO, limit=None)
        if not ranked:
            return None
        best = max(score for _, score, _ in ranked)
        tied = [a for a, score, _ in ranked if score == best]
        typed = set(words[i : i + n])
        found = min(tied, key=lambda a: (self._untyped_words(a, typed), a)), best
        # names equally near: the one whose words left untyped say least ("song bien lon 330ml thung 24 lon"
        # is the "Bia Sóng Biển …" one, untyped its family's word, not the "Sóng Biển 0.0 …" one)
        alias_words = found[0].split()
        if any(max(fuzz.ratio(w, a) for a in alias_words) < EDGE_RATIO for w in edges):
            return None  # "summit pro tent 2-person run": a word at an edge that is no word of the name
        if any(w not in self.alias_words and max(fuzz.ratio(w, a) for a in alias_words) < EDGE_LOOSE
               and not any(a.startswith(w) for a in alias_words if len(w) >= 3) for w in edges):
            return None  # "the Breakfast Blend run short": "run" is no word of any name, nor a slip or a cut of one
        if _digits(words[i : i + n]) - _digits(alias_words):
            return None  # "Series 9" is not "Series 8": a number typed is no near spelling of another
        if raw and any(has_diacritics(raw[j]) and words[j] not in alias_words for j in (i, i + n - 1)):
            return None  # "nhu cầu Cold Brew Sữa": "cầu", typed with its marks, is no slip of "cam"
        entity, candidates = self._alias(found[0], near)
        return Mention(entity, candidates, i, i + n, span, float(found[1]))

    def _untyped_words(self, alias: str, typed: set[str]) -> int:
        """How many words of a name are not typed, past those of its family's name and everyday words."""
        families = {w for e in self.aliases.get(alias, ()) if e.kind == "sku"
                    for w in fold_words(self.family_of.get(e.code, "")).split()}
        return sum(w not in typed and w not in families and w not in self.reserved for w in alias.split())

    def _cut_short(self, run: list[str]) -> list[str] | None:
        """The SKUs whose names hold, one after another, words that start with the typed words (three letters
        or more each, one at least cut short): "cab sauv" of "Cabernet Sauvignon 2022"."""
        if not all(w.isalpha() and len(w) >= 3 and w not in self.reserved for w in run) \
                or all(w in self.bag for w in run):
            return None
        starts = self.__dict__.get("_starts3")
        if starts is None:
            starts = self.__dict__["_starts3"] = {}
            for sku, ws in self.name_words.items():
                for w in ws:
                    if len(w) >= 3:
                        starts.setdefault(w[:3], set()).add(sku)
        pool = set.intersection(*(starts.get(w[:3], set()) for w in run))
        n = len(run)
        found = [sku for sku in sorted(pool) if any(
            all(a.startswith(b) for a, b in zip(self.name_words[sku][k:k + n], run, strict=True))
            for k in range(len(self.name_words[sku]) - n + 1))]
        return found or None

    def name_openings(self) -> frozenset[str]:
        """The first word of every product's whole name (built once)."""
        cached = self.__dict__.get("_openings")
        if cached is None:
            cached = self.__dict__["_openings"] = frozenset(ws[0] for ws in self.name_words.values() if ws)
        return cached

    def _acronym(self, word: str, i: int, near: list[str], raw: list[str] | None) -> Mention | None:
        """An acronym the names write in capitals, typed in capitals alone or in the plural ("MCBs"): the
        SKUs whose names hold it (one, a whole family, or asked which)."""
        typed = raw[i] if raw else ""
        plural = word.endswith("s") and word[:-1] in self.acronyms
        base = word if word in self.acronyms else word[:-1] if plural else None
        capitals = typed.isupper() or (typed[:-1].isupper() and typed.endswith("s"))
        if base is None or not capitals or base in self.reserved:
            return None
        skus = self.bag.get(base, [])
        if not skus:
            return None
        entity, candidates = self.settle([self.sku_entity[s] for s in dict.fromkeys(skus)], near)
        return Mention(entity, candidates, i, i + 1, word, 95.0)

    def _family_heads(self) -> dict[str, list[str]]:
        """Word -> the families it heads: the head word of a family's name (or its singular) that at least
        half of the family's item names hold. The head is the last word of an English name ("Pull-up Pants":
        "pants") and the first of a name written with Vietnamese marks ("Quạt điện": "quạt"; "Quà Tết":
        "quà", not the holiday)."""
        out: dict[str, list[str]] = {}
        for family, members in self.family_skus.items():
            words = fold_words(family).split()
            for word in ([words[0] if has_diacritics(family) else words[-1]] if words else []):
                if len(word) < 3 or not word.isalpha() or word in self.reserved:
                    continue
                forms = {word, singular(word)}
                holding = sum(bool(forms & {*self.name_words[s], *map(singular, self.name_words[s])}) for s in members)
                if 2 * holding >= len(members):
                    for form in forms:
                        out.setdefault(form, []).append(family)
        return out

    def _family_head(self, word: str, i: int, near: list[str]) -> Mention | None:
        """A word that heads families' names, typed alone ("are the pants short?"): that family, or which of
        the families it heads (asked back), never no name at all."""
        families = self.family_heads.get(word) or self.family_heads.get(singular(word))
        if not families:
            return None
        entity, candidates = self.settle([Entity("family", f, f) for f in dict.fromkeys(families)], near)
        if entity is not None and entity.kind == "family":
            holders = list(dict.fromkeys(self.bag.get(word, []) + self.bag.get(singular(word), [])))
            if holders and set(holders) < set(self.family_skus.get(entity.code, ())):
                # "pelmeni" of the family "Pelmeni i Kołduny": some of its items or all of it, asked back
                family = entity
                entity, candidates = self.settle([self.sku_entity[s] for s in holders], near)
                if entity is None:
                    candidates = [family, *candidates]
        return Mention(entity, candidates, i, i + 1, word, 94.0)

    def _acronym_sized(self, run: list[str]) -> list[str] | None:
        """The SKUs whose names hold every word of ``run`` (an acronym and a size), when that is a proper
        subset of the acronym's SKUs (the size picks among them) or the acronym's one SKU ("NB 24")."""
        found = set(self.bag.get(run[0], ()))
        every = set(found)
        for word in run[1:]:
            found &= set(self.bag.get(word, ()))
        return sorted(found) if found and (found != every or len(found) == 1) else None

    def _family_then_word(self, run: list[str]) -> bool:
        """A family's whole name of several words and one more word of a name ("Bàn ủi đứng"): the words of
        one item of it, even when the family's first word is an everyday word ("bàn", a table; "bạn", you)."""
        head = " ".join(run[:-1])
        return len(run) >= 3 and run[-1] not in self.reserved and run[-1].isalpha() and bool(
            self.aliases.get(head)) and all(e.kind == "family" for e in self.aliases[head])

    def _also_spelled_otherwise(self, run: list[str], typed: list[str] | None, skus: list[str]) -> list[str]:
        """``skus`` and, when the run was typed without accents and one of its words stands for several
        written words ("sua dau": sữa đậu nành, sữa tươi hương dâu), every SKU whose name holds the run's words."""
        if typed is None or any(has_diacritics(w) for w in typed):
            return skus
        if not any(len(self.written_forms.get(w, ())) > 1 for w in run):
            return skus
        every = self._holding_all(run) or []
        return every if set(every) > set(skus) else skus

    def _holding_all(self, run: list[str]) -> list[str] | None:
        """The SKUs whose item name holds every word of ``run`` (an English plural read as singular), when
        the words are not all everyday words."""
        if all(w in self.reserved or w.isdigit() for w in run):
            return None
        named = [w for w in run if not _is_size(w) and w not in UNIT_WORDS]
        model = len(run) == 2 and len(named) == 1 and len(named[0]) == 3 and named[0].isalpha() and any(
            w.isdigit() and len(w) >= 3 for w in run)  # "the AGM 760": a short word and a model number
        if not named or (len(named) == 1 and len(named[0]) < 4 and not model):  # "lạt 200g": a short word, a size
            return None
        found: set[str] | None = None
        for word in run:
            skus = self.bag.get(word) or self.bag.get(singular(word))
            if not skus:
                return None
            skus = set(skus) | self.family_word_skus.get(word, set()) | self.family_word_skus.get(singular(word), set())
            found = set(skus) if found is None else found & set(skus)
            if not found:
                return None
        if model and len(found or ()) != 1:
            return None
        return sorted(found) if found else None

    def _short_opening(self, word: str, i: int, near: list[str], raw: list[str] | None) -> Mention | None:
        """"ngô có đơn nào": a short word (two or three letters) that opens one item's name, typed with its
        marks, no everyday word and with no other word beside it: that product ("Ngô hạt Argentina")."""
        if not raw or not 2 <= len(word) <= 3 or not word.isalpha() or word in self.reserved \
                or not has_diacritics(raw[i]) or raw[i].lower() not in self.written_forms.get(word, ()):
            return None
        openings = self.__dict__.get("_item_openings")
        if openings is None:  # built once: the first word of each item name -> its SKUs
            openings = self.__dict__["_item_openings"] = {}
            for sku, item in self.item_of.items():
                openings.setdefault(item.split()[0] if item else "", []).append(sku)
        skus = openings.get(word, [])
        theirs = {w for s in skus for w in self.name_words.get(s, ())}
        if len(skus) != 1 or not all(  # "tôm chín", "tẩm bột": another word beside it, no name of these
                not w.isalpha() or w in self.reserved or w in theirs
                for w in (fold_words(raw[j]) for j in (i - 1, i + 1) if 0 <= j < len(raw))):
            return None
        entity, candidates = self.settle([self.sku_entity[s] for s in skus], near)
        return Mention(entity, candidates, i, i + 1, word, 90.0)

    def _score_word(self, word: str, i: int, near: list[str]) -> Mention | None:
        if "-" in word and word not in self.words and word.replace("-", "") in self.words:
            word = word.replace("-", "")  # "3-in-1" for the names' "3in1"
        if word in self.words and (_CODE_WORD.match(word) or _GRADE_WORD.match(word)):
            # "g7": a code-like word of one name; "20-20-15": a grade, numbers joined by hyphens; "80x200"
            # alone: every SKU of that size, the ones whose name ends in it too
            skus = self.bag.get(word, self.words[word]) if _DIMENSION.match(word) else list(dict.fromkeys(
                self.words[word] + self.bag.get(word, [])))  # "4PR": the names whose variant holds it too
            entity, candidates = self.settle([self.sku_entity[s] for s in skus], near)
            return Mention(entity, candidates, i, i + 1, word, 95.0)
        if len(word) < 4 or not word.isalpha():
            return None
        score, key = 100.0, word
        if key not in self.words:
            if len(word) < 5:
                return None
            found = process.extractOne(word, self._word_pool, scorer=fuzz.ratio, score_cutoff=WORD_RATIO)
            if not found:
                return None
            key, score = found[0], float(found[1])
            if key in self.aliases:
                entity, candidates = self._alias(key, near)
                return Mention(entity, candidates, i, i + 1, word, score)
        skus = self.words[key]
        entity, candidates = self.settle([self.sku_entity[s] for s in skus], near)
        return Mention(entity, candidates, i, i + 1, word, score - 5)

    def find_refs(self, tokens: list[Token]) -> list[tuple[int, str | None, str]]:
        """Order references in ``tokens``: (position, the ref as in supply.csv or None if unknown, as typed).
        Known refs of any shape are found; an unknown token is reported only if it looks like a reference
        (letters then digits, PO-9999) and is not a SKU code nor a word of a product's name (a model code
        two colours share, "QB-1230"). A resolver without supply data takes such a
        word as the reference it looks like."""
        out: list[tuple[int, str | None, str]] = []
        joined: set[int] = set()
        for i, t in enumerate(tokens):
            if i in joined:
                continue
            key = _norm_ref(t.raw)
            if key in self.refs:
                out.append((i, self.refs[key], t.raw))
                continue
            # a reference typed in words: "po 7781" for PO-7781, "po 2026 412" for PO/2026/412, "tr dn 26 07"
            split = next((k for k in (4, 3, 2) if i + k <= len(tokens) and (t.text[:1].isalpha() or all(
                len(x.text) >= 3 for x in tokens[i : i + k]))  # "lr1 2702 01"; "4700 0331" for 4700-0331
                          and _norm_ref("".join(x.raw for x in tokens[i : i + k])) in self.refs), None)
            if split:
                ref = self.refs[_norm_ref("".join(x.raw for x in tokens[i : i + split]))]
                out.append((i, ref, " ".join(x.raw for x in tokens[i : i + split])))
                for j in range(i + 1, i + split):
                    joined.add(j)
                    out.append((j, ref, tokens[j].raw))
            elif t.text.isdigit() and len(t.text) >= 7 and self.refs:  # an ERP number such as 4500012399
                out.append((i, None, t.raw))
            elif t.text in _ORDER_WORDS and i + 1 < len(tokens) and tokens[i + 1].text.isdigit() \
                    and len(tokens[i + 1].text) >= 4 and self.refs and _norm_ref(tokens[i + 1].raw) not in self.refs:
                # "PO#77210" when the data has no such PO (and "PO 4500771219" is that known number)
                out.append((i, None, t.raw + tokens[i + 1].raw))
                joined.add(i + 1)
            elif t.text not in self.codes and t.text not in self.bag and _LOOKS_LIKE_REF.match(t.text) \
                    and not t.text[:1].isdigit() \
                    and (any(c in t.text for c in "-/") or _CONTAINER.match(t.text)) \
                    and not re.fullmatch(r"\d+[/-]\d+|fy'?\d{2,4}(?:[/-]\d{2,4})?", t.text):  # "FY26/27": a year
                # with no supply data known, a reference-shaped word is taken as written
                out.append((i, None if self.refs else t.raw.upper(), t.raw))
        return out

    def find_resource(self, tokens: list[Token], skip: set[int] = frozenset()) -> Mention | None:
        """A resource named in ``tokens``: its name (typos tolerated), or a run of the words of its name
        ("the extruder", "line 2"); a run that several names hold is ambiguous ("dây chuyền" with
        "Dây chuyền 2" and "Dây chuyền 3")."""
        hit = self._find_in(self.resource_spellings, "resource", tokens, skip)
        if hit is not None and hit.score >= 100:
            return hit
        words = [t.text for t in tokens]
        best: Mention | None = None
        for n in range(min(MAX_SPAN, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                numbered = n == 2 and run[0].isalpha() and len(run[0]) >= 3 and run[1].isdigit()  # "line 2"
                if any(j in skip for j in range(i, i + n)) or (
                        all(w in self.reserved or w.isdigit() for w in run) and not numbered):
                    continue
                if n == 1 and (len(run[0]) < 4 and run[0] not in self.resource_acronyms or run[0] in self.reserved):
                    continue  # a short word only as a name's acronym ("smt" for the SMT Line)
                if n == 1 and has_diacritics(tokens[i].raw) \
                        and tokens[i].raw.lower() not in self.resource_written.get(run[0], ()):
                    continue  # written with other marks: "chuyển" (move) is no word of "Dây chuyền"
                found = [code for name, code in self.resources.items() if holds_run(name.split(), run)]
                if found and (best is None or n > best.end - best.start):
                    entities = [Entity("resource", c, c) for c in dict.fromkeys(found)]
                    one = entities[0] if len(entities) == 1 else None
                    best = Mention(one, [] if one else entities, i, i + n, " ".join(run), 95.0)
            if best is not None:
                break
        if best is not None and best.entity is None and best.end < len(words) and words[best.end].isdigit() \
                and best.end not in skip:  # "tunnel 2" of IQF Tunnel Freezer 1 and 2: the one holding the number
            numbered = [e for e in best.candidates if words[best.end] in fold_words(e.code).split()]
            if len(numbered) == 1:
                best = Mention(numbered[0], [], best.start, best.end + 1, f"{best.text} {words[best.end]}", 95.0)
        if hit is not None and best is not None and best.entity is None and hit.entity in best.candidates \
                and best.start <= hit.start and hit.end <= best.end:
            return best  # "binding line" with Binding Line 1 and 2: a near match to one of them is no choice
        if _near_match_by_an_everyday_word(self, words, hit, best):
            return best  # "Dây chuyền ép viên in April": "in" is no slip of the "nhỏ" of one of two lines
        if hit is not None and (best is None or hit.end - hit.start >= best.end - best.start):
            return hit
        return best

    def find_owner(self, tokens: list[Token], skip: set[int] = frozenset(), titled: set[int] = frozenset()
                   ) -> Mention | None:
        """An owner of action items by full or first name, as a word written like the name: "Hằng" is not
        "hàng" (goods), "Tuấn" not "tuần" (week); a name that is also an everyday word ("thi") counts only
        written as in the notes, capitalised inside the sentence, or after a title (positions in ``titled``:
        "chi hang")."""
        skip = set(skip)
        fallback = None
        for _ in range(4):
            hit = self._find_in(self.owners, "owner", tokens, skip, fuzzy=False)
            if hit is None:
                return fallback
            if self._written_like_owner(tokens, hit) or (
                    hit.start in titled and not any(has_diacritics(t.raw) for t in tokens[hit.start:hit.end])):
                typed = tokens[hit.start:hit.end]
                if fallback is None and len(typed) == 1 and hit.text in self.reserved and typed[0].raw.islower():
                    fallback = hit  # "what will Marcus do": "will" is a word here, Marcus the person
                else:
                    return hit
            skip.update(range(hit.start, hit.end))
        return fallback

    def _written_like_owner(self, tokens: list[Token], hit: Mention) -> bool:
        typed = tokens[hit.start : hit.end]
        raw = " ".join(t.raw.lower().removesuffix("'s") for t in typed)
        written = self.owner_written.get(hit.text, raw)
        if any(has_diacritics(t.raw) for t in typed) and raw != written:
            # "việc của Tuấn" when the notes write "Le Van Tuan": a name capitalised inside the sentence, its
            # marks unknown to notes that write none ("tuần", a week, stays no person)
            return not has_diacritics(written) and hit.start > 0 and all(t.raw[:1].isupper() for t in typed)
        if typed[-1].raw.lower().endswith("'s") and typed[-1].raw[:-2].replace("-", "").isalpha():
            return True  # "hong's open items": a possessive is a person's, whatever else the word means
        if len(typed) == 1 and hit.text in self.reserved and raw != written:
            return hit.start > 0 and typed[0].raw[:1].isupper()
        return True

    def _find_in(self, table: dict[str, str], kind: str, tokens: list[Token], skip: set[int], fuzzy: bool = True
                 ) -> Mention | None:
        if not table:
            return None
        words = [t.text.removesuffix("'s") for t in tokens]
        best: Mention | None = None
        for n in range(min(MAX_SPAN, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if any(j in skip for j in range(i, i + n)):
                    continue
                span = " ".join(words[i : i + n])
                if span in table:
                    score = 100.0
                    code = table[span]
                elif fuzzy and n > 1 and not all(w in self.reserved or w.isdigit() for w in words[i : i + n]):
                    # an everyday word at an edge ("dây" folds to "day") needs a closer match
                    edge = words[i] in self.reserved or words[i + n - 1] in self.reserved
                    if kind == "resource" and any(has_diacritics(t.raw) and t.text not in self.resource_written
                                                  for t in tokens[i : i + n]):
                        continue  # "lắp ráp quá tải": "quá" (too) written with its marks is no slip of "quạt"
                    found = process.extractOne(span, list(table), scorer=fuzz.token_sort_ratio,
                                               score_cutoff=92.0 if edge else SPAN_RATIO)
                    if not found or _digits(words[i : i + n]) - _digits(found[0].split()):
                        continue  # "Spiral Freezer 4" is no slip of "Spiral Freezer 1"
                    score, code = float(found[1]), table[found[0]]
                else:
                    continue
                if best is None or (score >= 100, n, score) > (best.score >= 100, best.end - best.start, best.score):
                    best = Mention(Entity(kind, code, code), [], i, i + n, span, score)
        return best

    # --- a typed argument (a tool's "product", "resource", "ref") --------------------------------------

    def resolve(self, text: str, kinds: tuple[str, ...] = ("sku", "family")) -> Resolution:
        """What one typed argument means. Exact (folded) first; else the best fuzzy match if clearly ahead;
        several equally good -> candidates; none good enough -> closest."""
        out = Resolution(str(text))
        key = fold_words(text)
        if not key:
            return out
        if "order" in kinds and _norm_ref(text) in self.refs:
            out.entity = Entity("order", self.refs[_norm_ref(text)], self.refs[_norm_ref(text)])
            return out
        if "resource" in kinds and key in self.resources:
            out.entity = Entity("resource", self.resources[key], self.resources[key])
            return out
        if "owner" in kinds and key in self.owners:
            out.entity = Entity("owner", self.owners[key], self.owners[key])
            return out
        product_kinds = {"sku", "family"} & set(kinds)
        if product_kinds:
            if key in self.codes and "sku" in kinds:
                sku = self.codes[key]
                out.entity = Entity("sku", sku, self.labels[sku])
                return out
            if key in self.aliases:
                found = [e for e in self.aliases[key] if e.kind in product_kinds]
                if found:
                    out.entity, out.candidates = self.settle(found, key.split())
                    return out
            found = process.extract(key, self.choices, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_ACCEPT, limit=10)
            if found:
                best = found[0][1]
                fits = [e for alias, score, _ in found if score >= best - 3 for e in self.aliases[alias]
                        if e.kind in product_kinds]
                if fits:
                    out.entity, out.candidates = self.settle(fits, key.split())
                    return out
            if " " not in key and key in self.any_word:  # "cold": every product holding the word
                out.entity, out.candidates = self.settle([self.sku_entity[s] for s in self.any_word[key]])
                return out
            tokens = tokenize(text)
            hit = self.find(tokens)
            if hit is not None and hit.score >= NAME_ACCEPT and hit.end - hit.start == len(tokens):
                out.entity, out.candidates = hit.entity, hit.candidates
                if out.entity is None or out.entity.kind in product_kinds:
                    return out
                out.entity = None
        out.closest = self.closest(text, kinds)
        return out

    def _closest_pool(self, kinds: tuple[str, ...]) -> tuple[dict[str, Entity], list[str]]:
        """The names ``closest`` looks among for these kinds, and the entity of each (built once per kinds:
        the tables do not change after the resolver is built; at 10,000 SKUs building it took most of a
        question back's time)."""
        pools = self.__dict__.setdefault("_closest_pools", {})
        if kinds not in pools:
            pool: dict[str, Entity] = {}
            if "sku" in kinds or "family" in kinds:
                for alias, entities in self.aliases.items():
                    for e in entities:
                        if e.kind in kinds:
                            pool.setdefault(alias, e)
            for kind, table in (("resource", self.resources), ("owner", self.owners), ("plant", self.plants)):
                if kind in kinds:
                    for alias, code in table.items():
                        pool.setdefault(alias, Entity(kind, code, code))
            if "order" in kinds:
                for alias, ref in self.refs.items():
                    pool.setdefault(alias, Entity("order", ref, ref))
            pools[kinds] = (pool, list(pool))
        return pools[kinds]

    def _closest_names(self, query: str, kinds: tuple[str, ...], names: list[str]) -> list[str]:
        """The names ``closest`` scores: all of them, or, past ``CLOSEST_SCAN``, the ``CLOSEST_SCAN`` sharing
        most words with ``query`` (the same word, a word it begins, or one within a typo). Scoring 40,000 names
        of a 10,000-SKU catalogue took 40-90 ms a question; a name sharing no word scores low anyway."""
        if len(names) <= CLOSEST_SCAN or kinds == ("order",):
            return names
        indexes = self.__dict__.setdefault("_closest_indexes", {})
        if kinds not in indexes:
            at: dict[str, list[int]] = {}
            for i, name in enumerate(names):
                for word in set(name.split()):
                    at.setdefault(word, []).append(i)
            by_initial: dict[str, list[str]] = {}
            for word in at:
                by_initial.setdefault(word[0], []).append(word)
            indexes[kinds] = (at, sorted(at), by_initial)
        at, vocabulary, by_initial = indexes[kinds]
        shared: dict[int, int] = {}
        for word in set(query.split()):
            if len(word) < 2:
                continue
            hits = {word} if word in at else set()
            if len(word) >= 3:  # "choc": the words it begins
                start = bisect.bisect_left(vocabulary, word)
                while start < len(vocabulary) and vocabulary[start].startswith(word):
                    hits.add(vocabulary[start])
                    start += 1
            if len(word) >= 4:
                hits.update(w for w, _, _ in process.extract(
                    word, by_initial.get(word[0], []), scorer=fuzz.ratio, score_cutoff=CLOSEST_WORD, limit=None))
            for i in {i for hit in hits for i in at[hit]}:
                shared[i] = shared.get(i, 0) + 1
        best = sorted(shared, key=lambda i: (-shared[i], i))[:CLOSEST_SCAN]
        return [names[i] for i in sorted(best)]

    def closest(self, text: str, kinds: tuple[str, ...] = ("sku", "family"), limit: int = CLOSEST,
                cutoff: float = 70.0) -> list[Entity]:
        """The entities whose names come closest to ``text``, best first."""
        pool, names = self._closest_pool(tuple(kinds))
        query = _norm_ref(text) if kinds == ("order",) else fold_words(text)
        out: list[Entity] = []
        if "sku" in kinds and " " not in query and query in self.bag:  # "max": every product holding the word
            out = [self.sku_entity[s] for s in self.bag[query]][:limit]
        found = process.extract(query, self._closest_names(query, tuple(kinds), names), scorer=fuzz.WRatio,
                                limit=limit * 3, score_cutoff=cutoff)
        for alias, _score, _ in found:
            if pool[alias] not in out:
                out.append(pool[alias])
        return out[:limit]


def find_driver(resolver: Resolver, words: Sequence[str], groups: dict[str, list[str]]) -> str | None:
    """The demand driver a message names: a driver's own words (``ad spend`` for ``ad_spend``), or a word of a
    group (``ads``, ``quảng cáo`` in the group holding ``ad``) sharing a word with one driver's name."""
    folded = [fold(w) for w in words]
    for parts, name in sorted(resolver.drivers.items(), key=lambda kv: -len(kv[0])):
        n = len(parts)
        if any(tuple(folded[i:i + n]) == parts for i in range(len(folded) - n + 1)):
            return name
    text = f" {' '.join(folded)} "
    for group in groups.values():
        if not any(f" {g} " in text for g in group):
            continue
        members = {w for g in group for w in g.split()}
        matches = [name for parts, name in resolver.drivers.items() if members & set(parts)]
        if len(matches) == 1:
            return matches[0]
    return None


def resolver_from_tables(tables: dict, reserved: frozenset[str] = frozenset()) -> Resolver:
    """A resolver over a company's tables (``products``, ``supply``, ``capacity``, ``routing``,
    ``note_items``; any may be missing)."""

    def column(name: str, col: str) -> list[str]:
        frame = tables.get(name)
        if frame is None or len(frame) == 0 or col not in frame:
            return []
        return [str(v) for v in frame[col].dropna().unique()]

    products = tables.get("products")
    supply = tables.get("supply")
    orders_of: dict[str, list[str]] = {}
    if supply is not None and len(supply) and {"ref", "sku"} <= set(supply.columns):
        for ref, sku in supply[["ref", "sku"]].dropna().astype(str).itertuples(index=False):
            if ref not in orders_of.setdefault(sku, []):
                orders_of[sku].append(ref)
    return Resolver(
        products,
        refs=column("supply", "ref"),
        orders_of=orders_of,
        resources=column("capacity", "resource") + column("routing", "resource"),
        plants=column("products", "plant") + column("capacity", "plant") + column("inventory", "location")
        + column("supply", "supplier"),
        owners=column("note_items", "owner"),
        reserved=reserved,
        drivers=column("drivers", "driver") + (["price"] if column("sales_history", "price") else []),
    )


def company_resolver(store, reserved: frozenset[str] = frozenset()) -> Resolver:
    """The resolver of the company in the plan ``store``, built once per change of the store."""

    def build() -> Resolver:
        tables = {name: store.read_table(name)
                  for name in ("products", "supply", "capacity", "routing", "drivers", "inventory")}
        prices = store.read_table("sales_history")["price"].dropna()
        tables["sales_history"] = prices.head(1).to_frame()
        tables["note_items"] = note_owners_frame(store)
        return resolver_from_tables(tables, reserved)

    return store.cached(("resolver", reserved), build, ("data", "notes"))


def note_owners_frame(store):
    """The owners of the notes' action items, as a one-column frame (empty when no notes are ingested)."""
    import pandas as pd
    from sqlalchemy import select

    from sop_engine.store.schema import note_items

    with store.engine.connect() as connection:
        owners = [row[0] for row in connection.execute(select(note_items.c.owner).distinct()) if row[0]]
    return pd.DataFrame({"owner": owners})


def _compact_code(word: str) -> str | None:
    """A code of letters and digits joined by hyphens ("qt-1655", "qd-1650") as typed without them
    ("qt1655"); None for a word that is no such code."""
    compact = word.replace("-", "")
    return compact if compact != word and _CODE_WORD.match(compact) and not _SIZE.match(compact) else None


# Words that join two names in a question ("X or Y", "X hay Y"): inside a span they part two names, unless
# some name holds the word itself ("Salt and Pepper").
_JOINING_TWO = frozenset("or and vs versus hay hoac va voi".split())  # "và", "với" folded


def _joins_two_names(resolver: Resolver, run: list[str]) -> bool:
    """Whether a word inside ``run`` (not at its edges) is "or", "and", "hay" ... that no name holds."""
    return any(w in _JOINING_TWO and w not in resolver.alias_words for w in run[1:-1])


def _near_match_by_an_everyday_word(resolver: Resolver, words: list[str], hit: Mention | None,
                                    best: Mention | None) -> bool:
    """A near spelling of one resource name (``hit``) that is a run several names hold (``best``) and,
    past it, only everyday words of the vocabulary: the run the names share, no choice of one of them."""
    if hit is None or best is None or best.entity is not None or hit.entity not in best.candidates \
            or hit.score >= 100 or not (hit.start <= best.start and best.end <= hit.end):
        return False
    extra = [words[j] for j in range(hit.start, hit.end) if not best.start <= j < best.end]
    return bool(extra) and all(w in resolver.reserved for w in extra)


def _other_families_typed_in_part(resolver: Resolver, typed: list[str], candidates: list[Entity],
                                  kept: list[Entity]) -> bool:
    """Whether each candidate left out has a word of its family's name typed ("dau goi" of "Dầu gội xả"):
    the whole family name typed then tells one from the other. "gạo zolo" with "Gạo zolo 2kg" (family
    "Gạo"), "Bột gạo zolo" and "Bún gạo zolo" (families "Bột", "Bún") types no word of the other two
    families: the words of all three, no choice of the one in the family "Gạo"."""
    return all(set(fold_words(resolver.family_of[e.code]).split()) & set(typed)
               for e in candidates if e not in kept)
