"""Inventory, open supply, capacity and routing of the demo company.

Sized from the planner's baseline (``history.baseline_demand``) so that most SKUs stay covered over the
current month + 3, while the designed SKUs run short for a visible reason: stock allocated to a key
customer, a purchase order pushed out by the supplier, a promotion the supply plan does not cover. One
line is loaded above its hours in its peak months.
"""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import numpy as np

from sop_engine.demo.catalog import (
    DISCONTINUED,
    FUTURE_PROMO_OFFSET,
    PAST_DUE_MO,
    SHORT_ALLOCATED,
    SHORT_LATE_PO,
    SHORT_PROMO,
    DemoModel,
    Sku,
)
from sop_engine.demo.history import baseline_demand
from sop_engine.periods import add_months, month_range

CAPACITY_MONTHS = 19  # current month .. +18
SUPPLY_MONTHS = 6  # receipts planned for the current month .. +5
PROJECTION_MONTHS = 4  # the window the designed shortages must show in
MAINTENANCE = (3, 4, 0.6)  # line index, months ahead, share of hours left


def build_supply(model: DemoModel) -> None:
    rng = model.rng(4)
    months = month_range(model.current, CAPACITY_MONTHS)
    demand = baseline_demand(model, months)
    model.facts["baseline"] = demand
    model.facts["horizon_months"] = months
    as_of = model.planning_date - timedelta(days=1) if model.planning_date.day > 1 else model.planning_date
    inventory, receipts = [], []
    for sku in model.skus:
        on_hand, allocated, planned = _plan_sku(model, sku, demand[sku.code], rng)
        sku.safety_stock = (
            0.0 if sku.role == DISCONTINUED else _round_to(0.5 * demand[sku.code][:3].mean(), 10)
        )
        inventory.append(
            {
                "sku": sku.code,
                "on_hand": on_hand,
                "as_of": as_of.isoformat(),
                "location": sku.plant,
                "allocated": allocated,
            }
        )
        receipts.extend(planned)
    model.tables["inventory"] = inventory
    model.tables["supply"] = _number_orders(model, receipts)
    model.tables["routing"], model.tables["capacity"] = _routing_and_capacity(model, demand, months, rng)


def _round_to(value: float, step: float) -> float:
    return float(max(step, math.ceil(value / step) * step))


def _due(model: DemoModel, offset: int, rng: np.random.Generator) -> date:
    month = add_months(model.current, offset)
    last = calendar.monthrange(month.year, month.month)[1]
    day = int(rng.integers(4, min(last, 26)))
    if offset == 0:  # a receipt due this month falls after the planning date
        day = max(day, min(last, model.planning_date.day + 3))
    return date(month.year, month.month, min(day, last))


def _receipt(model, sku: Sku, qty: float, due: date, status: str | None = None) -> dict:
    kind = "purchase_order" if sku.sourcing == "buy" else "production_order"
    return {
        "sku": sku.code,
        "due_date": due.isoformat(),
        "quantity": qty,
        "kind": kind,
        "status": status,
        "ref": "",
        "supplier": "",
    }


def _plan_sku(model: DemoModel, sku: Sku, d: np.ndarray, rng) -> tuple[float, float, list[dict]]:
    """Opening stock, allocated stock and open receipts of one SKU."""
    if sku.role == DISCONTINUED:
        return float(round(sku.level * 0.2)), 0.0, []
    batch = sku.min_order_qty
    recent_mean = np.mean([q for q in model.history[sku.code][-12:] if q is not None])
    cover = float(rng.uniform(1.6, 2.2))
    opening = d[0] * cover
    receipts = [(m, _round_to(d[m] * float(rng.uniform(1.0, 1.1)), batch)) for m in range(1, SUPPLY_MONTHS)]
    allocated_share = float(rng.choice([0.0, 0.0, 0.05, 0.1, 0.15]))
    if sku.intermittent:
        opening = 3.5 * max(d[0], d[1], recent_mean)
        receipts = [(m, _round_to(2 * max(d[m], recent_mean), batch)) for m in (2, 4)]
    elif sku.role == SHORT_ALLOCATED:
        opening, allocated_share = 0.35 * d[0], 0.75  # on hand ~1.4 months, three quarters promised
        receipts = [(m, q) for m, q in receipts if m >= 2]
    elif sku.role == SHORT_LATE_PO:
        opening, allocated_share = 0.35 * d[0], 0.05
        late = _round_to(1.1 * (d[0] + d[1] + d[2]), batch)
        receipts = [(2, late)] + [(m, q) for m, q in receipts if m >= 3]
        model.facts["late_po_quantity"] = late
    elif sku.role == SHORT_PROMO:
        base = baseline_demand_without_promo(model, sku)
        # the supply plan was made before the promotion was agreed: baseline volumes, no batch rounding
        opening = 1.05 * d[0]
        receipts = [(m, float(round(base[m], -1))) for m in range(1, SUPPLY_MONTHS)]
    elif sku.role == PAST_DUE_MO:
        opening = 0.9 * d[0]
    on_hand = float(round(opening / (1 - allocated_share)))
    allocated = float(round(on_hand * allocated_share))
    planned = [_receipt(model, sku, q, _due(model, m, rng)) for m, q in receipts]
    if sku.role == PAST_DUE_MO:
        due = model.planning_date - timedelta(days=9)
        planned.insert(0, _receipt(model, sku, _round_to(d[0], batch), due, "released"))
        model.facts["past_due_due_date"] = due
    if not sku.intermittent and not sku.role.startswith("short"):
        on_hand = _top_up(on_hand, allocated, planned, d, model)
    return on_hand, allocated, planned


