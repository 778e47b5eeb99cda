"""Questions back: the sentences, their options and the pending call an answer completes.

The sentences live in ``prompts/clarify.toml`` (one table per language); the options are the products, periods
or starters the user can pick. An option's value, or the choice typed, completes the pending call.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache

from assistant.router import slots
from assistant.router.base import (
    LOOKS_BACK,
    RoutedCall,
    _Reading,
    _span,
)
from assistant.router.followups import _by_variant_words
from sop_engine.periods import (
    looking_back,
)
from sop_engine.resolver import Entity, Resolver
from sop_engine.text import fold_words


def resource_pending(r: _Reading) -> dict:
    """The capacity call a "which line?" question back waits for: the period typed kept, the line to come."""
    args = {"period": slots.iso_period(r.months)} if r.months else {}
    return {"tool": "get_capacity", "args": args, "intent": "capacity", "months": r.months, "slot": "resource"}


def _answer_resource(r: _Reading, previous: RoutedCall) -> RoutedCall | None:
    """"Sofa Packing Line" typed after "which packing line?": the capacity call with the period first asked."""
    pending = previous.pending or {}
    found = r.resource
    if found is None or found.entity is None or r.hit is not None or (any(v >= 3 for v in r.scores.values())
            and len(r.words) > 4):
        return None
    args = {**pending.get("args", {}), "resource": found.entity.code}
    months = r.months or pending.get("months")
    if r.months:
        args["period"] = slots.iso_period(r.months)
    return RoutedCall(pending["tool"], args, "capacity", None, months, language=previous.language)


@cache
def _questions() -> dict:
    from prompts import load

    return tomllib.loads(load("clarify.toml"))


def question(key: str, language: str, **values) -> str:
    table = _questions()
    text = table.get(language, {}).get(key) or table["en"][key]
    return text.format(**values)


def _starters(language: str) -> list[dict]:
    """Questions to start with, as options whose values the router reads back."""
    return [{"label": spec.get(language, spec["en"]), "value": spec["value"]}
            for spec in _questions().get("starters", {}).values()]


def _filled_options(table: str, language: str, **values) -> list[dict]:
    """The options of a table of ``clarify.toml``, label and value filled with ``values``."""
    return [{"label": spec[language if language in spec else "en"].format(**values),
             "value": spec["value"].format(**values)} for spec in _questions().get(table, {}).values()]


def _question_options(entity: Entity, language: str) -> list[dict]:
    """What one may ask about a product, as options whose values the router reads back unambiguously."""
    return _filled_options("questions_about", language, name=entity.label, code=entity.code)


def _order_question_options(ref: str, language: str) -> list[dict]:
    """What one may ask about an order named alone, as options whose values the router reads back."""
    return _filled_options("questions_about_order", language, ref=ref)


def _period_options(r: _Reading, planning_date: date) -> list[dict]:
    """What one may ask about a period named alone: ahead-looking questions for a coming period, looking-back
    ones for a past one; the values are texts the router reads back unambiguously."""
    ahead = _ahead(r, planning_date)
    label = _period_as_typed(r)
    period = r.months[0] if len(r.months) == 1 else f"{r.months[0]}..{r.months[-1]}"
    return [{"label": spec[r.language if r.language in spec else "en"].format(label=label),
             "value": spec["value"].format(period=period)}
            for spec in _questions().get("questions_for_period", {}).values() if spec.get("ahead") == ahead]


def _ahead(r: _Reading, planning_date: date) -> bool:
    return r.months[-1] >= f"{planning_date:%Y-%m}"


def _period_as_typed(r: _Reading) -> str:
    at = sorted(_span(r.words, r.period.words)) if r.period is not None else []
    return " ".join(r.tokens[i].raw for i in at) if at else r.months[0]


def _options(entities: list[Entity]) -> list[dict]:
    return [{"label": e.option_label, "value": e.code} for e in entities]


def _ask(r: _Reading, intent: str, key: str, options: list[dict], pending: dict | None = None, **values) -> RoutedCall:
    return RoutedCall(None, {}, intent, None, r.months, question(key, r.language, **values), options, r.language,
                      pending)


def _answer_owner(r: _Reading, previous: RoutedCall) -> RoutedCall | None:
    """The answer to "which person?": an option's name typed whole, or the words that tell one option from
    the others ("Trần Minh", "anh Nguyễn Văn Hùng")."""
    values = [o["value"] for o in previous.options]
    if r.owner is not None and r.owner.entity is not None and r.owner.entity.code in values:
        picked = r.owner.entity.code
    else:
        names = {v: set(fold_words(v).split()) for v in values}
        shared = set.intersection(*names.values()) if names else set()
        typed = set(r.words)
        fits = [v for v, words in names.items() if (words - shared) & typed and not (typed & set().union(
            *(w - words for w in names.values())))]
        picked = fits[0] if len(fits) == 1 else None
    if picked is None:
        return None
    pending = previous.pending or {}
    return RoutedCall(pending["tool"], {**pending.get("args", {}), "owner": picked}, "decisions", None,
                      pending.get("months"), language=previous.language)


def _answer_pending(r: _Reading, previous: RoutedCall, resolver: Resolver | None,
                    planning_date: date | None = None) -> RoutedCall | None:
    """The answer to a question back: an option's value, the product named, or a pack size that picks one
    of the options ("the 250 ml one")."""
    pending = previous.pending or {}
    if pending.get("slot") == "period":  # a period asked back: the months typed
        if not r.months or r.hit is not None:
            return None
        months = r.months
        if pending.get("intent") in LOOKS_BACK and r.period is not None and planning_date is not None:
            months = looking_back(r.period, planning_date).labels
        args = {**pending.get("args", {}), "period": slots.iso_period(months)}
        return RoutedCall(pending["tool"], args, pending.get("intent", "unknown"), pending.get("entity"), months,
                          language=previous.language)
    if pending.get("slot") == "resource":
        return _answer_resource(r, previous)
    if pending.get("slot") == "owner":
        return _answer_owner(r, previous)
    if pending.get("slot") == "name":  # a KPI asked back: its name, or an option's value
        values = {o["value"] for o in previous.options}
        name = r.kpi[0] if r.kpi else next((t.text for t in r.tokens if t.text in values), None)
        if name is None:
            return None
        return RoutedCall(pending["tool"], {**pending.get("args", {}), "name": name}, "kpi",
                          previous.entity, pending.get("months"), language=previous.language)
    entity = r.entity
    if entity is None and previous.options and resolver is not None:
        values = [o["value"] for o in previous.options]
        typed = {t.raw for t in r.tokens} | {" ".join(t.raw for t in r.tokens)}
        exact = [v for v in values if v in typed]
        if len(exact) == 1:
            resolved = resolver.resolve(exact[0])
            entity = resolved.entity
        elif r.hit is not None and r.hit.candidates:
            candidates = [c for c in r.hit.candidates if c.code in values]
            picked, _ = resolver.settle(candidates, r.words) if candidates else (None, [])
            entity = picked
        else:
            candidates = [c for c in (resolver.resolve(v).entity for v in values) if c is not None]
            picked, _ = resolver.settle(candidates, r.words)
            if picked is None:  # "the keg", "the bottle one": a word of one option's name
                picked = _by_variant_words(r, candidates, resolver)
            entity = picked if picked is not None and len(previous.options) > 1 else None
    strong = any(v >= 3 for v in r.scores.values())
    if entity is None or (strong and len(r.words) > 4):
        return None
    args = dict(pending.get("args") or {})
    slot = pending.get("slot") or "product"
    args[slot] = entity.code
    for change in (args.get("scenario") or {}).get("demand_changes", []):
        change["sku" if entity.kind == "sku" else "family"] = entity.code
    return RoutedCall(pending["tool"], args, pending.get("intent", "unknown"), entity.canonical, pending.get("months"),
                      language=r.language if strong else previous.language)
