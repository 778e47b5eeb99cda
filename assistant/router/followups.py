"""A follow-up's product read against the previous call's.

A name that fits several products means the one most like the previous product ("what about the rear ones?"),
a pack size alone is that size of the previous item, and a variant word alone picks among its siblings.
"""

from __future__ import annotations

from assistant.router.base import (
    RoutedCall,
    _Reading,
)
from assistant.router.pairs import size_words
from assistant.router.vocab import (
    find_phrase,
    load_vocabulary,
    phrase_tokens,
)
from sop_engine.resolver import Entity, Mention, Resolver
from sop_engine.resolver import singular as resolver_singular
from sop_engine.text import fold, fold_words, has_diacritics

MAX_SWAPPED = 3  # "and the L 64?": at most this many words typed in place of the previous name's


def _swapped_words_of_previous(r: _Reading, previous: RoutedCall, resolver: Resolver) -> None:
    """"and the L 64?" after the Diapers M, pack of 64; "and the 3x80?" after the Wipes, pack of 80: the one
    other SKU whose name holds every word typed and, those words left out, no word the previous name lacks
    (the words typed replace some of the previous name's); on several, the one sharing most with it."""
    vocabulary = load_vocabulary()
    cues = {w for cue in vocabulary.followup_cues for w in phrase_tokens(cue)}
    typed = {w for i, w in enumerate(r.words) if i not in r.used and w not in vocabulary.stopwords
             and w not in cues and w not in ("one", "ones")}
    before = set(resolver.name_words.get(previous.entity, ()))
    if not typed or len(typed) > MAX_SWAPPED or typed <= before or not before:
        return
    scored = []
    for code, words in resolver.name_words.items():
        name = set(words)
        if code != previous.entity and typed <= name and name - typed <= before and name & before:
            scored.append((len(name & before), code))
    best = max((n for n, _ in scored), default=0)
    picked = [code for n, code in scored if n == best]
    if len(picked) == 1:
        at = [i for i, w in enumerate(r.words) if w in typed and i not in r.used]
        r.hit = Mention(resolver.sku_entity[picked[0]], [], at[0], at[-1] + 1,
                        " ".join(r.words[at[0]:at[-1] + 1]), 95.0)


def _month_owner_of_previous(r: _Reading, previous: RoutedCall, resolver: Resolver | None) -> None:
    """"and May?" after "open actions for Björn": in a follow-up of a person's action items, a month word that
    is another owner's name is that person, no period."""
    if resolver is None or previous.tool != "list_decisions" or not (previous.args or {}).get("owner") \
            or r.owner is not None or r.hit is not None or not r.months:
        return
    from sop_engine.periods import MONTHS

    found = resolver.find_owner(r.tokens)
    if found is None or found.entity is None or found.entity.code == previous.args["owner"]:
        return
    span = set(range(found.start, found.end))
    months = {i for i, w in enumerate(r.words) if w in MONTHS}
    if not months or not months <= span:
        return
    r.owner, r.months, r.period = found, None, None
    r.used -= span


def _swapped_of_previous(r: _Reading, previous: RoutedCall, resolver: Resolver) -> None:
    """"and the black-brown?" after the Hyllvik 80x200 white, "and the 3-seat?" after the 2-seat dark grey:
    the one other SKU whose name is the previous one's with one word swapped for the word typed."""
    vocabulary = load_vocabulary()
    cues = {w for cue in vocabulary.followup_cues for w in phrase_tokens(cue)}
    typed = [(i, w) for i, w in enumerate(r.words) if i not in r.used and w not in cues and w not in ("one", "ones")
             and (w not in vocabulary.stopwords or _written_as_in_names(r.tokens[i], resolver))]
    if len(typed) != 1:
        return
    at, word = typed[0]
    parts = {p for p in word.split("-") if p}
    before = fold(resolver.labels.get(previous.entity, "")).split()
    if not parts or word in before or len(before) < 2:
        return
    picked = []
    for code in dict.fromkeys(resolver.bag.get(word) or resolver.bag.get(min(parts)) or []):
        entity, name = resolver.sku_entity[code], fold(resolver.labels.get(code, "")).split()
        bag = set(name) | {p for w in name for p in w.split("-")}
        if code != previous.entity and word in set(name) | (parts if parts <= bag else set()) and any(
                set(before) - {w} <= set(name) for w in before):
            picked.append(entity)
    if len(picked) == 1:
        r.hit = Mention(picked[0], [], at, at + 1, word, 95.0)


