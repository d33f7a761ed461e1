"""Open the store, ingest articles (one transaction each), merge their events."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import limits, settings
from ..crossdoc import dedupe
from ..crossdoc.merge import (
    MentionView,
    MergedEvent,
    candidate_window,
    is_candidate,
    is_undated,
    merge_one,
    party_set,
    recall_window,
    repeats,
    sort_span,
)
from ..errors import StoreError, StoreReadOnlyError
from ..events.confidence import combine as combine_confidence
from ..events.confidence import of_mention, of_repeat
from ..kb import KnowledgeBase
from ..model import Actor, Article, Interval, Location
from .connect import open_connection, prove_writable, store_error
from .schema import WIDE_DAYS, apply_migrations, pending_migrations
from .summary import summarize

ENV_DB = settings.setting("db").env
# How long a writer waits for another process's lock (`serve` reading while `ingest`
# writes never waits in WAL mode; two writers do).
BUSY_TIMEOUT_MS = 30_000
# A writer's page cache and memory map ($NEWSGRAPH_STORE_CACHE, $NEWSGRAPH_STORE_MMAP).
# Ids are hashes, so every index of a stored mention lands on a random page (about 13
# distinct pages a mention) and the merge reads its candidates from random pages: a
# 2 MB cache made every insert a read from disk (30,000 mentions: 29 s, 128 MB: 20 s);
# at 300,000 mentions (a 450 MB store) the 64 MB cache then used read 307 kB and wrote
# 286 kB a mention; 256 MB, a map over the file and the two below: 39 kB and 102 kB,
# about 40% less time (bench/scale.py `merge`). Both are taken as needed, up to the setting.
#
# Sub-journals in memory: each article of a batch is a SAVEPOINT, and SQLite keeps
# the pages it changes (from 64 kB on) in a temporary file: half the writes above.
TEMP_STORE = "MEMORY"
# WAL pages before a checkpoint copies them into the file (SQLite's default: 1,000).
# At 300,000 mentions a batch of 200 articles put ~27,000 pages in the WAL, each
# batch's copied into the file after it; every two or three batches instead, a page
# rewritten meanwhile is copied once: half the bytes written to disk. The WAL file
# grows to about this and a batch (200-300 MB) and is reused, not grown, after that.
WAL_CHECKPOINT_PAGES = 50_000
# Ids per `IN (...)` query (SQLite allows 32,766 parameters; a few hundred plan well).
ID_CHUNK = 500


def resolve_path(path: str | os.PathLike[str] | None = None) -> Path:
    """--db PATH, else $NEWSGRAPH_DB, else ./newsgraph.db (the `db` setting)."""
    return Path(settings.get("db", path or None))


@dataclass
class IngestResult:
    doc_id: str
    status: str  # added | skipped
    events: int = 0
    quotes: int = 0
    duplicate_of: str | None = None


def _short_hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


def _days_before(day: str, days: int) -> str:
    """The ISO day `days` before `day` (the calendar's first day at most)."""
    try:
        return (date.fromisoformat(day) - timedelta(days=days)).isoformat()
    except OverflowError:
        return date.min.isoformat()


def _interval_json(interval: Interval | None) -> str | None:
    return json.dumps(interval.to_dict()) if interval else None


def interval_from_json(text: str | None) -> Interval | None:
    if not text:
        return None
    data = json.loads(text)
    return Interval(data["start"], data["end"])


class Store:
    """One SQLite file in WAL mode. Use `open()`; close with `close()` or `with`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *,
                 kb: KnowledgeBase | None = None, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.kb = kb
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    _in_batch = False  # inside `batch()`: a transaction is a SAVEPOINT in the batch's

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Batched writes: the `ingest` calls inside share one transaction (one COMMIT,
        the cost that dominated a stored article), each article in a SAVEPOINT of its
        own, so one that fails is rolled back alone; Ctrl-C rolls back the batch."""
        with self.transaction():
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT; ROLLBACK on any exception, Ctrl-C included.
        Inside `batch()`, a SAVEPOINT of the batch's transaction instead. SQLite errors
        come out as the StoreError that names them (disk full, corrupt, read-only:
        `StoreFatalError`, the run must stop)."""
        if self.read_only:
            raise StoreReadOnlyError(f"{self.path}: the store was opened read-only")
        if self._in_batch:  # one article of a batch: undone alone
            yield from self._scope("SAVEPOINT article", ("ROLLBACK TO article",
                                                         "RELEASE article"), "RELEASE article")
        else:  # foreign keys checked at COMMIT: event actors come before the summary row
            yield from self._scope("BEGIN IMMEDIATE", ("ROLLBACK",), "COMMIT",
                                   setup="PRAGMA defer_foreign_keys = ON")

    def _scope(self, begin: str, undo: tuple[str, ...], finish: str, *,
               setup: str | None = None) -> Iterator[sqlite3.Connection]:
        """`begin`, the caller's writes, `finish`; on any exception (Ctrl-C included)
        `undo`, and an SQLite error as the StoreError that names it."""
        try:
            self.conn.execute(begin)
        except sqlite3.Error as e:
            raise store_error(self.path, e) from e
        try:
            if setup:
                self.conn.execute(setup)
            yield self.conn
            self.conn.execute(finish)
        except BaseException as e:
            self._undo(undo)
            if isinstance(e, sqlite3.Error):
                raise store_error(self.path, e) from e
            raise

    def _undo(self, statements: tuple[str, ...]) -> None:
        # SQLite may have rolled back itself (disk full, I/O error): no second error
        if self.conn.in_transaction:
            try:
                for statement in statements:
                    self.conn.execute(statement)
            except sqlite3.Error:
                pass

    # -- reading helpers ------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?",
                                 (doc_id,)).fetchone() is not None

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "event_mentions", "quotes", "actors"}:
            raise StoreError(f"no table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- ingest ---------------------------------------------------------------------

    def ingest(self, article: Article) -> IngestResult:
        """Store one processed article and merge its events, all or nothing. An article
        whose cleaned text is already stored is skipped."""
        doc_id = article.doc_id
        if self.has(doc_id):
            return IngestResult(doc_id, "skipped")
        try:
            with self.transaction() as conn:
                if self.has(doc_id):  # another process stored it meanwhile
                    return IngestResult(doc_id, "skipped")
                duplicate_of = self._insert_document(conn, article)
                self._insert_mentions(conn, article)
                n_quotes = self._insert_quotes(conn, article)
                mentions = self._insert_event_mentions(conn, article)
                self._merge(conn, mentions, duplicate_of=duplicate_of)
        except sqlite3.Error as e:
            raise store_error(self.path, e) from e
        return IngestResult(doc_id, "added", events=len(mentions), quotes=n_quotes,
                            duplicate_of=duplicate_of)

    def _upsert_actor(self, conn: sqlite3.Connection, actor: Actor) -> None:
        conn.execute(
            "INSERT INTO actors (id, name, kind, country, sector) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET country = coalesce(actors.country, "
            "excluded.country), sector = coalesce(actors.sector, excluded.sector)",
            (actor.id, actor.name, actor.kind, actor.country, actor.sector))

    def _insert_document(self, conn: sqlite3.Connection, article: Article) -> str | None:
        doc_id = article.doc_id
        text = article.text or article.raw
        signature = dedupe.minhash(text)
        duplicate_of, similarity = None, None
        if signature is not None:
            duplicate_of, similarity = self._find_near_duplicate(conn, signature)
        conn.execute(
            "INSERT INTO documents (doc_id, source, url, title, outlet, published, "
            "published_basis, date_interval, text, removed, duplicate_of, similarity, "
            "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, article.source, article.url, article.title, article.outlet,
             article.published, article.published_basis,
             _interval_json(article.date_interval), text, json.dumps(article.removed),
             duplicate_of, similarity, datetime.now(UTC).isoformat(timespec="seconds")))
        conn.execute("INSERT INTO documents_fts (rowid, title, text) VALUES "
                     "((SELECT rowid FROM documents WHERE doc_id = ?), ?, ?)",
                     (doc_id, article.title or "", text))
        if signature is not None:
            conn.execute("INSERT INTO doc_minhash (doc_id, signature) VALUES (?, ?)",
                         (doc_id, dedupe.to_blob(signature)))
            conn.executemany("INSERT INTO doc_bands (band, hash, doc_id) VALUES (?, ?, ?)",
                             [(i, h, doc_id) for i, h in
                              enumerate(dedupe.lsh_bands(signature))])
        return duplicate_of

    def _find_near_duplicate(self, conn: sqlite3.Connection,
                             signature: Any) -> tuple[str | None, float | None]:
        bands = dedupe.lsh_bands(signature)
        rows = conn.execute(
            "SELECT DISTINCT m.doc_id, m.signature, d.duplicate_of FROM doc_bands b "
            "JOIN doc_minhash m ON m.doc_id = b.doc_id JOIN documents d ON "
            "d.doc_id = b.doc_id WHERE " + " OR ".join(["(b.band = ? AND b.hash = ?)"]
                                                      * len(bands)),
            [v for i, h in enumerate(bands) for v in (i, h)]).fetchall()
        best: tuple[str | None, float | None] = (None, None)
        for doc_id, blob, original in rows:
            sim = dedupe.jaccard_estimate(signature, dedupe.from_blob(blob))
            if sim >= dedupe.NEAR_DUPLICATE_JACCARD and (best[1] is None or sim > best[1]):
                best = (original or doc_id, sim)  # link to the first copy, not a copy
        return best

    def _insert_mentions(self, conn: sqlite3.Connection, article: Article) -> None:
        for m in article.mentions:
            if m.actor is not None:
                self._upsert_actor(conn, m.actor)
            conn.execute(
                'INSERT INTO mentions (doc_id, actor_id, role, place_name, place_country, '
                'start, "end", text, how) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (article.doc_id, m.actor.id if m.actor else None, m.role,
                 m.place.name if m.place else None, m.place.country if m.place else None,
                 m.start, m.end, m.text, m.how))
        conn.executemany(
            'INSERT INTO timexes (doc_id, text, start, "end", type, value, precision, '
            'interval, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
            [(article.doc_id, t.text, t.start, t.end, t.type, t.value, t.precision,
              _interval_json(t.interval), t.anchor) for t in article.timexes])

    def _insert_quotes(self, conn: sqlite3.Connection, article: Article) -> int:
        ids = set()
        for q in article.quotes:
            qid = "q_" + _short_hash(article.doc_id, q.start, q.end)
            if qid in ids:
                continue
            ids.add(qid)
            if q.speaker is not None:
                self._upsert_actor(conn, q.speaker)
            conn.execute(
                'INSERT INTO quotes (id, doc_id, text, start, "end", kind, speaker_id, '
                'speaker_span, cue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (qid, article.doc_id, q.text, q.start, q.end, q.kind,
                 q.speaker.id if q.speaker else None,
                 json.dumps(list(q.speaker_span)) if q.speaker_span else None, q.cue))
            conn.execute("INSERT INTO quotes_fts (rowid, text) VALUES "
                         "((SELECT rowid FROM quotes WHERE id = ?), ?)", (qid, q.text))
        return len(ids)

    def _insert_event_mentions(self, conn: sqlite3.Connection,
                               article: Article) -> list[MentionView]:
        views = []
        for i, ev in enumerate(article.events):
            mid = "em_" + _short_hash(article.doc_id, i, ev.type, ev.start, ev.end)
            conn.execute(
                'INSERT INTO event_mentions (id, doc_id, type, mode, status, date, '
                'precision, interval, location_name, location_country, occasion, sentence, '
                'start, "end", trigger, confidence) VALUES '
                '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                (mid, article.doc_id, ev.type, ev.mode, ev.status, ev.date, ev.precision,
                 _interval_json(ev.interval), ev.location.name if ev.location else None,
                 ev.location.country if ev.location else None, ev.occasion, ev.text,
                 ev.start, ev.end, ev.trigger,
                 ev.confidence if ev.confidence is not None else of_mention(ev)))
            for role, actors in (("actor", ev.actor), ("recipient", ev.recipient)):
                for a in actors:
                    self._upsert_actor(conn, a)
                    conn.execute("INSERT OR IGNORE INTO event_mention_actors "
                                 "(event_mention_id, actor_id, role) VALUES (?, ?, ?)",
                                 (mid, a.id, role))
            views.append(MentionView(
                id=mid, doc_id=article.doc_id, type=ev.type, mode=ev.mode, status=ev.status,
                actor_ids=tuple(a.id for a in ev.actor),
                recipient_ids=tuple(a.id for a in ev.recipient), date=ev.date,
                precision=ev.precision, interval=ev.interval, location=ev.location,
                occasion=ev.occasion))
        return views

    # -- merging --------------------------------------------------------------------

    _EVENT_COLUMNS = ("id, type, mode, status, participants_key, date, precision, interval, "
                      "location_name, location_country, occasion, conflict, alternatives")

    def _candidate_ids(self, conn: sqlite3.Connection, mention: MentionView, *,
                       docs: set[str]) -> set[str]:
        """Ids of the events `merge.is_candidate` may accept (a few more at most), by
        index: those its article or a copy reports, and those of its type that share a
        party with it and reach into its window (narrow ones by first day, `event_days`
        bounds their width; the few wide ones apart)."""
        d_marks = ",".join("?" * len(docs)) or "NULL"
        ids = {r[0] for r in conn.execute(
            "SELECT s.event_id FROM event_mentions m JOIN event_sources s ON "
            f"s.event_mention_id = m.id WHERE m.doc_id IN ({d_marks})", sorted(docs))}
        window = candidate_window(mention)
        if window is None:
            return ids
        earliest = _days_before(window[0], WIDE_DAYS)
        for actor in sorted(set(mention.actor_ids) | set(mention.recipient_ids)):
            ids.update(r[0] for r in conn.execute(
                "SELECT event_id FROM event_days WHERE actor_id = ? AND type = ? AND "
                "wide = 0 AND first_day BETWEEN ? AND ? AND last_day >= ? UNION ALL "
                "SELECT event_id FROM event_days WHERE actor_id = ? AND type = ? AND "
                "wide = 1 AND first_day <= ? AND last_day >= ?",
                (actor, mention.type, earliest, window[1], window[0],
                 actor, mention.type, window[1], window[0])))
        return ids

    def _events_by_id(self, conn: sqlite3.Connection, ids: set[str]) -> list[MergedEvent]:
        """The events of `ids` with their sources, in two queries per chunk, by id."""
        events: list[MergedEvent] = []
        ordered = sorted(ids)
        for i in range(0, len(ordered), ID_CHUNK):
            chunk = ordered[i:i + ID_CHUNK]
            marks = ",".join("?" * len(chunk))
            by_id = {}
            for row in conn.execute(f"SELECT {self._EVENT_COLUMNS} FROM events WHERE id IN "
                                    f"({marks}) ORDER BY id", chunk):
                event = MergedEvent(
                    id=row[0], type=row[1], mode=row[2], status=row[3],
                    participants_key=row[4], date=row[5], precision=row[6],
                    interval=interval_from_json(row[7]),
                    location=Location(row[8], row[9]) if row[8] else None,
                    occasion=row[10], conflict=bool(row[11]),
                    alternatives=json.loads(row[12]) if row[12] else {})
                by_id[event.id] = event
                events.append(event)
            for event_id, mid, doc_id in conn.execute(
                    "SELECT s.event_id, s.event_mention_id, m.doc_id FROM event_sources s "
                    "JOIN event_mentions m ON m.id = s.event_mention_id WHERE s.event_id "
                    f"IN ({marks}) ORDER BY s.event_id, s.rowid", chunk):
                by_id[event_id].mention_ids.append(mid)
                by_id[event_id].doc_ids.add(doc_id)
        return events

    def _load_events(self, conn: sqlite3.Connection, mention: MentionView, *,
                     docs: set[str]) -> list[MergedEvent]:
        """The events `mention` may belong to (`merge.is_candidate`: its article's and
        copies', and those its type, parties and window reach), by id."""
        return [e for e in self._events_by_id(
            conn, self._candidate_ids(conn, mention, docs=docs))
            if is_candidate(e, mention, same_docs=docs)]

    def _merge(self, conn: sqlite3.Connection, mentions: list[MentionView], *,
               duplicate_of: str | None) -> None:
        """Each mention into its event, by `crossdoc.merge.merge_one` (the one merge)."""
        same_docs = {m.doc_id for m in mentions} | ({duplicate_of} if duplicate_of else set())

        def taken(event_id: str) -> bool:
            return conn.execute("SELECT 1 FROM events WHERE id = ?",
                                (event_id,)).fetchone() is not None

        for mention in mentions:
            candidates = self._load_events(conn, mention, docs=same_docs)
            event, _, folded = merge_one(mention, candidates, same_docs=same_docs,
                                         kb=self.kb, taken=taken)
            self._insert_event_actors(conn, event.id, mention.id)
            for other in folded:
                self._fold_rows(conn, event.id, other.id)
            self._save_event(conn, event)
            conn.execute("INSERT OR IGNORE INTO event_sources (event_id, event_mention_id) "
                         "VALUES (?, ?)", (event.id, mention.id))
            self._refresh_counts(conn, event.id)
            self._rank_repeats(conn, event)

    def _fold_rows(self, conn: sqlite3.Connection, event_id: str, other_id: str) -> None:
        """Event `other_id`, folded into `event_id`: its sources and parties move."""
        conn.execute("INSERT OR IGNORE INTO event_sources (event_id, event_mention_id) "
                     "SELECT ?, event_mention_id FROM event_sources WHERE event_id = ?",
                     (event_id, other_id))
        conn.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) "
                     "SELECT ?, actor_id, role FROM event_actors WHERE event_id = ? AND "
                     "actor_id NOT IN (SELECT actor_id FROM event_actors WHERE "
                     "event_id = ?)", (event_id, other_id, event_id))
        for table in ("event_sources", "event_actors"):
            conn.execute(f"DELETE FROM {table} WHERE event_id = ?", (other_id,))
        conn.execute("DELETE FROM events WHERE id = ?", (other_id,))

    def _insert_event_actors(self, conn: sqlite3.Connection, event_id: str,
                             mention_id: str) -> None:
        conn.execute("INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) "
                     "SELECT ?, actor_id, role FROM event_mention_actors "
                     "WHERE event_mention_id = ? AND actor_id NOT IN (SELECT actor_id FROM "
                     "event_actors WHERE event_id = ?)", (event_id, mention_id, event_id))

    def _save_event(self, conn: sqlite3.Connection, event: MergedEvent) -> None:
        sort_start, sort_end = sort_span(event) or (None, None)
        names: dict[str, list[str]] = {"actor": [], "recipient": []}
        for role, name in conn.execute(
                "SELECT e.role, a.name FROM event_actors e JOIN actors a ON a.id = "
                "e.actor_id WHERE e.event_id = ? ORDER BY a.name", (event.id,)):
            names.setdefault(role, []).append(name)
        summary = summarize(event, actor_names=names["actor"],
                            recipient_names=names["recipient"])
        conn.execute(
            "INSERT INTO events (id, type, mode, status, participants_key, date, precision, "
            "interval, sort_start, sort_end, location_name, location_country, occasion, "
            "summary, conflict, alternatives) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "mode = excluded.mode, status = excluded.status, date = excluded.date, "
            "participants_key = excluded.participants_key, "
            "precision = excluded.precision, interval = excluded.interval, "
            "sort_start = excluded.sort_start, sort_end = excluded.sort_end, "
            "location_name = excluded.location_name, "
            "location_country = excluded.location_country, occasion = excluded.occasion, "
            "summary = excluded.summary, conflict = excluded.conflict, "
            "alternatives = excluded.alternatives",
            (event.id, event.type, event.mode, event.status, event.participants_key,
             event.date, event.precision, _interval_json(event.interval), sort_start,
             sort_end, event.location.name if event.location else None,
             event.location.country if event.location else None, event.occasion, summary,
             int(event.conflict),
             json.dumps(event.alternatives) if event.alternatives else None))

    def _rank_repeats(self, conn: sqlite3.Connection, event: MergedEvent) -> None:
        """`event` if undated, else the undated events of its parties (those its date
        may now repeat), ranked as repeats or not (`merge.repeats`): the ranking depends
        only on what the store holds, not on the order it came in."""
        parties = sorted(party_set(event.participants_key))
        if is_undated(event):
            undated = {event.id}
        else:
            undated = set()
            for actor in parties:
                # two searches of the index: with "wide = 1 OR first_day IS NULL" SQLite
                # walked every event of the party and type (a million mentions: ~4,000)
                undated.update(r[0] for r in conn.execute(
                    "SELECT event_id FROM event_days WHERE actor_id = ? AND type = ? AND "
                    "wide = 1 UNION ALL SELECT event_id FROM event_days WHERE actor_id = ? "
                    "AND type = ? AND wide = 0 AND first_day IS NULL",
                    (actor, event.type, actor, event.type)))
        for other in self._events_by_id(conn, undated):
            if other.id != event.id and not party_set(other.participants_key) <= set(parties):
                continue  # never what `event` repeats, nor what it did before
            window = recall_window(other, self._published(conn, other.id), kb=self.kb)
            repeat = False
            if window is not None and party_set(other.participants_key):
                lo, hi = window
                first = min(party_set(other.participants_key))
                earliest = _days_before(lo, WIDE_DAYS)
                dated = {r[0] for r in conn.execute(
                    "SELECT event_id FROM event_days WHERE actor_id = ? AND type = ? AND "
                    "wide = 0 AND first_day BETWEEN ? AND ? AND last_day >= ?",
                    (first, other.type, earliest, hi, lo))}
                repeat = any(repeats(other, d, window=window, kb=self.kb)
                             for d in self._events_by_id(conn, dated - {other.id}))
            self._refresh_counts(conn, other.id, repeat=repeat)

    def _published(self, conn: sqlite3.Connection, event_id: str) -> tuple[str, str] | None:
        """First and last day the articles telling an event appeared (their publication
        day, else the interval the pipeline gives it); None if one has neither."""
        row = conn.execute(
            "SELECT min(coalesce(substr(d.published, 1, 10), json_extract(d.date_interval, "
            "'$.start'))), max(coalesce(substr(d.published, 1, 10), json_extract("
            "d.date_interval, '$.end'))), sum(d.published IS NULL AND d.date_interval IS "
            "NULL) FROM event_sources s JOIN event_mentions m ON m.id = s.event_mention_id "
            "JOIN documents d ON d.doc_id = m.doc_id WHERE s.event_id = ?",
            (event_id,)).fetchone()
        return None if row[2] or not row[0] else (row[0], row[1])

    def _refresh_counts(self, conn: sqlite3.Connection, event_id: str, *,
                        repeat: bool = False) -> None:
        # a wire copy adds a source but not an independent document, nor confidence:
        # the best mention of each independent document counts once; one row per
        # independent document, so their number is `n_documents`
        best = [r[0] for r in conn.execute(
            "SELECT max(coalesce(m.confidence, 0)) FROM event_sources s JOIN event_mentions "
            "m ON m.id = s.event_mention_id JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE s.event_id = ? GROUP BY coalesce(d.duplicate_of, d.doc_id)", (event_id,))]
        confidence = combine_confidence(best)
        conn.execute("UPDATE events SET confidence = ?, n_documents = ? WHERE id = ?",
                     (of_repeat(confidence) if repeat else confidence, len(best), event_id))


