"""Writes the monthly CSV files of Passo Firme Calçados Ltda (a Brazilian footwear maker: sandals, sneakers,
school shoes, boots, insoles and shoe care; a footwear plant in Novo Hamburgo, RS, an injection plant in Sobral,
CE, and a distribution centre in Extrema, MG; BRL).

The catalogue, order references, resources and meeting notes are written by hand (here and in ``notes/``);
the monthly figures are drawn from a fixed seed, so a re-run writes the same files. From the repository
root::

    python tests/assistant/eval_companies/passo_firme_footwear/make_data.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))
from company_data import move_to_plants, sales_series, write_company  # noqa: E402

HERE = Path(__file__).parent
HISTORY = [f"{y}-{m:02d}" for y in (2024, 2025, 2026) for m in range(1, 13)
           if "2024-07" <= f"{y}-{m:02d}" <= "2026-07"]  # 25 complete months before 2026-08-20
PLAN = [f"{y}-{m:02d}" for y in (2026, 2027, 2028) for m in range(1, 13)
        if "2026-08" <= f"{y}-{m:02d}" <= "2028-01"]
AS_OF = "2026-08-19"
NOVO_HAMBURGO = "Fábrica Novo Hamburgo"
SOBRAL = "Fábrica Sobral"

# sku, name, family, price, cost, safety stock, lead time, status, base monthly units, season
PRODUCTS = [
    ("BRZ-3738-AZ", "Brisa Flip-Flop Azul 37/38", "Sandals", 29.90, 9.80, 3000, 21, "active", 18000, "summer"),
    ("BRZ-3940-AZ", "Brisa Flip-Flop Azul 39/40", "Sandals", 29.90, 9.80, 3500, 21, "active", 22000, "summer"),
    ("BRZ-3940-PT", "Brisa Flip-Flop Preto 39/40", "Sandals", 29.90, 9.80, 3000, 21, "active", 19000, "summer"),
    ("BRZ-K2728", "Brisa Kids Flip-Flop 27/28", "Sandals", 22.90, 7.10, 1200, 21, "active", 7500, "summer"),
    ("2030", "Maré Slide Sandal Branco", "Sandals", 59.90, 19.50, 1500, 28, "active", 9000, "summer"),
    ("MAR-SLD-CA", "Maré Slide Sandal Caramelo", "Sandals", 59.90, 19.50, 800, 28, "active", 5200, "summer"),
    ("SOL-PAP-36", "Sol Papete Sandal 36", "Sandals", 89.90, 31.00, 300, 28, "active", 2100, "summer"),
    ("URB-BR-40", "Urban Runner Sneaker Branco 40", "Sneakers", 249.90, 98.00, 400, 35, "active", 2600,
     "sneaker"),
    ("URB-BR-42", "Urban Runner Sneaker Branco 42", "Sneakers", 249.90, 98.00, 450, 35, "active", 3100,
     "sneaker"),
    ("URB-PT-42", "Urban Runner Sneaker Preto 42", "Sneakers", 249.90, 98.00, 350, 35, "active", 2400,
     "sneaker"),
    ("TRL-SNK-41", "Trilha Trail Sneaker 41", "Sneakers", 299.90, 121.00, 250, 35, "active", 1500, "sneaker"),
    ("VIL-CNV-38", "Vila Canvas Sneaker 38", "Sneakers", 149.90, 52.00, 300, 28, "active", 2200, "sneaker"),
    ("4412", "Vila Canvas Sneaker 36", "Sneakers", 149.90, 52.00, 150, 28, "active", 900, "sneaker"),
    ("PUL-KV-30", "Pulo Kids Sneaker Velcro 30", "Sneakers", 129.90, 45.00, 250, 28, "active", 1700, "school"),
    ("ESC-CL-28", "Escolar Classic School Shoe Preto 28", "School Shoes", 119.90, 41.00, 300, 35, "active", 1600,
     "school"),
    ("ESC-CL-33", "Escolar Classic School Shoe Preto 33", "School Shoes", 129.90, 44.00, 350, 35, "active", 1900,
     "school"),
    ("ESC-CL-37", "Escolar Classic School Shoe Preto 37", "School Shoes", 139.90, 48.00, 250, 35, "active", 1300,
     "school"),
    ("ESC-TN-32", "Escolar Tênis Branco 32", "School Shoes", 109.90, 37.00, 300, 28, "active", 1800, "school"),
    ("ESC-MJ-30", "Escolar Mary Jane Verniz 30", "School Shoes", 124.90, 43.00, 120, 35, "active", 700, "school"),
    ("TRL-HB-39", "Trilha Hiking Boot 39", "Boots", 389.90, 158.00, 120, 42, "active", 650, "winter"),
    ("TRL-HB-42", "Trilha Hiking Boot 42", "Boots", 389.90, 158.00, 180, 42, "active", 900, "winter"),
    ("GAU-CH-CF40", "Gaúcha Chelsea Boot Café 40", "Boots", 329.90, 131.00, 150, 42, "active", 1100, "winter"),
    ("GAU-CH-PT37", "Gaúcha Chelsea Boot Preto 37", "Boots", 329.90, 131.00, 180, 42, "active", 1300, "winter"),
    ("SER-CB-41", "Serra Country Boot 41", "Boots", 359.90, 140.00, 0, 42, "discontinued", 400, "winter"),
    ("OBR-WB-43", "Obra Work Boot 43", "Boots", 219.90, 88.00, 200, 35, "active", 1200, "flat"),
    ("PLM-GEL-M", "Conforto Gel Insole M", "Insoles", 49.90, 14.00, 1000, 30, "active", 6000, "flat"),
    ("PLM-GEL-G", "Conforto Gel Insole G", "Insoles", 49.90, 14.00, 900, 30, "active", 5000, "flat"),
    ("PLM-KID-P", "Conforto Kids Insole P", "Insoles", 34.90, 9.50, 300, 21, "active", 2000, "school"),
    ("TRL-INS-U", "Trilha Trail Insole", "Insoles", 69.90, 21.00, 300, 21, "new", 2200, "flat"),
    ("SNK-FC-150", "Sneaker Foam Cleaner 150 ml", "Shoe Care", 39.90, 11.50, 600, 21, "active", 3800, "sneaker"),
    ("SNK-FC-300", "Sneaker Foam Cleaner 300 ml", "Shoe Care", 59.90, 17.00, 300, 21, "active", 1600, "sneaker"),
    ("IMP-SPR-200", "Impermeabilizante Spray 200 ml", "Shoe Care", 44.90, 13.00, 400, 28, "active", 2500, "care"),
    ("CRM-PT-50", "Leather Cream Preto 50 g", "Shoe Care", 24.90, 6.80, 500, 21, "active", 3000, "care"),
    ("CRM-CA-50", "Leather Cream Caramelo 50 g", "Shoe Care", 24.90, 6.80, 200, 21, "active", 1100, "care"),
]
# several rows of a SKU are alternatives; the first is its primary resource
ROUTING = [
    ("BRZ-3738-AZ", "Injetora 1", 0.0020), ("BRZ-3940-AZ", "Injetora 1", 0.0020),
    ("BRZ-3940-AZ", "Injetora 2", 0.0024), ("BRZ-3940-PT", "Injetora 1", 0.0020),
    ("BRZ-K2728", "Injetora 2", 0.0018), ("2030", "Injetora 2", 0.0035), ("MAR-SLD-CA", "Injetora 2", 0.0035),
    ("SOL-PAP-36", "Injetora 2", 0.0060),
    ("URB-BR-40", "Montagem Line 1", 0.045), ("URB-BR-42", "Montagem Line 1", 0.045),
    ("URB-BR-42", "Montagem Line 2", 0.055), ("URB-PT-42", "Montagem Line 1", 0.045),
    ("TRL-SNK-41", "Montagem Line 1", 0.055), ("PUL-KV-30", "Montagem Line 1", 0.035),
    ("VIL-CNV-38", "Vulcanização Oven", 0.030), ("4412", "Vulcanização Oven", 0.030),
    ("ESC-TN-32", "Vulcanização Oven", 0.028),
    ("ESC-CL-28", "Montagem Line 2", 0.050), ("ESC-CL-33", "Montagem Line 2", 0.050),
    ("ESC-CL-37", "Montagem Line 2", 0.052), ("ESC-MJ-30", "Pesponto Cell", 0.060),
    ("TRL-HB-39", "Pesponto Cell", 0.120), ("TRL-HB-42", "Pesponto Cell", 0.120),
    ("GAU-CH-CF40", "Pesponto Cell", 0.100), ("GAU-CH-CF40", "Montagem Line 2", 0.120),
    ("GAU-CH-PT37", "Pesponto Cell", 0.100), ("SER-CB-41", "Pesponto Cell", 0.140),
    ("OBR-WB-43", "Montagem Line 2", 0.070),
    ("PLM-KID-P", "Corte Press", 0.004), ("TRL-INS-U", "Corte Press", 0.004),
]
# average load of the last 12 months' demand on each resource's available hours
CAPACITY = {"Injetora 1": 1.10, "Injetora 2": 0.88, "Montagem Line 1": 1.12, "Montagem Line 2": 0.92,
            "Pesponto Cell": 0.97, "Vulcanização Oven": 1.04, "Corte Press": 0.55}
PLANTS = {"Injetora 1": SOBRAL, "Injetora 2": SOBRAL}
SUPPLY = [
    ("OP-26-0815", "URB-BR-42", "2026-09-04", 2400, "production_order", "released", ""),
    ("4500023871", "GAU-CH-PT37", "2026-09-12", 600, "purchase_order", "firm", "Ateliê Franca Calçados"),
    ("PC/2026/0412", "PLM-GEL-M", "2026-08-10", 5000, "purchase_order", "firm", "Palmilhas Sul Ind. e Com. Ltda"),
    ("TRF-SOB-22", "BRZ-3940-AZ", "2026-09-02", 12000, "transfer", "released", SOBRAL),
    ("0910", "ESC-CL-33", "2026-10-09", 1500, "production_order", "planned", ""),
    ("OP-26-0822", "TRL-HB-42", "2026-09-18", 500, "production_order", "firm", ""),
    ("IMP.2026.07", "IMP-SPR-200", "2026-08-28", 3000, "purchase_order", "firm", "Química Vale dos Sinos"),
    ("OP-26-0901", "2030", "2026-09-25", 9000, "production_order", "planned", ""),
    ("55120", "SNK-FC-150", "2026-09-08", 4000, "purchase_order", "firm", "Química Vale dos Sinos"),
    ("PO-3318", "PLM-GEL-G", "2026-09-30", 3000, "purchase_order", "firm", "Palmilhas Sul Ind. e Com. Ltda"),
    ("OP-26-0907", "VIL-CNV-38", "2026-10-05", 2000, "production_order", "planned", ""),
    ("TRF-NH-09", "ESC-CL-28", "2026-09-15", 1200, "transfer", "released", NOVO_HAMBURGO),
]
CUSTOMERS = ["Rede Pé Quente", "Sapataria Central", "Atacadão do Calçado Ltda", "Saigon Step Distribution",
             "Vitrine Marketplace"]
EVENTS = [
    ("Black Friday 2025", "2025-11-28", "2025-11-30", "", "Sneakers", 30, "promotion"),
    ("Natal 2025", "2025-12-01", "2025-12-24", "", "Sandals", 25, "promotion"),
    ("Volta às Aulas 2026", "2026-01-15", "2026-02-20", "", "School Shoes", 40, "promotion"),
    ("Carnaval 2026", "2026-02-14", "2026-02-18", "", "", 0, "holiday"),
    ("Trilha Trail Insole launch", "2026-04-01", "2026-04-30", "TRL-INS-U", "", 0, "launch"),
    ("Dia das Mães 2026", "2026-05-10", "2026-05-10", "", "", 0, "holiday"),
    ("Liquidação de Inverno 2026", "2026-07-01", "2026-07-31", "", "Boots", 20, "promotion"),
    ("Black Friday 2026", "2026-11-27", "2026-11-29", "", "Sneakers", 30, "promotion"),
    ("Natal 2026", "2026-12-01", "2026-12-24", "", "Sandals", 25, "promotion"),
    ("Volta às Aulas 2027", "2027-01-15", "2027-02-19", "", "School Shoes", 40, "promotion"),
    ("Carnaval 2027", "2027-02-06", "2027-02-10", "", "", 0, "holiday"),
]
# months of recent sales held in stock on 2026-08-19 (default 1.3): thin ahead of summer and on a few
# sneakers, boots and insoles; heavy on the discontinued country boot, the Mary Jane, kids' flip-flops and more
STOCK_COVER = {"URB-BR-42": 0.3, "BRZ-3940-AZ": 0.35, "2030": 0.3, "TRL-HB-42": 0.3, "GAU-CH-PT37": 0.35,
               "PLM-GEL-M": 0.25, "SNK-FC-150": 0.3, "ESC-CL-33": 0.4,
               "SER-CB-41": 9.0, "CRM-CA-50": 6.0, "BRZ-K2728": 5.0, "ESC-MJ-30": 5.5, "4412": 6.0,
               "OBR-WB-43": 4.5}


def season(kind: str, period: str) -> float:
    month = int(period[5:])
    if kind == "summer":  # sandals: the Brazilian summer, Christmas and Carnaval
        return {9: 1.0, 10: 1.3, 11: 1.5, 12: 1.8, 1: 1.6, 2: 1.3, 3: 1.1, 5: 0.7, 6: 0.6, 7: 0.6,
                8: 0.8}.get(month, 0.9)
    if kind == "sneaker":  # sneakers and their cleaners: Mother's Day, Black Friday, Christmas
        return {5: 1.1, 11: 1.5, 12: 1.4, 1: 0.9, 2: 0.9}.get(month, 1.0)
    if kind == "school":  # volta às aulas in January-February, a smaller second-semester bump in July
        return {1: 2.6, 2: 2.2, 3: 0.9, 4: 0.6, 5: 0.6, 6: 0.7, 7: 1.5, 8: 1.2, 9: 0.6, 10: 0.6, 11: 0.6,
                12: 0.8}[month]
    if kind == "winter":  # boots: the southern winter, May-July
        return {1: 0.5, 2: 0.5, 3: 0.8, 4: 1.2, 5: 1.6, 6: 1.9, 7: 1.7, 8: 1.1, 9: 0.7, 10: 0.5, 11: 0.5,
                12: 0.6}[month]
    if kind == "care":  # leather cream and water repellent: the boot season
        return {5: 1.2, 6: 1.3, 7: 1.2}.get(month, 1.0)
    return 1.0


monthly_sales = sales_series(HISTORY, season, launch="2026-04", trend=0.004, pivot=12, noise=0.08,
                             promo=("GAU-CH-CF40", "2026-07", 1.5))  # Liquidação de Inverno 2026


def set_plants() -> None:
    """Put the Sobral injection machines and the SKUs whose primary resource they are on the Sobral plant."""
    move_to_plants(HERE, ROUTING, PLANTS)


def main() -> None:
    write_company(HERE, seed=270820, history=HISTORY, plan=PLAN, as_of=AS_OF, plant=NOVO_HAMBURGO,
                  location="CD Extrema", products=PRODUCTS, routing=ROUTING, capacity=CAPACITY, supply=SUPPLY,
                  customers=CUSTOMERS, events=EVENTS, stock_cover=STOCK_COVER, monthly_sales=monthly_sales,
                  budget_digits=-2, order_ref="PV-{:06d}")
    set_plants()


if __name__ == "__main__":
    main()
