"""Writes the monthly CSV files of dev company 15 (Công ty CP Vật liệu Xây dựng Sông Hồng, a Vietnamese maker of
paint, cement, tiles, tile adhesive and waterproofing, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_15/make_data.py
"""

from __future__ import annotations

import csv
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
BINH_DUONG = "Nhà máy Bình Dương"
HAI_DUONG = "Nhà máy Hải Dương"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("SN-MX-5", "Sơn nội thất Mùa Xuân thùng 5 lít", "Sơn nước", 520000, 250000, 800, 10, "active", 4200, "tet"),
    ("SN-MX-18", "Sơn nội thất Mùa Xuân thùng 18 lít", "Sơn nước", 1650000, 790000, 500, 10, "active", 2600, "tet"),
    ("SN-TT-5", "Sơn ngoại thất Trời Thu thùng 5 lít", "Sơn nước", 690000, 330000, 500, 10, "active", 2500, "tet"),
    ("SN-TT-18", "Sơn ngoại thất Trời Thu thùng 18 lít", "Sơn nước", 2250000, 1080000, 300, 10, "active", 1500, "tet"),
    ("SN-LOT-18", "Sơn lót chống kiềm thùng 18 lít", "Sơn nước", 1350000, 610000, 300, 10, "active", 1700, "build"),
    ("SN-CN-18", "Sơn chống nóng mái tôn thùng 18 lít", "Sơn nước", 1900000, 880000, 150, 10, "new", 700, "build"),
    ("XM-PCB40-50", "Xi măng PCB40 bao 50kg", "Xi măng", 92000, 61000, 20000, 7, "active", 110000, "build"),
    ("XM-PCB40-40", "Xi măng PCB40 bao 40kg", "Xi măng", 76000, 50000, 8000, 7, "active", 42000, "build"),
    ("XM-PCB30-50", "Xi măng PCB30 bao 50kg", "Xi măng", 84000, 56000, 10000, 7, "active", 60000, "build"),
    ("XM-TRANG-40", "Xi măng trắng bao 40kg", "Xi măng", 210000, 130000, 1000, 14, "active", 5200, "build"),
    ("4050", "Vữa xây trộn sẵn bao 40kg", "Xi măng", 98000, 60000, 3000, 7, "active", 16000, "build"),
    ("G-6060-BONG", "Gạch lát nền 60x60 men bóng", "Gạch", 185000, 102000, 3000, 14, "active", 15000, "build"),
    ("G-6060-MO", "Gạch lát nền 60x60 men mờ", "Gạch", 175000, 97000, 2000, 14, "active", 9800, "build"),
    ("G-8080-BONG", "Gạch lát nền 80x80 men bóng", "Gạch", 320000, 180000, 1000, 14, "active", 5100, "build"),
    ("G-3060-OP", "Gạch ốp tường 30x60", "Gạch", 150000, 82000, 2000, 14, "active", 11000, "build"),
    ("G-TT-4040", "Gạch sân vườn Trời Thu 40x40", "Gạch", 140000, 76000, 600, 14, "active", 3200, "build"),
    ("KDG-STD-25", "Keo dán gạch tiêu chuẩn bao 25kg", "Keo dán gạch", 165000, 82000, 2500, 7, "active", 13000,
     "build"),
    ("KDG-STD-5", "Keo dán gạch tiêu chuẩn bao 5kg", "Keo dán gạch", 45000, 21000, 1500, 7, "active", 7600, "build"),
    ("KDG-CAO-25", "Keo dán gạch cao cấp bao 25kg", "Keo dán gạch", 245000, 120000, 800, 7, "active", 4300, "build"),
    ("KDG-CAO-5", "Keo dán gạch cao cấp bao 5kg", "Keo dán gạch", 62000, 29000, 500, 7, "active", 2600, "build"),
    ("KDG-RON-1", "Keo chà ron trắng 1kg", "Keo dán gạch", 28000, 11000, 1500, 7, "active", 8800, "build"),
    ("CT-PU-5", "Chống thấm gốc PU thùng 5 lít", "Chống thấm", 780000, 380000, 300, 14, "active", 1800, "rain"),
    ("CT-PU-18", "Chống thấm gốc PU thùng 18 lít", "Chống thấm", 2600000, 1250000, 150, 14, "active", 800, "rain"),
    ("CT-XM-20", "Chống thấm gốc xi măng bao 20kg", "Chống thấm", 420000, 200000, 500, 14, "active", 2900, "rain"),
]
ROUTING = [
    ("SN-MX-5", "Dây chuyền pha sơn", 0.0020), ("SN-MX-18", "Dây chuyền pha sơn", 0.0060),
    ("SN-TT-5", "Dây chuyền pha sơn", 0.0020), ("SN-TT-18", "Dây chuyền pha sơn", 0.0060),
    ("SN-LOT-18", "Dây chuyền pha sơn", 0.0050), ("SN-CN-18", "Dây chuyền pha sơn", 0.0060),
    ("SN-MX-5", "Dây chuyền chiết thùng", 0.0008), ("SN-MX-18", "Dây chuyền chiết thùng", 0.0012),
    ("CT-PU-5", "Dây chuyền chiết thùng", 0.0010), ("CT-PU-18", "Dây chuyền chiết thùng", 0.0015),
    ("XM-PCB40-50", "Máy nghiền xi măng", 0.00030), ("XM-PCB40-40", "Máy nghiền xi măng", 0.00025),
    ("XM-PCB30-50", "Máy nghiền xi măng", 0.00030), ("XM-TRANG-40", "Máy nghiền xi măng", 0.00050),
    ("4050", "Trạm trộn keo", 0.0010), ("CT-XM-20", "Trạm trộn keo", 0.0012),
    ("KDG-STD-25", "Trạm trộn keo", 0.0010), ("KDG-STD-5", "Trạm trộn keo", 0.0004),
    ("KDG-CAO-25", "Trạm trộn keo", 0.0012), ("KDG-CAO-5", "Trạm trộn keo", 0.0005),
    ("KDG-RON-1", "Trạm trộn keo", 0.0002),
    ("G-6060-BONG", "Lò nung gạch 1", 0.0020), ("G-6060-MO", "Lò nung gạch 1", 0.0020),
    ("G-8080-BONG", "Lò nung gạch 2", 0.0035), ("G-3060-OP", "Lò nung gạch 2", 0.0015),
    ("G-TT-4040", "Lò nung gạch 2", 0.0018),
]
CAPACITY = {"Dây chuyền pha sơn": 1.1, "Dây chuyền chiết thùng": 0.7, "Máy nghiền xi măng": 0.9,
            "Trạm trộn keo": 0.8, "Lò nung gạch 1": 1.04, "Lò nung gạch 2": 0.75}
