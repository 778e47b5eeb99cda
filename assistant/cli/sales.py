"""``sop sales``: actual sales beside the forecast made for each month."""

from __future__ import annotations

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, fmt, reports, table
from sop_engine.service.sales import sales_document


@reports
def sales(
    sku: str | None = typer.Option(None, "--sku", help="A SKU code or product name."),
    family: str | None = typer.Option(None, "--family", help="A product family."),
    start: str | None = typer.Option(None, "--from", help="First month, YYYY-MM (default: 3 months ago)."),
    end: str | None = typer.Option(None, "--to", help="Last month, YYYY-MM (default: last month)."),
    json_output: bool = JsonOption,
):
    """Actual sales per SKU and month, the forecast made for that month (lag 1) and the error %."""
    rt = runtime()
    doc = sales_document(rt.store, rt.planning_date()[0], sku=sku, family=family, start=start, end=end)
    emit(doc, json_output, _render)


def _render(doc: dict) -> None:
    scope = doc["scope"].get("label") or "all SKUs"
    total = doc["total"]
    console.print(f"Sales of {scope}, {total['from']}..{total['to']}: {fmt(total['actual'])} units actual, "
                  f"{fmt(total['forecast'])} forecast, error {fmt(total['error_pct'])}%", markup=False)
    table("Per month", ["period", "actual", "forecast", "error %"],
          [[t["period"], fmt(t["actual"]), fmt(t["forecast"]), fmt(t["error_pct"])] for t in doc["totals"]])
    if len({r["sku"] for r in doc["rows"]}) > 1:
        table("Per SKU and month", ["sku", "period", "actual", "forecast", "lag", "error %"],
              [[r["sku"], r["period"], fmt(r["actual"]), fmt(r["forecast"]), fmt(r["forecast_lag"]),
                fmt(r["error_pct"])] for r in doc["rows"][:300]])
    for note in doc["notes"]:
        console.print(f"[yellow]note:[/] {esc(note)}")
