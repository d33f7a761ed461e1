"""Opening the store file safely, and SQLite errors as one clear `StoreError`.

Before anything is written, an existing file is checked: it must be a SQLite file
(else "not a newsgraph store"), hold newsgraph's tables or none at all (a foreign
SQLite file is refused untouched: not even switched to WAL), and, when small enough
to check cheaply, pass `PRAGMA quick_check` (else "corrupt", and it is never
written to). Readers (`writable=False`) open it read-only, so a store on a
read-only mount or in a folder the user cannot write still answers queries;
writers open it for writing and learn at once when they cannot.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from .. import limits
from ..errors import (
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26
SQLITE_TOOBIG = 18
# Tables every newsgraph store has (m001); a file with other tables and not these
# belongs to someone else.
OWN_TABLES = {"migrations", "documents", "events"}


def store_error(path: Path | str, e: sqlite3.Error) -> StoreError:
    """The `StoreError` that says what happened to the store at `path`."""
    code = (getattr(e, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(e).lower()
    if code == SQLITE_FULL or "disk is full" in text or "disk full" in text:
        cap = limits.max_store()
        hint = (f" or the store reached ${limits.ENV_MAX_STORE} "
                f"({limits.size(cap)})" if cap else "")
        return StoreFullError(
            f"{path}: disk full{hint}: the store could not grow; the article being "
            "written was rolled back and nothing is half-written. Free space, then run "
            "again: what is stored stays stored")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
        return StoreCorruptError(
            f"{path}: the store is corrupt ({e}); it was not written to. Restore a "
            "copy, or ingest again into a new store")
    if code == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return StoreReadOnlyError(
            f"{path}: the store is read-only (its file or folder cannot be written); "
            "queries work, ingest needs write access")
    if code == SQLITE_CANTOPEN:
        why = writable_hint(Path(path))
        if why:
            return StoreReadOnlyError(f"{path}: the store is read-only ({why}); queries "
                                      "work, ingest needs write access")
        return StoreError(f"{path}: cannot open the store file ({e})")
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StoreError(f"{path}: the store is locked by another process ({e}); "
                          "try again when it has finished")
    if code == SQLITE_IOERR:
        return StoreError(f"{path}: input/output error on the store ({e})")
    if code == SQLITE_TOOBIG or "too big" in text or "too complex" in text:
        return StoreError(f"{path}: a value or query is too large for SQLite ({e})")
    return StoreError(f"{path}: {e}")


def _uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    return (f"file:{quote(str(path.absolute()))}?mode={mode}"
            + ("&immutable=1" if immutable else ""))


def _raw_connect(path: Path, mode: str, *, immutable: bool = False,
                 timeout_s: float) -> sqlite3.Connection:
    return sqlite3.connect(_uri(path, mode, immutable=immutable), uri=True,
                           timeout=timeout_s, isolation_level=None,
                           check_same_thread=False)


def _check_identity(conn: sqlite3.Connection, path: Path) -> bool:
    """True if the file holds a newsgraph store, False if it is empty (no tables);
    StoreError for any other SQLite file, which stays untouched."""
    names = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    if not names:
        return False
    if not OWN_TABLES <= names:
        shown = ", ".join(sorted(names)[:5]) + (", ..." if len(names) > 5 else "")
        raise StoreError(f"{path}: not a newsgraph store (a SQLite file with other tables: "
                         f"{shown}); it was left untouched. Give another --db")
    return True


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        return
    if size > limits.quick_check_max():
        return
    rows = conn.execute("PRAGMA quick_check(3)").fetchall()
    if rows and rows[0][0] != "ok":
        detail = "; ".join(str(r[0]) for r in rows)[:200]
        raise StoreCorruptError(
            f"{path}: the store is corrupt ({detail}); it was not written to. Restore a "
            "copy, or ingest again into a new store")


def _exists(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError as e:
        raise StoreError(f"{path}: cannot read the store ({e.strerror or e})") from e


def open_connection(path: Path, *, writable: bool, timeout_s: float
                    ) -> tuple[sqlite3.Connection, bool, bool]:
    """(connection, read_only, has_tables). A writable connection is checked and
    proven writable; a reader gets a read-only one (immutable when even the WAL's
    shared-memory file cannot be created)."""
    existed = _exists(path)
    if path.exists() and path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if not existed and not writable:
        raise StoreError(f"{path}: no store there")
    if writable and not existed:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"{path}: cannot create the store's folder "
                             f"({e.strerror or type(e).__name__})") from e
    conn: sqlite3.Connection | None = None
    try:
        if writable:
            conn = _raw_connect(path, "rwc", timeout_s=timeout_s)
            has_tables = _check_identity(conn, path) if existed else False
            if existed:
                _quick_check(conn, path)
            return conn, False, has_tables
        try:
            conn = _raw_connect(path, "ro", timeout_s=timeout_s)
            has_tables = _check_identity(conn, path)
        except sqlite3.OperationalError as e:
            if ((getattr(e, "sqlite_errorcode", 0) or 0) & 0xFF) not in (
                    SQLITE_CANTOPEN, SQLITE_READONLY) and "unable to open" not in str(e):
                raise
            # a WAL store in a folder we cannot write: read it as it is on disk
            if conn is not None:
                conn.close()
            conn = _raw_connect(path, "ro", immutable=True, timeout_s=timeout_s)
            has_tables = _check_identity(conn, path)
        _quick_check(conn, path)
        return conn, True, has_tables
    except StoreError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as e:
        if conn is not None:
            conn.close()
        error = store_error(path, e)
        if isinstance(error, StoreCorruptError) and "not a database" in str(e):
            error = StoreError(f"{path}: not a newsgraph store (not a SQLite file: {e}); "
                               "it was left untouched")
        raise error from e
    except OSError as e:
        if conn is not None:
            conn.close()
        raise StoreError(f"{path}: cannot open the store ({e.strerror or e})") from e


def prove_writable(conn: sqlite3.Connection, path: Path) -> None:
    """Raise StoreReadOnlyError now, not at the first article, when the store cannot
    be written: a write that changes nothing, rolled back."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("UPDATE migrations SET name = name WHERE rowid = "
                         "(SELECT min(rowid) FROM migrations)")
        finally:
            conn.execute("ROLLBACK")
    except sqlite3.Error as e:
        raise store_error(path, e) from e


def writable_hint(path: Path) -> str:
    """Why an existing store cannot be written ("its folder is read-only"), or ""."""
    try:
        if not path.exists():
            return ""
        if not os.access(path, os.W_OK):
            return "the file is read-only"
        if not os.access(path.absolute().parent, os.W_OK | os.X_OK):
            return "its folder is read-only"
    except OSError:
        return ""
    return ""
