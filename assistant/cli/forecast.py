"""``sop forecast run|versions|show|diff|publish|override``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.cli.context import runtime
from assistant.cli.output import JsonOption, console, emit, esc, fmt, progress_line, reports, table
from assistant.runtime import cli_principal
from sop_engine.limits import MAX_HORIZON
from sop_engine.service import forecasting
from sop_engine.store import forecasts as versions

app = typer.Typer(help="Statistical forecasts: run, review, compare, publish and override.", no_args_is_help=True)

SkuOption = typer.Option(None, "--sku", help="A SKU code or product name.")
FamilyOption = typer.Option(None, "--family", help="A product family.")


@app.command("run")
@reports
def run(
    sku: str | None = SkuOption,
    family: str | None = FamilyOption,
    all_skus: bool = typer.Option(False, "--all", help="Every SKU (the default when no scope is given)."),
    horizon: int | None = typer.Option(None, "--horizon", min=1, max=MAX_HORIZON,
                                         help="Months to forecast (default: company.toml, 18)."),
    history_until: str | None = typer.Option(None, "--history-until", help="Use history up to this month (YYYY-MM)."),
    exclude: list[str] = typer.Option([], "--exclude", help="A month to treat as an outlier (repeatable)."),
    events: bool = typer.Option(True, "--events/--no-events", help="Apply known future events (events.csv)."),
    drivers: bool = typer.Option(True, "--drivers/--no-drivers",
                                 help="Use demand drivers (drivers.csv, prices) where they beat the driver-free "
                                      "model."),
    scenario: str | None = typer.Option(None, "--scenario", help="What-if on demand (demand_changes, "
                                        "driver_changes): a JSON file or inline JSON; the draft cannot be published."),
    note: str | None = typer.Option(None, "--note", help="Why this run (kept with the version)."),
    engine: str | None = typer.Option(None, "--engine", help="Where the models run: local, dask, ray or spark "
                                      "(default: SOP_FORECAST_ENGINE, local)."),
    address: str | None = typer.Option(None, "--address", help="The cluster's address (default: "
                                       "SOP_FORECAST_ADDRESS; none: a local cluster for this run)."),
    json_output: bool = JsonOption,
):
    """Forecast a SKU, a family or everything; the result is a new draft version."""
    rt = runtime()
    engine = engine or rt.settings.forecast_engine
    if address is None and engine == rt.settings.forecast_engine:
        address = rt.settings.forecast_address
    if scenario and Path(scenario).is_file():
        scenario = Path(scenario).read_text(encoding="utf-8")
    planning_date, _ = rt.planning_date()
    kwargs = dict(
        principal=cli_principal(),
        sku=sku,
        family=family,
        horizon=horizon,
        history_until=history_until,
        exclude=exclude,
        use_events=events,
        use_drivers=drivers,
        scenario=scenario,
        note=note,
        engine=engine,
        address=address,
    )
    if json_output or not console.is_terminal:
        doc = forecasting.run_forecast(rt.store, planning_date, progress=_progress_lines, **kwargs)
        progress_line(f"stored version {doc['version']}")
    else:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("forecasting", total=None)

            def progress(done: int, total: int, stage: str) -> None:
                bar.update(task, completed=done, total=total, description=stage)

            doc = forecasting.run_forecast(rt.store, planning_date, progress=progress, **kwargs)
    emit(
        doc,
        json_output,
        lambda d: console.print(
            f"[green]Draft version {d['version']}[/]: {d['skus']} SKUs, {d['parameters']['horizon']} months from "
            f"{d['parameters']['start']} (history until {d['parameters']['history_until']}). Models: "
            + ", ".join(f"{k} {v}" for k, v in d["models"].items())
            + (f"\nDemand drivers: used for {d['driver_value_added']['skus_using_drivers']} of "
               f"{d['driver_value_added']['skus_with_drivers']} SKUs with drivers"
               if d.get("driver_value_added") else "")
            + (f"\nScenario: demand {fmt(sum(m['base'] for m in d['comparison']['months']))} -> "
               f"{fmt(sum(m['scenario'] for m in d['comparison']['months']))} units" if d.get("comparison") else "")
            + f"\nNext: {d['next_step']}"
        ),
    )


def _progress_lines(done: int, total: int, stage: str) -> None:
    progress_line(f"{stage} ({done}/{total})" if stage != "done" else f"done ({done}/{total}): storing the version")


@app.command("versions")
@reports
def list_versions(json_output: bool = JsonOption):
    """Forecast versions: id, when, who, scope, status, why."""
    doc = {"versions": versions.list_versions(runtime().store)}
    emit(
        doc,
        json_output,
        lambda d: table(
            "Forecast versions",
            ["id", "when", "who", "scope", "SKUs", "status", "why"],
            [
                [
                    v["id"],
                    v["created_at"],
                    v["created_by"],
                    f"{v['scope']['kind']} {v['scope'].get('value') or ''}".strip(),
                    v["skus"],
                    v["status"] + (f" ({v['published_skus']} live)" if v["status"] == "published" else ""),
                    v["note"] or "",
                ]
                for v in d["versions"]
            ],
        ),
    )


@app.command("show")
@reports
def show(
    version: str = typer.Argument("published", help="A version id, 'latest' or 'published'."),
    sku: str | None = SkuOption,
    family: str | None = FamilyOption,
    json_output: bool = JsonOption,
):
    """A forecast version, or the published forecast, with intervals, models and overrides."""
    rt = runtime()
    doc = forecasting.show_forecast(rt.store, rt.planning_date()[0], version, sku=sku, family=family)
    emit(doc, json_output, _render_show)


def _render_show(doc: dict) -> None:
    rows = [
        [
            r["sku"],
            r["period"],
            fmt(r["forecast"]),
            f"{fmt(r['lo_80'])} – {fmt(r['hi_80'])}",
            fmt(r["override"]) if r["override"] is not None else "",
            r["model"],
        ]
        for r in doc["rows"][:400]
    ]
    table(
        f"Forecast {doc['version']} ({doc['status']})",
        ["sku", "period", "forecast", "80% interval", "override", "model"],
        rows,
    )
    if len(doc["rows"]) > 400:
        console.print(f"... {len(doc['rows']) - 400} more rows (use --sku/--family or --json)")
    for info in doc["skus"][:50]:
        console.print(f"[bold]{esc(info['sku'])}[/]: {info['model']} (CV error {fmt(info['cv_error'], 3)}) — "
                      f"{esc(info['note'])}")


@app.command("diff")
@reports
def diff(
    a: str = typer.Argument(..., help="Version A"),
    b: str = typer.Argument(..., help="Version B"),
    threshold: float = typer.Option(0.0, "--threshold", help="Only SKUs that moved by at least this %."),
    json_output: bool = JsonOption,
):
    """Which SKUs moved between two versions, and by how much."""
    doc = forecasting.diff_versions(runtime().store, a, b, threshold)
    emit(
        doc,
        json_output,
        lambda d: table(
            f"Version {d['a']} -> {d['b']} over {d['months'][0]}..{d['months'][-1]} "
            f"(total {fmt(d['total_a'])} -> {fmt(d['total_b'])}; {d['unchanged']} SKUs unchanged)",
            ["sku", "A", "B", "change", "change %"],
            [
                [s["sku"], fmt(s["total_a"]), fmt(s["total_b"]), fmt(s["change"]), fmt(s["change_pct"])]
                for s in d["skus"]
            ],
        ),
    )


@app.command("publish")
@reports
def publish(version: str = typer.Argument(..., help="A version id or 'latest'."), json_output: bool = JsonOption):
    """Make a draft the published forecast for the SKUs it covers."""
    doc = forecasting.publish_forecast(runtime().store, version, cli_principal())
    emit(
        doc,
        json_output,
        lambda d: console.print(
            f"[green]Published version {d['version']}[/] for {len(d['skus'])} SKUs"
            + (
                f" (replacing version(s) {', '.join(map(str, d['replaced_versions']))})"
                if d["replaced_versions"]
                else ""
            )
        ),
    )


@app.command("override")
@reports
def override(
    sku: str = typer.Argument(..., help="SKU code or name"),
    period: str = typer.Argument(..., help="Month, YYYY-MM"),
    quantity: float = typer.Argument(..., help="Units for that month"),
    reason: str = typer.Option(..., "--reason", help="Why (kept and audited)."),
    json_output: bool = JsonOption,
):
    """A planner's adjustment of one SKU and month; shown beside the statistical forecast."""
    rt = runtime()
    doc = forecasting.override_forecast(rt.store, rt.planning_date()[0], sku, period, quantity, reason, cli_principal())
    emit(
        doc,
        json_output,
        lambda d: console.print(
            f"[green]Override[/] {esc(d['sku'])} {d['period']}: {fmt(d['quantity'])} units ({esc(d['reason'])})"
        ),
    )
