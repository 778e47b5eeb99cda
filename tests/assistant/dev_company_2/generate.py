"""Writes the CSV files of dev_company_2 and dev_company_3 (the notes are hand-written). Run from anywhere."""

import csv
import math
import random
from pathlib import Path


def months(start, end):
    y, m = start
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


HIST = months((2024, 9), (2026, 10))
FUT = months((2026, 1), (2027, 12))


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def build(out, seed, company, products, routing, resources, supply, plant, customers, budget_scale):
    rnd = random.Random(seed)
    out = Path(out)
    (out / "notes").mkdir(parents=True, exist_ok=True)
    (out / "company.toml").write_text(company, encoding="utf-8")
    write(
        out / "products.csv",
        [
            "sku",
            "name",
            "family",
            "unit_price",
            "unit_cost",
            "safety_stock",
            "lead_time_days",
            "status",
            "plant",
            "uom",
            "min_order_qty",
        ],
        [
            [
                p["sku"],
                p["name"],
                p["family"],
                p["price"],
                round(p["price"] * 0.62, 2),
                int(p["base"] * 0.4),
                p.get("lt", 21),
                "active",
                plant,
                p.get("uom", "ea"),
                int(p["base"] * 0.25),
            ]
            for p in products
        ],
    )
    sales = []
    hist = {}
    for p in products:
        for i, per in enumerate(HIST):
            mo = int(per[5:])
            season = 1 + p.get("amp", 0.15) * math.sin((mo - p.get("peak", 3)) / 12 * 2 * math.pi + math.pi / 2)
            q = max(0, round(p["base"] * season * (1 + 0.01 * i) * rnd.uniform(0.85, 1.15)))
            hist[(p["sku"], per)] = q
            sales.append([p["sku"], per, q])
    write(out / "sales_history.csv", ["sku", "period", "quantity"], sales)
    write(
        out / "inventory.csv",
        ["sku", "on_hand", "as_of", "location", "allocated"],
        [[p["sku"], int(p["base"] * p.get("cover", 1.2)), "2026-11-14", plant, int(p["base"] * 0.1)] for p in products],
    )
    write(out / "supply.csv", ["sku", "due_date", "quantity", "kind", "status", "ref", "supplier"], supply)
    cap = []
    for r, hrs in resources:
        for per in FUT[:18]:
            cap.append([r, per, hrs, plant])
    write(out / "capacity.csv", ["resource", "period", "available_hours", "plant"], cap)
    write(out / "routing.csv", ["sku", "resource", "hours_per_unit"], routing)
    fams = sorted({p["family"] for p in products})
    plan = []
    for per in months((2026, 11), (2027, 6)):
        for f in fams:
            tot = sum(p["base"] for p in products if p["family"] == f)
            plan.append([per, round(tot * rnd.uniform(1.0, 1.15)), "", f, "sales", ""])
    write(out / "sales_plan.csv", ["period", "quantity", "sku", "family", "source", "note"], plan)
    bud = []
    for per in months((2026, 1), (2027, 6)):
        for f in fams:
            rev = sum(p["base"] * p["price"] for p in products if p["family"] == f)
            bud.append([per, round(rev * rnd.uniform(1.0, 1.1) / budget_scale) * budget_scale, f])
    write(out / "budget.csv", ["period", "revenue", "family"], bud)
    orders = []
    n = 1
    for per in HIST[-12:]:
        for p in products[::2]:
            q = max(1, round(hist[(p["sku"], per)] * 0.3))
            shipped = q if rnd.random() > 0.2 else round(q * 0.8)
            late = rnd.random() < 0.15
            d_req = f"{per}-18"
            d_ship = f"{per}-{20 if late else 17}"
            orders.append(
                [
                    f"{company_prefix(out)}-{n:05d}",
                    p["sku"],
                    f"{per}-05",
                    d_req,
                    q,
                    shipped,
                    d_ship,
                    rnd.choice(customers),
                ]
            )
            n += 1
    write(
        out / "orders.csv",
        ["order_id", "sku", "order_date", "requested_date", "quantity", "shipped_quantity", "ship_date", "customer"],
        orders,
    )
    snaps = []
    for p in products:
        for per in HIST[-12:]:
            y, m = int(per[:4]), int(per[5:])
            py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
            snaps.append(
                [
                    p["sku"],
                    f"{py:04d}-{pm:02d}-01",
                    per,
                    round(hist[(p["sku"], per)] * rnd.uniform(0.85, 1.2)),
                    "legacy",
                ]
            )
    write(out / "forecast_snapshots.csv", ["sku", "made_on", "period", "quantity", "source"], snaps)


def company_prefix(out):
    return "SO" if out.name.endswith("2") else "DH"


