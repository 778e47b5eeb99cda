"""Writes the monthly CSV files of dev company 33 (Hacienda Valdeolivo S.L., an Andalusian producer of olive
oil, olives, Sherry vinegar and canned food, with an oil mill and bottling plant in Mancha Real (Jaén) and a
vinegar and canning plant in El Puerto de Santa María (Cádiz), EUR).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/dev_company_33/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-12"]  # 30 complete months before 2027-01-15
PLAN = [f"{y}-{m:02d}" for y in (2027, 2028) for m in range(1, 13)
        if "2027-01" <= f"{y}-{m:02d}" <= "2028-06"]
AS_OF = "2027-01-14"
MANCHA_REAL = "Almazara Mancha Real"
EL_PUERTO = "Planta El Puerto"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("VO-PIC-050", "Señorío Picual Extra Virgin Olive Oil 500 ml", "Extra Virgin Olive Oil", 8.90, 4.10, 2500,
     14, "active", 14000, "oil"),
    ("VO-PIC-100", "Señorío Picual Extra Virgin Olive Oil 1 L", "Extra Virgin Olive Oil", 15.50, 7.60, 1500, 14,
     "active", 8000, "oil"),
    ("VO-PIC-500", "Señorío Picual Extra Virgin Olive Oil 5 L", "Extra Virgin Olive Oil", 62.00, 31.00, 300, 21,
     "active", 1600, "oil"),
    ("VO-HOJ-050", "Hojiblanca Extra Virgin Olive Oil 500 ml", "Extra Virgin Olive Oil", 7.40, 3.50, 1500, 14,
     "active", 9000, "oil"),
    ("1000", "Hojiblanca Extra Virgin Olive Oil 1 L", "Extra Virgin Olive Oil", 12.90, 6.20, 1200, 14, "active",
     7000, "oil"),
    ("VO-ARB-025", "Arbequina Extra Virgin Olive Oil 250 ml", "Extra Virgin Olive Oil", 5.20, 2.30, 600, 14,
     "active", 4200, "flat"),
    ("VO-CT26-050", "Cosecha Temprana 2026 Picual 500 ml", "Extra Virgin Olive Oil", 14.50, 6.80, 800, 21, "new",
     6000, "early26"),
    ("VO-CT25-050", "Cosecha Temprana 2025 Picual 500 ml", "Extra Virgin Olive Oil", 14.50, 6.60, 0, 21,
     "discontinued", 5000, "early25"),
    ("VO-JAE-5L", "Jaén Selección Extra Virgin Olive Oil 5 L", "Extra Virgin Olive Oil", 49.00, 24.50, 200, 21,
     "active", 1400, "oil"),
    ("OO-SUA-1L", "Olive Oil Suave 1 L", "Olive Oil", 6.40, 3.40, 2000, 14, "active", 12000, "oil"),
    ("OO-INT-1L", "Olive Oil Intenso 1 L", "Olive Oil", 6.60, 3.50, 1500, 14, "active", 9500, "oil"),
    ("OO-SUA-5L", "Olive Oil Suave 5 L", "Olive Oil", 29.50, 16.00, 400, 14, "active", 2200, "oil"),
    ("OO-ORU-5L", "Orujo Pomace Olive Oil 5 L", "Olive Oil", 17.90, 10.10, 200, 21, "active", 1500, "flat"),
    ("AC-MAN-350", "Manzanilla Olives Stuffed with Anchovy 350 g", "Olives", 2.40, 1.05, 2000, 21, "active",
     15000, "olives"),
    ("AC-MAN-3PK", "Manzanilla Olives Stuffed with Anchovy 3 x 120 g", "Olives", 3.10, 1.40, 1000, 21, "active",
     8000, "olives"),
    ("AC-GOR-400", "Gordal Olives Pitted 400 g", "Olives", 3.80, 1.70, 800, 21, "active", 5200, "olives"),
    ("AC-HOJ-400", "Hojiblanca Black Olives Sliced 400 g", "Olives", 2.20, 0.95, 800, 21, "active", 6400,
     "olives"),
    ("AC-CAM-200", "Aceitunas Camperas Aliñadas 200 g", "Olives", 2.90, 1.25, 500, 21, "active", 3600, "olives"),
    ("AC-TAP-180", "Black Olive Tapenade 180 g", "Olives", 3.50, 1.50, 300, 21, "active", 2100, "flat"),
    ("VJ-RES-250", "Vinagre de Jerez Reserva 250 ml", "Vinagre de Jerez", 3.90, 1.60, 900, 28, "active", 6500,
     "vinegar"),
    ("VJ-RES-500", "Vinagre de Jerez Reserva 500 ml", "Vinagre de Jerez", 6.20, 2.60, 600, 28, "active", 4300,
     "vinegar"),
    ("VJ-GR-375", "Señorío Vinagre de Jerez Gran Reserva 375 ml", "Vinagre de Jerez", 11.80, 4.90, 300, 35,
     "active", 2400, "vinegar"),
    ("VJ-PX-250", "Vinagre de Jerez al Pedro Ximénez 250 ml", "Vinagre de Jerez", 5.40, 2.30, 300, 28, "active",
     2600, "vinegar"),
    ("2029", "Crema de Vinagre de Jerez 250 ml", "Vinagre de Jerez", 4.60, 1.90, 400, 28, "active", 3100,
     "vinegar"),
    ("CV-ANC-050", "Anchovy Fillets in Olive Oil 50 g", "Conservas", 4.20, 2.10, 1200, 30, "active", 9000,
     "flat"),
    ("CV-ATU-120", "Atún de Almadraba in Olive Oil 120 g", "Conservas", 5.90, 3.00, 1500, 30, "active", 11000,
     "tuna"),
    ("CV-ATU-3PK", "Atún de Almadraba in Olive Oil 120 g, pack of 3", "Conservas", 16.50, 8.40, 500, 30, "active",
     3800, "tuna"),
    ("CV-SAR-120", "Sardines in Escabeche de Jerez 120 g", "Conservas", 3.40, 1.55, 600, 30, "active", 4100,
     "tuna"),
    ("CV-PIQ-290", "Piquillo Peppers 290 g", "Conservas", 3.20, 1.35, 600, 30, "active", 4600, "flat"),
    ("CV-GAZ-1L", "Gazpacho Andaluz 1 L", "Conservas", 3.60, 1.50, 800, 10, "active", 7000, "gazpacho"),
    ("CV-GAZ-330", "Gazpacho Andaluz 330 ml", "Conservas", 1.60, 0.65, 1000, 10, "active", 9500, "gazpacho"),
    ("GP-SEN-3", "Señorío Tasting Box 3 x 250 ml", "Gift Packs", 19.90, 9.20, 150, 21, "active", 900, "gift"),
    ("GP-NAV-26", "Señorío Christmas Hamper 2026", "Gift Packs", 49.00, 24.00, 0, 30, "new", 1800, "gift"),
]
ROUTING = [
    ("VO-PIC-050", "Envasadora 1", 0.0011), ("VO-PIC-100", "Envasadora 1", 0.0015),
    ("VO-HOJ-050", "Envasadora 1", 0.0011), ("1000", "Envasadora 1", 0.0015),
    ("VO-ARB-025", "Envasadora 1", 0.0009), ("VO-CT26-050", "Envasadora 1", 0.0013),
    ("VO-CT25-050", "Envasadora 1", 0.0013),
    ("VO-PIC-500", "Envasadora 2", 0.0040), ("VO-JAE-5L", "Envasadora 2", 0.0040),
    ("OO-SUA-1L", "Envasadora 2", 0.0012), ("OO-SUA-1L", "Envasadora 1", 0.0016),
    ("OO-INT-1L", "Envasadora 2", 0.0012), ("OO-SUA-5L", "Envasadora 2", 0.0038),
    ("AC-MAN-350", "Línea de Aceitunas", 0.0010), ("AC-MAN-3PK", "Línea de Aceitunas", 0.0016),
    ("AC-GOR-400", "Línea de Aceitunas", 0.0012), ("AC-HOJ-400", "Línea de Aceitunas", 0.0009),
    ("AC-CAM-200", "Línea de Aceitunas", 0.0011), ("AC-TAP-180", "Línea de Aceitunas", 0.0014),
    ("VJ-RES-250", "Embotelladora Vinagre", 0.0010), ("VJ-RES-500", "Embotelladora Vinagre", 0.0013),
    ("VJ-GR-375", "Embotelladora Vinagre", 0.0020), ("VJ-PX-250", "Embotelladora Vinagre", 0.0012),
    ("2029", "Embotelladora Vinagre", 0.0012),
    ("CV-ATU-120", "Línea de Latas", 0.0009), ("CV-ATU-3PK", "Línea de Latas", 0.0030),
    ("CV-SAR-120", "Línea de Latas", 0.0009), ("CV-PIQ-290", "Línea de Latas", 0.0010),
    ("CV-GAZ-1L", "Línea Gazpacho", 0.0008), ("CV-GAZ-330", "Línea Gazpacho", 0.0005),
    ("GP-SEN-3", "Sala de Estuches", 0.0120), ("GP-NAV-26", "Sala de Estuches", 0.0250),
]
CAPACITY = {"Envasadora 1": 1.12, "Envasadora 2": 0.86, "Línea de Aceitunas": 0.91, "Embotelladora Vinagre": 0.78,
            "Línea de Latas": 1.06, "Línea Gazpacho": 0.55, "Sala de Estuches": 0.70}
PLANTS = {"Embotelladora Vinagre": EL_PUERTO, "Línea de Latas": EL_PUERTO, "Línea Gazpacho": EL_PUERTO}
SUPPLY = [
    ("OF-27/0012", "VO-PIC-050", "2027-01-22", 18000, "production_order", "released", ""),
    ("OF-27/0019", "VO-PIC-100", "2027-02-05", 9000, "production_order", "planned", ""),
    ("4500031877", "OO-ORU-5L", "2027-02-10", 2500, "purchase_order", "firm", "Orujera del Sur S.A."),
    ("4500031902", "OO-SUA-1L", "2027-01-12", 10000, "purchase_order", "released",
     "Cooperativa San Isidro de Jaén"),
    ("PO/2027/004", "CV-ANC-050", "2027-01-28", 12000, "purchase_order", "firm", "Salazones Barbate S.L."),
    ("ENV-0203", "1000", "2027-02-03", 9000, "production_order", "planned", ""),
    ("LT-0115", "CV-ATU-120", "2027-01-19", 15000, "production_order", "firm", ""),
    ("2701", "VO-CT26-050", "2027-01-27", 6000, "production_order", "firm", ""),
    ("OC-88190", "VJ-GR-375", "2027-01-08", 2500, "purchase_order", "firm", "Bodega Santa Cruz de Jerez"),
    ("OC-88213", "AC-GOR-400", "2027-02-15", 5000, "purchase_order", "planned",
     "Aceitunas Gordal de Arahal S.C.A."),
    ("TR-EPT-07", "CV-SAR-120", "2027-01-20", 3000, "transfer", "released", "Planta El Puerto"),
    ("VIN/27/002", "VJ-RES-250", "2027-02-12", 7000, "production_order", "firm", ""),
]
CUSTOMERS = ["Distribuciones Bética S.L.", "Hostelería Costa del Sol", "Feinkost Hanse GmbH",
             "Saigon Olive Trading Co.", "Mercado Gourmet Madrid"]
EVENTS = [
    ("Navidad 2024", "2024-12-01", "2024-12-31", "", "Gift Packs", 40, "holiday"),
    ("Gazpacho Verano 2025", "2025-06-01", "2025-08-31", "CV-GAZ-330", "", 25, "promotion"),
    ("Cosecha Temprana 2025 launch", "2025-10-15", "2025-11-15", "VO-CT25-050", "", 0, "launch"),
    ("Navidad 2025", "2025-12-01", "2025-12-31", "", "Gift Packs", 40, "holiday"),
    ("Semana Santa 2026", "2026-03-29", "2026-04-05", "", "", 0, "holiday"),
    ("Atún 3-pack promo May 2026", "2026-05-04", "2026-05-31", "CV-ATU-3PK", "", 50, "promotion"),
    ("Cosecha Temprana 2026 launch", "2026-10-15", "2026-11-15", "VO-CT26-050", "", 0, "launch"),
    ("Campaña de aceituna 2026/27", "2026-11-01", "2027-02-28", "", "", 0, "other"),
    ("Navidad 2026", "2026-12-01", "2026-12-31", "", "Gift Packs", 40, "holiday"),
    ("Semana Santa 2027", "2027-03-21", "2027-03-28", "", "", 0, "holiday"),
    ("Gazpacho Verano 2027", "2027-06-01", "2027-08-31", "CV-GAZ-330", "", 25, "promotion"),
]
STOCK_COVER = {"VO-PIC-050": 0.35, "VO-CT26-050": 0.2, "1000": 0.3, "VJ-GR-375": 0.25, "CV-ATU-120": 0.3,
               "AC-MAN-350": 0.4, "CV-ANC-050": 0.3, "VO-ARB-025": 0.45,
               "VO-CT25-050": 9.0, "GP-NAV-26": 1.2, "CV-GAZ-1L": 4.0, "OO-ORU-5L": 6.0, "AC-TAP-180": 5.0,
               "VJ-PX-250": 5.5, "CV-GAZ-330": 2.5}


def season(kind: str, period: str) -> float:
    year, month = int(period[:4]), int(period[5:])
    if kind == "oil":  # bottled oil: the new harvest and Christmas, a quiet August
        return {10: 1.1, 11: 1.25, 12: 1.35, 1: 0.9, 8: 0.8}.get(month, 1.0)
    if kind == "olives":  # olives: the summer aperitivo and Christmas
        return {6: 1.25, 7: 1.35, 8: 1.3, 12: 1.2, 1: 0.85, 2: 0.85}.get(month, 1.0)
    if kind == "vinegar":
        return {12: 1.3, 6: 1.1, 7: 1.1}.get(month, 1.0)
    if kind == "tuna":
        return {5: 1.1, 6: 1.15, 7: 1.2, 8: 1.15, 12: 1.1}.get(month, 1.0)
    if kind == "gazpacho":  # cold soup: May to September
        return {5: 1.5, 6: 2.2, 7: 2.6, 8: 2.3, 9: 1.3, 10: 0.6, 11: 0.35, 12: 0.35, 1: 0.35, 2: 0.4,
                3: 0.6, 4: 0.9}[month]
    if kind == "gift":  # gift boxes: November and December
        return {10: 0.5, 11: 1.8, 12: 3.0, 1: 0.25}.get(month, 0.2)
    if kind == "early25":  # the 2025 early harvest: sold from its launch, then run down
        if period < "2025-10":
            return 0.0
        return {"2025-10": 0.8, "2025-11": 1.6, "2025-12": 1.8}.get(period, max(0.1, 1.0 - 0.08 * (
            (year - 2026) * 12 + month)))
    if kind == "early26":  # the 2026 early harvest: launched in October 2026, above plan
        return {10: 0.9, 11: 1.7, 12: 2.0}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-10", trend=0.004, pivot=15, noise=0.08,
                             promo=("CV-ATU-3PK", "2026-05", 1.5))  # Atún 3-pack promo May 2026


def set_plants() -> None:
    """Put the El Puerto resources and the SKUs whose primary resource they are on the Cádiz plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=333033, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=MANCHA_REAL,
                  location="Bailén DC", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-1, order_ref="HV-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
