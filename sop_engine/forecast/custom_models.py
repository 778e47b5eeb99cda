"""Two thin variants of statsforecast models, so that one ``StatsForecast.forecast`` call fits every member
of the default combination on every engine (local, Dask, Ray, Spark: a distributed run has only
``forecast`` and ``cross_validation``, no ``fit``/``predict`` whose fitted models could be read back).

- ``AutoETSWithForm``: AutoETS that also says which form (error, trend, season, damping) it chose: asked
  for ``h`` steps it forecasts ``h - 1`` and puts ``form_code(form)`` (a negative whole number) in the
  last step of the forecast and of every bound. ``split_forms`` takes that step off again. A series on
  which the fit failed gets statsforecast's fallback model instead, whose last step is no code.
- ``AutoCESWithForm``: AutoCES without prediction intervals (its intervals simulate paths, about ten times
  the cost of the fit), so it can share a call that asks the other models for their bounds, saying the
  same way which season type it chose.

This module holds nothing else: a distributed run ships it to the workers by value (cloudpickle), so a
cluster needs statsforecast but not this package.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
from statsforecast.models import AutoCES, AutoETS

ETS_FORMS = tuple("".join(f) for f in itertools.product("AM", "NAM", "NAM", "ND"))
CES_FORMS = ("N", "S", "P", "F")  # AutoCES's season types: none, simple, partial, full


def form_code(form: str, forms: tuple[str, ...]) -> float:
    return -1.0 - forms.index(form)


class AutoETSWithForm(AutoETS):
    forms = ETS_FORMS

    def forecast(self, y, h, X=None, X_future=None, level=None, fitted=False):  # noqa: ARG002
        self.fit(y)
        out = self.predict(h=h - 1, level=level)
        code = form_code(self.model_["components"], self.forms)
        del self.model_
        return {key: np.append(np.asarray(value, dtype=float), code) for key, value in out.items()}


class AutoCESWithForm(AutoCES):
    """AutoCES without bounds, saying which season type it chose (a constant series gets Naive: no code)."""

    forms = CES_FORMS

    def forecast(self, y, h, X=None, X_future=None, fitted=False):  # noqa: ARG002
        fit = self.fit(y)
        if fit is not self:  # statsforecast's AutoCES answers a constant series with a fitted Naive
            return {"mean": fit.predict(h=h)["mean"]}
        out = self.predict(h=h - 1)
        code = form_code(self.model_["seasontype"], self.forms)
        del self.model_
        return {"mean": np.append(np.asarray(out["mean"], dtype=float), code)}


def split_forms(fc: pd.DataFrame, aliases: dict[str, tuple[str, ...]], h: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Take the form codes off a tidy forecast (``sku, step`` index, ``h + 1`` steps per SKU): returns the
    first ``h`` steps and, per SKU, the form each alias of ``aliases`` (alias -> its forms) chose (``None``
    where statsforecast's fallback model, or Naive for a constant series, forecast instead)."""
    steps = fc.index.get_level_values("step")
    last = fc[steps == h + 1]
    forms = {}
    for alias, names in aliases.items():
        index = -last[alias].to_numpy() - 1
        valid = (index >= 0) & (index < len(names)) & (index == np.round(index))
        forms[alias] = [names[int(i)] if ok else None for i, ok in zip(index, valid, strict=True)]
    return fc[steps <= h], pd.DataFrame(forms, index=last.index.get_level_values("sku"), dtype=object)
