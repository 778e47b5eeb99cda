"""Writes the monthly CSV files of dev company 34 (Công ty CP Xe điện Sao Mai, a Vietnamese maker of electric
bicycles, electric scooters, battery packs, chargers, helmets and spare parts, with an assembly plant in
Bắc Ninh and a battery-pack and electronics plant in Bình Dương, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_34/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-09"]  # 24 complete months before 2026-10-05
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-10" <= f"{y}-{m:02d}" <= "2028-03"]
AS_OF = "2026-10-03"
BAC_NINH = "Nhà máy Bắc Ninh"
BINH_DUONG = "Nhà máy Bình Dương"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("SM-S2-DO", "Xe đạp điện Sao Mai S2 Đỏ", "Xe đạp điện", 11900000, 8300000, 250, 20, "active", 1800, "school"),
    ("SM-S2-DEN", "Xe đạp điện Sao Mai S2 Đen", "Xe đạp điện", 11900000, 8300000, 200, 20, "active", 1500,
     "school"),
    ("SM-S2P", "Xe đạp điện Sao Mai S2 Plus", "Xe đạp điện", 13900000, 9600000, 120, 20, "active", 900, "school"),
    ("SM-F1", "Xe đạp điện gấp Sao Mai F1", "Xe đạp điện", 15500000, 10900000, 50, 25, "active", 400, "flat"),
    ("SM-MINI16", "Xe đạp điện Sao Mai Mini 16 inch", "Xe đạp điện", 7900000, 5400000, 40, 20, "active", 350,
     "school"),
    ("SM-MINI20", "Xe đạp điện Sao Mai Mini 20 inch", "Xe đạp điện", 8900000, 6100000, 40, 20, "active", 300,
     "school"),
    ("SM-C26", "Xe đạp trợ lực Sao Mai City 26", "Xe đạp điện", 9900000, 6900000, 30, 25, "active", 250, "flat"),
    ("TH-T3-XANH", "Xe máy điện Thunder T3 Xanh", "Xe máy điện", 18900000, 13800000, 90, 30, "active", 700, "tet"),
    ("TH-T3-TRANG", "Xe máy điện Thunder T3 Trắng", "Xe máy điện", 18900000, 13800000, 70, 30, "active", 500,
     "tet"),
    ("TH-T5", "Xe máy điện Thunder T5", "Xe máy điện", 24500000, 17900000, 80, 30, "active", 600, "tet"),
    ("LN-125", "Xe máy điện Luna 125", "Xe máy điện", 21500000, 15600000, 60, 30, "active", 450, "tet"),
    ("LN-LITE", "Xe máy điện Luna Lite", "Xe máy điện", 16500000, 12100000, 30, 30, "active", 200, "tet"),
    ("BEE-50", "Xe máy điện Bee 50", "Xe máy điện", 14900000, 10800000, 100, 30, "new", 800, "school"),
    ("P36-10", "Pin lithium 36V 10Ah", "Pin", 2900000, 1950000, 120, 35, "active", 900, "flat"),
    ("P48-12", "Pin lithium 48V 12Ah", "Pin", 3900000, 2650000, 200, 35, "active", 1600, "cold"),
    ("P48-20", "Pin lithium 48V 20Ah", "Pin", 5900000, 4050000, 150, 35, "active", 1200, "cold"),
    ("P60-20", "Pin lithium 60V 20Ah", "Pin", 7400000, 5100000, 80, 35, "active", 700, "cold"),
    ("PTH-6030", "Pin Thunder 60V 30Ah", "Pin", 10900000, 7600000, 50, 40, "active", 400, "tet"),
    ("AQ-12-12", "Ắc quy 12V 12Ah", "Ắc quy", 420000, 300000, 0, 21, "discontinued", 1500, "cold"),
    ("AQ-12-20", "Ắc quy 12V 20Ah", "Ắc quy", 690000, 490000, 600, 21, "active", 4000, "cold"),
    ("AQ-G23", "Ắc quy graphene 12V 23Ah", "Ắc quy", 950000, 660000, 250, 28, "active", 1800, "cold"),
    ("SAC-L48", "Sạc lithium 48V 2A", "Sạc", 450000, 260000, 150, 14, "active", 1400, "flat"),
    ("SAC-N48", "Sạc nhanh 48V 5A", "Sạc", 890000, 540000, 60, 14, "active", 500, "flat"),
    ("SAC-TH60", "Sạc Thunder 60V 4A", "Sạc", 990000, 610000, 40, 14, "active", 350, "tet"),
    ("SAC-AQ48", "Sạc ắc quy 48V 2.5A", "Sạc", 380000, 220000, 80, 14, "active", 900, "cold"),
    ("MBH-34-M", "Mũ bảo hiểm 3/4 size M", "Mũ bảo hiểm", 350000, 190000, 150, 10, "active", 1200, "school"),
    ("MBH-34-L", "Mũ bảo hiểm 3/4 size L", "Mũ bảo hiểm", 350000, 190000, 180, 10, "active", 1500, "school"),
    ("MBH-34-XL", "Mũ bảo hiểm 3/4 size XL", "Mũ bảo hiểm", 350000, 190000, 60, 10, "active", 500, "school"),
    ("MBH-ND", "Mũ bảo hiểm nửa đầu", "Mũ bảo hiểm", 180000, 95000, 300, 10, "active", 2500, "school"),
    ("MBH-KID", "Mũ bảo hiểm trẻ em Sao Mai", "Mũ bảo hiểm", 220000, 120000, 200, 21, "active", 1800, "school"),
    ("LOP-1425", "Lốp không săm 14x2.5", "Phụ tùng", 320000, 210000, 300, 21, "active", 2200, "rain"),
    ("LOP-1630", "Lốp không săm 16x3.0", "Phụ tùng", 390000, 260000, 100, 21, "active", 900, "rain"),
    ("1012", "Má phanh đĩa trước", "Phụ tùng", 85000, 42000, 400, 14, "active", 3000, "rain"),
    ("2030", "Gương chiếu hậu gập (cặp)", "Phụ tùng", 120000, 65000, 200, 21, "active", 1600, "flat"),
    ("BDK-48350", "Bộ điều khiển 48V 350W", "Phụ tùng", 650000, 400000, 80, 30, "active", 700, "flat"),
]
ROUTING = [
    ("SM-S2-DO", "Dây chuyền lắp ráp 1", 0.80), ("SM-S2-DEN", "Dây chuyền lắp ráp 1", 0.80),
    ("SM-S2P", "Dây chuyền lắp ráp 1", 0.90), ("SM-F1", "Dây chuyền lắp ráp 1", 1.10),
    ("SM-MINI16", "Dây chuyền lắp ráp 1", 0.60), ("SM-MINI20", "Dây chuyền lắp ráp 1", 0.65),
    ("SM-C26", "Dây chuyền lắp ráp 1", 0.85),
    ("TH-T3-XANH", "Dây chuyền lắp ráp 2", 1.50), ("TH-T3-TRANG", "Dây chuyền lắp ráp 2", 1.50),
    ("TH-T5", "Dây chuyền lắp ráp 2", 1.80), ("LN-125", "Dây chuyền lắp ráp 2", 1.70),
    ("LN-LITE", "Dây chuyền lắp ráp 2", 1.40), ("BEE-50", "Dây chuyền lắp ráp 2", 1.20),
    ("BEE-50", "Dây chuyền lắp ráp 1", 1.45), ("TH-T3-XANH", "Dây chuyền lắp ráp 1", 1.90),
    ("P36-10", "Dây chuyền đóng gói pin", 0.30), ("P48-12", "Dây chuyền đóng gói pin", 0.35),
    ("P48-20", "Dây chuyền đóng gói pin", 0.45), ("P60-20", "Dây chuyền đóng gói pin", 0.50),
    ("PTH-6030", "Dây chuyền đóng gói pin", 0.70),
    ("SAC-L48", "Dây chuyền SMT", 0.10), ("SAC-N48", "Dây chuyền SMT", 0.14), ("SAC-TH60", "Dây chuyền SMT", 0.15),
    ("SAC-AQ48", "Dây chuyền SMT", 0.09), ("BDK-48350", "Dây chuyền SMT", 0.12),
    ("MBH-34-M", "Máy ép phun 450T", 0.050), ("MBH-34-L", "Máy ép phun 450T", 0.052),
    ("MBH-34-XL", "Máy ép phun 450T", 0.055), ("MBH-ND", "Máy ép phun 450T", 0.035),
]
CAPACITY = {"Dây chuyền lắp ráp 1": 0.94, "Dây chuyền lắp ráp 2": 1.12, "Dây chuyền đóng gói pin": 1.08,
            "Dây chuyền SMT": 0.86, "Máy ép phun 450T": 0.71}
PLANTS = {"Dây chuyền đóng gói pin": BINH_DUONG, "Dây chuyền SMT": BINH_DUONG, "Máy ép phun 450T": BINH_DUONG}
SUPPLY = [
    ("1510", "SM-S2-DO", "2026-10-15", 1500, "production_order", "released", ""),
    ("LSX-1011", "TH-T5", "2026-11-10", 500, "production_order", "firm", ""),
    ("LSX-1020", "BEE-50", "2026-10-20", 900, "production_order", "firm", ""),
    ("WO-2611", "P48-20", "2026-11-06", 1000, "production_order", "firm", ""),
    ("WO-2612", "P60-20", "2026-11-20", 600, "production_order", "planned", ""),
    ("SX2026-044", "SM-S2P", "2026-11-02", 800, "production_order", "planned", ""),
    ("4500031207", "AQ-12-20", "2026-10-28", 8000, "purchase_order", "firm", "Việt Tiến Power"),
    ("PO/2026/118", "LOP-1425", "2026-10-22", 3000, "purchase_order", "firm", "Cao su Phúc An"),
    ("PO-26-0930", "1012", "2026-09-30", 4000, "purchase_order", "firm", "Cơ khí Đại Đồng"),
    ("NK-240", "BDK-48350", "2026-11-18", 1200, "purchase_order", "firm", "Ningbo Hengli Tech"),
    ("CK.BN.07", "LN-125", "2026-10-09", 200, "transfer", "released", "Nhà máy Bắc Ninh"),
    ("PO-88017", "MBH-KID", "2026-10-26", 2500, "purchase_order", "firm", "Nam Hà Safety"),
]
CUSTOMERS = ["Đại lý Hùng Cường Nam Định", "Chuỗi Xe điện Phố Xanh", "Đại lý Thành Công Thái Bình",
             "Siêu thị Xe Việt Hải Phòng", "Sao Mai Online"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-25", "2025-02-02", "", "", 0, "holiday"),
    ("Khuyến mãi Tựu trường 2025", "2025-08-01", "2025-09-10", "", "Xe đạp điện", 20, "promotion"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Ra mắt Bee 50", "2026-07-15", "2026-07-31", "BEE-50", "", 0, "launch"),
    ("Khuyến mãi Tựu trường 2026", "2026-08-01", "2026-08-31", "SM-S2-DO", "", 45, "promotion"),
    ("Black Friday 2026", "2026-11-27", "2026-11-29", "", "Xe máy điện", 15, "promotion"),
    ("Đổi pin cũ lấy pin mới", "2026-12-01", "2026-12-31", "", "Pin", 20, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-03", "2027-02-10", "", "", 0, "holiday"),
]
STOCK_COVER = {"TH-T5": 0.25, "P48-20": 0.3, "SM-S2-DO": 0.3, "BEE-50": 0.2, "AQ-12-20": 0.3, "MBH-34-L": 0.3,
               "1012": 0.25, "PTH-6030": 0.35, "SAC-N48": 0.4,
               "SM-MINI20": 6.5, "LN-LITE": 7.5, "AQ-12-12": 9.0, "MBH-34-XL": 5.5, "LOP-1630": 6.0,
               "SAC-AQ48": 6.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "school":  # e-bikes, school scooters and helmets: back to school (August-September) and Tết
        return {7: 1.2, 8: 1.7, 9: 1.5, 12: 1.1, 1: 1.2, 2: 0.6, 3: 0.8}.get(month, 1.0)
    if kind == "tet":  # scooters: the run-up to Tết, a dead Tết month, Black Friday
        return {11: 1.15, 12: 1.35, 1: 1.5, 2: 0.55, 3: 0.85, 6: 0.9}.get(month, 1.0)
    if kind == "cold":  # replacement batteries and lead-acid: the northern winter
        return {11: 1.2, 12: 1.4, 1: 1.4, 2: 1.1, 5: 0.85, 6: 0.8}.get(month, 1.0)
    if kind == "rain":  # tyres and brake pads: the rainy season
        return {6: 1.2, 7: 1.35, 8: 1.4, 9: 1.3, 1: 0.85, 2: 0.7}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-07", trend=0.006, pivot=12, noise=0.08,
                             promo=("SM-S2-DO", "2026-08", 1.45))  # Khuyến mãi Tựu trường 2026


def set_plants() -> None:
    """Put the Bình Dương resources and the SKUs whose primary resource they are on that plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=343434, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BAC_NINH,
                  location="Kho Long Biên", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-5, order_ref="DH{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
