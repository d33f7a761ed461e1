"""A meeting told with the summit it took place at: the summit's days and city, from
the knowledge base's summit list (facts, not name look-ups).

- "Lee met Park on the sidelines of the G20 summit" with no day of its own: the
  meeting lies within the summit's days, at its city.
- "They last met at the G20" (told as past, no year): the most recent such summit
  up to the article's publication; "will meet at the G20": the next one from it.
- A meeting of two heads of state at one of their summits the KB lists (its
  `parties`): dated on its days, told at its town ("met Kim in Singapore"), or told
  the fortnight of it, it takes the summit's days and town; a summit told without
  a day as past takes the latest within RECENT_DAYS, as planned the next within
  UPCOMING_DAYS. A summit still ahead at publication makes a "reported" meeting
  there a planned one.
- A "place" that is the summit itself ("at the G-20 summit" taken as a venue name) is
  no place; the summit's city is.
"""

from __future__ import annotations

import re
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

    def place(self, text: str) -> Any: ...

    def holders(self, country: str, role: str, on: str) -> list[Any]: ...

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


def _told_as_ahead(ev: Event, summit: Any, published: str | None) -> bool:
    """Whether `ev` may take `summit`'s days. A summit still ahead at publication was
    not yet held: a meeting there told in a past-tense sentence ("said Lee was to meet
    Park at the summit") is planned; one claimed or denied to have happened is some
    other meeting, and takes no days from it."""
    if not published or summit.start <= published or ev.status not in PAST:
        return True
    if ev.status == "reported":
        ev.status = "planned"
        return True
    return False


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days


def anchor(ev: Event, *, published: str | None, kb: SummitKB | None,
           told: list[Any] | None = None) -> None:
    """Give `ev` (in place) the days and city of the summit its occasion names, or
    of one of `told`, the summits the article tells of (`summits_told`)."""
    if _not_a_place(ev.location):
        ev.location = None
    if kb is not None and ev.type == "CONSULT":
        summit = _bilateral(ev, published, kb)
        if summit is not None and _told_as_ahead(ev, summit, published):
            _take(ev, summit, kb)
            return
        held = _held_there(ev, kb) or _of_the_article(ev, told or [], kb)
        if held is not None:
            _take_days(ev, held)
            ev.location = Location(held.city, held.country)
            return
    if kb is None or not ev.occasion or not ev.occasion.endswith(" summit"):
        return
    org = ev.occasion.removesuffix(" summit")
    try:
        summits = kb.summits(org=org)
    except (KeyError, ValueError):
        return
    summit = _pick(summits, ev, published)
    if summit is not None and not _told_as_ahead(ev, summit, published):
        return
    if summit is None:
        if ev.precision == "day" and summits and ev.date:
            # dated on a day of no such summit: the summit named in its sentence was
            # another occasion ("flew in from the G7 to meet Lee"), and its city too
            cities = {s.city for s in summits}
            ev.occasion = None
            if ev.location is not None and ev.location.name in cities:
                ev.location = None
        return
    _take_days(ev, summit)
    if summit.city and (ev.location is None or (
            ev.location.country == summit.country and kb.country(ev.location.name)
            is not None)):
        # no place, or only the host country ("in Germany"): the summit's city
        ev.location = Location(summit.city, summit.country)


# A leaders' summit told without its day ("the summit with Kim", "their Geneva
# summit") is the one of the two states the KB lists: the one its own date falls in,
# the one at the town it names, else one within these days of the article (a summit
# told as past: the latest before publication; as planned: the next after it).
RECENT_DAYS = 45
UPCOMING_DAYS = 120
SUMMIT_MODES = frozenset({"summit"})
# Meetings in person (a phone call is no summit).
MEETING_MODES = frozenset({"summit", "meet", "talks", "visit"})


def _bilateral(ev: Event, published: str | None, kb: SummitKB) -> Any:
    # a leaders' summit has the two leaders for its sides: "talks between Ruritania and
    # Freedonia" are as often their officials' as their leaders'
    people = [a for a in ev.actor + ev.recipient if a.kind == "person"]
    if len(people) != len(ev.actor) + len(ev.recipient):
        return None
    states = {a.country for a in people if a.country}
    if len(states) != 2 or any(not a.country for a in people):
        return None
    # a leaders' summit: each person a side of it heads their state that day (the
    # foreign ministers meeting later in the same town are another meeting)
    found = [s for s in kb.summits() if set(getattr(s, "parties", ())) == states
             and all(_heads(p, s.start, kb) for p in people)]
    if not found:
        return None
    span = _span(ev)
    if span is not None:  # the text's own date: the summit it falls in, if any
        inside = [s for s in found if s.start <= span[1] and span[0] <= s.end]
        return inside[0] if len(inside) == 1 else None
    named = _named_town(ev)
    if named is not None:
        at = [s for s in found if s.city and s.city.lower() == named]
        if len(at) == 1:
            return at[0]
        found = at or found
    if not published or ev.mode not in MEETING_MODES:
        return None
    near = [s for s in found if abs(_days(s.start, published)) <= NEAR_DAYS
            or abs(_days(s.end, published)) <= NEAR_DAYS]
    if len(near) == 1:  # "Lee flies out to meet Kim", told the week of their summit
        return near[0]
    if ev.mode not in SUMMIT_MODES:
        return None  # "Lee met Kim" with no day and no town: any of their meetings
    if ev.status in PAST:
        past = [s for s in found if s.start <= published
                and _days(published, s.end) <= RECENT_DAYS]
        return past[-1] if past else None
    ahead = [s for s in found if s.end >= published
             and _days(s.start, published) <= UPCOMING_DAYS]
    return ahead[0] if ahead else None


