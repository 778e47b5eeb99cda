"""The offline router: a chat message -> the tool call an LLM would make, or a question back.

``route`` reads the message (``reading``: words folded by ``sop_engine.text.tokenize``, so diacritics and
case do not matter; the period, English and Vietnamese, from ``sop_engine.periods``; order references,
resources, owners and the product from the one resolver, ``sop_engine.resolver``; a what-if; the intent
scores over the vocabulary files, one per language), settles what the reading leaves open (the rules here
and in ``intent_rules`` / ``slot_rules``), and builds the call (``build``). A follow-up ("and for Q1?",
"còn tháng sau?") reuses the previous call and replaces only the slot it gives; the answer to a question back
(an option's value, or the choice typed) completes the pending call.

The router never guesses: a name that fits several products, a name it does not know, or a missing
required slot makes a question back (``clarification`` with ``options``), never a different question.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from assistant.router import slots
from assistant.router.base import (
    ABOUT_A_PRODUCT,
    ASKED_CUE,
    INTENT_OF_TOOL,
    LOOKS_BACK,
    ORDER_NOT_TOPIC,
    PRIORITY,
    TOOLS_WITH_PERIOD,
    TOOLS_WITH_PRODUCT,
    TOPIC_DETERMINERS,
    RoutedCall,
    _at,
    _mention_span,
    _Reading,
    _span,
    _without,
)
from assistant.router.build import (
    _build,
    _clearly_a_person,
    _follow,
    _inherit,
    _not_names,
    _owner_pending,
    _pending,
    _period_is_topic,
    _period_pending,
    _previous_mention,
    _short_about_nothing,
)
from assistant.router.clarify import (
    _ahead,
    _answer_pending,
    _ask,
    _options,
    _order_question_options,
    _period_as_typed,
    _period_options,
    _question_options,
    _starters,
    question,
    resource_pending,
)
from assistant.router.entities import find_owner
from assistant.router.followups import _family_of_previous, _like_previous, _month_owner_of_previous, _points_back
from assistant.router.intent_rules import (
    _asks_a_write,
    _asks_what_it_does,
    _best_intent,
    _excludes_a_month,
    _figure_before_the_question,
    _forecast_too_far,
    _gap_to_budget,
    _greeting_then_unclear,
    _has_whatif_cue,
    _meets_the_budget,
    _percent_is_a_level,
    _plan_against_budget,
    _redo_before_forecast,
    _sales_ahead,
    _says_a_condition,
    _small_talk,
    _two_questions,
    _write_only_in_context,
)
from assistant.router.reading import (
    _has_any,
    _read,
)
from assistant.router.slot_rules import (
    _slot_accented_month,
    _slot_before_the_question,
    _slot_code_typed,
    _slot_context_only,
    _slot_machine_before_name,
    _slot_machine_before_resource,
    _slot_name_over_person,
    _slot_occasion,
    _slot_occasion_noun,
    _slot_other_rating,
    _slot_outside_the_question,
    _slot_place_alone,
    _slot_series_products,
    _slot_shared_size,
    _slot_shared_variant,
    _slot_size_no_name_holds,
    _slot_subject_owner,
    _slot_titled_name,
    _slot_unknown_family,
    _slot_unknown_machine,
    _slot_unknown_machine_kind,
    _slot_unknown_model,
    _slot_unknown_variant_of_family,
    _slot_unnamed_months,
    _slot_variant_others_hold,
    _slot_which_resource,
)
from assistant.router.typed import (
    PERIOD_LIKE,
    after_correction,
    other_name_word,
    previous_refs,
)
from assistant.router.vocab import (
    Token,
    everyday_word,
    find_phrase,
    load_vocabulary,
    phrase_tokens,
    typo_positions,
    written_words,
)
from assistant.router.whatif import orders_moved, read_whatif, says_a_multiple
from sop_engine.periods import (
    MAX_MONTH_COUNT,
    MONTHS,
    NUMBER_WORDS,
    VI_NUMBER_WORDS,
    looking_back,
    message_period,
)
from sop_engine.resolver import (
    PACK_WORDS,
    UNIT_WORDS,
    Entity,
    Mention,
    Resolver,
    holds_run,
    ref_key,
    singular,
)
from sop_engine.text import fold, fold_words, has_diacritics

if TYPE_CHECKING:  # pandas is the caller's: importing the router stays light
    import pandas as pd


def _pack_count_at(r: _Reading, i: int) -> bool:
    """"găng tay M hộp 100 tháng sau", "gloves M box of 100 next month": a number right after a pack word
    ("hộp", "box of", "bao 40": a bag of 40 kg) is how many the pack holds, no count of months."""
    before = [t.text for t in r.tokens[max(i - 2, 0):i]]
    return bool(before) and (before[-1] in PACK_WORDS | {"bao"} or before[-1] == "of" and len(before) == 2
                             and before[0] in PACK_WORDS)


_PERCENT_WORD = re.compile(r"^[+-]?\d+(?:[.,]\d+)?%$")


def _percents_of_the_name(r: _Reading) -> set[int]:
    """"Saline 0.9% 500 ml", "Glucose 5% sales": a percentage inside the name the resolver found, that the
    name itself holds (its strength), is a word of the name, no what-if change of demand."""
    if r.hit is None or r.hit.entity is None:
        return set()
    own = set(fold(r.hit.entity.label).split())
    inside = {i for i in range(r.hit.start, r.hit.end) if _PERCENT_WORD.match(r.words[i]) and r.words[i] in own}
    if r.hit.entity.kind == "sku":  # "… hỏi hàng 20% glaze. Doanh số X 20% Glaze …": the name's percent and the
        words = fold(r.hit.entity.label).split()  # word after it, typed again elsewhere: the name, no change
        inside |= {i for i in range(len(r.words) - 1) if _PERCENT_WORD.match(r.words[i]) and r.words[i] in own
                   and any(words[k:k + 2] == r.words[i:i + 2] for k in range(len(words) - 1))}
    return inside


def _ref_after_the_name(r: _Reading) -> bool:
    """"is the wipes run WO-8820 still on track?": an order reference within two words after the name names
    that product's or family's order (the name says which run), so the question is the order's."""
    if r.hit is None or not r.refs:
        return False
    refs = {fold(ref) for ref in r.refs}
    for gap, token in enumerate(r.tokens[r.hit.end:r.hit.end + 2]):
        if fold(token.raw) in refs or token.text in refs:
            return True
        if gap == 0 and token.text in _NOT_A_RUN_WORD:  # "the wipes vs WO-8820": two things compared
            return False
    return False


_NOT_A_RUN_WORD = {"vs", "versus", "and", "or", "with", "against", "than", "so", "voi", "va", "hay", "hoac"}


def _unknown_kind_qualifier(r: _Reading, resolver: Resolver) -> tuple[str, list[Entity]] | None:
    """"công suất dây chuyền tã tháng sau": a word naming a kind of resource ("dây chuyền", a line) and, right
    after it, a word no resource's name holds and no word of the vocabulary as written: a line the question
    names that the names do not spell; the words as typed and the resources of that kind (asked, never all)."""
    if (r.resource is not None and r.resource.score >= 100) or r.hit is not None or r.refs:
        return None  # (a line found only by a near spelling may be this: "dây chuyền sơn" is no "Chuyền đóng gói")
    vocabulary = load_vocabulary()
    table = vocabulary.slot_words
    name_words = {w for name in resolver.resource_spellings for w in name.split()}
    near = set(range(r.resource.start, r.resource.end)) if r.resource is not None else set()
    english_only = vocabulary.language_words.get("en", frozenset()) - vocabulary.language_words.get("vi", frozenset())
    for key, phrases in table.items():
        if not key.startswith("kind_"):
            continue
        for phrase in phrases:
            at = find_phrase(r.words, phrase)
            after = at + len(phrase_tokens(phrase)) if at is not None else None
            if after is None or after >= len(r.words) or (after in r.used and after not in near):
                continue
            t = r.tokens[after]
            written = unicodedata.normalize("NFC", t.raw).casefold() in written_words() and not (
                r.language == "vi" and t.text in english_only)  # "máy in nhãn": "in" (to print) is no English "in"
            if not t.text.isalpha() or t.text in name_words or t.text in MONTHS or written:
                continue
            kinds = [[key.removeprefix("kind_")], *(phrase_tokens(p) for p in phrases)]  # "line", "dây chuyền"
            options = [Entity("resource", code, code) for code in dict.fromkeys(resolver.resources.values())
                       if any(holds_run(fold_words(code).split(), k) for k in kinds)]
            return " ".join(x.raw for x in r.tokens[at:after + 1]), options
    return None


