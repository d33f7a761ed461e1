"""Paged look-ups for browsing the store (`serve` and Python users): actors and one
actor, a document with the spans to highlight, quotes by speaker, full-text search,
and an overview. Plain JSON-ready records; parameters always bound."""

from __future__ import annotations

import sqlite3
from typing import Any

from .analytics import QueryError, _check_limit, decode_cursor, encode_cursor, has_column
from .db import Store
from .queries import QUOTE_COLUMNS, NotFoundError, _document_record, _quote_record

SEARCH_MAX_WORDS = 12
# FTS5 snippet() markers around a hit: control characters no article text keeps, so a
# client splits on them and never has to parse markup
HIT_START, HIT_END = "\x02", "\x03"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def actors_page(store: Store, *, q: str | None = None, kind: str | None = None,
                cursor: str | None = None, limit: int = 50) -> dict[str, Any]:
    """Actors by name (those whose name contains `q`), each with its number of events."""
    _check_limit(limit)
    after = decode_cursor(cursor)
    where, args = [], []
    if q:
        where.append("(a.name LIKE ? ESCAPE '\\' OR a.id = ?)")
        args.extend([_like(q), q])
    if kind:
        where.append("a.kind = ?")
        args.append(kind)
    if after:
        where.append("(a.name > ? OR (a.name = ? AND a.id > ?))")
        args.extend([after.get("n", ""), after.get("n", ""), after.get("i", "")])
    rows = store.conn.execute(
        "SELECT a.id, a.name, a.kind, a.country, a.sector, (SELECT count(*) FROM "
        "event_actors ea WHERE ea.actor_id = a.id) FROM actors a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.name, a.id LIMIT ?", [*args, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"actors": [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3],
                        "sector": r[4], "events": r[5]} for r in rows],
            "next": encode_cursor({"n": rows[-1][1], "i": rows[-1][0]}) if more else None}


def actor_detail(store: Store, id: str) -> dict[str, Any]:
    """One actor: counts, first and last event, the names articles give it, and (from
    the knowledge base, when the store has one) aliases and offices with dates."""
    r = store.conn.execute("SELECT id, name, kind, country, sector FROM actors WHERE id = ?",
                           (id,)).fetchone()
    if r is None:
        raise NotFoundError(f"no actor with id {id!r}")
    record: dict[str, Any] = {"id": r[0], "name": r[1], "kind": r[2], "country": r[3],
                              "sector": r[4]}
    c = store.conn
    record["events"] = c.execute("SELECT count(*) FROM event_actors WHERE actor_id = ?",
                                 (id,)).fetchone()[0]
    first, last = c.execute(
        "SELECT min(sort_start), max(sort_end) FROM events WHERE id IN "
        "(SELECT event_id FROM event_actors WHERE actor_id = ?)", (id,)).fetchone()
    record["first"], record["last"] = first, last
    record["mentions"], record["documents"] = c.execute(
        "SELECT count(*), count(DISTINCT doc_id) FROM mentions WHERE actor_id = ?",
        (id,)).fetchone()
    record["quotes"] = c.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?",
                                 (id,)).fetchone()[0]
    record["names_in_articles"] = [
        {"text": t, "n": n} for t, n in c.execute(
            "SELECT text, count(*) FROM mentions WHERE actor_id = ? GROUP BY text "
            "ORDER BY 2 DESC, 1 LIMIT 20", (id,))]
    record["aliases"], record["offices"] = _from_kb(store, record)
    return record


def _from_kb(store: Store, actor: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]]:
    kb = store.kb
    if kb is None:
        return [], []
    aliases: list[str] = []
    offices: list[dict[str, Any]] = []
    try:
        entity = kb.entity(actor["id"])
        if entity is not None:
            aliases = list(entity.aliases)
        elif actor["kind"] == "country":
            country = kb.country(actor["id"])
            if country is not None:
                aliases = list(dict.fromkeys([*country.aliases, *country.demonyms]))
        offices = [{"role": t.role, "country": t.country, "start": t.start, "end": t.end,
                    "acting": t.acting, "source": t.source} for t in kb.terms(actor["id"])]
    except Exception:  # the KB only adds detail; a KB being rewritten must not break it
        return aliases, offices
    return aliases, offices


def document(store: Store, doc_id: str) -> dict[str, Any]:
    """One document with its text and what to highlight in it: each event sentence
    ({"start", "end", "event_id", "type", "status"}, code-point offsets in `text`)."""
    if store.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?",
                          (doc_id,)).fetchone() is None:
        raise NotFoundError(f"no document with id {doc_id!r}")
    record = _document_record(store, doc_id)
    record["spans"] = [
        {"start": r[0], "end": r[1], "event_id": r[2], "type": r[3], "status": r[4]}
        for r in store.conn.execute(
            'SELECT m.start, m."end", s.event_id, m.type, m.status FROM event_mentions m '
            "JOIN event_sources s ON s.event_mention_id = m.id WHERE m.doc_id = ? "
            "ORDER BY m.start", (doc_id,))]
    return record


