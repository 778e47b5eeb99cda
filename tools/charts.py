"""``chart``: a SKU's history, forecast (with its 80% interval) and projected stock, as a PNG."""

from __future__ import annotations

import hashlib
import io
import re
import time
from datetime import date

import pandas as pd

from sop_engine.periods import format_period
from sop_engine.products import resolve_scope
from sop_engine.service import planning
from sop_engine.service.forecasting import planning_demand
from sop_engine.store import PlanStore
from tools.base import tool
from tools.context import ToolContext
from tools.schemas import ChartArgs

HISTORY_MONTHS = 24
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def chart_file_name(sku: str, stamp: int | None = None) -> str:
    """A file name for a SKU's chart that is never the SKU itself: a short slug (letters, digits, ``-``,
    ``_``) for people, and a hash of the code so that different codes never share a name. ``/etc/x`` or
    ``../../x`` cannot leave the chart folder."""
    slug = _UNSAFE.sub("-", sku).strip("-")[:40] or "sku"
    digest = hashlib.sha256(sku.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}" + (f"-{stamp}" if stamp is not None else "") + ".png"


def chart_png(store: PlanStore, planning_date: date, product: str) -> tuple[bytes, dict]:
    """The chart of one SKU as PNG bytes, and the figures drawn (so an answer can quote them)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    products = store.read_table("products")
    sku = resolve_scope(products, sku=product)[0]
    name = products.set_index("sku").loc[sku, "name"]
    data = store.plan_data(planning_date)
    history = data.sales_history[data.sales_history["sku"] == sku].sort_values("period").tail(HISTORY_MONTHS)
    demand, source = planning_demand(store, [sku])
    demand = demand[demand["sku"] == sku].sort_values("period")
    gaps = planning.gaps(store, planning_date, sku=sku, months=11)["skus"][0]
    balance = pd.DataFrame(gaps["periods"])
    balance["period"] = pd.to_datetime(balance["period"])

    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=110)
    ax.plot(history["period"], history["quantity"], color="#1f4e79", marker="o", ms=3, label="actual demand")
    ax.plot(
        demand["period"], demand["forecast"], color="#e07b00", marker="o", ms=3, label=f"forecast ({source['kind']})"
    )
    ax.fill_between(
        demand["period"], demand["lo_80"], demand["hi_80"], color="#e07b00", alpha=0.18, label="80% interval"
    )
    ax.plot(balance["period"], balance["projected_balance"], color="#2e7d32", ls="--", label="projected stock")
    ax.axhline(0, color="#999", lw=0.8)
    if gaps["safety_stock"]:
        ax.axhline(gaps["safety_stock"], color="#c62828", lw=0.8, ls=":", label="safety stock")
    ax.set_title(f"{sku} {name} — planning date {planning_date.isoformat()}")
    ax.set_ylabel(gaps.get("uom") or "units")
    ax.legend(loc="upper left", fontsize=8, ncols=3)
    ax.grid(alpha=0.25)
    fig.autofmt_xdate()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    figures = {
        "sku": sku,
        "name": name,
        "history_months": len(history),
        "last_actual": {
            "period": format_period(history["period"].iloc[-1]),
            "quantity": float(history["quantity"].iloc[-1]),
        }
        if len(history)
        else None,
        "first_short_period": gaps["first_short_period"],
        "total_shortage": gaps["total_shortage"],
        "demand_source": source,
    }
    return buffer.getvalue(), figures


@tool("chart", "A PNG chart of a SKU: history, forecast and projected stock.")
def chart(args: ChartArgs, ctx: ToolContext) -> dict:
    png, figures = chart_png(ctx.store, ctx.planning_date, args.product)
    folder = ctx.chart_dir
    path = None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / chart_file_name(figures["sku"], int(time.time() * 1000))
        if path.resolve().parent != folder.resolve():  # a name is one path component; never reached
            raise ValueError("chart file outside the chart folder")
        path.write_bytes(png)
    return {
        **figures,
        "path": str(path) if path else None,
        "bytes": len(png),
        "format": "png",
        "source": "plan store: sales history, forecast and projected stock",
    }
