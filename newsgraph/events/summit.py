"""A meeting told with the summit it took place at: the summit's days and city, from
the knowledge base's summit list (facts, not name look-ups).

- "Lee met Park on the sidelines of the G20 summit" with no day of its own: the
  meeting lies within the summit's days, at its city.
- "They last met at the G20" (told as past, no year): the most recent such summit
  up to the article's publication; "will meet at the G20": the next one from it.
- A "place" that is the summit itself ("at the G-20 summit" taken as a venue name) is
  no place; the summit's city is.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from ..model import Event, Interval, Location
from ..time.calendar import span_of

# How far from publication a summit told without a year may lie; one within NEAR_DAYS
# of it is the summit the article is about ("Lee will meet Park at the summit", told
# the week of the summit, even in a past-tense report of the preparations).
MAX_YEARS_BACK = 3
NEAR_DAYS = 14
PAST = frozenset({"reported", "claimed", "denied", "negated"})
_EVENT_WORDS = ("summit", "meeting", "talks", "conference")


class SummitKB(Protocol):
    def country(self, text: str) -> Any: ...

    def summits(self, *, org: str | None = None, city: str | None = None,
                country: str | None = None, year: int | None = None) -> list[Any]: ...


def _not_a_place(loc: Location | None) -> bool:
    return loc is not None and any(w in loc.name.lower() for w in _EVENT_WORDS)


def _pick(summits: list[Any], ev: Event, published: str | None) -> Any:
    span = span_of(ev.date) if ev.date else None
    if ev.interval is not None:
        lo, hi = ev.interval.start, ev.interval.end
    elif span is not None:
        lo, hi = span[0].isoformat(), span[1].isoformat()
    else:
        lo = hi = None
    if lo and hi:  # the summit the event's own date falls in
        inside = [s for s in summits if s.start <= hi and lo <= s.end]
        return inside[0] if len(inside) == 1 else None
    if not published:
        return None
    near = [s for s in summits if abs(_days(s.start, published)) <= NEAR_DAYS
            or abs(_days(s.end, published)) <= NEAR_DAYS]
    if len(near) == 1:  # the summit of the week the article ran, whatever its tense
        return near[0]
    floor = f"{int(published[:4]) - MAX_YEARS_BACK}{published[4:]}"
    if ev.status in PAST:
        past = [s for s in summits if floor <= s.start <= published]
        return past[-1] if past else None
    ahead = [s for s in summits if s.end >= published]
    return ahead[0] if ahead else None


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days


def anchor(ev: Event, *, published: str | None, kb: SummitKB | None) -> None:
    """Give `ev` (in place) the days and city of the summit its occasion names."""
    if _not_a_place(ev.location):
        ev.location = None
    if kb is None or not ev.occasion or not ev.occasion.endswith(" summit"):
        return
    org = ev.occasion.removesuffix(" summit")
    try:
        summits = kb.summits(org=org)
    except (KeyError, ValueError):
        return
    summit = _pick(summits, ev, published)
    if summit is None:
        if ev.precision == "day" and summits and ev.date:
            # dated on a day of no such summit: the summit named in its sentence was
            # another occasion ("flew in from the G7 to meet Lee"), and its city too
            cities = {s.city for s in summits}
            ev.occasion = None
            if ev.location is not None and ev.location.name in cities:
                ev.location = None
        return
    if ev.precision != "day":
        if summit.start == summit.end:
            ev.date, ev.precision, ev.interval = summit.start, "day", None
        else:
            ev.date, ev.precision = None, None
            ev.interval = Interval(summit.start, summit.end)
    if summit.city and (ev.location is None or (
            ev.location.country == summit.country and kb.country(ev.location.name)
            is not None)):
        # no place, or only the host country ("in Germany"): the summit's city
        ev.location = Location(summit.city, summit.country)


__all__ = ["anchor"]
