"""KPIs: forecast accuracy at a lag, service, inventory, capacity, plan and budget, and reported metrics."""

from sop_engine.kpi.base import Kpi, KpiResult, KpiScope
from sop_engine.kpi.catalog import compute_kpi, get_kpi, kpi_catalog, kpi_scope, prepare_frames

__all__ = ["Kpi", "KpiResult", "KpiScope", "compute_kpi", "get_kpi", "kpi_catalog", "kpi_scope", "prepare_frames"]
