"""Build small PlanData objects and demand frames directly from rows, with the contract's dtypes."""

from __future__ import annotations

from datetime import date

import pandas as pd

from sop_engine.contract import TABLES
from sop_engine.plandata import PlanData, empty_frame

PLANNING_DATE = date(2026, 11, 15)


def table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A contract table from dict rows; missing optional columns are empty, periods become month starts."""
    frame = empty_frame(name)
    if not rows:
        return frame
    given = pd.DataFrame(rows)
    out = pd.DataFrame({c: given[c] if c in given else pd.Series([None] * len(given)) for c in frame.columns})
    for col in TABLES[name].columns:
        if col.kind in ("period", "date"):
            out[col.name] = pd.to_datetime(out[col.name])
            if col.kind == "period":
                out[col.name] = out[col.name].dt.to_period("M").dt.to_timestamp()
        elif col.kind in ("quantity", "signed", "money", "percent", "days"):
            out[col.name] = pd.to_numeric(out[col.name]).astype(float)
        elif col.default is not None:
            out[col.name] = out[col.name].where(out[col.name].notna(), col.default)
    return out


def plan_data(planning_date: date = PLANNING_DATE, **tables: list[dict]) -> PlanData:
    """``plan_data(products=[...], inventory=[...], supply=[...])``: only given tables are 'provided'."""
    frames = {name: table(name, rows) for name, rows in tables.items()}
    return PlanData(planning_date=planning_date, tables=frames, provided={n for n, r in tables.items() if r})


def product(sku: str, family: str = "F1", **extra) -> dict:
    return {"sku": sku, "name": extra.pop("name", f"Product {sku}"), "family": family, **extra}


def demand(rows: dict[str, list[float]], start: str = "2026-11", sigma: float | None = None) -> pd.DataFrame:
    """A demand frame {sku: [month1, month2, ...]} from ``start``; ``sigma`` gives 80/95 intervals."""
    from sop_engine.planning.balance import Z80, Z95

    out = []
    first = pd.Timestamp(start)
    for sku, values in rows.items():
        for k, v in enumerate(values):
            row = {"sku": sku, "period": first + pd.DateOffset(months=k), "forecast": float(v)}
            if sigma is not None:
                row.update(
                    lo_80=v - Z80 * sigma, hi_80=v + Z80 * sigma, lo_95=v - Z95 * sigma, hi_95=v + Z95 * sigma
                )
            out.append(row)
    frame = pd.DataFrame(out)
    for c in ("lo_80", "hi_80", "lo_95", "hi_95"):
        if c not in frame:
            frame[c] = float("nan")
    return frame


SOURCE = {"kind": "published", "version": 3}


def small_company(planning_date: date = PLANNING_DATE) -> PlanData:
    """Two families, four SKUs, one bottleneck line with an alternative, 24 months of history."""
    products = [
        product(
            "A1",
            "Alpha",
            name="Alpha One",
            unit_price=10,
            unit_cost=6,
            safety_stock=20,
            lead_time_days=45,
            min_order_qty=100,
            plant="P1",
        ),
        product(
            "A2",
            "Alpha",
            name="Alpha Two",
            unit_price=8,
            unit_cost=5,
            safety_stock=0,
            lead_time_days=10,
            plant="P1",
        ),
        product("B1", "Beta", name="Beta One", unit_price=20, unit_cost=12, lead_time_days=30, plant="P2"),
        product("B2", "Beta", name="Beta Two", unit_price=15, unit_cost=14, plant="P2"),
    ]
    months = pd.date_range("2024-11-01", "2026-10-01", freq="MS")
    history = [
        {"sku": s, "period": m, "quantity": base + 10 * (k % 3)}
        for s, base in (("A1", 100), ("A2", 50), ("B1", 80), ("B2", 40))
        for k, m in enumerate(months)
    ]
    return plan_data(
        planning_date,
        products=products,
        sales_history=history,
        inventory=[
            {"sku": "A1", "on_hand": 150, "as_of": "2026-11-01", "allocated": 10},
            {"sku": "A2", "on_hand": 500, "as_of": "2026-11-01"},
            {"sku": "B1", "on_hand": 90, "as_of": "2026-11-01"},
            {"sku": "B2", "on_hand": 300, "as_of": "2026-11-01"},
        ],
        supply=[
            {"sku": "A1", "due_date": "2027-02-10", "quantity": 200, "ref": "PO-A1", "status": "planned"},
            {
                "sku": "B1",
                "due_date": "2026-10-20",
                "quantity": 40,
                "ref": "WO-B1-late",
                "kind": "production_order",
            },
        ],
        capacity=[
            {"resource": r, "period": m, "available_hours": h, "plant": p}
            for r, h, p in (("L1", 100, "P1"), ("L2", 60, "P1"))
            for m in pd.date_range("2026-11-01", "2027-05-01", freq="MS")
        ],
        routing=[
            {"sku": "A1", "resource": "L1", "hours_per_unit": 0.5},
            {"sku": "A1", "resource": "L2", "hours_per_unit": 1.0},
            {"sku": "A2", "resource": "L1", "hours_per_unit": 0.5},
            {"sku": "B1", "resource": "L2", "hours_per_unit": 0.25},
        ],
    )
