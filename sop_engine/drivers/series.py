"""Each SKU's monthly driver values, from the contract's ``drivers`` table and ``sales_history.price``.

``driver_values(drivers, sales_history, products, current)`` returns the long frame
``sku, driver, period, value, kind, unit``: one row per SKU, driver and month, ``kind`` ``actual`` for a
month before ``current`` and ``plan`` from it on. For one SKU and month a SKU row beats a family row,
which beats a company-wide row; in history months an actual beats a plan (a plan stands in where no actual
was given); forecast months take plans only. A row without ``kind`` is an actual before ``current`` and a
plan from it on. A driver's ``unit`` is the first one its rows give. ``sales_history.price`` gives the driver
``price`` for past months (before any ``drivers.csv`` row named ``price``); future prices come only from plan
rows.
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["sku", "driver", "period", "value", "kind", "unit"]
PRICE = "price"


def driver_label(name: str) -> str:
    """How a driver is said in text: ``ad_spend`` -> ``ad spend``."""
    return " ".join(str(name).replace("_", " ").split())


def _filled(column: pd.Series) -> pd.Series:
    return column.notna() & (column.astype(str).str.strip() != "")


def driver_values(drivers: pd.DataFrame | None, sales_history: pd.DataFrame | None, products: pd.DataFrame,
                  current: pd.Timestamp) -> pd.DataFrame:
    current = pd.Timestamp(current).to_period("M").to_timestamp()
    parts = []
    if sales_history is not None and "price" in sales_history.columns:
        priced = sales_history[sales_history["price"].notna() & (sales_history["period"] < current)]
        if not priced.empty:
            parts.append(pd.DataFrame({
                "sku": priced["sku"].astype(str).to_numpy(), "driver": PRICE, "period": priced["period"].to_numpy(),
                "value": priced["price"].to_numpy(dtype=float), "kind": "actual", "unit": None, "rank": 0}))
    if drivers is not None and not drivers.empty:
        rows = drivers.reindex(columns=["period", "driver", "value", "sku", "family", "kind", "unit"])
        rows = rows.dropna(subset=["period", "driver", "value"]).copy()
        rows["driver"] = rows["driver"].astype(str).str.strip()
        rows["period"] = pd.to_datetime(rows["period"]).dt.to_period("M").dt.to_timestamp()
        past = rows["period"] < current
        kind = rows["kind"].where(_filled(rows["kind"]), past.map({True: "actual", False: "plan"}))
        rows = rows.assign(kind=kind)
        rows = rows[past | (rows["kind"] == "plan")]
        kind_rank = (rows["kind"] == "plan").astype(int)  # an actual before a plan (history months)
        by_sku = rows[_filled(rows["sku"])]
        if not by_sku.empty:
            parts.append(by_sku.assign(sku=by_sku["sku"].astype(str).str.strip(), rank=1 + kind_rank[by_sku.index]))
        families = products[["sku", "family"]].assign(_f=products["family"].astype(str).str.strip().str.casefold())
        by_family = rows[~_filled(rows["sku"]) & _filled(rows["family"])]
        if not by_family.empty:
            fam = by_family.assign(_f=by_family["family"].astype(str).str.strip().str.casefold(),
                                   rank=3 + kind_rank[by_family.index]).drop(columns=["sku"])
            parts.append(fam.merge(families[["sku", "_f"]], on="_f"))
        company = rows[~_filled(rows["sku"]) & ~_filled(rows["family"])]
        if not company.empty:
            everyone = products[["sku"]].astype(str)
            parts.append(company.drop(columns=["sku"]).assign(rank=5 + kind_rank[company.index])
                         .merge(everyone, how="cross"))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    out = pd.concat([p[[*COLUMNS, "rank"]] for p in parts], ignore_index=True)
    named = out.dropna(subset=["unit"])
    named = named[named["unit"].astype(str).str.strip() != ""]
    units = named.groupby("driver")["unit"].first()  # a driver's unit: the first row that gives one
    out = out.sort_values(["sku", "driver", "period", "rank"], kind="stable")
    out = out.drop_duplicates(["sku", "driver", "period"], keep="first")
    out["kind"] = (out["period"] < current).map({True: "actual", False: "plan"})
    out = out.drop(columns=["unit", "rank"]).merge(units.rename("unit").reset_index(), on="driver", how="left")
    out["value"] = out["value"].astype(float)
    return out[COLUMNS].reset_index(drop=True)
