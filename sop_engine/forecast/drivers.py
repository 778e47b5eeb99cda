"""Forecasts with demand drivers (ad spend, web sessions, prices ...), used per SKU only where they earn it.

``forecast_with_drivers(result, history, drivers, settings, start=..., families=..., events=...)`` takes the
driver-free ``ForecastResult`` of ``engine.forecast`` and returns a ``DriverForecast``:

- **The model**: statsforecast's AutoARIMA with the SKU's drivers as exogenous columns, each driver this
  month and last month (``x[t]``, ``x[t-1]``: an effect that carries over into the next month), and the
  season as two Fourier pairs of the month (exogenous too), at most ``MAX_DRIVERS`` drivers per SKU (a
  SKU, family or company-wide driver whose history covers every month of the SKU's history and varies).
  A regression with ARIMA errors: the forecast is linear in the drivers.
- **Used only where it earns it**: rolling-origin CV on the same windows as the driver-free candidates
  (``n_windows`` x ``min(horizon, 6)`` months, the windows' actual driver values standing in for a plan)
  scores it with the same scaled RMSE; it replaces the driver-free forecast only when its CV error is at
  least ``MARGIN`` below the *best* driver-free candidate's. Every SKU with drivers gets a
  ``driver_value_added`` record with both CV errors, used or not.
- **Effect**, one definition for every model: the % change of the forecast units over the forecast months
  when the driver's planned values rise 10% (the model predicts again with the raised plan; no refit).
  It is recorded per SKU and driver with its explanation ("+10% ad spend ≈ +3.1% units"). A SKU without an
  own model with drivers (history too short to cross-validate one, or CV did not show it) gets the effect
  pooled over its family, else the company (``sop_engine.drivers.pooled``), when that pool is significant;
  its forecast stays driver-free.
- **Stored response**: per SKU and driver, units per driver unit in the month (``coef``) and in the next
  (``coef_next``), with the planned values used: a what-if on a driver applies them without refitting
  (``sop_engine.drivers.whatif``).
- **Missing plans**: a forecast month without a planned value of every driver the SKU's model uses gets
  the driver-free forecast, and the SKU's note names the driver and months.
- Intervals: the model's own, widened to the quantiles of its CV errors where those reach further.
- Events (``events.csv``) multiply the driver forecast as they do the driver-free one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from statsforecast import StatsForecast
from statsforecast.models import AutoARIMA, Naive

from sop_engine.drivers.pooled import family_pools, pooled_effects, sku_response
from sop_engine.drivers.series import driver_label
from sop_engine.forecast import intervals, models
from sop_engine.forecast.events import event_factors
from sop_engine.forecast.panel import build_panel
from sop_engine.forecast.settings import ForecastResult, ForecastSettings
from sop_engine.forecast.workers import dying_with_parent

MODEL = "AutoARIMA_X"
MAX_DRIVERS = 3
FOURIER = 2  # sine/cosine pairs of the month carrying the season
MARGIN = 0.05  # the driver model must beat the best driver-free CV error by 5%: a guard against luck
H_CV_MAX = 6
FITTED_CLASSES = ("smooth", "erratic", "intermittent", "lumpy")
VALUE_ADDED_COLUMNS = ["sku", "drivers", "used", "model", "cv_error_drivers", "cv_error_driver_free",
                       "driver_free_model", "months", "note"]
EFFECT_COLUMNS = ["sku", "driver", "effect_pct", "source", "coef", "coef_next", "unit", "planned", "explanation"]

Progress = Callable[[int, int, str], None]


@dataclass
class DriverForecast:
    values: pd.DataFrame
    skus: pd.DataFrame
    value_added: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=VALUE_ADDED_COLUMNS))
    effects: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=EFFECT_COLUMNS))
    pools: list[dict] = field(default_factory=list)


@dataclass
class _Sku:
    sku: str
    y: np.ndarray
    months: pd.DatetimeIndex
    drivers: list[str]
    x: np.ndarray        # history months x drivers
    x_prev: np.ndarray   # the month before each history month
    plan: np.ndarray     # forecast months x drivers (NaN = no plan)
    units: list[str | None]


def explanation(driver: str, effect_pct: float, source: str) -> str:
    return f"+10% {driver_label(driver)} ≈ {effect_pct:+.1f}% units ({source})"


def forecast_with_drivers(result: ForecastResult, history: pd.DataFrame, drivers: pd.DataFrame,
                          settings: ForecastSettings, *, start=None, families: pd.Series | None = None,
                          events: pd.DataFrame | None = None, progress: Progress | None = None) -> DriverForecast:
    out = DriverForecast(result.values.copy(), result.skus.copy())
    if drivers is None or drivers.empty or result.values.empty:
        return out
    panel = build_panel(history, settings, start)
    if panel.frame.empty:
        return out
    n_gap = (panel.start.year - panel.first_forecast.year) * 12 + panel.start.month - panel.first_forecast.month
    h_total = n_gap + settings.horizon
    future = pd.date_range(panel.first_forecast, periods=h_total, freq="MS")
    h_cv = min(settings.horizon, H_CV_MAX)
    min_cv = settings.n_windows * h_cv + settings.season_length
    series = _sku_series(panel.frame, drivers, future)
    if not series:
        return out
    info = out.skus.set_index("sku")
    eligible = [s for s, d in series.items() if info.at[s, "demand_class"] in FITTED_CLASSES
                and len(d.y) >= min_cv and info.at[s, "candidates"]]
    steps = 3
    tick = _ticker(progress, steps)
    cv_errors, cv_residuals = _cross_validate([series[s] for s in eligible], h_cv, settings)
    tick("drivers: cross-validated")
    records, used = {}, []
    for sku in eligible:
        cand = info.at[sku, "candidates"]
        best = min(cand, key=cand.get)
        err = cv_errors.get(sku)
        ok = err is not None and err <= (1 - MARGIN) * cand[best]
        records[sku] = {"sku": sku, "drivers": series[sku].drivers, "used": bool(ok), "model": MODEL,
                        "cv_error_drivers": err, "cv_error_driver_free": cand[best], "driver_free_model": best,
                        "months": [], "note": ""}
        if ok:
            used.append(sku)
    fits = _fit_and_forecast([series[s] for s in used], h_total, settings)
    tick("drivers: fitted")
    fitted_rows = []
    effects = []
    for sku in used:
        fit = fits.get(sku)
        d = series[sku]
        if fit is None:
            records[sku].update(used=False, note="the model with drivers failed to fit: driver-free forecast")
            continue
        covered = _covered(d)
        keep = covered & (np.arange(1, h_total + 1) > n_gap)
        if not keep.any():
            rec = records[sku]
            rec.update(used=False, note=(
                f"demand drivers {', '.join(driver_label(n) for n in d.drivers)}: no plan over the forecast months: "
                f"driver-free forecast (CV scaled RMSE with drivers {rec['cv_error_drivers']:.3f} against "
                f"{rec['cv_error_driver_free']:.3f})"))
            continue
        rows = _widened(fit["values"], cv_residuals.get(sku), settings.sorted_levels)[keep]
        fitted_rows.append(rows)
        months = [f"{m:%Y-%m}" for m in future[keep]]
        records[sku]["months"] = months
        base = float(fit["values"].loc[keep, "forecast"].sum())
        for j, name in enumerate(d.drivers):
            delta = float(fit["raised"][j][keep].sum())
            pct = 100.0 * delta / base if base > 0 else 0.0
            effects.append({"sku": sku, "driver": name, "effect_pct": round(pct, 3), "source": "own model",
                            "coef": fit["coef"][j][0], "coef_next": fit["coef"][j][1], "unit": d.units[j],
                            "planned": {m: float(v) for m, v in zip(months, d.plan[keep, j], strict=True)},
                            "explanation": explanation(name, pct, "own model")})
    tick("drivers: effects")
    out.values = _replace(out.values, fitted_rows, future, settings.sorted_levels, events, families)
    own = {e["sku"] for e in effects}
    effects += _pooled(series, own, out.values, families, future, panel.start, settings)
    out.effects = pd.DataFrame(effects, columns=EFFECT_COLUMNS)
    for sku, d in series.items():
        if sku not in records:
            records[sku] = {"sku": sku, "drivers": d.drivers, "used": False, "model": None, "cv_error_drivers": None,
                            "cv_error_driver_free": None, "driver_free_model": None, "months": [], "note": ""}
    out.value_added = pd.DataFrame(list(records.values()), columns=VALUE_ADDED_COLUMNS)
    out.skus = _notes(out.skus, records, out.effects, series, future, n_gap)
    out.pools = _pools(series, families, settings)
    return out


def _ticker(progress: Progress | None, total: int) -> Callable[[str], None]:
    done = 0

    def tick(stage: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, stage)

    return tick


def _sku_series(frame: pd.DataFrame, drivers: pd.DataFrame, future: pd.DatetimeIndex) -> dict[str, _Sku]:
    """Per SKU, the drivers that cover its whole history and vary, with their history and plan."""
    values = drivers.set_index(["sku", "driver", "period"])["value"]
    units = drivers.dropna(subset=["unit"]).groupby("driver")["unit"].first().to_dict()
    by_sku_driver = {key: part.droplevel([0, 1]) for key, part in values.groupby(level=[0, 1], sort=False)}
    names_of: dict[str, list[str]] = {}
    for sku, name in by_sku_driver:
        names_of.setdefault(sku, []).append(name)
    out = {}
    for sku, part in frame.groupby("sku", sort=False):
        months = pd.DatetimeIndex(part["period"])
        before = months[0] - pd.offsets.MonthBegin(1)
        names, xs, prevs, plans = [], [], [], []
        for name in sorted(names_of.get(sku, [])):
            s = by_sku_driver[(sku, name)]
            x = s.reindex(months).to_numpy(dtype=float)
            if np.isnan(x).any() or np.std(x) == 0:
                continue
            first_prev = s.get(before, x[0])
            names.append(name)
            xs.append(x)
            prevs.append(np.r_[first_prev, x[:-1]])
            plans.append(s.reindex(future).to_numpy(dtype=float))
            if len(names) == MAX_DRIVERS:
                break
        if names:
            out[str(sku)] = _Sku(str(sku), part["y"].to_numpy(dtype=float), months, names, np.column_stack(xs),
                                 np.column_stack(prevs), np.column_stack(plans), [units.get(n) for n in names])
    return out


def _exog(x: np.ndarray, x_prev: np.ndarray, k: int, months: pd.DatetimeIndex, season_length: int
          ) -> dict[str, np.ndarray]:
    """The drivers (this month, last month; first in the frame, so their coefficients are ``ex_1``, ``ex_2``
    ...), then the season as Fourier terms of the month (``FOURIER`` pairs)."""
    cols = {}
    for j in range(k):
        cols[f"x{j + 1}"] = x[:, j]
        cols[f"x{j + 1}_prev"] = x_prev[:, j]
    n = months.year.to_numpy() * 12 + months.month.to_numpy() - 1
    for q in range(1, min(FOURIER, season_length // 2) + 1):
        cols[f"sin{q}"] = np.sin(2 * np.pi * q * n / season_length)
        cols[f"cos{q}"] = np.cos(2 * np.pi * q * n / season_length)
    return cols


def _statsforecast(season_length: int, n_series: int) -> StatsForecast:
    # the season is in the Fourier columns: a seasonal ARIMA needs more years than most SKUs have (on
    # 24-month CV windows it scored a third worse than this on the benchmark companies)
    del season_length
    # orders up to (1, 1, 1): on the benchmark companies as accurate as the full search, in half the time
    model = AutoARIMA(season_length=1, max_p=1, max_q=1, max_d=1)
    model.alias = MODEL
    return StatsForecast(models=[model], freq="MS", n_jobs=models.n_jobs(n_series), fallback_model=Naive())


def _by_count(items: list[_Sku]) -> dict[int, list[_Sku]]:
    groups: dict[int, list[_Sku]] = {}
    for d in items:
        groups.setdefault(len(d.drivers), []).append(d)
    return groups


@dying_with_parent()
def _cross_validate(items: list[_Sku], h_cv: int, settings: ForecastSettings
                    ) -> tuple[dict[str, float], dict[str, np.ndarray]]:
    """Scaled RMSE (RMSE / the SKU's mean month) of the driver model over the rolling-origin windows, and the
    errors (actual - forecast) themselves."""
    errors: dict[str, list[np.ndarray]] = {}
    for k, group in _by_count(items).items():
        for w in range(1, settings.n_windows + 1):
            train, test, actual = [], [], {}
            for d in group:
                n = len(d.y)
                cut, end = n - w * h_cv, n - (w - 1) * h_cv
                cols = _exog(d.x, d.x_prev, k, d.months, settings.season_length)
                train.append(pd.DataFrame({"unique_id": d.sku, "ds": d.months[:cut], "y": d.y[:cut],
                                           **{c: v[:cut] for c, v in cols.items()}}))
                test.append(pd.DataFrame({"unique_id": d.sku, "ds": d.months[cut:end],
                                          **{c: v[cut:end] for c, v in cols.items()}}))
                actual[d.sku] = d.y[cut:end]
            sf = _statsforecast(settings.season_length, len(group))
            fc = sf.forecast(df=pd.concat(train, ignore_index=True), h=h_cv, X_df=pd.concat(test, ignore_index=True))
            for sku, part in fc.groupby("unique_id", sort=False):
                errors.setdefault(str(sku), []).append(actual[str(sku)] - part[MODEL].to_numpy(dtype=float))
    out, residuals = {}, {}
    for d in items:
        if d.sku in errors:
            e = np.concatenate(errors[d.sku])
            residuals[d.sku] = e
            out[d.sku] = round(float(np.sqrt(np.mean(e * e)) / max(float(d.y.mean()), 1e-9)), 4)
    return out, residuals


def _future_exog(d: _Sku, k: int, months: pd.DatetimeIndex, season_length: int,
                 raise_driver: int | None = None) -> dict[str, np.ndarray]:
    """The forecast months' driver columns: the plan (a missing plan month is held at the last value known,
    and that month later gets the driver-free forecast); ``raise_driver`` j: its planned values +10%."""
    plan = d.plan.copy()
    if raise_driver is not None:
        plan[:, raise_driver] = plan[:, raise_driver] * 1.1
    filled = pd.DataFrame(np.vstack([d.x[-1:], plan])).ffill().to_numpy()[1:]
    prev = np.vstack([d.x[-1:], filled[:-1]])
    return _exog(filled, prev, k, months, season_length)


def _covered(d: _Sku) -> np.ndarray:
    """Forecast months whose drivers this month and last month are known (a plan, or history for the first)."""
    planned = ~np.isnan(d.plan).any(axis=1)
    prev_known = np.r_[True, planned[:-1]]
    return planned & prev_known


@dying_with_parent()
def _fit_and_forecast(items: list[_Sku], h: int, settings: ForecastSettings) -> dict[str, dict]:
    """Fit on the whole history; forecast with the plan and with each driver's plan raised 10%."""
    out: dict[str, dict] = {}
    levels = list(settings.sorted_levels)
    for k, group in _by_count(items).items():
        sl = settings.season_length
        train = pd.concat([pd.DataFrame({"unique_id": d.sku, "ds": d.months, "y": d.y,
                                         **_exog(d.x, d.x_prev, k, d.months, sl)}) for d in group],
                          ignore_index=True)

        def future_frame(raise_driver=None, group=group, k=k, sl=sl):
            parts = []
            for d in group:
                months = pd.date_range(d.months[-1], periods=h + 1, freq="MS")[1:]
                parts.append(pd.DataFrame({"unique_id": d.sku, "ds": months,
                                           **_future_exog(d, k, months, sl, raise_driver)}))
            return pd.concat(parts, ignore_index=True)

        sf = _statsforecast(settings.season_length, len(group))
        sf.fit(df=train)
        base = sf.predict(h=h, X_df=future_frame(), level=levels)
        raised = [sf.predict(h=h, X_df=future_frame(j))[MODEL].to_numpy(dtype=float) for j in range(k)]
        fitted = dict(zip([str(u) for u in sf.uids], sf.fitted_[:, 0], strict=True))
        for sku, part in base.groupby("unique_id", sort=False):
            sku = str(sku)
            model = fitted.get(sku)
            coef = getattr(model, "model_", None)
            if not isinstance(model, AutoARIMA) or not coef:
                continue
            coef = coef.get("coef", {})
            rows = part.index.to_numpy()
            values = pd.DataFrame({"sku": sku, "step": np.arange(1, h + 1),
                                   "forecast": part[MODEL].to_numpy(dtype=float), "model": MODEL})
            for lv in levels:
                values[f"lo_{lv}"] = part[f"{MODEL}-lo-{lv}"].to_numpy(dtype=float)
                values[f"hi_{lv}"] = part[f"{MODEL}-hi-{lv}"].to_numpy(dtype=float)
            out[sku] = {
                "values": values,
                "raised": [r[rows] - values["forecast"].to_numpy() for r in raised],
                "coef": [(float(coef.get(f"ex_{2 * j + 1}", 0.0)), float(coef.get(f"ex_{2 * j + 2}", 0.0)))
                         for j in range(k)],
            }
    return out


