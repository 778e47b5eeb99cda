"""What would cover a shortage: concrete options per short SKU, each verified by re-running the projection.

Options (independent alternatives, not cumulative):
- ``expedite``: pull an open order forward to the earliest month it can arrive — the month holding
  planning_date + lead_time_days (month 1 at the earliest; no lead time known = month 1).
- ``alternative_resource``: make the missing units on a routed resource with slack hours (after the
  base load and spills), from month 1 up to the last short month, earliest slack first.
- ``new_order``: a new order of max(total_shortage, min_order_qty) arriving after the lead time.

Every option is re-run through ``balance.project`` with its change; ``shortage_after`` is the peak
backlog (``total_shortage``) after the change, ``covers`` whether it is 0. The re-runs are stacked into
one array per option kind, so all short SKUs are verified in one vectorised call.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sop_engine.planning import balance as bal
from sop_engine.planning.capacity import CapacityResult, routing_table
from sop_engine.planning.common import label, month_index, units_list
from sop_engine.planning.inputs import GapInputs

MAX_EXPEDITES = 2  # per SKU, the orders whose pull-in helps most


def _verify(inputs: GapInputs, rows: np.ndarray, delta: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Re-run the projection of SKU ``rows`` with receipts + ``delta``: (shortage_after, first_short_idx)."""
    balance = bal.project(inputs.opening[rows], inputs.receipts[rows] + delta, inputs.demand[rows])
    return bal.total_shortage(balance), bal.first_short_index(balance)


def earliest_arrival_index(inputs: GapInputs, planning_date) -> np.ndarray:
    lead = (
        inputs.products["lead_time_days"].fillna(0.0).to_numpy(float)
        if "lead_time_days" in inputs.products
        else np.zeros(len(inputs.skus))
    )
    arrival = pd.Series(pd.Timestamp(planning_date) + pd.to_timedelta(lead, unit="D"))
    return np.maximum(month_index(arrival, inputs.months[0]).to_numpy(int), 0)


def cover_options(
    inputs: GapInputs,
    balance: np.ndarray,
    planning_date,
    capacity: CapacityResult | None,
    routing: pd.DataFrame | None,
) -> dict[str, list[dict]]:
    """Options per short SKU code (SKUs with no shortage are absent)."""
    base_short = bal.total_shortage(balance)
    short_rows = np.flatnonzero(base_short > 1e-9)
    if short_rows.size == 0:
        return {}
    earliest = earliest_arrival_index(inputs, planning_date)
    options: dict[str, list[dict]] = {inputs.skus[i]: [] for i in short_rows}
    _expedites(inputs, short_rows, earliest, base_short, options)
    _new_orders(inputs, short_rows, earliest, base_short, options)
    if capacity is not None and routing is not None:
        _production(inputs, balance, short_rows, base_short, capacity, routing, options)
    for opts in options.values():
        opts.sort(key=lambda o: (o["shortage_after"], o["arrives"] or "9999"))
    return options


def _option(
    kind: str,
    action: str,
    quantity: float | None,
    arrives: str | None,
    before: float | None,
    after: float | None,
    first_after: str | None,
    extra: dict,
    covers: bool,
) -> dict:
    """One option; numbers already through ``units`` and months already labelled (built 17,000 times
    for 10,000 SKUs, so the rounding and labels are done in bulk by the callers)."""
    return {
        "kind": kind,
        "action": action,
        "quantity": quantity,
        "arrives": arrives,
        **extra,
        "shortage_before": before,
        "shortage_after": after,
        "first_short_period_after": first_after,
        "covers": covers,
    }


def _labels(inputs: GapInputs, index: np.ndarray) -> list[str | None]:
    """Month label per index; None outside the window (-1 = never short, or after the window)."""
    months = [label(m) for m in inputs.months]
    return [months[k] if 0 <= k < len(months) else None for k in np.asarray(index).tolist()]


def _expedites(inputs, short_rows, earliest, base_short, options) -> None:
    n = len(inputs.months)
    pos = pd.Index(inputs.skus)
    lines = inputs.receipt_lines
    if lines.empty:
        return
    lines = lines.assign(row=pos.get_indexer(lines["sku"]))
    lines = lines[lines["row"].isin(short_rows)]
    lines = lines.assign(to=earliest[lines["row"].to_numpy(int)])
    lines = lines[(lines["to"] < lines["idx"]) & (lines["to"] < n) & (lines["quantity"] > 0)]
    if lines.empty:
        return
    rows = lines["row"].to_numpy(int)
    delta = np.zeros((len(lines), n))
    k = np.arange(len(lines))
    qty = lines["quantity"].to_numpy(float)
    delta[k, lines["to"].to_numpy(int)] += qty
    inside = lines["idx"].to_numpy(int) < n
    delta[k[inside], lines["idx"].to_numpy(int)[inside]] -= qty[inside]
    after, first = _verify(inputs, rows, delta)
    lines = lines.assign(after=after, first=first, gain=base_short[rows] - after)
    lines = lines[lines["gain"] > 1e-9].sort_values(["row", "after", "to"])
    best = lines.groupby("row").head(MAX_EXPEDITES)
    if best.empty:
        return
    rows = best["row"].to_numpy(int)
    qty, before, after = units_list(best["quantity"]), units_list(base_short[rows]), best["after"].to_numpy()
    after_u, to, first = units_list(after), _labels(inputs, best["to"]), _labels(inputs, best["first"])
    due = [f"{d:%Y-%m-%d}" for d in best["due_date"]]
    for k, (row, ref) in enumerate(zip(rows.tolist(), best["ref"].tolist(), strict=True)):
        options[inputs.skus[row]].append(
            _option(
                "expedite",
                f"expedite {ref} ({qty[k]} units) from {due[k]} to {to[k]}",
                qty[k],
                to[k],
                before[k],
                after_u[k],
                first[k],
                {"ref": ref, "from_date": due[k]},
                bool(after[k] <= 1e-9),
            )
        )


