"""Writes the monthly CSV files of dev company 47 (Công ty TNHH Gia dụng Việt Hàn, a Vietnamese-Korean
household-appliance assembler with plants in Bắc Ninh and Long An: rice cookers, electric fans, kettles, air
fryers and electric hobs under the Sao Việt and Bình Minh brands, Tết gift sets, and the components it buys or
makes itself: motors, heating plates, PCBs, induction coils, inner pots, plastic housings and fan blades; VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_47/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2026-11"]  # 24 complete months before 2026-12-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-12" <= f"{y}-{m:02d}" <= "2028-05"]
AS_OF = "2026-12-14"
BAC_NINH = "Nhà máy Bắc Ninh"
LONG_AN = "Nhà máy Long An"

# sku, name, family, price (VND), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Nồi cơm điện: Rice Cooker Line, Bắc Ninh
    ("RC101", "Nồi cơm điện Sao Việt 1.8L NC-18D đỏ", "Nồi cơm điện", 890000, 612000, 400, 21, "active", 5200,
     "rice"),
    ("RC102", "Nồi cơm điện Sao Việt 1.8L NC-18D trắng", "Nồi cơm điện", 890000, 612000, 300, 21, "active", 4100,
     "rice"),
    ("RC103", "Nồi cơm điện Sao Việt 1.2L NC-12D đỏ", "Nồi cơm điện", 690000, 471000, 200, 21, "active", 2300,
     "rice"),
    ("RC104", "Nồi cơm điện Bình Minh 1.8L NC-18B xám", "Nồi cơm điện", 540000, 388000, 300, 21, "active", 3800,
     "rice"),
    ("RC105", "Nồi cơm điện Bình Minh 1.0L NC-10B trắng", "Nồi cơm điện", 430000, 305000, 200, 21, "active", 2600,
     "rice"),
    ("RC106", "Nồi cơm điện cao tần Sao Việt 1.5L NC-15IH xám", "Nồi cơm điện", 2490000, 1720000, 100, 35,
     "active", 900, "rice"),
    ("RC107", "Nồi cơm điện tử Sao Việt 1.8L NC-18E trắng", "Nồi cơm điện", 1290000, 884000, 150, 28, "active",
     1700, "rice"),
    ("RC108", "Nồi cơm điện mini Bình Minh 0.6L NC-06M đỏ", "Nồi cơm điện", 350000, 246000, 100, 21, "active",
     1400, "rice"),
    # Quạt điện: Fan Line, Long An
    ("FN201", "Quạt đứng Sao Việt QD-16R đỏ", "Quạt điện", 790000, 548000, 300, 21, "active", 3000, "fan"),
    ("FN202", "Quạt đứng Sao Việt QD-16R xám", "Quạt điện", 790000, 548000, 300, 21, "active", 2800, "fan"),
    ("FN203", "Quạt đứng Bình Minh QD-16C trắng", "Quạt điện", 420000, 301000, 400, 21, "active", 4200, "fan"),
    ("FN204", "Quạt đứng Bình Minh QD-18C xám", "Quạt điện", 480000, 343000, 200, 21, "active", 2200, "fan"),
    ("3004", "Quạt bàn Bình Minh QB-30 trắng", "Quạt điện", 290000, 208000, 300, 21, "active", 3300, "fan"),
    ("FN206", "Quạt treo tường Sao Việt QT-16R trắng", "Quạt điện", 650000, 455000, 200, 21, "active", 1800, "fan"),
    ("FN207", "Quạt hộp Bình Minh QH-12 xám", "Quạt điện", 310000, 226000, 0, 21, "discontinued", 900, "fan"),
    ("FN208", "Quạt điều hòa Sao Việt QDH-40L trắng", "Quạt điện", 3290000, 2310000, 50, 35, "active", 600, "fan"),
    # Ấm siêu tốc: Kettle & Hob Line, Bắc Ninh
    ("KT301", "Ấm siêu tốc Sao Việt 1.7L AST-17 inox", "Ấm siêu tốc", 390000, 262000, 400, 14, "active", 4500,
     "kettle"),
    ("KT302", "Ấm siêu tốc Sao Việt 1.7L AST-17G thủy tinh", "Ấm siêu tốc", 490000, 331000, 200, 14, "active",
     2100, "kettle"),
    ("1802", "Ấm siêu tốc Bình Minh 1.8L AST-18 trắng", "Ấm siêu tốc", 250000, 171000, 500, 14, "active", 5200,
     "kettle"),
    ("KT304", "Ấm siêu tốc Bình Minh 1.8L AST-18 đỏ", "Ấm siêu tốc", 250000, 171000, 300, 14, "active", 3100,
     "kettle"),
    ("KT305", "Ấm siêu tốc giữ nhiệt Sao Việt 2.0L AST-20T xám", "Ấm siêu tốc", 690000, 468000, 150, 14, "active",
     1300, "kettle"),
    ("KT306", "Ấm pha trà Sao Việt 1.0L APT-10", "Ấm siêu tốc", 890000, 598000, 80, 21, "active", 700, "kettle"),
    # Nồi chiên không dầu: Air Fryer Line, Long An
    ("AF401", "Nồi chiên không dầu Sao Việt 5L AF-50 xám", "Nồi chiên không dầu", 1490000, 1012000, 300, 21,
     "active", 3600, "fryer"),
    ("AF402", "Nồi chiên không dầu Sao Việt 5L AF-50 trắng", "Nồi chiên không dầu", 1490000, 1012000, 200, 21,
     "active", 2500, "fryer"),
    ("AF403", "Nồi chiên không dầu điện tử Sao Việt 5L AF-50E trắng", "Nồi chiên không dầu", 1890000, 1290000,
     150, 21, "active", 1600, "fryer"),
    ("AF404", "Nồi chiên không dầu Bình Minh 3.5L AF-35 đỏ", "Nồi chiên không dầu", 990000, 690000, 250, 21,
     "active", 2900, "fryer"),
    ("AF405", "Nồi chiên không dầu Sao Việt 7L AF-70K xám", "Nồi chiên không dầu", 2290000, 1580000, 100, 28,
     "new", 1200, "fryer"),
    ("AF406", "Nồi chiên không dầu Bình Minh 12L AF-120 xám", "Nồi chiên không dầu", 2690000, 1890000, 50, 28,
     "active", 500, "fryer"),
    # Bếp điện: Kettle & Hob Line, Bắc Ninh
    ("IH501", "Bếp từ đơn Sao Việt BT-20 2000W", "Bếp điện", 1190000, 815000, 200, 21, "active", 2400, "hob"),
    ("IH502", "Bếp từ đơn Bình Minh BT-18 1800W", "Bếp điện", 790000, 552000, 250, 21, "active", 2800, "hob"),
    ("IH503", "Bếp từ đôi Sao Việt BTD-35 3500W", "Bếp điện", 4490000, 3105000, 80, 28, "active", 700, "hob"),
    ("IH504", "Bếp đôi hỗn hợp Sao Việt BTH-40 4000W", "Bếp điện", 5990000, 4190000, 50, 28, "active", 400, "hob"),
    ("IH505", "Bếp hồng ngoại Bình Minh BHN-20 2000W", "Bếp điện", 690000, 478000, 150, 21, "active", 1500, "hob"),
    # Linh kiện: bought in (no routing) or made on the SMT Line, the Press Shop and the molding machines
    ("2029", "Motor quạt AC 55W", "Linh kiện", 95000, 72000, 2000, 45, "active", 9000, "comp_fan"),
    ("CP602", "Motor quạt DC 35W", "Linh kiện", 185000, 141000, 800, 60, "active", 3200, "comp_fan"),
    ("CP603", "Motor BLDC 30W", "Linh kiện", 140000, 106000, 600, 50, "active", 5500, "comp"),
    ("CP604", "Mâm nhiệt 1.8L 700W", "Linh kiện", 120000, 91000, 1500, 30, "active", 12000, "comp"),
    ("CP605", "Mâm nhiệt 1.2L 500W", "Linh kiện", 95000, 72000, 500, 30, "active", 3500, "comp"),
    ("CP606", "Bo mạch điều khiển PCB-RC18", "Linh kiện", 160000, 118000, 800, 14, "active", 4500, "comp"),
    ("CP607", "Bo mạch điều khiển PCB-IH20", "Linh kiện", 260000, 198000, 500, 70, "active", 3600, "comp"),
    ("CP608", "Bo mạch điều khiển PCB-AF50", "Linh kiện", 150000, 110000, 700, 14, "active", 6500, "comp"),
    ("CP609", "Cuộn dây từ IH 2000W", "Linh kiện", 210000, 160000, 600, 75, "active", 4000, "comp"),
    ("CP610", "Lòng nồi chống dính 1.8L", "Linh kiện", 85000, 61000, 1500, 10, "active", 14000, "comp"),
    ("CP611", "Thanh nhiệt 1500W", "Linh kiện", 45000, 33000, 1500, 30, "active", 13000, "comp"),
    ("CP612", "Vỏ nhựa PP 1.8L", "Linh kiện", 38000, 27000, 1500, 7, "active", 13000, "comp"),
    ("CP613", "Cánh quạt 16 inch", "Linh kiện", 22000, 15000, 1000, 7, "active", 11000, "comp_fan"),
    # Quà Tết & Combo
    ("GS701", "Bộ quà Tết Sao Việt 2027", "Quà Tết & Combo", 1990000, 1390000, 0, 21, "active", 1500, "tetgift"),
    ("GS702", "Combo Bình Minh bếp hồng ngoại + nồi lẩu", "Quà Tết & Combo", 890000, 622000, 100, 21, "active",
     700, "hob"),
    ("GS703", "Set quà 20/10 Sao Việt", "Quà Tết & Combo", 590000, 405000, 0, 21, "active", 400, "oct"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("RC101", "Rice Cooker Line", 0.085), ("RC101", "Kettle & Hob Line", 0.11),
    ("RC102", "Rice Cooker Line", 0.085), ("RC102", "Kettle & Hob Line", 0.11),
    ("RC103", "Rice Cooker Line", 0.080), ("RC104", "Rice Cooker Line", 0.070), ("RC105", "Rice Cooker Line", 0.065),
    ("RC106", "Rice Cooker Line", 0.220), ("RC107", "Rice Cooker Line", 0.120), ("RC108", "Rice Cooker Line", 0.050),
    ("GS701", "Rice Cooker Line", 0.060),
    ("FN201", "Fan Line", 0.090), ("FN202", "Fan Line", 0.090), ("FN203", "Fan Line", 0.070),
    ("FN204", "Fan Line", 0.075), ("3004", "Fan Line", 0.050), ("FN206", "Fan Line", 0.085),
    ("FN207", "Fan Line", 0.060), ("FN208", "Fan Line", 0.400),
    ("KT301", "Kettle & Hob Line", 0.030), ("KT302", "Kettle & Hob Line", 0.040), ("1802", "Kettle & Hob Line", 0.025),
    ("KT304", "Kettle & Hob Line", 0.025), ("KT305", "Kettle & Hob Line", 0.045), ("KT306", "Kettle & Hob Line", 0.070),
    ("IH501", "Kettle & Hob Line", 0.100), ("IH502", "Kettle & Hob Line", 0.090), ("IH503", "Kettle & Hob Line", 0.300),
    ("IH504", "Kettle & Hob Line", 0.380), ("IH505", "Kettle & Hob Line", 0.080), ("GS702", "Kettle & Hob Line", 0.050),
    ("GS703", "Kettle & Hob Line", 0.040),
    ("AF401", "Air Fryer Line", 0.120), ("AF402", "Air Fryer Line", 0.120), ("AF403", "Air Fryer Line", 0.140),
    ("AF404", "Air Fryer Line", 0.100), ("AF405", "Air Fryer Line", 0.180), ("AF406", "Air Fryer Line", 0.260),
    ("CP606", "SMT Line", 0.020), ("CP608", "SMT Line", 0.018),
    ("CP610", "Press Shop", 0.010),
    ("CP612", "Molding Machine 1", 0.012), ("CP612", "Molding Machine 2", 0.014),
    ("CP613", "Molding Machine 2", 0.009), ("CP613", "Molding Machine 1", 0.010),
]
CAPACITY = {"Rice Cooker Line": 1.18, "Kettle & Hob Line": 0.97, "SMT Line": 1.06, "Molding Machine 1": 0.88,
            "Fan Line": 0.92, "Air Fryer Line": 1.10, "Molding Machine 2": 0.60, "Press Shop": 0.75}
PLANTS = {"Fan Line": LONG_AN, "Air Fryer Line": LONG_AN, "Molding Machine 2": LONG_AN, "Press Shop": LONG_AN}
SUPPLY = [
    ("PO-26-1215", "2029", "2027-01-08", 12000, "purchase_order", "firm", "Động cơ Phú Thịnh"),
    ("PT-HD-0345", "CP602", "2027-02-20", 4000, "purchase_order", "planned", "Động cơ Phú Thịnh"),
    ("4510020260", "CP604", "2026-12-28", 15000, "purchase_order", "firm", "Tân Phát Metal"),
    ("4510020206", "CP605", "2027-01-20", 3000, "purchase_order", "planned", "Tân Phát Metal"),
    ("HMMU8806123", "CP609", "2027-01-12", 8000, "purchase_order", "firm", "Hanseong Electronics"),
    ("HSE/26/118", "CP607", "2027-01-05", 5000, "purchase_order", "firm", "Hanseong Electronics"),
    ("LSX/BN/2701", "RC101", "2027-01-10", 4000, "production_order", "firm", ""),
    ("LSX/BN/2702", "RC106", "2027-02-18", 1200, "production_order", "planned", ""),
    ("TET27-GS-02", "GS701", "2027-01-15", 2500, "production_order", "released", ""),
    ("LSX/LA/2612-07", "AF401", "2026-12-20", 3000, "production_order", "firm", ""),
    ("LSX/LA/2611-15", "AF404", "2026-12-05", 2000, "production_order", "released", ""),
    ("CK-LA-BN-0901", "AF402", "2027-01-09", 1200, "transfer", "released", LONG_AN),
    ("WO-7705", "CP610", "2026-12-22", 10000, "production_order", "firm", ""),
]
CUSTOMERS = ["Điện máy Hoàng Long", "Sàn TMĐT Sao Việt Official", "NPP Minh Phát", "Hanseong Trading Co.",
             "Siêu thị Thuận Thành"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-25", "2025-02-02", "", "", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Mùa nóng 2026", "2026-04-01", "2026-06-30", "", "Quạt điện", 40, "other"),
    ("Ra mắt Nồi chiên 7L AF-70K", "2026-10-01", "2026-10-31", "AF405", "", 0, "launch"),
    ("Ngày Phụ nữ Việt Nam 20/10", "2026-10-10", "2026-10-20", "GS703", "", 60, "promotion"),
    ("Siêu sale 11.11", "2026-11-09", "2026-11-12", "", "Nồi chiên không dầu", 35, "promotion"),
    ("Khuyến mãi Tết 2027", "2026-12-15", "2027-02-03", "", "Nồi cơm điện", 25, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-04", "2027-02-12", "", "", 0, "holiday"),
    ("Mùa nóng 2027", "2027-04-01", "2027-06-30", "", "Quạt điện", 40, "other"),
]
STOCK_COVER = {"RC101": 0.35, "GS701": 0.2, "AF401": 0.3, "IH501": 0.35, "CP607": 0.3, "CP609": 0.25,
               "2029": 0.4, "RC106": 0.4, "CP604": 0.45, "AF405": 0.3, "KT301": 0.5, "AF404": 0.4,
               "FN207": 8.0, "GS703": 7.0, "AF406": 6.0, "FN204": 5.0, "FN208": 6.5, "CP605": 5.0, "IH504": 4.5}
# the stock of what Long An makes or uses sits in Kho Long An; the rest in Kho Bắc Ninh
LONG_AN_STOCK = {"FN201", "FN202", "FN203", "FN204", "3004", "FN206", "FN207", "FN208", "AF401", "AF402", "AF403",
                 "AF404", "AF405", "AF406", "2029", "CP602", "CP603", "CP608", "CP610", "CP613"}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "rice":  # rice cookers: the run-up to Tết (29 Jan 2025, 17 Feb 2026)
        if period == "2026-02":
            return 1.1
        return {12: 1.25, 1: 1.4, 2: 0.7, 3: 0.8}.get(month, 1.0)
    if kind == "fan":  # fans: the hot season April to June, a dead winter
        return {1: 0.5, 2: 0.7, 3: 1.1, 4: 1.5, 5: 1.65, 6: 1.45, 7: 1.15, 8: 1.0, 9: 0.85, 10: 0.7, 11: 0.55,
                12: 0.45}[month]
    if kind == "kettle":  # kettles: the northern winter and Tết
        return {10: 1.05, 11: 1.15, 12: 1.3, 1: 1.35, 2: 0.75, 5: 0.85, 6: 0.8, 7: 0.8}.get(month, 1.0)
    if kind == "fryer":  # air fryers: 11.11 online sales and Tết
        return {10: 1.05, 11: 1.55, 12: 1.3, 1: 1.4, 2: 0.7, 6: 0.85, 7: 0.85}.get(month, 1.0)
    if kind == "hob":
        return {11: 1.1, 12: 1.2, 1: 1.3, 2: 0.75}.get(month, 1.0)
    if kind == "comp_fan":  # fan motors and blades are used ahead of the hot season
        return {1: 0.8, 2: 0.9, 3: 1.3, 4: 1.4, 5: 1.3, 6: 1.1, 10: 0.8, 11: 0.7, 12: 0.7}.get(month, 1.0)
    if kind == "tetgift":  # the Tết gift set sells in the two months before Tết only
        if period == "2026-02":
            return 2.0
        return {12: 3.0, 1: 3.3, 2: 0.3}.get(month, 0.08)
    if kind == "oct":  # the 20/10 gift set (Vietnamese Women's Day)
        return {9: 1.2, 10: 5.0}.get(month, 0.15)
    return {2: 0.8}.get(month, 1.0)  # components: flat, the Tết shutdown


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.006, pivot=12, noise=0.08,
                             promo=("AF401", "2026-11", 1.35))  # Siêu sale 11.11


def set_locations() -> None:
    path = HERE / "inventory.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["location"] = "Kho Long An" if row["sku"] in LONG_AN_STOCK else "Kho Bắc Ninh"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=474747, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BAC_NINH,
                  location="Kho Bắc Ninh", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-6, order_ref="DH-{:06d}")
    move_to_plants(HERE, ROUTING, PLANTS)
    set_locations()


if __name__ == "__main__":
    main()
