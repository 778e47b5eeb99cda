"""The router's vocabulary file, and how its phrases are found in a message's words.

A message is read as a list of lower-case word tokens (codes such as ``PO-1182``, ``s&op``, ``1.5l`` and
``20%`` stay one token). A phrase of the vocabulary matches a run of whole tokens; a single word of five
letters or more also matches a token with a typo (rapidfuzz ratio at least ``typo_ratio``).
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from sop_engine.text import Token, fold_words, has_diacritics, tokenize

__all__ = ["Token", "tokenize", "Vocabulary", "load_vocabulary", "find_phrase", "longest_match", "score_intents"]

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.toml")
# One file per language: vocabulary.toml is English, vocabulary.<lang>.toml another language (same keys).
LANGUAGE_FILES = {"en": VOCABULARY_FILE, "vi": Path(__file__).with_name("vocabulary.vi.toml")}


@dataclass(frozen=True)
class Vocabulary:
    intents: dict[str, dict]  # intent -> {"tool": str, "words": {phrase: weight}}
    whatif: dict
    kpis: dict[str, list[str]]
    meetings: dict[str, list[str]]
    forecast_versions: dict[str, list[str]]
    owner_cues: list[str]
    honorifics: frozenset[str]
    followup_cues: list[str]
    stopwords: frozenset[str]
    not_products: frozenset[str]
    typo_ratio: float
    language_words: dict[str, frozenset[str]]  # language -> the folded words of its vocabulary file
    ask_back: dict[str, dict]  # intent -> {"label": {lang: text}, "example": {lang: text}}
    slot_words: dict[str, list[str]]  # [slot_words]: "action", "decision", "open", "exclude", "until", "quantity"
    written: dict[str, dict[str, set[str]]]  # folded phrase -> intent -> its written forms (with diacritics)
    marked: frozenset[tuple[str, str]] = frozenset()  # (folded phrase, intent) of [intents.X.marked_words]

    @cached_property
    def reserved(self) -> frozenset[str]:
        """Words that never start or end a product name on their own: stopwords and intent words."""
        words = set(self.stopwords) | set(self.not_products)
        for spec in self.intents.values():
            words.update(p for p in spec["words"] if " " not in p)
        return frozenset(words)


# In an intent phrase, GAP stands for the product, family or line the message names (its words are masked
# before intents are scored): "có đủ … không" is "có đủ X không", whatever X is.
GAP = "…"
MASK = "\x00"  # a masked word of a message: part of the named product, family or resource
GAP_BEFORE, GAP_AFTER = 2, 4  # words allowed between a gap phrase's left part and the name, the name and its right


def fold_phrase(phrase: str) -> str:
    """The folded form of a vocabulary phrase, its GAP kept: "Có đủ … không?" -> "co du … khong"."""
    if GAP not in phrase:
        return fold_words(phrase) or phrase
    return f" {GAP} ".join(fold_words(part) for part in phrase.split(GAP)).strip()


def _fold_keys(table: dict) -> dict:
    return {fold_phrase(k): v for k, v in table.items()}


def _fold_list(items) -> list[str]:
    return [fold_words(i) or i for i in items]


def _merge(into: dict, data: dict) -> None:
    """Add one language file's entries to ``into`` (phrases folded: with or without diacritics match)."""
    for intent, spec in data.get("intents", {}).items():
        target = into["intents"].setdefault(intent, {"tool": spec.get("tool"), "words": {}})
        target["tool"] = target.get("tool") or spec.get("tool")
        for phrase, weight in _fold_keys(spec.get("words", {})).items():
            target["words"][phrase] = max(weight, target["words"].get(phrase, 0))
        # marked_words: phrases that count only typed with their marks, and typed without them leave the
        # phrase that folds alike to its intent ("co du khong" is "có đủ không", enough; "có dư không", too
        # much, only as written)
        marked = spec.get("marked_words", {})
        for phrase, weight in _fold_keys(marked).items():
            target["words"][phrase] = max(weight, target["words"].get(phrase, 0))
            into["marked"].add((phrase, intent))
        for original in [*spec.get("words", {}), *marked]:  # the written forms, to tell "đủ hàng" from "dư hàng"
            written = " ".join(unicodedata.normalize("NFC", original).casefold().split())
            into["written"].setdefault(fold_phrase(original), {}).setdefault(intent, set()).add(written)
    for key, value in data.get("whatif", {}).items():
        if isinstance(value, dict):
            into["whatif"].setdefault(key, {}).update(_fold_keys(value))
        else:
            into["whatif"].setdefault(key, []).extend(_fold_list(value))
    for table in ("kpis", "meetings", "forecast_versions"):
        for key, phrases in data.get(table, {}).items():
            into[table].setdefault(key, []).extend(map(fold_phrase, phrases))  # "forecasting … too high": its GAP kept
    into["owner_cues"].extend(_fold_list(data.get("owners", {}).get("cues", [])))
    into["honorifics"].update(_fold_list(data.get("owners", {}).get("honorifics", [])))
    into["followup_cues"].extend(_fold_list(data.get("followups", {}).get("cues", [])))
    into["stopwords"].update(_fold_list(data.get("stopwords", {}).get("words", [])))
    into["not_products"].update(_fold_list(data.get("not_products", {}).get("words", [])))
    for key, phrases in data.get("slot_words", {}).items():
        into["slot_words"].setdefault(key, []).extend(_fold_list(phrases))
    for intent, spec in data.get("ask_back", {}).items():
        into["ask_back"].setdefault(intent, {}).update(spec)


