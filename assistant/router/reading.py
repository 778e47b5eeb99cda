"""Reading a message: its words, period, order references, resources, owners and the product it names
(the one resolver), a what-if and the intent scores, as a ``_Reading`` the router decides on."""

from __future__ import annotations

import unicodedata
from datetime import date

from assistant.router.base import (
    ASKED_CUE,
    _mention_span,
    _Reading,
    _span,
    _without,
)
from assistant.router.capitals import capitalised_opening
from assistant.router.intent_rules import (
    _intent_after_colon,
    _opens_a_cue,
)
from assistant.router.pairs import (
    by_measure_after,
    by_size_word,
    by_size_word_of_family,
    by_variant_words,
    question_sentence,
    rule_out_negated,
    second_name,
)
from assistant.router.slot_rules import (
    _slot_accented_month,
    _slot_everyday_word_of_a_cue,
    _slot_in_resource_again,
    _slot_occasion_named_like,
    _slot_period_in_name,
    _slot_resource_before_kind,
    _slot_season_not_name,
    _slot_season_words,
    _slot_translated_resource,
    _slot_word_of_a_cue,
    _slot_word_of_a_stopword_phrase,
)
from assistant.router.spelling import hyphens_joined, sizes_spaced, spell_corrected
from assistant.router.typed import (
    DAY_MONTH,
    after_correction,
    code_positions,
)
from assistant.router.vocab import (
    GAP,
    MASK,
    Token,
    everyday_word,
    find_phrase,
    load_vocabulary,
    longest_match,
    phrase_tokens,
    score_intents,
    written_words,
)
from sop_engine.language import detect_language as language_of
from sop_engine.periods import (
    MONTHS,
    message_period,
)
from sop_engine.resolver import (
    PACK_WORDS,
    Mention,
    Resolver,
    find_driver,
    holds_run,
    resolver_from_tables,
)
from sop_engine.text import fold, has_diacritics, tokenize


def _pack_after_the_name(words: list[str], hit: Mention | None) -> set[int]:
    """"găng tay M hop 100": a pack word and a number right after the name found ("hộp 100", "box of 100")
    say its pack size, no cue of another question ("hop" typed without marks is also "họp", a meeting)."""
    if hit is None:
        return set()
    at = hit.end
    if at + 1 < len(words) and words[at] in PACK_WORDS:
        n = at + 1 + (words[at + 1] == "of")
        if n < len(words) and words[n].isdigit():
            return set(range(at, n + 1))
    return set()


def _place_runs(tokens: list[Token], resolver: Resolver, titles: set[int]) -> set[int]:
    """Two or more words typed capitalised that are a run of a place's name in the data ("Long An" of "Nhà
    máy Long An"), not after a title ("anh Long"): the place, no person."""
    words = [t.text for t in tokens]
    out: set[int] = set()
    for i in range(len(tokens) - 1):
        if i - 1 in titles or not (tokens[i].raw[:1].isupper() and tokens[i + 1].raw[:1].isupper()):
            continue
        if any(holds_run(name.split(), words[i:i + 2]) for name in resolver.plants):
            out |= {i, i + 1}
    return out


def _settles_a_tie(asked_only: dict, scores: dict) -> bool:
    """Whether the asking sentence names one question clearly ahead of any other (a cue of 2 at least) that
    the whole message ties with another one, only through words of its other sentences."""
    ranked = sorted(asked_only.values(), reverse=True)
    top = max(asked_only, key=asked_only.get)
    if ranked[0] < 2 or (len(ranked) > 1 and ranked[1] >= ranked[0]):
        return False
    best = max(scores.values(), default=0)
    return scores.get(top, 0) == best and sum(v == best for v in scores.values()) > 1