W = str(Path(__file__).resolve().parent.parent) + "/"
P2 = [
    dict(sku="BPS-F", name="Brake Pad Set Front", family="Brakes", base=820, price=48.0, cover=0.6),
    dict(sku="BPS-R", name="Brake Pad Set Rear", family="Brakes", base=610, price=42.0),
    dict(sku="BDF-280", name="Brake Disc Front 280mm", family="Brakes", base=340, price=65.0),
    dict(sku="OF-STD", name="Oil Filter Standard", family="Filters", base=1500, price=7.5, cover=2.0),
    dict(sku="OF-HD", name="Oil Filter Heavy Duty", family="Filters", base=420, price=12.0),
    dict(sku="AF-PNL", name="Air Filter Panel", family="Filters", base=900, price=11.0),
    dict(sku="CAF-01", name="Cabin Air Filter", family="Filters", base=700, price=14.0, cover=4.5),
    dict(sku="WB-18", name="Wiper Blade 18in", family="Wipers", base=520, price=9.0, peak=11, amp=0.35),
    dict(sku="WB-22", name="Wiper Blade 22in", family="Wipers", base=610, price=10.0, peak=11, amp=0.35),
    dict(sku="WB-26", name="Wiper Blade 26in", family="Wipers", base=380, price=11.0, peak=11, amp=0.35),
    dict(sku="USBC-1M", name="USB-C Cable 1m", family="Accessories", base=1300, price=6.0),
    dict(sku="USBC-2M", name="USB-C Cable 2m", family="Accessories", base=900, price=8.0, cover=0.5),
    dict(sku="CC-12V", name="Car Charger 12V Dual Port", family="Accessories", base=450, price=15.0),
    dict(sku="SP-IRD", name="Spark Plug Iridium", family="Ignition", base=1100, price=9.5),
    dict(sku="SP-CU", name="Spark Plug Copper", family="Ignition", base=800, price=3.5, cover=5.0),
    dict(sku="BAT-60", name="Car Battery 60Ah", family="Batteries", base=260, price=95.0, peak=1, amp=0.3),
    dict(sku="BAT-75", name="Car Battery 75Ah", family="Batteries", base=180, price=120.0, peak=1, amp=0.3),
]
R2 = [
    ("BPS-F", "Press 2", 0.05),
    ("BPS-F", "Press 1", 0.06),
    ("BPS-R", "Press 2", 0.05),
    ("BDF-280", "Press 1", 0.09),
    ("OF-STD", "Assembly Line A", 0.02),
    ("OF-HD", "Assembly Line A", 0.03),
    ("AF-PNL", "Assembly Line A", 0.025),
    ("CAF-01", "Assembly Line A", 0.025),
    ("WB-18", "Assembly Line B", 0.03),
    ("WB-22", "Assembly Line B", 0.03),
    ("WB-26", "Assembly Line B", 0.035),
    ("BAT-60", "Battery Bay", 0.2),
    ("BAT-75", "Battery Bay", 0.22),
]
RES2 = [("Press 1", 60), ("Press 2", 70), ("Assembly Line A", 160), ("Assembly Line B", 55), ("Battery Bay", 90)]
S2 = [
    ["BPS-F", "2026-12-08", 1500, "purchase_order", "firm", "4500098765", "Ferodo Supply Co"],
    ["USBC-2M", "2026-12-03", 2000, "purchase_order", "firm", "PO/2026/123", "Shenzhen Linkway"],
    ["USBC-1M", "2027-01-12", 2500, "purchase_order", "planned", "PO/2026/124", "Shenzhen Linkway"],
    ["WB-22", "2026-11-28", 1200, "purchase_order", "firm", "PO-7781", "Bosch Aftermarket"],
    ["WB-18", "2026-11-28", 800, "purchase_order", "firm", "PO-7782", "Bosch Aftermarket"],
    ["BPS-R", "2026-12-15", 900, "production_order", "released", "WO-5512", ""],
    ["BDF-280", "2027-01-06", 500, "production_order", "planned", "WO-5513", ""],
    ["BAT-60", "2026-12-20", 400, "purchase_order", "firm", "4500098766", "Varta Batteries"],
    ["OF-HD", "2027-02-02", 800, "purchase_order", "planned", "PO-7790", "Mann Filter"],
]
C2 = """# Development company 2 of the offline router (written for the set router_dev2_*.json): an auto-parts
# and car-electronics distributor. The CSV files are written by generate.py; the notes are hand-written.
name = "Northline Auto Parts"
currency = "USD"
planning_date = "2026-11-15"
horizon_months = 18
overstock_months = 3
"""
build(
    W + "dev_company_2",
    22,
    C2,
    P2,
    R2,
    RES2,
    S2,
    "Columbus DC",
    ["AutoZone Midwest", "Pep Fleet", "Mike's Garage", "CarePoint"],
    100,
)

