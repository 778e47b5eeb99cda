"""Writes the monthly CSV files of dev company 20 (Công ty Cổ phần Dược phẩm Thiên Phúc, a Vietnamese maker of
over-the-counter medicines, vitamins and health supplements, VND).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_20/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-04" <= f"{y}-{m:02d}" <= "2026-03"]  # 24 complete months before 2026-04-08
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-04" <= f"{y}-{m:02d}" <= "2027-09"]
AS_OF = "2026-04-07"
BINH_DUONG = "Nhà máy Bình Dương"
HUNG_YEN = "Nhà máy Hưng Yên"

# sku, name, family, price (VND), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("PARA500-H10", "Paracetamol 500 mg hộp 10 vỉ", "Giảm đau hạ sốt", 35000, 14000, 8000, 21, "active", 42000,
     "flu"),
    ("PARA500-C100", "Paracetamol 500 mg chai 100 viên", "Giảm đau hạ sốt", 45000, 17500, 2000, 21, "active", 9000,
     "flu"),
    ("PARA500-H25", "Paracetamol 500 mg hộp 25 vỉ", "Giảm đau hạ sốt", 82000, 33000, 0, 21, "discontinued", 1500,
     "flat"),
    ("PARA650-H10", "Paracetamol 650 mg hộp 10 vỉ", "Giảm đau hạ sốt", 42000, 17000, 3000, 21, "active", 15000,
     "flu"),
    ("PARA-KIDS-250", "Paracetamol Kids 250 mg hộp 24 gói", "Giảm đau hạ sốt", 38000, 14500, 2500, 21, "active",
     11000, "flu"),
    ("SIRO-HS-60", "Siro hạ sốt trẻ em 60 ml", "Giảm đau hạ sốt", 32000, 11000, 1800, 21, "active", 8000, "flu"),
    ("IBU-400", "Ibuprofen 400 mg hộp 10 vỉ", "Giảm đau hạ sốt", 48000, 19000, 1200, 21, "active", 6000, "flat"),
    ("BOPHE-KIDS-60", "Siro ho Bổ Phế trẻ em 60 ml", "Ho cảm", 39000, 13000, 2500, 14, "active", 12000, "flu"),
    ("BOPHE-KIDS-100", "Siro ho Bổ Phế trẻ em 100 ml", "Ho cảm", 55000, 18500, 2000, 14, "active", 9500, "flu"),
    ("BOPHE-NL-100", "Siro ho Bổ Phế người lớn 100 ml", "Ho cảm", 58000, 19500, 1500, 14, "active", 7000, "flu"),
    ("FLU-NGAY", "FluCare Ngày hộp 10 vỉ", "Ho cảm", 52000, 20000, 1500, 21, "active", 8500, "flu"),
    ("FLU-DEM", "FluCare Đêm hộp 10 vỉ", "Ho cảm", 54000, 21000, 1200, 21, "active", 6000, "flu"),
    ("NGAM-GUNG", "Viên ngậm Thảo Mộc vị gừng hộp 24 viên", "Ho cảm", 29000, 9000, 1500, 14, "active", 7500, "flu"),
    ("NGAM-BACHA", "Viên ngậm Thảo Mộc vị bạc hà hộp 24 viên", "Ho cảm", 29000, 9000, 1200, 14, "active", 5000,
     "flu"),
    ("VITC-500", "Vitamin C 500 mg chai 100 viên", "Vitamin khoáng chất", 65000, 22000, 1500, 30, "active", 7000,
     "flat"),
    ("CSUI-CAM", "C-Sủi 1000 mg vị cam tuýp 20 viên", "Vitamin khoáng chất", 49000, 16000, 3000, 30, "active",
     14000, "summer"),
    ("CSUI-CHANH", "C-Sủi 1000 mg vị chanh tuýp 20 viên", "Vitamin khoáng chất", 49000, 16000, 2000, 30, "active",
     9000, "summer"),
    ("D3K-10", "Vitamin D3 Kids nhỏ giọt 10 ml", "Vitamin khoáng chất", 145000, 52000, 800, 30, "new", 3500, "flat"),
    ("CANXI-D3", "Canxi Nano D3 chai 60 viên", "Vitamin khoáng chất", 185000, 78000, 600, 45, "active", 4200,
     "flat"),
    ("ZINC-30", "Kẽm Zinc Plus chai 30 viên", "Vitamin khoáng chất", 95000, 33000, 500, 30, "active", 3000, "flat"),
    ("MULTI-NL", "MultiVita người lớn chai 100 viên", "Vitamin khoáng chất", 160000, 61000, 700, 30, "active",
     4500, "tet"),
    ("MULTI-TE", "MultiVita trẻ em chai 60 viên", "Vitamin khoáng chất", 120000, 45000, 500, 30, "active", 3200,
     "school"),
    ("BIOLAC-KIDS", "Men vi sinh BioLac Kids hộp 20 gói", "Tiêu hoá", 110000, 38000, 1500, 21, "active", 9000,
     "summer"),
    ("BIOLAC-NL", "Men vi sinh BioLac người lớn hộp 30 gói", "Tiêu hoá", 150000, 52000, 800, 21, "active", 4800,
     "summer"),
    ("BIOLAC-ONG", "Men vi sinh BioLac hộp 10 ống", "Tiêu hoá", 90000, 34000, 0, 21, "discontinued", 900, "flat"),
    ("ORS-CAM", "Oresol vị cam hộp 20 gói", "Tiêu hoá", 36000, 12000, 2500, 21, "active", 13000, "summer"),
    ("ENZ-PLUS", "Men tiêu hoá Enzyme Plus hộp 3 vỉ", "Tiêu hoá", 68000, 24000, 800, 21, "active", 5200, "tet"),
    ("2028", "Dầu cá Omega 3 1000 mg chai 100 viên", "Thực phẩm chức năng", 240000, 115000, 600, 60, "active",
     3800, "tet"),
    ("GINKGO-120", "Ginkgo Plus 120 mg hộp 3 vỉ", "Thực phẩm chức năng", 135000, 47000, 600, 30, "active", 4100,
     "flat"),
    ("SAM-GOLD", "Sâm Ngọc Linh Gold hộp 30 gói", "Thực phẩm chức năng", 890000, 410000, 150, 45, "active", 1300,
     "tet"),
    ("GLUCO-1500", "Glucosamine 1500 mg chai 60 viên", "Thực phẩm chức năng", 320000, 140000, 300, 60, "active",
     1900, "flat"),
]
ROUTING = [
    ("PARA500-H10", "Dây chuyền viên nén", 0.0012), ("PARA500-H10", "Dây chuyền ép vỉ", 0.0008),
    ("PARA500-C100", "Dây chuyền viên nén", 0.0015), ("PARA500-H25", "Dây chuyền viên nén", 0.0030),
    ("PARA650-H10", "Dây chuyền viên nén", 0.0014), ("PARA650-H10", "Dây chuyền ép vỉ", 0.0008),
    ("IBU-400", "Dây chuyền viên nén", 0.0014), ("FLU-NGAY", "Dây chuyền viên nén", 0.0014),
    ("FLU-DEM", "Dây chuyền viên nén", 0.0014), ("VITC-500", "Dây chuyền viên nén", 0.0016),
    ("MULTI-NL", "Dây chuyền viên nén", 0.0018), ("MULTI-TE", "Dây chuyền viên nén", 0.0016),
    ("ENZ-PLUS", "Dây chuyền ép vỉ", 0.0010), ("GINKGO-120", "Dây chuyền ép vỉ", 0.0010),
    ("NGAM-GUNG", "Dây chuyền ép vỉ", 0.0009), ("NGAM-BACHA", "Dây chuyền ép vỉ", 0.0009),
    ("SIRO-HS-60", "Dây chuyền siro", 0.0020), ("BOPHE-KIDS-60", "Dây chuyền siro", 0.0020),
    ("BOPHE-KIDS-100", "Dây chuyền siro", 0.0026), ("BOPHE-NL-100", "Dây chuyền siro", 0.0026),
    ("D3K-10", "Dây chuyền siro", 0.0030),
    ("CSUI-CAM", "Dây chuyền viên sủi", 0.0022), ("CSUI-CHANH", "Dây chuyền viên sủi", 0.0022),
    ("PARA-KIDS-250", "Máy đóng gói cốm", 0.0016), ("BIOLAC-KIDS", "Máy đóng gói cốm", 0.0018),
    ("BIOLAC-NL", "Máy đóng gói cốm", 0.0024), ("ORS-CAM", "Máy đóng gói cốm", 0.0016),
]
CAPACITY = {"Dây chuyền viên nén": 0.9, "Dây chuyền ép vỉ": 0.75, "Dây chuyền siro": 1.12,
            "Dây chuyền viên sủi": 1.06, "Máy đóng gói cốm": 0.85}
PLANTS = {"Dây chuyền siro": HUNG_YEN, "Dây chuyền viên sủi": HUNG_YEN, "Máy đóng gói cốm": HUNG_YEN}
# ref, sku, due date, quantity, kind, status, supplier
SUPPLY = [
    ("4500098765", "2028", "2026-05-18", 6000, "purchase_order", "firm", "Nordic Marine Oils AS"),
    ("PO/2026/041", "CANXI-D3", "2026-04-24", 5000, "purchase_order", "firm", "Nutra Asia Pte Ltd"),
    ("PO-TP-0317", "GLUCO-1500", "2026-03-30", 3000, "purchase_order", "released", "Kemin Health"),
    ("ĐH-0093", "SAM-GOLD", "2026-06-10", 800, "purchase_order", "planned", "HTX Sâm Ngọc Linh Kon Tum"),
    ("LSX-2604-01", "PARA500-H10", "2026-04-20", 40000, "production_order", "released", ""),
    ("LSX-2604-07", "BOPHE-KIDS-100", "2026-04-28", 12000, "production_order", "firm", ""),
    ("LSX-2605-02", "D3K-10", "2026-05-12", 5000, "production_order", "planned", ""),
    ("2026-118", "CSUI-CAM", "2026-05-06", 20000, "production_order", "firm", ""),
    ("0415", "FLU-DEM", "2026-04-15", 7000, "production_order", "released", ""),
    ("TR/HY-BD/09", "SIRO-HS-60", "2026-04-13", 6000, "transfer", "released", "Nhà máy Hưng Yên"),
]
CUSTOMERS = ["Nhà thuốc Long Châu", "Pharmacity", "Nhà thuốc An Khang", "Phano Pharmacy", "Bệnh viện Đa khoa Tâm Anh"]
EVENTS = [
    ("Mùa cúm 2025", "2025-06-01", "2025-09-30", "", "Ho cảm", 20, "other"),
    ("Quà Tết Bính Ngọ", "2026-01-05", "2026-02-10", "", "Thực phẩm chức năng", 40, "promotion"),
    ("Tết Nguyên Đán 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Ra mắt Vitamin D3 Kids", "2026-01-15", "2026-01-31", "D3K-10", "", 0, "launch"),
    ("Khuyến mãi hè C-Sủi", "2026-05-01", "2026-06-30", "", "Vitamin khoáng chất", 15, "promotion"),
    ("Mùa cúm 2026", "2026-06-01", "2026-09-30", "", "Ho cảm", 20, "other"),
]
STOCK_COVER = {"BOPHE-KIDS-100": 0.25, "CSUI-CAM": 0.3, "PARA500-H10": 0.35, "D3K-10": 0.3, "2028": 0.3,
               "GLUCO-1500": 0.4, "SAM-GOLD": 6.5, "PARA500-H25": 7.0, "NGAM-BACHA": 5.0, "IBU-400": 4.6,
               "MULTI-TE": 5.2}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "flu":  # rainy season in the south, winter in the north
        return {6: 1.2, 7: 1.35, 8: 1.4, 9: 1.3, 12: 1.2, 1: 1.25, 2: 1.1, 4: 0.85}.get(month, 1.0)
    if kind == "summer":  # hot months: effervescent vitamin C, oral rehydration, probiotics
        return {4: 1.3, 5: 1.45, 6: 1.4, 7: 1.2, 12: 0.8, 1: 0.8}.get(month, 1.0)
    if kind == "tet":  # gifts before Tết, a dip after it
        return {12: 1.4, 1: 1.9, 2: 0.7, 3: 0.8}.get(month, 1.0)
    if kind == "school":
        return {8: 1.5, 9: 1.4, 6: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-01", trend=0.004, pivot=12, noise=0.09,
                             promo=("SAM-GOLD", "2026-01", 1.4))  # the Tết gift promotion


def set_plants() -> None:
    """Put the Hưng Yên resources and the SKUs whose primary resource they are on the Hưng Yên plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=202020, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=BINH_DUONG,
                  location="Kho tổng Bình Dương", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-3, order_ref="HD-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