def _new_orders(inputs, short_rows, earliest, base_short, options) -> None:
    n = len(inputs.months)
    moq = (
        inputs.products["min_order_qty"].fillna(0.0).to_numpy(float)
        if "min_order_qty" in inputs.products
        else np.zeros(len(inputs.skus))
    )
    qty = np.maximum(base_short[short_rows], moq[short_rows])
    arrive = earliest[short_rows]
    delta = np.zeros((len(short_rows), n))
    ok = arrive < n
    delta[np.flatnonzero(ok), arrive[ok]] = qty[ok]
    after, first = _verify(inputs, short_rows, delta)
    qty_u, moq_u = units_list(qty), units_list(moq[short_rows])
    before, after_u = units_list(base_short[short_rows]), units_list(after)
    when, first_l = _labels(inputs, np.where(ok, arrive, -1)), _labels(inputs, first)
    for j, r in enumerate(short_rows.tolist()):
        moq_note = f" (minimum order quantity {moq_u[j]})" if moq[r] > base_short[r] else ""
        options[inputs.skus[r]].append(
            _option(
                "new_order",
                f"order {qty_u[j]} units{moq_note}, earliest arrival {when[j] or 'after the window (lead time)'}",
                qty_u[j],
                when[j],
                before[j],
                after_u[j],
                first_l[j],
                {"min_order_qty": moq_u[j] if moq[r] > 0 else None},
                bool(after[j] <= 1e-9),
            )
        )


def _production(inputs, balance, short_rows, base_short, capacity, routing, options) -> None:
    n = len(inputs.months)
    months = [pd.Timestamp(m) for m in inputs.months]
    short_skus = [inputs.skus[i] for i in short_rows]
    routes = routing[routing["sku"].isin(short_skus) & (routing["hours_per_unit"] > 0)]
    slack = capacity.load.pivot_table(index="resource", columns="period", values="slack_hours", aggfunc="sum")
    slack = slack.reindex(columns=months).fillna(0.0).clip(lower=0.0)
    routes = routes[routes["resource"].isin(slack.index)]
    if routes.empty:
        return
    rows = pd.Index(inputs.skus).get_indexer(routes["sku"])
    hpu = routes["hours_per_unit"].to_numpy(float)
    last_short = n - 1 - np.argmax((balance[rows, ::-1] < 0), axis=1)
    # units each resource could make per month, only up to the last short month, greedily earliest first
    can = slack.loc[routes["resource"]].to_numpy(float) / hpu[:, None]
    can[np.arange(n)[None, :] > last_short[:, None]] = 0.0
    made = np.diff(np.minimum(np.cumsum(can, axis=1), base_short[rows][:, None]), axis=1, prepend=0.0)
    total = made.sum(axis=1)
    keep = total > 1e-9
    if not keep.any():
        return
    rows, hpu, made, total = rows[keep], hpu[keep], made[keep], total[keep]
    resources, ranks = routes["resource"].to_numpy()[keep], routes["rank"].to_numpy()[keep]
    after, first = _verify(inputs, rows, made)
    t0 = np.argmax(made > 1e-9, axis=1)
    total_u, hours_u, start = units_list(total), units_list(total * hpu), _labels(inputs, t0)
    before, after_u, first_l = units_list(base_short[rows]), units_list(after), _labels(inputs, first)
    for k, row in enumerate(rows.tolist()):
        role = "primary" if ranks[k] == 0 else "alternative"
        options[inputs.skus[row]].append(
            _option(
                "alternative_resource",
                f"make {total_u[k]} units on {resources[k]} ({role} routing, "
                f"{hours_u[k]} h of slack from {start[k]})",
                total_u[k],
                start[k],
                before[k],
                after_u[k],
                first_l[k],
                {"resource": resources[k], "routing": role, "hours": hours_u[k]},
                bool(after[k] <= 1e-9),
            )
        )


def routing_for(data) -> pd.DataFrame | None:
    """The routing table with ranks, once per version of the data (``PlanData.derived``): shared, not changed."""
    return data.derived("routing_table", lambda: routing_table(data)) if data.has("routing") else None
