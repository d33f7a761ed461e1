"""Calendar arithmetic over TIMEX3 values: weeks, quarters, seasons, intervals."""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from ..model import Interval

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")


def parse_day(value: str) -> date | None:
    """The day of a `YYYY-MM-DD` value (times included), else None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    idx = day.year * 12 + day.month - 1 + months
    year, month = divmod(idx, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def span_of(value: str | None) -> tuple[date, date, str] | None:
    """(first day, last day, precision) of a TIMEX3 DATE value, None when the value is
    not a calendar date (durations, PRESENT_REF, unknown parts)."""
    if not value:
        return None
    if (d := parse_day(value)) is not None:
        return d, d, "day"
    try:
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), month_end(y, mo), "month"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if value.endswith("-WE"):
                return monday + timedelta(days=5), monday + timedelta(days=6), "week"
            return monday, monday + timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), month_end(y, 3 * q), "season"
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return date(y, 6 * h - 5, 1), month_end(y, 6 * h), "season"
        if m := _SEASON.match(value):
            y = int(m[1])
            first, last = SEASONS[m[2]]
            if m[2] == "WI":
                return date(y, 12, 1), month_end(y + 1, 2), "season"
            return date(y, first, 1), month_end(y, last), "season"
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), None  # type: ignore[return-value]
    except ValueError:
        return None
    return None


def precision_and_interval(value: str | None) -> tuple[str | None, Interval | None]:
    """SPEC.md: a precision for every calendar value, an interval when coarser than a day."""
    span = span_of(value)
    if span is None:
        return None, None
    first, last, precision = span
    if precision == "day":
        return "day", None
    return precision, Interval(first.isoformat(), last.isoformat())


def weekday_in(first: date, last: date, weekday: int) -> list[date]:
    """Every day in [first, last] that falls on `weekday` (Monday = 0)."""
    if last < first:
        return []
    start = first + timedelta(days=(weekday - first.weekday()) % 7)
    days = []
    while start <= last:
        days.append(start)
        start += timedelta(days=7)
    return days


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` of a month; n = -1 for the last one."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def holiday(name: str, year: int) -> date | None:
    """The day of a fixed or rule-based (US) public holiday in `year`."""
    key = re.sub(r"[\s']+", " ", name.lower()).replace(" day", "").strip()
    fixed = {"christmas": (12, 25), "christmas eve": (12, 24), "new year s": (1, 1),
             "new years": (1, 1), "new year s eve": (12, 31), "independence": (7, 4),
             "halloween": (10, 31), "veterans": (11, 11), "valentine s": (2, 14)}
    if key in fixed:
        return date(year, *fixed[key])
    if key == "thanksgiving":
        return _nth_weekday(year, 11, 3, 4)
    if key == "labor":
        return _nth_weekday(year, 9, 0, 1)
    if key == "memorial":
        return _nth_weekday(year, 5, 0, -1)
    if key == "election":  # the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    return None
