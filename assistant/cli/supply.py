"""``sop orders``, ``sop capacity`` and the ``--overstock`` view of ``sop gaps``."""

from __future__ import annotations

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, fmt, reports, table
from sop_engine.service.capacity import capacity_document, period_months
from sop_engine.service.orders import orders_document
from sop_engine.service.overstock import overstock_document


@reports
def orders(
    ref: str | None = typer.Option(None, "--ref", help="An order reference (PO-1182, 4500012345, PO/2026/001)."),
    sku: str | None = typer.Option(None, "--sku", help="A SKU code or product name."),
    family: str | None = typer.Option(None, "--family", help="A product family."),
    json_output: bool = JsonOption,
):
    """Open supply with due dates and status, and whether each order is late against its need date."""
    rt = runtime()
    doc = orders_document(rt.store, rt.planning_date()[0], ref=ref, sku=sku, family=family)
    emit(doc, json_output, _render_orders)


def _render_orders(doc: dict) -> None:
    console.print(f"{doc['count']} open order(s), {doc['late_count']} late against their need date "
                  f"(planning date {doc['planning_date']})")
    table(None, ["ref", "sku", "kind", "status", "supplier", "due", "quantity", "needed by", "late", "days late"],
          [[o["ref"], o["sku"], o["kind"], o["status"], o["supplier"] or "-", o["due_date"], fmt(o["quantity"]),
            o["need_date"] or "-", "yes" if o["late"] else "no", o["days_late"] or "-"] for o in doc["orders"][:200]])
    console.print(f"rule: {doc['rule']}", markup=False)


@reports
def capacity(
    resource: str | None = typer.Option(None, "--resource", help="A production line or work centre."),
    period: str | None = typer.Option(None, "--period", help="YYYY-MM, YYYY-MM..YYYY-MM or words ('January')."),
    json_output: bool = JsonOption,
):
    """Required vs available hours per resource and month, utilisation and overloads."""
    rt = runtime()
    planning_date = rt.planning_date()[0]
    start, end = period_months(period, planning_date)
    doc = capacity_document(rt.store, planning_date, resource=resource, start=start, end=end)
    emit(doc, json_output, _render_capacity)


def _render_capacity(doc: dict) -> None:
    console.print(f"Capacity {doc['months'][0]}..{doc['months'][-1]} · planning date {doc['planning_date']}")
    table(None, ["resource", "period", "required h", "spill-in h", "available h", "utilisation %", "overloaded"],
          [[r["resource"], r["period"], fmt(r["required_hours"]), fmt(r["spill_in_hours"]),
            fmt(r["available_hours"]), fmt(r["utilization_pct"]), "yes" if r["overloaded"] else "no"]
           for r in doc["rows"]])
    for note in doc["notes"]:
        console.print(f"[yellow]note:[/] {esc(note)}")


def overstock(sku: str | None, family: str | None, json_output: bool) -> None:
    """``sop gaps --overstock``: called by ``sop gaps`` (which reports its errors)."""
    rt = runtime()
    doc = overstock_document(rt.store, rt.planning_date()[0], sku=sku, family=family)
    emit(doc, json_output, _render_overstock)


def _render_overstock(doc: dict) -> None:
    console.print(f"{doc['count']} of {doc['skus_checked']} SKU(s) hold more than {fmt(doc['overstock_months'])} "
                  f"months of cover · excess {fmt(doc['total_excess_units'])} units, "
                  f"{fmt(doc['total_excess_value'], 2)} {esc(doc['currency'])}")
    table(None, ["sku", "name", "cover (months)", "excess units", f"excess value ({doc['currency']})"],
          [[s["sku"], s["name"], "no demand" if s["no_demand"] else fmt(s["months_of_cover"]),
            fmt(s["excess_units"]), fmt(s["excess_value"], 2)] for s in doc["skus"][:100]])
