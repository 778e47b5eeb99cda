"""Writes the monthly CSV files of dev company 14 (Greenvale Garden & Hardware Pty Ltd, an Australian maker of
potting mix, fertiliser, hoses, paint, tools and planters, AUD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_14/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-10"]  # 25 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-13"
WORKS = "Dandenong Works"
PAINT_PLANT = "Geelong Paint Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("PM-AP-25", "Premium All-Purpose Potting Mix 25 kg", "Potting Mix", 16.9, 7.2, 2500, 10, "active", 14000,
     "garden"),
    ("PM-AP-5", "Premium All-Purpose Potting Mix 5 kg", "Potting Mix", 6.5, 2.6, 1800, 10, "active", 9500, "garden"),
    ("PM-NAT-25", "Native Potting Mix 25 kg", "Potting Mix", 18.5, 8.1, 800, 10, "active", 4200, "garden"),
    ("PM-SB-25", "Summer Bloom Potting Mix 25 kg", "Potting Mix", 21.0, 9.4, 1200, 10, "active", 6100, "garden"),
    ("PM-SB-5", "Summer Bloom Potting Mix 5 kg", "Potting Mix", 8.9, 3.7, 600, 10, "new", 3000, "garden"),
    ("1030", "Autumn Gold Lawn Fertiliser 10 kg", "Fertiliser", 34.0, 15.5, 700, 21, "active", 3800, "lawn"),
    ("FZ-AG-25", "Autumn Gold Lawn Fertiliser 25 kg", "Fertiliser", 69.0, 31.0, 300, 21, "active", 1500, "lawn"),
    ("FZ-MB-1", "May Blossom Liquid Fertiliser 1 L", "Fertiliser", 14.5, 5.9, 900, 21, "active", 5200, "garden"),
    ("FZ-MB-4", "May Blossom Liquid Fertiliser 4 L", "Fertiliser", 39.0, 16.0, 400, 21, "active", 1900, "garden"),
    ("FZ-TOT-5", "Total Garden Fertiliser 5 kg", "Fertiliser", 24.0, 10.2, 600, 21, "active", 3300, "garden"),
    ("HS-H2-18", "H2 Hose 18 m", "Hoses", 45.0, 19.0, 500, 28, "active", 2600, "summer"),
    ("HS-H2-30", "H2 Hose 30 m", "Hoses", 65.0, 28.0, 400, 28, "active", 2100, "summer"),
    ("HS-PRO-30", "Pro Series Hose 30 m", "Hoses", 99.0, 44.0, 200, 28, "active", 900, "summer"),
    ("HS-QF-12", "Q-Fit Hose Connector 12 mm", "Hoses", 5.5, 1.6, 2000, 28, "active", 11000, "summer"),
    ("HS-QF-18", "Q-Fit Hose Connector 18 mm", "Hoses", 6.5, 1.9, 1500, 28, "active", 7400, "summer"),
    ("PT-FG-1", "Forecast Grey Exterior Paint 1 L", "Paint", 32.0, 12.5, 600, 14, "active", 3100, "summer"),
    ("PT-FG-4", "Forecast Grey Exterior Paint 4 L", "Paint", 89.0, 36.0, 500, 14, "active", 2700, "summer"),
    ("PT-FG-10", "Forecast Grey Exterior Paint 10 L", "Paint", 189.0, 78.0, 150, 14, "active", 800, "summer"),
    ("PT-SW-4", "Summer White Interior Paint 4 L", "Paint", 79.0, 31.0, 400, 14, "active", 2300, "flat"),
    ("2027", "Total Cover Primer 4 L", "Paint", 62.0, 24.0, 300, 14, "active", 1700, "flat"),
    ("PT-AG-4", "Autumn Gold Deck Stain 4 L", "Paint", 84.0, 33.0, 200, 14, "active", 1100, "summer"),
    ("TL-PS-SPD", "Pro Series Spade", "Tools", 49.0, 21.0, 250, 45, "active", 1300, "garden"),
    ("TL-PS-SEC", "Pro Series Secateurs", "Tools", 39.0, 15.0, 400, 45, "active", 2200, "xmas"),
    ("TL-OM-RCK", "Order Master Tool Rack", "Tools", 59.0, 24.0, 100, 45, "active", 600, "flat"),
    ("TL-TRW", "Hand Trowel", "Tools", 12.0, 4.5, 600, 45, "active", 3400, "garden"),
    ("PL-PIT-12", "Plan-It Seed Tray 12 Cell", "Planters", 4.9, 1.4, 1500, 7, "active", 8200, "garden"),
    ("PL-PIT-24", "Plan-It Seed Tray 24 Cell", "Planters", 6.9, 2.0, 900, 7, "active", 4800, "garden"),
    ("PL-SP-30", "Stock Pot Planter 30 cm", "Planters", 19.0, 6.5, 500, 7, "active", 2600, "garden"),
    ("PL-SP-45", "Stock Pot Planter 45 cm", "Planters", 34.0, 12.0, 200, 7, "active", 1100, "garden"),
]
ROUTING = [
    ("PM-AP-25", "Blending Shed", 0.0008), ("PM-AP-25", "Mix Bagging Line", 0.0010),
    ("PM-AP-5", "Mix Bagging Line", 0.0006), ("PM-NAT-25", "Mix Bagging Line", 0.0010),
    ("PM-SB-25", "Mix Bagging Line", 0.0010), ("PM-SB-5", "Mix Bagging Line", 0.0006),
    ("1030", "Blending Shed", 0.0012), ("FZ-AG-25", "Blending Shed", 0.0020),
    ("FZ-TOT-5", "Blending Shed", 0.0010), ("FZ-MB-1", "Paint Fill Line", 0.0007),
    ("FZ-MB-4", "Paint Fill Line", 0.0012),
    ("HS-H2-18", "Hose Extruder", 0.0060), ("HS-H2-30", "Hose Extruder", 0.0090),
    ("HS-PRO-30", "Hose Extruder", 0.0120), ("HS-QF-12", "Moulding Press 2", 0.0009),
    ("HS-QF-18", "Moulding Press 2", 0.0010),
    ("PT-FG-1", "Paint Fill Line", 0.0015), ("PT-FG-4", "Paint Fill Line", 0.0030),
    ("PT-FG-10", "Paint Fill Line", 0.0060), ("PT-SW-4", "Paint Fill Line", 0.0030),
    ("2027", "Paint Fill Line", 0.0030), ("PT-AG-4", "Paint Fill Line", 0.0030),
    ("PT-FG-1", "Tint Station", 0.0010), ("PT-FG-4", "Tint Station", 0.0012),
    ("PL-PIT-12", "Moulding Press 1", 0.0015), ("PL-PIT-24", "Moulding Press 1", 0.0020),
    ("PL-SP-30", "Moulding Press 2", 0.0040), ("PL-SP-45", "Moulding Press 2", 0.0065),
]
CAPACITY = {"Mix Bagging Line": 1.08, "Blending Shed": 0.7, "Hose Extruder": 0.95, "Moulding Press 1": 0.6,
            "Moulding Press 2": 0.88, "Paint Fill Line": 1.12, "Tint Station": 0.5}
PLANTS = {"Paint Fill Line": PAINT_PLANT, "Tint Station": PAINT_PLANT}
SUPPLY = [
    ("4510078812", "PT-FG-4", "2026-12-09", 3000, "production_order", "firm", ""),
    ("4510078820", "PT-FG-10", "2027-01-12", 900, "production_order", "planned", ""),
    ("PO/2026/0412", "TL-PS-SEC", "2026-12-01", 3000, "purchase_order", "firm", "Ningbo Garden Tools Co."),
    ("PO-88231", "TL-TRW", "2026-12-18", 4000, "purchase_order", "released", "Ningbo Garden Tools Co."),
    ("PO-88240", "HS-QF-12", "2026-11-03", 12000, "purchase_order", "firm", "Brass & Poly Fittings Pty"),
    ("2026-118", "PM-SB-25", "2026-11-26", 6000, "production_order", "released", ""),
    ("2027/PO/5", "1030", "2027-01-20", 4000, "purchase_order", "planned", "Incitec Blends"),
    ("750", "HS-H2-30", "2026-12-04", 2500, "production_order", "firm", ""),
    ("WO.2211", "PL-PIT-12", "2026-11-24", 9000, "production_order", "released", ""),
    ("WO.2214", "PM-AP-25", "2026-12-11", 15000, "production_order", "planned", ""),
    ("TR/GEE/07", "PT-SW-4", "2026-11-20", 1200, "transfer", "released", "Geelong Paint Plant"),
]
CUSTOMERS = ["Bunnings Warehouse", "Mitre 10", "Flower Power Nurseries", "Home Timber & Hardware"]
EVENTS = [
    ("Spring Garden Sale 2025", "2025-09-01", "2025-10-31", "", "Potting Mix", 30, "promotion"),
    ("EOFY Tool Sale", "2026-06-01", "2026-06-30", "", "Tools", 35, "promotion"),
    ("Summer Bloom launch", "2026-09-01", "2026-09-30", "PM-SB-5", "", 0, "launch"),
    ("Spring Garden Sale 2026", "2026-09-01", "2026-10-31", "", "Potting Mix", 30, "promotion"),
    ("Christmas gifting", "2026-12-01", "2026-12-24", "TL-PS-SEC", "", 40, "holiday"),
    ("Forecast Grey summer promo", "2027-01-04", "2027-01-31", "", "Paint", 20, "promotion"),
]
STOCK_COVER = {"PT-FG-4": 0.3, "HS-H2-30": 0.3, "PM-SB-25": 0.35, "1030": 0.3, "PL-PIT-12": 0.35,
               "HS-PRO-30": 6.0, "TL-OM-RCK": 7.5, "PT-SW-4": 5.0, "FZ-AG-25": 4.6, "PL-SP-45": 5.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "garden":  # southern spring
        return {9: 1.5, 10: 1.6, 11: 1.3, 6: 0.6, 7: 0.6}.get(month, 1.0)
    if kind == "lawn":  # autumn and spring feeding
        return {3: 1.5, 4: 1.4, 9: 1.3, 10: 1.2, 6: 0.5, 7: 0.5}.get(month, 1.0)
    if kind == "summer":
        return {12: 1.5, 1: 1.6, 2: 1.3, 6: 0.5, 7: 0.5}.get(month, 1.0)
    if kind == "xmas":
        return {12: 1.9, 6: 1.2}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-09", trend=0.004, pivot=12, noise=0.09,
                             promo=("TL-PS-SEC", "2026-06", 1.35))  # EOFY sale


def set_plants() -> None:
    """Put the paint resources and the SKUs whose primary resource they are on the paint plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=141414, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WORKS, location="Dandenong DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-1,
                  order_ref="GV{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
