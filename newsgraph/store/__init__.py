"""The store: one SQLite file (WAL, FTS5), migrations, ingest, queries, exports."""

from __future__ import annotations

from .db import ENV_DB, IngestResult, Store, open, resolve_path
from .queries import actors, events, quotes, show, timeline

__all__ = ["ENV_DB", "IngestResult", "Store", "actors", "events", "open",
           "quotes", "resolve_path", "show", "timeline"]
