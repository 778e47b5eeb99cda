"""Writes the monthly CSV files of dev company 7 (Copper Kettle Brewing & Cider Co., a US brewery and cidery).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_7/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-09" <= f"{y}-{m:02d}" <= "2026-10"]  # 26 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-14"
PLANT = "Portland brewery"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("LAG-PIL-330", "Harbour Pilsner 330ml Can", "Lager", 2.10, 0.78, 6000, 14, "active", 38000, "summer"),
    ("LAG-PIL-500", "Harbour Pilsner 500ml Bottle", "Lager", 3.20, 1.15, 2500, 14, "active", 14500, "summer"),
    ("LAG-PIL-KEG", "Harbour Pilsner 30L Keg", "Lager", 145.00, 52.00, 60, 14, "active", 420, "summer"),
    ("1859", "1859 Heritage Lager 330ml Can", "Lager", 2.40, 0.86, 2000, 14, "active", 11800, "flat"),
    ("IPA-HZ-330", "Hazy Daze IPA 330ml Can", "IPA", 2.60, 0.95, 5000, 14, "active", 29000, "summer"),
    ("IPA-HZ-500", "Hazy Daze IPA 500ml Bottle", "IPA", 3.70, 1.30, 1500, 14, "active", 8200, "summer"),
    ("IPA-CIT-440", "Citrus Rush IPA 440ml Can", "IPA", 3.10, 1.12, 1800, 14, "active", 9600, "summer"),
    ("IPA-WC-KEG", "West Coast IPA 30L Keg", "IPA", 165.00, 61.00, 40, 14, "active", 260, "flat"),
    ("CID-ORC-500", "Orchard Dry Cider 500ml Bottle", "Cider", 3.40, 1.05, 2200, 21, "active", 12400, "cider"),
    ("CID-ORC-KEG", "Orchard Dry Cider 30L Keg", "Cider", 150.00, 48.00, 30, 21, "active", 190, "cider"),
    ("CID-PER-330", "Pear & Ginger Cider 330ml Can", "Cider", 2.50, 0.88, 1500, 21, "active", 8800, "cider"),
    ("CID-APL-330", "Wild Apple Cider 330ml Can", "Cider", 2.50, 0.84, 2000, 21, "active", 11200, "cider"),
    ("SEL-LIM-330", "Lime Hard Seltzer 330ml Can", "Seltzer", 2.20, 0.62, 3000, 10, "active", 17500, "summer"),
    ("SEL-APL-330", "Apple & Elderflower Seltzer 330ml Can", "Seltzer", 2.30, 0.66, 1200, 10, "new", 6400, "summer"),
    ("SEL-CIT-330", "Citrus Hard Seltzer 330ml Can", "Seltzer", 2.20, 0.62, 2000, 10, "active", 12800, "summer"),
    ("SEL-MIX-12", "Seltzer Mixed 12-Pack", "Seltzer", 21.00, 7.40, 400, 10, "active", 2300, "gift"),
    ("HOPS", "Hops Gift Box", "Merchandise", 34.00, 14.50, 150, 42, "active", 700, "gift"),
    ("MER-TEE-S", "Brewery T-Shirt S", "Merchandise", 22.00, 7.80, 60, 35, "active", 240, "gift"),
    ("MER-TEE-M", "Brewery T-Shirt M", "Merchandise", 22.00, 7.80, 90, 35, "active", 380, "gift"),
    ("MER-TEE-L", "Brewery T-Shirt L", "Merchandise", 22.00, 7.80, 80, 35, "active", 330, "gift"),
    ("MER-GLS-PINT", "Copper Kettle Pint Glass", "Merchandise", 8.50, 2.60, 200, 49, "active", 900, "gift"),
]
ROUTING = [
    ("LAG-PIL-330", "Brewhouse", 0.0006), ("LAG-PIL-500", "Brewhouse", 0.0009),
    ("LAG-PIL-KEG", "Brewhouse", 0.055), ("1859", "Brewhouse", 0.0006),
    ("IPA-HZ-330", "Brewhouse", 0.0007), ("IPA-HZ-500", "Brewhouse", 0.001),
    ("IPA-CIT-440", "Brewhouse", 0.0009), ("IPA-WC-KEG", "Brewhouse", 0.06),
    ("LAG-PIL-330", "Canning Line 1", 0.00035), ("1859", "Canning Line 1", 0.00035),
    ("IPA-HZ-330", "Canning Line 1", 0.00035), ("IPA-HZ-330", "Canning Line 2", 0.0004),
    ("IPA-CIT-440", "Canning Line 2", 0.00042), ("CID-PER-330", "Canning Line 2", 0.00035),
    ("CID-APL-330", "Canning Line 2", 0.00035), ("SEL-LIM-330", "Canning Line 2", 0.00033),
    ("SEL-APL-330", "Canning Line 2", 0.00033), ("SEL-CIT-330", "Canning Line 2", 0.00033),
    ("LAG-PIL-500", "Bottling Line", 0.0005), ("IPA-HZ-500", "Bottling Line", 0.0005),
    ("CID-ORC-500", "Bottling Line", 0.0005),
    ("LAG-PIL-KEG", "Keg Line", 0.02), ("IPA-WC-KEG", "Keg Line", 0.02), ("CID-ORC-KEG", "Keg Line", 0.02),
    ("CID-ORC-500", "Cider Press", 0.0008), ("CID-PER-330", "Cider Press", 0.0006),
    ("CID-APL-330", "Cider Press", 0.0006), ("CID-ORC-KEG", "Cider Press", 0.05),
]
CAPACITY = {"Brewhouse": 0.88, "Canning Line 1": 0.95, "Canning Line 2": 0.8, "Bottling Line": 0.7,
            "Keg Line": 0.55, "Cider Press": 0.9}
SUPPLY = [
    ("4500120033", "MER-GLS-PINT", "2026-12-03", 2500, "purchase_order", "firm", "Cascade Glassworks"),
    ("4500120071", "HOPS", "2027-01-14", 1200, "purchase_order", "planned", "Willamette Gift Co."),
    ("PO/2026/118", "MER-TEE-M", "2026-11-25", 800, "purchase_order", "firm", "Rose City Apparel"),
    ("PO/2026/126", "MER-TEE-L", "2026-12-09", 600, "purchase_order", "released", "Rose City Apparel"),
    ("PO-4471", "SEL-MIX-12", "2026-11-28", 3000, "purchase_order", "firm", "Northwest Packaging"),
    ("PO-4489", "MER-TEE-S", "2026-11-06", 400, "purchase_order", "firm", "Rose City Apparel"),
    ("PO-4502", "CID-ORC-KEG", "2026-12-16", 250, "purchase_order", "firm", "Hood River Orchards"),
    ("WO-30211", "LAG-PIL-330", "2026-11-24", 40000, "production_order", "released", ""),
    ("WO-30218", "IPA-HZ-330", "2026-12-02", 30000, "production_order", "firm", ""),
    ("WO-30224", "CID-APL-330", "2026-12-07", 12000, "production_order", "firm", ""),
    ("WO-30230", "LAG-PIL-500", "2026-12-11", 15000, "production_order", "planned", ""),
    ("WO-30236", "SEL-LIM-330", "2027-01-05", 25000, "production_order", "planned", ""),
    ("TRF-0912", "IPA-HZ-500", "2026-11-20", 5000, "transfer", "released", "Seattle taproom"),
]
CUSTOMERS = ["Fred Meyer", "New Seasons Market", "Total Wine", "Pacific Taphouse Group"]
EVENTS = [
    ("Oktoberfest 2025", "2025-09-15", "2025-10-15", "", "Lager", 20, "promotion"),
    ("Oktoberfest 2026", "2026-09-15", "2026-10-15", "", "Lager", 20, "promotion"),
    ("Summer Haze promo", "2026-06-01", "2026-06-30", "IPA-HZ-330", "", 45, "promotion"),
    ("Holiday gifting 2026", "2026-11-20", "2026-12-24", "", "Merchandise", 30, "holiday"),
    ("Dry January 2027", "2027-01-01", "2027-01-31", "", "Seltzer", 25, "promotion"),
    ("Apple & Elderflower launch", "2026-05-01", "2026-05-31", "SEL-APL-330", "", 0, "launch"),
]
STOCK_COVER = {"IPA-HZ-330": 0.35, "LAG-PIL-500": 0.4, "HOPS": 0.3, "MER-TEE-S": 0.25, "SEL-MIX-12": 0.4,
               "CID-ORC-KEG": 0.45, "CID-PER-330": 5.5, "IPA-WC-KEG": 4.8, "MER-GLS-PINT": 0.5, "1859": 4.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "summer":  # the patio season
        return {5: 1.15, 6: 1.35, 7: 1.45, 8: 1.35, 12: 1.1, 1: 0.75, 2: 0.75}.get(month, 0.95)
    if kind == "cider":  # the harvest, September to November
        return {9: 1.3, 10: 1.4, 11: 1.2, 7: 1.1}.get(month, 0.9)
    if kind == "gift":
        return {11: 1.4, 12: 2.0}.get(month, 0.85)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.004, pivot=13, noise=0.09,
                             promo=("IPA-HZ-330", "2026-06", 1.6))  # the Summer Haze promotion


def main() -> None:
    write_company(HERE, seed=7373, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Portland DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
