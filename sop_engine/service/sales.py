"""``get_sales`` / ``sop sales`` / ``GET /v1/sales``: actual sales per SKU and month beside the forecast made
for that month, with per-month and grand totals.

Rules:
- ``actual`` = ``sales_history`` summed per SKU and month. Months from the first to the last month of the
  company's history are known (a SKU with no row sold 0); months outside it are ``null`` (not yet known).
- ``forecast`` = the lag-1 snapshot of ``forecast_snapshots.csv`` (made in the month before; the latest
  ``made_on`` of that month, a statistical snapshot preferred over a ``legacy`` one); else the stored
  forecast version made before that month (the newest version whose first month — the month it was made
  in — is before the month), statistical figure without overrides; else ``null``. ``forecast_lag`` =
  months from when it was made to the month it forecast.
- ``error_pct`` = (forecast - actual) / actual x 100, 1 decimal; ``null`` when either is missing or actual
  is 0. A positive error is an over-forecast.
- ``totals`` per month and ``total`` over the window sum ``actual`` over the known SKU-months and
  ``forecast`` over those with a forecast; their ``error_pct`` compares the SKU-months that have both.
- Default window: the last 3 complete months before the planning date; ``--from`` alone runs through the
  last complete month, ``--to`` alone is that month. A window reaching into the future is cut at the
  current month; one wholly in the future is an error.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from sop_engine.errors import InvalidArgument
from sop_engine.limits import check_range
from sop_engine.periods import add_months, format_period, month_start, months_from_to, parse_month
from sop_engine.planning.common import to_month, units
from sop_engine.service.lookup import scope_of
from sop_engine.store import PlanStore
from sop_engine.store import forecasts as versions

DEFAULT_MONTHS = 3


def sales_window(planning_date: date, start: str | None = None, end: str | None = None) -> list[date]:
    """The months asked about, cut at the current month: ``start``..``end``; ``start`` alone = from it through
    the last complete month; ``end`` alone = that month; neither = the last 3 complete months."""
    current = month_start(planning_date)
    if start is None and end is None:
        return months_from_to(add_months(current, -DEFAULT_MONTHS), add_months(current, -1))
    first = parse_month(start or end)
    last = parse_month(end) if end else max(first, add_months(current, -1))
    if last < first:
        raise InvalidArgument(f"--to {format_period(last)} is before --from {format_period(first)}")
    check_range(first, last, "from..to")
    if first > current:
        raise InvalidArgument(
            f"{format_period(first)} is in the future: sales are known up to {format_period(current)} "
            f"(planning date {planning_date.isoformat()})"
        )
    return months_from_to(first, min(last, current))


def sales_document(store: PlanStore, planning_date: date, *, sku: str | None = None, family: str | None = None,
                   start: str | None = None, end: str | None = None) -> dict:
    data = store.plan_data(planning_date)
    skus, scope = scope_of(data.products, sku, family)
    months = sales_window(planning_date, start, end)
    periods = pd.DatetimeIndex([pd.Timestamp(m) for m in months])
    grid = pd.MultiIndex.from_product([skus, periods], names=["sku", "period"]).to_frame(index=False)

    history = data.sales_history
    known = (history["period"].min(), history["period"].max()) if not history.empty else (None, None)
    sold = history[history["sku"].astype(str).isin(skus) & history["period"].isin(periods)]
    sold = sold.assign(sku=sold["sku"].astype(str)).groupby(["sku", "period"], as_index=False)["quantity"].sum()
    grid = grid.merge(sold.rename(columns={"quantity": "actual"}), on=["sku", "period"], how="left")
    if known[0] is None:
        grid["actual"] = float("nan")
    else:  # a SKU with no row in a known month sold 0; months outside the history are not known
        inside = (grid["period"] >= known[0]) & (grid["period"] <= known[1])
        grid["actual"] = grid["actual"].fillna(0.0).where(inside)

    grid = _with_forecasts(store, data, grid, skus, periods)
    rows = [_row(r) for r in grid.to_dict("records")]
    labels = [format_period(m) for m in months]
    totals = [_total(p, [r for r in rows if r["period"] == p]) for p in labels]
    notes = _notes(data, known, months, planning_date, rows)
    return {
        "planning_date": planning_date.isoformat(),
        "scope": scope,
        "months": labels,
        "unit": "units",
        "rows": rows,
        "totals": totals,
        "total": {"from": labels[0], "to": labels[-1], **_total(None, rows),
                  "months": sum(t["actual"] is not None for t in totals)},
        "notes": notes,
        "source": "sales_history.csv; forecast_snapshots.csv (lag 1) or stored forecast versions",
        "rule": "forecast = the lag-1 snapshot, else the stored version made before the month; "
                "error_pct = (forecast - actual) / actual x 100",
    }


def _with_forecasts(store: PlanStore, data, grid: pd.DataFrame, skus: list[str],
                    periods: pd.DatetimeIndex) -> pd.DataFrame:
    grid = grid.assign(forecast=float("nan"), forecast_lag=pd.NA, forecast_source=None)
    if data.has("forecast_snapshots"):
        snaps = data.table("forecast_snapshots")
        snaps = snaps[snaps["sku"].astype(str).isin(skus) & snaps["period"].isin(periods)].copy()
        made = to_month(snaps["made_on"])
        lag = (snaps["period"].dt.year - made.dt.year) * 12 + (snaps["period"].dt.month - made.dt.month)
        snaps = snaps[lag == 1].assign(sku=lambda f: f["sku"].astype(str))
        snaps["legacy"] = snaps["source"].fillna("legacy").astype(str).str.casefold().eq("legacy")
        snaps = snaps.sort_values(["legacy", "made_on"], ascending=[False, True], kind="mergesort")
        best = snaps.drop_duplicates(["sku", "period"], keep="last").set_index(["sku", "period"])
        key = pd.MultiIndex.from_frame(grid[["sku", "period"]])
        found = best.reindex(key)
        hit = found["quantity"].notna().to_numpy()
        grid.loc[hit, "forecast"] = found["quantity"].to_numpy()[hit]
        grid.loc[hit, "forecast_lag"] = 1
        grid.loc[hit, "forecast_source"] = ("snapshot " + found["source"].fillna("legacy").astype(str)).to_numpy()[hit]
    missing = grid["forecast"].isna()
    if missing.any():
        made_in = [((v.get("parameters") or {}).get("start"), v) for v in versions.list_versions(store)]
        # the latest made before each month first (the smallest lag), the newest version on a tie
        for made, version in sorted([m for m in made_in if m[0]], key=lambda m: (m[0], m[1]["id"]), reverse=True):
            made_month = pd.Timestamp(parse_month(made))
            want = missing & (grid["period"] > made_month)
            if not want.any():
                continue
            values = versions.version_values(store, version["id"], sorted(set(grid.loc[want, "sku"])))
            if values.empty:
                continue
            found = values.set_index(["sku", "period"])["forecast"]
            found = found[~found.index.duplicated()].reindex(pd.MultiIndex.from_frame(grid[["sku", "period"]]))
            hit = want.to_numpy() & found.notna().to_numpy()
            grid.loc[hit, "forecast"] = found.to_numpy()[hit]
            grid.loc[hit, "forecast_lag"] = [
                (p.year - made_month.year) * 12 + p.month - made_month.month for p in grid.loc[hit, "period"]
            ]
            grid.loc[hit, "forecast_source"] = f"forecast version {version['id']}"
            missing = grid["forecast"].isna()
            if not missing.any():
                break
    return grid


def error_pct(forecast: float | None, actual: float | None) -> float | None:
    if forecast is None or actual is None or actual == 0:
        return None
    return round((forecast - actual) / actual * 100.0, 1) + 0.0


def _row(r: dict) -> dict:
    actual = units(r["actual"]) if r["actual"] is not None and r["actual"] == r["actual"] else None
    forecast = units(r["forecast"]) if r["forecast"] == r["forecast"] else None
    lag = None if forecast is None or r["forecast_lag"] is pd.NA else int(r["forecast_lag"])
    return {"sku": r["sku"], "period": format_period(r["period"]), "actual": actual, "forecast": forecast,
            "forecast_lag": lag, "error_pct": error_pct(forecast, actual),
            "forecast_source": r["forecast_source"] if forecast is not None else None}


def _total(period: str | None, rows: list[dict]) -> dict:
    """Sums of one month (or the window): like with like — ``forecast`` and ``actual_with_forecast`` over the
    SKU-months that have both, ``actual`` over every SKU-month whose sales are known."""
    known = [r for r in rows if r["actual"] is not None]
    both = [r for r in known if r["forecast"] is not None]
    both_actual = sum(r["actual"] for r in both)
    out = {} if period is None else {"period": period}
    out.update({
        "actual": units(sum(r["actual"] for r in known)) if known else None,
        "forecast": units(sum(r["forecast"] for r in both)) if both else None,
        "actual_with_forecast": units(both_actual) if both else None,
        "error_pct": error_pct(sum(r["forecast"] for r in both), both_actual) if both else None,
        "rows": len(rows),
        "rows_with_actual": len(known),
        "rows_with_forecast": len(both),
    })
    return out


def _notes(data, known, months: list[date], planning_date: date, rows: list[dict]) -> list[str]:
    notes = []
    if known[0] is None:
        notes.append("no sales history loaded")
    else:
        after = [format_period(m) for m in months if pd.Timestamp(m) > known[1]]
        if after:
            notes.append(f"sales are recorded up to {format_period(known[1])}: {', '.join(after)} not yet known")
    current = month_start(planning_date)
    if months[-1] == current and any(r["actual"] is not None and r["period"] == format_period(current) for r in rows):
        notes.append(f"{format_period(current)} is the current month: its sales so far")
    if not data.has("forecast_snapshots"):
        notes.append("no forecast_snapshots.csv loaded: forecasts come from stored versions only")
    missing = sum(r["forecast"] is None for r in rows)
    if missing:
        notes.append(f"{missing} of {len(rows)} SKU-months have no forecast made before the month")
    return notes