def _widened(values: pd.DataFrame, errors: np.ndarray | None, levels) -> pd.DataFrame:
    """The model's bounds, widened to the quantiles of its own CV errors where those reach further: ARIMA's
    intervals take the drivers' plan as certain, and on the benchmark companies covered too few months."""
    if errors is None or errors.size < intervals.MIN_ERRORS:
        return values
    values = values.copy()
    empirical = intervals.empirical_bounds(values["forecast"].to_numpy(dtype=float), errors, levels)
    for lv in levels:
        values[f"lo_{lv}"] = np.minimum(values[f"lo_{lv}"].to_numpy(dtype=float), empirical[f"lo_{lv}"])
        values[f"hi_{lv}"] = np.maximum(values[f"hi_{lv}"].to_numpy(dtype=float), empirical[f"hi_{lv}"])
    return values


def _replace(values: pd.DataFrame, fitted_rows: list[pd.DataFrame], future: pd.DatetimeIndex, levels,
             events: pd.DataFrame | None, families: pd.Series | None) -> pd.DataFrame:
    """The driver-free rows of the months the driver model covers, replaced by its rows (events applied)."""
    if not fitted_rows:
        return values
    rows = pd.concat(fitted_rows, ignore_index=True)
    rows["period"] = future[rows["step"].to_numpy() - 1]
    rows = intervals.make_demand_bands(rows, levels)
    if events is not None and not events.empty:
        factor, _ = event_factors(rows, events, families)
        for col in ["forecast", *intervals.bound_columns(levels)]:
            rows[col] = rows[col].to_numpy() * factor
    rows = rows[values.columns]
    key = pd.MultiIndex.from_frame(values[["sku", "period"]])
    replaced = key.isin(pd.MultiIndex.from_frame(rows[["sku", "period"]]))
    merged = pd.concat([values[~replaced], rows], ignore_index=True)
    order = {sku: i for i, sku in enumerate(dict.fromkeys(values["sku"]))}
    merged = merged.sort_values(["sku", "period"], key=lambda s: s.map(order) if s.name == "sku" else s,
                                kind="stable")
    return merged.reset_index(drop=True)


