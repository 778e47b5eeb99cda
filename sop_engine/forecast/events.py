"""Known demand events (contract table ``events``) applied to the forecast of future months.

An event applies to a SKU when its ``sku`` is that SKU, or it names no SKU and its ``family`` is the
SKU's family, or it names neither (company-wide). Its uplift is prorated by the share of the month's
days the event covers (``end`` inclusive): a 20% promotion over half of June lifts June by 10%. Several
events in one month multiply. The factor multiplies the forecast and every interval bound (a factor
below zero, from an uplift under -100%, is taken as zero).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sop_engine.errors import InvalidArgument

EVENT_COLUMNS = ("name", "start", "end")


def event_factors(values: pd.DataFrame, events: pd.DataFrame, families: pd.Series | None
                  ) -> tuple[np.ndarray, dict[str, list[str]]]:
    """Multiplicative factor per row of ``values`` (sku, period) and, per SKU, a description of events."""
    missing = [c for c in EVENT_COLUMNS if c not in events.columns]
    if missing:
        raise InvalidArgument(f"events is missing column(s) {missing}; it needs name, start, end")
    factor = np.ones(len(values))
    applied: dict[str, list[str]] = {}
    if values.empty or events.empty:
        return factor, applied
    fam = values["sku"].map(families.set_axis(families.index.astype(str))) if families is not None else None
    month_start = values["period"]
    month_end = month_start + pd.offsets.MonthEnd(0)
    days_in_month = month_end.dt.day.to_numpy()
    for ev in events.itertuples(index=False):
        start, end = pd.Timestamp(ev.start), pd.Timestamp(ev.end)
        if pd.isna(start) or pd.isna(end) or end < start:
            raise InvalidArgument(f"event '{ev.name}': start and end must be dates with end >= start")
        uplift = getattr(ev, "uplift_pct", 0.0)
        uplift = 0.0 if uplift is None or pd.isna(uplift) else float(uplift)
        if uplift == 0.0:
            continue
        sku = getattr(ev, "sku", None)
        family = getattr(ev, "family", None)
        if isinstance(sku, str) and sku.strip():
            scope = (values["sku"] == sku.strip()).to_numpy()
        elif isinstance(family, str) and family.strip() and fam is not None:
            scope = (fam == family.strip()).to_numpy()
        elif isinstance(family, str) and family.strip():
            continue  # a family event without a family map cannot be placed
        else:
            scope = np.ones(len(values), dtype=bool)
        lo = np.maximum(month_start.to_numpy(), np.datetime64(start))
        hi = np.minimum(month_end.to_numpy(), np.datetime64(end))
        covered = ((hi - lo) / np.timedelta64(1, "D") + 1).clip(min=0)
        share = np.where(scope, covered / days_in_month, 0.0)
        factor *= 1 + uplift / 100 * share
        for sku_hit in values.loc[share > 0, "sku"].unique():
            applied.setdefault(sku_hit, []).append(
                f"event '{ev.name}' {uplift:+g}% ({start:%Y-%m-%d}..{end:%Y-%m-%d}, prorated by days)")
    return np.clip(factor, 0.0, None), applied
