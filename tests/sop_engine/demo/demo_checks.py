"""Planner's checks of a demo company folder, written independently of the generator: read the CSVs back
and project stock the simple way (opening = on_hand - allocated; demand = mean of the last 3 months,
deseasonalised by a family index, times the target month's index, times any promotion uplift; receipts by
due month, past-due supply in the current month)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", keep_default_na=False, na_values=[""])


def planning_date(folder: Path) -> date:
    return date.fromisoformat(tomllib.loads((folder / "company.toml").read_text())["planning_date"])


def month_index(month: pd.Timestamp, current: pd.Timestamp) -> int:
    return (month.year - current.year) * 12 + month.month - current.month


def history(folder: Path) -> pd.DataFrame:
    frame = read(folder, "sales_history")
    frame["period"] = pd.to_datetime(frame["period"] + "-01")
    return frame.merge(read(folder, "products")[["sku", "family", "status"]], on="sku")


def season_index(hist: pd.DataFrame) -> dict[str, np.ndarray]:
    """Family -> 12 indices, pooled over SKUs with >= 24 months that sell in most months."""
    out = {}
    for family, rows in hist.groupby("family"):
        ratios = []
        for _, one in rows.groupby("sku"):
            if len(one) < 24 or (one["quantity"] > 0).mean() < 0.8:
                continue
            ratios.append(
                pd.DataFrame({"m": one["period"].dt.month, "r": one["quantity"] / one["quantity"].mean()})
            )
        index = pd.concat(ratios).groupby("m")["r"].mean().reindex(range(1, 13), fill_value=1.0).to_numpy()
        out[family] = index / index.mean()
    return out


def expected_demand(folder: Path, months: int) -> dict[str, np.ndarray]:
    current = pd.Timestamp(planning_date(folder).replace(day=1))
    hist = history(folder)
    index = season_index(hist)
    events = read(folder, "events")
    promos = events[(events["kind"] == "promotion") & (pd.to_datetime(events["start"]) >= current)]
    out = {}
    for sku, rows in hist.groupby("sku"):
        family = rows["family"].iloc[0]
        recent = rows[rows["period"] >= current - pd.DateOffset(months=3)]
        if recent.empty:
            out[sku] = np.zeros(months)
            continue
        idx = index[family]
        level = recent["quantity"].mean() / np.mean([idx[m - 1] for m in recent["period"].dt.month])
        demand = []
        for k in range(months):
            month = current + pd.DateOffset(months=k)
            uplift = 1.0
            for _, e in promos.iterrows():
                start = pd.Timestamp(e["start"])
                if (e["sku"] == sku or e["family"] == family) and (start.year, start.month) == (
                    month.year,
                    month.month,
                ):
                    uplift *= 1 + e["uplift_pct"] / 100
            demand.append(level * idx[month.month - 1] * uplift)
        out[sku] = np.array(demand)
    return out


def projected_balances(folder: Path, months: int = 4) -> dict[str, list[float]]:
    current = pd.Timestamp(planning_date(folder).replace(day=1))
    demand = expected_demand(folder, months)
    inventory = read(folder, "inventory")
    supply = read(folder, "supply")
    supply["offset"] = [max(0, month_index(pd.Timestamp(d), current)) for d in supply["due_date"]]
    out = {}
    for _, row in inventory.iterrows():
        balance = row["on_hand"] - row["allocated"]
        receipts = supply[supply["sku"] == row["sku"]]
        path = []
        for k in range(months):
            balance += receipts.loc[receipts["offset"] == k, "quantity"].sum()
            balance -= demand.get(row["sku"], np.zeros(months))[k]
            path.append(float(balance))
        out[row["sku"]] = path
    return out


def short_skus(folder: Path, months: int = 4) -> dict[str, int]:
    """SKU -> first month (0 = current) whose projected balance is below zero."""
    return {
        sku: next(k for k, b in enumerate(path) if b < 0)
        for sku, path in projected_balances(folder, months).items()
        if min(path) < 0
    }


def line_load(folder: Path) -> pd.DataFrame:
    """Capacity rows with the load of the primary routing: expected demand x hours per unit."""
    capacity = read(folder, "capacity")
    current = pd.Timestamp(planning_date(folder).replace(day=1))
    demand = expected_demand(folder, 19)
    primary = read(folder, "routing").drop_duplicates("sku", keep="first")
    loads = []
    for _, row in capacity.iterrows():
        k = month_index(pd.Timestamp(row["period"] + "-01"), current)
        on_line = primary[primary["resource"] == row["resource"]]
        loads.append(
            sum(
                demand[s][k] * h
                for s, h in zip(on_line["sku"], on_line["hours_per_unit"], strict=True)
                if s in demand
            )
        )
    capacity["load"] = loads
    return capacity