def _pool_history(series: dict[str, _Sku], j_of: Callable[[_Sku], int | None]):
    out = {}
    for sku, d in series.items():
        j = j_of(d)
        if j is not None:
            n = (d.months.year * 12 + d.months.month - 1).to_numpy()
            out[sku] = (d.y, d.x[:, j], d.x_prev[:, j], n)
    return out


def _pooled(series: dict[str, _Sku], own: set[str], values: pd.DataFrame, families: pd.Series | None,
            future: pd.DatetimeIndex, start: pd.Timestamp, settings: ForecastSettings) -> list[dict]:
    """Effects of SKUs without an own model with drivers (history too short to check one, or CV did not pin the
    effect), from their family's (or the company's) pool; their forecast stays driver-free."""
    short = [s for s in series if s not in own]
    if not short:
        return []
    forecast = values.set_index(["sku", "period"])["forecast"]
    out = []
    for name in sorted({n for s in short for n in series[s].drivers}):
        history = _pool_history(series, lambda d, name=name: d.drivers.index(name) if name in d.drivers else None)
        pools = pooled_effects(history, families, name, settings.season_length)
        for sku in short:
            d = series[sku]
            if name not in d.drivers or sku not in pools:
                continue
            j = d.drivers.index(name)
            pool = pools[sku]
            c0, c1 = sku_response(pool, d.y, d.x[:, j])
            plan = d.plan[:, j]
            keep = ~np.isnan(plan) & (future >= start)
            if not keep.any():
                continue
            f = forecast.reindex(pd.MultiIndex.from_arrays([[sku] * int(keep.sum()), future[keep]])).to_numpy()
            prev = np.r_[np.nan, plan[:-1]][keep]
            delta = 0.1 * (c0 * plan[keep] + c1 * np.nan_to_num(prev))
            base = float(np.nansum(f))
            pct = 100.0 * float(delta.sum()) / base if base > 0 else 0.0
            source = "family pool" if pool.scope.startswith("family") else "company pool"
            months = [f"{m:%Y-%m}" for m in future[keep]]
            out.append({"sku": sku, "driver": name, "effect_pct": round(pct, 3), "source": source, "coef": c0,
                        "coef_next": c1, "unit": d.units[j],
                        "planned": {m: float(v) for m, v in zip(months, plan[keep], strict=True)},
                        "explanation": explanation(name, pct, f"{pool.scope} pool of {pool.n_skus} SKUs")})
    return out


