"""People named in a message: capitalised words after "for", "owned by", "assigned to" ... (the fallback
when the owner is not one the notes know; known owners, products, families, resources and order references
are found by the one resolver, ``sop_engine.resolver``)."""

from __future__ import annotations

from sop_engine.periods import MONTHS
from sop_engine.text import Token


def find_owner(tokens: list[Token], cues: list[str], not_names: set[str], skip: set[int],
               honorifics: frozenset[str] = frozenset()) -> str | None:
    """A person's name: capitalised words after "for", "owned by", "assigned to", "của" ... (a word of address
    such as "anh" or "chị" between them skipped), or before "'s"."""
    words = [t.text for t in tokens]

    def is_name_word(k: int, addressed: bool = False) -> bool:
        raw = tokens[k].raw
        base = words[k][:-2] if words[k].endswith("'s") else words[k]
        return (
            k not in skip
            and raw[:1].isupper()
            and base.replace("-", "").isalpha()
            and (addressed or base not in not_names)  # after "anh"/"chị" a capitalised word is a name
            and base not in MONTHS
        )

    for cue in sorted(cues, key=lambda c: -len(c.split())):
        parts = cue.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            j = i + len(parts)
            addressed = False
            while j < len(tokens) and words[j] in honorifics:
                j, addressed = j + 1, True
            name = []
            while j < len(tokens) and is_name_word(j, addressed) and len(name) < 3:
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
