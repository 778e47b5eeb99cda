"""Writes the monthly CSV files of dev company 9 (Công ty TNHH Bánh kẹo Mây Vàng, a Vietnamese confectioner).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_9/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-11" <= f"{y}-{m:02d}" <= "2026-10"]  # 24 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-14"
PLANT = "Xưởng Bình Dương"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("BQ-BO-200", "Bánh quy bơ 200g", "Bánh quy", 32000, 17500, 6000, 10, "active", 30000, "tet"),
    ("BQ-BO-400", "Bánh quy bơ 400g", "Bánh quy", 58000, 31000, 3000, 10, "active", 14500, "tet"),
    ("BQ-BO-800", "Bánh quy bơ hộp thiếc 800g", "Bánh quy", 145000, 72000, 1200, 21, "active", 5200, "gift"),
    ("BQ-DUA-200", "Bánh quy dừa 200g", "Bánh quy", 30000, 16000, 3000, 10, "active", 15800, "tet"),
    ("BQ-GUNG-150", "Bánh quy gừng 150g", "Bánh quy", 28000, 14500, 1500, 10, "active", 7600, "flat"),
    ("K-DUA-SUA", "Kẹo dừa sữa 250g", "Kẹo", 35000, 18000, 4000, 14, "active", 21000, "tet"),
    ("K-DUA-SR", "Kẹo dừa sầu riêng 250g", "Kẹo", 38000, 20000, 2500, 14, "active", 12800, "tet"),
    ("K-DUA-LD", "Kẹo dừa lá dứa 250g", "Kẹo", 35000, 18000, 2000, 14, "active", 10400, "tet"),
    ("K-GUNG-200", "Kẹo gừng 200g", "Kẹo", 26000, 12500, 1800, 14, "active", 9100, "flat"),
    ("K-GUNG-KD", "Kẹo gừng không đường 200g", "Kẹo", 29000, 14000, 800, 14, "new", 4200, "flat"),
    ("8936", "Kẹo lạc 300g", "Kẹo", 31000, 15000, 2200, 14, "active", 11600, "tet"),
    ("K-ME-150", "Kẹo mè xửng 150g", "Kẹo", 24000, 11000, 1400, 14, "active", 7300, "flat"),
    ("BL-CUON-LD", "Bánh bông lan cuộn lá dứa", "Bánh bông lan", 42000, 21000, 2500, 5, "active", 13200, "flat"),
    ("BL-CUON-CF", "Bánh bông lan cuộn cà phê", "Bánh bông lan", 42000, 21000, 1600, 5, "active", 8400, "flat"),
    ("BL-TM-6", "Bánh bông lan trứng muối hộp 6", "Bánh bông lan", 65000, 34000, 2000, 5, "active", 10600, "flat"),
    ("BL-TM-12", "Bánh bông lan trứng muối hộp 12", "Bánh bông lan", 120000, 63000, 900, 5, "active", 4700, "flat"),
    ("TT-DX-150", "Bánh trung thu đậu xanh 150g", "Bánh trung thu", 45000, 21000, 200, 30, "active", 9000, "moon"),
    ("TT-TC-150", "Bánh trung thu thập cẩm 150g", "Bánh trung thu", 52000, 25000, 200, 30, "active", 8000, "moon"),
    ("TT-TC-250", "Bánh trung thu thập cẩm 250g", "Bánh trung thu", 78000, 38000, 150, 30, "active", 5000, "moon"),
    ("TT-HOP-4", "Hộp bánh trung thu Trăng Vàng 4 bánh", "Bánh trung thu", 350000, 165000, 100, 30, "active", 3200,
     "moon"),
    ("MT-GUNG-200", "Mứt gừng 200g", "Mứt Tết", 40000, 19000, 1500, 21, "active", 6200, "tet"),
    ("MT-DUA-200", "Mứt dừa non 200g", "Mứt Tết", 42000, 20000, 1800, 21, "active", 7400, "tet"),
    ("MT-SEN-200", "Mứt hạt sen 200g", "Mứt Tết", 55000, 28000, 1000, 21, "active", 4300, "tet"),
    ("MT-KHAY-5", "Khay mứt Tết 5 ngăn", "Mứt Tết", 185000, 92000, 800, 28, "active", 3600, "tet"),
    ("HQ-SV-NHO", "Hộp quà Tết Sum Vầy nhỏ", "Hộp quà", 250000, 125000, 700, 35, "active", 3000, "tet"),
    ("HQ-SV-LON", "Hộp quà Tết Sum Vầy lớn", "Hộp quà", 450000, 220000, 500, 35, "active", 2100, "tet"),
    ("HQ-AK", "Hộp quà An Khang", "Hộp quà", 320000, 160000, 400, 35, "active", 1800, "tet"),
    ("HQ-MINI", "Hộp quà mini Phúc", "Hộp quà", 120000, 58000, 600, 35, "active", 2600, "gift"),
]
ROUTING = [
    ("BQ-BO-200", "Lò nướng 1", 0.0011), ("BQ-BO-400", "Lò nướng 1", 0.0020), ("BQ-BO-800", "Lò nướng 1", 0.0040),
    ("BQ-DUA-200", "Lò nướng 2", 0.0011), ("BQ-GUNG-150", "Lò nướng 2", 0.0009), ("BQ-BO-200", "Lò nướng 2", 0.0012),
    ("BL-CUON-LD", "Lò nướng 2", 0.0016), ("BL-CUON-CF", "Lò nướng 2", 0.0016),
    ("BL-TM-6", "Lò nướng 1", 0.0020), ("BL-TM-12", "Lò nướng 1", 0.0038),
    ("TT-DX-150", "Lò nướng 2", 0.0020), ("TT-TC-150", "Lò nướng 2", 0.0020), ("TT-TC-250", "Lò nướng 2", 0.0030),
    ("K-DUA-SUA", "Dây chuyền kẹo", 0.0011), ("K-DUA-SR", "Dây chuyền kẹo", 0.0011),
    ("K-DUA-LD", "Dây chuyền kẹo", 0.0011), ("K-GUNG-200", "Dây chuyền kẹo", 0.0010),
    ("K-GUNG-KD", "Dây chuyền kẹo", 0.0010), ("8936", "Dây chuyền kẹo", 0.0012), ("K-ME-150", "Dây chuyền kẹo", 0.0010),
    ("MT-GUNG-200", "Bếp sên mứt", 0.0030), ("MT-DUA-200", "Bếp sên mứt", 0.0030),
    ("MT-SEN-200", "Bếp sên mứt", 0.0035),
    ("MT-KHAY-5", "Dây chuyền đóng gói", 0.0040), ("TT-HOP-4", "Dây chuyền đóng gói", 0.0050),
    ("HQ-SV-NHO", "Dây chuyền đóng gói", 0.0060), ("HQ-SV-LON", "Dây chuyền đóng gói", 0.0080),
    ("HQ-AK", "Dây chuyền đóng gói", 0.0070), ("HQ-MINI", "Dây chuyền đóng gói", 0.0040),
]
CAPACITY = {"Lò nướng 1": 0.9, "Lò nướng 2": 0.7, "Dây chuyền kẹo": 1.05, "Bếp sên mứt": 0.95,
            "Dây chuyền đóng gói": 0.85}
SUPPLY = [
    ("4500330122", "BQ-BO-800", "2026-12-05", 6000, "purchase_order", "firm", "Công ty Bao bì Thiếc Sài Gòn"),
    ("4500330167", "HQ-SV-LON", "2027-01-08", 2500, "purchase_order", "planned", "Công ty Bao bì Thiếc Sài Gòn"),
    ("PO/2026/207", "MT-KHAY-5", "2026-12-01", 4000, "purchase_order", "firm", "Nhựa Duy Tân"),
    ("PO/2026/215", "HQ-SV-NHO", "2026-12-12", 3000, "purchase_order", "released", "In ấn Phương Đông"),
    ("PO-MV-2611", "HQ-AK", "2026-11-06", 1500, "purchase_order", "firm", "In ấn Phương Đông"),
    ("ĐMH-1203", "HQ-MINI", "2026-12-03", 2000, "purchase_order", "firm", "In ấn Phương Đông"),
    ("LSX-1211", "K-DUA-SUA", "2026-11-24", 25000, "production_order", "released", ""),
    ("LSX-1218", "BQ-BO-200", "2026-12-02", 30000, "production_order", "firm", ""),
    ("LSX-1225", "MT-DUA-200", "2026-12-10", 8000, "production_order", "firm", ""),
    ("LSX-0107", "8936", "2027-01-07", 15000, "production_order", "planned", ""),
    ("LSX-0114", "MT-GUNG-200", "2027-01-05", 7000, "production_order", "planned", ""),
    ("CK-042", "BL-TM-6", "2026-11-20", 4000, "transfer", "released", "Kho Thủ Đức"),
]
CUSTOMERS = ["Bách Hóa Xanh", "Co.opmart", "WinMart", "Đại lý Chợ Lớn"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-01", "2025-01-28", "", "Hộp quà", 60, "holiday"),
    ("Trung thu 2025", "2025-09-01", "2025-10-06", "", "Bánh trung thu", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-01-15", "2026-02-16", "", "Hộp quà", 60, "holiday"),
    ("Khuyến mãi kẹo dừa tháng 6", "2026-06-01", "2026-06-30", "K-DUA-SUA", "", 40, "promotion"),
    ("Trung thu 2026", "2026-09-01", "2026-09-25", "", "Bánh trung thu", 0, "holiday"),
    ("Ra mắt kẹo gừng không đường", "2026-04-01", "2026-04-30", "K-GUNG-KD", "", 0, "launch"),
    ("Tết Đinh Mùi 2027", "2027-01-01", "2027-02-05", "", "Hộp quà", 60, "holiday"),
]
STOCK_COVER = {"MT-KHAY-5": 0.3, "HQ-SV-NHO": 0.25, "HQ-SV-LON": 0.3, "K-DUA-SUA": 0.35, "BQ-BO-200": 0.35,
               "MT-DUA-200": 0.3, "8936": 0.4, "HQ-AK": 0.3, "TT-DX-150": 3.0, "TT-TC-150": 3.5, "TT-TC-250": 3.2,
               "TT-HOP-4": 2.8, "BL-CUON-CF": 5.0, "K-ME-150": 4.6}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # Tết: December and January, a dip after it
        return {12: 1.6, 1: 2.2, 2: 0.7, 3: 0.8}.get(month, 0.95)
    if kind == "moon":  # mid-autumn: August and September only
        return {7: 0.4, 8: 2.6, 9: 3.4, 10: 0.15}.get(month, 0.03)
    if kind == "gift":
        return {9: 1.3, 12: 1.5, 1: 2.0}.get(month, 0.85)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-04", trend=0.004, pivot=12, noise=0.09,
                             promo=("K-DUA-SUA", "2026-06", 1.5))  # the June coconut candy promotion


def main() -> None:
    write_company(HERE, seed=9292, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Kho Thủ Đức",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
