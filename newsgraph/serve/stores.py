"""One read-only connection to the store per server thread."""

from __future__ import annotations

import threading
from pathlib import Path

from .. import store as store_mod
from ..kb import KnowledgeBase
from ..store import Store

# A reader's page cache (SQLite's default is 2 MB): an aggregate over one actor's
# 150,000 events of the million-event bench store took 1.8 s with it, 0.9 s with 32 MB.
# Reads through mmap share the OS page cache between the server's threads.
READ_PRAGMAS = ("PRAGMA cache_size = -32768", "PRAGMA mmap_size = 268435456")


class StorePool:
    """Hands each thread its own read-only Store on `path` (SQLite connections are not
    shared between threads); the KB, read-only itself, is shared by all."""

    def __init__(self, path: Path, *, kb: KnowledgeBase | None = None) -> None:
        self.path = path
        self.kb = kb
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()
        store_mod.open(path, read_only=True).close()  # fail now, not on the first request

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = store_mod.open(self.path, read_only=True, kb=self.kb)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