def summits_told(occasions: list[str], *, published: str | None,
                 kb: SummitKB | None) -> list[Any]:
    """The summits an article about a summit tells of: those of the bodies its
    sentences name as summits ("the G20 summit") held within NEAR_DAYS of its
    publication."""
    if kb is None or not published:
        return []
    out: list[Any] = []
    for occ in dict.fromkeys(o for o in occasions if o.endswith(" summit")):
        try:
            found = kb.summits(org=occ.removesuffix(" summit"))
        except (KeyError, ValueError):
            continue
        out += [s for s in found if s.city and (
            abs(_days(s.start, published)) <= NEAR_DAYS
            or abs(_days(s.end, published)) <= NEAR_DAYS)]
    return out


def _leaders(ev: Event, kb: SummitKB, day: str) -> set[str] | None:
    """The states of `ev`'s sides where each is a person heading a distinct state on
    `day` (or, with `states`, the state itself), else None."""
    sides = ev.actor + ev.recipient
    found = {a.country or a.id for a in sides}
    if len(sides) < 2 or len(found) != len(sides) or not all(
            (a.kind == "person" and _heads(a, day, kb))
            or (a.kind == "country" and ev.evidence == "leaders") for a in sides):
        return None
    return found


_AT_SUMMIT = re.compile(r"\b(?:the|this) summit\b", re.I)
_SIDELINES = re.compile(r"\bsidelines\b", re.I)


def _held_there(ev: Event, kb: SummitKB) -> Any:
    """A meeting of heads of state dated only to a month or a year, at a town that
    hosted one summit in that time ("after their meeting in Ruritania City in 2017"),
    or in a country that hosted one, told as a summit ("met in July at a summit in
    Ruritania"): the summit. A capital of one of theirs is where they pay visits: no."""
    span = _span(ev)
    if ev.mode not in MEETING_MODES or ev.precision in (None, "day") or span is None \
            or ev.location is None:
        return None
    loc = ev.location
    country = kb.country(loc.name)
    if country is not None and country.iso3 == loc.country:
        if "summit" not in ev.text.lower():
            return None
        found = kb.summits(country=loc.country)
    else:
        found = kb.summits(city=loc.name)
    found = [s for s in found if s.city and span[0] <= s.start and s.end <= span[1]
             and not getattr(s, "parties", None)]
    if len(found) != 1:
        return None
    states = _leaders(ev, kb, found[0].start)
    if states is None or any(
            (c := kb.country(iso)) is not None and c.capital == found[0].city
            for iso in states):
        return None
    return found[0]


def _of_the_article(ev: Event, told: list[Any], kb: SummitKB) -> Any:
    """A meeting of heads of state on a day of a summit the article tells of (or the
    day before it, when the leaders arrive), with no place of its own or only the host
    country: it took place at the summit's town ("On Friday, Lee meets Park", in a
    report on the summit). A call is no meeting there."""
    if ev.mode not in MEETING_MODES:
        return None
    if ev.precision == "day" and ev.date:
        day = ev.date[:10]
        at = [s for s in told if _days(s.start, day) <= 1 and _days(day, s.end) <= 0]
    elif ev.date is None and ev.interval is None and (
            _SIDELINES.search(ev.text) or (ev.status == "planned" and _AT_SUMMIT.search(
                ev.text))):
        # undated, told as on "the sidelines", or planned at "the summit": the
        # article's (one told as held "at the summit" may have come the day before)
        at, day = told, told[0].start if told else ""
    else:
        return None
    if len(at) != 1:
        return None
    held = at[0]
    loc = ev.location
    if loc is not None and not (loc.country == held.country and (
            c := kb.country(loc.name)) is not None and c.iso3 == loc.country):
        return None
    return held if _leaders(ev, kb, day) is not None else None


HEAD_ROLES = ("head_of_state", "head_of_government")


def _heads(person: Any, day: str, kb: SummitKB) -> bool:
    if not person.country:
        return False
    return any(getattr(t, "person_id", None) == person.id
               for role in HEAD_ROLES for t in kb.holders(person.country, role, day))


def _span(ev: Event) -> tuple[str, str] | None:
    if ev.interval is not None:
        return ev.interval.start, ev.interval.end
    span = span_of(ev.date) if ev.date else None
    return (span[0].isoformat(), span[1].isoformat()) if span is not None else None


def _named_town(ev: Event) -> str | None:
    if ev.location is not None:
        return ev.location.name.lower()
    if ev.occasion and ev.occasion.endswith(" summit"):
        return ev.occasion.removesuffix(" summit").lower()  # "the Helsinki summit"
    return None


def _take_days(ev: Event, summit: Any) -> None:
    """An event with no day of its own lies within the summit's days."""
    if ev.precision != "day":
        if summit.start == summit.end:
            ev.date, ev.precision, ev.interval = summit.start, "day", None
        else:
            ev.date, ev.precision = None, None
            ev.interval = Interval(summit.start, summit.end)


def _take(ev: Event, summit: Any, kb: SummitKB) -> None:
    """The summit's days where the event has no day of its own, and its town where
    the event has none, only the host country, or the same town spelled otherwise."""
    span = _span(ev)
    _take_days(ev, summit)
    on_its_days = span is not None and summit.start <= span[0] and span[1] <= summit.end
    if summit.city and (ev.location is None or on_its_days
                        or kb.country(ev.location.name) is not None
                        or kb.place(ev.location.name) is None):
        # dated on the summit's days, the event is at its town whatever other town
        # the sentence names ("spoke in Ruritania as he left for the summit")
        ev.location = Location(summit.city, summit.country)


__all__ = ["anchor"]
