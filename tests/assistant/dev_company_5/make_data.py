"""Writes the monthly CSV files of dev company 5 (Công ty CP Sữa Đồng Xanh, a Vietnamese dairy).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_5/make_data.py
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
PLANT = "Nhà máy Đức Hòa, Long An"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("ST-CD-180", "Sữa tươi tiệt trùng có đường 180ml", "Sữa tươi", 7500, 4600, 30000, 10, "active", 140000, "summer"),
    ("ST-CD-1L", "Sữa tươi tiệt trùng có đường 1L", "Sữa tươi", 36000, 22500, 4000, 10, "active", 18000, "summer"),
    ("ST-KD-180", "Sữa tươi tiệt trùng không đường 180ml", "Sữa tươi", 7500, 4600, 15000, 10, "active", 72000, "flat"),
    ("ST-DAU-180", "Sữa tươi hương dâu 180ml", "Sữa tươi", 7800, 4800, 8000, 10, "active", 39000, "summer"),
    ("SC-NDAM-100", "Sữa chua ăn nha đam 100g", "Sữa chua", 6500, 3700, 20000, 5, "active", 96000, "tet"),
    ("SC-DAU-100", "Sữa chua ăn dâu tây 100g", "Sữa chua", 6500, 3700, 12000, 5, "active", 61000, "tet"),
    ("SC-UONG-170", "Sữa chua uống men sống 170ml", "Sữa chua", 8200, 4900, 14000, 7, "active", 70000, "summer"),
    ("SC-UONG-1L", "Sữa chua uống men sống 1L", "Sữa chua", 39000, 24000, 1500, 7, "new", 6200, "summer"),
    ("SD-LON-380", "Sữa đặc có đường Cánh Diều lon 380g", "Sữa đặc", 24000, 14500, 6000, 20, "active", 33000, "tet"),
    ("SD-HOP-1280", "Sữa đặc có đường Cánh Diều hộp giấy 1,28kg", "Sữa đặc", 78000, 49000, 1200, 20, "active", 5400,
     "tet"),
    ("SD-TUYP-165", "Sữa đặc tuýp 165g", "Sữa đặc", 14000, 8200, 2000, 20, "active", 9800, "flat"),
    ("PM-TG-120", "Phô mai tam giác 8 miếng 120g", "Phô mai", 32000, 19500, 3000, 30, "active", 15500, "tet"),
    ("PM-LAT-200", "Phô mai lát cheddar 200g", "Phô mai", 56000, 35000, 1000, 30, "active", 4600, "flat"),
    ("SH-DIEU-180", "Sữa hạt điều 180ml", "Sữa hạt", 9500, 5600, 5000, 14, "active", 26000, "flat"),
    ("SH-DIEU-1L", "Sữa hạt điều 1L", "Sữa hạt", 45000, 28000, 800, 14, "active", 3900, "flat"),
    ("SH-OCCHO-180", "Sữa óc chó hạnh nhân 180ml", "Sữa hạt", 10500, 6300, 4000, 14, "active", 21000, "tet"),
    ("SH-DNANH-1L", "Sữa đậu nành nguyên chất 1L", "Sữa hạt", 28000, 16000, 2500, 14, "active", 12500, "flat"),
]
ROUTING = [  # the first row of a sku is its primary resource
    ("ST-CD-180", "Dây chuyền tiệt trùng UHT 1", 0.00021), ("ST-KD-180", "Dây chuyền tiệt trùng UHT 1", 0.00021),
    ("ST-DAU-180", "Dây chuyền tiệt trùng UHT 1", 0.00022), ("ST-CD-1L", "Dây chuyền tiệt trùng UHT 2", 0.0009),
    ("ST-CD-180", "Dây chuyền tiệt trùng UHT 2", 0.00026),
    ("SH-DIEU-180", "Dây chuyền tiệt trùng UHT 2", 0.00025), ("SH-DIEU-1L", "Dây chuyền tiệt trùng UHT 2", 0.0010),
    ("SH-OCCHO-180", "Dây chuyền tiệt trùng UHT 2", 0.00025), ("SH-DNANH-1L", "Dây chuyền tiệt trùng UHT 2", 0.0009),
    ("SC-NDAM-100", "Dây chuyền sữa chua", 0.00030), ("SC-DAU-100", "Dây chuyền sữa chua", 0.00030),
    ("SC-UONG-170", "Dây chuyền sữa chua", 0.00034), ("SC-UONG-1L", "Dây chuyền sữa chua", 0.0011),
    ("SD-LON-380", "Máy rót lon sữa đặc", 0.00085), ("SD-HOP-1280", "Máy rót lon sữa đặc", 0.0024),
    ("SD-TUYP-165", "Máy rót lon sữa đặc", 0.0006),
    ("PM-TG-120", "Dây chuyền phô mai", 0.0021), ("PM-LAT-200", "Dây chuyền phô mai", 0.0030),
]
CAPACITY = {"Dây chuyền tiệt trùng UHT 1": 0.93, "Dây chuyền tiệt trùng UHT 2": 0.78,
            "Dây chuyền sữa chua": 0.98, "Máy rót lon sữa đặc": 0.7, "Dây chuyền phô mai": 0.6}
SUPPLY = [  # ref, sku, due date, quantity, kind, status, supplier
    ("4500031275", "PM-LAT-200", "2026-12-04", 6000, "purchase_order", "firm", "Công ty Phô mai Đà Lạt"),
    ("4500031310", "PM-TG-120", "2027-01-12", 15000, "purchase_order", "planned", "Công ty Phô mai Đà Lạt"),
    ("PO/2026/143", "SH-OCCHO-180", "2026-11-26", 25000, "purchase_order", "firm", "Xưởng sữa hạt Bảo Lộc"),
    ("PO/2026/158", "SH-DNANH-1L", "2026-12-10", 14000, "purchase_order", "released", "Xưởng sữa hạt Bảo Lộc"),
    ("PO-1876", "SD-TUYP-165", "2026-12-01", 12000, "purchase_order", "firm", "Công ty Bao bì Tân Tiến"),
    ("PO-1890", "SH-DIEU-1L", "2026-11-08", 4000, "purchase_order", "firm", "Hợp tác xã điều Bình Phước"),
    ("LSX-2611-07", "ST-CD-1L", "2026-11-23", 20000, "production_order", "released", ""),
    ("LSX-2612-01", "ST-CD-180", "2026-12-03", 150000, "production_order", "firm", ""),
    ("LSX-2612-02", "SC-UONG-170", "2026-12-09", 80000, "production_order", "firm", ""),
    ("LSX-2612-03", "SD-LON-380", "2026-12-16", 40000, "production_order", "planned", ""),
    ("LSX-2612-04", "SC-NDAM-100", "2026-12-05", 100000, "production_order", "firm", ""),
    ("LSX-2701-01", "ST-KD-180", "2027-01-07", 80000, "production_order", "planned", ""),
]
CUSTOMERS = ["Co.opmart", "Bách Hóa Xanh", "WinMart", "Kênh trường học", "Nhà phân phối Cần Thơ"]
EVENTS = [
    ("Tết Nguyên đán 2025", "2025-01-06", "2025-01-28", "", "Sữa đặc", 25, "holiday"),
    ("Tết Nguyên đán 2026", "2026-01-19", "2026-02-16", "", "Sữa đặc", 25, "holiday"),
    ("Khuyến mãi sữa chua uống tháng 6", "2026-06-01", "2026-06-30", "SC-UONG-170", "", 35, "promotion"),
    ("Ra mắt sữa chua uống 1L", "2026-05-01", "2026-05-31", "SC-UONG-1L", "", 0, "launch"),
    ("Tết Nguyên đán 2027", "2027-01-11", "2027-02-05", "", "Sữa đặc", 25, "holiday"),
]
STOCK_COVER = {"ST-CD-180": 0.4, "SC-UONG-170": 0.35, "ST-DAU-180": 0.55, "SD-HOP-1280": 5.5,
               "PM-LAT-200": 4.8, "SH-DIEU-1L": 6.0, "SC-NDAM-100": 0.5, "SH-OCCHO-180": 0.6}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":
        return {"2025-01": 1.5, "2025-12": 1.15, "2026-01": 1.4, "2026-02": 1.35}.get(period, 1.0)
    if kind == "summer":  # the school holidays and the heat, April to August
        return 1.2 if 4 <= month <= 8 else 0.93
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.005, pivot=12, noise=0.09,
                             promo=("SC-UONG-170", "2026-06", 1.5))  # the June promotion


def main() -> None:
    write_company(HERE, seed=5151, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Kho Đức Hòa",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-3, order_ref="DDH-{:05d}")


if __name__ == "__main__":
    main()
