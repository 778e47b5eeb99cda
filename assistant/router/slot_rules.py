"""Slot rules: which words of a message fill the product, period, owner or size, and which do not.

A period inside a product's name, a name that is a person's, a size shared by several products, a machine or a
variant the data does not know, months named without a year: each rule reads one reading's words.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from assistant.router.base import (
    ABOUT_A_PRODUCT,
    TOPIC_DETERMINERS,
    _at,
    _mention_span,
    _Reading,
    _span,
    _without,
)
from assistant.router.pairs import question_sentence
from assistant.router.typed import (
    PERIOD_LIKE,
)
from assistant.router.vocab import (
    Token,
    everyday_word,
    find_phrase,
    load_vocabulary,
    paired_words,
    phrase_tokens,
    written_words,
)
from sop_engine.periods import (
    MONTHS,
    PeriodRange,
    add_months,
    format_period,
    message_period,
    month_start,
)
from sop_engine.resolver import UNIT_WORDS, Entity, Mention, Resolver, singular
from sop_engine.text import fold, fold_words, has_diacritics

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


_BY = re.compile(r"^\d+(?:[.,]\d+)?x\d+(?:[.,]\d+)?$")  # "15x15": a size of two measures


def _slot_size_no_name_holds(r: _Reading, resolver: Resolver | None) -> str | None:
    """"the ClearFlow 20 ml syringe" when the syringes are 2, 5 and 10 ml, "the Shannon 15x15 dressing" when the
    dressings are 10x10 and 10x20: a size typed inside or right next to the name found (a family's or a
    product's), of a unit the names hold, that no product's name holds: a product the data does not have, as
    typed (asked back, never answered for the family or a product of another size)."""
    hit = r.hit
    if resolver is None or hit is None or hit.entity is None:
        return None
    names = list(resolver.name_words.values())
    units = {n[k + 1] for n in names for k in range(len(n) - 1) if _NUMBER.fullmatch(n[k]) and n[k + 1].isalpha()}
    pairs = {(n[k], n[k + 1]) for n in names for k in range(len(n) - 1)}
    held = {w for n in names for w in n}
    taken = set(r.used) | _mention_span(r.owner) | _mention_span(r.resource)
    for at in range(max(hit.start - 2, 0), min(hit.end + 1, len(r.words))):
        if at in taken:
            continue
        word = r.words[at]
        if _BY.fullmatch(word) and word not in held:
            size = [at]
        elif at + 1 < len(r.words) and _NUMBER.fullmatch(word) and r.words[at + 1] in units \
                and at + 1 not in taken and (word, r.words[at + 1]) not in pairs:
            size = [at, at + 1]
        else:
            continue
        return " ".join(t.raw for t in r.tokens[min(size[0], hit.start):max(size[-1] + 1, hit.end)])
    return None


def _slot_variant_others_hold(r: _Reading, resolver: Resolver | None) -> tuple[str, list[Entity]] | None:
    """"tôm sú 16/20" when "tôm sú" is a run of one name ("Hộp quà Tết tôm sú 1kg") and "16/20" a word of other
    names only: a word with a digit typed right next to the product found, that its name lacks and other
    names hold. The product found is not what was asked; the products holding that word are the choice."""
    hit = r.hit
    if resolver is not None and hit is not None and hit.entity is not None and hit.entity.kind == "family":
        return _slot_code_in_family(r, resolver)
    if resolver is None or hit is None or hit.entity is None or hit.entity.kind != "sku":
        return None
    own = set(resolver.name_words.get(hit.entity.code, ()))
    taken = set(r.used) | _mention_span(r.owner) | _mention_span(r.resource) | _mention_span(hit)
    for at in (hit.end, hit.end + 1, hit.start - 1):
        if not 0 <= at < len(r.words) or at in taken:
            continue
        word = r.words[at]
        if not any(c.isdigit() for c in word) or word.isdigit() or word in own or "%" in word:
            continue
        holders = [s for s in dict.fromkeys(resolver.bag.get(word, [])) if s != hit.entity.code]
        if 1 <= len(holders) <= 8:
            text = " ".join(t.raw for t in r.tokens[min(at, hit.start):max(at + 1, hit.end)])
            return text, [resolver.sku_entity[s] for s in holders]
    return None


def _slot_code_in_family(r: _Reading, resolver: Resolver) -> tuple[str, list[Entity]] | None:
    """"fillet hồng nhạt tỉa kỹ 170-220" when "fillet" names a family: a word with a digit typed after the
    family's word, within five words, that only some of its products hold ("170-220"). The family is not
    what was asked; the products holding that word are the choice."""
    hit = r.hit
    members = list(dict.fromkeys(resolver.family_skus.get(hit.entity.code, ())))  # in the data's order
    taken = set(r.used) | _mention_span(r.owner) | _mention_span(r.resource) | _mention_span(hit)
    for at in range(hit.end, min(hit.end + 5, len(r.words))):
        word = r.words[at]
        if at in taken:
            break
        if not any(c.isdigit() for c in word) or word.isdigit() or "%" in word:
            continue
        holders = [s for s in members if any(w == word or (w.startswith(word) and w[len(word):] in UNIT_WORDS)
                                             for w in resolver.name_words.get(s, ()))]  # "170-220": "170-220g"
        if holders and len(holders) < len(members):
            text = " ".join(t.raw for t in r.tokens[hit.start:at + 1])
            return text, [resolver.sku_entity[s] for s in holders]
        if not holders and at == hit.end and len(members) > 1 and not PERIOD_LIKE.match(word):
            # "ChargeCube 45W", "tôn lạnh 0.50": a size none of them has (the other names holding it first)
            text = " ".join(t.raw for t in r.tokens[hit.start:at + 1])
            elsewhere = list(dict.fromkeys(resolver.bag.get(word, ())))
            return text, [resolver.sku_entity[s] for s in [*elsewhere, *members][:8]]
    return None


def _slot_occasion_noun(r: _Reading, taken: set[int]) -> str | None:
    """"ok over flu season?", "short before the shutdown?", "sales during the HSE tender?": a word that
    introduces a time (the vocabulary's ``occasion_before`` and ``occasion_before_noun``), then up to three words
    ending with a noun of an occasion (``occasion_nouns``: season, tender, shutdown ...): a time whose months
    the calendar rules do not know (asked back, never answered for the tool's default period)."""
    table = load_vocabulary().slot_words
    before = [*table.get("occasion_before", []), *table.get("occasion_before_noun", [])]
    nouns = set(table.get("occasion_nouns", []))
    for phrase in before:
        n = len(phrase_tokens(phrase))
        for i in range(len(r.words) - n):
            if r.words[i:i + n] != phrase_tokens(phrase) or set(range(i, i + n)) & taken:
                continue
            at = i + n + (r.words[i + n] in TOPIC_DETERMINERS)
            for end in range(at, min(at + 4, len(r.words))):
                if end in taken:
                    break
                if r.words[end] in nouns:
                    return " ".join(t.raw for t in r.tokens[at:end + 1])
    return _slot_occasion_head(r, taken, table)


def _slot_occasion_head(r: _Reading, taken: set[int], table: dict) -> str | None:
    """"có đủ que test cho mùa cúm không?": a word that heads the name of a time (``occasion_heads``, typed
    with its marks as the vocabulary writes it: "mùa", a season, is not "mua", to buy) and the word after it."""
    heads = set(table.get("occasion_heads", []))
    vocabulary = load_vocabulary()
    for i, t in enumerate(r.tokens[:-1]):
        typed = unicodedata.normalize("NFC", t.raw).casefold()
        if r.words[i] not in heads or not has_diacritics(typed) or typed not in written_words() or i in taken:
            continue
        end = i + 1  # "mùa tựu trường": the words of the time's name, up to a stopword or a cue
        while end < min(i + 4, len(r.words)) and end not in taken and r.words[end].isalpha() \
                and r.words[end] not in vocabulary.stopwords and r.words[end] not in vocabulary.reserved:
            end += 1
        if end > i + 1:
            return " ".join(x.raw for x in r.tokens[i:end])
    return None


def _slot_in_resource_again(words: list[str], hit: Mention | None, resource: Mention | None) -> bool:
    """"The Veneer Press was over in June … How loaded is the Veneer Press in June?": a product word found
    where the resource's name is typed a second time is that resource's, no product."""
    if hit is None or resource is None or hit.entity is not None:
        return False
    run = words[resource.start:resource.end]
    n = len(run)
    return any(words[i:i + n] == run and i <= hit.start and hit.end <= i + n for i in range(len(words) - n + 1))


def _slot_occasion(r: _Reading, taken: set[int]) -> str | None:
    """"sales during the Vårkampanj?", "enough people for Black Week?": a capitalised run of words the data
    and the vocabulary do not know, right after a word that introduces a time ("during", "for"; the
    vocabulary's ``occasion_before``) and ending the clause: an occasion whose months are not told (asked
    back, never answered for the tool's default period)."""
    table = load_vocabulary().slot_words
    before = set(table.get("occasion_before", []))
    reserved = load_vocabulary().reserved
    for i, word in enumerate(r.words[:-1]):
        if word not in before or i in taken:
            continue
        at = i + 1 + (r.words[i + 1] in TOPIC_DETERMINERS)
        end = at
        while end < len(r.tokens) and end not in taken and r.tokens[end].raw[:1].isupper() \
                and r.tokens[end].raw.replace("-", "").isalpha() and not r.tokens[end].raw.isupper():
            end += 1
        if end == at or end - at > 3:
            continue
        closes = end == len(r.tokens) or bool(re.match(r"\s*[?.!,;]", r.text[r.tokens[end - 1].start
                                                                            + len(r.tokens[end - 1].raw):]))
        if closes and any(w not in reserved and w not in MONTHS for w in r.words[at:end]):
            return " ".join(t.raw for t in r.tokens[at:end])
    return None


def _slot_context_only(r: _Reading) -> set[int]:
    """"The Sofas re-forecast is on Björn's list for June, not yet. What did we decide at the pre-S&OP?": the
    product, person and month of the sentences before the one question are context when the question names
    none of them and does not point back ("it", "that"): the question is asked for the whole. The positions of
    those sentences, or none."""
    if "?" not in r.text or not r.tokens:
        return set()
    sentence, asked = question_sentence(r.text, r.tokens)
    if len(set(sentence)) < 2:
        return set()
    spans = [_mention_span(r.hit), _mention_span(r.owner)]
    if r.period is not None:
        spans.append({i for i in _span(r.words, r.period.words) if i < len(sentence)})
    spans = [s for s in spans if s]
    if not spans or any(sentence[i] == asked for s in spans for i in s):
        return set()
    pointers = load_vocabulary().slot_words.get("it_words", [])
    own = [w if sentence[i] == asked else "\x00" for i, w in enumerate(r.words)]
    if any(find_phrase(own, p) is not None for p in pointers):
        return set()
    return {i for i, k in enumerate(sentence) if k != asked}


# units of one measure: a size typed in one of them is another size of a name written in another
_UNIT_GROUPS = (frozenset({"ml", "cl", "l", "lit", "litre", "liter", "litres", "liters"}),
                frozenset({"g", "gr", "kg", "mg", "mcg", "oz", "lb", "lbs"}))
_JOINED_SIZE = re.compile(r"(\d+(?:[.,]\d+)?)([a-z]+|%)")  # "250mg", "2%": a number and its unit in one word


def _size_at(words: list[str], at: int) -> tuple[str, str, int] | None:
    """The number, unit and word count of a size written at ``at`` ("250mg", "250 mg", "2%")."""
    joined = _JOINED_SIZE.fullmatch(words[at])
    if joined:
        return joined[1], joined[2], 1
    if _NUMBER.fullmatch(words[at]) and at + 1 < len(words) and words[at + 1].isalpha():
        return words[at], words[at + 1], 2
    return None


def _slot_other_rating(r: _Reading, resolver: Resolver | None) -> str | None:
    """"the Dompel Sewage Pump 11 kW" when its name says 7.5 kW, "Cefuroxim 250mg" when it is 500mg, "Gel
    Diclofenac 2%" when it is 1%: a number and a unit typed right next to one product's name, whose name
    holds that unit with another number and not this one: a size or rating the data does not have, as typed
    with the name (asked back, never answered for the product of another one)."""
    hit = r.hit
    if resolver is None or hit is None or hit.entity is None or hit.entity.kind != "sku":
        return None
    name = resolver.name_words.get(hit.entity.code, [])
    held = {size[:2] for k in range(len(name)) if (size := _size_at(name, k))}
    units = {unit for _, unit in held}
    units |= {u for group in _UNIT_GROUPS if units & group for u in group}  # "Arbequina 1 L" when it is 250 ml
    taken = set(r.used) | _mention_span(r.owner) | _mention_span(r.resource)
    for at in (hit.end, hit.start - 2, hit.start - 1):  # "11 kW Dompel …": the unit may be read into the name
        size = _size_at(r.words, at) if 0 <= at < len(r.words) else None
        if size is None or (at < hit.start and at + size[2] != hit.start):
            continue
        number, unit, width = size
        span = set(range(at, at + width))
        if span & taken or span & _mention_span(hit) or r.tokens[at].raw[:1] in "+-":
            continue  # "+20%": a change of demand, no rating
        if unit in units and (number, unit) not in held and number not in name:
            return " ".join(t.raw for t in r.tokens[min(at, hit.start):max(at + width, hit.end)])
    return None


def _slot_before_the_question(r: _Reading) -> set[int]:
    """"The MD asked about working capital. Which SKUs are we overstocked on?": the words of the sentences
    before the one question of a message are context, no name to ask about, when the question does not point
    back at them ("it", "that one")."""
    if "?" not in r.text or not r.tokens:
        return set()
    sentence, asked = question_sentence(r.text, r.tokens)
    pointers = load_vocabulary().slot_words.get("it_words", [])
    own = [w if sentence[i] == asked else "\x00" for i, w in enumerate(r.words)]
    if any(find_phrase(own, p) is not None for p in pointers):
        return set()
    return {i for i, k in enumerate(sentence) if k < asked}


def _slot_place_alone(r: _Reading, resolver: Resolver) -> bool:
    """"what's the weather in Tiruppur tomorrow?": one word of a resource's name that is also a place of the
    data (a plant, a warehouse), no other word of the resource and no question word: the place, not its line."""
    found = r.resource
    if found is not None and found.score < 100 and found.end - found.start > 1:
        return _slot_place_run(r.words[found.start:found.end], resolver)  # "thời tiết Cần Thơ": the city
    return found is not None and found.score < 100 and found.end - found.start == 1 \
        and r.words[found.start] in resolver.place_words


_COUNT_PACK = re.compile(r"^\d+-?(?:pack|pk|pcs|ct|count)s?$")  # "3-pack", "6pk": a pack count written in one word


def _slot_shared_variant(r: _Reading, resolver: Resolver) -> tuple[str, list[Entity]] | None:
    """"XL short next month?", "pack of 3 sales in October": a variant word left unused (a letter size, or a
    pack count written as in the names) that the names of several SKUs hold, and no product named: which of
    them (never every SKU). A one-letter size counts only written as in names, in capitals ("M", not "m")."""
    sizes = set(load_vocabulary().slot_words.get("letter_sizes", []))
    vocabulary = load_vocabulary()
    taken = set(r.used) | _mention_span(r.owner) | _mention_span(r.resource)
    for i, w in enumerate(r.words):
        if i not in taken and w not in resolver.bag and _COUNT_PACK.match(w) and singular(w) in resolver.bag:
            w = singular(w)  # "the 3-packs": the names' "3-Pack"
        if i in taken or w not in resolver.bag:
            continue
        for n in (3, 2, 1):
            run = [w, *r.words[i + 1:i + n]]
            if i + n > len(r.words) or set(range(i, i + n)) & taken:
                continue
            if n == 1:
                raw = r.tokens[i].raw
                if (w not in sizes or (len(w) == 1 and not raw.isupper())) and not _COUNT_PACK.match(w):
                    continue
            elif not (any(x.isdigit() for x in run) and run[0].isalpha() and run[0] not in vocabulary.stopwords
                      and not run[-1].isalpha()):
                continue  # "pack of 3": a word, then its count
            skus = [s for s in resolver.bag.get(run[0], ()) if _slot_holds_run(resolver.name_words[s], run)]
            if len(skus) >= 2:
                return " ".join(t.raw for t in r.tokens[i:i + n]), [resolver.sku_entity[s] for s in skus]
    return None


def _slot_period_in_name(text: str, tokens: list[Token], codes: set[int], hit: Mention, period: PeriodRange,
                         used: set[int], resource: Mention | None, resolver: Resolver, planning_date: date):
    """"How Now Rooibos: short next month?": a period word ("now") that is a word of the product's name found
    next to it is the name's, and the period is read from the other words (``used`` is updated in place)."""
    words = [t.text for t in tokens]
    taken = _span(words, period.words) & used
    if not taken or hit.entity is None or hit.entity.kind != "sku":
        return hit, period, used | _mention_span(resource)
    own = set(resolver.name_words.get(hit.entity.code, ()))
    if not all(words[i] in own for i in taken):
        return hit, period, used | _mention_span(resource)
    names_used = (used - taken) | _mention_span(resource)
    whole = resolver.find(tokens, skip=names_used, months=frozenset(MONTHS))
    if whole is None or whole.entity != hit.entity or not taken <= _mention_span(whole) or whole.score < hit.score:
        return hit, period, used | _mention_span(resource)
    used -= taken
    again = message_period(_without(text, tokens, codes | _mention_span(whole)), planning_date)
    if again is not None:
        used |= _span(words, again.words) - _mention_span(whole)
    return whole, again, used | _mention_span(resource)


def _slot_name_over_person(r: _Reading, intent: str | None) -> None:
    """"sterling forecast pls": a word of several products' names that is also a person's name, in a question
    about a product (a forecast, a shortage, sales ...), names the products (which one is asked), not the
    person (a person's items are a decisions question)."""
    if r.shadowed is not None and r.hit is None and intent in ABOUT_A_PRODUCT and r.shadowed.ambiguous \
            and all(r.words[i] in {w for e in r.shadowed.candidates for w in _slot_name_words(e)}
                    for i in _mention_span(r.shadowed)):
        r.hit, r.owner = r.shadowed, None


def _slot_shared_size(r: _Reading, resolver: Resolver) -> tuple[str, list[Entity]] | None:
    """"5W-30 shortages", "500 ml sales": a grade or a size written as in the names (a number with its unit,
    or a word of letters and digits) that several products share, and no product named: which of them."""
    taken = set(r.used) | _mention_span(r.owner)
    for i, w in enumerate(r.words):
        if i in taken or not any(c.isdigit() for c in w):
            continue
        if any(c.isalpha() for c in w) and not PERIOD_LIKE.match(w):
            run = [w]
        elif w.replace(".", "").replace(",", "").isdigit() and i + 1 < len(r.words) and i + 1 not in taken \
                and r.words[i + 1].isalpha():
            run = [w, r.words[i + 1]]
        else:
            continue
        # the names holding the run's first word (``bag`` keeps the names' order), not every name in turn
        skus = [s for s in resolver.bag.get(run[0], ()) if _slot_holds_run(resolver.name_words[s], run)]
        if len(skus) >= 2:
            return " ".join(t.raw for t in r.tokens[i:i + len(run)]), [resolver.sku_entity[s] for s in skus]
    return None


def _slot_unknown_machine(r: _Reading, resolver: Resolver) -> str | None:
    """"máy rang tháng sau có quá tải không?": a machine word and the word saying its kind ("rang" after "máy",
    "roasting" before "machine"), with no resource named: the words as typed (which resource is asked)."""
    vocabulary = load_vocabulary()
    machines = set(vocabulary.slot_words.get("machine_words", []))
    cues = {p for spec in vocabulary.intents.values() for p in spec["words"]}  # "giờ máy": machine hours
    def kind_word(i: int, j: int) -> bool:  # a word saying the kind: "mạ" (two letters with their marks) too
        return 0 <= j < len(r.tokens) and j not in r.used and r.words[j].isalpha() and (
            len(r.words[j]) >= 3 or len(r.words[j]) == 2 and has_diacritics(r.tokens[j].raw)) \
            and not everyday_word(r.words[j], r.tokens[j].raw) and r.words[j] not in MONTHS \
            and " ".join(r.words[min(i, j):max(i, j) + 1]) not in cues

    for i, t in enumerate(r.tokens):
        if t.text not in machines or i in r.used:
            continue
        for j in (i + 1, i - 1):
            if kind_word(i, j):
                end = j + 1 if j > i else i + 1
                while j > i and end < len(r.tokens) and end - i < 4 and kind_word(i, end):
                    end += 1  # "máy mạ băng": the kind in two words
                return " ".join(x.raw for x in r.tokens[min(i, j):end])
    return None


def _slot_unnamed_months(r: _Reading) -> str | None:
    """"without the promo months": an exclusion whose months are told by what happened in them, not named
    (no period read): the words from the exclusion to the month word, as typed."""
    vocabulary = load_vocabulary()
    units = set(vocabulary.slot_words.get("month_units", []))
    starts = [find_phrase(r.words, p) for p in vocabulary.slot_words.get("exclude", [])]
    starts = [a for a in starts if a is not None]
    if not starts:
        return None
    at = min(starts)
    end = next((j for j in range(at + 1, min(len(r.words), at + 7)) if r.words[j] in units), None)
    if end is None:
        return None
    first = at + 1 + (r.words[at + 1] in TOPIC_DETERMINERS)
    if r.language == "vi":  # "bỏ các tháng khuyến mãi": what the months are follows them
        end = next((j - 1 for j in range(end + 1, min(len(r.words), end + 4)) if j in r.used), min(len(r.words) - 1,
                                                                                                 end + 3))
    return " ".join(t.raw for t in r.tokens[first:end + 1])


def _slot_step_before(words: list[str]) -> int:
    """"and the month before?", "the quarter before that", "tháng trước đó", "còn tháng trước nữa?": how many
    months back from the previous question's period (0: none of these)."""
    for phrase, step in (("month before", 1), ("quarter before", 3), ("year before", 12), ("thang truoc do", 1),
                         ("quy truoc do", 3), ("nam truoc do", 12), ("thang truoc nua", 1),
                         ("quy truoc nua", 3), ("nam truoc nua", 12)):
        if find_phrase(words, phrase) is not None:
            return step
    return 0


def _slot_months_before(labels: list[str], step: int) -> list[str]:
    """The month before the first of ``labels`` (step 1), or every label moved back a quarter or a year."""
    if step == 1:
        return [format_period(add_months(month_start(labels[0]), -1))]
    return [format_period(add_months(month_start(label), -step)) for label in labels]


def _slot_season_not_name(tokens: list[Token], hit: Mention, resolver: Resolver) -> bool:
    """A season's or holiday's word alone ("spring", "summer"), written lowercase, that is only the first
    word of a product's name and is not followed by the name's next word: the time, not that product."""
    if hit.end - hit.start != 1 or hit.score >= 100 or hit.entity is None or hit.entity.kind != "sku":
        return False
    seasons = {p for p in load_vocabulary().slot_words.get("unread_periods", []) if len(phrase_tokens(p)) == 1}
    word = tokens[hit.start]
    name = list(resolver.name_words.get(hit.entity.code, ()))
    following = tokens[hit.end].text if hit.end < len(tokens) else None
    return word.text in seasons and word.raw.islower() and name[:1] == [word.text] and (
        len(name) < 2 or following != name[1])


def _slot_occasion_named_like(tokens: list[Token], hit: Mention, resolver: Resolver) -> bool:
    """"what's going to run out during the World Cup?": a few words of a product's name ("… World Cup 2026
    lon 330ml"), not the whole of it, right after "during the" or "throughout the": the occasion, a time
    the calendar rules do not know (asked back), not that product."""
    if hit.start < 2 or hit.entity is None or hit.entity.kind != "sku" or tokens[hit.start - 1].text != "the" \
            or tokens[hit.start - 2].text not in ("during", "throughout"):
        return False
    return " ".join(t.text for t in tokens[hit.start:hit.end]) != " ".join(resolver.name_words.get(hit.entity.code, ()))


def _slot_outside_the_question(r: _Reading) -> set[int]:
    """"Is anything at risk of running out in August? Asking for the ops call.": the words of the sentences
    after the one question of a message are context, no name to ask about."""
    if "?" not in r.text or not r.tokens:
        return set()
    sentence, asked = question_sentence(r.text, r.tokens)
    return {i for i, k in enumerate(sentence) if k > asked}


def _slot_holds_run(words: list[str], run: list[str]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def _slot_name_words(entity: Entity) -> set[str]:
    return set(fold_words(entity.label).split())


def _slot_unknown_variant_of_family(r: _Reading, leftover: str, resolver: Resolver) -> bool:
    """"short on Caramel Cold Brew", "Sữa tắm Bưởi short?": one word right before a family's name, or one
    capitalised word right after it, that no name of the data holds reads as a variant of that family the
    data lacks (ask back), never as the whole family."""
    if r.hit is None or r.hit.entity is None or r.hit.entity.kind != "family" or len(leftover.split()) != 1:
        return False
    at = _at(r, leftover)
    if at + 1 != r.hit.start and not (at == r.hit.end and r.tokens[at].raw[:1].isupper()):
        return False
    word = fold(leftover.removesuffix("'s"))
    named = resolver.name_words.values() if at + 1 == r.hit.start else (  # after it: the family's own names
        resolver.name_words.get(s, ()) for s in resolver.family_skus.get(r.hit.entity.code, ()))
    known = {w for ws in named for w in ws} | resolver.place_words
    known |= {w for name in resolver.owners for w in fold(name).split()}
    return word not in known and not leftover.endswith("'s")


def _slot_unknown_family(r: _Reading, resolver: Resolver) -> str | None:
    """"nhóm Mỹ phẩm quý tới có thiếu hàng không": a family word followed by a capitalised name that no family
    or product of the data holds (no name found there): the name as typed (which family, never all)."""
    vocabulary = load_vocabulary()
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource) | _mention_span(r.owner)
    for cue in vocabulary.slot_words.get("family_cues", []):
        n = len(phrase_tokens(cue))
        for i in range(len(r.words) - n):
            start = i + n
            if r.words[i:start] != phrase_tokens(cue) or start in taken or set(range(i, start)) & taken:
                continue
            first = r.tokens[start]
            if not first.raw[:1].isupper() or not first.text.isalpha() or first.text in MONTHS:
                continue
            family_words = {w for f in resolver.family_skus for w in fold_words(f).split()}
            end = start + 1  # "Mỹ phẩm": the lowercase words after it that are no cue or stopword (or a family's)
            while end < len(r.tokens) and end - start < 4 and end not in taken and r.tokens[end].text.isalpha() \
                    and (r.words[end] not in vocabulary.reserved or r.words[end] in family_words):
                end += 1
            return " ".join(t.raw for t in r.tokens[start:end])
    return None


def _slot_unknown_machine_kind(r: _Reading, resolver: Resolver) -> str | None:
    """"máy đóng nang": a machine word, a word of the resources' names and a word none of them holds, with no
    resource named: the three words as typed (which resource is asked, never every one)."""
    vocabulary = load_vocabulary()
    machines = set(vocabulary.slot_words.get("machine_words", []))
    known = {w for name in resolver.resource_spellings for w in name.split()}
    for i in range(len(r.words) - 2):
        if r.words[i] not in machines or {i, i + 1, i + 2} & set(r.used):
            continue
        second, third = r.words[i + 1], r.words[i + 2]
        if second in known and third.isalpha() and len(third) >= 3 and third not in known \
                and third not in vocabulary.stopwords and third not in vocabulary.reserved and third not in MONTHS:
            return " ".join(t.raw for t in r.tokens[i:i + 3])
    return None


def _slot_code_typed(r: _Reading, resolver: Resolver) -> bool:
    """"the discontinued hand blender MX-C2", "wall fans (QT-1655)": a SKU named by its own code (one with a
    digit or a hyphen) is that SKU; the words typed around it describe it, they are no unknown name."""
    hit = r.hit
    if hit is None or hit.entity is None or hit.entity.kind != "sku" or hit.score < 100:
        return False
    code = fold_words(hit.entity.code)
    return " ".join(r.words[hit.start:hit.end]) == code and any(c.isdigit() or c == "-" for c in code)


def _slot_period_in_step(r: _Reading) -> bool:
    """"còn tháng trước đó?": the period read ("tháng trước", last month) is a part of the words for the month
    before the previous question's ("tháng trước đó"), not a period of its own."""
    if r.period is None:
        return False
    read = _span(r.words, r.period.words)
    for phrase in ("thang truoc do", "quy truoc do", "nam truoc do", "thang truoc nua", "quy truoc nua",
                   "nam truoc nua", "month before", "quarter before", "year before"):
        at = find_phrase(r.words, phrase)
        if at is not None and read and read <= set(range(at, at + len(phrase_tokens(phrase)))):
            return True
    return False


def _slot_accented_month(tokens: list[Token]) -> set[int]:
    """"Sếp hỏi nhanh: …": a word written with accents that folds like an English month name ("sếp", the boss,
    folds like "sep") is that word, no month (the month names are written without accents)."""
    return {i for i, t in enumerate(tokens) if t.text in MONTHS and has_diacritics(t.raw)}


def _slot_which_resource(r: _Reading) -> bool:
    """"dây chuyền nào quá tải trong quý tới?", "which lines are overloaded?": the words several resources'
    names share, with a word asking which, ask about every resource (the load of each), not which one is meant."""
    found = r.resource
    if found is None or found.entity is not None:
        return False
    table = load_vocabulary().slot_words
    after = r.words[found.end] if found.end < len(r.words) else ""
    before = r.words[found.start - 1] if found.start > 0 else ""
    return after in table.get("which_after", []) or before in table.get("which_before", [])


def _slot_season_words(words: list[str]) -> set[int]:
    """"vụ Hè Thu", "the Đông Xuân season": the words of a season or crop-season phrase of more than one word
    (an owner whose first name is a word of it, "Thu", is not named there)."""
    out: set[int] = set()
    for phrase in load_vocabulary().slot_words.get("unread_periods", []):
        parts = phrase_tokens(phrase)
        if len(parts) > 1:
            out |= {j for i in range(len(words) - len(parts) + 1) if words[i:i + len(parts)] == parts
                    for j in range(i, i + len(parts))}
    return out


_SERIES_CODE = re.compile(r"([a-z]{1,4})(\d{2,})")


def _slot_unknown_model(r: _Reading, resolver: Resolver | None) -> str | None:
    """"Giống lúa ST26" when the names hold ST24 and ST25: a model code of letters and a number, of a series
    the names hold (the same letters) with a number none of them carries, typed outside the name found: a
    product the data does not have, as typed (asked back, never answered for the family or a neighbour)."""
    if resolver is None:
        return None
    series = {m.group(1) for w in resolver.words if (m := _SERIES_CODE.fullmatch(w))}
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.owner) | _mention_span(r.resource)
    for i, word in enumerate(r.words):
        m = _SERIES_CODE.fullmatch(word)
        if i in taken or m is None or m.group(1) not in series or word in resolver.words or word in resolver.bag \
                or word in resolver.codes:
            continue
        return r.tokens[i].raw
    hit = r.hit
    at = hit.end if hit is not None else -1
    if hit is not None and hit.entity is not None and hit.entity.kind == "sku" and at < len(r.words) \
            and at not in taken and r.words[at].isdigit() and len(r.words[at]) >= 3 and r.words[at] not in resolver.bag:
        numbers = [w for w in resolver.name_words.get(hit.entity.code, ()) if w.isdigit()]
        if any(len(n) == len(r.words[at]) for n in numbers):  # "ProMax 822" when the name is "… ProMax 820"
            return " ".join(t.raw for t in r.tokens[hit.start:at + 1])
    return None


def _slot_series_products(typed: str, resolver: Resolver) -> list[Entity]:
    """The products whose names hold a model code of the series ``typed`` is of ("ST26": ST24, ST25)."""
    m = _SERIES_CODE.fullmatch(fold(typed))
    if m is None:
        return []
    skus = dict.fromkeys(s for w, found in resolver.words.items() if (c := _SERIES_CODE.fullmatch(w))
                         and c.group(1) == m.group(1) for s in found)
    return [resolver.sku_entity[s] for s in skus][:8]


def _slot_place_run(run: list[str], resolver: Resolver) -> bool:
    """Words that are a run of a place's name in the data ("can tho" of "Nhà máy Cần Thơ") holding a word only
    places have: the place."""
    return any(_slot_holds_run(name.split(), run) for name in resolver.plants) \
        and any(w in resolver.place_words for w in run)


def _slot_translated_resource(tokens: list[Token], resolver: Resolver) -> Mention | None:
    """"máy lưu hóa số 2", "máy đùn săm", "kho lạnh": a kind of machine or line said in another language
    (``resource_translations``: "máy lưu hóa=curing press") and the resources whose names hold its English
    words; a number after it ("số 2", "2") picks the resource numbered so. One resource, or the choice."""
    words = [t.text for t in tokens]
    names = list(dict.fromkeys(resolver.resources.values()))
    for said, english in paired_words("resource_translations"):
        at = find_phrase(words, said)
        if at is None:
            continue
        end = at + len(phrase_tokens(said))
        held = [n for n in names if _slot_holds_run(fold_words(n).split(), english.split())]
        number = end + (end < len(words) and words[end] == "so")  # "số 2"
        if number < len(words) and words[number].isdigit():
            numbered = [n for n in held if fold_words(n).split()[-1:] == [words[number]]]
            if numbered:
                held, end = numbered, number + 1
        if held:
            found = [Entity("resource", n, n) for n in held]
            entity = found[0] if len(found) == 1 else None
            return Mention(entity, [] if entity else found, at, end, " ".join(words[at:end]), 100.0)
    return None


def _slot_resource_before_kind(tokens: list[Token], resolver: Resolver) -> Mention | None:
    """"Dong bao line capacity": everyday words typed without accents ("đóng bao", to bag) that are a run of
    resource names, right before a word naming a kind of resource ("line"): those resources (one, or a
    question back when several names hold the run), the kind word with them."""
    kinds = set(load_vocabulary().slot_words.get("resource_kinds", []))
    words = [t.text for t in tokens]
    for i, word in enumerate(words):
        if word not in kinds:
            continue
        for n in (3, 2):
            run = words[i - n:i] if i >= n else []
            if not run or any(not w.isalpha() for w in run):
                continue
            found = [code for name, code in resolver.resources.items() if _slot_holds_run(name.split(), run)]
            if found:
                entities = [Entity("resource", c, c) for c in dict.fromkeys(found)]
                one = entities[0] if len(entities) == 1 else None
                return Mention(one, [] if one else entities, i - n, i + 1, " ".join(t.raw for t in tokens[i - n:i + 1]),
                               95.0)
    return None


def _slot_word_of_a_stopword_phrase(tokens: list[Token], hit: Mention | None) -> bool:
    """"chạy lại dự báo toan bo": a one-word name ("Bò") typed in lower case inside an everyday phrase of the
    vocabulary ("toàn bộ", all of it), typed without marks or with the phrase's own: the phrase, no name."""
    if hit is None or hit.end - hit.start != 1 or tokens[hit.start].raw[:1].isupper():
        return False
    words = [t.text for t in tokens]
    for phrase in load_vocabulary().stopwords:
        parts = phrase_tokens(phrase)
        if len(parts) < 2 or words[hit.start] not in parts:
            continue
        for at in range(max(0, hit.start - len(parts) + 1), hit.start + 1):
            typed = [unicodedata.normalize("NFC", t.raw).casefold() for t in tokens[at:at + len(parts)]]
            if words[at:at + len(parts)] == parts and all(
                    not has_diacritics(w) or w in written_words() for w in typed):
                return True
    return False


def _slot_word_of_a_cue(words: list[str], hit: Mention | None) -> bool:
    """"ke hoach co dat ngan sach": words found as a name ("sach" of "Sạch", "co dat" of "Hữu cơ vi sinh Đất
    Vàng") that are words of a longer intent phrase standing there whole ("ngân sách", budget; "có đạt ngân
    sách"): the phrase's words, not the name."""
    if hit is None or hit.score >= 100:
        return False
    size = hit.end - hit.start
    for spec in load_vocabulary().intents.values():
        for phrase in spec["words"]:
            parts = phrase_tokens(phrase)
            if len(parts) <= size:
                continue
            for at in range(max(0, hit.end - len(parts)), hit.start + 1):
                if words[at:at + len(parts)] == parts:
                    return True
    return False


def _slot_subject_owner(r: _Reading, resolver: Resolver | None) -> Mention | None:
    """"dong con viec gi": in a question about a person's items, the first word typed without accents that is
    an owner's name ("Đông"), followed by a verb of having ("còn", "có"), and opens no phrase of the vocabulary
    ("bao nhiêu": how many, not Bảo): that owner."""
    if resolver is None or not r.tokens or r.owner is not None or 0 in set(r.used) | _mention_span(r.hit):
        return None
    first = r.tokens[0]
    if not first.raw.isascii() or not first.raw.isalpha() or first.raw != first.raw.lower():
        return None
    vocabulary = load_vocabulary()
    phrases = [p for spec in vocabulary.intents.values() for p in spec["words"]]
    phrases += [p for p in vocabulary.stopwords if " " in p]
    phrases += [p for ps in vocabulary.slot_words.values() for p in ps]
    if any(len(parts := phrase_tokens(p)) > 1 and r.words[:len(parts)] == parts for p in phrases):
        return None
    if len(r.words) < 2 or r.words[1] not in set(vocabulary.slot_words.get("subject_verbs", [])):
        return None  # "dong con viec gi": a verb of having after it ("bao nhieu viec": how many, no Bảo)
    found = resolver.find_owner(r.tokens[:1], titled={0})
    return found if found is not None and found.end == 1 else None


def _slot_titled_name(r: _Reading) -> str | None:
    """"anh Khoa còn việc gì?": a capitalised word right after a word of address ("anh", "chị"), no vocabulary
    word nor month: a person's name, as typed (one the notes do not know is asked back)."""
    vocabulary = load_vocabulary()
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource)
    for i, t in enumerate(r.tokens[:-1]):
        after = r.tokens[i + 1]
        if t.text in vocabulary.honorifics and i + 1 not in taken and after.raw[:1].isupper() \
                and after.text.isalpha() and after.text not in MONTHS \
                and (after.text not in vocabulary.reserved or r.language == "vi"):  # "anh Long": no English "long"
            return after.raw
    return None


def _slot_machine_before_resource(r: _Reading, resolver: Resolver) -> str | None:
    """"máy dập mắt xích" where a line is "Dây chuyền Xích": a resource found by a word of its name only,
    with a machine word a few words before it that its name lacks and a word between that no resource name,
    stopword or everyday word holds: another machine, as typed (asked back, never that resource)."""
    found = r.resource
    if found is None or found.entity is None or found.score >= 100:
        return None
    vocabulary = load_vocabulary()
    machines = set(vocabulary.slot_words.get("machine_words", []))
    own = {w for key, name in resolver.resource_spellings.items() if name == found.entity.code for w in key.split()}
    known = {w for name in resolver.resource_spellings for w in name.split()}
    for k in range(max(0, found.start - 3), found.start):
        between = r.words[k + 1:found.start]
        if r.words[k] not in machines or r.words[k] in own or {k, *range(k + 1, found.start)} & set(r.used):
            continue
        if any(w.isalpha() and len(w) >= 3 and w not in known and w not in vocabulary.stopwords
               and w not in vocabulary.reserved and w not in MONTHS for w in between):
            return " ".join(t.raw for t in r.tokens[k:found.end])
    return None


def _slot_everyday_word_of_a_cue(tokens: list[Token], hit: Mention | None, resolver: Resolver) -> bool:
    """"co ai nhac den …", "có ai nhắc đến …" where a family is "Đèn": one everyday word found as a name's
    whole word, standing inside a longer intent phrase typed whole ("nhắc đến", mention) and not written
    with the name's own marks: the phrase's word, not the name."""
    if hit is None or hit.end - hit.start != 1:
        return False
    token = tokens[hit.start]
    vocabulary = load_vocabulary()
    if token.text not in vocabulary.reserved or token.raw[:1].isupper():
        return False
    if has_diacritics(token.raw) and token.raw.lower() in resolver.written_forms.get(token.text, ()):
        return False  # "nhắc đèn": written as the name writes it
    words = [t.text for t in tokens]
    for spec in vocabulary.intents.values():
        for phrase in spec["words"]:
            parts = phrase_tokens(phrase)
            if len(parts) < 2:
                continue
            for at in range(max(0, hit.end - len(parts)), hit.start + 1):
                if words[at:at + len(parts)] == parts:
                    return True
    return False


def _slot_machine_before_name(r: _Reading) -> bool:
    """"máy dập săm tháng sau có đủ giờ không?": in a capacity question, a machine word one or two words
    before the product or family name found: the machine is asked about (which one, never every resource)."""
    if r.hit is None:
        return False
    machines = set(load_vocabulary().slot_words.get("machine_words", []))
    return any(r.words[k] in machines and k not in r.used for k in range(max(0, r.hit.start - 2), r.hit.start))
