"""Writes the monthly CSV files of dev company 41 (Công ty CP Thép Lạc Hồng, Lac Hong Steel JSC, a Vietnamese
steel maker and trader: rebar and wire rod rolled at Nhà máy Phú Mỹ, black and galvanised pipes, box sections,
galvalume and colour-coated roofing sheets made at Nhà máy Hưng Yên, and billets / hot-rolled coil traded on).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_41/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-08" <= f"{y}-{m:02d}" <= "2026-07"]  # 24 complete months before 2026-08-19
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-08" <= f"{y}-{m:02d}" <= "2028-01"]
AS_OF = "2026-08-17"
PHU_MY = "Nhà máy Phú Mỹ"
HUNG_YEN = "Nhà máy Hưng Yên"

# sku, name, family, price (VND), cost, safety stock, lead time, status, base monthly units, season
RB = "Thép thanh vằn"
PRODUCTS = [
    ("TV-D10-CB3", "Thép thanh vằn D10 CB300-V 11.7m", RB, 14_200_000, 13_300_000, 0, 10, "discontinued", 300, "rebar"),
    ("TV-D10-CB4", "Thép thanh vằn D10 CB400-V 11.7m", RB, 14_600_000, 13_500_000, 150, 10, "active", 900, "rebar"),
    ("TV-D12-CB3", "Thép thanh vằn D12 CB300-V 11.7m", RB, 14_300_000, 13_250_000, 80, 10, "active", 500, "rebar"),
    ("TV-D12-CB4", "Thép thanh vằn D12 CB400-V 11.7m", RB, 14_550_000, 13_450_000, 180, 10, "active", 1100, "rebar"),
    ("TV-D14-CB4", "Thép thanh vằn D14 CB400-V 11.7m", RB, 14_500_000, 13_400_000, 120, 10, "active", 700, "rebar"),
    ("TV-D16-CB4", "Thép thanh vằn D16 CB400-V 11.7m", RB, 14_450_000, 13_350_000, 250, 10, "active", 1500, "rebar"),
    ("TV-D16-CB5", "Thép thanh vằn D16 CB500-V 11.7m", RB, 14_900_000, 13_700_000, 60, 14, "active", 400, "rebar"),
    ("TV-D18-CB4", "Thép thanh vằn D18 CB400-V 11.7m", RB, 14_450_000, 13_350_000, 130, 10, "active", 800, "rebar"),
    ("TV-D20-CB4", "Thép thanh vằn D20 CB400-V 11.7m", RB, 14_450_000, 13_350_000, 160, 10, "active", 1000, "rebar"),
    ("TV-D20-CB5", "Thép thanh vằn D20 CB500-V 11.7m", RB, 14_900_000, 13_700_000, 50, 14, "active", 350, "rebar"),
    ("TV-D22-CB4", "Thép thanh vằn D22 CB400-V 11.7m", RB, 14_450_000, 13_350_000, 100, 10, "active", 600, "rebar"),
    ("TV-D25-CB4", "Thép thanh vằn D25 CB400-V 11.7m", RB, 14_450_000, 13_350_000, 110, 10, "active", 700, "rebar"),
    ("TV-D25-CB5", "Thép thanh vằn D25 CB500-V 11.7m", RB, 14_950_000, 13_750_000, 80, 14, "active", 450, "rebar"),
    ("TV-D32-CB5", "Thép thanh vằn D32 CB500-V 11.7m", RB, 15_100_000, 13_900_000, 40, 14, "new", 200, "rebar"),
    ("TC-P6-240", "Thép cuộn Tân Long phi 6 CB240-T",
     "Thép cuộn", 14_100_000, 13_100_000, 200, 7, "active", 1200, "rebar"),
    ("TC-P8-240", "Thép cuộn Tân Long phi 8 CB240-T",
     "Thép cuộn", 14_050_000, 13_050_000, 220, 7, "active", 1400, "rebar"),
    ("TC-P8-300", "Thép cuộn Tân Long phi 8 CB300-T",
     "Thép cuộn", 14_250_000, 13_200_000, 80, 7, "active", 500, "rebar"),
    ("OD-21-18", "Ống thép đen phi 21 dày 1.8 ly 6m", "Ống thép đen", 520_000, 455_000, 150, 7, "active", 900, "pipe"),
    ("OD-27-18", "Ống thép đen phi 27 dày 1.8 ly 6m", "Ống thép đen", 640_000, 560_000, 120, 7, "active", 800, "pipe"),
    ("OD-34-18", "Ống thép đen phi 34 dày 1.8 ly 6m", "Ống thép đen", 790_000, 690_000, 100, 7, "active", 700, "pipe"),
    ("OD-34-20", "Ống thép đen phi 34 dày 2.0 ly 6m", "Ống thép đen", 870_000, 760_000, 80, 21, "active", 450, "pipe"),
    ("OK-21-18", "Ống mạ kẽm Tân Long phi 21 dày 1.8 ly 6m",
     "Ống mạ kẽm", 610_000, 530_000, 200, 10, "active", 1100, "pipe"),
    ("OK-27-18", "Ống mạ kẽm Tân Long phi 27 dày 1.8 ly 6m",
     "Ống mạ kẽm", 750_000, 650_000, 150, 10, "active", 900, "pipe"),
    ("OK-34-18", "Ống mạ kẽm Tân Long phi 34 dày 1.8 ly 6m",
     "Ống mạ kẽm", 920_000, 800_000, 120, 10, "active", 700, "pipe"),
    ("OK-42-20", "Ống mạ kẽm Tân Long phi 42 dày 2.0 ly 6m",
     "Ống mạ kẽm", 1_250_000, 1_090_000, 60, 10, "active", 400, "pipe"),
    ("TL-035", "Tôn lạnh Tân Long 0.35 ly khổ 1.2m", "Tôn lạnh", 21_500_000, 19_600_000, 60, 10, "active", 500, "roof"),
    ("TL-040", "Tôn lạnh Tân Long 0.40 ly khổ 1.2m", "Tôn lạnh", 21_200_000, 19_300_000, 40, 10, "active", 350, "roof"),
    ("TL-045", "Tôn lạnh Tân Long 0.45 ly khổ 1.2m", "Tôn lạnh", 21_000_000, 19_100_000, 70, 10, "active", 600, "roof"),
    ("TM-035-XD", "Tôn màu 0.35 ly khổ 1.2m xanh dương",
     "Tôn màu", 23_800_000, 21_500_000, 30, 14, "active", 300, "roof"),
    ("TM-045-XD", "Tôn màu 0.45 ly khổ 1.2m xanh dương",
     "Tôn màu", 23_400_000, 21_200_000, 40, 14, "active", 350, "roof"),
    ("TM-045-DD", "Tôn màu 0.45 ly khổ 1.2m đỏ đậm", "Tôn màu", 23_600_000, 21_300_000, 30, 14, "active", 250, "roof"),
    ("TM-035-GX", "Tôn màu 0.35 ly khổ 1.2m ghi xám", "Tôn màu", 23_700_000, 21_400_000, 20, 14, "active", 200, "roof"),
    ("HV-3030-12", "Hộp vuông 30x30 dày 1.2 ly 6m", "Thép hộp", 310_000, 270_000, 80, 7, "active", 500, "pipe"),
    ("HV-4040-14", "Hộp vuông 40x40 dày 1.4 ly 6m", "Thép hộp", 480_000, 420_000, 100, 7, "active", 700, "pipe"),
    ("HV-4040-MK", "Hộp vuông mạ kẽm 40x40 dày 1.4 ly 6m", "Thép hộp", 560_000, 490_000, 90, 10, "active", 600, "pipe"),
    ("HC-3060-12", "Hộp chữ nhật 30x60 dày 1.2 ly 6m", "Thép hộp", 470_000, 410_000, 50, 7, "active", 350, "pipe"),
    ("HC-4080-14", "Hộp chữ nhật 40x80 dày 1.4 ly 6m", "Thép hộp", 720_000, 630_000, 90, 7, "active", 600, "pipe"),
    ("HC-4080-MK", "Hộp chữ nhật mạ kẽm 40x80 dày 1.4 ly 6m",
     "Thép hộp", 830_000, 725_000, 70, 10, "active", 450, "pipe"),
    ("PT-130", "Phôi thép 130x130 Q235", "Nguyên liệu", 12_300_000, 11_700_000, 500, 45, "active", 3000, "flat"),
    ("PT-150", "Phôi thép 150x150 5SP", "Nguyên liệu", 12_600_000, 11_900_000, 200, 45, "active", 1500, "flat"),
    ("HRC-20", "Cuộn cán nóng HRC 2.0 ly khổ 1250",
     "Nguyên liệu", 13_400_000, 12_700_000, 300, 40, "active", 1800, "flat"),
]
UOM = {"Ống thép đen": "bó", "Ống mạ kẽm": "bó", "Thép hộp": "bó"}  # everything else in tấn
ROLL = "Dây chuyền cán"
PIPE = "Dây chuyền ống"
GALV = "Dây chuyền mạ kẽm"
COLOUR = "Dây chuyền mạ màu"
SLIT = "Máy xẻ băng"
ROUTING = (
    [(p[0], ROLL, 0.12 if p[0].startswith("TV") else 0.10) for p in PRODUCTS if p[0][:2] in ("TV", "TC")]
    + [(s, PIPE, 0.9) for s in ("OD-21-18", "OD-27-18", "OD-34-18", "OD-34-20")]
    + [(s, GALV, 0.8) for s in ("OK-21-18", "OK-27-18", "OK-34-18", "OK-42-20")]
    + [(s, PIPE, 0.5) for s in ("OK-21-18", "OK-27-18", "OK-34-18", "OK-42-20")]
    + [(s, GALV, 2.4) for s in ("TL-035", "TL-040", "TL-045")]
    + [(s, COLOUR, 3.0) for s in ("TM-035-XD", "TM-045-XD", "TM-045-DD", "TM-035-GX")]
    + [(s, SLIT, 0.7) for s in ("HV-3030-12", "HV-4040-14", "HC-3060-12", "HC-4080-14")]
    + [(s, GALV, 0.6) for s in ("HV-4040-MK", "HC-4080-MK")]
    + [(s, PIPE, 0.8) for s in ("HV-3030-12", "HV-4040-14", "HC-3060-12", "HC-4080-14")]
)
CAPACITY = {ROLL: 1.12, PIPE: 0.84, GALV: 1.06, COLOUR: 0.68, SLIT: 0.58}
PLANTS = {ROLL: PHU_MY}
SUPPLY = [
    ("KHSX-0826-03", "TV-D16-CB4", "2026-08-27", 1800, "production_order", "firm", ""),
    ("KHSX-0826-07", "TV-D20-CB4", "2026-08-31", 1200, "production_order", "firm", ""),
    ("KHSX-0826-12", "OK-21-18", "2026-08-29", 1500, "production_order", "firm", ""),
    ("KHSX-0826-15", "HV-4040-MK", "2026-09-02", 800, "production_order", "released", ""),
    ("KHSX-0926-01", "TV-D25-CB5", "2026-09-15", 600, "production_order", "planned", ""),
    ("KHSX-0726-11", "TM-045-DD", "2026-08-10", 300, "production_order", "released", ""),
    ("NK-2608/PT-01", "PT-130", "2026-09-05", 5000, "purchase_order", "firm", "Zhongtian Metals Ltd."),
    ("4700018826", "PT-150", "2026-09-20", 2000, "purchase_order", "firm", "Formosa Hà Tĩnh"),
    ("TCLU7781203", "HRC-20", "2026-09-12", 1500, "purchase_order", "firm", "Kanto Steel Trading Co."),
    ("CMAU5521907", "HRC-20", "2026-10-08", 1500, "purchase_order", "planned", "Kanto Steel Trading Co."),
    ("PO-1509", "OD-34-20", "2026-09-25", 900, "purchase_order", "firm", "Ống thép Kinh Bắc"),
    ("DC-PM-HY-19", "TC-P8-240", "2026-08-24", 350, "transfer", "released", PHU_MY),
]
CUSTOMERS = ["Tổng thầu Hòa Bình Xanh", "Đại lý sắt thép Minh Phát", "Kanemoto Trading Co.", "PT Baja Nusantara",
             "Mekong Build Supply (Phnom Penh)"]
EVENTS = [
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Khuyến mãi tôn màu mùa mưa 2026", "2026-06-01", "2026-07-31", "", "Tôn màu", 15, "promotion"),
    ("Ra mắt D32 CB500-V", "2026-03-01", "2026-03-31", "TV-D32-CB5", "", 0, "launch"),
    ("Gói thầu cao tốc XL-07", "2026-10-01", "2027-03-31", "TV-D25-CB5", "", 30, "other"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
]
STOCK_COVER = {"TV-D16-CB4": 0.3, "TV-D20-CB4": 0.35, "OK-21-18": 0.3, "TM-045-DD": 0.2, "TL-045": 0.3,
               "HRC-20": 0.25, "TC-P8-240": 0.4, "HV-4040-MK": 0.3, "OD-34-20": 0.35, "TV-D25-CB5": 0.4,
               "TV-D10-CB3": 8.0, "TM-035-XD": 5.0, "PT-150": 6.0, "HC-3060-12": 5.5, "OD-27-18": 4.5,
               "TC-P6-240": 4.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "rebar":  # dry-season building in the South, the rainy months slow, Tết dip
        return {1: 0.95, 2: 0.6, 3: 1.15, 4: 1.15, 5: 1.1, 6: 0.95, 7: 0.85, 8: 0.85, 9: 0.9, 11: 1.1,
                12: 1.2}.get(month, 1.0)
    if kind == "roof":  # roofing before the rains and before Tết
        return {2: 0.6, 4: 1.15, 5: 1.25, 6: 1.1, 11: 1.1, 12: 1.2}.get(month, 1.0)
    if kind == "pipe":
        return {2: 0.65, 12: 1.1}.get(month, 1.0)
    return {2: 0.75}.get(month, 1.0)


monthly_sales = sales_series(HISTORY, season, launch="2026-03", trend=0.004, pivot=12, noise=0.08,
                             promo=("TM-045-XD", "2026-06", 1.35))


def set_uom() -> None:
    path = HERE / "products.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["uom"] = UOM.get(row["family"], "tấn")
        row["min_order_qty"] = str(max(5, int(row["min_order_qty"]) // 20))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=414141, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=HUNG_YEN,
                  location="Kho Phú Mỹ", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-6, order_ref="DH-{:05d}")
    move_to_plants(HERE, ROUTING, PLANTS)
    set_uom()


if __name__ == "__main__":
    main()
