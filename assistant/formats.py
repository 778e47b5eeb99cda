"""Numbers, percentages, money, months and dates in an answer's language (Babel's CLDR data).

One ``Formats`` per language, built from the ``[format]`` table of that language's answer templates
(``prompts/answers*.toml``): the Babel locale plus the patterns of a month, a date and a range.

Rules, stated (the grounding check reads what these write):
- a whole number, or any number of 100 or more, has no decimals; 1 to 100 keeps one decimal, below 1
  two, trailing zeros dropped (``2,537``; ``43.9``; ``0.12``); thousands separators always
  (en ``2,322`` / ``2.5``; vi ``2.322`` / ``2,5``);
- the value is rounded by Python's ``round`` before Babel formats it, so the written figure is the
  source figure rounded (no float noise: never ``5600.0`` or ``23993.09`` where 23,993 is meant);
- percentages are given in percent (``12.28`` -> ``12.3%``); money in whole currency units from 100
  up (``€23,993``; VND has no decimals anyway); without a currency it is a plain number;
- a month is ``YYYY-MM`` written as words (``December 2026`` / ``tháng 12/2026``), a date ``YYYY-MM-DD``
  (``11 Jan 2027`` / ``11/1/2027``); anything else is shown as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def decimals_for(value: float) -> int:
    if float(value).is_integer() or abs(value) >= 100:
        return 0
    return 1 if abs(value) >= 1 else 2


@dataclass(frozen=True)
class Formats:
    locale: str = "en"
    month_pattern: str = "LLLL y"
    date_pattern: str = "d MMM y"
    range_pattern: str = "{first} to {last}"

    @classmethod
    def from_spec(cls, spec: dict) -> Formats:
        return cls(
            locale=spec.get("locale", "en"),
            month_pattern=spec.get("month", cls.month_pattern),
            date_pattern=spec.get("date", cls.date_pattern),
            range_pattern=spec.get("range", cls.range_pattern),
        )

    @cached_property
    def babel_locale(self) -> Locale:
        return Locale.parse(self.locale)

    # --- numbers -----------------------------------------------------------------------------------

    def number(self, value: float | int | None, decimals: int | None = None) -> str:
        if value is None:
            return "-"
        places = decimals_for(value) if decimals is None else decimals
        pattern = "#,##0" + ("." + "#" * places if places else "")
        return format_decimal(round(float(value), places), format=pattern, locale=self.babel_locale)

    def percent(self, value: float | None, signed: bool = False) -> str:
        """``value`` in percent: 12.28 -> "12.3%"; ``signed`` writes "+" on a rise."""
        if value is None:
            return "-"
        places = 0 if float(value).is_integer() or abs(value) >= 100 else 1
        body = "#,##0" + ("." + "#" * places if places else "") + "%"
        pattern = f"+{body};-{body}" if signed else body
        return format_percent(round(float(value), places) / 100, format=pattern, locale=self.babel_locale)

    def money(self, value: float | None, currency: str | None = None) -> str:
        if value is None:
            return "-"
        if not currency:
            return self.number(value)
        if abs(value) < 100:
            return format_currency(value, currency, locale=self.babel_locale)
        pattern = re.sub(r"[.,]0+", "", self.babel_locale.currency_formats["standard"].pattern)
        return format_currency(round(float(value)), currency, format=pattern, locale=self.babel_locale,
                               currency_digits=False)

    def probability(self, value: float | None) -> str:
        """A probability given as a fraction (0.63 -> "63%")."""
        return "-" if value is None else self.percent(round(float(value) * 100))

    # --- months and dates --------------------------------------------------------------------------

    def month(self, period: Any) -> str:
        match = _MONTH.match(str(period or ""))
        if not match:
            return "-" if period is None else str(period)
        when = date(int(match[1]), int(match[2]), 1)
        return format_date(when, self.month_pattern, locale=self.babel_locale)

    def months(self, periods: list[str] | None) -> str:
        """One month, or the first and last of several, in words."""
        if not periods:
            return ""
        if len(periods) == 1:
            return self.month(periods[0])
        return self.range_pattern.format(first=self.month(periods[0]), last=self.month(periods[-1]))

    def date(self, value: Any) -> str:
        match = _DATE.match(str(value or "")[:10])
        if not match:
            return "-" if value is None else str(value)
        when = date(int(match[1]), int(match[2]), int(match[3]))
        return format_date(when, self.date_pattern, locale=self.babel_locale)

    def join(self, items: list[str]) -> str:
        """"a, b and c" in the language."""
        return format_list([str(i) for i in items], locale=self.babel_locale) if items else ""
