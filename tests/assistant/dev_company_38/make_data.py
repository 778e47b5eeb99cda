"""Writes the monthly CSV files of dev company 38 (Công ty CP Cao su Phước Long, Phuoc Long Rubber JSC, a
Vietnamese maker of motorcycle, bicycle, passenger-car and light-truck tyres, inner tubes, conveyor belts and
rubber mats, with a bias-tyre and rubber-goods plant at Bến Cát (Bình Dương) and a radial plant at Long Đức
(Đồng Nai), selling in USD to export distributors and Vietnamese dealers).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python3 tests/assistant/dev_company_38/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-09" <= f"{y}-{m:02d}" <= "2026-09"]  # 2024-09 .. 2026-09 (September 2026 = 1-29 Sep)
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-09" <= f"{y}-{m:02d}" <= "2028-02"]
AS_OF = "2026-09-29"
BEN_CAT = "Nhà máy Bến Cát"
LONG_DUC = "Nhà máy Long Đức"

# sku, name, family, price (USD), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # motorcycle tyres (bias, Bến Cát)
    ("MT-8090-SG-TT", "Vantor Street Grip 80/90-17 TT 4PR", "Motorcycle Tyres", 14.2, 10.6, 800, 21, "active",
     9000, "moto"),
    ("MT-8090-SG-TL", "Vantor Street Grip 80/90-17 TL 4PR", "Motorcycle Tyres", 16.8, 12.4, 600, 21, "active",
     6500, "moto"),
    ("MT-7090-SG-TT", "Vantor Street Grip 70/90-17 TT 4PR", "Motorcycle Tyres", 12.5, 9.3, 700, 21, "active",
     8000, "moto"),
    ("MT-250-RR-4", "Rib Runner 2.50-17 4PR TT", "Motorcycle Tyres", 8.9, 6.9, 0, 21, "discontinued", 3000,
     "moto"),
    ("MT-250-RR-6", "Rib Runner 2.50-17 6PR TT", "Motorcycle Tyres", 10.4, 7.9, 500, 21, "active", 5500, "moto"),
    ("MT-275-RR-6", "Rib Runner 2.75-17 6PR TT", "Motorcycle Tyres", 11.6, 8.8, 400, 21, "active", 4200, "moto"),
    ("MT-9090-CC", "Vantor City Cruiser 90/90-14 TL", "Motorcycle Tyres", 15.9, 11.8, 500, 21, "active", 5200,
     "moto"),
    ("MT-10080-CC", "Vantor City Cruiser 100/80-14 TL", "Motorcycle Tyres", 17.4, 13.0, 400, 21, "active", 3900,
     "moto"),
    ("MT-11070-CC", "Vantor City Cruiser 110/70-12 TL", "Motorcycle Tyres", 18.9, 14.1, 300, 21, "new", 2400,
     "moto"),
    ("MT-10080-TP", "Trail Pro 100/80-17 TT 6PR", "Motorcycle Tyres", 19.5, 14.6, 200, 28, "active", 1800,
     "moto"),
    ("MT-300-TP", "Trail Pro 3.00-18 TT 6PR", "Motorcycle Tyres", 17.2, 12.9, 200, 28, "active", 1500, "moto"),
    # inner tubes (Tube Extruder)
    ("IT-225-17", "Inner Tube 2.25/2.50-17 TR4", "Inner Tubes", 2.1, 1.4, 1500, 14, "active", 14000, "moto"),
    ("IT-250-17", "Inner Tube 2.50/2.75-17 TR4", "Inner Tubes", 2.3, 1.55, 1500, 14, "active", 16000, "moto"),
    ("IT-300-18", "Inner Tube 3.00-18 TR4", "Inner Tubes", 2.6, 1.75, 500, 14, "active", 4000, "moto"),
    ("BT-26195-AV", "Bicycle Tube 26x1.95 AV 48mm", "Inner Tubes", 1.4, 0.9, 800, 14, "active", 9000, "bike"),
    ("BT-700-FV48", "Bicycle Tube 700x23/25C FV 48mm", "Inner Tubes", 2.2, 1.45, 400, 14, "active", 5000,
     "bike"),
    ("BT-700-FV60", "Bicycle Tube 700x23/25C FV 60mm", "Inner Tubes", 2.4, 1.6, 300, 14, "active", 3000, "bike"),
    # bicycle tyres (Bias Building Line)
    ("BY-26195-TP", "Vantor Trail Pro 26x1.95 MTB", "Bicycle Tyres", 6.8, 4.7, 400, 21, "active", 4500, "bike"),
    ("BY-26195-CS", "City Slick 26x1.95", "Bicycle Tyres", 5.2, 3.7, 300, 21, "active", 3500, "bike"),
    ("BY-70025-RS", "Vantor Road Speed 700x25C Folding", "Bicycle Tyres", 13.5, 8.9, 300, 21, "active", 3000,
     "bike"),
    ("BY-70028-RS", "Vantor Road Speed 700x28C Folding", "Bicycle Tyres", 13.9, 9.2, 200, 21, "active", 2200,
     "bike"),
    # passenger car tyres (radial, Long Đức)
    ("PC-1856515-ED", "Vantor EcoDrive 185/65R15 88H", "Passenger Car Tyres", 41.0, 30.5, 600, 30, "active", 5200,
     "car"),
    ("PC-1856515-CM", "Vantor ComfortMax 185/65R15 88H", "Passenger Car Tyres", 46.5, 34.4, 400, 30, "active",
     3600, "car"),
    ("PC-2055516-ED", "Vantor EcoDrive 205/55R16 91H", "Passenger Car Tyres", 52.0, 38.6, 500, 30, "active", 4400,
     "car"),
    ("PC-2055516-SL", "Vantor SportLine 205/55R16 91V", "Passenger Car Tyres", 61.0, 44.8, 300, 30, "active",
     2600, "car"),
    ("PC-1756514-ED", "Vantor EcoDrive 175/65R14 82T", "Passenger Car Tyres", 36.0, 27.2, 300, 30, "active", 2800,
     "car"),
    ("PC-2156016-CM", "Vantor ComfortMax 215/60R16 95H", "Passenger Car Tyres", 58.0, 43.0, 250, 30, "active",
     2000, "car"),
    # light truck tyres
    ("LT-195R14C-CP", "Cargo Pro 195R14C 106/104R 8PR", "Light Truck Tyres", 58.0, 43.5, 300, 30, "active", 2400,
     "car"),
    ("LT-195R15C-CP", "Cargo Pro 195R15C 106/104R 8PR", "Light Truck Tyres", 62.0, 46.5, 200, 30, "active", 1700,
     "car"),
    ("LT-700-HL", "Hauler Lug 7.00-16 LT 12PR TT", "Light Truck Tyres", 74.0, 56.0, 150, 30, "active", 1300,
     "flat"),
    ("LT-750-HL", "Hauler Lug 7.50-16 LT 14PR TT", "Light Truck Tyres", 86.0, 65.0, 100, 30, "active", 900,
     "flat"),
    # industrial rubber (rolls, mats, sheets)
    ("CB-EP400-800", "Conveyor Belt EP400/3 800mm x 100m", "Industrial Rubber", 2650.0, 1980.0, 4, 35, "active",
     26, "flat"),
    ("CB-EP400-650", "Conveyor Belt EP400/3 650mm x 100m", "Industrial Rubber", 2180.0, 1630.0, 3, 35, "active",
     18, "flat"),
    ("CB-EP630-1000", "Conveyor Belt EP630/4 1000mm x 100m", "Industrial Rubber", 4390.0, 3260.0, 3, 45, "active",
     14, "flat"),
    ("RM-COW-17", "Cow Mat 1830x1220x17mm", "Industrial Rubber", 38.0, 26.0, 200, 21, "active", 2600, "mat"),
    ("RS-SBR-3", "SBR Rubber Sheet 3mm x 1.4m x 10m", "Industrial Rubber", 96.0, 71.0, 40, 21, "active", 420,
     "flat"),
    # raw materials (sales_history = issues to production and resale of natural rubber, in kg)
    ("RAW-SVR10", "Natural Rubber SVR 10", "Raw Materials", 1.72, 1.58, 60000, 21, "active", 420000, "flat"),
    ("RAW-SVR3L", "Natural Rubber SVR 3L", "Raw Materials", 1.86, 1.71, 20000, 21, "active", 150000, "flat"),
    ("RAW-RSS3", "Natural Rubber RSS3 (Thailand)", "Raw Materials", 2.05, 1.92, 30000, 45, "active", 210000,
     "flat"),
    ("RAW-N330", "Carbon Black N330", "Raw Materials", 1.35, 1.22, 25000, 30, "active", 160000, "flat"),
    ("RAW-N660", "Carbon Black N660", "Raw Materials", 1.18, 1.06, 15000, 30, "active", 90000, "flat"),
    ("RAW-SC-225", "Steel Cord 2+2x0.25 HT", "Raw Materials", 3.4, 3.1, 12000, 60, "active", 65000, "flat"),
]
UOM = {"CB-EP400-800": "rolls", "CB-EP400-650": "rolls", "CB-EP630-1000": "rolls", "RS-SBR-3": "rolls",
       "RM-COW-17": "mats"}
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("MT-8090-SG-TT", "Bias Building Line", 0.020), ("MT-8090-SG-TT", "Curing Press 3", 0.030),
    ("MT-8090-SG-TL", "Curing Press 3", 0.034), ("MT-8090-SG-TL", "Bias Building Line", 0.022),
    ("MT-7090-SG-TT", "Bias Building Line", 0.019), ("MT-250-RR-4", "Bias Building Line", 0.017),
    ("MT-250-RR-6", "Bias Building Line", 0.018), ("MT-275-RR-6", "Bias Building Line", 0.019),
    ("MT-9090-CC", "Curing Press 3", 0.032), ("MT-10080-CC", "Curing Press 3", 0.034),
    ("MT-11070-CC", "Curing Press 3", 0.036), ("MT-10080-TP", "Bias Building Line", 0.024),
    ("MT-300-TP", "Bias Building Line", 0.024),
    ("IT-225-17", "Tube Extruder", 0.004), ("IT-250-17", "Tube Extruder", 0.004), ("IT-300-18", "Tube Extruder",
                                                                                       0.005),
    ("BT-26195-AV", "Tube Extruder", 0.003), ("BT-700-FV48", "Tube Extruder", 0.003),
    ("BT-700-FV60", "Tube Extruder", 0.003),
    ("BY-26195-TP", "Bias Building Line", 0.012), ("BY-26195-CS", "Bias Building Line", 0.011),
    ("BY-70025-RS", "Bias Building Line", 0.016), ("BY-70028-RS", "Bias Building Line", 0.016),
    ("PC-1856515-ED", "Radial Building Line", 0.060), ("PC-1856515-ED", "Curing Press 1", 0.080),
    ("PC-1856515-CM", "Radial Building Line", 0.062), ("PC-2055516-ED", "Radial Building Line", 0.066),
    ("PC-2055516-SL", "Radial Building Line", 0.070), ("PC-1756514-ED", "Radial Building Line", 0.055),
    ("PC-2156016-CM", "Radial Building Line", 0.072),
    ("LT-195R14C-CP", "Curing Press 1", 0.110), ("LT-195R15C-CP", "Curing Press 1", 0.115),
    ("LT-195R14C-CP", "Radial Building Line", 0.080),
    ("LT-700-HL", "Curing Press 2", 0.140), ("LT-750-HL", "Curing Press 2", 0.160),
    ("CB-EP400-800", "Calender Line", 9.0), ("CB-EP400-650", "Calender Line", 7.5),
    ("CB-EP630-1000", "Calender Line", 13.0),
    ("RM-COW-17", "Banbury Mixer", 0.045), ("RS-SBR-3", "Banbury Mixer", 0.20),
    ("RS-SBR-3", "Calender Line", 0.30),
]
# load of the primary routing (required / available): above 1 is overloaded
CAPACITY = {"Banbury Mixer": 0.68, "Calender Line": 1.28, "Tube Extruder": 0.81, "Bias Building Line": 0.96,
            "Radial Building Line": 1.19, "Curing Press 1": 1.08, "Curing Press 2": 0.57, "Curing Press 3": 0.88}
PLANTS = {"Radial Building Line": LONG_DUC, "Curing Press 1": LONG_DUC, "Curing Press 2": LONG_DUC}
SUPPLY = [
    ("BC-2610-014", "MT-8090-SG-TT", "2026-10-12", 6000, "production_order", "firm", ""),
    ("BC-2610-041", "IT-250-17", "2026-10-20", 12000, "production_order", "released", ""),
    ("BC-2610-022", "CB-EP630-1000", "2026-10-28", 8, "production_order", "firm", ""),
    ("BC-2610-030", "BY-70025-RS", "2026-10-06", 1500, "production_order", "firm", ""),
    ("BC-2611-007", "MT-11070-CC", "2026-11-04", 2000, "production_order", "planned", ""),
    ("LD-2610-003", "PC-2055516-SL", "2026-10-25", 1800, "production_order", "firm", ""),
    ("LD-2609-011", "PC-1856515-ED", "2026-09-22", 3000, "production_order", "released", ""),
    ("LD-2611-002", "LT-195R14C-CP", "2026-11-09", 1600, "production_order", "planned", ""),
    ("TF-CL-0110", "PC-2156016-CM", "2026-10-01", 600, "transfer", "released", LONG_DUC),
    ("TH-RSS/26-0917", "RAW-RSS3", "2026-10-14", 100000, "purchase_order", "firm", "Chanthaburi Rubber Co., Ltd."),
    ("ONEU4182375", "RAW-RSS3", "2026-11-03", 120000, "purchase_order", "firm", "Chanthaburi Rubber Co., Ltd."),
    ("26/10/CB-044", "RAW-N330", "2026-10-26", 150000, "purchase_order", "firm", "Siam Carbon Black Co."),
    ("26/10/CB-045", "RAW-N660", "2026-10-29", 60000, "purchase_order", "planned", "Siam Carbon Black Co."),
    ("TCLU7719020", "RAW-SC-225", "2026-10-19", 40000, "purchase_order", "firm", "Kanto Steel Cord Co., Ltd."),
    ("4700021590", "RAW-SVR10", "2026-10-08", 300000, "purchase_order", "firm", "Cao su Lộc Ninh Xanh"),
    ("4700021644", "RAW-SVR3L", "2026-10-22", 120000, "purchase_order", "planned", "Cao su Lộc Ninh Xanh"),
]
CUSTOMERS = ["Bangkok Moto Parts Co., Ltd.", "PT Roda Makmur", "Andes Llantas S.A.", "Nairobi Tyre Hub Ltd",
             "Outback Mining Supplies Pty Ltd", "Đại lý Minh Phát", "Hollandia Dairy Equipment B.V."]
EVENTS = [
    ("Dealer pre-Tết stocking 2025", "2025-01-02", "2025-01-20", "", "Motorcycle Tyres", 20, "promotion"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Dealer pre-Tết stocking 2026", "2026-01-05", "2026-02-10", "", "Motorcycle Tyres", 20, "promotion"),
    ("Vantor rainy-season promo 2026", "2026-06-01", "2026-07-31", "MT-8090-SG-TL", "", 25, "promotion"),
    ("City Cruiser 110/70-12 launch", "2026-05-01", "2026-05-31", "MT-11070-CC", "", 0, "launch"),
    ("Long Đức curing maintenance", "2026-08-10", "2026-08-16", "", "Passenger Car Tyres", -10, "other"),
    ("EU winter housing season 2026", "2026-09-01", "2026-11-30", "RM-COW-17", "", 30, "other"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
]
# opening stock in months of the last three months' average sales
STOCK_COVER = {"MT-8090-SG-TT": 0.3, "PC-2055516-SL": 0.25, "LT-195R14C-CP": 0.3, "CB-EP630-1000": 0.2,
               "IT-250-17": 0.35, "BY-70025-RS": 0.3, "RAW-RSS3": 0.3, "RAW-SC-225": 0.35, "MT-9090-CC": 0.45,
               "PC-1856515-ED": 0.4,
               "MT-250-RR-4": 9.0, "BY-26195-CS": 6.0, "PC-1756514-ED": 5.5, "RAW-N660": 6.5, "LT-750-HL": 5.0,
               "IT-300-18": 5.0, "RM-COW-17": 0.6}
# every other SKU holds about three months: covered next month, not overstocked
STOCK_COVER = {p[0]: STOCK_COVER.get(p[0], 3.0) for p in PRODUCTS}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "moto":  # dealers stock up before Tết and for the rainy season
        return {12: 1.2, 1: 1.3, 2: 0.7, 5: 1.05, 6: 1.15, 7: 1.15, 8: 1.1}.get(month, 1.0)
    if kind == "bike":  # export bicycle season: spring and summer in the northern hemisphere
        return {2: 1.1, 3: 1.25, 4: 1.3, 5: 1.2, 6: 1.1, 10: 0.85, 11: 0.8, 12: 0.75}.get(month, 1.0)
    if kind == "car":  # replacement market: year-end and pre-Tết
        return {11: 1.1, 12: 1.2, 1: 1.1, 2: 0.75, 8: 0.9}.get(month, 1.0)
    if kind == "mat":  # EU winter housing: cow mats ship September to November
        return {9: 1.5, 10: 1.6, 11: 1.3, 12: 0.8, 1: 0.7, 2: 0.7, 6: 0.8, 7: 0.8}.get(month, 1.0)
    return {2: 0.8}.get(month, 1.0)


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.004, pivot=12, noise=0.08,
                             promo=("MT-8090-SG-TL", "2026-06", 1.3))  # the rainy-season promo


def finish() -> None:
    """Plants on the Long Đức resources and their SKUs; units of measure; stock locations by plant."""
    move_to_plants(HERE, ROUTING, PLANTS)
    path = HERE / "products.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    plant_of = {}
    for row in rows:
        if row["sku"].startswith("RAW-"):
            row["uom"] = "kg"
            row["plant"] = BEN_CAT
            row["min_order_qty"] = "20000"
        else:
            row["uom"] = UOM.get(row["sku"], "pcs")
        if row["sku"].startswith("CB-"):
            row["min_order_qty"] = "4"
        plant_of[row["sku"]] = row["plant"] or BEN_CAT
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    path = HERE / "inventory.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for row in rows:
        sku = row["sku"]
        on_hand, allocated = int(row["on_hand"]), int(row["allocated"])
        if sku.startswith("RAW-"):
            out.append({**row, "location": "Kho nguyên liệu Bến Cát"})
        elif sku.startswith(("PC-", "LT-", "MT-8090", "BY-70")):
            # export stock split between the plant and the bonded warehouse at Cát Lái port
            bonded = on_hand // 3
            out.append({**row, "on_hand": on_hand - bonded, "allocated": allocated,
                        "location": "Kho Long Đức" if plant_of[sku] == LONG_DUC else "Kho Bến Cát"})
            out.append({**row, "on_hand": bonded, "allocated": 0, "location": "Kho ngoại quan Cát Lái"})
        else:
            out.append({**row, "location": "Kho Long Đức" if plant_of[sku] == LONG_DUC else "Kho Bến Cát"})
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["sku", "on_hand", "as_of", "location", "allocated"])
        writer.writeheader()
        writer.writerows(out)


def dedupe_budget() -> None:
    """The history and the plan share September 2026: keep one budget row per family and month."""
    path = HERE / "budget.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    seen, out = set(), []
    for row in rows:
        key = (row["period"], row["family"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(out)


def main() -> None:
    write_company(HERE, seed=383838, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BEN_CAT,
                  location="Kho Bến Cát", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="SO-PL-{:05d}")
    finish()
    dedupe_budget()


if __name__ == "__main__":
    main()
