"""When a load brings another company: the previous company's tool-made data leaves the store.

A load is *another company* when the store holds the demo and the new data is not the demo, or when
``company.toml``'s ``name`` differs from the loaded company's (case and spacing aside; a folder without a
name is taken to be the same company). Then the previous company's forecast versions, published forecast,
overrides, and decisions and action items from notes are deleted, and its pending approvals are
rejected, in the load's own transaction; the audit log records what was dropped (``company.change``).
The same company's monthly reload keeps all of it.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, delete, func, select, update

from sop_engine.contract import Company
from sop_engine.store.schema import (
    approvals,
    forecast_driver_effects,
    forecast_drivers,
    forecast_sku_info,
    forecast_values,
    forecast_versions,
    note_items,
    overrides,
    published_forecast,
)

# children before parents (foreign keys)
DROPPED_TABLES: tuple[Table, ...] = (published_forecast, forecast_values, forecast_sku_info, forecast_drivers,
                                     forecast_driver_effects, forecast_versions, overrides, note_items)


def _same_name(a: str | None, b: str | None) -> bool:
    unnamed = {None, "", Company.name.casefold()}
    a_key, b_key = (" ".join(str(x or "").split()).casefold() for x in (a, b))
    return a_key in unnamed or b_key in unnamed or a_key == b_key


def company_change(previous_meta: dict, name: str, demo: bool) -> dict | None:
    """Why this load brings another company (``{"from", "to", "reason", ...}``), or None for the same one."""
    if not previous_meta:
        return None
    before = previous_meta.get("company") or {}
    was_demo = bool(previous_meta.get("demo"))
    if was_demo and not demo:
        reason = "the store held the demo company"
    elif not _same_name(before.get("name"), name):
        reason = "company.toml names another company"
    else:
        return None
    return {"from": before.get("name"), "to": name, "reason": reason, "from_demo": was_demo,
            "previous_source": previous_meta.get("source")}


def drop_company_data(connection: Connection, principal: str, now, reason: str) -> dict[str, int]:
    """Delete the previous company's tool-made rows; reject its pending approvals. Returns counts."""
    dropped: dict[str, int] = {}
    for table in DROPPED_TABLES:
        dropped[table.name] = connection.execute(select(func.count()).select_from(table)).scalar_one()
        connection.execute(delete(table))
    dropped["pending_approvals"] = connection.execute(
        update(approvals).where(approvals.c.status == "pending").values(
            status="rejected", decided_by=principal, decided_at=now,
            result={"rejected_because": f"another company was loaded ({reason})"})
    ).rowcount
    return dropped
