"""The per-article half of the Spark job, in plain Python (no pyspark here).

`extract_partition` runs on an executor over one partition of inputs: it reads each
input with newsgraph's own readers, runs `newsgraph.pipeline` over them (the model and
the KB load once per Python worker and stay loaded for its next tasks), stores each
article in a throwaway SQLite store (so every row is made by the store's own code,
exactly as `ingest` makes it) and yields the rows of the per-document tables, each
tagged with its document's input order. Events are not taken from here: the job
merges them across all articles afterwards.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ReadError
from ..model import Actor, Article
from ..pipeline import Options, Pipeline, StageError

# Per-document tables the job takes from the throwaway store, with the column that
# orders a document's rows there.
DOC_TABLES = {"documents": "rowid", "mentions": "id", "timexes": "id", "quotes": "rowid",
              "event_mentions": "rowid", "event_mention_actors": "rowid"}
ERRORS = "errors"  # (source, stage, message) of inputs that failed
ACTORS = "actors"  # one row per occurrence: the job reduces them as the store upserts

_pipeline: Pipeline | None = None


@dataclass(frozen=True)
class Input:
    """One unit of input: a JSON line or Parquet row (`kind` "json", payload the line),
    or a whole WARC file (`kind` "warc", payload its bytes). `order` is its place in
    the input (file, then line)."""

    order: int
    source: str
    kind: str
    payload: bytes


def pipeline(options: Options) -> Pipeline:
    """This worker's pipeline: built on first use, then kept (model and KB loaded once)."""
    global _pipeline
    if _pipeline is None or _pipeline.options != options:
        _pipeline = Pipeline(options=options)
        _pipeline.context()
    return _pipeline


def read(item: Input) -> Iterator[tuple[int, Article | ReadError]]:
    """(order, Article or ReadError) for each article of one input."""
    from ..read import MAX_BYTES
    from ..read.jsonl import read_jsonl
    from ..read.warc import read_warc

    if item.kind == "json":
        for result in read_jsonl(io.BytesIO(item.payload), source=item.source,
                                 max_bytes=MAX_BYTES):
            # "path:line", as `ingest` names it (read_jsonl would add ":1")
            if isinstance(result, Article):
                result.source = item.source
            else:
                result = ReadError(item.source, result.reason)
            yield item.order, result
        return
    for i, result in enumerate(read_warc(io.BytesIO(item.payload), source=item.source,
                                         max_bytes=MAX_BYTES)):
        yield item.order + i, result


def actor_occurrences(article: Article) -> Iterator[Actor]:
    """The article's actors in the order `Store.ingest` upserts them."""
    for m in article.mentions:
        if m.actor is not None:
            yield m.actor
    for q in article.quotes:
        if q.speaker is not None:
            yield q.speaker
    for ev in article.events:
        yield from ev.actor
        yield from ev.recipient


def extract_partition(items: Iterable[Input], *, options: Options
                      ) -> Iterator[tuple[str, int, int, tuple[Any, ...]]]:
    """(table, document order, row order in the document, row) for every row."""
    from .. import store as store_mod
    from ..export.tables import columns

    pipe = pipeline(options)
    read_items: list[tuple[int, Article]] = []
    for item in items:
        for order, result in read(item):
            if isinstance(result, ReadError):
                yield ERRORS, order, 0, (result.source, "read", result.reason)
            else:
                read_items.append((order, result))
    if not read_items:
        return
    # in input order: of two copies of one text here, the first is stored, as by `ingest`
    read_items.sort(key=lambda pair: pair[0])
    with tempfile.TemporaryDirectory(prefix="newsgraph-spark-") as tmp:
        store = store_mod.open(os.path.join(tmp, "part.db"), kb=pipe.kb)
        try:
            orders: dict[str, int] = {}
            results = pipe.process_many((a for _, a in read_items), jobs=1)
            for (order, _), result in zip(read_items, results, strict=True):
                if isinstance(result, StageError):
                    yield ERRORS, order, 0, (result.article.source, result.stage,
                                             result.detail)
                    continue
                if store.ingest(result).status != "added":
                    continue  # the same text earlier in this partition
                orders[result.doc_id] = order
                for seq, actor in enumerate(actor_occurrences(result)):
                    yield ACTORS, order, seq, (actor.id, actor.name, actor.kind,
                                               actor.country, actor.sector)
            yield from _rows(store.conn, orders, columns)
        finally:
            store.close()


def _rows(conn: Any, orders: dict[str, int], columns: Any
          ) -> Iterator[tuple[str, int, int, tuple[Any, ...]]]:
    mention_doc = dict(conn.execute("SELECT id, doc_id FROM event_mentions"))
    for table, order_by in DOC_TABLES.items():
        names = [c[0] for c in columns(conn, table)]
        quoted = ", ".join(f'"{n}"' for n in names)
        doc_at = names.index("doc_id") if "doc_id" in names else None
        for seq, row in enumerate(conn.execute(
                f"SELECT {quoted} FROM {table} ORDER BY {order_by}")):
            doc_id = row[doc_at] if doc_at is not None else mention_doc[row[0]]
            yield table, orders[doc_id], seq, tuple(row)
