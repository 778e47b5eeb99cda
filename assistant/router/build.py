"""Building the call of a read message: the tool and its arguments for an intent, the pending call a
question back completes, and a follow-up's call made from the previous one with the slot it gives."""

from __future__ import annotations

import copy
from datetime import date

from assistant.router import slots
from assistant.router.base import (
    INTENT_OF_TOOL,
    LOOKS_BACK,
    TOOLS_WITH_PERIOD,
    TOOLS_WITH_PRODUCT,
    TOPIC_DETERMINERS,
    RoutedCall,
    _mention_span,
    _Reading,
    _span,
)
from assistant.router.clarify import (
    _questions,
    question,
)
from assistant.router.entities import find_owner
from assistant.router.followups import _points_back
from assistant.router.slot_rules import (
    _slot_months_before,
    _slot_period_in_step,
    _slot_step_before,
)
from assistant.router.typed import after_correction
from assistant.router.vocab import (
    find_phrase,
    load_vocabulary,
    phrase_tokens,
)
from sop_engine.periods import (
    MONTHS,
    looking_back,
)
from sop_engine.resolver import (
    Entity,
    Mention,
)
from sop_engine.text import has_diacritics


def _short_about_nothing(r: _Reading) -> bool:
    """A short question that names no product, order, line, owner or period (it means the previous one's)."""
    return (len(r.words) <= 5 and r.hit is None and not r.refs and not r.unknown_refs and r.resource is None
            and r.owner is None and r.period is None and r.kpi is None)


def _previous_mention(previous: RoutedCall) -> Mention:
    kind, code = (("family", previous.entity.split(":", 1)[1]) if previous.entity.startswith("family:")
                  else ("sku", previous.entity))
    return Mention(Entity(kind, code, code), [], 0, 0, code, 100.0)


def _clearly_a_person(r: _Reading) -> bool:
    """The owner found is a person, not an everyday word that is also a name ("Will we run out?")."""
    vocabulary = load_vocabulary()
    typed = r.tokens[r.owner.start:r.owner.end]
    word = typed[0].text.removesuffix("'s")
    other_language = r.language == "en" and word not in vocabulary.language_words.get("en", frozenset())
    if len(typed) != 1 or word not in vocabulary.reserved or other_language or has_diacritics(typed[0].raw):
        return True  # a full name, a word no vocabulary (of the message's language) holds, or written with its
        # accents ("Hồng"); "what's mai working on?": "mai" (tomorrow) is a word of Vietnamese only
    before = r.words[r.owner.start - 1] if r.owner.start > 0 else ""
    if before in vocabulary.honorifics or before in vocabulary.owner_cues or typed[0].raw.lower().endswith("'s"):
        return True  # "việc của hong", "chị hong", "will's plate"
    if r.owner.start == 0:  # the subject: "minh còn việc gì", but not English "Will we run out?" (in a
        # Vietnamese question an English word is no word of it: "per con viec gi" is Per's)
        return typed[0].text not in vocabulary.language_words.get("en", frozenset()) or r.language == "vi"
    return typed[0].raw[:1].isupper()  # "what will Marcus do": "will" is a word; "ask Will" a person


def _pending(intent: str, r: _Reading, planning_date: date, scenario: dict | None) -> dict | None:
    """The call a product question back waits for: built without the product, completed by the answer."""
    hold = copy.copy(r)
    hold.hit = None
    call = _build(intent, hold, planning_date, scenario)
    if call.tool is None or call.tool not in TOOLS_WITH_PRODUCT:
        return None
    return {"tool": call.tool, "args": call.args, "intent": call.intent, "months": call.months,
            "slot": TOOLS_WITH_PRODUCT[call.tool]}


