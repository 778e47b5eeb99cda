"""Supply/demand gap analysis: projected balances, shortages, stockout risk and what would cover them.

``gaps_document`` is the one answer to "are we short?" for the CLI (``sop gaps --json``), the tools and
HTTP. The arithmetic is in ``balance.py``; in words:

- Month 1 is the current period (the month holding the planning date) with its full demand. Opening
  stock = on_hand - allocated (latest as_of per sku and location, summed). Past-due open supply lands
  in month 1; supply of every status counts.
- projected_balance = previous balance + receipts - demand. A negative balance carries over
  (backorders): 100 on hand, 30 due in month 2 and demand 50/50/50 give 50, 30, -20 and a shortage of
  20 in month 3. shortage = max(0, -balance); below_safety_stock = max(0, safety_stock - balance).
- Per SKU, over the projection (current period to the last month asked): first_short_period; total_shortage
  = the peak backlog (extra units that, arriving by first_short_period, clear every shortage);
  months_of_cover (``balance.months_of_cover``); stockout_probability = max over months of
  Phi((cumulative forecast - (opening + cumulative receipts)) / sqrt(sum of monthly sigma^2)), sigma from
  the 80/95% interval widths (``balance.stockout_probability``).
- SKUs are listed by total_shortage, largest first. Family and plant roll-ups sum SKU figures (a
  family's shortage is the sum of its SKUs' shortages: one SKU's stock does not cover another's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from sop_engine.plandata import PlanData
from sop_engine.planning import balance as bal
from sop_engine.planning.capacity import CapacityResult, capacity_check, capacity_rows
from sop_engine.planning.common import label, no_cyclic_gc, text, units, units_list
from sop_engine.planning.cover import cover_options, routing_for
from sop_engine.planning.inputs import GapInputs, build_inputs, check_demand_frame, rows_of, sku_index
from sop_engine.products import ScopeIndex, resolve_scope

CapacityCache = Callable[[tuple, Callable[[], CapacityResult | None]], CapacityResult | None]


@dataclass
class GapResult:
    inputs: GapInputs
    balance: np.ndarray
    shortage: np.ndarray
    below_safety_stock: np.ndarray
    first_short: np.ndarray  # month index, -1 = never
    total_shortage: np.ndarray
    months_of_cover: np.ndarray
    stockout_probability: np.ndarray
    capacity: CapacityResult | None
    notes: list[str]

    def period_frame(self) -> pd.DataFrame:
        """Long frame: sku, period, demand, receipts, projected_balance, safety_stock, shortage,
        below_safety_stock."""
        i = self.inputs
        n_s, n_m = i.demand.shape
        return pd.DataFrame(
            {
                "sku": np.repeat(i.skus, n_m),
                "period": np.tile(pd.DatetimeIndex(i.months), n_s),
                "demand": i.demand.ravel(),
                "receipts": i.receipts.ravel(),
                "projected_balance": self.balance.ravel(),
                "safety_stock": np.repeat(i.safety_stock, n_m),
                "shortage": self.shortage.ravel(),
                "below_safety_stock": self.below_safety_stock.ravel(),
            }
        )


def analyse_gaps(
    data: PlanData,
    demand: pd.DataFrame,
    *,
    sku: str | None = None,
    family: str | None = None,
    months: int | None = None,
    period: str | date | None = None,
    skus: list[str] | None = None,
    checked: bool = False,
    capacity_cache: CapacityCache | None = None,
    index: ScopeIndex | None = None,
    demand_index: dict | None = None,
) -> GapResult:
    """Project every SKU of the scope (``skus`` given, or resolved from ``sku``/``family``; else all).

    ``checked``: ``demand`` already went through ``check_demand_frame``. ``capacity_cache(window, build)``:
    where a long-running caller keeps capacity plans (``build()`` computes the plan of the projection
    months ``window`` over every SKU's demand; a one-SKU question then reuses it). ``index``: the
    products' ``ScopeIndex``."""
    if skus is None:
        skus = resolve_scope(data.products, sku=sku, family=family, index=index)
    frame = demand if checked else check_demand_frame(demand)
    inputs = build_inputs(data, frame, skus, months=months, period=period, checked=True, demand_index=demand_index)
    balance = bal.project(inputs.opening, inputs.receipts, inputs.demand)
    notes = list(inputs.notes)
    capacity = None
    if not data.has("capacity"):
        notes.append("no capacity data loaded: capacity check skipped")
    elif not data.has("routing"):
        notes.append("no routing loaded: capacity check skipped")
    else:

        def plan() -> CapacityResult | None:
            window = frame["period"].isin(pd.DatetimeIndex([pd.Timestamp(m) for m in inputs.months]))
            in_window = frame.loc[window, ["sku", "period", "forecast"]].rename(columns={"forecast": "quantity"})
            return capacity_check(data, in_window, inputs.months)

        capacity = capacity_cache(tuple(inputs.months), plan) if capacity_cache is not None else plan()
        notes.extend(capacity.notes)
    return GapResult(
        inputs=inputs,
        balance=balance,
        shortage=bal.shortage(balance),
        below_safety_stock=bal.below_safety_stock(balance, inputs.safety_stock),
        first_short=bal.first_short_index(balance),
        total_shortage=bal.total_shortage(balance),
        months_of_cover=bal.months_of_cover(inputs.opening, inputs.receipts, inputs.demand, balance),
        stockout_probability=bal.stockout_probability(
            inputs.opening, inputs.receipts, inputs.demand, inputs.sigma
        ),
        capacity=capacity,
        notes=notes,
    )


def _r1(a: np.ndarray) -> list:
    return (np.round(a, 1) + 0.0).tolist()


def _due_labels(due: pd.Series) -> list:
    """'YYYY-MM-DD' per date (``strftime`` is ~50x slower on 20,000 dates than numpy's formatter)."""
    if due.isna().any() or getattr(due.dt, "tz", None) is not None:
        return due.dt.strftime("%Y-%m-%d").tolist()
    return np.datetime_as_string(due.to_numpy().astype("datetime64[D]"), unit="D").tolist()


def _refs(inputs: GapInputs) -> dict[int, dict[int, list[dict]]]:
    """Receipt lines of the shown months: {SKU row: {shown month position: [ref, ...]}}, file order."""
    lines = inputs.receipt_lines
    shown = inputs.shown_slice
    lines = lines[(lines["idx"] >= shown.start) & (lines["idx"] < len(inputs.months))]
    out: dict[int, dict[int, list[dict]]] = {}
    if lines.empty:
        return out
    columns = (
        pd.Index(inputs.skus).get_indexer(lines["sku"]).tolist(),
        (lines["idx"].to_numpy(int) - shown.start).tolist(),
        lines["ref"].tolist(),
        (np.round(lines["quantity"], 1) + 0.0).tolist(),
        lines["kind"].tolist(),
        lines["status"].tolist(),
        _due_labels(lines["due_date"]),
        lines["past_due"].tolist(),
    )
    for row, j, ref, qty, kind, status, due, past in zip(*columns, strict=True):
        out.setdefault(row, {}).setdefault(j, []).append(
            {"ref": ref, "quantity": qty, "kind": kind, "status": status, "due_date": due, "past_due": past}
        )
    return out


def gaps_document(
    data: PlanData,
    demand: pd.DataFrame,
    demand_source: dict,
    *,
    sku: str | None = None,
    family: str | None = None,
    months: int | None = None,
    period: str | date | None = None,
    with_cover_options: bool = True,
    only_short: bool = False,
    checked: bool = False,
    capacity_cache: CapacityCache | None = None,
    index: ScopeIndex | None = None,
    demand_index: dict | None = None,
) -> dict:
    """The gap-analysis document (JSON-able) for one SKU, one family or (neither) every SKU.

    ``months=N``: the current period and the N after it (default 6); ``period``: one month ('YYYY-MM'),
    projected from the current period. Keys: planning_date, demand_source, months, skus, families,
    plants, capacity, notes (see the module docstring for every rule). ``only_short=True`` lists only the
    SKUs with a shortage (see ``document_from``); the default lists every SKU of the scope.
    ``checked``, ``capacity_cache``, ``index`` and ``demand_index``: see ``analyse_gaps`` (the document is the
    same).
    """
    result = analyse_gaps(data, demand, sku=sku, family=family, months=months, period=period, checked=checked,
                          capacity_cache=capacity_cache, index=index, demand_index=demand_index)
    with no_cyclic_gc():
        return document_from(
            result, data, demand_source, with_cover_options=with_cover_options, only_short=only_short
        )


def document_from(
    result: GapResult,
    data: PlanData,
    demand_source: dict,
    with_cover_options: bool = True,
    *,
    only_short: bool = False,
) -> dict:
    """The document of ``analyse_gaps``'s result. ``only_short``: list only SKUs with a shortage in
    ``skus`` (roll-ups and capacity still count every SKU of the scope; a note says how many are left
    out) — for callers that answer "what is short?" over thousands of SKUs."""
    i = result.inputs
    shown = i.shown_slice
    labels = [label(m) for m in i.shown]
    routing = routing_for(data)
    options = (
        cover_options(i, result.balance, data.planning_date, result.capacity, routing)
        if with_cover_options
        else {}
    )
    refs = _refs(i)
    cols = [
        _r1(v[:, shown])
        for v in (i.demand, i.receipts, result.balance, result.shortage, result.below_safety_stock)
    ]
    ss = _r1(i.safety_stock)
    prod = i.products
    n_skus = len(i.skus)
    info = {
        c: ([v if type(v) is str else text(v) for v in prod[c].tolist()] if c in prod else [None] * n_skus)
        for c in ("name", "family", "plant", "uom", "status")
    }
    lead = prod["lead_time_days"].tolist() if "lead_time_days" in prod else [None] * n_skus
    moq = prod["min_order_qty"].tolist() if "min_order_qty" in prod else [None] * n_skus
    opening, on_hand, allocated = _r1(i.opening), _r1(i.on_hand), _r1(i.allocated)
    total, cover = _r1(result.total_shortage), np.round(result.months_of_cover, 1).tolist()
    prob = np.round(result.stockout_probability, 3).tolist()
    month_labels = [label(m) for m in i.months]
    first = [month_labels[f] if f >= 0 else None for f in result.first_short.tolist()]
    order = np.lexsort((np.array(i.skus), -result.total_shortage))
    if only_short:
        order = order[result.total_shortage[order] > 0]
    no_refs: dict[int, list[dict]] = {}
    skus_out = []
    # one dict per SKU and month (70,000 for 10,000 SKUs): built from plain lists, zipped per SKU
    for k in order.tolist():
        code, safety, sku_refs = i.skus[k], ss[k], refs.get(k, no_refs)
        periods = [
            {
                "period": p,
                "demand": d,
                "receipts": r,
                "receipt_refs": sku_refs.get(j) or [],
                "projected_balance": b,
                "safety_stock": safety,
                "shortage": sh,
                "below_safety_stock": bs,
            }
            for j, (p, d, r, b, sh, bs) in enumerate(
                zip(labels, cols[0][k], cols[1][k], cols[2][k], cols[3][k], cols[4][k], strict=True)
            )
        ]
        skus_out.append(
            {
                "sku": code,
                "name": info["name"][k],
                "family": info["family"][k],
                "plant": info["plant"][k],
                "uom": info["uom"][k] or "units",
                "status": info["status"][k],
                "opening_stock": opening[k],
                "on_hand": on_hand[k],
                "allocated": allocated[k],
                "safety_stock": safety,
                "lead_time_days": None if lead[k] is None or lead[k] != lead[k] else int(lead[k]),
                "min_order_qty": units(moq[k]) if moq[k] is not None else None,
                "periods": periods,
                "first_short_period": first[k],
                "total_shortage": total[k],
                "months_of_cover": None if cover[k] != cover[k] else cover[k],
                "stockout_probability": prob[k],
                "cover_options": options.get(code, []),
            }
        )
    resources = None
    if routing is not None:
        resources = set(rows_of(routing, i.skus, data.derived("routing_index", lambda: sku_index(routing)))
                        ["resource"])
    capacity = capacity_rows(result.capacity, resources) if result.capacity is not None else []
    if result.capacity is not None:
        keep = set(labels)
        capacity = [c for c in capacity if c["period"] in keep]
    notes = list(result.notes)
    if len({u for u in info["uom"] if u}) > 1:
        notes.append("family and plant roll-ups add units of different units of measure")
    if only_short and len(order) < n_skus:
        notes.append(
            f"only short SKUs listed: {len(order)} of {n_skus}; families, plants and capacity count all"
        )
    return {
        "planning_date": data.planning_date.isoformat(),
        "demand_source": dict(demand_source or {}),
        "months": labels,
        "skus": skus_out,
        "families": rollup(result, "family"),
        "plants": rollup(result, "plant"),
        "capacity": capacity,
        "notes": notes,
    }


def rollup(result: GapResult, by: str) -> list[dict]:
    """Sum SKU figures by family or plant over the shown months (vectorised: one groupby for every figure;
    each column is summed on its own, so the sums are those of one groupby per figure)."""
    i = result.inputs
    if by not in i.products:
        return []
    keys = i.products[by].fillna("(none)").astype(str).to_numpy()
    sl = i.shown_slice
    labels = [label(m) for m in i.shown]
    figures = {
        "demand": i.demand,
        "receipts": i.receipts,
        "projected_balance": result.balance,
        "shortage": result.shortage,
        "below_safety_stock": result.below_safety_stock,
    }
    n_shown = len(labels)
    block = np.hstack([arr[:, sl] for arr in figures.values()] + [
        (result.shortage[:, sl] > 0).astype(float),
        np.ones((len(keys), 1)),
        (result.total_shortage > 0).astype(float)[:, None],
        np.asarray(result.total_shortage, dtype=float)[:, None],
    ])
    summed = pd.DataFrame(block).groupby(keys).sum()
    values = summed.to_numpy()
    codes = summed.index.get_indexer(keys)
    firsts = np.full(len(summed), 10**6, dtype=np.int64)
    np.minimum.at(firsts, codes, np.where(result.first_short >= 0, result.first_short, 10**6).astype(np.int64))
    # plain lists, rounded in bulk, instead of one .at lookup per number
    sums = {n: values[:, k * n_shown:(k + 1) * n_shown] for k, n in enumerate(figures)}
    rounded = {n: np.array(units_list(a), dtype=object).reshape(a.shape) for n, a in sums.items()}
    counts = values[:, 5 * n_shown:6 * n_shown].tolist()
    tail = values[:, 6 * n_shown:]
    agg = pd.DataFrame({"skus": tail[:, 0], "short": tail[:, 1], "total": tail[:, 2], "first": firsts},
                       index=summed.index)
    month_labels = [label(m) for m in i.months]
    totals = units_list(agg["total"])
    out = []
    for g, (key, n_skus, n_short, first) in enumerate(
        zip(agg.index, agg["skus"].tolist(), agg["short"].tolist(), agg["first"].tolist(), strict=True)
    ):
        first = int(first)
        row = {n: r[g].tolist() for n, r in rounded.items()}
        out.append(
            {
                by: key,
                "skus": int(n_skus),
                "skus_short": int(n_short),
                "total_shortage": totals[g],
                "first_short_period": month_labels[first] if first < 10**6 else None,
                "periods": [
                    {
                        "period": p,
                        **{n: row[n][j] for n in figures},
                        "skus_short": int(counts[g][j]),
                    }
                    for j, p in enumerate(labels)
                ],
            }
        )
    return sorted(out, key=lambda r: (-(r["total_shortage"] or 0), r[by]))
