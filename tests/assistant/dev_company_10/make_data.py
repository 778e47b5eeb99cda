"""Writes the monthly CSV files of dev company 10 (Fellside Outdoor Ltd., a UK outdoor and camping goods maker).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_10/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-10"]  # 25 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-13"
PLANT = "Kendal works"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("TN/2P-SUM", "Summit Pro Tent 2-Person", "Tents", 289.0, 118.0, 60, 21, "active", 420, "summer"),
    ("TN/3P-SUM", "Summit Pro Tent 3-Person", "Tents", 349.0, 142.0, 40, 21, "active", 260, "summer"),
    ("TN/2P-LT", "Summit Lite Tent 2-Person", "Tents", 189.0, 77.0, 80, 21, "active", 610, "summer"),
    ("TN.4P.FAM", "Basecamp Family Tent 4-Person", "Tents", 259.0, 104.0, 50, 28, "active", 330, "summer"),
    ("TN.6P.FAM", "Basecamp Family Tent 6-Person", "Tents", 399.0, 161.0, 25, 28, "active", 150, "summer"),
    ("SB-NS-REG", "Next Season Sleeping Bag Regular", "Sleeping Bags", 79.0, 31.0, 150, 35, "active", 900, "flat"),
    ("SB-NS-LNG", "Next Season Sleeping Bag Long", "Sleeping Bags", 85.0, 33.0, 80, 35, "active", 420, "flat"),
    ("SB-DWN-MAX", "Down Max Sleeping Bag", "Sleeping Bags", 229.0, 96.0, 60, 49, "active", 380, "winter"),
    ("7710", "Sleeping Mat Lite", "Sleeping Bags", 39.0, 14.0, 200, 28, "active", 1100, "flat"),
    ("7711", "Sleeping Mat Max", "Sleeping Bags", 69.0, 26.0, 100, 28, "active", 520, "winter"),
    ("BP-30-BLU", "Trail Plan Daypack 30L Blue", "Backpacks", 59.0, 21.0, 180, 42, "active", 1250, "flat"),
    ("BP-30-RED", "Trail Plan Daypack 30L Red", "Backpacks", 59.0, 21.0, 120, 42, "active", 840, "flat"),
    ("BP-45", "Trail Plan Rucksack 45L", "Backpacks", 109.0, 41.0, 70, 42, "active", 460, "summer"),
    ("BP-65", "Trail Plan Rucksack 65L", "Backpacks", 149.0, 57.0, 40, 42, "active", 240, "summer"),
    ("BP-SHORT", "Short Hop Hip Pack", "Backpacks", 29.0, 9.5, 150, 42, "active", 700, "flat"),
    ("JK-STM-S", "Stormline Jacket S", "Jackets", 139.0, 52.0, 60, 35, "active", 310, "winter"),
    ("JK-STM-M", "Stormline Jacket M", "Jackets", 139.0, 52.0, 120, 35, "active", 720, "winter"),
    ("JK-STM-L", "Stormline Jacket L", "Jackets", 139.0, 52.0, 110, 35, "active", 680, "winter"),
    ("JK-STM-XL", "Stormline Jacket XL", "Jackets", 139.0, 52.0, 60, 35, "active", 350, "winter"),
    ("JK-LL-M", "Last Light Fleece M", "Jackets", 65.0, 22.0, 90, 28, "active", 560, "winter"),
    ("JK-LL-L", "Last Light Fleece L", "Jackets", 65.0, 22.0, 80, 28, "new", 480, "winter"),
    ("H2O.750.BLU", "Stock Bottle 750ml Blue", "Hydration", 18.0, 5.2, 400, 21, "active", 2600, "summer"),
    ("H2O.750.GRN", "Stock Bottle 750ml Green", "Hydration", 18.0, 5.2, 250, 21, "active", 1500, "summer"),
    ("H2O.1L.BLU", "Stock Bottle 1L Blue", "Hydration", 22.0, 6.4, 200, 21, "active", 1200, "summer"),
    ("2024", "Total Flask 500ml", "Hydration", 27.0, 8.8, 150, 21, "active", 950, "winter"),
    ("HY-BLD-2L", "Hydro Bladder 2L", "Hydration", 32.0, 10.5, 100, 56, "active", 540, "summer"),
    ("AC-HT-200", "Beam Head Torch 200", "Accessories", 24.0, 8.0, 200, 56, "active", 1300, "winter"),
    ("AC-HT-400", "Beam Head Torch 400 Pro", "Accessories", 44.0, 15.0, 120, 56, "active", 760, "winter"),
    ("AC-PEG-10", "Alloy Tent Pegs 10-pack", "Accessories", 12.0, 3.1, 300, 14, "active", 1900, "summer"),
    ("AC-PEG-24", "Alloy Tent Pegs 24-pack", "Accessories", 24.0, 6.0, 120, 14, "active", 700, "summer"),
]
ROUTING = [
    ("TN/2P-SUM", "Sewing Line A", 0.85), ("TN/3P-SUM", "Sewing Line A", 1.10), ("TN/2P-LT", "Sewing Line A", 0.70),
    ("TN.4P.FAM", "Sewing Line B", 1.20), ("TN.6P.FAM", "Sewing Line B", 1.60),
    ("TN/2P-SUM", "Pole Shop", 0.20), ("TN/3P-SUM", "Pole Shop", 0.25), ("TN.4P.FAM", "Pole Shop", 0.30),
    ("SB-NS-REG", "Sewing Line B", 0.45), ("SB-NS-LNG", "Sewing Line B", 0.50), ("SB-DWN-MAX", "Sewing Line A", 0.90),
    ("BP-30-BLU", "Sewing Line B", 0.35), ("BP-30-RED", "Sewing Line B", 0.35), ("BP-45", "Sewing Line B", 0.55),
    ("BP-65", "Sewing Line B", 0.70), ("BP-SHORT", "Pack-out Bay", 0.05),
    ("JK-STM-S", "Sewing Line A", 0.60), ("JK-STM-M", "Sewing Line A", 0.60), ("JK-STM-L", "Sewing Line A", 0.62),
    ("JK-STM-XL", "Sewing Line A", 0.65), ("JK-LL-M", "Sewing Line B", 0.30), ("JK-LL-L", "Sewing Line B", 0.32),
    ("H2O.750.BLU", "Moulding Cell", 0.012), ("H2O.750.GRN", "Moulding Cell", 0.012),
    ("H2O.1L.BLU", "Moulding Cell", 0.015), ("7710", "Moulding Cell", 0.030), ("7711", "Moulding Cell", 0.045),
    ("AC-PEG-10", "Pack-out Bay", 0.010), ("AC-PEG-24", "Pack-out Bay", 0.020),
]
CAPACITY = {"Sewing Line A": 1.07, "Sewing Line B": 0.88, "Moulding Cell": 0.74, "Pole Shop": 0.55,
            "Pack-out Bay": 0.62}
SUPPLY = [
    ("4700011235", "SB-DWN-MAX", "2026-12-18", 600, "purchase_order", "firm", "Anhui Down Co."),
    ("4700011240", "AC-HT-400", "2027-01-12", 1500, "purchase_order", "planned", "Ningbo Lumen"),
    ("PO/26/1102", "AC-HT-200", "2026-12-03", 2500, "purchase_order", "firm", "Ningbo Lumen"),
    ("PO/26/1108", "HY-BLD-2L", "2027-02-09", 1200, "purchase_order", "released", "Taichung Hydro"),
    ("PO-2210", "2024", "2026-11-06", 1800, "purchase_order", "firm", "Sheffield Steelware"),
    ("PO-2231", "AC-PEG-10", "2026-11-26", 3000, "purchase_order", "firm", "Walsall Alloys"),
    ("2026/PO/77", "BP-30-BLU", "2026-12-10", 2000, "purchase_order", "firm", "Da Nang Bags"),
    ("WO.5501", "JK-STM-M", "2026-11-24", 700, "production_order", "released", ""),
    ("WO.5507", "JK-STM-XL", "2026-12-07", 400, "production_order", "firm", ""),
    ("WO-5518", "JK-STM-L", "2026-12-15", 600, "production_order", "planned", ""),
    ("WO-5523", "7711", "2026-12-01", 800, "production_order", "firm", ""),
    ("MO-26-307", "TN/2P-LT", "2027-02-22", 900, "production_order", "planned", ""),
    ("300", "JK-LL-M", "2026-12-04", 500, "production_order", "firm", ""),
    ("TR/KDL/09", "H2O.750.BLU", "2026-11-20", 1500, "transfer", "released", "Carlisle DC"),
]
CUSTOMERS = ["Go Outdoors", "Cotswold Outdoor", "Fellside Online", "Scout Supplies Ltd"]
EVENTS = [
    ("Summer camping 2026", "2026-05-01", "2026-08-31", "", "Tents", 20, "promotion"),
    ("Black Friday 2026", "2026-11-27", "2026-11-30", "", "Jackets", 40, "promotion"),
    ("Last Light Fleece L launch", "2026-09-01", "2026-09-30", "JK-LL-L", "", 0, "launch"),
    ("Christmas 2026", "2026-12-01", "2026-12-24", "", "Accessories", 30, "holiday"),
    ("Summer camping 2027", "2027-05-01", "2027-08-31", "", "Tents", 20, "promotion"),
]
STOCK_COVER = {"JK-STM-M": 0.3, "JK-STM-XL": 0.25, "SB-DWN-MAX": 0.3, "AC-HT-400": 0.3, "BP-30-BLU": 0.35,
               "7711": 0.3, "2024": 0.35, "TN/3P-SUM": 7.0, "TN.6P.FAM": 8.0, "H2O.750.GRN": 5.5,
               "BP-SHORT": 5.0, "AC-PEG-24": 4.6}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "summer":  # camping season
        return {4: 1.2, 5: 1.5, 6: 1.7, 7: 1.8, 8: 1.5, 11: 0.5, 12: 0.6, 1: 0.5, 2: 0.6}.get(month, 1.0)
    if kind == "winter":  # cold-weather kit
        return {10: 1.3, 11: 1.6, 12: 1.8, 1: 1.4, 6: 0.6, 7: 0.6}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-09", trend=0.003, pivot=12, noise=0.08)


def main() -> None:
    write_company(HERE, seed=101010, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Kendal DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