def _owner_pending(r: _Reading, planning_date: date) -> dict:
    """The call a question back on a person waits for ("Hùng" when two people in the notes are called so):
    the decisions call built without the person (its filters kept: open only), completed by the answer."""
    call = _build("decisions", r, planning_date, None)
    args = {k: v for k, v in call.args.items() if k != "owner"}
    args.setdefault("kind", "action_item")
    return {"tool": "list_decisions", "args": args, "intent": "decisions", "months": call.months, "slot": "owner"}


def _period_pending(intent: str, r: _Reading, planning_date: date, scenario: dict | None) -> dict | None:
    """The call a period question back waits for: built without the period, completed by the answer."""
    hold = copy.copy(r)
    hold.period, hold.months = None, None
    call = _build(intent, hold, planning_date, scenario)
    if call.tool is None or call.tool not in TOOLS_WITH_PERIOD:
        return None
    return {"tool": call.tool, "args": call.args, "intent": call.intent, "months": None, "slot": "period",
            "entity": call.entity}


def _period_is_topic(r: _Reading) -> bool:
    """A period word that names a thing ("the Q3 promo", "our March launch") rather than a time filter."""
    if r.period is None:
        return False
    at = find_phrase(r.words, r.period.words)
    if at is not None and r.meeting:  # "the October exec meeting": when the meeting was
        meeting_at = find_phrase(r.words, r.meeting[1])
        if meeting_at == at + len(phrase_tokens(r.period.words)):
            return False
    after = at + len(phrase_tokens(r.period.words)) if at is not None else None
    if after is not None and after < len(r.words) \
            and r.words[after] in load_vocabulary().slot_words.get("meeting_nouns", []):
        return False  # "the January meetings", "the March S&OP": when the meeting was
    if at is not None and at > 0 and r.period.bare and len(phrase_tokens(r.period.words)) == 1 \
            and at != after_correction(r.words):  # "for December... i mean November": a time, corrected
        before = r.words[at - 1]  # "about dry january": a name; "notes from January", "in January": a time
        vocabulary = load_vocabulary()
        named = set(r.used) | _mention_span(r.hit) | _mention_span(r.resource) | _mention_span(r.owner)
        seasons = {p for p in vocabulary.slot_words.get("unread_periods", []) if len(phrase_tokens(p)) == 1}
        if before.isalpha() and before not in vocabulary.reserved and before not in vocabulary.stopwords \
                and at - 1 not in named and r.period.words.isalpha() and before not in seasons:
            return True  # (but "last summer, July specifically": the month of a season, a time)
    return at is not None and at > 0 and r.words[at - 1] in TOPIC_DETERMINERS


def _not_names(vocabulary) -> set[str]:
    """Capitalised words that are not a person ("for Next month"): the English reserved words. (Folded
    Vietnamese words collide with names: "tuần", a week, folds like "Tuấn".)"""
    english = vocabulary.language_words.get("en", frozenset())
    return {w for w in vocabulary.reserved if w in english or w.isascii() and w not in
            {x for k, ws in vocabulary.language_words.items() if k != "en" for x in ws}} | {"s&op", "sop"}


def _product_arg(entity: Entity | None) -> str | None:
    return entity.code if entity else None