def baseline_demand_without_promo(model: DemoModel, sku: Sku) -> np.ndarray:
    months = model.facts["horizon_months"]
    return baseline_demand(model, months, with_promotions=False)[sku.code]


def month_offset(model: DemoModel, due: date) -> int:
    """Months from the current month; past-due supply lands in the current month."""
    return max(0, (due.year - model.current.year) * 12 + due.month - model.current.month)


def projected_balance(model: DemoModel, opening: float, receipts: list[dict], d: np.ndarray) -> list[float]:
    balance, out = opening, []
    for m in range(PROJECTION_MONTHS):
        balance += sum(
            r["quantity"] for r in receipts if month_offset(model, date.fromisoformat(r["due_date"])) == m
        )
        balance -= d[m]
        out.append(balance)
    return out


def _top_up(on_hand, allocated, planned, d, model) -> float:
    """Keep a healthy SKU at least a third of a month above zero in the projection window."""
    low = min(projected_balance(model, on_hand - allocated, planned, d))
    floor = d[0] / 3
    return on_hand if low >= floor else float(round(on_hand + floor - low))


def _number_orders(model: DemoModel, receipts: list[dict]) -> list[dict]:
    """Give POs and MOs ERP-like refs in due-date order; firm near orders, plan far ones, add 2 transfers."""
    rng = model.rng(5)
    suppliers = model.theme.suppliers
    receipts.sort(key=lambda r: (r["due_date"], r["sku"]))
    counters = {"purchase_order": 1180, "production_order": 2040}
    prefixes = {"purchase_order": "PO", "production_order": "MO"}
    for r in receipts:
        kind = r["kind"]
        r["ref"] = f"{prefixes[kind]}-{counters[kind]}"
        counters[kind] += int(rng.integers(1, 4))
        offset = month_offset(model, date.fromisoformat(r["due_date"]))
        if r["status"] is None:
            r["status"] = (
                "released"
                if kind == "production_order" and offset <= 1
                else ("firm" if offset <= 3 else "planned")
            )
        if kind == "purchase_order":
            r["supplier"] = suppliers[sum(map(ord, r["sku"])) % len(suppliers)]
    healthy = [s for s in model.skus if s.sourcing == "make" and not s.role and not s.intermittent]
    for i, sku in enumerate(healthy[:2]):
        due = _due(model, 1 + i, rng)
        receipts.append(
            {
                "sku": sku.code,
                "due_date": due.isoformat(),
                "quantity": _round_to(sku.level * 0.2, 10),
                "kind": "transfer",
                "status": "firm",
                "ref": f"TR-{310 + i * 7}",
                "supplier": "",
            }
        )
    for r in receipts:
        if (
            r["kind"] == "production_order"
            and r["sku"] == model.one(PAST_DUE_MO).code
            and date.fromisoformat(r["due_date"]) < model.planning_date
        ):
            model.facts["past_due_ref"] = r["ref"]
        if r["sku"] == model.one(SHORT_LATE_PO).code and "late_po_ref" not in model.facts:
            model.facts["late_po_ref"] = r["ref"]
            model.facts["late_po_supplier"] = r["supplier"]
            model.facts["late_po_due"] = r["due_date"]
    return receipts


def workdays(month: date) -> int:
    last = calendar.monthrange(month.year, month.month)[1]
    return sum(1 for day in range(1, last + 1) if date(month.year, month.month, day).weekday() < 5)


def _routing_and_capacity(model: DemoModel, demand, months, rng) -> tuple[list[dict], list[dict]]:
    lines = model.lines
    hours_factor = {0: 1.0, 1: 1.5}
    routing: list[dict] = []
    hpu: dict[str, float] = {}
    for line, _ in lines:
        on_line = [s for s in model.skus if s.primary_line == line and s.role != DISCONTINUED]
        units = sum(hours_factor[s.variant] * demand[s.code][:12].mean() for s in on_line)
        per_unit = float(rng.uniform(300, 420)) / max(units, 1.0)
        for s in on_line:
            hpu[s.code] = round(per_unit * hours_factor[s.variant], 5)
    for s in model.skus:
        if s.code not in hpu:
            continue
        routing.append({"sku": s.code, "resource": s.primary_line, "hours_per_unit": hpu[s.code]})
        if s.alternative_line:
            routing.append(
                {"sku": s.code, "resource": s.alternative_line, "hours_per_unit": round(hpu[s.code] * 1.2, 5)}
            )
    tight = model.one(SHORT_PROMO).primary_line
    capacity: list[dict] = []
    loads: dict[str, list[float]] = {}
    for i, (line, plant) in enumerate(lines):
        load = [
            sum(demand[c][m] * h for c, h in hpu.items() if model.sku(c).primary_line == line)
            for m in range(len(months))
        ]
        loads[line] = load
        per_day = max(load[m] / workdays(month) for m, month in enumerate(months))
        util = 1.1 if line == tight else float(rng.uniform(0.78, 0.88))
        for m, month in enumerate(months):
            hours = per_day * workdays(month) / util
            if (i, m) == MAINTENANCE[:2]:
                hours *= MAINTENANCE[2]
            capacity.append(
                {
                    "resource": line,
                    "period": f"{month:%Y-%m}",
                    "available_hours": round(hours, 1),
                    "plant": plant,
                }
            )
    model.facts["line_load"] = loads
    model.facts["overloaded_line"] = tight
    model.facts["maintenance"] = (lines[MAINTENANCE[0]][0], months[MAINTENANCE[1]])
    model.facts["promo_month"] = months[FUTURE_PROMO_OFFSET]
    return routing, capacity
