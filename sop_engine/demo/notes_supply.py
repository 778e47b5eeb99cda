"""Meeting-note topics of the supply side and of the executive meeting: safety stocks, purchase and
production orders, capacity, allocations, budget and the consensus plan. Figures come from the demo data."""

from __future__ import annotations

from datetime import date

from sop_engine.demo.catalog import PAST_DUE_MO, SHORT_ALLOCATED, SHORT_LATE_PO, SHORT_PROMO
from sop_engine.demo.note_context import NoteContext, Topic, month_name, pct, units
from sop_engine.periods import add_months

SAFETY_REASONS = (
    "service on {customer} orders slipped to 91% last month",
    "the supplier lead time went up by two weeks",
    "lag-1 forecast error is above 30% on this item",
    "it is the top seller of the family and a stock-out costs shelf space",
)


def safety_stock_change(ctx: NoteContext, sku_code: str, raise_it: bool) -> Topic:
    sku = ctx.model.sku(sku_code)
    new = sku.safety_stock
    old = max(10.0, round(new * (0.7 if raise_it else 1.4), -1))
    customer = ctx.model.theme.customers[sku.item % len(ctx.model.theme.customers)]
    reason = SAFETY_REASONS[(sku.item + sku.family_index) % len(SAFETY_REASONS)].format(customer=customer)
    if raise_it:
        decision = (
            f"Raise safety stock on {sku.code} from {units(old)} to {units(new)} units because {reason}"
        )
        summary = f"Safety stock on {sku.code} ({sku.name}) is too thin: {reason}."
    else:
        decision = (
            f"Cut safety stock on {sku.code} from {units(old)} to {units(new)} units: cover is excessive"
        )
        summary = f"{sku.code} ({sku.name}) carries more buffer than its demand variability needs."
    return Topic(
        summary,
        [
            ctx.pick(
                f"{ctx.first('supply')} showed the buffer against the last six months of demand.",
                f"{ctx.first('demand')} and {ctx.first('supply')} agreed the target should follow the "
                "forecast error, not habit.",
            )
        ],
        [decision],
        [("supply", f"update the safety stock of {sku.code} to {units(new)} in the ERP", 3)],
        ["safety stock", sku.family],
    )


def capacity_check(ctx: NoteContext, recommend: bool = False) -> Topic | None:
    line = ctx.model.facts["overloaded_line"]
    months = ctx.model.facts["horizon_months"]
    cap = {(r["resource"], r["period"]): r["available_hours"] for r in ctx.model.tables["capacity"]}
    load = ctx.model.facts["line_load"][line]
    util = [load[m] / cap[(line, f"{month:%Y-%m}")] for m, month in enumerate(months)]
    peak = max(range(len(months)), key=lambda m: util[m])
    movable = [s for s in ctx.model.skus if s.primary_line == line and s.alternative_line]
    move = f"move {movable[0].code} to {movable[0].alternative_line}" if movable else "add Saturday shifts"
    return Topic(
        f"Rough-cut capacity: {line} is loaded at {util[peak] * 100:.0f}% in {month_name(months[peak])}.",
        [
            ctx.pick(
                f"{ctx.first('plant0')} said the line cannot absorb the seasonal peak on two shifts.",
                f"The peak comes from the seasonal build plus the promotion on "
                f"{ctx.model.one(SHORT_PROMO).code}.",
            )
        ],
        [
            f"Recommend Saturday shifts on {line} in {month_name(months[peak])} to the executive meeting"
            if recommend
            else f"To relieve {line} in {month_name(months[peak])}: {move}, and review overtime at pre-S&OP"
        ],
        [("plant0", f"cost a Saturday shift on {line} for {month_name(months[peak])}", 14)],
        ["capacity", line],
    )


def maintenance(ctx: NoteContext) -> Topic:
    line, month = ctx.model.facts["maintenance"]
    return Topic(
        f"{line} has its annual maintenance shutdown in "
        f"{month_name(month)}: about 40% of its hours are lost.",
        [f"{ctx.first('plant1')} cannot move the window: the contractor is booked."],
        [f"Build ahead on {line} in the two months before the {month_name(month)} shutdown"],
        [("plant1", f"send the build-ahead plan for {line}", 10)],
        ["capacity", "maintenance", line],
    )


