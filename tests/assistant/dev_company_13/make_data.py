"""Writes the monthly CSV files of dev company 13 (Công ty TNHH Mỹ phẩm Sen Việt, a Vietnamese cosmetics maker).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_13/make_data.py
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
PLANT = "Nhà máy Bình Dương"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("DG-BK-180", "Dầu gội bồ kết chai 180ml", "Dầu gội", 65000, 24000, 2000, 14, "active", 12000, "tet"),
    ("DG-BK-650", "Dầu gội bồ kết chai 650ml", "Dầu gội", 159000, 58000, 1200, 14, "active", 7400, "tet"),
    ("DG-VB-180", "Dầu gội vỏ bưởi chai 180ml", "Dầu gội", 69000, 25000, 1800, 14, "active", 10500, "tet"),
    ("DG-VB-650", "Dầu gội vỏ bưởi chai 650ml", "Dầu gội", 169000, 61000, 1000, 14, "active", 6100, "tet"),
    ("DG-BK-5L", "Dầu gội bồ kết can 5 lít", "Dầu gội", 890000, 330000, 100, 14, "active", 600, "flat"),
    ("DGX-BK-650", "Dầu gội xả bồ kết chai 650ml", "Dầu gội xả", 179000, 66000, 800, 14, "active", 4800, "tet"),
    ("DGX-BH-350", "Dầu gội xả bạc hà chai 350ml", "Dầu gội xả", 119000, 43000, 700, 14, "active", 4200, "flat"),
    ("DGX-BH-900", "Dầu gội xả bạc hà chai 900ml", "Dầu gội xả", 239000, 88000, 300, 14, "active", 1900, "flat"),
    ("ST-SEN-180", "Sữa tắm hoa sen chai 180ml", "Sữa tắm", 59000, 21000, 1800, 14, "active", 11000, "women"),
    ("ST-SEN-650", "Sữa tắm hoa sen chai 650ml", "Sữa tắm", 149000, 53000, 1000, 14, "active", 6600, "women"),
    ("ST-CF-180", "Sữa tắm cà phê chai 180ml", "Sữa tắm", 62000, 22000, 900, 14, "active", 5200, "flat"),
    ("ST-CF-650", "Sữa tắm cà phê chai 650ml", "Sữa tắm", 155000, 55000, 600, 14, "active", 3600, "flat"),
    ("ST-TRA-650", "Sữa tắm trà xanh chai 650ml", "Sữa tắm", 145000, 51000, 500, 14, "active", 3100, "flat"),
    ("HQ-83", "Hộp quà 8/3 sữa tắm hoa sen", "Sữa tắm", 320000, 140000, 300, 28, "active", 900, "women"),
    ("KD-NGHE-50", "Kem dưỡng nghệ tuýp 50g", "Kem dưỡng", 125000, 38000, 1500, 21, "active", 8800, "flat"),
    ("KD-NGHE-100", "Kem dưỡng nghệ tuýp 100g", "Kem dưỡng", 219000, 67000, 700, 21, "active", 4300, "flat"),
    ("KD-DEM-50", "Kem dưỡng ẩm ban đêm hũ 50g", "Kem dưỡng", 289000, 86000, 500, 21, "active", 3300, "flat"),
    ("KD-NGAY-50", "Kem dưỡng ban ngày SPF30 hũ 50g", "Kem dưỡng", 269000, 80000, 500, 21, "active", 3500, "flat"),
    ("KD-TAY-100", "Kem dưỡng da tay tuýp 100g", "Kem dưỡng", 89000, 27000, 900, 21, "active", 5400, "tet"),
    ("SM-LI-HONG", "Son lì Hồng đất", "Son môi", 189000, 52000, 800, 28, "active", 5100, "women"),
    ("SM-LI-DO", "Son lì Đỏ gạch", "Son môi", 189000, 52000, 800, 28, "active", 4700, "women"),
    ("SM-LI-CAM", "Son lì Cam cháy", "Son môi", 189000, 52000, 500, 28, "active", 2900, "women"),
    ("SM-TET", "Son lì Đỏ Tết", "Son môi", 219000, 60000, 400, 28, "new", 3200, "tet"),
    ("SM-DUONG", "Son dưỡng môi dầu dừa", "Son môi", 79000, 21000, 1000, 28, "active", 6400, "flat"),
    ("2010", "Hộp quà 20/10 son lì", "Son môi", 450000, 190000, 200, 35, "new", 1100, "women"),
]
ROUTING = [
    ("DG-BK-180", "Bồn khuấy 1", 0.0006), ("DG-BK-650", "Bồn khuấy 1", 0.0018), ("DG-VB-180", "Bồn khuấy 1", 0.0006),
    ("DG-VB-650", "Bồn khuấy 1", 0.0018), ("DG-BK-5L", "Bồn khuấy 1", 0.0120), ("DGX-BK-650", "Bồn khuấy 2", 0.0018),
    ("DGX-BH-350", "Bồn khuấy 2", 0.0010), ("DGX-BH-900", "Bồn khuấy 2", 0.0025),
    ("ST-SEN-180", "Dây chuyền chiết chai", 0.0008), ("ST-SEN-650", "Dây chuyền chiết chai", 0.0016),
    ("ST-CF-180", "Dây chuyền chiết chai", 0.0008), ("ST-CF-650", "Dây chuyền chiết chai", 0.0016),
    ("ST-TRA-650", "Dây chuyền chiết chai", 0.0016), ("HQ-83", "Khu đóng hộp quà", 0.0150),
    ("KD-NGHE-50", "Máy đóng tuýp", 0.0012), ("KD-NGHE-100", "Máy đóng tuýp", 0.0016),
    ("KD-DEM-50", "Bồn khuấy 2", 0.0030), ("KD-NGAY-50", "Bồn khuấy 2", 0.0030),
    ("KD-TAY-100", "Máy đóng tuýp", 0.0015),
    ("SM-LI-HONG", "Máy rót son", 0.0040), ("SM-LI-DO", "Máy rót son", 0.0040), ("SM-LI-CAM", "Máy rót son", 0.0040),
    ("SM-TET", "Máy rót son", 0.0045), ("SM-DUONG", "Máy rót son", 0.0030), ("2010", "Khu đóng hộp quà", 0.0200),
    ("DG-BK-650", "Bồn khuấy 2", 0.0020),
]
CAPACITY = {"Bồn khuấy 1": 0.83, "Bồn khuấy 2": 0.9, "Dây chuyền chiết chai": 0.76, "Máy đóng tuýp": 0.68,
            "Máy rót son": 1.14, "Khu đóng hộp quà": 0.55}
SUPPLY = [
    ("4700088120", "SM-LI-DO", "2026-12-09", 6000, "purchase_order", "firm", "Kolmar Korea"),
    ("4700088127", "SM-TET", "2027-01-06", 5000, "purchase_order", "planned", "Kolmar Korea"),
    ("PO-1108", "KD-NGHE-50", "2026-11-08", 8000, "purchase_order", "firm", "Bao bì tuýp Tân Tiến"),
    ("DH/26/207", "ST-SEN-650", "2026-12-03", 4000, "purchase_order", "released", "Nhựa chai Duy Tân"),
    ("LSX.26.118", "DG-BK-180", "2026-11-27", 12000, "production_order", "released", ""),
    ("LSX.26.125", "DG-VB-650", "2026-12-11", 5000, "production_order", "firm", ""),
    ("2027/LSX/01", "HQ-83", "2027-02-10", 3000, "production_order", "planned", ""),
    ("83", "ST-SEN-180", "2027-02-20", 6000, "production_order", "planned", ""),
    ("NK-20-11", "KD-TAY-100", "2026-11-20", 3000, "transfer", "released", "Kho Hà Nội"),
]
CUSTOMERS = ["Guardian", "Watsons", "Hasaki", "Shopee Mall", "Nhà thuốc Long Châu"]
EVENTS = [
    ("Quốc tế Phụ nữ 8/3/2026", "2026-03-01", "2026-03-08", "", "Sữa tắm", 45, "holiday"),
    ("Ngày Phụ nữ Việt Nam 20/10/2026", "2026-10-01", "2026-10-20", "2010", "", 80, "promotion"),
    ("Ra mắt Son lì Đỏ Tết", "2026-10-01", "2026-10-31", "SM-TET", "", 0, "launch"),
    ("Tết 2027", "2027-01-10", "2027-02-10", "", "Dầu gội", 50, "holiday"),
    ("Quốc tế Phụ nữ 8/3/2027", "2027-03-01", "2027-03-08", "", "Sữa tắm", 45, "holiday"),
]
STOCK_COVER = {"SM-LI-DO": 0.3, "KD-NGHE-50": 0.25, "ST-SEN-650": 0.35, "SM-TET": 0.3, "DG-BK-180": 0.4,
               "DGX-BH-900": 6.0, "ST-TRA-650": 5.2, "KD-NGAY-50": 4.6, "DG-BK-5L": 5.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # Tết buying
        return {12: 1.3, 1: 1.8, 2: 1.1}.get(month, 1.0)
    if kind == "women":  # 8/3 and 20/10
        return {3: 1.7, 10: 1.6}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.004, pivot=12, noise=0.08,
                             promo=("2010", "2026-10", 1.5))  # the 20/10 gift box


def main() -> None:
    write_company(HERE, seed=131313, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=PLANT, location="Kho Bình Dương",
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-3,
                  order_ref="DH{:05d}")


if __name__ == "__main__":
    main()
