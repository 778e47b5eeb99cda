"""Writes the development company of the router: a Vietnamese household and personal-care distributor.

Run ``python tests/assistant/dev_company/generate.py`` to rewrite the CSV files next to this script
(deterministic: the same seed gives the same files). ``company.toml`` and ``notes/`` are hand-written.

The catalogue is chosen to test name resolution: items sold in two pack sizes (a 500 ml and a 1 L of one
dish soap, two shampoo sizes, two toothpaste sizes, two laundry packs), different products that share a
word ("Trà Xanh", "Hoa Anh Đào", "Chanh", "Bưởi", "Hương"), two lines named "Dây chuyền 2" / "Dây
chuyền 3", and order references of several shapes (``4500012345``, ``PO/2026/001``, ``MO-2041``,
``CK-0031``).
"""

from __future__ import annotations

import csv
import math
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 11
FIRST_MONTH = (2024, 9)  # sales history from 2024-09 to 2026-10 (26 months)
LAST_MONTH = (2026, 10)
AS_OF = "2026-11-14"

BD, LA = "Bình Dương", "Long An"  # plants: the factory, and the warehouse of bought-in goods
A, N = "active", "new"
# sku, name, family, price and cost (thousand VND), base monthly units, safety stock, lead time, status, plant,
# unit of measure, minimum order quantity
PRODUCTS = [
    ("NGH-2L", "Nước giặt Hoa Anh Đào túi 2 L", "Giặt xả", 115, 72, 4200, 2500, 10, A, BD, "túi", 1000),
    ("NGH-4L", "Nước giặt Hoa Anh Đào can 4 L", "Giặt xả", 205, 131, 1800, 1000, 10, A, BD, "can", 500),
    ("NGE-2L", "Nước giặt Em Bé túi 2 L", "Giặt xả", 139, 88, 1500, 900, 10, A, BD, "túi", 500),
    ("XVH-18", "Nước xả vải Hoa Anh Đào 1,8 L", "Giặt xả", 98, 64, 2000, 1200, 21, A, LA, "chai", 1000),
    ("RCC-500", "Nước rửa chén Hương Chanh 500 ml", "Nước rửa chén", 28, 15.5, 6000, 3500, 7, A, BD, "chai", 2000),
    ("RCC-1L", "Nước rửa chén Hương Chanh 1 L", "Nước rửa chén", 49, 28, 3500, 2000, 7, A, BD, "chai", 1000),
    ("RCT-750", "Nước rửa chén Trà Xanh 750 ml", "Nước rửa chén", 39, 22.5, 2200, 1300, 7, A, BD, "chai", 1000),
    ("LSO-1L", "Nước lau sàn Oải Hương 1 L", "Nước lau sàn", 45, 26, 1600, 900, 7, A, BD, "chai", 500),
    ("LSS-1L", "Nước lau sàn Sả Chanh 1 L", "Nước lau sàn", 45, 26, 1400, 800, 7, A, BD, "chai", 500),
    ("DGB-300", "Dầu gội Bồ Kết 300 ml", "Dầu gội", 62, 34, 2500, 1400, 14, A, BD, "chai", 1000),
    ("DGB-650", "Dầu gội Bồ Kết 650 ml", "Dầu gội", 108, 61, 1900, 1100, 14, A, BD, "chai", 500),
    ("DGV-650", "Dầu gội Vỏ Bưởi 650 ml", "Dầu gội", 115, 70, 1700, 1000, 28, A, LA, "chai", 600),
    ("STT-500", "Sữa tắm Trà Xanh 500 ml", "Sữa tắm", 79, 43, 2100, 1200, 14, A, BD, "chai", 800),
    ("STB-500", "Sữa tắm Bưởi Hồng 500 ml", "Sữa tắm", 82, 45, 1500, 800, 14, A, BD, "chai", 800),
    ("STN-900", "Sữa tắm Hoa Nhài 900 ml", "Sữa tắm", 129, 74, 800, 500, 14, N, BD, "chai", 500),
    ("KDT-100", "Kem đánh răng Trà Xanh 100 g", "Kem đánh răng", 24, 13, 5000, 3000, 30, A, LA, "tuýp", 3000),
    ("KDT-180", "Kem đánh răng Trà Xanh 180 g", "Kem đánh răng", 38, 21, 3000, 1800, 30, A, LA, "tuýp", 2000),
    ("KDM-150", "Kem đánh răng Muối Tre 150 g", "Kem đánh răng", 33, 18, 2600, 1500, 30, A, LA, "tuýp", 2000),
]
NEW_FROM = {"STN-900": (2026, 5)}

