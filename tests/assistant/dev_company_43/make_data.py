"""Writes the monthly CSV files of dev company 43 (Công ty CP Hóa mỹ phẩm Hoa Nắng, Hoa Nang Cosmetics JSC, a
Vietnamese personal-care maker: shampoo, conditioner, shower gel, men's 2-in-1, hair colour, SPF 50 sunscreen,
baby care and Tết gift sets, filled in its own plant in Bình Dương and, for sunscreen, by the contract filler
Siam Pack Chonburi in Thailand; prices in VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    .venv/bin/python tests/assistant/dev_company_43/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-11" <= f"{y}-{m:02d}" <= "2026-10"]  # 24 complete months before 2026-11-30
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]
AS_OF = "2026-11-30"
BINH_DUONG = "Nhà máy Bình Dương"
SIAM = "Siam Pack Chonburi"

# sku, name, family, price (VND), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Dầu gội (shampoo): Thái Dương 3 / 7 (herbal), Mượt (the hair-care brand: Bồ Kết, Bưởi), Hương Tràm
    ("DG.200.03", "Dầu gội Thái Dương 3 200ml", "Dầu gội", 52000, 31000, 3000, 14, "active", 18000, "tet"),
    ("DG.480.03", "Dầu gội Thái Dương 3 480ml", "Dầu gội", 109000, 64000, 4000, 14, "active", 26000, "tet"),
    ("DG.480.07", "Dầu gội Thái Dương 7 480ml", "Dầu gội", 125000, 72000, 2500, 14, "active", 15000, "tet"),
    ("DG.900.03", "Dầu gội Thái Dương 3 túi refill 900ml", "Dầu gội", 165000, 92000, 1000, 14, "active", 6000,
     "tet"),
    ("DG.400.BK", "Dầu gội Mượt Bồ Kết 400ml", "Dầu gội", 79000, 45000, 3000, 14, "active", 22000, "tet"),
    ("DG.650.BK", "Dầu gội Mượt Bồ Kết 650ml", "Dầu gội", 112000, 63000, 2500, 14, "active", 17000, "tet"),
    ("DG.650.BB", "Dầu gội Mượt Bưởi 650ml", "Dầu gội", 115000, 66000, 2000, 14, "active", 14000, "tet"),
    ("DG.1000.BB", "Dầu gội Mượt Bưởi túi refill 1L", "Dầu gội", 159000, 90000, 500, 14, "active", 3500, "flat"),
    ("DG.180.HT", "Dầu gội Hương Tràm 180ml", "Dầu gội", 45000, 26000, 1500, 14, "active", 9000, "tet"),
    ("DG.06.12", "Dầu gội Mượt Bồ Kết gói 6g dây 12", "Dầu gội", 12000, 6500, 8000, 10, "active", 60000, "flat"),
    # Dầu xả (conditioner and hair mask)
    ("DX.320.BK", "Dầu xả Mượt Bồ Kết 320ml", "Dầu xả", 75000, 42000, 2000, 14, "active", 12000, "tet"),
    ("DX.320.BB", "Dầu xả Mượt Bưởi 320ml", "Dầu xả", 78000, 44000, 2000, 14, "active", 11000, "tet"),
    ("DX.620.BB", "Dầu xả Mượt Bưởi 620ml", "Dầu xả", 119000, 68000, 1200, 14, "active", 7000, "tet"),
    ("DX.320.TM", "Dầu xả Thảo Mộc 320ml", "Dầu xả", 69000, 39000, 1000, 14, "active", 6000, "flat"),
    ("DX.200.SU", "Kem ủ tóc Mượt Suôn 200g", "Dầu xả", 89000, 48000, 800, 21, "active", 4000, "flat"),
    # Sữa tắm (shower gel): Hương Tràm, the Fresh brand (Bạc Hà, Sả Chanh), Hoa Hồng, Trà Xanh
    ("ST.650.HT", "Sữa tắm Hương Tràm 650ml", "Sữa tắm", 98000, 55000, 4000, 14, "active", 30000, "tet"),
    ("ST.900.HT", "Sữa tắm Hương Tràm 900ml", "Sữa tắm", 128000, 72000, 2500, 14, "active", 16000, "tet"),
    ("ST.1000.HT", "Sữa tắm Hương Tràm túi refill 1L", "Sữa tắm", 139000, 76000, 1000, 14, "active", 7000, "tet"),
    ("ST.650.FBH", "Sữa tắm Fresh Bạc Hà 650ml", "Sữa tắm", 92000, 51000, 2500, 14, "active", 18000, "flat"),
    ("ST.650.FSC", "Sữa tắm Fresh Sả Chanh 650ml", "Sữa tắm", 92000, 51000, 2000, 14, "active", 14000, "flat"),
    ("ST.850.FBH", "Sữa tắm Fresh Bạc Hà túi refill 850ml", "Sữa tắm", 105000, 58000, 800, 14, "active", 5000,
     "flat"),
    ("ST.500.HH", "Sữa tắm Hoa Hồng Dưỡng Ẩm 500ml", "Sữa tắm", 115000, 63000, 1500, 14, "active", 9000, "tet"),
    ("ST.250.TX", "Sữa tắm Trà Xanh 250ml", "Sữa tắm", 39000, 23000, 0, 14, "discontinued", 5000, "flat"),
    ("ST.900.TX", "Sữa tắm Trà Xanh 900ml", "Sữa tắm", 119000, 66000, 1500, 14, "active", 9000, "flat"),
    # 2in1 (men's shampoo + shower gel, and one shampoo + conditioner)
    ("HN.650.FBH", "Fresh Men 2in1 Bạc Hà 650ml", "2in1", 99000, 55000, 2500, 14, "active", 16000, "flat"),
    ("HN.380.FBH", "Fresh Men 2in1 Bạc Hà 380ml", "2in1", 65000, 37000, 2000, 14, "active", 12000, "flat"),
    ("HN.650.GT", "Fresh Men 2in1 Gỗ Trầm 650ml", "2in1", 109000, 60000, 1500, 14, "new", 8000, "flat"),
    ("HN.480.TD", "Dầu gội xả Thái Dương 2in1 480ml", "2in1", 115000, 66000, 1500, 14, "active", 8000, "tet"),
    ("HN.600.FBH", "Fresh Men 2in1 Bạc Hà túi refill 600ml", "2in1", 85000, 47000, 600, 14, "active", 4000,
     "flat"),
    # Nhuộm tóc (hair colour): Mượt Color shades written like decimals and day.month dates
    ("NT.1.0", "Kem nhuộm Mượt Color 1.0 Đen Tự Nhiên hộp 100ml", "Nhuộm tóc", 89000, 46000, 1500, 21, "active",
     9000, "colour"),
    ("NT.3.0", "Kem nhuộm Mượt Color 3.0 Nâu Đen hộp 100ml", "Nhuộm tóc", 89000, 46000, 1500, 21, "active", 10000,
     "colour"),
    ("NT.4.3", "Kem nhuộm Mượt Color 4.3 Nâu Ánh Vàng hộp 100ml", "Nhuộm tóc", 95000, 49000, 1000, 21, "active",
     6000, "colour"),
    ("NT.5.6", "Kem nhuộm Mượt Color 5.6 Đỏ Rượu Vang hộp 100ml", "Nhuộm tóc", 99000, 55000, 800, 45, "active",
     4000, "colour"),
    ("NT.PB.250", "Dầu gội phủ bạc Bồ Kết Đen 250ml", "Nhuộm tóc", 135000, 72000, 1200, 21, "active", 7000,
     "colour"),
    # Chống nắng (sun care), filled by Siam Pack Chonburi
    ("CN.50.50", "Kem chống nắng SPF50+ 50ml", "Chống nắng", 145000, 70000, 3000, 45, "active", 20000, "sun"),
    ("CN.50.100", "Kem chống nắng SPF50+ 100ml", "Chống nắng", 239000, 115000, 1500, 45, "active", 9000, "sun"),
    ("CN.30.50", "Kem chống nắng SPF30 50ml", "Chống nắng", 119000, 58000, 1000, 45, "active", 7000, "sun"),
    ("CN.X50.150", "Xịt chống nắng SPF50+ 150ml", "Chống nắng", 199000, 98000, 800, 45, "new", 6000, "sun"),
    ("CN.TE.100", "Sữa chống nắng trẻ em SPF50 100ml", "Chống nắng", 179000, 86000, 800, 45, "active", 5000,
     "sun"),
    # Baby (the Bé Yêu brand on every SKU)
    ("BB.200.HT", "Sữa tắm gội Bé Yêu Hương Tràm 200ml", "Baby", 69000, 38000, 1500, 14, "active", 10000, "flat"),
    ("BB.500.HT", "Sữa tắm gội Bé Yêu Hương Tràm 500ml", "Baby", 139000, 76000, 1000, 14, "active", 6000, "flat"),
    ("BB.200.HC", "Sữa tắm gội Bé Yêu Hoa Cúc 200ml", "Baby", 72000, 40000, 1000, 14, "active", 6000, "flat"),
    ("BB.DT.30", "Dầu tràm Bé Yêu 30ml", "Baby", 55000, 28000, 2000, 30, "active", 15000, "flat"),
    ("BB.PR.100", "Phấn rôm Bé Yêu 100g", "Baby", 35000, 19000, 2000, 21, "active", 12000, "flat"),
    ("BB.KH.50", "Kem hăm Bé Yêu 50g", "Baby", 65000, 33000, 1000, 30, "active", 7000, "flat"),
    # Bộ quà (Tết gift sets; the year is part of the name)
    ("QT.XUAN.TD", "Bộ quà Xuân 2027 Thái Dương", "Bộ quà", 259000, 150000, 0, 21, "active", 1500, "gift"),
    ("QT.XUAN.HT", "Bộ quà Xuân 2027 Hương Tràm", "Bộ quà", 239000, 138000, 0, 21, "active", 1200, "gift"),
]
# sku, resource, hours per unit; several rows of a sku are alternatives; the first is the primary resource
ROUTING = [
    ("DG.200.03", "Line chiết chai 1", 0.0010), ("DG.480.03", "Line chiết chai 1", 0.0012),
    ("DG.480.07", "Line chiết chai 1", 0.0012), ("DG.400.BK", "Line chiết chai 1", 0.0011),
    ("DG.650.BK", "Line chiết chai 1", 0.0013), ("DG.650.BB", "Line chiết chai 1", 0.0013),
    ("DG.180.HT", "Line chiết chai 1", 0.0010), ("HN.650.FBH", "Line chiết chai 1", 0.0013),
    ("HN.380.FBH", "Line chiết chai 1", 0.0011), ("HN.650.GT", "Line chiết chai 1", 0.0013),
    ("HN.480.TD", "Line chiết chai 1", 0.0012), ("NT.PB.250", "Line chiết chai 1", 0.0011),
    ("HN.650.FBH", "Line chiết chai 2", 0.0014),
    ("DX.320.BK", "Line chiết chai 2", 0.0011), ("DX.320.BB", "Line chiết chai 2", 0.0011),
    ("DX.620.BB", "Line chiết chai 2", 0.0013), ("DX.320.TM", "Line chiết chai 2", 0.0011),
    ("ST.650.HT", "Line chiết chai 2", 0.0013), ("ST.900.HT", "Line chiết chai 2", 0.0015),
    ("ST.650.FBH", "Line chiết chai 2", 0.0013), ("ST.650.FSC", "Line chiết chai 2", 0.0013),
    ("ST.500.HH", "Line chiết chai 2", 0.0012), ("ST.250.TX", "Line chiết chai 2", 0.0009),
    ("ST.900.TX", "Line chiết chai 2", 0.0015), ("BB.200.HT", "Line chiết chai 2", 0.0010),
    ("BB.500.HT", "Line chiết chai 2", 0.0012), ("BB.200.HC", "Line chiết chai 2", 0.0010),
    ("ST.650.HT", "Line chiết chai 1", 0.0014),
    ("DG.900.03", "Line túi refill", 0.0016), ("DG.1000.BB", "Line túi refill", 0.0017),
    ("ST.1000.HT", "Line túi refill", 0.0017), ("ST.850.FBH", "Line túi refill", 0.0016),
    ("HN.600.FBH", "Line túi refill", 0.0015),
    ("DG.06.12", "Máy sachet", 0.0006),
    ("NT.1.0", "Line nhuộm tóc", 0.0030), ("NT.3.0", "Line nhuộm tóc", 0.0030), ("NT.4.3", "Line nhuộm tóc", 0.0032),
    ("DX.200.SU", "Xưởng kem & phấn", 0.0025), ("BB.PR.100", "Xưởng kem & phấn", 0.0012),
    ("QT.XUAN.TD", "Khu đóng bộ quà", 0.0120), ("QT.XUAN.HT", "Khu đóng bộ quà", 0.0110),
    ("CN.50.50", "Siam Tube Line", 0.0020), ("CN.50.100", "Siam Tube Line", 0.0024),
    ("CN.30.50", "Siam Tube Line", 0.0020), ("CN.TE.100", "Siam Tube Line", 0.0024),
    ("CN.X50.150", "Siam Spray Line", 0.0040),
]
CAPACITY = {"Line chiết chai 1": 1.12, "Line chiết chai 2": 1.03, "Line túi refill": 0.58, "Máy sachet": 0.92,
            "Line nhuộm tóc": 1.08, "Xưởng kem & phấn": 0.70, "Khu đóng bộ quà": 1.30, "Siam Tube Line": 0.80,
            "Siam Spray Line": 0.50}
PLANTS = {"Siam Tube Line": SIAM, "Siam Spray Line": SIAM}
SUPPLY = [
    ("LSX.26.1187", "DG.480.03", "2026-12-08", 12000, "production_order", "firm", ""),
    ("LSX.26.1192", "ST.650.HT", "2026-12-04", 15000, "production_order", "released", ""),
    ("LSX.26.1201", "HN.650.FBH", "2026-12-15", 9000, "production_order", "planned", ""),
    ("LSX.26.1129", "DX.320.BB", "2026-11-24", 8000, "production_order", "released", ""),
    ("LSX.26.1230", "QT.XUAN.TD", "2026-12-10", 6000, "production_order", "firm", ""),
    ("PO-SP-2611-04", "CN.50.50", "2026-12-05", 20000, "purchase_order", "firm", SIAM),
    ("PO-SP-2612-01", "CN.X50.150", "2027-01-12", 5000, "purchase_order", "planned", SIAM),
    ("11/2026/GC-SP", "CN.50.100", "2026-12-20", 8000, "purchase_order", "firm", SIAM),
    ("OOLU2614785", "CN.TE.100", "2026-12-11", 6000, "purchase_order", "firm", SIAM),
    ("CK-TH-BD-1203", "CN.30.50", "2026-12-03", 2000, "transfer", "released", SIAM),
    ("4500087612", "BB.DT.30", "2026-12-18", 20000, "purchase_order", "firm", "Dược phẩm Phú Mỹ"),
    ("4500087621", "BB.KH.50", "2027-01-08", 6000, "purchase_order", "planned", "Dược phẩm Phú Mỹ"),
    ("HBT-0925/KR", "NT.5.6", "2026-12-22", 4000, "purchase_order", "firm", "Hanbit Cosmetics Co."),
]
CUSTOMERS = ["Saigon Co.op", "Bách Hóa Xanh", "Shopee Mall", "Lazada", "Guardian Việt Nam", "NPP Minh Châu"]
EVENTS = [
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Mùa nắng 2026", "2026-04-01", "2026-07-31", "", "Chống nắng", 25, "other"),
    ("Ra mắt Fresh Men Gỗ Trầm", "2026-05-01", "2026-05-31", "HN.650.GT", "", 0, "launch"),
    ("Ra mắt Xịt chống nắng SPF50+", "2026-05-01", "2026-05-31", "CN.X50.150", "", 0, "launch"),
    ("Fresh Summer Chill 2026", "2026-06-01", "2026-06-30", "ST.650.FBH", "", 45, "promotion"),
    ("Siêu sale 11.11", "2026-11-11", "2026-11-11", "", "Sữa tắm", 30, "promotion"),
    ("Siêu sale 12.12", "2026-12-12", "2026-12-12", "", "Dầu gội", 30, "promotion"),
    ("Bộ quà Xuân 2027", "2026-12-01", "2027-02-04", "", "Bộ quà", 0, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
]
STOCK_COVER = {"DG.480.03": 0.35, "ST.650.HT": 0.3, "CN.50.50": 0.45, "DX.320.BB": 0.2, "HN.650.FBH": 0.45,
               "QT.XUAN.TD": 0.6, "QT.XUAN.HT": 2.0, "NT.4.3": 0.3, "NT.3.0": 0.5, "DG.06.12": 0.4,
               "BB.PR.100": 0.35, "DG.200.03": 0.6,
               "ST.250.TX": 9.0, "CN.30.50": 7.0, "CN.X50.150": 6.0, "DX.200.SU": 5.5, "DG.1000.BB": 6.5,
               "BB.KH.50": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # shampoo and shower gel: the run-up to Tết, the dead Tết month, the hot season
        return {12: 1.3, 1: 1.55, 2: 0.65, 3: 0.85, 6: 1.05, 7: 1.05}.get(month, 1.0)
    if kind == "sun":  # sunscreen: the dry hot season
        return {1: 0.6, 2: 0.75, 3: 1.05, 4: 1.4, 5: 1.6, 6: 1.6, 7: 1.4, 8: 1.15, 9: 0.95, 10: 0.8, 11: 0.65,
                12: 0.55}[month]
    if kind == "colour":  # hair colour: people colour their hair before Tết
        return {12: 1.35, 1: 1.7, 2: 0.6}.get(month, 1.0)
    if kind == "gift":  # the Tết gift sets sell in December and January only
        return {12: 3.0, 1: 4.0, 2: 0.3}.get(month, 0.08)
    return {2: 0.85}.get(month, 1.0)  # baby care, refills, Fresh: flat, the Tết week


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.006, pivot=12, noise=0.08,
                             promo=("ST.650.FBH", "2026-06", 1.45))  # Fresh Summer Chill 2026


def set_plants() -> None:
    """Put the Siam Pack resources and the SKUs whose primary resource they are on that plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=434343, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="Kho Tân Uyên", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-6, order_ref="DH-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
