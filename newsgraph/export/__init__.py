"""Data out in the formats users load, and Parquet back in.

    export(store, "parquet", "out/")     # every table: out/documents.parquet, ...
    export(store, "csv" | "jsonl", "out/")
    export(store, "graphml", "net.graphml")  # the actor network (Gephi, networkx)
    export(store, "plover", "events.json")   # merged events as PLOVER JSON
    load(store, "out/")                  # Parquet tables (export or Spark) into a store
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import NewsgraphError
from ..kb import KnowledgeBase
from . import graph, plover
from .load import LoadError, LoadResult, load
from .tables import TABLE_FORMATS, TABLES, write_tables

FORMATS = ("jsonl", "csv", "parquet", "graphml", "plover")


class ExportError(NewsgraphError):
    """The output path cannot be written."""


def export(store: Any, fmt: str, out: str | Path, *,
           kb: KnowledgeBase | None = None) -> dict[str, int]:
    """Write the store in `fmt` to `out` (a folder for table formats, else a file);
    return what was written (rows per table, nodes/edges, events)."""
    out = Path(out)
    if fmt not in FORMATS:
        raise ExportError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    try:
        if fmt in TABLE_FORMATS:
            if out.exists() and not out.is_dir():
                raise ExportError(f"--out {out}: a file; {fmt} writes a folder of tables")
            return write_tables(store.conn, out, fmt)
        if out.is_dir():
            raise ExportError(f"--out {out}: a folder; {fmt} writes one file")
        if fmt == "graphml":
            nodes, edges = graph.write(store.conn, out, kb=kb)
            return {"nodes": nodes, "edges": edges}
        return {"events": plover.write(store.conn, out, kb=kb)}
    except OSError as e:
        raise ExportError(f"--out {out}: cannot write ({e.strerror or e})") from e


__all__ = ["FORMATS", "TABLES", "ExportError", "LoadError", "LoadResult", "export", "load"]