def _name_opening_before(words: list[str], hit: Mention | None, used: set[int], resolver: Resolver | None
                         ) -> set[int]:
    """"hop qua an khang": the product's own first words typed before the words found ("Hộp quà Tết An Khang",
    its "Tết" left out) are its name, no cue of another question ("hop qua" typed without marks is also
    "họp qua", a meeting)."""
    if resolver is None or hit is None or hit.entity is None or hit.entity.kind != "sku":
        return set()
    name = resolver.name_words.get(hit.entity.code, [])
    found = words[hit.start:hit.end]
    for n in range(min(hit.start, len(name) - len(found)), 0, -1):
        span = set(range(hit.start - n, hit.start))
        if words[hit.start - n:hit.start] == name[:n] and not span & used and holds_run(name[n:], found):
            return span
    return set()


def _resource_in_a_name(tokens: list[Token], resource: Mention, resolver: Resolver | None) -> bool:
    """A line found by a few words of its name only, those words ending a product's name found there."""
    if resolver is None or resource.score >= 100:
        return False
    hit = resolver.find(tokens, months=frozenset(MONTHS))
    return hit is not None and hit.start < resource.start < hit.end


def _number_of_the_name(text: str, tokens: list[Token], codes: set[int], hit: Mention, period, used: set[int],
                        resource: Mention | None, resolver: Resolver, planning_date: date):
    """"Stage 2 tháng sau có đủ không", "City 26 tháng sau": a number that opens the period words ("2 tháng
    sau", the next 2 months) right after a name that reads on with it ("Stage 2") is the name's; the period is
    read from the rest (here "tháng sau"). ``used`` is updated in place; returns (hit, period, names used)."""
    words = [t.text for t in tokens]
    first = hit.end
    if period is None or first >= len(words) or not words[first].isdigit() or first not in used \
            or not period.words.startswith(words[first]):
        return hit, period, used | _mention_span(resource)
    if hit.entity is not None and fold(hit.entity.label) == " ".join(words[hit.start:hit.end]):
        return hit, period, used | _mention_span(resource)  # "Formula 3 tháng tới": the family by its name
    skip = (used - {first}) | _mention_span(resource)
    whole = resolver.find(tokens, skip=skip, months=frozenset(MONTHS))
    one = hit.entity is not None and hit.entity.kind == "sku"  # "City 26 tháng sau": the name reads on with 26
    reads_on = one and holds_run(resolver.name_words.get(hit.entity.code, []), words[hit.start:first + 1])
    if whole is None or whole.start > hit.start or whole.end <= first or whole.score < 90 \
            or (whole.entity is not None and whole.entity == hit.entity and not reads_on):
        return hit, period, used | _mention_span(resource)
    again = message_period(_without(text, tokens, codes | _mention_span(whole)), planning_date)
    used -= _span(words, period.words)
    if again is not None:
        used |= _span(words, again.words) - _mention_span(whole)
    return whole, again, used | _mention_span(resource)


def detect_language(tokens: list[Token], skip: set[int] = frozenset()) -> str:
    """The language of the question's words, the names found in it left out (``sop_engine.language``)."""
    return language_of(" ".join(t.raw for i, t in enumerate(tokens) if i not in skip))


def question_language(text: str) -> str:
    """The language of a question's words (``en`` or ``vi``), for engines that do not route it."""
    return detect_language(tokenize(text or ""))


def _resolver(products, tables: dict | None) -> Resolver:
    """The resolver of a product master (and the other name tables), built once per distinct content."""
    vocabulary = load_vocabulary()
    tables = {"products": products, **(tables or {})}
    same = _LAST.get("tables")
    if same is not None and all(same.get(k) is v for k, v in tables.items()) and len(same) == len(tables):
        return _LAST["resolver"]  # the very same frames as the last call (a benchmark, a test loop)
    key = hash(tuple(
        tuple(map(tuple, frame.astype(str).values.tolist())) if frame is not None and len(frame) else ()
        for frame in (products[["sku", "name", "family"]], *(tables.get(n) for n in ("supply", "capacity", "routing",
                                                                                      "note_items")))
    ))
    if key not in _RESOLVERS:
        if len(_RESOLVERS) > 8:
            _RESOLVERS.clear()
        _RESOLVERS[key] = resolver_from_tables(tables, vocabulary.reserved)
    _LAST.update(tables=tables, resolver=_RESOLVERS[key])
    return _RESOLVERS[key]