# Seasonality by family: Tết (late January / February) lifts cleaning products in December-January;
# summer lifts shower gel; the rest is flat-ish.
SEASON = {
    "Giặt xả": [1.30, 1.05, 0.95, 0.90, 0.95, 1.00, 1.00, 0.95, 0.95, 1.00, 1.05, 1.20],
    "Nước rửa chén": [1.35, 1.00, 0.90, 0.90, 0.95, 0.95, 1.00, 0.95, 0.95, 1.00, 1.05, 1.25],
    "Nước lau sàn": [1.40, 0.95, 0.90, 0.90, 0.90, 0.95, 0.95, 0.95, 1.00, 1.00, 1.05, 1.30],
    "Dầu gội": [1.15, 1.00, 0.95, 1.00, 1.05, 1.05, 1.05, 1.00, 0.95, 0.95, 0.95, 1.10],
    "Sữa tắm": [1.05, 0.90, 0.95, 1.05, 1.15, 1.20, 1.20, 1.10, 1.00, 0.90, 0.85, 0.95],
    "Kem đánh răng": [1.10, 1.00, 1.00, 1.00, 1.00, 1.00, 1.00, 1.05, 1.05, 1.00, 0.95, 1.05],
}
# one-off spikes in the history (promotions), by sku and month: the reforecast questions exclude them
SPIKES = {("DGB-300", "2026-07"): 1.6, ("RCC-500", "2026-08"): 1.5, ("STT-500", "2026-06"): 1.4,
          ("STB-500", "2026-07"): 1.35}

ON_HAND = {  # units on hand on AS_OF, allocated: chosen so some items run short and some are overstocked
    "NGH-2L": (5200, 1200), "NGH-4L": (3100, 0), "NGE-2L": (2600, 300), "XVH-18": (2400, 0),
    "RCC-500": (4100, 1500), "RCC-1L": (5200, 0), "RCT-750": (4800, 0), "LSO-1L": (9800, 0),
    "LSS-1L": (1300, 0), "DGB-300": (1900, 400), "DGB-650": (4300, 0), "DGV-650": (2200, 0),
    "STT-500": (3900, 0), "STB-500": (10200, 0), "STN-900": (2100, 0), "KDT-100": (6500, 2000),
    "KDT-180": (5200, 0), "KDM-150": (9100, 0),
}

# open supply: ref, sku, due date, quantity, kind, status, supplier
SUPPLY = [
    ("4500012345", "XVH-18", "2026-11-20", 4000, "purchase_order", "firm", "Công ty Hóa Mỹ Phẩm Đông Á"),
    ("4500012346", "DGV-650", "2026-12-05", 3000, "purchase_order", "firm", "Công ty Hóa Mỹ Phẩm Đông Á"),
    ("4500012351", "XVH-18", "2027-01-08", 4500, "purchase_order", "planned", "Công ty Hóa Mỹ Phẩm Đông Á"),
    ("PO/2026/001", "KDT-100", "2026-11-25", 8000, "purchase_order", "firm", "Công ty TNHH Sao Việt"),
    ("PO/2026/002", "KDT-180", "2026-12-10", 5000, "purchase_order", "firm", "Công ty TNHH Sao Việt"),
    ("PO/2026/003", "KDM-150", "2026-12-18", 4000, "purchase_order", "planned", "Công ty TNHH Sao Việt"),
    ("PO/2026/004", "KDT-100", "2027-01-15", 9000, "purchase_order", "planned", "Công ty TNHH Sao Việt"),
    ("MO-2041", "RCC-500", "2026-11-28", 6000, "production_order", "released", ""),
    ("MO-2042", "RCC-1L", "2026-12-06", 3500, "production_order", "released", ""),
    ("MO-2043", "NGH-2L", "2026-12-02", 5000, "production_order", "firm", ""),
    ("MO-2044", "NGH-4L", "2026-12-12", 2000, "production_order", "firm", ""),
    ("MO-2045", "DGB-300", "2026-11-10", 3000, "production_order", "released", ""),
    ("MO-2046", "STT-500", "2026-12-15", 2500, "production_order", "planned", ""),
    ("MO-2047", "NGE-2L", "2027-01-05", 2500, "production_order", "planned", ""),
    ("MO-2048", "RCC-500", "2027-01-10", 7000, "production_order", "planned", ""),
    ("MO-2049", "DGB-650", "2027-01-20", 2000, "production_order", "planned", ""),
    ("CK-0031", "LSS-1L", "2026-11-22", 600, "transfer", "released", "Kho Long An"),
]

