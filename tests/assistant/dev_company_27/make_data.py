"""Writes the monthly CSV files of dev company 27 (Little Lotus Baby Care Pte Ltd, a Singapore maker of
diapers, pull-up pants, wipes, baby wash and skin care, formula milk and feeding bottles, with a plant in
Tuas, Singapore and one in Senai, Johor, SGD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_27/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-09"]  # 24 complete months before 2026-10-14
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-10" <= f"{y}-{m:02d}" <= "2028-03"]
AS_OF = "2026-10-13"
TUAS = "Tuas Plant"
JOHOR = "Johor Plant"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("DP-SY-NB24", "Sayang Diapers NB, pack of 24", "Diapers", 12.9, 5.1, 300, 14, "active", 2600, "sale"),
    ("DP-SY-S48", "Sayang Diapers S, pack of 48", "Diapers", 21.9, 8.6, 400, 14, "active", 3400, "sale"),
    ("DP-SY-M48", "Sayang Diapers M, pack of 48", "Diapers", 22.9, 9.0, 500, 14, "active", 4800, "sale"),
    ("DP-SY-M64", "Sayang Diapers M, pack of 64", "Diapers", 28.9, 11.4, 400, 14, "active", 3900, "sale"),
    ("DP-SY-L48", "Sayang Diapers L, pack of 48", "Diapers", 23.9, 9.4, 450, 14, "active", 4300, "sale"),
    ("DP-SY-L64", "Sayang Diapers L, pack of 64", "Diapers", 29.9, 11.8, 350, 14, "active", 3100, "sale"),
    ("DP-SY-XL48", "Sayang Diapers XL, pack of 48", "Diapers", 24.9, 9.8, 300, 14, "active", 2500, "sale"),
    ("PP-BB-M48", "Bao Bao Pull-up Pants M, pack of 48", "Pull-up Pants", 25.9, 10.2, 300, 21, "active", 2200,
     "sale"),
    ("PP-BB-L48", "Bao Bao Pull-up Pants L, pack of 48", "Pull-up Pants", 26.9, 10.6, 350, 21, "active", 3000,
     "sale"),
    ("PP-BB-XL48", "Bao Bao Pull-up Pants XL, pack of 48", "Pull-up Pants", 27.9, 11.0, 300, 21, "active", 2400,
     "sale"),
    ("PP-BB-XXL24", "Bao Bao Pull-up Pants XXL, pack of 24", "Pull-up Pants", 16.9, 6.6, 150, 21, "active", 900,
     "sale"),
    ("PP-MM-XL24", "Mimi Overnight Pants XL, pack of 24", "Pull-up Pants", 18.9, 7.4, 150, 21, "active", 1100,
     "sale"),
    ("WP-MM-80", "Mimi Water Wipes, pack of 80", "Wipes", 3.9, 1.3, 1500, 10, "active", 14000, "sale"),
    ("WP-MM-3X80", "Mimi Water Wipes, 3x80", "Wipes", 10.5, 3.6, 800, 10, "active", 7200, "sale"),
    ("WP-SY-80", "Sayang Sensitive Wipes, pack of 80", "Wipes", 4.5, 1.5, 900, 10, "active", 8200, "sale"),
    ("BS-BB-W400", "Bao Bao Top-to-Toe Wash 400 ml", "Bath & Skin", 9.9, 3.2, 300, 14, "active", 2800, "flat"),
    ("BS-BB-W1L", "Bao Bao Top-to-Toe Wash 1 L", "Bath & Skin", 19.9, 6.1, 150, 14, "active", 1200, "flat"),
    ("BS-MM-LT400", "Mimi Baby Lotion 400 ml", "Bath & Skin", 12.9, 4.4, 150, 35, "active", 1300, "flat"),
    ("BS-SY-RC50", "Sayang Rash Cream 50 g", "Bath & Skin", 8.9, 2.4, 400, 21, "active", 3600, "flat"),
    ("FM-BB-S1", "Bao Bao Formula Stage 1 800 g", "Formula", 42.9, 21.0, 500, 28, "active", 3800, "tins"),
    ("FM-BB-S2", "Bao Bao Formula Stage 2 800 g", "Formula", 41.9, 20.4, 600, 28, "active", 4500, "tins"),
    ("FM-BB-S3", "Bao Bao Formula Stage 3 800 g", "Formula", 38.9, 18.9, 500, 28, "active", 4100, "tins"),
    ("FM-MM-S2", "Mimi Comfort Formula Stage 2 800 g", "Formula", 45.9, 23.5, 0, 28, "discontinued", 700,
     "tins"),
    ("FD-MM-B150", "Mimi Feeding Bottle 150 ml", "Feeding", 11.9, 3.9, 200, 42, "active", 1500, "flat"),
    ("FD-MM-B260", "Mimi Feeding Bottle 260 ml", "Feeding", 13.9, 4.5, 250, 42, "active", 2100, "flat"),
    ("FD-SY-B260", "Sayang Anti-colic Bottle 260 ml", "Feeding", 18.9, 6.3, 150, 42, "new", 900, "flat"),
    ("2027", "Mimi Slow Flow Teats, pack of 2", "Feeding", 7.9, 2.1, 400, 35, "active", 3300, "flat"),
]
ROUTING = [
    ("DP-SY-NB24", "Diaper Line 1", 0.010), ("DP-SY-S48", "Diaper Line 1", 0.014),
    ("DP-SY-M48", "Diaper Line 1", 0.015), ("DP-SY-M48", "Diaper Line 2", 0.016),
    ("DP-SY-M64", "Diaper Line 2", 0.020), ("DP-SY-L48", "Diaper Line 2", 0.016),
    ("DP-SY-L64", "Diaper Line 2", 0.021), ("DP-SY-XL48", "Diaper Line 2", 0.017),
    ("PP-BB-M48", "Pants Line", 0.020), ("PP-BB-L48", "Pants Line", 0.021), ("PP-BB-XL48", "Pants Line", 0.022),
    ("PP-BB-XXL24", "Pants Line", 0.012), ("PP-MM-XL24", "Pants Line", 0.013),
    ("WP-MM-80", "Wipes Converter", 0.002), ("WP-MM-3X80", "Wipes Converter", 0.006),
    ("WP-SY-80", "Wipes Converter", 0.002),
    ("BS-BB-W400", "Liquid Filling Line", 0.004), ("BS-BB-W1L", "Liquid Filling Line", 0.007),
    ("BS-SY-RC50", "Tube Filler", 0.003),
    ("FM-BB-S1", "Formula Canning Line", 0.012), ("FM-BB-S2", "Formula Canning Line", 0.012),
    ("FM-BB-S3", "Formula Canning Line", 0.012), ("FM-MM-S2", "Formula Canning Line", 0.013),
]
CAPACITY = {"Diaper Line 1": 0.82, "Diaper Line 2": 1.11, "Pants Line": 0.9, "Wipes Converter": 0.75,
            "Liquid Filling Line": 0.6, "Tube Filler": 0.7, "Formula Canning Line": 1.07}
PLANTS = {"Pants Line": JOHOR, "Tube Filler": JOHOR, "Formula Canning Line": JOHOR}
SUPPLY = [
    ("4500031234", "FD-MM-B260", "2026-10-28", 3000, "purchase_order", "firm", "Ningbo Babycare Plastics Co."),
    ("4500031290", "FD-SY-B260", "2026-11-18", 2000, "purchase_order", "planned", "Ningbo Babycare Plastics Co."),
    ("PO-2026-0815", "2027", "2026-10-05", 8000, "purchase_order", "firm", "Siam Silicone Co. Ltd"),
    ("PO-2026-0921", "BS-MM-LT400", "2026-11-25", 1500, "purchase_order", "planned", "Klang Cosmetics Sdn Bhd"),
    ("JB/TR/12", "PP-BB-L48", "2026-10-20", 2500, "transfer", "released", "Johor Plant"),
    ("JB/TR/13", "FM-BB-S2", "2026-10-30", 3000, "transfer", "released", "Johor Plant"),
    ("311", "DP-SY-M64", "2026-11-03", 4000, "production_order", "firm", ""),
    ("WO-8812", "FM-BB-S1", "2026-11-09", 3500, "production_order", "firm", ""),
    ("WO-8820", "WP-MM-3X80", "2026-10-23", 6000, "production_order", "released", ""),
]
CUSTOMERS = ["NTUC FairPrice", "Guardian Health & Beauty", "Watsons Singapore", "Shopee Mall", "LazMall",
             "Mothercare SG"]
EVENTS = [
    ("11.11 Shopee Sale 2025", "2025-11-11", "2025-11-13", "", "Diapers", 35, "promotion"),
    ("Chinese New Year 2026", "2026-02-16", "2026-02-18", "", "", 0, "holiday"),
    ("Hari Raya Puasa 2026", "2026-03-20", "2026-03-21", "", "", 0, "holiday"),
    ("Great Singapore Sale 2026", "2026-06-01", "2026-06-30", "", "Wipes", 20, "promotion"),
    ("Sayang Anti-colic Bottle launch", "2026-08-01", "2026-08-31", "FD-SY-B260", "", 0, "launch"),
    ("Baby Fair Suntec 2026", "2026-10-23", "2026-10-25", "", "Feeding", 30, "promotion"),
    ("11.11 Shopee Sale 2026", "2026-11-11", "2026-11-13", "", "Diapers", 35, "promotion"),
    ("Chinese New Year 2027", "2027-02-06", "2027-02-08", "", "", 0, "holiday"),
]
STOCK_COVER = {"DP-SY-M64": 0.3, "PP-BB-L48": 0.3, "FM-BB-S2": 0.35, "2027": 0.25, "WP-MM-3X80": 0.35,
               "FM-MM-S2": 8.0, "BS-MM-LT400": 6.0, "PP-BB-XXL24": 5.0, "FD-MM-B150": 5.5, "DP-SY-NB24": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "sale":  # 11.11 and 12.12 online sales, the June sale
        return {11: 1.35, 12: 1.15, 6: 1.1, 2: 0.9}.get(month, 1.0)
    if kind == "tins":  # stocking up on formula before Chinese New Year
        return {1: 1.15, 2: 0.9, 11: 1.1}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-08", trend=0.003, pivot=12, noise=0.08,
                             promo=("DP-SY-M64", "2025-11", 1.3))  # 11.11 2025 bundle


def set_plants() -> None:
    """Put the Johor resources and the SKUs whose primary resource they are on the Johor plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=272727, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=TUAS, location="Tuas DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-1,
                  order_ref="LL-SO-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
