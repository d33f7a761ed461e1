"""The PySpark job: newsgraph's per-article pipeline over a corpus beyond one machine.

    newsgraph spark run --input s3a://bucket/crawl/ --output s3a://bucket/newsgraph/
    spark-submit newsgraph/spark/job.py --input PATH --output PATH   (see README)

1. Reads JSON Lines (.jsonl, .ndjson, gzipped too), WARC (.warc, .warc.gz) and Parquet
   (columns as JSONL's fields: text or html, url, title, published, outlet) from any
   Spark path: a file, a folder (recursively) or a glob.
2. Runs the per-article pipeline on the executors (`extract.extract_partition`, model
   and KB loaded once per Python worker).
3. In Spark: keeps the first copy of each text, finds near-duplicate articles (MinHash
   bands joined across the corpus, as the store does), reduces actors as the store
   upserts them, forms merge blocks (type and participants, joined through articles;
   `blocking`) and merges each block with the single-machine merge function.
4. Writes every table of `newsgraph export --format parquet` as OUTPUT/TABLE/ (Parquet
   part files), plus OUTPUT/errors/ (inputs that failed: source, stage, message).
   `newsgraph load OUTPUT` brings them into a SQLite store.

The output equals `newsgraph ingest` of the same inputs in the same order, row for row
(tests/test_spark.py); only `ingested_at` differs. Imports here are absolute, so that
`spark-submit .../newsgraph/spark/job.py` runs this file as a script.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import Options
from newsgraph.spark.blocking import (
    EventRows,
    MentionRecord,
    block_edges,
    mention_record,
    merge_block,
    party_buckets,
)
from newsgraph.spark.extract import ACTORS, ERRORS, Input, extract_partition, pipeline

FILE_SHIFT = 32  # an input's order: file number << 32 | line (or record) number
ERROR_COLUMNS = (("source", "TEXT", True), ("stage", "TEXT", True), ("message", "TEXT", True))
PARQUET_FIELDS = ("text", "html", "url", "title", "published", "date", "outlet")


class SparkJobError(NewsgraphError):
    """Bad input or output paths, or no Spark (pip install 'newsgraph[spark]')."""


def session(master: str | None = None, *, config: dict[str, str] | None = None) -> Any:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        raise SparkJobError("no pyspark here: pip install 'newsgraph[spark]'") from e
    builder = SparkSession.builder.appName("newsgraph").config(
        "spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as e:  # noqa: BLE001 - no Java, a bad master URL: one clear line
        first = (str(e).strip().splitlines() or [type(e).__name__])[0]
        raise SparkJobError(f"cannot start Spark (Java 17 installed? JAVA_HOME? "
                            f"--master {master or 'default'}): {first}") from e


# -- input --------------------------------------------------------------------------


def _local(uri: str) -> str:
    return uri[len("file:"):] if uri.startswith("file:") else uri


def list_files(spark: Any, path: str) -> list[str]:
    """Every file under `path` (a file, folder or glob; any Hadoop file system), sorted;
    hidden files and Spark's _SUCCESS markers left out."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    try:
        fs = hpath.getFileSystem(conf)
        statuses = fs.globStatus(hpath)
    except Exception as e:  # noqa: BLE001 - a Java exception: one clear line
        raise SparkJobError(f"--input {path}: cannot list ({e})") from e
    if not statuses:
        raise SparkJobError(f"--input {path}: no such file or folder")
    found = []
    for status in statuses:
        if status.isDirectory():
            it = fs.listFiles(status.getPath(), True)
            while it.hasNext():
                found.append(it.next().getPath().toString())
        else:
            found.append(status.getPath().toString())
    return sorted(f for f in found if not f.rsplit("/", 1)[-1].startswith((".", "_")))


def _kind(uri: str) -> str | None:
    from newsgraph.read import kind_of

    if uri.lower().endswith(".parquet"):
        return "parquet"
    kind, _ = kind_of(uri.rsplit("/", 1)[-1])
    return kind if kind in ("jsonl", "warc") else None


