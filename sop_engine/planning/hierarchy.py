"""Hierarchical coherence: SKU forecasts reconciled with family forecasts by MinTrace (hierarchicalforecast).

Why ``MinTrace(method="wls_struct")``: the published SKU forecast reaches us without its in-sample fitted
values, and 'mint_shrink' / 'wls_var' need in-sample residuals of every level. 'wls_struct' weights each
series by the number of SKUs it aggregates (no residuals needed) and, unlike BottomUp, moves both the
family totals and the SKUs: a family forecast that disagrees with the sum of its SKUs pulls them
towards it and is pulled back in turn. ('ols' would weigh a family as much as one SKU.)

Family base forecasts: the caller's ``family_forecast`` (family, period, forecast) or, by default,
statsforecast's DynamicOptimizedTheta fitted on each family's monthly sales history (the most accurate
fast model on M3 monthly here; season length 12 with 24+ months of history, else none).
"""

from __future__ import annotations

import pandas as pd

from sop_engine.periods import months_between
from sop_engine.plandata import PlanData
from sop_engine.planning.common import label, units

METHOD = "wls_struct"
MIN_HISTORY_MONTHS = 6


def family_base_forecast(data: PlanData, families: list[str], months: list) -> pd.DataFrame | None:
    """DynamicOptimizedTheta per family on summed sales history; None when history is too short."""
    from statsforecast import StatsForecast
    from statsforecast.models import DynamicOptimizedTheta

    hist = data.sales_history
    prod = data.products.assign(sku=data.products["sku"].astype(str)).set_index("sku")["family"]
    hist = hist.assign(family=hist["sku"].astype(str).map(prod))
    hist = hist[hist["family"].isin(families) & (hist["period"] < pd.Timestamp(months[0]))]
    if hist.empty or hist["period"].nunique() < MIN_HISTORY_MONTHS:
        return None
    y = hist.groupby(["family", "period"])["quantity"].sum()
    full = pd.date_range(hist["period"].min(), hist["period"].max(), freq="MS")
    y = y.unstack("period").reindex(columns=full).fillna(0.0).stack().rename("y").reset_index()
    y.columns = ["unique_id", "ds", "y"]
    season = 12 if len(full) >= 24 else 1
    h = months_between(full[-1].date(), months[-1])
    sf = StatsForecast(models=[DynamicOptimizedTheta(season_length=season)], freq="MS", n_jobs=1)
    fc = sf.forecast(df=y, h=h)
    fc = fc.rename(columns={"unique_id": "family", "ds": "period", "DynamicOptimizedTheta": "forecast"})
    fc["forecast"] = fc["forecast"].clip(lower=0.0)
    return fc[fc["period"].isin(pd.DatetimeIndex([pd.Timestamp(m) for m in months]))][
        ["family", "period", "forecast"]
    ]


def coherence(sku_forecast: pd.DataFrame, family_of: pd.Series, family_forecast: pd.DataFrame) -> dict:
    """Reconcile (sku, period, forecast) with (family, period, forecast); adjustments per family and SKU."""
    from hierarchicalforecast.core import HierarchicalReconciliation
    from hierarchicalforecast.methods import MinTrace
    from hierarchicalforecast.utils import aggregate

    skus = sku_forecast.assign(family=sku_forecast["sku"].map(family_of))
    skus = skus[skus["family"].isin(family_forecast["family"])]
    bottom = skus.rename(columns={"period": "ds", "forecast": "y"})[["family", "sku", "ds", "y"]]
    _, s_df, tags = aggregate(bottom, [["family"], ["family", "sku"]])
    uid = skus["family"].astype(str) + "/" + skus["sku"].astype(str)
    y_hat = pd.concat(
        [
            pd.DataFrame(
                {
                    "unique_id": family_forecast["family"].astype(str),
                    "ds": family_forecast["period"],
                    "forecast": family_forecast["forecast"].to_numpy(float),
                }
            ),
            pd.DataFrame(
                {
                    "unique_id": uid.to_numpy(),
                    "ds": skus["period"].to_numpy(),
                    "forecast": skus["forecast"].to_numpy(float),
                }
            ),
        ],
        ignore_index=True,
    )
    y_hat = y_hat[y_hat["ds"].isin(skus["period"].unique())]
    out = HierarchicalReconciliation([MinTrace(method=METHOD)]).reconcile(
        Y_hat_df=y_hat, tags=tags, S_df=s_df
    )
    col = f"forecast/MinTrace_method-{METHOD}"
    out = out.rename(columns={col: "reconciled"})
    fam_ids = set(tags["family"])
    fam_rows, sku_rows = out[out["unique_id"].isin(fam_ids)], out[~out["unique_id"].isin(fam_ids)]
    sums = skus.groupby(["family", "period"])["forecast"].sum()
    families = [
        {
            "family": r.unique_id,
            "period": label(r.ds),
            "family_forecast": units(r.forecast),
            "sum_of_skus": units(sums.get((r.unique_id, r.ds), 0.0)),
            "reconciled": units(r.reconciled),
            "adjustment": units(r.reconciled - r.forecast),
        }
        for r in fam_rows.itertuples(index=False)
    ]
    sku_list = [
        {
            "sku": r.unique_id.split("/", 1)[1],
            "family": r.unique_id.split("/", 1)[0],
            "period": label(r.ds),
            "forecast": units(r.forecast),
            "reconciled": units(r.reconciled),
            "adjustment": units(r.reconciled - r.forecast),
        }
        for r in sku_rows.itertuples(index=False)
    ]
    return {
        "method": f"MinTrace(method='{METHOD}')",
        "why": "no in-sample residuals come with a published forecast, so mint_shrink/wls_var cannot run; "
        "wls_struct weights each series by how many SKUs it sums",
        "families": families,
        "skus": sorted(sku_list, key=lambda r: -abs(r["adjustment"] or 0)),
    }