P3 = [
    dict(sku="TSTC-350", name="Trà sữa trân châu 350ml", family="Trà sữa", base=5200, price=18000, uom="ly", cover=0.5),
    dict(sku="TSTC-500", name="Trà sữa trân châu 500ml", family="Trà sữa", base=3900, price=24000, uom="ly"),
    dict(sku="TSMC-350", name="Trà sữa matcha 350ml", family="Trà sữa", base=2100, price=20000, uom="ly"),
    dict(
        sku="TDCS-330",
        name="Trà đào cam sả 330ml",
        family="Trà trái cây",
        base=3300,
        price=15000,
        uom="chai",
        peak=6,
        amp=0.3,
    ),
    dict(
        sku="TDCS-1L",
        name="Trà đào cam sả 1L",
        family="Trà trái cây",
        base=1200,
        price=38000,
        uom="chai",
        peak=6,
        amp=0.3,
    ),
    dict(sku="NCE-330", name="Nước cam ép 330ml", family="Nước ép", base=2800, price=16000, uom="chai", cover=4.0),
    dict(sku="NCE-1L", name="Nước cam ép 1L", family="Nước ép", base=900, price=42000, uom="chai"),
    dict(sku="NTX-330", name="Nước táo xanh 330ml", family="Nước ép", base=1600, price=16000, uom="chai"),
    dict(sku="CPSD-235", name="Cà phê sữa đá lon 235ml", family="Cà phê", base=6100, price=12000, uom="lon"),
    dict(sku="CPD-235", name="Cà phê đen lon 235ml", family="Cà phê", base=2700, price=11000, uom="lon"),
    dict(sku="NDT-500", name="Nước dừa tươi 500ml", family="Nước dừa", base=2300, price=19000, uom="chai", peak=5),
    dict(sku="SCND-180", name="Sữa chua uống nha đam 180ml", family="Sữa chua uống", base=4400, price=8000, uom="chai"),
    dict(
        sku="SCUD-180",
        name="Sữa chua uống dâu 180ml",
        family="Sữa chua uống",
        base=3800,
        price=8000,
        uom="chai",
        cover=0.4,
    ),
    dict(
        sku="NSBD-330",
        name="Nước sâm bí đao 330ml",
        family="Thảo mộc",
        base=1900,
        price=10000,
        uom="chai",
        peak=5,
        amp=0.35,
    ),
]
R3 = [
    ("TSTC-350", "Dây chuyền chiết rót A", 0.004),
    ("TSTC-500", "Dây chuyền chiết rót A", 0.005),
    ("TSMC-350", "Dây chuyền chiết rót A", 0.004),
    ("TDCS-330", "Dây chuyền chiết rót B", 0.003),
    ("TDCS-1L", "Dây chuyền chiết rót B", 0.006),
    ("NCE-330", "Máy ép 1", 0.006),
    ("NCE-1L", "Máy ép 1", 0.012),
    ("NTX-330", "Máy ép 2", 0.006),
    ("NDT-500", "Máy ép 2", 0.005),
    ("CPSD-235", "Dây chuyền lon", 0.002),
    ("CPD-235", "Dây chuyền lon", 0.002),
    ("SCND-180", "Dây chuyền chiết rót B", 0.002),
    ("SCUD-180", "Dây chuyền chiết rót B", 0.002),
    ("NSBD-330", "Máy ép 2", 0.004),
]
RES3 = [
    ("Máy ép 1", 40),
    ("Máy ép 2", 45),
    ("Dây chuyền chiết rót A", 70),
    ("Dây chuyền chiết rót B", 60),
    ("Dây chuyền lon", 30),
]
S3 = [
    ["TSTC-350", "2026-12-05", 8000, "production_order", "released", "WO-6120", ""],
    ["TSTC-500", "2026-12-18", 5000, "production_order", "planned", "WO-6121", ""],
    ["CPSD-235", "2026-11-25", 12000, "purchase_order", "firm", "4500077001", "Công ty Bao bì Tân Thành"],
    ["SCUD-180", "2026-12-10", 6000, "purchase_order", "firm", "PO/2026/311", "Sữa Đồng Nai"],
    ["NCE-1L", "2027-01-08", 1500, "purchase_order", "planned", "PO-8840", "HTX Cam Cao Phong"],
    ["TDCS-330", "2026-12-22", 4000, "production_order", "firm", "WO-6125", ""],
    ["NDT-500", "2026-12-02", 3000, "purchase_order", "firm", "PO/2026/315", "HTX Dừa Bến Tre"],
]
C3 = """# Development company 3 of the offline router (written for the set router_dev2_*.json): a Vietnamese
# beverage maker. The CSV files are written by ../dev_company_2/generate.py; the notes are hand-written.
name = "Công ty TNHH Đồ uống Sao Mai"
currency = "VND"
planning_date = "2026-11-15"
horizon_months = 18
overstock_months = 3
"""
build(
    W + "dev_company_3",
    33,
    C3,
    P3,
    R3,
    RES3,
    S3,
    "Long An",
    ["Co.opmart", "Bách Hóa Xanh", "Circle K", "Đại lý Cần Thơ"],
    1000000,
)