def _too_many_months(r: _Reading, i: int, taken: set[int]) -> bool:
    """A count of months above the periods' MAX_MONTH_COUNT ("trong 48 tháng tới"), not a word of the name
    before it ("XL 48 tháng tới": the pack of 48): no period rule reads it, and it is no period to guess."""
    word = r.tokens[i].text
    return word.isdigit() and int(word) > MAX_MONTH_COUNT and i + 1 < len(r.tokens) and i not in taken \
        and r.tokens[i + 1].text in ("thang", "month", "months", "mos", "mo", "mths") \
        and not (r.hit is not None and i == r.hit.end) and not _pack_count_at(r, i)


def _counted_word(word: str) -> bool:
    """A unit or pack word ("bags", "tins", "jars"), singular or plural: right after a name, what is counted."""
    return any(w in UNIT_WORDS or w in PACK_WORDS for w in (word, singular(word)))


def _name_after_an_order_question(r: _Reading) -> bool:
    """"where's PO-2026-0815 at? Watsons keep asking about teats": an order reference asked about in a question,
    and a product named only in a sentence after it that asks nothing, with no cue word of another question:
    the order's question; the product is context."""
    if r.hit is None or not r.refs or any(v >= 3 for v in r.scores.values()):
        return False
    refs = {fold(ref) for ref in r.refs}
    at = next((t.start for t in r.tokens if fold(t.raw) in refs or t.text in refs), None)
    begin = r.tokens[r.hit.start].start
    if at is None or at > begin:
        return False
    between = r.text[at:begin]
    return "?" in between and "?" not in r.text[begin:]


def _lower_case_aside(r: _Reading) -> bool:
    """"So sayang, we missed the slot. Anyway: what was OTIF last month?": one word typed in lower case that
    fits several products, in a sentence before the question, is an everyday word of that sentence (an aside),
    not the product the question is about."""
    if r.hit is None or not r.hit.ambiguous or r.hit.end - r.hit.start != 1 or not r.text.rstrip().endswith("?"):
        return False
    token = r.tokens[r.hit.start]
    if token.raw != token.raw.lower() or not token.raw.isalpha():
        return False
    return re.search(r"[.!?]\s", r.text[token.start:].rstrip()) is not None


def _starts_with_cue(r: _Reading) -> bool:
    for cue in load_vocabulary().followup_cues:
        parts = phrase_tokens(cue)
        if r.words[: len(parts)] == parts:
            return True
    return False


def _ends_with_cue(r: _Reading) -> bool:
    for cue in load_vocabulary().slot_words.get("followup_tail", []):
        parts = phrase_tokens(cue)
        if len(r.words) > len(parts) and r.words[-len(parts):] == parts:
            return True
    return False


def _is_followup(r: _Reading) -> bool:
    return _starts_with_cue(r) or _ends_with_cue(r) or _points_back(r) or (  # "what's its forecast for …?"
        len(r.words) <= 4 and not any(v >= 3 for v in r.scores.values()))


def _numbered_line(r: _Reading, resolver: Resolver) -> str | None:
    """A word of the company's line names followed by a number no line carries ("line 3"), as typed."""
    name_words = {w for name in resolver.resources for w in name.split() if not w.isdigit()}
    for i, t in enumerate(r.tokens[:-1]):
        after = r.tokens[i + 1]
        if t.text in name_words and after.text.isdigit() and i + 1 not in r.used:
            return f"{t.raw} {after.raw}"
    return None


def _unknown_resource(r: _Reading, resolver: Resolver) -> str | None:
    """A word naming a kind of resource ("the cutting room") after a word no resource name holds: a
    resource the company does not have, as typed (asked back, never answered for every resource)."""
    vocabulary = load_vocabulary()
    kinds = set(vocabulary.slot_words.get("resource_kinds", []))
    name_words = {w for name in resolver.resource_spellings for w in name.split()}

    def unknown(before: Token) -> bool:
        return before.text.isalpha() and before.text not in vocabulary.stopwords \
            and before.text not in name_words and before.text not in vocabulary.reserved

    found = r.resource
    if found is not None:  # "the paint shop" read as the Pole Shop by its last word: not that resource
        if found.score < 100 and found.start > 0 and found.start - 1 not in r.used \
                and found.start - 1 not in _mention_span(r.hit) and unknown(r.tokens[found.start - 1]):
            return " ".join(t.raw for t in r.tokens[found.start - 1:found.end])
        own = set(fold_words(found.entity.code).split()) if found.entity is not None else set()
        after = r.tokens[found.end] if found.end < len(r.tokens) else None
        if found.entity is not None and after is not None and after.text.isdigit() and len(after.text) <= 2 \
                and found.end not in r.used and not any(c.isdigit() for c in found.entity.code):
            return " ".join(t.raw for t in r.tokens[found.start:found.end + 1])  # "Extruder 2": one extruder
        if found.score < 100 and after is not None and found.end not in r.used and after.text not in own \
                and after.text not in MONTHS and (after.text in name_words or r.language == "vi" and unknown(after)):
            return " ".join(t.raw for t in r.tokens[found.start:found.end + 1])  # "máy chiết lon": no such filler
        return None
    for i, t in enumerate(r.tokens[1:], start=1):
        if t.text in kinds and i not in r.used and i - 1 not in r.used and unknown(r.tokens[i - 1]):
            return f"{r.tokens[i - 1].raw} {t.raw}"
    return None


def _bare_kind(r: _Reading, resolver: Resolver) -> tuple[str, list[Entity]] | None:
    """A kind of resource alone after a determiner ("the line", "the machine"), or opening a Vietnamese
    question ("máy tháng sau tải thế nào?"), that several resource names hold, in the word typed or in the
    other language's kind words (``kind_line``: "dây chuyền"): the word as typed and those resources (asked
    which, never answered for every resource)."""
    table = load_vocabulary().slot_words
    kinds = set(table.get("resource_kinds", [])) | set(table.get("machine_words", []))
    which = {phrase_tokens(w)[0] for w in table.get("which_after", [])}
    for kind in sorted(kinds, key=len, reverse=True):
        at = find_phrase(r.words, kind)
        parts = phrase_tokens(kind)
        if at is None or singular(parts[-1]) != parts[-1] or set(range(at, at + len(parts))) & set(r.used):
            continue  # "the lines", "which lines": every one of them
        after = r.words[at + len(parts)] if at + len(parts) < len(r.words) else ""
        vi_alone = r.language == "vi" and (at == 0 or r.words[at - 1] not in table.get("plural_markers", []))
        if not (at > 0 and r.words[at - 1] in TOPIC_DETERMINERS or vi_alone) or after in which:
            continue
        spellings = [parts, *(phrase_tokens(p) for p in table.get(f"kind_{kind}", []))]
        held = [Entity("resource", c, c) for c in dict.fromkeys(
            code for name, code in resolver.resources.items() if any(holds_run(name.split(), s) for s in spellings))]
        if len(held) > 1:
            return " ".join(t.raw for t in r.tokens[at:at + len(parts)]), held
    return None


