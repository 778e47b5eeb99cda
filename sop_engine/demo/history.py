"""Sales history and demand events of the demo company, and the simple baseline used to size its supply.

History = level x trend x seasonality x promotion uplift x noise, rounded to units; intermittent SKUs sell
in few months (ADI well above 1.32). Every past spike comes from a promotion written to ``events.csv``.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import numpy as np

from sop_engine.demo.catalog import (
    DISCONTINUED,
    DISCONTINUED_MONTHS_AGO,
    FAMILY_PROMO_FAMILY,
    FAMILY_PROMO_OFFSET,
    FUTURE_PROMO_OFFSET,
    HISTORY_MONTHS,
    NEW,
    NEW_PRODUCT_MONTHS,
    SHORT_PROMO,
    DemoModel,
    Sku,
)
from sop_engine.periods import add_months, month_range

# Past promotions: (months before the current month, target) where target is ("sku", family, item)
# or ("family", family). Names come from the theme, in order.
PAST_PROMOTIONS = (
    (34, ("sku", 2, 0)),
    (27, ("family", 0)),
    (22, ("sku", 4, 1)),
    (15, ("sku", 2, 0)),
    (11, ("family", 3)),
    (7, ("sku", 0, 2)),
    (3, ("sku", 1, 1)),
)
INTERMITTENT_PROBABILITY = 0.38


def true_season(sku: Sku, model: DemoModel, month: date) -> float:
    family = model.theme.families[sku.family_index]
    return 1.0 + family.season_amplitude * float(np.cos(2 * np.pi * (month.month - family.season_peak) / 12))


def build_history_and_events(model: DemoModel) -> None:
    rng = model.rng(2)
    model.hist_months = month_range(add_months(model.current, -HISTORY_MONTHS), HISTORY_MONTHS)
    _past_promotions(model, rng)
    uplift = _uplift_by_sku_month(model, past_only=True)
    for sku in model.skus:
        row: list[float | None] = []
        for t, month in enumerate(model.hist_months):
            back = HISTORY_MONTHS - t  # 1 = last month
            if sku.role == NEW and back > NEW_PRODUCT_MONTHS:
                row.append(None)
                continue
            if sku.role == DISCONTINUED and back < DISCONTINUED_MONTHS_AGO:
                row.append(None)
                continue
            trend = (1 + sku.growth) ** ((t - (HISTORY_MONTHS - 1)) / 12)
            factor = uplift.get((sku.code, month), 1.0)
            if sku.intermittent:
                sells = rng.random() < INTERMITTENT_PROBABILITY
                size = sku.level / INTERMITTENT_PROBABILITY * float(rng.lognormal(0, 0.35))
                row.append(float(round(size * factor)) if sells else 0.0)
                continue
            ramp = (0.45, 0.75, 0.95, 1.05)[NEW_PRODUCT_MONTHS - back] if sku.role == NEW else 1.0
            noise = float(rng.lognormal(0, 0.1 if sku.variant == 0 else 0.14))
            row.append(
                float(round(sku.level * trend * true_season(sku, model, month) * factor * ramp * noise))
            )
        model.history[sku.code] = row
    _future_and_calendar_events(model)


def _promotion_name(model: DemoModel, start: date) -> str:
    return f"{model.theme.promotions[start.month - 1]} {start.year}"


def _event(name, start, end, kind, uplift=0.0, sku="", family="") -> dict:
    return {
        "name": name,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "sku": sku,
        "family": family,
        "uplift_pct": uplift,
        "kind": kind,
    }


def _month_window(month: date, rng: np.random.Generator) -> tuple[date, date]:
    last = calendar.monthrange(month.year, month.month)[1]
    start = month + timedelta(days=int(rng.integers(0, 6)))
    return start, date(month.year, month.month, min(last, int(rng.integers(20, 29))))


def _target_fields(model: DemoModel, target: tuple) -> dict:
    if target[0] == "family":
        return {"family": model.theme.families[target[1]].name}
    sku = next(s for s in model.skus if (s.family_index, s.item, s.variant) == (target[1], target[2], 0))
    return {"sku": sku.code}


def _past_promotions(model: DemoModel, rng: np.random.Generator) -> None:
    for back, target in PAST_PROMOTIONS:
        month = add_months(model.current, -back)
        start, end = _month_window(month, rng)
        uplift = float(rng.choice([30.0, 35.0, 40.0, 45.0, 50.0]))
        name = _promotion_name(model, start)
        model.events.append(_event(name, start, end, "promotion", uplift, **_target_fields(model, target)))


def _future_and_calendar_events(model: DemoModel) -> None:
    rng = model.rng(3)
    promo_sku = model.one(SHORT_PROMO)
    month = add_months(model.current, FUTURE_PROMO_OFFSET)
    start, end = _month_window(month, rng)
    model.facts["promo_event"] = _event(
        _promotion_name(model, start), start, end, "promotion", 50.0, sku=promo_sku.code
    )
    month = add_months(model.current, FAMILY_PROMO_OFFSET)
    start, end = _month_window(month, rng)
    family = model.theme.families[FAMILY_PROMO_FAMILY].name
    model.facts["family_promo_event"] = _event(
        _promotion_name(model, start), start, end, "promotion", 25.0, family=family
    )
    model.events += [model.facts["promo_event"], model.facts["family_promo_event"]]
    new = model.one(NEW)
    launch = add_months(model.current, -NEW_PRODUCT_MONTHS) + timedelta(days=2)
    model.events.append(
        _event(f"Launch {new.name}", launch, launch + timedelta(days=30), "launch", sku=new.code)
    )
    first_year, last_year = model.hist_months[0].year, add_months(model.current, 18).year
    for year in range(first_year, last_year + 1):
        for name, month_no, day, length in model.theme.holidays:
            start = date(year, month_no, day)
            model.events.append(_event(name, start, start + timedelta(days=length - 1), "holiday"))


def _uplift_by_sku_month(model: DemoModel, past_only: bool) -> dict[tuple[str, date], float]:
    """(sku, month) -> demand multiplier of the promotions that touch the month."""
    out: dict[tuple[str, date], float] = {}
    for event in model.events:
        if event["kind"] != "promotion" or not event["uplift_pct"]:
            continue
        month = date.fromisoformat(event["start"]).replace(day=1)
        if past_only and month >= model.current:
            continue
        for sku in model.skus:
            if sku.code == event["sku"] or sku.family == event["family"]:
                key = (sku.code, month)
                out[key] = out.get(key, 1.0) * (1 + event["uplift_pct"] / 100)
    return out


# --- the baseline a planner would pencil in: recent level x seasonality (x known promotions) ----------


def season_index(model: DemoModel) -> dict[str, np.ndarray]:
    """Family -> 12 seasonal indices (January first), pooled over the family's regular SKUs."""
    out: dict[str, np.ndarray] = {}
    for family in model.theme.families:
        sums, counts = np.zeros(12), np.zeros(12)
        for sku in model.skus:
            if sku.family != family.name or sku.intermittent:
                continue
            values = [
                (m, q)
                for m, q in zip(model.hist_months, model.history[sku.code], strict=True)
                if q is not None
            ]
            if len(values) < 24:
                continue
            mean = float(np.mean([q for _, q in values]))
            for m, q in values:
                sums[m.month - 1] += q / mean
                counts[m.month - 1] += 1
        index = np.divide(sums, counts, out=np.ones(12), where=counts > 0)
        out[family.name] = index / index.mean()
    return out


def baseline_demand(
    model: DemoModel, months: list[date], with_promotions: bool = True
) -> dict[str, np.ndarray]:
    """SKU -> expected demand per month: mean of the last 3 months, deseasonalised, x the month's index."""
    index = model.facts.get("season_index") or season_index(model)
    model.facts["season_index"] = index
    uplift = _uplift_by_sku_month(model, past_only=False) if with_promotions else {}
    out: dict[str, np.ndarray] = {}
    for sku in model.skus:
        recent = [
            (m, q)
            for m, q in zip(model.hist_months, model.history[sku.code], strict=True)
            if q is not None and m >= add_months(model.current, -3)
        ]
        if not recent:
            out[sku.code] = np.zeros(len(months))
            continue
        idx = index[sku.family]
        level = np.mean([q for _, q in recent]) / np.mean([idx[m.month - 1] for m, _ in recent])
        out[sku.code] = np.array([level * idx[m.month - 1] * uplift.get((sku.code, m), 1.0) for m in months])
    return out
