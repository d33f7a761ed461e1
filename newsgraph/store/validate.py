"""Query parameters checked before they reach SQL: one `UsageError` naming the
parameter and the reason, never a silent "no events match" for nonsense.

    since, until = date_range("2024", "2024-03")   # ("2024-01-01", "2024-03-31")

Dates are TIMEX-like: YYYY, YYYY-MM or YYYY-MM-DD (a real day); `since` is the first
day it names and `until` the last. Types are PLOVER types. Names (actors, speakers,
ids) are matched literally: bound as parameters, LIKE wildcards escaped
(`like_literal`), and at most `MAX_NAME_CHARS` long.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..errors import UsageError, excerpt

MAX_NAME_CHARS = 200  # longer than any actor name or id; SQLite's LIKE stops at 50,000
MAX_SEARCH_CHARS = 1_000
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_WORD = re.compile(r"\w")


def _bounds(value: str, *, param: str) -> tuple[str, str]:
    m = _DATE.fullmatch(value.strip())
    try:
        if m is None:
            raise ValueError
        year = int(m[1])
        if m[3]:
            day = dt.date(year, int(m[2]), int(m[3]))
            return day.isoformat(), day.isoformat()
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1]
            return (dt.date(year, month, 1).isoformat(),
                    dt.date(year, month, last).isoformat())
        return dt.date(year, 1, 1).isoformat(), dt.date(year, 12, 31).isoformat()
    except (ValueError, calendar.IllegalMonthError) as e:
        raise UsageError(param, f"not a date: {excerpt(value)} (expected YYYY, YYYY-MM or "
                                "YYYY-MM-DD)") from e


def date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """`since` and `until` as first and last days (YYYY-MM-DD); UsageError for a value
    that is no date or a range that ends before it starts."""
    first = _bounds(since, param="--since")[0] if since else None
    last = _bounds(until, param="--until")[1] if until else None
    if first and last and last < first:
        raise UsageError("--until", f"{until} is before --since {since}: an empty range")
    return first, last


def event_type(value: str | None) -> str | None:
    """A PLOVER type, upper-cased; UsageError naming the known ones otherwise."""
    if value is None:
        return None
    from ..events import TYPES

    name = value.strip().upper()
    if name not in TYPES:
        raise UsageError("--type", f"not a PLOVER type: {excerpt(value)} (one of "
                                   f"{', '.join(TYPES)})")
    return name


def name(value: str | None, *, param: str) -> str | None:
    """An actor, speaker or id as typed: stripped, not empty, not over the limit."""
    if value is None:
        return None
    text = value.strip()
    if not text or not _WORD.search(text):
        raise UsageError(param, f"not a name or id: {excerpt(value)}")
    if len(text) > MAX_NAME_CHARS:
        raise UsageError(param, f"too long: {len(text):,} characters (at most "
                                f"{MAX_NAME_CHARS})")
    return text


def search(value: str | None) -> str | None:
    """Words to search for (matched as one phrase)."""
    if value is None:
        return None
    if len(value) > MAX_SEARCH_CHARS:
        raise UsageError("--search", f"too long: {len(value):,} characters (at most "
                                     f"{MAX_SEARCH_CHARS})")
    if not _WORD.search(value):
        raise UsageError("--search", f"no word to search for in {excerpt(value)}")
    return value


def like_literal(text: str) -> str:
    """`text` for `LIKE ... ESCAPE '\\'`: its %, _ and \\ match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
