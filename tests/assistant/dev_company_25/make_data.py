"""Writes the monthly CSV files of dev company 25 (Hultsfors Möbler AB, a Swedish maker of flat-pack
furniture and home furnishings with a factory in Hultsfors, Småland, and a finishing plant in Września,
Poland, SEK).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_25/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-05" <= f"{y}-{m:02d}" <= "2026-04"]  # 24 complete months before 2026-05-29
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-05" <= f"{y}-{m:02d}" <= "2027-10"]
AS_OF = "2026-05-28"
WORKS = "Hultsfors Works"
FINISHING = "Września Finishing Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("BD-FJB-90W", "Fjällbo Bed Frame 90x200 white", "Beds", 1495.0, 610.0, 120, 21, "active", 900, "autumn"),
    ("BD-FJB-140W", "Fjällbo Bed Frame 140x200 white", "Beds", 2295.0, 930.0, 150, 21, "active", 1300, "autumn"),
    ("BD-FJB-140O", "Fjällbo Bed Frame 140x200 oak veneer", "Beds", 2995.0, 1240.0, 80, 28, "active", 650,
     "autumn"),
    ("BD-SMN-80", "Sömnig Foam Mattress 80x200", "Beds", 1195.0, 470.0, 150, 30, "active", 1100, "autumn"),
    ("BD-SMN-140", "Sömnig Foam Mattress 140x200", "Beds", 1995.0, 790.0, 180, 30, "active", 1400, "autumn"),
    ("BD-SMN-160P", "Sömnig Pocket Mattress 160x200", "Beds", 3495.0, 1420.0, 60, 30, "new", 380, "autumn"),
    ("SF-KLV-2G", "Klöverdal 2-seat Sofa dark grey", "Sofas", 4995.0, 2150.0, 60, 35, "active", 420, "winter"),
    ("SF-KLV-3G", "Klöverdal 3-seat Sofa dark grey", "Sofas", 6495.0, 2790.0, 70, 35, "active", 560, "winter"),
    ("SF-KLV-3B", "Klöverdal 3-seat Sofa beige", "Sofas", 6495.0, 2790.0, 50, 35, "active", 380, "winter"),
    ("SF-VIK-3", "Vikhamn 3-seat Sofa Bed", "Sofas", 7995.0, 3380.0, 40, 35, "active", 260, "winter"),
    ("CH-ALV-1B", "Älvsta Dining Chair black-brown", "Chairs", 595.0, 230.0, 200, 28, "active", 1500, "flat"),
    ("CH-ALV-4W", "Älvsta Dining Chair white, set of 4", "Chairs", 1995.0, 800.0, 120, 28, "active", 700, "flat"),
    ("CH-ALV-4B", "Älvsta Dining Chair black-brown, set of 4", "Chairs", 1995.0, 800.0, 150, 28, "active", 900,
     "flat"),
    ("CH-RST-BB", "Rest Lounge Chair black-brown", "Chairs", 2495.0, 1010.0, 60, 28, "active", 380, "winter"),
    ("CH-RST-OAK", "Rest Lounge Chair oak veneer", "Chairs", 2995.0, 1230.0, 40, 28, "active", 240, "winter"),
    ("CH-STP-2", "Stolpe Bar Stool, set of 2", "Chairs", 1295.0, 540.0, 0, 28, "discontinued", 160, "flat"),
    ("TB-LND-140O", "Lindås Dining Table 140 cm oak veneer", "Tables", 3495.0, 1450.0, 60, 28, "active", 380,
     "flat"),
    ("TB-LND-140W", "Lindås Dining Table 140 cm white", "Tables", 2995.0, 1210.0, 60, 28, "active", 420, "flat"),
    ("TB-LND-180O", "Lindås Dining Table 180 cm oak veneer", "Tables", 4295.0, 1790.0, 30, 28, "active", 190,
     "flat"),
    ("TB-FJB-BS", "Fjällbo Bedside Table white", "Tables", 595.0, 230.0, 150, 21, "active", 1200, "autumn"),
    ("TB-SJD-CT", "Sjödal Coffee Table black-brown", "Tables", 1495.0, 600.0, 80, 21, "active", 620, "winter"),
    ("ST-HYL-80W", "Hyllvik Bookcase 80x200 white", "Storage", 1295.0, 510.0, 150, 21, "active", 1250, "spring"),
    ("ST-HYL-80B", "Hyllvik Bookcase 80x200 black-brown", "Storage", 1295.0, 510.0, 100, 21, "active", 800,
     "spring"),
    ("ST-HYL-40W", "Hyllvik Bookcase 40x200 white", "Storage", 795.0, 310.0, 80, 21, "active", 520, "spring"),
    ("ST-FJB-3D", "Fjällbo Chest of 3 Drawers white", "Storage", 1995.0, 800.0, 80, 21, "active", 640, "autumn"),
    ("2028", "Lådvik Storage Box, set of 3", "Storage", 249.0, 82.0, 400, 14, "active", 3200, "spring"),
    ("TX-DRM-140", "Dröm Duvet Cover 140x200 white", "Textiles", 399.0, 120.0, 300, 42, "active", 2600, "winter"),
    ("TX-KLV-C3", "Klöverdal 3-seat Cover beige", "Textiles", 1495.0, 520.0, 60, 42, "active", 300, "winter"),
    ("TX-MYS-4", "Mysig Cushion Cover 50x50, pack of 4", "Textiles", 299.0, 85.0, 250, 42, "active", 2100,
     "winter"),
    ("TX-GRS-160", "Gräsö Rug 160x230", "Textiles", 1795.0, 640.0, 40, 42, "active", 330, "winter"),
]
ROUTING = [
    ("BD-FJB-90W", "Panel Saw Line", 0.10), ("BD-FJB-90W", "Panel Packing Line", 0.05),
    ("BD-FJB-140W", "Panel Saw Line", 0.14), ("BD-FJB-140O", "Veneer Press", 0.22),
    ("TB-FJB-BS", "Edge Banding Line", 0.06), ("ST-FJB-3D", "Edge Banding Line", 0.16),
    ("ST-HYL-80W", "Edge Banding Line", 0.12), ("ST-HYL-80B", "Edge Banding Line", 0.12),
    ("ST-HYL-40W", "Edge Banding Line", 0.08), ("ST-HYL-80W", "Panel Saw Line", 0.10),
    ("TB-SJD-CT", "Panel Saw Line", 0.09), ("TB-LND-140W", "Panel Saw Line", 0.15),
    ("TB-LND-140O", "Veneer Press", 0.25), ("TB-LND-180O", "Veneer Press", 0.32),
    ("CH-RST-OAK", "Veneer Press", 0.20),
    ("SF-KLV-2G", "Upholstery Cell", 1.6), ("SF-KLV-3G", "Upholstery Cell", 2.1),
    ("SF-KLV-3B", "Upholstery Cell", 2.1), ("SF-VIK-3", "Upholstery Cell", 2.8),
    ("SF-KLV-3G", "Sofa Packing Line", 0.35), ("CH-RST-BB", "Upholstery Cell", 0.9),
]
CAPACITY = {"Panel Saw Line": 0.85, "Edge Banding Line": 1.12, "Panel Packing Line": 0.6,
            "Veneer Press": 1.06, "Upholstery Cell": 0.92, "Sofa Packing Line": 0.7}
PLANTS = {"Veneer Press": FINISHING, "Upholstery Cell": FINISHING, "Sofa Packing Line": FINISHING}
SUPPLY = [
    ("4501200731", "BD-SMN-140", "2026-06-15", 1800, "purchase_order", "firm", "Baltic Foam Sp. z o.o."),
    ("PO/2026/118", "TX-DRM-140", "2026-06-22", 4000, "purchase_order", "firm", "Łódzkie Tekstylia Sp. z o.o."),
    ("PO-58812", "CH-ALV-4B", "2026-05-20", 1200, "purchase_order", "firm", "Radomsko Chairs Sp. z o.o."),
    ("26-0612", "BD-FJB-140W", "2026-06-12", 1500, "production_order", "released", ""),
    ("AO.7781", "SF-KLV-3G", "2026-06-19", 600, "production_order", "firm", ""),
    ("AO.7790", "SF-KLV-2G", "2026-07-03", 450, "production_order", "planned", ""),
    ("TR/WRZ/7", "TB-LND-140O", "2026-06-05", 300, "transfer", "released", "Września Finishing Plant"),
    ("880", "ST-HYL-80W", "2026-06-26", 1600, "production_order", "firm", ""),
    ("PL/0417", "2028", "2026-07-10", 6000, "purchase_order", "planned", "Kartongbruket i Markaryd AB"),
]
CUSTOMERS = ["Nordhem Retail", "Bolist Interiör", "Ostsee Wohnen GmbH", "Möbelkedjan", "HemDirekt.se"]
EVENTS = [
    ("Student move-in 2025", "2025-08-01", "2025-09-30", "", "Beds", 20, "promotion"),
    ("Black Week 2025", "2025-11-24", "2025-11-30", "", "Sofas", 30, "promotion"),
    ("Mellandagsrea 2025", "2025-12-26", "2026-01-06", "", "Textiles", 25, "promotion"),
    ("Sömnig Pocket launch", "2026-03-01", "2026-03-31", "BD-SMN-160P", "", 0, "launch"),
    ("Vårkampanj 2026", "2026-03-01", "2026-04-15", "", "Storage", 25, "promotion"),
    ("Midsommar shutdown", "2026-06-19", "2026-06-21", "", "", 0, "holiday"),
    ("Student move-in 2026", "2026-08-01", "2026-09-30", "", "Beds", 20, "promotion"),
    ("Black Week 2026", "2026-11-23", "2026-11-30", "", "Sofas", 30, "promotion"),
]
STOCK_COVER = {"BD-FJB-140W": 0.3, "CH-ALV-4B": 0.25, "SF-KLV-3G": 0.35, "2028": 0.3, "TX-DRM-140": 0.35,
               "CH-STP-2": 9.0, "ST-HYL-40W": 6.0, "TB-LND-180O": 5.5, "SF-VIK-3": 5.0, "TX-GRS-160": 6.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "autumn":  # students moving and the back-to-school rush
        return {8: 1.6, 9: 1.5, 10: 1.2, 1: 1.2, 6: 0.8, 7: 0.8}.get(month, 1.0)
    if kind == "winter":  # sofas and textiles: dark months, Black Week, Christmas
        return {10: 1.2, 11: 1.5, 12: 1.4, 1: 1.2, 6: 0.7, 7: 0.6}.get(month, 1.0)
    if kind == "spring":  # spring clear-out: shelves and boxes
        return {3: 1.4, 4: 1.3, 5: 1.1, 7: 0.7}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-03", trend=0.004, pivot=12, noise=0.09,
                             promo=("SF-KLV-3G", "2025-11", 1.35))  # Black Week 2025


def set_plants() -> None:
    """Put the Września resources and the SKUs whose primary resource they are on the finishing plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=252525, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WORKS, location="Hultsfors DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-2,
                  order_ref="HM-{:05d}/S")
    set_plants()


if __name__ == "__main__":
    main()
