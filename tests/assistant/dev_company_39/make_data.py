"""Writes the monthly CSV files of dev company 39 (Công ty CP Cà phê & Trà Đồi Mây, Đồi Mây Coffee & Tea JSC, a
Vietnamese coffee and tea roaster and packer: roasted ground coffee and beans, 3in1 / 2in1 instant coffee, dried
teas, cold brew bottles, phin filters, Tết gift boxes and green coffee for export, sold in VND to café chains,
supermarkets, cafés, distributors and one Italian importer).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_39/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)]  # 24 complete months before 2027-01-11
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13) if f"{y}-{m:02d}" <= "2028-06"]
AS_OF = "2027-01-10"
BINH_DUONG = "Nhà máy Bình Dương"
BMT = "Xưởng rang Buôn Ma Thuột"

# sku, name, family, price (VND), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Cà phê rang xay (ground)
    ("RX-RB-DAM5", "Cà phê rang xay Robusta rang đậm 500g", "Cà phê rang xay", 92000, 61000, 800, 10, "active",
     9000, "ground"),
    ("RX-RB-VUA5", "Cà phê rang xay Robusta rang vừa 500g", "Cà phê rang xay", 90000, 60000, 500, 10, "active",
     5200, "ground"),
    ("RX-AR-250", "Cà phê rang xay Arabica Cầu Đất 250g", "Cà phê rang xay", 105000, 68000, 300, 12, "active",
     3800, "ground"),
    ("RX-CULI-5", "Cà phê rang xay Culi Robusta 500g", "Cà phê rang xay", 110000, 72000, 300, 10, "active", 3100,
     "ground"),
    ("RX-MOKA-250", "Cà phê rang xay Moka Cầu Đất 250g", "Cà phê rang xay", 128000, 84000, 200, 12, "active", 1900,
     "ground"),
    ("RX-SO5-500", "Cà phê rang xay Số 5 500g", "Cà phê rang xay", 85000, 56000, 1000, 10, "active", 11000,
     "ground"),
    ("RX-SO5-1KG", "Cà phê rang xay Số 5 1kg", "Cà phê rang xay", 160000, 106000, 400, 10, "active", 3600,
     "ground"),
    ("RX-SO7-500", "Cà phê rang xay Số 7 500g", "Cà phê rang xay", 98000, 64000, 500, 10, "active", 4800, "ground"),
    ("RX-B3-250", "Sương Sớm Blend 3 rang xay 250g", "Cà phê rang xay", 69000, 44000, 600, 10, "active", 7500,
     "ground"),
    # Cà phê hạt (beans)
    ("H-RB-1KG", "Cà phê hạt Robusta rang đậm 1kg", "Cà phê hạt", 175000, 118000, 500, 10, "active", 4200, "beans"),
    ("H-AR-500", "Cà phê hạt Arabica Cầu Đất rang vừa 500g", "Cà phê hạt", 195000, 128000, 300, 14, "active", 2600,
     "beans"),
    ("H-AR-1KG", "Cà phê hạt Arabica Cầu Đất rang vừa 1kg", "Cà phê hạt", 370000, 245000, 200, 14, "active", 1500,
     "beans"),
    ("H-CULI-500", "Cà phê hạt Culi Arabica 500g", "Cà phê hạt", 215000, 140000, 150, 14, "active", 1100, "beans"),
    ("H-MOKA-500", "Cà phê hạt Moka Cầu Đất 500g", "Cà phê hạt", 240000, 158000, 100, 14, "active", 700, "beans"),
    ("H-B3-1KG", "Sương Sớm Blend 3 hạt 1kg", "Cà phê hạt", 210000, 139000, 300, 10, "active", 2900, "beans"),
    ("H-B8-1KG", "Sương Sớm Blend 8 Espresso hạt 1kg", "Cà phê hạt", 265000, 172000, 250, 10, "active", 2300,
     "beans"),
    ("H-HRC-5KG", "Cà phê hạt Horeca Espresso bao 5kg", "Cà phê hạt", 980000, 690000, 40, 10, "active", 380,
     "beans"),
    # Cà phê hòa tan (instant)
    ("HT-3IN1-H18", "Cà phê hòa tan Sương Sớm 3in1 hộp 18 gói x 16g", "Cà phê hòa tan", 52000, 33000, 3000, 7,
     "active", 42000, "instant"),
    ("HT-3IN1-B50", "Cà phê hòa tan Sương Sớm 3in1 bịch 50 gói x 16g", "Cà phê hòa tan", 128000, 84000, 1200, 7,
     "active", 15000, "instant"),
    ("HT-2IN1-H12", "Cà phê hòa tan Sương Sớm 2in1 hộp 12 gói x 20g", "Cà phê hòa tan", 46000, 29000, 1000, 7,
     "active", 13000, "instant"),
    ("HT-2IN1-B40", "Cà phê hòa tan Sương Sớm 2in1 bịch 40 gói x 20g", "Cà phê hòa tan", 135000, 88000, 500, 7,
     "active", 5200, "instant"),
    ("HT-DEN-H15", "Cà phê đen hòa tan hộp 15 gói x 2g", "Cà phê hòa tan", 38000, 23000, 600, 7, "active", 7800,
     "instant"),
    # Trà (dried tea)
    ("TRA-TN-100", "Trà Thái Nguyên Tân Cương 100g", "Trà", 65000, 41000, 400, 21, "active", 4200, "tea"),
    ("TRA-TN-200", "Trà Thái Nguyên Tân Cương 200g", "Trà", 120000, 76000, 200, 21, "active", 2100, "tea"),
    ("TRA-SEN-100", "Trà sen Sương Sớm 100g", "Trà", 145000, 92000, 300, 21, "active", 2500, "tea"),
    ("TRA-LAI-100", "Trà lài Sương Sớm 100g", "Trà", 58000, 36000, 300, 21, "active", 3300, "tea"),
    ("TRA-OL-250", "Trà ô long Cầu Đất 250g", "Trà", 185000, 118000, 150, 21, "active", 1200, "tea"),
    ("TRA-OL-TL25", "Trà ô long túi lọc hộp 25 gói", "Trà", 72000, 45000, 200, 21, "active", 1600, "flat"),
    # Cold Brew (bottled, co-packed by Lam Sơn)
    ("CB-DEN-250", "Cold Brew Đen chai 250ml", "Cold Brew", 29000, 17500, 1500, 14, "active", 16000, "coldbrew"),
    ("CB-SUA-250", "Cold Brew Sữa chai 250ml", "Cold Brew", 32000, 19500, 1200, 14, "active", 13000, "coldbrew"),
    ("CB-DEN-1L", "Cold Brew Đen chai 1L", "Cold Brew", 98000, 61000, 0, 14, "discontinued", 1800, "coldbrew"),
    ("CB-CAMSA-250", "Cold Brew Cam Sả chai 250ml", "Cold Brew", 34000, 20500, 600, 14, "new", 6000, "coldbrew"),
    # Phin & Dụng cụ (bought in)
    ("PHIN-NHOM-1", "Phin nhôm 1 ly", "Phin & Dụng cụ", 18000, 9500, 500, 30, "active", 3500, "flat"),
    ("PHIN-INOX-2", "Phin inox Sương Sớm 2 ly", "Phin & Dụng cụ", 65000, 36000, 200, 30, "active", 1400, "flat"),
    ("GIAY-LOC-100", "Giấy lọc cà phê hộp 100 tờ", "Phin & Dụng cụ", 42000, 24000, 200, 30, "active", 1900, "flat"),
    # Quà Tết (gift boxes, hand-packed)
    ("QT-CF-TRA", "Hộp quà Tết Cà phê & Trà Sương Sớm", "Quà Tết", 420000, 265000, 0, 14, "active", 900,
     "giftbox"),
    ("QT-AR-PHIN", "Hộp quà Tết Arabica Cầu Đất kèm phin", "Quà Tết", 350000, 221000, 0, 14, "active", 700,
     "giftbox"),
    ("QT-TRA-SEN", "Hộp quà Tết Trà sen", "Quà Tết", 480000, 300000, 0, 14, "active", 500, "giftbox"),
    # Cà phê nhân (green coffee for export, per 60 kg bag)
    ("NX-RB-S18", "Robusta nhân xanh S18 bao 60kg", "Cà phê nhân", 6900000, 6100000, 80, 30, "active", 1300,
     "green"),
    ("NX-RB-S16", "Robusta nhân xanh S16 bao 60kg", "Cà phê nhân", 6500000, 5800000, 50, 30, "active", 700,
     "green"),
    ("NX-AR-CD", "Arabica nhân xanh Cầu Đất bao 60kg", "Cà phê nhân", 9800000, 8600000, 20, 45, "active", 160,
     "green"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    # roasters at Buôn Ma Thuột: Máy rang 2 is the Robusta / blend workhorse and the bottleneck
    ("RX-SO5-500", "Máy rang 2", 0.0040), ("RX-SO5-500", "Máy rang 3", 0.0055),
    ("RX-SO5-1KG", "Máy rang 2", 0.0080), ("RX-SO7-500", "Máy rang 2", 0.0040),
    ("H-RB-1KG", "Máy rang 2", 0.0080), ("H-RB-1KG", "Máy rang 3", 0.0110),
    ("H-B3-1KG", "Máy rang 2", 0.0080), ("H-HRC-5KG", "Máy rang 2", 0.0400),
    ("H-AR-500", "Máy rang 1", 0.0045), ("H-AR-1KG", "Máy rang 1", 0.0090), ("H-CULI-500", "Máy rang 1", 0.0045),
    ("H-MOKA-500", "Máy rang 1", 0.0050), ("H-B8-1KG", "Máy rang 1", 0.0085), ("H-B8-1KG", "Máy rang 2", 0.0080),
    ("RX-CULI-5", "Máy rang 3", 0.0055),
    # grinding / packing line at Bình Dương: ground coffee and tea
    ("RX-RB-DAM5", "Dây chuyền xay đóng gói", 0.0030), ("RX-RB-VUA5", "Dây chuyền xay đóng gói", 0.0030),
    ("RX-AR-250", "Dây chuyền xay đóng gói", 0.0020), ("RX-MOKA-250", "Dây chuyền xay đóng gói", 0.0020),
    ("RX-B3-250", "Dây chuyền xay đóng gói", 0.0020), ("TRA-TN-100", "Dây chuyền xay đóng gói", 0.0015),
    ("TRA-TN-200", "Dây chuyền xay đóng gói", 0.0020), ("TRA-SEN-100", "Dây chuyền xay đóng gói", 0.0030),
    ("TRA-LAI-100", "Dây chuyền xay đóng gói", 0.0015), ("TRA-OL-250", "Dây chuyền xay đóng gói", 0.0025),
    ("TRA-OL-TL25", "Dây chuyền xay đóng gói", 0.0020),
    # 3in1 mixing and stick-pack line
    ("HT-3IN1-H18", "Dây chuyền 3in1", 0.0012), ("HT-3IN1-B50", "Dây chuyền 3in1", 0.0032),
    ("HT-2IN1-H12", "Dây chuyền 3in1", 0.0010), ("HT-2IN1-B40", "Dây chuyền 3in1", 0.0030),
    ("HT-DEN-H15", "Dây chuyền 3in1", 0.0008),
    # gift boxes packed by hand
    ("QT-CF-TRA", "Tổ hộp quà", 0.060), ("QT-AR-PHIN", "Tổ hộp quà", 0.050), ("QT-TRA-SEN", "Tổ hộp quà", 0.070),
    # green coffee: grading and colour sorting for export
    ("NX-RB-S18", "Máy phân loại màu", 0.25), ("NX-RB-S16", "Máy phân loại màu", 0.25),
    ("NX-AR-CD", "Máy phân loại màu", 0.35),
]
CAPACITY = {"Máy rang 1": 0.94, "Máy rang 2": 1.22, "Máy rang 3": 0.52, "Dây chuyền xay đóng gói": 0.86,
            "Dây chuyền 3in1": 1.12, "Tổ hộp quà": 0.45, "Máy phân loại màu": 0.55}
PLANTS = {"Máy rang 1": BMT, "Máy rang 2": BMT, "Máy rang 3": BMT, "Máy phân loại màu": BMT}
SUPPLY = [
    # green coffee contracts with the cooperatives (ĐL = Đắk Lắk, LĐ = Lâm Đồng)
    ("HĐ-ĐL/2611-07", "NX-RB-S18", "2027-01-05", 600, "purchase_order", "firm", "HTX Cà phê Ea Tu"),
    ("HĐ-ĐL/2701-03", "NX-RB-S16", "2027-01-28", 400, "purchase_order", "planned", "HTX Cà phê Ea Tu"),
    ("HĐ-LĐ/2612-02", "NX-AR-CD", "2027-02-15", 120, "purchase_order", "firm", "HTX Nông nghiệp Xuân Trường"),
    # roasting orders (LR = lệnh rang, then the roaster)
    ("LR2-2701-04", "RX-SO5-500", "2027-01-18", 6000, "production_order", "firm", ""),
    ("LR2-2701-07", "H-B3-1KG", "2027-01-22", 1500, "production_order", "released", ""),
    ("LR1-2701-02", "H-AR-500", "2027-01-15", 900, "production_order", "firm", ""),
    ("LR1-2702-01", "H-AR-1KG", "2027-02-08", 800, "production_order", "planned", ""),
    # instant coffee mixing / stick-pack orders, named by the line and their due day
    ("3IN1-0127", "HT-3IN1-H18", "2027-01-27", 20000, "production_order", "firm", ""),
    ("3IN1-0210", "HT-3IN1-B50", "2027-02-10", 8000, "production_order", "planned", ""),
    # gift boxes and ground coffee packing
    ("HQ-2701-A", "QT-CF-TRA", "2027-01-16", 800, "production_order", "released", ""),
    ("DG-0120", "RX-AR-250", "2027-01-20", 2500, "production_order", "firm", ""),
    # bought in
    ("4510078821", "CB-DEN-250", "2027-01-25", 9000, "purchase_order", "firm", "Công ty Đồ uống Lam Sơn"),
    ("4510078835", "CB-CAMSA-250", "2027-02-05", 5000, "purchase_order", "planned", "Công ty Đồ uống Lam Sơn"),
    ("NVH/26/118", "PHIN-INOX-2", "2027-01-14", 1500, "purchase_order", "firm", "Cơ khí Nhôm Việt Hưng"),
    # roasted beans moved from the roastery to the Bình Dương warehouse
    ("CK-BMT-BD-0122", "H-RB-1KG", "2027-01-22", 1500, "transfer", "released", BMT),
]
CUSTOMERS = ["Chuỗi cà phê Góc Phố", "Siêu thị Hòa Bình Mart", "WinLife Mart", "Café Mộc Lan",
             "Nhà phân phối Phú An", "Bellini Caffè Import S.r.l."]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-27", "2025-02-02", "", "", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Khuyến mãi 3in1 tháng 10", "2026-10-01", "2026-10-31", "HT-3IN1-H18", "", 50, "promotion"),
    ("Ra mắt Cold Brew Cam Sả", "2026-10-01", "2026-10-31", "CB-CAMSA-250", "", 0, "launch"),
    ("Mùa quà Tết 2027", "2026-12-01", "2027-02-05", "", "Quà Tết", 0, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-04", "2027-02-12", "", "", 0, "holiday"),
    ("Hè Cold Brew 2027", "2027-04-15", "2027-07-31", "", "Cold Brew", 20, "promotion"),
]
STOCK_COVER = {
    # thin: shortages to find
    "RX-SO5-500": 0.35, "HT-3IN1-H18": 0.4, "QT-CF-TRA": 0.35, "QT-AR-PHIN": 0.6, "H-AR-500": 0.3,
    "TRA-SEN-100": 0.3, "CB-DEN-250": 0.25, "NX-RB-S18": 0.2, "H-B3-1KG": 0.4, "RX-AR-250": 0.35,
    "HT-2IN1-H12": 0.5,
    # heavy: overstock (over 3 months of cover)
    "H-HRC-5KG": 7.0, "TRA-OL-TL25": 6.0, "PHIN-NHOM-1": 8.0, "NX-RB-S16": 5.0, "H-MOKA-500": 5.5,
    "CB-DEN-1L": 9.0, "GIAY-LOC-100": 4.5,
}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "ground":  # households and small cafés stock up before Tết, the dead Tết month
        return {12: 1.15, 1: 1.25, 2: 0.75}.get(month, 1.0)
    if kind == "beans":  # cafés and chains: flat, Tết closures
        return {2: 0.7, 6: 1.05, 7: 1.05}.get(month, 1.0)
    if kind == "instant":  # supermarkets before Tết
        return {11: 1.1, 12: 1.35, 1: 1.5, 2: 0.6}.get(month, 1.0)
    if kind == "tea":  # Tết and the Vu Lan / mid-autumn gifts
        return {8: 1.1, 9: 1.1, 12: 1.3, 1: 1.6, 2: 0.7}.get(month, 1.0)
    if kind == "coldbrew":  # the hot season
        return {1: 0.75, 2: 0.7, 3: 0.9, 4: 1.2, 5: 1.35, 6: 1.35, 7: 1.25, 12: 0.8}.get(month, 1.0)
    if kind == "giftbox":  # Tết gift boxes sell in December and January
        return {11: 0.6, 12: 2.6, 1: 3.4, 2: 0.25}.get(month, 0.08)
    if kind == "green":  # export green coffee after the Robusta harvest
        return {11: 1.2, 12: 1.4, 1: 1.4, 2: 1.2, 3: 1.1, 8: 0.6, 9: 0.6}.get(month, 1.0)
    return {2: 0.8}.get(month, 1.0)


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.006, pivot=12, noise=0.08,
                             promo=("HT-3IN1-H18", "2026-10", 1.5))  # Khuyến mãi 3in1 tháng 10


def main() -> None:
    write_company(HERE, seed=393939, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="Kho Tân Uyên", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-3, order_ref="DH-{:05d}")
    move_to_plants(HERE, ROUTING, PLANTS)


if __name__ == "__main__":
    main()
