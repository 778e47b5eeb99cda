"""Intent rules: what the words around the scored cues say the question is.

Small talk, a question about what the assistant can do, a verb of computing again before a forecast word, a
month excluded, a write no tool makes, the words after a colon; on equal scores the more specific intent wins
(``PRIORITY``).
"""

from __future__ import annotations

import re
from datetime import date

from assistant.router import slots
from assistant.router.base import (
    ASKED_CUE,
    CAPABILITY_CUE,
    PRIORITY,
    _mention_span,
    _Reading,
)
from assistant.router.vocab import (
    MASK,
    Token,
    find_phrase,
    load_vocabulary,
    phrase_tokens,
    score_intents,
)
from sop_engine.resolver import ref_key


def _write_only_in_context(r: _Reading, table: dict) -> bool:
    """"Chúng tôi … đang lên đơn cho mùa cưới. Cho hỏi X tháng 9 có đủ hàng không?": the write words stand in
    a sentence of context before the asking one, which asks a question of its own and no write."""
    import copy

    from assistant.router.pairs import question_sentence

    if "?" not in r.text:
        return False
    sentence, asked = question_sentence(r.text, r.tokens)
    if len(set(sentence)) < 2 or not r.scores or max(r.scores.values()) < ASKED_CUE:
        return False
    own = copy.copy(r)
    own.words = [w if sentence[i] == asked else "\x00" for i, w in enumerate(r.words)]
    first = min(i for i, k in enumerate(sentence) if k == asked)
    own.words = own.words[first:]
    return not _asks_a_write(own, table)


def _figure_before_the_question(r: _Reading) -> bool:
    """"Sofas were 6% behind budget YTD. Are we going to make our numbers on Sofas in H2?": the percentage sits
    in a sentence of context before the asking one, which holds none, names the product itself and does not
    point back at the figure: a figure reported, no what-if asked."""
    from assistant.router.pairs import question_sentence

    if "?" not in r.text:
        return False
    sentence, asked = question_sentence(r.text, r.tokens)
    if len(set(sentence)) < 2:
        return False
    figures = [i for i, t in enumerate(r.tokens) if "%" in t.raw or t.text in ("percent", "pct")]
    if not figures or any(sentence[i] == asked for i in figures):
        return False
    if r.hit is None or any(sentence[i] != asked for i in range(r.hit.start, r.hit.end)):
        return False  # "Say X sells 25% less in Q3. Still fine?": the question is about the figure told
    pointers = load_vocabulary().slot_words.get("it_words", [])
    own = [w if sentence[i] == asked else "\x00" for i, w in enumerate(r.words)]
    return not any(find_phrase(own, p) is not None for p in pointers)  # "… can we take it?": the figure's


def _opens_a_cue(words: list[str], i: int) -> bool:
    """The word at ``i`` opens a question phrase of several words written there ("DN150 products have we
    got?"): the cue's word, not a word naming the product before it ("the Air Care products")."""
    for spec in load_vocabulary().intents.values():
        for phrase in spec["words"]:
            parts = phrase_tokens(phrase)
            if len(parts) > 1 and words[i:i + len(parts)] == parts:
                return True
    return False


