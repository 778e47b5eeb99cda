"""Writes the numeric CSV files of the two held-out evaluation companies.

The catalogues, order references, resources and meeting notes are written by hand (here and in each
company's ``notes/``); the monthly figures are drawn from a fixed seed so that a re-run writes the same
files. Run from the repository root::

    python tests/assistant/eval_companies/make_data.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-10"]  # 28 complete months before 2026-11-15
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-11" <= f"{y}-{m:02d}" <= "2028-04"]  # 18 months from the planning month
AS_OF = "2026-11-14"

# --- Hương Quê: a Vietnamese food maker (VND) ----------------------------------------------------
# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season, resource
VI_PRODUCTS = [
    ("NM-PQ-500", "Nước mắm Phú Quốc 40 độ đạm 500ml", "Nước mắm", 68000, 41000, 4000, 21, "active", 14000, "tet"),
    ("NM-PQ-1L", "Nước mắm Phú Quốc 40 độ đạm 1L", "Nước mắm", 118000, 72000, 2500, 21, "active", 8200, "tet"),
    ("NM-PT-500", "Nước mắm Phan Thiết 30 độ đạm 500ml", "Nước mắm", 42000, 24000, 3000, 21, "active", 11000, "tet"),
    ("NM-CHAY-500", "Nước mắm chay 500ml", "Nước mắm", 39000, 21000, 800, 21, "new", 2400, "flat"),
    ("MI-BO-75", "Mì bò hầm gói 75g", "Mì ăn liền", 5500, 3100, 25000, 14, "active", 95000, "rain"),
    ("MI-BO-TH30", "Mì bò hầm thùng 30 gói", "Mì ăn liền", 152000, 88000, 600, 14, "active", 2100, "rain"),
    ("MI-TC-75", "Mì tôm chua cay gói 75g", "Mì ăn liền", 4800, 2700, 30000, 14, "active", 120000, "rain"),
    ("MI-GA-65", "Mì gà nấm ly 65g", "Mì ăn liền", 11000, 6200, 6000, 14, "active", 26000, "flat"),
    ("CF-CD-250", "Cà phê rang xay Cầu Đất 250g", "Cà phê", 95000, 52000, 1200, 30, "active", 5200, "tet"),
    ("CF-CD-500", "Cà phê rang xay Cầu Đất 500g", "Cà phê", 178000, 99000, 700, 30, "active", 2900, "tet"),
    ("CF-HT-20", "Cà phê sữa hòa tan 3 trong 1 hộp 20 gói", "Cà phê", 62000, 38000, 2000, 35, "active", 9800, "flat"),
    ("CF-DEN-18", "Cà phê đen hòa tan hộp 18 gói", "Cà phê", 58000, 34000, 900, 35, "active", 3600, "flat"),
    ("BK-TT-200", "Bánh trung thu thập cẩm 200g", "Bánh kẹo", 85000, 41000, 0, 45, "active", 0, "moon"),
    ("BK-DX-150", "Bánh đậu xanh Hải Dương hộp 150g", "Bánh kẹo", 45000, 27000, 1500, 28, "active", 6000, "tet"),
    ("BK-PIA-400", "Bánh pía sầu riêng 400g", "Bánh kẹo", 72000, 46000, 1000, 28, "active", 4300, "tet"),
    ("BK-GAO-100", "Bánh gạo nướng 100g", "Bánh kẹo", 18000, 9500, 3000, 10, "active", 15500, "flat"),
    ("GV-TO-250", "Tương ớt Sài Gòn chai 250g", "Gia vị", 16000, 8800, 5000, 20, "active", 21000, "flat"),
    ("GV-TO-500", "Tương ớt Sài Gòn chai 500g", "Gia vị", 27000, 15500, 2500, 20, "active", 9400, "flat"),
    ("GV-HN-200", "Hạt nêm nấm hương 200g", "Gia vị", 32000, 17500, 2000, 18, "active", 8800, "tet"),
    ("GV-MT-100", "Muối tôm Tây Ninh hũ 100g", "Gia vị", 25000, 13000, 1200, 25, "active", 5100, "flat"),
]
VI_ROUTING = [  # the first row of a sku is its primary resource
    ("NM-PQ-500", "Dây chuyền đóng chai 1", 0.0021), ("NM-PQ-500", "Dây chuyền đóng chai 2", 0.0026),
    ("NM-PT-500", "Dây chuyền đóng chai 1", 0.0021), ("NM-CHAY-500", "Dây chuyền đóng chai 1", 0.0023),
    ("NM-PQ-1L", "Dây chuyền đóng chai 2", 0.0034), ("GV-TO-250", "Dây chuyền đóng chai 2", 0.0012),
    ("GV-TO-500", "Dây chuyền đóng chai 2", 0.0016),
    ("MI-BO-75", "Dây chuyền mì gói", 0.00042), ("MI-TC-75", "Dây chuyền mì gói", 0.00042),
    ("MI-BO-TH30", "Dây chuyền mì gói", 0.0135), ("MI-GA-65", "Dây chuyền mì ly", 0.0011),
    ("CF-CD-250", "Máy rang cà phê", 0.0065), ("CF-CD-500", "Máy rang cà phê", 0.0120),
    ("BK-TT-200", "Lò nướng bánh", 0.0040), ("BK-GAO-100", "Lò nướng bánh", 0.0032),
    ("GV-HN-200", "Máy đóng gói gia vị", 0.0030),
]
# resource -> usual load (required / available hours); the hours are set from the last year's demand
VI_CAPACITY = {"Dây chuyền đóng chai 1": 0.82, "Dây chuyền đóng chai 2": 0.9, "Dây chuyền mì gói": 0.97,
               "Dây chuyền mì ly": 0.6, "Máy rang cà phê": 0.75, "Lò nướng bánh": 0.55, "Máy đóng gói gia vị": 0.7}
VI_PLANT = "Nhà máy Bình Dương"
VI_SUPPLY = [  # ref, sku, due date, quantity, kind, status, supplier
    ("4500023817", "CF-HT-20", "2026-12-05", 12000, "purchase_order", "firm", "Nhà máy Cà phê Buôn Ma Thuột"),
    ("4500023902", "CF-DEN-18", "2027-01-08", 5000, "purchase_order", "planned", "Nhà máy Cà phê Buôn Ma Thuột"),
    ("PO/2026/087", "BK-PIA-400", "2026-11-28", 6000, "purchase_order", "firm", "Cơ sở bánh pía Vĩnh Châu"),
    ("PO/2026/094", "BK-DX-150", "2026-12-12", 9000, "purchase_order", "released", "Công ty Bánh đậu xanh Rồng Vàng"),
    ("PO-2291", "GV-TO-250", "2026-12-01", 20000, "purchase_order", "firm", "Xưởng bao bì Tân Phú"),
    ("PO-2304", "GV-MT-100", "2026-11-06", 5000, "purchase_order", "firm", "Cơ sở muối tôm Bà Đen"),
    ("LSX-2611-04", "NM-PQ-1L", "2026-11-24", 9000, "production_order", "released", ""),
    ("LSX-2612-01", "NM-PQ-500", "2026-12-08", 16000, "production_order", "firm", ""),
    ("LSX-2612-02", "MI-BO-75", "2026-12-15", 110000, "production_order", "firm", ""),
    ("LSX-2612-03", "NM-PT-500", "2026-12-18", 12000, "production_order", "planned", ""),
    ("LSX-2701-01", "MI-TC-75", "2027-01-05", 130000, "production_order", "planned", ""),
    ("LSX-2701-02", "CF-CD-250", "2027-01-06", 7000, "production_order", "planned", ""),
]
VI_CUSTOMERS = ["Co.opmart", "Bách Hóa Xanh", "WinMart", "Đại lý Cô Ba Chợ Lớn", "Nhà phân phối Miền Tây"]
VI_EVENTS = [
    ("Tết Nguyên đán 2025", "2025-01-06", "2025-01-28", "", "Nước mắm", 30, "holiday"),
    ("Tết Nguyên đán 2026", "2026-01-19", "2026-02-16", "", "Nước mắm", 30, "holiday"),
    ("Khuyến mãi Phú Quốc 1L tháng 8", "2026-08-01", "2026-08-31", "NM-PQ-1L", "", 40, "promotion"),
    ("Trung thu 2026", "2026-08-20", "2026-09-25", "BK-TT-200", "", 0, "holiday"),
    ("Tết Nguyên đán 2027", "2027-01-11", "2027-02-05", "", "Nước mắm", 30, "holiday"),
    ("Ra mắt nước mắm chay", "2026-06-01", "2026-06-30", "NM-CHAY-500", "", 0, "launch"),
]

# --- Maple Hollow: an English-speaking pet supplies maker and distributor (CAD) -----------------------
EN_PRODUCTS = [
    ("DOG-SALM-2", "Salmon & Rice Dog Food 2 kg", "Dog Food", 18.99, 9.80, 500, 21, "active", 2600, "flat"),
    ("DOG-SALM-12", "Salmon & Rice Dog Food 12 kg", "Dog Food", 74.99, 41.50, 220, 21, "active", 1150, "flat"),
    ("DOG-LAMB-12", "Lamb & Rice Dog Food 12 kg", "Dog Food", 79.99, 45.00, 180, 35, "active", 900, "flat"),
    ("DOG-PUP-3", "Puppy Starter Dog Food 3 kg", "Dog Food", 29.99, 15.20, 150, 21, "new", 700, "flat"),
    ("CAT-SALM-400", "Salmon Pâté Cat Food 400 g", "Cat Food", 3.49, 1.65, 2500, 14, "active", 14500, "flat"),
    ("CAT-CHK-400", "Chicken Pâté Cat Food 400 g", "Cat Food", 3.29, 1.55, 2500, 14, "active", 16800, "flat"),
    ("CAT-KIT-15", "Kitten Dry Food 1.5 kg", "Cat Food", 21.49, 10.90, 300, 21, "active", 1500, "flat"),
    ("LIT-CLAY-10", "Clumping Clay Litter 10 L", "Cat Litter", 12.99, 5.10, 900, 14, "active", 5200, "winter"),
    ("LIT-CLAY-20", "Clumping Clay Litter 20 L", "Cat Litter", 22.99, 9.40, 600, 14, "active", 3100, "winter"),
    ("LIT-PINE-15", "Pine Pellet Litter 15 L", "Cat Litter", 16.49, 7.70, 300, 42, "active", 1400, "winter"),
    ("TRT-DENT-S", "Dental Chews Small", "Treats", 9.99, 4.10, 600, 14, "active", 3900, "gift"),
    ("TRT-DENT-L", "Dental Chews Large", "Treats", 12.99, 5.60, 450, 14, "active", 2700, "gift"),
    ("TRT-JERK-200", "Chicken Jerky Treats 200 g", "Treats", 8.49, 3.90, 500, 28, "active", 3300, "gift"),
    ("ACC-BED-M", "Orthopedic Dog Bed Medium", "Accessories", 64.99, 28.00, 60, 56, "active", 310, "gift"),
    ("ACC-BED-L", "Orthopedic Dog Bed Large", "Accessories", 84.99, 37.00, 45, 56, "active", 220, "gift"),
    ("ACC-BOWL-M", "Stainless Steel Bowl Medium", "Accessories", 11.99, 3.20, 150, 49, "active", 880, "flat"),
    ("ACC-TOY-ROPE", "Rope Tug Toy", "Accessories", 7.99, 2.10, 200, 49, "active", 1250, "gift"),
    ("ACC-LEASH", "Reflective Leash 1.8 m", "Accessories", 15.99, 4.80, 120, 49, "active", 640, "flat"),
]
EN_ROUTING = [
    ("DOG-SALM-2", "Kibble Extruder 1", 0.0042), ("DOG-SALM-12", "Kibble Extruder 1", 0.0210),
    ("DOG-SALM-12", "Kibble Extruder 2", 0.0250), ("DOG-PUP-3", "Kibble Extruder 2", 0.0065),
    ("CAT-KIT-15", "Kibble Extruder 2", 0.0036),
    ("CAT-SALM-400", "Can Line", 0.0011), ("CAT-CHK-400", "Can Line", 0.0011),
    ("LIT-CLAY-10", "Litter Bagging Line", 0.0040), ("LIT-CLAY-20", "Litter Bagging Line", 0.0066),
    ("TRT-DENT-S", "Treat Oven", 0.0045), ("TRT-DENT-L", "Treat Oven", 0.0060),
]
EN_CAPACITY = {"Kibble Extruder 1": 0.8, "Kibble Extruder 2": 0.92, "Can Line": 0.7,
               "Litter Bagging Line": 0.85, "Treat Oven": 0.95}
EN_PLANT = "Laval plant"
EN_SUPPLY = [
    ("4500078812", "ACC-BED-M", "2026-12-03", 400, "purchase_order", "firm", "Northern Comfort Beds"),
    ("4500078840", "ACC-BED-L", "2026-12-03", 300, "purchase_order", "firm", "Northern Comfort Beds"),
    ("PO/2026/219", "LIT-PINE-15", "2026-11-27", 2400, "purchase_order", "firm", "Boréal Wood Pellets"),
    ("PO/2026/231", "ACC-BOWL-M", "2027-01-14", 1800, "purchase_order", "planned", "Ironbridge Housewares"),
    ("PO-3317", "DOG-LAMB-12", "2026-12-10", 1600, "purchase_order", "firm", "Prairie Co-Pack"),
    ("PO-3342", "TRT-JERK-200", "2026-11-30", 6000, "purchase_order", "released", "Fraser Valley Treats"),
    ("PO-3290", "ACC-TOY-ROPE", "2026-11-05", 2500, "purchase_order", "firm", "Ironbridge Housewares"),
    ("WO-88123", "DOG-SALM-12", "2026-11-25", 1200, "production_order", "released", ""),
    ("WO-88124", "DOG-SALM-2", "2026-12-02", 3000, "production_order", "firm", ""),
    ("WO-88131", "CAT-CHK-400", "2026-12-09", 18000, "production_order", "firm", ""),
    ("WO-88135", "CAT-KIT-15", "2026-12-14", 1800, "production_order", "firm", ""),
    ("WO-88140", "LIT-CLAY-20", "2026-12-16", 3500, "production_order", "planned", ""),
    ("TRF-0457", "LIT-CLAY-10", "2026-11-20", 2000, "transfer", "released", "Mississauga DC"),
]
EN_CUSTOMERS = ["Pawsitive Pet Stores", "Northshore Vet Clinics", "GreenLeaf Grocery", "PetDepot Online"]
EN_EVENTS = [
    ("Salmon pâté summer promo", "2026-07-01", "2026-07-31", "CAT-SALM-400", "", 35, "promotion"),
    ("Black Friday 2026", "2026-11-27", "2026-11-30", "", "Treats", 25, "promotion"),
    ("Holiday gifting 2026", "2026-12-01", "2026-12-24", "", "Accessories", 30, "holiday"),
    ("Puppy Starter launch", "2026-04-01", "2026-04-30", "DOG-PUP-3", "", 0, "launch"),
]


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "tet":  # the weeks before Tết: 2025-01-29 and 2026-02-17
        return {"2024-12": 1.3, "2025-01": 1.55, "2026-01": 1.35, "2026-02": 1.45}.get(period, 1.0)
    if kind == "rain":  # the rainy season, May to October
        return 1.15 if 5 <= month <= 10 else 0.92
    if kind == "winter":
        return 1.2 if month in (11, 12, 1, 2) else 0.95
    if kind == "gift":
        return {11: 1.45, 12: 1.8}.get(month, 0.9)
    return 1.0


def monthly_sales(rng: random.Random, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, period in enumerate(HISTORY):
        if kind == "moon":  # mooncakes sell in the six weeks before the Mid-Autumn festival only
            qty = {"2024-08": 9000, "2024-09": 21000, "2025-08": 4000, "2025-09": 17500, "2025-10": 6500,
                   "2026-08": 10500, "2026-09": 19800}.get(period, 0)
            out[period] = qty
            continue
        if status == "new" and period < ("2026-06" if sku.startswith("NM") else "2026-04"):
            continue
        level = base * (1 + 0.006 * (i - 14)) * season(kind, period)
        if sku == "NM-PQ-1L" and period == "2026-08":
            level *= 1.45  # the August promotion
        if sku == "CAT-SALM-400" and period == "2026-07":
            level *= 1.4  # the summer promotion
        out[period] = max(0, round(level * rng.gauss(1.0, 0.08)))
    return out


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def build(folder: Path, name: str, currency: str, products, routing, capacity, plant, supply, customers,
          events, stock_cover: dict[str, float], seed: int, order_prefix: str) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "company.toml").write_text(
        f'name = "{name}"\ncurrency = "{currency}"\nplanning_date = 2026-11-15\nhorizon_months = 18\n',
        encoding="utf-8",
    )
    primary = {}
    for sku, resource, _ in routing:
        primary.setdefault(sku, resource)
    write(folder / "products.csv",
          ["sku", "name", "family", "unit_price", "unit_cost", "safety_stock", "lead_time_days", "status",
           "plant", "uom", "min_order_qty"],
          [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], plant if p[0] in primary else "", "units",
            int(max(100, round(p[8] * 0.25, -2))) if p[8] else 500] for p in products])
    sales = {p[0]: monthly_sales(rng, p[0], p[8], p[9], p[7]) for p in products}
    write(folder / "sales_history.csv", ["sku", "period", "quantity"],
          [[sku, period, qty] for sku, months in sales.items() for period, qty in months.items()])
    recent = {sku: sum(list(m.values())[-3:]) / 3 if m else 0 for sku, m in sales.items()}
    inventory = []
    for p in products:
        cover = stock_cover.get(p[0], 1.3)
        on_hand = round(cover * (recent[p[0]] or 1000))
        allocated = round(on_hand * 0.05)
        inventory.append([p[0], on_hand, AS_OF, "Kho chính" if currency == "VND" else "Main DC", allocated])
    write(folder / "inventory.csv", ["sku", "on_hand", "as_of", "location", "allocated"], inventory)
    write(folder / "supply.csv", ["ref", "sku", "due_date", "quantity", "kind", "status", "supplier"],
          [list(s) for s in supply])
    required = {res: 0.0 for res in capacity}
    for sku, resource, hours in routing:
        if primary[sku] == resource:
            required[resource] += hours * sum(list(sales[sku].values())[-12:]) / 12
    write(folder / "capacity.csv", ["resource", "period", "available_hours", "plant"],
          [[res, period, round(required[res] / load * (0.85 if period[5:] == "02" else 1.0)), plant]
           for res, load in capacity.items() for period in PLAN])
    write(folder / "routing.csv", ["sku", "resource", "hours_per_unit"], [list(r) for r in routing])
    families = sorted({p[2] for p in products})
    family_level = {f: sum(recent[p[0]] for p in products if p[2] == f) for f in families}
    write(folder / "sales_plan.csv", ["period", "family", "quantity", "source", "note"],
          [[period, f, int(round(family_level[f] * rng.uniform(1.0, 1.12), -2)), "sales", ""]
           for f in families for period in PLAN[:12]])
    price = {p[0]: p[3] for p in products}
    family_revenue = {f: sum(recent[p[0]] * price[p[0]] for p in products if p[2] == f) for f in families}
    budget_months = [m for m in HISTORY if m >= "2026-01"] + PLAN[:14]
    write(folder / "budget.csv", ["period", "family", "revenue"],
          [[period, f, int(round(family_revenue[f] * rng.uniform(0.98, 1.1), -3 if currency == "VND" else 0))]
           for f in families for period in budget_months])
    write(folder / "events.csv", ["name", "start", "end", "sku", "family", "uplift_pct", "kind"],
          [list(e) for e in events])
    orders = []
    n = 0
    for period in HISTORY[-4:]:
        for p in products:
            if not sales[p[0]].get(period):
                continue
            for _ in range(2):
                n += 1
                day = rng.randint(2, 18)
                qty = max(1, round(sales[p[0]][period] * rng.uniform(0.05, 0.15)))
                short = rng.random() < 0.12
                late = rng.random() < 0.15
                shipped = round(qty * rng.uniform(0.6, 0.95)) if short else qty
                orders.append([f"{order_prefix}{n:05d}", p[0], f"{period}-{day:02d}", f"{period}-{day + 5:02d}",
                               qty, shipped, f"{period}-{day + 5 + (rng.randint(2, 6) if late else 0):02d}",
                               rng.choice(customers)])
    write(folder / "orders.csv", ["order_id", "sku", "order_date", "requested_date", "quantity",
                                  "shipped_quantity", "ship_date", "customer"], orders)
    snapshots = []
    for p in products:
        for period in HISTORY[-10:]:
            actual = sales[p[0]].get(period)
            if actual is None:
                continue
            y, m = int(period[:4]), int(period[5:])
            for lag in (1, 2):
                index = y * 12 + m - 1 - lag
                made_on = f"{index // 12}-{index % 12 + 1:02d}-01"
                error = rng.gauss(0.03, 0.12 + 0.04 * lag)
                snapshots.append([p[0], made_on, period, max(0, round(actual * (1 + error))), "legacy"])
    write(folder / "forecast_snapshots.csv", ["sku", "made_on", "period", "quantity", "source"], snapshots)


def main() -> None:
    build(HERE / "huong_que_foods", "Công ty TNHH Thực phẩm Hương Quê", "VND", VI_PRODUCTS, VI_ROUTING,
          VI_CAPACITY, VI_PLANT, VI_SUPPLY, VI_CUSTOMERS, VI_EVENTS,
          {"NM-PQ-500": 0.45, "NM-PQ-1L": 0.6, "MI-BO-75": 0.7, "BK-TT-200": 0.0, "GV-TO-500": 5.2,
           "GV-HN-200": 4.6, "CF-DEN-18": 0.5, "BK-PIA-400": 0.8},
          seed=1107, order_prefix="DH-")
    # the mooncakes left after the festival: stock with no demand ahead
    path = HERE / "huong_que_foods" / "inventory.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    for row in rows[1:]:
        if row[0] == "BK-TT-200":
            row[1], row[4] = "7400", "0"
    write(path, rows[0], rows[1:])
    build(HERE / "maple_hollow_pets", "Maple Hollow Pet Supply Ltd.", "CAD", EN_PRODUCTS, EN_ROUTING,
          EN_CAPACITY, EN_PLANT, EN_SUPPLY, EN_CUSTOMERS, EN_EVENTS,
          {"DOG-LAMB-12": 0.5, "LIT-PINE-15": 0.4, "ACC-BED-M": 0.3, "ACC-BED-L": 0.35, "TRT-DENT-S": 0.7,
           "LIT-CLAY-20": 4.8, "ACC-LEASH": 6.5, "ACC-BOWL-M": 4.1, "ACC-TOY-ROPE": 0.2},
          seed=2203, order_prefix="SO-")


if __name__ == "__main__":
    main()
