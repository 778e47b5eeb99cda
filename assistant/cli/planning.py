"""``sop gaps``, ``sop reconcile`` and ``sop kpi``."""

from __future__ import annotations

from pathlib import Path

import typer

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, fmt, reports, table
from sop_engine.errors import InvalidArgument
from sop_engine.limits import MAX_LAG, MAX_MONTHS
from sop_engine.service import planning


@reports
def gaps(
    sku: str | None = typer.Option(None, "--sku", help="A SKU code or product name."),
    family: str | None = typer.Option(None, "--family", help="A product family."),
    all_skus: bool = typer.Option(False, "--all", help="Every SKU (the default)."),
    period: str | None = typer.Option(None, "--period", help="One month, YYYY-MM."),
    months: int | None = typer.Option(None, "--months", min=0, max=MAX_MONTHS,
                                        help=f"The current month and the N after it (at most {MAX_MONTHS})."),
    scenario: str | None = typer.Option(None, "--scenario", help="What-if: a JSON file or inline JSON."),
    overstock: bool = typer.Option(False, "--overstock", help="SKUs with more cover than overstock_months."),
    json_output: bool = JsonOption,
):
    """Supply/demand gaps: projected balance, shortages, what would cover them; --scenario for a what-if;
    --overstock for the SKUs holding too much."""
    if overstock:
        from assistant.cli.supply import overstock as overstock_view

        if scenario or months is not None or period:
            raise InvalidArgument("--overstock takes only --sku or --family (its window is fixed: see --help)")
        return overstock_view(sku, family, json_output)
    rt = runtime()
    if scenario and Path(scenario).is_file():
        scenario = Path(scenario).read_text(encoding="utf-8")
    doc = planning.gaps(rt.store, rt.planning_date()[0], sku=sku, family=family, months=months, period=period,
                        scenario=scenario)
    emit(doc, json_output, _render_gaps)


def _render_gaps(doc: dict) -> None:
    if "scenario" in doc and "base" in doc:
        base = doc["base"]
        console.print(f"What-if over {base['months'][0]}..{base['months'][-1]} (planning date {base['planning_date']})")
        table("Shortage, base vs scenario", ["sku", "name", "base", "scenario", "change", "first short (scenario)"],
              [[c["sku"], c["name"], fmt(c["total_shortage_base"]), fmt(c["total_shortage_scenario"]), fmt(c["delta"]),
                c["first_short_period_scenario"] or "-"] for c in doc["changes"]])
        if not doc["changes"]:
            console.print("No SKU changes under this scenario.")
        return
    source = doc["demand_source"]
    console.print(f"Gaps {doc['months'][0]}..{doc['months'][-1]} · planning date {doc['planning_date']} · demand: "
                  f"{source.get('kind')} version {source.get('version')}")
    short = [s for s in doc["skus"] if s["total_shortage"]]
    table(f"{len(short)} short SKU(s) of {len(doc['skus'])}",
          ["sku", "name", "family", "first short", "shortage", "cover (months)", "P(stockout)"],
          [[s["sku"], s["name"], s["family"], s["first_short_period"], fmt(s["total_shortage"]),
            fmt(s["months_of_cover"]), fmt(s["stockout_probability"], 2)] for s in short[:50]])
    for s in short[:10]:
        for option in s["cover_options"][:3]:
            console.print(f"  {s['sku']}: {option.get('action')}", markup=False)
    if len(doc["skus"]) == 1:
        s = doc["skus"][0]
        table(f"{s['sku']} {s['name']}", ["period", "demand", "receipts", "balance", "safety stock", "shortage"],
              [[p["period"], fmt(p["demand"]), fmt(p["receipts"]), fmt(p["projected_balance"]), fmt(p["safety_stock"]),
                fmt(p["shortage"])] for p in s["periods"]])
    overloaded = [c for c in doc["capacity"] if c.get("overloaded")]
    if overloaded:
        table("Overloaded resources", ["resource", "period", "required h", "available h"],
              [[c["resource"], c["period"], fmt(c.get("required_hours")), fmt(c.get("available_hours"))]
               for c in overloaded[:20]])
    for note in doc["notes"]:
        console.print(f"[yellow]note:[/] {esc(note)}")