def open(path: str | os.PathLike[str] | None = None, *, must_exist: bool = False,
         kb: KnowledgeBase | None = None,
         read_only: bool = False) -> Store:  # noqa: A001 - newsgraph.open
    """Open (creating if needed, unless `must_exist`) the store and apply pending
    migrations. `kb` (optional) tells country-level places from towns when merging.

    `read_only`: open for queries only (it must exist): the file is never written,
    so a store on a read-only mount or folder can be queried (pending migrations are
    applied when it can be written). A file that is not a newsgraph store, or a
    corrupt one, raises StoreError and is left untouched (store/connect.py)."""
    db_path = resolve_path(path)
    if (must_exist or read_only) and not _present(db_path):
        raise StoreError(f"no store at {db_path} (run `newsgraph ingest PATHS` first, "
                         f"or give --db / ${ENV_DB})")
    timeout_s = BUSY_TIMEOUT_MS / 1000
    if read_only:
        conn, ro, _ = open_connection(db_path, writable=False, timeout_s=timeout_s)
        try:
            behind = pending_migrations(conn)
        except sqlite3.Error as e:
            conn.close()
            raise store_error(db_path, e) from e
        if not behind:
            return Store(conn, db_path, kb=kb, read_only=True)
        conn.close()  # an older store: migrate it if it can be written
    conn, _, _ = open_connection(db_path, writable=True, timeout_s=timeout_s)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise StoreError(f"{db_path}: cannot switch to WAL mode (journal_mode={mode})")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        cap = limits.max_store()
        if cap:
            page = conn.execute("PRAGMA page_size").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {max(1, cap // page)}")
        conn.execute(f"PRAGMA cache_size = -{max(1, settings.get('store_cache') // 1024)}")
        conn.execute(f"PRAGMA mmap_size = {settings.get('store_mmap')}")
        conn.execute(f"PRAGMA temp_store = {TEMP_STORE}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        apply_migrations(conn)
        prove_writable(conn, db_path)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as e:
        conn.close()
        raise store_error(db_path, e) from e
    return Store(conn, db_path, kb=kb)


def _present(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False
