"""Forecasting use cases: run (a draft version), show, diff, publish, override, and the demand the
planning engine works from."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.periods import add_months, format_period, month_start, parse_month
from sop_engine.products import resolve_scope
from sop_engine.service import plan_cache
from sop_engine.service.documents import number, records
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions
from sop_engine.store.plan_store import FORECASTS

Progress = Callable[[int, int, str], None]


def run_forecast(
    store: PlanStore, planning_date: date, *, principal: str, sku: str | None = None, family: str | None = None,
    horizon: int | None = None, history_until: str | date | None = None, exclude: Sequence[str | date] = (),
    use_events: bool = True, note: str | None = None, progress: Progress | None = None, use_drivers: bool = True,
    scenario: str | dict | None = None, engine: str = "local", address: str | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> dict:
    """Forecast a scope from its history and store the result as a new draft version.

    The forecast starts at the current period (the month holding the planning date); history is
    taken from complete months only (up to the month before, or ``history_until``). ``engine`` and
    ``address``: where the models run (``sop_engine.forecast.backends``); ``should_stop()`` is asked
    before each chunk of SKUs and raises ``Cancelled`` when true.
    """
    from sop_engine.forecast import ForecastSettings, forecast  # statsforecast loads only when forecasting
    from sop_engine.forecast.backends import open_backend

    plan = store.plan_data(planning_date)
    products = plan.products
    skus = resolve_scope(products, sku, family)
    if horizon is None:
        horizon = plan.company.horizon_months
    if not 1 <= int(horizon) <= 60:
        raise InvalidArgument(f"--horizon must be 1..60 months (got {horizon})")
    current = month_start(planning_date)
    last_complete = add_months(current, -1)
    until = month_start(parse_month(history_until) if isinstance(history_until, str) else history_until) \
        if history_until else last_complete
    if until > last_complete:
        raise InvalidArgument(
            f"--history-until {format_period(until)} is not a complete month before the planning date "
            f"{planning_date.isoformat()}"
        )
    excluded = tuple(parse_month(e) if isinstance(e, str) else month_start(e) for e in exclude)
    history = plan.sales_history
    history = history[history["sku"].isin(skus) & (history["period"] <= pd.Timestamp(until))]
    history = history[["sku", "period", "quantity"]]
    settings = ForecastSettings(horizon=int(horizon), history_until=until, exclude=excluded)
    families = products.set_index("sku")["family"]
    events = plan.table("events") if use_events and plan.has("events") else None
    with open_backend(engine, address, should_stop) as backend:
        result = forecast(history, settings, start=current, families=families.loc[skus], events=events,
                          progress=progress, backend=backend)
    driven = with_drivers(plan, result, history, settings, skus, current, families, events, progress) \
        if use_drivers else None
    if driven is not None:
        result.values, result.skus = driven.values, driven.skus
    values, info = _without_history(result.values, result.skus, skus, current, int(horizon))
    values, info = _discontinued_to_zero(values, info, products)
    scope = {"kind": "sku" if sku else "family" if family else "all",
             "value": skus[0] if sku else family, "skus": len(skus)}
    parameters = {"horizon": int(horizon), "start": format_period(current), "history_until": format_period(until),
                  "exclude": [format_period(e) for e in excluded], "events": bool(events is not None),
                  "method": settings.method}
    if driven is not None:
        parameters["drivers"] = sorted({n for names in driven.value_added["drivers"] for n in names})
        parameters["driver_pools"] = driven.pools
    base_values = values
    if scenario:
        from sop_engine.drivers.whatif import scenario_forecast

        values, parameters["scenario"] = scenario_forecast(plan, values, driven, scenario)
    version_id = versions.create_version(store, values, info, scope=scope, parameters=parameters, note=note,
                                         principal=principal, drivers=driven)
    models = info["model"].value_counts().to_dict()
    doc = {"version": version_id, "status": "draft", "scope": scope, "parameters": parameters,
           "skus": len(skus), "models": models, "note": note,
           "next_step": f"review with `sop forecast show {version_id}`, publish with `sop forecast publish "
                        f"{version_id}`"}
    if driven is not None:
        added = driven.value_added
        doc["driver_value_added"] = {"skus_with_drivers": int(len(added)),
                                     "skus_using_drivers": int(added["used"].sum()),
                                     "effects": int(len(driven.effects))}
    if scenario:
        from sop_engine.drivers.whatif import side_by_side

        doc["scenario"] = parameters["scenario"]
        doc["comparison"] = side_by_side(base_values, values)
        doc["next_step"] = (f"a scenario draft: compare with `sop forecast show {version_id}`; it cannot be "
                            "published")
    return doc


def with_drivers(plan, result, history, settings, skus, current, families, events, progress):
    """The forecast with demand drivers where they beat the driver-free one (``forecast.drivers``), or None
    when the company gave no drivers (no drivers.csv, no price column)."""
    prices = "price" in plan.sales_history.columns and plan.sales_history["price"].notna().any()
    if not plan.has("drivers") and not prices:
        return None
    from sop_engine.drivers import driver_values
    from sop_engine.forecast.drivers import forecast_with_drivers

    values = driver_values(plan.table("drivers"), plan.sales_history, plan.products, pd.Timestamp(current))
    values = values[values["sku"].isin(skus)]
    if values.empty:
        return None
    return forecast_with_drivers(result, history, values, settings, start=current, families=families.loc[skus],
                                 events=events, progress=progress)


def _without_history(values: pd.DataFrame, info: pd.DataFrame, skus: list[str], start: date, horizon: int):
    """SKUs with no sales at all get a stated zero forecast rather than silently no row."""
    missing = [s for s in skus if s not in set(info["sku"])]
    if not missing:
        return values, info
    months = pd.to_datetime([add_months(start, i) for i in range(horizon)])
    zeros = pd.DataFrame([(s, m) for s in missing for m in months], columns=["sku", "period"]).assign(
        forecast=0.0, lo_80=0.0, hi_80=0.0, lo_95=0.0, hi_95=0.0, model="NoHistory")
    notes = pd.DataFrame({"sku": missing, "model": "NoHistory", "cv_error": None, "candidates": [{}] * len(missing),
                          "demand_class": "no_history",
                          "note": "no sales history: forecast 0; add a planner override or a sales plan"})
    return (pd.concat([values, zeros[values.columns]], ignore_index=True),
            pd.concat([info, notes.reindex(columns=info.columns)], ignore_index=True))


def _discontinued_to_zero(values: pd.DataFrame, info: pd.DataFrame, products: pd.DataFrame):
    """Discontinued products get no future demand; the note says so."""
    gone = set(products.loc[products["status"].eq("discontinued"), "sku"])
    if not gone:
        return values, info
    values = values.copy()
    info = info.copy()
    mask = values["sku"].isin(gone)
    values.loc[mask, ["forecast", "lo_80", "hi_80", "lo_95", "hi_95"]] = 0.0
    values.loc[mask, "model"] = "Discontinued"
    info_mask = info["sku"].isin(gone)
    info.loc[info_mask, "model"] = "Discontinued"
    info.loc[info_mask, "note"] = "discontinued product: forecast set to 0"
    return values, info


def show_forecast(store: PlanStore, planning_date: date, ref: str | int = "published", *, sku: str | None = None,
                  family: str | None = None) -> dict:
    """One version (or the published forecast) as ``{"version", "status", "rows", "skus"}``."""
    products = store.read_table("products")
    skus = resolve_scope(products, sku, family) if (sku or family) else None
    if str(ref).lower() == "published":
        values = versions.published_values(store, skus)
        if values.empty:
            raise NoData("no published forecast" + (" for this scope" if skus else "")
                         + ": publish a version with `sop forecast publish VERSION`")
        info = versions.published_info(store, skus)
        header = {"version": "published", "status": "published",
                  "versions": sorted(int(v) for v in values["version"].unique())}
    else:
        version = versions.get_version(store, ref)
        values = versions.version_values(store, version["id"], skus)
        if values.empty:
            raise NoData(f"forecast version {version['id']} does not cover this scope")
        info = versions.version_info(store, version["id"], skus)
        header = {"version": version["id"], "status": version["status"], "created_at": version["created_at"],
                  "created_by": version["created_by"], "note": version["note"], "scope": version["scope"]}
    merged = versions.with_overrides(values, versions.active_overrides(store, skus))
    columns = ["sku", "period", "forecast", "lo_80", "hi_80", "lo_95", "hi_95", "model", "override",
               "override_reason", "final"] + (["version"] if "version" in merged.columns else [])
    merged = merged[columns].astype({"override_reason": object})
    merged["override_reason"] = merged["override_reason"].where(merged["override_reason"].notna(), None)
    sku_docs = [{"sku": r["sku"], "model": r["model"], "cv_error": number(r["cv_error"], 3),
                 "candidates": {k: number(v, 3) for k, v in (r["candidates"] or {}).items()},
                 "demand_class": r["demand_class"], "note": r["note"]} for r in info.to_dict("records")]
    _with_driver_records(store, sku_docs, values, header)
    return {**header, "planning_date": planning_date.isoformat(), "unit": "units",
            "rows": records(merged), "skus": sku_docs}


def _with_driver_records(store: PlanStore, sku_docs: list[dict], values: pd.DataFrame, header: dict) -> None:
    """Add each SKU's ``driver_value_added`` (both CV errors) and ``driver_effects`` where it has them."""
    ids = sorted(int(v) for v in values["version"].unique()) if "version" in values.columns else [header["version"]]
    added, effects = versions.driver_records(store, ids, [d["sku"] for d in sku_docs])
    if added.empty:
        return
    by_added = {r["sku"]: r for r in added.to_dict("records")}
    by_effect: dict[str, list] = {}
    for r in effects.to_dict("records"):
        by_effect.setdefault(r["sku"], []).append({"driver": r["driver"], "effect_pct": number(r["effect_pct"], 2),
                                                  "source": r["source"], "explanation": r["explanation"]})
    for doc in sku_docs:
        rec = by_added.get(doc["sku"])
        if rec is None:
            continue
        doc["driver_value_added"] = {"drivers": rec["drivers"], "used": bool(rec["used"]),
                                     "cv_error_drivers": number(rec["cv_error_drivers"], 3),
                                     "cv_error_driver_free": number(rec["cv_error_driver_free"], 3),
                                     "driver_free_model": rec["driver_free_model"]}
        doc["driver_effects"] = by_effect.get(doc["sku"], [])


