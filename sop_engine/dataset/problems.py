"""Repeated identical problems, grouped: one line per problem text, with the rows it occurs on.

A single occurrence keeps the ``file:row: column: problem`` shape; a repeated one reads
``file: 208 rows: column: problem (rows 2–209)``. ``to_dict()`` is the machine-readable form, with the
rows as ``[first, last]`` ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sop_engine.dataset.reader import Problem

MAX_RANGES_SHOWN = 8


@dataclass
class ProblemGroup:
    file: str
    column: str | None
    message: str
    rows: list[int] = field(default_factory=list)  # physical line numbers, ascending; empty for a whole file

    @property
    def count(self) -> int:
        return max(len(self.rows), 1)

    def ranges(self) -> list[list[int]]:
        spans: list[list[int]] = []
        for row in self.rows:
            if spans and row <= spans[-1][1] + 1:
                spans[-1][1] = max(spans[-1][1], row)
            else:
                spans.append([row, row])
        return spans

    def __str__(self) -> str:
        if len(self.rows) <= 1:
            return str(Problem(self.file, self.rows[0] if self.rows else None, self.column, self.message))
        spans = self.ranges()
        shown = ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans[:MAX_RANGES_SHOWN])
        if len(spans) > MAX_RANGES_SHOWN:
            shown += f", … ({len(spans) - MAX_RANGES_SHOWN} more ranges)"
        where = f"{self.file}: {len(self.rows):,} rows"
        what = f"{self.column}: {self.message}" if self.column else self.message
        return f"{where}: {what} (rows {shown})"

    def to_dict(self) -> dict:
        return {"file": self.file, "column": self.column, "message": self.message, "count": self.count,
                "rows": self.ranges(), "text": str(self)}


def group_problems(problems: list[Problem]) -> list[ProblemGroup]:
    """Problems with the same file, column and text become one group, in order of first appearance."""
    groups: dict[tuple[str, str | None, str, bool], ProblemGroup] = {}
    for problem in problems:
        key = (problem.file, problem.column, problem.message, problem.row is None)
        group = groups.get(key)
        if group is None:
            group = groups[key] = ProblemGroup(problem.file, problem.column, problem.message)
        if problem.row is not None:
            group.rows.append(problem.row)
    for group in groups.values():
        group.rows = sorted(set(group.rows))
    return list(groups.values())