def _fts_query(text: str) -> str:
    # each word a quoted FTS5 string: all must occur, and no word is an operator
    words = "".join(c if c.isprintable() else " " for c in text).split()[:SEARCH_MAX_WORDS]
    if not words:
        raise QueryError("q: give a word to search for")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(store: Store, q: str, *, limit: int = 20) -> dict[str, Any]:
    """Full-text search (FTS5) over articles and quotes, best matches first. Document
    snippets mark each hit between HIT_START and HIT_END."""
    _check_limit(limit)
    match = _fts_query(q)
    try:
        return _search(store, q, match, limit=limit)
    except sqlite3.OperationalError as e:  # FTS5 refusing a query we did not foresee
        raise QueryError(f"q: cannot search for {q!r} ({e})") from e


def _search(store: Store, q: str, match: str, *, limit: int) -> dict[str, Any]:
    docs = [{"doc_id": r[0], "title": r[1], "outlet": r[2], "published": r[3],
             "url": r[4], "snippet": r[5]} for r in store.conn.execute(
        "SELECT d.doc_id, d.title, d.outlet, d.published, d.url, "
        "snippet(documents_fts, 1, ?, ?, '…', 16) FROM documents_fts "
        "JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? "
        "ORDER BY rank LIMIT ?", (HIT_START, HIT_END, match, limit))]
    quotes = [_quote_record(r) for r in store.conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid "
        "JOIN documents d ON d.doc_id = q.doc_id LEFT JOIN actors a ON a.id = q.speaker_id "
        "WHERE quotes_fts MATCH ? ORDER BY f.rank LIMIT ?", (match, limit))]
    return {"query": q, "documents": docs, "quotes": quotes}


def quotes_page(store: Store, *, speaker: str | None = None, cursor: str | None = None,
                limit: int = 50) -> dict[str, Any]:
    """Quotes, newest article first; by one speaker (an actor id) when given."""
    _check_limit(limit)
    after = decode_cursor(cursor)
    where, args = [], []
    if speaker:
        where.append("q.speaker_id = ?")
        args.append(speaker)
    if after:
        where.append("(coalesce(d.published, '') < ? OR (coalesce(d.published, '') = ? "
                     "AND q.id > ?))")
        args.extend([after.get("p", ""), after.get("p", ""), after.get("i", "")])
    rows = store.conn.execute(
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.doc_id = q.doc_id "
        "LEFT JOIN actors a ON a.id = q.speaker_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(d.published, '') DESC, q.id LIMIT ?",
        [*args, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor({"p": rows[-1][10] or "", "i": rows[-1][0]}) if more else None
    return {"quotes": [_quote_record(r) for r in rows], "next": nxt}


def speakers(store: Store, *, limit: int = 100) -> list[dict[str, Any]]:
    """The actors quoted most, with their number of quotes."""
    _check_limit(limit)
    return [{"id": r[0], "name": r[1], "kind": r[2], "country": r[3], "quotes": r[4]}
            for r in store.conn.execute(
                "SELECT a.id, a.name, a.kind, a.country, n FROM (SELECT speaker_id, "
                "count(*) AS n FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
                "ORDER BY n DESC LIMIT ?) JOIN actors a ON a.id = speaker_id "
                "ORDER BY n DESC, a.name", (limit,))]


def _distinct(store: Store, column: str) -> list[str]:
    # one index probe per value (a skip scan) instead of reading a million rows
    values: list[str] = []
    sql = {"type": "SELECT min(type) FROM events WHERE type > ?",
           "status": "SELECT min(status) FROM events WHERE status > ?"}[column]
    last = ""
    while (value := store.conn.execute(sql, (last,)).fetchone()[0]) is not None:
        values.append(value)
        last = value
    return values


def overview(store: Store) -> dict[str, Any]:
    """Counts, the dated range, the event types and statuses present, and whether
    events carry a confidence."""
    c = store.conn
    first, last = c.execute("SELECT min(sort_start), max(sort_start) FROM events").fetchone()
    return {"documents": store.count("documents"), "events": store.count("events"),
            "quotes": store.count("quotes"), "actors": store.count("actors"),
            "first": first, "last": last, "types": _distinct(store, "type"),
            "statuses": _distinct(store, "status"),
            "has_confidence": has_column(store, "events", "confidence")}
