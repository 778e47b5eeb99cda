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
from sop_engine.planning.common import label, month_index, units
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
    quantity: float,
    arrives: int,
    months,
    before: float,
    after: float,
    first_after: int,
    **extra,
) -> dict:
    return {
        "kind": kind,
        "action": action,
        "quantity": units(quantity),
        "arrives": label(months[arrives]) if 0 <= arrives < len(months) else None,
        **extra,
        "shortage_before": units(before),
        "shortage_after": units(after),
        "first_short_period_after": label(months[first_after]) if first_after >= 0 else None,
        "covers": bool(after <= 1e-9),
    }


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
    for r in lines.groupby("row").head(MAX_EXPEDITES).itertuples(index=False):
        options[inputs.skus[r.row]].append(
            _option(
                "expedite",
                f"expedite {r.ref} ({units(r.quantity)} units) from {r.due_date:%Y-%m-%d} to "
                f"{label(inputs.months[r.to])}",
                r.quantity,
                r.to,
                inputs.months,
                base_short[r.row],
                r.after,
                r.first,
                ref=r.ref,
                from_date=f"{r.due_date:%Y-%m-%d}",
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
    for j, r in enumerate(short_rows):
        moq_note = f" (minimum order quantity {units(moq[r])})" if moq[r] > base_short[r] else ""
        when = label(inputs.months[arrive[j]]) if ok[j] else "after the window (lead time)"
        options[inputs.skus[r]].append(
            _option(
                "new_order",
                f"order {units(qty[j])} units{moq_note}, earliest arrival {when}",
                qty[j],
                int(arrive[j]) if ok[j] else -1,
                inputs.months,
                base_short[r],
                after[j],
                first[j],
                min_order_qty=units(moq[r]) if moq[r] > 0 else None,
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
    for k, row in enumerate(rows):
        role = "primary" if ranks[k] == 0 else "alternative"
        options[inputs.skus[row]].append(
            _option(
                "alternative_resource",
                f"make {units(total[k])} units on {resources[k]} ({role} routing, "
                f"{units(total[k] * hpu[k])} h of slack from {label(inputs.months[t0[k]])})",
                total[k],
                int(t0[k]),
                inputs.months,
                base_short[row],
                after[k],
                first[k],
                resource=resources[k],
                routing=role,
                hours=units(total[k] * hpu[k]),
            )
        )


def routing_for(data) -> pd.DataFrame | None:
    return routing_table(data) if data.has("routing") else None