def diff_versions(store: PlanStore, a: str | int, b: str | int, threshold_pct: float = 0.0) -> dict:
    """Which SKUs moved between two versions, over the months both cover, biggest change first."""
    va, vb = versions.get_version(store, a), versions.get_version(store, b)
    left = versions.version_values(store, va["id"])[["sku", "period", "forecast"]]
    right = versions.version_values(store, vb["id"])[["sku", "period", "forecast"]]
    both = left.merge(right, on=["sku", "period"], suffixes=("_a", "_b"))
    if both.empty:
        raise NoData(f"versions {va['id']} and {vb['id']} share no SKU and month")
    totals = both.groupby("sku", as_index=False)[["forecast_a", "forecast_b"]].sum()
    totals["change"] = totals["forecast_b"] - totals["forecast_a"]
    totals["change_pct"] = (totals["change"] / totals["forecast_a"].where(totals["forecast_a"] != 0)) * 100
    totals = totals.reindex(totals["change"].abs().sort_values(ascending=False).index)
    moved = totals[totals["change_pct"].abs().fillna(100.0) >= threshold_pct]
    months = sorted({format_period(p) for p in both["period"]})
    return {"a": va["id"], "b": vb["id"], "months": months, "threshold_pct": threshold_pct,
            "total_a": number(both["forecast_a"].sum()), "total_b": number(both["forecast_b"].sum()),
            "skus": [{"sku": r["sku"], "total_a": number(r["forecast_a"]), "total_b": number(r["forecast_b"]),
                      "change": number(r["change"]), "change_pct": number(r["change_pct"])}
                     for r in moved.to_dict("records") if round(r["change"], 6) != 0],
            "unchanged": int((totals["change"].round(6) == 0).sum())}


