"""A name written with a capital: an everyday word that opens product names ("Total", "Forecast"),
capitalised inside the sentence and with no other product named, is those products' name, not the word.

"are we short of Total next month?" with "Total Garden Fertiliser 5 kg" and "Total Cover Primer 4 L" asks
which of the two, where the lower-case word ("the total") would be read as every product."""

from __future__ import annotations

from sop_engine.resolver import Mention, Resolver
from sop_engine.text import Token


def capitalised_opening(tokens: list[Token], resolver: Resolver, skip: set[int], cues: set[str]) -> Mention | None:
    """The products a capitalised everyday word inside the sentence opens the names of, or None. Words
    that are one-word cues of an intent (``cues``: "Forecast") stay cues."""
    for i, t in enumerate(tokens):
        if i == 0 or i in skip or t.text in cues or t.text not in resolver.opening_words:
            continue
        if not (t.raw[:1].isupper() and t.raw[1:].islower()):  # "Total", not "total" nor "TOTAL"
            continue
        if i + 1 < len(tokens) and tokens[i + 1].raw[:1].isupper():  # "Total Garden …": the resolver's, a name
            continue
        entity, candidates = resolver.settle([resolver.sku_entity[s] for s in resolver.opening_words[t.text]])
        return Mention(entity, candidates, i, i + 1, t.text, 90.0)
    return None