def _words_of(data: dict) -> frozenset[str]:
    """Every folded word a language file holds (its phrases split into words)."""
    words: set[str] = set()

    def add(phrases) -> None:
        for phrase in phrases:
            words.update(fold_words(phrase).split())

    for spec in data.get("intents", {}).values():
        add(spec.get("words", {}))
    for table in ("kpis", "meetings", "forecast_versions"):
        for phrases in data.get(table, {}).values():
            add(phrases)
    add(data.get("stopwords", {}).get("words", []))
    add(data.get("language", {}).get("words", []))
    return frozenset(w for w in words if w.isalpha())


@cache
def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """The vocabulary of every language file, merged (a message may mix languages)."""
    merged: dict = {"intents": {}, "whatif": {}, "kpis": {}, "meetings": {}, "forecast_versions": {},
                    "owner_cues": [], "honorifics": set(), "followup_cues": [], "stopwords": set(),
                    "not_products": set(),
                    "ask_back": {}, "slot_words": {}, "written": {}, "marked": set()}
    files = {"en": path, **{lang: p for lang, p in LANGUAGE_FILES.items() if lang != "en" and p.exists()}}
    language_words: dict[str, frozenset[str]] = {}
    typo_ratio = 86.0
    for lang, file in files.items():
        with open(file, "rb") as handle:
            data = tomllib.load(handle)
        if lang == "en":
            typo_ratio = float(data.get("typo_ratio", 86))
        _merge(merged, data)
        language_words[lang] = _words_of(data)
    return Vocabulary(
        intents=merged["intents"],
        whatif=merged["whatif"],
        kpis=merged["kpis"],
        meetings=merged["meetings"],
        forecast_versions=merged["forecast_versions"],
        owner_cues=merged["owner_cues"],
        honorifics=frozenset(merged["honorifics"]),
        followup_cues=merged["followup_cues"],
        stopwords=frozenset(merged["stopwords"]),
        not_products=frozenset(merged["not_products"]),
        typo_ratio=typo_ratio,
        language_words=language_words,
        ask_back=merged["ask_back"],
        slot_words=merged["slot_words"],
        written=merged["written"],
        marked=frozenset(merged["marked"]),
    )


@cache
def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    if GAP in phrase:
        left, right = phrase.split(GAP, 1)
        return (*(t.text for t in tokenize(left)), GAP, *(t.text for t in tokenize(right)))
    return tuple(t.text for t in tokenize(phrase)) or (phrase,)


