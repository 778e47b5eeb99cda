"""Argument models of the assistant's tools: the public interface a model (or the offline router) fills.

Products may be given as a SKU code, a product name or a family; periods as ISO months
(``2026-12``, ``2026-12..2027-02``) or words (``next month``, ``Q1``, ``next 3 months``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sop_engine.limits import MAX_LAG, MAX_RANGE_MONTHS, MAX_SCENARIO_CHANGES


class _Args(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DemandChange(_Args):
    sku: str | None = Field(None, description="SKU code or product name the change applies to")
    family: str | None = Field(None, description="Family the change applies to")
    pct: float = Field(..., description="Percent: 20 = +20%, -10 = -10%")
    months: list[str] | None = Field(None, description="Months affected (YYYY-MM); omitted = every month")


class SupplyChange(_Args):
    ref: str = Field(..., description="Reference of an open order, e.g. PO-1182")
    delay_days: int | None = Field(None, description="Days late (negative = early)")
    quantity: float | None = Field(None, description="New quantity of the order")
    cancel: bool | None = Field(None, description="True to cancel the order")


class CapacityChange(_Args):
    resource: str = Field(..., description="Production line or work centre")
    months: list[str] | None = Field(None, description="Months affected (YYYY-MM); omitted = every month")
    available_hours: float = Field(..., description="Available hours per month in the scenario")


class DriverChange(_Args):
    driver: str = Field(..., description="A demand driver's name as in the data, e.g. ad_spend")
    sku: str | None = Field(None, description="SKU code or product name; omitted (with family) = every SKU whose "
                                              "forecast uses the driver")
    family: str | None = Field(None, description="Family the change applies to")
    pct: float | None = Field(None, description="Percent: 30 = +30%")
    value: float | None = Field(None, description="The driver's value in those months instead of the plan")
    months: list[str] | None = Field(None, description="Months affected (YYYY-MM); omitted = every planned month")


class Scenario(_Args):
    demand_changes: list[DemandChange] = Field(default_factory=list, max_length=MAX_SCENARIO_CHANGES)
    supply_changes: list[SupplyChange] = Field(default_factory=list, max_length=MAX_SCENARIO_CHANGES)
    capacity_changes: list[CapacityChange] = Field(default_factory=list, max_length=MAX_SCENARIO_CHANGES)
    driver_changes: list[DriverChange] = Field(default_factory=list, max_length=MAX_SCENARIO_CHANGES)

    @model_validator(mode="after")
    def _bounded(self):
        count = (len(self.demand_changes) + len(self.supply_changes) + len(self.capacity_changes)
                 + len(self.driver_changes))
        if count > MAX_SCENARIO_CHANGES:
            raise ValueError(f"a scenario holds at most {MAX_SCENARIO_CHANGES} changes; this one has {count}")
        return self


class CheckShortagesArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    period: str | None = Field(
        None,
        description="Month(s) asked about: 'next month', 'Q1', '2026-12'; omitted = the current month and the next 3",
    )
    scenario: Scenario | None = Field(None, description="A what-if: demand, supply, capacity or driver changes")


class GetForecastArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    period: str | None = Field(None, description="Month(s): 'next month', 'Q1', '2027-01..2027-03'")
    version: str = Field("published", description="'published', 'latest' or a version id")


class ReforecastArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    exclude: list[str] = Field(
        default_factory=list, max_length=MAX_RANGE_MONTHS,
        description="Past months to treat as outliers (a promo spike): YYYY-MM or month names"
    )
    history_until: str | None = Field(None, description="Use history up to this month only (YYYY-MM)")
    note: str | None = Field(None, max_length=500, description="Why this re-forecast")
    scenario: Scenario | None = Field(None, description="A what-if on demand (demand or driver changes): the "
                                                        "draft is marked as a scenario and cannot be published")


class PublishForecastArgs(_Args):
    version: str = Field("latest", description="A draft version id, or 'latest'")


class ReconcilePlanArgs(_Args):
    family: str | None = Field(None, description="A family (or a product, whose family is used); omitted = all")
    period: str | None = Field(None, description="Months: 'next quarter', 'next 6 months'; omitted = 6 months")


class GetKpiArgs(_Args):
    name: str = Field(
        ...,
        description="wape, mape, bias, tracking_signal, fva, fill_rate, otif, days_of_supply, inventory_turns, "
        "inventory_value, capacity_utilization, plan_attainment, revenue_vs_budget or a metric of kpi_actuals",
    )
    product: str | None = Field(None, description="SKU code, product name or family")
    period: str | None = Field(None, description="Months: 'last 6 months', 'YTD', '2026-01..2026-06'")
    lag: int | None = Field(None, ge=0, le=MAX_LAG,
                            description="Forecast lag in months for accuracy KPIs (1 = made the month before)")


class FindProductsArgs(_Args):
    query: str = Field(..., max_length=200, description="Part of a SKU code, product name or family")


class ChartArgs(_Args):
    product: str = Field(..., description="SKU code or product name")


class SearchMeetingNotesArgs(_Args):
    query: str = Field(..., max_length=500, description="What to look for in past S&OP meeting notes")
    meeting: Literal["product_review", "demand_review", "supply_review", "pre_sop", "executive_sop", "other"] | None = (
        Field(None, description="Only notes of this meeting kind")
    )
    period: str | None = Field(None, description="Only notes from these months: 'last quarter', '2026-06'")
    product: str | None = Field(None, description="Only notes that mention this SKU or family")


class ListDecisionsArgs(_Args):
    kind: Literal["decision", "action_item"] | None = Field(
        None, description="Decisions or action items; omitted = both"
    )
    open_only: bool = Field(False, description="Only action items not yet done")
    owner: str | None = Field(None, description="Owner's name (or part of it)")
    product: str | None = Field(None, description="SKU code, product name or family mentioned")
    mentions: str | None = Field(None, description="A word or reference the item mentions, e.g. PO-1182 or promo")
    period: str | None = Field(None, description="Meeting months: 'last month', 'Q3'")


class GetSalesArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    period: str | None = Field(
        None,
        description="Past month(s): 'October', 'last quarter', '2026-08..2026-10'; a bare month is the latest "
        "such month not in the future; omitted = the last 3 complete months",
    )


class GetOrdersArgs(_Args):
    ref: str | None = Field(None, description="An order reference as in supply.csv, e.g. PO-1182, 4500012345")
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every open order")


class CheckOverstockArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")


class GetCapacityArgs(_Args):
    resource: str | None = Field(None, description="A production line or work centre; omitted = every resource")
    period: str | None = Field(
        None, description="Month(s): 'January', 'next quarter', '2027-01'; omitted = the current month and the next 3"
    )


class GetDriverEffectsArgs(_Args):
    product: str | None = Field(None, description="SKU code, product name or family; omitted = every SKU")
    driver: str | None = Field(None, description="One demand driver's name as in the data (e.g. ad_spend); "
                                                 "omitted = every driver")


TOOL_ARGS: dict[str, type[_Args]] = {
    "check_shortages": CheckShortagesArgs,
    "get_forecast": GetForecastArgs,
    "reforecast": ReforecastArgs,
    "publish_forecast": PublishForecastArgs,
    "reconcile_plan": ReconcilePlanArgs,
    "get_kpi": GetKpiArgs,
    "find_products": FindProductsArgs,
    "chart": ChartArgs,
    "search_meeting_notes": SearchMeetingNotesArgs,
    "list_decisions": ListDecisionsArgs,
    "get_sales": GetSalesArgs,
    "get_orders": GetOrdersArgs,
    "check_overstock": CheckOverstockArgs,
    "get_capacity": GetCapacityArgs,
    "get_driver_effects": GetDriverEffectsArgs,
}
WRITE_TOOLS = {"publish_forecast"}
PLANNER_TOOLS = {"reforecast", "publish_forecast"}
JOB_TOOLS = {"reforecast"}  # long runs: a server runs them as jobs (``ctx.extras["run_job"]``), in a worker process
