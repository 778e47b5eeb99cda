"""Writes the monthly CSV files of dev company 17 (Brightwell Naturals Inc., a US maker of vitamins,
supplements and over-the-counter personal care, USD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_17/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026, 2027) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2027-01"]  # 26 complete months before 2027-02-10
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-02" <= f"{y}-{m:02d}" <= "2028-07"]
AS_OF = "2027-02-09"
RENO = "Reno Plant"
OGDEN = "Ogden Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("MV-DAILY-60", "Daily One Multivitamin 60 ct", "Multivitamins", 12.99, 3.1, 4000, 14, "active", 22000, "winter"),
    ("MV-DAILY-120", "Daily One Multivitamin 120 ct", "Multivitamins", 21.99, 5.4, 3000, 14, "active", 15000,
     "winter"),
    ("MV-WOM-60", "Daily One Women's Multivitamin 60 ct", "Multivitamins", 14.99, 3.6, 2000, 14, "active", 9000,
     "winter"),
    ("5090", "Men's 50+ Multivitamin 90 ct", "Multivitamins", 18.99, 4.8, 1200, 14, "active", 5200, "flat"),
    ("MV-PREN-90", "Prenatal Complete 90 ct", "Multivitamins", 24.99, 6.9, 900, 14, "active", 3800, "flat"),
    ("OM-FO-60", "Triple Strength Fish Oil 60 ct", "Omega", 16.99, 5.2, 2500, 45, "active", 11000, "flat"),
    ("OM-FO-120", "Triple Strength Fish Oil 120 ct", "Omega", 28.99, 9.6, 2000, 45, "active", 8500, "flat"),
    ("OM-KO-60", "Krill Oil 60 ct", "Omega", 24.99, 9.9, 800, 60, "active", 3600, "flat"),
    ("OM-VEG-60", "Algae Omega Vegan 60 ct", "Omega", 26.99, 10.5, 500, 45, "active", 1900, "flat"),
    ("PR-WH-CH-2", "Whey Protein Chocolate 2 lb", "Protein", 34.99, 13.0, 1500, 30, "active", 7200, "newyear"),
    ("PR-WH-CH-5", "Whey Protein Chocolate 5 lb", "Protein", 69.99, 27.5, 1000, 30, "active", 4600, "newyear"),
    ("PR-WH-VA-2", "Whey Protein Vanilla 2 lb", "Protein", 34.99, 13.0, 1200, 30, "active", 5900, "newyear"),
    ("PR-WH-VA-5", "Whey Protein Vanilla 5 lb", "Protein", 69.99, 27.5, 800, 30, "active", 3400, "newyear"),
    ("PR-PL-VA-2", "Plant Protein Vanilla 2 lb", "Protein", 39.99, 15.5, 600, 30, "new", 2600, "newyear"),
    ("PR-BAR-12", "Protein Bar Peanut Butter 12 pk", "Protein", 24.99, 9.0, 900, 21, "active", 4100, "flat"),
    ("SL-MEL-5", "Melatonin 5 mg 60 ct", "Sleep", 8.99, 1.4, 3000, 14, "active", 16000, "winter"),
    ("SL-MEL-10", "Melatonin 10 mg 60 ct", "Sleep", 10.99, 1.7, 1500, 14, "active", 7800, "winter"),
    ("SL-MAG-120", "Magnesium Calm 120 ct", "Sleep", 17.99, 4.2, 700, 14, "active", 3300, "flat"),
    ("2029", "When Night Falls Sleep Gummies 60 ct", "Sleep", 15.99, 3.9, 1200, 14, "active", 6400, "winter"),
    ("SK-HYD-8", "Hydra Lotion 8 oz", "Skin Care", 9.99, 2.6, 2000, 21, "active", 9800, "flat"),
    ("SK-HYD-16", "Hydra Lotion 16 oz", "Skin Care", 15.99, 4.1, 900, 21, "active", 4200, "flat"),
    ("SK-AS-30", "April Sun SPF 30 Lotion 8 oz", "Skin Care", 13.99, 3.3, 1500, 21, "active", 6800, "summer"),
    ("SK-AS-50", "April Sun SPF 50 Lotion 3 oz", "Skin Care", 11.99, 2.8, 1200, 21, "active", 5600, "summer"),
    ("SK-TR-4", "Total Repair Hand Cream 4 oz", "Skin Care", 8.49, 1.9, 1000, 21, "active", 5100, "winter"),
    ("KD-GUM-60", "Kids Gummy Multivitamin 60 ct", "Kids Multivitamins", 11.99, 2.7, 2500, 14, "active", 12500,
     "school"),
    ("KD-GUM-120", "Kids Gummy Multivitamin 120 ct", "Kids Multivitamins", 19.99, 4.6, 1200, 14, "active", 5400,
     "school"),
    ("KD-D3-1", "Kids Vitamin D3 Drops 1 oz", "Kids Multivitamins", 12.49, 2.2, 600, 14, "active", 2700, "winter"),
    ("KD-OMG-30", "Kids Omega Chewables 30 ct", "Kids Multivitamins", 14.49, 4.4, 400, 45, "active", 1800,
     "school"),
]
ROUTING = [
    ("MV-DAILY-60", "Tablet Press 1", 0.00030), ("MV-DAILY-60", "Bottling Line", 0.00020),
    ("MV-DAILY-120", "Tablet Press 1", 0.00055), ("MV-DAILY-120", "Bottling Line", 0.00025),
    ("MV-WOM-60", "Tablet Press 2", 0.00030), ("5090", "Tablet Press 2", 0.00045),
    ("MV-PREN-90", "Tablet Press 2", 0.00050), ("SL-MEL-5", "Tablet Press 2", 0.00020),
    ("SL-MEL-10", "Tablet Press 2", 0.00020), ("SL-MAG-120", "Tablet Press 1", 0.00060),
    ("OM-FO-60", "Softgel Encapsulator", 0.00070), ("OM-FO-120", "Softgel Encapsulator", 0.00130),
    ("OM-KO-60", "Softgel Encapsulator", 0.00080), ("OM-VEG-60", "Softgel Encapsulator", 0.00080),
    ("KD-OMG-30", "Softgel Encapsulator", 0.00050),
    ("PR-WH-CH-2", "Powder Blender", 0.0020), ("PR-WH-CH-5", "Powder Blender", 0.0045),
    ("PR-WH-VA-2", "Powder Blender", 0.0020), ("PR-WH-VA-5", "Powder Blender", 0.0045),
    ("PR-PL-VA-2", "Powder Blender", 0.0024),
    ("2029", "Gummy Depositor", 0.00060), ("KD-GUM-60", "Gummy Depositor", 0.00060),
    ("KD-GUM-120", "Gummy Depositor", 0.00110), ("KD-D3-1", "Bottling Line", 0.00040),
    ("SK-HYD-8", "Lotion Fill Line", 0.0010), ("SK-HYD-16", "Lotion Fill Line", 0.0016),
    ("SK-AS-30", "Lotion Fill Line", 0.0010), ("SK-AS-50", "Lotion Fill Line", 0.0008),
    ("SK-TR-4", "Lotion Fill Line", 0.0007),
]
CAPACITY = {"Tablet Press 1": 0.92, "Tablet Press 2": 1.06, "Gummy Depositor": 1.1, "Powder Blender": 0.75,
            "Bottling Line": 0.5, "Softgel Encapsulator": 0.97, "Lotion Fill Line": 0.85}
PLANTS = {"Softgel Encapsulator": OGDEN, "Lotion Fill Line": OGDEN}
SUPPLY = [
    ("4500771203", "OM-FO-120", "2027-03-05", 20000, "purchase_order", "firm", "Pacific Marine Oils"),
    ("4500771219", "OM-KO-60", "2027-04-14", 8000, "purchase_order", "planned", "Antarctic Krill Co."),
    ("PO-2027-031", "PR-WH-CH-5", "2027-02-24", 6000, "purchase_order", "released", "Midwest Dairy Proteins"),
    ("PO-2027-044", "PR-WH-VA-5", "2027-03-18", 5000, "purchase_order", "firm", "Midwest Dairy Proteins"),
    ("ASN-77-B", "PR-PL-VA-2", "2027-01-28", 3000, "purchase_order", "firm", "GreenLeaf Pea Protein"),
    ("MO 8812", "MV-DAILY-120", "2027-02-26", 30000, "production_order", "released", ""),
    ("1250", "SL-MEL-5", "2027-03-09", 25000, "production_order", "firm", ""),
    ("2027-17", "KD-GUM-60", "2027-03-02", 18000, "production_order", "planned", ""),
    ("WO#5521", "SK-AS-30", "2027-03-22", 12000, "production_order", "firm", ""),
    ("5090-A", "5090", "2027-03-30", 10000, "production_order", "planned", ""),
    ("TR/OGD/12", "SK-HYD-8", "2027-02-15", 4000, "transfer", "released", OGDEN),
]
CUSTOMERS = ["Walgreens", "CVS Pharmacy", "Target", "Vitamin Shoppe", "Amazon"]
EVENTS = [
    ("Back to School 2026", "2026-08-01", "2026-08-31", "", "Kids Multivitamins", 25, "promotion"),
    ("Plant Protein launch", "2026-06-01", "2026-06-30", "PR-PL-VA-2", "", 0, "launch"),
    ("Black Friday 2026", "2026-11-27", "2026-11-30", "", "Sleep", 30, "promotion"),
    ("New Year Protein Push", "2027-01-01", "2027-01-31", "", "Protein", 30, "promotion"),
    ("Spring Wellness Sale 2027", "2027-04-01", "2027-04-30", "", "Multivitamins", 20, "promotion"),
    ("April Sun summer promo", "2027-05-15", "2027-06-30", "SK-AS-30", "", 35, "promotion"),
]
STOCK_COVER = {"OM-FO-120": 0.3, "PR-WH-CH-5": 0.3, "MV-DAILY-120": 0.35, "SK-AS-30": 0.3, "KD-GUM-60": 0.35,
               "SL-MEL-5": 0.3, "SK-HYD-16": 6.0, "OM-VEG-60": 7.0, "5090": 5.0, "PR-BAR-12": 4.8,
               "SL-MAG-120": 5.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "winter":  # cold and flu season, long nights
        return {10: 1.2, 11: 1.25, 12: 1.3, 1: 1.3, 6: 0.85, 7: 0.8}.get(month, 1.0)
    if kind == "newyear":  # resolutions
        return {1: 1.7, 2: 1.3, 3: 1.1, 11: 0.8, 12: 0.75}.get(month, 1.0)
    if kind == "summer":
        return {4: 1.2, 5: 1.6, 6: 1.9, 7: 1.9, 8: 1.4, 11: 0.5, 12: 0.4, 1: 0.4}.get(month, 1.0)
    if kind == "school":
        return {8: 1.6, 9: 1.4, 6: 0.8, 7: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-06", trend=0.005, pivot=12, noise=0.08,
                             promo=("SL-MEL-5", "2026-11", 1.3))  # Black Friday


def set_plants() -> None:
    """Put the Ogden resources and the SKUs whose primary resource they are on the Ogden plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=171717, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=RENO, location="Reno DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-1,
                  order_ref="BW-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
