"""Writes the monthly CSV files of dev company 19 (Southern Cross Auto Parts Ltd, a New Zealand maker and
distributor of engine oil, filters, brake parts, batteries, car-care products and wipers, NZD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_19/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-09" <= f"{y}-{m:02d}" <= "2026-08"]  # 24 complete months before 2026-09-05
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-09" <= f"{y}-{m:02d}" <= "2028-02"]
AS_OF = "2026-09-04"
WORKS = "East Tamaki Works"
CHEM_PLANT = "Hamilton Blending Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("EO-530-1", "Kiwi Gold 5W-30 Engine Oil 1 L", "Engine Oil", 18.9, 7.1, 1500, 14, "active", 8200, "flat"),
    ("EO-530-4", "Kiwi Gold 5W-30 Engine Oil 4 L", "Engine Oil", 62.0, 24.5, 900, 14, "active", 5100, "flat"),
    ("EO-530-20", "Kiwi Gold 5W-30 Engine Oil 20 L", "Engine Oil", 265.0, 108.0, 120, 14, "active", 700,
     "flat"),
    ("EO-1040-4", "Kiwi Gold 10W-40 Engine Oil 4 L", "Engine Oil", 54.0, 21.0, 700, 14, "active", 3900, "flat"),
    ("EO-1040-20", "Kiwi Gold 10W-40 Engine Oil 20 L", "Engine Oil", 229.0, 92.0, 80, 14, "active", 450, "flat"),
    ("EO-DSL-20", "Long Haul Diesel 15W-40 Engine Oil 20 L", "Engine Oil", 249.0, 101.0, 100, 14, "active", 600,
     "flat"),
    ("FL-OIL-Z", "Z-Series Oil Filter", "Filters", 16.5, 5.2, 2000, 30, "active", 9800, "flat"),
    ("FL-AIR-Z", "Z-Series Air Filter", "Filters", 29.0, 9.8, 1200, 30, "active", 5200, "flat"),
    ("FL-CAB", "Fresh Air Cabin Filter", "Filters", 34.0, 11.5, 600, 30, "active", 2700, "spring"),
    ("FL-FUEL-D", "Diesel Fuel Filter", "Filters", 39.0, 14.0, 500, 30, "active", 2100, "flat"),
    ("BP-PAD-F", "StopRight Front Brake Pads", "Brake Parts", 79.0, 31.0, 800, 45, "active", 3600, "flat"),
    ("BP-PAD-R", "StopRight Rear Brake Pads", "Brake Parts", 69.0, 27.0, 600, 45, "active", 2500, "flat"),
    ("BP-DSC-F", "StopRight Front Brake Disc", "Brake Parts", 119.0, 48.0, 300, 45, "active", 1400, "flat"),
    ("BP-FLD-500", "Brake Fluid DOT 4 500 ml", "Brake Parts", 19.5, 6.4, 900, 45, "active", 4300, "flat"),
    ("BT-550", "PowerStart Battery 550 CCA", "Batteries", 189.0, 96.0, 250, 21, "active", 1500, "winter"),
    ("BT-680", "PowerStart Battery 680 CCA", "Batteries", 239.0, 121.0, 200, 21, "active", 1100, "winter"),
    ("BT-AGM-760", "PowerStart AGM Battery 760 CCA", "Batteries", 329.0, 168.0, 100, 21, "new", 500, "winter"),
    ("2040", "Marine Deep Cycle Battery 100 Ah", "Batteries", 399.0, 205.0, 60, 21, "active", 300, "summer"),
    ("CC-WW-1", "Wash & Wax Car Shampoo 1 L", "Car Care", 21.0, 6.8, 1200, 10, "active", 6400, "summer"),
    ("CC-WW-5", "Wash & Wax Car Shampoo 5 L", "Car Care", 69.0, 23.0, 300, 10, "active", 1300, "summer"),
    ("CC-SB-500", "Spring Bright Glass Cleaner 500 ml", "Car Care", 12.5, 3.9, 900, 10, "active", 4800, "spring"),
    ("CC-TS-500", "Tyre Shine 500 ml", "Car Care", 16.0, 5.1, 500, 10, "active", 2600, "summer"),
    ("CC-CW-W", "Car Wax Paste", "Car Care", 29.0, 9.6, 300, 10, "active", 1500, "summer"),
    ("WB-CL-18", "ClearView Wiper Blade 18 inch", "Wipers", 24.0, 7.8, 700, 28, "active", 3300, "winter"),
    ("WB-CL-22", "ClearView Wiper Blade 22 inch", "Wipers", 27.0, 8.9, 800, 28, "active", 3800, "winter"),
    ("WB-CL-26", "ClearView Wiper Blade 26 inch", "Wipers", 29.0, 9.5, 400, 28, "active", 1900, "winter"),
    ("WB-WASH-5", "Wiper Washer Fluid 5 L", "Wipers", 14.0, 4.2, 1000, 28, "active", 5200, "winter"),
    ("WB-RR-14", "Rear Wiper Blade 14 inch", "Wipers", 19.0, 6.1, 300, 28, "active", 1200, "winter"),
]
ROUTING = [
    ("EO-530-1", "Oil Blending Tank", 0.0004), ("EO-530-1", "Oil Filling Line", 0.0009),
    ("EO-530-4", "Oil Filling Line", 0.0016), ("EO-530-20", "Drum Filling Station", 0.0080),
    ("EO-1040-4", "Oil Filling Line", 0.0016), ("EO-1040-20", "Drum Filling Station", 0.0080),
    ("EO-DSL-20", "Drum Filling Station", 0.0080), ("EO-530-4", "Oil Blending Tank", 0.0010),
    ("FL-OIL-Z", "Filter Assembly Line", 0.0012), ("FL-AIR-Z", "Filter Assembly Line", 0.0018),
    ("FL-CAB", "Filter Assembly Line", 0.0020), ("FL-FUEL-D", "Filter Assembly Line", 0.0022),
    ("BP-PAD-F", "Brake Press", 0.0040), ("BP-PAD-R", "Brake Press", 0.0035),
    ("BP-FLD-500", "Oil Filling Line", 0.0006),
    ("CC-WW-1", "Chemical Filling Line", 0.0008), ("CC-WW-5", "Chemical Filling Line", 0.0020),
    ("CC-SB-500", "Chemical Filling Line", 0.0006), ("CC-TS-500", "Chemical Filling Line", 0.0006),
    ("WB-WASH-5", "Chemical Filling Line", 0.0015),
]
CAPACITY = {"Oil Filling Line": 1.1, "Oil Blending Tank": 0.6, "Drum Filling Station": 0.8,
            "Filter Assembly Line": 0.95, "Brake Press": 0.7, "Chemical Filling Line": 1.05}
PLANTS = {"Chemical Filling Line": CHEM_PLANT, "Oil Blending Tank": CHEM_PLANT}
SUPPLY = [
    ("4500123456", "EO-530-4", "2026-10-06", 6000, "production_order", "firm", ""),
    ("PO/2026/0815", "BT-550", "2026-09-22", 1200, "purchase_order", "firm", "Century Yuasa Batteries"),
    ("PO-77104", "WB-CL-22", "2026-08-28", 5000, "purchase_order", "firm", "Bosch Aftermarket Asia"),
    ("PO-77110", "BP-DSC-F", "2026-11-02", 1500, "purchase_order", "released", "Bendix Brakes"),
    ("2026-311", "FL-OIL-Z", "2026-09-18", 12000, "production_order", "released", ""),
    ("2027/PO/2", "2040", "2027-01-15", 400, "purchase_order", "planned", "Marine Power Ltd"),
    ("530", "EO-530-20", "2026-09-29", 800, "production_order", "firm", ""),
    ("WO.4402", "CC-WW-1", "2026-10-13", 8000, "production_order", "planned", ""),
    ("WO.4409", "BP-PAD-F", "2026-09-25", 4000, "production_order", "released", ""),
    ("TR/HAM/11", "WB-WASH-5", "2026-09-15", 3000, "transfer", "released", "Hamilton Blending Plant"),
]
CUSTOMERS = ["Repco NZ", "Supercheap Auto", "BNT Auto Parts", "Mitre 10 MEGA"]
EVENTS = [
    ("Winter Battery Drive 2025", "2025-06-01", "2025-07-31", "", "Batteries", 25, "promotion"),
    ("Spring Clean Promo 2025", "2025-10-01", "2025-10-31", "", "Car Care", 30, "promotion"),
    ("Winter Battery Drive 2026", "2026-06-01", "2026-07-31", "", "Batteries", 25, "promotion"),
    ("AGM launch", "2026-07-01", "2026-07-31", "BT-AGM-760", "", 0, "launch"),
    ("Spring Clean Promo 2026", "2026-10-01", "2026-10-31", "", "Car Care", 30, "promotion"),
    ("Summer road trip", "2026-12-01", "2027-01-31", "", "Engine Oil", 15, "holiday"),
]
STOCK_COVER = {"EO-530-4": 0.3, "WB-CL-22": 0.25, "BT-550": 0.35, "2040": 0.3, "FL-OIL-Z": 0.35,
               "EO-1040-20": 6.5, "CC-CW-W": 7.0, "WB-RR-14": 5.5, "BP-DSC-F": 4.8, "CC-WW-5": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "winter":  # southern winter: batteries and wipers
        return {6: 1.6, 7: 1.7, 8: 1.4, 5: 1.2, 12: 0.7, 1: 0.6, 2: 0.7}.get(month, 1.0)
    if kind == "summer":
        return {12: 1.5, 1: 1.6, 2: 1.3, 6: 0.6, 7: 0.6}.get(month, 1.0)
    if kind == "spring":
        return {9: 1.3, 10: 1.5, 11: 1.3, 6: 0.7}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-07", trend=0.003, pivot=12, noise=0.08,
                             promo=("CC-WW-1", "2025-10", 1.3))  # spring clean promo


def set_plants() -> None:
    """Put the Hamilton resources and the SKUs whose primary resource they are on the Hamilton plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=191919, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WORKS, location="East Tamaki DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-1,
                  order_ref="SX{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
