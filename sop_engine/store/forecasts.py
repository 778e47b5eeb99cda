"""Forecast versions in the plan store: drafts, publishing, planner overrides, and reading them back.

- A run is stored as a **draft** version with who/when/why, its scope and parameters.
- **Publishing** makes a version the published forecast *for the SKUs it covers*: a one-SKU version
  supersedes only that SKU (``published_forecast`` maps each SKU to its version).
- **Overrides** are a planner's quantity for one SKU and month, with a reason. They never change a
  version's numbers; readers show them beside the statistical forecast (``override`` columns), and
  ``final = override if present else forecast``.
Every write is audited in the same transaction.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import and_, delete, func, insert, select, update

from sop_engine.errors import Conflict, InvalidArgument, NotFound
from sop_engine.store.bulk import insert_rows, records
from sop_engine.store.plan_store import PlanStore, iso_utc, utcnow
from sop_engine.store.schema import (
    forecast_driver_effects,
    forecast_drivers,
    forecast_sku_info,
    forecast_values,
    forecast_versions,
    overrides,
    published_forecast,
)

VALUE_COLUMNS = ["sku", "period", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model"]
INFO_COLUMNS = ["sku", "model", "cv_error", "candidates", "demand_class", "note"]


def create_version(store: PlanStore, values: pd.DataFrame, skus: pd.DataFrame, *, scope: dict,
                   parameters: dict, note: str | None, principal: str, drivers=None) -> int:
    """Store a forecast run as a new draft version and return its id; ``drivers`` (a
    ``forecast.drivers.DriverForecast``) adds its driver value added and effects."""
    with store.begin() as connection:
        version_id = connection.execute(
            insert(forecast_versions).values(
                created_at=utcnow(), created_by=principal, scope=scope, parameters=parameters, note=note,
                status="draft",
            )
        ).inserted_primary_key[0]
        rows = values[VALUE_COLUMNS].assign(period=values["period"].dt.date, version_id=version_id)
        insert_rows(connection, forecast_values, records(rows))
        info = skus.reindex(columns=INFO_COLUMNS).assign(version_id=version_id)
        insert_rows(connection, forecast_sku_info, records(info))
        if drivers is not None and not drivers.value_added.empty:
            insert_rows(connection, forecast_drivers, records(drivers.value_added.assign(version_id=version_id)))
        if drivers is not None and not drivers.effects.empty:
            insert_rows(connection, forecast_driver_effects, records(drivers.effects.assign(version_id=version_id)))
        store.audit(connection, principal, "forecast.run",
                    {"version": version_id, "scope": scope, "skus": int(len(skus)), "note": note})
    return int(version_id)


def list_versions(store: PlanStore) -> list[dict]:
    with store.connect() as connection:
        counts = dict(connection.execute(
            select(forecast_sku_info.c.version_id, func.count()).group_by(forecast_sku_info.c.version_id)
        ).all())
        live = dict(connection.execute(
            select(published_forecast.c.version_id, func.count()).group_by(published_forecast.c.version_id)
        ).all())
        rows = connection.execute(select(forecast_versions).order_by(forecast_versions.c.id)).mappings().all()
    return [_version_doc(row, counts.get(row["id"], 0), live.get(row["id"], 0)) for row in rows]


def _version_doc(row, sku_count: int, published_skus: int) -> dict:
    return {
        "id": row["id"], "created_at": iso_utc(row["created_at"]),
        "created_by": row["created_by"], "scope": row["scope"], "parameters": row["parameters"],
        "note": row["note"], "status": row["status"], "skus": sku_count,
        "published_skus": published_skus,
        "published_at": iso_utc(row["published_at"]),
        "published_by": row["published_by"],
        "scenario": (row["parameters"] or {}).get("scenario") is not None,
    }


def get_version(store: PlanStore, ref: int | str) -> dict:
    """A version by id, or ``latest`` (the newest version of any status)."""
    versions = list_versions(store)
    if not versions:
        raise NotFound("no forecast versions yet: run `sop forecast run` first")
    if str(ref).lower() == "latest":
        return versions[-1]
    try:
        wanted = int(str(ref).lstrip("v#"))
    except ValueError:
        raise InvalidArgument(f"'{ref}' is not a version id; use a number, 'latest' or 'published'") from None
    for version in versions:
        if version["id"] == wanted:
            return version
    raise NotFound(f"no forecast version {wanted}; versions are {versions[0]['id']}..{versions[-1]['id']}")


def version_values(store: PlanStore, version_id: int, skus: list[str] | None = None) -> pd.DataFrame:
    query = select(forecast_values).where(forecast_values.c.version_id == version_id)
    if skus is not None:
        query = query.where(forecast_values.c.sku.in_(skus))
    return store.read_frame(query.order_by(forecast_values.c.sku, forecast_values.c.period), ("period",))


def version_info(store: PlanStore, version_id: int, skus: list[str] | None = None) -> pd.DataFrame:
    query = select(forecast_sku_info).where(forecast_sku_info.c.version_id == version_id)
    if skus is not None:
        query = query.where(forecast_sku_info.c.sku.in_(skus))
    return store.read_frame(query.order_by(forecast_sku_info.c.sku), json_columns=("candidates",))


def publish(store: PlanStore, ref: int | str, principal: str) -> dict:
    """Make a version the published forecast for the SKUs it covers."""
    version = get_version(store, ref)
    if (version.get("parameters") or {}).get("scenario") is not None:
        raise Conflict(f"forecast version {version['id']} is a scenario (a what-if draft): it cannot be published")
    if version["status"] == "published" and version["published_skus"] == version["skus"]:
        raise Conflict(f"forecast version {version['id']} is already the published forecast of its SKUs")
    now = utcnow()
    with store.begin() as connection:  # joins an approval's claim when run from one
        skus = [r[0] for r in connection.execute(
            select(forecast_sku_info.c.sku).where(forecast_sku_info.c.version_id == version["id"]))]
        previous = dict(connection.execute(
            select(published_forecast.c.sku, published_forecast.c.version_id)
            .where(published_forecast.c.sku.in_(skus))).all())
        connection.execute(delete(published_forecast).where(published_forecast.c.sku.in_(skus)))
        connection.execute(insert(published_forecast),
                           [{"sku": sku, "version_id": version["id"], "published_at": now} for sku in skus])
        connection.execute(update(forecast_versions).where(forecast_versions.c.id == version["id"])
                           .values(status="published", published_at=now, published_by=principal))
        # versions left with no published SKU are superseded
        still_live = select(published_forecast.c.version_id).distinct()
        connection.execute(update(forecast_versions).where(
            and_(forecast_versions.c.status == "published", forecast_versions.c.id.not_in(still_live))
        ).values(status="superseded"))
        superseded = sorted({v for v in previous.values() if v != version["id"]})
        store.audit(connection, principal, "forecast.publish",
                    {"version": version["id"], "skus": len(skus), "replaced_versions": superseded})
    return {"version": version["id"], "skus": skus, "replaced_versions": superseded}


def add_override(store: PlanStore, sku: str, period: date, quantity: float, reason: str, principal: str) -> dict:
    if quantity < 0:
        raise InvalidArgument(f"an override quantity cannot be negative (got {quantity})")
    if not reason or not reason.strip():
        raise InvalidArgument("an override needs a reason (--reason \"...\")")
    with store.begin() as connection:
        replaced = connection.execute(
            update(overrides).where(and_(overrides.c.sku == sku, overrides.c.period == period,
                                         overrides.c.active.is_(True))).values(active=False)
        ).rowcount
        override_id = connection.execute(insert(overrides).values(
            sku=sku, period=period, quantity=float(quantity), reason=reason.strip(), created_at=utcnow(),
            created_by=principal, active=True)).inserted_primary_key[0]
        store.audit(connection, principal, "forecast.override",
                    {"sku": sku, "period": period.isoformat(), "quantity": quantity, "reason": reason,
                     "replaced": replaced})
    return {"id": int(override_id), "sku": sku, "period": period.strftime("%Y-%m"), "quantity": float(quantity),
            "reason": reason.strip(), "replaced_previous": bool(replaced)}


def active_overrides(store: PlanStore, skus: list[str] | None = None) -> pd.DataFrame:
    query = select(overrides.c.sku, overrides.c.period, overrides.c.quantity.label("override"),
                   overrides.c.reason.label("override_reason"), overrides.c.created_by.label("override_by")
                   ).where(overrides.c.active.is_(True))
    if skus is not None:
        query = query.where(overrides.c.sku.in_(skus))
    frame = store.read_frame(query, ("period",))
    return frame.astype({"override": "float64", "override_reason": object, "override_by": object})


def published_values(store: PlanStore, skus: list[str] | None = None) -> pd.DataFrame:
    """The published forecast of each SKU (its latest published version), with a ``version`` column."""
    query = (select(forecast_values, published_forecast.c.version_id.label("version"))
             .join(published_forecast, and_(published_forecast.c.sku == forecast_values.c.sku,
                                            published_forecast.c.version_id == forecast_values.c.version_id)))
    if skus is not None:
        query = query.where(forecast_values.c.sku.in_(skus))
    return store.read_frame(query.order_by(forecast_values.c.sku, forecast_values.c.period), ("period",))


def published_info(store: PlanStore, skus: list[str] | None = None) -> pd.DataFrame:
    query = select(forecast_sku_info).join(
        published_forecast, and_(published_forecast.c.sku == forecast_sku_info.c.sku,
                                 published_forecast.c.version_id == forecast_sku_info.c.version_id))
    if skus is not None:
        query = query.where(forecast_sku_info.c.sku.in_(skus))
    return store.read_frame(query.order_by(forecast_sku_info.c.sku), json_columns=("candidates",))


def with_overrides(values: pd.DataFrame, active: pd.DataFrame) -> pd.DataFrame:
    """Add ``override``, ``override_reason``, ``override_by`` and ``final`` beside ``forecast``."""
    merged = values.merge(active, on=["sku", "period"], how="left")
    merged["override"] = merged["override"].astype("float64")
    merged["final"] = merged["override"].where(merged["override"].notna(), merged["forecast"])
    return merged


def driver_records(store: PlanStore, version_ids: list[int], skus: list[str] | None = None
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(driver value added, driver effects) of these versions' SKUs."""
    added = select(forecast_drivers).where(forecast_drivers.c.version_id.in_(version_ids))
    effects = select(forecast_driver_effects).where(forecast_driver_effects.c.version_id.in_(version_ids))
    if skus is not None:
        added = added.where(forecast_drivers.c.sku.in_(skus))
        effects = effects.where(forecast_driver_effects.c.sku.in_(skus))
    return (store.read_frame(added.order_by(forecast_drivers.c.sku), json_columns=("drivers", "months")),
            store.read_frame(effects.order_by(forecast_driver_effects.c.sku, forecast_driver_effects.c.driver),
                             json_columns=("planned",)))
