"""Event mentions -> events, within one article and across articles.

The same real-world event mentioned twice in one article, reported by many outlets, or
announced before and reported after becomes ONE `MergedEvent` with all its mentions.

Merge key: same PLOVER type, same participant set (actor ids; roles interchangeable for
symmetric types), compatible mode, status, dates, places and occasions (`compatible`).
The merged value is the most precise consistent one; two different exact days or
places from different sources are kept side by side (`alternatives`) and flagged
(`conflict`), never silently overwritten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..kb import KnowledgeBase
from ..model import Interval, Location
from ..time.calendar import span_of

# Types whose actor and recipient are interchangeable: "A met B" is "B met A".
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Statuses that can describe one happening at different times (announced, then held;
# claimed by one outlet, reported by another). Others merge only with their own kind.
STATUS_RANK = {"reported": 3, "claimed": 2, "planned": 1}
# Two exact days this far apart may still be one event (time zones, "yesterday" read
# against a different publication day); further apart they are two events.
DATE_SLIP_DAYS = 1


@dataclass
class MentionView:
    """One event mention as the merger sees it."""

    id: str
    doc_id: str
    type: str
    mode: str | None
    status: str
    actor_ids: tuple[str, ...]
    recipient_ids: tuple[str, ...]
    date: str | None = None
    precision: str | None = None
    interval: Interval | None = None
    location: Location | None = None
    occasion: str | None = None


@dataclass
class MergedEvent:
    id: str
    type: str
    mode: str | None
    status: str
    participants_key: str
    date: str | None
    precision: str | None
    interval: Interval | None
    location: Location | None
    occasion: str | None
    conflict: bool = False
    # {"date": ["2024-07-19", "2024-07-20"], "location": ["Moscow", "Sochi"]}
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    doc_ids: set[str] = field(default_factory=set)
    mention_ids: list[str] = field(default_factory=list)

    @property
    def span(self) -> tuple[str, str] | None:
        return day_range(self.date, self.precision, self.interval)


def participants_key(type_: str, actor_ids: tuple[str, ...] | list[str],
                     recipient_ids: tuple[str, ...] | list[str]) -> str:
    if type_ in SYMMETRIC_TYPES:
        return "|".join(sorted(set(actor_ids) | set(recipient_ids)))
    return ",".join(sorted(set(actor_ids))) + ">" + ",".join(sorted(set(recipient_ids)))


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def day_range(value: str | None, precision: str | None,
              interval: Interval | None) -> tuple[str, str] | None:
    """The first and last day a date value can denote: the interval if given, else what
    the TIMEX3 value spans (`time.calendar.span_of`, the one calendar)."""
    if interval is not None:
        return interval.start, interval.end
    span = span_of(value)
    return (span[0].isoformat(), span[1].isoformat()) if span is not None else None


def _is_day(rng: tuple[str, str] | None) -> bool:
    return rng is not None and rng[0] == rng[1]


def _days_apart(a: str, b: str) -> int:
    da, db = _parse_day(a), _parse_day(b)
    return abs((da - db).days) if da and db else 10**6


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("the ", " ").split())


def _is_country_level(location: Location, kb: KnowledgeBase | None) -> bool:
    return kb is not None and kb.country(location.name) is not None


def _location_relation(a: Location | None, b: Location | None, *, kb: KnowledgeBase | None) -> str:
    """"same" (or one unknown / one the country of the other), "differ" (two places in
    one country: maybe conflicting reports), or "incompatible"."""
    if a is None or b is None or _norm(a.name) == _norm(b.name):
        return "same"
    if a.country and b.country and a.country != b.country:
        return "incompatible"
    if _is_country_level(a, kb) or _is_country_level(b, kb):
        return "same"
    return "differ"


def _occasions_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    na, nb = _norm(a), _norm(b)
    return na in nb or nb in na


def _status_compatible(a: str, b: str) -> bool:
    return a == b or (a in STATUS_RANK and b in STATUS_RANK)


# "If the summit goes ahead in Lisbon on 3 May, the two leaders will sign ..." names a
# meeting that may not happen; when another source has those parties meet on that very
# day, the hypothetical one is that meeting (if it never happened, no source reports it).
HYPOTHETICAL = "hypothetical"


def _hypothetical_pair(a: str, b: str) -> bool:
    return HYPOTHETICAL in (a, b) and {a, b} - {HYPOTHETICAL} <= set(STATUS_RANK)


def _hypothetical_day(mspan: tuple[str, str] | None, espans: list[tuple[str, str]],
                      a: Location | None, b: Location | None) -> bool:
    """That very day, or ("on the eve of their summit in Lisbon") a day next to it at
    the same named place."""
    if not _is_day(mspan):
        return False
    if any(s == mspan for s in espans):
        return True
    same_place = a is not None and b is not None and _norm(a.name) == _norm(b.name)
    return same_place and any(_is_day(s) and _days_apart(s[0], mspan[0]) <= DATE_SLIP_DAYS
                              for s in espans)  # type: ignore[index]


def _event_spans(event: MergedEvent) -> list[tuple[str, str]]:
    spans = [(d, d) for d in event.alternatives.get("date", [])]
    main = event.span
    if main is not None and main not in spans:
        spans.insert(0, main)
    return spans


# Modes of one in-person encounter, least to most telling: "met", "held talks", "met on
# the sidelines of a summit", "visited" are one meeting seen from different sentences;
# a phone call is not a meeting.
# Across articles, an event known only to within more than this many days merges only
# at the same known place: a month ("in January") still can, a term of office cannot.
CROSSDOC_SPAN_DAYS = 31
IN_PERSON_MODES = ("meet", "host", "talks", "summit", "sidelines", "visit")


def _mode_family(mode: str) -> str:
    return "in-person" if mode in IN_PERSON_MODES else mode


def _part_of(mention: MentionView, key: str, event: MergedEvent) -> bool:
    """In one article, "Putin told reporters after the talks" (Putin alone, no date of its
    own) is part of the Putin-Xi talks the article reports, not a meeting of its own."""
    if mention.type not in SYMMETRIC_TYPES or mention.date or mention.interval or not key:
        return False
    return set(key.split("|")) < set(event.participants_key.split("|"))


# Two mentions of a meeting name at least this many of the same parties to be one
# meeting whatever else each names: "Lee met Park" and "Lee met Park and Kim's
# envoy", "Lee hosted Park" and "talks between Lee, Park and their ministers".
SHARED_PRINCIPALS = 2


def _shared_principals(mention: MentionView, key: str, event: MergedEvent) -> bool:
    if mention.type not in SYMMETRIC_TYPES or not key or not event.participants_key:
        return False
    ours, theirs = set(key.split("|")), set(event.participants_key.split("|"))
    return len(ours & theirs) >= SHARED_PRINCIPALS


def compatible(event: MergedEvent, mention: MentionView, *,
               same_docs: set[str] | None = None, kb: KnowledgeBase | None = None) -> str | None:
    """How `mention` fits `event`: None (a different event), "same", or "conflict" (one
    event, reported with a different exact day or place). `same_docs` are the mention's
    article and the articles it copies: undated mentions merge only within them."""
    same_docs = same_docs or {mention.doc_id}
    if mention.type != event.type:
        return None
    key = participants_key(mention.type, mention.actor_ids, mention.recipient_ids)
    if key != event.participants_key and not _shared_principals(mention, key, event) \
            and not (event.doc_ids & same_docs and _part_of(mention, key, event)):
        return None
    if mention.mode and event.mode and _mode_family(mention.mode) != _mode_family(event.mode):
        return None
    hypothetical = _hypothetical_pair(mention.status, event.status)
    if not hypothetical and not _status_compatible(mention.status, event.status):
        return None
    shares_doc = bool(event.doc_ids & same_docs)
    if not (mention.actor_ids or mention.recipient_ids) and not shares_doc:
        return None
    place = _location_relation(event.location, mention.location, kb=kb)
    if place == "incompatible":
        return None
    mspan = day_range(mention.date, mention.precision, mention.interval)
    espans = _event_spans(event)
    if hypothetical and not _hypothetical_day(mspan, espans, event.location,
                                              mention.location):
        return None
    if mspan is None or not espans:
        if not shares_doc:
            return None
        return "same" if place == "same" else None
    exact_equal = any(_is_day(mspan) and s == mspan for s in espans)
    if not _occasions_agree(event.occasion, mention.occasion) and not exact_equal:
        return None
    if place == "differ":
        # two towns in one country: one event only when the day says so
        return "conflict" if exact_equal else None
    if exact_equal:
        return "same"
    if _is_day(mspan) and any(_is_day(s) for s in espans):
        near = any(_is_day(s) and _days_apart(s[0], mspan[0]) <= DATE_SLIP_DAYS
                   for s in espans)
        located = event.location is not None and mention.location is not None
        return "conflict" if near and (located or shares_doc) else None
    both_placed = event.location is not None and mention.location is not None
    if not shares_doc and not (both_placed and place == "same") and (
            _span_days(mspan) > CROSSDOC_SPAN_DAYS
            or all(_span_days(s) > CROSSDOC_SPAN_DAYS for s in espans)):
        # "a Wednesday while Raisi was president" overlaps every meeting of his term:
        # across articles, a wide interval merges only where the same place says so
        return None
    if any(s[0] <= mspan[1] and mspan[0] <= s[1] for s in espans):
        return "same"
    return None


# An article's undated mention of a meeting in another article's record ("the summit",
# "since the two leaders last met"): "Ann Lee and Bo Park met again" recalls an encounter
# of those parties that the news dates elsewhere, most often the latest before the
# article (or, planned, the next one after it). When the record holds such a dated
# encounter of the same parties, mode and place, no further than RECALL_DAYS before the
# article (PLAN_DAYS after it for a planned one), the undated event repeats it: it
# stays in the record, ranked below the dated one (events/confidence.py).
RECALL_DAYS = 183
PLAN_DAYS = 365
# Known only to within more than this (a term of office, "2018 or later"), an event is
# as undated for this purpose; a dated encounter must then also lie inside its span.
UNDATED_SPAN_DAYS = CROSSDOC_SPAN_DAYS


def is_undated(event: MergedEvent) -> bool:
    span = event.span
    return span is None or _span_days(span) > UNDATED_SPAN_DAYS


def recall_window(event: MergedEvent, published: tuple[str, str] | None, *,
                  kb: KnowledgeBase | None = None) -> tuple[str, str] | None:
    """The days the undated `event`, told in articles of `published` (first and last
    day they may have appeared), may recall. When the articles' days are not known to
    within UNDATED_SPAN_DAYS, a town pins the encounter ("when they met in Sochi": any
    day), else the event's own span (an undated article's "in April", within the terms
    of its parties: the April of each of those years); with no span, an article of no
    date at all bounds nothing (any day: the record's dated encounters of the parties
    are what it can recall), one of some wide interval says too little (None)."""
    status = event.status
    lo = hi = None
    if published is not None:
        lo, hi = _parse_day(published[0]), _parse_day(published[1])
    if lo is None or hi is None or (hi - lo).days > UNDATED_SPAN_DAYS:
        town = event.location is not None and not _is_country_level(event.location, kb)
        if town or (published is None and event.span is None):
            return date.min.isoformat(), date.max.isoformat()
        return event.span
    slip = timedelta(days=DATE_SLIP_DAYS)
    try:
        if status in ("planned", HYPOTHETICAL):
            return (lo - slip).isoformat(), (hi + timedelta(days=PLAN_DAYS)).isoformat()
        return (lo - timedelta(days=RECALL_DAYS)).isoformat(), (hi + slip).isoformat()
    except OverflowError:  # an article "published" at the calendar's edge: unknown
        return None


def repeats(undated: MergedEvent, dated: MergedEvent, *, window: tuple[str, str],
            kb: KnowledgeBase | None = None) -> bool:
    """Whether `undated` (see RECALL_DAYS) repeats the dated event `dated`."""
    if undated.id == dated.id or undated.type != dated.type or not undated.participants_key:
        return False
    if undated.type in SYMMETRIC_TYPES:
        # "Lee and Park met again" repeats the meeting of Lee, Park and Kim's envoy
        ours = party_set(undated.participants_key)
        if len(ours) < SHARED_PRINCIPALS or not ours <= party_set(dated.participants_key):
            return False
    elif undated.participants_key != dated.participants_key:
        return False
    if not is_undated(undated) or is_undated(dated):
        return False
    if undated.mode and dated.mode and _mode_family(undated.mode) != _mode_family(dated.mode):
        return False
    ranked = (*STATUS_RANK, HYPOTHETICAL)
    if undated.status not in ranked or dated.status not in ranked:
        return False
    if undated.location is not None and (dated.location is None or _location_relation(
            undated.location, dated.location, kb=kb) != "same"):
        return False
    span = dated.span
    lo, hi = window
    if undated.span is not None:
        lo, hi = max(lo, undated.span[0]), min(hi, undated.span[1])
    return span is not None and span[0] <= hi and lo <= span[1]


def _span_days(span: tuple[str, str]) -> int:
    return _days_apart(span[0], span[1])


def _add_alternative(event: MergedEvent, key: str, *values: str) -> None:
    alts = event.alternatives.setdefault(key, [])
    for v in values:
        if v not in alts:
            alts.append(v)


def absorb(event: MergedEvent, mention: MentionView, *, how: str,
           kb: KnowledgeBase | None = None) -> None:
    """Fold `mention` into `event` (`how` from `compatible`)."""
    event.doc_ids.add(mention.doc_id)
    event.mention_ids.append(mention.id)
    if event.type in SYMMETRIC_TYPES:
        parties = set(event.participants_key.split("|")) - {""}
        parties |= set(mention.actor_ids) | set(mention.recipient_ids)
        event.participants_key = "|".join(sorted(parties))
    if STATUS_RANK.get(mention.status, 0) > STATUS_RANK.get(event.status, 0):
        event.status = mention.status
    if event.mode in IN_PERSON_MODES and mention.mode in IN_PERSON_MODES:
        # "met" and "met on the sidelines": keep the more telling mode
        event.mode = max(event.mode, mention.mode, key=IN_PERSON_MODES.index)
    event.mode = event.mode or mention.mode
    event.occasion = event.occasion or mention.occasion
    mspan = day_range(mention.date, mention.precision, mention.interval)
    espan = event.span
    if how == "conflict":
        event.conflict = True
        if _is_day(mspan) and _is_day(espan) and mspan != espan:
            _add_alternative(event, "date", espan[0], mspan[0])  # type: ignore[index]
        if (event.location and mention.location
                and _location_relation(event.location, mention.location, kb=kb) == "differ"):
            _add_alternative(event, "location", event.location.name, mention.location.name)
        return
    if mspan is not None and (espan is None or _narrower(mspan, espan)):
        if espan is None or (espan[0] <= mspan[0] and mspan[1] <= espan[1]):
            event.date, event.precision, event.interval = (
                mention.date, mention.precision, mention.interval)
        else:
            lo, hi = max(mspan[0], espan[0]), min(mspan[1], espan[1])
            event.date, event.precision = (lo, "day") if lo == hi else (None, None)
            event.interval = None if lo == hi else Interval(lo, hi)
    if event.location is None or (
            mention.location is not None and _is_country_level(event.location, kb)
            and not _is_country_level(mention.location, kb)):
        event.location = mention.location or event.location


def _narrower(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return _days_apart(a[0], a[1]) < _days_apart(b[0], b[1])


def event_id(mention: MentionView, *, salt: str = "") -> str:
    span = day_range(mention.date, mention.precision, mention.interval)
    key = "\x1f".join([mention.type, participants_key(mention.type, mention.actor_ids,
                                                      mention.recipient_ids),
                       "/".join(span) if span else "", _norm(mention.location.name)
                       if mention.location else "", salt])
    return "ev_" + hashlib.sha256(key.encode()).hexdigest()[:12]


def new_event(mention: MentionView, *, salt: str = "") -> MergedEvent:
    return MergedEvent(
        id=event_id(mention, salt=salt), type=mention.type, mode=mention.mode,
        status=mention.status,
        participants_key=participants_key(mention.type, mention.actor_ids,
                                          mention.recipient_ids),
        date=mention.date, precision=mention.precision, interval=mention.interval,
        location=mention.location, occasion=mention.occasion,
        doc_ids={mention.doc_id}, mention_ids=[mention.id])


def best_match(events: list[MergedEvent], mention: MentionView, *,
               same_docs: set[str] | None = None,
               kb: KnowledgeBase | None = None) -> tuple[MergedEvent, str] | None:
    """The event `mention` belongs to: a plain match before a conflicting one, an event
    from the same article before others."""
    same_docs = same_docs or {mention.doc_id}
    ranked = []
    for event in events:
        how = compatible(event, mention, same_docs=same_docs, kb=kb)
        if how is not None:
            ranked.append(((how == "same", bool(event.doc_ids & same_docs)), event, how))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[0], reverse=True)
    return ranked[0][1], ranked[0][2]


def as_mention(event: MergedEvent) -> MentionView:
    """An event seen as one mention of itself, to test it against another event."""
    parties = tuple(p for p in event.participants_key.replace(">", "|").replace(
        ",", "|").split("|") if p)
    return MentionView(id=event.id, doc_id=min(event.doc_ids) if event.doc_ids else "",
                       type=event.type, mode=event.mode, status=event.status,
                       actor_ids=parties, recipient_ids=(), date=event.date,
                       precision=event.precision, interval=event.interval,
                       location=event.location, occasion=event.occasion)


def fold(event: MergedEvent, other: MergedEvent, *, kb: KnowledgeBase | None = None) -> bool:
    """Fold `other` into `event` when they are one event (a mention that joined one
    of them can make two events one: an undated "talks" joined the article's dated
    meeting, which another article reported). Return whether it was folded."""
    if other.id == event.id or other.type != event.type:
        return False
    view = as_mention(other)
    how = compatible(event, view, same_docs=set(other.doc_ids), kb=kb)
    if how is None:
        return False
    docs, mids = set(other.doc_ids), list(other.mention_ids)
    absorb(event, view, how=how, kb=kb)
    event.mention_ids.remove(view.id)
    event.doc_ids |= docs
    event.mention_ids += [m for m in mids if m not in event.mention_ids]
    event.conflict = event.conflict or other.conflict
    return True


# Candidates: an event of another article can only take a mention whose span comes
# this close to its own (`compatible` asks for overlap, or two days DATE_SLIP_DAYS
# apart); the margin is wider so that a fold the merge then makes is never cut off.
WINDOW_MARGIN_DAYS = 3 * DATE_SLIP_DAYS


def candidate_window(mention: MentionView) -> tuple[str, str] | None:
    """The days an event of another article must reach into to be a candidate for
    `mention` (None: only its own article's events can take it)."""
    span = day_range(mention.date, mention.precision, mention.interval)
    if span is None or not (mention.actor_ids or mention.recipient_ids):
        return None
    lo, hi = _parse_day(span[0]), _parse_day(span[1])
    if lo is None or hi is None:
        return None
    margin = timedelta(days=WINDOW_MARGIN_DAYS)
    try:
        return (lo - margin).isoformat(), (hi + margin).isoformat()
    except OverflowError:  # a day at the calendar's very edge: any day is near it
        return date.min.isoformat(), date.max.isoformat()


def party_set(key: str) -> set[str]:
    """The actor ids of a participants key."""
    return {p for p in key.replace(">", "|").replace(",", "|").split("|") if p}


def sort_span(event: MergedEvent) -> tuple[str, str] | None:
    """First and last day the event can be on, its alternative days included (the
    store's sort_start and sort_end)."""
    spans = _event_spans(event)
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)


