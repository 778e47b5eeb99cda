"""What drives demand: the recorded effects of demand drivers on the forecast planning works from.

``driver_effects(store, planning_date, sku=, family=, driver=)`` reads, for each SKU, the forecast version its
planning demand comes from (the published forecast, else the latest draft; never a scenario) and returns its
driver value added and effects: ``effects`` ({sku, name, driver, label, effect_pct, source, explanation,
unit}), ``value_added`` ({sku, used, cv_error_drivers, cv_error_driver_free, driver_free_model}), per driver a
``summary`` (SKUs with an effect, the smallest, largest and units-weighted mean effect), the pooled estimates
of the version, and ``drivers_in_data`` (every driver name the company gave).
"""

from __future__ import annotations

from datetime import date

from rapidfuzz import process

from sop_engine.drivers.series import driver_label
from sop_engine.errors import InvalidArgument, NoData
from sop_engine.products import resolve_scope
from sop_engine.service.documents import number
from sop_engine.service.forecasting import planning_demand
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions


def known_drivers(store: PlanStore) -> list[str]:
    names = set(store.read_table("drivers")["driver"].dropna().astype(str))
    if store.read_table("sales_history")["price"].notna().any():
        names.add("price")
    return sorted(names)


def driver_effects(store: PlanStore, planning_date: date, *, sku: str | None = None, family: str | None = None,
                   driver: str | None = None) -> dict:
    products = store.read_table("products")
    skus = resolve_scope(products, sku, family) if (sku or family) else None
    names = known_drivers(store)
    if not names:
        raise NoData("no demand drivers loaded: add drivers.csv (ad spend, web sessions, prices ...) or a price "
                     "column in sales_history.csv, then re-forecast")
    if driver is not None and driver not in names:
        close = [c for c, _, _ in process.extract(driver, names, limit=3)]
        raise InvalidArgument(f"no driver '{driver}' in the data; drivers: {', '.join(close)}")
    demand, source = planning_demand(store, skus)
    pairs = demand[["sku", "version"]].drop_duplicates()
    added, effects = versions.driver_records(store, sorted(int(v) for v in pairs["version"].unique()), skus)
    if not effects.empty:
        effects = effects.merge(pairs, left_on=["sku", "version_id"], right_on=["sku", "version"])
    if not added.empty:
        added = added.merge(pairs, left_on=["sku", "version_id"], right_on=["sku", "version"])
    if driver is not None and not effects.empty:
        effects = effects[effects["driver"] == driver]
    label = dict(zip(products["sku"].astype(str), products["name"].astype(str), strict=True))
    totals = demand.groupby("sku")["forecast"].sum()
    rows = [{"sku": r.sku, "name": label.get(r.sku, r.sku), "driver": r.driver, "label": driver_label(r.driver),
             "effect_pct": number(r.effect_pct, 1), "source": r.source, "unit": r.unit,
             "explanation": r.explanation} for r in effects.itertuples()] if not effects.empty else []
    summary = []
    for name in sorted({r["driver"] for r in rows}):
        part = effects[effects["driver"] == name]
        weights = part["sku"].map(totals).fillna(0.0)
        mean = float((part["effect_pct"] * weights).sum() / weights.sum()) if weights.sum() > 0 else \
            float(part["effect_pct"].mean())
        summary.append({"driver": name, "label": driver_label(name), "skus_with_effect": int(len(part)),
                        "effect_pct_mean": number(mean, 1), "effect_pct_min": number(part["effect_pct"].min(), 1),
                        "effect_pct_max": number(part["effect_pct"].max(), 1),
                        "explanation": f"+10% {driver_label(name)} ≈ {mean:+.1f}% units (mean over {len(part)} "
                                       f"SKU(s), weighted by forecast units)"})
    value_added = [{"sku": r.sku, "used": bool(r.used), "drivers": r.drivers,
                    "cv_error_drivers": number(r.cv_error_drivers, 3),
                    "cv_error_driver_free": number(r.cv_error_driver_free, 3),
                    "driver_free_model": r.driver_free_model} for r in added.itertuples()] if not added.empty else []
    pools = []
    for v in sorted(int(x) for x in pairs["version"].unique()):
        params = versions.get_version(store, v)["parameters"] or {}
        pools += [p for p in params.get("driver_pools", []) if driver is None or p["driver"] == driver]
    doc = {"planning_date": planning_date.isoformat(), "drivers_in_data": names, "driver": driver,
           "effects": rows, "summary": summary, "value_added": value_added, "pools": pools,
           "skus_using_drivers": sum(1 for r in value_added if r["used"]), "demand_source": source,
           "definition": "effect_pct: % change of forecast units over the forecast months when the driver's "
                         "planned values rise 10%"}
    if not rows:
        doc["note"] = ("no recorded effect" + (f" of {driver_label(driver)}" if driver else "")
                       + " for this scope: the forecasts with drivers did not beat the driver-free ones in "
                         "cross-validation, or the forecast was run before the drivers were loaded")
    return doc
