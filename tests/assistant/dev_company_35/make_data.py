"""Writes the monthly CSV files of dev company 35 (Công ty Cổ phần Dược phẩm Trường Xuân, a Vietnamese maker of
generic medicines and health products, with a tablet and capsule plant in Hưng Yên and a syrup, sachet and
topical-cream plant in Long An, VND; stock in Kho Thủ Đức).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_35/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-12" <= f"{y}-{m:02d}" <= "2026-11"]  # 24 complete months before 2026-12-21
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-12" <= f"{y}-{m:02d}" <= "2028-05"]
AS_OF = "2026-12-19"
HUNG_YEN = "Nhà máy Hưng Yên"
LONG_AN = "Nhà máy Long An"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Giảm đau hạ sốt: one active ingredient in two strengths, two packs and a syrup
    ("PCT500-H", "Paracetamol 500mg hộp 10 vỉ x 10 viên", "Giảm đau hạ sốt", 45000, 28000, 3000, 14, "active",
     42000, "flu"),
    ("PCT500-C", "Paracetamol 500mg chai 100 viên", "Giảm đau hạ sốt", 38000, 24000, 800, 14, "active", 9000,
     "flu"),
    ("PCT650", "Paracetamol 650mg hộp 10 vỉ x 10 viên", "Giảm đau hạ sốt", 55000, 34000, 1000, 14, "active",
     15000, "flu"),
    ("SPCT60", "Siro Paracetamol 120mg/5ml chai 60ml", "Giảm đau hạ sốt", 25000, 14000, 1500, 14, "active",
     18000, "flu"),
    ("IBU400", "Ibuprofen 400mg hộp 10 vỉ x 10 viên", "Giảm đau hạ sốt", 60000, 38000, 500, 14, "active", 7000,
     "flat"),
    # Kháng sinh
    ("AMX250", "Amoxicillin 250mg hộp 10 vỉ x 10 viên nang", "Kháng sinh", 52000, 33000, 800, 21, "active",
     11000, "flu"),
    ("AMX500", "Amoxicillin 500mg hộp 10 vỉ x 10 viên nang", "Kháng sinh", 85000, 54000, 1500, 21, "active",
     20000, "flu"),
    ("AMX250-G", "Amoxicillin 250mg gói 1,5g hộp 12 gói", "Kháng sinh", 48000, 30000, 600, 21, "active", 8000,
     "flu"),
    ("CFX500", "Cefuroxim 500mg hộp 2 vỉ x 5 viên", "Kháng sinh", 95000, 66000, 400, 45, "active", 6000, "flu"),
    ("AMP500", "Ampicillin 500mg hộp 10 vỉ x 10 viên nang", "Kháng sinh", 40000, 26000, 0, 21, "discontinued",
     3000, "flat"),
    # Hô hấp: the Xuân Nhi cough syrup is coded 2612 (reads like 26/12)
    ("2612", "Siro ho Xuân Nhi chai 100ml", "Hô hấp", 42000, 22000, 2000, 14, "active", 25000, "flu"),
    ("BRX8", "Bromhexin 8mg hộp 10 vỉ x 10 viên", "Hô hấp", 30000, 17000, 700, 14, "active", 12000, "flu"),
    ("SBRX60", "Siro Bromhexin 4mg/5ml chai 60ml", "Hô hấp", 28000, 15000, 800, 14, "active", 9000, "flu"),
    ("ACC200", "Acetylcystein 200mg gói 1,5g hộp 30 gói", "Hô hấp", 65000, 39000, 900, 14, "active", 10000,
     "flu"),
    ("LRT10", "Loratadin 10mg hộp 1 vỉ x 10 viên", "Hô hấp", 18000, 9000, 1000, 30, "active", 14000, "allergy"),
    # Tiêu hóa
    ("MVS-XN", "Men vi sinh Xuân Nhi gói 1g hộp 20 gói", "Tiêu hóa", 80000, 45000, 600, 14, "active", 9000,
     "summer"),
    ("ORS245", "Oresol 245 gói 4,1g hộp 20 gói", "Tiêu hóa", 30000, 16000, 1000, 14, "active", 15000, "summer"),
    ("OMZ20", "Omeprazol 20mg hộp 3 vỉ x 10 viên nang", "Tiêu hóa", 40000, 22000, 800, 45, "active", 12000,
     "flat"),
    ("DSM3", "Diosmectit 3g gói hộp 30 gói", "Tiêu hóa", 75000, 45000, 500, 14, "active", 6000, "summer"),
    ("BBR100", "Berberin 100mg chai 100 viên", "Tiêu hóa", 15000, 8000, 500, 14, "active", 7000, "summer"),
    # Vitamin: "Vitamin C" is two, "D3" and "400 IU" two each; 1101 reads like 11/01
    ("VC-1000", "Vitamin C 1000 viên sủi tuýp 10 viên", "Vitamin", 35000, 18000, 2000, 14, "active", 30000,
     "vitc"),
    ("VC-500", "Vitamin C 500mg chai 100 viên", "Vitamin", 45000, 25000, 600, 14, "active", 5000, "flat"),
    ("V3B", "Vitamin 3B (B1, B6, B12) hộp 10 vỉ x 10 viên", "Vitamin", 70000, 42000, 800, 21, "active", 9000,
     "tet"),
    ("VE400", "Vitamin E 400 IU hộp 3 vỉ x 10 viên nang mềm", "Vitamin", 90000, 55000, 500, 45, "active", 8000,
     "tet"),
    ("VD3-400", "Vitamin D3 400 IU nhỏ giọt chai 10ml", "Vitamin", 120000, 70000, 300, 30, "new", 3000, "flat"),
    ("CAD3", "Canxi D3 chai 60 viên", "Vitamin", 110000, 65000, 400, 21, "active", 6000, "tet"),
    ("1101", "Kẽm Gluconat 70mg chai 30 viên", "Vitamin", 55000, 30000, 300, 21, "active", 4000, "flat"),
    # Dùng ngoài: tubes and a bottle, percentages in the names
    ("KH-XN", "Kem hăm Xuân Nhi tuýp 15g", "Dùng ngoài", 38000, 20000, 600, 14, "active", 9000, "summer"),
    ("ACV5", "Acyclovir 5% kem tuýp 5g", "Dùng ngoài", 22000, 11000, 400, 14, "active", 6000, "flat"),
    ("CLT1", "Kem Clotrimazol 1% tuýp 15g", "Dùng ngoài", 25000, 12000, 400, 14, "active", 7000, "summer"),
    ("DCF1", "Gel Diclofenac 1% tuýp 20g", "Dùng ngoài", 45000, 24000, 300, 14, "active", 5000, "flat"),
    ("PVI10", "Povidon iod 10% chai 90ml", "Dùng ngoài", 30000, 15000, 500, 21, "active", 8000, "flat"),
    # Tim mạch tiểu đường
    ("MET500", "Metformin 500mg hộp 5 vỉ x 10 viên", "Tim mạch tiểu đường", 35000, 19000, 1000, 14, "active",
     16000, "flat"),
    ("MET850", "Metformin 850mg hộp 5 vỉ x 10 viên", "Tim mạch tiểu đường", 45000, 25000, 500, 14, "active",
     6000, "flat"),
    ("AML5", "Amlodipin 5mg hộp 3 vỉ x 10 viên", "Tim mạch tiểu đường", 25000, 12000, 800, 14, "active", 14000,
     "flat"),
    ("ATV20", "Atorvastatin 20mg hộp 3 vỉ x 10 viên", "Tim mạch tiểu đường", 60000, 35000, 500, 30, "active",
     7000, "flat"),
]
EP_VIEN = "Dây chuyền ép viên"
DONG_NANG = "Máy đóng nang NJP-1200"
SIRO = "Dây chuyền siro"
GOI_BOT = "Máy đóng gói gói bột"
TUYP = "Máy chiết rót tuýp"
ROUTING = [
    ("PCT500-H", EP_VIEN, 0.0040), ("PCT500-C", EP_VIEN, 0.0042), ("PCT650", EP_VIEN, 0.0045),
    ("IBU400", EP_VIEN, 0.0045), ("BRX8", EP_VIEN, 0.0038), ("VC-1000", EP_VIEN, 0.0060),
    ("VC-500", EP_VIEN, 0.0042), ("V3B", EP_VIEN, 0.0050), ("CAD3", EP_VIEN, 0.0055),
    ("BBR100", EP_VIEN, 0.0035), ("MET500", EP_VIEN, 0.0040), ("MET850", EP_VIEN, 0.0042),
    ("AML5", EP_VIEN, 0.0030),
    ("AMX250", DONG_NANG, 0.0060), ("AMX500", DONG_NANG, 0.0065), ("AMP500", DONG_NANG, 0.0060),
    ("SPCT60", SIRO, 0.0070), ("2612", SIRO, 0.0090), ("SBRX60", SIRO, 0.0070), ("VD3-400", SIRO, 0.0120),
    ("AMX250-G", GOI_BOT, 0.0080), ("ACC200", GOI_BOT, 0.0110), ("MVS-XN", GOI_BOT, 0.0085),
    ("ORS245", GOI_BOT, 0.0080), ("DSM3", GOI_BOT, 0.0110),
    ("KH-XN", TUYP, 0.0060), ("ACV5", TUYP, 0.0050), ("CLT1", TUYP, 0.0060), ("DCF1", TUYP, 0.0065),
    # an alternative: the Bromhexin syrup can be filled as stick packs on the sachet machine
    ("SBRX60", GOI_BOT, 0.0150),
]
CAPACITY = {EP_VIEN: 1.06, DONG_NANG: 0.92, SIRO: 1.18, GOI_BOT: 0.80, TUYP: 0.62}
PLANTS = {SIRO: LONG_AN, GOI_BOT: LONG_AN, TUYP: LONG_AN}
SUPPLY = [
    ("LSX-2611-07", "PCT500-H", "2026-12-28", 30000, "production_order", "released", ""),
    ("LSX-2612-03", "2612", "2027-01-08", 20000, "production_order", "firm", ""),
    ("LSX-2612-04", "AMX500", "2027-01-15", 15000, "production_order", "firm", ""),
    ("LSX-2612-05", "ACC200", "2026-12-29", 8000, "production_order", "firm", ""),
    ("LSX2701", "VC-1000", "2027-01-20", 25000, "production_order", "planned", ""),
    ("LSX-D3-002", "VD3-400", "2027-01-06", 4000, "production_order", "planned", ""),
    ("26-1230", "MET500", "2026-12-30", 12000, "production_order", "firm", ""),
    ("4500078812", "OMZ20", "2026-12-30", 15000, "purchase_order", "firm", "Công ty Dược Minh Tâm"),
    ("4500079020", "ATV20", "2027-01-18", 8000, "purchase_order", "firm", "Dược phẩm Bình Minh"),
    ("TK-10488235", "CFX500", "2027-01-12", 10000, "purchase_order", "firm", "Medopharm India Pvt Ltd"),
    ("NK/2026/077", "VE400", "2027-01-05", 12000, "purchase_order", "firm", "Daewon Softgel Korea"),
    ("PO/TX/2026/204", "PVI10", "2026-12-10", 10000, "purchase_order", "firm", "Hóa dược Sao Kim"),
    ("PO-LR-118", "LRT10", "2027-02-02", 20000, "purchase_order", "planned", "Dược phẩm Bình Minh"),
    ("CK-TD-0912", "KH-XN", "2026-12-23", 3000, "transfer", "released", "Nhà máy Long An"),
]
CUSTOMERS = ["Chuỗi nhà thuốc Phúc Thiện", "Bệnh viện Đa khoa tỉnh Hưng Yên", "Công ty Phân phối Dược Minh Phát",
             "Nhà thuốc Thanh Bình Quận 10", "Trường Xuân Online"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-25", "2025-02-02", "", "", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Tuần lễ Vitamin C 2026", "2026-09-07", "2026-09-30", "VC-1000", "", 60, "promotion"),
    ("Ra mắt Vitamin D3 400 IU nhỏ giọt", "2026-10-01", "2026-10-31", "VD3-400", "", 0, "launch"),
    ("Chương trình mùa cúm 2026", "2026-11-01", "2026-12-31", "", "Hô hấp", 15, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-03", "2027-02-10", "", "", 0, "holiday"),
]
STOCK_COVER = {"PCT500-H": 0.3, "2612": 0.25, "AMX500": 0.3, "VC-1000": 0.35, "ACC200": 0.3, "OMZ20": 0.2,
               "CFX500": 0.25, "PVI10": 0.2, "SPCT60": 0.4, "VE400": 0.35, "KH-XN": 0.4,
               "AMP500": 9.0, "VC-500": 6.5, "BBR100": 6.0, "DCF1": 7.0, "MET850": 5.5, "ORS245": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "flu":  # fever, cough and antibiotics: the northern winter and the flu season
        return {11: 1.25, 12: 1.45, 1: 1.4, 2: 0.95, 3: 1.1, 6: 0.8, 7: 0.75, 8: 0.85}.get(month, 1.0)
    if kind == "summer":  # diarrhoea, heat rash and skin fungus: the hot, wet months
        return {5: 1.2, 6: 1.4, 7: 1.45, 8: 1.3, 9: 1.1, 12: 0.8, 1: 0.75, 2: 0.7}.get(month, 1.0)
    if kind == "vitc":  # vitamin C: winter colds
        return {10: 1.1, 11: 1.25, 12: 1.4, 1: 1.35, 2: 0.9, 6: 0.85, 7: 0.85}.get(month, 1.0)
    if kind == "tet":  # vitamins bought as Tết gifts
        return {12: 1.3, 1: 1.6, 2: 0.6, 3: 0.85}.get(month, 1.0)
    if kind == "allergy":  # spring pollen and the change of season
        return {3: 1.35, 4: 1.3, 9: 1.1, 10: 1.15}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.005, pivot=12, noise=0.08,
                             promo=("VC-1000", "2026-09", 1.6))  # Tuần lễ Vitamin C 2026


def set_plants() -> None:
    """Put the Long An resources and the SKUs whose primary resource they are on that plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=353535, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=HUNG_YEN,
                  location="Kho Thủ Đức", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-5, order_ref="DBH{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
