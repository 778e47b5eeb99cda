"""Writes the monthly CSV files of dev company 30 (Công ty TNHH Nhựa Gia dụng Phước Thành, a Vietnamese
maker of household plastics with an injection-moulding plant in Bình Dương and an injection and
blow-moulding plant in Long An, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_30/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-04" <= f"{y}-{m:02d}" <= "2026-03"]  # 24 complete months before 2026-04-01
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-04" <= f"{y}-{m:02d}" <= "2027-09"]
AS_OF = "2026-03-31"
BINH_DUONG = "Nhà máy Bình Dương"
LONG_AN = "Nhà máy Long An"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("XO-10", "Xô nhựa tròn 10L", "Xô chậu", 35000.0, 19000.0, 1500, 10, "active", 9000, "tet"),
    ("XO-14", "Xô nhựa tròn 14L", "Xô chậu", 45000.0, 24500.0, 1200, 10, "active", 7000, "tet"),
    ("XO-20N", "Xô nhựa tròn 20L có nắp", "Xô chậu", 69000.0, 37000.0, 800, 12, "active", 4200, "tet"),
    ("CH-40", "Chậu nhựa tròn 40cm", "Xô chậu", 39000.0, 20500.0, 1000, 10, "active", 6500, "tet"),
    ("CH-60", "Chậu nhựa tròn 60cm", "Xô chậu", 75000.0, 40000.0, 400, 10, "active", 2400, "tet"),
    ("BM-CH-45", "Chậu rửa Bông Mai 45cm", "Xô chậu", 55000.0, 29000.0, 600, 10, "active", 3800, "flat"),
    ("TH-15", "Thùng nhựa có nắp 15L", "Thùng hộp", 89000.0, 47000.0, 500, 14, "active", 3000, "tet"),
    ("TH-30", "Thùng nhựa có nắp 30L", "Thùng hộp", 135000.0, 72000.0, 400, 14, "active", 2600, "tet"),
    ("TH-55B", "Thùng nhựa có nắp 55L có bánh xe", "Thùng hộp", 259000.0, 139000.0, 250, 14, "active", 1400,
     "tet"),
    ("HB-5", "Hộp nhựa Bông Mai 5L", "Thùng hộp", 49000.0, 25000.0, 800, 12, "active", 5200, "flat"),
    ("TU-3N", "Tủ nhựa 3 ngăn", "Thùng hộp", 650000.0, 360000.0, 120, 21, "active", 700, "tet"),
    ("TU-5N", "Tủ nhựa 5 ngăn", "Thùng hộp", 990000.0, 560000.0, 80, 21, "active", 420, "tet"),
    ("TU-4N-CU", "Tủ nhựa 4 ngăn (mẫu cũ)", "Thùng hộp", 790000.0, 450000.0, 0, 21, "discontinued", 150, "tet"),
    ("GD-27D", "Ghế đẩu 27cm đỏ", "Bàn ghế", 25000.0, 12500.0, 2000, 7, "active", 12000, "tet"),
    ("GD-27X", "Ghế đẩu 27cm xanh lá", "Bàn ghế", 25000.0, 12500.0, 1200, 7, "active", 7500, "tet"),
    ("GD-45D", "Ghế đẩu 45cm đỏ", "Bàn ghế", 42000.0, 21500.0, 900, 7, "active", 5000, "tet"),
    ("GL-XD", "Ghế lưng tựa xanh dương", "Bàn ghế", 95000.0, 50000.0, 500, 10, "active", 3200, "tet"),
    ("GL-TR", "Ghế lưng tựa trắng", "Bàn ghế", 95000.0, 50000.0, 300, 10, "active", 1500, "tet"),
    ("BAN-60", "Bàn nhựa vuông 60cm", "Bàn ghế", 185000.0, 98000.0, 200, 14, "active", 1100, "tet"),
    ("2026", "Ghế xếp Thư Giãn", "Bàn ghế", 320000.0, 175000.0, 150, 21, "new", 900, "flat"),
    ("TT-S", "Thớt nhựa kháng khuẩn nhỏ", "Đồ bếp", 45000.0, 21000.0, 700, 10, "active", 4800, "flat"),
    ("TT-L", "Thớt nhựa kháng khuẩn lớn", "Đồ bếp", 79000.0, 38000.0, 300, 10, "active", 1900, "flat"),
    ("KE-2T", "Kệ chén 2 tầng", "Đồ bếp", 289000.0, 165000.0, 200, 30, "active", 1300, "tet"),
    ("KE-GV", "Kệ gia vị Bông Mai", "Đồ bếp", 119000.0, 61000.0, 300, 12, "active", 2100, "flat"),
    ("RO-30", "Rổ tròn 30cm", "Đồ bếp", 29000.0, 14000.0, 900, 7, "active", 6800, "flat"),
    ("HTP-3", "Bộ 3 hộp thực phẩm Bông Mai", "Hộp thực phẩm", 99000.0, 48000.0, 700, 12, "active", 4300,
     "school"),
    ("HTP-5", "Bộ 5 hộp thực phẩm Bông Mai", "Hộp thực phẩm", 149000.0, 73000.0, 500, 12, "active", 3100,
     "school"),
    ("HTP-GN3", "Bộ 3 hộp cơm giữ nhiệt", "Hộp thực phẩm", 215000.0, 128000.0, 300, 35, "active", 1600,
     "school"),
    ("HTP-1L", "Hộp thực phẩm vuông 1L", "Hộp thực phẩm", 32000.0, 15000.0, 1000, 10, "active", 6200, "flat"),
    ("500", "Hộp thực phẩm tròn 500ml", "Hộp thực phẩm", 18000.0, 8200.0, 1800, 10, "active", 11000, "flat"),
    ("BN-1L", "Bình nước Bông Mai 1L", "Chai lọ", 39000.0, 18000.0, 1200, 10, "active", 8200, "hot"),
    ("BN-2L", "Bình nước Bông Mai 2L", "Chai lọ", 59000.0, 28000.0, 700, 10, "active", 4400, "hot"),
    ("BN-750", "Bình nước thể thao 750ml", "Chai lọ", 65000.0, 30000.0, 500, 10, "active", 3000, "school"),
    ("CAN-5L", "Can nhựa 5L", "Chai lọ", 28000.0, 13000.0, 800, 10, "active", 5600, "flat"),
    ("CAN-20L", "Can nhựa 20L", "Chai lọ", 75000.0, 36000.0, 300, 10, "active", 1600, "flat"),
]
ROUTING = [
    ("XO-10", "Máy ép phun 650T", 0.004), ("XO-14", "Máy ép phun 650T", 0.005),
    ("XO-20N", "Máy ép phun 650T", 0.007), ("XO-20N", "Máy ép phun 1300T", 0.009),
    ("CH-40", "Máy ép phun 650T", 0.004), ("CH-60", "Máy ép phun 650T", 0.006),
    ("BM-CH-45", "Máy ép phun 650T", 0.005), ("GD-27D", "Máy ép phun 650T", 0.003),
    ("GD-27X", "Máy ép phun 650T", 0.003), ("GD-45D", "Máy ép phun 650T", 0.004),
    ("BAN-60", "Máy ép phun 650T", 0.010),
    ("TT-S", "Máy ép phun 350T", 0.003), ("TT-L", "Máy ép phun 350T", 0.004),
    ("KE-GV", "Máy ép phun 350T", 0.006), ("RO-30", "Máy ép phun 350T", 0.003),
    ("HTP-3", "Máy ép phun 350T", 0.006), ("HTP-5", "Máy ép phun 350T", 0.009),
    ("HTP-1L", "Máy ép phun 350T", 0.002), ("500", "Máy ép phun 350T", 0.0015),
    ("HB-5", "Máy ép phun 350T", 0.004),
    ("TH-15", "Máy ép phun 1300T", 0.008), ("TH-30", "Máy ép phun 1300T", 0.012),
    ("TH-55B", "Máy ép phun 1300T", 0.020), ("TU-3N", "Máy ép phun 1300T", 0.050),
    ("TU-5N", "Máy ép phun 1300T", 0.080), ("TU-4N-CU", "Máy ép phun 1300T", 0.060),
    ("GL-XD", "Máy ép phun 1300T", 0.010), ("GL-TR", "Máy ép phun 1300T", 0.010),
    ("2026", "Máy ép phun 1300T", 0.030),
    ("BN-1L", "Máy thổi chai LA-1", 0.003), ("BN-2L", "Máy thổi chai LA-1", 0.004),
    ("BN-750", "Máy thổi chai LA-1", 0.003), ("CAN-5L", "Máy thổi chai LA-1", 0.004),
    ("CAN-20L", "Máy thổi can LA-2", 0.010),
    ("HTP-GN3", "Chuyền đóng gói Bình Dương", 0.004), ("KE-2T", "Chuyền đóng gói Bình Dương", 0.020),
]
CAPACITY = {"Máy ép phun 650T": 1.08, "Máy ép phun 350T": 0.8, "Máy ép phun 1300T": 1.12,
            "Máy thổi chai LA-1": 0.95, "Máy thổi can LA-2": 0.6, "Chuyền đóng gói Bình Dương": 0.7}
PLANTS = {"Máy ép phun 1300T": LONG_AN, "Máy thổi chai LA-1": LONG_AN, "Máy thổi can LA-2": LONG_AN}
SUPPLY = [
    ("4500123456", "HTP-GN3", "2026-05-20", 3000, "purchase_order", "firm", "Ningbo Homeware Co., Ltd."),
    ("PO-2291", "HTP-GN3", "2026-03-27", 1500, "purchase_order", "firm", "Ningbo Homeware Co., Ltd."),
    ("PO/2026/031", "KE-2T", "2026-04-22", 1200, "purchase_order", "firm", "Cơ khí Inox Tân Phú"),
    ("LSX-0412", "XO-20N", "2026-04-12", 5000, "production_order", "released", ""),
    ("LSX-0419", "TH-55B", "2026-04-19", 1800, "production_order", "firm", ""),
    ("26-0508", "BN-1L", "2026-05-08", 12000, "production_order", "firm", ""),
    ("300", "GD-27D", "2026-04-25", 15000, "production_order", "planned", ""),
    ("CK-LA/07", "TH-30", "2026-04-09", 1000, "transfer", "released", "Nhà máy Long An"),
    ("KH-2026-05", "2026", "2026-05-15", 1500, "production_order", "planned", ""),
]
CUSTOMERS = ["Co.opmart", "Bách Hóa Xanh", "WinMart", "Đại lý Minh Phát", "Shopee Mall Phước Thành"]
EVENTS = [
    ("Mùa tựu trường 2025", "2025-08-01", "2025-09-10", "", "Hộp thực phẩm", 20, "promotion"),
    ("Tết Ất Tỵ 2025", "2025-01-02", "2025-01-27", "", "Bàn ghế", 25, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-01-12", "2026-02-14", "", "Bàn ghế", 25, "holiday"),
    ("Ra mắt Ghế xếp Thư Giãn", "2026-01-15", "2026-02-28", "2026", "", 0, "launch"),
    ("Nghỉ lễ 30/4 - 1/5", "2026-04-30", "2026-05-03", "", "", 0, "holiday"),
    ("Khuyến mãi hè 2026", "2026-05-01", "2026-06-30", "", "Chai lọ", 15, "promotion"),
    ("Mùa tựu trường 2026", "2026-08-01", "2026-09-10", "", "Hộp thực phẩm", 20, "promotion"),
]
STOCK_COVER = {"XO-20N": 0.3, "TH-55B": 0.25, "BN-1L": 0.35, "GD-27D": 0.3, "HTP-5": 0.3, "HTP-GN3": 0.2,
               "TU-4N-CU": 10.0, "CH-60": 6.0, "GL-TR": 5.5, "CAN-20L": 6.5, "TT-L": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # buckets, boxes and stools before the lunar new year, quiet just after
        return {11: 1.2, 12: 1.45, 1: 1.5, 2: 0.75, 3: 0.85}.get(month, 1.0)
    if kind == "hot":  # water bottles in the hot season
        return {4: 1.35, 5: 1.45, 6: 1.3, 7: 1.1, 11: 0.8, 12: 0.75, 1: 0.8}.get(month, 1.0)
    if kind == "school":  # lunch boxes and sports bottles for the new school year
        return {7: 1.2, 8: 1.6, 9: 1.35, 2: 0.85}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-01", trend=0.005, pivot=12, noise=0.08,
                             promo=("GD-27D", "2026-01", 1.3))  # Tết 2026 stools


def set_plants() -> None:
    """Put the Long An machines and the SKUs whose primary resource they are on the Long An plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=303030, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="Kho Bình Dương", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-3, order_ref="DH-{:05d}/26")
    set_plants()


if __name__ == "__main__":
    main()
