"""The cross-article half of the Spark job, in plain Python: event mentions in blocks,
each block merged by THE merge step (`crossdoc.merge.merge_one`, which the store's
`Store._merge` runs too), and the merged events as rows of the `events`,
`event_actors` and `event_sources` tables.

Blocking. Two mentions can only be one event if they have the same type and the same
participants (`participants_key`), or, for a symmetric type, share principals with the
parties the event has gathered (`SHARED_PRINCIPALS`), or one is an undated part of a
meeting in the article that reports it ("Putin told reporters after the talks"). So a
block is a connected set of (type, participants) groups, joined through a shared party
(symmetric types) and through such articles; the job forms blocks in Spark. Inside a
block, `windows` cuts the mentions into date windows: spans that neither overlap nor
come within DATE_SLIP_DAYS of each other can never merge (`compatible`), nor can
anything reach across, since a merged event's span always lies inside its mentions'
spans; an undated mention joins every window of its article. `merge_window` then runs
the mentions of a window in input order as the store does: the same candidates (events
of the type that share a party with the mention or that its article reports, by id),
the same `merge_one`, the same bookkeeping of parties and folded events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..crossdoc.merge import (
    DATE_SLIP_DAYS,
    SYMMETRIC_TYPES,
    MentionView,
    MergedEvent,
    day_range,
    event_id,
    merge_one,
    participants_key,
)
from ..events.confidence import combine as combine_confidence
from ..kb import KnowledgeBase
from ..model import Interval, Location
from ..store.summary import summarize


@dataclass
class MentionRecord:
    """An event mention as the job sees it: the view the merge needs, where it stands
    in the input (`order` of its document, `seq` in the document), the document it
    counts as (`origin`: itself, or the article it is a near-copy of) and its actors
    (id, role, name)."""

    view: MentionView
    order: int
    seq: int
    origin: str
    actors: list[tuple[str, str, str]] = field(default_factory=list)
    confidence: float | None = None

    @property
    def group(self) -> tuple[str, str]:
        return self.view.type, participants_key(self.view.type, self.view.actor_ids,
                                                self.view.recipient_ids)

    @property
    def joins_article(self) -> bool:
        """Can this mention join an event of another participant set (its article's)?"""
        v = self.view
        return v.type in SYMMETRIC_TYPES and not (v.date or v.interval)


def mention_record(row: dict[str, Any], actors: Iterable[tuple[str, str, str]], *,
                   order: int, seq: int, origin: str) -> MentionRecord:
    """From an `event_mentions` row and its (actor id, role, name) rows."""
    actors = list(actors)
    interval = json.loads(row["interval"]) if row.get("interval") else None
    view = MentionView(
        id=row["id"], doc_id=row["doc_id"], type=row["type"], mode=row["mode"],
        status=row["status"], actor_ids=tuple(a for a, r, _ in actors if r == "actor"),
        recipient_ids=tuple(a for a, r, _ in actors if r == "recipient"),
        date=row["date"], precision=row["precision"],
        interval=Interval(interval["start"], interval["end"]) if interval else None,
        location=Location(row["location_name"], row["location_country"])
        if row["location_name"] else None, occasion=row["occasion"])
    # as the store's INSERT ... SELECT reads them: by actor id, then role
    return MentionRecord(view=view, order=order, seq=seq, origin=origin,
                         actors=sorted(actors, key=lambda a: (a[0], a[1])),
                         confidence=row.get("confidence"))


def _day(value: str) -> int:
    return date.fromisoformat(value).toordinal()


def windows(mentions: list[MentionRecord]) -> list[list[MentionRecord]]:
    """The block's mentions in date windows, each in input order (see the module)."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    dated: list[tuple[int, int, int]] = []
    by_origin: dict[str, list[int]] = {}
    undated: list[int] = []
    for i, m in enumerate(mentions):
        by_origin.setdefault(m.origin, []).append(i)
        span = day_range(m.view.date, m.view.precision, m.view.interval)
        if span is None:
            undated.append(i)
            continue
        try:
            dated.append((_day(span[0]), _day(span[1]), i))
        except ValueError:  # a span we cannot place on a calendar: no cutting
            return [sorted(mentions, key=lambda r: (r.order, r.seq))]
    dated.sort()
    head, reach = -1, None
    for start, end, i in dated:
        if reach is not None and start <= reach + DATE_SLIP_DAYS + 1:
            union(i, head)
            reach = max(reach, end)
        else:
            head, reach = i, end
    for i in undated:
        for j in by_origin[mentions[i].origin]:
            union(i, j)
    out: dict[int, list[MentionRecord]] = {}
    for i, m in enumerate(mentions):
        out.setdefault(find(i), []).append(m)
    return [sorted(ms, key=lambda r: (r.order, r.seq)) for ms in out.values()]


@dataclass
class _Live:
    """An event being merged, with its `event_actors` rows (actor id, role)."""

    event: MergedEvent
    parties: set[tuple[str, str]] = field(default_factory=set)

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        """As the store's one INSERT ... WHERE actor_id NOT IN (the event's actors):
        an actor the event has keeps its role; a new one comes in every role it has."""
        have = {a for a, _ in self.parties}
        self.parties |= {(a, r) for a, r in pairs if a not in have}


def merge_window(mentions: list[MentionRecord], *, kb: KnowledgeBase | None,
                 taken: set[str]) -> list[_Live]:
    """Mentions (input order) into events, as `Store._merge` does it; `taken`: the ids
    in use (a new event with one of them gets a salted id)."""
    live: dict[str, _Live] = {}
    for m in mentions:
        v = m.view
        same = {v.doc_id} | ({m.origin} if m.origin != v.doc_id else set())
        parties = set(v.actor_ids) | set(v.recipient_ids)
        candidates = [e.event for _, e in sorted(live.items()) if e.event.type == v.type
                      and (parties & {a for a, _ in e.parties} or e.event.doc_ids & same)]
        event, is_new, folded = merge_one(v, candidates, same_docs=same, kb=kb,
                                          taken=taken.__contains__)
        if is_new:
            live[event.id] = _Live(event)
            taken.add(event.id)
        here = live[event.id]
        here.add((a, r) for a, r, _ in m.actors)
        for other in folded:
            gone = live.pop(other.id)
            here.add(gone.parties)
            taken.discard(other.id)
    return list(live.values())


@dataclass
class EventRows:
    order: tuple[int, int]  # the input place of the mention that created the event
    event: tuple[Any, ...]  # an `events` row
    actors: list[tuple[str, str, str]]  # `event_actors` rows
    sources: list[tuple[str, str]]  # `event_sources` rows


def merge_block(mentions: list[MentionRecord], *,
                kb: KnowledgeBase | None) -> list[EventRows]:
    """Merge one block, window by window; return its events as rows, in the order
    they were created."""
    mentions = sorted(mentions, key=lambda r: (r.order, r.seq))
    by_id = {m.view.id: m for m in mentions}
    merged: list[_Live] = []
    for window in windows(mentions):
        merged += merge_window(window, kb=kb, taken=set())
    merged.sort(key=lambda e: (by_id[e.event.mention_ids[0]].order,
                               by_id[e.event.mention_ids[0]].seq))
    taken: set[str] = set()
    rows = []
    for item in merged:
        event = item.event
        first = by_id[event.mention_ids[0]]
        if event.id in taken:  # undated twins in two windows: the later one salted
            event.id = event_id(first.view, salt=first.view.id)
        taken.add(event.id)
        rows.append(_rows(item, first, [by_id[i] for i in event.mention_ids], by_id))
    return rows


def _rows(item: _Live, first: MentionRecord, members: list[MentionRecord],
          by_id: dict[str, MentionRecord]) -> EventRows:
    event = item.event
    names_of = {a: n for m in members for a, _, n in m.actors}
    names = {role: sorted(names_of[a] for a, r in item.parties if r == role)
             for role in ("actor", "recipient")}
    summary = summarize(event, actor_names=names["actor"], recipient_names=names["recipient"])
    span = event.span
    alts = list(event.alternatives.get("date", []))
    sort_start = min([span[0]] + alts) if span else (min(alts) if alts else None)
    sort_end = max([span[1]] + alts) if span else (max(alts) if alts else None)
    best: dict[str, float] = {}  # the best mention of each independent document
    for m in members:
        best[m.origin] = max(best.get(m.origin, 0.0), m.confidence or 0.0)
    row = (event.id, event.type, event.mode, event.status, event.participants_key,
           event.date, event.precision,
           json.dumps(event.interval.to_dict()) if event.interval else None,
           sort_start, sort_end, event.location.name if event.location else None,
           event.location.country if event.location else None, event.occasion, summary,
           int(event.conflict),
           json.dumps(event.alternatives) if event.alternatives else None,
           len({m.origin for m in members}), combine_confidence(best.values()))
    return EventRows(order=(first.order, first.seq), event=row,
                     actors=[(event.id, a, r) for a, r in sorted(item.parties)],
                     sources=[(event.id, m.view.id) for m in members])


def block_edges(mentions: Iterable[MentionRecord]) -> Iterator[tuple[tuple[str, str],
                                                                      tuple[str, str]]]:
    """Pairs of (type, participants) groups that must share a block: within one
    article (or its copies), a mention that can join another participant set's event
    and every group of its type there."""
    groups: dict[tuple[str, str], set[tuple[str, str]]] = {}
    joining: set[tuple[str, str]] = set()
    for m in mentions:
        groups.setdefault((m.view.type, m.origin), set()).add(m.group)
        if m.joins_article:
            joining.add((m.view.type, m.origin))
    for where in sorted(joining):
        members = sorted(groups[where])
        for g in members[1:]:
            yield members[0], g


def party_buckets(group: tuple[str, str]) -> Iterator[tuple[str, str]]:
    """(type, party) buckets of a symmetric group: groups in one bucket share a party
    and may meet in one event (an event's parties grow with each mention it takes, and
    a mention joins it by sharing SHARED_PRINCIPALS of them), so they share a block.
    Other types merge only with their own participant set."""
    type_, key = group
    if type_ not in SYMMETRIC_TYPES:
        return
    for party in sorted(set(key.split("|")) - {""}):
        yield type_, party
