"""The paged query layer behind `serve` (newsgraph.store.analytics, .browse) on a small
real store written through Store.ingest, and the read-only open it serves from."""

from __future__ import annotations

import pytest

from newsgraph import store as store_mod
from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Event, Interval, Location
from newsgraph.store import analytics, browse
from newsgraph.store.analytics import EventFilter, QueryError

ALICE = Actor("QA", "Alice Example", "person", "AAA", "GOV")
BOB = Actor("QB", "Bob Example", "person", "BBB", "GOV")
CAROL = Actor("QC", "Carol Example", "person", "CCC", "GOV")


def _event(sentence: str, *, actor: Actor, recipient: Actor, date: str | None,
           interval: Interval | None = None, type_: str = "CONSULT",
           status: str = "reported") -> Event:
    return Event(type=type_, mode="meet", actor=[actor], recipient=[recipient], text=sentence,
                 start=0, end=len(sentence), trigger="met", date=date,
                 precision="day" if date else ("year" if interval else None),
                 interval=interval, location=Location("Testville", "AAA"), status=status)


def _ingest(store: store_mod.Store, text: str, events: list[Event]) -> None:
    article = Article(source=f"{len(text)}.txt", raw=text, text=text, outlet="Fixture Wire",
                      published="2020-01-01", published_basis="metadata")
    article.events = events
    assert store.ingest(article).status == "added"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.db"
    with store_mod.open(path) as s:
        for i, day in enumerate(["2019-03-01", "2020-02-02", "2020-06-15", "2020-11-30",
                                 "2021-05-05"]):
            text = f"Alice met Bob on day {i} ({day})."
            _ingest(s, text, [_event(text, actor=ALICE, recipient=BOB, date=day)])
        long = "Alice and Carol kept talking for years."
        _ingest(s, long, [_event(long, actor=ALICE, recipient=CAROL, date=None,
                                 interval=Interval("2016-01-01", "2022-12-31"),
                                 type_="COOPERATE")])
        undated = "Bob once accused Carol."
        _ingest(s, undated, [_event(undated, actor=BOB, recipient=CAROL, date=None,
                                    type_="ACCUSE", status="claimed")])
    return path


def test_a_year_window_finds_events_spanning_it_and_pages_in_order(db):
    with store_mod.open(db, read_only=True) as s:
        whole = analytics.event_page(s, EventFilter(since="2020", until="2020"), limit=50)
        starts = [(e["start"], e["type"]) for e in whole["events"]]
        assert starts == [("2016-01-01", "COOPERATE"), ("2020-02-02", "CONSULT"),
                          ("2020-06-15", "CONSULT"), ("2020-11-30", "CONSULT")]
        seen, cursor = [], None
        while True:
            page = analytics.event_page(s, EventFilter(since="2020", until="2020"), limit=1,
                                        cursor=cursor)
            seen += [e["id"] for e in page["events"]]
            if not (cursor := page["next"]):
                break
        assert seen == [e["id"] for e in whole["events"]]
        alice = analytics.event_page(s, EventFilter(actors=("Alice Example",)), limit=50)
        assert len(alice["events"]) == 6  # the undated Bob-Carol event is not hers
        everything = analytics.event_page(s, EventFilter(), limit=50)["events"]
        assert everything[-1]["start"] is None and everything[-1]["status"] == "claimed"


def test_counts_graph_relations_and_browse(db):
    with store_mod.open(db, read_only=True) as s:
        counts = analytics.timeline_counts(s, EventFilter(actors=("QA",)), bucket="year")
        assert counts == [{"bucket": "2016", "n": 1}, {"bucket": "2019", "n": 1},
                          {"bucket": "2020", "n": 3}, {"bucket": "2021", "n": 1}]
        graph = analytics.graph(s, EventFilter())
        edges = {(e["source"], e["target"]): e for e in graph["edges"]}
        assert edges[("QA", "QB")]["weight"] == 5 and edges[("QA", "QB")]["types"] == {
            "CONSULT": 5}
        assert graph["events_considered"] == 7 and not graph["truncated"]
        small = analytics.graph(s, EventFilter(), max_events=2)
        assert small["truncated"] and small["events_considered"] == 2
        rel = analytics.relations(s, "Alice Example", "Bob Example")
        assert [m["month"] for m in rel["months"]] == ["2019-03", "2020-02", "2020-06",
                                                       "2020-11", "2021-05"]
        assert browse.actor_detail(s, "QA")["events"] == 6
        assert [a["id"] for a in browse.actors_page(s, q="Example")["actors"]] == [
            "QA", "QB", "QC"]
        assert browse.actors_page(s, q="%")["actors"] == []  # LIKE wildcards are literal


@pytest.mark.parametrize("kwargs", [{"since": "2020-02-30"}, {"until": "20201"},
                                    {"min_confidence": 2.0}])
def test_bad_filters_are_refused(kwargs):
    with pytest.raises(QueryError):
        EventFilter(**kwargs)


def test_bad_cursor_and_limit_are_refused(db):
    with store_mod.open(db, read_only=True) as s:
        for cursor in ("!!!", "WyJ4Il0", "eyJzIjogMX0"):  # not base64, ["x"], {"s": 1}
            with pytest.raises(QueryError):
                analytics.event_page(s, EventFilter(), cursor=cursor)
        with pytest.raises(QueryError):
            analytics.event_page(s, EventFilter(), limit=0)


def test_readonly_open_reads_what_a_writer_commits_later_and_writes_nothing(db, tmp_path):
    with pytest.raises(StoreError, match="no store"):
        store_mod.open(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a newsgraph store"):
        store_mod.open(tmp_path / "junk.db", read_only=True)
    with store_mod.open(db, read_only=True) as reader:
        before = reader.count("events")
        with pytest.raises(Exception, match="readonly|read-only"):
            reader.conn.execute("DELETE FROM events")
        with store_mod.open(db) as writer:
            text = "Carol met Alice on a later day."
            _ingest(writer, text, [_event(text, actor=CAROL, recipient=ALICE,
                                          date="2022-01-01")])
        assert reader.count("events") == before + 1
