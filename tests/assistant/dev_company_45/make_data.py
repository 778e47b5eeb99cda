"""Writes the monthly CSV files of dev company 45 (Bluegum Coatings Pty Ltd, an Australian paint and coatings
maker with a plant in Dandenong, Victoria, and one in Biên Hòa, Đồng Nai, Vietnam: interior and exterior
emulsions, primers ("sơn lót"), Vietnamese topcoats ("sơn phủ"), timber stains, waterproofing and tint bases in
1L / 4L / 10L / 18L cans and pails, plus the raw materials it buys in; sold in AUD).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_45/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-10" <= f"{y}-{m:02d}" <= "2026-09"]  # 24 complete months before 2026-10-01
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-10" <= f"{y}-{m:02d}" <= "2028-03"]
AS_OF = "2026-10-01"
DANDENONG = "Dandenong Plant"
DONG_NAI = "Nhà máy Đồng Nai"
AU_DC = "Dandenong DC"
VN_STORE = "Kho Biên Hòa"

# sku, name, family, price (AUD), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Interior (Haven, made in Dandenong)
    ("SP-1001", "Haven Interior Matt Chalk White 4L", "Interior", 68.0, 31.0, 400, 10, "active", 2600, "au_int"),
    ("SP-1002", "Haven Interior Matt Chalk White 10L", "Interior", 149.0, 66.0, 300, 10, "active", 1900, "au_int"),
    ("SP-1003", "Haven Interior Low Sheen Chalk White 4L", "Interior", 72.0, 33.0, 450, 10, "active", 3100,
     "au_int"),
    ("SP-1004", "Haven Interior Low Sheen Chalk White 10L", "Interior", 158.0, 70.0, 300, 10, "active", 2200,
     "au_int"),
    ("SP-1010", "Haven Interior Low Sheen Storm Grey 4L", "Interior", 76.0, 35.0, 200, 12, "active", 1200,
     "au_int"),
    ("SP-1011", "Haven Interior Low Sheen Sand 4L", "Interior", 76.0, 35.0, 150, 12, "active", 950, "au_int"),
    ("SP-1012", "Haven Interior Matt Fog 4L", "Interior", 74.0, 34.0, 120, 12, "active", 700, "au_int"),
    ("SP-1020", "Haven Interior Semi-Gloss Chalk White 1L", "Interior", 29.0, 12.5, 300, 10, "active", 1800,
     "au_int"),
    ("SP-1021", "Haven Interior Semi-Gloss Chalk White 4L", "Interior", 82.0, 37.0, 250, 10, "active", 1400,
     "au_int"),
    ("SP-1030", "Haven Ceiling Flat White 10L", "Interior", 119.0, 52.0, 250, 10, "active", 1500, "au_int"),
    # Exterior (Coastline, made in Dandenong)
    ("SP-2001", "Coastline Exterior Low Sheen Storm Grey 10L", "Exterior", 189.0, 84.0, 250, 12, "active", 1600,
     "au_ext"),
    ("SP-2002", "Coastline Exterior Low Sheen Storm Grey 4L", "Exterior", 84.0, 38.0, 200, 12, "active", 1300,
     "au_ext"),
    ("SP-2003", "Coastline Exterior Low Sheen Sand 10L", "Exterior", 189.0, 84.0, 150, 12, "active", 900,
     "au_ext"),
    ("SP-2004", "Coastline Exterior Semi-Gloss Ocean 4L", "Exterior", 88.0, 40.0, 0, 12, "discontinued", 500,
     "au_ext"),
    ("SP-2005", "Coastline Exterior Matt Chalk White 10L", "Exterior", 179.0, 80.0, 200, 12, "active", 1400,
     "au_ext"),
    ("SP-2026", "Coastline Exterior Low Sheen Chalk White 18L", "Exterior", 289.0, 128.0, 150, 12, "active",
     800, "au_ext"),
    ("SP-2030", "Coastline Exterior Low Sheen Ocean 10L", "Exterior", 189.0, 84.0, 120, 12, "active", 650,
     "au_ext"),
    # Primers (both plants)
    ("SP-3001", "Bluegum Universal Primer 1L", "Primers", 26.0, 11.0, 200, 10, "active", 1500, "au_int"),
    ("SP-3002", "Bluegum Universal Primer 4L", "Primers", 69.0, 30.0, 250, 10, "active", 1700, "au_int"),
    ("SP-3003", "Bluegum Stain Block Primer 4L", "Primers", 79.0, 36.0, 100, 10, "active", 500, "flat"),
    ("SP-3010", "Bluegum Timber Primer Undercoat 4L", "Primers", 72.0, 32.0, 120, 10, "active", 800, "au_ext"),
    ("SP-3020", "Sơn lót chống kiềm nội thất Bluegum 18L", "Primers", 78.0, 36.0, 300, 14, "active", 2400,
     "vn_paint"),
    ("SP-3021", "Sơn lót chống kiềm ngoại thất Bluegum 18L", "Primers", 92.0, 43.0, 300, 14, "active", 2100,
     "vn_paint"),
    # Sơn phủ (Vietnamese topcoats, made in Đồng Nai)
    ("SP-4101", "Sơn phủ nội thất Bluegum Chalk White 18L", "Sơn phủ", 96.0, 44.0, 400, 14, "active", 3200,
     "vn_paint"),
    ("SP-4102", "Sơn phủ nội thất Bluegum Chalk White 4L", "Sơn phủ", 27.0, 12.0, 500, 14, "active", 4200,
     "vn_paint"),
    ("SP-4103", "Sơn phủ ngoại thất Bluegum Ocean 18L", "Sơn phủ", 128.0, 58.0, 200, 14, "active", 1500,
     "vn_paint"),
    ("SP-4104", "Sơn phủ ngoại thất Bluegum Sand 18L", "Sơn phủ", 128.0, 58.0, 200, 14, "active", 1700,
     "vn_paint"),
    ("SP-4105", "Sơn phủ ngoại thất Bluegum Storm Grey 4L", "Sơn phủ", 34.0, 15.5, 250, 14, "active", 2000,
     "vn_paint"),
    # Wood Stains (Deckwood, Dandenong; the decking oil is co-packed in New Zealand)
    ("SP-5001", "Deckwood Timber Stain Natural 1L", "Wood Stains", 34.0, 14.0, 150, 10, "active", 900, "stain"),
    ("SP-5002", "Deckwood Timber Stain Natural 4L", "Wood Stains", 98.0, 42.0, 200, 10, "active", 1100, "stain"),
    ("SP-5003", "Deckwood Timber Stain Jarrah 4L", "Wood Stains", 98.0, 42.0, 200, 10, "active", 1000, "stain"),
    ("SP-5004", "Deckwood Timber Stain Walnut 4L", "Wood Stains", 98.0, 42.0, 120, 10, "new", 600, "stain"),
    ("SP-5010", "Deckwood Decking Oil Natural 10L", "Wood Stains", 219.0, 118.0, 100, 35, "active", 450, "stain"),
    # Waterproofing
    ("SP-6001", "AquaSeal Wet Area Membrane 4L", "Waterproofing", 95.0, 41.0, 100, 12, "active", 700, "flat"),
    ("SP-6002", "AquaSeal Wet Area Membrane 10L", "Waterproofing", 205.0, 90.0, 120, 12, "active", 800, "flat"),
    ("SP-6010", "AquaSeal Roof Membrane Chalk White 10L", "Waterproofing", 229.0, 101.0, 80, 12, "new", 400,
     "au_ext"),
    ("1810", "Sơn chống thấm đa năng Bluegum 18L", "Waterproofing", 118.0, 52.0, 400, 14, "active", 2600,
     "vn_wp"),
    ("SP-6020", "Sơn chống thấm pha xi măng Bluegum 4L", "Waterproofing", 31.0, 13.5, 300, 14, "active", 2300,
     "vn_wp"),
    # Tint Bases (tinted to order in stores and at the plants)
    ("SP-7001", "Haven Interior Low Sheen Base A 4L", "Tint Bases", 66.0, 30.0, 300, 10, "active", 2000, "au_int"),
    ("SP-7002", "Haven Interior Low Sheen Base A 10L", "Tint Bases", 142.0, 63.0, 200, 10, "active", 1300,
     "au_int"),
    ("SP-7003", "Haven Interior Low Sheen Base D 4L", "Tint Bases", 66.0, 30.0, 250, 10, "active", 1500,
     "au_int"),
    ("SP-7004", "Haven Interior Low Sheen Base D 10L", "Tint Bases", 142.0, 63.0, 200, 10, "active", 1100,
     "au_int"),
    ("SP-7010", "Coastline Exterior Low Sheen Base A 10L", "Tint Bases", 171.0, 76.0, 150, 12, "active", 900,
     "au_ext"),
    ("SP-7011", "Coastline Exterior Low Sheen Base D 10L", "Tint Bases", 171.0, 76.0, 150, 12, "active", 1000,
     "au_ext"),
    ("SP-7020", "Coastline Exterior Semi-Gloss Base D 4L", "Tint Bases", 80.0, 36.0, 100, 12, "active", 600,
     "au_ext"),
    # Raw Materials (bought in; their "sales" are issues to production)
    ("RM-TIO2-25", "Titanium Dioxide Rutile 25kg Bag", "Raw Materials", 145.0, 138.0, 600, 45, "active", 3800,
     "rm"),
    ("RM-RES-200", "Acrylic Resin AR-40 Drum 200kg", "Raw Materials", 610.0, 590.0, 60, 30, "active", 420, "rm"),
    ("RM-PAIL-18", "Pail 18L with Lid", "Raw Materials", 4.2, 3.9, 3000, 21, "active", 14000, "rm"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("SP-1001", "Mixer 1", 0.020), ("SP-1001", "Mixer 2", 0.022),
    ("SP-1002", "Mixer 1", 0.045), ("SP-1002", "Large Can Filling Line", 0.010),
    ("SP-1003", "Mixer 1", 0.020), ("SP-1003", "Small Can Filling Line", 0.006),
    ("SP-1004", "Mixer 1", 0.045),
    ("SP-1010", "Tinting Line 1", 0.030), ("SP-1011", "Tinting Line 1", 0.030),
    ("SP-1012", "Tinting Line 1", 0.030),
    ("SP-1020", "Small Can Filling Line", 0.008), ("SP-1021", "Small Can Filling Line", 0.012),
    ("SP-1030", "Large Can Filling Line", 0.020), ("SP-1030", "Mixer 1", 0.040),
    ("SP-2001", "Mixer 2", 0.055), ("SP-2001", "Mixer 1", 0.060),
    ("SP-2002", "Tinting Line 1", 0.030), ("SP-2003", "Mixer 2", 0.055), ("SP-2004", "Tinting Line 1", 0.030),
    ("SP-2005", "Mixer 2", 0.050), ("SP-2026", "Large Can Filling Line", 0.040), ("SP-2026", "Mixer 2", 0.090),
    ("SP-2030", "Tinting Line 1", 0.060),
    ("SP-3001", "Small Can Filling Line", 0.007), ("SP-3002", "Mixer 1", 0.020),
    ("SP-3003", "Small Can Filling Line", 0.012), ("SP-3010", "Mixer 1", 0.022),
    ("SP-3020", "Mixer 3", 0.030), ("SP-3020", "Pail Filling Line", 0.015),
    ("SP-3021", "Pail Filling Line", 0.040), ("SP-3021", "Mixer 3", 0.030),
    ("SP-4101", "Mixer 3", 0.035), ("SP-4101", "Pail Filling Line", 0.015),
    ("SP-4102", "Mixer 3", 0.010),
    ("SP-4103", "Tinting Line 2", 0.050), ("SP-4104", "Tinting Line 2", 0.050),
    ("SP-4105", "Tinting Line 2", 0.020),
    ("SP-5001", "Stain Kettle", 0.012), ("SP-5002", "Stain Kettle", 0.040), ("SP-5003", "Stain Kettle", 0.045),
    ("SP-5004", "Stain Kettle", 0.045),
    ("SP-6001", "Mixer 2", 0.030), ("SP-6002", "Mixer 2", 0.060), ("SP-6010", "Mixer 2", 0.060),
    ("1810", "Xưởng chống thấm", 0.060), ("1810", "Pail Filling Line", 0.015),
    ("SP-6020", "Xưởng chống thấm", 0.020),
    ("SP-7001", "Mixer 1", 0.018), ("SP-7002", "Large Can Filling Line", 0.020),
    ("SP-7003", "Mixer 1", 0.018), ("SP-7004", "Large Can Filling Line", 0.020), ("SP-7004", "Mixer 1", 0.045),
    ("SP-7010", "Mixer 2", 0.050), ("SP-7011", "Mixer 2", 0.050), ("SP-7020", "Small Can Filling Line", 0.012),
]
# available hours = the primary load of the last 12 months / this factor (above 1: overloaded)
CAPACITY = {"Mixer 1": 0.93, "Mixer 2": 1.14, "Mixer 3": 0.86, "Tinting Line 1": 1.06, "Tinting Line 2": 0.72,
            "Small Can Filling Line": 0.81, "Large Can Filling Line": 1.17, "Pail Filling Line": 1.09,
            "Stain Kettle": 0.97, "Xưởng chống thấm": 1.24}
PLANTS = {"Mixer 3": DONG_NAI, "Tinting Line 2": DONG_NAI, "Pail Filling Line": DONG_NAI,
          "Xưởng chống thấm": DONG_NAI}
SUPPLY = [
    ("WO-48213", "SP-1002", "2026-10-09", 1800, "production_order", "firm", ""),
    ("WO-48217", "SP-2001", "2026-09-25", 1500, "production_order", "released", ""),
    ("WO-48231", "SP-7004", "2026-10-28", 1200, "production_order", "planned", ""),
    ("WO-48240", "SP-5003", "2026-10-20", 1400, "production_order", "firm", ""),
    ("LSX/DN/2610-07", "SP-4103", "2026-10-12", 1600, "production_order", "firm", ""),
    ("LSX/DN/2610-12", "1810", "2026-10-16", 2500, "production_order", "released", ""),
    ("LSX/DN/2611-03", "SP-3021", "2026-11-06", 2000, "production_order", "planned", ""),
    ("PO-AU-7781", "RM-TIO2-25", "2026-10-22", 4000, "purchase_order", "firm", "Pacific Pigments Pty Ltd"),
    ("20261015", "RM-RES-200", "2026-10-15", 300, "purchase_order", "firm", "Đông Á Resin Co."),
    ("PO-BDP-18-0925", "RM-PAIL-18", "2026-10-05", 20000, "purchase_order", "released", "Bao bì Bình Dương"),
    ("TLO-5512", "SP-5010", "2026-11-02", 600, "purchase_order", "firm", "Timberline Oils Ltd"),
    ("STO-MEL-SGN-0311", "SP-7011", "2026-11-03", 800, "transfer", "released", DANDENONG),
]
CUSTOMERS = ["Hardware Hub Pty Ltd", "Paint Place Geelong", "Coastal Builders Group", "Tradie Depot Australia",
             "Đại lý sơn Minh Phát", "Công ty Xây dựng Phú Mỹ An"]
EVENTS = [
    ("Tết Ất Tỵ 2025", "2025-01-27", "2025-02-02", "", "", 0, "holiday"),
    ("Christmas shutdown Dandenong 2025", "2025-12-22", "2026-01-09", "", "", 0, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Mùa mưa 2026", "2026-05-01", "2026-10-31", "", "Waterproofing", 25, "other"),
    ("EOFY Sale 2026", "2026-06-01", "2026-06-30", "", "Exterior", 15, "promotion"),
    ("Deckwood Walnut launch", "2026-08-01", "2026-08-31", "SP-5004", "", 0, "launch"),
    ("Spring Reno Promo 2026", "2026-09-01", "2026-10-31", "", "Interior", 20, "promotion"),
    ("AquaSeal Roof Membrane launch", "2026-09-01", "2026-09-30", "SP-6010", "", 0, "launch"),
    ("Trade Days October 2026", "2026-10-12", "2026-10-25", "", "Exterior", 15, "promotion"),
    ("Christmas shutdown Dandenong 2026", "2026-12-21", "2027-01-08", "", "", 0, "holiday"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
]
STOCK_COVER = {"SP-1002": 0.3, "SP-2001": 0.2, "SP-4103": 0.3, "1810": 0.25, "RM-TIO2-25": 0.4, "SP-5003": 0.35,
               "SP-7004": 0.4, "SP-1010": 0.5, "SP-3021": 0.45, "SP-5004": 0.3, "SP-6010": 0.4,
               "SP-2004": 9.0, "SP-3003": 6.5, "RM-PAIL-18": 5.0, "SP-6001": 5.5, "SP-1012": 4.8,
               "SP-7020": 6.0}
VN_SKUS = {"SP-3020", "SP-3021", "SP-4101", "SP-4102", "SP-4103", "SP-4104", "SP-4105", "1810", "SP-6020",
           "RM-PAIL-18"}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "au_int":  # Australian interiors: the spring reno peak, the January trades holiday
        return {9: 1.15, 10: 1.2, 11: 1.15, 12: 0.85, 1: 0.8, 3: 1.05, 6: 1.05, 7: 0.9}.get(month, 1.0)
    if kind == "au_ext":  # Australian exteriors: spring and summer outdoors, winter quiet
        return {9: 1.2, 10: 1.35, 11: 1.35, 1: 0.85, 2: 1.15, 3: 1.1, 4: 0.9, 5: 0.75, 6: 0.8, 7: 0.7,
                8: 0.9}.get(month, 1.0)
    if kind == "stain":  # decks are stained from spring to late summer
        return {10: 1.4, 11: 1.6, 12: 1.3, 1: 1.1, 2: 1.2, 4: 0.7, 5: 0.5, 6: 0.4, 7: 0.4, 8: 0.7,
                9: 1.1}.get(month, 1.0)
    if kind == "vn_paint":  # Vietnam: houses are repainted before Tết, nothing moves at Tết
        return {10: 1.25, 11: 1.4, 12: 1.5, 1: 1.3, 2: 0.5, 3: 0.9, 6: 0.85, 7: 0.85, 8: 0.85}.get(month, 1.0)
    if kind == "vn_wp":  # Vietnam: waterproofing in the rainy season
        return {5: 1.3, 6: 1.4, 7: 1.4, 8: 1.4, 9: 1.35, 10: 1.2, 11: 0.8, 12: 0.7, 1: 0.6, 2: 0.5, 3: 0.7,
                4: 0.9}.get(month, 1.0)
    return {1: 0.85, 2: 0.9}.get(month, 1.0)  # raw materials and primers: flat, the shutdowns


_base_sales = sales_series(HISTORY, season, launch="2026-08", trend=0.006, pivot=12, noise=0.08,
                           promo=("SP-2004", "2026-06", 1.5))  # the EOFY clearance of Ocean semi-gloss
FAMILY = {p[0]: p[2] for p in PRODUCTS}


def monthly_sales(rng, sku: str, base: float, kind: str, status: str) -> dict[str, int]:
    out = _base_sales(rng, sku, base, kind, status)
    if sku == "SP-6010":  # launched in September 2026 only
        out = {p: q for p, q in out.items() if p >= "2026-09"}
    if FAMILY[sku] == "Interior" and "2026-09" in out:  # Spring Reno Promo 2026
        out["2026-09"] = round(out["2026-09"] * 1.2)
    if FAMILY[sku] == "Exterior" and sku != "SP-2004" and "2026-06" in out:  # EOFY Sale 2026
        out["2026-06"] = round(out["2026-06"] * 1.15)
    return out


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
    """Put the Đồng Nai resources and their SKUs on that plant, the Vietnamese stock in Kho Biên Hòa, and the
    Dandenong Christmas shutdown (not Tết) into the Australian resources' hours."""
    move_to_plants(HERE, ROUTING, PLANTS)

    def location(row: dict) -> None:
        row["location"] = VN_STORE if row["sku"] in VN_SKUS else AU_DC
    rewrite("inventory.csv", location)

    def hours(row: dict) -> None:
        if row["plant"] != DANDENONG:
            return
        month = row["period"][5:]
        hours_ = int(row["available_hours"])
        if month == "02":
            hours_ = round(hours_ / 0.8)  # Dandenong runs through Tết
        elif month in ("12", "01"):
            hours_ = round(hours_ * 0.7)  # Christmas shutdown, three weeks over the new year
        row["available_hours"] = str(hours_)
    rewrite("capacity.csv", hours)


def main() -> None:
    write_company(HERE, seed=454545, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=DANDENONG,
                  location=AU_DC, products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="BG/SO/{:05d}")
    finish()


if __name__ == "__main__":
    main()
