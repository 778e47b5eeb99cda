"""Small hand-written meeting notes for the notes tests (imported by conftest and tests)."""

from __future__ import annotations

from pathlib import Path

DEMAND_REVIEW = """---
date: 2026-09-15
meeting: demand_review
title: September demand review
attendees: [Lan Nguyen, Omar Haddad]
tags: [promo]
---
# September demand review

Opening remarks about the quarter.

## Discussion
Retail partner Brightmart asked to pull the autumn oat promotion forward by two weeks.
Sales believes the uplift on OAT-1L will be about 20 percent.

## Decisions
- Raise the October consensus for OAT-1L by 15 percent to cover the Brightmart promotion.
- Keep the almond family flat until the new listing is confirmed.

## Action items
- [ ] Lan Nguyen: expedite PO-1182 with the carton supplier (due 2026-09-30)
- [x] Omar Haddad: share the promotion calendar with supply
- [ ] Priya Shah: check pallet space at the Leeds warehouse (due 2026-10-05)
"""

SUPPLY_REVIEW = """---
date: 2026-10-02
meeting: supply_review
title: October supply review
---
## Capacity
Line 2 filler is down for maintenance in week 42; the bottling plant loses three shifts.

## Decisions
- Move ALM-500 production from line 2 to line 3 during the maintenance window.

## Action items
- [ ] Marco Rossi: confirm overtime on line 3 (due 2026-10-09)
"""

EXEC_SOP = """---
date: 2026-11-03
meeting: executive_sop
---
# Executive S&OP November

## Decisions
- Approve the capital request for a second filler on the oat line.
- Freeze the Brightmart price until January.

## Risks
Cocoa prices keep climbing and may squeeze the chocolate drink margin.
"""


def write_fixture_notes(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2026-09-15-demand-review.md").write_text(DEMAND_REVIEW, encoding="utf-8")
    (folder / "2026-10-02-supply-review.md").write_text(SUPPLY_REVIEW, encoding="utf-8")
    (folder / "2026-11-03-executive.txt").write_text(EXEC_SOP, encoding="utf-8")
    return folder