def _two_questions(r: _Reading) -> tuple[str, str] | None:
    """"are we short on X next month and how loaded is the Y Cell?": two clauses joined by "and", each with its
    own clear question (a cue of weight ``ASKED_CUE``) of another intent and its own subject (a product, a
    resource, an order or a person in one, another in the other), the second not pointing back ("and when does
    it land?"): the two questions as typed (one call answers one question: which first, never one of them
    silently). A half naming an order asks after it unless it says another clear question."""
    subjects = [set(range(m.start, m.end)) for m in (r.hit, r.resource, r.owner) if m is not None and m.entity]
    refs = {ref_key(x) for x in r.refs}
    ref_at = {i for i, t in enumerate(r.tokens) if refs and ref_key(t.raw) in refs}
    subjects += [{i} for i in ref_at]  # "when does PO-… land and …"
    if len(subjects) < 2:
        return None
    vocabulary = load_vocabulary()
    named = set().union(*subjects)
    pointers = vocabulary.slot_words.get("it_words", [])
    for joiner in vocabulary.slot_words.get("question_joiners", []):
        at, n = find_phrase(r.words, joiner), len(phrase_tokens(joiner))
        if at is None or not (any(max(s) < at for s in subjects) and any(min(s) >= at + n for s in subjects)):
            continue  # one subject before the joiner, another after it
        halves = (range(0, at), range(at + n, len(r.words)))
        tops = []
        for half in halves:
            masked = [w if i in half and i not in named else "\x00" for i, w in enumerate(r.words)]
            scores = score_intents(masked, vocabulary, [t.raw for t in r.tokens])
            top = max(scores, key=scores.get) if scores else None
            if (top is None or scores[top] < ASKED_CUE) and any(i in half for i in ref_at):
                top, scores = "orders", {"orders": ASKED_CUE}  # "when does PO-… land", "is PO-… on time": the order's
            if top == "decisions" and r.owner is not None and r.owner.start in half:
                scores[top] = ASKED_CUE  # "what's Hope got open": the person's items
            tops.append(top if top is not None and scores[top] >= ASKED_CUE else None)
        second = [w if i in halves[1] else "\x00" for i, w in enumerate(r.words)]
        if None in tops or tops[0] == tops[1] or any(find_phrase(second, p) is not None for p in pointers):
            continue
        return tuple(" ".join(t.raw for t in r.tokens[h.start:h.stop]).strip(" ,;?") for h in halves)
    return None


def _percent_is_a_level(r: _Reading) -> bool:
    """"Is the X Line really over 100% in February?", "which lines are over 100%?": every percentage follows a
    word of comparison ("over", "above", "at"), with a resource (or a kind of line, no product) named and no
    what-if cue: a load asked about, not a change to simulate."""
    table = load_vocabulary().slot_words
    kinds = set(table.get("resource_kinds", [])) | set(table.get("machine_words", []))
    lines = r.hit is None and any(  # "which lines are over 100%?", "dây chuyền nào trên 100%?"
        find_phrase(r.words, k) is not None or find_phrase(r.words, k + "s") is not None for k in kinds)
    if (r.resource is None or r.resource.entity is None) and not lines or _has_whatif_cue(r):
        return False
    levels = set(table.get("level_words", []))
    at = [i for i, w in enumerate(r.words) if w.endswith("%") or w in ("percent", "pct")]
    at = [i - 1 if r.words[i] in ("percent", "pct") else i for i in at]
    return bool(at) and all(i > 0 and r.words[i - 1] in levels for i in at)


def _intent_after_colon(text: str, tokens: list[Token], masked: list[str], vocabulary, scores: dict) -> dict:
    """"Before I sign off the plan I need to know: can supply keep up with X?": a question after a colon
    is what is asked; the clause before it is context, and its cue words do not outvote the question's."""
    if not text.rstrip().endswith("?"):
        return scores
    colon = max((m.start() for m in re.finditer(r":\s", text)), default=-1)
    if colon < 0 or re.search(r"[.!?]\s", text[colon:].rstrip()):
        return scores  # "NB: X stocktake on Fri. Are we short on Y?": the colon's clause is context, no question
    after = [w if tokens[i].start > colon else "\x00" for i, w in enumerate(masked)]
    own = score_intents(after, vocabulary, [t.raw for t in tokens])
    return own if own and max(own.values()) >= ASKED_CUE else scores


def _listed_only(r: _Reading, scores: dict) -> bool:
    """"list the supply orders that are behind schedule", "liệt kê các mã có thể cháy hàng": a word asking
    for a list (or naming SKUs) is how the answer is framed; with another question's cue there, the catalogue
    search has no word of its own, and the other question is what is asked."""
    if "product_lookup" not in scores or not any(v >= 2.5 for k, v in scores.items() if k != "product_lookup"):
        return False
    vocabulary = load_vocabulary()
    words = [MASK if i in _mention_span(r.hit) else w for i, w in enumerate(r.words)]
    for frame in vocabulary.slot_words.get("list_frames", []):
        at, n = find_phrase(words, frame), len(phrase_tokens(frame))
        while at is not None:
            words[at:at + n] = ["\x02"] * n  # no word, and no part of a name
            at = find_phrase(words, frame)
    return "product_lookup" not in score_intents(words, vocabulary, [t.raw for t in r.tokens])