def publish_forecast(store: PlanStore, ref: str | int, principal: str) -> dict:
    return versions.publish(store, ref, principal)


def override_forecast(store: PlanStore, planning_date: date, sku: str, period: str, quantity: float, reason: str,
                      principal: str) -> dict:
    products = store.read_table("products")
    code = resolve_scope(products, sku=sku)[0]
    month = parse_month(period)
    if month < month_start(planning_date):
        raise InvalidArgument(f"{format_period(month)} is in the past (planning date {planning_date.isoformat()})")
    return versions.add_override(store, code, month, quantity, reason, principal)


def planning_demand(store: PlanStore, skus: list[str] | None = None, *, copy: bool = True
                    ) -> tuple[pd.DataFrame, dict]:
    """The demand the planning engine works from, and where it came from.

    The published forecast with overrides where a SKU has one; for SKUs never published, the latest
    draft that covers them. ``forecast`` holds the final figure (override or statistical). Kept until the
    forecasts change (a data load leaves it); after a publish, only the SKUs it changed are read again
    (``plan_cache.published_values``). ``copy=False``: the kept frame itself, for readers that only read.
    """
    key = ("planning_demand", tuple(skus) if skus is not None else None)
    demand, source = store.cached(key, lambda: _planning_demand(store, skus), FORECASTS)
    return (demand.copy() if copy else demand), dict(source)