def moq_review(ctx: NoteContext, index: int) -> Topic:
    bought = [s for s in ctx.model.skus if s.sourcing == "buy" and not s.role and not s.intermittent]
    sku = bought[index % len(bought)]
    supplier = ctx.model.theme.suppliers[sum(map(ord, sku.code)) % len(ctx.model.theme.suppliers)]
    old = sku.min_order_qty * 2
    return Topic(
        f"{supplier} agreed to lower the minimum order of {sku.code} from {units(old)} to "
        f"{units(sku.min_order_qty)} units.",
        [f"{ctx.first('procurement')} traded the lower MOQ for a 12-month volume commitment."],
        [f"Order {sku.code} in multiples of {units(sku.min_order_qty)} from {month_name(ctx.next_month)}"],
        [("procurement", f"update the {sku.code} purchasing info record with {supplier}", 7)],
        ["purchasing", "moq", supplier],
    )


def late_purchase_order(ctx: NoteContext) -> Topic:
    sku = ctx.model.one(SHORT_LATE_PO)
    facts = ctx.model.facts
    ref, supplier, due = facts["late_po_ref"], facts["late_po_supplier"], facts["late_po_due"]
    qty = facts["late_po_quantity"]
    original = ctx.model.current.replace(day=8).isoformat()
    return Topic(
        f"{supplier} pushed {ref} for {sku.code} ({units(qty)} units) from {original} to {due}.",
        [
            ctx.pick(
                f"{ctx.first('procurement')} says the supplier is short of packaging material.",
                f"{ctx.first('procurement')} heard from {supplier} that a key machine broke down.",
            )
            + f" Stock of {sku.code} will not last until the new date."
        ],
        [
            f"Expedite {ref} for {sku.code} by 2 weeks; accept air freight for a partial of "
            f"{units(round(qty / 3, -2))} units"
        ],
        [
            ("procurement", f"get a firm ship date for {ref} from {supplier}", 2),
            ("service", f"warn customers of {sku.code} about possible short deliveries", 3),
        ],
        ["supplier delay", "purchase order", sku.family],
    )


def allocation(ctx: NoteContext) -> Topic:
    sku = ctx.model.one(SHORT_ALLOCATED)
    inv = next(r for r in ctx.model.tables["inventory"] if r["sku"] == sku.code)
    customer = ctx.model.theme.customers[2]
    free = inv["on_hand"] - inv["allocated"]
    return Topic(
        f"{customer} reserved {units(inv['allocated'])} units of {sku.code} for its store reset, "
        f"leaving {units(free)} free.",
        [
            f"{ctx.first('sales')} committed the allocation "
            f"before the supply review; the next production run "
            f"of {sku.code} is not until the month after next."
        ],
        [f"Protect the {customer} allocation on {sku.code}; ration free stock at 60% of other open orders"],
        [
            ("plant0", f"check if a {sku.code} run can be pulled forward on {sku.primary_line}", 5),
            ("sales", "agree allocation rules for key accounts before committing stock", 14),
        ],
        ["allocation", "shortage", sku.family],
    )


def past_due_order(ctx: NoteContext) -> Topic:
    sku = ctx.model.one(PAST_DUE_MO)
    facts = ctx.model.facts
    row = next(r for r in ctx.model.tables["supply"] if r["ref"] == facts["past_due_ref"])
    return Topic(
        f"{row['ref']} for {sku.code} ({units(row['quantity'])} units) is due {row['due_date']} and at risk.",
        [
            f"{ctx.first('plant1')} reported a changeover problem on {sku.primary_line}; without this order "
            f"{sku.code} runs below safety stock."
        ],
        [f"Give {row['ref']} priority on {sku.primary_line} ahead of make-to-stock runs"],
        [("plant1", f"confirm the completion date of {row['ref']}", 2)],
        ["production order", "at risk", sku.family],
    )


def transfer(ctx: NoteContext) -> Topic | None:
    row = next((r for r in ctx.model.tables["supply"] if r["kind"] == "transfer"), None)
    if row is None:
        return None
    sku = ctx.model.sku(row["sku"])
    plants = [p.name for p in ctx.model.theme.plants]
    other = plants[1] if sku.plant == plants[0] else plants[0]
    return Topic(
        f"Rebalance stock of {sku.code} between {other} and {sku.plant}.",
        [f"{ctx.first('supply')} found excess {sku.code} at {other}."],
        [
            f"Transfer {units(row['quantity'])} units of {sku.code} "
            f"from {other} to {sku.plant} as {row['ref']}"
        ],
        [("supply", f"release {row['ref']}", 2)],
        ["transfer", "inventory"],
    )