def _build(intent: str, r: _Reading, planning_date: date, scenario: dict | None) -> RoutedCall:
    vocabulary = load_vocabulary()
    entity, months = r.entity, r.months
    period = slots.iso_period(months)
    tool = vocabulary.intents[intent]["tool"] if intent in vocabulary.intents else "check_shortages"
    args: dict = {}
    if intent in ("shortage", "whatif"):
        args = {"product": _product_arg(entity), "period": period, "scenario": scenario}
    elif intent == "forecast":
        args = {"product": _product_arg(entity), "period": period}
        version = slots.forecast_version(r.words, vocabulary, None)
        if version and version != "published":
            args["version"] = version
    elif intent == "sales":
        args = {"product": _product_arg(entity), "period": period}
    elif intent == "drivers":
        args = {"product": _product_arg(entity), "driver": r.driver}
        months = None
    elif intent == "orders":
        args = {"ref": r.refs[0] if r.refs else None, "product": None if r.refs else _product_arg(entity)}
        months = None
        if r.refs:  # "the Krill Oil PO 4500771219": the order's product is no filter of its own
            entity = None
    elif intent == "overstock":
        args = {"product": _product_arg(entity)}
        months = None
    elif intent == "capacity":
        args = {"resource": r.resource.entity.code if r.resource and r.resource.entity else None, "period": period}
        entity = None
    elif intent == "reforecast":
        named = _mention_span(r.hit) | _mention_span(r.owner)  # "April Sun SPF 30 without July": July only
        words = [w if i not in named or w.removesuffix("'s") not in MONTHS else "\x00" for i, w in enumerate(r.words)]
        args = {"product": _product_arg(entity), **slots.reforecast_slots(words, planning_date, r.period, vocabulary)}
        months = None  # a re-forecast asks about no period: its excluded months are in args["exclude"]
    elif intent == "publish":
        entity, months = None, None
        args = {"version": slots.forecast_version(r.words, vocabulary, "latest")}
        if args["version"] == "published":
            args["version"] = "latest"
    elif intent == "reconcile":
        args = {"family": _product_arg(entity), "period": period}
    elif intent == "kpi":
        if r.kpi is None:
            names = _questions().get("kpi_options", {})
            options = [{"label": spec.get(r.language, spec["en"]), "value": name} for name, spec in names.items()]
            pending = {"tool": "get_kpi", "args": {k: v for k, v in {"product": _product_arg(entity), "period": period}
                                                    .items() if v is not None},
                       "intent": "kpi", "months": months, "slot": "name"}
            return RoutedCall(None, {}, "kpi", entity.canonical if entity else None, months,
                              question("kpi", r.language), options, r.language, pending)
        args = {"name": r.kpi[0], "product": _product_arg(entity), "period": period, "lag": slots.forecast_lag(r.words)}
    elif intent == "product_lookup":
        hit = r.hit
        query = (
            (entity.code if entity and entity.kind == "family"
             else " ".join(t.raw for t in r.tokens[hit.start:hit.end]))
            if hit
            else slots.content_words(r.tokens, vocabulary, r.used, set(vocabulary.reserved))
        )
        args = {"query": query or " ".join(r.words)}
        months = None
    elif intent == "chart":
        if entity is None:
            return RoutedCall(None, {}, "chart", None, months, question("chart", r.language), [], r.language,
                              {"tool": "chart", "args": {}, "intent": "chart", "months": None, "slot": "product"})
        args = {"product": entity.code}
    elif intent == "notes":
        drop = set(r.used) - (set(range(r.hit.start, r.hit.end)) if r.hit else set()) - _mention_span(r.resource)
        if _period_is_topic(r):  # "the Q3 promo": what the notes are about, not when the meeting was
            drop -= _span(r.words, r.period.words)
            period, months = None, None
        elif r.period is not None:  # "January's meetings": the month read, no word of the topic
            read = set(phrase_tokens(r.period.words))
            drop |= {i for i, w in enumerate(r.words) if w.endswith("'s") and w.removesuffix("'s") in read}
        args = {
            "query": slots.content_words(r.tokens, vocabulary, drop, set()) or " ".join(t.raw for t in r.tokens),
            "meeting": r.meeting[0] if r.meeting else None,
            "period": period,
        }
    elif intent == "decisions":
        owner_skip = set(r.used) | (set(range(r.hit.start, r.hit.end)) if r.hit else set())
        not_names = _not_names(vocabulary)
        owner = r.owner.entity.code if r.owner and r.owner.entity and _clearly_a_person(r) else find_owner(
            r.tokens, vocabulary.owner_cues, not_names, owner_skip, vocabulary.honorifics)
        args = {
            **slots.decision_filters(r.words, vocabulary),
            "product": _product_arg(entity),
            "period": period,
            "owner": owner,
            "mentions": r.refs[0] if r.refs else None,
        }
        if owner and "kind" not in args:
            args["kind"] = "action_item"  # a person owns action items; decisions have no owner
    elif intent == "help":
        tool, entity, months = "help", None, None
    args = {k: v for k, v in args.items() if v is not None}
    if tool in ("search_meeting_notes", "find_products"):  # a text search: the call names no product
        entity = None
    return RoutedCall(tool, args, intent, entity.canonical if entity else None, months, language=r.language)


