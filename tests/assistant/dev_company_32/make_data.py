"""Writes the monthly CSV files of dev company 32 (Công ty Cổ phần Bia và Nước giải khát Phương Đông, a
Vietnamese brewer and soft-drink maker with plants in Biên Hòa, Hải Dương and Đà Nẵng, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_32/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-04" <= f"{y}-{m:02d}" <= "2026-05"]  # 26 complete months before 2026-06-30
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-06" <= f"{y}-{m:02d}" <= "2027-11"]
AS_OF = "2026-06-29"
BIEN_HOA = "Nhà máy Biên Hòa"
HAI_DUONG = "Nhà máy Hải Dương"
DA_NANG = "Nhà máy Đà Nẵng"
WAREHOUSE = {BIEN_HOA: "Kho Biên Hòa", HAI_DUONG: "Kho Hải Dương", DA_NANG: "Kho Đà Nẵng",
             "": "Kho Biên Hòa"}  # the co-packed Ô Long has no plant of ours

# sku, name, family, price (VND), cost (VND), safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Bia lon
    ("SB-L330", "Bia Sóng Biển lon 330ml", "Bia lon", 12500.0, 7600.0, 60000, 10, "active", 420000, "beer"),
    ("SB-L330-T24", "Bia Sóng Biển lon 330ml thùng 24 lon", "Bia lon", 289000.0, 176000.0, 8000, 10, "active",
     62000, "beer"),
    ("SB-L500", "Bia Sóng Biển lon cao 500ml", "Bia lon", 17500.0, 10600.0, 12000, 10, "active", 88000, "beer"),
    ("SB-CH-L330", "Bia Sóng Biển Chanh lon 330ml", "Bia lon", 13000.0, 7900.0, 9000, 10, "active", 68000,
     "summer"),
    ("SB-WC26", "Bia Sóng Biển World Cup 2026 lon 330ml", "Bia lon", 13500.0, 8100.0, 20000, 10, "new", 160000,
     "beer"),
    ("SV-L330", "Bia Sao Vàng lon 330ml", "Bia lon", 11000.0, 6700.0, 40000, 12, "active", 300000, "beer"),
    ("2028", "Bia Sao Vàng lon 330ml thùng 24 lon", "Bia lon", 255000.0, 156000.0, 6000, 12, "active", 45000,
     "beer"),
    ("HH-L330", "Bia Hồng Hà Export lon 330ml", "Bia lon", 15500.0, 9300.0, 15000, 14, "active", 120000, "beer"),
    # Bia chai
    ("SB-C450", "Bia Sóng Biển chai 450ml", "Bia chai", 11500.0, 6500.0, 35000, 12, "active", 250000, "beer"),
    ("SB-C450-K20", "Bia Sóng Biển chai 450ml két 20 chai", "Bia chai", 218000.0, 124000.0, 4000, 12, "active",
     30000, "beer"),
    ("SV-C450", "Bia Sao Vàng chai 450ml", "Bia chai", 10500.0, 5900.0, 30000, 12, "active", 200000, "beer"),
    ("4520", "Bia Sao Vàng chai 450ml két 20 chai", "Bia chai", 199000.0, 112000.0, 3500, 12, "active", 25000,
     "beer"),
    ("SV-C330", "Bia Sao Vàng chai 330ml", "Bia chai", 9000.0, 5100.0, 10000, 12, "active", 80000, "beer"),
    ("HH-C330", "Bia Hồng Hà Export chai 330ml", "Bia chai", 14500.0, 8600.0, 6000, 14, "active", 60000, "beer"),
    # Bia không cồn
    ("SB00-L330", "Sóng Biển 0.0 lon 330ml", "Bia không cồn", 13000.0, 8400.0, 4000, 21, "active", 30000, "flat"),
    ("SB00-L330-T24", "Sóng Biển 0.0 lon 330ml thùng 24 lon", "Bia không cồn", 299000.0, 194000.0, 500, 21,
     "active", 4000, "flat"),
    # Nước ngọt
    ("LH-COLA-C390", "Cola Lạc Hồng chai 390ml", "Nước ngọt", 8500.0, 4300.0, 20000, 7, "active", 150000, "soft"),
    ("LH-COLA-L330", "Cola Lạc Hồng lon 330ml", "Nước ngọt", 9500.0, 5000.0, 15000, 7, "active", 110000, "soft"),
    ("LH-COLA-C1500", "Cola Lạc Hồng chai 1,5L", "Nước ngọt", 19000.0, 9800.0, 5000, 7, "active", 40000, "soft"),
    ("LH-SODA-L330", "Soda Chanh Lạc Hồng lon 330ml", "Nước ngọt", 8000.0, 4100.0, 9000, 7, "active", 70000,
     "soft"),
    ("LH-XX-L330", "Xá Xị Lạc Hồng lon 330ml", "Nước ngọt", 9000.0, 4600.0, 6000, 7, "active", 50000, "soft"),
    ("LH-CAM-C390", "Nước Cam Ép Lạc Hồng chai 390ml", "Nước ngọt", 11000.0, 6100.0, 6000, 7, "active", 45000,
     "soft"),
    # Trà đóng chai
    ("LM-TX-C450", "Trà Xanh Lá Mát chai 450ml", "Trà đóng chai", 9000.0, 4400.0, 25000, 7, "active", 180000,
     "soft"),
    ("LM-TX-C350", "Trà Xanh Lá Mát chai 350ml", "Trà đóng chai", 7500.0, 3700.0, 8000, 7, "active", 60000,
     "soft"),
    ("LM-TX-C450-T24", "Trà Xanh Lá Mát chai 450ml thùng 24 chai", "Trà đóng chai", 205000.0, 101000.0, 1500, 7,
     "active", 12000, "soft"),
    ("LM-TC-C450", "Trà Chanh Lá Mát chai 450ml", "Trà đóng chai", 9000.0, 4500.0, 12000, 7, "active", 90000,
     "summer"),
    ("LM-OL-C450", "Trà Ô Long Lá Mát chai 450ml", "Trà đóng chai", 10000.0, 5200.0, 9000, 14, "active", 70000,
     "soft"),
    ("LH-BD-L330", "Trà Bí Đao Lạc Hồng lon 330ml", "Trà đóng chai", 8500.0, 4200.0, 8000, 7, "active", 60000,
     "soft"),
    # Nước suối
    ("SM-350", "Nước suối Suối Mây 350ml", "Nước suối", 4500.0, 1900.0, 12000, 7, "active", 90000, "water"),
    ("SM-500", "Nước suối Suối Mây 500ml", "Nước suối", 5500.0, 2300.0, 40000, 7, "active", 300000, "water"),
    ("1500", "Nước suối Suối Mây 1,5L", "Nước suối", 11000.0, 4800.0, 6000, 7, "active", 60000, "water"),
    ("SM-19L", "Nước suối Suối Mây bình 19L", "Nước suối", 62000.0, 28000.0, 1500, 5, "active", 15000, "flat"),
    ("SM-KG-500", "Nước khoáng có ga Suối Mây 500ml", "Nước suối", 8000.0, 3600.0, 0, 14, "discontinued", 20000,
     "water"),
]
UOM = {"SB-L330-T24": "thùng", "2028": "thùng", "SB00-L330-T24": "thùng", "LM-TX-C450-T24": "thùng",
       "SB-C450-K20": "két", "4520": "két", "SM-19L": "bình"}
ROUTING = [
    ("SB-L330", "Dây chuyền Lon 1", 0.000035), ("SB-L330", "Dây chuyền Lon 2", 0.000040),
    ("SB-L330-T24", "Dây chuyền Lon 1", 0.00085), ("SB-L500", "Dây chuyền Lon 1", 0.000045),
    ("SB-CH-L330", "Dây chuyền Lon 1", 0.000036), ("SB-WC26", "Dây chuyền Lon 1", 0.000036),
    ("SB00-L330", "Dây chuyền Lon 1", 0.000040), ("SB00-L330-T24", "Dây chuyền Lon 1", 0.00095),
    ("SV-L330", "Dây chuyền Lon 2", 0.000035), ("2028", "Dây chuyền Lon 2", 0.00085),
    ("HH-L330", "Dây chuyền Lon 2", 0.000038), ("LH-COLA-L330", "Dây chuyền Lon 2", 0.000034),
    ("LH-SODA-L330", "Dây chuyền Lon 2", 0.000034), ("LH-XX-L330", "Dây chuyền Lon 2", 0.000034),
    ("LH-BD-L330", "Dây chuyền Lon 2", 0.000034),
    ("SB-C450", "Dây chuyền Chai Thủy Tinh", 0.000060), ("SB-C450-K20", "Dây chuyền Chai Thủy Tinh", 0.0012),
    ("SV-C450", "Dây chuyền Chai Thủy Tinh", 0.000060), ("4520", "Dây chuyền Chai Thủy Tinh", 0.0012),
    ("SV-C330", "Dây chuyền Chai Thủy Tinh", 0.000050), ("HH-C330", "Dây chuyền Chai Thủy Tinh", 0.000055),
    ("LH-COLA-C390", "Dây chuyền PET", 0.000030), ("LH-COLA-C1500", "Dây chuyền PET", 0.000070),
    ("LH-CAM-C390", "Dây chuyền PET", 0.000032), ("LM-TX-C450", "Dây chuyền PET", 0.000032),
    ("LM-TX-C350", "Dây chuyền PET", 0.000028), ("LM-TX-C450-T24", "Dây chuyền PET", 0.00078),
    ("LM-TC-C450", "Dây chuyền PET", 0.000032), ("SM-350", "Dây chuyền PET", 0.000022),
    ("SM-500", "Dây chuyền PET", 0.000025), ("1500", "Dây chuyền PET", 0.000055),
    ("SM-KG-500", "Dây chuyền PET", 0.000027), ("SM-19L", "Máy chiết bình 19L", 0.0040),
]
# share of the available hours the last 12 months' primary load takes
CAPACITY = {"Dây chuyền Lon 1": 1.12, "Dây chuyền Lon 2": 0.94, "Dây chuyền Chai Thủy Tinh": 0.86,
            "Dây chuyền PET": 1.06, "Máy chiết bình 19L": 0.71}
PLANTS = {"Dây chuyền Lon 2": HAI_DUONG, "Dây chuyền Chai Thủy Tinh": HAI_DUONG, "Dây chuyền PET": DA_NANG,
          "Máy chiết bình 19L": DA_NANG}
SUPPLY = [
    ("LSX-2607-01", "SB-L330", "2026-07-06", 180000, "production_order", "released", ""),
    ("LSX-2607-02", "SB-WC26", "2026-07-03", 120000, "production_order", "firm", ""),
    ("LSX-2608-05", "SB-CH-L330", "2026-08-05", 60000, "production_order", "planned", ""),
    ("4500012877", "LM-OL-C450", "2026-07-15", 40000, "purchase_order", "firm", "Công ty TNHH Đồ uống Tân Phú"),
    ("PO/2026/0612", "SM-500", "2026-06-12", 150000, "purchase_order", "firm", "Nước khoáng Đảnh Thạnh"),
    ("PO/2026/0655", "SB00-L330", "2026-07-14", 30000, "purchase_order", "firm", "Brauerei Partner Asia Pte Ltd"),
    ("SX26-118", "SV-C450", "2026-07-20", 150000, "production_order", "planned", ""),
    ("SX26-121", "HH-C330", "2026-07-25", 40000, "production_order", "firm", ""),
    ("CK-HD-0703", "2028", "2026-07-03", 20000, "transfer", "released", HAI_DUONG),
    ("1807", "4520", "2026-07-18", 15000, "production_order", "firm", ""),
    ("PO-LH-2291", "LH-COLA-C1500", "2026-07-10", 30000, "purchase_order", "firm",
     "Công ty TNHH Đóng chai Miền Trung"),
    ("WO#5512", "LM-TX-C450", "2026-07-08", 110000, "production_order", "released", ""),
    ("TR.DN.26.07", "SM-350", "2026-07-12", 40000, "transfer", "planned", DA_NANG),
]
CUSTOMERS = ["Chuỗi siêu thị Sài Gòn Xanh", "NPP Thành Công Miền Tây", "Đại lý Minh Phát Hải Phòng",
             "Nhà hàng Hải Sản Biển Đông", "Công ty Phân phối Hưng Thịnh Đà Nẵng"]
EVENTS = [
    ("Khuyến mãi hè 2025 - bật nắp trúng thưởng", "2025-06-01", "2025-06-30", "SB-L330", "", 35, "promotion"),
    ("Tết Ất Tỵ 2025", "2025-01-10", "2025-02-05", "", "", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-01-26", "2026-02-22", "", "", 0, "holiday"),
    ("Lễ 30/4 - 1/5 năm 2026", "2026-04-30", "2026-05-01", "", "Bia lon", 10, "holiday"),
    ("Ra mắt Sóng Biển World Cup 2026", "2026-05-15", "2026-05-31", "SB-WC26", "", 0, "launch"),
    ("World Cup 2026", "2026-06-11", "2026-07-19", "", "Bia lon", 15, "promotion"),
    ("Khuyến mãi hè Lạc Hồng 2026", "2026-07-01", "2026-07-31", "", "Nước ngọt", 20, "promotion"),
    ("Quốc khánh 2/9 năm 2026", "2026-09-02", "2026-09-02", "", "", 0, "holiday"),
    ("Tết Đinh Mùi 2027", "2027-01-22", "2027-02-14", "", "Bia lon", 25, "holiday"),
]
STOCK_COVER = {"SB-L330": 0.3, "SB-WC26": 0.2, "SB-CH-L330": 0.35, "LM-TX-C450": 0.3, "SM-500": 0.25,
               "SV-C450": 0.4, "2028": 0.3, "LH-COLA-C390": 0.4,
               "1500": 6.0, "SM-KG-500": 9.0, "LH-XX-L330": 5.5, "HH-C330": 5.0, "LM-TX-C350": 4.5,
               "SB00-L330-T24": 6.0}
TET = {"2025-01": 1.45, "2025-02": 0.7, "2026-01": 1.25, "2026-02": 1.2, "2026-03": 0.7}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "beer":  # Tết buying, then the hot months; the rainy season is slow
        base = {4: 1.1, 5: 1.2, 6: 1.25, 7: 1.2, 8: 1.05, 9: 0.85, 10: 0.85, 11: 0.95, 12: 1.15}.get(month, 1.0)
        return TET.get(period, base)
    if kind == "summer":  # lemon beer and lemon tea: April to July only
        return {4: 1.3, 5: 1.5, 6: 1.6, 7: 1.4, 8: 1.1, 11: 0.7, 12: 0.7, 1: 0.8, 2: 0.7}.get(month, 1.0)
    if kind == "soft":  # soft drinks and tea: the hot season and Tết gift cases
        base = {4: 1.3, 5: 1.4, 6: 1.35, 7: 1.25, 9: 0.8, 10: 0.8, 11: 0.85}.get(month, 1.0)
        return 1.2 if period in ("2025-01", "2026-02") else base
    if kind == "water":  # water: the hottest months
        return {4: 1.4, 5: 1.45, 6: 1.35, 7: 1.2, 8: 1.1, 12: 0.8, 1: 0.8, 2: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-05", trend=0.006, pivot=13, noise=0.07,
                             promo=("SB-L330", "2025-06", 1.35))  # Khuyến mãi hè 2025


def rewrite(name: str, change) -> None:
    path = HERE / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def finish() -> None:
    """Plants from the primary line, the unit of each SKU, and the stock in the warehouse of its plant."""
    move_to_plants(HERE, ROUTING, PLANTS)
    plant_of: dict[str, str] = {}

    def set_uom(row: dict) -> None:
        row["uom"] = UOM.get(row["sku"], "lon" if " lon " in row["name"] else "chai")
        plant_of[row["sku"]] = row["plant"]

    rewrite("products.csv", set_uom)
    rewrite("inventory.csv", lambda row: row.update(location=WAREHOUSE[plant_of[row["sku"]]]))


def main() -> None:
    write_company(HERE, seed=323232, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BIEN_HOA,
                  location="Kho Biên Hòa", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-6, order_ref="DH{:07d}")
    finish()


if __name__ == "__main__":
    main()
