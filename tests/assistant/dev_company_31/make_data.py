"""Writes the monthly CSV files of dev company 31 (Kleinwater Cellars (Pty) Ltd, a South African wine and
spirits producer with a winery and distillery in Stellenbosch and a bottling plant in Paarl, ZAR).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_31/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2026-11"]  # 24 complete months before 2026-12-31
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-12" <= f"{y}-{m:02d}" <= "2028-05"]
AS_OF = "2026-12-30"
WINERY = "Stellenbosch Winery"
PAARL = "Paarl Bottling Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("KW-SHZ23-750", "Shiraz 2023 750 ml", "Red Wine", 145.0, 52.0, 900, 21, "active", 6200, "red"),
    ("KW-SHZ23-1500", "Shiraz 2023 1.5 L", "Red Wine", 320.0, 118.0, 60, 28, "active", 380, "red"),
    ("KW-SHZ22R-750", "Shiraz Reserve 2022 750 ml", "Red Wine", 265.0, 96.0, 200, 28, "active", 1400, "red"),
    ("KW-PNT24-750", "Pinotage 2024 750 ml", "Red Wine", 120.0, 44.0, 800, 21, "active", 5400, "red"),
    ("KW-PNT24-C6", "Pinotage 2024 750 ml, case of 6", "Red Wine", 690.0, 262.0, 150, 21, "active", 900, "red"),
    ("KW-PNT24-C12", "Pinotage 2024 750 ml, case of 12", "Red Wine", 1350.0, 520.0, 80, 21, "active", 420,
     "red"),
    ("KW-CAB22-750", "Cabernet Sauvignon 2022 750 ml", "Red Wine", 175.0, 63.0, 500, 28, "active", 3300, "red"),
    ("KW-CAB21-750", "Cabernet Sauvignon 2021 750 ml", "Red Wine", 175.0, 61.0, 0, 28, "discontinued", 700,
     "red"),
    ("KW-RED-187", "Cape Red Blend 187 ml", "Red Wine", 38.0, 14.0, 600, 21, "active", 4800, "flat"),
    ("KW-CHB25-750", "Chenin Blanc 2025 750 ml", "White Wine", 95.0, 33.0, 1000, 21, "active", 7800, "summer"),
    ("KW-CHB25-187", "Chenin Blanc 2025 187 ml", "White Wine", 32.0, 11.0, 500, 21, "active", 4100, "summer"),
    ("KW-CHB25-C12", "Chenin Blanc 2025 750 ml, case of 12", "White Wine", 1080.0, 385.0, 90, 21, "active", 520,
     "summer"),
    ("KW-SVB25-750", "Sauvignon Blanc 2025 750 ml", "White Wine", 115.0, 40.0, 800, 21, "active", 6100,
     "summer"),
    ("KW-SVB25-1500", "Sauvignon Blanc 2025 1.5 L", "White Wine", 250.0, 90.0, 50, 28, "active", 310, "summer"),
    ("KW-CHD24-750", "Chardonnay 2024 750 ml", "White Wine", 185.0, 68.0, 300, 28, "active", 1900, "flat"),
    ("KW-ROS25-750", "Fynbos Rosé 2025 750 ml", "Sparkling & Rosé", 105.0, 37.0, 600, 21, "active", 4300,
     "summer"),
    ("KW-MCC-750", "Cap Classique Brut NV 750 ml", "Sparkling & Rosé", 210.0, 82.0, 700, 35, "active", 3600,
     "festive"),
    ("KW-MCCR-750", "Cap Classique Brut Rosé NV 750 ml", "Sparkling & Rosé", 235.0, 90.0, 300, 35, "active",
     1500, "festive"),
    ("KW-MCC-1500", "Cap Classique Brut NV 1.5 L", "Sparkling & Rosé", 480.0, 185.0, 40, 35, "active", 260,
     "festive"),
    ("KW-BR5-750", "Potstill Brandy 5 Year Old 750 ml", "Brandy", 310.0, 120.0, 400, 45, "active", 2600,
     "brandy"),
    ("KW-BR10-750", "Potstill Brandy 10 Year Old 750 ml", "Brandy", 560.0, 215.0, 200, 60, "active", 1100,
     "brandy"),
    ("KW-BR5-C6", "Potstill Brandy 5 Year Old 750 ml, case of 6", "Brandy", 1790.0, 700.0, 60, 45, "active", 350,
     "brandy"),
    ("KW-BR5-187", "Potstill Brandy 5 Year Old 187 ml", "Brandy", 95.0, 35.0, 300, 45, "active", 1900, "brandy"),
    ("2027", "Fynbos Gin 750 ml", "Gin", 340.0, 118.0, 500, 30, "active", 3900, "festive"),
    ("KW-GINF-187", "Fynbos Gin 187 ml", "Gin", 99.0, 36.0, 300, 30, "active", 2300, "festive"),
    ("3006", "Fynbos Gin 750 ml, case of 6", "Gin", 1950.0, 700.0, 60, 30, "active", 480, "festive"),
    ("KW-GINP-750", "Fynbos Pink Gin 750 ml", "Gin", 355.0, 124.0, 300, 30, "active", 2100, "summer"),
    ("KW-GINN-750", "Naartjie Gin 750 ml", "Gin", 350.0, 122.0, 250, 30, "active", 1700, "festive"),
    ("KW-GT-330", "Fynbos Gin & Tonic Can 330 ml", "RTD Cocktails", 29.0, 10.5, 3000, 14, "active", 21000,
     "summer"),
    ("KW-GT-6PK", "Fynbos Gin & Tonic Can 330 ml, 6-pack", "RTD Cocktails", 165.0, 61.0, 600, 14, "active",
     3800, "summer"),
    ("KW-BRC-330", "Brandy & Cola Can 330 ml", "RTD Cocktails", 27.0, 9.8, 2500, 14, "active", 16000, "summer"),
    ("KW-NGS-330", "Naartjie Gin Spritz Can 330 ml", "RTD Cocktails", 32.0, 11.5, 2000, 14, "new", 9000,
     "summer"),
]
ROUTING = [
    ("KW-SHZ23-750", "Bottling Line 1", 0.0012), ("KW-SHZ22R-750", "Bottling Line 1", 0.0015),
    ("KW-PNT24-750", "Bottling Line 1", 0.0012), ("KW-PNT24-C6", "Bottling Line 1", 0.0075),
    ("KW-PNT24-C12", "Bottling Line 1", 0.0150), ("KW-CAB22-750", "Bottling Line 1", 0.0012),
    ("KW-CHB25-750", "Bottling Line 1", 0.0012), ("KW-CHB25-C12", "Bottling Line 1", 0.0150),
    ("KW-SVB25-750", "Bottling Line 1", 0.0012), ("KW-CHD24-750", "Bottling Line 1", 0.0014),
    ("KW-ROS25-750", "Bottling Line 1", 0.0012), ("KW-ROS25-750", "Bottling Line 2", 0.0014),
    ("KW-SHZ23-1500", "Bottling Line 2", 0.0030), ("KW-SVB25-1500", "Bottling Line 2", 0.0030),
    ("KW-MCC-1500", "Bottling Line 2", 0.0035), ("KW-RED-187", "Bottling Line 2", 0.0008),
    ("KW-CHB25-187", "Bottling Line 2", 0.0008), ("KW-BR5-187", "Bottling Line 2", 0.0009),
    ("KW-GINF-187", "Bottling Line 2", 0.0009), ("2027", "Bottling Line 2", 0.0016),
    ("3006", "Bottling Line 2", 0.0100), ("KW-GINP-750", "Bottling Line 2", 0.0016),
    ("KW-GINN-750", "Bottling Line 2", 0.0016), ("KW-BR10-750", "Copper Pot Still", 0.0300),
    ("KW-BR5-750", "Copper Pot Still", 0.0150), ("KW-BR5-750", "Bottling Line 2", 0.0016),
    ("KW-BR10-750", "Bottling Line 2", 0.0018), ("KW-BR5-C6", "Bottling Line 2", 0.0100),
    ("2027", "Copper Pot Still", 0.0060),
    ("KW-MCC-750", "Riddling & Disgorging Cellar", 0.0060),
    ("KW-MCCR-750", "Riddling & Disgorging Cellar", 0.0065),
    ("KW-GT-330", "Canning Line", 0.00025), ("KW-GT-6PK", "Canning Line", 0.0015),
    ("KW-BRC-330", "Canning Line", 0.00025), ("KW-NGS-330", "Canning Line", 0.00028),
]
CAPACITY = {"Bottling Line 1": 0.93, "Bottling Line 2": 1.09, "Canning Line": 1.14, "Copper Pot Still": 0.82,
            "Riddling & Disgorging Cellar": 1.03}
PLANTS = {"Bottling Line 2": PAARL, "Canning Line": PAARL}
SUPPLY = [
    ("BTL-26-118", "KW-SHZ23-750", "2027-01-12", 9000, "production_order", "released", ""),
    ("WO-1187", "KW-PNT24-C12", "2027-01-20", 600, "production_order", "firm", ""),
    ("4500098812", "KW-MCC-750", "2027-01-08", 4000, "purchase_order", "firm", "Franschhoek Méthode Partners"),
    ("PO/2026/311", "KW-GINF-187", "2026-12-18", 3000, "purchase_order", "firm", "Boland Miniatures (Pty) Ltd"),
    ("CAN-0107", "KW-NGS-330", "2027-01-07", 15000, "production_order", "planned", ""),
    ("1226", "KW-BR10-750", "2027-02-15", 1500, "production_order", "firm", ""),
    ("TR.STB.14", "KW-CHB25-750", "2027-01-05", 6000, "transfer", "released", "Stellenbosch Winery"),
    ("WO-1192", "2027", "2027-01-25", 5000, "production_order", "planned", ""),
    ("PO-88410", "KW-RED-187", "2027-01-15", 4000, "purchase_order", "firm", "Boland Miniatures (Pty) Ltd"),
    ("CAN-0121", "KW-GT-330", "2027-01-21", 30000, "production_order", "firm", ""),
]
CUSTOMERS = ["Cape Liquor Traders", "Highveld Drinks Distributors", "Karoo Hospitality Group",
             "Skyline Airline Catering", "Saigon Vine Imports"]
EVENTS = [
    ("Black Friday 2025", "2025-11-28", "2025-11-30", "", "Gin", 25, "promotion"),
    ("Festive Season 2025", "2025-12-01", "2025-12-31", "", "Sparkling & Rosé", 30, "promotion"),
    ("Summer G&T promo 2026", "2026-01-05", "2026-01-31", "KW-GT-330", "", 40, "promotion"),
    ("Heritage Day 2026", "2026-09-24", "2026-09-24", "", "", 0, "holiday"),
    ("Naartjie Spritz launch", "2026-09-01", "2026-09-30", "KW-NGS-330", "", 0, "launch"),
    ("Black Friday 2026", "2026-11-27", "2026-11-29", "", "Gin", 25, "promotion"),
    ("Festive Season 2026", "2026-12-01", "2026-12-31", "", "Sparkling & Rosé", 30, "promotion"),
    ("Harvest 2027", "2027-02-01", "2027-03-31", "", "", 0, "other"),
]
STOCK_COVER = {"KW-SHZ23-750": 0.3, "KW-MCC-750": 0.25, "2027": 0.3, "KW-NGS-330": 0.2, "KW-CHB25-750": 0.35,
               "KW-BR10-750": 0.4, "KW-GINF-187": 0.3,
               "KW-CAB21-750": 9.0, "KW-SHZ23-1500": 6.0, "KW-RED-187": 5.5, "KW-BR5-187": 6.0,
               "KW-CHD24-750": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "red":  # reds sell in the Cape winter
        return {5: 1.2, 6: 1.4, 7: 1.5, 8: 1.3, 12: 0.9, 1: 0.7, 2: 0.7}.get(month, 1.0)
    if kind == "summer":  # whites, rosé and cans: the southern summer and the festive season
        return {11: 1.3, 12: 1.6, 1: 1.4, 2: 1.2, 6: 0.7, 7: 0.6}.get(month, 1.0)
    if kind == "festive":  # bubbles and gin: gifting, Black Friday and New Year's Eve
        return {11: 1.4, 12: 1.9, 1: 0.8, 7: 0.8}.get(month, 1.0)
    if kind == "brandy":  # brandy: winter and December gifting
        return {6: 1.3, 7: 1.3, 12: 1.5, 1: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-09", trend=0.005, pivot=12, noise=0.08,
                             promo=("KW-GT-330", "2026-01", 1.4))  # Summer G&T promo 2026


def set_plants() -> None:
    """Put the Paarl resources and the SKUs whose primary resource they are on the bottling plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=313131, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WINERY, location="Paarl DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-2,
                  order_ref="KWC/{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
