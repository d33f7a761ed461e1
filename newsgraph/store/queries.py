"""Queries over the store: the CLI, the HTTP API and Python users all call these.
Every function returns plain JSON-ready records (dicts and lists)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..errors import StoreError
from .db import Store
from .validate import like_literal


class NotFoundError(StoreError):
    """No document, event, actor or quote has the id asked for."""


def _actor_record(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    return {"id": row[0], "name": row[1], "kind": row[2], "country": row[3],
            "sector": row[4]}


def _country_codes(store: Store, text: str) -> set[str]:
    """ISO alpha-3 codes `text` names: a code ("RUS"), a country name ("Russia") or a
    demonym ("Iranian", through the KB when the store has one)."""
    codes: set[str] = set()
    if len(text) == 3 and text.isalpha():
        codes.add(text.upper())
    country = store.kb.country(text) if store.kb is not None else None
    if country is not None:
        codes.add(country.iso3)
    codes.update(r[0] for r in store.conn.execute(
        "SELECT id FROM actors WHERE kind = 'country' AND lower(name) = lower(?)", (text,)))
    return codes


def matching_actor_ids(store: Store, text: str) -> set[str]:
    """The stored actors `text` denotes: by id, by name or surname ("Putin"), and for a
    country every actor of that country (Putin counts for RUS)."""
    text = text.strip()
    codes = _country_codes(store, text)
    marks = ",".join("?" * len(codes)) or "NULL"
    rows = store.conn.execute(
        "SELECT id FROM actors WHERE lower(id) = lower(?) OR lower(name) = lower(?) "
        "OR (kind = 'person' AND lower(name) LIKE '% ' || lower(?) ESCAPE '\\') "
        f"OR id IN ({marks}) OR country IN ({marks})",
        [text, text, like_literal(text), *codes, *codes])
    return {r[0] for r in rows}


# Events below this confidence are left out of the timeline unless asked for
# (--all, --min-confidence): chosen on the dev half of gold/allsides_meetings.json,
# where rows at or above it were mostly real meetings (bench/meetings.py).
DEFAULT_MIN_CONFIDENCE = 0.75


def _event_filter(store: Store, *, actors: list[str] | None, type: str | None,
                  since: str | None, until: str | None, status: str | None = None,
                  min_confidence: float | None = None) -> tuple[str, list[Any]] | None:
    where, args = [], []
    if min_confidence:
        where.append("coalesce(e.confidence, 0) >= ?")
        args.append(min_confidence)
    for text in actors or []:
        ids = matching_actor_ids(store, text)
        if not ids:
            return None
        where.append("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND "
                     f"ea.actor_id IN ({','.join('?' * len(ids))}))")
        args.extend(sorted(ids))
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if status:
        where.append("e.status = ?")
        args.append(status)
    if since:
        where.append("e.sort_end >= ?")
        args.append(since)
    if until:
        where.append("e.sort_start <= ?")
        args.append(until)
    return (" WHERE " + " AND ".join(where) if where else ""), args


EVENT_COLUMNS = ("e.id, e.type, e.mode, e.status, e.date, e.precision, e.interval, "
                 "e.location_name, e.location_country, e.occasion, e.summary, e.conflict, "
                 "e.alternatives, e.n_documents, e.confidence")


def _event_record(store: Store, row: tuple[Any, ...]) -> dict[str, Any]:
    event_id = row[0]
    roles: dict[str, list[dict[str, Any]]] = {"actor": [], "recipient": []}
    for r in store.conn.execute(
            "SELECT a.id, a.name, a.kind, a.country, a.sector, ea.role FROM event_actors ea "
            "JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id = ? ORDER BY a.name",
            (event_id,)):
        roles[r[5]].append(_actor_record(r))
    sources = [
        {"doc_id": r[0], "source": r[1], "outlet": r[2], "published": r[3],
         "sentence": r[4], "start": r[5], "end": r[6], "status": r[7], "date": r[8],
         "duplicate_of": r[9]}
        for r in store.conn.execute(
            'SELECT d.doc_id, d.source, d.outlet, d.published, m.sentence, m.start, m."end", '
            "m.status, m.date, d.duplicate_of FROM event_sources s "
            "JOIN event_mentions m ON m.id = s.event_mention_id "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE s.event_id = ? "
            "ORDER BY d.published, d.doc_id, m.start", (event_id,))]
    return {
        "id": event_id, "type": row[1], "mode": row[2], "actor": roles["actor"],
        "recipient": roles["recipient"], "date": row[4], "precision": row[5],
        "interval": json.loads(row[6]) if row[6] else None,
        "location": {"name": row[7], "country": row[8]} if row[7] else None,
        "occasion": row[9], "status": row[3], "summary": row[10],
        "conflict": bool(row[11]), "alternatives": json.loads(row[12]) if row[12] else None,
        "documents": row[13], "confidence": row[14], "sources": sources,
    }


def events(store: Store, *, actors: list[str] | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, status: str | None = None,
           limit: int | None = None, min_confidence: float | None = None
           ) -> list[dict[str, Any]]:
    """Merged events matching every filter, in date order (interval-dated events by
    their interval start; undated ones last). Each `actors` entry must match a
    participant (actor or recipient); `min_confidence` (0-1): only events at least
    that well supported (None: all)."""
    filt = _event_filter(store, actors=actors, type=type, since=since, until=until,
                         status=status, min_confidence=min_confidence)
    if filt is None:
        return []
    where, args = filt
    sql = (f"SELECT {EVENT_COLUMNS} FROM events e{where} ORDER BY e.sort_start IS NULL, "
           "e.sort_start, e.sort_end, e.type, e.id")
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_event_record(store, row) for row in store.conn.execute(sql, args).fetchall()]


def timeline(store: Store, *, actors: list[str] | None = None, type: str | None = None,
             since: str | None = None, until: str | None = None,
             min_confidence: float | None = DEFAULT_MIN_CONFIDENCE
             ) -> list[dict[str, Any]]:
    """The dated history of `actors`: merged events in date order, each once, those
    at or above `min_confidence` (default DEFAULT_MIN_CONFIDENCE; 0 or None: all)."""
    return events(store, actors=actors, type=type, since=since, until=until,
                  min_confidence=min_confidence)


def _fts_phrase(text: str) -> str:
    # the user's words as one FTS5 phrase: quotes and operators in them stay literal
    return '"' + text.replace('"', '""') + '"'


QUOTE_COLUMNS = ('q.id, q.text, q.kind, q.cue, q.start, q."end", q.speaker_span, d.doc_id, '
                 "d.source, d.outlet, d.published, a.id, a.name, a.kind, a.country, a.sector")


def _quote_record(row: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": row[0], "text": row[1], "kind": row[2], "cue": row[3], "start": row[4],
            "end": row[5], "speaker_span": json.loads(row[6]) if row[6] else None,
            "speaker": _actor_record(row[11:16]) if row[11] else None,
            "doc_id": row[7], "source": row[8], "outlet": row[9], "published": row[10]}


def quotes(store: Store, *, speaker: str | None = None,
           search: str | None = None) -> list[dict[str, Any]]:
    """Quotes by `speaker` (a person, body or country, as for --actor) and/or whose text
    matches `search` (full-text, FTS5)."""
    where, args = [], []
    if speaker:
        ids = matching_actor_ids(store, speaker)
        if not ids:
            return []
        where.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
        args.extend(sorted(ids))
    if search:
        where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        args.append(_fts_phrase(search))
    sql = (f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.doc_id = q.doc_id "
           "LEFT JOIN actors a ON a.id = q.speaker_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY d.published IS NULL, d.published, d.doc_id, q.start")
    return [_quote_record(r) for r in store.conn.execute(sql, args)]


def actors(store: Store) -> list[dict[str, Any]]:
    """Every actor once, with how often and in how many documents it is mentioned and
    in how many merged events it takes part."""
    rows = store.conn.execute(
        "SELECT a.id, a.name, a.kind, a.country, a.sector, "
        "(SELECT count(*) FROM mentions m WHERE m.actor_id = a.id), "
        "(SELECT count(DISTINCT m.doc_id) FROM mentions m WHERE m.actor_id = a.id), "
        "(SELECT count(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = a.id) "
        "FROM actors a ORDER BY 6 DESC, a.name")
    return [dict(_actor_record(r), mentions=r[5], documents=r[6], events=r[7])
            for r in rows]


def search_documents(store: Store, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    rows = store.conn.execute(
        "SELECT d.doc_id, d.title, d.source, d.outlet, d.published FROM documents_fts f "
        "JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? "
        "ORDER BY rank LIMIT ?", (_fts_phrase(text), limit))
    return [{"doc_id": r[0], "title": r[1], "source": r[2], "outlet": r[3],
             "published": r[4]} for r in rows]


def _one(store: Store, sql: str, key: str) -> tuple[Any, ...] | None:
    rows = store.conn.execute(sql, (key, like_literal(key) + "%")).fetchmany(2)
    return rows[0] if len(rows) == 1 else None


def show(store: Store, id: str) -> dict[str, Any]:
    """A document, event, actor or quote by id (documents and events also by a unique
    prefix), with its sources; `record` says which. Raises NotFoundError."""
    key = id.strip()
    row = _one(store, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ? OR "
                      "e.id LIKE ? ESCAPE '\\'", key)
    if row is not None:
        return dict(_event_record(store, row), record="event")
    row = _one(store, "SELECT doc_id FROM documents WHERE doc_id = ? OR doc_id LIKE ? "
                      "ESCAPE '\\'", key)
    if row is not None:
        return _document_record(store, row[0])
    row = store.conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON "
                             "d.doc_id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_id "
                             "WHERE q.id = ?", (key,)).fetchone()
    if row is not None:
        return dict(_quote_record(row), record="quote")
    row = store.conn.execute("SELECT id, name, kind, country, sector FROM actors WHERE "
                             "id = ? OR lower(name) = lower(?)", (key, key)).fetchone()
    if row is not None:
        record = next(a for a in actors(store) if a["id"] == row[0])
        record["record"] = "actor"
        record["events_list"] = [{"id": e["id"], "date": e["date"], "summary": e["summary"]}
                                 for e in events(store, actors=[row[0]])]
        return record
    raise NotFoundError(f"no document, event, quote or actor with id {key!r}")


def _document_record(store: Store, doc_id: str) -> dict[str, Any]:
    r = store.conn.execute(
        "SELECT doc_id, source, url, title, outlet, published, published_basis, "
        "date_interval, text, removed, duplicate_of, similarity, ingested_at "
        "FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    events_here = [{"id": e[0], "summary": e[1], "sentence": e[2]} for e in store.conn.execute(
        "SELECT DISTINCT e.id, e.summary, m.sentence FROM event_mentions m JOIN "
        "event_sources s ON s.event_mention_id = m.id JOIN events e ON e.id = s.event_id "
        "WHERE m.doc_id = ? ORDER BY m.start", (doc_id,))]
    quotes_here = [_quote_record(q) for q in store.conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.doc_id = q.doc_id "
        "LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.doc_id = ? ORDER BY q.start",
        (doc_id,))]
    return {"record": "document", "doc_id": r[0], "source": r[1], "url": r[2],
            "title": r[3], "outlet": r[4], "published": r[5], "published_basis": r[6],
            "date_interval": json.loads(r[7]) if r[7] else None, "text": r[8],
            "removed": json.loads(r[9]), "duplicate_of": r[10], "similarity": r[11],
            "ingested_at": r[12], "events": events_here, "quotes": quotes_here}
