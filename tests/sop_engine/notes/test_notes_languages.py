"""The per-language words of meeting notes hold no word of a demo catalogue (names, nor single words).

Words are compared as written (case-folded, accents kept): the Vietnamese "cần" of "Việc cần làm" is not
the English "can"."""

from __future__ import annotations

import re

from sop_engine.demo.themes import THEMES
from sop_engine.notes.languages import LANGUAGES


def _vocabulary() -> set[str]:
    words: set[str] = set()
    for lang in LANGUAGES.values():
        phrases = [
            *lang.decision_headings.starts, *lang.decision_headings.ends, *lang.action_headings.starts,
            *lang.action_headings.ends, *lang.due_words, *lang.done_words,
            *(word for _, words in lang.table_columns for word in words),
        ]
        for phrase in phrases:
            words.add(" ".join(phrase.casefold().split()))
            words.update(re.findall(r"[^\W\d_]+", phrase.casefold()))
    return words


def test_no_catalogue_word_in_the_note_vocabularies():
    vocabulary = _vocabulary()
    for theme in THEMES.values():
        names = [theme.company, theme.new_item[1]]
        for family in theme.families:
            names.append(family.name)
            names += [name for _, name in family.items]
        for name in names:
            assert " ".join(name.casefold().split()) not in vocabulary, name
            for word in re.findall(r"[^\W\d_]{3,}", name.casefold()):
                assert word not in vocabulary, (name, word)