@reports
def reconcile(
    family: str | None = typer.Option(None, "--family", help="One family (default: all)."),
    months: int | None = typer.Option(None, "--months", min=0, max=MAX_MONTHS,
                                        help=f"The current month and the N after it (at most {MAX_MONTHS})."),
    threshold: float | None = typer.Option(None, "--threshold", help="Flag sales plans off the forecast by > this %."),
    period: str | None = typer.Option(None, "--period", help="Months shown: YYYY-MM, YYYY-MM..YYYY-MM or words."),
    coherence: bool = typer.Option(False, "--coherence", help="Add the SKU-to-family MinTrace check (seconds)."),
    json_output: bool = JsonOption,
):
    """Demand, supply and financial plans side by side; a proposed consensus and the decisions to take."""
    rt = runtime()
    doc = planning.reconcile(rt.store, rt.planning_date()[0], family=family, months=months, threshold_pct=threshold,
                             period=period, with_coherence=coherence)
    emit(doc, json_output, _render_reconcile)


def _render_reconcile(doc: dict) -> None:
    console.print(f"Reconciliation {doc['months'][0]}..{doc['months'][-1]} · planning date {doc['planning_date']}")
    rows = []
    for f in doc["families"]:
        t = f["totals"]
        rows.append([f["family"], fmt(t["statistical_forecast"]), fmt(t["sales_plan"]), fmt(t["consensus_plan"]),
                     fmt(t["revenue_consensus"]), fmt(t["budget"]), fmt(t.get("revenue_vs_budget_pct")),
                     ", ".join(t["flags"])])
    table("Families (totals over the window)", ["family", "statistical", "sales plan", "consensus", "revenue",
                                                 "budget", "vs budget %", "flags"], rows)
    for decision in doc["decisions"]:
        console.print(f"• {decision.get('question') or decision}", markup=False)
    for note in doc["notes"]:
        console.print(f"[yellow]note:[/] {esc(note)}")


@reports
def kpi(
    name: str | None = typer.Argument(None, help="KPI name, or 'list'."),
    sku: str | None = typer.Option(None, "--sku", help="A SKU code or product name."),
    family: str | None = typer.Option(None, "--family", help="A product family."),
    start: str | None = typer.Option(None, "--from", help="First month, YYYY-MM."),
    end: str | None = typer.Option(None, "--to", help="Last month, YYYY-MM."),
    lag: int | None = typer.Option(None, "--lag", min=0, max=MAX_LAG,
                                     help="Forecast lag in months (accuracy KPIs)."),
    json_output: bool = JsonOption,
):
    """A KPI with its formula, period, scope and coverage. `sop kpi list` shows them all."""
    rt = runtime()
    if name is None or name == "list":
        doc = planning.kpis(rt.store, rt.planning_date()[0])
        emit(doc, json_output, lambda d: table("KPIs", ["name", "unit", "formula"],
                                               [[k["name"], k["unit"], k["formula"]] for k in d["kpis"]]))
        return
    doc = planning.kpi(rt.store, rt.planning_date()[0], name, sku=sku, family=family, start=start, end=end, lag=lag)
    emit(doc, json_output, _render_kpi)


def _render_kpi(doc: dict) -> None:
    period = doc["period"]
    value = "insufficient history" if doc["value"] is None else f"{fmt(doc['value'], 2)} {doc['unit']}"
    console.print(f"[bold]{esc(doc['name'])}[/] = {esc(value)} · {esc(doc['scope'])} · {period['from']}..{period['to']}"
                  + (f" · {esc(doc['coverage'])}" if doc["coverage"] else ""))
    console.print(f"formula: {doc['formula']}", markup=False)
    if doc.get("message"):
        console.print(doc["message"], markup=False)
    for flag in doc.get("flags", []):
        console.print(f"[yellow]flag:[/] {esc(flag)}")