def inputs(spark: Any, path: str, *, partitions: int | None = None) -> Any:
    """An RDD of `extract.Input`, one per JSON line, Parquet row or WARC file."""
    sc = spark.sparkContext
    parts = []
    files = [(i, uri, _kind(uri)) for i, uri in enumerate(list_files(spark, path))]
    if not any(kind for _, _, kind in files):
        raise SparkJobError(f"--input {path}: no .jsonl, .warc or .parquet files in it")
    for number, uri, kind in files:
        base, source = number << FILE_SHIFT, _local(uri)
        if kind == "jsonl":
            lines = sc.textFile(uri).zipWithIndex()
            parts.append(lines.filter(lambda p: p[0].strip()).map(
                lambda p, b=base, s=source: Input(b + p[1] + 1, f"{s}:{p[1] + 1}", "json",
                                                  p[0].encode("utf-8"))))
        elif kind == "warc":
            parts.append(sc.binaryFiles(uri).map(
                lambda p, b=base, s=source: Input(b, s, "warc", bytes(p[1]))))
        elif kind == "parquet":
            frame = spark.read.parquet(uri)
            wanted = [c for c in PARQUET_FIELDS if c in frame.columns]
            if "text" not in wanted and "html" not in wanted:
                raise SparkJobError(f"{source}: a Parquet input needs a text or html column")
            rows = frame.select(*wanted).rdd.zipWithIndex()
            parts.append(rows.map(lambda p, b=base, s=source: Input(
                b + p[1] + 1, f"{s}:{p[1] + 1}", "json",
                json.dumps({k: v for k, v in p[0].asDict().items() if v is not None},
                           default=str).encode("utf-8"))))
    rdd = sc.union(parts) if len(parts) > 1 else parts[0]
    return rdd.repartition(partitions) if partitions else rdd


# -- near duplicates ------------------------------------------------------------------


def _signatures(docs: Iterable[tuple[str, int, str]]) -> Iterator[tuple[str, tuple[int, bytes]]]:
    from newsgraph.crossdoc import dedupe

    for doc_id, order, text in docs:
        signature = dedupe.minhash(text)
        if signature is not None:
            yield doc_id, (order, dedupe.to_blob(signature))


def _bands(item: tuple[str, tuple[int, bytes]]
           ) -> Iterator[tuple[tuple[int, str], tuple[int, str]]]:
    from newsgraph.crossdoc import dedupe

    doc_id, (order, blob) = item
    for band, h in enumerate(dedupe.lsh_bands(dedupe.from_blob(blob))):
        yield (band, h), (order, doc_id)


def _pairs(group: tuple[Any, Iterable[tuple[int, str]]]) -> Iterator[tuple[str, str]]:
    members = sorted(set(group[1]))
    for i, (_, later) in enumerate(members):
        for _, earlier in members[:i]:
            yield later, earlier


def near_duplicates(signatures: Any) -> dict[str, tuple[str, float]]:
    """{doc_id: (the first copy, similarity)}, as `Store._find_near_duplicate` links an
    article to the stored ones before it, each copy to the first copy."""
    from newsgraph.crossdoc import dedupe

    pairs = signatures.flatMap(_bands).groupByKey().flatMap(_pairs).distinct()
    scored = (pairs.join(signatures).map(lambda p: (p[1][0], (p[0], p[1][1])))
              .join(signatures)
              .map(lambda p: (p[1][0][0], p[1][0][1][0], p[0], p[1][1][0], float(
                  dedupe.jaccard_estimate(dedupe.from_blob(p[1][0][1][1]),
                                          dedupe.from_blob(p[1][1][1])))))
              .filter(lambda r: r[4] >= dedupe.NEAR_DUPLICATE_JACCARD).collect())
    best: dict[str, tuple[int, str, int, str, float]] = {}
    for later, later_order, earlier, earlier_order, sim in scored:
        have = best.get(later)
        if have is None or (sim, -earlier_order) > (have[4], -have[2]):
            best[later] = (later_order, later, earlier_order, earlier, sim)
    origin: dict[str, tuple[str, float]] = {}
    for _, later, _, earlier, sim in sorted(best.values()):
        origin[later] = (origin[earlier][0] if earlier in origin else earlier, sim)
    return origin


