"""Two names in one question, and a name with a variant ruled out.

"Thick Bleach Original, not the 2L one", "kẹo dừa, trừ loại sầu riêng": the variants the words after a
negation name are taken out of what the name fits. "the wipes or the sponges", "compare the 1L and 2L",
"is X overstocked, or is it just Y?": one call answers one product, so the router asks which (unless the
two are the whole of one family). Cue words come from the vocabulary files (``not_this``, ``pair_joins``,
``compare``); nothing here knows a company.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.router.vocab import find_phrase, load_vocabulary, phrase_tokens
from sop_engine.resolver import Entity, Mention, Resolver, holds_run, joining_word, singular
from sop_engine.text import Token, fold_words

_BREAK = re.compile(r"[,;.!?:()\u2014\u2013]|\s-\s")  # a clause ends: the negated words stop there
_SENTENCE = re.compile(r"[.!?]+(?=\s|$)|\n")

_MEASURE = re.compile(r"^(\d+(?:[.,]\d+)?)([a-z]+)$")  # "1l", "400ml": a size typed as one word


def by_size_word_of_family(tokens: list[Token], hit: Mention | None, taken: set[int], resolver: Resolver
                           ) -> tuple[Mention | None, set[int]]:
    """A family named with a size said in words right before or after it ("the large gloves", "gloves,
    large"): that family's products whose names carry the size (the one, or a choice of them), never the
    whole family."""
    if hit is None or hit.entity is None or hit.entity.kind != "family":
        return hit, set()
    spelled = size_words()
    spelled |= {letter: letter for letter in spelled.values()}  # "gloves size XL": the letter as names write it
    cues = set(load_vocabulary().slot_words.get("size_cues", []))
    words = [t.text for t in tokens]
    after = hit.end + (hit.end < len(words) - 1 and words[hit.end] in cues)
    for at in (hit.start - 1, after):
        if not 0 <= at < len(words) or at in taken or words[at] not in spelled:
            continue
        wanted = {words[at], spelled[words[at]]}
        picked = [Entity("sku", sku, resolver.labels[sku]) for sku in resolver.family_skus.get(hit.entity.code, [])
                  if wanted & _name_words(resolver, sku)]
        if picked:
            span = (min(at, hit.start), max(at + 1, hit.end))
            if len(picked) == 1:
                return Mention(picked[0], [], *span, hit.text, hit.score), {at}
            return Mention(None, picked, *span, " ".join(t.raw for t in tokens[span[0]:span[1]]), hit.score), {at}
    return hit, set()


def by_measure_after(tokens: list[Token], hit: Mention | None, taken: set[int], resolver: Resolver
                     ) -> tuple[Mention | None, set[int]]:
    """"Bao Bao 1 L", "X 400ml": an ambiguous name followed by a size (a number and its unit, apart or in one
    word) that the name of exactly one candidate carries: that candidate (the size's words are taken)."""
    from sop_engine.resolver import UNIT_WORDS

    if hit is None or hit.entity is not None or not hit.candidates:
        return hit, set()
    words = [t.text for t in tokens]
    at = hit.end
    if at >= len(words) or at in taken:
        return hit, set()
    joined = _MEASURE.match(words[at])
    if joined and joined[2] in UNIT_WORDS:
        size, used = [joined[1], joined[2]], {at}
    elif words[at].isdigit() and at + 1 < len(words) and at + 1 not in taken and words[at + 1] in UNIT_WORDS:
        size, used = [words[at], words[at + 1]], {at, at + 1}
    else:
        return hit, set()

    def carries(code: str) -> bool:
        name = list(resolver.name_words.get(code, ()))
        return any(name[k:k + 2] == size for k in range(len(name) - 1)) or "".join(size) in name

    picked = [c for c in hit.candidates if c.kind == "sku" and carries(c.code)]
    if len(picked) == 1:
        return Mention(picked[0], [], hit.start, max(used) + 1, hit.text, hit.score), used
    return hit, set()


def _variant_swapped(tokens: list[Token], hit: Mention, skip: set[int], resolver: Resolver,
                     joined) -> list[Entity] | None:
    """A SKU named in full and, joined to it by "vs", "and", "or", one word of another variant of it
    ("Hyllvik 80x200 white vs black-brown", "Fjällbo 140x200 white and oak"): the SKU and the other
    variants whose name holds the typed words with that one word swapped."""
    if hit.entity is None or hit.entity.kind != "sku":
        return None
    typed = [t.text for t in tokens[hit.start:hit.end]]
    own = _name_words(resolver, hit.entity.code)
    if len(typed) < 2 or not set(typed) <= own | {singular(w) for w in typed}:
        return None
    for i in range(hit.end + 1, min(len(tokens), hit.end + 3)):
        if i in skip:
            break
        word = tokens[i].text
        parts = [p for p in word.split("-") if p]
        if not parts or not all(p.isalpha() for p in parts) or set(parts) <= own or not joined(hit.end, i):
            continue
        found: dict[int, list[Entity]] = {}
        for code in dict.fromkeys(resolver.bag.get(word) or resolver.bag.get(parts[0]) or []):
            if code == hit.entity.code:
                continue
            entity, theirs = resolver.sku_entity[code], _name_words(resolver, code)
            # the typed words but one swapped, or but a variant of two words ("xanh dương với trắng"), keeping
            # at least two words of the name; the fewest words swapped win ("16/20 block vs IQF": the 16/20 IQF)
            one = [set(typed) - {t} for t in typed]
            two = [set(typed) - set(typed[k:k + 2]) for k in range(len(typed) - 1) if len(typed) >= 4]
            for swapped, rests in ((1, one), (2, two)):
                if set(parts) <= theirs and any(rest <= theirs for rest in rests):
                    found.setdefault(swapped, []).append(entity)
                    break
        if found:
            return [hit.entity, *found[min(found)]]
        break
    return None


def by_variant_words(tokens: list[Token], hit: Mention | None, taken: set[int], resolver: Resolver
                     ) -> tuple[Mention | None, set[int]]:
    """An ambiguous name with words of its variants typed around it ("white round neck tees in M", "King size
    percale bedsheet", "percale dubble white"): the one candidate whose name holds every such word (a size
    in words read as its letter, a slip of five letters or more forgiven). The words looked at are the run
    right before and right after the name, "in" and "size" passed over; a one-letter size counts in capitals."""
    if hit is None or hit.entity is not None or not hit.candidates or any(c.kind != "sku" for c in hit.candidates):
        return hit, set()
    from rapidfuzz import fuzz

    spelled = size_words()
    skip = set(load_vocabulary().slot_words.get("variant_gap", []))
    stopwords = set(load_vocabulary().stopwords)
    names = {c.code: _name_words(resolver, c.code) for c in hit.candidates}
    typed = [t.text for t in tokens[hit.start:hit.end]]

    def holders(i: int) -> set[str]:
        word, raw = tokens[i].text, tokens[i].raw
        if (len(word) == 1 and not raw.isupper()) or (i < hit.start and joining_word(resolver, word)):
            return set()
        wanted = {word, spelled.get(word, word)}
        held = {c for c, ws in names.items() if wanted & ws}
        if word in stopwords and not raw[:1].isupper():  # "500ml có bị tồn": no "có ga"; "kem ban ngày": "ban ngày"
            run = [typed[-1], word] if i >= hit.end else [word, typed[0]]
            held = {c for c in held if holds_run(resolver.name_words.get(c, []), run)}
        if not held and len(word) >= 5 and word.isalpha():
            held = {c for c, ws in names.items() if any(len(w) >= 5 and fuzz.ratio(word, w) >= 80 for w in ws)}
        return held

    picked, used = set(names), set()
    for step, start in ((1, hit.end), (-1, hit.start - 1)):
        i = start
        while 0 <= i < len(tokens) and i not in taken:
            if tokens[i].text in skip:
                i += step
                continue
            held = holders(i)
            if not held or held == set(names):
                break
            picked &= held
            used.add(i)
            i += step
    if not used or len(picked) != 1:
        return hit, set()
    code = picked.pop()
    entity = next(c for c in hit.candidates if c.code == code)
    return Mention(entity, [], min([hit.start, *used]), max([hit.end, *(u + 1 for u in used)]), hit.text,
                   hit.score), used


def _gap(text: str, tokens: list[Token], i: int) -> str:
    """The characters between token ``i - 1`` and token ``i``."""
    before = tokens[i - 1]
    return text[before.start + len(before.raw): tokens[i].start]


def _sentence_of(text: str, tokens: list[Token]) -> list[int]:
    ends = [m.end() for m in _SENTENCE.finditer(text)]
    return [sum(1 for e in ends if e <= t.start) for t in tokens]


def _cue_at(words: list[str], cues: Iterable[str], start: int) -> tuple[int, int] | None:
    """The first cue at or after ``start``: (position, length)."""
    best = None
    for cue in cues:
        parts = phrase_tokens(cue)
        n = len(parts)
        for i in range(start, len(words) - n + 1):
            if words[i:i + n] == parts and (best is None or (i, -n) < (best[0], -best[1])):
                best = (i, n)
                break
    return best


def _family_of(resolver: Resolver, entity: Entity) -> list[Entity]:
    """What a name could have meant among one item's variants (the SKUs of its item name)."""
    if entity.kind == "family":
        return [resolver.sku_entity[s] for s in resolver.family_skus.get(entity.code, [])]
    if entity.kind != "sku":
        return [entity]
    item = resolver.item_of.get(entity.code, "")
    found = [e for e in resolver.aliases.get(item, []) if e.kind == "sku"]
    return found if entity in found else [entity, *found]


def _name_words(resolver: Resolver, code: str) -> set[str]:
    words = fold_words(resolver.labels.get(code, "")).replace("-", " ").split()
    return set(words) | {singular(w) for w in words}


def rule_out_negated(text: str, tokens: list[Token], hit: Mention | None, taken: set[int],
                     resolver: Resolver) -> tuple[Mention | None, set[int]]:
    """``hit`` with the variants named after a negation taken out ("X, not the 2L one"), and the positions of
    the negated words (they name no product of the question)."""
    if hit is None:
        return hit, set()
    vocabulary = load_vocabulary()
    words = [t.text for t in tokens]
    cue = _cue_at(words, vocabulary.slot_words.get("not_this", []), hit.end)
    if cue is None:
        return hit, set()
    at, n = cue
    if any(words[at:at + len(phrase_tokens(p))] == phrase_tokens(p) or words[max(0, at - 1):at - 1 + len(
            phrase_tokens(p))] == phrase_tokens(p) for p in vocabulary.slot_words.get("not_only", [])):
        return hit, set()  # "the whole range, not just the spray": more than that, not without it
    negated: list[int] = []
    for j in range(at + n, min(len(tokens), at + n + 6)):
        if j in taken or (j > at + n and _BREAK.search(_gap(text, tokens, j))):
            break
        negated.append(j)
    if not negated:
        return hit, set()
    candidates = list(hit.candidates) if hit.entity is None else _family_of(resolver, hit.entity)
    candidates = [c for c in candidates if c.kind == "sku"]
    if len(candidates) < 2:
        return hit, set()
    said = [words[j] for j in negated]  # "lá" folds like the stopword "là": only words of the names count
    digits = {m for w in said for m in re.findall(r"\d+(?:[.,]\d+)?", w)}
    shared = set.intersection(*(_name_words(resolver, c.code) for c in candidates))
    out = []
    for c in candidates:
        own = _name_words(resolver, c.code) - shared
        if (digits and resolver.variant_digits.get(c.code, set()) & digits) or any(
                w in own for w in said if not w[:1].isdigit()):
            out.append(c)
    if not out or len(out) == len(candidates):
        return hit, set()
    left = [c for c in candidates if c not in out]
    entity, rest = resolver.settle(left)
    span = set(range(at, negated[-1] + 1))
    return Mention(entity, rest, hit.start, hit.end, hit.text, hit.score), span


def second_name(text: str, tokens: list[Token], hit: Mention | None, taken: set[int],
                resolver: Resolver, months: frozenset[str]) -> list[Entity] | None:
    """A second product named in the question's sentence and joined to the first by "or", "and", "vs" ...
    (or a message that compares): the entities the question names, else None. A pack size alone joined to
    the name ("the 1L and 2L Care Plus") is that variant of the same item."""
    if hit is None:
        return None
    vocabulary = load_vocabulary()
    words = [t.text for t in tokens]
    sentence = _sentence_of(text, tokens)
    here = sentence[hit.start]
    skip = set(taken) | set(range(hit.start, hit.end)) | {i for i, s in enumerate(sentence) if s != here}
    joins = vocabulary.slot_words.get("pair_joins", [])
    comparing = any(find_phrase(words, c) is not None for c in vocabulary.slot_words.get("compare", []))
    first = [hit.entity] if hit.entity is not None else list(hit.candidates)

    def joined(a: int, b: int) -> bool:
        """Words between two spans (first one ending at ``a``, the next one starting at ``b``) join them."""
        return comparing or any(find_phrase(words[a:b], j) is not None for j in joins)

    other = resolver.find(tokens, skip=skip, months=months)
    if other is not None and other.entity is None and other.end - other.start == 1:
        swapped = _variant_swapped(tokens, hit, skip, resolver, joined)
        if swapped:  # "Black Tiger 16/20 block vs IQF": the IQF one of that name, not every IQF product
            return swapped
    if other is not None and other.score >= 95:
        second = [other.entity] if other.entity is not None else list(other.candidates)
        gap = (hit.end, other.start) if other.start >= hit.end else (other.end, hit.start)
        if second and not set(second) & set(first) and joined(*gap):
            return [*first, *second] if other.start >= hit.end else [*second, *first]  # in the order typed
    if hit.entity is not None and hit.entity.kind == "sku":
        siblings = [e for e in _family_of(resolver, hit.entity) if e != hit.entity]
        spelled = size_words()
        letters = set(spelled.values()) | set(spelled)
        near = set(range(max(0, hit.start - 5), min(len(words), hit.end + 6)))  # "… bao 25 so với bao 40"
        units = {w for w in _name_words(resolver, hit.entity.code) if w.isalpha()}
        for i in sorted(set(range(len(words))) - skip):
            digits = set(re.findall(r"^\d+(?:[.,]\d+)?", words[i]))
            if i not in near and not (digits and (re.sub(r"^\d+(?:[.,]\d+)?", "", words[i]) in units or (
                    i + 1 < len(words) and words[i + 1] in units))):
                continue  # further off, only a size with the name's own unit ("… and the forecast for the 10 L?")
            if digits:
                sized = [e for e in siblings if resolver.variant_digits.get(e.code, set()) & digits]
            elif words[i] in letters:  # "gloves m and l", "the medium and the large"
                wanted = {words[i], spelled.get(words[i], words[i])}
                sized = [e for e in siblings if wanted & _name_words(resolver, e.code)]
            else:
                continue
            if len(sized) == 1 and joined(*((i + 1, hit.start) if i < hit.start else (hit.end, i))):
                return [hit.entity, sized[0]]
        for i in sorted(set(range(len(words))) - skip):  # "Q-Fit 12mm and 18mm": a pack size only one other name has
            sized = [resolver.sku_entity[s] for s in resolver.sizes.get(words[i], []) if s != hit.entity.code]
            if len(sized) == 1 and joined(*((i + 1, hit.start) if i < hit.start else (hit.end, i))):
                return [hit.entity, sized[0]]
        return _variant_swapped(tokens, hit, skip, resolver, joined)
    return None


def size_words() -> dict[str, str]:
    """Sizes said in words and the letter names carry ("large" -> "l"), from the vocabulary's ``size_words``
    ("large=l", read folded as "large l"), and a pack said in one language as names write it in the other
    (``pack_translations``: "bottle=chai", "chai=bottle")."""
    out = {}
    table = load_vocabulary().slot_words
    for pair in [*table.get("size_words", []), *table.get("pack_translations", [])]:  # "bottle=chai" too
        parts = pair.replace("=", " ").split()
        if len(parts) >= 2:
            out[" ".join(parts[:-1])] = parts[-1]
    return out


def by_size_word(tokens: list[Token], hit: Mention | None, taken: set[int], resolver: Resolver
                 ) -> tuple[Mention | None, set[int]]:
    """An ambiguous name with a size said in words next to it ("the medium rubber gloves", "large gloves",
    "gloves, large"): the one candidate whose name carries that size (M, L; or the word itself)."""
    if hit is None or hit.entity is not None or not hit.candidates:
        return hit, set()
    spelled = size_words()
    words = [t.text for t in tokens]
    for at in (hit.start - 1, hit.end):
        if not 0 <= at < len(words) or at in taken or words[at] not in spelled:
            continue
        wanted = {words[at], spelled[words[at]]}
        picked = [c for c in hit.candidates if c.kind == "sku" and wanted & _name_words(resolver, c.code)]
        if len(picked) == 1:
            return Mention(picked[0], [], min(at, hit.start), max(at + 1, hit.end), hit.text, hit.score), {at}
    return hit, set()


def question_sentence(text: str, tokens: list[Token]) -> tuple[list[int], int]:
    """Each token's sentence, and the sentence that asks: the last one ending with "?", else the last one."""
    sentence = _sentence_of(text, tokens)
    ends = [m for m in _SENTENCE.finditer(text)]
    asked = [k for k, m in enumerate(ends) if "?" in m.group(0)]
    last = max(sentence, default=0)
    return sentence, min(asked[-1], last) if asked else last
