"""Calendar months: parsing, arithmetic, and the period words of the data contract.

A period is a calendar month, represented at the public edge as ``YYYY-MM`` and inside frames as
the month's first day (``datetime.date`` or ``pandas.Timestamp``). Period words ("next month", "Q1",
"last 6 months", "in March", "YTD") are read here and only here, relative to the planning date, as
the data contract's table defines them.
"""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sop_engine.errors import InvalidArgument
from sop_engine.text import fold

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24,
    "a": 1, "an": 1, "couple of": 2, "a couple of": 2,
}

MAX_MONTH_COUNT = 36  # "64 tháng sau" is no run of 64 months: past this a number before "tháng" is no count
# (no "gói", "hộp", "túi": folded they are "gội" of "dầu gội", "hợp", "tui" = I)
# (a pack, "một phần tư" a quarter, "Số 5" a name's number; "doanh số 6 tháng qua" is sales of 6 months)
_PACK_COUNT_BEFORE = re.compile(r"(?:(?<![\w-])(?:of|x|(?<!\d\s)(?:pack|pk)|thung|bich|bao|phan|(?<!doanh\s)so)\s*"
                                r"|\dx\s*|\d/)$")  # ("5 pack 2 tháng tới": the pack is counted already)


def _not_a_month_count(m: re.Match[str], count: int) -> bool:
    """"Diapers M, pack of 64 tháng sau": a number that ends a pack size ("pack of 64", "3x80", "gói 12") or a
    count size ("tôm 16/20 tháng sau") or is absurd as a count of months (above MAX_MONTH_COUNT) is not the
    count of "N tháng tới"."""
    return count > MAX_MONTH_COUNT or bool(_PACK_COUNT_BEFORE.search(m.string[: m.start()]))


def _through_month(m, cur):
    # "ok through January", "until March", "enough to get us through March": from this month through the next
    # such month not in the past
    month = MONTHS[m[1]]
    year = cur.year if month >= cur.month else cur.year + 1
    return cur, date(year, month, 1)


def _not_a_period_word(text: str, match: re.Match[str]) -> bool | None:
    """"For now just tell me: ...": "for now" is "for the time being", no period. "fcst X mar": a short month
    name that ends the message is the month asked (True: not a period; False: a period; None: no say)."""
    word = match.group(0).strip()
    before = text[: match.start()].split()[-1:] or [""]
    if word == "now" and before[0] == "for":
        return True
    if word in ("may", "mar") and not before[0] and text[match.end():].lstrip()[:1] in (":", ","):
        return False  # "May: revenue vs budget, how bad was it?": the month the message opens with
    if word in ("may", "mar") and not text[match.end():].strip(" ?!.") and before[0] not in (
            "i", "we", "you", "they", "he", "she", "it", "who"):
        return False
    return None


