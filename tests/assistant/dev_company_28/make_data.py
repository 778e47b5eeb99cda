"""Writes the monthly CSV files of dev company 28 (Công ty CP Lương thực Hậu Giang, a Vietnamese rice miller
and packer of rice, glutinous rice, rice flour, dried rice noodles, rice paper and Tết gift boxes, with plants
in Cần Thơ and Long An and a warehouse in Thủ Đức, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_28/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-02" <= f"{y}-{m:02d}" <= "2026-01"]  # 24 complete months before 2026-02-10
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-02" <= f"{y}-{m:02d}" <= "2027-07"]
AS_OF = "2026-02-09"
CAN_THO = "Nhà máy Cần Thơ"
LONG_AN = "Nhà máy Long An"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("ST25-5", "Gạo ST25 túi 5kg", "Gạo", 185000.0, 128000.0, 2500, 10, "active", 12000, "rice"),
    ("ST25-2", "Gạo ST25 túi 2kg", "Gạo", 78000.0, 53000.0, 1500, 10, "active", 8000, "rice"),
    ("ST25-25", "Gạo ST25 bao 25kg", "Gạo", 850000.0, 610000.0, 400, 10, "active", 2500, "rice"),
    ("LUT-ST25-2", "Gạo lứt ST25 túi 2kg", "Gạo", 95000.0, 62000.0, 500, 10, "active", 3000, "flat"),
    ("JAS-5", "Gạo Jasmine túi 5kg", "Gạo", 120000.0, 84000.0, 1800, 10, "active", 9000, "rice"),
    ("JAS-25", "Gạo Jasmine bao 25kg", "Gạo", 540000.0, 395000.0, 400, 10, "active", 3000, "rice"),
    ("HN-G5", "Gạo Hạt Ngọc túi 5kg", "Gạo", 140000.0, 97000.0, 1200, 10, "active", 7000, "rice"),
    ("TS-5", "Gạo Thơm Sen túi 5kg", "Gạo", 130000.0, 90000.0, 900, 10, "active", 5000, "rice"),
    ("TX-5", "Gạo Tám Xoan túi 5kg", "Gạo", 150000.0, 105000.0, 0, 14, "discontinued", 1500, "rice"),
    ("NCHV-2", "Nếp cái hoa vàng túi 2kg", "Nếp", 98000.0, 66000.0, 800, 21, "active", 4000, "sticky"),
    ("NCHV-5", "Nếp cái hoa vàng túi 5kg", "Nếp", 235000.0, 160000.0, 300, 21, "active", 1500, "sticky"),
    ("NTH-1", "Nếp than túi 1kg", "Nếp", 62000.0, 41000.0, 300, 21, "active", 2000, "sticky"),
    ("HN-N2", "Nếp dẻo Hạt Ngọc túi 2kg", "Nếp", 82000.0, 55000.0, 500, 14, "active", 2500, "sticky"),
    ("HN-B400", "Bột gạo Hạt Ngọc 400g", "Bột", 18000.0, 11000.0, 3000, 14, "active", 15000, "flat"),
    ("HN-B1K", "Bột gạo Hạt Ngọc 1kg", "Bột", 39000.0, 25000.0, 800, 14, "active", 4000, "flat"),
    ("HN-BN400", "Bột nếp Hạt Ngọc 400g", "Bột", 21000.0, 13000.0, 1800, 14, "active", 9000, "sticky"),
    ("BGL-400", "Bột gạo lứt 400g", "Bột", 32000.0, 20000.0, 300, 14, "active", 2000, "flat"),
    ("BK-500", "Bún khô 500g", "Bún phở", 26000.0, 16000.0, 2800, 14, "active", 14000, "noodle"),
    ("BUNL-500", "Bún gạo lứt 500g", "Bún phở", 38000.0, 24000.0, 500, 14, "new", 3000, "noodle"),
    ("PK-500", "Phở khô 500g", "Bún phở", 28000.0, 17000.0, 2200, 14, "active", 11000, "noodle"),
    ("PK-200", "Phở khô 200g", "Bún phở", 13000.0, 8000.0, 1200, 14, "active", 6000, "noodle"),
    ("HT-500", "Hủ tiếu khô 500g", "Bún phở", 27000.0, 16500.0, 1400, 14, "active", 7000, "noodle"),
    ("BT-22", "Bánh tráng 22cm", "Bánh tráng", 15000.0, 9000.0, 4000, 7, "active", 20000, "flat"),
    ("BT-16", "Bánh tráng 16cm", "Bánh tráng", 11000.0, 6500.0, 2400, 7, "active", 12000, "flat"),
    ("BTD-22", "Bánh tráng dẻo 22cm", "Bánh tráng", 22000.0, 13500.0, 1200, 7, "active", 6000, "flat"),
    ("QT-HV", "Hộp quà Tết Hoa Vàng", "Quà Tết", 450000.0, 290000.0, 200, 30, "active", 1500, "gift"),
    ("QT-AK", "Hộp quà Tết An Khang", "Quà Tết", 650000.0, 420000.0, 150, 30, "active", 1200, "gift"),
    ("QT-PQ", "Hộp quà Tết Phú Quý", "Quà Tết", 890000.0, 560000.0, 100, 30, "new", 800, "gift"),
]
ROUTING = [
    ("ST25-5", "Dây chuyền đóng gói 5kg", 0.020), ("ST25-5", "Máy xát", 0.010),
    ("ST25-2", "Máy xát", 0.008), ("ST25-25", "Dây chuyền đóng bao 25kg", 0.030),
    ("LUT-ST25-2", "Máy xát", 0.010), ("JAS-5", "Máy tách màu", 0.015),
    ("JAS-5", "Dây chuyền đóng gói 5kg", 0.020), ("JAS-25", "Dây chuyền đóng bao 25kg", 0.030),
    ("HN-G5", "Máy tách màu", 0.015), ("TS-5", "Dây chuyền đóng gói 5kg", 0.020),
    ("NCHV-2", "Máy tách màu", 0.012), ("NCHV-5", "Dây chuyền đóng gói 5kg", 0.020),
    ("HN-N2", "Máy xát", 0.010),
    ("HN-B400", "Máy nghiền bột", 0.010), ("HN-B1K", "Máy nghiền bột", 0.020),
    ("HN-BN400", "Máy nghiền bột", 0.010), ("BGL-400", "Máy nghiền bột", 0.012),
    ("BK-500", "Dây chuyền bún phở", 0.015), ("BK-500", "Lò sấy", 0.010),
    ("BUNL-500", "Lò sấy", 0.020), ("PK-500", "Dây chuyền bún phở", 0.015),
    ("PK-200", "Lò sấy", 0.010), ("HT-500", "Lò sấy", 0.018),
    ("QT-HV", "Dây chuyền đóng gói nhỏ", 0.050), ("QT-AK", "Dây chuyền đóng gói nhỏ", 0.050),
    ("QT-PQ", "Dây chuyền đóng gói nhỏ", 0.060),
]
CAPACITY = {"Máy xát": 0.88, "Máy tách màu": 1.08, "Dây chuyền đóng gói 5kg": 0.95,
            "Dây chuyền đóng bao 25kg": 0.6, "Máy nghiền bột": 0.72, "Dây chuyền bún phở": 0.85,
            "Lò sấy": 1.12, "Dây chuyền đóng gói nhỏ": 0.7}
PLANTS = {"Máy nghiền bột": LONG_AN, "Dây chuyền bún phở": LONG_AN, "Lò sấy": LONG_AN,
          "Dây chuyền đóng gói nhỏ": LONG_AN}
SUPPLY = [
    ("LSX-0212", "ST25-5", "2026-02-12", 9000, "production_order", "released", ""),
    ("PO/2026/017", "NCHV-2", "2026-02-05", 6000, "purchase_order", "firm", "HTX Nếp Hải Hậu"),
    ("1702", "QT-HV", "2026-02-13", 800, "production_order", "firm", ""),
    ("4500088123", "JAS-25", "2026-03-06", 2000, "purchase_order", "firm", "Công ty Thóc gạo Tân Hưng"),
    ("LA/26/031", "PK-500", "2026-02-26", 12000, "production_order", "released", ""),
    ("TR-TD-09", "ST25-25", "2026-02-14", 600, "transfer", "released", "Nhà máy Cần Thơ"),
    ("PO-88201", "BT-22", "2026-02-20", 25000, "purchase_order", "firm", "Cơ sở bánh tráng Trảng Bàng"),
    ("CT.0415", "HN-B400", "2026-03-04", 16000, "production_order", "planned", ""),
    ("PO-88230", "NTH-1", "2026-03-10", 2500, "purchase_order", "planned", "HTX Nếp Hải Hậu"),
]
CUSTOMERS = ["Co.opmart", "Bách Hóa Xanh", "WinMart", "Aeon Việt Nam", "Đại lý Hai Lúa Cái Răng"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2024-12-20", "2025-01-28", "", "Quà Tết", 40, "holiday"),
    ("Khuyến mãi ST25 Co.opmart", "2025-09-01", "2025-09-30", "ST25-5", "", 30, "promotion"),
    ("Ra mắt Bún gạo lứt", "2025-06-01", "2025-06-30", "BUNL-500", "", 0, "launch"),
    ("Ra mắt Hộp quà Phú Quý", "2025-11-01", "2025-11-30", "QT-PQ", "", 0, "launch"),
    ("Tết Bính Ngọ 2026", "2026-01-05", "2026-02-16", "", "Nếp", 35, "holiday"),
    ("Nghỉ Tết 2026", "2026-02-16", "2026-02-22", "", "", 0, "holiday"),
    ("Khuyến mãi Bún phở mùa mưa", "2026-06-01", "2026-07-15", "", "Bún phở", 15, "promotion"),
]
STOCK_COVER = {"ST25-5": 0.3, "NCHV-2": 0.25, "QT-HV": 0.15, "BT-22": 0.3, "HN-B400": 0.35,
               "TX-5": 8.0, "JAS-25": 5.0, "PK-200": 5.5, "QT-AK": 1.6, "BGL-400": 6.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "gift":  # Tết gift boxes sell from late October to Tết
        return {10: 0.3, 11: 1.0, 12: 2.5, 1: 4.0, 2: 0.8}.get(month, 0.05)
    if kind == "sticky":  # bánh chưng, xôi, chè: Tết and the mid-year full moons
        return {12: 1.4, 1: 1.8, 2: 1.2, 8: 1.2, 9: 1.1}.get(month, 1.0)
    if kind == "rice":
        return {12: 1.1, 1: 1.3, 2: 0.85, 6: 0.95}.get(month, 1.0)
    if kind == "noodle":
        return {12: 1.1, 1: 1.2, 2: 0.9, 6: 1.1, 7: 1.1}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2025-06", trend=0.005, pivot=12, noise=0.08,
                             promo=("ST25-5", "2025-09", 1.3))  # the Co.opmart ST25 promotion


def set_plants() -> None:
    """Put the Long An resources and the SKUs whose primary resource they are on the Long An plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=282828, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=CAN_THO, location="Kho Thủ Đức",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-5,
                  order_ref="HG-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
