"""Writes the monthly CSV files of dev company 44 (Kestrel Charge, Inc., a US consumer-electronics accessories
brand: VoltLink charging cables, ChargeCube wall chargers, PowerPod power banks, phone cases by model, TuneBuds
earbuds and car and desk accessories; its own assembly plant in Bắc Ninh, Vietnam (cables, cases, pack-out) and a
contract manufacturer in Shenzhen (chargers, power banks, earbuds); stock in its Riverside, California DC; USD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_44/make_data.py
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-02" <= f"{y}-{m:02d}" <= "2027-01"]  # 24 complete months before 2027-02-15
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-02" <= f"{y}-{m:02d}" <= "2028-07"]
AS_OF = "2027-02-14"
BAC_NINH = "Bắc Ninh Plant"
SHENZHEN = "Shenzhen CM"
HUAXIN = "Huaxin Precision (Shenzhen) Co."
QIWEI = "Dongguan Qiwei Tech"

# sku, name, family, price (USD), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("VL-CC1-BK", "VoltLink USB-C to USB-C 1m Black", "Cables", 12.99, 3.10, 3000, 21, "active", 22000, "accessory"),
    ("VL-CC1-WH", "VoltLink USB-C to USB-C 1m White", "Cables", 12.99, 3.10, 2500, 21, "active", 18000, "accessory"),
    ("VL-CC2-BK", "VoltLink USB-C to USB-C 2m Black", "Cables", 15.99, 3.80, 2000, 21, "active", 14000, "accessory"),
    ("VL-CC2-WH", "VoltLink USB-C to USB-C 2m White", "Cables", 15.99, 3.80, 1500, 21, "active", 11000, "accessory"),
    ("VL-CC3-BK", "VoltLink USB-C to USB-C 3m Black", "Cables", 18.99, 4.60, 600, 21, "active", 4200, "accessory"),
    ("VL-CC1-3PK", "VoltLink USB-C to USB-C 1m 3-Pack", "Cables", 27.99, 8.90, 800, 21, "active", 5200, "accessory"),
    ("VL-240-2B", "VoltLink 240W USB-C to USB-C 2m Braided", "Cables", 24.99, 6.40, 700, 28, "active", 4800,
     "accessory"),
    ("VL-CL1-WH", "VoltLink USB-C to Lightning 1m White", "Cables", 14.99, 4.20, 1500, 28, "active", 9500,
     "accessory"),
    ("VL-CL2-WH", "VoltLink USB-C to Lightning 2m White", "Cables", 17.99, 4.90, 600, 28, "active", 4000,
     "accessory"),
    ("1203", "VoltLink USB-A to USB-C 1m Black", "Cables", 9.99, 2.40, 800, 21, "active", 6500, "flat"),
    ("CC-20W-WH", "ChargeCube 20W White", "Wall Chargers", 17.99, 5.20, 1500, 45, "active", 9000, "accessory"),
    ("CC-30W-BK", "ChargeCube 30W Black", "Wall Chargers", 24.99, 7.10, 1000, 45, "active", 6500, "accessory"),
    ("CC-30W-WH", "ChargeCube 30W White", "Wall Chargers", 24.99, 7.10, 1200, 45, "active", 7800, "accessory"),
    ("CC-65G", "ChargeCube 65W GaN", "Wall Chargers", 44.99, 14.80, 1500, 45, "active", 8800, "accessory"),
    ("CC-65G-UK", "ChargeCube 65W GaN UK Plug", "Wall Chargers", 44.99, 15.20, 300, 45, "active", 1900,
     "accessory"),
    ("CC-65GD", "ChargeCube 65W GaN Duo", "Wall Chargers", 54.99, 17.90, 600, 45, "active", 4100, "accessory"),
    ("CC-100G3", "ChargeCube 100W GaN 3-Port", "Wall Chargers", 69.99, 23.50, 500, 45, "active", 3200,
     "accessory"),
    ("CC-140G", "ChargeCube 140W GaN", "Wall Chargers", 89.99, 31.00, 300, 45, "new", 1800, "accessory"),
    ("2030", "ChargeCube 12W USB-A", "Wall Chargers", 9.99, 3.30, 0, 45, "discontinued", 2500, "fading"),
    ("PP-10K-BK", "PowerPod 10000mAh Black", "Power Banks", 34.99, 12.40, 1500, 50, "active", 9000, "gift"),
    ("PP-10K-WH", "PowerPod 10000mAh White", "Power Banks", 34.99, 12.40, 1000, 50, "active", 6000, "gift"),
    ("PP-10K-MS", "PowerPod 10000mAh MagSnap", "Power Banks", 49.99, 17.60, 800, 50, "active", 5200, "gift"),
    ("PP-20K-65", "PowerPod 20000mAh 65W", "Power Banks", 69.99, 25.80, 500, 50, "active", 3100, "gift"),
    ("PP-5K-MINI", "PowerPod Mini 5000mAh", "Power Banks", 24.99, 8.30, 600, 50, "active", 4400, "gift"),
    ("PP-MAX25", "PowerPod Max 25000mAh 100W", "Power Banks", 99.99, 39.00, 200, 50, "active", 1300, "gift"),
    ("CS-S25", "Case for Galaxy S25", "Phone Cases", 19.99, 2.60, 0, 14, "discontinued", 7000, "case"),
    ("CS-S25P", "Case for Galaxy S25+", "Phone Cases", 19.99, 2.70, 300, 14, "active", 4200, "case"),
    ("CS-S25U", "Case for Galaxy S25 Ultra", "Phone Cases", 24.99, 2.90, 500, 14, "active", 6800, "case"),
    ("CS-S26", "Case for Galaxy S26", "Phone Cases", 19.99, 2.60, 800, 14, "active", 7500, "case"),
    ("CS-S26P", "Case for Galaxy S26+", "Phone Cases", 19.99, 2.70, 500, 14, "active", 4600, "case"),
    ("CS-S26U", "Case for Galaxy S26 Ultra", "Phone Cases", 24.99, 2.90, 900, 14, "active", 8200, "case"),
    ("CS-S27U", "Case for Galaxy S27 Ultra", "Phone Cases", 26.99, 3.10, 1000, 14, "new", 9000, "case"),
    ("CS-IP17", "Case for iPhone 17", "Phone Cases", 24.99, 2.80, 900, 14, "active", 8600, "case"),
    ("CS-IP17P", "Case for iPhone 17 Pro", "Phone Cases", 29.99, 3.00, 900, 14, "active", 9400, "case"),
    ("CS-IP17PM", "Case for iPhone 17 Pro Max", "Phone Cases", 29.99, 3.20, 700, 14, "active", 7200, "case"),
    ("CS-IP18P", "Case for iPhone 18 Pro", "Phone Cases", 29.99, 3.10, 1000, 14, "active", 10500, "case"),
    ("TB-LITE-BK", "TuneBuds Lite Black", "Earbuds", 39.99, 13.50, 800, 50, "active", 5200, "gift"),
    ("TB-LITE-WH", "TuneBuds Lite White", "Earbuds", 39.99, 13.50, 700, 50, "active", 4600, "gift"),
    ("TB-PRO-BK", "TuneBuds Pro Black", "Earbuds", 89.99, 31.00, 500, 50, "active", 3300, "gift"),
    ("TB-PRO-WH", "TuneBuds Pro White", "Earbuds", 89.99, 31.00, 500, 50, "active", 3600, "gift"),
    ("TB-ULT-ANC", "TuneBuds Ultra ANC", "Earbuds", 149.99, 52.00, 300, 50, "new", 2200, "gift"),
    ("2026", "TuneBuds Sport", "Earbuds", 49.99, 17.00, 200, 50, "active", 1800, "fading"),
    ("TB-TIPS-3", "TuneBuds Ear Tips 3-Pack", "Earbuds", 9.99, 1.10, 400, 21, "active", 2600, "flat"),
    ("CD-CAR45", "DriveCube 45W Car Charger", "Car & Desk", 22.99, 6.90, 400, 60, "active", 3000, "accessory"),
    ("CD-QP15", "QiPad 15W Wireless Pad", "Car & Desk", 29.99, 8.80, 400, 60, "active", 3400, "gift"),
    ("CD-QS15", "QiPad 15W Wireless Stand", "Car & Desk", 39.99, 11.90, 300, 60, "active", 2100, "gift"),
    ("CD-MSMOUNT", "MagSnap Car Vent Mount", "Car & Desk", 19.99, 4.10, 300, 60, "active", 2800, "accessory"),
    ("CD-HUB7", "HubCube 7-in-1 USB-C Hub", "Car & Desk", 49.99, 16.50, 200, 60, "active", 1500, "flat"),
]
# first sale month of products launched inside the history (phone cases follow the phones' launches)
LAUNCH = {"CS-S26": "2026-02", "CS-S26P": "2026-02", "CS-S26U": "2026-02", "CS-S27U": "2027-01",
          "CS-IP17": "2025-09", "CS-IP17P": "2025-09", "CS-IP17PM": "2025-09", "CS-IP18P": "2026-09",
          "CC-140G": "2026-10", "TB-ULT-ANC": "2026-11"}
CASE_START = {"CS-S25": "2025-02", "CS-S25P": "2025-02", "CS-S25U": "2025-02"}
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("VL-CC1-BK", "Cable Line 1", 0.010), ("VL-CC1-BK", "Cable Line 2", 0.012),
    ("VL-CC1-WH", "Cable Line 1", 0.010), ("VL-CC1-WH", "Cable Line 2", 0.012),
    ("VL-CC2-BK", "Cable Line 1", 0.012), ("VL-CC2-WH", "Cable Line 1", 0.012),
    ("VL-CC3-BK", "Cable Line 2", 0.016), ("VL-240-2B", "Cable Line 2", 0.030),
    ("VL-CC1-3PK", "Pack-out Line", 0.008), ("VL-CC1-3PK", "Cable Line 1", 0.030),
    ("VL-CL1-WH", "Overmold Press", 0.006), ("VL-CL1-WH", "Cable Line 1", 0.010),
    ("VL-CL2-WH", "Overmold Press", 0.007), ("1203", "Overmold Press", 0.005), ("1203", "Cable Line 2", 0.009),
    ("CS-S25", "Injection Molding Cell", 0.004), ("CS-S25P", "Injection Molding Cell", 0.004),
    ("CS-S25U", "Injection Molding Cell", 0.005), ("CS-S26", "Injection Molding Cell", 0.004),
    ("CS-S26P", "Injection Molding Cell", 0.004), ("CS-S26U", "Injection Molding Cell", 0.005),
    ("CS-S27U", "Injection Molding Cell", 0.005), ("CS-S27U", "Print Cell", 0.002),
    ("CS-IP17", "Print Cell", 0.003), ("CS-IP17P", "Print Cell", 0.003), ("CS-IP17PM", "Print Cell", 0.003),
    ("CS-IP18P", "Print Cell", 0.003), ("CS-IP18P", "Injection Molding Cell", 0.005),
    ("TB-TIPS-3", "Pack-out Line", 0.004),
    ("CC-20W-WH", "SMT Line", 0.006), ("CC-30W-BK", "SMT Line", 0.007), ("CC-30W-WH", "SMT Line", 0.007),
    ("CC-65G", "SMT Line", 0.012), ("CC-65G-UK", "SMT Line", 0.012), ("CC-65GD", "SMT Line", 0.014),
    ("CC-100G3", "SMT Line", 0.016), ("CC-140G", "SMT Line", 0.018), ("2030", "SMT Line", 0.004),
    ("PP-10K-BK", "Burn-in Rack", 0.020), ("PP-10K-WH", "Burn-in Rack", 0.020),
    ("PP-10K-MS", "Burn-in Rack", 0.022), ("PP-20K-65", "Burn-in Rack", 0.030),
    ("PP-5K-MINI", "Burn-in Rack", 0.015), ("PP-MAX25", "Burn-in Rack", 0.040),
    ("TB-LITE-BK", "RF Test Bay", 0.008), ("TB-LITE-WH", "RF Test Bay", 0.008),
    ("TB-PRO-BK", "RF Test Bay", 0.012), ("TB-PRO-WH", "RF Test Bay", 0.012),
    ("TB-ULT-ANC", "RF Test Bay", 0.015), ("2026", "RF Test Bay", 0.008),
]
CAPACITY = {"Cable Line 1": 1.08, "Cable Line 2": 0.72, "Overmold Press": 0.93, "Injection Molding Cell": 1.12,
            "Print Cell": 0.61, "Pack-out Line": 0.86, "SMT Line": 1.17, "Burn-in Rack": 0.94,
            "RF Test Bay": 0.79}
PLANTS = {"SMT Line": SHENZHEN, "Burn-in Rack": SHENZHEN, "RF Test Bay": SHENZHEN}
SUPPLY = [
    ("WO-BN-0209", "VL-CL1-WH", "2027-02-09", 6000, "production_order", "released", ""),
    ("WO-BN-0228", "VL-CC1-BK", "2027-02-28", 15000, "production_order", "released", ""),
    ("WO-BN-0305", "VL-CC2-WH", "2027-03-05", 8000, "production_order", "firm", ""),
    ("WO-BN-0312", "CS-S27U", "2027-03-12", 12000, "production_order", "firm", ""),
    ("WO-BN-0326", "CS-S26U", "2027-03-26", 6000, "production_order", "planned", ""),
    ("TR-BN-RIV-0301", "CS-IP18P", "2027-03-01", 9000, "transfer", "released", BAC_NINH),
    ("PO-SZ-2702-07", "CC-65G", "2027-02-26", 9000, "purchase_order", "firm", HUAXIN),
    ("PO-SZ-2702-11", "PP-10K-BK", "2027-03-05", 8000, "purchase_order", "firm", HUAXIN),
    ("PO-SZ-2703-04", "TB-PRO-WH", "2027-03-24", 3000, "purchase_order", "planned", HUAXIN),
    ("4700031125", "CC-100G3", "2027-03-18", 2500, "purchase_order", "firm", HUAXIN),
    ("OOLU8834521", "PP-20K-65", "2027-02-22", 4000, "purchase_order", "firm", HUAXIN),
    ("180-44721036", "TB-ULT-ANC", "2027-02-19", 1500, "purchase_order", "released", HUAXIN),
    ("PO-270305", "CD-QP15", "2027-03-12", 3000, "purchase_order", "firm", QIWEI),
]
CUSTOMERS = ["Northway Electronics", "CellHub Wireless", "Amazon US Vendor Central", "Campus Tech Co-op",
             "Kestrel DTC webstore"]
EVENTS = [
    ("Tết / Chinese New Year 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Galaxy S26 launch", "2026-02-25", "2026-03-31", "", "Phone Cases", 30, "launch"),
    ("Prime Day 2026", "2026-07-14", "2026-07-15", "", "Cables", 40, "promotion"),
    ("Back to School 2026", "2026-08-01", "2026-08-31", "", "Power Banks", 15, "promotion"),
    ("iPhone 18 launch", "2026-09-18", "2026-10-31", "CS-IP18P", "", 0, "launch"),
    ("ChargeCube 140W GaN launch", "2026-10-05", "2026-10-31", "CC-140G", "", 0, "launch"),
    ("Black Friday 2026", "2026-11-27", "2026-11-30", "PP-10K-BK", "", 50, "promotion"),
    ("Tết / Chinese New Year 2027", "2027-02-05", "2027-02-13", "", "", 0, "holiday"),
    ("Galaxy S27 launch", "2027-02-24", "2027-03-31", "CS-S27U", "", 40, "launch"),
    ("Prime Day 2027", "2027-07-13", "2027-07-14", "", "Cables", 40, "promotion"),
]
STOCK_COVER = {"CC-65G": 0.25, "VL-CC1-BK": 0.3, "VL-CL1-WH": 0.2, "PP-10K-BK": 0.3, "TB-ULT-ANC": 0.15,
               "CS-S27U": 0.4, "CS-S26U": 0.35, "CS-IP18P": 0.3, "VL-CC2-WH": 0.4, "PP-20K-65": 0.35,
               "CC-100G3": 0.45, "TB-PRO-WH": 0.5,
               "CS-S25": 8.0, "2030": 9.5, "CS-S25P": 5.5, "2026": 6.0, "PP-MAX25": 5.0, "CD-HUB7": 4.8,
               "VL-CC3-BK": 4.6}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "accessory":  # cables and chargers: Prime Day, back to school, Black Friday and the holidays
        return {7: 1.15, 8: 1.1, 11: 1.35, 12: 1.3, 1: 0.85, 2: 0.8}.get(month, 1.0)
    if kind == "gift":  # power banks, earbuds, wireless pads: gifts at the holidays
        return {7: 1.2, 8: 1.05, 11: 1.5, 12: 1.6, 1: 0.8, 2: 0.75}.get(month, 1.0)
    if kind == "fading":  # legacy items run down
        return {11: 1.2, 12: 1.2}.get(month, 1.0)
    return {12: 1.1, 2: 0.85}.get(month, 1.0)


def months_between(start: str, period: str) -> int:
    return (int(period[:4]) - int(start[:4])) * 12 + int(period[5:]) - int(start[5:])


def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    """Phone cases sell from their phone's launch, peak in its first months and fade; legacy items fade;
    the rest follow ``season`` with a slow growth. Black Friday 2026 lifts the PowerPod 10000mAh Black."""
    out: dict[str, int] = {}
    start = LAUNCH.get(sku) or CASE_START.get(sku)
    for i, period in enumerate(HISTORY):
        if start is not None and period < start:
            continue
        if kind == "case":
            age = months_between(start, period)
            level = base * (1.6 if age < 2 else 1.25 if age < 4 else max(0.3, 1.0 - 0.045 * (age - 4)))
            level *= {12: 1.15, 11: 1.1}.get(int(period[5:]), 1.0)
            if sku == "CS-S25" and period >= "2026-03":
                level *= 0.55  # the S26 is out
        elif kind == "fading":
            level = base * max(0.2, 1.0 - 0.03 * i) * season(kind, period)
        else:
            level = base * (1 + 0.006 * (i - 12)) * season(kind, period)
            if start is not None and months_between(start, period) < 2:
                level *= 0.7  # a launch ramps up
        if sku == "PP-10K-BK" and period == "2026-11":
            level *= 1.5  # Black Friday 2026
        out[period] = max(0, round(level * rng.gauss(1.0, 0.08)))
    return out


def main() -> None:
    write_company(HERE, seed=444444, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BAC_NINH,
                  location="Riverside DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="KC-{:06d}")
    move_to_plants(HERE, ROUTING, PLANTS)


if __name__ == "__main__":
    main()
