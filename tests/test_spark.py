"""The Spark job in local mode (local[2], the real Spark) gives what the single-machine
`ingest` gives, table for table: on the seed articles and on a multi-outlet corpus
written for this test (several outlets reporting one meeting, a wire copy, an exact
copy, other events); and it reads WARC and Parquet inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import newsgraph
from newsgraph.export import TABLES, export, load
from newsgraph.model import Article
from newsgraph.read import iter_articles
from newsgraph.store import queries

pytestmark = [pytest.mark.model, pytest.mark.slow]
FIXTURES = Path(__file__).parent / "fixtures" / "spark"
VARYING = {"ingested_at"}  # when a row was written: differs run to run


@pytest.fixture(scope="module")
def spark():
    from newsgraph.spark.job import session

    s = session("local[2]", config={"spark.ui.enabled": "false",
                                    "spark.ui.showConsoleProgress": "false",
                                    "spark.sql.shuffle.partitions": "2",
                                    "spark.default.parallelism": "2",
                                    "spark.driver.memory": "1g"})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, shared) -> Path:
    """seeds as JSON lines (read from ../shared at run time) + the multi-outlet file."""
    folder = tmp_path_factory.mktemp("corpus")
    with (folder / "a_seeds.jsonl").open("w", encoding="utf-8") as f:
        for path in sorted((shared / "corpus" / "seeds").glob("*.txt")):
            f.write(json.dumps({"text": path.read_text(encoding="utf-8")}) + "\n")
    shutil.copy(FIXTURES / "outlets.jsonl", folder / "b_outlets.jsonl")
    return folder


def _single(pipeline, paths: list[str], db: Path):
    store = newsgraph.open(db, kb=pipeline.kb)
    for item in iter_articles(paths):
        assert isinstance(item, Article), item
        store.ingest(pipeline.process(item))
    return store


def _table(path: Path) -> list[tuple]:
    import pyarrow.parquet as pq

    data = pq.read_table(path).to_pylist()
    return sorted((tuple(sorted((k, v) for k, v in row.items() if k not in VARYING))
                   for row in data), key=repr)


@pytest.fixture(scope="module")
def both(spark, corpus, pipeline, tmp_path_factory):
    from newsgraph.spark import job

    out = tmp_path_factory.mktemp("out")
    counts = job.run(str(corpus), str(out / "spark"), spark=spark)
    store = _single(pipeline, [str(corpus)], out / "single.db")
    export(store, "parquet", out / "single")
    yield out, counts, store
    store.close()


def test_spark_equals_single_machine(both):
    out, counts, store = both
    for table in TABLES:
        spark_rows = _table(out / "spark" / table)
        single_rows = _table(out / "single" / f"{table}.parquet")
        assert spark_rows == single_rows, table
        assert counts[table] == len(single_rows)
    assert counts["errors"] == 0


def test_multi_outlet_meeting_is_one_event(both):
    out, _, store = both
    docs = store.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert docs == 5 + 6  # the exact copy is skipped
    copy = store.conn.execute("SELECT duplicate_of FROM documents WHERE url LIKE "
                              "'%gazette-three%'").fetchone()[0]
    assert copy is not None  # the wire copy is linked to the first copy
    sochi = [e for e in queries.events(store)
             if e["type"] == "CONSULT" and "Sochi" in (e["summary"] or "")]
    assert sochi and max(len(e["sources"]) for e in sochi) >= 3


def test_load_spark_output(both, tmp_path):
    out, _, store = both
    with newsgraph.open(tmp_path / "loaded.db") as loaded:
        load(loaded, out / "spark")
        assert queries.events(loaded) and queries.events(loaded) == queries.events(store)
        assert queries.quotes(loaded) == queries.quotes(store)
        assert not any(load(loaded, out / "spark").added.values())


def test_warc_and_parquet_inputs(spark, tmp_path, pipeline):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from newsgraph.spark import job

    rows = [json.loads(x) for x in (FIXTURES / "outlets.jsonl").read_text().splitlines()]
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "crawl.warc.gz").open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for r in rows[:2]:
            html = (f"<html><head><title>{r['title']}</title></head><body><article>"
                    + "".join(f"<p>{p}</p>" for p in r["text"].split(". "))
                    + "</article></body></html>").encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(r["url"], "response",
                                                          payload=__import__("io").BytesIO(html),
                                                          http_headers=headers))
    pq.write_table(pa.Table.from_pylist(rows[5:]), folder / "more.parquet")
    counts = job.run(str(folder), str(tmp_path / "out"), spark=spark)
    assert counts["errors"] == 0
    assert counts["documents"] == 4
    docs = pq.read_table(tmp_path / "out" / "documents").to_pylist()
    assert {d["url"] for d in docs} == {r["url"] for r in rows[:2] + rows[5:]}
    # the WARC half as `ingest` reads it
    single = _single(pipeline, [str(folder / "crawl.warc.gz")], tmp_path / "w.db")
    warc_ids = {r[0] for r in single.conn.execute("SELECT doc_id FROM documents")}
    assert warc_ids <= {d["doc_id"] for d in docs}
    single.close()


def test_bad_input_is_one_clear_error(spark, tmp_path):
    from newsgraph.spark import job

    with pytest.raises(job.SparkJobError, match="no such file or folder"):
        job.run(str(tmp_path / "missing"), str(tmp_path / "o"), spark=spark)
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(job.SparkJobError, match="no .jsonl, .warc or .parquet"):
        job.run(str(tmp_path / "notes.csv"), str(tmp_path / "o"), spark=spark)


def test_date_windows_merge_as_the_whole_block(kb):
    """Cutting a block into date windows changes nothing: random dense mentions (few
    actors, exact days, months, weeks, undated parts of meetings, near-copies) merged
    window by window give the events (ids, sources, parties) that merging the whole
    block at once gives."""
    import random

    from newsgraph.crossdoc.merge import MentionView
    from newsgraph.model import Interval, Location
    from newsgraph.spark.blocking import MentionRecord, merge_block, merge_window, windows

    rng = random.Random(3)
    people = ["Q7747", "Q15031", "Q39259"]
    records = []
    for order in range(300):
        doc = f"d{order}"
        origin = f"d{order - 1}" if order % 17 == 0 and order else doc
        for seq in range(rng.randint(1, 4)):
            kind = rng.random()
            day = f"2024-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
            date, precision, interval = (day, "day", None) if kind < 0.6 else \
                (day[:7], "month", None) if kind < 0.7 else \
                (None, None, Interval(day, day[:8] + "28")) if kind < 0.8 else \
                (None, None, None)
            actors = tuple(rng.sample(people, 2 if kind < 0.8 else rng.randint(1, 2)))
            view = MentionView(id=f"em{order}_{seq}", doc_id=doc, type="CONSULT",
                               mode=rng.choice(["meet", "talks", None]), status="reported",
                               actor_ids=actors[:1], recipient_ids=actors[1:], date=date,
                               precision=precision, interval=interval,
                               location=Location(rng.choice(["Moscow", "Sochi"]), "RUS")
                               if rng.random() < 0.4 else None)
            records.append(MentionRecord(view=view, order=order, seq=seq, origin=origin,
                                         actors=[(a, "actor", a) for a in actors]))
    assert len(windows(records)) > 1  # the test cuts something
    whole = merge_window(records, kb=kb, taken=set())
    by_windows = merge_block(records, kb=kb)
    assert len(whole) < len(records)  # mentions did merge
    assert sorted((e.event.id, tuple(e.event.mention_ids), tuple(sorted(e.parties)))
                  for e in whole) == \
        sorted((e.event[0], tuple(m for _, m in e.sources),
                tuple((a, r) for _, a, r in e.actors)) for e in by_windows)