def _points_back(r: _Reading) -> bool:
    """"and the forecast for it next quarter?": a word for the previous question's subject ("it", "nó"), with
    no name of its own: that subject, whatever new question and period the message gives."""
    words = [w for i, w in enumerate(r.words) if i not in r.used]
    return r.hit is None and any(find_phrase(words, p) is not None
                                 for p in load_vocabulary().slot_words.get("it_words", []))


def _names_a_kind(r: _Reading, resolver: Resolver) -> bool:
    """"what about the gate valves?": the name ends in a plural whose singular, not the plural, is what the
    candidates' names hold: the kind of product, all of them, so none is picked for being like the previous."""
    last = r.words[r.hit.end - 1] if r.hit is not None and r.hit.end > r.hit.start else ""
    one = resolver_singular(last)
    if one == last:
        return False
    names = [set(resolver.name_words.get(c.code, ())) for c in r.hit.candidates if c.kind == "sku"]
    return bool(names) and all(one in name and last not in name for name in names)


def _like_previous(r: _Reading, previous: RoutedCall, resolver: Resolver | None) -> None:
    """In a follow-up about a product, a name that fits several products means the one most like the
    previous product ("what about the rear ones?" after the front brake pads): the candidate whose item name
    (pack sizes left out) shares the most words with the previous one's, when exactly one does. A pack size
    alone ("and the 250 ml?") is that size of the previous item."""
    if resolver is None or not previous.entity:
        return
    if r.hit is None and previous.entity.startswith("family:"):  # "còn loại dẻo?" after the Bánh tráng family
        family = previous.entity.split(":", 1)[1]
        _variant_of_previous(r, previous, [resolver.sku_entity[s] for s, f in resolver.family_of.items()
                                           if f == family and s in resolver.sku_entity], resolver)
        return
    if previous.entity not in resolver.item_of:
        return
    before = resolver.item_of[previous.entity]
    head = r.hit
    if head is not None and head.entity is not None and head.entity.kind == "family" \
            and fold_words(head.entity.code) != " ".join(r.words[head.start:head.end]):  # part of its name only
        r.hit = None  # "and the lon one?" after the chai 330ml: the lon one of that item, if any, not "Bia lon";
        # "còn loại rang xay?" after Blend 3 beans: the ground Blend 3, not the family "Cà phê rang xay"
    if r.hit is None:
        siblings = [resolver.sku_entity[s] for s, item in resolver.item_of.items() if item == before]
        taken = set(r.used)
        near = [w for i, w in enumerate(r.words) if i not in taken]
        picked, _ = resolver.settle(siblings, near) if len(siblings) > 1 else (None, [])
        if picked is not None and picked.kind == "sku" and picked.code != previous.entity:
            at = next(i for i, w in enumerate(r.words) if i not in taken and any(c.isdigit() for c in w))
            r.hit = Mention(picked, [], at, at + 1, r.words[at], 95.0)
        elif len(siblings) > 1:  # a variant word alone: "and L", "the keg", "and the bottles?"
            _variant_of_previous(r, previous, siblings, resolver)
        if r.hit is None:
            _swapped_of_previous(r, previous, resolver)
        if r.hit is None:
            _swapped_words_of_previous(r, previous, resolver)
        if r.hit is None:
            r.hit = head
        return
    if not r.hit.ambiguous or _names_a_kind(r, resolver):
        return
    words = set(before.split())
    shared = [(len(words & set(resolver.item_of.get(c.code, "").split())), c) for c in r.hit.candidates
              if c.kind == "sku"]
    best = max((n for n, _ in shared), default=0)
    picked = [c for n, c in shared if n == best]
    if best > 0 and len(picked) > 1:  # "còn thùng 5 lít?": of the previous item's sizes, the one typed
        sized, _ = resolver.settle(picked, [w for i, w in enumerate(r.words) if i not in r.used])
        picked = [sized] if sized is not None and sized.kind == "sku" else picked
    size = resolver.variant_digits.get(previous.entity, set())
    typed = set(r.hit.text.split())
    if best > 0 and len(picked) > 1 and size and not any(c.isdigit() for w in r.words for c in w) and all(
            typed < set(resolver.item_of.get(c.code, "").split()) for c in picked):
        # a variant word only ("the chocolate"), the rest of the item's name the previous one's: its size
        same = [c for c in picked if resolver.variant_digits.get(c.code, set()) == size]
        picked = same if len(same) == 1 else picked  # "what about the chocolate?" after the 2 lb vanilla: 2 lb
    if best > 0 and len(picked) == 1:
        r.hit.entity, r.hit.candidates = picked[0], []


