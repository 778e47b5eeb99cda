"""``sop sales``, ``sop orders``, ``sop gaps --overstock`` and ``sop capacity`` as people read them, and the
look-back reading of the ``get_sales`` tool's period words."""

from __future__ import annotations

from datetime import date

import pytest
from cli.helpers import sop, sop_json

from tools.sales import look_back


@pytest.mark.parametrize("args, shown", [
    (["sales", "--sku", "OAT-1L", "--from", "2026-10", "--to", "2026-10"], "Sales of Oat Milk 1L, 2026-10..2026-10"),
    (["orders", "--ref", "po 1205"], "1 open order(s), 1 late against their need date"),
    (["gaps", "--overstock", "--family", "Juices"], "2 of 12 SKU(s) hold more than 3.0 months of cover"),
    (["capacity", "--resource", "rtm-l1", "--period", "January"], "RTM-L1"),
])
def test_the_commands_print_tables(demo, args, shown):
    result = sop(*args)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout


def test_usage_mistakes_are_clear(demo):
    error = sop_json("gaps", "--overstock", "--months", "3", ok=False)["error"]
    assert error["code"] == "invalid_argument" and "--overstock" in error["message"]
    unknown = sop("capacity", "--resource", "noodle line")
    assert unknown.exit_code == 1 and "no resource 'noodle line'" in unknown.stderr
    assert "Traceback" not in unknown.output
    assert "in the past" in sop_json("capacity", "--period", "2026-01", ok=False)["error"]["message"]


@pytest.mark.parametrize("words, months", [
    ("October", ("2026-10", "2026-10")),  # the latest October not in the future
    ("November", ("2026-11", "2026-11")),  # the current month
    ("december", ("2025-12", "2025-12")),
    ("Q1", ("2026-01", "2026-03")),
    ("last quarter", ("2026-07", "2026-09")),
    ("2026-05..2026-07", ("2026-05", "2026-07")),
    ("May 2025", ("2025-05", "2025-05")),
    ("next month", ("2026-12", "2026-12")),  # kept: the core then says it is not known yet
    (None, (None, None)),
])
def test_look_back_reads_a_bare_month_as_the_latest_one(words, months):
    assert look_back(words, date(2026, 11, 15)) == months
