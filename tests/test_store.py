"""The SQLite store: idempotent, transactional ingest; FTS; migrations; WAL."""

from __future__ import annotations

import sqlite3

import pytest

from newsgraph import store as store_mod
from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Event, Interval, Location, Mention, Quote
from newsgraph.store import queries

PUTIN = Actor("Q7747", "Vladimir Putin", "person", "RUS", "GOV")
PEZESHKIAN = Actor("Q5928577", "Masoud Pezeshkian", "person", "IRN", "GOV")
RAISI = Actor("Q5963138", "Ebrahim Raisi", "person", "IRN", "GOV")
RUSSIA = Actor("RUS", "Russia", "country", "RUS")
ERDOGAN = Actor("Q39723", "Recep Tayyip Erdogan", "person", "TUR", "GOV")


def make_article(text: str, *, source: str = "a.txt", outlet: str | None = "TASS",
                 published: str | None = "2025-09-01", events: list[Event] | None = None,
                 quotes: list[Quote] | None = None) -> Article:
    article = Article(source=source, raw=text, outlet=outlet, published=published,
                      published_basis="metadata", text=text)
    for actor in (PUTIN, PEZESHKIAN):
        name = actor.name.split()[-1]
        at = text.find(name)
        if at >= 0:
            article.mentions.append(Mention(at, at + len(name), name, actor=actor,
                                            how="kb-name"))
    article.events = events or []
    article.quotes = quotes or []
    return article


def meeting(sentence: str, *, date: str | None = "2025-09-01", place: str | None = "Tianjin",
            country: str = "CHN", status: str = "reported", actor: Actor = PUTIN,
            recipient: Actor = PEZESHKIAN, interval: Interval | None = None,
            precision: str | None = "day", occasion: str | None = None) -> Event:
    return Event(type="CONSULT", mode="meet", actor=[actor], recipient=[recipient],
                 text=sentence, start=0, end=len(sentence), trigger="met", date=date,
                 precision=precision if date or interval else None, interval=interval,
                 location=Location(place, country) if place else None, occasion=occasion,
                 status=status)


TEXT = "Putin met Pezeshkian in Tianjin on Monday. \"We are friends,\" Putin said."


def quote() -> Quote:
    start = TEXT.index('"')
    return Quote(text="We are friends,", start=start + 1, end=start + 16, kind="direct",
                 speaker=PUTIN, speaker_span=(62, 67), cue="said")


@pytest.fixture
def db(tmp_path):
    with store_mod.open(tmp_path / "t.db") as s:
        yield s


def test_open_sets_wal_and_records_migrations(db, tmp_path):
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in db.conn.execute("SELECT name FROM migrations")]
    from newsgraph.store.schema import MIGRATIONS

    assert names[:2] == ["m001_initial", "m002_minhash"]
    assert names == [name for name, _ in MIGRATIONS]
    # reopening applies nothing twice
    with store_mod.open(tmp_path / "t.db") as again:
        assert [r[0] for r in again.conn.execute("SELECT name FROM migrations")] == names


