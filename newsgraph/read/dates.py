"""Dates in the forms news metadata prints them, normalized to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import UsageError, excerpt

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE}),?\s+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
# A month and day without a year ("August 31", "Aug. 31"), as datelines print them.
MONTH_DAY = re.compile(rf"\b({MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_RE})", re.I)

# Years outside this range are OCR slips or ids, not publication dates.
MIN_YEAR, MAX_YEAR = 1900, 2100


def _make(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_number(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def parse_date(value: str | None) -> str | None:
    """The first full date (day, month and year) in `value` as YYYY-MM-DD, else None.

    Reads ISO dates and timestamps, "04 July 2024", "July 4, 2024", "Mon, 04 Jul 2024
    08:46:00 GMT", "2024/07/04" and numeric "07/04/2024" (US order unless the first
    number cannot be a month). A value without a day is not a date here.
    """
    if not value:
        return None
    text = str(value).strip()
    if re.fullmatch(r"\d{10}(\.\d+)?", text):  # a Unix timestamp
        return dt.datetime.fromtimestamp(float(text), tz=dt.UTC).date().isoformat()
    candidates: list[tuple[int, str | None]] = []
    if m := _ISO.search(text):
        candidates.append((m.start(), _make(int(m[1]), int(m[2]), int(m[3]))))
    if m := _DMY.search(text):
        month = month_number(m[2])
        candidates.append((m.start(), _make(int(m[3]), month, int(m[1])) if month else None))
    if m := _MDY.search(text):
        month = month_number(m[1])
        candidates.append((m.start(), _make(int(m[3]), month, int(m[2])) if month else None))
    if m := _NUMERIC.search(text):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        month, day = (second, first) if first > 12 else (first, second)
        candidates.append((m.start(), _make(year, month, day)))
    found = sorted((pos, date) for pos, date in candidates if date)
    return found[0][1] if found else None


_USER_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_user_date(value: str, *, param: str) -> str:
    """A date the user typed for `param` (YYYY-MM-DD, a real day, year 1900-2100);
    `UsageError` naming `param` otherwise ("2024-13-45" is not a date)."""
    text = value.strip()
    m = _USER_DATE.fullmatch(text)
    date = _make(int(m[1]), int(m[2]), int(m[3])) if m else None
    if date is None:
        raise UsageError(param, f"not a date: {excerpt(value)} (expected YYYY-MM-DD, "
                                f"a real day between {MIN_YEAR} and {MAX_YEAR})")
    return date
