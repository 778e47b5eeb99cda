"""Writes the monthly CSV files of dev company 22 (Công ty TNHH Điện gia dụng Sao Việt, a Vietnamese maker of
rice cookers, electric fans, kettles, blenders, induction and infrared cookers and irons, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_22/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-06"]  # 24 complete months before 2026-07-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-07" <= f"{y}-{m:02d}" <= "2027-12"]
AS_OF = "2026-07-14"
LONG_AN = "Nhà máy Long An"
BAC_NINH = "Nhà máy lắp ráp Bắc Ninh"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("NC-12C", "Nồi cơm điện cơ 1,2 L", "Nồi cơm điện", 390000, 250000, 1200, 21, "active", 5200, "tet"),
    ("NC-18C", "Nồi cơm điện cơ 1,8 L", "Nồi cơm điện", 450000, 285000, 1500, 21, "active", 6800, "tet"),
    ("NC-12D", "Nồi cơm điện tử 1,2 L", "Nồi cơm điện", 890000, 540000, 600, 21, "active", 2600, "tet"),
    ("NC-18D", "Nồi cơm điện tử 1,8 L", "Nồi cơm điện", 1090000, 660000, 900, 21, "active", 3900, "tet"),
    ("NC-CT18", "Nồi cơm điện cao tần 1,8 L", "Nồi cơm điện", 2490000, 1500000, 150, 21, "new", 600, "tet"),
    ("QD-1650", "Quạt đứng QĐ-1650", "Quạt điện", 650000, 380000, 2000, 30, "active", 9000, "hot"),
    ("QD-1860", "Quạt đứng QĐ-1860 có remote", "Quạt điện", 890000, 520000, 1100, 30, "active", 5200, "hot"),
    ("QB-1230-TR", "Quạt bàn QB-1230 trắng", "Quạt điện", 320000, 190000, 900, 30, "active", 4200, "hot"),
    ("QB-1230-XD", "Quạt bàn QB-1230 xanh dương", "Quạt điện", 320000, 190000, 700, 30, "active", 3100, "hot"),
    ("QT-1655", "Quạt treo tường QT-1655", "Quạt điện", 590000, 350000, 1000, 30, "active", 4800, "hot"),
    ("2027", "Quạt hơi nước mini", "Quạt điện", 1290000, 800000, 400, 45, "active", 1800, "hot"),
    ("AST-15", "Ấm siêu tốc inox 1,5 L", "Ấm siêu tốc", 250000, 140000, 900, 14, "active", 4500, "cool"),
    ("AST-18", "Ấm siêu tốc inox 1,8 L", "Ấm siêu tốc", 290000, 165000, 800, 14, "active", 3800, "cool"),
    ("AST-17TT", "Ấm siêu tốc thủy tinh 1,7 L", "Ấm siêu tốc", 420000, 240000, 300, 14, "active", 1500, "cool"),
    ("MX-350", "Máy xay sinh tố 350W", "Máy xay sinh tố", 490000, 290000, 600, 21, "active", 2800, "warm"),
    ("MX-600", "Máy xay sinh tố đa năng 600W", "Máy xay sinh tố", 990000, 590000, 350, 45, "active", 1600, "warm"),
    ("MX-C2", "Máy xay cầm tay C2", "Máy xay sinh tố", 390000, 230000, 0, 45, "discontinued", 600, "flat"),
    ("BT-2100", "Bếp từ đơn 2100W", "Bếp điện", 890000, 520000, 500, 40, "active", 2400, "tet"),
    ("BT-DOI", "Bếp từ đôi", "Bếp điện", 3490000, 2100000, 120, 40, "active", 700, "tet"),
    ("BH-2000", "Bếp hồng ngoại 2000W", "Bếp điện", 990000, 590000, 200, 40, "active", 900, "flat"),
    ("BU-KHO", "Bàn ủi khô 1000W", "Bàn ủi", 220000, 120000, 500, 30, "active", 2500, "flat"),
    ("BU-HN22", "Bàn ủi hơi nước 2200W", "Bàn ủi", 490000, 280000, 400, 30, "active", 1900, "flat"),
    ("BU-DUNG", "Bàn ủi hơi nước đứng 1800W", "Bàn ủi", 1590000, 950000, 100, 30, "new", 400, "flat"),
]
ROUTING = [
    ("NC-12C", "Dây chuyền lắp ráp nồi cơm", 0.040), ("NC-18C", "Dây chuyền lắp ráp nồi cơm", 0.045),
    ("NC-12D", "Dây chuyền lắp ráp nồi cơm", 0.060), ("NC-18D", "Dây chuyền lắp ráp nồi cơm", 0.065),
    ("NC-CT18", "Dây chuyền lắp ráp nồi cơm", 0.090),
    ("QD-1650", "Dây chuyền lắp ráp quạt", 0.045), ("QD-1860", "Dây chuyền lắp ráp quạt", 0.055),
    ("QB-1230-TR", "Dây chuyền lắp ráp quạt", 0.030), ("QB-1230-XD", "Dây chuyền lắp ráp quạt", 0.030),
    ("QT-1655", "Dây chuyền lắp ráp quạt", 0.045), ("2027", "Dây chuyền lắp ráp quạt", 0.070),
    ("AST-15", "Xưởng dập inox", 0.025), ("AST-18", "Xưởng dập inox", 0.028),
    ("AST-17TT", "Xưởng dập inox", 0.030),
    ("MX-350", "Máy ép nhựa", 0.030), ("MX-600", "Máy ép nhựa", 0.040),
    ("BT-2100", "Dây chuyền bếp từ", 0.060), ("BT-DOI", "Dây chuyền bếp từ", 0.090),
    ("BH-2000", "Dây chuyền bếp từ", 0.060),
    ("QD-1650", "Máy ép nhựa", 0.060),
]
CAPACITY = {"Dây chuyền lắp ráp nồi cơm": 0.95, "Dây chuyền lắp ráp quạt": 1.1, "Xưởng dập inox": 0.8,
            "Máy ép nhựa": 1.05, "Dây chuyền bếp từ": 0.7}
PLANTS = {"Dây chuyền lắp ráp quạt": BAC_NINH, "Máy ép nhựa": BAC_NINH}
SUPPLY = [
    ("4500078123", "NC-18D", "2026-08-20", 6000, "production_order", "firm", ""),
    ("2400", "NC-12C", "2026-09-10", 3000, "production_order", "released", ""),
    ("LSX/2026/071", "QD-1650", "2026-07-25", 5000, "production_order", "released", ""),
    ("NK-2026-07", "MX-600", "2026-07-30", 2000, "purchase_order", "firm", "Guangdong Meiyu Appliances"),
    ("PO#8812", "BT-2100", "2026-08-05", 1500, "purchase_order", "firm", "Ningbo Hotai Electric"),
    ("PO-VN-26-0412", "QT-1655", "2026-07-08", 3000, "purchase_order", "firm", "Công ty Động cơ Phú Thịnh"),
    ("CK.BN.15", "QB-1230-TR", "2026-07-20", 1200, "transfer", "released", BAC_NINH),
    ("LSX-0815", "AST-18", "2026-08-15", 2500, "production_order", "planned", ""),
    ("HĐ-5521", "BU-HN22", "2026-09-01", 2000, "purchase_order", "firm", "Zhongshan Steamtech"),
    ("LSX/2026/088", "2027", "2026-08-12", 1500, "production_order", "firm", ""),
]
CUSTOMERS = ["Điện Máy Xanh", "Nguyễn Kim", "Siêu thị Co.opmart", "Điện máy Chợ Lớn"]
EVENTS = [
    ("Mùa nóng 2025", "2025-04-01", "2025-07-31", "", "Quạt điện", 30, "promotion"),
    ("Tết Bính Ngọ 2026", "2026-01-05", "2026-02-16", "", "Nồi cơm điện", 35, "holiday"),
    ("Mùa nóng 2026", "2026-04-01", "2026-07-31", "", "Quạt điện", 30, "promotion"),
    ("Ra mắt nồi cao tần", "2026-05-01", "2026-05-31", "NC-CT18", "", 0, "launch"),
    ("Khuyến mãi 9/9", "2026-09-01", "2026-09-09", "", "Bếp điện", 15, "promotion"),
    ("Tết Đinh Mùi 2027", "2026-12-20", "2027-02-05", "", "Nồi cơm điện", 35, "holiday"),
]
STOCK_COVER = {"QD-1650": 0.3, "NC-18D": 0.35, "QT-1655": 0.25, "MX-600": 0.3, "2027": 0.35,
               "MX-C2": 8.0, "BH-2000": 6.0, "BU-KHO": 5.5, "AST-17TT": 5.0, "QB-1230-XD": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "hot":  # the hot season: fans sell April-July
        return {3: 1.1, 4: 1.5, 5: 1.8, 6: 1.7, 7: 1.4, 8: 1.0, 11: 0.5, 12: 0.45, 1: 0.5}.get(month, 0.8)
    if kind == "tet":  # Tết: rice cookers and cookers as gifts and for the new year
        return {11: 1.2, 12: 1.5, 1: 1.7, 2: 0.8, 6: 0.85, 7: 0.85}.get(month, 1.0)
    if kind == "cool":
        return {11: 1.2, 12: 1.3, 1: 1.3, 5: 0.8, 6: 0.8}.get(month, 1.0)
    if kind == "warm":
        return {4: 1.3, 5: 1.35, 6: 1.3, 7: 1.2, 12: 0.8, 1: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.004, pivot=12, noise=0.08,
                             promo=("NC-18C", "2026-01", 1.25))  # Tết 2026


def set_plants() -> None:
    """Put the Bắc Ninh resources and the SKUs whose primary resource they are on the Bắc Ninh plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=222222, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=LONG_AN,
                  location="Kho tổng Bến Lức", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-5, order_ref="DH{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
