"""Writes the monthly CSV files of dev company 31 (Công ty CP Văn phòng phẩm Bút Xanh, a Vietnamese maker of
stationery and school supplies with a plant in Bắc Ninh and one in Bình Dương, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/eval_companies/but_xanh_stationery/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-06"]  # 24 complete months before 2026-07-20
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-07" <= f"{y}-{m:02d}" <= "2027-12"]
AS_OF = "2026-07-19"
BAC_NINH = "Nhà máy Bắc Ninh"
BINH_DUONG = "Nhà máy Bình Dương"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("VO-HT96", "Vở Học Trò kẻ ngang 96 trang", "Vở", 9500.0, 5200.0, 8000, 14, "active", 60000, "school"),
    ("VO-HT200", "Vở Học Trò kẻ ngang 200 trang", "Vở", 17500.0, 9800.0, 4000, 14, "active", 28000, "school"),
    ("VO-SM96", "Vở Sao Mai kẻ ngang 96 trang", "Vở", 8500.0, 4700.0, 6000, 14, "active", 45000, "school"),
    ("VO-SM200", "Vở Sao Mai kẻ ngang 200 trang", "Vở", 15500.0, 8600.0, 3000, 14, "active", 20000, "school"),
    ("VO-OL48", "Vở ô ly Học Trò 48 trang", "Vở", 6500.0, 3500.0, 5000, 14, "active", 38000, "school"),
    ("VO-OL96", "Vở ô ly Học Trò 96 trang", "Vở", 10500.0, 5800.0, 5000, 14, "active", 32000, "school"),
    ("ST-SMA5", "Sổ tay Sao Mai A5 100 trang", "Sổ & Lịch", 24000.0, 12500.0, 1500, 21, "active", 9000,
     "office"),
    ("LB-2027", "Lịch bàn Sao Mai 2027", "Sổ & Lịch", 55000.0, 26000.0, 500, 30, "new", 4000, "calendar"),
    ("BB-TH05X", "Bút bi Thiên Hà 0.5 mm xanh", "Bút bi", 4000.0, 1700.0, 20000, 10, "active", 150000,
     "school"),
    ("BB-TH05D", "Bút bi Thiên Hà 0.5 mm đỏ", "Bút bi", 4000.0, 1700.0, 8000, 10, "active", 60000, "school"),
    ("BB-TH05K", "Bút bi Thiên Hà 0.5 mm đen", "Bút bi", 4000.0, 1700.0, 8000, 10, "active", 55000, "office"),
    ("BB-TH05X-H20", "Bút bi Thiên Hà 0.5 mm xanh, hộp 20 cây", "Bút bi", 76000.0, 33000.0, 800, 10,
     "active", 5000, "office"),
    ("BB-SM07X", "Bút bi Sao Mai 0.7 mm xanh", "Bút bi", 3500.0, 1500.0, 0, 10, "discontinued", 12000,
     "office"),
    ("BC-HT2B", "Bút chì Học Trò 2B", "Bút chì", 3500.0, 1400.0, 10000, 30, "active", 80000, "school"),
    ("BC-HTHB", "Bút chì Học Trò HB", "Bút chì", 3500.0, 1400.0, 6000, 30, "active", 45000, "school"),
    ("BC-HT2B-12", "Bút chì Học Trò 2B, hộp 12 cây", "Bút chì", 39000.0, 16000.0, 800, 30, "active", 6000,
     "school"),
    ("BC-MV-HB", "Bút chì gỗ Mai Vàng HB", "Bút chì", 3000.0, 1200.0, 3000, 30, "active", 22000, "school"),
    ("GA4-70", "Giấy A4 Sao Mai 70gsm ram 500 tờ", "Giấy in", 68000.0, 52000.0, 3000, 7, "active", 26000,
     "office"),
    ("GA4-80", "Giấy A4 Sao Mai 80gsm ram 500 tờ", "Giấy in", 82000.0, 63000.0, 2500, 7, "active", 21000,
     "office"),
    ("GA4-80-T5", "Giấy A4 Sao Mai 80gsm, thùng 5 ram", "Giấy in", 395000.0, 305000.0, 400, 7, "active", 3500,
     "office"),
    ("GA3-80", "Giấy A3 Sao Mai 80gsm ram 500 tờ", "Giấy in", 165000.0, 126000.0, 200, 7, "active", 1800,
     "office"),
    ("BHS-A4X", "Bìa hồ sơ nút A4 xanh", "Hồ sơ", 5500.0, 2300.0, 4000, 14, "active", 30000, "office"),
    ("BHS-A4D", "Bìa hồ sơ nút A4 đỏ", "Hồ sơ", 5500.0, 2300.0, 2000, 14, "active", 14000, "office"),
    ("BC7-A4", "Bìa còng A4 7cm", "Hồ sơ", 38000.0, 19000.0, 800, 14, "active", 5500, "office"),
    ("BHS-A5X", "Bìa hồ sơ nút A5 xanh", "Hồ sơ", 4500.0, 1900.0, 1000, 14, "active", 6000, "office"),
    ("BL-HT-XD", "Balo Học Trò chống gù xanh dương", "Balo & Hộp bút", 320000.0, 165000.0, 600, 45, "active",
     4500, "school"),
    ("BL-HT-H", "Balo Học Trò chống gù hồng", "Balo & Hộp bút", 320000.0, 165000.0, 500, 45, "active", 3800,
     "school"),
    ("HB-02", "Hộp bút Học Trò 2 ngăn", "Balo & Hộp bút", 45000.0, 19000.0, 1500, 21, "active", 12000,
     "school"),
    ("HB-SM", "Hộp bút nhựa Sao Mai", "Balo & Hộp bút", 28000.0, 11000.0, 800, 21, "active", 7000, "school"),
    ("TH-20", "Thước kẻ Học Trò 20cm", "Dụng cụ học tập", 5000.0, 1800.0, 5000, 14, "active", 40000, "school"),
    ("TH-30", "Thước kẻ Học Trò 30cm", "Dụng cụ học tập", 7000.0, 2600.0, 2000, 14, "active", 12000,
     "school"),
    ("GOM-SM", "Gôm tẩy Sao Mai", "Dụng cụ học tập", 3000.0, 1100.0, 6000, 21, "active", 50000, "school"),
]
ROUTING = [
    ("VO-HT96", "Dây chuyền đóng vở", 0.0040), ("VO-HT96", "Máy in offset", 0.0015),
    ("VO-HT200", "Dây chuyền đóng vở", 0.0070), ("VO-HT200", "Máy in offset", 0.0025),
    ("VO-SM96", "Dây chuyền đóng vở", 0.0040), ("VO-SM200", "Dây chuyền đóng vở", 0.0070),
    ("VO-OL48", "Dây chuyền đóng vở", 0.0030), ("VO-OL96", "Dây chuyền đóng vở", 0.0040),
    ("ST-SMA5", "Dây chuyền đóng vở", 0.0090), ("LB-2027", "Máy in offset", 0.0200),
    ("GA4-70", "Máy cắt giấy", 0.0060), ("GA4-80", "Máy cắt giấy", 0.0060), ("GA4-80-T5", "Máy cắt giấy", 0.0300),
    ("GA3-80", "Máy cắt giấy", 0.0080),
    ("BB-TH05X", "Dây chuyền lắp ráp bút", 0.0006), ("BB-TH05D", "Dây chuyền lắp ráp bút", 0.0006),
    ("BB-TH05K", "Dây chuyền lắp ráp bút", 0.0006), ("BB-TH05X-H20", "Dây chuyền lắp ráp bút", 0.0130),
    ("BB-TH05X", "Máy ép nhựa", 0.0004),
    ("BHS-A4X", "Máy ép nhựa", 0.0020), ("BHS-A4D", "Máy ép nhựa", 0.0020), ("BHS-A5X", "Máy ép nhựa", 0.0016),
    ("HB-02", "Máy ép nhựa", 0.0050), ("HB-SM", "Máy ép nhựa", 0.0040), ("TH-20", "Máy ép nhựa", 0.0012),
    ("TH-30", "Máy ép nhựa", 0.0016),
    ("BL-HT-XD", "Dây chuyền may balo", 0.12), ("BL-HT-H", "Dây chuyền may balo", 0.12),
]
CAPACITY = {"Máy in offset": 0.9, "Dây chuyền đóng vở": 1.15, "Máy cắt giấy": 0.7, "Máy ép nhựa": 1.05,
            "Dây chuyền lắp ráp bút": 0.8, "Dây chuyền may balo": 0.95}
PLANTS = {"Máy ép nhựa": BINH_DUONG, "Dây chuyền lắp ráp bút": BINH_DUONG, "Dây chuyền may balo": BINH_DUONG}
SUPPLY = [
    ("4500088123", "GA4-80", "2026-08-05", 6000, "purchase_order", "firm", "Giấy Bãi Bằng"),
    ("PO/2026/072", "BC-HT2B-12", "2026-07-28", 3000, "purchase_order", "firm", "Chì Màu Phương Nam"),
    ("PO-3391", "GOM-SM", "2026-07-10", 40000, "purchase_order", "firm", "Cao su Sao Vàng"),
    ("NK-26-118", "BL-HT-H", "2026-08-10", 2500, "purchase_order", "planned", "Ningbo Bags Co."),
    ("LSX-0815", "VO-HT96", "2026-08-15", 90000, "production_order", "released", ""),
    ("LSX-0822", "VO-OL96", "2026-08-22", 40000, "production_order", "firm", ""),
    ("961", "VO-SM96", "2026-08-03", 50000, "production_order", "firm", ""),
    ("BD.2607", "BL-HT-XD", "2026-07-26", 3000, "production_order", "firm", ""),
    ("TR/BN-BD/3", "GA4-70", "2026-07-30", 5000, "transfer", "released", "Nhà máy Bắc Ninh"),
]
CUSTOMERS = ["Nhà sách Hải Đăng", "Chuỗi VPP Ánh Dương", "Siêu thị Bách Hóa Việt", "Đại lý Minh Khai",
             "Trường Tiểu học Hoa Sen"]
EVENTS = [
    ("Mùa tựu trường 2025", "2025-07-15", "2025-09-10", "", "Vở", 35, "promotion"),
    ("Khuyến mãi 20/11 2025", "2025-11-05", "2025-11-20", "", "Bút bi", 15, "promotion"),
    ("Nghỉ Tết Bính Ngọ", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Ra mắt Lịch bàn 2027", "2026-05-01", "2026-05-31", "LB-2027", "", 0, "launch"),
    ("Mùa tựu trường 2026", "2026-07-15", "2026-09-10", "", "Vở", 35, "promotion"),
    ("Khuyến mãi 20/11 2026", "2026-11-05", "2026-11-20", "", "Bút bi", 15, "promotion"),
]
STOCK_COVER = {"VO-HT96": 0.3, "GA4-80": 0.3, "BL-HT-XD": 0.25, "BC-HT2B-12": 0.3, "VO-OL96": 0.35,
               "BB-SM07X": 9.0, "BHS-A5X": 7.0, "TH-30": 5.5, "HB-SM": 6.0, "GA3-80": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "school":  # mùa tựu trường: July-September, quiet around Tết
        return {6: 1.1, 7: 1.5, 8: 1.8, 9: 1.3, 2: 0.6, 1: 0.9}.get(month, 1.0)
    if kind == "calendar":  # desk calendars sell before the new year
        return {9: 1.3, 10: 1.8, 11: 2.2, 12: 2.0, 1: 0.6, 2: 0.3}.get(month, 1.0)
    return {2: 0.7, 12: 1.1, 8: 1.1}.get(month, 1.0)  # office: slow at Tết


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.005, pivot=12, noise=0.08,
                             promo=("BB-TH05X", "2025-11", 1.3))  # Khuyến mãi 20/11 2025


def set_plants() -> None:
    """Put the Bình Dương resources and the SKUs whose primary resource they are on the Bình Dương plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=313131, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BAC_NINH,
                  location="Kho Sóng Thần", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-3, order_ref="DH{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
