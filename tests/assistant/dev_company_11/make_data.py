"""Writes the monthly CSV files of dev company 11 (Công ty CP Thủy sản Biển Xanh, a Vietnamese seafood processor).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_11/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-10"]  # 25 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-13"
PLANT = "Xưởng Phan Thiết"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("NM-40-500", "Nước mắm nhĩ 40 độ đạm 500ml", "Nước mắm", 68000, 31000, 3000, 14, "active", 16000, "tet"),
    ("NM-40-1L", "Nước mắm nhĩ 40 độ đạm 1 lít", "Nước mắm", 125000, 57000, 1500, 14, "active", 7800, "tet"),
    ("NM-60-250", "Nước mắm nhĩ cá cơm 60 độ đạm 250ml", "Nước mắm", 95000, 44000, 600, 14, "active", 2900, "tet"),
    ("NM-30-500", "Nước mắm cốt 30 độ đạm 500ml", "Nước mắm", 42000, 18000, 4000, 14, "active", 21000, "flat"),
    ("NM-30-1L", "Nước mắm cốt 30 độ đạm 1 lít", "Nước mắm", 78000, 33000, 2000, 14, "active", 11000, "flat"),
    ("NM-30-5L", "Nước mắm cốt 30 độ đạm can 5 lít", "Nước mắm", 330000, 140000, 300, 14, "active", 1400, "flat"),
    ("M-TEP-200", "Mắm tép 200g", "Mắm", 35000, 15000, 1200, 21, "active", 6400, "flat"),
    ("M-TEP-500", "Mắm tép 500g", "Mắm", 79000, 34000, 500, 21, "active", 2600, "flat"),
    ("M-RUOC-200", "Mắm ruốc 200g", "Mắm", 30000, 12500, 1500, 21, "active", 7200, "flat"),
    ("M-NEM-250", "Mắm nêm 250ml", "Mắm", 28000, 11000, 1400, 21, "active", 6900, "flat"),
    ("M-CALINH", "Mắm cá linh 500g", "Mắm", 85000, 38000, 300, 21, "active", 1500, "flat"),
    ("TK-LON-250", "Tôm khô loại lớn 250g", "Tôm khô", 210000, 120000, 800, 28, "active", 4200, "tet"),
    ("TK-LON-500", "Tôm khô loại lớn 500g", "Tôm khô", 400000, 230000, 400, 28, "active", 2100, "tet"),
    ("TK-NHO-250", "Tôm khô loại nhỏ 250g", "Tôm khô", 150000, 84000, 700, 28, "active", 3600, "tet"),
    ("TK-DAT-100", "Tôm đất khô 100g", "Tôm khô", 95000, 52000, 500, 28, "active", 2500, "flat"),
    ("TK-HQ-TET", "Hộp quà tôm khô Tết", "Tôm khô", 650000, 360000, 200, 35, "new", 1200, "tet"),
    ("CK-DUA-500", "Cá dứa một nắng 500g", "Cá khô", 180000, 98000, 400, 21, "active", 2200, "flat"),
    ("CK-SAC-500", "Khô cá sặc 500g", "Cá khô", 140000, 76000, 500, 21, "active", 2700, "flat"),
    ("CK-LOC-500", "Khô cá lóc 500g", "Cá khô", 160000, 88000, 300, 21, "active", 1600, "flat"),
    ("CK-CV-200", "Cá chỉ vàng khô 200g", "Cá khô", 70000, 36000, 900, 21, "active", 4800, "tet"),
    ("CK-CV-500", "Cá chỉ vàng khô 500g", "Cá khô", 165000, 86000, 400, 21, "active", 2000, "tet"),
    ("CC-TL-500", "Chả cá thác lác 500g", "Chả cá", 120000, 62000, 900, 7, "active", 5200, "tet"),
    ("CC-THU-500", "Chả cá thu 500g", "Chả cá", 135000, 70000, 500, 7, "active", 2800, "flat"),
    ("88100", "Cá viên chiên 500g", "Chả cá", 55000, 26000, 1500, 7, "active", 8300, "flat"),
    ("88101", "Cá viên chiên 1kg", "Chả cá", 99000, 47000, 700, 7, "active", 3900, "flat"),
]
ROUTING = [
    ("NM-40-500", "Dây chuyền chiết rót 1", 0.0011), ("NM-40-1L", "Dây chuyền chiết rót 1", 0.0016),
    ("NM-60-250", "Dây chuyền chiết rót 1", 0.0010), ("NM-30-500", "Dây chuyền chiết rót 2", 0.0009),
    ("NM-30-1L", "Dây chuyền chiết rót 2", 0.0013), ("NM-30-5L", "Dây chuyền chiết rót 2", 0.0040),
    ("M-TEP-200", "Dây chuyền chiết rót 2", 0.0010), ("M-TEP-500", "Dây chuyền chiết rót 2", 0.0016),
    ("M-RUOC-200", "Dây chuyền chiết rót 2", 0.0010), ("M-NEM-250", "Dây chuyền chiết rót 1", 0.0010),
    ("TK-LON-250", "Lò sấy", 0.0060), ("TK-LON-500", "Lò sấy", 0.0110), ("TK-NHO-250", "Lò sấy", 0.0055),
    ("TK-DAT-100", "Lò sấy", 0.0030), ("CK-DUA-500", "Lò sấy", 0.0080), ("CK-SAC-500", "Lò sấy", 0.0080),
    ("CK-LOC-500", "Lò sấy", 0.0085), ("CK-CV-200", "Lò sấy", 0.0040), ("CK-CV-500", "Lò sấy", 0.0090),
    ("TK-HQ-TET", "Khu đóng gói", 0.0200), ("CC-TL-500", "Dây chuyền cấp đông", 0.0030),
    ("CC-THU-500", "Dây chuyền cấp đông", 0.0030), ("88100", "Dây chuyền cấp đông", 0.0020),
    ("88101", "Dây chuyền cấp đông", 0.0035), ("88100", "Khu đóng gói", 0.0008),
]
CAPACITY = {"Dây chuyền chiết rót 1": 0.92, "Dây chuyền chiết rót 2": 0.78, "Lò sấy": 1.09,
            "Dây chuyền cấp đông": 0.85, "Khu đóng gói": 0.6}
SUPPLY = [
    ("4800033412", "TK-LON-250", "2026-12-12", 3000, "purchase_order", "firm", "HTX Tôm Cà Mau"),
    ("4800033419", "TK-NHO-250", "2027-01-05", 2500, "purchase_order", "planned", "HTX Tôm Cà Mau"),
    ("DH/26/114", "CK-DUA-500", "2026-12-02", 1500, "purchase_order", "firm", "Vựa cá Cần Giờ"),
    ("DH/26/121", "TK-HQ-TET", "2026-12-20", 2000, "purchase_order", "released", "Bao bì Tân Phú"),
    ("PO-2611-08", "M-RUOC-200", "2026-11-05", 5000, "purchase_order", "firm", "Cơ sở ruốc Sa Huỳnh"),
    ("LSX-1207", "NM-40-500", "2026-11-28", 12000, "production_order", "released", ""),
    ("LSX-1215", "CC-TL-500", "2026-12-06", 5000, "production_order", "firm", ""),
    ("LSX-1222", "NM-40-1L", "2026-12-14", 6000, "production_order", "planned", ""),
    ("2027-LSX-03", "CK-CV-200", "2027-01-08", 4000, "production_order", "planned", ""),
    ("NK.26.55", "88100", "2026-11-22", 6000, "transfer", "released", "Kho Thủ Đức"),
]
CUSTOMERS = ["Co.opmart", "Bách Hóa Xanh", "Đại lý Chợ Bình Tây", "Nhà hàng Hải Sản Biển Đông"]
EVENTS = [
    ("Tết 2026", "2026-01-05", "2026-02-16", "", "Tôm khô", 60, "holiday"),
    ("Khuyến mãi cá viên tháng 8", "2026-08-01", "2026-08-31", "88100", "", 40, "promotion"),
    ("Ra mắt hộp quà tôm khô", "2026-10-01", "2026-10-31", "TK-HQ-TET", "", 0, "launch"),
    ("Tết 2027", "2027-01-04", "2027-02-05", "", "Tôm khô", 60, "holiday"),
]
STOCK_COVER = {"TK-LON-250": 0.3, "NM-40-500": 0.35, "CC-TL-500": 0.3, "TK-HQ-TET": 0.25, "CK-CV-200": 0.35,
               "M-CALINH": 6.0, "CK-LOC-500": 5.5, "NM-30-5L": 4.8, "M-TEP-500": 4.4}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # Tết buying
        return {12: 1.4, 1: 1.9, 2: 1.2, 3: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.003, pivot=12, noise=0.08,
                             promo=("88100", "2026-08", 1.4))  # fish-ball promotion


def main() -> None:
    write_company(HERE, seed=111111, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Kho Thủ Đức",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales)


if __name__ == "__main__":
    main()
