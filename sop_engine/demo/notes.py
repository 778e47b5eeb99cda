"""Twelve months of S&OP meeting notes for the demo company, one monthly cycle each.

The cycle: product review (most months), demand review, supply review, pre-S&OP (most months) and the
executive S&OP. Each note is markdown with YAML-like front matter and the sections the notes store reads:
``## Summary``, ``## Discussion``, ``## Decisions`` (bullets) and ``## Action items``
(``- [ ] Owner Name: text (due YYYY-MM-DD)``, ``[x]`` when done).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sop_engine.demo import notes_demand as d
from sop_engine.demo import notes_supply as s
from sop_engine.demo.catalog import DemoModel
from sop_engine.demo.note_context import NoteContext, Topic
from sop_engine.periods import add_months

NOTE_MONTHS = 12
MEETINGS = {  # kind -> (title, day of month, attendee roles)
    "product_review": ("Product review", 4, ("product", "marketing", "demand", "plant0", "finance")),
    "demand_review": ("Demand review", 8, ("demand", "sales", "marketing", "service")),
    "supply_review": ("Supply review", 12, ("supply", "procurement", "plant0", "plant1", "demand")),
    "pre_sop": ("Pre-S&OP", 16, ("demand", "supply", "finance", "sales", "plant0")),
    "executive_sop": ("Executive S&OP", 21, ("gm", "finance", "sales", "supply", "demand", "marketing")),
}
PRODUCT_REVIEW_MONTHS = (12, 9, 7, 6, 5, 3, 2)  # months back
NO_PRE_SOP_MONTHS = (11, 7, 3)
HOSTILE_MONTH = 5
TopicMaker = Callable[[NoteContext], Topic | None]


def _schedule(back: int, i: int, safety_skus: list[str]) -> dict[str, list[TopicMaker]]:
    """Which topics each meeting of the month (``back`` months before the current one) discusses."""
    plan: dict[str, list[TopicMaker]] = {}
    if back in PRODUCT_REVIEW_MONTHS:
        plan["product_review"] = {
            12: [lambda c: d.tail_sku(c, 0), lambda c: d.tail_sku(c, 1)],
            9: [lambda c: d.tail_sku(c, 2), d.web_kpis],
            7: [d.phase_out, lambda c: d.tail_sku(c, 3)],
            6: [lambda c: d.tail_sku(c, 4), lambda c: d.tail_sku(c, 9)],
            5: [d.launch_plan, lambda c: d.tail_sku(c, 5)],
            3: [d.launch_plan, lambda c: d.tail_sku(c, 6)],
            2: [lambda c: d.tail_sku(c, 7), lambda c: d.overplanned_sku(c, 2)],
        }[back]
    demand: list[TopicMaker] = [
        lambda c: d.forecast_bias(c, i % 5) or d.tail_sku(c, 8 + i),
        d.promotion_approval,
        d.promotion_review,
    ]
    demand.append([d.web_kpis, lambda c: d.overplanned_sku(c, i // 3)][i % 2])
    if back == HOSTILE_MONTH:
        demand.append(d.hostile_email)
    if back == 1:
        demand = [d.promo_risk, lambda c: d.forecast_bias(c, 2), lambda c: d.overplanned_sku(c, 1)]
    plan["demand_review"] = demand
    supply: list[TopicMaker] = [lambda c: s.safety_stock_change(c, safety_skus[i], i % 3 != 2)]
    supply.append(
        {2: s.maintenance, 3: s.capacity_check, 1: s.late_purchase_order}.get(
            back, lambda c: s.moq_review(c, i)
        )
    )
    if back == 2:
        supply.append(s.transfer)
    if back == 1:
        supply += [s.allocation, s.past_due_order]
    plan["supply_review"] = supply
    if back not in NO_PRE_SOP_MONTHS:
        plan["pre_sop"] = [
            lambda c: s.budget_check(c, i % 5) or s.inventory_target(c, 30 + i),
            (lambda c: s.capacity_check(c, recommend=True))
            if back == 1
            else (lambda c: d.forecast_bias(c, (i + 2) % 5, lag=3)),
        ]
    executive: list[TopicMaker] = [s.consensus_plan]
    executive.append(
        {
            12: lambda c: s.inventory_target(c, 45),
            6: lambda c: s.inventory_target(c, 42),
            1: s.family_promotion,
        }.get(back, lambda c: s.budget_check(c, (i + 2) % 5))
    )
    plan["executive_sop"] = executive
    return plan


def meeting_day(month: date, day: int) -> date:
    when = month.replace(day=day)
    while when.weekday() >= 5:
        when += timedelta(days=1)
    return when


def build_notes(model: DemoModel) -> dict[str, str]:
    """File name -> markdown text, for the last ``NOTE_MONTHS`` months before the planning date."""
    rng = model.rng(10)
    candidates = [x.code for x in model.skus if not x.role and not x.intermittent and x.safety_stock >= 20]
    safety_skus = [candidates[j] for j in rng.permutation(len(candidates))[:NOTE_MONTHS]]
    notes: dict[str, str] = {}
    for i, back in enumerate(range(NOTE_MONTHS, 0, -1)):
        month = add_months(model.current, -back)
        for kind, makers in _schedule(back, i, safety_skus).items():
            title, day, roles = MEETINGS[kind]
            ctx = NoteContext(model, month, meeting_day(month, day), back, rng)
            topics = [t for t in (maker(ctx) for maker in makers) if t is not None]
            if not topics:
                continue
            notes[f"{ctx.day.isoformat()}-{kind}.md"] = _render(
                ctx, kind, f"{title}, {month:%B %Y}", roles, topics
            )
    return notes


def _render(ctx: NoteContext, kind: str, title: str, roles: tuple[str, ...], topics: list[Topic]) -> str:
    tags: list[str] = []
    for topic in topics:
        tags += [t for t in topic.tags if t not in tags]
    attendees = ", ".join(ctx.who(r) for r in roles)
    lines = [
        "---",
        f"date: {ctx.day.isoformat()}",
        f"meeting: {kind}",
        f"title: {title}",
        f"attendees: [{attendees}]",
        f"tags: [{', '.join(tags)}]",
        "---",
        "",
        f"# {title}",
        "",
        "## Summary",
        " ".join(t.summary for t in topics),
        "",
        "## Discussion",
    ]
    for topic in topics:
        for paragraph in topic.discussion:
            lines += [paragraph, ""]
    lines.append("## Decisions")
    lines += [f"- {decision}" for topic in topics for decision in topic.decisions]
    lines += ["", "## Action items"]
    for topic in topics:
        for role, text, days in topic.actions:
            due = ctx.due(days)
            done = due < ctx.model.planning_date and (ctx.back >= 2 or ctx.rng.random() < 0.5)
            lines.append(f"- [{'x' if done else ' '}] {ctx.who(role)}: {text} (due {due.isoformat()})")
    return "\n".join(lines) + "\n"