SAO_VIET = "Công ty TNHH Sao Việt"
DONG_A = "Công ty Hóa Mỹ Phẩm Đông Á"
HELD_BACK = {  # months without a new planned order: these SKUs run short there
    "RCC-500": ("2026-12",), "NGH-2L": ("2026-12", "2027-01"), "DGB-300": ("2026-12", "2027-01"),
    "LSS-1L": ("2026-12",), "KDT-100": ("2027-02",),
}

# resource, available hours per month (normal), plant
RESOURCES = [("Line A", 560.0, "Bình Dương"), ("Line B", 430.0, "Bình Dương"),
             ("Dây chuyền 2", 400.0, "Bình Dương"), ("Dây chuyền 3", 150.0, "Bình Dương")]
ROUTING = [  # sku, resource, hours per unit; a second row is an alternative resource
    ("NGH-2L", "Line A", 0.050), ("NGH-4L", "Line A", 0.070), ("NGE-2L", "Line A", 0.050),
    ("LSO-1L", "Line A", 0.035), ("LSS-1L", "Line A", 0.035),
    ("RCC-500", "Line B", 0.025), ("RCC-1L", "Line B", 0.035), ("RCC-1L", "Line A", 0.045),
    ("RCT-750", "Line B", 0.030),
    ("DGB-300", "Dây chuyền 2", 0.040), ("STT-500", "Dây chuyền 2", 0.045),
    ("STB-500", "Dây chuyền 2", 0.045), ("STN-900", "Dây chuyền 2", 0.060),
    ("DGB-650", "Dây chuyền 3", 0.065), ("DGB-650", "Dây chuyền 2", 0.075),
]
CUSTOMERS = ["Co.op Mart", "Bách Hóa Xanh", "WinMart", "Lotte Mart", "Đại lý Hải Phòng", "Nhà phân phối Cần Thơ"]


def months(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    out, (y, m) = [], first
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def label(ym: tuple[int, int]) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}"


def shift(ym: tuple[int, int], n: int) -> tuple[int, int]:
    idx = ym[0] * 12 + ym[1] - 1 + n
    return idx // 12, idx % 12 + 1


def expected(family: str, base: float, ym: tuple[int, int]) -> float:
    """The underlying demand of a month: base, a slow trend and the family's season."""
    t = (ym[0] - 2024) * 12 + ym[1] - 9
    return base * (1 + 0.006 * t) * SEASON[family][ym[1] - 1]


def planned_supply() -> list[tuple]:
    """Planned orders that keep each SKU above safety stock from December on, except the held-back months."""
    counters = {"production_order": 2050, "sap": 12352, 2026: 5, 2027: 1}  # PO/<year>/<n> per year
    out = []
    for sku, _name, fam, _price, _cost, base, safety, _lt, _st, plant, _uom, moq in PRODUCTS:
        balance = ON_HAND[sku][0] - ON_HAND[sku][1]
        for ym in months((2026, 11), (2027, 5)):
            balance += sum(s[3] for s in SUPPLY if s[1] == sku and s[2].startswith(label(ym)))
            demand = expected(fam, base, ym)
            if ym >= (2026, 12) and label(ym) not in HELD_BACK.get(sku, ()) and balance - demand < safety:
                qty = math.ceil((safety + demand - balance + demand) / moq) * moq
                balance += qty
                if plant == "Bình Dương":
                    ref, kind, supplier = f"MO-{counters['production_order']}", "production_order", ""
                    counters["production_order"] += 1
                elif fam == "Kem đánh răng":
                    ref, kind, supplier = f"PO/{ym[0]}/{counters[ym[0]]:03d}", "purchase_order", SAO_VIET
                    counters[ym[0]] += 1
                else:
                    ref, kind, supplier = f"45000{counters['sap']}", "purchase_order", DONG_A
                    counters["sap"] += 1
                out.append((ref, sku, f"{label(ym)}-03", qty, kind, "planned", supplier))
            balance -= demand
    return out


def write(name: str, header: list[str], rows: list[list]) -> None:
    with (HERE / name).open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(header)
        out.writerows(rows)


