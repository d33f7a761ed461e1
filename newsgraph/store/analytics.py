"""Paged and aggregated queries over merged events, for `serve` and Python users: a page
of the timeline, counts per year/month/day, the actor network, two actors' relation.

Built for a million events: every list is one page (keyset cursor, never OFFSET), every
aggregate is bounded, and each query is shaped to use the indexes of migration
`m003_serve_indexes`. Parameters are always bound; only fixed SQL text is composed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from ..errors import StoreError
from .db import Store
from .queries import EVENT_COLUMNS, NotFoundError, _event_record, matching_actor_ids

# An event spanning more than this many days (a year-precision date, a term of office)
# is found through the width index; the rest by a range over its first day. 400 covers
# day, month and year precision (a year is 365 days wide).
WIDE_DAYS = 400
# With an actor whose events number at most this, the query starts from that actor's
# events (index event_actors_actor_event) instead of walking the date index: walking
# dates for a rare actor reads the whole window to find a few events. Measured on the
# million-event bench store (bench/serve.py): starting from 10,000 events of an actor
# costs about what walking a year of dates to find 100 of its events costs.
ACTOR_FIRST_MAX = 10_000
# The actor network aggregates at most this many events (the latest in the window) unless
# asked for more: 5,000 events aggregate in about 50 ms on the bench store (10,000 in
# 90 ms, 20,000 in 220 ms on an idle 2-core machine), and the page draws at most 60-80
# actors, whom the latest 5,000 events already show. GRAPH_EVENTS_LIMIT caps a request.
GRAPH_MAX_EVENTS = 5_000
GRAPH_EVENTS_LIMIT = 100_000
GRAPH_MAX_NODES = 80
MAX_PAGE = 500
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BUCKETS = {"year": 4, "month": 7, "day": 10}


class QueryError(StoreError):
    """A parameter the query cannot take (a bad date, cursor or limit)."""


@dataclass(frozen=True)
class EventFilter:
    """Every filter at once: each `actors` entry must take part (as for the CLI)."""

    actors: tuple[str, ...] = ()
    type: str | None = None
    status: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: the first day of that
    until: str | None = None  # ... the last day of that
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not (DATE.match(value) and _as_date(value)):
                raise QueryError(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or "
                                 "YYYY-MM-DD)")
        if self.min_confidence is not None and not 0 <= self.min_confidence <= 1:
            raise QueryError("min_confidence: must be between 0 and 1")


def _as_date(text: str, *, last: bool = False) -> date | None:
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            if not last:
                return first
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return following - timedelta(days=1)
        return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)
    except ValueError:
        return None


def has_column(store: Store, table: str, column: str) -> bool:
    """Whether the store's `table` has `column` (a newer migration may add one)."""
    return any(r[1] == column for r in store.conn.execute(
        "SELECT * FROM pragma_table_info(?)", (table,)))


def _confidence_sql(store: Store) -> str:
    return "e.confidence" if has_column(store, "events", "confidence") else "NULL"


# -- cursors -------------------------------------------------------------------------


def encode_cursor(values: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict[str, Any] | None:
    if not cursor:
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError) as e:
        raise QueryError("cursor: not a cursor this API gave") from e
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise QueryError("cursor: not a cursor this API gave")
    return data


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise QueryError(f"limit: must be between 1 and {MAX_PAGE}")
    return limit


# -- composing the filter ------------------------------------------------------------


def _marks(values: Any) -> str:
    return ",".join("?" * len(values))


def _resolve(store: Store, f: EventFilter) -> list[list[str]] | None:
    """The actor ids each `actors` entry denotes; None when one denotes nobody."""
    groups = []
    for text in f.actors:
        ids = sorted(matching_actor_ids(store, text))
        if not ids:
            return None
        groups.append(ids)
    return groups


def _bounded_count(store: Store, ids: list[str], *, bound: int | None) -> int:
    """How many events these actors take part in, counting no further than `bound` + 1
    (an index-only count: 10 ms for 200,000)."""
    return store.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM event_actors WHERE actor_id IN ({_marks(ids)}) "
        "LIMIT ?)", [*ids, -1 if bound is None else bound + 1]).fetchone()[0]


