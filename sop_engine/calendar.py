"""The S&OP calendar's figures: what the weekly exceptions digest reports, which action items fall due on a
day, and when the pre-S&OP pack is due. Planning figures follow the planning date; "overdue" and "due" follow
the real day the caller passes (``today``)."""

from __future__ import annotations

import calendar as months_calendar
from datetime import date, timedelta

from sop_engine.errors import NoData
from sop_engine.periods import add_months
from sop_engine.service import notes as notes_service
from sop_engine.service import planning
from sop_engine.store import PlanStore

EXCEPTION_MONTHS = 3  # the current month and the 3 after it
TRACKING_LIMIT = 4.0


def meeting_day(month: date, pre_sop_day: int) -> date:
    """The pre-S&OP meeting of ``month``: its ``pre_sop_day`` (the month's last day when it has fewer)."""
    last = months_calendar.monthrange(month.year, month.month)[1]
    return date(month.year, month.month, min(pre_sop_day, last))


def pack_day(today: date, pre_sop_day: int, days_before: int) -> date | None:
    """The day the pack is posted for the next meeting on or after ``today`` (None when it has passed)."""
    month = today.replace(day=1)
    for candidate in (month, add_months(month, 1)):
        meeting = meeting_day(candidate, pre_sop_day)
        posting = meeting - timedelta(days=days_before)
        if posting >= today:
            return posting
    return None


def open_action_items(store: PlanStore) -> tuple[list[dict], str | None]:
    try:
        return notes_service.list_decisions(store, kind="action_item", open_only=True)["items"], None
    except NoData as error:
        return [], error.message


def due_on(store: PlanStore, day: date) -> list[dict]:
    """Open action items due on ``day``."""
    return [i for i in open_action_items(store)[0] if i["due_date"] == day.isoformat()]


def exceptions_document(store: PlanStore, planning_date: date, today: date,
                        previously_short: list[str] | None = None) -> dict:
    """``{"planning_date", "today", "months", "short_skus", "new_shortages", "overdue", "tracking", "notes"}``:
    SKUs short over the current month and the 3 after it (``new_shortages``: those not short at the previous
    digest, ``previously_short``; all of them at the first), open action items due before ``today``, and the
    lag-1 tracking signal with the SKUs outside ±4."""
    gaps = planning.gaps(store, planning_date, months=EXCEPTION_MONTHS)
    short = [s for s in gaps["skus"] if s.get("total_shortage")]
    before = set(previously_short or [])
    new = [{"sku": s["sku"], "name": s["name"], "family": s["family"], "first_short_period": s["first_short_period"],
            "total_shortage": s["total_shortage"], "stockout_probability": s.get("stockout_probability")}
           for s in short if s["sku"] not in before]
    new.sort(key=lambda s: -s["total_shortage"])
    items, note = open_action_items(store)
    overdue = sorted((i for i in items if i["due_date"] and i["due_date"] < today.isoformat()),
                     key=lambda i: i["due_date"])
    signal = planning.kpi(store, planning_date, "tracking_signal", lag=1)
    details = signal.get("details") or {}
    worst = [w for w in details.get("worst_skus", []) if abs(w.get("tracking_signal") or 0) > TRACKING_LIMIT]
    tracking = {"value": signal.get("value"), "limit": details.get("limit", TRACKING_LIMIT),
                "outside": signal.get("value") is not None and abs(signal["value"]) > TRACKING_LIMIT,
                "skus_outside_limit": details.get("skus_outside_limit", 0), "worst_skus": worst,
                "period": signal.get("period")}
    return {"planning_date": planning_date.isoformat(), "today": today.isoformat(), "months": gaps["months"],
            "short_skus": [s["sku"] for s in short], "new_shortages": new,
            "overdue": [{"id": i["id"], "owner": i["owner"], "text": i["text"], "due_date": i["due_date"]}
                        for i in overdue],
            "tracking": tracking, "notes": [note] if note else []}
