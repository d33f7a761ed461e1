"""The one place that settles an event's date: a calendar value or null, bounded by
what is known.

- A value is a TIMEX3 calendar date (day, week, month, quarter, season, year); a time
  of day is cut to its day ("2024-03-05TNI", the night of 5 March, is 5 March) and
  anything else (durations, PAST_REF) leaves the event undated.
- What an article reports as done happened by its publication day: an interval that
  runs past it ("since 2019", read to the day the text was processed) ends there, and
  one that lies wholly after it is dropped. A planned event's interval running to
  the day it was processed (an open "from now on", never a date the text gives)
  ends at publication too, and one starting more than PLANNED_HORIZON_DAYS ahead
  is dropped.
- An event called off or denied as happening ("cancelled the talks on Monday") has no
  date: the day the text gives is the calling off's.
- A planned event is not dated before the day it was told of; one told as done is
  not dated after it.
- An interval that runs to the present (an open term of office) ends at the
  article's publication, or, in an article with no date, is no date at all.
- A participant's term of office bounds nothing here yet (see the report of issue 9).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Event, Interval
from ..time.calendar import precision_and_interval, span_of

_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T")
# Statuses of what the article says has happened.
DONE = frozenset({"reported", "claimed", "denied"})
# A planned event is told at most this far ahead ("next year").
PLANNED_HORIZON_DAYS = 400
# An interval ending this close to the day it was processed runs to "now": a term of
# office still open as far as the knowledge base knows, or "since 2019" read to the
# present; never a date the text gives.
OPEN_END_DAYS = 31


def calendar_value(value: str | None) -> str | None:
    """`value` as a TIMEX3 calendar date, else None."""
    if not value:
        return None
    m = _TIME_OF_DAY.match(value)
    if m:
        value = m.group(1)
    return value if span_of(value) is not None else None


def settle(ev: Event, *, published: str | None) -> None:
    """Make `ev`'s date valid and bounded (in place)."""
    value = calendar_value(ev.date)
    if ev.status == "negated":
        # "cancelled the summit on Thursday", "did not meet on Monday": the day is the
        # calling off's; the event itself has none
        value = None
    if value is None:
        if ev.interval is None or ev.date is not None:
            ev.date, ev.precision, ev.interval = None, None, None
    else:
        precision, interval = precision_and_interval(value)
        ev.date, ev.precision = value, precision
        ev.interval = ev.interval if (ev.interval and precision != "day") else interval
    if ev.status in DONE and published and ev.precision == "day" and ev.date \
            and ev.date[:10] > published:
        # told as done, dated after the day it was told: the day belongs to something
        # else in the sentence (a caption's date, a plan's day)
        ev.date, ev.precision, ev.interval = None, None, None
        return
    if ev.status == "planned" and published and ev.date:
        span = span_of(ev.date)
        if span is not None and span[1].isoformat() < published:
            # "will visit", dated by a month already over when it was told: the date
            # belongs to something else in the sentence
            ev.date, ev.precision, ev.interval = None, None, None
            return
    if ev.interval is None:
        return
    open_end = ev.interval.end >= _shift(date.today().isoformat(), -OPEN_END_DAYS)
    if not published:
        if open_end:
            # undated article: "on Thursday" is any Thursday up to now, no date at all
            ev.date, ev.precision, ev.interval = None, None, None
        return
    start, end = ev.interval.start, ev.interval.end
    horizon = _shift(published, PLANNED_HORIZON_DAYS)
    if ev.status in DONE and start > published or start > horizon:
        # done after it was told, or planned years ahead: no date the text gives
        ev.date, ev.precision, ev.interval = None, None, None
    elif end > published and (ev.status in DONE or open_end):
        # "since 2019" (read up to the day it was processed), "while X is president":
        # what the article knows ends on its publication day
        ev.interval = Interval(start, published)
        if start == published:
            ev.date, ev.precision, ev.interval = published, "day", None


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()


__all__ = ["calendar_value", "settle"]