def phrase_positions(words: list[str], phrase: str) -> list[int] | None:
    """The positions of ``words`` where ``phrase`` matches exactly (a GAP phrase: its left words, at most
    GAP_BEFORE words, one or more masked words, at most GAP_AFTER words, its right words); None if absent."""
    parts = phrase_tokens(phrase)
    if GAP not in parts:
        at = find_phrase(words, phrase)
        return None if at is None else list(range(at, at + len(parts)))
    g = parts.index(GAP)
    left, right = parts[:g], parts[g + 1:]
    for i in range(len(words) - len(left) + 1):
        if words[i:i + len(left)] != left:
            continue
        start = i + len(left)
        j = next((k for k in range(start, min(start + GAP_BEFORE, len(words) - 1) + 1) if words[k] == MASK), None)
        if j is None or MASK in words[start:j] or any(w == MASK for w in words[i:start]):
            continue
        while j < len(words) and words[j] == MASK:
            j += 1
        for k in range(j, min(j + GAP_AFTER, len(words) - len(right)) + 1):
            if MASK in words[j:k]:
                break
            if words[k:k + len(right)] == right:
                return [*range(i, start), *range(k, k + len(right))]
    return None


def phrase_tokens(phrase: str) -> list[str]:
    return list(_phrase_tokens(phrase))


def find_phrase(
    words: list[str], phrase: str, typo_ratio: float | None = None, known: frozenset[str] = frozenset()
) -> int | None:
    """Index of the first token where ``phrase`` starts in ``words``; None if absent. With ``typo_ratio``,
    a one-word phrase also matches a misspelt word (not one of the ``known`` words: "forecast" is not a
    typo of "reforecast")."""
    parts = phrase_tokens(phrase)
    if GAP in parts:
        positions = phrase_positions(words, phrase)
        return positions[0] if positions else None
    n = len(parts)
    for i in range(len(words) - n + 1):
        if words[i : i + n] == parts:
            return i
    if typo_ratio is not None and n == 1 and len(parts[0]) >= 5 and parts[0].replace("-", "").isalpha():
        for i, word in enumerate(words):  # hyphenated too: "re-froecast" for "re-forecast"
            if (
                len(word) >= 4
                and word.replace("-", "").isalpha() and ("-" in word) == ("-" in parts[0])
                and word not in known
                and abs(len(word) - len(parts[0])) <= 2
                and (fuzz.ratio(word, parts[0]) >= typo_ratio or OSA.distance(word, parts[0]) <= 1)
            ):  # a slip of one letter, or two letters swapped ("shrot")
                return i
    return None


def longest_match(words: list[str], table: dict[str, list[str]], typo_ratio: float | None = None
                  ) -> tuple[str, str, int] | None:
    """(key, phrase, position) of the longest phrase of ``table`` found in ``words``; None if none. With
    ``typo_ratio``, a phrase also matches with one misspelt word ("forecast acuracy")."""
    best: tuple[int, int, str, str, int] | None = None
    for key, phrases in table.items():
        for phrase in phrases:
            at = find_phrase(words, phrase)
            if at is None and typo_ratio is not None:
                at = _typo_phrase(words, phrase_tokens(phrase), typo_ratio)
            if at is not None:
                rank = (len(phrase_tokens(phrase)), len(phrase))
                if best is None or rank > best[:2]:
                    best = (rank[0], rank[1], key, phrase, at)
    return (best[2], best[3], best[4]) if best else None


def _typo_phrase(words: list[str], parts: list[str], ratio: float) -> int | None:
    """Where ``parts`` starts in ``words`` with at most one word misspelt (that word of 5+ letters)."""
    n = len(parts)
    for i in range(len(words) - n + 1):
        misses = [(w, p) for w, p in zip(words[i : i + n], parts, strict=True) if w != p]
        if len(misses) == 1:
            w, p = misses[0]
            if n == 1 and (p in (w + "s", w + "es") or w in (p + "s", p + "es")):
                continue  # "how did it turn out": alone, "turn" is its own word, not a slip of "turns"
            if len(p) >= 5 and w.isalpha() and abs(len(w) - len(p)) <= 2 and fuzz.ratio(w, p) >= ratio:
                return i
            if n >= 2 and len(p) >= 4 and w.isalpha() and w[0] == p[0] and abs(len(w) - len(p)) == 1 \
                    and OSA.distance(w, p) == 1:
                return i  # "fil rate": a letter left out of a short word, the rest of the phrase exact
    return None


