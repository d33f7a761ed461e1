"""The SQLite schema, as named migrations recorded in a `migrations` table.

Each migration is a function `fn(conn)`; `apply_migrations` runs those not yet recorded,
in order, each in its own transaction (sqlite-utils style). Add new ones at the end;
never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def _execute_all(conn: sqlite3.Connection, script: str) -> None:
    # not conn.executescript: it commits first, and a migration must be one transaction
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def m001_initial(conn: sqlite3.Connection) -> None:
    _execute_all(conn, """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        outlet TEXT,
        published TEXT,
        published_basis TEXT,
        date_interval TEXT,          -- JSON {"start","end"} or NULL
        text TEXT NOT NULL,
        removed TEXT NOT NULL,       -- JSON list of removed lines
        duplicate_of TEXT REFERENCES documents(doc_id),
        similarity REAL,             -- estimated Jaccard with duplicate_of
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT
    );
    CREATE INDEX actors_country ON actors(country);
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        actor_id TEXT REFERENCES actors(id),
        role TEXT NOT NULL,          -- actor | place
        place_name TEXT,
        place_country TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        how TEXT
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    CREATE INDEX mentions_actor ON mentions(actor_id);
    CREATE TABLE timexes (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT,
        value TEXT,
        precision TEXT,
        interval TEXT,
        anchor TEXT
    );
    CREATE INDEX timexes_doc ON timexes(doc_id);
    CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        speaker_id TEXT REFERENCES actors(id),
        speaker_span TEXT,           -- JSON [start, end] or NULL
        cue TEXT
    );
    CREATE INDEX quotes_doc ON quotes(doc_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_id);
    CREATE TABLE event_mentions (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id),
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        date TEXT,
        precision TEXT,
        interval TEXT,
        location_name TEXT,
        location_country TEXT,
        occasion TEXT,
        sentence TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        trigger TEXT
    );
    CREATE INDEX event_mentions_doc ON event_mentions(doc_id);
    CREATE TABLE event_mention_actors (
        event_mention_id TEXT NOT NULL REFERENCES event_mentions(id),
        actor_id TEXT NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,          -- actor | recipient
        PRIMARY KEY (event_mention_id, actor_id, role)
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        participants_key TEXT NOT NULL,
        date TEXT,
        precision TEXT,
        interval TEXT,
        sort_start TEXT,             -- first possible day (date or interval start)
        sort_end TEXT,               -- last possible day
        location_name TEXT,
        location_country TEXT,
        occasion TEXT,
        summary TEXT NOT NULL,
        conflict INTEGER NOT NULL DEFAULT 0,
        alternatives TEXT,           -- JSON {"date": [...], "location": [...]} on conflict
        n_documents INTEGER NOT NULL DEFAULT 0  -- independent sources (wire copies excluded)
    );
    CREATE INDEX events_key ON events(type, participants_key);
    CREATE INDEX events_sort ON events(sort_start);
    CREATE TABLE event_actors (
        event_id TEXT NOT NULL REFERENCES events(id),
        actor_id TEXT NOT NULL REFERENCES actors(id),
        role TEXT NOT NULL,
        PRIMARY KEY (event_id, actor_id, role)
    );
    CREATE INDEX event_actors_actor ON event_actors(actor_id);
    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(id),
        event_mention_id TEXT NOT NULL REFERENCES event_mentions(id),
        PRIMARY KEY (event_id, event_mention_id)
    );
    CREATE INDEX event_sources_mention ON event_sources(event_mention_id);
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text);
    CREATE VIRTUAL TABLE quotes_fts USING fts5(text);
    """)


def m002_minhash(conn: sqlite3.Connection) -> None:
    _execute_all(conn, """
    CREATE TABLE doc_minhash (
        doc_id TEXT PRIMARY KEY REFERENCES documents(doc_id),
        signature BLOB NOT NULL
    );
    CREATE TABLE doc_bands (
        band INTEGER NOT NULL,
        hash TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(doc_id)
    );
    CREATE INDEX doc_bands_lookup ON doc_bands(band, hash);
    """)


def m003_serve_indexes(conn: sqlite3.Connection) -> None:
    # for `serve` over a million events: pages by date, type, status and actor, and the
    # few wide-interval events a date window must not miss (newsgraph.store.analytics)
    _execute_all(conn, """
    CREATE INDEX events_dates ON events(sort_start, sort_end, id, type);
    CREATE INDEX events_type_dates ON events(type, sort_start, sort_end, id);
    CREATE INDEX events_status_dates ON events(status, sort_start, sort_end, id);
    CREATE INDEX events_width ON events(julianday(sort_end) - julianday(sort_start),
                                        sort_end, sort_start, id);
    CREATE INDEX event_actors_actor_event ON event_actors(actor_id, event_id);
    """)


def m004_event_confidence(conn: sqlite3.Connection) -> None:
    # 0-1 support of a mention (events/confidence.py) and of a merged event (combined
    # over independent documents, crossdoc/merge.py)
    _execute_all(conn, """
    ALTER TABLE event_mentions ADD COLUMN confidence REAL;
    ALTER TABLE events ADD COLUMN confidence REAL;
    CREATE INDEX events_confidence ON events(confidence)
    """)


# an event's days, for one of its parties (`event_days`); wider than WIDE_DAYS: `wide`
WIDE_DAYS = 31
_DAYS = ("{e}.sort_start, {e}.sort_end, coalesce(julianday({e}.sort_end) - "
         "julianday({e}.sort_start) > " + str(WIDE_DAYS) + ", 0)")
_EVENT_DAYS = ("INSERT OR REPLACE INTO event_days (event_id, actor_id, type, first_day, "
               "last_day, wide) ")


def m005_merge_candidates(conn: sqlite3.Connection) -> None:
    # The merge's candidates by index (store/db.py `_load_events`): for each party of an
    # event, its type and first/last day (`event_days`, kept by triggers from events and
    # event_actors, so that stores loaded from files or written by the Spark job keep it
    # too); `wide`: known to within more than WIDE_DAYS (few), looked up apart, as are
    # undated events (an undated repeat's dated namesakes, merge.repeats).
    # One statement at a time: a trigger's body holds ";".
    for statement in (
        "CREATE TABLE event_days (event_id TEXT NOT NULL, actor_id TEXT NOT NULL, "
        "type TEXT NOT NULL, first_day TEXT, last_day TEXT, wide INTEGER NOT NULL "
        "DEFAULT 0, PRIMARY KEY (event_id, actor_id)) WITHOUT ROWID",
        "CREATE INDEX event_days_lookup ON event_days(actor_id, type, wide, first_day)",
        "CREATE TRIGGER event_days_actor AFTER INSERT ON event_actors BEGIN "
        + _EVENT_DAYS + "SELECT e.id, new.actor_id, e.type, " + _DAYS.format(e="e")
        + " FROM events e WHERE e.id = new.event_id; END",
        "CREATE TRIGGER event_days_actor_gone AFTER DELETE ON event_actors BEGIN "
        "DELETE FROM event_days WHERE event_id = old.event_id AND actor_id = "
        "old.actor_id AND NOT EXISTS (SELECT 1 FROM event_actors WHERE event_id = "
        "old.event_id AND actor_id = old.actor_id); END",
        "CREATE TRIGGER event_days_event AFTER INSERT ON events BEGIN "
        + _EVENT_DAYS + "SELECT new.id, a.actor_id, new.type, " + _DAYS.format(e="new")
        + " FROM event_actors a WHERE a.event_id = new.id; END",
        "CREATE TRIGGER event_days_event_dates AFTER UPDATE OF type, sort_start, sort_end "
        "ON events BEGIN UPDATE event_days SET type = new.type, first_day = "
        "new.sort_start, last_day = new.sort_end, wide = coalesce(julianday("
        f"new.sort_end) - julianday(new.sort_start) > {WIDE_DAYS}, 0) WHERE event_id = "
        "new.id; END",
        "CREATE TRIGGER event_days_event_gone AFTER DELETE ON events BEGIN "
        "DELETE FROM event_days WHERE event_id = old.id; END",
        _EVENT_DAYS + "SELECT e.id, a.actor_id, e.type, " + _DAYS.format(e="e")
        + " FROM events e JOIN event_actors a ON a.event_id = e.id",
    ):
        conn.execute(statement)


def m006_merge_lookup(conn: sqlite3.Connection) -> None:
    # The merge's window lookup (store/db.py `_candidate_ids`) reads an event's last day
    # from the index, not from a row per entry: at a million mentions the rows it
    # fetched only to drop most of them (first day in the window's WIDE_DAYS lead, last
    # day before it) were random pages, ten times the ones it kept. Two indexes that are
    # prefixes of wider ones (m003) go: every insert paid for them, no query needs them
    # (`serve` names its date index, store/analytics.py `_index_hint`).
    _execute_all(conn, """
    CREATE INDEX event_days_window ON event_days(actor_id, type, wide, first_day, last_day);
    DROP INDEX event_days_lookup;
    DROP INDEX events_sort;
    DROP INDEX event_actors_actor
    """)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("m001_initial", m001_initial),
    ("m002_minhash", m002_minhash),
    ("m003_serve_indexes", m003_serve_indexes),
    ("m004_event_confidence", m004_event_confidence),
    ("m005_merge_candidates", m005_merge_candidates),
    ("m006_merge_lookup", m006_merge_lookup),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS migrations "
                 "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def pending_migrations(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations not yet applied, read without writing anything."""
    has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                             "name = 'migrations'").fetchone()
    done = {r[0] for r in conn.execute("SELECT name FROM migrations")} if has_table else set()
    return [name for name, _ in MIGRATIONS if name not in done]


def apply_migrations(conn: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; return the names applied now. `conn` is in autocommit
    mode (isolation_level=None)."""
    done = set(applied(conn))
    now_applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have applied it while we waited for the lock
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")
                continue
            fn(conn)
            conn.execute("INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(UTC).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full)
                conn.execute("ROLLBACK")
            raise
        now_applied.append(name)
    return now_applied
