"""Writes the monthly CSV files of dev company 36 (Công ty CP Thủy sản Mekong Xanh, Mekong Green Seafood JSC, a
Vietnamese seafood processor and exporter with plants in Cần Thơ and Sóc Trăng: frozen Black Tiger and Vannamei
shrimp, pangasius fillets and portions, breaded and tempura products, fish sauce and other by-products, sold in
USD to importers abroad and to Vietnamese supermarkets).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_36/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-02" <= f"{y}-{m:02d}" <= "2027-01"]  # 24 complete months before 2027-02-03
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-02" <= f"{y}-{m:02d}" <= "2028-07"]
AS_OF = "2027-02-01"
CAN_THO = "Nhà máy Cần Thơ"
SOC_TRANG = "Nhà máy Sóc Trăng"

# sku, name, family, price (USD), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("BT-68-B2", "Black Tiger HOSO 6/8 Block 2kg", "Black Tiger", 44.0, 37.5, 0, 30, "discontinued", 600,
     "shrimp"),
    ("BT-812-B2", "Black Tiger HLSO 8/12 Block 2kg", "Black Tiger", 52.0, 43.0, 150, 30, "active", 900, "shrimp"),
    ("BT-1620-B2", "Black Tiger HLSO 16/20 Block 2kg", "Black Tiger", 34.5, 28.0, 400, 25, "active", 3200,
     "shrimp"),
    ("BT-1620-IQ", "Black Tiger HLSO 16/20 IQF 1kg Bag", "Black Tiger", 18.9, 15.2, 300, 25, "active", 2600,
     "shrimp"),
    ("BT-2125-B2", "Black Tiger HLSO 21/25 Block 2kg", "Black Tiger", 30.0, 24.5, 300, 25, "active", 2400,
     "shrimp"),
    ("BT-2630-IQ", "Black Tiger HLSO 26/30 IQF 1kg Bag", "Black Tiger", 14.8, 11.9, 250, 25, "active", 2000,
     "shrimp"),
    ("BT-C2125", "Black Tiger CPTO 21/25 Cooked 10x1kg", "Black Tiger", 198.0, 162.0, 60, 45, "active", 420,
     "shrimp"),
    ("VN-3140-G10", "Vannamei PD 31/40 IQF 10% Glaze 10x1kg", "Vannamei", 92.0, 75.0, 200, 21, "active", 1800,
     "shrimp"),
    ("VN-3140-G20", "Vannamei PD 31/40 IQF 20% Glaze 10x1kg", "Vannamei", 82.0, 67.5, 150, 21, "active", 1300,
     "shrimp"),
    ("VN-4150-B2", "Vannamei PD 41/50 Block 2kg", "Vannamei", 15.6, 12.8, 300, 21, "active", 2800, "shrimp"),
    ("VN-1620-TO", "Vannamei PDTO 16/20 IQF 1kg Bag", "Vannamei", 12.9, 10.4, 250, 21, "active", 2200, "shrimp"),
    ("VN-2125-B2", "Vannamei HLSO 21/25 Block 2kg", "Vannamei", 19.8, 16.1, 200, 21, "active", 1700, "shrimp"),
    ("VN-3040-HO", "Vannamei HOSO 30/40 Block 2kg", "Vannamei", 13.5, 11.2, 150, 40, "active", 1400, "shrimp"),
    ("VN-C2630", "Vannamei CPTO 26/30 Cooked 10x1kg", "Vannamei", 128.0, 104.0, 80, 30, "active", 700, "shrimp"),
    ("PF-W120-G10", "Pangasius Fillet White Well-trimmed 120-170g IQF 10% Glaze", "Pangasius Fillet", 31.0, 25.6,
     500, 14, "active", 4200, "lent"),
    ("PF-W120-G20", "Pangasius Fillet White Well-trimmed 120-170g IQF 20% Glaze", "Pangasius Fillet", 27.5, 22.9,
     300, 14, "active", 2600, "lent"),
    ("PF-W170", "Pangasius Fillet White Well-trimmed 170-220g IQF 10% Glaze", "Pangasius Fillet", 32.5, 26.8, 400,
     14, "active", 3500, "lent"),
    ("PF-WU220", "Pangasius Fillet White Untrimmed 220g up IQF", "Pangasius Fillet", 24.0, 20.1, 200, 14, "active",
     1800, "lent"),
    ("PF-P170", "Pangasius Fillet Light Pink Well-trimmed 170-220g IQF", "Pangasius Fillet", 26.0, 21.8, 250, 14,
     "active", 2100, "lent"),
    ("PF-PU220", "Pangasius Fillet Light Pink Untrimmed 220g up IQF", "Pangasius Fillet", 19.5, 16.6, 150, 14,
     "active", 1500, "lent"),
    ("PP-STEAK", "Pangasius Steak Cut IQF 1kg Bag", "Pangasius Portions", 3.4, 2.6, 800, 10, "active", 6000,
     "lent"),
    ("PP-HGT", "Pangasius Whole HGT 800g up IQF", "Pangasius Portions", 2.3, 1.8, 1000, 10, "active", 7500, "flat"),
    ("PP-BELLY", "Pangasius Belly Flap IQF 1kg Bag", "Pangasius Portions", 1.9, 1.45, 500, 10, "active", 4000,
     "flat"),
    ("VA-BFY2125", "Mekong Gold Breaded Shrimp Butterfly 21/25 10x1kg", "Value-Added", 118.0, 92.0, 100, 21,
     "active", 950, "xmas"),
    ("VA-TMP2630", "Mekong Gold Tempura Shrimp 26/30 10x1kg", "Value-Added", 124.0, 97.0, 80, 21, "active", 700,
     "xmas"),
    ("VA-NOB2630", "Nobashi Ebi Vannamei 26/30 10x20pcs", "Value-Added", 46.0, 35.0, 120, 21, "new", 900, "xmas"),
    ("VA-FING", "Mekong Gold Breaded Pangasius Fingers 500g", "Value-Added", 2.6, 1.9, 600, 14, "active", 5200,
     "xmas"),
    ("VA-RING", "Cooked Shrimp Ring 31/40 with Cocktail Sauce 454g", "Value-Added", 6.8, 5.1, 400, 21, "active",
     3000, "xmas"),
    ("1503", "Chả giò tôm Mekong Gold 500g", "Value-Added", 3.2, 2.3, 500, 14, "active", 4200, "domestic"),
    ("2028", "Mỡ cá tra thô (Crude Pangasius Oil) phuy 190kg", "Phụ phẩm", 210.0, 150.0, 20, 7, "active", 160,
     "flat"),
    ("BP-FM60", "Bột cá 60% đạm (Fish Meal 60% Protein) bao 50kg", "Phụ phẩm", 52.0, 38.0, 100, 7, "active", 900,
     "flat"),
    ("3112", "Nước mắm Mekong Gold 30 độ đạm 500ml", "Phụ phẩm", 1.1, 0.7, 2000, 20, "active", 14000, "domestic"),
    ("BP-NM1L", "Nước mắm Mekong Gold 30 độ đạm 1L", "Phụ phẩm", 1.9, 1.2, 1000, 20, "active", 7000, "domestic"),
    ("ND-TT300", "Tôm thẻ bóc vỏ Mekong Gold 300g", "Nội địa", 4.9, 3.7, 800, 10, "active", 6000, "domestic"),
    ("ND-CT500", "Cá tra fillet Mekong Gold 500g", "Nội địa", 2.4, 1.7, 1000, 10, "active", 8000, "domestic"),
    ("ND-QT-TS", "Hộp quà Tết tôm sú 1kg", "Nội địa", 32.0, 24.0, 0, 21, "active", 500, "tetbox"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("VN-3140-G10", "Peeling Line", 0.90), ("VN-3140-G10", "IQF Tunnel Freezer 1", 0.25),
    ("VN-3140-G20", "Peeling Line", 0.85), ("VN-1620-TO", "Peeling Line", 0.09),
    ("VN-C2630", "Peeling Line", 1.00), ("VA-NOB2630", "Peeling Line", 0.60),
    ("BT-68-B2", "Plate Freezer", 0.05), ("BT-1620-B2", "Plate Freezer", 0.05),
    ("BT-2125-B2", "Plate Freezer", 0.05), ("VN-4150-B2", "Plate Freezer", 0.05),
    ("VN-2125-B2", "Plate Freezer", 0.05),
    ("BT-1620-IQ", "IQF Tunnel Freezer 1", 0.03), ("BT-1620-IQ", "IQF Tunnel Freezer 2", 0.035),
    ("BT-2630-IQ", "IQF Tunnel Freezer 1", 0.03), ("VA-RING", "IQF Tunnel Freezer 1", 0.02),
    ("PP-STEAK", "IQF Tunnel Freezer 2", 0.012), ("PP-HGT", "IQF Tunnel Freezer 2", 0.008),
    ("PP-BELLY", "IQF Tunnel Freezer 2", 0.010),
    ("PF-W120-G10", "Fillet Line", 0.25), ("PF-W120-G20", "Fillet Line", 0.24), ("PF-W170", "Fillet Line", 0.22),
    ("PF-WU220", "Fillet Line", 0.15), ("PF-P170", "Fillet Line", 0.22), ("PF-PU220", "Fillet Line", 0.15),
    ("PF-W120-G10", "IQF Tunnel Freezer 2", 0.06),
    ("VA-BFY2125", "Breading Line", 1.10), ("VA-TMP2630", "Breading Line", 1.20), ("VA-FING", "Breading Line", 0.03),
    ("1503", "Breading Line", 0.03),
    ("2028", "Xưởng phụ phẩm", 2.50), ("BP-FM60", "Xưởng phụ phẩm", 0.40),
    ("ND-TT300", "Cold Store", 0.04), ("ND-CT500", "Cold Store", 0.03), ("ND-QT-TS", "Cold Store", 0.20),
    ("ND-TT300", "Peeling Line", 0.04), ("ND-CT500", "Fillet Line", 0.02),
]
CAPACITY = {"Peeling Line": 1.14, "Plate Freezer": 0.58, "IQF Tunnel Freezer 1": 1.03, "IQF Tunnel Freezer 2": 0.74,
            "Fillet Line": 0.96, "Breading Line": 1.21, "Cold Store": 0.90, "Xưởng phụ phẩm": 0.66}
PLANTS = {"Peeling Line": SOC_TRANG, "Plate Freezer": SOC_TRANG, "IQF Tunnel Freezer 1": SOC_TRANG}
SUPPLY = [
    ("LSX-2702-014", "VN-3140-G10", "2027-02-20", 1500, "production_order", "firm", ""),
    ("LSX-2702-018", "VA-NOB2630", "2027-02-27", 700, "production_order", "released", ""),
    ("LSX-2702-021", "VA-BFY2125", "2027-02-26", 600, "production_order", "firm", ""),
    ("LSX-2702-030", "BT-1620-B2", "2027-02-25", 1800, "production_order", "firm", ""),
    ("LSX-2703-002", "BT-1620-IQ", "2027-03-05", 2000, "production_order", "planned", ""),
    ("LSX-2703-009", "PF-P170", "2027-03-10", 1500, "production_order", "planned", ""),
    ("LSX-2701-033", "PF-W170", "2027-01-29", 2500, "production_order", "released", ""),
    ("08/2027/HĐMB-CMV", "BT-812-B2", "2027-03-01", 800, "purchase_order", "firm", "Thủy sản Cà Mau Việt"),
    ("4500012603", "3112", "2027-03-12", 20000, "purchase_order", "firm", "Nước mắm Sông Đốc"),
    ("4500012630", "BP-NM1L", "2027-03-26", 8000, "purchase_order", "planned", "Nước mắm Sông Đốc"),
    ("MSKU7204518", "VN-3040-HO", "2027-02-24", 2200, "purchase_order", "firm", "Pacífico Aquaculture S.A."),
    ("TGHU8821043", "BT-C2125", "2027-03-18", 300, "purchase_order", "firm", "Andhra Blue Seafoods"),
    ("CK-ST-CT-0207", "VN-4150-B2", "2027-02-07", 1200, "transfer", "released", SOC_TRANG),
]
CUSTOMERS = ["Kaiyo Trading Co.", "Pacific Harbor Foods Inc.", "Nordfrost Seafood GmbH", "Al Waha Foodstuff LLC",
             "Chuỗi siêu thị Hương Sen"]
EVENTS = [
    ("Tết Bính Ngọ 2026", "2026-02-14", "2026-02-22", "", "", 0, "holiday"),
    ("Lent 2026", "2026-02-18", "2026-04-02", "", "Pangasius Fillet", 15, "other"),
    ("Ra mắt Nobashi Ebi", "2026-10-01", "2026-10-31", "VA-NOB2630", "", 0, "launch"),
    ("Black Friday US 2026", "2026-11-27", "2026-11-30", "VA-BFY2125", "", 40, "promotion"),
    ("Hộp quà Tết 2027", "2026-12-15", "2027-02-05", "ND-QT-TS", "", 60, "promotion"),
    ("Tết Đinh Mùi 2027", "2027-02-05", "2027-02-11", "", "", 0, "holiday"),
    ("Lent 2027", "2027-02-10", "2027-03-25", "", "Pangasius Fillet", 15, "other"),
    ("Seafood Expo North America 2027", "2027-03-14", "2027-03-16", "", "Value-Added", 0, "other"),
]
STOCK_COVER = {"BT-1620-B2": 0.3, "VN-3140-G10": 0.25, "VA-BFY2125": 0.3, "VA-NOB2630": 0.2, "PF-W170": 0.2,
               "3112": 0.3, "PF-W120-G10": 0.35, "BT-812-B2": 0.4, "VN-1620-TO": 0.45,
               "BT-68-B2": 9.0, "PF-PU220": 6.0, "VN-3040-HO": 5.5, "ND-QT-TS": 2.5, "PP-BELLY": 5.0,
               "2028": 6.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "shrimp":  # export shrimp: US and EU year-end and Japan's year-end, the dead Tết month
        return {9: 1.05, 10: 1.2, 11: 1.3, 12: 1.15, 1: 0.95, 2: 0.6, 3: 0.9, 4: 0.95}.get(month, 1.0)
    if kind == "lent":  # pangasius: shipped ahead of Lent in the US and EU, a dip at Tết
        return {1: 1.15, 2: 0.85, 3: 1.25, 4: 1.05, 7: 0.9, 8: 0.9, 12: 0.95}.get(month, 1.0)
    if kind == "xmas":  # breaded and tempura: the Christmas retail programmes
        return {10: 1.15, 11: 1.35, 12: 1.25, 1: 0.85, 2: 0.65}.get(month, 1.0)
    if kind == "domestic":  # Vietnamese supermarkets: the run-up to Tết
        return {9: 1.05, 12: 1.2, 1: 1.45, 2: 0.8}.get(month, 1.0)
    if kind == "tetbox":  # the Tết gift box sells in December and January only
        return {12: 2.8, 1: 3.5, 2: 0.5}.get(month, 0.25)
    return {2: 0.8}.get(month, 1.0)  # by-products and whole fish: flat, the Tết shutdown


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.005, pivot=12, noise=0.08,
                             promo=("VA-BFY2125", "2026-11", 1.4))  # Black Friday US 2026


def set_plants() -> None:
    """Put the Sóc Trăng resources and the SKUs whose primary resource they are on that plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=363636, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=CAN_THO,
                  location="Kho lạnh Trà Nóc", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="EXP-{:05d}")
    set_plants()


if __name__ == "__main__":
    main()
