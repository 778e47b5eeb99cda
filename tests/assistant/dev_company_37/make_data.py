"""Writes the monthly CSV files of dev company 37 (Công ty CP Thức ăn Chăn nuôi Phú Điền, Phu Dien Feed JSC, a
Vietnamese animal-feed maker with a plant in Đức Hòa, Long An and one in Phố Nối, Hưng Yên: complete feeds for pigs,
broilers and layers, ducks, pangasius, tilapia, snakehead and shrimp, and cattle, concentrates and premixes, and
traded raw materials (corn, soybean meal, DDGS), sold in VND to dealers (đại lý) and farms).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_37/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-04" <= f"{y}-{m:02d}" <= "2027-03"]  # 24 complete months before 2027-04-14
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-04" <= f"{y}-{m:02d}" <= "2028-09"]
AS_OF = "2027-04-12"
LONG_AN = "Nhà máy Long An"
HUNG_YEN = "Nhà máy Hưng Yên"
KHO_LA = "Kho Đức Hòa"
KHO_HY = "Kho Phố Nối"

# sku, name, family, price (VND a bag, a tonne for raw materials), cost, safety stock, lead time, status,
# base monthly units, season
PRODUCTS = [
    # Heo (pigs; "lợn" in the North)
    ("H550-B25", "Cám heo con 550 tập ăn bột 25kg", "Heo", 480000, 430000, 0, 7, "discontinued", 1500, "disc"),
    ("H551-M25", "Cám heo con 551 mảnh 25kg", "Heo", 560000, 495000, 1500, 7, "active", 9000, "pig"),
    ("H552-V25", "Cám heo con 552 viên 25kg", "Heo", 470000, 415000, 1200, 7, "active", 7000, "pig"),
    ("H553-V25", "Cám heo thịt 553 viên 25kg", "Heo", 310000, 275000, 900, 7, "active", 6000, "pig"),
    ("H553-V40", "Cám heo thịt 553 viên 40kg", "Heo", 490000, 435000, 1200, 7, "active", 8000, "pig"),
    ("H553-B25", "Cám heo thịt 553 bột 25kg", "Heo", 295000, 262000, 300, 7, "active", 2500, "pig"),
    ("H554-V40", "Cám heo thịt 554 viên 40kg", "Heo", 470000, 418000, 1300, 7, "active", 9000, "pig"),
    ("H555-V40", "Cám heo thịt ProMax Eco 555 viên 40kg", "Heo", 505000, 440000, 500, 10, "new", 3000, "pig"),
    ("H566-V40", "Cám heo nái 566 mang thai viên 40kg", "Heo", 430000, 382000, 600, 7, "active", 4000, "pig"),
    ("H567-V40", "Cám heo nái 567 cho bú viên 40kg", "Heo", 470000, 418000, 600, 7, "active", 3500, "pig"),
    # Gà (broilers, coloured chickens, layers)
    ("G551-M25", "Cám gà thịt 551 mảnh 25kg", "Gà", 330000, 292000, 700, 7, "active", 5000, "poultry"),
    ("GC18-V25", "Cám gà thịt C18 viên 25kg", "Gà", 300000, 266000, 900, 7, "active", 7000, "poultry"),
    ("GC18-V40", "Cám gà thịt C18 viên 40kg", "Gà", 475000, 421000, 800, 7, "active", 6000, "poultry"),
    ("GC27-V40", "Cám gà đẻ hậu bị C27 viên 40kg", "Gà", 380000, 338000, 300, 7, "active", 2500, "flat"),
    ("GC28-B40", "Cám gà đẻ C28 đạm 17% bột 40kg", "Gà", 390000, 347000, 300, 7, "active", 3000, "decline"),
    ("GC28-V40", "Cám gà đẻ C28 đạm 17% viên 40kg", "Gà", 405000, 360000, 600, 7, "active", 5000, "flat"),
    ("GLM-G25", "Cám gà lông màu ProMax G25 viên 25kg", "Gà", 290000, 258000, 500, 7, "active", 4000,
     "poultry"),
    # Vịt (ducks)
    ("VC18-M25", "Cám vịt con C18 mảnh 25kg", "Vịt", 295000, 263000, 200, 7, "active", 2000, "decline"),
    ("V720-V40", "Cám vịt thịt 720 viên 40kg", "Vịt", 430000, 383000, 400, 7, "active", 3500, "poultry"),
    ("V730-V25", "Cám vịt đẻ 730 đạm 18% viên 25kg", "Vịt", 285000, 254000, 200, 7, "active", 1500, "flat"),
    ("V730-V40", "Cám vịt đẻ 730 đạm 18% viên 40kg", "Vịt", 450000, 401000, 400, 7, "active", 3000, "flat"),
    # Thủy sản (floating fish feed from the Extruder, sinking shrimp pellets)
    ("F26-25", "Cám cá tra nổi ProMax F26 đạm 26% 25kg", "Thủy sản", 255000, 228000, 1500, 7, "active", 12000,
     "fish"),
    ("F28-25", "Cám cá tra nổi ProMax F28 đạm 28% 25kg", "Thủy sản", 275000, 246000, 1800, 7, "active", 15000,
     "fish"),
    ("F30-25", "Cám cá tra nổi ProMax F30 đạm 30% 25kg", "Thủy sản", 300000, 268000, 1000, 7, "active", 9000,
     "fish"),
    ("3004", "Cám cá tra nổi ProMax F30 đạm 30% 40kg", "Thủy sản", 475000, 424000, 800, 7, "active", 7000, "fish"),
    ("RP30-25", "Cám cá rô phi nổi F30 đạm 30% 25kg", "Thủy sản", 290000, 259000, 600, 7, "active", 5000, "fish"),
    ("CL43-25", "Cám cá lóc nổi F43 đạm 43% 25kg", "Thủy sản", 420000, 375000, 400, 7, "active", 3000, "fish"),
    ("CG40-25", "Cám cá giống nổi F40 đạm 40% 25kg", "Thủy sản", 360000, 321000, 300, 7, "active", 2000, "fish"),
    ("TT40-25", "Cám tôm thẻ S40 đạm 40% 25kg", "Thủy sản", 780000, 690000, 500, 10, "active", 4000, "shrimp"),
    ("TT42-25", "Cám tôm thẻ S42 đạm 42% 25kg", "Thủy sản", 840000, 743000, 400, 10, "active", 3000, "shrimp"),
    ("TS42-25", "Cám tôm sú S42 đạm 42% 25kg", "Thủy sản", 860000, 760000, 200, 10, "active", 1500, "shrimp"),
    # Bò (cattle)
    ("BE812-M25", "Cám bê 812 mảnh 25kg", "Bò", 350000, 312000, 100, 7, "active", 600, "flat"),
    ("B816-V40", "Cám bò thịt 816 đạm 16% viên 40kg", "Bò", 330000, 294000, 300, 7, "active", 2500, "cattle"),
    ("2029", "Cám bò sữa 818 đạm 18% viên 40kg", "Bò", 360000, 321000, 300, 7, "active", 2000, "cattle"),
    ("B820-V40", "Cám bò vỗ béo ProMax 820 viên 40kg", "Bò", 340000, 303000, 200, 7, "active", 1800, "decline"),
    # Đậm đặc (concentrates and premixes)
    ("DD42-H25", "Đậm đặc heo thịt ProMax DD42 đạm 42% bột 25kg", "Đậm đặc", 640000, 566000, 300, 7, "active",
     2500, "pig"),
    ("DD46-H25", "Đậm đặc heo con DD46 đạm 46% bột 25kg", "Đậm đặc", 720000, 636000, 200, 7, "active", 1200,
     "pig"),
    ("DD38-G25", "Đậm đặc gà đẻ DD38 đạm 38% bột 25kg", "Đậm đặc", 560000, 495000, 200, 7, "active", 1500,
     "flat"),
    ("PMX-H1", "Premix vitamin heo 1% bao 25kg", "Đậm đặc", 1450000, 1270000, 50, 14, "active", 400, "flat"),
    ("PMX-G1", "Premix vitamin gà 1% bao 25kg", "Đậm đặc", 1380000, 1210000, 50, 14, "active", 300, "decline"),
    # Nguyên liệu (raw materials traded to small mixers, in tonnes)
    ("NL-NGO", "Ngô hạt Argentina (Yellow Corn)", "Nguyên liệu", 7200000, 6650000, 300, 45, "active", 3000,
     "flat"),
    ("NL-KDT46", "Khô đậu tương Brazil đạm 46% (Soybean Meal)", "Nguyên liệu", 13800000, 12900000, 150, 50,
     "active", 1300, "flat"),
    ("NL-DDGS", "DDGS Mỹ đạm 28%", "Nguyên liệu", 8200000, 7600000, 60, 45, "active", 600, "flat"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    # Pellet Mill 1 (Long An): pig pellets and crumbles
    ("H551-M25", "Pellet Mill 1", 0.0105), ("H552-V25", "Pellet Mill 1", 0.009),
    ("H553-V25", "Pellet Mill 1", 0.0084), ("H553-V40", "Pellet Mill 1", 0.0135),
    ("H554-V40", "Pellet Mill 1", 0.0135), ("H555-V40", "Pellet Mill 1", 0.0144),
    ("H566-V40", "Pellet Mill 1", 0.0135),
    ("H553-V40", "Pellet Mill 3", 0.015),
    # Pellet Mill 2 (Long An): poultry, ducks and shrimp pellets
    ("G551-M25", "Pellet Mill 2", 0.0096), ("GC18-V25", "Pellet Mill 2", 0.0084),
    ("GLM-G25", "Pellet Mill 2", 0.0084), ("VC18-M25", "Pellet Mill 2", 0.009),
    ("V720-V40", "Pellet Mill 2", 0.0135), ("V730-V25", "Pellet Mill 2", 0.0084),
    ("TT40-25", "Pellet Mill 2", 0.018), ("TT42-25", "Pellet Mill 2", 0.0186), ("TS42-25", "Pellet Mill 2", 0.0186),
    # Pellet Mill 3 (Hưng Yên): the North's pig, poultry, duck and cattle pellets
    ("H567-V40", "Pellet Mill 3", 0.0144), ("GC18-V40", "Pellet Mill 3", 0.0135),
    ("GC27-V40", "Pellet Mill 3", 0.0135), ("GC28-V40", "Pellet Mill 3", 0.0135),
    ("V730-V40", "Pellet Mill 3", 0.0135), ("BE812-M25", "Pellet Mill 3", 0.0105),
    ("B816-V40", "Pellet Mill 3", 0.0126), ("2029", "Pellet Mill 3", 0.0126), ("B820-V40", "Pellet Mill 3", 0.0126),
    ("H567-V40", "Pellet Mill 1", 0.0135), ("GC18-V40", "Pellet Mill 2", 0.0135),
    # Extruder (Long An): floating fish feed
    ("F26-25", "Extruder", 0.012), ("F28-25", "Extruder", 0.0126), ("F30-25", "Extruder", 0.0132),
    ("3004", "Extruder", 0.0204), ("RP30-25", "Extruder", 0.0132), ("CL43-25", "Extruder", 0.0165),
    ("CG40-25", "Extruder", 0.018),
    # Mixer (Hưng Yên): mash feeds and concentrates
    ("H550-B25", "Mixer", 0.018), ("H553-B25", "Mixer", 0.018), ("GC28-B40", "Mixer", 0.027),
    ("DD42-H25", "Mixer", 0.0225), ("DD46-H25", "Mixer", 0.0225), ("DD38-G25", "Mixer", 0.0225),
    # Bagging Line (Long An): premixes, weighed and bagged by hand
    ("PMX-H1", "Bagging Line", 0.3), ("PMX-G1", "Bagging Line", 0.3),
    ("TT40-25", "Pellet Mill 1", 0.0195),
]
CAPACITY = {"Pellet Mill 1": 1.16, "Pellet Mill 2": 0.82, "Pellet Mill 3": 1.04, "Extruder": 1.0, "Mixer": 0.6,
            "Bagging Line": 0.9}
PLANTS = {"Pellet Mill 3": HUNG_YEN, "Mixer": HUNG_YEN}
SUPPLY = [
    ("LSX-LA-0419", "H551-M25", "2027-04-19", 3000, "production_order", "firm", ""),
    ("LSX-LA-0426", "TT40-25", "2027-04-26", 2500, "production_order", "released", ""),
    ("LSX-LA-0503", "3004", "2027-05-03", 4000, "production_order", "planned", ""),
    ("LSX-LA-0510", "F28-25", "2027-05-10", 6000, "production_order", "planned", ""),
    ("LSX-LA-0512", "H555-V40", "2027-05-12", 2500, "production_order", "planned", ""),
    ("LSX-HY-0408", "H567-V40", "2027-04-08", 1500, "production_order", "released", ""),
    ("LSX-HY-0422", "GC18-V40", "2027-04-22", 2000, "production_order", "firm", ""),
    ("LSX-HY-0429", "DD46-H25", "2027-04-29", 800, "production_order", "firm", ""),
    ("SBM/BR/2704-02", "NL-KDT46", "2027-04-28", 1200, "purchase_order", "firm", "Rio Verde Commodities Ltda"),
    ("SBM/BR/2705-01", "NL-KDT46", "2027-05-24", 1500, "purchase_order", "planned", "Rio Verde Commodities Ltda"),
    ("BL-MSC-7731904", "NL-NGO", "2027-05-12", 5000, "purchase_order", "firm", "Pampas Grain S.A."),
    ("PO-DT-0312", "NL-NGO", "2027-04-20", 1500, "purchase_order", "firm", "Nông sản Đồng Tháp"),
    ("NK-2027-0051", "NL-DDGS", "2027-05-05", 800, "purchase_order", "firm", "Great Plains Ethanol LLC"),
    ("CK/LA-HY/0415", "H553-V40", "2027-04-15", 1800, "transfer", "released", LONG_AN),
]
CUSTOMERS = ["Đại lý Ba Tâm (Cai Lậy)", "Đại lý Hồng Phát (Đồng Tháp)", "Đại lý Tư Sang (An Giang)",
             "Đại lý Minh Khang (Thái Bình)", "HTX Thủy sản Tân Hưng", "Trang trại Phúc Thịnh"]
EVENTS = [
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Dịch tả heo châu Phi Đồng Nai 2026", "2026-07-01", "2026-08-31", "", "Heo", -25, "other"),
    ("Ra mắt ProMax Eco 555", "2027-01-05", "2027-01-31", "H555-V40", "", 0, "launch"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
    ("Khuyến mãi đại lý quý 2/2027", "2027-04-01", "2027-06-30", "", "Heo", 8, "promotion"),
    ("Lễ 30/4 - 1/5 2027", "2027-04-30", "2027-05-02", "", "", 0, "holiday"),
    ("Vụ nuôi cá tra 2027", "2027-04-01", "2027-08-31", "", "Thủy sản", 0, "other"),
]
STOCK_COVER = {"H551-M25": 0.3, "TT40-25": 0.25, "F28-25": 0.35, "3004": 0.3, "GC18-V40": 0.4, "H567-V40": 0.2,
               "DD46-H25": 0.3, "NL-KDT46": 0.35, "H555-V40": 0.2, "F26-25": 0.5,
               "H550-B25": 9.0, "GC28-B40": 5.5, "B820-V40": 5.0, "PMX-G1": 6.0, "VC18-M25": 4.5,
               "BE812-M25": 5.0}
STOCK_COVER.update({p[0]: 2.4 for p in PRODUCTS if p[0] not in STOCK_COVER})  # the rest: about 10 weeks
NORTH = {"Pellet Mill 3", "Mixer"}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "pig":  # the run-up to Tết, the Tết dip, and the 2026 African swine fever outbreak
        factor = {11: 1.08, 12: 1.18, 1: 1.12, 2: 0.8}.get(month, 1.0)
        return factor * (0.72 if period in ("2026-07", "2026-08") else 1.0)
    if kind == "disc":  # the old 550 creep feed, replaced by 551 from late 2026
        return 1.0 if period < "2026-10" else 0.25
    if kind == "poultry":  # birds fattened for Tết
        return {10: 1.1, 11: 1.2, 12: 1.15, 2: 0.8}.get(month, 1.0)
    if kind == "fish":  # pangasius and tilapia eat most in the warm months
        return {1: 0.75, 2: 0.65, 3: 0.85, 4: 1.05, 5: 1.2, 6: 1.25, 7: 1.3, 8: 1.25, 9: 1.1, 12: 0.8}.get(month, 1.0)
    if kind == "shrimp":  # the main white-leg shrimp crop, March to August
        return {1: 0.6, 2: 0.6, 3: 0.95, 4: 1.2, 5: 1.35, 6: 1.35, 7: 1.25, 8: 1.1, 11: 0.8, 12: 0.65}.get(month, 1.0)
    if kind == "cattle":  # the dry season, little grass
        return {1: 1.1, 2: 1.1, 3: 1.15, 4: 1.1, 7: 0.9, 8: 0.9}.get(month, 1.0)
    if kind == "decline":  # farmers moving to pellets or away from the product
        return 1.0 if period < "2026-07" else 0.6
    return {2: 0.85}.get(month, 1.0)  # flat, the Tết week


monthly_sales = sales_series(HISTORY, season, launch="2027-01", trend=0.004, pivot=12, noise=0.07)


def rewrite(name: str, change) -> None:
    path = HERE / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def finish() -> None:
    """Plants, stock locations and units: Pellet Mill 3 and the Mixer are in Hưng Yên, so are their SKUs and
    their stock (Kho Phố Nối); raw materials are sold by the tonne, feed by the bag."""
    move_to_plants(HERE, ROUTING, PLANTS)
    primary: dict[str, str] = {}
    for sku, resource, _ in ROUTING:
        primary.setdefault(sku, resource)

    def location(row):
        row["location"] = KHO_HY if primary.get(row["sku"]) in NORTH else KHO_LA

    def uom(row):
        row["uom"] = "tấn" if row["sku"].startswith("NL-") else "bao"

    rewrite("inventory.csv", location)
    rewrite("products.csv", uom)


def main() -> None:
    write_company(HERE, seed=373737, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=LONG_AN, location=KHO_LA,
                  products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY, customers=CUSTOMERS,
                  events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales, budget_digits=-3,
                  order_ref="DL-{:05d}")
    finish()


if __name__ == "__main__":
    main()
