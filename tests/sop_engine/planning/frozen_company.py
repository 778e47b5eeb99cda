"""A fixed-seed company of 48 SKUs that exercises every branch of the planning engine, and the questions
whose full documents ``test_frozen_documents`` freezes byte for byte (run this module to re-freeze).

It has: several inventory locations and as_of dates, allocated stock, past-due and unreferenced supply,
every supply status and kind, overloaded resources with alternatives (spills), a resource-month without a
capacity row, an unrouted SKU, a SKU without a forecast, forecasts without intervals, SKU and family
sales-plan rows, budgets, forecast snapshots at two lags, order lines and a reported metric.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from sop_engine.contract import Company
from sop_engine.plandata import PlanData
from tests.sop_engine.planning.factories import table

PLANNING_DATE = date(2026, 11, 15)
SOURCE = {"kind": "published", "version": 5}
FROZEN = Path(__file__).with_name("frozen_documents.json.gz")


def frozen_company(n: int = 48, seed: int = 20261115) -> tuple[PlanData, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    skus = [f"K{i:03d}" for i in range(n)]
    families = [f"Fam {i % 4}" for i in range(n)]
    level = rng.gamma(2.0, 40.0, n).round(1)
    products = [
        {
            "sku": s,
            "name": f"Item {s}",
            "family": families[i],
            "unit_price": None if i == 5 else round(float(rng.uniform(5, 40)), 2),
            "unit_cost": None if i == 5 else round(float(rng.uniform(2, 4)), 2),
            "safety_stock": float(rng.integers(0, 40)),
            "lead_time_days": None if i % 11 == 3 else float(rng.integers(5, 120)),
            "plant": "P1" if i % 2 else "P2",
            "uom": "cases" if i == 7 else None,
            "min_order_qty": None if i % 5 == 0 else float(rng.integers(0, 150)),
            "status": "new" if i == 9 else "active",
        }
        for i, s in enumerate(skus)
    ]
    hist_months = pd.date_range("2024-11-01", "2026-10-01", freq="MS")
    history = [
        {"sku": s, "period": m, "quantity": float(rng.poisson(level[i] * (1 + 0.2 * np.sin(k / 2))))}
        for i, s in enumerate(skus)
        for k, m in enumerate(hist_months)
    ]
    inventory = []
    for i, s in enumerate(skus):
        for loc in ("W1", "W2") if i % 3 == 0 else ("W1",):
            for as_of, scale in (("2026-10-01", 0.5), ("2026-11-01", 1.0)):
                inventory.append(
                    {
                        "sku": s,
                        "location": loc,
                        "as_of": as_of,
                        "on_hand": float((level[i] * rng.uniform(0, 3) * scale).round()),
                        "allocated": float(rng.integers(0, 10)) if i % 4 == 0 else None,
                    }
                )
    supply = []
    kinds, statuses = ("purchase_order", "production_order", "transfer"), ("planned", "firm", "released")
    for k in range(3 * n):
        i = int(rng.integers(0, n))
        due = pd.Timestamp("2026-09-20") + pd.Timedelta(days=int(rng.integers(0, 300)))
        supply.append(
            {
                "sku": skus[i],
                "due_date": due,
                "quantity": float(rng.integers(10, 300)),
                "kind": kinds[k % 3],
                "status": statuses[(k // 3) % 3],
                "ref": None if k % 13 == 0 else f"PO-{k:03d}",
            }
        )
    cap_months = pd.date_range("2026-03-01", "2027-10-01", freq="MS")
    capacity = [
        {"resource": r, "period": m, "available_hours": float(rng.integers(lo, hi)), "plant": plant}
        for r, lo, hi, plant in (("L1", 150, 260, "P1"), ("L2", 200, 400, "P1"), ("L3", 80, 160, None))
        for m in cap_months
        if not (r == "L3" and m == pd.Timestamp("2027-02-01"))  # a resource-month without a row
    ]
    routing = []
    for i, s in enumerate(skus):
        if i == 11:
            continue  # an unrouted SKU
        routing.append({"sku": s, "resource": ("L1", "L2", "L3")[i % 3], "hours_per_unit": 0.1 + 0.02 * (i % 7)})
        if i % 4 == 1:
            routing.append({"sku": s, "resource": ("L2", "L3", "L1")[i % 3], "hours_per_unit": 0.2})
    sales_plan = [
        {"sku": skus[i], "period": m, "quantity": float((level[i] * rng.uniform(0.7, 1.5)).round())}
        for i in range(0, n, 6)
        for m in cap_months[:16]
    ] + [
        {"family": "Fam 1", "period": m, "quantity": float(rng.integers(300, 900))} for m in cap_months[4:13]
    ]
    budget = [
        {"family": f, "period": m, "revenue": float(rng.integers(4000, 30000))}
        for f in ("Fam 0", "Fam 1", "Fam 2")
        for m in list(hist_months[-6:]) + list(cap_months[:8])
    ]
    snapshots = [
        {
            "sku": s,
            "made_on": m - pd.DateOffset(months=lag) + pd.Timedelta(days=10),
            "period": m,
            "quantity": float((level[i] * rng.uniform(0.6, 1.4)).round(1)),
            "source": "statistical",
        }
        for lag in (1, 2)
        for i, s in enumerate(skus)
        for m in hist_months[-8:]
        if not (lag == 2 and i % 9 == 0)
    ]
    orders = []
    for k in range(6 * n):
        i = int(rng.integers(0, n))
        req = pd.Timestamp("2026-04-01") + pd.Timedelta(days=int(rng.integers(0, 220)))
        qty = float(rng.integers(1, 60))
        orders.append(
            {
                "order_id": f"O{k:04d}",
                "sku": skus[i],
                "order_date": req - pd.Timedelta(days=7),
                "requested_date": req,
                "quantity": qty,
                "shipped_quantity": None if k % 17 == 0 else float(min(qty, rng.integers(0, 65))),
                "ship_date": None if k % 17 == 0 else req + pd.Timedelta(days=int(rng.integers(-4, 6))),
                "customer": f"C{k % 5}",
            }
        )
    kpi_actuals = [
        {"metric": "customer_complaints", "period": m, "value": float(rng.integers(0, 20)), "unit": "count"}
        for m in hist_months[-6:]
    ]
    rows = {
        "products": products,
        "sales_history": history,
        "inventory": inventory,
        "supply": supply,
        "capacity": capacity,
        "routing": routing,
        "sales_plan": sales_plan,
        "budget": budget,
        "forecast_snapshots": snapshots,
        "orders": orders,
        "kpi_actuals": kpi_actuals,
    }
    tables = {name: table(name, r) for name, r in rows.items()}
    data = PlanData(
        planning_date=PLANNING_DATE,
        company=Company(name="Frozen"),
        tables=tables,
        provided=set(tables),
    )
    fut = pd.date_range("2026-11-01", periods=14, freq="MS")
    demand_rows = []
    for i, s in enumerate(skus):
        if i == 13:
            continue  # a SKU without a forecast
        for k, m in enumerate(fut):
            f = float(level[i] * (1 + 0.3 * np.sin((k + i) / 3)))
            sd = 0.25 * f
            demand_rows.append(
                {
                    "sku": s,
                    "period": m,
                    "forecast": f,
                    "lo_80": None if i % 10 == 4 else f - 1.2816 * sd,
                    "hi_80": None if i % 10 == 4 else f + 1.2816 * sd,
                    "lo_95": None if i % 10 in (4, 6) else f - 1.96 * sd,
                    "hi_95": None if i % 10 in (4, 6) else f + 1.96 * sd,
                }
            )
    demand = pd.DataFrame(demand_rows)
    for c in ("lo_80", "hi_80", "lo_95", "hi_95"):
        demand[c] = demand[c].astype(float)
    return data, demand


def questions() -> dict[str, object]:
    """name -> zero-argument callable giving one JSON-able document."""
    from sop_engine.kpi import compute_kpi, kpi_catalog
    from sop_engine.planning import gaps_document, what_if_document
    from sop_engine.planning.reconcile import reconcile_document
    from tests.sop_engine.planning import factories as f

    data, demand = frozen_company()
    small = f.small_company()
    small_demand = f.demand(
        {"A1": [100, 120, 90, 150, 60, 70, 80], "A2": [80, 90, 100, 400, 90, 90, 90], "B1": [80] * 7,
         "B2": [40] * 7},
        sigma=12.0,
    )
    scenario = {
        "demand_changes": [{"family": "Fam 1", "pct": 25}, {"sku": "K004", "pct": -40, "months": ["2027-01"]}],
        "supply_changes": [{"ref": "PO-001", "cancel": True}, {"ref": "PO-002", "delay_days": 45},
                           {"ref": "PO-003", "quantity": 5}],
        "capacity_changes": [{"resource": "L1", "months": ["2026-12", "2027-02"], "available_hours": 20},
                             {"resource": "L3", "months": ["2027-02"], "available_hours": 50}],
    }
    out: dict[str, object] = {
        "gaps all": lambda: gaps_document(data, demand, SOURCE),
        "gaps all 12 no cover": lambda: gaps_document(data, demand, SOURCE, months=12, with_cover_options=False),
        "gaps all months 0": lambda: gaps_document(data, demand, SOURCE, months=0),
        "gaps family": lambda: gaps_document(data, demand, SOURCE, family="Fam 2"),
        "gaps sku period": lambda: gaps_document(data, demand, SOURCE, sku="K001", period="2027-03"),
        "gaps sku no forecast in family": lambda: gaps_document(data, demand, SOURCE, family="Fam 1", months=3),
        "gaps past forecast end": lambda: gaps_document(data, demand, SOURCE, months=16),
        "what-if family": lambda: what_if_document(data, demand, SOURCE, scenario, family="Fam 1"),
        "what-if all with cover": lambda: what_if_document(
            data, demand, SOURCE, scenario, months=4, with_cover_options=True
        ),
        "what-if sku": lambda: what_if_document(data, demand, SOURCE, scenario, sku="K004", months=3),
        "reconcile all": lambda: reconcile_document(data, demand, SOURCE, months=7),
        "reconcile family": lambda: reconcile_document(data, demand, SOURCE, family="Fam 1", with_coherence=False),
        "small gaps": lambda: gaps_document(small, small_demand, f.SOURCE),
        "small gaps sku": lambda: gaps_document(small, small_demand, f.SOURCE, sku="A1", months=3),
        "small what-if": lambda: what_if_document(
            small,
            small_demand,
            f.SOURCE,
            {"supply_changes": [{"ref": "PO-A1", "delay_days": 60}],
             "capacity_changes": [{"resource": "L2", "available_hours": 10}]},
            with_cover_options=True,
        ),
        "small reconcile": lambda: reconcile_document(small, small_demand, f.SOURCE),
    }
    for k in kpi_catalog(data):
        name = k["name"]
        out[f"kpi {name}"] = lambda name=name: compute_kpi(data, name)
        out[f"kpi {name} family lag 2"] = lambda name=name: compute_kpi(data, name, family="Fam 2", lag=2)
        out[f"kpi {name} sku window"] = lambda name=name: compute_kpi(
            data, name, sku="K006", start="2026-03", end="2026-10"
        )
    return out


def answer(fn) -> str:
    """The document as the CLI would print it (``json.dumps``), or the error it raised."""
    from sop_engine.errors import SopError

    try:
        return json.dumps(fn())
    except SopError as exc:
        return json.dumps({"error": type(exc).__name__, "message": str(exc)})


def freeze() -> None:
    docs = {name: answer(fn) for name, fn in questions().items()}
    FROZEN.write_bytes(gzip.compress(json.dumps(docs, indent=0).encode("utf-8"), mtime=0))


def frozen() -> dict[str, str]:
    return json.loads(gzip.decompress(FROZEN.read_bytes()).decode("utf-8"))


if __name__ == "__main__":
    freeze()