def budget_check(ctx: NoteContext, family_index: int) -> Topic | None:
    family = ctx.model.theme.families[family_index].name
    budget = ctx.budget(family, ctx.last_month)
    if budget is None:
        return None
    revenue = sum((ctx.sold(s, ctx.last_month) or 0) * s.price for s in ctx.family_skus(family))
    gap = (revenue / budget - 1) * 100
    return Topic(
        f"{family} revenue was {units(revenue)} {ctx.currency} in {month_name(ctx.last_month)}, "
        f"{pct(gap)} against a budget of {units(budget)} {ctx.currency}.",
        [
            ctx.pick(
                f"{ctx.first('finance')} wants the gap explained by price and volume separately.",
                f"{ctx.first('finance')} reminded everyone the budget assumed a 6% stretch.",
            )
        ],
        [
            f"Report the {family} {month_name(ctx.last_month)} "
            f"gap of {pct(gap)} to budget with a recovery plan"
            if gap < -3
            else f"No budget action on {family} for {month_name(ctx.last_month)}: {pct(gap)} to budget"
        ],
        [("finance", f"split the {family} variance into price and volume", 7)],
        ["budget", family],
    )


def consensus_plan(ctx: NoteContext) -> Topic:
    period = ctx.next_month
    total = ctx.snapshot_total(ctx.model.skus, period, 1)
    if not total:
        baseline = ctx.model.facts["baseline"]
        m = (period.year - ctx.model.current.year) * 12 + period.month - ctx.model.current.month
        total = sum(v[m] for v in baseline.values())
    revenue = total * sum(s.price for s in ctx.model.skus) / len(ctx.model.skus)
    return Topic(
        f"Consensus plan for {month_name(period)}: {units(total)} units, about {units(round(revenue, -3))} "
        f"{ctx.currency}.",
        [
            ctx.pick(
                f"{ctx.first('gm')} asked whether the plan is constrained by capacity; "
                f"{ctx.first('supply')} confirmed it is, except for the lines flagged at pre-S&OP.",
                f"{ctx.first('finance')} compared the plan with budget and accepted the gap as timing.",
            )
        ],
        [f"Approve the consensus plan of {units(total)} units for {month_name(period)}"],
        [("demand", f"publish the approved {month_name(period)} plan to all plants", 2)],
        ["consensus plan", "executive"],
    )


def family_promotion(ctx: NoteContext) -> Topic | None:
    horizon = add_months(ctx.model.current, 12)
    event = next(
        (
            e
            for e in ctx.model.events
            if e["kind"] == "promotion"
            and e["family"]
            and date.fromisoformat(e["start"]) >= ctx.model.current
            and date.fromisoformat(e["start"]) < horizon
        ),
        None,
    )
    if event is None:
        return None
    quarter = f"Q{(int(event['start'][5:7]) - 1) // 3 + 1}"
    return Topic(
        f"{quarter} promotion proposal on the {event['family']} family.",
        [
            f"{ctx.first('marketing')} asked for {pct(event['uplift_pct'])} "
            f"on the whole {event['family']} range "
            f"from {event['start']} to {event['end']}."
        ],
        [
            f"Approve the {quarter} {event['name']} promo on the {event['family']} family at "
            f"{pct(event['uplift_pct'])}"
        ],
        [("marketing", f"brief retailers on {event['name']}", 14)],
        ["promotion", event["family"], "executive"],
    )


def inventory_target(ctx: NoteContext, days: int) -> Topic:
    return Topic(
        f"Finished-goods inventory target reviewed: {days} days of cover.",
        [
            f"{ctx.first('finance')} pushed for a lower working capital; {ctx.first('sales')} pushed back on "
            "service."
        ],
        [f"Hold the finished-goods inventory target at {days} days of cover for the next quarter"],
        [("finance", "report inventory days by family monthly", 21)],
        ["inventory", "working capital", "executive"],
    )
