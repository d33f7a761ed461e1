"""The records every stage reads and writes.

One `Article` flows through the stages (read -> clean -> parse -> time -> actors ->
quotes -> events); each stage fills its own fields. Offsets (`start`, `end`) always
index `Article.text`, the cleaned body. `to_record()` gives the `extract` contract of
SPEC.md.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any

PRECISIONS = ("day", "week", "month", "season", "year")
STATUSES = ("reported", "planned", "claimed", "denied", "hypothetical", "negated")
ACTOR_KINDS = ("person", "country", "organization", "group")


def content_hash(text: str) -> str:
    """Stable id of an article: sha256 of its whitespace-normalized cleaned text."""
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Interval:
    start: str  # YYYY-MM-DD, inclusive
    end: str  # YYYY-MM-DD, inclusive

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Actor:
    """A resolved actor. `id` is a Wikidata QID where known, an ISO alpha-3 code for
    countries (e.g. "RUS"), or a local id ("L:" + hash of the normalized name) for
    people and bodies the knowledge base lacks."""

    id: str
    name: str
    kind: str  # person | country | organization | group
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, ... (PLOVER/CAMEO sector codes)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "country": self.country, "sector": self.sector}


@dataclass
class Location:
    name: str
    country: str | None  # ISO alpha-3

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass
class Mention:
    """A span of text that refers to an actor (`role == "actor"`, `actor` set) or to a
    place (`role == "place"`, `place` set: "in Moscow"). "Moscow" as the Russian
    government ("Moscow backed its ally") is an actor mention of RUS."""

    start: int
    end: int
    text: str
    actor: Actor | None = None
    place: Location | None = None
    role: str = "actor"  # actor | place
    how: str = ""  # evidence: "kb-name", "title", "role", "coref", "pronoun", "metonymy", ...


@dataclass
class Timex:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value: 2025-09-01, 2024-W41, 2024-10, P3D, PRESENT_REF ...
    precision: str | None = None  # day | week | month | season | year | None
    interval: Interval | None = None
    # what it was resolved against: "published", "dateline", "narrative", "kb", "absolute"
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value, "precision": self.precision,
                "interval": self.interval.to_dict() if self.interval else None}


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    speaker: Actor | None
    speaker_span: tuple[int, int] | None
    cue: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "speaker_span": list(self.speaker_span) if self.speaker_span else None,
                "cue": self.cue}


@dataclass
class Event:
    # PLOVER type: CONSULT, AGREE, ... (ACCUSE is DISAPPROVE/accuse in PLOVER terms; see events/)
    type: str
    mode: str | None
    actor: list[Actor]
    recipient: list[Actor]
    text: str  # the anchor sentence
    start: int  # sentence span in Article.text
    end: int
    trigger: str = ""  # the word(s) that evoke the event
    date: str | None = None
    precision: str | None = None
    interval: Interval | None = None
    location: Location | None = None
    occasion: str | None = None
    status: str = "reported"
    # 0-1: how well the text supports the event (events/confidence.py)
    confidence: float | None = None
    # how the parties were found ("arguments", "fallback", "continued"; not serialized)
    evidence: str = "arguments"

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode,
                "actor": [a.to_dict() for a in self.actor],
                "recipient": [a.to_dict() for a in self.recipient],
                "date": self.date, "precision": self.precision,
                "interval": self.interval.to_dict() if self.interval else None,
                "location": self.location.to_dict() if self.location else None,
                "occasion": self.occasion, "status": self.status, "trigger": self.trigger,
                "confidence": self.confidence,
                "text": self.text, "start": self.start, "end": self.end}


@dataclass
class Article:
    """One news article and everything the stages found in it."""

    source: str  # path, path:line, url, or "-"
    raw: str  # the text as read (HTML already reduced to text)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_basis: str | None = None  # metadata | text | inferred | None
    user_published: bool = False  # given by the user (flag, JSONL field): never overridden
    # clean
    text: str = ""
    removed: list[str] = field(default_factory=list)
    dateline: str | None = None  # the place of a dateline ("TEHRAN"), if any
    # parse: the spaCy Doc over `text` (not serialized)
    doc: Any = None
    # time
    timexes: list[Timex] = field(default_factory=list)
    date_interval: Interval | None = None  # article-level interval when no exact date
    # actors
    mentions: list[Mention] = field(default_factory=list)
    # quotes, events
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # read: what the reader repaired ("3 invalid UTF-8 bytes replaced"), for the user
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return content_hash(self.text or self.raw)

    def actors(self) -> list[tuple[Actor, list[tuple[int, int]]]]:
        """Distinct actors mentioned (places excluded), each with its mention spans."""
        seen: dict[str, tuple[Actor, list[tuple[int, int]]]] = {}
        for m in self.mentions:
            if m.role != "actor" or m.actor is None:
                continue
            entry = seen.setdefault(m.actor.id, (m.actor, []))
            entry[1].append((m.start, m.end))
        return list(seen.values())

    def mention_at(self, start: int, end: int, *, role: str = "actor") -> Mention | None:
        """The mention of `role` that best overlaps [start, end): the largest overlap,
        then the shortest mention, then the first in `mentions`. Quotes and events use
        it to turn a span of the parse (a speaker, a subject) into a resolved actor or
        place.

        Looks up an index of the mentions by start offset, built on first use and
        rebuilt when `mentions` is replaced or changes length; a caller that moves a
        mention (edits its start, end or role) in place calls `mentions_changed()`."""
        index = self._mention_index(role)
        starts, ends, items, longest = index
        # a mention overlapping [start, end) starts before `end` and after
        # `start - longest`
        lo = bisect_right(starts, start - longest)
        hi = bisect_left(starts, end)
        best: Mention | None = None
        best_key: tuple[int, int, int] = (0, 0, 0)
        for i in range(lo, hi):
            m_end = ends[i]
            if m_end <= start:
                continue
            m_start = starts[i]
            overlap = min(end, m_end) - max(start, m_start)
            if overlap <= 0:
                continue
            order, m = items[i]
            key = (overlap, m_start - m_end, -order)
            if key > best_key:
                best, best_key = m, key
        return best

    def mentions_from(self, start: int, end: int) -> list[Mention]:
        """The mentions (of any role) starting in [start, end], in text order (by start;
        equal starts in `mentions` order), from the same index as `mention_at`."""
        index = self._mention_index(None)
        starts = index[0]
        return [m for _, m in index[2][bisect_left(starts, start):bisect_right(starts, end)]]

    def mentions_changed(self) -> None:
        """Drop the index `mention_at` reads (after editing mentions in place)."""
        self.__dict__.pop("_mention_indexes", None)

    def _mention_index(self, role: str | None) -> tuple[list[int], list[int],
                                                        list[tuple[int, Mention]], int]:
        mentions = self.mentions
        cache = self.__dict__.get("_mention_indexes")
        if cache is None or cache[0] is not mentions or cache[1] != len(mentions):
            cache = (mentions, len(mentions), {})
            self.__dict__["_mention_indexes"] = cache
        index = cache[2].get(role)
        if index is None:
            # role None: every mention, empty ones too (`mentions_from`)
            rows = sorted((m.start, order, m) for order, m in enumerate(mentions)
                          if role is None or (m.role == role and m.end > m.start))
            index = ([r[0] for r in rows], [r[2].end for r in rows],
                     [(r[1], r[2]) for r in rows],
                     max((r[2].end - r[0] for r in rows), default=0))
            cache[2][role] = index
        return index

    def to_record(self) -> dict[str, Any]:
        """The `newsgraph extract` record (SPEC.md)."""
        return {
            "doc_id": self.doc_id, "source": self.source, "title": self.title,
            "outlet": self.outlet, "url": self.url, "published": self.published,
            "published_basis": self.published_basis,
            "date_interval": self.date_interval.to_dict() if self.date_interval else None,
            "text": self.text, "removed": list(self.removed),
            "actors": [dict(a.to_dict(), mentions=[list(s) for s in spans])
                       for a, spans in self.actors()],
            "timexes": [t.to_dict() for t in self.timexes],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
        }


__all__ = ["Actor", "Article", "Event", "Interval", "Location", "Mention", "Quote",
           "Timex", "content_hash", "asdict"]
