"""Writes the monthly CSV files of dev company 48 (Bramblewood Pet Foods, Inc., an American pet-food maker:
dry kibble and wet cans for dogs and cats, dog treats and cat litter under the TrailMix, Harbor and Prime
brands, made in Joplin, Missouri and Emporia, Kansas, with cat treats for Asia co-packed by Minh Phát Pet
Co-Pack in Bình Dương, Vietnam; USD, US fiscal year October to September).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_48/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-06"]  # 24 complete months before 2026-07-31
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027) for m in range(1, 13)
        if "2026-07" <= f"{y}-{m:02d}" <= "2027-12"]
AS_OF = "2026-07-30"
JOPLIN = "Joplin Plant"
EMPORIA = "Emporia Plant"
COPACK = "Minh Phát Pet Co-Pack (Bình Dương)"

# sku, name, family, price (USD), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    # Dry Dog (Joplin): TrailMix on Extruder 1, Harbor on Extruder 2, Prime grain-free on the Vacuum Coater
    ("TM-CRA-5", "TrailMix Chicken & Rice Adult 5 lb", "Dry Dog", 12.99, 7.10, 800, 14, "active", 9000, "dog"),
    ("TM-CRA-15", "TrailMix Chicken & Rice Adult 15 lb", "Dry Dog", 32.99, 18.40, 2500, 14, "active", 22000,
     "dog"),
    ("TM-CRA-30", "TrailMix Chicken & Rice Adult 30 lb", "Dry Dog", 54.99, 31.20, 1500, 14, "active", 12000,
     "dog"),
    ("TM-CRP-15", "TrailMix Chicken & Rice Puppy 15 lb", "Dry Dog", 36.99, 20.80, 900, 14, "active", 7000, "dog"),
    ("TM-CRS-15", "TrailMix Chicken & Rice Senior 15 lb", "Dry Dog", 34.99, 19.60, 700, 14, "active", 5000,
     "dog"),
    ("TM-LRA-15", "TrailMix Lamb & Rice Adult 15 lb", "Dry Dog", 35.99, 20.40, 700, 14, "active", 6000, "dog"),
    ("TM-CBS-30", "TrailMix Chicken & Barley Senior 30 lb", "Dry Dog", 56.99, 32.50, 400, 14, "active", 3000,
     "dog"),
    ("TM-BBR-SB5", "TrailMix Beef & Brown Rice Small Breed Adult 5 lb", "Dry Dog", 13.99, 7.90, 0, 14,
     "discontinued", 2500, "dog"),
    ("TM-FHT-15", "TrailMix Fall Harvest Turkey Adult 15 lb", "Dry Dog", 37.99, 21.50, 300, 21, "active", 3000,
     "fall"),
    ("HB-PS-4", "Harbor Puppy Salmon 4 lb", "Dry Dog", 19.99, 10.90, 600, 14, "active", 6500, "dog"),
    ("HB-PS-24", "Harbor Puppy Salmon 24 lb", "Dry Dog", 64.99, 37.50, 400, 14, "active", 3500, "dog"),
    ("HB-ASP-24", "Harbor Adult Salmon & Sweet Potato 24 lb", "Dry Dog", 62.99, 36.00, 500, 14, "active", 5000,
     "dog"),
    ("2027", "Harbor Whitefish Senior 24 lb", "Dry Dog", 62.99, 36.40, 300, 14, "active", 2200, "dog"),
    ("PR-BIS-26", "Prime Grain-Free Bison Adult 26 lb", "Dry Dog", 74.99, 44.00, 600, 21, "active", 4500,
     "amazon"),
    ("PR-BIS-12K", "Prime Grain-Free Bison Adult 12 kg", "Dry Dog", 79.00, 46.00, 300, 35, "active", 1800,
     "dog"),
    ("PR-BIS-2K", "Prime Grain-Free Bison Adult 2 kg", "Dry Dog", 17.50, 9.80, 400, 21, "new", 3000, "dog"),
    ("PR-DLP-4", "Prime Duck & Lentil Puppy 4 lb", "Dry Dog", 22.99, 12.90, 300, 21, "active", 2400, "dog"),
    # Dry Cat (Joplin)
    ("TM-IC-7", "TrailMix Indoor Cat Chicken 7 lb", "Dry Cat", 16.99, 9.20, 700, 14, "active", 8000, "cat"),
    ("TM-IC-16", "TrailMix Indoor Cat Chicken 16 lb", "Dry Cat", 32.99, 18.60, 500, 14, "active", 5000, "cat"),
    ("HB-OF-3", "Harbor Ocean Fish Adult Cat 3 lb", "Dry Cat", 11.49, 6.10, 500, 14, "active", 6000, "cat"),
    ("HB-OF-12", "Harbor Ocean Fish Adult Cat 12 lb", "Dry Cat", 36.99, 20.50, 300, 14, "active", 2800, "cat"),
    ("HB-KS-3", "Harbor Kitten Salmon 3 lb", "Dry Cat", 12.49, 6.80, 300, 14, "active", 3200, "cat"),
    ("PR-SCT-15K", "Prime Senior Cat Turkey 1.5 kg", "Dry Cat", 19.90, 11.00, 200, 21, "active", 1500, "cat"),
    # Wet Dog (Emporia, 13 oz cans)
    ("PR-PT-1312", "Prime Pâté Turkey 13 oz 12-pack", "Wet Dog", 29.99, 17.20, 1200, 10, "active", 14000, "wet"),
    ("1224", "Prime Pâté Turkey 13 oz 24-pack", "Wet Dog", 54.99, 31.80, 400, 10, "active", 4000, "wet"),
    ("PR-PC-1312", "Prime Pâté Chicken 13 oz 12-pack", "Wet Dog", 28.99, 16.50, 900, 10, "active", 10000, "wet"),
    ("PR-PB-1312", "Prime Pâté Beef 13 oz 12-pack", "Wet Dog", 30.99, 17.90, 600, 10, "active", 6000, "wet"),
    ("TM-HSC-1312", "TrailMix Hearty Stew Chicken 13 oz 12-pack", "Wet Dog", 24.99, 14.10, 500, 10, "active",
     7000, "wet"),
    ("TM-HSB-1312", "TrailMix Hearty Stew Beef 13 oz 12-pack", "Wet Dog", 24.99, 14.30, 400, 10, "active", 5000,
     "wet"),
    ("TM-PPC-1312", "TrailMix Puppy Pâté Chicken 13 oz 12-pack", "Wet Dog", 26.99, 15.20, 300, 10, "active",
     3000, "wet"),
    # Wet Cat (Emporia)
    ("HB-TPC-324", "Harbor Tuna Pâté Cat 3 oz 24-pack", "Wet Cat", 21.99, 12.40, 700, 10, "active", 9000, "wet"),
    ("HB-SPC-324", "Harbor Salmon Pâté Cat 3 oz 24-pack", "Wet Cat", 21.99, 12.60, 500, 10, "active", 6500,
     "wet"),
    ("HB-CFC-5524", "Harbor Chicken Flaked Cat 5.5 oz 24-pack", "Wet Cat", 29.99, 17.00, 400, 10, "active", 4500,
     "wet"),
    ("PR-TPC-5524", "Prime Turkey Pâté Cat 5.5 oz 24-pack", "Wet Cat", 32.99, 18.80, 300, 10, "active", 3500,
     "wet"),
    # Dog Treats (Emporia Treat Dryer; bully sticks bought in from Argentina)
    ("TM-JRK-6", "TrailMix Chicken Jerky Dog Treats 6 oz", "Dog Treats", 9.99, 5.10, 800, 12, "active", 12000,
     "treat"),
    ("TM-JRK-16", "TrailMix Chicken Jerky Dog Treats 16 oz", "Dog Treats", 21.99, 11.60, 500, 12, "active", 6000,
     "treat"),
    ("930", "TrailMix Sweet Potato Chews 12 oz", "Dog Treats", 14.99, 7.80, 400, 12, "active", 4500, "treat"),
    ("TM-HST-10", "TrailMix Holiday Stocking Treats 10 oz", "Dog Treats", 12.99, 6.50, 0, 12, "active", 1500,
     "stocking"),
    ("PR-BUL-5", "Prime Bully Sticks 6 in 5-ct", "Dog Treats", 17.99, 10.40, 300, 45, "active", 3500, "treat"),
    ("PR-DCL-30", "Prime Dental Chews Large 30-ct", "Dog Treats", 34.99, 19.10, 400, 12, "active", 4000, "treat"),
    ("PR-DCS-45", "Prime Dental Chews Small 45-ct", "Dog Treats", 29.99, 16.20, 400, 12, "active", 4200, "treat"),
    ("HB-STB-4", "Harbor Salmon Training Bites 4 oz", "Dog Treats", 8.99, 4.60, 500, 12, "active", 7000, "treat"),
    # Asia Cat Treats (co-packed by Minh Phát in Bình Dương, sold in Vietnam, Singapore, Thailand, the Philippines)
    ("HB-CCT-60", "Harbor Tuna Cat Crunchies 60 g", "Asia Cat Treats", 2.10, 1.05, 6000, 35, "active", 60000,
     "asia"),
    ("HB-CCS-60", "Harbor Salmon Cat Crunchies 60 g", "Asia Cat Treats", 2.10, 1.08, 4000, 35, "active", 42000,
     "asia"),
    ("HB-CCC-60", "Harbor Chicken Cat Crunchies 60 g", "Asia Cat Treats", 1.95, 0.98, 3000, 35, "active", 30000,
     "asia"),
    ("HB-CCT-400", "Harbor Tuna Cat Crunchies 400 g", "Asia Cat Treats", 9.80, 5.10, 800, 35, "active", 6000,
     "asia"),
    ("HB-LKC-4", "Harbor Chicken Lickables 4x15 g", "Asia Cat Treats", 2.60, 1.30, 4000, 35, "active", 38000,
     "asia"),
    ("HB-LKT-4", "Harbor Tuna Lickables 4x15 g", "Asia Cat Treats", 2.60, 1.32, 2000, 35, "new", 25000, "asia"),
    # Cat Litter (Emporia Litter Bagger; pine pellets bought in)
    ("PR-CCL-25", "Prime Clumping Clay Litter 25 lb", "Cat Litter", 14.99, 6.20, 1500, 10, "active", 16000,
     "litter"),
    ("PR-CCL-40", "Prime Clumping Clay Litter 40 lb", "Cat Litter", 21.99, 9.40, 1000, 10, "active", 9000,
     "litter"),
    ("PR-CCLV-25", "Prime Clumping Clay Litter Lavender 25 lb", "Cat Litter", 15.99, 6.70, 400, 10, "active", 3000,
     "litter"),
    ("TM-PPL-20", "TrailMix Pine Pellet Litter 20 lb", "Cat Litter", 12.99, 6.80, 500, 30, "active", 5000,
     "litter"),
    ("TM-CRY-8", "TrailMix Crystal Litter 8 lb", "Cat Litter", 16.99, 8.90, 0, 14, "discontinued", 1800, "litter"),
    ("HB-CL-10K", "Harbor Clumping Litter 10 kg", "Cat Litter", 13.50, 5.90, 300, 21, "active", 2500, "litter"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("TM-CRA-15", "Extruder 1", 0.0011), ("TM-CRA-15", "Extruder 2", 0.0013),
    ("TM-CRP-15", "Extruder 1", 0.0011), ("TM-CRS-15", "Extruder 1", 0.0011), ("TM-LRA-15", "Extruder 1", 0.0012),
    ("TM-FHT-15", "Extruder 1", 0.0012), ("TM-FHT-15", "Extruder 2", 0.0014),
    ("TM-CRA-30", "Big Bag Bagger", 0.0030), ("TM-CRA-30", "Extruder 1", 0.0022),
    ("TM-CBS-30", "Big Bag Bagger", 0.0030),
    ("TM-CRA-5", "Small Bag Bagger", 0.0016), ("TM-BBR-SB5", "Small Bag Bagger", 0.0016),
    ("HB-PS-4", "Small Bag Bagger", 0.0015), ("PR-DLP-4", "Small Bag Bagger", 0.0015),
    ("PR-BIS-2K", "Small Bag Bagger", 0.0016),
    ("HB-PS-24", "Extruder 2", 0.0018), ("HB-ASP-24", "Extruder 2", 0.0018), ("2027", "Extruder 2", 0.0018),
    ("TM-IC-7", "Extruder 2", 0.0006), ("TM-IC-16", "Extruder 2", 0.0013),
    ("PR-BIS-26", "Vacuum Coater", 0.0040), ("PR-BIS-12K", "Vacuum Coater", 0.0040),
    ("PR-BIS-26", "Extruder 2", 0.0020),
    ("HB-OF-3", "Kibble Dryer", 0.0009), ("HB-OF-12", "Kibble Dryer", 0.0030), ("HB-KS-3", "Kibble Dryer", 0.0009),
    ("PR-SCT-15K", "Kibble Dryer", 0.0010),
    ("PR-PT-1312", "Can Seamer A", 0.0040), ("PR-PT-1312", "Can Seamer B", 0.0048),
    ("1224", "Can Seamer A", 0.0080), ("PR-PC-1312", "Can Seamer A", 0.0040), ("PR-PB-1312", "Can Seamer A", 0.0040),
    ("TM-PPC-1312", "Can Seamer A", 0.0040),
    ("TM-HSC-1312", "Can Seamer B", 0.0045), ("TM-HSB-1312", "Can Seamer B", 0.0045),
    ("HB-TPC-324", "Can Seamer B", 0.0035), ("HB-SPC-324", "Can Seamer B", 0.0035),
    ("HB-CFC-5524", "Can Seamer B", 0.0050), ("PR-TPC-5524", "Can Seamer B", 0.0050),
    ("TM-JRK-6", "Treat Dryer", 0.0060), ("TM-JRK-16", "Treat Dryer", 0.0150), ("930", "Treat Dryer", 0.0100),
    ("TM-HST-10", "Treat Dryer", 0.0090), ("PR-DCL-30", "Treat Dryer", 0.0120), ("PR-DCS-45", "Treat Dryer", 0.0110),
    ("HB-STB-4", "Treat Dryer", 0.0040),
    ("PR-CCL-25", "Litter Bagger", 0.0012), ("PR-CCL-40", "Litter Bagger", 0.0018),
    ("PR-CCLV-25", "Litter Bagger", 0.0013), ("TM-CRY-8", "Litter Bagger", 0.0010),
    ("HB-CL-10K", "Litter Bagger", 0.0012),
]
ROUTING = [(sku, resource, round(hours * 12, 4)) for sku, resource, hours in ROUTING]  # small lines, many hours
CAPACITY = {"Extruder 1": 1.18, "Extruder 2": 0.86, "Kibble Dryer": 1.04, "Vacuum Coater": 0.72,
            "Big Bag Bagger": 0.93, "Small Bag Bagger": 0.61, "Can Seamer A": 1.26, "Can Seamer B": 0.81,
            "Treat Dryer": 1.12, "Litter Bagger": 0.55}
PLANTS = {"Can Seamer A": EMPORIA, "Can Seamer B": EMPORIA, "Treat Dryer": EMPORIA, "Litter Bagger": EMPORIA}
SUPPLY = [
    ("WO-26-0728", "PR-PT-1312", "2026-07-28", 9000, "production_order", "released", ""),
    ("WO-26-0815", "TM-CRA-15", "2026-08-14", 18000, "production_order", "firm", ""),
    ("WO-26-0822", "HB-PS-4", "2026-08-21", 6000, "production_order", "firm", ""),
    ("WO-26-0904", "TM-CBS-30", "2026-09-04", 3500, "production_order", "planned", ""),
    ("WO-26-0911", "HB-OF-3", "2026-09-11", 6500, "production_order", "planned", ""),
    ("BD/26/014", "HB-CCT-60", "2026-08-12", 80000, "purchase_order", "firm", COPACK),
    ("BD/26/017", "HB-LKC-4", "2026-09-02", 50000, "purchase_order", "planned", COPACK),
    ("SEGU5120348", "HB-CCS-60", "2026-08-07", 45000, "purchase_order", "firm", COPACK),
    ("ASN-260818", "HB-LKT-4", "2026-08-18", 30000, "purchase_order", "firm", COPACK),
    ("4500088213", "PR-BUL-5", "2026-08-25", 6000, "purchase_order", "firm", "Pampas Chews S.A."),
    ("PO#77120", "TM-PPL-20", "2026-08-10", 6000, "purchase_order", "released", "Northwoods Pellet Co."),
    ("XFER-0901", "TM-CRA-30", "2026-08-03", 4000, "transfer", "released", JOPLIN),
]
CUSTOMERS = ["Chewy, Inc.", "Petco Animal Supplies", "Tractor Supply Co.", "Costco Wholesale",
             "Amazon.com Services LLC", "Pet Lovers Centre (Singapore)", "Pet Mart Vietnam"]
EVENTS = [
    ("Prime Day 2025", "2025-07-08", "2025-07-11", "PR-BIS-26", "", 45, "promotion"),
    ("Fall Harvest 2025", "2025-09-01", "2025-11-30", "TM-FHT-15", "", 0, "other"),
    ("Holiday Stocking 2025", "2025-10-15", "2025-12-24", "TM-HST-10", "", 0, "promotion"),
    ("Black Friday 2025", "2025-11-28", "2025-12-01", "", "Dog Treats", 25, "promotion"),
    ("Minh Phát Tết closure 2026", "2026-02-14", "2026-02-22", "", "Asia Cat Treats", 0, "holiday"),
    ("Prime Bison 2 kg Asia launch", "2026-02-01", "2026-02-28", "PR-BIS-2K", "", 0, "launch"),
    ("Harbor Tuna Lickables launch", "2026-02-01", "2026-02-28", "HB-LKT-4", "", 0, "launch"),
    ("Chewy Spring Sale 2026", "2026-04-06", "2026-04-12", "", "Dry Dog", 10, "promotion"),
    ("Prime Day 2026", "2026-07-14", "2026-07-17", "PR-BIS-26", "", 45, "promotion"),
    ("Labor Day shutdown 2026", "2026-09-07", "2026-09-07", "", "", 0, "holiday"),
    ("Fall Harvest 2026", "2026-09-01", "2026-11-30", "TM-FHT-15", "", 0, "other"),
    ("Holiday Stocking 2026", "2026-10-15", "2026-12-24", "TM-HST-10", "", 0, "promotion"),
    ("11.11 Shopee Mega Sale 2026", "2026-11-09", "2026-11-11", "", "Asia Cat Treats", 30, "promotion"),
    ("Minh Phát Tết closure 2027", "2027-02-03", "2027-02-12", "", "Asia Cat Treats", 0, "holiday"),
]
STOCK_COVER = {"TM-CRA-15": 0.3, "HB-PS-4": 0.25, "PR-PT-1312": 0.2, "HB-CCT-60": 0.3, "TM-JRK-16": 0.35,
               "TM-HST-10": 1.0, "TM-FHT-15": 0.6, "PR-BIS-12K": 0.4, "PR-BIS-26": 0.45, "1224": 0.5,
               "HB-LKC-4": 0.4,
               "TM-BBR-SB5": 8.0, "TM-CRY-8": 6.0, "PR-CCLV-25": 5.0, "2027": 5.5, "PR-BUL-5": 4.5,
               "HB-CL-10K": 6.5, "HB-CCT-400": 5.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "dog":  # dry dog food: a small year-end lift, a soft late winter
        return {11: 1.08, 12: 1.05, 1: 0.95, 2: 0.93}.get(month, 1.0)
    if kind == "amazon":  # the Bison 26 lb sells mostly on Amazon: Black Friday week
        return {11: 1.15, 12: 1.05, 2: 0.92}.get(month, 1.0)
    if kind == "fall":  # the Fall Harvest limited edition ships September to November
        return {8: 0.9, 9: 2.6, 10: 3.0, 11: 2.4}.get(month, 0.35)
    if kind == "cat":
        return {12: 1.05, 7: 0.97}.get(month, 1.0)
    if kind == "wet":  # wet food: more in the cold months, less in summer
        return {11: 1.1, 12: 1.12, 1: 1.08, 6: 0.93, 7: 0.92, 8: 0.94}.get(month, 1.0)
    if kind == "treat":  # dog treats: Black Friday and the holidays
        return {11: 1.25, 12: 1.45, 1: 0.85}.get(month, 1.0)
    if kind == "stocking":  # the Holiday Stocking Treats sell October to December only
        return {10: 2.0, 11: 3.5, 12: 4.0}.get(month, 0.05)
    if kind == "asia":  # Asian cat treats: Tết gifting, the co-packer's Tết closure, 11.11
        return {1: 1.35, 2: 0.7, 11: 1.3, 12: 1.1}.get(month, 1.0)
    return {1: 1.05, 12: 1.04, 7: 0.97}.get(month, 1.0)  # litter: flat


monthly_sales = sales_series(HISTORY, season, launch="2026-02", trend=0.006, pivot=12, noise=0.07,
                             promo=("PR-BIS-26", "2025-07", 1.45))  # Prime Day 2025


def set_plants() -> None:
    """Put the Emporia resources and the SKUs whose primary resource they are on that plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=484848, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=JOPLIN,
                  location="Kansas City DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="BW-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