def _best_intent(r: _Reading) -> str | None:
    scores = dict(r.scores)
    if "help" in scores and (r.hit or any(v >= 3 for k, v in scores.items() if k != "help")):
        del scores["help"]
    if _listed_only(r, scores):
        del scores["product_lookup"]
    if not scores:
        return None
    return max(scores, key=lambda k: (scores[k], -PRIORITY.index(k) if k in PRIORITY else -99))


def _small_talk(r: _Reading, table: dict) -> str | None:
    """"greeting" or "closing" when the message is nothing but a greeting or a thanks (with filler words such
    as "there", "all", "for now"): no product, order, line, person or planning word in it."""
    if r.hit is not None or r.refs or r.unknown_refs or r.resource is not None or r.owner is not None \
            or r.kpi is not None or any(k != "help" for k in r.scores):
        return None
    kinds = {}
    for kind, key in (("greeting", "greetings"), ("closing", "closings")):
        for phrase in table.get(key, []):
            n = len(phrase_tokens(phrase))
            for i in range(len(r.words) - n + 1):
                if r.words[i:i + n] == phrase_tokens(phrase):
                    kinds.update({j: kind for j in range(i, i + n)})
    fillers = set(table.get("small_talk_fillers", []))
    if not kinds or any(i not in kinds and w not in fillers for i, w in enumerate(r.words)):
        return None
    return "closing" if "closing" in kinds.values() else "greeting"


def _asks_what_it_does(r: _Reading) -> bool:
    """A capability question ("what can you help me with?", "how do I ask you about shortages?"): a help phrase
    this heavy outweighs the topic words, when no product, order or line is named."""
    other = max((v for k, v in r.scores.items() if k != "help"), default=0.0)
    return r.scores.get("help", 0) >= CAPABILITY_CUE and r.scores["help"] > other and r.hit is None \
        and not r.refs and not r.unknown_refs and r.resource is None


def _redo_before_forecast(r: _Reading, table: dict) -> bool:
    """A verb of computing again before a forecast word ("refresh the Mince Pies forecast")."""
    forecast = [i for i, w in enumerate(r.words) if w in ("forecast", "forecasts", "fcst")]
    return bool(forecast) and any((at := find_phrase(r.words, p)) is not None and at < forecast[-1]
                                  for p in table.get("redo_verbs", []))


def _excludes_a_month(r: _Reading, planning_date: date) -> bool:
    """An exclusion word right before a month ("excluding December", "leaving out June", "bỏ tháng 7"), not
    inside a product's or person's name ("bánh quy bơ": folded "bo" is an exclusion word)."""
    table = load_vocabulary().slot_words
    named = _mention_span(r.hit) | _mention_span(r.owner)
    months = {at for at, _ in slots.past_months(r.words, planning_date, None, table.get("exclude", []))
              if at not in named}
    for phrase in table.get("exclude", []):
        n = len(phrase_tokens(phrase))
        for i in range(len(r.words) - n + 1):
            if r.words[i:i + n] == phrase_tokens(phrase) and i not in named and months & {i + n, i + n + 1, i + n + 2}:
                return True
    return False


def _asks_a_write(r: _Reading, table: dict) -> bool:
    """A request for a write no tool makes: a write phrase not said of the user's own doing ("before I call
    the buyer"), or a message opening with a write verb that is no what-if ("cancel PO-2027-044 with ...")."""
    subjects = set(table.get("write_subjects", []))
    for phrase in table.get("cannot_do", []):
        parts = phrase_tokens(phrase)
        for i in range(len(r.words) - len(parts) + 1):
            if r.words[i:i + len(parts)] == parts and (i == 0 or r.words[i - 1] not in subjects):
                return True
    return any(r.words[:len(phrase_tokens(p))] == phrase_tokens(p) for p in table.get("write_openings", [])) \
        and not _has_whatif_cue(r) and not _says_a_condition(r, table)


def _has_whatif_cue(r: _Reading) -> bool:
    cues = load_vocabulary().whatif.get("cues", [])
    return any(find_phrase(r.words, cue) is not None for cue in cues)


