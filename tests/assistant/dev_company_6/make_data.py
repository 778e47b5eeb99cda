"""Writes the monthly CSV files of dev company 6 (Inkwell & Co. Stationers, a UK stationery maker).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_6/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-08" <= f"{y}-{m:02d}" <= "2026-10"]  # 27 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-14"
PLANT = "Leeds works"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("NB-A5-RUL", "Hardcover Notebook A5 Ruled", "Notebooks", 8.99, 3.40, 1500, 14, "active", 9200, "school"),
    ("NB-A5-DOT", "Hardcover Notebook A5 Dotted", "Notebooks", 8.99, 3.40, 900, 14, "active", 5600, "school"),
    ("NB-A4-RUL", "Hardcover Notebook A4 Ruled", "Notebooks", 11.49, 4.60, 800, 14, "active", 4300, "school"),
    ("NB-SPI-A4", "Spiral Notebook A4 Squared", "Notebooks", 4.99, 1.70, 1200, 14, "active", 7800, "school"),
    ("PEN-GEL-BLK", "Gel Pen 0.5 mm Black", "Pens", 1.49, 0.38, 6000, 28, "active", 31000, "school"),
    ("PEN-GEL-BLU", "Gel Pen 0.5 mm Blue", "Pens", 1.49, 0.38, 4000, 28, "active", 22000, "school"),
    ("PEN-BP-10", "Ballpoint Pen Blue 10-pack", "Pens", 3.99, 1.10, 2000, 28, "active", 12500, "school"),
    ("PEN-FNT-CL", "Fountain Pen Classic", "Pens", 24.99, 8.90, 150, 42, "active", 900, "gift"),
    ("PAP-A4-500", "Copy Paper A4 80 gsm 500 sheets", "Paper", 5.49, 3.10, 3000, 21, "active", 18500, "flat"),
    ("PAP-A4-2500", "Copy Paper A4 80 gsm Box of 5 reams", "Paper", 24.99, 14.80, 600, 21, "active", 3600, "flat"),
    ("PAP-A3-500", "Copy Paper A3 80 gsm 500 sheets", "Paper", 10.99, 6.20, 300, 21, "active", 1400, "flat"),
    ("PAP-KRAFT-5", "Kraft Wrapping Paper Roll 5 m", "Paper", 6.99, 2.30, 400, 35, "active", 2100, "gift"),
    ("ART-WC-12", "Watercolour Set 12 Colours", "Art Supplies", 14.99, 5.80, 300, 49, "active", 1700, "gift"),
    ("ART-WC-24", "Watercolour Set 24 Colours", "Art Supplies", 24.99, 9.60, 200, 49, "active", 950, "gift"),
    ("ART-SKB-A4", "Sketchbook A4 120 gsm", "Art Supplies", 9.49, 3.30, 400, 21, "active", 2600, "school"),
    ("ART-PNC-12", "Graphite Pencil Set 12", "Art Supplies", 7.99, 2.40, 350, 42, "new", 1500, "school"),
    ("DSK-STAPLER", "Heavy Duty Stapler", "Desk Accessories", 18.99, 7.10, 120, 56, "active", 640, "flat"),
    ("DSK-ORG-BAM", "Bamboo Desk Organiser", "Desk Accessories", 21.99, 8.40, 100, 56, "active", 520, "gift"),
    ("DSK-TRAY-A4", "Letter Tray A4 Stackable", "Desk Accessories", 6.49, 2.20, 200, 56, "active", 1100, "flat"),
]
ROUTING = [
    ("NB-A5-RUL", "Binding Line 1", 0.0040), ("NB-A5-DOT", "Binding Line 1", 0.0040),
    ("NB-A4-RUL", "Binding Line 1", 0.0052), ("NB-A4-RUL", "Binding Line 2", 0.0060),
    ("NB-SPI-A4", "Binding Line 2", 0.0031), ("ART-SKB-A4", "Binding Line 2", 0.0045),
    ("PEN-GEL-BLK", "Pen Assembly Cell", 0.00045), ("PEN-GEL-BLU", "Pen Assembly Cell", 0.00045),
    ("PEN-BP-10", "Pen Assembly Cell", 0.0011),
    ("PAP-A4-500", "Sheeter", 0.0018), ("PAP-A4-2500", "Sheeter", 0.0085), ("PAP-A3-500", "Sheeter", 0.0034),
    ("ART-WC-12", "Paint Filling Line", 0.0090), ("ART-WC-24", "Paint Filling Line", 0.0150),
]
CAPACITY = {"Binding Line 1": 0.9, "Binding Line 2": 0.75, "Pen Assembly Cell": 0.97, "Sheeter": 0.8,
            "Paint Filling Line": 0.65}
SUPPLY = [
    ("4500091204", "PEN-FNT-CL", "2026-12-02", 1200, "purchase_order", "firm", "Nakamura Pen Works"),
    ("4500091230", "DSK-STAPLER", "2027-01-11", 900, "purchase_order", "planned", "Sheffield Metalcraft"),
    ("PO/2026/412", "PAP-KRAFT-5", "2026-11-24", 3000, "purchase_order", "firm", "Nordic Kraft AB"),
    ("PO/2026/430", "DSK-ORG-BAM", "2026-12-08", 800, "purchase_order", "released", "Green Grove Bamboo"),
    ("PO-5518", "ART-PNC-12", "2026-11-27", 2500, "purchase_order", "firm", "Cumbria Pencil Supply"),
    ("PO-5531", "DSK-TRAY-A4", "2026-11-04", 1500, "purchase_order", "firm", "Midlands Plastics"),
    ("PO-5560", "PAP-A4-500", "2026-12-14", 20000, "purchase_order", "firm", "Kent Paper Mill"),
    ("WO-7712", "NB-A5-RUL", "2026-11-26", 9000, "production_order", "released", ""),
    ("WO-7715", "PEN-GEL-BLK", "2026-12-04", 30000, "production_order", "firm", ""),
    ("WO-7716", "PEN-GEL-BLU", "2026-12-04", 20000, "production_order", "firm", ""),
    ("WO-7719", "ART-WC-12", "2026-12-07", 2000, "production_order", "firm", ""),
    ("WO-7720", "NB-A5-DOT", "2026-12-15", 6000, "production_order", "planned", ""),
    ("TRF-1033", "PAP-A4-2500", "2026-11-21", 2500, "transfer", "released", "Bristol DC"),
]
CUSTOMERS = ["OfficeHub UK", "Campus Stores Group", "PaperTrail Online", "Harrow & Finch Retail"]
EVENTS = [
    ("Back to school 2025", "2025-08-01", "2025-09-15", "", "Notebooks", 30, "promotion"),
    ("Back to school 2026", "2026-08-01", "2026-09-15", "", "Notebooks", 30, "promotion"),
    ("Gel pen multipack promo", "2026-03-01", "2026-03-31", "PEN-GEL-BLK", "", 40, "promotion"),
    ("Christmas gifting 2026", "2026-11-20", "2026-12-20", "", "Art Supplies", 25, "holiday"),
    ("Pencil set launch", "2026-04-01", "2026-04-30", "ART-PNC-12", "", 0, "launch"),
]
STOCK_COVER = {"PEN-GEL-BLK": 0.35, "NB-A5-DOT": 0.45, "ART-WC-24": 0.5, "PEN-FNT-CL": 0.3,
               "DSK-TRAY-A4": 6.2, "PAP-A3-500": 5.0, "DSK-STAPLER": 4.4, "PAP-KRAFT-5": 0.4}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "school":  # back to school, August and September
        return {8: 1.6, 9: 1.45, 1: 1.1}.get(month, 0.92)
    if kind == "gift":
        return {11: 1.35, 12: 1.9}.get(month, 0.9)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-04", trend=0.004, pivot=13, noise=0.09,
                             promo=("PEN-GEL-BLK", "2026-03", 1.55))  # the March multipack promotion


def main() -> None:
    write_company(HERE, seed=6262, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Leeds DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
