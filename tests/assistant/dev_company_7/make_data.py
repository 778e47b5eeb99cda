"""Writes the monthly CSV files of dev company 7 (Copper Kettle Brewing & Cider Co., a US brewery and cidery).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_7/make_data.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-09" <= f"{y}-{m:02d}" <= "2026-10"]  # 26 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-14"
PLANT = "Portland brewery"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("LAG-PIL-330", "Harbour Pilsner 330ml Can", "Lager", 2.10, 0.78, 6000, 14, "active", 38000, "summer"),
    ("LAG-PIL-500", "Harbour Pilsner 500ml Bottle", "Lager", 3.20, 1.15, 2500, 14, "active", 14500, "summer"),
    ("LAG-PIL-KEG", "Harbour Pilsner 30L Keg", "Lager", 145.00, 52.00, 60, 14, "active", 420, "summer"),
    ("1859", "1859 Heritage Lager 330ml Can", "Lager", 2.40, 0.86, 2000, 14, "active", 11800, "flat"),
    ("IPA-HZ-330", "Hazy Daze IPA 330ml Can", "IPA", 2.60, 0.95, 5000, 14, "active", 29000, "summer"),
    ("IPA-HZ-500", "Hazy Daze IPA 500ml Bottle", "IPA", 3.70, 1.30, 1500, 14, "active", 8200, "summer"),
    ("IPA-CIT-440", "Citrus Rush IPA 440ml Can", "IPA", 3.10, 1.12, 1800, 14, "active", 9600, "summer"),
    ("IPA-WC-KEG", "West Coast IPA 30L Keg", "IPA", 165.00, 61.00, 40, 14, "active", 260, "flat"),
    ("CID-ORC-500", "Orchard Dry Cider 500ml Bottle", "Cider", 3.40, 1.05, 2200, 21, "active", 12400, "cider"),
    ("CID-ORC-KEG", "Orchard Dry Cider 30L Keg", "Cider", 150.00, 48.00, 30, 21, "active", 190, "cider"),
    ("CID-PER-330", "Pear & Ginger Cider 330ml Can", "Cider", 2.50, 0.88, 1500, 21, "active", 8800, "cider"),
    ("CID-APL-330", "Wild Apple Cider 330ml Can", "Cider", 2.50, 0.84, 2000, 21, "active", 11200, "cider"),
    ("SEL-LIM-330", "Lime Hard Seltzer 330ml Can", "Seltzer", 2.20, 0.62, 3000, 10, "active", 17500, "summer"),
    ("SEL-APL-330", "Apple & Elderflower Seltzer 330ml Can", "Seltzer", 2.30, 0.66, 1200, 10, "new", 6400, "summer"),
    ("SEL-CIT-330", "Citrus Hard Seltzer 330ml Can", "Seltzer", 2.20, 0.62, 2000, 10, "active", 12800, "summer"),
    ("SEL-MIX-12", "Seltzer Mixed 12-Pack", "Seltzer", 21.00, 7.40, 400, 10, "active", 2300, "gift"),
    ("HOPS", "Hops Gift Box", "Merchandise", 34.00, 14.50, 150, 42, "active", 700, "gift"),
    ("MER-TEE-S", "Brewery T-Shirt S", "Merchandise", 22.00, 7.80, 60, 35, "active", 240, "gift"),
    ("MER-TEE-M", "Brewery T-Shirt M", "Merchandise", 22.00, 7.80, 90, 35, "active", 380, "gift"),
    ("MER-TEE-L", "Brewery T-Shirt L", "Merchandise", 22.00, 7.80, 80, 35, "active", 330, "gift"),
    ("MER-GLS-PINT", "Copper Kettle Pint Glass", "Merchandise", 8.50, 2.60, 200, 49, "active", 900, "gift"),
]
ROUTING = [
    ("LAG-PIL-330", "Brewhouse", 0.0006), ("LAG-PIL-500", "Brewhouse", 0.0009),
    ("LAG-PIL-KEG", "Brewhouse", 0.055), ("1859", "Brewhouse", 0.0006),
    ("IPA-HZ-330", "Brewhouse", 0.0007), ("IPA-HZ-500", "Brewhouse", 0.001),
    ("IPA-CIT-440", "Brewhouse", 0.0009), ("IPA-WC-KEG", "Brewhouse", 0.06),
    ("LAG-PIL-330", "Canning Line 1", 0.00035), ("1859", "Canning Line 1", 0.00035),
    ("IPA-HZ-330", "Canning Line 1", 0.00035), ("IPA-HZ-330", "Canning Line 2", 0.0004),
    ("IPA-CIT-440", "Canning Line 2", 0.00042), ("CID-PER-330", "Canning Line 2", 0.00035),
    ("CID-APL-330", "Canning Line 2", 0.00035), ("SEL-LIM-330", "Canning Line 2", 0.00033),
    ("SEL-APL-330", "Canning Line 2", 0.00033), ("SEL-CIT-330", "Canning Line 2", 0.00033),
    ("LAG-PIL-500", "Bottling Line", 0.0005), ("IPA-HZ-500", "Bottling Line", 0.0005),
    ("CID-ORC-500", "Bottling Line", 0.0005),
    ("LAG-PIL-KEG", "Keg Line", 0.02), ("IPA-WC-KEG", "Keg Line", 0.02), ("CID-ORC-KEG", "Keg Line", 0.02),
    ("CID-ORC-500", "Cider Press", 0.0008), ("CID-PER-330", "Cider Press", 0.0006),
    ("CID-APL-330", "Cider Press", 0.0006), ("CID-ORC-KEG", "Cider Press", 0.05),
]
CAPACITY = {"Brewhouse": 0.88, "Canning Line 1": 0.95, "Canning Line 2": 0.8, "Bottling Line": 0.7,
            "Keg Line": 0.55, "Cider Press": 0.9}
SUPPLY = [
    ("4500120033", "MER-GLS-PINT", "2026-12-03", 2500, "purchase_order", "firm", "Cascade Glassworks"),
    ("4500120071", "HOPS", "2027-01-14", 1200, "purchase_order", "planned", "Willamette Gift Co."),
    ("PO/2026/118", "MER-TEE-M", "2026-11-25", 800, "purchase_order", "firm", "Rose City Apparel"),
    ("PO/2026/126", "MER-TEE-L", "2026-12-09", 600, "purchase_order", "released", "Rose City Apparel"),
    ("PO-4471", "SEL-MIX-12", "2026-11-28", 3000, "purchase_order", "firm", "Northwest Packaging"),
    ("PO-4489", "MER-TEE-S", "2026-11-06", 400, "purchase_order", "firm", "Rose City Apparel"),
    ("PO-4502", "CID-ORC-KEG", "2026-12-16", 250, "purchase_order", "firm", "Hood River Orchards"),
    ("WO-30211", "LAG-PIL-330", "2026-11-24", 40000, "production_order", "released", ""),
    ("WO-30218", "IPA-HZ-330", "2026-12-02", 30000, "production_order", "firm", ""),
    ("WO-30224", "CID-APL-330", "2026-12-07", 12000, "production_order", "firm", ""),
    ("WO-30230", "LAG-PIL-500", "2026-12-11", 15000, "production_order", "planned", ""),
    ("WO-30236", "SEL-LIM-330", "2027-01-05", 25000, "production_order", "planned", ""),
    ("TRF-0912", "IPA-HZ-500", "2026-11-20", 5000, "transfer", "released", "Seattle taproom"),
]
CUSTOMERS = ["Fred Meyer", "New Seasons Market", "Total Wine", "Pacific Taphouse Group"]
EVENTS = [
    ("Oktoberfest 2025", "2025-09-15", "2025-10-15", "", "Lager", 20, "promotion"),
    ("Oktoberfest 2026", "2026-09-15", "2026-10-15", "", "Lager", 20, "promotion"),
    ("Summer Haze promo", "2026-06-01", "2026-06-30", "IPA-HZ-330", "", 45, "promotion"),
    ("Holiday gifting 2026", "2026-11-20", "2026-12-24", "", "Merchandise", 30, "holiday"),
    ("Dry January 2027", "2027-01-01", "2027-01-31", "", "Seltzer", 25, "promotion"),
    ("Apple & Elderflower launch", "2026-05-01", "2026-05-31", "SEL-APL-330", "", 0, "launch"),
]
STOCK_COVER = {"IPA-HZ-330": 0.35, "LAG-PIL-500": 0.4, "HOPS": 0.3, "MER-TEE-S": 0.25, "SEL-MIX-12": 0.4,
               "CID-ORC-KEG": 0.45, "CID-PER-330": 5.5, "IPA-WC-KEG": 4.8, "MER-GLS-PINT": 0.5, "1859": 4.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "summer":  # the patio season
        return {5: 1.15, 6: 1.35, 7: 1.45, 8: 1.35, 12: 1.1, 1: 0.75, 2: 0.75}.get(month, 0.95)
    if kind == "cider":  # the harvest, September to November
        return {9: 1.3, 10: 1.4, 11: 1.2, 7: 1.1}.get(month, 0.9)
    if kind == "gift":
        return {11: 1.4, 12: 2.0}.get(month, 0.85)
    return 1.0


def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, period in enumerate(HISTORY):
        if status == "new" and period < "2026-05":
            continue
        level = base * (1 + 0.004 * (i - 13)) * season(kind, period)
        if sku == "IPA-HZ-330" and period == "2026-06":
            level *= 1.6  # the Summer Haze promotion
        out[period] = max(0, round(level * rng.gauss(1.0, 0.09)))
    return out


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    rng = random.Random(7373)
    folder = HERE
    primary: dict[str, str] = {}
    for sku, resource, _ in ROUTING:
        primary.setdefault(sku, resource)
    write(folder / "products.csv",
          ["sku", "name", "family", "unit_price", "unit_cost", "safety_stock", "lead_time_days", "status",
           "plant", "uom", "min_order_qty"],
          [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], PLANT if p[0] in primary else "", "units",
            int(max(100, round(p[8] * 0.25, -2)))] for p in PRODUCTS])
    sales = {p[0]: monthly_sales(rng, p[0], p[8], p[9], p[7]) for p in PRODUCTS}
    write(folder / "sales_history.csv", ["sku", "period", "quantity"],
          [[sku, period, qty] for sku, months in sales.items() for period, qty in months.items()])
    recent = {sku: sum(list(m.values())[-3:]) / 3 for sku, m in sales.items()}
    inventory = []
    for p in PRODUCTS:
        on_hand = round(STOCK_COVER.get(p[0], 1.3) * recent[p[0]])
        inventory.append([p[0], on_hand, AS_OF, "Portland DC", round(on_hand * 0.04)])
    write(folder / "inventory.csv", ["sku", "on_hand", "as_of", "location", "allocated"], inventory)
    write(folder / "supply.csv", ["ref", "sku", "due_date", "quantity", "kind", "status", "supplier"],
          [list(s) for s in SUPPLY])
    required = {res: 0.0 for res in CAPACITY}
    for sku, resource, hours in ROUTING:
        if primary[sku] == resource:
            required[resource] += hours * sum(list(sales[sku].values())[-12:]) / 12
    write(folder / "capacity.csv", ["resource", "period", "available_hours", "plant"],
          [[res, period, round(required[res] / load * (0.8 if period[5:] == "02" else 1.0)), PLANT]
           for res, load in CAPACITY.items() for period in PLAN])
    write(folder / "routing.csv", ["sku", "resource", "hours_per_unit"], [list(r) for r in ROUTING])
    families = sorted({p[2] for p in PRODUCTS})
    level = {f: sum(recent[p[0]] for p in PRODUCTS if p[2] == f) for f in families}
    write(folder / "sales_plan.csv", ["period", "family", "quantity", "source", "note"],
          [[period, f, int(round(level[f] * rng.uniform(1.0, 1.1), -2)), "sales", ""]
           for f in families for period in PLAN[:12]])
    price = {p[0]: p[3] for p in PRODUCTS}
    revenue = {f: sum(recent[p[0]] * price[p[0]] for p in PRODUCTS if p[2] == f) for f in families}
    budget_months = [m for m in HISTORY if m >= "2026-01"] + PLAN[:14]
    write(folder / "budget.csv", ["period", "family", "revenue"],
          [[period, f, int(round(revenue[f] * rng.uniform(0.97, 1.1)))]
           for f in families for period in budget_months])
    write(folder / "events.csv", ["name", "start", "end", "sku", "family", "uplift_pct", "kind"],
          [list(e) for e in EVENTS])
    orders = []
    n = 0
    for period in HISTORY[-5:]:
        for p in PRODUCTS:
            if not sales[p[0]].get(period):
                continue
            for _ in range(2):
                n += 1
                day = rng.randint(2, 18)
                qty = max(1, round(sales[p[0]][period] * rng.uniform(0.05, 0.15)))
                shipped = round(qty * rng.uniform(0.6, 0.95)) if rng.random() < 0.1 else qty
                late = rng.randint(1, 5) if rng.random() < 0.12 else 0
                orders.append([f"SO-{n:06d}", p[0], f"{period}-{day:02d}", f"{period}-{day + 4:02d}", qty, shipped,
                               f"{period}-{day + 4 + late:02d}", rng.choice(CUSTOMERS)])
    write(folder / "orders.csv", ["order_id", "sku", "order_date", "requested_date", "quantity",
                                  "shipped_quantity", "ship_date", "customer"], orders)
    snapshots = []
    for p in PRODUCTS:
        for period in HISTORY[-12:]:
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


if __name__ == "__main__":
    main()
