"""How words are typed around names: period-like words that belong to a product's name ("Hộp quà 8/3", "the
H2 hoses"), a correction ("… i mean october"), a capitalised word that makes a name another one, and the
order a follow-up is about."""

from __future__ import annotations

import re

from assistant.router.vocab import Token, find_phrase, load_vocabulary, phrase_tokens
from sop_engine.periods import MONTHS
from sop_engine.resolver import Mention, Resolver, ref_key
from sop_engine.resolver import singular as resolver_singular
from sop_engine.text import fold_words

MONTH_WORDS = frozenset(m for m in MONTHS if m not in ("may", "mar"))  # "may", "mar": everyday words too
DAY_MONTH = re.compile(r"^(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])$")  # "8/3", "20/10": a day, no month
PERIOD_LIKE = re.compile(r"^(?:q\d|h[12]|t(?:1[0-2]|0?[1-9])|fy|fy'?\d{2,4}(?:/\d{2,4})?|(?:1[0-2]|0?[1-9])[/-]\d{2,4}|"
                         r"(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])|(?:"
                         + "|".join(sorted(MONTH_WORDS, key=len)) + r")[-'/]?\d{0,4})$")


def code_positions(tokens: list[Token], resolver: Resolver | None) -> set[int]:
    """Positions of words that are SKU codes with a digit ("8936", "40125", "3000"): a product, never a year;
    and of period-like words of a product's name next to a word of that same name ("Hộp quà 8/3", "the H2
    hoses"). (A code of one or two digits stays a count or a month: "next 12 months", "tháng 12".)"""
    if resolver is None:
        return set()
    words = [t.text for t in tokens]

    def in_a_name(i: int) -> bool:
        if not (re.fullmatch(r"\d+[/.-]\d+", words[i]) or PERIOD_LIKE.match(words[i])):
            return False
        if any(" ".join(words[a:b]) in resolver.phrases for a, b in ((i - 1, i + 1), (i, i + 2)) if a >= 0):
            return True
        own = set(resolver.bag.get(words[i], ()))
        return any(own & set(resolver.bag.get(resolver_singular(words[j]), resolver.bag.get(words[j], ())))
                   for j in (i - 1, i + 1) if 0 <= j < len(words) and words[j] not in resolver.reserved)
    def a_year(i: int) -> bool:  # "sales in 2026", "March 2027", "Q1 2027": a year, even where a code is 2027
        return bool(re.fullmatch(r"(?:19|20)\d{2}", words[i])) and i > 0 and (
            words[i - 1] in YEAR_PREPOSITIONS or words[i - 1] in MONTHS
            or bool(re.fullmatch(r"q[1-4]|h[12]", words[i - 1])))

    return {i for i, t in enumerate(tokens)
            if len(t.text) >= 3 and t.text in resolver.codes and any(c.isdigit() for c in t.text) and not a_year(i)
            or in_a_name(i)
            or ("/" in t.raw and len(t.raw) > 7 and ref_key(t.raw) in resolver.refs)}  # "08/2027/HĐMB-CMV": an order


YEAR_PREPOSITIONS = {"in", "during", "throughout", "nam"}


def after_correction(words: list[str]) -> int | None:
    """The position of the first word after the last correction cue ("… i mean october"), or None."""
    ends = [at + len(phrase_tokens(cue)) for cue in load_vocabulary().slot_words.get("corrections", [])
            for at in [find_phrase(words, cue)] if at is not None]
    end = max(ends, default=None)
    return end if end is not None and end < len(words) else None


def previous_refs(args: dict) -> list[str]:
    """The order a previous call (its ``args``) was about: its ``ref``, or the first order its what-if changed."""
    changed = [c["ref"] for c in args.get("scenario", {}).get("supply_changes", []) if c.get("ref")]
    return [args["ref"]] if args.get("ref") else changed[:1]


def other_name_word(hit: Mention | None, tokens: list[Token], used: set[int], resolver: Resolver | None,
                    text: str = "") -> bool:
    """A capitalised word right after a name found only loosely (words in another order, a near spelling),
    that is no word of that product's name: the name typed is another one ("Sơn Mùa Đông" for "Sơn nội thất
    Mùa Xuân", "Vitamin C" for "Kids Vitamin D3 Drops")."""
    if resolver is None or hit is None or hit.entity is None or hit.entity.kind != "sku" or hit.score >= 100 \
            or hit.end >= len(tokens) or hit.end in used:
        return False
    t = tokens[hit.end]
    last = tokens[hit.end - 1]
    if re.search(r"[.!?:;]", text[last.start + len(last.raw):t.start]):
        return False  # "… Daily One 120 ct. Bottom line: …": a new sentence, no word of the name
    name = set(fold_words(resolver.labels.get(hit.entity.code, "")).split())
    capitalised = t.raw[1:].islower() or len(t.raw) == 1 and t.text != "i"  # "Vitamin C" when only D3 exists
    return t.raw[:1].isupper() and capitalised and t.text.isalpha() and t.text not in name