# -- actors -------------------------------------------------------------------------


def _reduce_actor(item: tuple[str, Iterable[tuple[int, int, tuple[Any, ...]]]]
                  ) -> tuple[Any, ...]:
    """As the store upserts: the first name and kind, the first known country/sector."""
    rows = [r for _, _, r in sorted(item[1], key=lambda t: (t[0], t[1]))]
    country = next((r[3] for r in rows if r[3]), None)
    sector = next((r[4] for r in rows if r[4]), None)
    return rows[0][0], rows[0][1], rows[0][2], country, sector


# -- the job ------------------------------------------------------------------------


def _schemas() -> dict[str, Any]:
    from newsgraph import store as store_mod
    from newsgraph.export.tables import TABLES, arrow_schema, columns

    with tempfile.TemporaryDirectory() as tmp, store_mod.open(
            os.path.join(tmp, "schema.db")) as store:
        cols = {t: columns(store.conn, t) for t in TABLES}
    cols[ERRORS] = list(ERROR_COLUMNS)
    return {t: (c, arrow_schema(c)) for t, c in cols.items()}


def _spark_schema(cols: Sequence[tuple[str, str, bool]]) -> Any:
    from pyspark.sql import types as T

    kinds = {"INTEGER": T.LongType(), "REAL": T.DoubleType(), "BLOB": T.BinaryType()}
    return T.StructType([T.StructField(name, kinds.get(kind, T.StringType()), True)
                         for name, kind, _ in cols])


def run(input_path: str, output: str, *, master: str | None = None,
        partitions: int | None = None, options: Options | None = None,
        spark: Any = None) -> dict[str, int]:
    """Run the job; return the rows written per table."""
    spark = spark or session(master)
    options = options or Options()
    schemas = _schemas()
    columns = {t: [c[0] for c in cols] for t, (cols, _) in schemas.items()}
    rows = inputs(spark, input_path, partitions=partitions).mapPartitions(
        lambda items: extract_partition(items, options=options)).persist()
    try:
        tables = _tables(rows, columns, options)
        counts = {}
        for table, rdd in tables.items():
            frame = spark.createDataFrame(rdd, _spark_schema(schemas[table][0]))
            frame.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")
            counts[table] = spark.read.parquet(f"{output.rstrip('/')}/{table}").count()
        return counts
    finally:
        rows.unpersist()


def _tables(rows: Any, columns: dict[str, list[str]], options: Options) -> dict[str, Any]:
    sc = rows.context
    docs = rows.filter(lambda r: r[0] == "documents")
    doc_col = columns["documents"].index("doc_id")
    text_col = columns["documents"].index("text")
    # the same text twice: the first copy in input order stays
    firsts = docs.map(lambda r: (r[3][doc_col], r[1])).reduceByKey(min)
    dropped = set(docs.map(lambda r: (r[3][doc_col], r[1])).subtract(firsts)
                  .map(lambda p: p[1]).collect())
    gone = sc.broadcast(dropped)
    kept = rows.filter(lambda r: r[1] not in gone.value).persist()
    signatures = (kept.filter(lambda r: r[0] == "documents")
                  .map(lambda r: (r[3][doc_col], r[1], r[3][text_col]))
                  .mapPartitions(_signatures).persist())
    origins = sc.broadcast(near_duplicates(signatures))
    signatures.unpersist()

    def of(table: str) -> Any:
        return kept.filter(lambda r, t=table: r[0] == table)

    dup_at = columns["documents"].index("duplicate_of")
    sim_at = columns["documents"].index("similarity")

    def document(r: tuple[Any, ...]) -> tuple[Any, ...]:
        row = list(r[3])
        found = origins.value.get(row[doc_col])
        row[dup_at], row[sim_at] = (found[0], found[1]) if found else (None, None)
        return tuple(row)

    actors = of(ACTORS).map(lambda r: (r[3][0], (r[1], r[2], r[3]))).groupByKey() \
        .map(_reduce_actor).persist()
    out: dict[str, Any] = {
        "actors": actors,
        "documents": of("documents").sortBy(lambda r: r[1]).map(document),
        "quotes": of("quotes").sortBy(lambda r: (r[1], r[2])).map(lambda r: r[3]),
        "event_mentions": of("event_mentions").sortBy(lambda r: (r[1], r[2]))
        .map(lambda r: r[3]),
        "event_mention_actors": of("event_mention_actors").sortBy(lambda r: (r[1], r[2]))
        .map(lambda r: r[3]),
        ERRORS: rows.filter(lambda r: r[0] == ERRORS).sortBy(lambda r: r[1])
        .map(lambda r: r[3]),
    }
    for table in ("mentions", "timexes"):  # the store's row ids, numbered in input order
        out[table] = of(table).sortBy(lambda r: (r[1], r[2])).zipWithIndex().map(
            lambda p: (p[1] + 1, *p[0][3][1:]))
    events = _events(of("event_mentions"), of("event_mention_actors"), actors, origins,
                     columns, options).persist()
    ordered = events.sortBy(lambda e: e.order)
    out["events"] = ordered.map(lambda e: e.event)
    out["event_actors"] = ordered.flatMap(lambda e: e.actors)
    out["event_sources"] = ordered.flatMap(lambda e: e.sources)
    return out


