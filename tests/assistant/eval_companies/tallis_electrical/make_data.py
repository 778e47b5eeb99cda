"""Writes the monthly CSV files of dev company 30 (Tallis Electrical Wholesale Ltd, a UK maker and
wholesaler of electrical supplies with a factory in Wolverhampton and a distribution centre in Leeds, GBP).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/eval_companies/tallis_electrical/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]  # 24 complete months before 2026-01-05
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13) if f"{y}-{m:02d}" <= "2027-06"]
AS_OF = "2026-01-04"
WORKS = "Wolverhampton Works"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("TE15-50", "Tallis Pro Twin & Earth 1.5mm² 50m drum", "Cable", 38.5, 21.0, 300, 14, "active", 2400, "build"),
    ("TE15-100", "Tallis Pro Twin & Earth 1.5mm² 100m drum", "Cable", 72.0, 40.0, 250, 14, "active", 1900, "build"),
    ("TE25-50", "Tallis Pro Twin & Earth 2.5mm² 50m drum", "Cable", 55.0, 31.0, 300, 14, "active", 2600, "build"),
    ("TE25-100", "Tallis Pro Twin & Earth 2.5mm² 100m drum", "Cable", 104.0, 59.0, 250, 14, "active", 2100,
     "build"),
    ("TE60-50", "Tallis Pro Twin & Earth 6mm² 50m drum", "Cable", 139.0, 82.0, 80, 21, "active", 520, "build"),
    ("MCB-B06", "Tallis Pro MCB 6A B curve", "Protection", 4.6, 1.9, 600, 21, "active", 5200, "flat"),
    ("MCB-B16", "Tallis Pro MCB 16A B curve", "Protection", 4.6, 1.9, 800, 21, "active", 7400, "flat"),
    ("MCB-C16", "Tallis Pro MCB 16A C curve", "Protection", 5.2, 2.2, 300, 21, "active", 2300, "flat"),
    ("MCB-B32", "Tallis Pro MCB 32A B curve", "Protection", 4.9, 2.0, 500, 21, "active", 4100, "flat"),
    ("MCB-C32", "Tallis Pro MCB 32A C curve", "Protection", 5.6, 2.4, 200, 21, "active", 1500, "flat"),
    ("RCD-30-63", "Tallis Pro RCD 30mA 63A 2-pole", "Protection", 24.0, 11.5, 200, 28, "active", 1700, "flat"),
    ("RCD-30-40", "Ashby RCD 30mA 40A 2-pole", "Protection", 19.5, 9.8, 0, 28, "discontinued", 300, "flat"),
    ("SKT-2G-WH", "Ashby 13A Double Socket white", "Accessories", 3.2, 1.1, 1500, 14, "active", 11000, "build"),
    ("SKT-2G-BS", "Ashby 13A Double Socket brushed steel", "Accessories", 7.9, 3.4, 400, 14, "active", 2800,
     "build"),
    ("SKT-USB-BS", "Tallis Pro 13A Double Socket USB-C brushed steel", "Accessories", 18.5, 8.2, 150, 21, "new",
     900, "build"),
    ("JB-20-4", "Ashby Junction Box 20A 4-terminal", "Accessories", 2.1, 0.7, 800, 14, "active", 6200, "build"),
    ("JB-30-3", "Ashby Junction Box 30A 3-terminal", "Accessories", 2.6, 0.9, 300, 14, "active", 1400, "build"),
    ("DIM-400-WH", "Brightline Dimmer Switch 400W white", "Accessories", 9.5, 4.1, 200, 28, "active", 1300,
     "winter"),
    ("LP-6060-40", "Brightline LED Panel 600x600 36W 4000K", "Lighting", 21.0, 11.0, 400, 42, "active", 3600,
     "winter"),
    ("LP-6060-65", "Brightline LED Panel 600x600 36W 6500K", "Lighting", 21.0, 11.0, 150, 42, "active", 1100,
     "winter"),
    ("LP-1230-40", "Brightline LED Panel 1200x300 36W 4000K", "Lighting", 24.0, 12.8, 100, 42, "new", 700,
     "winter"),
    ("GU10-30-10", "Brightline GU10 5W 3000K pack of 10", "Lighting", 12.5, 5.5, 500, 56, "active", 4300,
     "winter"),
    ("GU10-40-10", "Brightline GU10 5W 4000K pack of 10", "Lighting", 12.5, 5.5, 300, 56, "active", 2500,
     "winter"),
    ("2025", "Gripfast Cable Ties 200mm black bag of 100", "Fixings", 2.4, 0.8, 1000, 28, "active", 8800, "flat"),
    ("CT-200-N", "Gripfast Cable Ties 200mm natural bag of 100", "Fixings", 2.2, 0.7, 500, 28, "active", 4200,
     "flat"),
    ("CT-300-B", "Gripfast Cable Ties 300mm black bag of 100", "Fixings", 3.1, 1.0, 200, 28, "active", 1600,
     "flat"),
    ("CLP-15-100", "Ashby Cable Clips 1.5mm² flat white box of 100", "Fixings", 3.6, 1.2, 300, 28, "active",
     2900, "build"),
]
ROUTING = [
    ("TE15-50", "Extrusion Line 1", 0.020), ("TE15-100", "Extrusion Line 1", 0.036),
    ("TE25-50", "Extrusion Line 1", 0.026), ("TE25-100", "Extrusion Line 1", 0.048),
    ("TE25-100", "Extrusion Line 2", 0.052), ("TE60-50", "Extrusion Line 2", 0.090),
    ("MCB-B06", "Assembly Cell A", 0.004), ("MCB-B16", "Assembly Cell A", 0.004),
    ("MCB-C16", "Assembly Cell A", 0.0045), ("MCB-B32", "Assembly Cell A", 0.0045),
    ("MCB-C32", "Assembly Cell A", 0.005), ("RCD-30-63", "Assembly Cell A", 0.012),
    ("SKT-2G-WH", "Assembly Cell B", 0.003), ("SKT-2G-BS", "Assembly Cell B", 0.006),
    ("SKT-USB-BS", "Assembly Cell B", 0.015), ("JB-20-4", "Assembly Cell B", 0.002),
    ("JB-30-3", "Assembly Cell B", 0.0025), ("MCB-B32", "Assembly Cell B", 0.006),
]
CAPACITY = {"Extrusion Line 1": 1.08, "Extrusion Line 2": 0.62, "Assembly Cell A": 0.94, "Assembly Cell B": 1.11}
SUPPLY = [
    ("4500076543", "GU10-30-10", "2026-02-09", 12000, "purchase_order", "firm", "Shenzhen Lumen Co."),
    ("PO-UK-1187", "LP-6060-40", "2025-12-22", 4000, "purchase_order", "firm", "Lumen Direct Ltd"),
    ("PO-UK-1192", "2025", "2026-01-26", 20000, "purchase_order", "firm", "Hellco Fixings Ltd"),
    ("WLV/2026/03", "TE25-100", "2026-01-20", 2500, "production_order", "released", ""),
    ("24-117", "MCB-B32", "2026-01-16", 6000, "production_order", "firm", ""),
    ("950", "SKT-2G-WH", "2026-01-28", 15000, "production_order", "firm", ""),
    ("WLV/2026/07", "TE60-50", "2026-02-13", 600, "production_order", "planned", ""),
    ("TR/LDS/41", "TE15-100", "2026-01-12", 900, "transfer", "released", "Wolverhampton Works"),
    ("4500076588", "GU10-40-10", "2026-03-02", 6000, "purchase_order", "planned", "Shenzhen Lumen Co."),
]
CUSTOMERS = ["Midland Sparks Ltd", "CEF Yorkshire", "Brummie Electrical", "Rewire Direct", "Pennine Contractors"]
EVENTS = [
    ("Black Friday trade deals 2025", "2025-11-24", "2025-11-30", "", "Protection", 25, "promotion"),
    ("Christmas shutdown 2025", "2025-12-24", "2026-01-02", "", "", 0, "holiday"),
    ("January Lighting Clearance 2026", "2026-01-12", "2026-01-31", "", "Lighting", 20, "promotion"),
    ("USB-C socket launch", "2025-10-01", "2025-10-31", "SKT-USB-BS", "", 0, "launch"),
    ("Spring Rewire Push 2026", "2026-03-01", "2026-04-15", "", "Cable", 15, "promotion"),
    ("Easter shutdown 2026", "2026-04-03", "2026-04-06", "", "", 0, "holiday"),
]
STOCK_COVER = {"TE25-100": 0.3, "MCB-B32": 0.25, "LP-6060-40": 0.2, "GU10-30-10": 0.35, "2025": 0.3,
               "RCD-30-40": 12.0, "CT-300-B": 6.0, "LP-6060-65": 5.5, "JB-30-3": 5.0, "SKT-2G-BS": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "build":  # the building trade: quiet in December and August, busy in spring
        return {12: 0.7, 1: 0.9, 3: 1.2, 4: 1.15, 5: 1.1, 8: 0.85}.get(month, 1.0)
    if kind == "winter":  # lighting sells in the dark months
        return {10: 1.15, 11: 1.3, 12: 1.1, 1: 1.2, 6: 0.8, 7: 0.75}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2025-10", trend=0.005, pivot=12, noise=0.08,
                             promo=("MCB-B16", "2025-11", 1.3))  # Black Friday 2025


def main() -> None:
    write_company(HERE, seed=303030, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=WORKS, location="Leeds DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-2,
                  order_ref="TEW-{:05d}")


if __name__ == "__main__":
    main()