_RESOLVERS: dict[int, Resolver] = {}


_LAST: dict = {}


def _gap_kpis(vocabulary) -> dict[str, list[str]]:
    """The KPI phrases holding the name's place ("forecasting … too high"), read once per vocabulary."""
    cached = vocabulary.__dict__.get("_gap_kpis")
    if cached is None:
        cached = vocabulary.__dict__["_gap_kpis"] = {
            k: found for k, ps in vocabulary.kpis.items() if (found := [p for p in ps if GAP in p])}
    return cached


def _read(text: str, products, planning_date: date, tables: dict | None, resolver: Resolver | None = None
          ) -> tuple[_Reading, Resolver | None]:
    vocabulary = load_vocabulary()
    if resolver is None and products is not None and len(products):
        resolver = _resolver(products, tables)
    text = sizes_spaced(spell_corrected(text, resolver), resolver)  # "melatonine 5mg": melatonin 5 mg
    text = hyphens_joined(text, resolver)  # "Klöverdal 2 seat": the 2-seat
    tokens = tokenize(text)
    words = [t.text for t in tokens]
    resource = resolver.find_resource(tokens) if resolver is not None else None
    if resource is None and resolver is not None:  # "Dong bao line": everyday words of line names, and "line"
        resource = _slot_resource_before_kind(tokens, resolver) or _slot_translated_resource(tokens, resolver)
    accented = _slot_accented_month(tokens)  # "Sếp hỏi": the boss, no September
    codes = code_positions(tokens, resolver) | accented
    period = message_period(_without(text, tokens, codes), planning_date)
    corrected = after_correction(words)
    if period is not None and corrected is not None:  # "vs last month... i mean october vs september"
        period = message_period(_without(text, tokens, codes)[tokens[corrected].start:], planning_date) or period
    used: set[int] = set()
    if period is not None and resource is not None and _span(words, period.words) & _mention_span(resource) \
            and not _resource_in_a_name(tokens, resource, resolver):
        # "dây chuyền 2 tháng sau": the 2 is the line's, not "2 months" ("… thùng 24 lon 2 tháng nữa": a can
        # product's name, then "2 tháng nữa", no "Dây chuyền Lon 2")
        rest = " ".join(t.raw for i, t in enumerate(tokens) if i not in _mention_span(resource) | codes)
        period = message_period(rest, planning_date)
    if period is not None:
        used |= _span(words, period.words) - _mention_span(resource)
    kpi = longest_match(words, vocabulary.kpis, vocabulary.typo_ratio)
    if kpi and kpi[1] == "turns" and kpi[2] + 1 < len(words) and words[kpi[2] + 1] in vocabulary.slot_words.get(
            "not_turns", []):
        kpi = None  # "if demand turns out a third higher": no inventory turns
    if kpi and resource is not None and resource.entity is not None and resource.score >= 100 \
            and set(range(kpi[2], kpi[2] + len(phrase_tokens(kpi[1])))) <= _mention_span(resource):
        kpi = None  # "the Bias Building Line": a line's name, no forecast bias
    meeting = longest_match(words, vocabulary.meetings)
    named = _mention_span(resource) if resource is not None and resource.score >= 100 else set()
    for found in (kpi, meeting):
        if found:  # where it was found (typed with a slip, "fil rate", it is not the phrase as written); a
            # resource's whole name keeps its words ("Mix Bagging Line utilisation": not "line utilisation")
            used |= set(range(found[2], found[2] + len(phrase_tokens(found[1])))) - named
    hit = owner = shadowed = None
    refs: list[str] = []
    unknown_refs: list[str] = []
    if resolver is not None:
        for i, ref, raw in resolver.find_refs(tokens):
            loose = ref is not None and fold(raw) != fold(ref)
            if i in used or (loose and (i in codes or DAY_MONTH.match(raw))):
                continue  # "Hộp quà 8/3", "dịp 8/3": a word of a name or a date, not order 83 written loosely
            used.add(i)
            found = refs if ref else unknown_refs
            if (ref or raw) not in found:  # "MO 8812": one order typed in two words
                found.append(ref or raw)
        if resource is not None and (_mention_span(resource) & used or (
                resource.score < 95 and resource.end - resource.start < 2)):
            resource = None
        if resource is not None and resource.score < 100:  # a few words of a line's name: a product's first?
            product = resolver.find(tokens, skip=used, months=frozenset(MONTHS))
            if product is not None and product.score >= 90 and _mention_span(product) & _mention_span(resource) \
                    and product.end - product.start >= resource.end - resource.start:
                resource = None
        names_used = used | _mention_span(resource)
        hit = resolver.find(tokens, skip=names_used, months=frozenset(MONTHS))
        kind = _kind_words_before_a_name(tokens, hit, names_used, resolver)
        used |= kind  # "lều Summit Pro 2 người": a Vietnamese word for the kind, then the name as the data writes it
        opening = hit.start - 1 if hit is not None and hit.entity is not None and hit.entity.kind == "sku" else -1
        if opening >= 0 and opening in used and period is not None and period.words == words[opening] \
                and words[opening] in resolver.name_words.get(hit.entity.code, ())[:1]:
            # "ship April Sun SPF 30 in full in April": the first April opens the name; the period is the other
            period = message_period(_without(text, tokens, codes | {opening}), planning_date)
            used.discard(opening)
            if period is not None:
                used |= {i for i, w in enumerate(words) if w == period.words and i != opening} \
                    if len(phrase_tokens(period.words)) == 1 else _span(words, period.words)
            names_used = used | _mention_span(resource)
            whole = resolver.find(tokens, skip=names_used, months=frozenset(MONTHS))
            hit = whole if whole is not None and whole.entity == hit.entity else hit
        elif hit is not None and period is not None:
            hit, period, names_used = _slot_period_in_name(text, tokens, codes, hit, period, used, resource,
                                                           resolver, planning_date)
            if hit is not None:
                hit, period, names_used = _number_of_the_name(text, tokens, codes, hit, period, used, resource,
                                                              resolver, planning_date)
        sentence, asked = question_sentence(unicodedata.normalize("NFC", text), tokens)
        if hit is not None and all(sentence[i] != asked for i in range(hit.start, hit.end)):
            # "… the Total Fresh 2L promo. Anyway: are we short on sponges?": the asking sentence's product
            other = {i for i, k in enumerate(sentence) if k != asked}
            hit = resolver.find(tokens, skip=names_used | other, months=frozenset(MONTHS)) or hit
        if corrected is not None and hit is not None and hit.start < corrected:  # "X, i mean the Y": the Y
            hit = resolver.find(tokens, skip=names_used | set(range(corrected)), months=frozenset(MONTHS)) or hit
        if resource is not None and hit is not None and _mention_span(hit) & _mention_span(resource):
            hit = None
        if _slot_word_of_a_cue(words, hit) or _slot_everyday_word_of_a_cue(tokens, hit, resolver) \
                or _slot_word_of_a_stopword_phrase(tokens, hit):  # "toan bo": all of it, not the family Bò
            hit = None  # "ngan sach": the budget, not "Sạch"
        if _slot_in_resource_again(words, hit, resource):  # the line's name typed twice
            hit = None
        if hit is not None and (_slot_season_not_name(tokens, hit, resolver)
                                or _slot_occasion_named_like(tokens, hit, resolver)):
            hit = None  # "cope with the spring clean promo", "during the World Cup": the time, not the product
        if hit is not None and hit.entity is None and resource is not None and sentence[resource.start] == asked \
                and all(sentence[i] != asked for i in range(hit.start, hit.end)):
            hit = None  # "Black Friday was huge. How loaded is the Pack Cell?": the line asked about, not "black"
        if hit is not None and hit.score < 100 and " ".join(words[hit.start:hit.end]) in resolver.owners:
            shadowed = hit
            hit = None  # "what has Chase still got open?": a person's exact name, not a product's near spelling
        if hit is None and resource is None:  # "are we short of Total next month?": those products, not "total"
            cues = {p for spec in vocabulary.intents.values() for p in spec["words"] if " " not in p}
            hit = capitalised_opening(tokens, resolver, names_used, cues)
        titles = {i for i, t in enumerate(tokens[:-1]) if t.text in vocabulary.honorifics}  # "anh Tuấn": a title
        cue_ends = {len(phrase_tokens(c)) for c in vocabulary.owner_cues}
        titles |= {i + n - 1 for n in cue_ends for i in range(len(words) - n)  # "việc của hong": after a cue
                   if " ".join(words[i:i + n]) in vocabulary.owner_cues}
        before_a_name = {i for i in titles if tokens[i + 1].raw[:1].isupper()}  # "anh Khoa": a title, not "Anh"
        month_names = {i + 1 for i in before_a_name  # "chị April": a person (but "for April" is a month)
                       if words[i] in vocabulary.honorifics and words[i + 1] in MONTHS}
        seasons = _slot_season_words(words)  # "vụ Hè Thu": the crop season, not Thu
        places = _place_runs(tokens, resolver, titles)
        seasons |= places  # "thời tiết Long An": the place, not Long
        owner = resolver.find_owner(tokens, skip=(names_used - month_names) | _mention_span(hit) | titles | seasons,
                                    titled={i + 1 for i in titles}) or resolver.find_owner(
            tokens, skip=names_used | _mention_span(hit) | before_a_name | seasons)
        if owner is not None and _mention_span(owner) & month_names:  # its month word is the name, no period
            period = message_period(_without(text, tokens, codes | _mention_span(owner)), planning_date)
            used -= _mention_span(owner)
        used |= _mention_span(resource)
        taken = _mention_span(hit) | _mention_span(resource) | _mention_span(owner)
        used |= {i for i, t in enumerate(tokens)  # "in Memphis": a place written as a name ("anh Long": a person)
                 if t.text in resolver.place_words and t.raw[:1].isupper() and i not in taken and i - 1 not in titles
                 and not (i > 0 and tokens[i - 1].text in ("does", "did"))  # "Does Keith have …": a person
                 and not _in_a_product_name(tokens, i, resolver) and not _place_word_in_a_name(tokens, i, resolver)
                 and not _place_written_otherwise(tokens[i], resolver)}
        used |= places - taken  # "kho Bến Lức", "TTPP Dĩ An": a place's run of words, no unknown name
    negated: set[int] = set()
    pair = None
    read_text = unicodedata.normalize("NFC", text)
    if resolver is not None and hit is not None:  # a variant ruled out, a size in words, a second product
        names = used | _mention_span(owner)
        hit, negated = rule_out_negated(read_text, tokens, hit, names, resolver)
        hit, sized = by_size_word(tokens, hit, names | negated, resolver)
        if not sized:  # "the large gloves": the family's products of that size
            hit, sized = by_size_word_of_family(tokens, hit, names | negated, resolver)
        if not sized:  # "white round neck tees in M": the words of one candidate's variant
            hit, sized = by_variant_words(tokens, hit, names | negated, resolver)
        if not sized:  # "Bao Bao 1 L": the one candidate of that size
            hit, sized = by_measure_after(tokens, hit, names | negated, resolver)
        negated |= sized
        used |= negated
        shared = _mention_span(resource) if resource is not None and resource.entity is None and all(
            words[j] in resolver.bag for j in _mention_span(resource)) else set()  # "vs IQF": products' word too
        pair = second_name(read_text, tokens, hit, (names | negated) - shared, resolver, frozenset(MONTHS))
    tails = vocabulary.slot_words.get("name_tails", [])
    if resolver is not None and hit is not None and hit.end - hit.start >= 2 and words[hit.end - 1] in tails:
        # "the Tents family" (a family's own name and a tail word): that family, not a product whose name
        # holds the words in another order ("Family Tent")
        family = resolver.aliases.get(" ".join(words[hit.start:hit.end - 1]), [])
        if len(family) == 1 and family[0].kind == "family":
            hit = Mention(family[0], [], hit.start, hit.end - 1, " ".join(words[hit.start:hit.end - 1]), 100.0)
    if hit is not None and hit.end < len(words) and words[hit.end] in tails and not _opens_a_cue(words, hit.end):
        negated.add(hit.end)  # "the Air Care range": a word of the name, no catalogue search
        used.add(hit.end)
    negated |= _pack_after_the_name(words, hit)  # "hop 100": the box of 100, no meeting
    negated |= _name_opening_before(words, hit, used, resolver)  # "hop qua an khang": Hộp quà Tết An Khang
    # the product's words masked as MASK (a GAP phrase's "…": "có đủ … không"), a line's words otherwise
    masked = [w if i not in _mention_span(hit) | negated else MASK for i, w in enumerate(words)]
    masked = [w if i not in _mention_span(resource) - _mention_span(hit) else "\x01" for i, w in enumerate(masked)]
    if kpi is None and hit is not None:  # "are we forecasting X too high?": a KPI said around the name
        kpi = longest_match(masked, _gap_kpis(vocabulary))
    scores = score_intents(masked, vocabulary, [t.raw for t in tokens])
    if resolver is not None and "?" in text and len(set(sentence)) > 1:
        # "… the last delivery was late. Bottom line: are we going to run out of X?": the asking sentence's
        # question wins over the words of the context before it, when it names one clearly
        asked_only = score_intents([w if sentence[i] == asked else "\x00" for i, w in enumerate(masked)],
                                   vocabulary, [t.raw for t in tokens])
        ordered = 1 if refs or unknown_refs else 0  # "is PO-1107 late? …": an order's own word
        if asked_only and max(v + (ordered if k == "orders" else 0) for k, v in asked_only.items()) >= ASKED_CUE:
            scores = asked_only
        elif asked_only and _settles_a_tie(asked_only, scores):
            scores = asked_only  # "David here from regional sales. Will we have enough X …?": enough, not sales
    scores = _intent_after_colon(text, tokens, masked, vocabulary, scores)
    if kpi and hit is not None and hit.entity is not None and kpi[1] in vocabulary.slot_words.get("sales_amounts", []) \
            and not _has_any(masked, vocabulary.slot_words.get("sales_amount_not", [])):
        # "Batteries revenue YTD?", "X turnover since March": the money or units a product or family booked
        # (its sales), not the company's KPI ("revenue vs budget", "inventory turnover" keep theirs)
        kpi = None
        scores["sales"] = scores.get("sales", 0) + 3
    if kpi:
        scores["kpi"] = scores.get("kpi", 0) + 3 + 2 * len(phrase_tokens(kpi[1]))
    if meeting:
        scores["notes"] = scores.get("notes", 0) + 1
    if resource is not None and "capacity" in scores:
        scores["capacity"] += 2
    if resource is not None and (resource.entity is not None or resource.candidates) and kpi \
            and kpi[0] == "capacity_utilization":
        # "packing hall utilisation": that resource's load (get_capacity), not the company's KPI ("washback
        # utilisation" with four washbacks: which of them)
        scores["capacity"] = max(scores.get("capacity", 0), scores.pop("kpi", 0)) + 2
        kpi = None
    if (refs or unknown_refs) and "orders" in scores:
        scores["orders"] += 1
    if refs and owner is None and meeting is None and 0 < scores.get("decisions", 0) <= 3 and "orders" not in scores:
        scores["orders"] = scores["decisions"] + 1  # "LSX-… sao chưa xong": the order not done yet, no action item
    language = detect_language(tokens, _mention_span(hit) | _mention_span(resource) | _mention_span(owner))
    groups = {k: v for k, v in vocabulary.slot_words.items() if k.startswith("driver_")}
    driver = find_driver(resolver, words, groups) if resolver is not None and resolver.drivers else None
    if driver is not None:
        parts = {w for key, name in resolver.drivers.items() if name == driver for w in key}
        used |= {i for i, w in enumerate(words) if w in parts}  # "spend" of ad_spend is no unknown name
        if "drivers" in scores:
            scores["drivers"] += 2
    reading = _Reading(tokens, words, period, period.labels if period else None, hit, refs, unknown_refs,
                       resource, owner, scores, kpi, meeting, used, language, driver, read_text, pair)
    reading.shadowed = shadowed if owner is not None and _mention_span(owner) == _mention_span(shadowed) else None
    return reading, resolver


