"""Writes the monthly CSV files of dev company 21 (Kaveri Sutlej Textiles Pvt Ltd, an Indian maker of
t-shirts, polos, kurtas, denim, bedsheets and towels, with units in Tiruppur and Ludhiana, INR).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_21/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2026-11"]  # 24 complete months before 2026-12-20
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-12" <= f"{y}-{m:02d}" <= "2028-05"]
AS_OF = "2026-12-19"
TIRUPPUR = "Tiruppur Unit"
LUDHIANA = "Ludhiana Unit"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("TS-RN-WH-M", "Everyday Round Neck Tee White M", "T-Shirts", 349.0, 142.0, 2500, 21, "active", 9000,
     "summer"),
    ("TS-RN-WH-L", "Everyday Round Neck Tee White L", "T-Shirts", 349.0, 145.0, 3000, 21, "active", 11000,
     "summer"),
    ("TS-RN-BK-L", "Everyday Round Neck Tee Black L", "T-Shirts", 349.0, 148.0, 2800, 21, "active", 10000,
     "summer"),
    ("TS-RN-BK-XL", "Everyday Round Neck Tee Black XL", "T-Shirts", 379.0, 156.0, 1600, 21, "active", 6000,
     "summer"),
    ("TS-VN-NV-L", "Everyday V-Neck Tee Navy L", "T-Shirts", 399.0, 161.0, 1200, 21, "active", 4500, "summer"),
    ("TS-RN-P3-L", "Everyday Round Neck Tee Pack of 3 L", "T-Shirts", 899.0, 402.0, 1400, 21, "active", 5000,
     "flat"),
    ("2027", "Rangoli Print Festive Tee Maroon M", "T-Shirts", 499.0, 188.0, 800, 21, "active", 3000,
     "festive"),
    ("PL-PQ-NV-M", "Club Pique Polo Navy M", "Polos", 749.0, 296.0, 900, 28, "active", 3500, "summer"),
    ("PL-PQ-NV-L", "Club Pique Polo Navy L", "Polos", 749.0, 301.0, 1100, 28, "active", 4200, "summer"),
    ("PL-PQ-WH-L", "Club Pique Polo White L", "Polos", 749.0, 298.0, 800, 28, "active", 3000, "summer"),
    ("PL-PQ-MR-XL", "Club Pique Polo Maroon XL", "Polos", 799.0, 318.0, 400, 28, "active", 1500, "summer"),
    ("PL-DF-GY-L", "Dri-Fit Sports Polo Grey L", "Polos", 899.0, 352.0, 500, 28, "new", 1800, "summer"),
    ("KU-CH-WH-M", "Lucknowi Chikan Kurta White M", "Kurtas", 1499.0, 610.0, 450, 35, "active", 1800,
     "festive"),
    ("KU-CH-WH-L", "Lucknowi Chikan Kurta White L", "Kurtas", 1499.0, 624.0, 550, 35, "active", 2200,
     "festive"),
    ("KU-SB-MR-L", "Festive Silk Blend Kurta Maroon L", "Kurtas", 2299.0, 968.0, 350, 35, "active", 1400,
     "wedding"),
    ("KU-SB-MR-XL", "Festive Silk Blend Kurta Maroon XL", "Kurtas", 2399.0, 1004.0, 220, 35, "active", 900,
     "wedding"),
    ("KU-LN-BG-L", "Linen Short Kurta Beige L", "Kurtas", 1199.0, 486.0, 250, 35, "active", 1100, "summer"),
    ("KU-WD-IV-L", "Wedding Kurta Pyjama Set Ivory L", "Kurtas", 3999.0, 1710.0, 150, 35, "active", 600,
     "wedding"),
    ("DN-SF-IN-32", "Slim Fit Stretch Jeans Indigo 32", "Denim", 1699.0, 702.0, 650, 30, "active", 2600,
     "denim"),
    ("DN-SF-IN-34", "Slim Fit Stretch Jeans Indigo 34", "Denim", 1699.0, 708.0, 850, 30, "active", 3400,
     "denim"),
    ("DN-SF-IN-36", "Slim Fit Stretch Jeans Indigo 36", "Denim", 1699.0, 715.0, 500, 30, "active", 2000,
     "denim"),
    ("DN-SF-BK-34", "Slim Fit Stretch Jeans Black 34", "Denim", 1799.0, 741.0, 400, 30, "active", 1600,
     "denim"),
    ("DN-RF-IN-34", "Regular Fit Jeans Indigo 34", "Denim", 1499.0, 622.0, 480, 30, "active", 1900, "denim"),
    ("DN-TJ-IN-L", "Denim Trucker Jacket Indigo L", "Denim", 2499.0, 1085.0, 0, 30, "discontinued", 500,
     "winter"),
    ("BS-PC-SG-BL", "Percale Cotton Bedsheet Single Blue", "Bedsheets", 799.0, 318.0, 350, 25, "active", 1500,
     "flat"),
    ("BS-PC-DB-BL", "Percale Cotton Bedsheet Double Blue", "Bedsheets", 1299.0, 521.0, 800, 25, "active", 3200,
     "flat"),
    ("BS-PC-KG-BL", "Percale Cotton Bedsheet King Blue", "Bedsheets", 1599.0, 648.0, 300, 25, "active", 1200,
     "flat"),
    ("BS-PC-DB-WH", "Percale Cotton Bedsheet Double White", "Bedsheets", 1299.0, 516.0, 650, 25, "active",
     2600, "flat"),
    ("4410", "Jaipuri Print Double Bedsheet with 2 Pillow Covers", "Bedsheets", 1099.0, 432.0, 700, 25,
     "active", 2800, "gift"),
    ("BS-FL-DB-GY", "Flannel Winter Bedsheet Double Grey", "Bedsheets", 1499.0, 612.0, 250, 25, "active", 900,
     "winter"),
    ("TW-ZT-BT-WH", "Zero Twist Bath Towel White", "Towels", 599.0, 231.0, 1300, 20, "active", 5200, "flat"),
    ("TW-ZT-BT-NV", "Zero Twist Bath Towel Navy", "Towels", 599.0, 236.0, 700, 20, "active", 2800, "flat"),
    ("TW-ZT-HT-P3", "Zero Twist Hand Towel Pack of 3", "Towels", 549.0, 214.0, 900, 20, "active", 3600, "flat"),
    ("TW-KT-P6", "Kitchen Towel Pack of 6", "Towels", 399.0, 152.0, 1000, 20, "active", 4000, "flat"),
    ("TW-GS-DW", "Diwali Gift Towel Set", "Towels", 1299.0, 507.0, 300, 20, "active", 1200, "gift"),
]
ROUTING = [
    ("TS-RN-WH-M", "Tiruppur Stitching Line", 0.010), ("TS-RN-WH-L", "Tiruppur Stitching Line", 0.010),
    ("TS-RN-WH-L", "Ludhiana Stitching Line", 0.012), ("TS-RN-BK-L", "Tiruppur Stitching Line", 0.010),
    ("TS-RN-BK-XL", "Tiruppur Stitching Line", 0.011), ("TS-VN-NV-L", "Tiruppur Stitching Line", 0.011),
    ("TS-RN-P3-L", "Tiruppur Stitching Line", 0.030), ("2027", "Rotary Print Line", 0.003),
    ("2027", "Tiruppur Stitching Line", 0.012),
    ("PL-PQ-NV-M", "Tiruppur Stitching Line", 0.016), ("PL-PQ-NV-L", "Tiruppur Stitching Line", 0.016),
    ("PL-PQ-NV-L", "Ludhiana Stitching Line", 0.019), ("PL-PQ-WH-L", "Tiruppur Stitching Line", 0.016),
    ("PL-PQ-MR-XL", "Tiruppur Stitching Line", 0.017), ("PL-DF-GY-L", "Tiruppur Stitching Line", 0.018),
    ("KU-CH-WH-M", "Kurta Embroidery Section", 0.080), ("KU-CH-WH-L", "Kurta Embroidery Section", 0.082),
    ("KU-SB-MR-L", "Ludhiana Stitching Line", 0.030), ("KU-SB-MR-L", "Kurta Embroidery Section", 0.060),
    ("KU-SB-MR-XL", "Ludhiana Stitching Line", 0.031), ("KU-LN-BG-L", "Ludhiana Stitching Line", 0.025),
    ("KU-WD-IV-L", "Kurta Embroidery Section", 0.120),
    ("DN-SF-IN-32", "Denim Laundry", 0.008), ("DN-SF-IN-34", "Denim Laundry", 0.008),
    ("DN-SF-IN-36", "Denim Laundry", 0.008), ("DN-SF-BK-34", "Denim Laundry", 0.009),
    ("DN-RF-IN-34", "Denim Laundry", 0.008), ("DN-TJ-IN-L", "Denim Laundry", 0.012),
    ("4410", "Rotary Print Line", 0.004),
    ("TW-ZT-BT-WH", "Towel Loom Shed", 0.006), ("TW-ZT-BT-NV", "Towel Loom Shed", 0.006),
    ("TW-ZT-HT-P3", "Towel Loom Shed", 0.007), ("TW-GS-DW", "Towel Loom Shed", 0.010),
]
CAPACITY = {"Tiruppur Stitching Line": 1.08, "Ludhiana Stitching Line": 0.85, "Kurta Embroidery Section": 1.12,
            "Denim Laundry": 0.9, "Rotary Print Line": 0.95, "Towel Loom Shed": 0.7}
PLANTS = {"Ludhiana Stitching Line": LUDHIANA, "Kurta Embroidery Section": LUDHIANA, "Denim Laundry": LUDHIANA}
SUPPLY = [
    ("4500098123", "BS-PC-DB-BL", "2027-01-12", 2500, "purchase_order", "firm", "Karur Home Linen Co."),
    ("PO/TPR/2026/117", "TS-RN-WH-L", "2026-12-28", 6000, "purchase_order", "firm", "Kongu Job Works"),
    ("PO-5521", "PL-PQ-NV-L", "2026-12-05", 2000, "purchase_order", "released", "Kongu Job Works"),
    ("PO-5530", "BS-FL-DB-GY", "2027-01-20", 1200, "purchase_order", "firm", "Panipat Weaves"),
    ("JW#0912", "KU-SB-MR-L", "2027-01-05", 900, "purchase_order", "released", "Sutlej Embroidery Works"),
    ("2026/118", "DN-SF-IN-32", "2027-01-15", 2000, "production_order", "planned", ""),
    ("MO.7741", "KU-WD-IV-L", "2027-01-10", 600, "production_order", "firm", ""),
    ("MO.7752", "TW-ZT-BT-WH", "2027-01-18", 4000, "production_order", "firm", ""),
    ("TR-LDH-07", "TS-RN-BK-L", "2026-12-30", 1500, "transfer", "released", "Ludhiana Unit"),
    ("1101", "2027", "2027-02-02", 1000, "production_order", "planned", ""),
    ("PO/LDH/88", "TW-KT-P6", "2027-01-25", 3000, "purchase_order", "firm", "Panipat Weaves"),
    ("MO.7760", "DN-SF-IN-34", "2027-01-08", 3000, "production_order", "released", ""),
]
CUSTOMERS = ["Reliance Trends", "Shoppers Stop", "Myntra", "Lifestyle Stores", "Max Fashion"]
EVENTS = [
    ("Diwali 2025", "2025-10-10", "2025-10-25", "", "Kurtas", 35, "holiday"),
    ("Diwali gifting 2025", "2025-10-01", "2025-10-20", "TW-GS-DW", "", 60, "promotion"),
    ("Wedding season 2025-26", "2025-11-15", "2026-02-28", "", "Kurtas", 25, "other"),
    ("End of season sale summer 2026", "2026-06-15", "2026-07-15", "", "T-Shirts", 20, "promotion"),
    ("Dri-Fit polo launch", "2026-09-01", "2026-09-30", "PL-DF-GY-L", "", 0, "launch"),
    ("Diwali gifting 2026", "2026-10-15", "2026-11-08", "TW-GS-DW", "", 60, "promotion"),
    ("Diwali 2026", "2026-10-25", "2026-11-10", "", "Kurtas", 35, "holiday"),
    ("Wedding season 2026-27", "2026-11-15", "2027-02-28", "", "Kurtas", 25, "other"),
    ("Winter bedding push", "2026-12-01", "2027-01-31", "BS-FL-DB-GY", "", 20, "promotion"),
    ("Republic Day sale 2027", "2027-01-22", "2027-01-26", "", "Denim", 30, "promotion"),
]
STOCK_COVER = {"DN-SF-IN-34": 0.3, "PL-PQ-NV-L": 0.25, "KU-SB-MR-L": 0.3, "BS-PC-DB-BL": 0.35, "2027": 0.3,
               "TW-ZT-BT-WH": 0.4, "KU-WD-IV-L": 0.35,
               "DN-TJ-IN-L": 7.0, "KU-LN-BG-L": 5.5, "TW-KT-P6": 5.0, "TS-RN-BK-XL": 4.5, "BS-PC-SG-BL": 4.8}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "summer":  # Indian summer: tees, polos and linen sell April-June
        return {3: 1.15, 4: 1.35, 5: 1.4, 6: 1.25, 11: 0.8, 12: 0.7, 1: 0.7}.get(month, 1.0)
    if kind == "festive":  # Diwali (October-November) and the wedding months after it
        return {10: 1.6, 11: 1.7, 12: 1.2, 1: 1.2, 2: 1.1, 6: 0.7, 7: 0.7}.get(month, 1.0)
    if kind == "wedding":  # wedding season, mid-November to February
        return {11: 1.6, 12: 1.8, 1: 1.7, 2: 1.5, 10: 1.2, 5: 0.6, 6: 0.5, 7: 0.5, 8: 0.6}.get(month, 1.0)
    if kind == "winter":  # north Indian winter
        return {11: 1.5, 12: 1.8, 1: 1.7, 2: 1.2, 4: 0.5, 5: 0.4, 6: 0.4, 7: 0.4, 8: 0.5}.get(month, 1.0)
    if kind == "denim":
        return {10: 1.2, 11: 1.25, 12: 1.3, 1: 1.3, 2: 1.15, 5: 0.8, 6: 0.75, 7: 0.8}.get(month, 1.0)
    if kind == "gift":  # Diwali gifting
        return {10: 2.4, 11: 1.9, 9: 1.2, 6: 0.6, 7: 0.6}.get(month, 0.8)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-09", trend=0.004, pivot=12, noise=0.09,
                             promo=("TW-GS-DW", "2025-10", 1.4))  # Diwali gifting 2025


def set_plants() -> None:
    """Put the Ludhiana resources and the SKUs whose primary resource they are on the Ludhiana plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=212121, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=TIRUPPUR,
                  location="Tiruppur Central Warehouse", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-3, order_ref="SO/TX/{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