def _planning_demand(store: PlanStore, skus: list[str] | None) -> tuple[pd.DataFrame, dict]:
    published = versions.published_values(store, skus) if skus is not None else plan_cache.published_values(store)
    all_versions = [v for v in versions.list_versions(store) if not v.get("scenario")]  # a what-if never plans
    if published.empty and not all_versions:
        raise NoData("no forecast yet: run `sop forecast run --all` (and publish it) first")
    frames, source_versions = [], []
    if not published.empty:
        frames.append(published.drop(columns=["version_id"], errors="ignore"))
        source_versions += sorted(int(v) for v in published["version"].unique())
    covered = set(published["sku"]) if not published.empty else set()
    missing = None if skus is None else [s for s in skus if s not in covered]
    kind = "published"
    newest = all_versions[-1] if all_versions else None
    newest_live = newest is not None and newest["published_skus"] == newest["skus"]  # nothing of it is draft-only
    if newest is not None and not newest_live and (missing is None or missing):
        latest = newest["id"]
        draft = (versions.version_values(store, latest, missing) if missing is not None else  # a version's
                 store.cached(("version_values", latest),  # values never change: kept until another company
                              lambda: versions.version_values(store, latest), ("company",)))
        draft = draft[~draft["sku"].isin(covered)].assign(version=latest).drop(columns=["version_id"])
        if not draft.empty:
            frames.append(draft)
            source_versions.append(latest)
            kind = "draft" if published.empty else "published+draft"
    if not frames:
        raise NoData("no forecast covers these SKUs: run `sop forecast run` for them")
    demand = pd.concat(frames, ignore_index=True)
    demand = versions.with_overrides(demand, versions.active_overrides(store, skus))
    n_overrides = int(demand["override"].notna().sum())
    demand["forecast"] = demand["final"]
    source = {"kind": kind, "version": source_versions[0] if len(source_versions) == 1 else source_versions,
              "overrides": n_overrides}
    return demand, source