def _kind_words_before_a_name(tokens: list[Token], hit: Mention | None, taken: set[int],
                              resolver: Resolver) -> set[int]:
    """Words typed with Vietnamese marks that no name holds, at least one of them no vocabulary word either
    ("lều", "túi ngủ"), or a kind of product the vocabulary names (``kind_nouns``: "lop", "săm"), right before
    a name read there and typed without marks ("Summit Pro"): their positions (a kind said in Vietnamese of a
    name the data writes in English, no unknown name)."""
    if hit is None or hit.score < 95 or hit.start == 0 or has_diacritics(tokens[hit.start].raw):
        return set()
    kinds = {" ".join(phrase_tokens(p)) for p in load_vocabulary().slot_words.get("kind_nouns", [])}
    for k in (2, 1):  # "lốp SportLine", "ruột xe 2.25/2.50-17", "lop ecodrive": a kind the vocabulary names
        span = range(hit.start - k, hit.start)
        if hit.start - k >= 0 and " ".join(tokens[j].text for j in span) in kinds \
                and not any(j in taken or tokens[j].text in resolver.any_word for j in span):
            return set(span)
    kind_words = {w for p in kinds for w in p.split()}
    run = []
    j = hit.start - 1
    while j >= 0 and j not in taken and has_diacritics(tokens[j].raw) and tokens[j].text not in resolver.any_word \
            and not everyday_word(tokens[j].text, tokens[j].raw):  # "trước Tết mình có thiếu hộp quà …": stop at "hộp"
        run.append(j)
        j -= 1
    if any(tokens[k].text not in kind_words and unicodedata.normalize("NFC", tokens[k].raw).casefold()
           not in written_words() for k in run):
        return set(run)
    return set()


