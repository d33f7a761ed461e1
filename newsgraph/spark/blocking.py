"""The cross-article half of the Spark job, in plain Python: event mentions in blocks,
each block merged by THE merge function (`merge_events`, below), and the merged events
as rows of the `events`, `event_actors` and `event_sources` tables.

Blocking. Two mentions can only be one event if they have the same type and the same
participants (`participants_key`), except an undated part of a meeting in the article
that reports it ("Putin told reporters after the talks"), which joins an event of
another key of the same type in the same article (or the article it copies). So a
block is a connected set of (type, participants) groups, joined through such articles;
the job forms blocks in Spark. Inside a block, `windows` cuts the mentions into date
windows: spans that neither overlap nor come within DATE_SLIP_DAYS of each other can
never merge (`compatible`), nor can anything reach across, since a merged event's span
always lies inside its mentions' spans; an undated mention joins every window of its
article. Merging window by window therefore gives exactly what merging the whole
block gives, and what the single-machine store gives, merging articles in input order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..crossdoc import merge as merge_mod
from ..crossdoc.merge import (
    DATE_SLIP_DAYS,
    SYMMETRIC_TYPES,
    MentionView,
    MergedEvent,
    day_range,
    event_id,
    participants_key,
)
from ..kb import KnowledgeBase
from ..model import Interval, Location
from ..store.summary import summarize


def merge_events(mentions: list[MentionView], *, duplicates: dict[str, str],
                 kb: KnowledgeBase | None) -> list[MergedEvent]:
    """The one merge: mentions in input order to merged events (`merge_mentions`, the
    rules of `newsgraph.crossdoc.merge`). Spark calls only this, per date window."""
    return merge_mod.merge_mentions(mentions, duplicates=duplicates, kb=kb)


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
    return MentionRecord(view=view, order=order, seq=seq, origin=origin, actors=actors)


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
class EventRows:
    order: tuple[int, int]  # the input place of the mention that created the event
    event: tuple[Any, ...]  # an `events` row
    actors: list[tuple[str, str, str]]  # `event_actors` rows
    sources: list[tuple[str, str]]  # `event_sources` rows


def merge_block(mentions: list[MentionRecord], *, kb: KnowledgeBase | None) -> list[EventRows]:
    """Merge one block; return its events as rows, in the order they were created."""
    mentions = sorted(mentions, key=lambda r: (r.order, r.seq))
    by_id = {m.view.id: m for m in mentions}
    duplicates = {m.view.doc_id: m.origin for m in mentions if m.origin != m.view.doc_id}
    events: list[MergedEvent] = []
    for window in windows(mentions):
        events += merge_events([m.view for m in window], duplicates=duplicates, kb=kb)
    events.sort(key=lambda e: (by_id[e.mention_ids[0]].order, by_id[e.mention_ids[0]].seq))
    taken: set[str] = set()
    rows = []
    for event in events:
        first = by_id[event.mention_ids[0]]
        if event.id in taken:  # as the store does when the id is already in use
            event.id = event_id(first.view, salt=first.view.id)
        taken.add(event.id)
        rows.append(_rows(event, first, [by_id[i] for i in event.mention_ids]))
    return rows


def _rows(event: MergedEvent, first: MentionRecord, members: list[MentionRecord]) -> EventRows:
    # the event's actors are its first mention's, as `Store._insert_event_actors` sets
    actors = sorted({(a, r): n for a, r, n in first.actors}.items())
    names = {role: sorted(n for (_, r), n in actors if r == role)
             for role in ("actor", "recipient")}
    summary = summarize(event, actor_names=names["actor"], recipient_names=names["recipient"])
    span = event.span
    alts = list(event.alternatives.get("date", []))
    sort_start = min([span[0]] + alts) if span else (min(alts) if alts else None)
    sort_end = max([span[1]] + alts) if span else (max(alts) if alts else None)
    row = (event.id, event.type, event.mode, event.status, event.participants_key,
           event.date, event.precision,
           json.dumps(event.interval.to_dict()) if event.interval else None,
           sort_start, sort_end, event.location.name if event.location else None,
           event.location.country if event.location else None, event.occasion, summary,
           int(event.conflict),
           json.dumps(event.alternatives) if event.alternatives else None,
           len({m.origin for m in members}))
    return EventRows(order=(first.order, first.seq), event=row,
                     actors=[(event.id, a, r) for (a, r), _ in actors],
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