def month_start(value: date | datetime | str) -> date:
    """The first day of the month holding ``value`` (a date, datetime or ISO text)."""
    if isinstance(value, str):
        return parse_month(value)
    if isinstance(value, datetime):
        value = value.date()
    return date(value.year, value.month, 1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> int:
    """Whole months from ``start``'s month to ``end``'s month (end - start)."""
    return (end.year - start.year) * 12 + end.month - start.month


def month_range(start: date, count: int) -> list[date]:
    return [add_months(month_start(start), i) for i in range(count)]


def months_from_to(start: date, end: date) -> list[date]:
    start, end = month_start(start), month_start(end)
    return [add_months(start, i) for i in range(months_between(start, end) + 1)]


def format_period(month: date | datetime) -> str:
    return f"{month.year:04d}-{month.month:02d}"


_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?\s*$")


def parse_month(text: str) -> date:
    """Parse ``2026-03``, ``2026-03-01`` or any ISO date in the month into the month's first day."""
    match = _ISO_MONTH.match(str(text))
    if not match:
        raise InvalidArgument(f"'{text}' is not a month; write it as YYYY-MM (e.g. 2026-03)")
    year, month, day = int(match[1]), int(match[2]), match[3]
    try:
        date(year, month, int(day) if day else 1)
    except ValueError:
        raise InvalidArgument(f"'{text}' is not a valid date") from None
    return date(year, month, 1)


def parse_date(text: str) -> date:
    """Parse an ISO date (``2026-03-17``)."""
    try:
        return date.fromisoformat(str(text).strip()[:10])
    except ValueError:
        raise InvalidArgument(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


@dataclass(frozen=True)
class PeriodRange:
    """A run of consecutive months, with the words it was read from."""

    start: date
    end: date
    words: str = ""
    bare: bool = False  # a month or quarter named without its year ("March", "Q1", "tháng 10")
    whole_year: bool = False  # a year named by its number ("in 2025"): a look-back question clips it to the past
    parts: tuple = ()  # the periods a comparison or a list joins ("October compared to September"), in order
    unclear: bool = False  # several periods in several sentences, none of them the question's
    others: tuple = ()  # the words of the periods of the message's other sentences (context, not the question)
    open_end: bool = False  # "from March" with no end: a question that looks back reads it through last month

    @property
    def months(self) -> list[date]:
        return months_from_to(self.start, self.end)

    @property
    def labels(self) -> list[str]:
        return [format_period(m) for m in self.months]

    def to_dict(self) -> dict:
        return {"from": format_period(self.start), "to": format_period(self.end), "months": self.labels,
                "words": self.words}

    def __str__(self) -> str:
        if self.start == self.end:
            return format_period(self.start)
        return f"{format_period(self.start)} .. {format_period(self.end)}"


def _count(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(token)


_COUNT = r"(\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_MONTH_NAME = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"

# Each rule: a pattern over normalised text and a function of (match, current month) -> (start, end).
# Order matters: the more specific phrase first.
_RULES: list[tuple[re.Pattern[str], object, object]] = []


def _rule(pattern: str, bare=False):
    """Register a rule; ``bare`` (a bool or a function of the match) marks a month or quarter without year."""

    def register(fn):
        # the whole pattern between word edges: "now" is no word of "know", whatever its alternatives
        _RULES.append((re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])"), fn, bare))
        return fn

    return register


@_rule(r"(\d{4})-(\d{1,2})\s*(?:\.\.|to|through|until|-)\s*(\d{4})-(\d{1,2})")
def _iso_span(m, cur):
    return date(int(m[1]), int(m[2]), 1), date(int(m[3]), int(m[4]), 1)


@_rule(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?")
def _iso(m, cur):
    d = date(int(m[1]), int(m[2]), 1)
    return d, d


@_rule(r"(?:the\s+)?(?:(q[1-4])|(h[12]|(?:first|1st|front|second|2nd|back)\s+half)|" + _MONTH_NAME
       + r"|(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter)\s+(?:of\s+)?(next|this|last)\s+year")
def _period_of_a_relative_year(m, cur):
    # "Q3 next year", "March next year", "the first half of next year", "the first quarter next year": that
    # period of the year named
    year = cur.year + {"next": 1, "this": 0, "last": -1}[m[5]]
    if m[1] or m[4]:
        q = int(m[1][1]) if m[1] else _ORDINAL_QUARTER[m[4]]
        start = date(year, (q - 1) * 3 + 1, 1)
        return start, add_months(start, 2)
    if m[2]:
        start = date(year, 1 if m[2] == "h1" or m[2].startswith(("first", "1st", "front")) else 7, 1)
        return start, add_months(start, 5)
    d = date(year, MONTHS[m[3]], 1)
    return d, d


@_rule(_MONTH_NAME + r"\s+(\d{4})")
def _named_month_year(m, cur):
    d = date(int(m[2]), MONTHS[m[1]], 1)
    return d, d


@_rule(r"q([1-4])(?:\s*(?:of\s+|-|/)?\s*(\d{4})|\s*'(\d{2}))?", bare=lambda m: not (m[2] or m[3]))
def _quarter(m, cur):
    q = int(m[1])
    if m[2] or m[3]:
        year = int(m[2]) if m[2] else 2000 + int(m[3])
    else:
        # the next Q that is not entirely in the past
        year = cur.year if (q - 1) * 3 + 3 >= cur.month else cur.year + 1
    start = date(year, (q - 1) * 3 + 1, 1)
    return start, add_months(start, 2)


@_rule(r"(?:the\s+)?(next|last|past|previous|coming|following)\s+(?:" + _COUNT
       + r"\s+months?|(\d{1,2})\s?(?:m|mos?|mths?|mnths?))")
def _n_months(m, cur):
    # "next 3 months"; in chat shorthand "next 3m", "last 6mo" (a count of months after next/last)
    n = _count(m[2] or m[3]) or 1
    if n > MAX_MONTH_COUNT:  # "next 64 months": no planning horizon; left unread (asked back)
        raise ValueError(m[0])
    if m[1] in ("last", "past", "previous"):
        return add_months(cur, -n), add_months(cur, -1)
    return add_months(cur, 1), add_months(cur, n)


@_rule(r"(next|last|past|previous|coming|following)\s+" + _COUNT + r"\s+quarters?")
def _n_quarters(m, cur):
    n = (_count(m[2]) or 1) * 3
    q_start = date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1)
    if m[1] in ("last", "past", "previous"):
        return add_months(q_start, -n), add_months(q_start, -1)
    return add_months(q_start, 3), add_months(q_start, 2 + n)


@_rule(r"(this|current|next|coming|last|previous|past)\s+quarter")
def _rel_quarter(m, cur):
    q_start = date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1)
    shift = {"this": 0, "current": 0, "next": 3, "coming": 3}.get(m[1], -3)
    start = add_months(q_start, shift)
    return start, add_months(start, 2)


@_rule(r"(mtd|month to date|this month so far|so far this month|(?:tu\s+)?dau\s+thang\s+(?:toi|den)\s+(?:nay|gio))")
def _mtd(m, cur):
    return cur, cur


# (no "financial year to date": a fiscal year's months are not known here)
@_rule(r"(?<!financial\s)(?<!fiscal\s)(ytd|year to date|this year so far|so far this year)")
def _ytd(m, cur):
    if cur.month == 1:
        return date(cur.year - 1, 1, 1), date(cur.year - 1, 12, 1)
    return date(cur.year, 1, 1), add_months(cur, -1)


@_rule(r"(this|current|next|last|previous)\s+year")
def _rel_year(m, cur):
    year = cur.year + {"this": 0, "current": 0, "next": 1}.get(m[1], -1)
    return date(year, 1, 1), date(year, 12, 1)


@_rule(r"(?:this|current)\s+month\s+(?:and|&|\+|or)\s+(?:the\s+)?next(?:\s+one)?")
def _this_month_and_next(m, cur):
    # "this month and next", "this month or next": the current month and the next one
    return cur, add_months(cur, 1)


@_rule(r"(this|current)\s+month|today|now|currently|right now")
def _this_month(m, cur):
    return cur, cur


_ORDINAL_QUARTER = {"1st": 1, "first": 1, "2nd": 2, "second": 2, "3rd": 3, "third": 3, "4th": 4, "fourth": 4}


@_rule(r"(?:the\s+)?(?:(1st|2nd|3rd|4th|first|second|third|fourth)\s+quarter|quarter\s+([1-4]))"
       r"(?:\s+(?:of\s+)?(\d{4}))?", bare=lambda m: not m[3])
def _ordinal_quarter(m, cur):
    # "the 2nd quarter of 2026", "second quarter", "quarter 3": as Q2, Q2, Q3
    q = _ORDINAL_QUARTER[m[1]] if m[1] else int(m[2])
    year = int(m[3]) if m[3] else (cur.year if (q - 1) * 3 + 3 >= cur.month else cur.year + 1)
    start = date(year, (q - 1) * 3 + 1, 1)
    return start, add_months(start, 2)


@_rule(r"(?:the\s+)?(?:h([12])|(first|1st|front|second|2nd|back)\s+half)(?:\s+(?:of\s+)?(\d{4}))?"
       r"|(6\s+thang|nua)\s+(dau|cuoi)\s+nam(?:\s+(\d{4})|\s+(sau|toi|ke tiep|tiep theo|nay|ngoai|truoc))?",
       bare=lambda m: not (m[3] or m[6] or m[7]))
def _half_year(m, cur):
    # "H1 2027", "the second half", "6 tháng đầu năm": January to June, or July to December;
    # "6 tháng đầu năm sau": of next year ("năm sau", "năm tới" name the year of the half)
    first = m[1] == "1" or m[2] in ("first", "1st", "front") or m[5] == "dau"
    year_text = m[3] or m[6]
    start_month = 1 if first else 7
    if year_text:
        year = int(year_text)
    elif m[7]:
        year = cur.year + {"nay": 0, "ngoai": -1, "truoc": -1}.get(m[7], 1)
    elif m[4]:  # "6 tháng đầu năm": of this year
        year = cur.year
    else:  # the next such half not entirely in the past
        year = cur.year if start_month + 5 >= cur.month else cur.year + 1
    start = date(year, start_month, 1)
    return start, add_months(start, 5)


@_rule(_MONTH_NAME + r"\s*(?:-|'|/)\s*'?(\d{2})")
def _named_month_short_year(m, cur):
    # "feb-27", "jan '27", "jan/27": the month of 2027
    d = date(2000 + int(m[2]), MONTHS[m[1]], 1)
    return d, d


@_rule(r"(1[0-2]|0?[1-9])\s*/\s*(\d{4})")
def _numeric_month_year(m, cur):
    # "1/2027", "03/2026": month/year
    d = date(int(m[2]), int(m[1]), 1)
    return d, d


YEAR_WINDOW = 6  # a number reads as a year only this close to the planning date's year (never 2771, never 8936)
_YEAR_CUES = r"(?:in|for|of|during|over|throughout|across|through|cy|year|nam|trong)"  # not "fy": a fiscal year


@_rule(_YEAR_CUES + r"\s+(?:the\s+(?:whole\s+|full\s+|entire\s+)?(?:year\s+)?)?((?:19|20)\d{2})")
def _whole_year(m, cur):
    # "in 2025", "for 2027", "năm 2025": that calendar year, January to December
    year = int(m[1])
    if abs(year - cur.year) > YEAR_WINDOW:
        raise ValueError(year)
    return date(year, 1, 1), date(year, 12, 1)


def _christmas_year(cur) -> int:
    today = _TODAY.get()
    return today.year + 1 if (today.month, today.day) > (12, 25) else today.year


@_rule(r"(?:between\s+)?(?:now\s+)?(?:and|to|until|till|til|through|thru|by|before)?\s*(?:the\s+)?"
       r"(?:end\s+of\s+(?:the\s+|this\s+)?year|year[\s-]end|eoy|rest\s+of\s+(?:the\s+|this\s+)?year"
       r"|remainder\s+of\s+(?:the\s+|this\s+)?year)")
def _to_year_end(m, cur):
    # "through end of year", "between now and end of year", "rest of the year": this month to December
    return cur, date(cur.year, 12, 1)


@_rule(r"(?:(?:tu\s+(?:nay|gio|bay\s+gio)\s+)?(?:den|toi)\s+)?cuoi\s+nam(?:\s+nay)?")
def _vi_to_year_end(m, cur):
    # "đến cuối năm", "từ giờ đến cuối năm": this month to December
    return cur, date(cur.year, 12, 1)


@_rule(r"(?:before|by|until|till|til|ahead\s+of|up\s+to)\s+(?:christmas|xmas)")
def _before_christmas(m, cur):
    # "before Christmas": the rest of this month up to December
    year = _christmas_year(cur)
    return cur, date(year, 12, 1)


@_rule(r"(?:for|over|at|around|during|in)\s+(?:christmas|xmas)")
def _at_christmas(m, cur):
    d = date(_christmas_year(cur), 12, 1)
    return d, d


@_rule(r"((?:19|20)\d{2})\s*(?:-|to|through|until|till|and)\s*((?:19|20)\d{2})")
def _year_span(m, cur):
    # "2025-2026", "2025 to 2027": January of the first to December of the last
    first, last = int(m[1]), int(m[2])
    if last < first or abs(first - cur.year) > YEAR_WINDOW or abs(last - cur.year) > YEAR_WINDOW:
        raise ValueError(m[0])
    return date(first, 1, 1), date(last, 12, 1)


@_rule(r"(?:in|within)\s+(?:the\s+)?(?:next\s+)?" + _COUNT + r"\s+months?(?:'?\s*time)?|" + _COUNT
       + r"\s+months?\s+(?:from\s+now|out|ahead)")
def _months_from_now(m, cur):
    # "in 2 months", "3 months from now": that month (a period "within the next 3 months" is the next 3 months)
    n = _count(m[1] or m[2]) or 1
    if "within" in m[0] or "next" in m[0]:
        return add_months(cur, 1), add_months(cur, n)
    d = add_months(cur, n)
    return d, d


@_rule(r"(?:the\s+)?(next|coming|following|last|past|previous)\s+(\d{1,3}|" + "|".join(NUMBER_WORDS)
       + r")\s+(days|weeks)")
def _n_days(m, cur):
    # "the next 30 days", "last 6 weeks": the months those days touch
    n = (_count(m[2]) or 1) * (7 if m[3] == "weeks" else 1)
    today = _TODAY.get()
    if m[1] in ("last", "past", "previous"):
        return month_start(today - timedelta(days=n)), cur
    return cur, month_start(today + timedelta(days=n))


@_rule(r"(?<![\d/.,-])(\d{1,3})\s+(ngay|tuan)\s+(toi|sap toi|qua|vua qua)(?![\w-])")
def _vi_n_days(m, cur):
    # "30 ngày tới", "6 tuần qua": the months those days touch ("trễ thêm 10 ngày nữa" is a delay, no period)
    n = int(m[1]) * (7 if m[2] == "tuan" else 1)
    today = _TODAY.get()
    if m[3] in ("qua", "vua qua"):
        return month_start(today - timedelta(days=n)), cur
    return cur, month_start(today + timedelta(days=n))


@_rule(r"(?:the\s+)?(next|coming|following|last|past|previous)\s+fortnight")
def _fortnight(m, cur):
    # "over the next fortnight": the months those 14 days touch
    today = _TODAY.get()
    if m[1] in ("last", "past", "previous"):
        return month_start(today - timedelta(days=14)), cur
    return cur, month_start(today + timedelta(days=14))


@_rule(r"(?:cung\s+ky\s+)?nam\s+(ngoai|truoc|nay|sau|toi)\s+(?:(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])(?![\d/.-])"
       r"|quy\s*([1-4]|iv|i{1,3})(?![\d/]))")
def _vi_relative_year_then_period(m, cur):
    # "năm ngoái tháng 8", "cùng kỳ năm ngoái quý 3": that month or quarter of the year named before it
    year = cur.year + {"nay": 0, "ngoai": -1, "truoc": -1}.get(m[1], 1)
    if m[3]:
        start = date(year, (_roman(m[3]) - 1) * 3 + 1, 1)
        return start, add_months(start, 2)
    d = date(year, int(m[2]), 1)
    return d, d


@_rule(r"(?:this\s+time|same\s+(?:month|time))\s+(?:of\s+)?last\s+year|(?:cung\s+ky|thang\s+nay)\s+nam\s+(?:ngoai|truoc)")
def _same_month_last_year(m, cur):
    d = add_months(cur, -12)
    return d, d


@_rule(r"(?:the\s+)?coming\s+year|(?:the\s+)?next\s+twelve\s+months")
def _coming_year(m, cur):
    return add_months(cur, 1), add_months(cur, 12)


@_rule(r"(?:week|wk|tuan(?!\s*0?[1-5]\s+(?:thang|cua)\b))\s*(\d{1,2})", bare=True)  # "tuần 2 của tháng 3": no week 2
def _iso_week(m, cur):
    # "week 50", "tuần 23": the month of that ISO week's Monday, the next such week not in the past ("tuần 2
    # tháng 6" is a week of June, no ISO week)
    week = int(m[1])
    year = cur.year
    if date.fromisocalendar(year, week, 1) < _TODAY.get() - timedelta(days=6):
        year += 1
    d = month_start(date.fromisocalendar(year, week, 1))
    return d, d


@_rule(r"(?:next|coming|following)\s+month|in a month")
def _next_month(m, cur):
    d = add_months(cur, 1)
    return d, d


@_rule(r"(?:last|previous|past)\s+month")
def _last_month(m, cur):
    d = add_months(cur, -1)
    return d, d


@_rule(r"(?:the\s+)?month after(?:\s+next)?")
def _month_after(m, cur):
    d = add_months(cur, 2)
    return d, d


@_rule(r"(?:from\s+)?" + _MONTH_NAME + r"\s*(?:-|–|to|through|until|till)\s*" + _MONTH_NAME
       + r",?\s+(?:of\s+)?(last|this|next|previous)\s+year")
def _named_month_span_of_a_year(m, cur):
    # "Sept–Nov last year", "from June to August this year": those months of that year
    year = cur.year + {"this": 0, "next": 1}.get(m[3], -1)
    first, second = MONTHS[m[1]], MONTHS[m[2]]
    return date(year, first, 1), date(year if second >= first else year + 1, second, 1)


@_rule(r"(?:tu\s+)?(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])\s*(?:den|toi|-|–)\s*(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])"
       r"\s+(?:cua\s+)?nam\s+(nay|ngoai|truoc|roi|sau|toi)(?![\w-])")
def _vi_month_span_of_a_year(m, cur):
    # "từ tháng 9 đến tháng 11 năm ngoái": those months of that year
    year = cur.year + {"nay": 0, "sau": 1, "toi": 1}.get(m[3], -1)
    first, second = int(m[1]), int(m[2])
    return date(year, first, 1), date(year if second >= first else year + 1, second, 1)


@_rule(r"(?:from\s+)?" + _MONTH_NAME + r"\s*(?:-|–|to|through|until|till)\s*" + _MONTH_NAME, bare=True)
def _named_month_span(m, cur):
    # "January to March", "jan-mar": from the next such first month to the next second month after it
    first, second = MONTHS[m[1]], MONTHS[m[2]]
    start = date(cur.year if first >= cur.month else cur.year + 1, first, 1)
    end = date(start.year if second >= first else start.year + 1, second, 1)
    return start, end


@_rule(r"(?:ever\s+since|since(?:\s+the|\s+(?:it|we|they)\s+(?:launched|started|began|came\s+out|went\s+live"
       r"|went\s+on\s+sale)(?:\s+in)?)?|(?:ke\s+)?tu)\s+(?:(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])|" + _MONTH_NAME
       + r"|q([1-4]))(?:\s+(\d{4}))?(?:\s+(?:den\s+nay|toi\s+nay|den\s+gio|toi\s+gio|so\s+far|to\s+date))?"
       r"(?=\s*(?:$|[?.,!;:]|\s+(?!(?:den|toi|to|through|until|till|-)\b)))")
def _since_month(m, cur):
    # "since March", "since Q2", "since the May launch", "since it launched in August", "kể từ tháng 3": from
    # the latest such month not in the future through the last complete month (an open range looking back)
    month = int(m[1]) if m[1] else MONTHS[m[2]] if m[2] else (int(m[3]) - 1) * 3 + 1
    if m[0].split()[0] == "tu" and "nay" not in m[0] and "gio" not in m[0]:
        raise ValueError  # "từ tháng 3" alone also starts a forward range: read by the other rules
    last = add_months(cur, -1)
    start = date(int(m[4]), month, 1) if m[4] else date(last.year if month <= last.month else last.year - 1, month, 1)
    if start > last:
        raise ValueError
    return start, last


@_rule(r"(?:from|starting(?:\s+from|\s+in)?|beginning(?:\s+in)?)\s+" + _MONTH_NAME
       + r"(?:\s+(?:onwards?|on))?(?!\s*(?:(?:-|–|to|through|until|till)(?![\w-])|\d|'))", bare=True)
def _from_month(m, cur):
    # "from March": March (the next one not in the past); a look-back question reads it through the last
    # complete month (``open_end``)
    return _named_month(m, cur)


_rule(r"(?:all\s+the\s+way\s+|right\s+)?(?:through|thru|until|till|til|up\s+to)\s+(?:to\s+)?(?:the\s+end\s+of\s+)?"
      + _MONTH_NAME + r"(?!\s*\d)")(_through_month)


@_rule(r"(?:last|previous)\s+" + _MONTH_NAME + r"(?!\s*\d)")
def _last_named_month(m, cur):
    # "last July", "last November" in November: the latest such month before the current one
    month = MONTHS[m[1]]
    d = date(cur.year if month < cur.month else cur.year - 1, month, 1)
    return d, d


@_rule(_MONTH_NAME, bare=True)
def _named_month(m, cur):
    # "in March", "by March": the next March that is not in the past
    month = MONTHS[m[1]]
    year = cur.year if month >= cur.month else cur.year + 1
    d = date(year, month, 1)
    return d, d


# --- Vietnamese period words (matched on folded text: with or without diacritics) -------------------------
VI_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
                   "chin": 9, "muoi": 10, "muoi hai": 12, "muoi tam": 18}
_VI_COUNT = r"(\d{1,2}|" + "|".join(sorted(VI_NUMBER_WORDS, key=len, reverse=True)) + r")"
_VI_NEXT = r"(?:toi|sau|ke tiep|tiep theo|sap toi|ke)"
_VI_LAST = r"(?:qua|truoc|vua qua|gan day|gan nhat|vua roi|roi)"
_VI_THIS = r"(?:nay|hien tai|nay)"
_VI_RELATIVE_YEAR = r"(?:sau|toi|ke tiep|tiep theo|nay|ngoai|truoc|roi)"
# "tháng 1 năm sau", "tháng 8 cùng kỳ năm ngoái": of that year
_VI_NOT_OF_A_YEAR = r"(?!\s+(?:cua\s+|cung\s+ky\s+)?nam\s+" + _VI_RELATIVE_YEAR + r"(?![\w-]))"


def _vi_count(token: str) -> int:
    return int(token) if token.isdigit() else VI_NUMBER_WORDS.get(token, 1)


def _roman(text: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(text) or int(text)


@_rule(r"(?:tu\s+)?(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])\s*(?:den|toi|->|-)\s*(?:het\s+)?(?:thang|thg|th|t)?\s*"
       r"(1[0-2]|0?[1-9])(?!\s*/\s*\d)", bare=True)
def _vi_month_span(m, cur):
    # "từ tháng 1 đến tháng 6", "T1-T6": from the next such first month to the second after it
    first, second = int(m[1]), int(m[2])
    start = date(cur.year if first >= cur.month else cur.year + 1, first, 1)
    end = date(start.year if second >= first else start.year + 1, second, 1)
    return start, end


@_rule(r"(?:den|toi)\s+(?:het\s+)?(?:thang|thg|th)\s*(1[0-2]|0?[1-9])(?![\d/.-])" + _VI_NOT_OF_A_YEAR)
def _vi_through_month(m, cur):
    # "có đủ bán đến tháng 1 không", "trụ được tới hết tháng 2": from this month through the next such month
    month = int(m[1])
    return cur, date(cur.year if month >= cur.month else cur.year + 1, month, 1)


@_rule(r"(?:thang|thg|th|t)\s*(\d{1,2})\s*(?:/|-|\s+nam\s+)\s*(\d{4})")
def _vi_month_year(m, cur):
    d = date(int(m[2]), int(m[1]), 1)
    return d, d


@_rule(r"quy\s*([1-4]|iv|i{1,3})" + _VI_NOT_OF_A_YEAR + r"\s*(?:(?:/|-|nam)\s*)?(\d{4})?", bare=lambda m: not m[2])
def _vi_quarter(m, cur):
    q = _roman(m[1])
    year = int(m[2]) if m[2] else (cur.year if (q - 1) * 3 + 3 >= cur.month else cur.year + 1)
    start = date(year, (q - 1) * 3 + 1, 1)
    return start, add_months(start, 2)


@_rule(r"(?:sau\s+|trong\s+)?" + _VI_COUNT + r"\s+thang\s+nua")
def _vi_months_from_now(m, cur):
    # "2 tháng nữa": the month two months from now
    d = add_months(cur, _vi_count(m[1]))
    return d, d


@_rule(_VI_COUNT + r"\s+thang\s+" + _VI_NEXT)
def _vi_next_n_months(m, cur):
    if _not_a_month_count(m, _vi_count(m[1])):
        raise ValueError(m[0])
    return add_months(cur, 1), add_months(cur, _vi_count(m[1]))


@_rule(_VI_COUNT + r"\s+thang\s+" + _VI_LAST)
def _vi_last_n_months(m, cur):
    if _not_a_month_count(m, _vi_count(m[1])):
        raise ValueError(m[0])
    return add_months(cur, -_vi_count(m[1])), add_months(cur, -1)


@_rule(r"(thang|quy|nam)\s+truoc\s+nua")
def _vi_before_last(m, cur):
    # "tháng trước nữa", "quý trước nữa", "năm trước nữa": the month, quarter or year before the last one
    if m[1] == "thang":
        d = add_months(cur, -2)
        return d, d
    if m[1] == "quy":
        start = add_months(date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1), -6)
        return start, add_months(start, 2)
    return date(cur.year - 2, 1, 1), date(cur.year - 2, 12, 1)


@_rule(r"thang\s+" + _VI_THIS)
def _vi_this_month(m, cur):
    return cur, cur


@_rule(r"thang\s+" + _VI_NEXT)
def _vi_next_month(m, cur):
    d = add_months(cur, 1)
    return d, d


@_rule(r"thang\s+" + _VI_LAST)
def _vi_last_month(m, cur):
    d = add_months(cur, -1)
    return d, d


@_rule(r"quy\s+" + _VI_THIS)
def _vi_this_quarter(m, cur):
    start = date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1)
    return start, add_months(start, 2)