def typo_positions(words: list[str], vocabulary: Vocabulary) -> set[int]:
    """Positions of words that are a one-word phrase of the vocabulary typed with a slip ("shortges")."""
    out: set[int] = set()
    singles = {p for spec in vocabulary.intents.values() for p in spec["words"] if " " not in p and len(p) >= 5}
    for i, word in enumerate(words):
        if len(word) < 4 or not word.replace("-", "").isalpha() or word in vocabulary.reserved:
            continue
        if any(abs(len(word) - len(p)) <= 2 and ("-" not in word or "-" in p)
               and (fuzz.ratio(word, p) >= vocabulary.typo_ratio or OSA.distance(word, p) <= 1) for p in singles):
            out.add(i)
    return out


def _written_apart(phrase: str, intent: str, at: list[int], raw: list[str] | None, vocabulary: Vocabulary) -> bool:
    """True when the message's own spelling tells this phrase apart from what it was typed as: two phrases
    of different intents fold alike ("đủ hàng", enough; "dư hàng", too much). Typed with diacritics, the
    written form must match; typed without, such a phrase counts for neither."""
    if raw is None:
        return False
    typed_words = [unicodedata.normalize("NFC", raw[i]).casefold() for i in at]
    unmarked = all(w.isascii() for w in typed_words)
    if GAP in phrase_tokens(phrase):
        typed_words.insert(phrase_tokens(phrase).index(GAP), GAP)
    typed = " ".join(typed_words)
    if unmarked and (phrase, intent) in vocabulary.marked:
        return True  # a phrase that counts only typed with its marks ("có dư không", too much)
    forms = vocabulary.written.get(phrase, {})
    if (phrase, intent) in vocabulary.marked and GAP not in phrase_tokens(phrase) \
            and typed not in forms.get(intent, ()):
        return True  # ... and only with those marks ("có dự không" is no "có dư không")
    others = {w for other, ws in forms.items()
              if other != intent and not (unmarked and (phrase, other) in vocabulary.marked)
              for w in ws} - forms.get(intent, set())
    own = forms.get(intent, set())
    if " " not in typed and not typed.isascii() and own and all(not w.isascii() for w in own) \
            and typed not in own and typed.replace("'", "") not in own:
        return True  # one word written with other marks: "hộp" (a box) is not "họp" (a meeting)
    if " " in typed and own and _every_word_marked_otherwise(typed, own):
        return True  # "tháng trước đó thì sao": "đó thì" (then) is not "đồ thị" (a chart)
    if not others:
        return False
    if unmarked:
        return True
    return typed not in forms.get(intent, set())


def _typed_as_written(phrase: str, intent: str, span: tuple[int, ...], raw: list[str], vocabulary: Vocabulary
                      ) -> bool:
    """Whether the words at ``span`` are typed with marks, as this intent's phrase is written."""
    typed = " ".join(unicodedata.normalize("NFC", raw[i]).casefold() for i in span)
    return not typed.isascii() and typed in vocabulary.written.get(phrase, {}).get(intent, ())


def _is_run(span: tuple[int, ...]) -> bool:
    return span == tuple(range(span[0], span[-1] + 1))


