"""The store's tables as files: Parquet (pyarrow), CSV or JSON Lines, one file per table.

Rows stream from SQLite in chunks, so memory stays flat whatever the store's size.
Columns and types come from the schema itself (`PRAGMA table_info`): TEXT is a string,
INTEGER an int64, REAL a float64. Columns that hold JSON in the store (`removed`,
`interval`, `alternatives`, ...) stay JSON text, as in SQLite.

CSV cells that a spreadsheet would run as a formula (a text starting with = + - @, a
tab or a carriage return) get a leading apostrophe (OWASP's advice); numbers are left
as they are.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

# The tables users load, in an order where every reference points to an earlier table.
TABLES = ("actors", "documents", "mentions", "timexes", "quotes", "event_mentions",
          "event_mention_actors", "events", "event_actors", "event_sources")
# The column that orders a table's rows (stable across runs and machines).
ORDER_BY = {"actors": "id", "documents": "rowid", "mentions": "id", "timexes": "id",
            "quotes": "rowid", "event_mentions": "rowid",
            "event_mention_actors": "rowid", "events": "rowid", "event_actors": "rowid",
            "event_sources": "rowid"}
CHUNK_ROWS = 5_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
TABLE_FORMATS = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}


def columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, bool]]:
    """(name, declared type, nullable) of each column of `table`."""
    rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return [(r[1], (r[2] or "TEXT").upper(), not (r[3] or r[5])) for r in rows]


def arrow_schema(cols: Sequence[tuple[str, str, bool]]) -> Any:
    import pyarrow as pa

    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
    return pa.schema([pa.field(name, kinds.get(kind, pa.string()), nullable=True)
                      for name, kind, _ in cols])


def iter_chunks(conn: sqlite3.Connection, table: str,
                chunk_rows: int = CHUNK_ROWS) -> Iterator[list[tuple[Any, ...]]]:
    names = ", ".join(f'"{c[0]}"' for c in columns(conn, table))
    cursor = conn.execute(f"SELECT {names} FROM {table} ORDER BY {ORDER_BY[table]}")
    while rows := cursor.fetchmany(chunk_rows):
        yield rows


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_table(conn: sqlite3.Connection, table: str, path: Path, fmt: str) -> int:
    """Write `table` to `path` in `fmt` (parquet, csv, jsonl); return the row count."""
    cols = columns(conn, table)
    names = [c[0] for c in cols]
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(cols)
        with pq.ParquetWriter(path, schema) as writer:
            for rows in iter_chunks(conn, table):
                data = {name: [r[i] for r in rows] for i, name in enumerate(names)}
                writer.write_table(pa.Table.from_pydict(data, schema=schema))
                n += len(rows)
        return n
    with path.open("w", encoding="utf-8", newline="") as f:
        if fmt == "csv":
            writer_csv = csv.writer(f)
            writer_csv.writerow(names)
            for rows in iter_chunks(conn, table):
                writer_csv.writerows([safe_cell(v) for v in r] for r in rows)
                n += len(rows)
        elif fmt == "jsonl":
            for rows in iter_chunks(conn, table):
                for r in rows:
                    f.write(json.dumps(dict(zip(names, r, strict=True)),
                                       ensure_ascii=False) + "\n")
                n += len(rows)
        else:
            raise ValueError(f"not a table format: {fmt!r}")
    return n


def write_tables(conn: sqlite3.Connection, out: Path, fmt: str) -> dict[str, int]:
    """Every table of TABLES into folder `out` (TABLE.parquet, ...): rows per table."""
    out.mkdir(parents=True, exist_ok=True)
    return {t: write_table(conn, t, out / f"{t}{TABLE_FORMATS[fmt]}", fmt) for t in TABLES}