@dataclass
class _Plan:
    where: list[str]
    args: list[Any]
    driver: list[str] | None  # actor ids the query starts from, or None: by date

    def sql(self) -> str:
        return " AND ".join(self.where) if self.where else "1"


def _plan(store: Store, f: EventFilter, groups: list[list[str]], *,
          dates: bool = True, actor_first: bool = False) -> _Plan:
    """How to find `f`'s events: from an actor's events or by walking dates. With
    `actor_first`, from the rarest actor whatever its count (an aggregate over all
    dates reads every event of the actor either way, and fewer rows so)."""
    driver_at = None
    if groups:
        counts = [_bounded_count(store, ids, bound=None if actor_first else ACTOR_FIRST_MAX)
                  for ids in groups]
        best = min(range(len(groups)), key=counts.__getitem__)
        if counts[best] <= ACTOR_FIRST_MAX or actor_first:
            driver_at = best
    where: list[str] = []
    args: list[Any] = []
    # "+e.col" keeps SQLite off that column's index when the actor drives the query
    p = "+" if driver_at is not None else ""
    for i, ids in enumerate(groups):
        if i == driver_at:
            where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN "
                         f"({_marks(ids)}))")
        else:
            where.append("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id "
                         f"AND ea.actor_id IN ({_marks(ids)}))")
        args.extend(ids)
    if f.type:
        where.append(f"{p}e.type = ?")
        args.append(f.type.upper())
    if f.status:
        where.append(f"{p}e.status = ?")
        args.append(f.status)
    if f.min_confidence is not None:
        if not has_column(store, "events", "confidence"):
            raise QueryError("min_confidence: this store records no event confidence "
                             "(ingested by an older newsgraph)")
        where.append("e.confidence >= ?")
        args.append(f.min_confidence)
    if dates:
        if f.since:
            where.append(f"{p}e.sort_end >= ?")
            args.append(f.since)
        if f.until:
            where.append(f"{p}e.sort_start <= ?")
            args.append(_until(f.until))
    return _Plan(where, args, groups[driver_at] if driver_at is not None else None)


def _until(text: str) -> str:
    # "2020" -> "2020-12-31": the last day of what the user named
    day = _as_date(text, last=True)
    return day.isoformat() if day else text


def _index_hint(store: Store, f: EventFilter, plan: _Plan) -> str:
    """Walking dates, the index whose order and columns answer the window without
    reading rows (SQLite, without statistics, may pick `events_sort` and read a row per
    entry). Nothing when the migration that adds them is not in this store."""
    if plan.driver is not None:
        return ""
    name = ("events_type_dates" if f.type else "events_status_dates" if f.status
            else "events_dates")
    if not _has_index(store, name):
        return ""
    return f" INDEXED BY {name}"


def _has_index(store: Store, name: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND "
                              "name = ?", (name,)).fetchone() is not None


@dataclass
class _Window:
    """The SELECT of events in a date window walking the date index (`narrow`) and,
    when the window has a start, the SELECT of the few wider events that began before
    `since - WIDE_DAYS` (`wide`, through the width index)."""

    narrow: str
    narrow_args: list[Any]
    wide: str | None = None
    wide_args: list[Any] = field(default_factory=list)

    def union(self) -> tuple[str, list[Any]]:
        if self.wide is None:
            return self.narrow, self.narrow_args
        return (f"SELECT * FROM ({self.narrow}) UNION ALL SELECT * FROM ({self.wide})",
                [*self.narrow_args, *self.wide_args])


def _windowed(store: Store, f: EventFilter, plan: _Plan, select: str, *, extra: str = "",
              extra_args: list[Any] | None = None, tail: str = "",
              tail_args: list[Any] | None = None) -> _Window:
    """Events in `f`'s date window that meet `plan` (and `extra`), each SELECT ending
    with `tail` (ORDER BY / LIMIT)."""
    extra_args = extra_args or []
    tail_args = tail_args or []
    base = plan.sql() + extra
    args = plan.args + extra_args
    hint = _index_hint(store, f, plan)
    if plan.driver is not None or not f.since:
        return _Window(f"SELECT {select} FROM events e{hint} WHERE {base}{tail}",
                       [*args, *tail_args])
    since = _as_date(f.since)
    assert since is not None  # checked by EventFilter
    lo = (since - timedelta(days=WIDE_DAYS)).isoformat()
    narrow = f"SELECT {select} FROM events e{hint} WHERE {base} AND e.sort_start >= ?{tail}"
    wide_hint = " INDEXED BY events_width" if _has_index(store, "events_width") else ""
    wide = (f"SELECT {select} FROM events e{wide_hint} WHERE {base} AND "
            f"julianday(e.sort_end) - julianday(e.sort_start) > {WIDE_DAYS} "
            f"AND e.sort_start < ?{tail}")
    return _Window(narrow, [*args, lo, *tail_args], wide, [*args, lo, *tail_args])