def _looks_back(intent: str | None, r: _Reading) -> bool:
    """Sales, KPIs and notes look back; so does a forecast asked in the past tense ("what did we forecast for
    October?", "dự báo tháng 10 đã đưa ra là bao nhiêu"): the latest such month not in the future."""
    return intent in LOOKS_BACK or intent == "forecast" and _has_any(
        r.words, load_vocabulary().slot_words.get("forecast_past", []))


def _only_a_period(r: _Reading) -> bool:
    """Nothing but a period, stopwords and follow-up words ("what about next month?", "số liệu tháng sau nhé")."""
    return (r.hit is None and not r.refs and not r.unknown_refs and r.resource is None and r.owner is None
            and r.kpi is None and r.meeting is None and not any(v >= 3 for v in r.scores.values()))


def slots_amount(r: _Reading) -> bool:
    """An amount of time or a new quantity in the message ("slips 2 weeks", "trễ 10 ngày", "to 500")."""
    from assistant.router.whatif import _days, _quantity

    vocabulary = load_vocabulary()
    return _days(r.words, vocabulary.whatif["units"]) is not None or _quantity(
        r.words, vocabulary.slot_words.get("quantity", [])) is not None


def _as_driver_changes(scenario: dict, driver: str) -> dict:
    """The demand changes of a what-if read as changes of the named driver's plan."""
    changes = [{"driver": driver, **{k: v for k, v in ch.items() if k in ("sku", "family", "pct", "months")}}
               for ch in scenario.get("demand_changes", [])]
    if not changes:
        return scenario
    return {**{k: v for k, v in scenario.items() if k != "demand_changes"}, "driver_changes": changes}


def _done_yet(r: _Reading, table: dict) -> bool:
    """A person, then a word of having done (``done_after_person``: "đã") right after their name, and a
    question of "yet" at the end (``yet_words``: "chưa"), outside the product's name."""
    after = r.owner.end < len(r.words) and r.words[r.owner.end] in table.get("done_after_person", [])
    last = len(r.words) - 1
    return after and last > r.owner.end and r.words[last] in table.get("yet_words", []) \
        and last not in _mention_span(r.hit)


# a code typed as a name: a few letters and a number ("b16s", "xr200"), not a period ("q1", "h2", "t7", "fy26")
_UNKNOWN_CODE = re.compile(r"^(?!(?:q|h|t|w|fy|lag|v|ver|rev|tuan|thang|quy|wk)\d)[a-z]{1,3}\d{1,4}[a-z]{0,2}$")


NAME_SLOT_WORDS = ("kind_nouns", "resource_translations")  # words said of names: no leftover of their own


def _leftover_name(r: _Reading) -> str | None:
    """Words that read like a name the data does not hold: what is left once stopwords, intent words,
    periods, KPIs, meetings, numbers and known names are taken out ("unicorn juice")."""
    vocabulary = load_vocabulary()
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.owner)
    phrases = [p for spec in vocabulary.intents.values() for p in spec["words"]]
    phrases += [p for key in ("cues", "delay", "earlier", "cancel", "up", "down", "multiples")
                for p in vocabulary.whatif.get(key, [])]  # "demand doubles": a change, no name
    phrases += [p for table in (vocabulary.kpis, vocabulary.meetings, vocabulary.forecast_versions)
                for ps in table.values() for p in ps]
    phrases += [p for p in vocabulary.stopwords if " " in p]
    phrases += [p for key, ps in vocabulary.slot_words.items() if key not in NAME_SLOT_WORDS for p in ps]
    for phrase in phrases:
        parts = phrase_tokens(phrase)
        n = len(parts)
        for i in range(len(r.words) - n + 1):
            if r.words[i : i + n] == parts and (n > 1 or everyday_word(parts[0], r.tokens[i].raw)
                                                 or parts[0] not in vocabulary.reserved | vocabulary.stopwords):
                # "hộp quà": "quà" is no "quá" (a level word); a phrase of words is itself ("doanh sô": a slip)
                taken.update(range(i, i + n))
    taken |= typo_positions(r.words, vocabulary)
    taken |= _slot_outside_the_question(r)
    taken |= _slot_before_the_question(r)
    units = set(vocabulary.whatif.get("units", {}))
    run: list[str] = []
    runs: list[list[str]] = []
    for i, t in enumerate(r.tokens):
        word = t.text.removesuffix("'s")
        keep = (
            i not in taken and not everyday_word(word, t.raw.removesuffix("'s"))  # "trắng" is no "trang"
            and word not in MONTHS and word not in units and word not in NUMBER_WORDS and word not in VI_NUMBER_WORDS
            and (len(word) >= 3 or (len(word) == 2 and (has_diacritics(t.raw) or t.raw.isupper())))
            and (word.replace("-", "").replace("&", "").isalpha() or bool(_UNKNOWN_CODE.match(word)))
            # "ZQ": two capitals no name or vocabulary holds; "T&E"; "B16s": a code no name holds
            and not (word in UNIT_WORDS and i > 0 and r.tokens[i - 1].text[:1].isdigit())  # "1 lít": a size
            and not (_counted_word(word) and r.hit is not None and i == r.hit.end)  # "ST25 bags", "Stage 3 tins"
        )
        if keep:
            run.append(t.raw)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    if not runs:
        return None
    return " ".join(max(runs, key=len))


def _unread_period(r: _Reading, planning_date: date, intent: str | None = None) -> str | None:
    """A word that looks like a period but that no period rule read ("sales 2025 for X", "sep26", "Q5"): the
    question's period is unknown, so the router asks rather than answering the tool's default period."""
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource) | _mention_span(r.owner)
    taken |= _slot_accented_month(r.tokens)  # "Sếp hỏi": the boss, no September
    if r.period is not None:
        for words in r.period.others:  # periods of the message's other sentences: context, read already
            taken |= _span(r.words, words)
        if r.period.others:  # "… kits in July. How many … did we sell in July?": each place the words stand
            taken |= _every_place(r.words, (*r.period.others, r.period.words))
        corrected = after_correction(r.words)
        taken |= set(range(corrected or 0))  # "in march, i mean april": march is taken back
        taken |= _slot_before_the_question(r) | _slot_outside_the_question(r)  # "… 9/9 promo. X in Sept?"
    if r.period is not None:  # "the fiscal Q4": a quarter of a year whose months the data does not tell
        at = find_phrase(r.words, r.period.words)
        if at is not None and at > 0 and r.words[at - 1] in load_vocabulary().slot_words.get("fiscal_words", []):
            return " ".join(t.raw for t in r.tokens[at - 1:at + len(phrase_tokens(r.period.words))])
    whole_year = r.period is not None and len(r.period.labels) >= 12  # "mùa xây dựng năm nay": which months of it?
    if (r.period is None or whole_year) and intent != "notes":
        # "before Tết": a time the calendar rules do not know (in a notes search, "the Black Friday uplift",
        # a topic of the meetings)
        occasion = _slot_occasion(r, taken) or _slot_occasion_noun(r, taken)
        if occasion is not None:
            return occasion
        for phrase in load_vocabulary().slot_words.get("unread_periods", []):
            n = len(phrase_tokens(phrase))  # every place it stands: "Spring Coil cables for the spring"
            for at in (i for i in range(len(r.words) - n + 1) if r.words[i:i + n] == phrase_tokens(phrase)):
                if not set(range(at, at + n)) & taken:
                    return " ".join(t.raw for t in r.tokens[at:at + n])
    read = set(phrase_tokens(r.period.words)) if r.period is not None else set()
    for i, t in enumerate(r.tokens):
        word = t.text.removesuffix("'s")
        if i in taken or (word != t.text and word in read):  # "January's meetings": the month read
            continue
        if _too_many_months(r, i, taken):
            return f"{t.raw} {r.tokens[i + 1].raw}"  # "trong 48 tháng tới", "next 64 months": asked, never read
        if word in ("thang", "month", "quy", "quarter") and i + 1 < len(r.tokens) and i + 1 not in taken \
                and r.tokens[i + 1].text.isdigit():
            return f"{t.raw} {r.tokens[i + 1].raw}"  # "tháng 13", "quý 5": a month no calendar has
        year = re.fullmatch(r"(?:19|20)\d{2}", word)
        if year and abs(int(word) - planning_date.year) <= 10 and not _quantity_after(r.words, i):
            return t.raw
        if PERIOD_LIKE.match(word):
            return t.raw
    return None