def is_candidate(event: MergedEvent, mention: MentionView, *, same_docs: set[str]) -> bool:
    """Whether `merge_one` looks at `event` for `mention`: an event its article (or a copy)
    reports, or one of its type that shares a party with it and reaches into its
    `candidate_window`. The store finds exactly these by index; `merge_mentions` filters
    with this, so both merge alike."""
    if event.doc_ids & same_docs:
        return True
    window = candidate_window(mention)
    if window is None or event.type != mention.type:
        return False
    if not party_set(event.participants_key) & (set(mention.actor_ids)
                                               | set(mention.recipient_ids)):
        return False
    span = sort_span(event)
    return span is not None and span[0] <= window[1] and window[0] <= span[1]


def merge_one(mention: MentionView, candidates: list[MergedEvent], *,
              same_docs: set[str], kb: KnowledgeBase | None = None,
              taken: Callable[[str], bool] = lambda _id: False
              ) -> tuple[MergedEvent, bool, list[MergedEvent]]:
    """Fold one mention into the event of `candidates` it belongs to, or start a new
    event; then fold into that event the candidates it has become one with. Return
    (event, is_new, folded events: to be removed). The store and `merge_mentions`
    both merge this way. `taken(id)`: whether an event id is already used (a new
    event then gets a salted id)."""
    found = best_match(candidates, mention, same_docs=same_docs, kb=kb)
    if found is not None:
        absorb(found[0], mention, how=found[1], kb=kb)
        event, is_new = found[0], False
    else:
        event = new_event(mention)
        if taken(event.id):
            event = new_event(mention, salt=mention.id)
        is_new = True
    folded = [c for c in sorted(candidates, key=lambda c: c.id)
              if c is not event and fold(event, c, kb=kb)]
    return event, is_new, folded


def merge_mentions(mentions: list[MentionView], *, events: list[MergedEvent] | None = None,
                   duplicates: dict[str, str] | None = None,
                   kb: KnowledgeBase | None = None) -> list[MergedEvent]:
    """Merge `mentions` (in order) into `events` (new ones appended); return the events.
    `duplicates` maps a near-duplicate doc_id to the doc_id it copies."""
    events = list(events or [])
    duplicates = duplicates or {}
    for mention in mentions:
        same = {mention.doc_id} | ({duplicates[mention.doc_id]}
                                   if mention.doc_id in duplicates else set())
        taken = {e.id for e in events}
        candidates = sorted((e for e in events if is_candidate(e, mention, same_docs=same)),
                            key=lambda e: e.id)
        event, is_new, folded = merge_one(mention, candidates, same_docs=same, kb=kb,
                                          taken=taken.__contains__)
        if is_new:
            events.append(event)
        events = [e for e in events if all(e is not f for f in folded)]
    return events
