"""Writes the monthly CSV files of dev company 16 (Hollybrook Foods Ltd, an English maker of frozen and chilled
ready meals, pizza, pies, desserts, frozen vegetables and soups, GBP).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_16/make_data.py
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
WAKEFIELD = "Wakefield Plant"
GRIMSBY = "Grimsby Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("RM-CTM-400", "Chicken Tikka Masala 400g", "Ready Meals", 3.5, 1.4, 4000, 7, "active", 26000, "winter"),
    ("RM-CTM-800", "Chicken Tikka Masala 800g", "Ready Meals", 6.0, 2.5, 1500, 7, "active", 9000, "winter"),
    ("RM-LAS-400", "Beef Lasagne 400g", "Ready Meals", 3.75, 1.5, 3000, 7, "active", 21000, "winter"),
    ("RM-LAS-1K", "Beef Lasagne 1kg", "Ready Meals", 7.5, 3.1, 800, 7, "active", 5200, "winter"),
    ("RM-SHP-400", "Shepherd's Pie 400g", "Ready Meals", 3.25, 1.3, 2000, 7, "active", 14000, "winter"),
    ("2026", "Sunday Roast Chicken Dinner 450g", "Ready Meals", 4.0, 1.7, 1200, 7, "active", 8000, "winter"),
    ("PZ-MAR-10", "Margherita Pizza 10 inch", "Pizza", 2.5, 0.9, 3000, 10, "active", 19000, "flat"),
    ("PZ-MAR-12", "Margherita Pizza 12 inch", "Pizza", 3.5, 1.3, 2500, 10, "active", 15000, "flat"),
    ("PZ-PEP-12", "Pepperoni Pizza 12 inch", "Pizza", 4.0, 1.5, 2500, 10, "active", 17000, "flat"),
    ("PZ-BBQ-12", "BBQ Chicken Pizza 12 inch", "Pizza", 4.25, 1.7, 1000, 10, "active", 6000, "summer"),
    ("PZ-FF-4", "Friday Feast Pizza 4 Pack", "Pizza", 9.0, 3.6, 800, 10, "active", 4500, "flat"),
    ("PI-SA-1", "Steak & Ale Pie Single", "Pies", 2.25, 0.9, 2000, 10, "active", 12000, "winter"),
    ("PI-SA-4", "Steak & Ale Pie 4 Pack", "Pies", 7.0, 2.9, 900, 10, "active", 5500, "winter"),
    ("PI-CM-4", "Chicken & Mushroom Pie 4 Pack", "Pies", 6.5, 2.7, 900, 10, "active", 5000, "winter"),
    ("PI-MIN-6", "Mince Pies 6 Pack", "Pies", 2.0, 0.7, 3000, 10, "active", 6000, "xmas"),
    ("DS-STP-4", "Sticky Toffee Pudding 4 Pack", "Desserts", 4.5, 1.8, 800, 14, "active", 5200, "winter"),
    ("DS-STP-2", "Sticky Toffee Pudding 2 Pack", "Desserts", 2.75, 1.1, 600, 14, "active", 3800, "winter"),
    ("DS-SUM-500", "Summer Pudding 500g", "Desserts", 3.75, 1.5, 500, 14, "new", 3000, "summer"),
    ("DS-NYC-6", "New York Cheesecake 6 Slice", "Desserts", 5.5, 2.4, 700, 35, "active", 4200, "flat"),
    ("DS-ABC-600", "Apple & Blackberry Crumble 600g", "Desserts", 3.5, 1.4, 600, 14, "active", 4000, "winter"),
    ("FV-PEA-900", "Garden Peas 900g", "Frozen Veg", 1.6, 0.6, 5000, 21, "active", 30000, "flat"),
    ("FV-PEA-1K8", "Garden Peas 1.8kg", "Frozen Veg", 2.9, 1.1, 2000, 21, "active", 11000, "flat"),
    ("FV-MIX-1K", "Mixed Vegetables 1kg", "Frozen Veg", 1.8, 0.7, 2500, 21, "active", 14000, "flat"),
    ("FV-MAY-750", "May Harvest Sweetcorn 750g", "Frozen Veg", 1.5, 0.6, 1200, 21, "active", 7000, "summer"),
    ("4500", "Broccoli Florets 1kg", "Frozen Veg", 2.0, 0.8, 1500, 21, "active", 9000, "flat"),
    ("SP-TOM-600", "Tomato & Basil Soup 600g", "Soups", 2.2, 0.8, 2500, 7, "active", 16000, "winter"),
    ("SP-TOM-300", "Tomato & Basil Soup 300g", "Soups", 1.4, 0.5, 1200, 7, "active", 7000, "winter"),
    ("SP-LEN-600", "Red Lentil Soup 600g", "Soups", 2.2, 0.8, 1000, 7, "active", 6500, "winter"),
    ("SP-PH-600", "Pea & Ham Soup 600g", "Soups", 2.4, 0.9, 900, 7, "active", 5500, "winter"),
    ("SP-CHK-600", "Chicken Soup 600g", "Soups", 2.3, 0.9, 1000, 7, "active", 7500, "winter"),
]
ROUTING = [
    ("RM-CTM-400", "Meals Assembly Line", 0.0009), ("RM-CTM-800", "Meals Assembly Line", 0.0015),
    ("RM-LAS-400", "Meals Assembly Line", 0.0010), ("RM-LAS-1K", "Meals Assembly Line", 0.0020),
    ("RM-SHP-400", "Meals Assembly Line", 0.0010), ("2026", "Meals Assembly Line", 0.0012),
    ("PZ-MAR-10", "Pizza Line", 0.0006), ("PZ-MAR-12", "Pizza Line", 0.0008),
    ("PZ-PEP-12", "Pizza Line", 0.0009), ("PZ-BBQ-12", "Pizza Line", 0.0009), ("PZ-FF-4", "Pizza Line", 0.0030),
    ("PZ-MAR-10", "Spiral Freezer", 0.0003), ("PZ-PEP-12", "Spiral Freezer", 0.0004),
    ("PI-SA-1", "Pie Line", 0.0008), ("PI-SA-4", "Pie Line", 0.0025), ("PI-CM-4", "Pie Line", 0.0025),
    ("PI-MIN-6", "Pie Line", 0.0012), ("DS-STP-4", "Pie Line", 0.0020), ("DS-STP-2", "Pie Line", 0.0012),
    ("DS-SUM-500", "Pie Line", 0.0015), ("DS-ABC-600", "Pie Line", 0.0015),
    ("FV-PEA-900", "Spiral Freezer", 0.0004), ("FV-PEA-1K8", "Spiral Freezer", 0.0007),
    ("FV-MIX-1K", "Spiral Freezer", 0.0005), ("FV-MAY-750", "Spiral Freezer", 0.0004),
    ("4500", "Spiral Freezer", 0.0005),
    ("SP-TOM-600", "Soup Kettle 1", 0.0010), ("SP-TOM-300", "Soup Kettle 1", 0.0006),
    ("SP-LEN-600", "Soup Kettle 1", 0.0010), ("SP-PH-600", "Soup Kettle 2", 0.0010),
    ("SP-CHK-600", "Soup Kettle 2", 0.0010),
]
CAPACITY = {"Meals Assembly Line": 1.1, "Pizza Line": 1.04, "Pie Line": 0.85, "Spiral Freezer": 0.75,
            "Soup Kettle 1": 0.92, "Soup Kettle 2": 0.55}
PLANTS = {"Pizza Line": GRIMSBY, "Spiral Freezer": GRIMSBY}
SUPPLY = [
    ("4500123456", "PZ-PEP-12", "2026-12-08", 20000, "production_order", "firm", ""),
    ("PO/2026/118", "FV-PEA-900", "2026-12-02", 40000, "purchase_order", "firm", "Lincolnshire Growers Co-op"),
    ("PO-51207", "DS-NYC-6", "2026-11-05", 6000, "purchase_order", "released", "Alpine Patisserie GmbH"),
    ("PO-51230", "DS-NYC-6", "2027-01-14", 5000, "purchase_order", "planned", "Alpine Patisserie GmbH"),
    ("2026-0412", "RM-CTM-400", "2026-11-27", 30000, "production_order", "released", ""),
    ("1200", "PI-MIN-6", "2026-11-23", 15000, "production_order", "firm", ""),
    ("WO-MAY-03", "FV-MAY-750", "2027-01-18", 8000, "production_order", "planned", ""),
    ("WO.3310", "RM-LAS-400", "2026-12-10", 22000, "production_order", "firm", ""),
    ("TR/GRI/02", "PZ-MAR-12", "2026-11-19", 5000, "transfer", "released", "Grimsby Plant"),
    ("Q1-2027-07", "SP-CHK-600", "2027-02-03", 9000, "production_order", "planned", ""),
]
CUSTOMERS = ["Tesco", "Sainsbury's", "Iceland Foods", "Ocado"]
EVENTS = [
    ("Christmas 2025", "2025-11-15", "2025-12-24", "PI-MIN-6", "", 40, "holiday"),
    ("Summer Pudding launch", "2026-06-01", "2026-06-30", "DS-SUM-500", "", 0, "launch"),
    ("Tesco pizza deal", "2026-09-01", "2026-09-30", "", "Pizza", 25, "promotion"),
    ("Christmas 2026", "2026-11-15", "2026-12-24", "PI-MIN-6", "", 40, "holiday"),
    ("Soup winter promo", "2027-01-04", "2027-01-31", "", "Soups", 20, "promotion"),
]
STOCK_COVER = {"RM-CTM-400": 0.3, "PZ-PEP-12": 0.3, "PI-MIN-6": 0.25, "FV-PEA-900": 0.35, "DS-NYC-6": 0.3,
               "SP-TOM-300": 6.0, "RM-LAS-1K": 5.0, "PZ-BBQ-12": 5.5, "FV-MIX-1K": 4.8, "DS-STP-2": 5.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "winter":
        return {12: 1.35, 1: 1.4, 2: 1.25, 6: 0.7, 7: 0.65, 8: 0.7}.get(month, 1.0)
    if kind == "summer":
        return {6: 1.5, 7: 1.6, 8: 1.4, 12: 0.6, 1: 0.6}.get(month, 1.0)
    if kind == "xmas":
        return {11: 2.5, 12: 3.5, 1: 0.2, 2: 0.1, 3: 0.1}.get(month, 0.3)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-06", trend=0.003, pivot=12, noise=0.08,
                             promo=("PZ-PEP-12", "2026-09", 1.3))  # Tesco pizza deal


def set_plants() -> None:
    """Put the Grimsby resources and the SKUs whose primary resource they are on the Grimsby plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=161616, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WAKEFIELD,
                  location="Wakefield DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="HB-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
