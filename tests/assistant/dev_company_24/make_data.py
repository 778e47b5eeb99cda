"""Writes the monthly CSV files of dev company 24 (Công ty Cổ phần Phân bón Sao Việt, a Vietnamese maker of
fertilisers, rice seed and crop-protection products, VND; plants in Đồng Nai and Cần Thơ).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_24/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-03" <= f"{y}-{m:02d}" <= "2026-02"]  # 24 complete months before 2026-03-12
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-03" <= f"{y}-{m:02d}" <= "2027-08"]
AS_OF = "2026-03-11"
DONG_NAI = "Nhà máy Đồng Nai"
CAN_THO = "Nhà máy Cần Thơ"

# sku, name, family, price (VND), cost (VND), safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("NPK-16-25", "NPK Hạt Ngọc 16-16-8 bao 25 kg", "Phân NPK", 385000, 291000, 3000, 21, "active", 18000, "fert"),
    ("NPK-16-50", "NPK Hạt Ngọc 16-16-8 bao 50 kg", "Phân NPK", 740000, 562000, 4000, 21, "active", 26000, "fert"),
    ("NPK-20-25", "NPK Hạt Ngọc 20-20-15 bao 25 kg", "Phân NPK", 520000, 398000, 2500, 21, "active", 14000, "fert"),
    ("NPK-20-50", "NPK Hạt Ngọc 20-20-15 bao 50 kg", "Phân NPK", 1010000, 776000, 4000, 21, "active", 22000,
     "fert"),
    ("NPK-LV-50", "NPK Lúa Vàng 17-12-5 bao 50 kg", "Phân NPK", 690000, 521000, 1500, 21, "active", 9000, "fert"),
    ("URE-50", "Urê hạt đục bao 50 kg", "Phân đơn", 560000, 468000, 5000, 30, "active", 30000, "fert"),
    ("URE-HT-50", "Urê hạt trong bao 50 kg", "Phân đơn", 545000, 455000, 2000, 30, "active", 12000, "fert"),
    ("DAP-50", "DAP 18-46 bao 50 kg", "Phân đơn", 980000, 812000, 2500, 45, "active", 15000, "fert"),
    ("DAP-25", "DAP 18-46 bao 25 kg", "Phân đơn", 505000, 419000, 600, 45, "active", 4000, "fert"),
    ("2030", "Kali clorua bao 50 kg", "Phân đơn", 640000, 530000, 2000, 60, "active", 11000, "fert"),
    ("HC-DV-25", "Hữu cơ vi sinh Đất Vàng bao 25 kg", "Phân hữu cơ", 210000, 132000, 1200, 14, "active", 8000,
     "flat"),
    ("HC-DV-50", "Hữu cơ vi sinh Đất Vàng bao 50 kg", "Phân hữu cơ", 395000, 248000, 800, 14, "active", 5000,
     "flat"),
    ("HC-GV-20", "Phân gà viên nén bao 20 kg", "Phân hữu cơ", 175000, 104000, 900, 14, "active", 6000, "flat"),
    ("HC-TQ-25", "Phân trùn quế bao 25 kg", "Phân hữu cơ", 160000, 92000, 500, 14, "active", 3000, "flat"),
    ("PBL-LV-250", "Phân bón lá Lúa Vàng chai 250 ml", "Phân bón lá", 48000, 21000, 1500, 20, "active", 9000,
     "spray"),
    ("PBL-LV-500", "Phân bón lá Lúa Vàng chai 500 ml", "Phân bón lá", 89000, 39000, 1000, 20, "active", 6000,
     "spray"),
    ("PBL-RR-100", "Siêu Ra Rễ gói 100 g", "Phân bón lá", 25000, 9000, 1000, 35, "active", 7000, "spray"),
    ("GL-OM18-10", "Giống lúa OM18 bao 10 kg", "Giống lúa", 230000, 150000, 800, 30, "active", 5000, "seed"),
    ("GL-OM18-40", "Giống lúa OM18 bao 40 kg", "Giống lúa", 880000, 575000, 500, 30, "active", 3500, "seed"),
    ("GL-ST25-10", "Giống lúa ST25 bao 10 kg", "Giống lúa", 420000, 270000, 900, 30, "active", 6000, "seed"),
    ("GL-ST24-10", "Giống lúa ST24 bao 10 kg", "Giống lúa", 360000, 240000, 0, 30, "discontinued", 1500, "seed"),
    ("GL-5451-40", "Giống lúa OM5451 bao 40 kg", "Giống lúa", 820000, 540000, 400, 30, "active", 2500, "seed"),
    ("GL-DT8-10", "Giống lúa Đài Thơm 8 bao 10 kg", "Giống lúa", 310000, 200000, 300, 30, "new", 1800, "seed"),
    ("BV-RX-250", "Thuốc trừ sâu Rồng Xanh chai 250 ml", "Thuốc BVTV", 95000, 52000, 2000, 40, "active", 12000,
     "spray"),
    ("BV-RX-500", "Thuốc trừ sâu Rồng Xanh chai 500 ml", "Thuốc BVTV", 175000, 96000, 1500, 40, "active", 8000,
     "spray"),
    ("BV-LS-500", "Thuốc trừ bệnh Lúa Sạch chai 500 ml", "Thuốc BVTV", 160000, 87000, 1200, 40, "active", 7000,
     "spray"),
    ("BV-LS-100", "Thuốc trừ bệnh Lúa Sạch gói 100 g", "Thuốc BVTV", 32000, 14000, 1800, 40, "active", 10000,
     "spray"),
    ("BV-SC-500", "Thuốc trừ cỏ Sạch Cỏ chai 500 ml", "Thuốc BVTV", 120000, 64000, 1000, 40, "active", 6500,
     "spray"),
    ("BV-OT-100", "Thuốc trừ ốc Ốc Tiêu gói 100 g", "Thuốc BVTV", 28000, 12000, 600, 40, "active", 4000, "spray"),
]
ROUTING = [
    ("NPK-16-25", "Dây chuyền Tạo hạt NPK", 0.0020), ("NPK-16-50", "Dây chuyền Tạo hạt NPK", 0.0040),
    ("NPK-20-25", "Dây chuyền Tạo hạt NPK", 0.0021), ("NPK-20-50", "Dây chuyền Tạo hạt NPK", 0.0042),
    ("NPK-LV-50", "Dây chuyền Tạo hạt NPK", 0.0040),
    ("URE-50", "Dây chuyền Đóng bao Cần Thơ", 0.0012), ("URE-50", "Dây chuyền Đóng bao Đồng Nai", 0.0014),
    ("URE-HT-50", "Dây chuyền Đóng bao Cần Thơ", 0.0012),
    ("DAP-50", "Dây chuyền Đóng bao Đồng Nai", 0.0013), ("DAP-25", "Dây chuyền Đóng bao Đồng Nai", 0.0009),
    ("2030", "Dây chuyền Đóng bao Đồng Nai", 0.0013),
    ("HC-DV-25", "Dây chuyền Ủ Hữu cơ", 0.0030), ("HC-DV-50", "Dây chuyền Ủ Hữu cơ", 0.0055),
    ("HC-GV-20", "Dây chuyền Ủ Hữu cơ", 0.0025), ("HC-TQ-25", "Dây chuyền Ủ Hữu cơ", 0.0030),
    ("PBL-LV-250", "Xưởng Sang chai", 0.0008), ("PBL-LV-500", "Xưởng Sang chai", 0.0011),
    ("BV-RX-250", "Xưởng Sang chai", 0.0008), ("BV-RX-500", "Xưởng Sang chai", 0.0011),
    ("BV-LS-500", "Xưởng Sang chai", 0.0011), ("BV-SC-500", "Xưởng Sang chai", 0.0011),
    ("GL-OM18-10", "Xưởng Chế biến Giống", 0.0030), ("GL-OM18-40", "Xưởng Chế biến Giống", 0.0090),
    ("GL-ST25-10", "Xưởng Chế biến Giống", 0.0030), ("GL-5451-40", "Xưởng Chế biến Giống", 0.0090),
    ("GL-DT8-10", "Xưởng Chế biến Giống", 0.0030),
]
CAPACITY = {"Dây chuyền Tạo hạt NPK": 1.1, "Dây chuyền Đóng bao Đồng Nai": 0.85, "Dây chuyền Đóng bao Cần Thơ": 1.05,
            "Dây chuyền Ủ Hữu cơ": 0.9, "Xưởng Sang chai": 0.95, "Xưởng Chế biến Giống": 0.7}
PLANTS = {"Dây chuyền Đóng bao Cần Thơ": CAN_THO, "Dây chuyền Ủ Hữu cơ": CAN_THO, "Xưởng Sang chai": CAN_THO,
          "Xưởng Chế biến Giống": CAN_THO}
SUPPLY = [
    ("4500087731", "NPK-20-50", "2026-04-06", 20000, "production_order", "firm", ""),
    ("PO/2026/014", "URE-50", "2026-03-25", 30000, "purchase_order", "firm", "Tổng kho Đạm Nam Bộ"),
    ("PO-KALI-03", "2030", "2026-03-05", 15000, "purchase_order", "firm", "Kali Baltic Trading"),
    ("NK-26.0315", "DAP-50", "2026-04-20", 12000, "purchase_order", "released", "Vân Nam Lân Hóa"),
    ("LSX-0412", "GL-OM18-40", "2026-03-28", 3000, "production_order", "released", ""),
    ("LSX-0419", "GL-ST25-10", "2026-04-10", 2500, "production_order", "firm", ""),
    ("1650", "NPK-16-50", "2026-04-15", 8000, "production_order", "firm", ""),
    ("2026-118", "BV-RX-500", "2026-04-02", 10000, "production_order", "planned", ""),
    ("CT/DN/07", "HC-DV-25", "2026-03-20", 4000, "transfer", "released", "Nhà máy Cần Thơ"),
    ("PO/2026/021", "BV-LS-100", "2026-05-10", 20000, "purchase_order", "planned", "Hóa Nông Quảng Châu"),
]
CUSTOMERS = ["Đại lý Năm Hùng An Giang", "HTX Nông nghiệp Mỹ Thành", "Cửa hàng VTNN Bảy Phước",
             "Đại lý Kim Sơn Long An"]
EVENTS = [
    ("Khuyến mãi vụ Hè Thu 2025", "2025-04-01", "2025-05-31", "", "Phân NPK", 15, "promotion"),
    ("Ra mắt giống Đài Thơm 8", "2025-09-01", "2025-09-30", "GL-DT8-10", "", 0, "launch"),
    ("Khuyến mãi vụ Đông Xuân 2025-2026", "2025-11-15", "2026-01-15", "", "Phân NPK", 20, "promotion"),
    ("Tết Bính Ngọ", "2026-02-14", "2026-02-22", "", "", -15, "holiday"),
    ("Khuyến mãi vụ Hè Thu 2026", "2026-04-01", "2026-05-31", "", "Phân NPK", 15, "promotion"),
    ("Hội chợ Nông nghiệp Cần Thơ", "2026-08-20", "2026-08-24", "", "Giống lúa", 10, "other"),
]
STOCK_COVER = {"NPK-20-50": 0.3, "GL-OM18-40": 0.3, "BV-RX-500": 0.35, "2030": 0.3, "URE-50": 0.4,
               "GL-ST24-10": 6.5, "HC-DV-50": 5.5, "BV-OT-100": 5.0, "DAP-25": 4.8, "PBL-RR-100": 6.0}


def season(kind: str, period: str) -> float:
    """Mekong Delta rice crops: Đông Xuân sown Nov-Dec, Hè Thu Apr-May, Thu Đông / vụ Mùa Aug-Sep."""
    month = int(period[5:])
    if kind == "fert":
        return {12: 1.5, 1: 1.4, 2: 0.9, 4: 1.3, 5: 1.4, 6: 1.1, 8: 1.1, 9: 1.2, 3: 0.8, 7: 0.8, 10: 0.7,
                11: 1.0}.get(month, 1.0)
    if kind == "seed":
        return {10: 1.5, 11: 1.7, 3: 1.4, 4: 1.5, 7: 1.2, 12: 0.6, 1: 0.5, 2: 0.6, 6: 0.7}.get(month, 1.0)
    if kind == "spray":
        return {1: 1.3, 2: 1.2, 5: 1.3, 6: 1.3, 9: 1.2, 10: 1.1, 3: 0.8, 4: 0.9, 11: 0.8}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2025-09", trend=0.004, pivot=12, noise=0.08,
                             promo=("NPK-20-50", "2025-12", 1.3))  # vụ Đông Xuân promotion


def set_plants() -> None:
    """Put the Cần Thơ resources and the SKUs whose primary resource they are on the Cần Thơ plant; set each
    product's unit (bao, chai, gói) from its name."""
    primary: dict[str, str] = {}
    for sku, resource, _ in ROUTING:
        primary.setdefault(sku, resource)
    for name, key, column in (("capacity.csv", "resource", "plant"), ("products.csv", "sku", "plant")):
        path = HERE / name
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            resource = row[key] if key == "resource" else primary.get(row[key])
            if resource in PLANTS:
                row[column] = PLANTS[resource]
            if key == "sku":  # the unit a planner counts: bags, bottles, sachets
                row["uom"] = next(u for u in ("bao", "chai", "gói") if f" {u} " in row["name"])
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=242424, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=DONG_NAI,
                  location="Kho Tổng Đồng Nai", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY,
                  supply=SUPPLY, customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER,
                  monthly_sales=monthly_sales, budget_digits=-6, order_ref="DH{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