PLANTS = {"Máy nghiền xi măng": HAI_DUONG, "Lò nung gạch 1": HAI_DUONG, "Lò nung gạch 2": HAI_DUONG}
SUPPLY = [
    ("4600051230", "SN-MX-18", "2026-12-05", 3000, "production_order", "firm", ""),
    ("4600051238", "SN-TT-5", "2027-01-10", 2500, "production_order", "planned", ""),
    ("DH/26/301", "CT-PU-18", "2026-12-15", 600, "purchase_order", "firm", "Hóa chất Đông Nam Á"),
    ("PO-1101", "KDG-RON-1", "2026-11-04", 10000, "purchase_order", "firm", "Bột màu Tân Phú"),
    ("LSX-2611", "XM-PCB40-50", "2026-11-25", 90000, "production_order", "released", ""),
    ("LSX-2618", "G-6060-BONG", "2026-12-08", 14000, "production_order", "firm", ""),
    ("2027-LSX-01", "XM-TRANG-40", "2027-01-06", 6000, "production_order", "planned", ""),
    ("26.11.08", "KDG-STD-25", "2026-11-27", 9000, "production_order", "released", ""),
    ("500", "SN-LOT-18", "2026-12-02", 1500, "production_order", "firm", ""),
    ("PN.26.14", "G-3060-OP", "2026-11-21", 5000, "transfer", "released", "Kho Long Biên"),
]
CUSTOMERS = ["Đại lý VLXD Minh Phát", "Công ty Xây dựng Hòa Bình", "Cửa hàng Sơn Hải Âu", "Vingroup Xây dựng"]
EVENTS = [
    ("Tết 2026", "2025-12-15", "2026-02-10", "", "Sơn nước", 40, "holiday"),
    ("Mùa xây dựng 2026", "2026-03-01", "2026-06-30", "", "Xi măng", 25, "other"),
    ("Khuyến mãi keo dán gạch tháng 5", "2026-05-01", "2026-05-31", "KDG-STD-25", "", 30, "promotion"),
    ("Ra mắt sơn chống nóng", "2026-09-01", "2026-09-30", "SN-CN-18", "", 0, "launch"),
    ("Tết 2027", "2026-12-15", "2027-02-05", "", "Sơn nước", 40, "holiday"),
    ("Mùa xây dựng 2027", "2027-03-01", "2027-06-30", "", "Xi măng", 25, "other"),
]
STOCK_COVER = {"SN-MX-18": 0.3, "XM-PCB40-50": 0.3, "G-6060-BONG": 0.35, "CT-PU-18": 0.3, "KDG-RON-1": 0.3,
               "SN-LOT-18": 0.35, "G-8080-BONG": 6.0, "XM-TRANG-40": 5.2, "KDG-CAO-5": 4.8, "SN-TT-18": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # painting before Tết
        return {11: 1.3, 12: 1.7, 1: 1.8, 2: 0.6}.get(month, 1.0)
    if kind == "build":  # dry-season building
        return {3: 1.2, 4: 1.3, 5: 1.3, 6: 1.1, 8: 0.8, 9: 0.8, 2: 0.6}.get(month, 1.0)
    if kind == "rain":  # before and in the rains
        return {4: 1.3, 5: 1.5, 6: 1.5, 7: 1.3, 12: 0.7, 1: 0.7}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-09", trend=0.003, pivot=12, noise=0.08,
                             promo=("KDG-STD-25", "2026-05", 1.3))  # tile-adhesive promotion


def set_plants() -> None:
    """Put the cement mill and the kilns, and the SKUs whose primary resource they are, on the Hải Dương plant."""
    primary: dict[str, str] = {}
    for sku, resource, _ in ROUTING:
        primary.setdefault(sku, resource)
    for name, key in (("capacity.csv", "resource"), ("products.csv", "sku")):
        path = HERE / name
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            resource = row[key] if key == "resource" else primary.get(row[key])
            if resource in PLANTS:
                row["plant"] = PLANTS[resource]
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=151515, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="Kho Long Biên", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  order_ref="DB-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