def test_path_from_env(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_DB", str(tmp_path / "env.db"))
    assert store_mod.resolve_path() == tmp_path / "env.db"
    assert store_mod.resolve_path(tmp_path / "x.db") == tmp_path / "x.db"


def test_must_exist_and_garbage_file(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        store_mod.open(tmp_path / "missing.db", must_exist=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        store_mod.open(junk)


def test_ingest_is_idempotent(db):
    first = db.ingest(make_article(TEXT, events=[meeting(TEXT)], quotes=[quote()]))
    # same cleaned text up to whitespace, another source: the same document
    second = db.ingest(make_article(TEXT.replace(" ", "  "), source="b.txt",
                                    events=[meeting(TEXT)], quotes=[quote()]))
    assert (first.status, first.events, first.quotes) == ("added", 1, 1)
    assert second.status == "skipped" and second.doc_id == first.doc_id
    assert db.count("documents") == 1
    assert db.count("event_mentions") == 1 and db.count("events") == 1
    assert db.count("quotes") == 1


def test_bad_article_rolls_back_alone(db):
    db.ingest(make_article(TEXT, events=[meeting(TEXT)]))
    bad = make_article("Putin met Raisi in Tehran.", source="bad.txt",
                       events=[meeting("Putin met Raisi.", recipient=RAISI, place="Tehran",
                                       country="IRN", date="2022-07-19")])
    bad.quotes = [Quote("x", 0, 1, "direct", None, None, "said"),
                  Quote("y", 2, 3, None, None, None, None)]  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        db.ingest(bad)
    assert db.count("documents") == 1
    assert db.count("event_mentions") == 1 and db.count("events") == 1
    assert db.conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 1
    assert not db.conn.in_transaction
    # the store still takes the next article
    assert db.ingest(make_article("Putin spoke.", source="c.txt")).status == "added"


def test_interrupt_leaves_nothing_half_written(db, monkeypatch):
    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(type(db), "_merge", boom)
    with pytest.raises(KeyboardInterrupt):
        db.ingest(make_article(TEXT, events=[meeting(TEXT)], quotes=[quote()]))
    assert db.count("documents") == 0 and db.count("quotes") == 0


def test_fts_finds_quote_and_document(db):
    db.ingest(make_article(TEXT, events=[meeting(TEXT)], quotes=[quote()]))
    found = queries.quotes(db, search="friends")
    assert [q["text"] for q in found] == ["We are friends,"]
    assert found[0]["speaker"]["name"] == "Vladimir Putin"
    assert queries.quotes(db, search="enemies") == []
    assert queries.quotes(db, search='a "quoted" OR') == []  # FTS syntax in user text is literal
    assert [q["text"] for q in queries.quotes(db, speaker="Putin")] == ["We are friends,"]
    assert queries.quotes(db, speaker="RUS")[0]["speaker"]["id"] == "Q7747"  # Putin counts for RUS
    from newsgraph.store.queries import search_documents

    assert search_documents(db, "Tianjin")[0]["outlet"] == "TASS"


def test_timeline_actor_filters(db):
    db.ingest(make_article(TEXT, events=[meeting(TEXT, occasion="SCO summit")]))
    t2 = "Putin met Raisi in Tehran in July 2022."
    db.ingest(make_article(t2, source="b.txt", published="2022-07-20", events=[
        meeting(t2, recipient=RAISI, place="Tehran", country="IRN", date="2022-07-19")]))
    t3 = "Erdogan met Pezeshkian."
    db.ingest(make_article(t3, source="c.txt", events=[
        meeting(t3, actor=ERDOGAN, date="2025-09-01")]))
    both = queries.timeline(db, actors=["RUS", "IRN"])
    assert [e["date"] for e in both] == ["2022-07-19", "2025-09-01"]
    assert both[1]["summary"] == ("Vladimir Putin met Masoud Pezeshkian in Tianjin "
                                  "(SCO summit)")
    assert both[1]["sources"][0]["sentence"] == TEXT
    assert {e["id"] for e in queries.timeline(db, actors=["Pezeshkian"])} == {
        both[1]["id"], queries.timeline(db, actors=["TUR"])[0]["id"]}
    assert queries.timeline(db, actors=["Q7747"], since="2023-01-01") == [both[1]]
    assert queries.timeline(db, actors=["Putin"], until="2023-01-01") == [both[0]]
    assert queries.timeline(db, actors=["Nobody"]) == []
    assert queries.timeline(db, actors=["RUS"], type="sanction") == []
    # a person counts for their country only through a stored country actor or code
    db.ingest(make_article("Russia spoke.", source="d.txt", events=[
        meeting("Russia spoke.", actor=RUSSIA, recipient=RAISI, date="2023-01-01")]))
    assert len(queries.timeline(db, actors=["Russia"], min_confidence=0)) == 3


def test_interval_dated_events_sort_by_start(db):
    t1 = "Putin met Raisi on a Wednesday."
    db.ingest(make_article(t1, events=[meeting(
        t1, recipient=RAISI, date=None, place="Moscow", country="RUS",
        interval=Interval("2021-08-04", "2024-05-15"), precision=None)]))
    db.ingest(make_article(TEXT, source="b.txt", events=[meeting(TEXT)]))
    dates = [(e["date"], e["interval"]) for e in queries.timeline(db)]
    assert dates == [(None, {"start": "2021-08-04", "end": "2024-05-15"}),
                     ("2025-09-01", None)]


def test_show_and_actors(db):
    result = db.ingest(make_article(TEXT, events=[meeting(TEXT)], quotes=[quote()]))
    doc = queries.show(db, result.doc_id[:8])
    assert doc["record"] == "document" and doc["quotes"][0]["cue"] == "said"
    event = queries.timeline(db)[0]
    assert queries.show(db, event["id"])["summary"] == event["summary"]
    quote_id = doc["quotes"][0]["id"]
    assert queries.show(db, quote_id)["record"] == "quote"
    actor = queries.show(db, "Q7747")
    assert (actor["record"], actor["mentions"], actor["documents"]) == ("actor", 1, 1)
    names = [a["name"] for a in queries.actors(db)]
    assert len(names) == len(set(names)) == 2
    from newsgraph.store.queries import NotFoundError

    with pytest.raises(NotFoundError):
        queries.show(db, "nope")


def test_reader_while_writer(tmp_path):
    path = tmp_path / "rw.db"
    with store_mod.open(path) as writer:
        writer.ingest(make_article(TEXT, events=[meeting(TEXT)]))
        reader = sqlite3.connect(path)
        with writer.transaction():
            writer.conn.execute("UPDATE documents SET title = 'x'")
            # WAL: the reader sees the last committed state while the write is open
            assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        reader.close()
