"""The one date parser: month names, dates in the forms news metadata and sentences print
them, normalized to YYYY-MM-DD. Every stage reads dates through here (the reader's
metadata, the cleaner's publication lines and datelines, the time stage's tagger, the
actors stage's "On May 19, ..." days)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

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


# "May 19", "May 19, 2024", "19 May", "19 May 2024" in a sentence: a capitalized full
# month name (a lower-case "may" is the verb), the day, and an optional year.
_SENTENCE_MD = re.compile(
    r"\b(?P<m>[A-Z][a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y>\d{4}))?\b")
_SENTENCE_DM = re.compile(r"\b(?P<d>\d{1,2}) (?P<m>[A-Z][a-z]+)(?: (?P<y>\d{4}))?\b")
FULL_MONTHS = {name: n for name, n in MONTHS.items() if len(name) > 4 or name in
               ("may", "june", "july")}


def days_in_sentence(text: str, year: int | None) -> list[str]:
    """The days `text` names in the plain forms above, as YYYY-MM-DD in their own year or
    else `year` (none without either), "May 19" forms before "19 May" forms."""
    out = []
    for pattern in (_SENTENCE_MD, _SENTENCE_DM):
        for m in pattern.finditer(text):
            month = FULL_MONTHS.get(m.group("m").lower())
            if month is None:
                continue
            y = int(m.group("y")) if m.group("y") else year
            if y is None:
                continue
            try:
                out.append(dt.date(y, month, int(m.group("d"))).isoformat())
            except ValueError:
                continue
    return out


def article_dates(article: Any) -> tuple[str, str] | None:
    """(first, last) day the article's date may be: one day, or its interval."""
    if article.published:
        return article.published[:10], article.published[:10]
    if article.date_interval is not None:
        return article.date_interval.start, article.date_interval.end
    return None


def sentence_day(sent: Any, article: Any) -> str | None:
    """The date a role phrase is read on: a day named in `sent` (a spaCy span), from the
    time stage's timexes or, when it gave none, from the plain "May 19" / "19 May" forms
    read in the article's year ("On May 19, a helicopter carrying the Iranian
    president" -> May 19). Only days before the article's date count: a later day is a
    plan ("will be held from October 22"), and the office holder then is the one on the
    article's date."""
    anchor = article.published[:10] if article.published else None
    for timex in article.timexes:
        if (sent.start_char <= timex.start < sent.end_char and timex.precision == "day"
                and timex.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value)
                and (anchor is None or timex.value <= anchor)):
            return str(timex.value)
    for day in days_in_sentence(sent.text, int(anchor[:4]) if anchor else None):
        if anchor is None or day <= anchor:
            return day
    return None
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
