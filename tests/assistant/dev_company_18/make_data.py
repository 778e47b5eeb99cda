"""Writes the monthly CSV files of dev company 18 (Northern Ember Coffee & Tea Inc., a Canadian coffee roaster and
maker of tea, cold brew and iced tea, CAD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_18/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-06" <= f"{y}-{m:02d}" <= "2026-05"]  # 24 complete months before 2026-06-20
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-06" <= f"{y}-{m:02d}" <= "2027-11"]
AS_OF = "2026-06-18"
ROASTERY = "Mississauga Roastery"
KELOWNA = "Kelowna Beverage Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("WB-DAWN-340", "Dawn Patrol Whole Bean 340 g", "Whole Bean", 16.5, 7.1, 900, 14, "active", 5200, "hot"),
    ("WB-DAWN-907", "Dawn Patrol Whole Bean 907 g", "Whole Bean", 36.0, 15.8, 500, 14, "active", 2400, "hot"),
    ("WB-STR-340", "Sterling Dark Whole Bean 340 g", "Whole Bean", 17.5, 7.6, 700, 14, "active", 3900, "hot"),
    ("WB-STR-2LB", "Sterling Dark Whole Bean 2 lb", "Whole Bean", 39.0, 17.2, 300, 14, "active", 1300, "hot"),
    ("2025", "Reserve Lot Whole Bean 340 g", "Whole Bean", 24.0, 10.9, 200, 14, "active", 900, "flat"),
    ("GR-DAWN-340", "Dawn Patrol Ground 340 g", "Ground", 15.5, 6.8, 1000, 14, "active", 6100, "hot"),
    ("GR-STR-340", "Sterling Dark Ground 340 g", "Ground", 16.5, 7.2, 800, 14, "active", 4400, "hot"),
    ("GR-DECAF-340", "Swiss Water Decaf Ground 340 g", "Ground", 17.0, 7.9, 300, 14, "active", 1500, "flat"),
    ("GR-BFST-340", "Breakfast Blend Ground 340 g", "Ground", 13.5, 5.9, 1200, 14, "active", 7300, "hot"),
    ("GR-BFST-907", "Breakfast Blend Ground 907 g", "Ground", 29.0, 12.6, 600, 14, "active", 2800, "hot"),
    ("PD-DAWN-12", "Dawn Patrol Pods 12-pack", "Pods", 9.5, 3.9, 1500, 10, "active", 8800, "gift"),
    ("PD-DAWN-24", "Dawn Patrol Pods 24 ct", "Pods", 17.0, 7.0, 1100, 10, "active", 6200, "gift"),
    ("PD-DECAF-12", "Swiss Water Decaf Pods 12-pack", "Pods", 10.5, 4.4, 400, 10, "active", 2100, "flat"),
    ("PD-MAPLE-24", "Maple Pecan Pods 24 ct", "Pods", 18.5, 7.8, 600, 10, "active", 3100, "gift"),
    ("1224", "Breakfast Blend Pods 24 ct", "Pods", 15.5, 6.3, 1200, 10, "active", 6900, "gift"),
    ("CB-ORIG-4", "Original Cold Brew 4-pack", "Cold Brew", 11.0, 4.3, 1400, 7, "active", 7600, "cold"),
    ("CB-ORIG-12", "Original Cold Brew 12-pack", "Cold Brew", 29.0, 11.6, 800, 7, "active", 3900, "cold"),
    ("CB-VAN-4", "Vanilla Oat Cold Brew 4-pack", "Cold Brew", 12.0, 4.9, 600, 7, "active", 3300, "cold"),
    ("CB-CONC-1L", "Cold Brew Concentrate 1 L", "Cold Brew", 14.0, 5.4, 500, 7, "active", 2500, "cold"),
    ("CB-MAY-4", "May Day Nitro Cold Brew 4-pack", "Cold Brew", 13.0, 5.3, 300, 7, "new", 1800, "cold"),
    ("TE-EG-20", "Earl Grey Tea 20 ct", "Tea", 6.5, 2.1, 1500, 30, "active", 8100, "hot"),
    ("TE-EG-100", "Earl Grey Tea 100 ct", "Tea", 24.0, 8.4, 300, 30, "active", 1200, "hot"),
    ("TE-ROSE-20", "Rose Garden Green Tea 20 ct", "Tea", 7.5, 2.6, 700, 30, "active", 3600, "hot"),
    ("TE-CHAI-20", "Masala Chai Tea 20 ct", "Tea", 7.0, 2.4, 800, 30, "active", 4300, "hot"),
    ("TE-HOW-20", "How Now Rooibos Tea 20 ct", "Tea", 7.0, 2.5, 300, 30, "active", 1600, "flat"),
    ("IT-PCH-4", "Peach Iced Tea 4-pack", "Iced Tea", 8.5, 3.1, 1300, 7, "active", 6800, "cold"),
    ("IT-PCH-12", "Peach Iced Tea 12-pack", "Iced Tea", 22.0, 8.3, 700, 7, "active", 3400, "cold"),
    ("IT-LEM-12", "Lemon Iced Tea 12-pack", "Iced Tea", 22.0, 8.2, 600, 7, "active", 2900, "cold"),
    ("IT-HIB-12", "Sunset Hibiscus Iced Tea 12-pack", "Iced Tea", 24.0, 9.1, 300, 7, "active", 1400, "cold"),
]
COFFEE = ["WB-DAWN-340", "WB-DAWN-907", "WB-STR-340", "WB-STR-2LB", "2025", "GR-DAWN-340", "GR-STR-340",
          "GR-DECAF-340", "GR-BFST-340", "GR-BFST-907"]
PODS = ["PD-DAWN-12", "PD-DAWN-24", "PD-DECAF-12", "PD-MAPLE-24", "1224"]
DRINKS = ["CB-ORIG-4", "CB-ORIG-12", "CB-VAN-4", "CB-CONC-1L", "CB-MAY-4", "IT-PCH-4", "IT-PCH-12", "IT-LEM-12",
          "IT-HIB-12"]
TEAS = ["TE-EG-20", "TE-EG-100", "TE-ROSE-20", "TE-CHAI-20", "TE-HOW-20"]
# the packing line comes first (the primary resource), then the roaster
ROUTING = (
    [(sku, "Grind & Pack Line", 0.007) for sku in COFFEE if sku.startswith("GR-")]
    + [(sku, "Pod Line", 0.009) for sku in PODS]
    + [(sku, "Roaster 1" if "STR" in sku or sku == "2025" else "Roaster 2", 0.006) for sku in COFFEE]
    + [(sku, "Roaster 2", 0.004) for sku in PODS]
    + [(sku, "Canning Line", 0.012) for sku in DRINKS]
    + [(sku, "Tea Bagger", 0.006) for sku in TEAS]
)
CAPACITY = {"Roaster 1": 0.72, "Roaster 2": 0.9, "Grind & Pack Line": 0.85, "Pod Line": 1.1,
            "Canning Line": 1.15, "Tea Bagger": 0.55}
PLANTS = {"Canning Line": KELOWNA, "Tea Bagger": KELOWNA}
SUPPLY = [
    ("4500123456", "WB-DAWN-907", "2026-07-08", 2500, "production_order", "firm", ""),
    ("912", "PD-DAWN-24", "2026-07-02", 6000, "production_order", "firm", ""),
    ("WO#4471", "GR-BFST-907", "2026-06-28", 3000, "production_order", "released", ""),
    ("2026-311", "CB-ORIG-12", "2026-07-14", 5000, "production_order", "planned", ""),
    ("MO-2026-Q3-01", "IT-PCH-12", "2026-07-10", 4500, "production_order", "planned", ""),
    ("1224-A", "1224", "2026-07-22", 7000, "production_order", "planned", ""),
    ("PO-7731", "TE-EG-20", "2026-07-15", 9000, "purchase_order", "released", "Assam Leaf Traders"),
    ("PO-7740", "TE-ROSE-20", "2026-06-05", 4000, "purchase_order", "firm", "Jade Garden Tea Co."),
    ("PO55-1029", "PD-MAPLE-24", "2026-08-03", 3500, "purchase_order", "firm", "Maple Flavour Co."),
    ("TRF/KEL/12", "CB-CONC-1L", "2026-06-25", 1500, "transfer", "released", KELOWNA),
]
CUSTOMERS = ["Loblaw", "Sobeys", "Metro Inc.", "Costco Canada", "Amazon.ca"]
EVENTS = [
    ("Canada Day Iced Tea 2025", "2025-06-25", "2025-07-05", "", "Iced Tea", 20, "promotion"),
    ("Holiday gifting 2025", "2025-11-15", "2025-12-24", "PD-MAPLE-24", "", 30, "holiday"),
    ("May Day Nitro launch", "2026-05-01", "2026-05-31", "CB-MAY-4", "", 0, "launch"),
    ("Canada Day Iced Tea 2026", "2026-06-25", "2026-07-05", "", "Iced Tea", 20, "promotion"),
    ("Summer Cold Brew Promo", "2026-07-01", "2026-08-31", "", "Cold Brew", 25, "promotion"),
    ("Holiday gifting 2026", "2026-11-15", "2026-12-24", "PD-MAPLE-24", "", 30, "holiday"),
]
STOCK_COVER = {"PD-DAWN-24": 0.3, "CB-ORIG-12": 0.3, "IT-PCH-12": 0.35, "TE-ROSE-20": 0.25, "GR-BFST-907": 0.35,
               "TE-EG-100": 6.5, "GR-DECAF-340": 5.5, "PD-DECAF-12": 7.0, "WB-STR-2LB": 4.8, "TE-HOW-20": 5.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "cold":  # northern summer
        return {6: 1.5, 7: 1.7, 8: 1.6, 12: 0.5, 1: 0.5, 2: 0.6}.get(month, 1.0)
    if kind == "hot":
        return {11: 1.2, 12: 1.3, 1: 1.3, 2: 1.2, 7: 0.8, 8: 0.8}.get(month, 1.0)
    if kind == "gift":
        return {11: 1.4, 12: 1.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.005, pivot=12, noise=0.08,
                             promo=("PD-MAPLE-24", "2025-12", 1.3))  # holiday gifting


def set_plants() -> None:
    """Put the Kelowna resources and the SKUs whose primary resource they are on the Kelowna plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=181818, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=ROASTERY,
                  location="Mississauga DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-1, order_ref="NE-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