@_rule(r"quy\s+" + _VI_NEXT)
def _vi_next_quarter(m, cur):
    start = add_months(date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1), 3)
    return start, add_months(start, 2)


@_rule(r"quy\s+" + _VI_LAST)
def _vi_last_quarter(m, cur):
    start = add_months(date(cur.year, (cur.month - 1) // 3 * 3 + 1, 1), -3)
    return start, add_months(start, 2)


@_rule(r"tu\s+dau\s+nam(?:\s+(?:den|toi)\s+nay)?|luy ke nam")
def _vi_ytd(m, cur):
    return _ytd(m, cur)


@_rule(r"nam\s+(nay|sau|toi|ngoai|truoc|roi)")
def _vi_year(m, cur):
    year = cur.year + {"nay": 0, "sau": 1, "toi": 1}.get(m[1], -1)
    return date(year, 1, 1), date(year, 12, 1)


@_rule(r"(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])(?!\s*(?:/|-)\s*\d)(?!\s+nam\s+\d)" + _VI_NOT_OF_A_YEAR, bare=True)
def _vi_month(m, cur):
    month = int(m[1])
    d = date(cur.year if month >= cur.month else cur.year + 1, month, 1)
    return d, d


_TODAY: ContextVar[date] = ContextVar("planning_date")


def _week_month(shift_days: int) -> tuple[date, date]:
    """The month holding the planning date moved by whole weeks ("last week" on 2026-11-15: November)."""
    d = month_start(_TODAY.get() + timedelta(days=shift_days))
    return d, d


@_rule(r"(?:this|current) week|tuan nay|tuan nay")
def _this_week(m, cur):
    return _week_month(0)


@_rule(r"(?:last|previous|past) week|tuan (?:truoc|roi|qua|vua roi|vua qua)")
def _last_week(m, cur):
    return _week_month(-7)


@_rule(r"(?:next|coming) week|tuan (?:sau|toi)")
def _next_week(m, cur):
    return _week_month(7)


def looking_back(period: PeriodRange | None, planning_date: date) -> PeriodRange | None:
    """A question that looks back reads a bare month or quarter as the latest one not in the future:
    "sales in October" on 2026-11-15 is 2026-10, "Q4" is 2026-Q4, "March" 2026-03. A year named by its
    number ends with the last complete month ("sales in 2026" on 2026-11-15: 2026-01 .. 2026-10). Periods
    joined by a comparison are each read so, and the answer covers them all."""
    if period is None:
        return period
    current = month_start(planning_date)
    if period.parts:
        parts = tuple(looking_back(p, planning_date) for p in period.parts)
        return replace(period, start=min(p.start for p in parts), end=max(p.end for p in parts), parts=parts)
    if period.whole_year and period.end >= current and period.start < current:
        return replace(period, end=add_months(current, -1))
    if not period.bare:
        return period
    start, end = period.start, period.end
    while start > current:
        start, end = add_months(start, -12), add_months(end, -12)
    if period.open_end and start <= add_months(current, -1):  # "sales from March": through the last month
        end = add_months(current, -1)
    return replace(period, start=start, end=end)


# Words between two periods that join them into one question about both ("October compared to September",
# "tháng 1 so với tháng 12", "December and January"), and a period told relative to the one before it.
_JOINS = re.compile(r"^[\s,;&/+-]*(?:(?:vs\.?|versus|compared\s+(?:to|with)|against|than|and|or|with|then|plus|so\s+voi"
                    r"|voi|va|hoac|hay|cung|and\s+also)(?:\s+(?:in|for|during|over))?[\s,;&/+-]*)*$")  # "and in"
_JOIN_WORD = re.compile(r"^[\s,;&/+-]*(?:vs\.?|versus|compared\s+(?:to|with)|against|than|and|or|with|so\s+voi"
                        r"|voi|va)\s+")
_BEFORE_IT = re.compile(r"^(?:the\s+)?(month|quarter|year)\s+before(?:\s+(?:that|it))?(?![\w-])"
                        r"|^(?:the\s+)?(?:one|month)\s+prior(?![\w-])|^(thang|quy|nam)\s+truoc\s+(?:do|nua)(?![\w-])")


def message_period(text: str, planning_date: date) -> PeriodRange | None:
    """The period a message asks about. One expression: that one. Several in one sentence joined by a
    comparison or a list ("October compared to September", "last month vs the month before", "tháng 12 với
    tháng 1"): all of them (``parts``; the range covers them). Several in several sentences: the ones of the
    last question's sentence; when no sentence is a question, the last sentence's, marked ``unclear``."""
    found = period_mentions(text, planning_date)
    if not found:
        return None
    sentences = sorted({m.sentence for m in found})
    unclear = False
    others: tuple = ()
    if len(sentences) > 1:
        asked = [m.sentence for m in found if m.question]
        chosen = asked[-1] if asked else sentences[-1]
        unclear = not asked
        others = tuple(m.period.words for m in found if m.sentence != chosen)
        found = [m for m in found if m.sentence == chosen]
    text = _NOT_CUES.sub(r"\1x", unicodedata.normalize("NFC", text))  # "Cold Brew Đen tháng 4": black, no "đến"
    normalised = " " + _spelled_out(re.sub(r"[ \t\r\f\v]+", " ", re.sub(r"\s*\n\s*", " \n ", fold(text)))) + " "
    joined = [found[0]]
    for m in found[1:]:
        if not _JOINS.match(normalised[joined[-1].end:m.start]):
            break
        joined.append(m)
    parts = [m.period for m in joined]
    rest = normalised[joined[-1].end:]
    join = _JOIN_WORD.match(rest)
    if join:
        before = _BEFORE_IT.match(rest[join.end():])
        if before:  # "last month vs the month before": the month before the one just named
            unit = next(g for g in before.groups() if g) if any(before.groups()) else "month"
            step = {"quarter": 3, "quy": 3, "year": 12, "nam": 12}.get(unit, 1)
            last = parts[-1]
            parts.append(PeriodRange(add_months(last.start, -step), add_months(last.end, -step),
                                     before.group(0).strip(), last.bare))
            end_text = joined[-1].end + join.end() + before.end()
        else:
            end_text = joined[-1].end
    else:
        end_text = joined[-1].end
    if len(parts) == 1:
        p = parts[0]
        return PeriodRange(p.start, p.end, p.words, p.bare, p.whole_year, (), unclear, others) if others else p
    words = normalised[joined[0].start:end_text].strip()
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    return PeriodRange(start, end, words, all(p.bare for p in parts), False, tuple(parts), unclear, others)


# Chat shorthand for period words, and month names typed with a slip ("febuary"), read as written out.
SHORTHAND = {"nxt": "next", "mth": "month", "mnth": "month", "mths": "months", "mo": "month", "mos": "months",
              "qtr": "quarter",
              "qtrs": "quarters", "yr": "year", "lst": "last", "las": "last", "prev": "previous",
              "trc": "truoc", "ng": "ngay", "th": "thang", "thg": "thang",
              "thag": "thang", "thnag": "thang"}  # folded: the text is folded first
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4]


def _spelled_out(text: str) -> str:
    from rapidfuzz import fuzz, process

    words = text.split(" ")
    for i, word in enumerate(words):
        bare = word.strip("?.,!;:")
        if bare in SHORTHAND:
            words[i] = word.replace(bare, SHORTHAND[bare])
        elif len(bare) >= 6 and bare.isalpha() and bare not in MONTHS:
            found = process.extractOne(bare, _FULL_MONTHS, scorer=fuzz.ratio, score_cutoff=86)
            if found:
                words[i] = word.replace(bare, found[0])
    return " ".join(words)


def parse_period_words(text: str, planning_date: date) -> PeriodRange | None:
    """Read the first period expression in ``text`` relative to ``planning_date``; None if there is none.

    >>> str(parse_period_words("are we short next month?", date(2026, 11, 15)))
    '2026-12'
    """
    found = period_mentions(text, planning_date)
    return found[0].period if found else None


@dataclass(frozen=True)
class PeriodMention:
    """A period expression found in a message: where it is in the folded text, and in which sentence."""

    start: int
    end: int
    sentence: int  # the index of its sentence (split at . ! ? and line breaks)
    question: bool  # its sentence ends with a question mark
    period: PeriodRange


_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n")


# words typed with marks that fold like a period cue but are other words: "đen" (black) is no "đến" (until),
# "tôi" (I) and "tối" (evening) no "tới" (next)
_NOT_CUES = re.compile(r"(?<!\w)(đen|tôi|tối)(?!\w)", re.IGNORECASE)


def period_mentions(text: str, planning_date: date) -> list[PeriodMention]:
    """Every period expression in ``text``, in order, none overlapping another: at each place the earliest
    match, and on a tie the more specific rule."""
    text = _NOT_CUES.sub(r"\1x", unicodedata.normalize("NFC", text))  # "Cold Brew Đen tháng 4": black, no "đến"
    normalised = " " + _spelled_out(re.sub(r"[ \t\r\f\v]+", " ", re.sub(r"\s*\n\s*", " \n ", fold(text)))) + " "
    current = month_start(planning_date)
    _TODAY.set(planning_date if isinstance(planning_date, date) else current)
    found: list[tuple[int, int, int, PeriodRange]] = []
    for order, (pattern, fn, bare) in enumerate(_RULES):
        for match in pattern.finditer(normalised):
            # "is May ep 1 loaded in December": not "may", but "december"
            if _is_false_month(normalised, match):
                continue
            try:
                start, end = fn(match, current)  # type: ignore[operator]
            except ValueError:  # "tháng 13", a year far from today: not a period
                continue
            is_bare = bare(match) if callable(bare) else bool(bare)
            period = PeriodRange(start, end, match.group(0).strip(), is_bare, fn in (_whole_year, _year_span),
                                 open_end=fn is _from_month)
            found.append((match.start(), order, match.end(), period))
    found.sort(key=lambda f: f[:2])
    ends = [m.end() for m in _SENTENCE_END.finditer(normalised)]
    out: list[PeriodMention] = []
    taken_to = -1
    for start, _order, end, period in found:
        if start < taken_to:
            continue
        taken_to = end
        sentence = sum(1 for e in ends if e <= start)
        closing = next((e for e in ends if e > start), None)
        question = closing is not None and normalised[:closing].rstrip().endswith("?") or (
            closing is None and normalised.rstrip().endswith("?"))
        out.append(PeriodMention(start, end, sentence, question, period))
    return out


def _is_false_month(text: str, match: re.Match[str]) -> bool:
    """'may' and 'mar' are also ordinary words: accept them only next to a period cue."""
    word = match.group(0).strip()
    idiom = _not_a_period_word(text, match)
    if idiom is not None:
        return idiom
    if word not in ("may", "mar"):  # the other short names ("oct", "dec") are not everyday words
        return False
    before = text[: match.start()].split()[-1:] or [""]
    after = text[match.end():].split()[:1] or [""]
    cues = {"in", "by", "for", "of", "until", "through", "since", "from", "to", "during", "before", "after",
            "vs", "vs.", "versus", "against"}
    compared = after[0].rstrip(",") in ("compared", "vs", "vs.", "versus", "against")  # "May compared to April"
    return before[0] not in cues and not after[0].isdigit() and not compared


def parse_period_arg(text: str | None, planning_date: date) -> PeriodRange | None:
    """Read a period argument: ISO (``2026-12``, ``2026-12..2027-02``) or words (``next month``)."""
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    if ".." in text:  # an ISO range: 2026-12..2027-02
        start, _, end = text.partition("..")
        first, last = parse_month(start.strip()), parse_month(end.strip())
        if last < first:
            raise InvalidArgument(f"'{text}' ends before it starts")
        return PeriodRange(first, last, text)
    if _ISO_MONTH.match(text):
        d = parse_month(text)
        return PeriodRange(d, d, text)
    found = parse_period_words(text, planning_date)
    if found is None:
        raise InvalidArgument(
            f"'{text}' is not a period I can read; use YYYY-MM or words like 'next month', 'Q1', "
            "'next 3 months'"
        )
    return found


@_rule(r"(?:(?:thang|thg|th|t)\s*(1[0-2]|0?[1-9])|quy\s*([1-4]|iv|i{1,3}))\s+(?:cua\s+|cung\s+ky\s+)?nam\s+("
       + _VI_RELATIVE_YEAR + ")")
def _vi_period_of_a_relative_year(m, cur):
    # "tháng 1 năm sau", "quý 3 năm nay", "tháng 12 năm ngoái": that month or quarter of the year named
    year = cur.year + {"nay": 0, "ngoai": -1, "truoc": -1, "roi": -1}.get(m[3], 1)
    if m[2]:
        start = date(year, (_roman(m[2]) - 1) * 3 + 1, 1)
        return start, add_months(start, 2)
    d = date(year, int(m[1]), 1)
    return d, d
