"""Writes the monthly CSV files of dev company 26 (Công ty TNHH Phụ tùng Xe máy Thành Đạt, a Vietnamese maker
and distributor of motorbike parts and accessories with plants in Bình Dương and Hưng Yên and a distribution
centre in Dĩ An, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_26/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-08" <= f"{y}-{m:02d}" <= "2026-07"]  # 24 complete months before 2026-08-27
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-08" <= f"{y}-{m:02d}" <= "2028-01"]
AS_OF = "2026-08-26"
BINH_DUONG = "Nhà máy Bình Dương"
HUNG_YEN = "Nhà máy Hưng Yên"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("LX-DP-8090-14", "Lốp Đường Phố 80/90-14", "Lốp xe", 285000.0, 172000.0, 600, 14, "active", 5200, "rain"),
    ("LX-DP-9090-14", "Lốp Đường Phố 90/90-14", "Lốp xe", 315000.0, 190000.0, 500, 14, "active", 4300, "rain"),
    ("LX-DP-7090-17", "Lốp Đường Phố 70/90-17", "Lốp xe", 295000.0, 178000.0, 500, 14, "active", 4100, "rain"),
    ("LX-DP-8090-17", "Lốp Đường Phố 80/90-17", "Lốp xe", 325000.0, 196000.0, 600, 14, "active", 4800, "rain"),
    ("LX-DP-250-17", "Lốp Đường Phố 2.50-17", "Lốp xe", 245000.0, 148000.0, 300, 14, "active", 2600, "rain"),
    ("LX-MM-9090-14", "Lốp Mùa Mưa 90/90-14", "Lốp xe", 365000.0, 221000.0, 300, 14, "active", 1900, "rain"),
    ("SAM-250-17", "Săm 2.50-17", "Săm", 52000.0, 27000.0, 1200, 10, "active", 9800, "rain"),
    ("SAM-275-17", "Săm 2.75-17", "Săm", 56000.0, 29000.0, 800, 10, "active", 6200, "rain"),
    ("SAM-8090-14", "Săm 80/90-14", "Săm", 61000.0, 32000.0, 600, 10, "active", 4400, "rain"),
    ("MBH-BA-M-DEN", "Mũ bảo hiểm Bình An 3/4 đen size M", "Mũ bảo hiểm", 265000.0, 131000.0, 300, 21,
     "active", 2100, "tet"),
    ("MBH-BA-L-DEN", "Mũ bảo hiểm Bình An 3/4 đen size L", "Mũ bảo hiểm", 265000.0, 131000.0, 350, 21,
     "active", 2600, "tet"),
    ("MBH-BA-XL-DEN", "Mũ bảo hiểm Bình An 3/4 đen size XL", "Mũ bảo hiểm", 275000.0, 136000.0, 200, 21,
     "active", 1300, "tet"),
    ("MBH-BA-L-DO", "Mũ bảo hiểm Bình An 3/4 đỏ size L", "Mũ bảo hiểm", 265000.0, 131000.0, 150, 21,
     "active", 900, "tet"),
    ("MBH-BA-M-TRANG", "Mũ bảo hiểm Bình An 3/4 trắng size M", "Mũ bảo hiểm", 265000.0, 131000.0, 150, 21,
     "active", 1000, "tet"),
    ("MBH-SV-L", "Mũ bảo hiểm Fullface Sao Việt size L", "Mũ bảo hiểm", 690000.0, 402000.0, 120, 45,
     "active", 700, "tet"),
    ("MBH-SV-XL", "Mũ bảo hiểm Fullface Sao Việt size XL", "Mũ bảo hiểm", 690000.0, 402000.0, 80, 45,
     "new", 380, "tet"),
    ("MBH-DP-M", "Mũ bảo hiểm nửa đầu Dạo Phố size M", "Mũ bảo hiểm", 145000.0, 71000.0, 0, 21,
     "discontinued", 600, "flat"),
    ("NX-428-120-WAVE", "Bộ nhông xích 428H-120L Wave", "Nhông xích", 235000.0, 139000.0, 400, 21, "active",
     3300, "tet"),
    ("NX-428-120-SIR", "Bộ nhông xích 428H-120L Sirius", "Nhông xích", 245000.0, 145000.0, 300, 21, "active",
     2500, "tet"),
    ("NX-428-132-EX", "Bộ nhông xích 428H-132L Exciter", "Nhông xích", 325000.0, 193000.0, 250, 21, "active",
     1700, "tet"),
    ("XICH-428-120", "Xích 428H-120L", "Nhông xích", 128000.0, 74000.0, 300, 21, "active", 2200, "flat"),
    ("MP-DIA-WAVE", "Má phanh đĩa trước Wave", "Má phanh", 68000.0, 31000.0, 800, 14, "active", 6400, "flat"),
    ("MP-DIA-EX", "Má phanh đĩa trước Exciter", "Má phanh", 82000.0, 38000.0, 500, 14, "active", 3900, "flat"),
    ("MP-DUM-WAVE", "Má phanh đùm sau Wave", "Má phanh", 45000.0, 20000.0, 600, 14, "active", 5100, "flat"),
    ("0827", "Bugi C7HSA", "Bugi", 38000.0, 21000.0, 1500, 30, "active", 12500, "tet"),
    ("BG-CPR8", "Bugi CPR8EA-9", "Bugi", 52000.0, 29000.0, 800, 30, "active", 6100, "tet"),
    ("BG-IRI", "Bugi Iridium CPR8EAIX-9", "Bugi", 185000.0, 104000.0, 200, 45, "new", 1200, "tet"),
    ("DN-BB-1040-08", "Dầu nhớt Bền Bỉ 4T 10W-40 0.8 L", "Dầu nhớt", 98000.0, 58000.0, 1500, 10, "active",
     14500, "tet"),
    ("DN-BB-1040-1", "Dầu nhớt Bền Bỉ 4T 10W-40 1 L", "Dầu nhớt", 118000.0, 70000.0, 1200, 10, "active",
     11000, "tet"),
    ("DN-BB-2050-1", "Dầu nhớt Bền Bỉ 4T 20W-50 1 L", "Dầu nhớt", 109000.0, 64000.0, 600, 10, "active", 5200,
     "tet"),
    ("DN-EM-1030-08", "Dầu nhớt tay ga Êm 10W-30 0.8 L", "Dầu nhớt", 112000.0, 66000.0, 800, 10, "active",
     6800, "tet"),
    ("AQ-KHO-5", "Ắc quy khô 12V 5Ah", "Ắc quy", 395000.0, 262000.0, 250, 30, "active", 1900, "flat"),
    ("AQ-KHO-7", "Ắc quy khô 12V 7Ah", "Ắc quy", 495000.0, 331000.0, 150, 30, "active", 950, "flat"),
    ("AQ-NUOC-5", "Ắc quy nước 12V 5Ah", "Ắc quy", 265000.0, 170000.0, 100, 30, "active", 800, "flat"),
    ("DEN-PHA-H4", "Đèn pha LED H4", "Đèn", 165000.0, 88000.0, 200, 40, "active", 1800, "flat"),
    ("DEN-XN-10W", "Bóng đèn xi nhan 12V 10W", "Đèn", 12000.0, 5000.0, 2000, 40, "active", 11000, "flat"),
    ("DEN-HAU-WAVE", "Đèn hậu LED Wave", "Đèn", 135000.0, 71000.0, 150, 40, "active", 1100, "flat"),
]
ROUTING = [
    ("LX-DP-8090-14", "Dây chuyền Lưu hóa", 0.020), ("LX-DP-9090-14", "Dây chuyền Lưu hóa", 0.022),
    ("LX-DP-7090-17", "Dây chuyền Lưu hóa", 0.020), ("LX-DP-8090-17", "Dây chuyền Lưu hóa", 0.023),
    ("LX-DP-250-17", "Dây chuyền Lưu hóa", 0.018), ("LX-MM-9090-14", "Dây chuyền Lưu hóa", 0.026),
    ("SAM-250-17", "Dây chuyền Săm", 0.006), ("SAM-275-17", "Dây chuyền Săm", 0.006),
    ("SAM-8090-14", "Dây chuyền Săm", 0.007),
    ("MBH-BA-M-DEN", "Máy ép Mũ", 0.030), ("MBH-BA-L-DEN", "Máy ép Mũ", 0.030),
    ("MBH-BA-XL-DEN", "Máy ép Mũ", 0.032), ("MBH-BA-L-DO", "Máy ép Mũ", 0.030),
    ("MBH-BA-M-TRANG", "Máy ép Mũ", 0.030),
    ("NX-428-120-WAVE", "Dây chuyền Xích", 0.040), ("NX-428-120-SIR", "Dây chuyền Xích", 0.040),
    ("NX-428-132-EX", "Dây chuyền Xích", 0.045), ("XICH-428-120", "Dây chuyền Xích", 0.028),
    ("MP-DIA-WAVE", "Máy ép Má phanh", 0.008), ("MP-DIA-EX", "Máy ép Má phanh", 0.009),
    ("MP-DUM-WAVE", "Máy ép Má phanh", 0.010),
    ("DN-BB-1040-08", "Dây chuyền Chiết rót", 0.0015), ("DN-BB-1040-1", "Dây chuyền Chiết rót", 0.0016),
    ("DN-BB-2050-1", "Dây chuyền Chiết rót", 0.0016), ("DN-EM-1030-08", "Dây chuyền Chiết rót", 0.0015),
]
CAPACITY = {"Dây chuyền Lưu hóa": 1.08, "Dây chuyền Săm": 0.78, "Máy ép Mũ": 0.93,
            "Dây chuyền Xích": 1.12, "Máy ép Má phanh": 0.68, "Dây chuyền Chiết rót": 0.86}
PLANTS = {"Dây chuyền Xích": HUNG_YEN, "Máy ép Má phanh": HUNG_YEN, "Dây chuyền Chiết rót": HUNG_YEN}
SUPPLY = [
    ("4500087321", "BG-IRI", "2026-09-10", 3000, "purchase_order", "firm", "NGK Spark Plugs Việt Nam"),
    ("PO/2026/0815", "AQ-KHO-5", "2026-09-15", 2500, "purchase_order", "firm", "GS Battery Việt Nam"),
    ("LSX-2609", "LX-DP-8090-17", "2026-09-26", 4000, "production_order", "released", ""),
    ("DH.0712", "DEN-PHA-H4", "2026-10-07", 1500, "purchase_order", "planned", "Guangzhou Lianxin Lighting"),
    ("SX/HY/031", "NX-428-120-WAVE", "2026-09-05", 2000, "production_order", "firm", ""),
    ("PO-5531", "MBH-SV-L", "2026-08-20", 800, "purchase_order", "firm", "Yohe Helmets Thailand"),
    ("TR-BD-07", "SAM-250-17", "2026-09-03", 5000, "transfer", "released", BINH_DUONG),
    ("2610", "DN-BB-1040-1", "2026-10-02", 9000, "production_order", "planned", ""),
]
CUSTOMERS = ["Head Honda Phát Tiến", "Cửa hàng Phụ tùng Minh Long", "Yamaha Town Hưng Thịnh",
             "Đại lý Xe máy Kim Ngân", "Shopee Mall Thành Đạt"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-10", "2025-01-28", "", "Dầu nhớt", 25, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-01-26", "2026-02-16", "", "Mũ bảo hiểm", 30, "holiday"),
    ("Mùa mưa 2026", "2026-06-01", "2026-09-30", "", "Lốp xe", 15, "other"),
    ("Ra mắt Bugi Iridium", "2026-03-01", "2026-03-31", "BG-IRI", "", 0, "launch"),
    ("Khuyến mãi Quốc khánh 2/9", "2026-08-28", "2026-09-02", "", "Dầu nhớt", 20, "promotion"),
    ("Ra mắt Sao Việt XL", "2026-05-01", "2026-05-31", "MBH-SV-XL", "", 0, "launch"),
    ("Tết Đinh Mùi 2027", "2027-01-20", "2027-02-10", "", "Mũ bảo hiểm", 30, "holiday"),
]
STOCK_COVER = {"LX-DP-8090-17": 0.3, "MBH-SV-L": 0.2, "AQ-KHO-5": 0.35, "NX-428-120-WAVE": 0.3,
               "BG-IRI": 0.25, "SAM-250-17": 0.4,
               "MBH-DP-M": 10.0, "DN-EM-1030-08": 5.5, "DEN-XN-10W": 6.0, "SAM-275-17": 5.0,
               "MP-DUM-WAVE": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "rain":  # tyres and tubes wear out and puncture in the rainy season
        return {6: 1.2, 7: 1.35, 8: 1.4, 9: 1.3, 10: 1.1, 1: 1.1, 2: 0.8}.get(month, 1.0)
    if kind == "tet":  # servicing before Tết, new helmets for the new year
        return {12: 1.3, 1: 1.5, 2: 0.7, 9: 1.1}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-03", trend=0.005, pivot=12, noise=0.08,
                             promo=("DN-BB-1040-08", "2025-09", 1.3))  # Quốc khánh 2025


def set_plants() -> None:
    """Put the Hưng Yên resources and the SKUs whose primary resource they are on the Hưng Yên plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=262626, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="TTPP Dĩ An", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-3, order_ref="TD-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
