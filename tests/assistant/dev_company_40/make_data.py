"""Writes the monthly CSV files of dev company 40 (Ardcraig Spirits Ltd, a Speyside whisky and gin distiller with a
Vietnamese distribution subsidiary, Công ty TNHH Ardcraig Việt Nam, GBP).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``); the
monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository root::

    python tests/assistant/dev_company_40/make_data.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent
SEED = 404040
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2026-11"]  # 24 complete months before 2026-12-30
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-12" <= f"{y}-{m:02d}" <= "2028-05"]
AS_OF = "2026-12-29"
DISTILLERY = "Ardcraig Distillery"
PACKAGING = "Livingston Packaging Centre"
BOND = "Bond 7 Keith"
SAIGON = "Kho Tân Thuận"

# sku, name, family, price (GBP), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("ARD-10-70", "Ardcraig 10 Year Old 46% 70cl", "Single Malt", 34.0, 12.5, 1500, 21, "active", 9000, "whisky"),
    ("ARD-12-70", "Ardcraig 12 Year Old 70cl", "Single Malt", 42.0, 15.0, 2000, 21, "active", 14000, "whisky"),
    ("ARD-12-1L", "Ardcraig 12 Year Old 1L", "Single Malt", 55.0, 20.0, 900, 21, "active", 4200, "travel"),
    ("ARD-12-20", "Ardcraig 12 Year Old 20cl", "Single Malt", 16.0, 6.2, 600, 21, "active", 3800, "whisky"),
    ("ARD-18-70", "Ardcraig 18 Year Old 70cl", "Single Malt", 95.0, 38.0, 400, 28, "active", 2200, "whisky"),
    ("ARD-CS571", "Ardcraig Cask Strength 57.1% 70cl", "Single Malt", 62.0, 24.0, 300, 28, "active", 1600,
     "whisky"),
    ("ARD-14-SH70", "Ardcraig 14 Year Old Sherry Cask Finish 70cl", "Cask Finish", 58.0, 22.0, 800, 28, "active",
     5200, "whisky"),
    ("ARD-14-SH1L", "Ardcraig 14 Year Old Sherry Cask Finish 1L", "Cask Finish", 72.0, 28.0, 300, 28, "active",
     1500, "travel"),
    ("ARD-14-PT70", "Ardcraig 14 Year Old Port Cask Finish 70cl", "Cask Finish", 60.0, 23.0, 500, 28, "active",
     2400, "whisky"),
    ("ARD-BB43", "Ardcraig Bourbon Cask Finish 43% 70cl", "Cask Finish", 36.0, 13.0, 700, 21, "active", 4800,
     "whisky"),
    ("ARD-V2012", "Ardcraig 2012 Vintage 70cl", "Rare & Vintage", 120.0, 50.0, 60, 35, "active", 380, "whisky"),
    ("1994", "Ardcraig Single Cask 1994 70cl", "Rare & Vintage", 650.0, 260.0, 0, 42, "active", 25, "flat"),
    ("ARD-V2021P", "Ardcraig Peated 2021 Vintage 70cl", "Rare & Vintage", 48.0, 19.0, 300, 28, "new", 1400,
     "whisky"),
    ("ARD-25-70", "Ardcraig 25 Year Old 70cl", "Rare & Vintage", 420.0, 170.0, 30, 42, "active", 120, "whisky"),
    ("ARD-ED3", "Ardcraig Cask Explorer Edition No. 3 70cl", "Rare & Vintage", 75.0, 30.0, 0, 28, "discontinued",
     900, "fading"),
    ("ARD-ED4", "Ardcraig Cask Explorer Edition No. 4 70cl", "Rare & Vintage", 78.0, 31.0, 200, 28, "new", 1500,
     "whisky"),
    ("KLP-LD70", "Kelpie London Dry Gin 70cl", "Gin", 28.0, 7.5, 2500, 14, "active", 16000, "gin"),
    ("KLP-LD1L", "Kelpie London Dry Gin 1L", "Gin", 36.0, 9.8, 800, 14, "active", 4500, "travel"),
    ("KLP-PK70", "Kelpie Pink Gin 70cl", "Gin", 29.0, 7.9, 2000, 14, "active", 12000, "gin"),
    ("KLP-PK20", "Kelpie Pink Gin 20cl", "Gin", 11.0, 3.2, 600, 14, "active", 3500, "gin"),
    ("KLP-NS57", "Kelpie Navy Strength Gin 57% 70cl", "Gin", 38.0, 11.0, 300, 14, "active", 1800, "gin"),
    ("KLP-GT4", "Kelpie G&T 250ml 4-pack", "Ready to Drink", 8.5, 3.6, 3000, 21, "active", 22000, "rtd"),
    ("KLP-PGT4", "Kelpie Pink G&T 250ml 4-pack", "Ready to Drink", 8.5, 3.7, 2500, 21, "active", 18000, "rtd"),
    ("KLP-GT12", "Kelpie G&T 250ml 12-pack", "Ready to Drink", 24.0, 10.0, 800, 21, "active", 4000, "rtd"),
    ("KLP-GG4", "Kelpie Gin & Ginger 330ml 4-pack", "Ready to Drink", 9.0, 3.9, 1000, 21, "active", 7000, "rtd"),
    ("ARD-12-5CL", "Ardcraig 12 Year Old 5cl", "Gifts & Miniatures", 5.5, 2.1, 2000, 21, "active", 12000, "gift"),
    ("ARD-SH-5CL", "Ardcraig Sherry Cask Finish 5cl", "Gifts & Miniatures", 6.0, 2.3, 1000, 21, "active", 6000,
     "gift"),
    ("KLP-LD5CL", "Kelpie London Dry Gin 5cl", "Gifts & Miniatures", 4.5, 1.4, 1500, 14, "active", 9000, "gift"),
    ("ARD-TRIO", "Ardcraig Discovery Trio 3x5cl Gift Pack", "Gifts & Miniatures", 18.0, 7.0, 800, 21, "active",
     5000, "xmas"),
    ("KLP-GIFT", "Kelpie Gin Gift Pack with Two Copa Glasses", "Gifts & Miniatures", 39.0, 14.0, 600, 21, "active",
     3500, "xmas"),
    ("ARD-18-GB", "Ardcraig 18 Year Old Gift Box with Two Glencairn Glasses", "Gifts & Miniatures", 115.0, 47.0,
     200, 28, "active", 900, "xmas"),
    ("ARD-HOG", "Ardcraig Hogmanay Reserve 70cl", "Gifts & Miniatures", 55.0, 21.0, 0, 28, "active", 1200,
     "hogmanay"),
    ("ARD-LNY", "Ardcraig 12 Year Old Lunar New Year Gift Pack", "Asia Exclusives", 62.0, 22.0, 500, 45, "active",
     2500, "tet"),
    ("ARD-15-SGN", "Ardcraig 15 Year Old Saigon Edition 70cl", "Asia Exclusives", 78.0, 29.0, 200, 45, "active",
     1100, "asia"),
    ("KLP-LOTUS", "Kelpie Lotus Gin 70cl", "Asia Exclusives", 31.0, 8.5, 300, 45, "active", 1600, "asia"),
    ("BLK-NM-IBC", "Ardcraig New Make Spirit 63.5% IBC 1000L", "Spirit & Co-products", 4200.0, 1900.0, 4, 14,
     "active", 18, "flat"),
    ("BLK-NM-HHD", "Ardcraig New Make 63.5% Hogshead Fill", "Spirit & Co-products", 1150.0, 520.0, 10, 14, "active",
     60, "flat"),
    ("BLK-NM-50", "Ardcraig New Make Spirit 63.5% 50cl", "Spirit & Co-products", 25.0, 6.0, 100, 14, "active", 700,
     "flat"),
    ("BLK-HHD20", "Ardcraig 2020 Fill Hogshead", "Spirit & Co-products", 3400.0, 1500.0, 0, 30, "active", 10, "flat"),
    ("BLK-DRAFF", "Draff (Spent Grains) per tonne", "Spirit & Co-products", 35.0, 5.0, 0, 1, "active", 420, "flat"),
    ("BLK-POT", "Pot Ale Syrup per tonne", "Spirit & Co-products", 60.0, 8.0, 0, 1, "active", 180, "flat"),
    ("MAT-BARLEY", "Malted Barley Laureate per tonne", "Materials", 420.0, 420.0, 150, 14, "active", 260, "flat"),
    ("MAT-BBL", "Ex-Bourbon Barrel 200L", "Materials", 120.0, 120.0, 400, 60, "active", 300, "flat"),
    ("MAT-BUTT", "Oloroso Sherry Butt 500L", "Materials", 950.0, 950.0, 40, 120, "active", 25, "flat"),
    ("MAT-GL70", "Flint Glass Bottle 70cl (pallet)", "Materials", 610.0, 610.0, 40, 28, "active", 45, "flat"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("BLK-DRAFF", "Mash Tun", 0.30),
    ("BLK-NM-IBC", "Washback 1", 9.0), ("BLK-NM-IBC", "Washback 3", 9.0),
    ("BLK-NM-HHD", "Washback 2", 2.6), ("BLK-NM-HHD", "Washback 4", 2.6),
    ("BLK-POT", "Wash Still 1", 0.9), ("BLK-POT", "Wash Still 2", 0.9),
    ("BLK-NM-50", "Spirit Still", 0.4),
    ("ARD-ED3", "Hand Bottling Room", 0.02), ("ARD-ED4", "Hand Bottling Room", 0.02),
    ("ARD-V2012", "Hand Bottling Room", 0.03), ("1994", "Hand Bottling Room", 0.10),
    ("ARD-25-70", "Hand Bottling Room", 0.05), ("ARD-V2021P", "Hand Bottling Room", 0.02),
    ("ARD-18-GB", "Hand Bottling Room", 0.008), ("ARD-LNY", "Hand Bottling Room", 0.008),
    ("ARD-TRIO", "Hand Bottling Room", 0.008), ("KLP-GIFT", "Hand Bottling Room", 0.008),
    ("ARD-ED4", "Bottling Line", 0.0025),
    ("ARD-CS571", "Bottling Line", 0.0025), ("ARD-CS571", "Hand Bottling Room", 0.02),
]
for _sku in ("ARD-10-70", "ARD-12-70", "ARD-12-1L", "ARD-12-20", "ARD-18-70", "ARD-14-SH70", "ARD-14-SH1L",
             "ARD-14-PT70", "ARD-BB43", "ARD-HOG", "ARD-15-SGN", "KLP-LD70", "KLP-LD1L", "KLP-PK70", "KLP-PK20",
             "KLP-NS57", "KLP-LOTUS", "ARD-12-5CL", "ARD-SH-5CL", "KLP-LD5CL"):
    ROUTING.append((_sku, "Bottling Line", 0.0012 if _sku.endswith("5CL") else 0.0025))
for _sku in ("KLP-GT4", "KLP-PGT4", "KLP-GT12", "KLP-GG4"):
    ROUTING.append((_sku, "Canning Line", 0.004 if _sku != "KLP-GT12" else 0.011))
# resource: (plant, load against the last 12 months' primary hours, or fixed hours for alternates only)
RESOURCES = {
    "Mash Tun": (DISTILLERY, 0.72), "Washback 1": (DISTILLERY, 0.97), "Washback 2": (DISTILLERY, 0.93),
    "Washback 3": (DISTILLERY, 480), "Washback 4": (DISTILLERY, 480), "Wash Still 1": (DISTILLERY, 1.18),
    "Wash Still 2": (DISTILLERY, 420), "Spirit Still": (DISTILLERY, 1.02),
    "Hand Bottling Room": (DISTILLERY, 0.55), "Bottling Line": (PACKAGING, 0.94),
    "Canning Line": (PACKAGING, 1.30),
}
SUPPLY = [
    ("BR-2612-08", "ARD-14-SH70", "2026-12-18", 4000, "production_order", "released", ""),
    ("BR-2701-04", "ARD-12-70", "2027-01-14", 12000, "production_order", "firm", ""),
    ("BR-2701-06", "KLP-LD70", "2027-01-11", 15000, "production_order", "firm", ""),
    ("BR-2701-09", "ARD-ED4", "2027-01-27", 1200, "production_order", "planned", ""),
    ("BR-2702-02", "ARD-18-70", "2027-02-05", 3000, "production_order", "planned", ""),
    ("WO 60231", "KLP-PGT4", "2027-01-08", 9000, "production_order", "released", ""),
    ("WO 60232", "KLP-GT4", "2027-01-15", 10000, "production_order", "firm", ""),
    ("GRG/SGN/26-117", "ARD-15-SGN", "2026-12-20", 900, "transfer", "released", BOND),
    ("GRG/SGN/26-118", "ARD-LNY", "2027-01-18", 1500, "transfer", "firm", BOND),
    ("AWB 176-44102853", "KLP-LOTUS", "2027-01-06", 600, "transfer", "released", BOND),
    ("PO 26-0981", "KLP-GIFT", "2026-12-22", 400, "purchase_order", "firm", "Clyde Gift Co."),
    ("MML-77812/A", "MAT-BARLEY", "2027-01-07", 300, "purchase_order", "firm", "Moray Maltings Ltd"),
    ("MML-77812/B", "MAT-BARLEY", "2027-02-04", 300, "purchase_order", "planned", "Moray Maltings Ltd"),
    ("4700018812", "MAT-GL70", "2027-01-25", 60, "purchase_order", "firm", "Forth Valley Glass"),
    ("JRZ-0094/26", "MAT-BUTT", "2027-02-15", 120, "purchase_order", "firm", "Tonelería del Sur"),
    ("BOL-KY-451902", "MAT-BBL", "2027-01-29", 800, "purchase_order", "firm", "Bluegrass Cooperage Co."),
]
CUSTOMERS = ["Albion Supermarkets plc", "Skyport Duty Free", "Highland Fine Wines", "Caledonia Wholesale",
             "Saigon Premium Spirits JSC", "Hanoi Fine Drinks Co."]
EVENTS = [
    ("Christmas & Hogmanay 2025", "2025-12-01", "2025-12-31", "", "", 0, "holiday"),
    ("Burns Night 2026", "2026-01-25", "2026-01-25", "", "Single Malt", 5, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "Asia Exclusives", 0, "holiday"),
    ("Kelpie Pink summer promo 2026", "2026-06-01", "2026-07-31", "KLP-PGT4", "", 25, "promotion"),
    ("Peated 2021 Vintage launch", "2026-09-01", "2026-09-30", "ARD-V2021P", "", 0, "launch"),
    ("Edition No. 4 launch", "2026-10-01", "2026-10-31", "ARD-ED4", "", 0, "launch"),
    ("Christmas & Hogmanay 2026", "2026-12-01", "2026-12-31", "", "", 0, "holiday"),
    ("Tết gifting 2027", "2026-12-01", "2027-02-05", "ARD-LNY", "", 50, "promotion"),
    ("Burns Night 2027", "2027-01-25", "2027-01-25", "", "Single Malt", 5, "holiday"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "Asia Exclusives", 0, "holiday"),
]
# months of the last 3 months' average held on 2026-12-29 (default 5.0)
STOCK_COVER = {
    "ARD-12-70": 0.9, "ARD-LNY": 0.35, "KLP-PGT4": 0.5, "ARD-ED4": 0.4, "ARD-14-SH70": 0.8, "ARD-15-SGN": 0.5,
    "KLP-LOTUS": 0.6, "MAT-GL70": 0.6, "KLP-LD70": 1.1, "KLP-GIFT": 0.5, "ARD-12-5CL": 1.0, "BLK-NM-IBC": 1.0,
    "ARD-ED3": 40.0, "ARD-HOG": 10.0, "ARD-TRIO": 3.5, "ARD-18-GB": 4.0, "ARD-18-70": 4.0, "KLP-NS57": 14.0,
    "ARD-14-SH1L": 11.0, "MAT-BUTT": 16.0, "ARD-V2012": 15.0,
    "BLK-HHD20": 20.0, "KLP-GG4": 9.0,
}
SAIGON_SKUS = {"ARD-LNY", "ARD-15-SGN", "KLP-LOTUS"}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "whisky":  # Christmas and Hogmanay, Father's Day, the quiet January
        return {11: 1.35, 12: 1.6, 1: 0.7, 2: 0.8, 6: 1.1}.get(month, 1.0)
    if kind == "travel":  # airport shops: summer holidays and Christmas
        return {7: 1.25, 8: 1.25, 12: 1.2, 1: 0.8}.get(month, 1.0)
    if kind == "gin":  # summer and Christmas, Dry January
        return {5: 1.2, 6: 1.25, 7: 1.3, 8: 1.25, 12: 1.4, 1: 0.6}.get(month, 1.0)
    if kind == "rtd":  # cans: summer
        return {4: 1.1, 5: 1.4, 6: 1.6, 7: 1.7, 8: 1.5, 12: 1.1, 1: 0.5, 2: 0.6}.get(month, 1.0)
    if kind == "gift":
        return {11: 1.6, 12: 2.0, 1: 0.6}.get(month, 1.0)
    if kind == "xmas":  # gift packs: November and December
        return {10: 0.9, 11: 2.2, 12: 3.0}.get(month, 0.5)
    if kind == "hogmanay":
        return {11: 1.5, 12: 4.0}.get(month, 0.15)
    if kind == "tet":  # the Lunar New Year gift pack: December and January in Vietnam
        return {12: 2.5, 1: 3.0, 2: 0.6}.get(month, 0.3)
    if kind == "asia":
        return {12: 1.2, 1: 1.4, 2: 0.8}.get(month, 1.0)
    return 1.0


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    launch = {"ARD-V2021P": "2026-09", "ARD-ED4": "2026-10"}.get(sku)
    out: dict[str, int] = {}
    for i, period in enumerate(HISTORY):
        if launch and period < launch:
            continue
        level = base * (1 + 0.004 * (i - 12)) * season(kind, period)
        if kind == "fading":  # Edition No. 3: sold out at the trade, last orders in September 2026
            level = base * max(0.0, 1.0 - i / 21)
        if sku == "KLP-PGT4" and period in ("2026-06", "2026-07"):
            level *= 1.25
        out[period] = max(0, round(level * rng.gauss(1.0, 0.08)))
    return out


def main() -> None:
    rng = random.Random(SEED)
    primary: dict[str, str] = {}
    for sku, resource, _ in ROUTING:
        primary.setdefault(sku, resource)
    write(HERE / "products.csv",
          ["sku", "name", "family", "unit_price", "unit_cost", "safety_stock", "lead_time_days", "status", "plant",
           "uom", "min_order_qty"],
          [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7],
            RESOURCES[primary[p[0]]][0] if p[0] in primary else "",
            "tonnes" if "tonne" in p[1] else ("packs" if "pack" in p[1].lower() else "units"),
            int(max(1, round(p[8] * 0.25, -2 if p[8] >= 400 else 0)))] for p in PRODUCTS])
    sales = {p[0]: monthly_sales(rng, p[0], p[8], p[9], p[7]) for p in PRODUCTS}
    write(HERE / "sales_history.csv", ["sku", "period", "quantity"],
          [[sku, period, qty] for sku, months in sales.items() for period, qty in months.items()])
    recent = {sku: sum(list(m.values())[-3:]) / 3 for sku, m in sales.items()}
    inventory = []
    for p in PRODUCTS:
        on_hand = round(STOCK_COVER.get(p[0], 5.0) * max(recent[p[0]], 0.4 * p[8]))
        if p[0] in SAIGON_SKUS:
            inventory.append([p[0], on_hand, AS_OF, SAIGON, round(on_hand * 0.1)])
        elif p[0] == "ARD-12-70":  # part of the 12 Year Old is held in Saigon for the subsidiary
            inventory.append([p[0], round(on_hand * 0.8), AS_OF, BOND, round(on_hand * 0.03)])
            inventory.append([p[0], round(on_hand * 0.2), AS_OF, SAIGON, 0])
        else:
            inventory.append([p[0], on_hand, AS_OF, BOND, round(on_hand * 0.04)])
    write(HERE / "inventory.csv", ["sku", "on_hand", "as_of", "location", "allocated"], inventory)
    write(HERE / "supply.csv", ["ref", "sku", "due_date", "quantity", "kind", "status", "supplier"],
          [list(s) for s in SUPPLY])
    required = {res: 0.0 for res in RESOURCES}
    for sku, resource, hours in ROUTING:
        if primary[sku] == resource:
            required[resource] += hours * sum(list(sales[sku].values())[-12:]) / 12
    rows = []
    for res, (plant, load) in RESOURCES.items():
        for period in PLAN:
            hours = load if load > 10 else required[res] / load
            month = int(period[5:])
            if month == 12:  # the Christmas and New Year shutdown
                hours *= 0.75
            if month in (7, 8) and plant == DISTILLERY and res != "Hand Bottling Room":  # the silent season
                hours *= 0.5
            rows.append([res, period, round(hours, 1), plant])
    write(HERE / "capacity.csv", ["resource", "period", "available_hours", "plant"], rows)
    write(HERE / "routing.csv", ["sku", "resource", "hours_per_unit"], [list(r) for r in ROUTING])
    families = sorted({p[2] for p in PRODUCTS if p[2] != "Materials"})
    level = {f: sum(sum(list(sales[p[0]].values())[-12:]) / 12 for p in PRODUCTS if p[2] == f) for f in families}
    plan_rows = []
    for f in families:
        for period in PLAN[:12]:
            lift = 1.25 if (f == "Asia Exclusives" and period[5:] == "01") else rng.uniform(1.0, 1.12)
            plan_rows.append([period, f, int(round(level[f] * lift, -1)), "sales", ""])
    write(HERE / "sales_plan.csv", ["period", "family", "quantity", "source", "note"], plan_rows)
    price = {p[0]: p[3] for p in PRODUCTS}
    revenue = {f: sum(sum(list(sales[p[0]].values())[-12:]) / 12 * price[p[0]] for p in PRODUCTS if p[2] == f)
               for f in families}
    budget_months = [m for m in HISTORY if m >= "2026-01"] + PLAN[:13]
    write(HERE / "budget.csv", ["period", "family", "revenue"],
          [[period, f, int(round(revenue[f] * rng.uniform(0.97, 1.12), -2))] for f in families
           for period in budget_months])
    write(HERE / "events.csv", ["name", "start", "end", "sku", "family", "uplift_pct", "kind"],
          [list(e) for e in EVENTS])
    orders = []
    n = 0
    for period in HISTORY[-6:]:
        for p in PRODUCTS:
            if p[2] == "Materials" or not sales[p[0]].get(period):
                continue
            for _ in range(2):
                n += 1
                day = rng.randint(2, 20)
                qty = max(1, round(sales[p[0]][period] * rng.uniform(0.05, 0.15)))
                shipped = round(qty * rng.uniform(0.6, 0.95)) if rng.random() < 0.1 else qty
                late = rng.randint(1, 5) if rng.random() < 0.12 else 0
                customer = rng.choice(CUSTOMERS[4:] if p[2] == "Asia Exclusives" else CUSTOMERS)
                orders.append([f"SO-{40000 + n}", p[0], f"{period}-{day:02d}", f"{period}-{day + 4:02d}", qty,
                               shipped, f"{period}-{day + 4 + late:02d}", customer])
    write(HERE / "orders.csv", ["order_id", "sku", "order_date", "requested_date", "quantity", "shipped_quantity",
                                "ship_date", "customer"], orders)
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
                error = rng.gauss(0.04, 0.1 + 0.04 * lag)
                snapshots.append([p[0], made_on, period, max(0, round(actual * (1 + error))), "legacy"])
    write(HERE / "forecast_snapshots.csv", ["sku", "made_on", "period", "quantity", "source"], snapshots)


if __name__ == "__main__":
    main()
