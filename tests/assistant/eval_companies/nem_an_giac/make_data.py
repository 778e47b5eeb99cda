"""Writes the monthly CSV files of the held-out company nem_an_giac (Công ty CP Chăn Ga Gối Nệm An Giấc, a
Vietnamese maker of mattresses, bedding and pillows with a mattress plant in Bình Dương and a sewing plant in
Hưng Yên, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/eval_companies/nem_an_giac/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-01" <= f"{y}-{m:02d}" <= "2027-02"]  # 26 complete months before 2027-03-10
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-03" <= f"{y}-{m:02d}" <= "2028-08"]
AS_OF = "2027-03-09"
BINH_DUONG = "Nhà máy Bình Dương"
HUNG_YEN = "Nhà máy Hưng Yên"
KHO_TAN_UYEN = "Kho Tân Uyên"
KHO_VAN_LAM = "Kho Văn Lâm"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Nệm cao su: the latex mattresses (moulded in Bình Dương)
    ("NCS-TN-1620-10", "Nệm cao su thiên nhiên 1m6x2m 10cm", "Nệm cao su", 9800000, 6100000, 60, 21, "active",
     420, "mattress"),
    ("NCS-TN-1620-15", "Nệm cao su thiên nhiên 1m6x2m 15cm", "Nệm cao su", 13500000, 8400000, 50, 21, "active",
     380, "mattress"),
    ("NCS-TN-1820-15", "Nệm cao su thiên nhiên 1m8x2m 15cm", "Nệm cao su", 15200000, 9500000, 40, 21, "active",
     260, "mattress"),
    ("NCS-TN-1420-10", "Nệm cao su thiên nhiên 1m4x2m 10cm", "Nệm cao su", 8200000, 5200000, 0, 21,
     "discontinued", 70, "mattress"),
    ("NCS-HG-1820-20", "Nệm cao su Hoàng Gia 1m8x2m 20cm", "Nệm cao su", 21900000, 13200000, 15, 28, "active",
     90, "mattress"),
    # Nệm lò xo: pocket and bonnell springs
    ("NLX-HG-1620", "Nệm lò xo túi Hoàng Gia 1m6x2m 25cm", "Nệm lò xo", 12900000, 7600000, 60, 21, "active", 340,
     "mattress"),
    ("NLX-HG-1820", "Nệm lò xo túi Hoàng Gia 1m8x2m 25cm", "Nệm lò xo", 14900000, 8800000, 40, 21, "active", 230,
     "mattress"),
    ("2028", "Nệm lò xo túi 7 vùng Êm Ru 1m6x2m 28cm", "Nệm lò xo", 16500000, 9900000, 30, 28, "new", 160,
     "mattress"),
    ("NLX-BS-1620", "Nệm lò xo liên kết Bông Sen 1m6x2m 22cm", "Nệm lò xo", 6200000, 3700000, 80, 14, "active",
     520, "mattress"),
    ("NLX-BS-1820", "Nệm lò xo liên kết Bông Sen 1m8x2m 22cm", "Nệm lò xo", 6900000, 4100000, 50, 14, "active",
     310, "mattress"),
    # Nệm foam
    ("NFO-MAY-1620-10", "Nệm foam Mây 1m6x2m 10cm", "Nệm foam", 3900000, 2200000, 90, 14, "active", 610,
     "mattress"),
    ("NFO-MAY-1820-10", "Nệm foam Mây 1m8x2m 10cm", "Nệm foam", 4400000, 2500000, 50, 14, "active", 330,
     "mattress"),
    ("NFO-GAP3-1620", "Nệm foam gấp 3 Bông Sen 1m6x2m 9cm", "Nệm foam", 2650000, 1450000, 120, 14, "active", 780,
     "mattress"),
    ("NFO-GAP3-1220", "Nệm foam gấp 3 Bông Sen 1m2x2m 9cm", "Nệm foam", 2150000, 1180000, 80, 14, "active", 540,
     "flat"),
    ("NFO-TOP-1620", "Tấm topper foam Mây 1m6x2m 5cm", "Nệm foam", 1850000, 950000, 60, 14, "active", 400,
     "flat"),
    # Ga gối: sheet sets (sewn in Hưng Yên)
    ("GG-TC-1620-XAM", "Bộ ga gối Tencel 1m6x2m Xám", "Ga gối", 1450000, 720000, 150, 10, "active", 900,
     "bedding"),
    ("GG-TC-1620-KEM", "Bộ ga gối Tencel 1m6x2m Kem", "Ga gối", 1450000, 720000, 120, 10, "active", 760,
     "bedding"),
    ("GG-TC-1820-XAM", "Bộ ga gối Tencel 1m8x2m Xám", "Ga gối", 1650000, 820000, 90, 10, "active", 520,
     "bedding"),
    ("GG-CT-1620-TRG", "Bộ ga gối Cotton 60s 1m6x2m Trắng", "Ga gối", 990000, 470000, 180, 10, "active", 1100,
     "bedding"),
    ("GG-CT-1820-TRG", "Bộ ga gối Cotton 60s 1m8x2m Trắng", "Ga gối", 1150000, 550000, 100, 10, "active", 640,
     "bedding"),
    ("GG-5M-1820-XN", "Bộ chăn ga gối Tencel 5 món 1m8x2m Xanh ngọc", "Ga gối", 3200000, 1650000, 40, 14,
     "active", 260, "bedding"),
    # Chăn: duvets and summer blankets
    ("CH-LV-2022", "Chăn đông lông vũ Hoàng Gia 2mx2m2", "Chăn", 4800000, 2600000, 30, 21, "active", 300,
     "winter"),
    ("CH-4M-2022", "Chăn bốn mùa Bông Sen 2mx2m2", "Chăn", 1390000, 700000, 80, 14, "active", 820, "allseason"),
    ("CH-HE-TC-1820", "Chăn hè Tencel 1m8x2m", "Chăn", 890000, 430000, 120, 10, "active", 700, "summer"),
    ("CH-HE-TC-1520", "Chăn hè Tencel 1m5x2m", "Chăn", 790000, 380000, 100, 10, "active", 560, "summer"),
    # Gối: pillows (filled in Hưng Yên, latex and memory foam ones bought in)
    ("GOI-CSN-4060", "Gối cao su non 40x60", "Gối", 390000, 180000, 400, 21, "active", 2400, "pillow"),
    ("GOI-CSN-4060-C2", "Gối cao su non 40x60 (cặp 2 chiếc)", "Gối", 740000, 350000, 150, 21, "active", 950,
     "pillow"),
    ("GOI-HG-CS-4060", "Gối cao su thiên nhiên Hoàng Gia 40x60", "Gối", 890000, 430000, 100, 35, "active", 600,
     "pillow"),
    ("GOI-LV-5070", "Gối lông vũ 50x70", "Gối", 650000, 300000, 150, 28, "active", 800, "pillow"),
    ("GOI-BS-4565-L4", "Ruột gối Bông Sen 45x65 (lốc 4)", "Gối", 520000, 240000, 200, 10, "active", 1300,
     "pillow"),
    ("GOI-OM-BS", "Gối ôm Bông Sen 35x100", "Gối", 280000, 120000, 150, 10, "active", 900, "flat"),
    # Chiếu: cooling mats for the hot season
    ("CHIEU-DH-1620", "Chiếu điều hòa cao su non 1m6x2m", "Chiếu", 650000, 310000, 150, 14, "active", 500,
     "summer"),
    ("CHIEU-DH-1820", "Chiếu điều hòa cao su non 1m8x2m", "Chiếu", 720000, 350000, 120, 14, "active", 380,
     "summer"),
]
ROUTING = [
    ("NCS-TN-1620-10", "Dây chuyền cán cao su", 0.35), ("NCS-TN-1620-15", "Dây chuyền cán cao su", 0.45),
    ("NCS-TN-1820-15", "Dây chuyền cán cao su", 0.52), ("NCS-TN-1420-10", "Dây chuyền cán cao su", 0.32),
    ("NCS-HG-1820-20", "Dây chuyền cán cao su", 0.70),
    ("NLX-HG-1620", "Dây chuyền lò xo túi", 0.55), ("NLX-HG-1820", "Dây chuyền lò xo túi", 0.62),
    ("2028", "Dây chuyền lò xo túi", 0.80),
    ("NLX-BS-1620", "Dây chuyền lò xo liên kết", 0.30), ("NLX-BS-1820", "Dây chuyền lò xo liên kết", 0.34),
    ("NFO-MAY-1620-10", "Máy cắt mút CNC", 0.08), ("NFO-MAY-1820-10", "Máy cắt mút CNC", 0.09),
    ("NFO-GAP3-1620", "Máy cắt mút CNC", 0.10), ("NFO-GAP3-1220", "Máy cắt mút CNC", 0.08),
    ("NFO-TOP-1620", "Máy cắt mút CNC", 0.05),
    ("CHIEU-DH-1620", "Máy cắt mút CNC", 0.06), ("CHIEU-DH-1820", "Máy cắt mút CNC", 0.07),
    ("GG-TC-1620-XAM", "Chuyền may ga gối 1", 0.25), ("GG-TC-1620-XAM", "Chuyền may ga gối 2", 0.28),
    ("GG-TC-1620-KEM", "Chuyền may ga gối 1", 0.25), ("GG-TC-1820-XAM", "Chuyền may ga gối 1", 0.28),
    ("GG-5M-1820-XN", "Chuyền may ga gối 1", 0.60),
    ("GG-CT-1620-TRG", "Chuyền may ga gối 2", 0.20), ("GG-CT-1820-TRG", "Chuyền may ga gối 2", 0.22),
    ("CH-LV-2022", "Máy chần bông", 0.40), ("CH-4M-2022", "Máy chần bông", 0.30),
    ("CH-HE-TC-1820", "Máy chần bông", 0.18), ("CH-HE-TC-1520", "Máy chần bông", 0.16),
    ("GOI-BS-4565-L4", "Máy nhồi gối", 0.06), ("GOI-OM-BS", "Máy nhồi gối", 0.05),
]
CAPACITY = {"Dây chuyền cán cao su": 0.92, "Dây chuyền lò xo túi": 1.12, "Dây chuyền lò xo liên kết": 0.78,
            "Máy cắt mút CNC": 1.04, "Chuyền may ga gối 1": 0.95, "Chuyền may ga gối 2": 0.83,
            "Máy chần bông": 1.07, "Máy nhồi gối": 0.70}
PLANTS = {"Chuyền may ga gối 1": HUNG_YEN, "Chuyền may ga gối 2": HUNG_YEN, "Máy chần bông": HUNG_YEN,
          "Máy nhồi gối": HUNG_YEN}
SUPPLY = [
    ("LSX-2703-015", "NLX-HG-1620", "2027-03-26", 400, "production_order", "released", ""),
    ("LSX-2703-022", "NCS-TN-1620-15", "2027-04-08", 350, "production_order", "firm", ""),
    ("LSX-2702-031", "CHIEU-DH-1620", "2027-03-02", 1200, "production_order", "released", ""),
    ("LSX-2703-040", "CH-HE-TC-1820", "2027-04-02", 1500, "production_order", "firm", ""),
    ("LSX-2704-003", "CH-HE-TC-1520", "2027-04-28", 1200, "production_order", "planned", ""),
    ("2704", "2028", "2027-04-20", 250, "production_order", "planned", ""),
    ("4500031876", "GOI-HG-CS-4060", "2027-04-15", 1500, "purchase_order", "firm", "Siam Latex Co., Ltd"),
    ("PO/2027/014", "GOI-LV-5070", "2027-03-31", 2000, "purchase_order", "firm", "Lông vũ Việt Phát"),
    ("PO-88213", "GOI-CSN-4060-C2", "2027-04-05", 1000, "purchase_order", "firm", "Công ty Mút Xốp Tân Phú"),
    ("NK.0412", "CHIEU-DH-1820", "2027-04-12", 800, "purchase_order", "firm", "Guangzhou Cool Mat Co."),
    ("CK-HY-0317", "GG-TC-1620-XAM", "2027-03-17", 1200, "transfer", "released", HUNG_YEN),
]
CUSTOMERS = ["Nội thất Phố Xinh", "Đại lý Minh Phát Cần Thơ", "Khách sạn Sao Biển Nha Trang",
             "Kênh online An Giấc", "Đại lý Thanh Bình Hải Phòng"]
EVENTS = [
    ("Siêu sale 6.6 2025", "2025-06-06", "2025-06-08", "", "Nệm foam", 20, "promotion"),
    ("Sale 11.11 2025", "2025-11-11", "2025-11-13", "", "Nệm foam", 25, "promotion"),
    ("Tết Bính Ngọ 2026", "2026-01-20", "2026-02-16", "", "Ga gối", 30, "holiday"),
    ("Siêu sale 6.6 2026", "2026-06-06", "2026-06-08", "", "Nệm foam", 20, "promotion"),
    ("Ra mắt Êm Ru 7 vùng", "2026-10-01", "2026-10-31", "2028", "", 0, "launch"),
    ("Sale 11.11 2026", "2026-11-11", "2026-11-13", "NFO-MAY-1620-10", "", 60, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-01-10", "2027-02-05", "", "Ga gối", 30, "holiday"),
    ("Mùa hè 2027 - chiếu điều hòa", "2027-04-15", "2027-07-31", "", "Chiếu", 25, "promotion"),
    ("Siêu sale 6.6 2027", "2027-06-06", "2027-06-08", "", "Nệm foam", 20, "promotion"),
]
STOCK_COVER = {"NLX-HG-1620": 0.3, "CHIEU-DH-1620": 0.5, "CHIEU-DH-1820": 0.6, "CH-HE-TC-1820": 0.7,
               "GOI-HG-CS-4060": 0.3, "2028": 0.25, "GG-TC-1620-XAM": 0.35, "NCS-TN-1620-15": 0.4,
               "CH-HE-TC-1520": 1.0,
               "CH-LV-2022": 4.0, "CH-4M-2022": 4.5, "NCS-TN-1420-10": 12.0, "GG-5M-1820-XN": 5.0,
               "NFO-GAP3-1220": 5.5, "GOI-OM-BS": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "mattress":  # mattresses: the wedding season, the weeks before Tết and the mid-year sale
        return {9: 1.1, 10: 1.15, 11: 1.2, 12: 1.3, 1: 1.25, 2: 0.75, 6: 1.1}.get(month, 1.0)
    if kind == "bedding":  # sheet sets: new sheets for Tết, weddings
        return {10: 1.15, 11: 1.2, 12: 1.45, 1: 1.6, 2: 0.7, 3: 0.85}.get(month, 1.0)
    if kind == "winter":  # down duvets: the northern winter, nothing from March
        return {9: 0.6, 10: 1.3, 11: 1.8, 12: 2.2, 1: 2.0, 2: 0.8, 3: 0.4, 4: 0.2, 5: 0.15, 6: 0.15, 7: 0.15,
                8: 0.25}.get(month, 1.0)
    if kind == "allseason":
        return {11: 1.3, 12: 1.5, 1: 1.5, 2: 0.9, 5: 0.7, 6: 0.7, 7: 0.7}.get(month, 1.0)
    if kind == "summer":  # summer blankets and cooling mats: April to August
        return {3: 0.8, 4: 1.4, 5: 1.9, 6: 2.1, 7: 1.8, 8: 1.2, 9: 0.7, 10: 0.5, 11: 0.4, 12: 0.3, 1: 0.3,
                2: 0.4}.get(month, 1.0)
    if kind == "pillow":
        return {12: 1.2, 1: 1.3, 2: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.006, pivot=13, noise=0.09,
                             promo=("NFO-MAY-1620-10", "2026-11", 1.7))  # Sale 11.11 2026


def split_locations() -> None:
    """Stock of the SKUs made in Hưng Yên sits in Kho Văn Lâm, the rest in Kho Tân Uyên."""
    with (HERE / "products.csv").open(encoding="utf-8", newline="") as fh:
        plant = {row["sku"]: row["plant"] for row in csv.DictReader(fh)}
    path = HERE / "inventory.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if plant.get(row["sku"]) == HUNG_YEN:
            row["location"] = KHO_VAN_LAM
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=270310, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location=KHO_TAN_UYEN, products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-5, order_ref="DH-{:06d}")
    move_to_plants(HERE, ROUTING, PLANTS)
    split_locations()


if __name__ == "__main__":
    main()
