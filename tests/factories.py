"""Small, valid contract folders for tests; each test breaks one file on purpose."""

from __future__ import annotations

from pathlib import Path

PRODUCTS = """sku,name,family,unit_price,unit_cost,safety_stock,lead_time_days,status,plant,min_order_qty
AB-100,Alpha Widget,Widgets,10.0,6.0,20,14,active,North,50
AB-200,Beta Widget,Widgets,12.5,7.0,10,21,active,North,
CD-300,Gamma Gadget,Gadgets,30,18,5,30,new,South,
"""

SALES = """sku,period,quantity
AB-100,2026-08,50
AB-100,2026-09,55
AB-100,2026-10,60
AB-200,2026-08-03,10
AB-200,2026-08-20,12
AB-200,2026-09,15
AB-200,2026-10,14
CD-300,2026-10,5
"""

INVENTORY = """sku,on_hand,as_of,allocated
AB-100,100,2026-11-14,10
AB-200,40,2026-11-14,0
CD-300,10,2026-11-14,
"""

SUPPLY = """sku,due_date,quantity,kind,status,ref,supplier
AB-100,2026-12-10,30,purchase_order,firm,PO-1,Acme
AB-200,2026-11-02,20,production_order,released,MO-7,
"""


def write_company(folder: Path, **overrides: str | None) -> Path:
    """Write a valid company folder; ``name=text`` replaces a file, ``name=None`` removes it."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "products.csv": PRODUCTS,
        "sales_history.csv": SALES,
        "inventory.csv": INVENTORY,
        "supply.csv": SUPPLY,
        "company.toml": 'name = "Test Co"\ncurrency = "EUR"\nplanning_date = "2026-11-15"\n',
    }
    for key, text in overrides.items():
        files[key.replace("__", ".")] = text
    for name, text in files.items():
        if text is not None:
            (folder / name).write_text(text, encoding="utf-8")
    return folder
