"""Writes the monthly CSV files of dev company 8 (Brightwell Home Care Ltd., a UK household-cleaning maker).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_8/make_data.py
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
PLANT = "Leeds works"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("LQ-TF-1L", "Total Fresh Laundry Liquid 1L", "Laundry", 3.80, 1.35, 4000, 10, "active", 21000, "flat"),
    ("LQ-TF-2L", "Total Fresh Laundry Liquid 2L", "Laundry", 6.90, 2.40, 3000, 10, "active", 15500, "flat"),
    ("LQ-TF-5L", "Total Fresh Laundry Liquid 5L", "Laundry", 15.50, 5.60, 600, 10, "active", 3100, "flat"),
    ("40125", "Total Fresh Laundry Pods 24-pack", "Laundry", 5.50, 1.95, 2500, 14, "active", 13800, "flat"),
    ("40126", "Total Fresh Laundry Pods 60-pack", "Laundry", 11.90, 4.10, 900, 14, "active", 5200, "flat"),
    ("LQ-CP-1L", "Care Plus Fabric Softener 1L", "Laundry", 2.90, 0.95, 2000, 10, "active", 11500, "flat"),
    ("LQ-CP-2L", "Care Plus Fabric Softener 2L", "Laundry", 4.90, 1.60, 1200, 10, "active", 6400, "flat"),
    ("DW-DS-500", "Daily Shine Dish Soap 500ml", "Dishwash", 1.60, 0.48, 5000, 7, "active", 26000, "flat"),
    ("DW-DS-500-6", "Daily Shine Dish Soap 500ml 6-pack", "Dishwash", 8.40, 2.70, 700, 7, "active", 3600, "flat"),
    ("DW-DS-1L", "Daily Shine Dish Soap 1L", "Dishwash", 2.80, 0.85, 1800, 7, "active", 9400, "flat"),
    ("DW-TAB-30", "Dishwasher Tablets Max 30-pack", "Dishwash", 6.20, 2.30, 2200, 21, "active", 11800, "winter"),
    ("DW-TAB-90", "Dishwasher Tablets Max 90-pack", "Dishwash", 15.90, 5.90, 600, 21, "active", 3300, "winter"),
    ("DW-RA-500", "Rinse Aid 500ml", "Dishwash", 2.40, 0.70, 800, 7, "active", 4300, "flat"),
    ("SC-ANY-750", "Any Surface Spray 750ml", "Surface Care", 2.20, 0.62, 4500, 7, "active", 24500, "spring"),
    ("SC-ANY-RF2", "Any Surface Spray Refill 2L", "Surface Care", 4.60, 1.30, 900, 7, "new", 5200, "spring"),
    ("SC-WIPE-80", "Any Surface Wipes 80 count", "Surface Care", 2.50, 0.90, 2400, 28, "active", 12600, "spring"),
    ("SC-MAX-750", "Max Power Degreaser 750ml", "Surface Care", 3.10, 0.95, 1500, 7, "active", 7900, "flat"),
    ("3000", "Max Power Degreaser 5L Trade", "Surface Care", 17.50, 6.10, 150, 7, "active", 780, "flat"),
    ("SC-GL-500", "Crystal Glass Cleaner 500ml", "Surface Care", 2.00, 0.55, 1400, 7, "active", 7400, "spring"),
    ("BT-LIME-750", "Limescale Remover 750ml", "Bathroom", 2.70, 0.80, 1600, 7, "active", 8600, "flat"),
    ("BT-TB-750", "Thick Bleach Original 750ml", "Bathroom", 1.10, 0.30, 6000, 7, "active", 32000, "flat"),
    ("BT-TB-2L", "Thick Bleach Original 2L", "Bathroom", 2.30, 0.65, 1500, 7, "active", 8200, "flat"),
    ("BT-TB-LEM", "Thick Bleach Lemon 750ml", "Bathroom", 1.20, 0.33, 1800, 7, "active", 9800, "flat"),
    ("BT-TOI-4", "Toilet Blocks Fresh 4-pack", "Bathroom", 3.40, 1.05, 1300, 14, "active", 7000, "flat"),
    ("AC-MB-RD", "May Blossom Reed Diffuser", "Air Care", 9.50, 3.20, 300, 35, "active", 1700, "gift"),
    ("AC-MB-SP", "May Blossom Room Spray 300ml", "Air Care", 3.90, 1.20, 900, 21, "active", 4800, "gift"),
    ("AC-LS-RD", "Linen Sky Reed Diffuser", "Air Care", 9.50, 3.20, 250, 35, "active", 1400, "gift"),
    ("AC-PLG-1", "Plug-in Fresh Starter Kit", "Air Care", 6.50, 2.60, 700, 42, "active", 3900, "gift"),
    ("AC-PLG-R2", "Plug-in Fresh Refill 2-pack", "Air Care", 5.80, 1.70, 1400, 42, "active", 7600, "gift"),
    ("ACC-GLV-M", "Rubber Gloves M", "Accessories", 1.90, 0.55, 1000, 49, "active", 5300, "flat"),
    ("ACC-GLV-L", "Rubber Gloves L", "Accessories", 1.90, 0.55, 800, 49, "active", 4200, "flat"),
    ("ACC-SPG-3", "Scrub Sponges 3-pack", "Accessories", 1.50, 0.40, 1200, 49, "active", 6500, "flat"),
]
ROUTING = [
    ("LQ-TF-1L", "Liquid Line 1", 0.0009), ("LQ-TF-2L", "Liquid Line 1", 0.0012),
    ("LQ-TF-5L", "Liquid Line 2", 0.0030), ("LQ-CP-1L", "Liquid Line 1", 0.0009),
    ("LQ-CP-2L", "Liquid Line 2", 0.0012), ("LQ-TF-2L", "Liquid Line 2", 0.0013),
    ("40125", "Pod Line", 0.0016), ("40126", "Pod Line", 0.0035),
    ("DW-DS-500", "Liquid Line 2", 0.0006), ("DW-DS-500-6", "Packing Hall", 0.0020),
    ("DW-DS-1L", "Liquid Line 2", 0.0009), ("DW-RA-500", "Liquid Line 2", 0.0006),
    ("DW-TAB-30", "Tablet Press", 0.0021), ("DW-TAB-90", "Tablet Press", 0.0058),
    ("SC-ANY-750", "Trigger Line", 0.0007), ("SC-ANY-RF2", "Liquid Line 1", 0.0012),
    ("SC-MAX-750", "Trigger Line", 0.0007), ("3000", "Liquid Line 2", 0.0040),
    ("SC-GL-500", "Trigger Line", 0.0007), ("BT-LIME-750", "Trigger Line", 0.0008),
    ("BT-TB-750", "Liquid Line 2", 0.0005), ("BT-TB-2L", "Liquid Line 2", 0.0010),
    ("BT-TB-LEM", "Liquid Line 2", 0.0005), ("BT-TOI-4", "Packing Hall", 0.0015),
    ("AC-MB-RD", "Packing Hall", 0.0060), ("AC-LS-RD", "Packing Hall", 0.0060),
    ("AC-MB-SP", "Trigger Line", 0.0009),
]
CAPACITY = {"Liquid Line 1": 0.93, "Liquid Line 2": 0.86, "Pod Line": 1.08, "Tablet Press": 0.97,
            "Trigger Line": 0.72, "Packing Hall": 0.6}
SUPPLY = [
    ("4500220419", "SC-WIPE-80", "2026-12-08", 20000, "purchase_order", "firm", "Pennine Nonwovens"),
    ("4500220457", "ACC-GLV-M", "2027-01-19", 9000, "purchase_order", "planned", "Selangor Latex Sdn Bhd"),
    ("PO/26/0871", "AC-PLG-1", "2026-12-02", 5000, "purchase_order", "firm", "Shenzhen Brightair"),
    ("PO/26/0874", "AC-PLG-R2", "2026-12-16", 8000, "purchase_order", "released", "Shenzhen Brightair"),
    ("PO-7731", "ACC-SPG-3", "2026-11-04", 7000, "purchase_order", "firm", "Humber Sponge Co."),
    ("PO-7745", "AC-MB-RD", "2026-11-27", 1500, "purchase_order", "firm", "Cotswold Fragrance"),
    ("2026-PO-019", "ACC-GLV-L", "2026-12-11", 3000, "purchase_order", "firm", "Selangor Latex Sdn Bhd"),
    ("WO-88120", "LQ-TF-2L", "2026-11-23", 14000, "production_order", "released", ""),
    ("WO-88127", "40125", "2026-12-01", 12000, "production_order", "firm", ""),
    ("WO-88133", "DW-TAB-30", "2026-12-09", 10000, "production_order", "firm", ""),
    ("WO-88141", "SC-ANY-750", "2026-12-14", 20000, "production_order", "planned", ""),
    ("WO-88150", "BT-TB-750", "2027-01-06", 30000, "production_order", "planned", ""),
    ("MO-26-1144", "LQ-TF-1L", "2026-11-30", 18000, "production_order", "firm", ""),
    ("TR-0455", "DW-DS-500", "2026-11-19", 6000, "transfer", "released", "Bristol DC"),
]
CUSTOMERS = ["Tesco", "Sainsbury's", "Bargain Bay", "Northern Janitorial Supplies"]
EVENTS = [
    ("Spring clean 2026", "2026-03-01", "2026-04-15", "", "Surface Care", 25, "promotion"),
    ("Pods half price", "2026-07-01", "2026-07-31", "40125", "", 55, "promotion"),
    ("Christmas gifting 2026", "2026-11-15", "2026-12-24", "", "Air Care", 35, "holiday"),
    ("Any Surface Refill launch", "2026-06-01", "2026-06-30", "SC-ANY-RF2", "", 0, "launch"),
    ("Spring clean 2027", "2027-03-01", "2027-04-15", "", "Surface Care", 25, "promotion"),
]
STOCK_COVER = {"LQ-TF-2L": 0.3, "40125": 0.3, "DW-TAB-30": 0.3, "SC-ANY-750": 0.35, "BT-TB-750": 0.4,
               "AC-PLG-R2": 0.25, "ACC-SPG-3": 0.3, "AC-MB-RD": 5.5, "BT-TB-LEM": 6.0, "3000": 4.8,
               "LQ-CP-2L": 4.5, "ACC-GLV-L": 5.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "spring":  # spring cleaning
        return {3: 1.35, 4: 1.3, 5: 1.1, 12: 0.85, 1: 0.9}.get(month, 1.0)
    if kind == "winter":  # the dishwasher works harder over the holidays
        return {11: 1.1, 12: 1.3, 1: 1.15}.get(month, 0.95)
    if kind == "gift":
        return {11: 1.5, 12: 2.1, 5: 1.15}.get(month, 0.85)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-06", trend=0.003, pivot=12, noise=0.08,
                             promo=("40125", "2026-07", 1.7))  # pods half price


def main() -> None:
    write_company(HERE, seed=8181, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Leeds DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
