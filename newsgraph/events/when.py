"""The one place that settles an event's date: a calendar value or null, bounded by
what is known.

- A value is a TIMEX3 calendar date (day, week, month, quarter, season, year); a time
  of day is cut to its day ("2024-03-05TNI", the night of 5 March, is 5 March) and
  anything else (durations, PAST_REF) leaves the event undated.
- What an article reports as done happened by its publication day: an interval that
  runs past it ("since 2019", read to the day the text was processed) ends there, and
  one that lies wholly after it is dropped.
- A participant's term of office bounds nothing here yet (see the report of issue 9).
"""

from __future__ import annotations

import re

from ..model import Event, Interval
from ..time.calendar import precision_and_interval, span_of

_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T")
# Statuses of what the article says has happened.
DONE = frozenset({"reported", "claimed", "denied"})


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
    if value is None:
        if ev.interval is None or ev.date is not None:
            ev.date, ev.precision, ev.interval = None, None, None
    else:
        precision, interval = precision_and_interval(value)
        ev.date, ev.precision = value, precision
        ev.interval = ev.interval if (ev.interval and precision != "day") else interval
    if ev.interval is None or not published or ev.status not in DONE:
        return
    start, end = ev.interval.start, ev.interval.end
    if start > published:
        ev.date, ev.precision, ev.interval = None, None, None
    elif end > published:
        ev.interval = Interval(start, published)
        if start == published:
            ev.date, ev.precision, ev.interval = published, "day", None


__all__ = ["calendar_value", "settle"]
