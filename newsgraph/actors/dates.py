"""The date a role phrase is read on: the article's date, or the day its own sentence
names ("On May 19, a helicopter carrying the Iranian president" -> May 19)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

_MONTHS = {m: i for i, m in enumerate(
    ("january february march april may june july august september october november "
     "december").split(), start=1)}
_MD = re.compile(r"\b(?P<m>[A-Z][a-z]+)\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,? (?P<y>\d{4}))?\b")
_DM = re.compile(r"\b(?P<d>\d{1,2}) (?P<m>[A-Z][a-z]+)(?: (?P<y>\d{4}))?\b")


def article_dates(article: Any) -> tuple[str, str] | None:
    """(first, last) day the article's date may be: one day, or its interval."""
    if article.published:
        return article.published[:10], article.published[:10]
    if article.date_interval is not None:
        return article.date_interval.start, article.date_interval.end
    return None


def sentence_day(sent: Any, article: Any) -> str | None:
    """A day named in `sent` (a spaCy span), from the time stage's timexes or, when it
    gave none, from the plain "May 19" / "19 May" forms read in the article's year.
    Only days before the article's date count: a later day is a plan ("will be held
    from October 22"), and the office holder then is the one on the article's date."""
    anchor = article.published[:10] if article.published else None
    for timex in article.timexes:
        if (sent.start_char <= timex.start < sent.end_char and timex.precision == "day"
                and timex.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value)
                and (anchor is None or timex.value <= anchor)):
            return str(timex.value)
    for pattern in (_MD, _DM):
        for m in pattern.finditer(sent.text):
            month = _MONTHS.get(m.group("m").lower())
            if month is None:
                continue
            day = int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else (int(anchor[:4]) if anchor else None)
            if year is None:
                continue
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if anchor and found.isoformat() > anchor:
                continue
            return found.isoformat()
    return None