def _follow(r: _Reading, previous: RoutedCall, intent: str | None, planning_date: date) -> RoutedCall | None:
    """A follow-up: the previous call with the slots this message gives replaced."""
    months = r.months
    if (find_phrase(r.words, "month after") is not None or find_phrase(r.words, "thang sau nua") is not None) \
            and previous.months:
        months = slots.shift_months(previous.months, 1)
    elif previous.months and _slot_step_before(r.words) and (not months or _slot_period_in_step(r)):
        months = _slot_months_before(previous.months, _slot_step_before(r.words))  # "and the month before?"
    elif months and r.period is not None and INTENT_OF_TOOL.get(previous.tool) in LOOKS_BACK:
        back = looking_back(r.period, planning_date)
        months = back.labels if back else months
    own_intent = (
        intent is not None and r.scores.get(intent, 0) >= 3 and INTENT_OF_TOOL.get(previous.tool) != intent
    )
    if own_intent:
        # "and the forecast next quarter?" is a new question; "... for it next quarter?" is about the same subject
        short_cue = len(r.words) <= 5 and r.words[:1] in (["and"], ["con"])  # "and sales last month?"
        return None if r.hit or (months and not _points_back(r) and not short_cue) else _inherit(
            r, previous, intent, months, planning_date)
    if r.hit is not None and r.hit.entity is None:
        return None
    call = copy.deepcopy(previous)
    call.clarification, call.options, call.pending = None, [], None
    call.language = r.language if any(v >= 3 for v in r.scores.values()) or r.language != "en" else previous.language
    slot = TOOLS_WITH_PRODUCT.get(call.tool)
    if r.entity is not None and slot:
        call.entity = r.entity.canonical
        call.args[slot] = r.entity.code
        for change in call.args.get("scenario", {}).get("demand_changes", []):
            change.pop("sku", None), change.pop("family", None)
            change["sku" if r.entity.kind == "sku" else "family"] = r.entity.code
    if r.resource is not None and call.tool == "get_capacity":
        if r.resource.entity is None:
            return None  # "and tunnel 2?" fitting several resources: a question of its own (asked which)
        call.args["resource"] = r.resource.entity.code
    owner_given = r.owner is not None and r.owner.entity is not None and call.tool == "list_decisions"
    if owner_given:  # "and hannah?" after Marcus's action items
        call.args["owner"] = r.owner.entity.code
    if months and call.tool in TOOLS_WITH_PERIOD:
        call.months = months
        call.args["period"] = slots.iso_period(months)
        for change in call.args.get("scenario", {}).get("demand_changes", []):
            if "months" in change:
                change["months"] = list(months)
    if call.tool == "get_kpi" and r.kpi:
        call.args["name"] = r.kpi[0]
    same_question = intent is not None and INTENT_OF_TOOL.get(previous.tool) == intent and _short_about_nothing(r)
    if r.entity is None and not months and not (call.tool == "get_kpi" and r.kpi) and not (
        r.resource is not None and call.tool == "get_capacity"
    ) and not same_question and not owner_given:  # "is it late?" after "when does PO-5518 arrive?": the same call
        return None
    return call


def _inherit(
    r: _Reading, previous: RoutedCall, intent: str, months: list[str] | None, planning_date: date
) -> RoutedCall:
    """A new question about the previous subject ("and the forecast?"): keep its product and months."""
    hit = _previous_mention(previous) if previous.entity else None
    inherited = copy.copy(r)
    inherited.months = months or previous.months
    inherited.hit = hit
    return _build(intent, inherited, planning_date, None)