def main() -> None:
    rng = random.Random(SEED)
    history = months(FIRST_MONTH, LAST_MONTH)

    write("products.csv", ["sku", "name", "family", "unit_price", "unit_cost", "safety_stock", "lead_time_days",
                           "status", "plant", "uom", "min_order_qty"],
          [[*p[:3], p[3] * 1000, round(p[4] * 1000), *p[6:]] for p in PRODUCTS])

    sales, actual = [], {}
    for sku, _name, fam, _price, _cost, base, *_ in PRODUCTS:
        start = NEW_FROM.get(sku, FIRST_MONTH)
        for ym in history:
            if ym < start:
                continue
            ramp = min(1.0, 0.4 + 0.12 * len(months(start, ym))) if sku in NEW_FROM else 1.0
            qty = expected(fam, base, ym) * ramp * rng.gauss(1, 0.08) * SPIKES.get((sku, label(ym)), 1.0)
            actual[(sku, label(ym))] = max(0, round(qty))
            sales.append([sku, label(ym), actual[(sku, label(ym))]])
    write("sales_history.csv", ["sku", "period", "quantity"], sales)

    write("inventory.csv", ["sku", "on_hand", "as_of", "location", "allocated"],
          [[p[0], ON_HAND[p[0]][0], AS_OF, "Kho Long An" if p[9] == "Long An" else "Kho Bình Dương",
            ON_HAND[p[0]][1]] for p in PRODUCTS])

    write("supply.csv", ["sku", "due_date", "quantity", "kind", "status", "ref", "supplier"],
          [[s[1], s[2], s[3], s[4], s[5], s[0], s[6]] for s in SUPPLY + planned_supply()])

    cap_rows = []
    for res, hours, plant in RESOURCES:
        for ym in months((2026, 1), (2028, 4)):
            factor = {2: 0.75, 1: 1.0}.get(ym[1], 1.0)  # Tết holiday in February
            if res == "Dây chuyền 2" and ym == (2027, 1):
                factor = 0.8  # planned maintenance, noted in the supply review
            cap_rows.append([res, label(ym), round(hours * factor, 1), plant])
    write("capacity.csv", ["resource", "period", "available_hours", "plant"], cap_rows)
    write("routing.csv", ["sku", "resource", "hours_per_unit"], [list(r) for r in ROUTING])

    plan_rows, budget_rows = [], []
    for fam in SEASON:
        skus = [p for p in PRODUCTS if p[2] == fam]
        for ym in months((2026, 11), (2027, 4)):
            qty = sum(expected(fam, p[5], ym) for p in skus) * 1.04
            plan_rows.append([label(ym), round(qty, -1), "", fam, "sales", ""])
        for ym in months((2026, 1), (2027, 12)):
            rev = sum(expected(fam, p[5], ym) * p[3] * 1000 for p in skus) * 1.05
            budget_rows.append([label(ym), round(rev, -6), fam])
    plan_rows.append(["2027-01", 2500, "RCC-500", "", "marketing", "Khuyến mãi Tết: mua 2 tặng 1"])
    plan_rows.append(["2027-01", 1200, "NGH-2L", "", "marketing", "Khuyến mãi Tết tại Co.op Mart"])
    write("sales_plan.csv", ["period", "quantity", "sku", "family", "source", "note"], plan_rows)
    write("budget.csv", ["period", "revenue", "family"], budget_rows)

    orders, n = [], 26000
    for sku, *_ in PRODUCTS:
        for ym in months((2025, 11), LAST_MONTH):
            total = actual.get((sku, label(ym)))
            if not total:
                continue
            parts = [round(total * 0.55), total - round(total * 0.55)]
            for qty in parts:
                n += 1
                day = rng.randint(1, 20)
                req = min(28, day + rng.randint(3, 7))
                short = rng.random() < 0.12
                late = rng.random() < 0.15
                shipped = round(qty * rng.uniform(0.7, 0.95)) if short else qty
                ship_day = min(28, req + rng.randint(1, 4)) if late else max(day, req - rng.randint(0, 2))
                orders.append([f"DH-{n}", sku, f"{label(ym)}-{day:02d}", f"{label(ym)}-{req:02d}", qty, shipped,
                               f"{label(ym)}-{ship_day:02d}", rng.choice(CUSTOMERS)])
    write("orders.csv", ["order_id", "sku", "order_date", "requested_date", "quantity", "shipped_quantity",
                         "ship_date", "customer"], orders)

    snaps = []
    for sku, _name, fam, _price, _cost, base, *_ in PRODUCTS:
        for ym in months((2025, 11), (2027, 2)):
            for lag in (1, 2, 3):
                made = shift(ym, -lag)
                if made > (2026, 11) or ym < NEW_FROM.get(sku, FIRST_MONTH):
                    continue
                bias = 1.06 if fam == "Sữa tắm" else 0.97 if fam == "Giặt xả" else 1.0
                qty = expected(fam, base, ym) * bias * rng.gauss(1, 0.05 + 0.03 * lag)
                snaps.append([sku, f"{label(made)}-01", label(ym), round(qty), "legacy"])
    write("forecast_snapshots.csv", ["sku", "made_on", "period", "quantity", "source"], snaps)


if __name__ == "__main__":
    main()