def _spans(months: list[str]) -> str:
    if not months:
        return ""
    periods = [pd.Period(m, "M") for m in months]
    spans: list[list[pd.Period]] = []
    for p in periods:
        if spans and spans[-1][-1] + 1 == p:
            spans[-1].append(p)
        else:
            spans.append([p])
    return ", ".join(str(s[0]) if len(s) == 1 else f"{s[0]}..{s[-1]}" for s in spans)


def _notes(skus: pd.DataFrame, records: dict[str, dict], effects: pd.DataFrame, series: dict[str, _Sku],
           future: pd.DatetimeIndex, n_gap: int) -> pd.DataFrame:
    skus = skus.copy()
    forecast_months = [f"{m:%Y-%m}" for m in future[n_gap:]]
    by_sku = {s: part for s, part in effects.groupby("sku")} if not effects.empty else {}
    for i, row in skus.iterrows():
        rec = records.get(row["sku"])
        if rec is None:
            continue
        names = ", ".join(driver_label(n) for n in rec["drivers"])
        if rec["used"]:
            text = (f"demand drivers {names}: {MODEL} (CV scaled RMSE {rec['cv_error_drivers']:.3f} against "
                    f"{rec['cv_error_driver_free']:.3f} for the best driver-free model, {rec['driver_free_model']})"
                    f" used for {_spans(rec['months'])}")
            missing = [m for m in forecast_months if m not in set(rec["months"])]
            if missing:
                lacking = _lacking(series[row["sku"]], future, n_gap)
                text += (f"; no plan for {lacking} in {_spans(missing)}: driver-free forecast "
                         f"({row['model']}) there")
            cand = dict(row["candidates"] or {})
            cand[MODEL] = rec["cv_error_drivers"]
            skus.at[i, "candidates"] = cand
            skus.at[i, "model"] = MODEL
            skus.at[i, "cv_error"] = rec["cv_error_drivers"]
        elif rec["note"]:
            text = rec["note"]
        elif rec["cv_error_drivers"] is not None:
            text = (f"demand drivers {names} tried: CV scaled RMSE {rec['cv_error_drivers']:.3f} against "
                    f"{rec['cv_error_driver_free']:.3f} driver-free: not used")
        else:
            text = f"demand drivers {names}: history too short to check a model with them; forecast driver-free"
        part = by_sku.get(row["sku"])
        if part is not None:
            text += "; " + "; ".join(part["explanation"])
        skus.at[i, "note"] = f"{row['note']}; {text}" if row["note"] else text
    return skus


def _lacking(d: _Sku, future: pd.DatetimeIndex, n_gap: int) -> str:
    names = [driver_label(n) for j, n in enumerate(d.drivers) if np.isnan(d.plan[n_gap:, j]).any()]
    return ", ".join(names) or "the drivers"


def _pools(series: dict[str, _Sku], families: pd.Series | None, settings: ForecastSettings) -> list[dict]:
    out = []
    for name in sorted({n for d in series.values() for n in d.drivers}):
        history = _pool_history(series, lambda d, name=name: d.drivers.index(name) if name in d.drivers else None)
        out += [p.to_dict() for p in family_pools(history, families, name, settings.season_length)]
    return out