def _every_place(words: list[str], phrases) -> set[int]:
    """The positions of every place one of ``phrases`` stands in ``words``."""
    out: set[int] = set()
    for phrase in phrases:
        n = len(phrase_tokens(phrase))
        out |= {j for i in range(len(words) - n + 1) if words[i:i + n] == phrase_tokens(phrase)
                for j in range(i, i + n)}
    return out


def _quantity_after(words: list[str], i: int) -> bool:
    """A number followed by a unit or a thing counted ("2000 units", "2025 cases"), not a year."""
    vocabulary = load_vocabulary()
    after = words[i + 1] if i + 1 < len(words) else ""
    return after in vocabulary.slot_words.get("quantity", []) or after in ("units", "unit", "pcs", "cases", "don vi")


def route(
    text: str,
    products: pd.DataFrame,
    planning_date: date,
    previous: RoutedCall | None = None,
    tables: dict | None = None,
    resolver: Resolver | None = None,
) -> RoutedCall:
    """The tool call for ``text``, as an LLM would make it, or a question back (see the module docstring).

    ``tables`` (optional) holds the company's other tables the names come from (``supply``, ``capacity``,
    ``routing``, ``note_items``); without it only products and families are known. A caller holding the
    company's resolver already (``sop_engine.resolver.company_resolver``) passes it instead."""
    r, resolver = _read(text or "", products, planning_date, tables, resolver)
    if not r.words:
        return RoutedCall(None, {}, "unknown", language=r.language)
    if previous is not None and previous.pending:
        answered = _answer_pending(r, previous, resolver, planning_date)
        if answered is not None:
            return answered
        if r.hit is None and _is_followup(r):  # "and next month?" before the choice: still ask, keep the change
            pending = previous.pending
            base = RoutedCall(pending["tool"], dict(pending.get("args") or {}), pending.get("intent", "unknown"), None,
                              pending.get("months"))
            followed = _follow(r, base, _best_intent(r), planning_date)
            if followed is not None and followed.tool in TOOLS_WITH_PRODUCT:
                followed.args.pop(TOOLS_WITH_PRODUCT[followed.tool], None)
                return RoutedCall(None, {}, followed.intent, None, followed.months, previous.clarification,
                                  previous.options, r.language if r.language != "en" else previous.language,
                                  {"tool": followed.tool, "args": followed.args, "intent": followed.intent,
                                   "months": followed.months, "slot": TOOLS_WITH_PRODUCT[followed.tool]})
        previous = None  # a new question: a pending call is never the base of a follow-up
    small_talk = _small_talk(r, load_vocabulary().slot_words)
    if small_talk == "greeting" or _asks_what_it_does(r) or _greeting_then_unclear(r, load_vocabulary().slot_words):
        # "hi!", "xin chào", "what can you help me with?", "chào bạn, mình hỏi về tồn kho thế nào"
        return RoutedCall("help", {}, "help", None, None, language=r.language)
    if small_talk == "closing":  # "thanks, that's all for now": no question, nothing to call or ask
        return RoutedCall(None, {}, "unknown", None, None, language=r.language)
    table = load_vocabulary().slot_words
    if _asks_a_write(r, table) and not _write_only_in_context(r, table):  # "raise a PO for 5000 sponges", "delete
        # the X SKU": no tool writes that (a write told in a sentence before the question is context)
        return _ask(r, "unknown", "cannot_do", _starters(r.language))
    if _has_any(r.words, table.get("help_with", [])) and r.hit is None and r.period is None and not r.refs \
            and r.resource is None and not any(v >= 3 for k, v in r.scores.items() if k != "help"):
        return _ask(r, "help", "help_with", _starters(r.language))  # "can you help me with something": with what?
    if _name_after_an_order_question(r):
        r.hit = None  # "where's PO-1 at? the shop keeps asking about X": the order's question
    if r.hit is not None and _lower_case_aside(r):
        r.hit = None  # "So sayang, we missed it. Anyway: what was OTIF?": a word of the sentence before
    if r.refs and r.hit is not None and r.hit.ambiguous and r.hit.end - r.hit.start == 1:
        r.hit = None  # "the impact of PO-1182 slipping": an order's what-if, not a product word
    if previous is not None and not r.refs and not r.unknown_refs and previous.args.get("ref") \
            and (_has_whatif_cue(r) or slots_amount(r)) and r.hit is None:
        r.refs = [previous.args["ref"]]  # "what if it slips 2 weeks" after "when does PO-4502 arrive?"
    intent = _best_intent(r)
    _slot_name_over_person(r, intent)
    if intent == "forecast" and (_excludes_a_month(r, planning_date) or _redo_before_forecast(r, table)):
        intent = "reforecast"  # "update the X forecast leaving out June": a forecast read excludes no history
    if intent == "forecast" and r.kpi is None and _forecast_too_far(r, table):
        intent, r.kpi = "kpi", ("bias", "", 0)  # "dự báo X có bị cao quá không?": its bias, not its numbers
    if intent == "sales" and _sales_ahead(r, table, planning_date):
        intent = "forecast"  # "Sắp tới X bán được bao nhiêu trong tháng 6?": what will sell
    if intent in (None, "kpi") and r.kpi is None and r.resource is None and _percent_is_a_level(r):
        intent = "capacity"  # "dây chuyền nào chạy trên 100% tháng sau?": the lines' load
    if intent == "kpi" and (_gap_to_budget(r, table) or _meets_the_budget(r, table) or _plan_against_budget(r, table)):
        intent, r.kpi = "reconcile", None  # "how far off budget is the plan?": the plan against the budget
    if intent == "sales" and r.period is not None and not r.period.bare \
            and r.months and r.months[0] > f"{planning_date:%Y-%m}":
        intent = "forecast"  # "volumes for X next month", "X tháng sau bán thế nào": months ahead sell no actuals
    if intent == "kpi" and r.kpi and r.kpi[0] == "otif" and previous is not None and previous_refs(previous.args) \
            and not r.refs and not r.unknown_refs and r.hit is None and r.period is None \
            and _has_any(r.words, load_vocabulary().slot_words.get("it_words", [])):
        intent = "orders"  # "is it on time?" after "what if WO.4402 slips a week": that order, not the OTIF KPI
    if intent == "orders" and previous is not None and not r.refs and not r.unknown_refs and r.hit is None:
        r.refs = previous_refs(previous.args)  # "is it late?" after "what if WO.2214 slips a week": that order
    if intent == "product_lookup" and r.hit is None and r.owner is not None and r.owner.entity is not None \
            and _clearly_a_person(r):
        intent = "decisions"  # "anything on Hannah's list?": a person's items, not a catalogue search
    if intent in ("reforecast", "publish") and r.owner is not None and r.owner.entity is not None \
            and _clearly_a_person(r) and r.scores.get("decisions", 0) >= 3:
        intent = "decisions"  # "anh Khoa làm xong việc chạy lại dự báo chưa": a person's task, no job to run
    done = r.owner is not None and r.owner.end < len(r.words) and r.words[r.owner.end] in table.get("done_words", [])
    if intent not in ("decisions", "notes") and r.owner is not None and r.owner.entity is not None \
            and (not r.refs or done) and _clearly_a_person(r) and r.owner.start > 0 \
            and (r.words[r.owner.start - 1] in table.get("subject_aux", []) or done and r.words[r.owner.start - 1] in
                 table.get("done_aux", [])) \
            and not re.search(r"[?!]", r.text[r.tokens[r.owner.start].start:].rstrip(" ?!.")):  # in the last sentence
        intent = "decisions"  # "did Mark get the firm date from the supplier?", "is Mick done with the WO-… re-run?"
    if intent not in ("decisions", "notes") and not r.refs and r.owner is not None and r.owner.entity is not None \
            and _clearly_a_person(r) and _done_yet(r, table):
        intent = "decisions"  # "anh Tú đã so sánh giá X chưa": whether that person's action item is done
    if intent == "orders" and r.hit is None and not r.refs and not r.unknown_refs and r.owner is not None \
            and r.owner.entity is not None and _clearly_a_person(r):
        intent = "decisions"  # "anything overdue from Mark?": a person's late action items, no supplier's order
    if r.resource is not None and r.resource.entity is not None and r.resource.score >= 100 and r.hit is None \
            and intent in ("shortage", "forecast", "overstock") and r.scores.get(intent, 0) < ASKED_CUE and not r.refs:
        intent = "capacity"  # "Pie Line hours vs demand in Feb": a line named, no product, no clear other question
    if intent == "capacity" and r.resource is None and r.hit is not None and r.hit.entity is not None \
            and r.scores.get("capacity", 0) < ASKED_CUE:
        # "can we ship <a product> in full in April?": a product's question, no resource's load ("full")
        intent = _next_intent(r, intent, None)
    if intent == "publish" and r.hit is not None and r.hit.entity is not None \
            and r.scores.get("publish", 0) < ASKED_CUE:
        # "X — are we good for the 11.11 push?": a product's question ("push" a time), no forecast to publish
        intent = _next_intent(r, intent, "shortage")
    if intent == "product_lookup" and r.hit is not None and r.hit.entity is not None and r.period is not None:
        # "do we have a supply problem on <a product> next quarter?": a question about it, no catalogue search
        intent = _next_intent(r, intent, intent)
    if r.refs and intent == "overstock" and r.hit is None and r.scores.get("overstock", 0) < ASKED_CUE:
        intent = "orders"  # "LSX/BN/2701, are we still hitting the 10 Jan date?": the order, no weak overstock word
    if intent == "notes" and r.owner is not None and r.owner.entity is not None and _clearly_a_person(r) \
            and _has_any(r.words, table.get("open", [])) and r.hit is None:
        intent = "decisions"  # "what Hạnh still has open from the last few meetings": that person's open items
    if r.refs and (intent == "kpi" or intent in ORDER_NOT_TOPIC and (r.hit is None or _ref_after_the_name(r))):
        # "po/2026/126 - is it on time?", "the Krill Oil PO 4500771219 on time?": that order, not the
        # company's on-time KPI; "Q1-2027-07, is it on track?", "has WO.3310 slipped?": that order's status
        intent = "orders"
    if intent == "orders" and r.refs and r.hit is not None and r.hit.entity is not None \
            and r.scores.get("shortage", 0) >= 2 and _order_in_a_clause(r):
        intent = "shortage"  # "are the X likely to run out before PO#88213 lands?": X's cover, the order a time
    two = _two_questions(r) if previous is None else None
    if two is not None:  # "are we short on X and how loaded is the Y Cell?": which question first
        return _ask(r, "unknown", "two_questions", [{"label": q, "value": q} for q in two],
                    text=f"'{two[0]}' {question('and', r.language)} '{two[1]}'")
    if not r.refs and not r.unknown_refs and resolver is not None and r.hit is not None and _has_whatif_cue(r):
        moved = orders_moved(r.words, load_vocabulary(), r.entity, resolver.orders_of, resolver.family_skus)
        if moved is not None and len(moved) == 1:
            r.refs = moved  # "what if the X PO is 3 weeks late?": the one order of X
        elif moved is not None:  # which of its orders (or none on file): each option names the order instead
            name = " ".join(t.raw for t in r.tokens[r.hit.start:r.hit.end])
            start = r.tokens[r.hit.start].start
            end = r.tokens[r.hit.end - 1].start + len(r.tokens[r.hit.end - 1].raw)
            options = [{"label": ref, "value": f"{r.text[:start]}{ref}{r.text[end:]}"} for ref in moved[:12]]
            return _ask(r, "whatif", "which_order" if moved else "no_order", options, text=name)
    whatif = None
    of_the_name = _percents_of_the_name(r)  # "Glucose 5% 500 ml": the name's percent, no change of demand
    percent = text.count("%") > len(of_the_name) or "percent" in r.words or "pct" in r.words or (
        (_has_whatif_cue(r) or _says_a_condition(r, table)) and says_a_multiple(r.words, load_vocabulary())) or (
        _has_any(r.words, table.get("demand_nouns", [])) and says_a_multiple(r.words, load_vocabulary(), True))
    # "Gin demand up by a third in February": a fraction of demand, told as plainly as a percentage
    # "what if demand doubles", "X nhu cầu gấp đôi thì có thiếu không": a multiple in a condition
    percent = percent and not _percent_is_a_level(r)  # "is the X Line over 100%?": its load, no what-if
    percent = percent and not _figure_before_the_question(r)
    conditional = bool(r.refs) and _says_a_condition(r, table)  # "huỷ lệnh 2400 thì sao?": a what-if
    if (r.refs and (_has_whatif_cue(r) or slots_amount(r) or conditional)) or percent:
        named = of_the_name | _mention_span(r.hit)  # "SPF50+ … demand down 30%": the name's "+" is no rise
        whatif = read_whatif([t for i, t in enumerate(r.tokens) if i not in named], load_vocabulary(),
                             r.refs, r.entity, r.months)
        if whatif is not None and whatif.scenario is None and not (_has_whatif_cue(r) or conditional):
            whatif = None
    if intent == "shortage" and r.refs and whatif is None and r.hit is None:
        # "DC-88 — does that leave us short?": an order named, no change of it told, no product asked about:
        # its status or a what-if, asked back (never shortages of everything with the order left unread)
        return _ask(r, "orders", "which_question", _order_question_options(r.refs[0], r.language), text=r.refs[0])
    if whatif is not None and intent not in ("reforecast", "notes", "decisions", "kpi", "publish"):
        if whatif.scenario is None:
            ref = r.refs[0] if r.refs else ""
            return _ask(r, "whatif", "whatif_days", [], None, ref=ref)
        intent = "whatif"
        if r.driver is not None:  # "30% more on ads in March": a change to the driver's plan, not to demand
            whatif.scenario = _as_driver_changes(whatif.scenario, r.driver)
    context = _slot_context_only(r) if intent in ("decisions", "notes") else set()
    if context:  # "… on Björn's list for June. What did we decide?": no product, person or month of it
        r.hit = r.owner = r.period = r.months = None
        r.used |= context
    if previous is not None and previous.tool and not _is_followup(r) and _short_about_nothing(r) \
            and previous.entity and intent is not None and INTENT_OF_TOOL.get(previous.tool) != intent:
        # "k co thieu ko", "any shortage?" after a question about a product: the same product
        return _inherit(r, previous, intent, r.months, planning_date)
    if previous is not None and previous.tool and previous.args and _short_about_nothing(r) \
            and intent == INTENT_OF_TOOL.get(previous.tool) and not r.scores.get("help"):
        # "có bị trễ không?" after "when does PO-1876 arrive?": the same question about the same thing
        call = copy.deepcopy(previous)
        call.clarification, call.options, call.pending, call.language = None, [], None, r.language
        return call
    if previous is not None and previous.tool and r.period is not None and r.period.words == "now" \
            and r.words[:1] == ["now"]:
        r.period, r.months = None, None  # "now do the 12 pack": a next step, no month
    if previous is not None and previous.tool and _is_followup(r):
        nouns = set(table.get("variant_nouns", []))  # "còn màu đỏ thì sao": "màu" names no product
        r.used |= {i for i, w in enumerate(r.words) if w in nouns and i not in _mention_span(r.hit)}
        _family_of_previous(r, previous, resolver)
        _like_previous(r, previous, resolver)
        _month_owner_of_previous(r, previous, resolver)
        followed = _follow(r, previous, intent, planning_date)
        if followed is not None:
            return followed
        own = intent is not None and r.scores.get(intent, 0) >= 3
        if r.hit is not None and r.hit.ambiguous and not own and previous.tool in TOOLS_WITH_PRODUCT:
            slot = TOOLS_WITH_PRODUCT[previous.tool]  # "and almond?": the same question, for which one?
            months = r.months or previous.months
            args = {k: v for k, v in previous.args.items() if k != slot}
            if r.months and previous.tool in TOOLS_WITH_PERIOD:
                args["period"] = slots.iso_period(r.months)
            pending = {"tool": previous.tool, "args": args, "intent": previous.intent, "months": months, "slot": slot}
            return _ask(r, previous.intent, "ambiguous", _options(r.hit.candidates), pending, text=r.hit.text)
    if r.unknown_refs and not r.refs and (intent in ("orders", "whatif", "shortage", None) or (
            r.hit is None and intent in ("forecast", "overstock", "sales", "capacity", "drivers"))):
        # "when is PO-AU-7718 expected?": an order the data lacks, never another question without it
        ref = r.unknown_refs[0]
        closest = resolver.closest(ref, ("order",)) if resolver else []
        key = "unknown_ref" if closest else "unknown_ref_none"
        return _ask(r, intent or "orders", key, _options(closest), text=ref)
    if intent == "capacity" and resolver is not None and resolver.resources:
        typed = (_numbered_line(r, resolver) if r.resource is None else None) or _unknown_resource(r, resolver) \
            or _slot_machine_before_resource(r, resolver)
        if typed:  # "line 3" when the lines are Canning Line 1 and 2: no such line
            closest = resolver.closest(typed, ("resource",))
            return _ask(r, "capacity", "unknown" if closest else "unknown_none", _options(closest), text=typed)
        qualified = _unknown_kind_qualifier(r, resolver)
        if qualified is not None and qualified[1]:  # "dây chuyền tã": which of the lines, never every resource
            closest = [e for e in resolver.closest(qualified[0], ("resource",)) if e in qualified[1]]
            ordered = list(dict.fromkeys(closest + qualified[1]))  # the nearest spellings first
            return _ask(r, "capacity", "unknown_resource", _options(ordered[:8]), text=qualified[0])
        kind = _bare_kind(r, resolver) if r.resource is None and r.hit is None else None
        if kind is not None:  # "how loaded is the line?" with three lines: which of them
            return _ask(r, "capacity", "ambiguous_resource", _options(kind[1]), resource_pending(r), text=kind[0])
        machine = (_slot_unknown_machine(r, resolver) or _slot_unknown_machine_kind(r, resolver)) \
            if r.resource is None and (r.hit is None or _slot_machine_before_name(r)) else None
        if machine is not None:  # "máy rang" when the resources are named otherwise: which of them, never all
            options = resolver.closest(machine, ("resource",)) or [
                Entity("resource", name, name) for name in dict.fromkeys(resolver.resources.values())]
            return _ask(r, "capacity", "unknown_resource", _options(options[:8]), text=machine)
        left = _leftover_name(r) if r.resource is None and r.hit is None and not r.refs else None
        cues = [find_phrase(r.words, p) for p in load_vocabulary().intents["capacity"]["words"]]
        if left and (_at(r, left) + len(left.split()) in set(cues) or (
                _at(r, left) > 0 and r.words[_at(r, left) - 1] in TOPIC_DETERMINERS
                and not set(fold_words(left).split()) <= resolver.place_words)):  # "the plant": all of it
            # "kiln capacity": a name right before the capacity word that no resource has: which one, never
            # every resource
            options = resolver.closest(left, ("resource",)) or [
                Entity("resource", name, name) for name in dict.fromkeys(resolver.resources.values())]
            return _ask(r, "capacity", "unknown_resource", _options(options[:8]), text=left)
    if intent == "capacity" and _slot_which_resource(r):
        r.used |= _mention_span(r.resource)  # "dây chuyền nào quá tải?": every line's load
        r.resource = None
    if r.resource is not None and r.resource.entity is None and intent in ("capacity", None):
        return _ask(r, "capacity", "ambiguous_resource", _options(r.resource.candidates), resource_pending(r),
                    text=" ".join(t.raw for t in r.tokens[r.resource.start:r.resource.end]))
    if intent is None and r.hit is not None and r.hit.entity is not None and r.period is not None \
            and len(r.period.parts) > 1 and r.period.bare:
        intent = "sales"  # "October compared to September for <a product>": two months compared, what was sold
    if intent is None and _slot_place_alone(r, resolver):
        r.resource = None  # "the weather in Tiruppur": the place, not the line named after it
    if intent is None:
        if r.hit is not None and r.hit.entity is not None:  # a bare product: which question about it?
            return _ask(r, "unknown", "which_question", _question_options(r.hit.entity, r.language),
                        text=" ".join(t.raw for t in r.tokens[r.hit.start:r.hit.end]))
        if r.hit is not None:
            intent = "shortage"
        elif r.resource is not None:
            intent = "capacity"
        elif r.refs:
            intent = "orders"
        elif r.owner is not None and r.owner.entity is not None and _clearly_a_person(r):
            intent = "decisions"  # "what will Marcus do about ...": a person of the notes, their action items
        else:
            leftover = _leftover_name(r)
            if leftover and resolver is not None and re.search(r"\w{4,}", leftover):
                closest = resolver.closest(leftover, ("sku", "family", "resource", "order"), cutoff=85.0)
                if closest:
                    return _ask(r, "unknown", "unknown", _options(closest), text=leftover)
            if _has_any(r.words, load_vocabulary().slot_words.get("no_tool_topics", [])):
                return _ask(r, "unknown", "no_tool", _starters(r.language))  # "who is our biggest customer?"
            if r.months and _only_a_period(r):  # "what about next month?" with nothing before it
                key = "which_question_period" if _ahead(r, planning_date) else "which_question_period_back"
                return _ask(r, "unknown", key, _period_options(r, planning_date), text=_period_as_typed(r))
            return RoutedCall(None, {}, "unknown", None, r.months, language=r.language)
    if r.period is not None and r.period.words in load_vocabulary().slot_words.get("now_words", []) and (
            intent in ("decisions", "notes", "orders", "overstock") or intent == "kpi" and r.kpi is not None
            and r.kpi[0].replace("_", " ") in load_vocabulary().slot_words.get("point_in_time_kpis", [])):
        r.period, r.months = None, None  # "what's on his plate right now?", "inventory value right now": no month
    if _looks_back(intent, r) and r.period is not None and not _period_is_topic(r):
        if intent in ("notes", "decisions") and r.period.open_end and not r.period.words.endswith(("on", "onwards")):
            r.period = dataclasses.replace(r.period, open_end=False)  # "notes from August": the August meetings
        back = looking_back(r.period, planning_date)  # before any question back: its pending call too
        r.months = back.labels if back else r.months
    if r.pair and intent in ABOUT_A_PRODUCT | {"orders", "drivers", "reconcile"} and resolver is not None:
        entity, _ = resolver.settle(r.pair)
        if entity is not None and entity.kind == "family":  # the two are the whole of one family
            r.hit = Mention(entity, [], r.hit.start, r.hit.end, r.hit.text, r.hit.score)
        else:  # one call answers one product: which first? (a what-if's changes may differ by product: ask anew)
            pending = None if intent == "whatif" else _pending(intent, r, planning_date, None)
            names = [f"'{e.label}'" for e in r.pair]
            named = f"{', '.join(names[:-1])} {question('and', r.language)} {names[-1]}"
            return _ask(r, intent, "two_products", _options(r.pair), pending, text=named)
    shared = _slot_shared_size(r, resolver) if r.hit is None and r.pair is None and not r.refs \
        and resolver is not None and intent in ABOUT_A_PRODUCT | {"orders", "reconcile"} else None
    if shared is None and r.hit is None and r.pair is None and not r.refs and resolver is not None \
            and intent in ABOUT_A_PRODUCT | {"orders", "reconcile"}:
        shared = _slot_shared_variant(r, resolver)  # "XL short next month?": which of the XL products
    if shared is not None:  # "500 ml sales in July": which of the 500 ml products, never all of them
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None)
        return _ask(r, intent, "ambiguous", _options(shared[1]), pending, text=shared[0])
    if r.hit is not None and r.hit.entity is None and intent == "orders" and r.refs:
        r.hit = None  # "is the Cap Classique PO 4500098812 on time?": the order named, the product beside it
    if r.hit is not None and r.hit.entity is None and intent not in ("product_lookup", "notes"):
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None)
        return _ask(r, intent, "ambiguous", _options(r.hit.candidates), pending, text=r.hit.text)
    family = _slot_unknown_family(r, resolver) if r.hit is None and not r.refs and resolver is not None \
        and intent in ABOUT_A_PRODUCT | {"orders", "reconcile"} else None
    if family is not None:  # "nhóm Mỹ phẩm": a family the data does not have, never every product
        options = resolver.closest(family, ("family",)) or [Entity("family", f, f) for f in resolver.family_skus]
        return _ask(r, intent, "unknown", _options(options[:8]), _pending(intent, r, planning_date, None), text=family)
    leftover = _leftover_name(r) if intent in ABOUT_A_PRODUCT and resolver is not None and not r.refs else None
    exact_name = r.hit is not None and r.hit.score >= 100 and r.hit.end - r.hit.start > 1
    if leftover and r.hit is not None and r.hit.entity is not None and r.hit.entity.kind == "sku" \
            and len(leftover.split()) == 1 and _at(r, leftover) == r.hit.end and len(leftover) >= 3 and any(
                w.startswith(fold(leftover)) and w != fold(leftover)
                for w in fold_words(resolver.labels.get(r.hit.entity.code, "")).split()):
        leftover = None  # "mixed veg": a word of the name cut short (Mixed Vegetables 1kg)
    if leftover and r.hit is not None and len(leftover.split()) == 1 and leftover.endswith("'s") \
            and leftover[:1].isupper() and _at(r, leftover) + 1 == r.hit.start and r.hit.entity is not None:
        leftover = None  # "Target's Melatonin 10 mg orders": a customer's or person's, before the name
    if leftover and _slot_code_typed(r, resolver):
        leftover = None  # "the discontinued hand blender MX-C2": its code names it, the words describe it
    if leftover and r.hit is not None and (exact_name or not _next_to(r, leftover)) \
            and not _like_a_word_of_the_family(r, leftover, resolver) \
            and not _slot_unknown_variant_of_family(r, leftover, resolver):
        leftover = None
    if leftover and r.hit is not None and r.hit.entity is not None and r.hit.entity.kind == "sku" and set(
            fold_words(leftover).split()) <= set(fold_words(resolver.labels.get(r.hit.entity.code, "")).split()) \
            and all(w.lower() in resolver.written_forms.get(fold(w), ()) for w in leftover.split()):
        leftover = None  # "Q-Fit 18mm": the size found it, the other word is of its own name, written as in it
    if not leftover and intent in ABOUT_A_PRODUCT and other_name_word(r.hit, r.tokens, r.used, resolver, r.text):
        leftover = r.tokens[r.hit.end].raw  # "Sơn Mùa Đông" when the name is "Sơn … Mùa Xuân": another name
    rating = _slot_other_rating(r, resolver) or _slot_size_no_name_holds(r, resolver) \
        if not leftover and intent in ABOUT_A_PRODUCT else None
    family = r.hit is not None and r.hit.entity is not None and r.hit.entity.kind == "family"
    others = _slot_variant_others_hold(r, resolver) if (not leftover or family) and not rating \
        and intent in ABOUT_A_PRODUCT else None  # "fillet hồng nhạt 170-220": the 170-220 ones, words or not
    if others:  # "tôm sú 16/20": not the one name holding "tôm sú", but one of those holding "16/20"
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None)
        return _ask(r, intent, "ambiguous", _options(others[1]), pending, text=others[0])
    if rating:  # "Dompel Sewage Pump 11 kW" when it is 7.5 kW: no such product, never the other rating's
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None) if "%" not in rating \
            else _pending("shortage" if intent == "whatif" else intent, r, planning_date, None)  # "Gel 2%": no +2%
        closest = resolver.closest(rating)
        return _ask(r, intent, "unknown" if closest else "unknown_none", _options(closest), pending, text=rating)
    model = _slot_unknown_model(r, resolver) if not leftover and not rating and intent in ABOUT_A_PRODUCT \
        and not r.refs else None
    if model:  # "Giống lúa ST26" when the series holds ST24 and ST25: no such product
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None)
        closest = resolver.closest(model) or _slot_series_products(model, resolver)
        return _ask(r, intent, "unknown" if closest else "unknown_none", _options(closest), pending, text=model)
    if leftover:
        if r.hit is not None:  # "unicorn juice": a word the data lacks, next to a name it has
            leftover = " ".join(t.raw for t in r.tokens[min(r.hit.start, _at(r, leftover)):
                                                          max(r.hit.end, _at(r, leftover) + len(leftover.split()))])
        closest = resolver.closest(leftover)
        key = "unknown" if closest else "unknown_none"
        pending = _pending(intent, r, planning_date, whatif.scenario if whatif else None)
        return _ask(r, intent, key, _options(closest), pending, text=leftover)
    if intent == "decisions" and r.owner is None:
        r.owner = _slot_subject_owner(r, resolver)  # "dong con viec gi": Đông, typed without accents
    if intent == "decisions" and r.owner is None and resolver is not None and resolver.owners:
        vocabulary = load_vocabulary()
        named = find_owner(r.tokens, vocabulary.owner_cues, _not_names(vocabulary), set(r.used) | _mention_span(r.hit),
                           vocabulary.honorifics) or _subject_name(r, vocabulary) or _slot_titled_name(r) \
            or _shared_name(r, resolver)
        if named and resolver.resolve(named, ("owner",)).entity is None:
            closest = resolver.closest(named, ("owner",))
            sharing = [e for e in closest if set(fold_words(named).split()) <= set(fold_words(e.code).split())]
            if len(sharing) > 1:  # "Hùng" when two people are called so: which one, the question kept
                return _ask(r, "decisions", "which_owner", _options(sharing), _owner_pending(r, planning_date),
                            text=named)
            return _ask(r, "decisions", "unknown_owner" if closest else "unknown_owner_none", _options(closest),
                        text=named)
    if intent == "decisions" and r.owner is not None and r.owner.entity is not None and r.period is not None \
            and r.tokens[r.owner.end - 1].raw.lower().endswith("'s") \
            and r.tokens[r.owner.end - 1].text.removesuffix("'s") in MONTHS:
        # "what's on April's plate": a person's items (April Nguyen), not the items of April
        r.period = message_period(_without(r.text, r.tokens, _mention_span(r.owner)), planning_date)
        r.months = r.period.labels if r.period else None
    decided = load_vocabulary().slot_words.get("decision", [])
    if intent == "notes" and r.entity is not None and _has_any(r.words, decided):
        intent = "decisions"  # "what did we decide about <a product>": its decisions, not a notes search
    if previous is not None and previous.months and r.period is None and intent is not None \
            and INTENT_OF_TOOL.get(previous.tool) == intent and (r.hit is not None or r.resource is not None):
        r.months = previous.months  # "is Oven 1 any better off?" after next month's load: the same months
    if intent == "whatif" and previous is not None and previous.tool == "check_shortages" and r.hit is None \
            and _starts_with_cue(r):  # "and if PO-7781 is a week late?": the same product and months
        if previous.entity:
            r.hit = _previous_mention(previous)
        r.months = r.months or previous.months
    if intent == "whatif" and previous is None and _names_its_order(r, resolver):
        r.hit = None  # "what if the corn vessel BL-… is late?": the order's own product describes it
    if _looks_back(intent, r) and r.period is not None and not _period_is_topic(r):
        back = looking_back(r.period, planning_date)
        r.months = back.labels if back else r.months
    tool = load_vocabulary().intents.get(intent, {}).get("tool")
    excluding = intent == "reforecast" and _has_any(r.words, load_vocabulary().slot_words.get("exclude", []))
    seasonal = intent == "orders" and r.period is None  # "keep them supplied over summer": which months?
    if tool in TOOLS_WITH_PERIOD or intent == "whatif" or excluding or seasonal:  # "excluding the summer": which?
        unread = _unread_period(r, planning_date, intent)
        if unread is not None or (r.period is not None and r.period.unclear):
            pending = _period_pending(intent, r, planning_date, whatif.scenario if whatif else None)
            if unread is not None:
                return _ask(r, intent, "which_period", [], pending, text=unread)
            named = ", ".join(f"'{w}'" for w in (*r.period.others, r.period.words))
            return _ask(r, intent, "which_period_several", [], pending, text=named)
    unnamed = _slot_unnamed_months(r) if excluding and r.period is None else None
    if unnamed is not None:  # "re-forecast X excluding the promo months": which months are those?
        return _ask(r, intent, "which_period", [], None, text=unnamed)
    built = _build(intent, r, planning_date, whatif.scenario if whatif else None)
    built.confident = _confident(built, r, intent)
    return built