# -- pages of events -----------------------------------------------------------------

LIGHT_COLUMNS = ("e.sort_start, e.id, e.sort_end, e.type, e.mode, e.status, e.date, "
                 "e.precision, e.summary, e.n_documents, e.location_name, "
                 "e.location_country, e.conflict, {confidence}, (SELECT count(*) FROM "
                 "event_sources es WHERE es.event_id = e.id)")


def _light_record(row: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": row[1], "start": row[0], "end": row[2], "type": row[3], "mode": row[4],
            "status": row[5], "date": row[6], "precision": row[7], "summary": row[8],
            "documents": row[9],
            "location": {"name": row[10], "country": row[11]} if row[10] else None,
            "conflict": bool(row[12]), "confidence": row[13], "sources": row[14]}


def event_page(store: Store, f: EventFilter, *, cursor: str | None = None,
               limit: int = 50, dated_only: bool = False,
               full: bool = False) -> dict[str, Any]:
    """One page of events in date order (undated ones after, unless `dated_only`):
    {"events": [...], "next": cursor or None}. `full` gives each event's actors and
    sources (as `newsgraph events`); otherwise a light record for lists."""
    _check_limit(limit)
    after = decode_cursor(cursor)
    groups = _resolve(store, f)
    if groups is None:
        return {"events": [], "next": None}
    conf = _confidence_sql(store)
    select = (f"e.sort_start, e.id, {EVENT_COLUMNS}" if full
              else LIGHT_COLUMNS.format(confidence=conf))
    rows: list[tuple[Any, ...]] = []
    if after is None or "s" in after:
        rows = _dated_rows(store, f, groups, select, after=after, limit=limit + 1)
    undated_ok = not dated_only and not f.since and not f.until
    if len(rows) <= limit and undated_ok:
        after_id = after.get("u", "") if after and "u" in after else ""
        plan = _plan(store, f, groups, dates=False)
        rows += store.conn.execute(
            f"SELECT {select} FROM events e WHERE {plan.sql()} AND e.sort_start IS NULL "
            "AND e.id > ? ORDER BY e.id LIMIT ?",
            [*plan.args, after_id, limit + 1 - len(rows)]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = None
    if more:
        last = rows[-1]
        nxt = encode_cursor({"s": last[0], "i": last[1]} if last[0] is not None
                            else {"u": last[1]})
    if full:
        records = [dict(_event_record(store, r[2:]), start=r[0]) for r in rows]
        conf_of = _confidences(store, [r[1] for r in rows])
        for rec in records:
            rec["confidence"] = conf_of.get(rec["id"])
    else:
        records = [_light_record(r) for r in rows]
    return {"events": records, "next": nxt}


def _confidences(store: Store, ids: list[str]) -> dict[str, float | None]:
    if not ids or not has_column(store, "events", "confidence"):
        return {}
    return dict(store.conn.execute(
        f"SELECT id, confidence FROM events WHERE id IN ({_marks(ids)})", ids).fetchall())


def _dated_rows(store: Store, f: EventFilter, groups: list[list[str]], select: str, *,
                after: dict[str, Any] | None, limit: int) -> list[tuple[Any, ...]]:
    plan = _plan(store, f, groups)
    extra, extra_args = " AND e.sort_start IS NOT NULL", []
    if after is not None:
        extra += " AND e.sort_start >= ? AND (e.sort_start > ? OR e.id > ?)"
        extra_args = [after["s"], after["s"], after.get("i", "")]
    order = "+e.sort_start, +e.id" if plan.driver is not None else "e.sort_start, e.id"
    window = _windowed(store, f, plan, select, extra=extra, extra_args=extra_args,
                       tail=f" ORDER BY {order} LIMIT ?", tail_args=[limit])
    rows = store.conn.execute(window.narrow, window.narrow_args).fetchall()
    if window.wide is not None:
        # two ordered queries merged here: SQLite's compound ORDER BY would sort the
        # whole window before the LIMIT
        rows += store.conn.execute(window.wide, window.wide_args).fetchall()
        rows.sort(key=lambda r: (r[0], r[1]))
    return rows[:limit]


def timeline_counts(store: Store, f: EventFilter, *,
                    bucket: str = "year") -> list[dict[str, Any]]:
    """How many dated events start in each year, month or day of `f`'s window."""
    if bucket not in BUCKETS:
        raise QueryError(f"bucket: one of {', '.join(BUCKETS)}")
    groups = _resolve(store, f)
    if groups is None:
        return []
    plan = _plan(store, f, groups, actor_first=not (f.since or f.until))
    n = BUCKETS[bucket]
    sql, args = _windowed(store, f, plan, f"substr(e.sort_start, 1, {n}) AS b",
                          extra=" AND e.sort_start IS NOT NULL").union()
    rows = store.conn.execute(f"SELECT b, count(*) FROM ({sql}) GROUP BY b ORDER BY b", args)
    return [{"bucket": b, "n": c} for b, c in rows]


# -- the actor network ---------------------------------------------------------------


def _actor_rows(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in store.conn.execute(
                "SELECT id, name, kind, country, sector FROM actors "
                f"WHERE id IN ({_marks(chunk)})", chunk):
            out[r[0]] = {"id": r[0], "name": r[1], "kind": r[2], "country": r[3],
                         "sector": r[4]}
    return out


def graph(store: Store, f: EventFilter, *, by: str = "actor",
          max_events: int = GRAPH_MAX_EVENTS,
          max_nodes: int = GRAPH_MAX_NODES) -> dict[str, Any]:
    """Actors as nodes, the events between two of them as weighted edges with counts by
    type: {"nodes", "edges", "events_considered", "truncated"}. `by="country"` folds
    people and bodies into their country. At most `max_events` events (the latest in
    the window) are aggregated; `truncated` says when there were more."""
    if by not in ("actor", "country"):
        raise QueryError("by: actor or country")
    if not 1 <= max_nodes <= 500:
        raise QueryError("max_nodes: must be between 1 and 500")
    if not 1 <= max_events <= GRAPH_EVENTS_LIMIT:
        raise QueryError(f"max_events: must be between 1 and {GRAPH_EVENTS_LIMIT}")
    groups = _resolve(store, f)
    empty = {"nodes": [], "edges": [], "events_considered": 0, "truncated": False}
    if groups is None:
        return empty
    plan = _plan(store, f, groups)
    order = "+e.sort_start" if plan.driver is not None else "e.sort_start"
    sql, args = _windowed(store, f, plan, "e.id AS id, e.type AS type",
                          tail=f" ORDER BY {order} DESC LIMIT ?",
                          tail_args=[max_events + 1]).union()
    # the latest max_events (+1 to tell there are more) of the window; with a start
    # date, the few wide events come on top of them
    rows = store.conn.execute(
        f"WITH ev0 AS MATERIALIZED (SELECT id, type FROM ({sql})), "
        "ev AS MATERIALIZED (SELECT id, type FROM ev0 LIMIT ?) "
        "SELECT NULL, NULL, (SELECT count(*) FROM ev0) UNION ALL "
        "SELECT ev.id, ev.type, ea.actor_id FROM ev CROSS JOIN event_actors ea "
        "ON ea.event_id = ev.id", [*args, max_events]).fetchall()
    considered = rows[0][2]
    # pairs counted here: cheaper than SQLite joining event_actors to itself and
    # grouping through a temporary b-tree (130 ms against 60 ms for 10,000 events)
    by_event: dict[str, tuple[str, list[str]]] = {}
    for event_id, type_, actor_id in rows[1:]:
        entry = by_event.get(event_id)
        if entry is None:
            by_event[event_id] = (type_, [actor_id])
        else:
            entry[1].append(actor_id)
    tally: dict[tuple[str, str, str], int] = {}
    for type_, members in by_event.values():
        if len(members) == 2:  # nearly every event: one actor, one recipient
            x, y = members
            if x == y:
                continue
            key = (x, y, type_) if x < y else (y, x, type_)
            tally[key] = tally.get(key, 0) + 1
            continue
        members = sorted(set(members))
        for i, x in enumerate(members):
            for y in members[i + 1:]:
                tally[(x, y, type_)] = tally.get((x, y, type_), 0) + 1
    pairs = [(x, y, t, n) for (x, y, t), n in tally.items()]
    actor_ids = sorted({p[0] for p in pairs} | {p[1] for p in pairs})
    info = _actor_rows(store, actor_ids)
    fold: dict[str, str] = {}
    if by == "country":
        for aid, rec in info.items():
            fold[aid] = rec["country"] or aid
        info.update({c: {"id": c, "name": c, "kind": "country", "country": c,
                         "sector": None} for c in set(fold.values()) if c not in info})
    edges: dict[tuple[str, str], dict[str, int]] = {}
    for a, b, type_, n in pairs:
        a, b = fold.get(a, a), fold.get(b, b)
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        counts = edges.setdefault(key, {})
        counts[type_] = counts.get(type_, 0) + n
    weight: dict[str, int] = {}
    for (a, b), counts in edges.items():
        total = sum(counts.values())
        weight[a] = weight.get(a, 0) + total
        weight[b] = weight.get(b, 0) + total
    keep = set(sorted(weight, key=lambda k: (-weight[k], k))[:max_nodes])
    nodes = [dict(info.get(k, {"id": k, "name": k, "kind": "unknown", "country": None,
                               "sector": None}), weight=weight[k])
             for k in sorted(keep, key=lambda k: (-weight[k], k))]
    out_edges = [{"source": a, "target": b, "weight": sum(c.values()),
                  "types": dict(sorted(c.items(), key=lambda kv: -kv[1]))}
                 for (a, b), c in sorted(edges.items()) if a in keep and b in keep]
    return {"nodes": nodes, "edges": out_edges,
            "events_considered": min(considered, max_events),
            "truncated": considered > max_events}


# -- two actors over time ------------------------------------------------------------


def relations(store: Store, a: str, b: str, f: EventFilter | None = None, *,
              cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """Two actors over time: events by type per month ({"month", "type", "n"}), how
    many are undated, and a page of the events themselves (both must take part;
    a country stands for its people and bodies, as for --actor)."""
    f = replace(f or EventFilter(), actors=(a, b))
    page = event_page(store, f, cursor=cursor, limit=limit)
    groups = _resolve(store, f)
    months: list[dict[str, Any]] = []
    undated = 0
    if groups is not None:
        # an aggregate over all their dates: from the rarer actor's events, always
        plan = _plan(store, f, groups, actor_first=True)
        for month, type_, n in store.conn.execute(
                f"SELECT substr(e.sort_start, 1, 7), e.type, count(*) FROM events e "
                f"WHERE {plan.sql()} GROUP BY 1, 2 ORDER BY 1, 2", plan.args):
            if month is None:
                undated += n
            else:
                months.append({"month": month, "type": type_, "n": n})
    return {"a": _denoted(store, a), "b": _denoted(store, b), "months": months,
            "undated": undated, "events": page["events"], "next": page["next"]}


def _denoted(store: Store, text: str) -> dict[str, Any]:
    ids = sorted(matching_actor_ids(store, text))
    named = _actor_rows(store, ids[:200])
    head = next((named[i] for i in ids if named.get(i, {}).get("kind") == "country"),
                named.get(ids[0]) if ids else None)
    return {"query": text, "actor": head, "matches": len(ids)}


def event(store: Store, id: str) -> dict[str, Any]:
    """One merged event by its exact id, with actors, sources and confidence (None
    where the store records none). Raises NotFoundError."""
    row = store.conn.execute(f"SELECT {EVENT_COLUMNS}, e.sort_start, e.sort_end FROM "
                             "events e WHERE e.id = ?", (id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no event with id {id!r}")
    record = _event_record(store, row[:-2])
    record.update(start=row[-2], end=row[-1],
                  confidence=_confidences(store, [id]).get(id))
    return record