FORECAST_ERROR_KPIS = ("wape", "bias", "tracking_signal")


def _gap_to_budget(r: _Reading, table: dict) -> bool:
    """A forecast-error word said of the plan and the budget ("how far off budget is the plan this quarter?",
    "kế hoạch với budget lệch bao nhiêu?"): the plan's gap to the budget, not the forecast's error."""
    return r.kpi is not None and r.kpi[0] in FORECAST_ERROR_KPIS \
        and any(find_phrase(r.words, p) is not None for p in table.get("budget_words", [])) \
        and any(find_phrase(r.words, p) is not None for p in table.get("plan_words", []))


def _greeting_then_unclear(r: _Reading, table: dict) -> bool:
    """"chao ban, minh hoi ve ton kho the nao": a greeting opening a message that names nothing (no product,
    order, line or KPI) and has no clear question: how to ask (help), not a person's items for a pronoun that
    folds like a name ("minh"); a person must be written as a name (capitalised or with its accents)."""
    vocabulary = load_vocabulary()
    if r.hit is not None or r.refs or r.unknown_refs or r.resource is not None or r.kpi is not None \
            or r.period is not None or r.scores:  # "hi, can you help me with something": asked with what
        return False
    if not any(r.words[:len(phrase_tokens(g))] == phrase_tokens(g) for g in table.get("greetings", [])):
        return False
    if r.owner is None:
        return True
    typed = r.tokens[r.owner.start:r.owner.end]
    return all(t.raw.islower() and t.raw.isascii() and t.text in vocabulary.reserved for t in typed)


def _forecast_too_far(r: _Reading, table: dict) -> bool:
    """"mình dự báo X có bị cao quá không?", "is our forecast for X too high?": a word of too high or too low
    after a forecast word (a product's name may stand between them): the forecast's bias, not a forecast read."""
    nouns = [at for p in table.get("forecast_nouns", []) if (at := find_phrase(r.words, p)) is not None]
    far = [at for p in table.get("too_far_words", []) if (at := find_phrase(r.words, p)) is not None]
    return bool(nouns) and bool(far) and min(nouns) < max(far)


def _says_a_condition(r: _Reading, table: dict) -> bool:
    """"huỷ PO-… thì sao?", "cancel PO-… — what happens?": a write verb opening a condition with its outcome
    asked (a what-if), not a request to write."""
    return any(find_phrase(r.words, p) is not None for p in table.get("conditional_words", []))


def _sales_ahead(r: _Reading, table: dict, planning_date: date) -> bool:
    """"Sắp tới X bán được chừng bao nhiêu trong tháng 6?", "upcoming sales of X in June": a word of time ahead
    outside the names, and no month behind the planning month typed: what will sell (the forecast), not what sold."""
    named = _mention_span(r.hit) | _mention_span(r.owner) | _mention_span(r.resource)
    ahead = [at for p in table.get("ahead_words", [])
             if (at := find_phrase(r.words, p)) is not None and at not in named]
    if not ahead:
        return False
    return r.period is None or r.period.bare or bool(r.months) and r.months[0] >= f"{planning_date:%Y-%m}"


def _meets_the_budget(r: _Reading, table: dict) -> bool:
    """"năm nay mình có đạt ngân sách doanh thu không?", "will we hit the revenue budget?": whether the budget
    is met, the plan against the budget (a reconciliation), not the revenue-vs-budget KPI read alone."""
    return r.kpi is not None and r.kpi[0] == "revenue_vs_budget" and r.hit is None \
        and any(find_phrase(r.words, p) is not None for p in table.get("hit_budget", []))


def _plan_against_budget(r: _Reading, table: dict) -> bool:
    """"Gels quý 2 kế hoạch so với ngân sách lệch bao nhiêu", "the plan vs budget for X in Q2": the
    revenue-vs-budget KPI's words said of the plan (a plan word outside the names): the plan against the
    budget (a reconciliation, ahead), not last year's revenue against the budget."""
    if r.kpi is None or r.kpi[0] != "revenue_vs_budget":
        return False
    named = _mention_span(r.hit) | _mention_span(r.owner) | _mention_span(r.resource)
    return any((at := find_phrase(r.words, p)) is not None and at not in named for p in table.get("plan_words", []))
