"""Writes the monthly CSV files of dev company 23 (Brandt & Verhoeven Flow Technology B.V., a Dutch/German
maker of industrial pumps, valves, seals and gaskets, spare-part kits and motors, EUR; plants in Eindhoven
and Dortmund).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_23/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-09"]  # 24 complete months before 2026-10-28
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-10" <= f"{y}-{m:02d}" <= "2028-03"]
AS_OF = "2026-10-27"
EINDHOVEN = "Eindhoven Works"
DORTMUND = "Dortmund Werk"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("CP-50-4-CI", "AquaLine CP DN50 4 kW Cast Iron", "Centrifugal Pumps", 1450.0, 820.0, 40, 35, "active", 210,
     "flat"),
    ("CP-50-4-SS", "AquaLine CP DN50 4 kW Stainless", "Centrifugal Pumps", 2150.0, 1190.0, 25, 35, "active", 130,
     "flat"),
    ("CP-80-75-CI", "AquaLine CP DN80 7.5 kW Cast Iron", "Centrifugal Pumps", 2650.0, 1480.0, 20, 42, "active", 95,
     "flat"),
    ("CP-80-75-SS", "AquaLine CP DN80 7.5 kW Stainless", "Centrifugal Pumps", 3650.0, 2020.0, 15, 42, "active", 60,
     "flat"),
    ("CP-80-11-SS", "AquaLine CP DN80 11 kW Stainless", "Centrifugal Pumps", 4800.0, 2700.0, 10, 42, "new", 30,
     "flat"),
    ("HF-50-4", "HygiaFlow Sanitary Pump DN50 4 kW", "Centrifugal Pumps", 3900.0, 2150.0, 10, 49, "active", 45,
     "flat"),
    ("SP-D-15", "Dompel Drainage Pump 1.5 kW", "Submersible Pumps", 690.0, 370.0, 60, 28, "active", 340, "rain"),
    ("SP-D-4", "Dompel Drainage Pump 4 kW", "Submersible Pumps", 1290.0, 700.0, 30, 28, "active", 160, "rain"),
    ("SP-S-75", "Dompel Sewage Pump 7.5 kW", "Submersible Pumps", 3100.0, 1720.0, 15, 42, "active", 70, "rain"),
    ("SP-GR-4", "Ruhr Grinder Pump 4 kW", "Submersible Pumps", 2400.0, 1310.0, 12, 42, "active", 55, "rain"),
    ("GV-50-16", "Gate Valve DN50 PN16 Cast Iron", "Valves", 210.0, 96.0, 150, 21, "active", 900, "build"),
    ("GV-80-16", "Gate Valve DN80 PN16 Cast Iron", "Valves", 320.0, 150.0, 120, 21, "active", 700, "build"),
    ("GV-80-40", "Gate Valve DN80 PN40 Cast Steel", "Valves", 590.0, 290.0, 40, 35, "active", 180, "build"),
    ("BV-80-16", "Ball Valve DN80 PN16 Stainless", "Valves", 480.0, 230.0, 60, 28, "active", 320, "build"),
    ("CV-50-16", "Check Valve DN50 PN16", "Valves", 160.0, 70.0, 100, 21, "active", 650, "build"),
    ("2028", "Wafer Butterfly Valve DN150 PN16", "Valves", 390.0, 180.0, 50, 28, "active", 260, "build"),
    ("MS-25-SIC", "Mechanical Seal 25 mm SiC/SiC", "Seals & Gaskets", 140.0, 52.0, 200, 14, "active", 1100,
     "service"),
    ("MS-35-SIC", "Mechanical Seal 35 mm SiC/SiC", "Seals & Gaskets", 185.0, 68.0, 150, 14, "active", 800,
     "service"),
    ("MS-35-CAR", "Mechanical Seal 35 mm Carbon/SiC", "Seals & Gaskets", 120.0, 41.0, 120, 14, "active", 600,
     "service"),
    ("OR-SET-V", "O-Ring Set Viton", "Seals & Gaskets", 35.0, 9.0, 300, 10, "active", 1500, "service"),
    ("GK-50-16", "Flange Gasket DN50 PN16 10-pack", "Seals & Gaskets", 28.0, 8.0, 250, 10, "active", 1300,
     "build"),
    ("GK-80-16", "Flange Gasket DN80 PN16 10-pack", "Seals & Gaskets", 39.0, 11.0, 200, 10, "active", 1000,
     "build"),
    ("KIT-CP50", "AquaLine DN50 Seal Kit", "Spare Kits", 165.0, 62.0, 120, 14, "active", 520, "service"),
    ("KIT-CP80", "AquaLine DN80 Seal Kit", "Spare Kits", 215.0, 80.0, 100, 14, "active", 430, "service"),
    ("KIT-CP80-OH", "AquaLine DN80 Overhaul Kit", "Spare Kits", 640.0, 270.0, 30, 21, "active", 110, "service"),
    ("KIT-DOM", "Dompel Impeller Kit", "Spare Kits", 260.0, 105.0, 50, 21, "active", 240, "rain"),
    ("KIT-GV", "Gate Valve Repack Kit", "Spare Kits", 45.0, 14.0, 150, 10, "active", 700, "service"),
    ("KIT-BV-80", "Ball Valve Seat Kit DN80", "Spare Kits", 70.0, 24.0, 0, 14, "discontinued", 120, "service"),
    ("MO-IE3-4", "IE3 Motor 4 kW", "Motors", 520.0, 340.0, 40, 56, "active", 260, "flat"),
    ("MO-IE3-75", "IE3 Motor 7.5 kW", "Motors", 890.0, 590.0, 25, 56, "active", 140, "flat"),
]
ROUTING = [
    ("CP-50-4-CI", "Pump Assembly Cell", 2.2), ("CP-50-4-SS", "Pump Assembly Cell", 2.4),
    ("CP-80-75-CI", "Pump Assembly Cell", 3.1), ("CP-80-75-SS", "Pump Assembly Cell", 3.3),
    ("CP-80-11-SS", "Pump Assembly Cell", 3.6), ("HF-50-4", "Pump Assembly Cell", 4.0),
    ("CP-80-75-CI", "Hermle Machining Centre", 1.4), ("HF-50-4", "Test Bench", 1.0),
    ("SP-D-15", "Test Bench", 0.6), ("SP-D-4", "Test Bench", 0.8), ("SP-S-75", "Test Bench", 1.2),
    ("SP-GR-4", "Test Bench", 1.2),
    ("GV-50-16", "Mazak Machining Centre", 0.35), ("GV-80-16", "Mazak Machining Centre", 0.45),
    ("GV-80-40", "Hermle Machining Centre", 0.9), ("GV-80-40", "Mazak Machining Centre", 0.7),
    ("GV-80-16", "Hermle Machining Centre", 0.5),
    ("BV-80-16", "Valve Assembly Cell", 0.6), ("CV-50-16", "Valve Assembly Cell", 0.3),
    ("2028", "Valve Assembly Cell", 0.5),
    ("MS-25-SIC", "Seal Lapping Station", 0.12), ("MS-35-SIC", "Seal Lapping Station", 0.15),
    ("MS-35-CAR", "Seal Lapping Station", 0.12),
    ("KIT-CP50", "Kit Packing Cell", 0.08), ("KIT-CP80", "Kit Packing Cell", 0.08),
    ("KIT-CP80-OH", "Kit Packing Cell", 0.2), ("KIT-DOM", "Kit Packing Cell", 0.1),
    ("KIT-GV", "Kit Packing Cell", 0.05),
]
CAPACITY = {"Pump Assembly Cell": 1.12, "Valve Assembly Cell": 0.85, "Kit Packing Cell": 0.6,
            "Hermle Machining Centre": 0.9, "Mazak Machining Centre": 1.06, "Seal Lapping Station": 0.7,
            "Test Bench": 0.92}
PLANTS = {"Valve Assembly Cell": DORTMUND, "Mazak Machining Centre": DORTMUND, "Seal Lapping Station": DORTMUND}
SUPPLY = [
    ("4500087321", "MO-IE3-4", "2026-11-12", 400, "purchase_order", "firm", "Elektromotoren Lünen GmbH"),
    ("4500087355", "MO-IE3-75", "2026-12-03", 250, "purchase_order", "firm", "Elektromotoren Lünen GmbH"),
    ("4500086990", "SP-S-75", "2026-10-20", 90, "purchase_order", "firm", "Pumpenteile Bochum GmbH"),
    ("KW47-2026", "CP-80-75-CI", "2026-11-20", 120, "production_order", "released", ""),
    ("KW03-2027", "CP-50-4-SS", "2027-01-15", 150, "production_order", "planned", ""),
    ("PA.26.1187", "GV-80-16", "2026-11-05", 600, "production_order", "firm", ""),
    ("FA/DO/0932", "MS-35-SIC", "2026-11-26", 1500, "production_order", "released", ""),
    ("PO-2026-118", "KIT-CP80", "2026-10-09", 800, "purchase_order", "firm", "Rubberfabriek Kempen B.V."),
    ("TR.DO-EHV.07", "GK-80-16", "2026-11-02", 1200, "transfer", "released", "Dortmund Werk"),
    ("2028/11", "2028", "2026-11-18", 400, "production_order", "firm", ""),
]
CUSTOMERS = ["Waterbedrijf Brabant", "Stadtwerke Bochum", "Chemiepark Marl", "Brouwerij De Kroon",
             "Installatiebedrijf Van Gool"]
EVENTS = [
    ("Summer shutdown kits 2025", "2025-07-01", "2025-08-31", "", "Spare Kits", 20, "promotion"),
    ("Autumn rain campaign 2025", "2025-10-01", "2025-11-30", "", "Submersible Pumps", 15, "promotion"),
    ("AquaLine 11 kW launch", "2026-06-01", "2026-06-30", "CP-80-11-SS", "", 0, "launch"),
    ("Summer shutdown kits 2026", "2026-07-01", "2026-08-31", "", "Spare Kits", 20, "promotion"),
    ("Autumn rain campaign 2026", "2026-10-01", "2026-11-30", "", "Submersible Pumps", 15, "promotion"),
    ("Christmas shutdown", "2026-12-21", "2027-01-03", "", "", 0, "holiday"),
]
STOCK_COVER = {"CP-80-75-CI": 0.3, "MO-IE3-4": 0.25, "KIT-CP80": 0.2, "MS-35-SIC": 0.35, "2028": 0.3,
               "SP-S-75": 0.3, "GV-50-16": 6.0, "KIT-BV-80": 8.0, "CP-50-4-CI": 5.0, "OR-SET-V": 5.5,
               "SP-D-15": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "rain":  # drainage and sewage pumps: the wet autumn and winter
        return {10: 1.4, 11: 1.6, 12: 1.4, 1: 1.3, 6: 0.7, 7: 0.6, 8: 0.7}.get(month, 1.0)
    if kind == "service":  # spring maintenance and the summer plant shutdowns
        return {3: 1.2, 4: 1.3, 5: 1.2, 7: 1.4, 8: 1.3, 12: 0.7}.get(month, 1.0)
    if kind == "build":  # site work slows in the construction holiday and at Christmas
        return {8: 0.75, 12: 0.7, 1: 0.85}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-06", trend=0.004, pivot=12, noise=0.09,
                             promo=("KIT-CP80", "2026-07", 1.35))  # summer shutdown kits


def set_plants() -> None:
    """Put the Dortmund resources and the SKUs whose primary resource they are on the Dortmund plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=232323, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=EINDHOVEN,
                  location="Eindhoven DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-1, order_ref="VA-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
