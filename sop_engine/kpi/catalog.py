"""The KPI catalogue and the one entry point ``compute_kpi``."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument, NoData
from sop_engine.kpi.accuracy import ACCURACY_KPIS, keyed_history, keyed_snapshots
from sop_engine.kpi.base import DEFAULT_LAG, Kpi, KpiScope, default_window, sku_history
from sop_engine.kpi.operations import OPERATIONS_KPIS, external_kpi
from sop_engine.periods import format_period, month_start, parse_month
from sop_engine.plandata import PlanData
from sop_engine.products import ScopeIndex, resolve_scope

BUILT_IN: dict[str, Kpi] = {k.name: k for k in ACCURACY_KPIS + OPERATIONS_KPIS}


def _reported(data: PlanData | None) -> dict[str, Kpi]:
    if data is None or not data.has("kpi_actuals"):
        return {}
    rows = data.table("kpi_actuals")
    units = rows.groupby("metric")["unit"].first() if "unit" in rows else pd.Series(dtype=object)
    return {
        str(m): external_kpi(str(m), str(units.get(m)) if pd.notna(units.get(m)) else "value")
        for m in rows["metric"].dropna().unique()
        if str(m) not in BUILT_IN
    }


def kpi_catalog(data: PlanData | None = None) -> list[dict]:
    """Every KPI with its formula and unit (built-in ones, then the metrics of kpi_actuals.csv)."""
    return [k.describe() for k in {**BUILT_IN, **_reported(data)}.values()]


def get_kpi(name: str, data: PlanData | None = None) -> Kpi:
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    every = {**BUILT_IN, **_reported(data)}
    found = every.get(key) or every.get(str(name).strip())
    if found is None:
        from rapidfuzz import process

        close = [c for c, _, _ in process.extract(str(name), list(every), limit=3)]
        raise InvalidArgument(
            f"no KPI '{name}'; closest: {', '.join(close)}" if close else f"no KPI '{name}'"
        )
    return found


def _month(value: str | date | None) -> date | None:
    if value is None:
        return None
    return parse_month(value) if isinstance(value, str) else month_start(value)


def prepare_frames(data: PlanData) -> None:
    """Build the keyed frames the KPIs of this version of the data read (the product index, the sales
    history and the forecast snapshots keyed on integer SKU-month codes; ~0.35 s of CPU at 10,000 SKUs), so
    that no KPI question pays for them: the service calls it where it reads a version of the store."""
    scope_index(data)
    sku_history(data)
    keyed_history(data)
    if data.has("forecast_snapshots"):
        keyed_snapshots(data)


def scope_index(data: PlanData) -> ScopeIndex:
    """The products' ``ScopeIndex``, once per version of the data (shared with the planning questions)."""
    return data.derived("scope_index", lambda: ScopeIndex.of(data.products))


def kpi_scope(
    data: PlanData,
    *,
    sku: str | None = None,
    family: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    lag: int | None = None,
    overrides: pd.DataFrame | None = None,
) -> KpiScope:
    """Resolve the scope (UnknownProduct with close matches) and the window (default: the last 6 complete
    months before the planning date; ``start`` alone runs to the last complete month; ``end`` alone 6
    months)."""
    index = scope_index(data)
    skus = resolve_scope(data.products, sku=sku, family=family, index=index)
    d_start, d_end = default_window(data.planning_date)
    s, e = _month(start), _month(end)
    is_default = s is None and e is None
    if s is None and e is not None:
        s = parse_month(format_period(pd.Timestamp(e) - pd.DateOffset(months=5)))
    s, e = s or d_start, e or d_end
    if s > e:
        raise InvalidArgument(f"from {format_period(s)} is after to {format_period(e)}")
    if lag is None:
        lag = DEFAULT_LAG
    if isinstance(lag, bool) or not isinstance(lag, int) or lag < 0:
        raise InvalidArgument(f"lag must be a whole number of months >= 0; got {lag!r}")
    fam = None
    if family:
        products = data.products
        fam = products["family"].to_numpy()[products["sku"].astype(str).to_numpy() == skus[0]][-1]
    code = skus[0] if sku else None
    label = f"sku {code}" if code else f"family {fam}" if fam else f"all products ({len(skus)} SKUs)"
    return KpiScope(
        skus=skus,
        label=label,
        start=s,
        end=e,
        planning_date=data.planning_date,
        lag=lag,
        default_window=is_default,
        overrides=overrides,
        family=fam,
        sku=code,
    )


def compute_kpi(
    data: PlanData,
    name: str,
    *,
    sku: str | None = None,
    family: str | None = None,
    start: str | date | None = None,
    end: str | date | None = None,
    lag: int | None = None,
    overrides: pd.DataFrame | None = None,
) -> dict:
    """One KPI as a JSON-able result: name, value, unit, formula, period, scope, coverage, status,
    message, details, flags. Too little data: value None, status 'insufficient history' (or 'no data')."""
    if data.products.empty:
        raise NoData("no products loaded: load a data folder first")
    kpi = get_kpi(name, data)
    scope = kpi_scope(data, sku=sku, family=family, start=start, end=end, lag=lag, overrides=overrides)
    return kpi.compute(data, scope).to_dict()
