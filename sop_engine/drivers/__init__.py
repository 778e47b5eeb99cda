"""Demand drivers: the monthly series each SKU's forecast may use, their pooled effects, and what-ifs.

- ``series.driver_values``: ``drivers.csv`` (and the ``price`` of ``sales_history.csv``) resolved per SKU
  and month: a SKU row wins over a family row, which wins over a company-wide row; history months read
  actuals, forecast months plans only.
- ``pooled.pooled_effects``: one driver's effect estimated over a family's (or the company's) SKUs
  together, for SKUs whose own history is too short to pin it.
- ``whatif``: ``driver_changes`` of a scenario applied through the stored fitted response (no refit).

The forecast with drivers itself is ``sop_engine.forecast.drivers``.
"""

from sop_engine.drivers.series import driver_label, driver_values

__all__ = ["driver_label", "driver_values"]
