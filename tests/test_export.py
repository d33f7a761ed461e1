"""Export round trips: pyarrow reads the Parquet, csv the CSV, networkx the GraphML, and
the PLOVER records have the fields and types of the PLOVER gold standard's; `load`
brings Parquet back into a store, idempotently."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import newsgraph
from newsgraph.export import TABLES, export, load
from newsgraph.model import Article
from newsgraph.store import queries

pytestmark = pytest.mark.model
BIN = Path(sys.executable).parent / "newsgraph"

# Texts written for these tests. The title and outlet of the second would run as
# formulas in a spreadsheet.
ARTICLES = [
    dict(source="talks.txt", title="Leaders meet", outlet="Wire One", published="2025-03-04",
         raw="Indian Prime Minister Narendra Modi met Japanese Prime Minister Shigeru "
             "Ishiba in Tokyo on Tuesday. The two leaders signed a defence agreement. "
             "\"Our partnership is strong,\" Modi said after the talks."),
    dict(source="formula.txt", title="=HYPERLINK(\"http://x\",\"click\")", outlet="@evil",
         published="2025-03-05",
         raw="+Brazil condemned the attack on its embassy in Caracas on Wednesday, the "
             "foreign ministry said. Venezuela rejected the accusation."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory, pipeline, shared):
    path = tmp_path_factory.mktemp("export") / "store.db"
    st = newsgraph.open(path, kb=pipeline.kb)
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    articles = [Article(source=str(p), raw=p.read_text(encoding="utf-8")) for p in seeds]
    articles += [Article(published_basis="metadata", user_published=True, **a)
                 for a in ARTICLES]
    for article in articles:
        st.ingest(pipeline.process(article))
    yield st
    st.close()


def _rows(store, table: str) -> int:
    return store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_parquet_round_trip(store, tmp_path):
    import pyarrow.parquet as pq

    written = export(store, "parquet", tmp_path)
    assert set(written) == set(TABLES)
    for table in TABLES:
        got = pq.read_table(tmp_path / f"{table}.parquet")
        assert got.num_rows == _rows(store, table) == written[table]
    docs = pq.read_table(tmp_path / "documents.parquet").to_pydict()
    assert sorted(docs["doc_id"]) == sorted(
        r[0] for r in store.conn.execute("SELECT doc_id FROM documents"))
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.schema.field("n_documents").type == "int64"
    assert sorted(events.column("id").to_pylist()) == sorted(
        r[0] for r in store.conn.execute("SELECT id FROM events"))
    assert _rows(store, "events") > 5 and _rows(store, "quotes") > 5


def test_csv_and_jsonl(store, tmp_path):
    export(store, "csv", tmp_path / "csv")
    export(store, "jsonl", tmp_path / "jsonl")
    for table in TABLES:
        with (tmp_path / "csv" / f"{table}.csv").open(newline="", encoding="utf-8") as f:
            assert len(list(csv.DictReader(f))) == _rows(store, table)
        lines = (tmp_path / "jsonl" / f"{table}.jsonl").read_text(encoding="utf-8")
        assert len(lines.splitlines()) == _rows(store, table)
    with (tmp_path / "csv" / "documents.csv").open(newline="", encoding="utf-8") as f:
        docs = {r["source"]: r for r in csv.DictReader(f)}
    bad = docs["formula.txt"]
    assert bad["title"].startswith("'=HYPERLINK") and bad["outlet"] == "'@evil"
    assert bad["text"].startswith("'+Brazil")
    # numbers are not text: a mention's offsets stay plain
    with (tmp_path / "csv" / "mentions.csv").open(newline="", encoding="utf-8") as f:
        assert all(r["start"].isdigit() for r in csv.DictReader(f))
    # JSONL keeps the text as stored
    docs_jsonl = [json.loads(x) for x in
                  (tmp_path / "jsonl" / "documents.jsonl").read_text().splitlines()]
    assert any(d["title"] == ARTICLES[1]["title"] for d in docs_jsonl)


def test_graphml_loads_in_networkx(store, tmp_path, kb):
    import networkx as nx

    path = tmp_path / "net.graphml"
    export(store, "graphml", path, kb=kb)
    graph = nx.read_graphml(path)
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.nodes["Q7747"]["label"] == "Vladimir Putin"
    assert graph.nodes["Q7747"]["wikidata"] == "Q7747"
    assert graph.nodes["Q7747"]["kind"] == "person"
    assert graph.nodes["Q7747"]["country"] == "RUS"
    consult = [(a, b, d) for a, b, d in graph.edges(data=True) if d["type"] == "CONSULT"]
    assert consult and all(d["weight"] >= 1 for _, _, d in consult)
    putin_iran = [d["weight"] for a, b, d in consult if "Q7747" in (a, b)]
    assert sum(putin_iran) >= 4  # the seeds' meetings
    # edges between two actors of the same type are one edge, weighted
    keys = [(a, b, d["type"]) for a, b, d in graph.edges(data=True)]
    assert len(keys) == len(set(keys))


def _gsr_types(shared: Path) -> tuple[dict[str, set[type]], set[str]]:
    gold = json.loads((shared / "bench" / "plover_gsr" / "PLOVER_GSR_dev.json").read_text())
    records = [r for r in gold if r.get("event") != "DOCUMENT"]
    types: dict[str, set[type]] = {}
    for r in records:
        for k, v in r.items():
            types.setdefault(k, set()).add(type(v))
    common = set.intersection(*(set(r) for r in records))
    return types, common


def test_plover_fields_and_types(store, tmp_path, shared, kb):
    path = tmp_path / "events.json"
    export(store, "plover", path, kb=kb)
    records = json.loads(path.read_text(encoding="utf-8"))
    assert len(records) == _rows(store, "events")
    types, common = _gsr_types(shared)
    for rec in records:
        assert common <= set(rec), common - set(rec)
        for key, value in rec.items():
            if key == "newsgraph":  # the one extension object
                assert isinstance(value, dict) and value["sources"]
                continue
            assert key in types, f"{key} is not a PLOVER field"
            assert type(value) in types[key], (key, value)
        for actor in rec["source"] + rec["target"]:
            assert set(actor) <= {"actorText", "code", "sector", "wikidata"}
            assert isinstance(actor["actorText"], str) and isinstance(actor["code"], str)
        assert rec["date"] == "" or len(rec["date"]) == 10
    meetings = [r for r in records if r["event"] == "CONSULT" and r.get("eventLoc")
                and any(a.get("wikidata") == "Q7747" for a in r["source"] + r["target"])]
    assert meetings, "a Putin meeting with its place and Putin's Wikidata id"
    assert all(len(r["eventLoc"]["country code"]) == 2 for r in meetings
               if r["eventLoc"]["country code"])


def test_load_round_trip_is_idempotent(store, tmp_path):
    export(store, "parquet", tmp_path / "pq")
    with newsgraph.open(tmp_path / "copy.db") as copy:
        first = load(copy, tmp_path / "pq")
        assert first.added["documents"] == _rows(store, "documents")
        for table in TABLES:
            assert _rows(copy, table) == _rows(store, table), table
        again = load(copy, tmp_path / "pq")
        assert not any(again.added.values())
        assert queries.events(copy) and queries.events(copy) == queries.events(store)
        assert queries.quotes(copy) == queries.quotes(store)
        # the search index and near-duplicate signatures came along
        assert copy.conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts "
                                 "MATCH 'Pezeshkian'").fetchone()[0] >= 1
        assert _rows(copy, "doc_minhash") == _rows(store, "doc_minhash")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN), *args], capture_output=True, text=True, timeout=120)


def test_cli_export_and_load(store, tmp_path):
    db = str(store.path)
    out = _cli("--db", db, "export", "--format", "parquet", "--out", str(tmp_path / "t"))
    assert out.returncode == 0, out.stderr
    assert "documents" in out.stderr
    copy = str(tmp_path / "c.db")
    out = _cli("--db", copy, "load", str(tmp_path / "t"))
    assert out.returncode == 0, out.stderr
    assert sqlite3.connect(copy).execute("SELECT count(*) FROM events").fetchone()[0] == \
        _rows(store, "events")
    # bad input: one line, exit 1, no traceback
    (tmp_path / "afile").write_text("x")
    out = _cli("--db", db, "export", "--format", "csv", "--out", str(tmp_path / "afile"))
    assert out.returncode == 1 and out.stderr.startswith("error: --out ")
    assert "Traceback" not in out.stderr
    out = _cli("--db", copy, "load", str(tmp_path / "nothing"))
    assert out.returncode == 1 and "not a folder of Parquet tables" in out.stderr
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "documents.parquet").write_text("not parquet")
    out = _cli("--db", copy, "load", str(tmp_path / "broken"))
    assert out.returncode == 1 and "not readable as Parquet" in out.stderr
    out = _cli("--db", str(tmp_path / "none.db"), "export", "--format", "plover",
               "--out", str(tmp_path / "p.json"))
    assert out.returncode == 1 and out.stderr.startswith("error: no store at")