CLEAR_CUE = 2.0  # the weight of a phrase that names its question ("short", "forecast", "dự báo")


def _confident(built: RoutedCall, r: _Reading, intent: str) -> bool:
    """Whether the router is sure of this call: a tool call with no question back, whose intent has a
    clear cue and no other intent within one point of it. Where it is, an LLM's call must agree with it."""
    if built.tool in (None, "help") or built.clarification:
        return False
    scores = sorted((v for k, v in r.scores.items() if k != "help"), reverse=True)
    if intent == "whatif":
        return True  # a what-if is read from its own cues (an order and a delay, a percentage)
    top = r.scores.get(intent, 0.0)
    runner_up = next((v for v in scores if v != top), 0.0) if scores.count(top) == 1 else top
    return top >= CLEAR_CUE and top - runner_up >= 1.0


def _next_intent(r: _Reading, intent: str, default: str | None) -> str | None:
    """The best-scored intent other than ``intent`` (and help), ties by PRIORITY; ``default`` when none."""
    others = {k: v for k, v in r.scores.items() if k not in (intent, "help")}
    return max(others, key=lambda k: (others[k], -PRIORITY.index(k) if k in PRIORITY else -99)) if others else default


def _order_in_a_clause(r: _Reading) -> bool:
    """Every order reference typed right after a word opening a clause of time or condition ("before PO-…
    lands", "if 4700021558 turns up"), one word between at most."""
    openers = set(load_vocabulary().slot_words.get("order_clause_openers", []))
    keys = {ref_key(x) for x in r.refs}
    at = [i for i in range(len(r.tokens)) if any(  # the ref typed whole or in parts ("PO#88213", "4700 0331")
        ref_key("".join(t.raw for t in r.tokens[i:i + k])) in keys for k in (1, 2, 3, 4))]
    return bool(at) and all(any(r.words[j] in openers for j in range(max(0, i - 2), i)) for i in at)


