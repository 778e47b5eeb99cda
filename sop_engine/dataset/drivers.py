"""The rules of ``drivers.csv`` beyond its columns, and what its plans leave uncovered.

- A row scopes one SKU (``sku``), one family (``family``) or, with neither, the whole company; both on
  one row is a problem.
- One value per driver, scope, month and kind: a repeated row is a problem naming the first one.
- ``kind`` may be left empty: such a row is an actual in a month before the planning month and a plan
  from it on. An explicit ``actual`` in a month after the planning month is a problem (actuals are
  what happened).
- A driver with history but no plan over the forecast horizon (the planning month and the
  ``horizon_months - 1`` after it) is reported as a warning per driver and scope, with the months
  missing: the SKUs whose forecast uses it get the driver-free forecast in those months.

The planning month is ``company.toml``'s ``planning_date`` when given, else the month after the last
month of ``sales_history.csv``.
"""

from __future__ import annotations

import pandas as pd

from sop_engine.dataset.reader import Problem
from sop_engine.periods import format_period


def planning_month(company_planning_date: str | None, sales: pd.DataFrame | None) -> pd.Timestamp | None:
    if company_planning_date:
        return pd.Timestamp(company_planning_date).to_period("M").to_timestamp()
    if sales is None or sales.empty or sales["period"].isna().all():
        return None
    return (sales["period"].max().to_period("M") + 1).to_timestamp()


def check_drivers(dataset) -> None:
    """Add the problems and warnings of ``drivers.csv`` (if present) to ``dataset``."""
    frame = dataset.frames.get("drivers")
    if frame is None or frame.empty:
        return
    file = "drivers.csv"
    both = frame[_filled(frame["sku"]) & _filled(frame["family"])]
    for line in both["_line"]:
        dataset.problems.append(Problem(file, int(line), "sku/family", "give a sku or a family, not both"))
    current = planning_month(dataset.company.planning_date, dataset.frames.get("sales_history"))
    rows = frame.dropna(subset=["period", "driver"]).copy()
    rows["scope"] = _scope(rows)
    if current is not None:
        late = rows[(rows["kind"] == "actual") & (rows["period"] > current)]
        for line, period in zip(late["_line"], late["period"], strict=True):
            dataset.problems.append(Problem(file, int(line), "kind", f"an actual for {format_period(period)}, "
                                            f"after the planning month {format_period(current)}; use kind plan"))
        rows["kind"] = rows["kind"].where(rows["kind"].notna(),
                                          (rows["period"] < current).map({True: "actual", False: "plan"}))
    else:
        rows["kind"] = rows["kind"].fillna("actual")
    key = ["driver", "scope", "period", "kind"]
    first = rows.groupby(key, sort=False)["_line"].transform("first")
    repeated = rows.duplicated(subset=key, keep="first")
    for line, row_first, row in zip(rows.loc[repeated, "_line"], first[repeated], rows[repeated].itertuples(),
                                    strict=True):
        dataset.problems.append(Problem(
            file, int(line), "driver/period",
            f"duplicate {row.kind} of '{row.driver}' ({row.scope}) for {format_period(row.period)} "
            f"(first on row {int(row_first)})"))
    if current is not None:
        dataset.warnings.extend(missing_plans(rows, current, dataset.company.horizon_months))


def missing_plans(rows: pd.DataFrame, current: pd.Timestamp, horizon: int) -> list[str]:
    """One warning per driver and scope with history but months of the horizon without a plan."""
    horizon_months = pd.date_range(current, periods=horizon, freq="MS")
    out = []
    for (driver, scope), part in rows.groupby(["driver", "scope"], sort=True):
        past = part[part["period"] < current]
        if past.empty:
            continue
        planned = set(part.loc[(part["kind"] == "plan") & (part["period"] >= current), "period"])
        missing = [m for m in horizon_months if m not in planned]
        if not missing:
            continue
        last = format_period(past["period"].max())
        out.append(f"drivers.csv: driver '{driver}' ({scope}) has history to {last} but no plan for "
                   f"{_spans(missing)}: forecasts using it are driver-free in those months")
    return out


def _filled(column: pd.Series) -> pd.Series:
    return column.notna() & (column.astype(str).str.strip() != "")


def _scope(rows: pd.DataFrame) -> pd.Series:
    sku = rows["sku"].where(_filled(rows["sku"]))
    family = rows["family"].where(_filled(rows["family"]))
    return pd.Series([f"sku {s}" if isinstance(s, str) else f"family {f}" if isinstance(f, str) else "company-wide"
                      for s, f in zip(sku, family, strict=True)], index=rows.index)


def _spans(months: list[pd.Timestamp]) -> str:
    """``2026-11..2027-02, 2027-05`` for a sorted list of months."""
    spans: list[list[pd.Timestamp]] = []
    for m in months:
        if spans and (spans[-1][-1].to_period("M") + 1).to_timestamp() == m:
            spans[-1].append(m)
        else:
            spans.append([m])
    return ", ".join(format_period(s[0]) if len(s) == 1 else f"{format_period(s[0])}..{format_period(s[-1])}"
                     for s in spans)
