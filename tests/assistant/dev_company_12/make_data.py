"""Writes the monthly CSV files of dev company 12 (Voltline Gear Inc., a North American accessories brand).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_12/make_data.py
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
PLANT = "Reno Assembly"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("CH-65W-BLK", "PowerCube 65W Charger Black", "Chargers", 49.99, 17.20, 900, 35, "active", 5200, "holiday"),
    ("CH-65W-WHT", "PowerCube 65W Charger White", "Chargers", 49.99, 17.20, 900, 35, "active", 4800, "holiday"),
    ("CH-30W", "PowerCube 30W Charger", "Chargers", 24.99, 8.10, 1200, 35, "active", 7400, "flat"),
    ("CH-100W-G2", "PowerCube 100W Charger Gen 2", "Chargers", 79.99, 29.50, 400, 42, "active", 2100, "holiday"),
    ("2025", "Next Day Travel Charger 45W", "Chargers", 39.99, 13.80, 600, 35, "active", 3300, "flat"),
    ("CH-ND-65", "Next Day Travel Charger 65W", "Chargers", 54.99, 19.40, 400, 35, "active", 2400, "flat"),
    ("CB-CC-1M", "USB-C to C Cable 1m", "Cables", 12.99, 2.40, 3000, 21, "active", 18000, "flat"),
    ("CB-CC-2M", "USB-C to C Cable 2m", "Cables", 15.99, 2.90, 2500, 21, "active", 14000, "flat"),
    ("CB-CC-2M-3PK", "USB-C to C Cable 2m 3-pack", "Cables", 34.99, 8.20, 800, 21, "active", 4100, "holiday"),
    ("CB-CL-1M", "USB-C to Lightning Cable 1m", "Cables", 17.99, 3.60, 1500, 21, "active", 6200, "flat"),
    ("1200", "Spring Coil Cable 1.2m", "Cables", 19.99, 4.10, 700, 21, "active", 3600, "flat"),
    ("PB-10K", "Boost 10000 mAh Power Bank", "Power Banks", 29.99, 11.50, 1000, 49, "active", 6100, "holiday"),
    ("PB-20K-BLK", "Boost 20000 mAh Power Bank Black", "Power Banks", 44.99, 17.80, 800, 49, "active", 5300, "holiday"),
    ("PB-20K-BLU", "Boost 20000 mAh Power Bank Blue", "Power Banks", 44.99, 17.80, 500, 49, "active", 2900, "holiday"),
    ("PB-MAX-26K", "Boost Max 26800 mAh Power Bank", "Power Banks", 69.99, 28.00, 300, 49, "active", 1800, "holiday"),
    ("PB-MAG-5K", "MagSnap 5000 mAh Power Bank", "Power Banks", 34.99, 12.60, 500, 49, "new", 3000, "holiday"),
    ("CS-S7-CLR", "Shield Case Series 7 Clear", "Cases", 19.99, 3.10, 800, 28, "active", 3900, "flat"),
    ("CS-S7-BLK", "Shield Case Series 7 Black", "Cases", 19.99, 3.10, 800, 28, "active", 3500, "flat"),
    ("CS-S8-CLR", "Shield Case Series 8 Clear", "Cases", 24.99, 3.60, 1200, 28, "active", 7800, "launch"),
    ("CS-S8-BLK", "Shield Case Series 8 Black", "Cases", 24.99, 3.60, 1200, 28, "active", 7200, "launch"),
    ("CS-FOLIO-S8", "Folio Wallet Case Series 8", "Cases", 34.99, 6.20, 400, 28, "active", 2600, "launch"),
    ("EB-AL2-WHT", "AirLoop Earbuds Gen 2 White", "Earbuds", 59.99, 21.00, 900, 56, "active", 5600, "holiday"),
    ("EB-AL2-BLK", "AirLoop Earbuds Gen 2 Black", "Earbuds", 59.99, 21.00, 700, 56, "active", 4300, "holiday"),
    ("EB-AL3", "AirLoop Earbuds Gen 3", "Earbuds", 89.99, 33.00, 600, 56, "active", 3700, "holiday"),
    ("EB-AL-HOL", "AirLoop Earbuds Holiday Edition", "Earbuds", 99.99, 36.00, 400, 56, "new", 2500, "holiday"),
    ("EB-PULSE", "Pulse Sport Earbuds", "Earbuds", 39.99, 13.50, 500, 56, "active", 3100, "flat"),
]
ROUTING = [
    ("CH-65W-BLK", "SMT Line", 0.0040), ("CH-65W-WHT", "SMT Line", 0.0040), ("CH-30W", "SMT Line", 0.0030),
    ("CH-100W-G2", "SMT Line", 0.0060), ("2025", "SMT Line", 0.0045), ("CH-ND-65", "SMT Line", 0.0050),
    ("CB-CC-1M", "Cable Line 1", 0.0012), ("CB-CC-2M", "Cable Line 1", 0.0016),
    ("CB-CC-2M-3PK", "Cable Line 2", 0.0050), ("CB-CL-1M", "Cable Line 2", 0.0015), ("1200", "Cable Line 2", 0.0022),
    ("CB-CC-2M", "Cable Line 2", 0.0018),
    ("PB-10K", "Pack Cell", 0.0020), ("PB-20K-BLK", "Pack Cell", 0.0025), ("PB-20K-BLU", "Pack Cell", 0.0025),
    ("PB-MAX-26K", "Pack Cell", 0.0030), ("PB-MAG-5K", "Pack Cell", 0.0020),
    ("CS-S7-CLR", "Molding Press 3", 0.0011), ("CS-S7-BLK", "Molding Press 3", 0.0011),
    ("CS-S8-CLR", "Molding Press 3", 0.0012), ("CS-S8-BLK", "Molding Press 3", 0.0012),
    ("CS-FOLIO-S8", "Pack Cell", 0.0030),
    ("EB-AL2-WHT", "Pack Cell", 0.0020), ("EB-AL2-BLK", "Pack Cell", 0.0020), ("EB-AL3", "Pack Cell", 0.0022),
    ("EB-AL-HOL", "Pack Cell", 0.0035), ("EB-PULSE", "Pack Cell", 0.0020),
]
CAPACITY = {"SMT Line": 1.12, "Cable Line 1": 0.81, "Cable Line 2": 0.95, "Molding Press 3": 0.7, "Pack Cell": 0.88}
SUPPLY = [
    ("4501200733", "PB-20K-BLK", "2026-12-18", 6000, "purchase_order", "firm", "Dongguan Cellworks"),
    ("4501200741", "PB-MAX-26K", "2027-01-20", 2500, "purchase_order", "planned", "Dongguan Cellworks"),
    ("PO/26/1180", "CS-S8-CLR", "2026-12-04", 9000, "purchase_order", "firm", "Shenzhen Polymold"),
    ("PO-1107", "EB-AL2-WHT", "2026-11-07", 5000, "purchase_order", "firm", "Soundbay Acoustics"),
    ("12.26.05", "CH-65W-WHT", "2026-12-05", 4000, "purchase_order", "released", "Voltcore Electronics"),
    ("WO.6601", "CB-CC-1M", "2026-11-26", 15000, "production_order", "released", ""),
    ("WO.6608", "1200", "2026-12-10", 4000, "production_order", "firm", ""),
    ("3000", "CB-CC-2M-3PK", "2026-12-01", 3000, "production_order", "firm", ""),
    ("2027-WO-02", "CH-100W-G2", "2027-01-12", 2000, "production_order", "planned", ""),
    ("TR.MEM.14", "EB-AL3", "2026-11-24", 1500, "transfer", "released", "Memphis DC"),
]
CUSTOMERS = ["Best Buy", "Target", "Amazon US", "Staples Canada", "Verizon Stores"]
EVENTS = [
    ("Back to School 2026", "2026-08-01", "2026-08-31", "", "Cables", 25, "promotion"),
    ("Series 8 case launch", "2026-09-15", "2026-10-15", "", "Cases", 60, "launch"),
    ("AirLoop Holiday Edition launch", "2026-10-01", "2026-10-31", "EB-AL-HOL", "", 0, "launch"),
    ("Black Friday 2026", "2026-11-23", "2026-11-30", "", "Power Banks", 50, "promotion"),
    ("Holiday 2026", "2026-12-01", "2026-12-24", "", "Earbuds", 40, "holiday"),
    ("Spring Sale 2027", "2027-03-15", "2027-03-31", "", "Cables", 20, "promotion"),
]
STOCK_COVER = {"PB-20K-BLK": 0.3, "CH-65W-WHT": 0.35, "EB-AL2-WHT": 0.3, "CS-S8-CLR": 0.25, "2025": 0.4,
               "CS-S7-CLR": 6.0, "CS-S7-BLK": 5.5, "CB-CL-1M": 5.0, "PB-10K": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "holiday":  # Black Friday and the holidays
        return {11: 1.4, 12: 1.8, 1: 0.8}.get(month, 1.0)
    if kind == "launch":  # the Series 8 phones come out in September
        return {9: 1.6, 10: 1.3}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.004, pivot=12, noise=0.08,
                             promo=("CB-CC-1M", "2026-08", 1.3))  # back to school


def main() -> None:
    write_company(HERE, seed=121212, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Memphis DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-2,
                  order_ref="BB-{:05d}")


if __name__ == "__main__":
    main()
