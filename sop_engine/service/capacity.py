"""``get_capacity`` / ``sop capacity`` / ``GET /v1/capacity``: required against available hours per resource
and month.

Rules (those of the capacity check of ``sop gaps``, ``planning.capacity``):
- required_hours = planning demand x hours_per_unit on each SKU's primary resource (its first
  ``routing.csv`` row); ``spill_in_hours`` = hours moved in from overloaded resources whose SKUs list this
  one as an alternative; available_hours from ``capacity.csv`` (0 when a loaded month has no row).
- ``utilization_pct`` = (required + spill-in) / available x 100, 1 decimal (null when nothing is
  available); ``overloaded`` = required > available; ``overload_hours`` = required - available (>= 0);
  ``free_hours`` = what is left after the load and spills.
- Default months: the current month and the next 3; months are planned ahead, so a month before the
  current one is an error (past use is the ``capacity_utilization`` KPI).
- ``resources`` sums each resource over the months shown (its utilisation over them, the peak month and
  the months overloaded), so an answer never adds numbers itself.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.limits import check_range
from sop_engine.periods import (
    add_months,
    format_period,
    month_start,
    months_from_to,
    parse_month,
    parse_period_arg,
)
from sop_engine.planning.capacity import capacity_check, capacity_rows
from sop_engine.planning.common import units
from sop_engine.service.forecasting import planning_demand
from sop_engine.service.lookup import match_resource
from sop_engine.store import PlanStore

DEFAULT_MONTHS_AHEAD = 3


def capacity_window(planning_date: date, start: str | None = None, end: str | None = None) -> list[date]:
    current = month_start(planning_date)
    if start is None and end is None:
        return months_from_to(current, add_months(current, DEFAULT_MONTHS_AHEAD))
    first, last = parse_month(start or end), parse_month(end or start)
    if last < first:
        raise InvalidArgument(f"the period ends ({format_period(last)}) before it starts ({format_period(first)})")
    if last < current:
        raise InvalidArgument(
            f"{format_period(last)} is in the past; capacity is planned from {format_period(current)} "
            "(past use: `sop kpi capacity_utilization`)"
        )
    return months_from_to(max(first, current), last)


def period_months(text: str | None, planning_date: date) -> tuple[str | None, str | None]:
    """(from, to) of a ``--period``: ``2027-01``, ``2027-01..2027-03`` or the contract's words ("January",
    "next quarter": a bare month is the next such month); None, None when not given."""
    if text is None or not str(text).strip():
        return None, None
    text = str(text).strip()
    if ".." in text:
        first, _, last = text.partition("..")
        start, end = parse_month(first.strip()), parse_month(last.strip())
        check_range(min(start, end), max(start, end), "period")
        return format_period(start), format_period(end)
    found = parse_period_arg(text, planning_date)
    check_range(found.start, found.end, "period")
    return found.labels[0], found.labels[-1]


def _pct(ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio * 100.0, 1) + 0.0


def capacity_document(store: PlanStore, planning_date: date, *, resource: str | None = None,
                      start: str | None = None, end: str | None = None) -> dict:
    data = store.plan_data(planning_date)
    if not data.has("capacity"):
        raise NoData("no capacity data loaded: add capacity.csv (available hours per resource and month)")
    if not data.has("routing"):
        raise NoData("no routing loaded: add routing.csv (hours per unit of each SKU on its resources)")
    known = set(data.table("capacity")["resource"].astype(str)) | set(data.table("routing")["resource"].astype(str))
    wanted = match_resource(resource, known) if resource is not None and str(resource).strip() else None
    months = capacity_window(planning_date, start, end)
    demand, source = planning_demand(store)
    demand = demand.assign(period=pd.to_datetime(demand["period"]))
    last = demand["period"].max().date()
    notes = []
    if months[0] > last:
        raise NoData(f"no demand for {format_period(months[0])}: the forecast ends in {format_period(last)}")
    if months[-1] > last:
        notes.append(f"the demand forecast ends in {format_period(last)}: months after it are not shown")
        months = [m for m in months if m <= last]
    result = capacity_check(data, demand[["sku", "period", "forecast"]].rename(columns={"forecast": "quantity"}),
                            months)
    notes += result.notes
    rows = capacity_rows(result, {wanted} if wanted else None)
    for row in rows:
        row["utilization_pct"] = _pct(row.pop("utilization"))
        free = (row["available_hours"] or 0.0) - (row["required_hours"] or 0.0) - (row["spill_in_hours"] or 0.0)
        row["free_hours"] = units(max(free, 0.0))
    return {
        "planning_date": planning_date.isoformat(),
        "scope": {"kind": "resource", "code": wanted, "label": wanted} if wanted else {"kind": "all"},
        "months": [format_period(m) for m in months],
        "unit": "hours",
        "demand_source": source,
        "rows": rows,
        "resources": _per_resource(rows),
        "overloaded_count": sum(r["overloaded"] for r in rows),
        "notes": notes,
        "source": "capacity.csv, routing.csv and the planning demand",
    }


def _per_resource(rows: list[dict]) -> list[dict]:
    out = []
    for name in sorted({r["resource"] for r in rows}):
        mine = [r for r in rows if r["resource"] == name]
        available = sum(r["available_hours"] or 0.0 for r in mine)
        load = sum((r["required_hours"] or 0.0) + (r["spill_in_hours"] or 0.0) for r in mine)
        peak = max(mine, key=lambda r: (r["utilization_pct"] is not None, r["utilization_pct"] or 0.0))
        out.append({
            "resource": name,
            "plant": mine[0]["plant"],
            "months": len(mine),
            "available_hours": units(available),
            "required_hours": units(sum(r["required_hours"] or 0.0 for r in mine)),
            "spill_in_hours": units(sum(r["spill_in_hours"] or 0.0 for r in mine)),
            "utilization_pct": _pct(load / available) if available > 0 else None,
            "months_overloaded": [r["period"] for r in mine if r["overloaded"]],
            "peak_period": peak["period"],
            "peak_utilization_pct": peak["utilization_pct"],
        })
    return out
