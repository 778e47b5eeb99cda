"""Writes the monthly CSV files of dev company 46 (Calder Vale Bakeries Ltd, a UK industrial bakery at Halifax
making sliced bread, rolls, crumpets, sandwich thins, a gluten-free range, seasonal hot cross buns and mince
pies, own-label lines for supermarket customers, with a second plant in Hải Phòng, Vietnam, making bánh mì
baguettes and sandwich bread for Vietnamese convenience chains; GBP).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_46/make_data.py
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-03" <= f"{y}-{m:02d}" <= "2027-02"]  # 24 complete months before 2027-03-01
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-03" <= f"{y}-{m:02d}" <= "2028-08"]
AS_OF = "2027-02-28"
HALIFAX = "Halifax Bakery"
HAI_PHONG = "Nhà máy Hải Phòng"
UK_STORE = "Halifax Ambient & Frozen Store"
VN_STORE = "Kho thành phẩm Hải Phòng"

# sku, name, family, price (GBP, to the customer), cost, safety stock, lead time, status, base monthly units,
# season
PRODUCTS = [
    # Sliced Bread: the Calder Vale brand, 800g on the Tunnel Oven, 400g on Oven 1
    ("SB-WM800", "White Medium Sliced 800g", "Sliced Bread", 0.98, 0.61, 6000, 2, "active", 64000, "loaf"),
    ("SB-WT800", "White Thick Sliced 800g", "Sliced Bread", 0.98, 0.62, 4000, 2, "active", 41000, "loaf"),
    ("SB-W400", "White Medium Sliced 400g", "Sliced Bread", 0.72, 0.44, 2500, 2, "active", 23000, "loaf"),
    ("SB-WH800", "Wholemeal Medium Sliced 800g", "Sliced Bread", 1.02, 0.64, 4000, 2, "active", 38000, "loaf"),
    ("SB-WH400", "Wholemeal Medium Sliced 400g", "Sliced Bread", 0.76, 0.47, 1500, 2, "active", 12000, "loaf"),
    ("SB-SD800", "Seeded Batch 800g", "Sliced Bread", 1.45, 0.86, 2000, 2, "active", 17500, "loaf"),
    ("SB-SSW800", "Super Seeded Wholemeal 800g", "Sliced Bread", 1.55, 0.93, 1500, 2, "active", 14000, "loaf"),
    ("SB-5050-800", "50/50 Medium Sliced 800g", "Sliced Bread", 1.00, 0.63, 2500, 2, "active", 26000, "loaf"),
    ("SB-5050-400", "50/50 Medium Sliced 400g", "Sliced Bread", 0.74, 0.46, 1000, 2, "active", 9000, "loaf"),
    ("SB-TST800", "Toastie White Extra Thick 800g", "Sliced Bread", 1.05, 0.66, 1500, 2, "active", 15000, "loaf"),
    # Rolls & Baps: Prover A (the brioche is bought in from France)
    ("RB-SWR6", "Soft White Rolls 6 pack", "Rolls & Baps", 0.85, 0.50, 3000, 2, "active", 30000, "rolls"),
    ("RB-SWR12", "Soft White Rolls 12 pack", "Rolls & Baps", 1.45, 0.88, 1500, 2, "active", 14000, "rolls"),
    ("RB-WHR6", "Wholemeal Rolls 6 pack", "Rolls & Baps", 0.90, 0.54, 1500, 2, "active", 13000, "rolls"),
    ("RB-SDR6", "Seeded Rolls 6 pack", "Rolls & Baps", 1.10, 0.66, 1000, 2, "active", 9500, "rolls"),
    ("RB-BRI4", "Brioche Burger Buns 4 pack", "Rolls & Baps", 1.35, 0.98, 2000, 21, "active", 16000, "rolls"),
    ("RB-HDOG6", "Hot Dog Rolls 6 pack", "Rolls & Baps", 0.80, 0.47, 1500, 2, "active", 12500, "rolls"),
    ("RB-FBAP4", "Floured White Baps 4 pack", "Rolls & Baps", 0.75, 0.45, 0, 2, "discontinued", 6000, "rolls"),
    # Crumpets & Muffins: the Crumpet Line
    ("CR-06", "Classic Crumpets 6s", "Crumpets & Muffins", 0.70, 0.36, 3000, 3, "active", 36000, "crumpet"),
    ("CR-12", "Classic Crumpets 12s", "Crumpets & Muffins", 1.20, 0.65, 1500, 3, "active", 15000, "crumpet"),
    ("MF-ENG4", "English Muffins 4 pack", "Crumpets & Muffins", 0.85, 0.48, 1500, 3, "active", 14500, "crumpet"),
    ("MF-WH4", "Wholemeal English Muffins 4 pack", "Crumpets & Muffins", 0.90, 0.51, 800, 3, "active", 6500,
     "crumpet"),
    ("PK-SCOT6", "Scotch Pancakes 6s", "Crumpets & Muffins", 0.80, 0.42, 800, 3, "active", 9000, "pancake"),
    # Sandwich Thins: Prover B
    ("ST-WHT6", "White Sandwich Thins 6 pack", "Sandwich Thins", 1.15, 0.64, 1500, 3, "active", 15500, "thins"),
    ("ST-WHM6", "Wholemeal Sandwich Thins 6 pack", "Sandwich Thins", 1.15, 0.65, 1500, 3, "active", 13000,
     "thins"),
    ("ST-SDD6", "Seeded Sandwich Thins 6 pack", "Sandwich Thins", 1.30, 0.74, 800, 3, "active", 8000, "thins"),
    ("ST-WHT12", "White Sandwich Thins 12s", "Sandwich Thins", 2.05, 1.18, 500, 3, "active", 4500, "thins"),
    # Gluten Free: the segregated Gluten Free Suite (rolls and wraps bought in from Glebe Free-From)
    ("GF-WL400", "Gluten Free White Loaf 400g", "Gluten Free", 2.10, 1.28, 800, 5, "active", 7500, "gf"),
    ("GF-SL400", "Gluten Free Seeded Loaf 400g", "Gluten Free", 2.35, 1.45, 600, 5, "active", 5500, "gf"),
    ("GF-CR4", "Gluten Free Crumpets 4s", "Gluten Free", 1.60, 0.95, 500, 5, "active", 4200, "gf"),
    ("GF-RL4", "Gluten Free White Rolls 4 pack", "Gluten Free", 1.95, 1.40, 600, 28, "active", 4800, "gf"),
    ("GF-WR6", "Gluten Free Wraps 6 pack", "Gluten Free", 2.20, 1.62, 300, 28, "active", 2600, "gf"),
    # Seasonal: Oven 2 (hot cross buns for Easter 28 March 2027, mince pies for Christmas)
    ("2803", "Hot Cross Buns Classic 4 pack", "Seasonal", 0.95, 0.52, 2500, 3, "active", 26000, "hcb"),
    ("HX-CL6", "Hot Cross Buns Classic 6 pack", "Seasonal", 1.30, 0.74, 2000, 3, "active", 21000, "hcb"),
    ("HX-CC4", "Hot Cross Buns Chocolate Chip 4 pack", "Seasonal", 1.10, 0.63, 1000, 3, "active", 9500, "hcb"),
    ("HX-TA4", "Hot Cross Buns Toffee & Apple 4 pack", "Seasonal", 1.15, 0.66, 800, 3, "new", 7000, "hcb"),
    ("HX-MINI12", "Mini Hot Cross Buns 12s", "Seasonal", 1.40, 0.80, 1000, 3, "active", 8500, "hcb"),
    ("2512", "Mince Pies All Butter 6 pack", "Seasonal", 1.60, 0.92, 0, 5, "active", 11000, "mince"),
    ("MP-DF12", "Mince Pies Deep Filled 12s", "Seasonal", 2.80, 1.66, 0, 5, "active", 4000, "mince"),
    # Own Label: packed for supermarket customers on the Bagging Line (crumpets and buns on their own lines)
    ("OL-WM800", "Own Label White Medium 800g", "Own Label", 0.82, 0.58, 5000, 2, "active", 52000, "loaf"),
    ("OL-WH800", "Own Label Wholemeal Medium 800g", "Own Label", 0.86, 0.61, 3000, 2, "active", 30000, "loaf"),
    ("OL-5050-800", "Own Label 50/50 800g", "Own Label", 0.84, 0.60, 2000, 2, "active", 21000, "loaf"),
    ("OL-VAL800", "Own Label Value White Sliced 800g", "Own Label", 0.55, 0.44, 4000, 2, "active", 45000, "loaf"),
    ("OL-CR6", "Own Label Crumpets 6s", "Own Label", 0.55, 0.34, 2500, 3, "active", 28000, "crumpet"),
    ("OL-HCB4", "Own Label Hot Cross Buns 4 pack", "Own Label", 0.75, 0.50, 2000, 3, "active", 24000, "hcb"),
    # Bánh mì: the Hải Phòng plant, for Vietnamese convenience chains (units are pieces or packs)
    ("BM-BAG80", "Bánh mì Baguette 80g", "Bánh mì", 0.16, 0.08, 12000, 1, "active", 260000, "vn"),
    ("BM-BAG5", "Bánh mì Baguette 80g 5 pack", "Bánh mì", 0.70, 0.38, 3000, 1, "active", 42000, "vn"),
    ("BM-MINI10", "Bánh mì Mini 40g 10 pack", "Bánh mì", 0.72, 0.40, 2000, 1, "active", 26000, "vn"),
    ("BM-QUE10", "Bánh mì que Hải Phòng 10 pack", "Bánh mì", 0.55, 0.29, 3000, 1, "active", 48000, "vn"),
    ("HP-SWT400", "Bánh mì sandwich trắng 400g", "Bánh mì", 0.78, 0.45, 2500, 2, "active", 30000, "vn"),
    ("HP-SWL400", "Bánh mì sandwich lúa mạch 400g", "Bánh mì", 0.88, 0.52, 1200, 2, "active", 12000, "vn"),
    ("HP-SWS250", "Bánh mì sandwich sữa 250g", "Bánh mì", 0.62, 0.35, 1500, 2, "new", 16000, "vn"),
]
LAUNCH = {"HX-TA4": "2027-01", "HP-SWS250": "2026-09"}
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("SB-WM800", "Tunnel Oven", 0.0009), ("SB-WT800", "Tunnel Oven", 0.0009), ("SB-WH800", "Tunnel Oven", 0.0010),
    ("SB-SD800", "Tunnel Oven", 0.0011), ("SB-SSW800", "Tunnel Oven", 0.0011),
    ("SB-5050-800", "Tunnel Oven", 0.0009), ("SB-TST800", "Tunnel Oven", 0.0010),
    ("SB-W400", "Oven 1", 0.0012), ("SB-WH400", "Oven 1", 0.0013), ("SB-5050-400", "Oven 1", 0.0012),
    ("SB-WM800", "Oven 1", 0.0016),
    ("RB-SWR6", "Prover A", 0.0011), ("RB-SWR12", "Prover A", 0.0020), ("RB-WHR6", "Prover A", 0.0012),
    ("RB-SDR6", "Prover A", 0.0013), ("RB-HDOG6", "Prover A", 0.0011), ("RB-FBAP4", "Prover A", 0.0009),
    ("RB-SWR6", "Prover B", 0.0013),
    ("ST-WHT6", "Prover B", 0.0016), ("ST-WHM6", "Prover B", 0.0016), ("ST-SDD6", "Prover B", 0.0018),
    ("ST-WHT12", "Prover B", 0.0030), ("ST-WHT6", "Prover A", 0.0019),
    ("CR-06", "Crumpet Line", 0.0010), ("CR-12", "Crumpet Line", 0.0019), ("MF-ENG4", "Crumpet Line", 0.0012),
    ("MF-WH4", "Crumpet Line", 0.0013), ("PK-SCOT6", "Crumpet Line", 0.0011), ("OL-CR6", "Crumpet Line", 0.0010),
    ("GF-WL400", "Gluten Free Suite", 0.0040), ("GF-SL400", "Gluten Free Suite", 0.0045),
    ("GF-CR4", "Gluten Free Suite", 0.0035),
    ("2803", "Oven 2", 0.0014), ("HX-CL6", "Oven 2", 0.0020), ("HX-CC4", "Oven 2", 0.0015),
    ("HX-TA4", "Oven 2", 0.0015), ("HX-MINI12", "Oven 2", 0.0024), ("OL-HCB4", "Oven 2", 0.0014),
    ("2512", "Oven 2", 0.0030), ("MP-DF12", "Oven 2", 0.0055), ("2803", "Oven 1", 0.0018),
    ("OL-WM800", "Bagging Line", 0.0004), ("OL-WH800", "Bagging Line", 0.0004), ("OL-5050-800", "Bagging Line",
                                                                                   0.0004),
    ("OL-VAL800", "Bagging Line", 0.0004), ("OL-WM800", "Tunnel Oven", 0.0009),
    ("BM-BAG80", "Baguette Line", 0.00012), ("BM-BAG5", "Baguette Line", 0.0006),
    ("BM-MINI10", "Baguette Line", 0.0007), ("BM-QUE10", "Baguette Line", 0.0005),
    ("HP-SWT400", "Sandwich Line", 0.0011), ("HP-SWL400", "Sandwich Line", 0.0012),
    ("HP-SWS250", "Sandwich Line", 0.0008),
]
CAPACITY = {"Tunnel Oven": 1.07, "Oven 1": 0.68, "Oven 2": 0.95, "Prover A": 0.93, "Prover B": 0.78,
            "Crumpet Line": 1.02, "Bagging Line": 0.88, "Gluten Free Suite": 0.72, "Baguette Line": 1.12,
            "Sandwich Line": 0.81}
PLANTS = {"Baguette Line": HAI_PHONG, "Sandwich Line": HAI_PHONG}
SUPPLY = [
    ("WO-270304", "HX-CL6", "2027-03-04", 30000, "production_order", "released", ""),
    ("WO-270311", "2803", "2027-03-11", 42000, "production_order", "firm", ""),
    ("WO-270318", "HX-MINI12", "2027-03-18", 14000, "production_order", "planned", ""),
    ("WO-270225", "SB-WM800", "2027-02-25", 40000, "production_order", "released", ""),
    ("CRM-W09-02", "CR-12", "2027-03-03", 12000, "production_order", "firm", ""),
    ("PO#88213", "RB-BRI4", "2027-03-19", 24000, "purchase_order", "firm", "Boulangerie Vendéenne SAS"),
    ("4700021558", "GF-RL4", "2027-03-24", 6000, "purchase_order", "firm", "Glebe Free-From Ltd"),
    ("4700021585", "GF-WR6", "2027-04-07", 3000, "purchase_order", "planned", "Glebe Free-From Ltd"),
    ("TFR-0329", "OL-HCB4", "2027-03-22", 9000, "transfer", "released", "Doncaster Depot"),
    ("LSX-HP-0315", "BM-BAG5", "2027-03-15", 25000, "production_order", "firm", ""),
    ("LSX-HP-0322", "HP-SWT400", "2027-03-22", 18000, "production_order", "planned", ""),
    ("LSX-HP-0226", "BM-QUE10", "2027-02-26", 30000, "production_order", "released", ""),
]
UK_CUSTOMERS = ["Tesco Stores Ltd", "Co-operative Group (Co-op Food)", "Booths Supermarkets", "Ocado Retail",
                "Bidfood UK"]
VN_CUSTOMERS = ["Circle K Việt Nam", "WinCommerce (WinMart+)", "GS25 Vietnam", "FamilyMart Việt Nam"]
EVENTS = [
    ("Easter 2025", "2025-04-18", "2025-04-21", "", "Seasonal", 0, "holiday"),
    ("Tesco Half Price Crumpets", "2026-10-05", "2026-10-18", "CR-06", "", 50, "promotion"),
    ("Shrove Tuesday 2026", "2026-02-17", "2026-02-17", "PK-SCOT6", "", 120, "holiday"),
    ("Easter 2026", "2026-04-03", "2026-04-06", "", "Seasonal", 0, "holiday"),
    ("Mince Pie Season 2026", "2026-10-12", "2026-12-24", "", "Seasonal", 0, "other"),
    ("Christmas 2026", "2026-12-24", "2026-12-28", "", "", 0, "holiday"),
    ("Toffee & Apple HCB launch", "2027-01-11", "2027-01-31", "HX-TA4", "", 0, "launch"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "Bánh mì", 0, "holiday"),
    ("Shrove Tuesday 2027", "2027-02-09", "2027-02-09", "PK-SCOT6", "", 120, "holiday"),
    ("Co-op Easter Bakery Feature", "2027-03-08", "2027-03-28", "OL-HCB4", "", 25, "promotion"),
    ("Easter 2027", "2027-03-26", "2027-03-29", "", "Seasonal", 0, "holiday"),
    ("Early May bank holiday 2027", "2027-05-03", "2027-05-03", "", "Rolls & Baps", 10, "holiday"),
    ("Spring bank holiday 2027", "2027-05-31", "2027-05-31", "", "Rolls & Baps", 10, "holiday"),
]
STOCK_COVER = {"HX-CL6": 0.25, "2803": 0.3, "HX-MINI12": 0.35, "OL-HCB4": 0.3, "SB-WM800": 0.35, "CR-12": 0.3,
               "RB-BRI4": 0.3, "GF-RL4": 0.3, "BM-QUE10": 0.3, "BM-BAG5": 0.4, "HP-SWT400": 0.45,
               "RB-FBAP4": 5.0, "2512": 1.1, "MP-DF12": 1.3, "GF-WR6": 4.5, "PK-SCOT6": 3.0, "SB-WH400": 3.5,
               "HP-SWL400": 3.2}

# hot cross buns by month: Easter 2025 on 20 April, 2026 on 5 April, 2027 on 28 March
HCB = {"2025-03": 2.3, "2025-04": 3.0, "2025-05": 0.3, "2026-01": 0.6, "2026-02": 1.5, "2026-03": 3.0,
       "2026-04": 1.7, "2026-05": 0.3, "2027-01": 0.9, "2027-02": 2.2}
TET = {"2026-02": 0.62, "2027-02": 0.6, "2027-01": 1.15, "2026-01": 1.12}  # Tết 17 Feb 2026, 6 Feb 2027
PANCAKE = {"2025-03": 2.6, "2026-02": 2.5, "2027-02": 2.6}  # Shrove Tuesday: 4 Mar 2025, 17 Feb 2026, 9 Feb 2027


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "loaf":  # sliced loaves: a soft summer, Christmas and January steady
        return {6: 0.95, 7: 0.92, 8: 0.93, 12: 1.04}.get(month, 1.0)
    if kind == "rolls":  # barbecue season and the bank holidays
        return {4: 1.05, 5: 1.2, 6: 1.3, 7: 1.42, 8: 1.35, 9: 1.05, 11: 0.9, 1: 0.85, 2: 0.88}.get(month, 1.0)
    if kind == "crumpet":  # winter teatime; the summer dip
        return {10: 1.15, 11: 1.2, 12: 1.22, 1: 1.25, 2: 1.15, 6: 0.82, 7: 0.76, 8: 0.8}.get(month, 1.0)
    if kind == "pancake":
        return PANCAKE.get(period, {6: 0.85, 7: 0.8}.get(month, 1.0))
    if kind == "thins":  # the January diet bump
        return {1: 1.28, 2: 1.1, 12: 0.88}.get(month, 1.0)
    if kind == "gf":
        return 1.0
    if kind == "hcb":
        return HCB.get(period, 0.22)
    if kind == "mince":  # nothing from February to August
        return {9: 0.25, 10: 0.9, 11: 2.6, 12: 3.4, 1: 0.12}.get(month, 0.0)
    if kind == "vn":  # Vietnamese convenience chains: the Tết stop
        return TET.get(period, 1.0)
    return 1.0


def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    out: dict[str, int] = {}
    trend = 0.018 if kind == "vn" else 0.012 if kind == "gf" else 0.002
    for i, period in enumerate(HISTORY):
        if status == "new" and period < LAUNCH[sku]:
            continue
        level = base * (1 + trend * (i - 12)) * season(kind, period)
        if sku == "CR-06" and period == "2026-10":  # Tesco half-price crumpets
            level *= 1.6
        if sku == "RB-FBAP4" and period >= "2026-09":  # the baps fading out before the delist
            level *= 0.45
        out[period] = max(0, round(level * rng.gauss(1.0, 0.07)))
    return out


def rewrite(name: str, change) -> None:
    path = HERE / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=464646, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=HALIFAX,
                  location=UK_STORE, products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=UK_CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="CV{:05d}")
    move_to_plants(HERE, ROUTING, PLANTS)
    vietnam = {p[0] for p in PRODUCTS if p[2] == "Bánh mì"}
    rng = random.Random(4646)

    def vn_location(row: dict) -> None:
        if row["sku"] in vietnam:
            row["location"] = VN_STORE

    def vn_customer(row: dict) -> None:
        if row["sku"] in vietnam:
            row["customer"] = rng.choice(VN_CUSTOMERS)

    rewrite("inventory.csv", vn_location)
    rewrite("orders.csv", vn_customer)


if __name__ == "__main__":
    main()
