"""Writes the monthly CSV files of dev company 42 (Złota Łyżka Foods S.A., a Polish frozen-food maker in
Kalisz: pierogi, pelmeni, kołduny and uszka, frozen soups and ready meals, with a Vietnamese joint-venture
plant in Đức Hòa, Long An, making há cảo, xíu mại and bánh bao under the Sen Vàng brand for Asia; PLN).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_42/make_data.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2025, 2026, 2027) for m in range(1, 13)
           if "2025-03" <= f"{y}-{m:02d}" <= "2027-02"]  # 24 complete months before 2027-03-31
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-03" <= f"{y}-{m:02d}" <= "2028-08"]
AS_OF = "2027-03-29"
KALISZ = "Zakład Kalisz"
DUC_HOA = "Nhà máy Đức Hòa"

# sku, name, family, price (PLN), cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("PIE-MIE-400", "Pierogi z mięsem 400g", "Pierogi", 11.9, 7.4, 3000, 7, "active", 24000, "pierogi"),
    ("PIE-MIE-1K", "Pierogi z mięsem 1kg", "Pierogi", 26.5, 16.8, 1200, 7, "active", 9000, "pierogi"),
    ("PIE-MIE-2K5", "Pierogi z mięsem 2.5kg Catering", "Pierogi", 59.0, 39.0, 300, 10, "active", 2200, "pierogi"),
    ("PIE-MIE-SV300", "Pierogi z mięsem Sen Vàng 300g", "Pierogi", 13.5, 8.1, 800, 14, "active", 5000, "flat"),
    ("PIE-RUS-400", "Pierogi ruskie 400g", "Pierogi", 10.9, 6.6, 3000, 7, "active", 26000, "pierogi"),
    ("PIE-RUS-1K", "Pierogi ruskie 1kg", "Pierogi", 23.9, 14.9, 1000, 7, "active", 8000, "pierogi"),
    ("PIE-RUS-3X", "Pierogi ruskie 3x400g", "Pierogi", 29.9, 19.2, 800, 10, "active", 5500, "pierogi"),
    ("PIE-KAP-400", "Pierogi z kapustą i grzybami 400g", "Pierogi", 11.5, 7.1, 1500, 7, "active", 12000,
     "wigilia"),
    ("PIE-SZP-400", "Pierogi ze szpinakiem 400g", "Pierogi", 11.9, 7.6, 0, 7, "discontinued", 2500, "flat"),
    ("PIE-TRU-400", "Pierogi z truskawkami 400g", "Pierogi", 12.9, 8.0, 600, 7, "active", 6000, "summer"),
    ("PIE-JAG-400", "Pierogi z jagodami 400g", "Pierogi", 13.9, 8.6, 500, 7, "new", 4500, "summer"),
    ("PIE-SER-400", "Pierogi z serem na słodko 400g", "Pierogi", 11.5, 7.0, 900, 7, "active", 7000, "flat"),
    ("PEL-SYB-400", "Pelmeni syberyjskie 400g", "Pelmeni i Kołduny", 12.5, 7.9, 1500, 7, "active", 11000,
     "pierogi"),
    ("PEL-SYB-1K", "Pelmeni syberyjskie 1kg", "Pelmeni i Kołduny", 27.9, 17.5, 800, 7, "active", 5000, "pierogi"),
    ("PEL-SYB-3X", "Pelmeni syberyjskie 3x400g", "Pelmeni i Kołduny", 33.9, 21.8, 400, 10, "active", 2600,
     "pierogi"),
    ("KOL-LIT-400", "Kołduny litewskie 400g", "Pelmeni i Kołduny", 13.9, 8.8, 600, 7, "active", 4200, "pierogi"),
    ("2412", "Uszka z grzybami 250g", "Pelmeni i Kołduny", 9.9, 6.1, 0, 10, "active", 3000, "wigilia"),
    ("KLU-SLA-500", "Kluski śląskie 500g", "Pelmeni i Kołduny", 8.9, 5.2, 800, 7, "active", 6500, "flat"),
    ("ZUP-ZUR-450", "Żurek z kiełbasą 450g", "Zupy", 9.5, 5.6, 1000, 7, "active", 9000, "zurek"),
    ("ZUP-ZUR-2K5", "Żurek z kiełbasą 2.5kg Catering", "Zupy", 42.0, 27.0, 150, 10, "active", 900, "zurek"),
    ("ZUP-BAR-450", "Barszcz czerwony 450g", "Zupy", 7.9, 4.4, 0, 7, "active", 3500, "wigilia"),
    ("ZUP-ROS-450", "Rosół domowy 450g", "Zupy", 8.9, 5.1, 1200, 7, "active", 10000, "soup"),
    ("ZUP-GRZ-450", "Zupa grzybowa 450g", "Zupy", 10.5, 6.3, 500, 7, "active", 4000, "soup"),
    ("ZUP-FLA-450", "Flaki po warszawsku 450g", "Zupy", 11.9, 7.5, 400, 7, "active", 3200, "soup"),
    ("ZUP-KRU-450", "Krupnik 450g", "Zupy", 7.5, 4.2, 500, 7, "active", 4500, "soup"),
    ("DG-GOL-800", "Gołąbki w sosie pomidorowym 800g", "Dania gotowe", 21.9, 13.8, 1200, 10, "active", 8500,
     "flat"),
    ("DG-GOL-2K5", "Gołąbki w sosie pomidorowym 2.5kg Catering", "Dania gotowe", 62.0, 41.0, 200, 12, "active",
     1100, "flat"),
    ("DG-LAZ-450", "Łazanki z kapustą i kiełbasą 450g", "Dania gotowe", 12.9, 7.9, 600, 7, "active", 5200, "flat"),
    ("DG-BIG-450", "Bigos staropolski 450g", "Dania gotowe", 13.5, 8.4, 700, 7, "active", 6000, "wigilia"),
    ("DG-PLA-600", "Placki ziemniaczane 600g", "Dania gotowe", 9.9, 5.8, 800, 7, "active", 7000, "flat"),
    ("DG-SCH-500", "Schabowy z ziemniakami i kapustą 500g", "Dania gotowe", 17.9, 11.6, 500, 7, "active", 4800,
     "flat"),
    ("VN-HC-TOM300", "Há cảo tôm Sen Vàng 300g", "Dim Sum", 14.9, 9.4, 2000, 14, "active", 16000, "tet"),
    ("VN-HC-TOM1K", "Há cảo tôm Sen Vàng 1kg", "Dim Sum", 44.0, 28.5, 500, 14, "active", 3500, "tet"),
    ("VN-HC-HE300", "Há cảo tôm hẹ Sen Vàng 300g", "Dim Sum", 14.5, 9.1, 700, 14, "active", 5500, "tet"),
    ("VN-HC-THIT300", "Há cảo thịt heo Sen Vàng 300g", "Dim Sum", 12.9, 7.9, 1000, 14, "active", 9000, "tet"),
    ("VN-XM-300", "Xíu mại thịt heo Sen Vàng 300g", "Dim Sum", 12.5, 7.6, 1000, 14, "active", 10000, "flat"),
    ("VN-XM-SOT400", "Xíu mại sốt cà chua Sen Vàng 400g", "Dim Sum", 13.9, 8.7, 700, 14, "active", 6500, "flat"),
    ("VN-BB-XX400", "Bánh bao xá xíu Sen Vàng 400g", "Bánh bao", 11.9, 7.2, 1500, 14, "active", 14000, "tet"),
    ("VN-BB-TC400", "Bánh bao thịt trứng cút Sen Vàng 400g", "Bánh bao", 12.9, 7.9, 1200, 14, "active", 11000,
     "tet"),
    ("VN-BB-KS300", "Bánh bao kim sa Sen Vàng 300g", "Bánh bao", 13.9, 8.8, 400, 14, "new", 4000, "tet"),
    ("MAKA-450", "Mąka pszenna typ 450 25kg", "Surowce", 62.0, 62.0, 300, 14, "active", 2600, "flat"),
    ("MAKA-500", "Mąka pszenna typ 500 25kg", "Surowce", 58.0, 58.0, 150, 14, "active", 1100, "flat"),
    ("MIESO-WP", "Mięso wieprzowo-wołowe kl. II 10kg", "Surowce", 180.0, 180.0, 200, 5, "active", 1900, "flat"),
    ("KARTON-10", "Karton zbiorczy 10x400g", "Surowce", 1.6, 1.6, 5000, 21, "active", 30000, "flat"),
    ("BOTMI-25", "Bột mì đa dụng 25kg", "Surowce", 55.0, 55.0, 200, 21, "active", 1500, "flat"),
]
# several rows of a SKU are alternatives; the first is the primary resource
ROUTING = [
    ("PIE-MIE-400", "Wałkownica A", 0.004), ("PIE-MIE-1K", "Wałkownica A", 0.009),
    ("PIE-RUS-400", "Wałkownica A", 0.004), ("PIE-RUS-1K", "Wałkownica A", 0.009),
    ("PIE-KAP-400", "Wałkownica A", 0.004), ("PIE-SZP-400", "Wałkownica A", 0.004),
    ("PIE-TRU-400", "Wałkownica A", 0.005), ("PIE-JAG-400", "Wałkownica A", 0.005),
    ("PIE-SER-400", "Wałkownica A", 0.004),
    ("PEL-SYB-400", "Wałkownica B", 0.005), ("PEL-SYB-1K", "Wałkownica B", 0.011),
    ("KOL-LIT-400", "Wałkownica B", 0.005), ("2412", "Wałkownica B", 0.006), ("KLU-SLA-500", "Wałkownica B", 0.003),
    ("PIE-MIE-400", "Wałkownica B", 0.005),
    ("ZUP-ZUR-450", "Linia Nadzień", 0.003), ("ZUP-BAR-450", "Linia Nadzień", 0.003),
    ("ZUP-ROS-450", "Linia Nadzień", 0.003), ("ZUP-GRZ-450", "Linia Nadzień", 0.003),
    ("ZUP-FLA-450", "Linia Nadzień", 0.004), ("ZUP-KRU-450", "Linia Nadzień", 0.003),
    ("DG-GOL-800", "Spiral Freezer 1", 0.008), ("DG-LAZ-450", "Spiral Freezer 1", 0.005),
    ("DG-BIG-450", "Spiral Freezer 1", 0.005), ("DG-PLA-600", "Spiral Freezer 1", 0.005),
    ("DG-SCH-500", "Spiral Freezer 1", 0.006),
    ("PIE-MIE-2K5", "Spiral Freezer 2", 0.02), ("ZUP-ZUR-2K5", "Spiral Freezer 2", 0.02),
    ("DG-GOL-2K5", "Spiral Freezer 2", 0.025), ("DG-GOL-800", "Spiral Freezer 2", 0.009),
    ("PIE-RUS-3X", "Linia Pakowania", 0.006), ("PEL-SYB-3X", "Linia Pakowania", 0.006),
    ("VN-BB-XX400", "Lò hấp 1", 0.006), ("VN-BB-TC400", "Lò hấp 1", 0.006), ("VN-BB-KS300", "Lò hấp 1", 0.007),
    ("VN-HC-TOM300", "Lò hấp 2", 0.005), ("VN-HC-TOM1K", "Lò hấp 2", 0.012), ("VN-HC-HE300", "Lò hấp 2", 0.005),
    ("VN-HC-THIT300", "Lò hấp 2", 0.005), ("VN-XM-300", "Lò hấp 2", 0.005), ("VN-XM-SOT400", "Lò hấp 2", 0.006),
    ("PIE-MIE-SV300", "Spiral Freezer 3", 0.01), ("VN-HC-TOM300", "Spiral Freezer 3", 0.002),
]
CAPACITY = {"Wałkownica A": 1.12, "Wałkownica B": 0.82, "Linia Nadzień": 0.68, "Spiral Freezer 1": 1.06,
            "Spiral Freezer 2": 0.55, "Linia Pakowania": 0.93, "Lò hấp 1": 1.19, "Lò hấp 2": 0.96,
            "Spiral Freezer 3": 0.78}
PLANTS = {"Lò hấp 1": DUC_HOA, "Lò hấp 2": DUC_HOA, "Spiral Freezer 3": DUC_HOA}
VN_SKUS = {p[0] for p in PRODUCTS if p[0].startswith("VN-")} | {"PIE-MIE-SV300", "BOTMI-25"}
SUPPLY = [
    ("ZK/2027/03/118", "MAKA-450", "2027-04-08", 1200, "purchase_order", "firm", "Młyn Szczepanki"),
    ("ZK/2027/03/181", "MAKA-500", "2027-04-22", 800, "purchase_order", "planned", "Młyn Szczepanki"),
    ("PO-MP-0427", "MIESO-WP", "2027-04-27", 1500, "purchase_order", "firm", "Mięso-Pol Wieluń"),
    ("4700-0331", "KARTON-10", "2027-04-14", 25000, "purchase_order", "firm", "Folpak Łódź"),
    ("4500088127", "BOTMI-25", "2027-04-20", 1400, "purchase_order", "firm", "Bột mì Bình Đông"),
    ("ZP/27/0330", "PIE-MIE-400", "2027-03-30", 9000, "production_order", "released", ""),
    ("ZP/27/0412", "PEL-SYB-1K", "2027-04-12", 3000, "production_order", "firm", ""),
    ("ZP/27/0415", "DG-GOL-800", "2027-04-15", 2500, "production_order", "planned", ""),
    ("ZP/27/0502", "PIE-RUS-3X", "2027-05-02", 4000, "production_order", "planned", ""),
    ("LSX-ĐH-0409", "VN-HC-TOM300", "2027-04-09", 6000, "production_order", "firm", ""),
    ("LSX-ĐH-0416", "VN-BB-XX400", "2027-04-16", 5000, "production_order", "released", ""),
    ("MM/KAL/0405", "PIE-RUS-1K", "2027-04-05", 1500, "transfer", "released", "Chłodnia Ostrów"),
]
CUSTOMERS = ["Orzeł Foods UK Ltd", "Hurtownia Lubelska", "Polskie Smaki Ltd", "Chuỗi siêu thị Bình An",
             "Osaka Reitō KK", "Sieć Delikatesów Mazur"]
EVENTS = [
    ("Wielkanoc 2025", "2025-04-07", "2025-04-20", "", "Zupy", 25, "holiday"),
    ("Wielkanoc 2026", "2026-03-23", "2026-04-05", "", "Zupy", 25, "holiday"),
    ("Tết Bính Ngọ 2026", "2026-02-10", "2026-02-17", "", "Dim Sum", 30, "holiday"),
    ("Wigilia 2026", "2026-12-01", "2026-12-24", "", "Pelmeni i Kołduny", 0, "holiday"),
    ("Promocja Pierogi ruskie 3x400g", "2026-10-01", "2026-10-31", "PIE-RUS-3X", "", 35, "promotion"),
    ("Launch Pierogi z jagodami", "2026-06-01", "2026-06-30", "PIE-JAG-400", "", 0, "launch"),
    ("Launch Bánh bao kim sa", "2026-10-01", "2026-10-31", "VN-BB-KS300", "", 0, "launch"),
    ("Tết Đinh Mùi 2027", "2027-01-30", "2027-02-06", "", "Dim Sum", 30, "holiday"),
    ("Wielkanoc 2027", "2027-03-15", "2027-03-28", "", "Zupy", 25, "holiday"),
    ("Majówka promo 2027", "2027-04-26", "2027-05-03", "", "Dania gotowe", 15, "promotion"),
    ("Lato z truskawkami 2027", "2027-06-01", "2027-07-31", "PIE-TRU-400", "", 20, "promotion"),
]
STOCK_COVER = {"PIE-MIE-400": 0.25, "PIE-RUS-3X": 0.3, "PEL-SYB-1K": 0.2, "DG-GOL-800": 0.3,
               "VN-HC-TOM300": 0.25, "VN-BB-XX400": 0.3, "MAKA-450": 0.35, "MIESO-WP": 0.4,
               "PIE-JAG-400": 0.4, "KOL-LIT-400": 0.45,
               "2412": 6.0, "ZUP-BAR-450": 5.0, "ZUP-ZUR-2K5": 5.5, "PIE-SZP-400": 8.0,
               "KARTON-10": 4.5, "VN-HC-TOM1K": 5.0, "ZUP-ZUR-450": 3.0}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "pierogi":  # Christmas Eve and the winter, a dip in the summer
        return {11: 1.1, 12: 1.35, 1: 0.9, 7: 0.85, 8: 0.85}.get(month, 1.0)
    if kind == "wigilia":  # uszka, barszcz, cabbage and mushroom pierogi, bigos: Christmas Eve
        return {11: 1.4, 12: 4.0, 1: 0.5}.get(month, 0.45)
    if kind == "summer":  # fruit pierogi
        return {6: 2.0, 7: 2.2, 8: 1.6, 5: 1.1, 9: 0.9}.get(month, 0.45)
    if kind == "zurek":  # Easter soup: April 2025 (Easter 20 April), March-April 2026 (5 April)
        return {"2025-04": 2.6, "2026-03": 1.9, "2026-04": 1.5}.get(period, 0.9)
    if kind == "soup":  # hot soups sell in the cold months
        return {10: 1.15, 11: 1.25, 12: 1.2, 1: 1.3, 2: 1.2, 6: 0.7, 7: 0.6, 8: 0.65}.get(month, 1.0)
    if kind == "tet":  # Asian retail: the run-up to Tết (February 2026, late January 2027)
        return {"2026-01": 1.5, "2026-02": 1.2, "2027-01": 1.6, "2027-02": 0.9}.get(period, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-06", trend=0.006, pivot=12, noise=0.07,
                             promo=("PIE-RUS-3X", "2026-10", 1.35))


def fix_vn() -> None:
    """The Sen Vàng SKUs sit in the Đức Hòa cold store; the JV's new bun launched in October 2026."""
    path = HERE / "inventory.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["sku"] in VN_SKUS:
            row["location"] = "Kho lạnh Đức Hòa"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    path = HERE / "sales_history.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = [r for r in rows if not (r["sku"] == "VN-BB-KS300" and r["period"] < "2026-10")]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    path = HERE / "forecast_snapshots.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    rows = [r for r in rows if not (r["sku"] == "VN-BB-KS300" and r["period"] < "2026-10")]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write_company(HERE, seed=424242, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=KALISZ,
                  location="Chłodnia Kalisz", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="ZS/{:05d}")
    move_to_plants(HERE, ROUTING, PLANTS)
    fix_vn()


if __name__ == "__main__":
    main()