def _names_its_order(r: _Reading, resolver: Resolver | None) -> bool:
    """A product (or its family) typed right before an order's reference (one word between at most: "the RSS3
    contract TH-RSS/…", "the corn vessel BL-…"), or anywhere when no shortage word asks about it ("what does
    that do to X?", "where does that leave X?"), that is the product of that order: a word describing the
    order, not a product asked about (the what-if answers for every product, as any supply change does)."""
    hit = r.hit
    if resolver is None or hit is None or hit.entity is None or hit.entity.kind not in ("sku", "family") or not r.refs:
        return False
    skus = resolver.family_skus.get(hit.entity.code, ()) if hit.entity.kind == "family" else (hit.entity.code,)
    own = {ref for sku in skus for ref in resolver.orders_of.get(sku, ())}  # "the PO-… power banks": its family
    asked = r.scores.get("shortage", 0) >= 2  # "is X short if PO-… slips": X's cover is the question
    return any(ref in own and (0 <= i - hit.end <= 1 or not asked) for i, ref, _ in resolver.find_refs(r.tokens))


def _like_a_word_of_the_family(r: _Reading, leftover: str, resolver: Resolver) -> bool:
    """A family named with a word close to, not equal to, a word of its products' names ("sua tuoi khong
    duog" for "không đường"): one of the family was meant, with a slip."""
    if r.hit is None or r.hit.entity is None or r.hit.entity.kind != "family":
        return False
    words = {w for sku in resolver.family_skus.get(r.hit.entity.code, []) for w in fold(resolver.labels[sku]).split()}
    return any(w not in words and any(len(x) >= 4 and fuzz.ratio(w, x) >= 85 for x in words)
               for w in fold(leftover).split() if len(w) >= 4)