def _family_of_previous(r: _Reading, previous: RoutedCall, resolver: Resolver | None) -> None:
    """"and for the whole family?", "thế còn cả nhóm?" after a question about a product: that product's family."""
    if resolver is None or r.hit is not None or not previous.entity or previous.entity not in resolver.family_of:
        return
    cues = {"family", "range", "category"}
    cues |= {c for c in load_vocabulary().slot_words.get("family_cues", []) if " " not in c}
    at = next((i for i, w in enumerate(r.words) if w in cues and i not in r.used  # "thế còn cả nhóm?"
               and r.words[i + 1:i + 2] != ["nao"] and r.words[i - 1:i] != ["which"]), None)  # not "nhóm nào"
    if at is not None:
        family = resolver.family_of[previous.entity]
        r.hit = Mention(Entity("family", family, family), [], at, at + 1, r.words[at], 100.0)


def _variant_of_previous(r: _Reading, previous: RoutedCall, siblings: list[Entity], resolver: Resolver) -> None:
    picked = _by_variant_words(r, siblings, resolver)
    if picked is not None and picked.code != previous.entity:
        at = [i for i in range(len(r.words)) if i not in r.used]
        r.hit = Mention(picked, [], at[0], at[-1] + 1, " ".join(r.words[i] for i in at), 95.0)


def _by_variant_words(r: _Reading, candidates: list[Entity], resolver: Resolver) -> Entity | None:
    """The one candidate whose name holds the one or two words typed ("and L", "the keg", "the bottles")."""
    vocabulary = load_vocabulary()
    cues = {w for cue in vocabulary.followup_cues for w in phrase_tokens(cue)}
    typed = [w for i, w in enumerate(r.words) if i not in r.used and w not in vocabulary.stopwords and w not in cues
             and w not in ("one", "ones")]
    if not typed or len(typed) > 2:
        return None
    spelled = size_words()
    wanted = [{w, spelled.get(w, w)} for w in typed]  # "small" for the S of "T-Shirt S", "bottle" for a "chai"
    picked = []
    for candidate in candidates:
        if candidate.kind != "sku":
            continue
        name = fold(resolver.labels.get(candidate.code, "")).replace("-", " ").split()
        bag = set(name) | {resolver_singular(w) for w in name}
        if all(any(w in bag or resolver_singular(w) in bag for w in ways) for ways in wanted):
            picked.append(candidate)
    return picked[0] if len(picked) == 1 else None


def _written_as_in_names(token, resolver: Resolver) -> bool:
    """"còn loại đỏ?", "and the đỏ one?": a word that folds like a stopword ("do") but is typed with the
    marks a name writes it with ("đỏ", a colour): the name's word, not the stopword."""
    return has_diacritics(token.raw) and token.raw.lower() in resolver.written_forms.get(token.text, ())
