"""`newsgraph load PARQUET_DIR`: Parquet tables (from `export --format parquet` or the
Spark job) into a SQLite store, so every command and the server work on them.

A table is `DIR/TABLE.parquet` (export) or a folder `DIR/TABLE/` of part files (Spark).
Idempotent: a document already in the store is skipped with all its rows, and every
other row is inserted only if its key is new, so loading twice adds nothing. Events are
taken as the Parquet has them merged; rows stream in batches (memory stays flat). The
search index (FTS5) and the near-duplicate signatures are rebuilt for each new document.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..crossdoc import dedupe
from ..errors import NewsgraphError
from .tables import TABLES, columns

BATCH_ROWS = 5_000
# Tables whose rows hang off a document: only those of documents loaded now go in.
PER_DOCUMENT = ("mentions", "timexes", "quotes", "event_mentions")
REQUIRED = ("documents",)


class LoadError(NewsgraphError):
    """The Parquet folder is missing, unreadable, or lacks a table or column."""


@dataclass
class LoadResult:
    added: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return "loaded " + ", ".join(f"{t} {n}" for t, n in self.added.items())


def table_path(folder: Path, table: str) -> Path | None:
    for candidate in (folder / f"{table}.parquet", folder / table):
        if candidate.exists():
            return candidate
    return None


def _batches(path: Path, names: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(path, format="parquet")
        missing = [n for n in names if n not in dataset.schema.names]
        if missing:
            raise LoadError(f"{path}: no column {', '.join(missing)}")
        for batch in dataset.to_batches(columns=names, batch_size=BATCH_ROWS):
            data = batch.to_pydict()
            yield list(zip(*(data[n] for n in names), strict=True))
    except LoadError:
        raise
    except Exception as e:  # noqa: BLE001 - pyarrow's many error types: one clear line
        raise LoadError(f"{path}: not readable as Parquet ({e})") from e


def load(store: Any, folder: str | Path) -> LoadResult:
    """Load the tables in `folder` into `store` (one transaction)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError(f"{folder}: not a folder of Parquet tables")
    for table in REQUIRED:
        if table_path(folder, table) is None:
            raise LoadError(f"{folder}: no {table}.parquet (or {table}/) in it")
    result = LoadResult()
    with store.transaction() as conn:
        new_docs: set[str] = set()
        for table in TABLES:
            path = table_path(folder, table)
            if path is None:
                result.added[table] = 0
                continue
            before = _count(conn, table)
            _load_table(conn, table, path, new_docs)
            result.added[table] = _count(conn, table) - before
        _refresh_counts(conn, new_docs)
    return result


def _count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _load_table(conn: sqlite3.Connection, table: str, path: Path, new_docs: set[str]) -> None:
    cols = [c[0] for c in columns(conn, table)]
    if table in ("mentions", "timexes"):
        cols.remove("id")  # a row id of the store it came from: this store numbers anew
    quoted = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" * len(cols))
    if table == "actors":
        sql = (f"INSERT INTO actors ({quoted}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE "
               "SET country = coalesce(actors.country, excluded.country), "
               "sector = coalesce(actors.sector, excluded.sector)")
    else:
        sql = f"INSERT OR IGNORE INTO {table} ({quoted}) VALUES ({marks})"
    doc_col = cols.index("doc_id") if table in PER_DOCUMENT else None
    for rows in _batches(path, cols):
        if table == "documents":
            rows = [r for r in rows if conn.execute(
                "SELECT 1 FROM documents WHERE doc_id = ?", (r[0],)).fetchone() is None]
            new_docs.update(r[0] for r in rows)
        elif doc_col is not None:
            rows = [r for r in rows if r[doc_col] in new_docs]
        conn.executemany(sql, rows)
        if table == "documents":
            _index_documents(conn, cols, rows)
        elif table == "quotes":
            conn.executemany("INSERT INTO quotes_fts (rowid, text) VALUES ((SELECT rowid "
                             "FROM quotes WHERE id = ?), ?)",
                             [(r[cols.index("id")], r[cols.index("text")]) for r in rows])


def _index_documents(conn: sqlite3.Connection, cols: list[str],
                     rows: list[tuple[Any, ...]]) -> None:
    at = {c: i for i, c in enumerate(cols)}
    for r in rows:
        doc_id, text = r[at["doc_id"]], r[at["text"]]
        conn.execute("INSERT INTO documents_fts (rowid, title, text) VALUES ((SELECT rowid "
                     "FROM documents WHERE doc_id = ?), ?, ?)",
                     (doc_id, r[at["title"]] or "", text))
        signature = dedupe.minhash(text)
        if signature is None:
            continue
        conn.execute("INSERT OR IGNORE INTO doc_minhash (doc_id, signature) VALUES (?, ?)",
                     (doc_id, dedupe.to_blob(signature)))
        conn.executemany("INSERT INTO doc_bands (band, hash, doc_id) VALUES (?, ?, ?)",
                         [(i, h, doc_id) for i, h in enumerate(dedupe.lsh_bands(signature))])


def _refresh_counts(conn: sqlite3.Connection, new_docs: set[str]) -> None:
    """n_documents of the events the new documents report (wire copies not counted)."""
    if not new_docs:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _loaded (doc_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM _loaded")
    conn.executemany("INSERT INTO _loaded VALUES (?)", [(d,) for d in new_docs])
    conn.execute(
        "UPDATE events SET n_documents = (SELECT count(DISTINCT coalesce(d.duplicate_of, "
        "d.doc_id)) FROM event_sources s JOIN event_mentions m ON m.id = "
        "s.event_mention_id JOIN documents d ON d.doc_id = m.doc_id WHERE s.event_id = "
        "events.id) WHERE id IN (SELECT s.event_id FROM event_sources s JOIN "
        "event_mentions m ON m.id = s.event_mention_id JOIN _loaded l ON l.doc_id = m.doc_id)")
    conn.execute("DELETE FROM _loaded")