def _next_to(r: _Reading, leftover: str) -> bool:
    """True when the leftover words touch the name found (right before it or right after it)."""
    at = _at(r, leftover)
    return at + len(leftover.split()) == r.hit.start or at == r.hit.end


AUXILIARIES = ("has", "have", "does", "did", "is", "will", "should", "can", "what's", "whats", "hasn't")


def _shared_name(r: _Reading, resolver: Resolver) -> str | None:
    """"Sam đang giữ những action item nào?": a capitalised word, anywhere, that is the first or last name of
    several people of the notes (asked which, never every person's items)."""
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource)
    return next((t.raw for i, t in enumerate(r.tokens) if i not in taken and t.raw[:1].isupper()
                 and t.text in resolver.shared_names), None)


def _subject_name(r: _Reading, vocabulary) -> str | None:
    """A capitalised word no vocabulary holds right after an auxiliary ("what has Oliver got open?", "does
    Bob have anything open?"): a person's name, as typed (one the notes do not know is asked back)."""
    # (a stopword of another language is a name here: "Tuan" after "has" is a person, not "tuần", a week)
    not_names = _not_names(vocabulary) | (set(vocabulary.stopwords) & vocabulary.language_words.get("en", set()))
    taken = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource)
    for i, t in enumerate(r.tokens[1:], start=1):
        if r.words[i - 1] in AUXILIARIES and i not in taken and t.raw[:1].isupper() \
                and t.text.replace("-", "").isalpha() and t.text not in not_names and t.text not in MONTHS:
            return t.raw
    return None