def score_intents(words: list[str], vocabulary: Vocabulary, raw: list[str] | None = None) -> dict[str, float]:
    """Per intent, the weights of the vocabulary phrases found (typos tolerated); a word of the message
    counts once per intent, with the heaviest phrase that covers it. ``raw``: the words as typed, to tell
    apart phrases that fold alike."""
    scores: dict[str, float] = {}
    known = vocabulary.reserved
    found: dict[str, dict[tuple[int, ...], float]] = {}
    exact: set[tuple[str, tuple[int, ...]]] = set()  # phrases typed with the very marks they are written with
    for intent, spec in vocabulary.intents.items():
        by_position = found.setdefault(intent, {})
        for phrase, weight in spec["words"].items():
            if GAP in phrase_tokens(phrase):
                positions = phrase_positions(words, phrase)
            else:
                at = find_phrase(words, phrase, vocabulary.typo_ratio, known)
                positions = None if at is None else list(range(at, at + len(phrase_tokens(phrase))))
            if positions is None or _written_apart(phrase, intent, positions, raw, vocabulary):
                continue
            span = tuple(positions)
            by_position[span] = max(by_position.get(span, 0.0), float(weight))
            if raw is not None and _typed_as_written(phrase, intent, span, raw, vocabulary):
                exact.add((intent, span))
    # longest match across intents: a run of words inside a longer phrase of another intent is that phrase's
    # ("tồn dự kiến", projected stock, holds "tồn dư", stock left over), unless typed with its own marks ("có dư
    # hàng không": "dư hàng", too much, though "có đủ hàng không" folds alike)
    runs = {intent: {(s[0], s[-1]) for s in spans if _is_run(s)} for intent, spans in found.items()}
    for intent, by_position in found.items():
        others = {r for other, rs in runs.items() if other != intent for r in rs} - runs[intent]
        for span in [s for s in by_position if _is_run(s)]:
            if (intent, span) not in exact and any(
                    a <= span[0] and span[-1] <= b and b - a > span[-1] - span[0] for a, b in others):
                del by_position[span]
        # overlapping spans: keep the heaviest of each overlapping group
        total, taken = 0.0, set()
        for span, weight in sorted(by_position.items(), key=lambda kv: -kv[1]):
            if taken.isdisjoint(span):
                taken.update(span)
                total += weight
        if total:
            scores[intent] = total
    return scores


def _every_word_marked_otherwise(typed: str, own: set[str]) -> bool:
    """Each word of ``typed`` written with marks, and each differing from the same word of every written
    form in ``own`` (a phrase of words all written otherwise, not one slip of a mark)."""
    words = typed.split()
    if not all(not w.isascii() for w in words):
        return False
    return all(len(form.split()) == len(words) and all(a != b for a, b in zip(words, form.split(), strict=True))
               for form in own)


@cache
def written_words() -> frozenset[str]:
    """Every word of the vocabulary files as written (NFC, lower case): "ta" (we) is one, "tã" is not."""
    out: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str):
            out.update(unicodedata.normalize("NFC", value).casefold().split())

    for data in _language_files():
        walk(data)
    return frozenset(out)


@cache
def _language_files() -> tuple[dict, ...]:
    """Every language file as written (its phrases unfolded), read once."""
    out = []
    for file in LANGUAGE_FILES.values():
        if file.exists():
            with open(file, "rb") as handle:
                out.append(tomllib.load(handle))
    return tuple(out)


@cache
def _marked_forms() -> dict[str, frozenset[str]]:
    """The vocabulary's words written with marks, by their folded form ("ma": mà, má ...)."""
    out: dict[str, set[str]] = {}
    for word in written_words():
        if has_diacritics(word):
            out.setdefault(fold_words(word), set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


def everyday_word(folded: str, raw: str) -> bool:
    """Whether a typed word is a stopword or everyday word of the vocabulary: folded it is one, unless the
    vocabulary writes that folded word with marks and the typed word has other marks ("mà" is one; "mạ" and
    "trắng", folded like "mà" and "trạng", are not; "loại", which the files write only as "loai", is)."""
    vocabulary = load_vocabulary()
    if folded not in vocabulary.stopwords and folded not in vocabulary.reserved:
        return False
    written = unicodedata.normalize("NFC", raw).casefold()
    forms = _marked_forms().get(folded)
    return not (has_diacritics(written) and forms and written not in forms)


@cache
def paired_words(key: str) -> tuple[tuple[str, str], ...]:
    """The ``slot_words`` entries ``key`` of every language file written as "said=meant" ("máy lưu hóa=curing
    press"), each side folded: (said, meant), the longest said first."""
    out: list[tuple[str, str]] = []
    for data in _language_files():
        for entry in data.get("slot_words", {}).get(key, []):
            said, _, meant = entry.partition("=")
            if said.strip() and meant.strip():
                out.append((fold_words(said), fold_words(meant)))
    return tuple(sorted(out, key=lambda p: len(p[0]), reverse=True))
