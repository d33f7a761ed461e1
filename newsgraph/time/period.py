"""The reporting period of a financial story.

An earnings report compares its quarter with the same quarter a year before, so in
"net income rose to $5 million from $3 million a year earlier" the TimeML value of
"a year earlier" is that quarter one year back (1988-Q3), not the year 1988; "the
latest period" and "the quarter" are the quarter itself, "the 1988 period" its
counterpart in 1988. The reporting quarter is the nearest quarter the story names
that is already over, and so is a "year-earlier" or "year-ago" result. "Last year"
stays a year: TimeBank annotates it so more often than not, even in earnings reports.
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import quarter_of
from .formats import MONTHS
from .normalize import Value
from .tagger import Found

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
# A sentence that compares figures: money, per-share amounts or percentages.
_FIGURES = re.compile(r"\$|#|\bcents?\b|%|\bper cent\b|\ba share\b|\bpercent\b", re.IGNORECASE)
_ENDED = re.compile(r"\s+end(?:ed|ing)\s+([A-Z][a-z]+)\.?\s+\d", re.ASCII)

Piece = tuple[int, int, Value]


def quarter_ended(text: str, found: Found, ref: date | None) -> str | None:
    """"the quarter ended Sept. 30": the calendar quarter holding its last day."""
    if found.rule != "the_unit" or (found.parts.get("unit") or "").lower() != "quarter":
        return None
    m = _ENDED.match(text, found.end)
    if not m or ref is None or m[1].lower() not in MONTHS:
        return None
    month = MONTHS[m[1].lower()]
    year = ref.year - 1 if month > ref.month else ref.year
    return f"{year}-Q{quarter_of(date(year, month, 1))}"


def is_quarter(value: str | None, *, ended_by: date | None = None) -> bool:
    """A YYYY-Qn value; with `ended_by`, only a quarter over by that day (a report's
    period is behind it: "a loss in the fourth quarter" in October is a forecast)."""
    m = _QUARTER.match(value or "")
    if not m:
        return False
    if ended_by is None:
        return True
    year, q = int(m[1]), int(m[2])
    return (year, q * 3) < (ended_by.year, ended_by.month)


def _shift_year(period: str, years: int) -> str:
    m = _QUARTER.match(period)
    assert m is not None
    return f"{int(m[1]) + years}-Q{m[2]}"


def in_period(found: Found, pieces: list[Piece], *, period: str | None,
              sentence: str) -> list[Piece]:
    """`pieces` with the values a reporting quarter implies, else unchanged."""
    rule, p = found.rule, found.parts
    if rule == "year_period":
        if p.get("ord") or period is None:
            return pieces
        return _set(pieces, f"{p['y']}-Q{period[-1]}", "narrative")
    if period is None:
        return pieces
    if rule == "the_unit":
        rel = (p.get("rel") or "").strip().lower()
        unit = (p.get("unit") or "").lower()
        if rel in ("year-earlier", "year-ago", "comparable", "corresponding") \
                and unit in ("period", "quarter"):
            return _set(pieces, _shift_year(period, -1), "narrative")
        if unit == "period" or unit == "quarter" and rel in ("latest", "same", ""):
            return _set(pieces, period, "narrative")
        return pieces
    if rule == "relunit" and (p.get("unit") or "").lower() == "quarter" \
            and (p.get("rel") or "").lower() == "this":
        return _set(pieces, period, "narrative")  # "This quarter's loss": the one reported
    if not _FIGURES.search(sentence):
        return pieces
    if rule == "yearago_adj":
        return _set(pieces, _shift_year(period, -1), "narrative")
    if rule == "ago" and (p.get("unit") or "").lower() == "year" \
            and (p.get("n") or "").lower() in ("a", "one", "1") \
            and (p.get("dir") or "").lower() in ("ago", "earlier"):
        return _set(pieces, _shift_year(period, -1), "narrative")
    return pieces


def _set(pieces: list[Piece], value: str, anchor: str) -> list[Piece]:
    return [(s, e, Value("DATE", value, anchor)) for s, e, _ in pieces]
