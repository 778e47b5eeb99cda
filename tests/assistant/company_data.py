"""Writes the monthly CSV files of a test company from its hand-written catalogue.

Shared by the ``dev_company_N/make_data.py`` scripts: each one holds its company's products, routing,
capacity, supply, events and customers, and its own ``monthly_sales``; this module draws the rest (stock,
capacity hours, plans, budget, orders and forecast snapshots) from the seeded random generator it is given.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path

SalesSeries = Callable[[random.Random, str, float, str, str], dict[str, int]]


def sales_series(history: list[str], season: Callable[[str, str], float], *, launch: str, trend: float,
                 pivot: int, noise: float, promo: tuple[str, str, float] | None = None) -> SalesSeries:
    """The ``monthly_sales(rng, sku, base, kind, status)`` of a company.

    A ``new`` product sells from ``launch`` on; the level grows by ``trend`` a month around month ``pivot``
    of ``history``, times ``season(kind, period)``; ``promo`` (sku, period, factor) lifts one month of one
    product; each month is drawn with a relative spread of ``noise``.
    """
    def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for i, period in enumerate(history):
            if status == "new" and period < launch:
                continue
            level = base * (1 + trend * (i - pivot)) * season(kind, period)
            if promo is not None and sku == promo[0] and period == promo[1]:
                level *= promo[2]
            out[period] = max(0, round(level * rng.gauss(1.0, noise)))
        return out

    return monthly_sales


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def write_company(folder: Path, *, seed: int, history: list[str], plan: list[str], as_of: str, plant: str,
                  location: str, products: list[tuple], routing: list[tuple], capacity: dict[str, float],
                  supply: list[tuple], customers: list[str], events: list[tuple], stock_cover: dict[str, float],
                  monthly_sales: SalesSeries,
                  budget_digits: int | None = None, order_ref: str = "SO-{:06d}") -> None:
    """Write the company's CSV files into ``folder``.

    ``location`` is the inventory location, ``budget_digits`` the ``round`` digits of budget revenue
    (``None``: whole units) and ``order_ref`` the format of order ids, given the order number.
    """
    rng = random.Random(seed)
    primary: dict[str, str] = {}
    for sku, resource, _ in routing:
        primary.setdefault(sku, resource)
    write(folder / "products.csv",
          ["sku", "name", "family", "unit_price", "unit_cost", "safety_stock", "lead_time_days", "status",
           "plant", "uom", "min_order_qty"],
          [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], plant if p[0] in primary else "", "units",
            int(max(100, round(p[8] * 0.25, -2)))] for p in products])
    sales = {p[0]: monthly_sales(rng, p[0], p[8], p[9], p[7]) for p in products}
    write(folder / "sales_history.csv", ["sku", "period", "quantity"],
          [[sku, period, qty] for sku, months in sales.items() for period, qty in months.items()])
    recent = {sku: sum(list(m.values())[-3:]) / 3 for sku, m in sales.items()}
    inventory = []
    for p in products:
        on_hand = round(stock_cover.get(p[0], 1.3) * recent[p[0]])
        inventory.append([p[0], on_hand, as_of, location, round(on_hand * 0.04)])
    write(folder / "inventory.csv", ["sku", "on_hand", "as_of", "location", "allocated"], inventory)
    write(folder / "supply.csv", ["ref", "sku", "due_date", "quantity", "kind", "status", "supplier"],
          [list(s) for s in supply])
    required = {res: 0.0 for res in capacity}
    for sku, resource, hours in routing:
        if primary[sku] == resource:
            required[resource] += hours * sum(list(sales[sku].values())[-12:]) / 12
    write(folder / "capacity.csv", ["resource", "period", "available_hours", "plant"],
          [[res, period, round(required[res] / load * (0.8 if period[5:] == "02" else 1.0)), plant]
           for res, load in capacity.items() for period in plan])
    write(folder / "routing.csv", ["sku", "resource", "hours_per_unit"], [list(r) for r in routing])
    families = sorted({p[2] for p in products})
    level = {f: sum(recent[p[0]] for p in products if p[2] == f) for f in families}
    write(folder / "sales_plan.csv", ["period", "family", "quantity", "source", "note"],
          [[period, f, int(round(level[f] * rng.uniform(1.0, 1.1), -2)), "sales", ""]
           for f in families for period in plan[:12]])
    price = {p[0]: p[3] for p in products}
    revenue = {f: sum(recent[p[0]] * price[p[0]] for p in products if p[2] == f) for f in families}
    budget_months = [m for m in history if m >= "2026-01"] + plan[:14]
    write(folder / "budget.csv", ["period", "family", "revenue"],
          [[period, f, int(round(revenue[f] * rng.uniform(0.97, 1.1), budget_digits))]
           for f in families for period in budget_months])
    write(folder / "events.csv", ["name", "start", "end", "sku", "family", "uplift_pct", "kind"],
          [list(e) for e in events])
    orders = []
    n = 0
    for period in history[-5:]:
        for p in products:
            if not sales[p[0]].get(period):
                continue
            for _ in range(2):
                n += 1
                day = rng.randint(2, 18)
                qty = max(1, round(sales[p[0]][period] * rng.uniform(0.05, 0.15)))
                shipped = round(qty * rng.uniform(0.6, 0.95)) if rng.random() < 0.1 else qty
                late = rng.randint(1, 5) if rng.random() < 0.12 else 0
                orders.append([order_ref.format(n), p[0], f"{period}-{day:02d}", f"{period}-{day + 4:02d}", qty,
                               shipped, f"{period}-{day + 4 + late:02d}", rng.choice(customers)])
    write(folder / "orders.csv", ["order_id", "sku", "order_date", "requested_date", "quantity",
                                  "shipped_quantity", "ship_date", "customer"], orders)
    snapshots = []
    for p in products:
        for period in history[-12:]:
            actual = sales[p[0]].get(period)
            if actual is None:
                continue
            y, m = int(period[:4]), int(period[5:])
            for lag in (1, 2, 3):
                index = y * 12 + m - 1 - lag
                made_on = f"{index // 12}-{index % 12 + 1:02d}-01"
                error = rng.gauss(0.05, 0.1 + 0.04 * lag)
                snapshots.append([p[0], made_on, period, max(0, round(actual * (1 + error))), "legacy"])
    write(folder / "forecast_snapshots.csv", ["sku", "made_on", "period", "quantity", "source"], snapshots)


def move_to_plants(folder: Path, routing: list[tuple], plants: dict[str, str]) -> None:
    """Put each resource of ``plants`` (resource -> plant), and the SKUs whose primary resource (their first
    routing row) it is, on that plant: the ``plant`` column of ``capacity.csv`` and ``products.csv``."""
    primary: dict[str, str] = {}
    for sku, resource, _ in routing:
        primary.setdefault(sku, resource)
    for name, key in (("capacity.csv", "resource"), ("products.csv", "sku")):
        path = folder / name
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            resource = row[key] if key == "resource" else primary.get(row[key])
            if resource in plants:
                row["plant"] = plants[resource]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