def _in_a_product_name(tokens: list[Token], i: int, resolver: Resolver) -> bool:
    """The word at ``i`` and a word next to it are words of one product's name ("Krill Oil" where a supplier
    is "Antarctic Krill Co."): that product's name, not the place or partner."""
    own = set(resolver.bag.get(tokens[i].text, ()))
    return any(own & set(resolver.bag.get(tokens[j].text, ())) for j in (i - 1, i + 1) if 0 <= j < len(tokens)
               and tokens[j].text not in resolver.reserved)


def _has_any(words: list[str], phrases: list[str]) -> bool:
    return any(find_phrase(words, p) is not None for p in phrases)


def _place_word_in_a_name(tokens: list[Token], i: int, resolver: Resolver) -> bool:
    """"the Helmets Pro range" where a supplier is "Yohe Helmets Thailand": a word of a place or partner's
    name next to a capitalised word no place holds (not opening the sentence), or in a run of capitalised
    words that a name tail follows ("range", "family"): a name the data may not have, not the place."""
    vocabulary = load_vocabulary()
    for j in (i - 1, i + 1):
        if 0 < j < len(tokens) and tokens[j].raw[:1].isupper() and tokens[j].text.isalpha() \
                and tokens[j].text not in resolver.place_words and tokens[j].text not in vocabulary.stopwords \
                and tokens[j].text not in MONTHS:
            return True
    tails = set(vocabulary.slot_words.get("name_tails", []))
    end = i + 1
    while end < len(tokens) and tokens[end].raw[:1].isupper():
        end += 1
    return end < len(tokens) and tokens[end].text in tails


def _place_written_otherwise(token: Token, resolver: Resolver) -> bool:
    """A word typed with accent marks that no place or partner's name writes so: "Tùng" (a person) where a
    supplier is "Công ty Tụng" folds alike but is another word, not the place."""
    raw = unicodedata.normalize("NFC", token.raw).lower()
    if not has_diacritics(raw):
        return False
    return not any(raw in unicodedata.normalize("NFC", name).lower().split() for name in resolver.plants.values())