def _events(mentions: Any, mention_actors: Any, actors: Any, origins: Any,
            columns: dict[str, list[str]], options: Options) -> Any:
    names = columns["event_mentions"]
    named = (mention_actors.map(lambda r: (r[3][1], (r[3][0], r[3][2])))
             .join(actors.map(lambda a: (a[0], a[1])))
             .map(lambda p: (p[1][0][0], (p[0], p[1][0][1], p[1][1]))).groupByKey())

    def record(p: tuple[str, tuple[tuple[int, int, tuple[Any, ...]], Any]]) -> MentionRecord:
        (order, seq, row), found = p[1]
        data = dict(zip(names, row, strict=True))
        origin = origins.value.get(data["doc_id"], (data["doc_id"], None))[0]
        return mention_record(data, found or (), order=order, seq=seq, origin=origin)

    records = (mentions.map(lambda r: (r[3][0], (r[1], r[2], r[3])))
               .leftOuterJoin(named).map(record).persist())
    by_article = (records.keyBy(lambda m: (m.view.type, m.origin)).groupByKey()
                  .flatMap(lambda kv: block_edges(kv[1])))
    by_party = (records.flatMap(lambda m: [(b, m.group) for b in party_buckets(m.group)])
                .distinct().groupByKey().flatMap(lambda kv: _chain(sorted(kv[1]))))
    edges = by_article.union(by_party).distinct().collect()
    blocks = mentions.context.broadcast(_components(edges))

    def merged(kv: tuple[Any, Iterable[MentionRecord]]) -> list[EventRows]:
        return merge_block(list(kv[1]), kb=pipeline(options).kb)

    return (records.keyBy(lambda m: blocks.value.get(m.group, m.group)).groupByKey()
            .flatMap(merged))


def _chain(groups: list[Any]) -> Iterator[tuple[Any, Any]]:
    for g in groups[1:]:
        yield groups[0], g


def _components(edges: list[tuple[Any, Any]]) -> dict[Any, Any]:
    """Union-find over (type, participants) groups: {group: its block's key}."""
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsgraph-spark", description=__doc__.split("\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--master", default=None)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--model", default=None, help="spaCy model name or path on the workers")
    ap.add_argument("--kb", action="append", default=[],
                    help="a KB override file (ship it with --files; give its name)")
    args = ap.parse_args(argv)
    try:
        counts = run(args.input, args.output, master=args.master, partitions=args.partitions,
                     options=Options(model=args.model, kb_overrides=_shipped(args.kb)))
    except NewsgraphError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
          file=sys.stderr)
    return 0


def _shipped(files: list[str]) -> list[str]:
    """KB files sent with spark-submit --files are found by name where the task runs."""
    if not files:
        return []
    from pyspark import SparkFiles

    out = []
    for name in files:
        try:
            out.append(name if os.path.exists(name) else SparkFiles.get(name))
        except Exception:  # noqa: BLE001 - no SparkContext yet: keep the name
            out.append(name)
    return out


if __name__ == "__main__":
    sys.exit(main())
