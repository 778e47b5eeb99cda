"""Writes the monthly CSV files of dev company 29 (Liffey Medical Supplies Ltd, an Irish maker and distributor
of medical consumables with a plant in Athlone and a packing site in Cork, EUR).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_29/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-06" <= f"{y}-{m:02d}" <= "2026-05"]  # 24 complete months before 2026-06-30
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-06" <= f"{y}-{m:02d}" <= "2027-11"]
AS_OF = "2026-06-29"
ATHLONE = "Athlone Plant"
CORK = "Cork Packing Site"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("GLN-S-100", "Nitrile Exam Gloves S, box of 100", "Gloves", 6.90, 2.60, 800, 21, "active", 5200, "flat"),
    ("GLN-M-100", "Nitrile Exam Gloves M, box of 100", "Gloves", 6.90, 2.60, 1500, 21, "active", 11800, "flat"),
    ("GLN-L-100", "Nitrile Exam Gloves L, box of 100", "Gloves", 6.90, 2.60, 1200, 21, "active", 9400, "flat"),
    ("GLN-XL-100", "Nitrile Exam Gloves XL, box of 100", "Gloves", 7.20, 2.75, 400, 21, "active", 3100, "flat"),
    ("GLN-M-200", "Nitrile Exam Gloves M, box of 200", "Gloves", 12.80, 4.90, 600, 21, "active", 4300, "flat"),
    ("GLN-L-200", "Nitrile Exam Gloves L, box of 200", "Gloves", 12.80, 4.90, 500, 21, "active", 3600, "flat"),
    ("GLL-M-100", "Latex Exam Gloves M, box of 100", "Gloves", 5.40, 2.10, 300, 56, "active", 2400, "flat"),
    ("GLL-L-100", "Latex Exam Gloves L, box of 100", "Gloves", 5.40, 2.10, 0, 56, "discontinued", 900, "flat"),
    ("SYR-02", "ClearFlow Syringe 2 ml, box of 100", "Syringes", 9.50, 3.40, 500, 14, "active", 4100, "winter"),
    ("SYR-05", "ClearFlow Syringe 5 ml, box of 100", "Syringes", 10.90, 3.90, 700, 14, "active", 6200, "winter"),
    ("SYR-10", "ClearFlow Syringe 10 ml, box of 100", "Syringes", 13.20, 4.80, 400, 14, "active", 3300, "winter"),
    ("SYR-SG05", "SafeGuard Safety Syringe 5 ml, box of 100", "Syringes", 24.50, 9.80, 200, 28, "new", 1200,
     "winter"),
    ("NDL-21G", "Hypodermic Needle 21G, box of 100", "Needles", 4.20, 1.30, 600, 14, "active", 5600, "winter"),
    ("NDL-23G", "Hypodermic Needle 23G, box of 100", "Needles", 4.20, 1.30, 700, 14, "active", 6900, "winter"),
    ("NDL-25G", "Hypodermic Needle 25G, box of 100", "Needles", 4.40, 1.35, 300, 14, "active", 2500, "winter"),
    ("NDL-SG23", "SafeGuard Safety Needle 23G, box of 100", "Needles", 16.80, 6.40, 250, 28, "active", 1900,
     "winter"),
    ("MSK-IIR-50", "Type IIR Surgical Face Mask, box of 50", "Masks", 4.80, 1.50, 1500, 21, "active", 14000,
     "winter"),
    ("MSK-FFP2-50", "FFP2 Respirator Mask, box of 50", "Masks", 19.50, 7.20, 600, 21, "active", 4800, "winter"),
    ("MSK-SG-FFP2", "SafeGuard FFP2 Respirator Mask, box of 20", "Masks", 14.90, 6.10, 300, 42, "active", 2100,
     "winter"),
    ("DRS-1010", "Shannon Foam Dressing 10x10 cm, pack of 10", "Dressings", 18.60, 6.90, 400, 21, "active", 3000,
     "flat"),
    ("DRS-1020", "Shannon Foam Dressing 10x20 cm, pack of 10", "Dressings", 29.40, 11.20, 200, 21, "active", 1300,
     "flat"),
    ("DRS-ISL", "Shannon Island Dressing 10x10 cm, pack of 25", "Dressings", 22.10, 8.30, 300, 21, "active", 2200,
     "flat"),
    ("DRS-GZ", "Sterile Gauze Swab 10x10 cm, pack of 100", "Dressings", 7.80, 2.40, 600, 35, "active", 5100, "flat"),
    ("IV-NS-500", "Saline 0.9% 500 ml bag", "IV Fluids", 1.95, 0.62, 4000, 14, "active", 32000, "winter"),
    ("IV-NS-1000", "Saline 0.9% 1000 ml bag", "IV Fluids", 2.60, 0.85, 2500, 14, "active", 18500, "winter"),
    ("IV-G5-500", "Glucose 5% 500 ml bag", "IV Fluids", 2.20, 0.74, 1200, 14, "active", 8200, "winter"),
    ("IV-FL-10", "ClearFlow Saline Flush 10 ml, box of 30", "IV Fluids", 11.40, 3.90, 500, 14, "active", 3900,
     "winter"),
    ("TK-AG-25", "Rapid Antigen Test Kit, pack of 25", "Test Kits", 42.00, 15.50, 200, 35, "active", 1500, "flu"),
    ("TK-AG-5", "Rapid Antigen Test Kit, pack of 5", "Test Kits", 11.50, 4.10, 300, 35, "active", 2600, "flu"),
    ("TK-FLU-25", "Flu A/B Rapid Test Kit, pack of 25", "Test Kits", 58.00, 22.00, 150, 42, "active", 1100, "flu"),
    ("2027", "Strep A Rapid Test Kit, pack of 25", "Test Kits", 46.00, 17.20, 120, 42, "active", 800, "flu"),
]
ROUTING = [
    ("GLN-S-100", "Glove Dipping Line 1", 0.004), ("GLN-M-100", "Glove Dipping Line 1", 0.004),
    ("GLN-M-200", "Glove Dipping Line 1", 0.008), ("GLN-L-100", "Glove Dipping Line 2", 0.0045),
    ("GLN-L-200", "Glove Dipping Line 2", 0.009), ("GLN-XL-100", "Glove Dipping Line 2", 0.005),
    ("GLN-M-100", "Glove Dipping Line 2", 0.0045), ("GLN-L-100", "Glove Dipping Line 1", 0.005),
    ("SYR-02", "Syringe Moulding Cell", 0.010), ("SYR-05", "Syringe Moulding Cell", 0.012),
    ("SYR-10", "Syringe Moulding Cell", 0.015), ("SYR-SG05", "Syringe Moulding Cell", 0.030),
    ("IV-FL-10", "Syringe Moulding Cell", 0.020), ("SYR-05", "Blister Packing Line", 0.004),
    ("NDL-21G", "Needle Assembly Line", 0.006), ("NDL-23G", "Needle Assembly Line", 0.006),
    ("NDL-25G", "Needle Assembly Line", 0.007), ("NDL-SG23", "Needle Assembly Line", 0.018),
    ("NDL-23G", "Blister Packing Line", 0.003),
    ("IV-NS-500", "Bag Filling Line", 0.0020), ("IV-NS-1000", "Bag Filling Line", 0.0028),
    ("IV-G5-500", "Bag Filling Line", 0.0021),
    ("MSK-IIR-50", "Mask Line", 0.0012), ("MSK-FFP2-50", "Mask Line", 0.0040),
    ("DRS-1010", "Carton Packing Line", 0.006), ("DRS-1020", "Carton Packing Line", 0.008),
    ("TK-AG-5", "Carton Packing Line", 0.010),
]
CAPACITY = {"Glove Dipping Line 1": 0.88, "Glove Dipping Line 2": 1.09, "Syringe Moulding Cell": 0.82,
            "Needle Assembly Line": 0.75, "Bag Filling Line": 1.06, "Mask Line": 0.7,
            "Blister Packing Line": 0.6, "Carton Packing Line": 0.9}
PLANTS = {"Mask Line": CORK, "Blister Packing Line": CORK, "Carton Packing Line": CORK}
SUPPLY = [
    ("7800012345", "GLL-M-100", "2026-07-20", 3000, "purchase_order", "firm", "Kedah Latex Sdn Bhd"),
    ("7800012388", "TK-FLU-25", "2026-08-05", 1500, "purchase_order", "planned", "BioDiag Galway Ltd"),
    ("PO-IE-2291", "MSK-SG-FFP2", "2026-07-08", 2500, "purchase_order", "firm", "SafeGuard Medical GmbH"),
    ("PO-IE-2304", "DRS-GZ", "2026-07-22", 4000, "purchase_order", "firm", "Munster Textiles Ltd"),
    ("CRK/0007", "DRS-1010", "2026-07-03", 1800, "transfer", "released", CORK),
    ("26-118", "IV-NS-500", "2026-07-10", 9000, "production_order", "released", ""),
    ("26-121", "IV-NS-1000", "2026-07-24", 5000, "production_order", "planned", ""),
    ("402", "SYR-05", "2026-07-17", 4000, "production_order", "firm", ""),
    ("ATH-0630", "GLN-M-100", "2026-06-26", 5000, "production_order", "released", ""),
]
CUSTOMERS = ["HSE National Distribution Centre", "Beacon Hospital", "Uniphar Wholesale", "Mater Private",
             "Bon Secours Cork", "NHS Supply Chain NI"]
EVENTS = [
    ("Flu season 2025", "2025-10-01", "2025-12-31", "", "Test Kits", 40, "other"),
    ("HSE winter tender 2025", "2025-11-01", "2026-01-31", "", "Masks", 30, "promotion"),
    ("SafeGuard syringe launch", "2026-03-01", "2026-03-31", "SYR-SG05", "", 0, "launch"),
    ("Athlone summer shutdown", "2026-08-03", "2026-08-14", "", "", 0, "holiday"),
    ("Flu season 2026", "2026-10-01", "2026-12-31", "", "Test Kits", 40, "other"),
]
STOCK_COVER = {"GLN-M-100": 0.3, "MSK-FFP2-50": 0.35, "IV-NS-500": 0.3, "TK-FLU-25": 0.4, "SYR-05": 0.35,
               "MSK-SG-FFP2": 0.3, "GLL-L-100": 9.0, "TK-AG-25": 6.5, "DRS-1020": 5.5, "NDL-25G": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "winter":  # hospitals in winter: flu wards, vaccination clinics
        return {10: 1.15, 11: 1.25, 12: 1.3, 1: 1.3, 2: 1.15, 6: 0.9, 7: 0.85, 8: 0.85}.get(month, 1.0)
    if kind == "flu":  # rapid tests follow the flu and Strep A season
        return {10: 1.5, 11: 1.8, 12: 2.0, 1: 1.7, 2: 1.3, 6: 0.6, 7: 0.55, 8: 0.6}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-03", trend=0.003, pivot=12, noise=0.08,
                             promo=("MSK-IIR-50", "2025-12", 1.4))  # HSE winter tender call-off


def set_plants() -> None:
    """Put the Cork resources and the SKUs whose primary resource they are on the packing site."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=292929, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=ATHLONE, location="Cork DC",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-2,
                  order_ref="LMS-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
