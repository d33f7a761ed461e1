"""The merge at scale: candidates found by index (m005 `event_days`) give the events that
`crossdoc.merge_mentions` gives; hypothetical meetings on a reported day; undated
repeats of a dated meeting ranked low, whatever the order articles come in."""

from __future__ import annotations

import random

import pytest
from test_store import PEZESHKIAN, PUTIN, RAISI, make_article, meeting  # tests/ on sys.path

from newsgraph import store as store_mod
from newsgraph.crossdoc.merge import MentionView, merge_mentions
from newsgraph.model import Actor, Event, Interval, Location
from newsgraph.store import queries
from newsgraph.store.db import interval_from_json

ERDOGAN = Actor("Q39723", "Recep Tayyip Erdogan", "person", "TUR", "GOV")
PEOPLE = [PUTIN, PEZESHKIAN, RAISI, ERDOGAN]


@pytest.fixture
def db(tmp_path):
    with store_mod.open(tmp_path / "m.db") as s:
        yield s


def _random_articles(seed: int, n: int) -> list:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = f"Report number {i} on the talks."
        events = []
        for _ in range(rng.randint(1, 3)):
            kind = rng.random()
            day = f"2025-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
            date, precision, interval = (day, "day", None) if kind < 0.6 else \
                (day[:7], "month", None) if kind < 0.7 else \
                (None, None, Interval(day, "2025-12-31")) if kind < 0.8 else \
                (None, None, None)
            a, b = rng.sample(PEOPLE, 2)
            place = rng.choice([None, ("Moscow", "RUS"), ("Sochi", "RUS"), ("Ankara", "TUR")])
            events.append(Event(
                type=rng.choice(["CONSULT", "CONSULT", "AGREE", "THREATEN"]),
                mode=rng.choice(["meet", "talks", None]), actor=[a], recipient=[b],
                text=text, start=0, end=len(text), trigger="met", date=date,
                precision=precision, interval=interval,
                location=Location(*place) if place else None, status="reported"))
        out.append(make_article(text, source=f"r{i}.txt", outlet=None,
                                published=f"2025-{rng.randint(1, 4):02d}-15", events=events))
    return out


def _views(store) -> list[MentionView]:
    """The stored event mentions, in the order they were stored, as the merger sees them."""
    views = []
    for row in store.conn.execute(
            "SELECT id, doc_id, type, mode, status, date, precision, interval, location_name, "
            "location_country, occasion FROM event_mentions ORDER BY rowid").fetchall():
        roles = store.conn.execute("SELECT actor_id, role FROM event_mention_actors WHERE "
                                   "event_mention_id = ? ORDER BY rowid", (row[0],)).fetchall()
        views.append(MentionView(
            id=row[0], doc_id=row[1], type=row[2], mode=row[3], status=row[4],
            actor_ids=tuple(a for a, r in roles if r == "actor"),
            recipient_ids=tuple(a for a, r in roles if r == "recipient"), date=row[5],
            precision=row[6], interval=interval_from_json(row[7]),
            location=Location(row[8], row[9]) if row[8] else None, occasion=row[10]))
    return views


def test_store_merges_as_merge_mentions(db):
    """Candidates by index and date window in the store, all events filtered in Python:
    the same events (ids, mentions, dates, places, parties)."""
    for article in _random_articles(5, 150):
        db.ingest(article)
    merged = merge_mentions(_views(db), kb=None)
    stored = {r[0]: r[1:] for r in db.conn.execute(
        "SELECT id, participants_key, date, interval, location_name FROM events")}
    sources: dict[str, set[str]] = {}
    for event_id, mid in db.conn.execute("SELECT event_id, event_mention_id FROM "
                                         "event_sources"):
        sources.setdefault(event_id, set()).add(mid)
    assert len(merged) < len(_views(db))  # mentions did merge
    assert {e.id: set(e.mention_ids) for e in merged} == sources
    for e in merged:
        interval = stored[e.id][2]
        assert (e.participants_key, e.date, e.location.name if e.location else None) == (
            stored[e.id][0], stored[e.id][1], stored[e.id][3])
        assert e.interval == interval_from_json(interval)


def test_date_window_changes_nothing(db):
    """Candidates cut to the date window merge as all events of the type that share a
    party (or the article) would."""
    from newsgraph.crossdoc.merge import merge_one

    for article in _random_articles(3, 200):
        db.ingest(article)
    views = _views(db)
    events: list = []
    for m in views:
        parties = set(m.actor_ids) | set(m.recipient_ids)
        every = sorted((e for e in events if m.doc_id in e.doc_ids or (
            e.type == m.type and parties & set(e.participants_key.replace(
                ">", "|").replace(",", "|").split("|")))), key=lambda e: e.id)
        event, is_new, folded = merge_one(m, every, same_docs={m.doc_id},
                                          taken={e.id for e in events}.__contains__)
        events = [e for e in events + [event] * is_new if all(e is not f for f in folded)]
    windowed = merge_mentions(views)
    assert sorted(sorted(e.mention_ids) for e in windowed) == \
        sorted(sorted(e.mention_ids) for e in events)
    assert len(windowed) < len(views) - 50  # mentions did merge


def test_event_days_follow_events_and_parties(db):
    for article in _random_articles(9, 60):
        db.ingest(article)
    days = set(db.conn.execute("SELECT event_id, actor_id, type, first_day, last_day "
                               "FROM event_days"))
    expected = set(db.conn.execute(
        "SELECT DISTINCT e.id, a.actor_id, e.type, e.sort_start, e.sort_end FROM events e "
        "JOIN event_actors a ON a.event_id = e.id"))
    assert days == expected and len(days) > 60


def test_candidates_use_the_event_days_index(db):
    plan = " ".join(str(r) for r in db.conn.execute(
        "EXPLAIN QUERY PLAN SELECT event_id FROM event_days WHERE actor_id = ? AND type = ? "
        "AND wide = 0 AND first_day BETWEEN ? AND ? AND last_day >= ?",
        ("Q7747", "CONSULT", "2025-01-01", "2025-02-01", "2025-01-10")))
    assert "COVERING INDEX event_days_window" in plan


def test_hypothetical_meeting_joins_the_reported_one_on_its_day():
    # "If the summit goes ahead on 1 September in Tianjin ..." / "They met on 1 September"
    base = dict(type="CONSULT", mode="meet", actor_ids=("Q7747",),
                recipient_ids=("Q5928577",), precision="day",
                location=Location("Tianjin", "CHN"))
    reported = MentionView(id="m1", doc_id="d1", status="reported", date="2025-09-01", **base)
    same_day = MentionView(id="m2", doc_id="d2", status="hypothetical", date="2025-09-01",
                           **base)
    other_day = MentionView(id="m3", doc_id="d3", status="hypothetical", date="2025-09-20",
                            **base)
    undated = MentionView(id="m4", doc_id="d1", status="hypothetical", date=None,
                          **{**base, "precision": None})
    # "on the eve of the summit in Tianjin": the day before, at that place
    eve = MentionView(id="m5", doc_id="d5", status="hypothetical", date="2025-08-31", **base)
    eve_elsewhere = MentionView(id="m6", doc_id="d6", status="hypothetical",
                                date="2025-08-31", **{**base, "location": None})
    events = merge_mentions([reported, same_day, other_day, undated, eve])
    assert sorted(sorted(e.mention_ids) for e in events) == [
        ["m1", "m2", "m5"], ["m3"], ["m4"]]
    assert len(merge_mentions([reported, eve_elsewhere])) == 2
    [held] = [e for e in events if "m1" in e.mention_ids]
    assert held.status == "reported"


def _recall_articles():
    dated = make_article("Putin met Pezeshkian in Tianjin on Monday.", source="a.txt",
                         published="2025-09-02", events=[meeting("Putin met Pezeshkian.")])
    later = make_article("Putin and Pezeshkian met again, officials said.", source="b.txt",
                         published="2025-10-20",
                         events=[meeting("Putin and Pezeshkian met.", date=None, place=None)])
    years = make_article("Putin once met Pezeshkian, officials recalled.", source="c.txt",
                         published="2028-05-01",
                         events=[meeting("Putin met Pezeshkian.", date=None, place=None)])
    unknown = make_article("Putin and Pezeshkian have met, a diplomat said.", source="d.txt",
                           published=None,
                           events=[meeting("Putin and Pezeshkian met.", date=None,
                                           place=None)])
    # "when they met in Tianjin": the town pins it, though the article's day is unknown
    town = make_article("Putin and Pezeshkian met in Tianjin, a diplomat said.",
                        source="e.txt", published=None,
                        events=[meeting("Putin and Pezeshkian met in Tianjin.", date=None)])
    return [dated, later, years, unknown, town]


def _confidences(store) -> dict[str, float]:
    out = {}
    for row in store.conn.execute(
            "SELECT d.source, e.confidence FROM events e JOIN event_sources s ON "
            "s.event_id = e.id JOIN event_mentions m ON m.id = s.event_mention_id JOIN "
            "documents d ON d.doc_id = m.doc_id"):
        out[row[0]] = row[1]
    return out


def test_undated_repeat_of_a_dated_meeting_ranks_low_in_any_order(tmp_path):
    """'Putin and Pezeshkian met again' in a later article, where the record dates their
    meeting a few weeks before, or "met in Tianjin" where the record has them meet in
    Tianjin: below the timeline's threshold, and so is "have met" in an article of no
    date at all (it can tell nothing the dated record lacks). Years later, nothing
    says it is that meeting: it keeps its rank."""
    seen = []
    for n, order in enumerate((_recall_articles(), _recall_articles()[::-1])):
        with store_mod.open(tmp_path / f"o{n}.db") as store:
            for article in order:
                store.ingest(article)
            conf = _confidences(store)
            shown = {r["sources"][0]["doc_id"] for r in queries.timeline(store)}
            assert len(shown) == 2
            seen.append(conf)
    assert seen[0] == seen[1]
    conf = seen[0]
    assert conf["b.txt"] < 0.75 <= conf["a.txt"] and conf["e.txt"] < 0.75
    assert conf["c.txt"] >= 0.75 and conf["d.txt"] < 0.75


def test_one_meeting_told_five_ways_is_one_row_in_any_order(tmp_path):
    """Announced ahead, held (two outlets), hypothetical on its day, recalled undated
    later: every order of ingest gives the same rows and the same confidences."""
    from itertools import permutations

    def articles():
        return [
            make_article("Putin will meet Pezeshkian in Tianjin on 1 September.",
                         source="plan.txt", published="2025-08-20",
                         events=[meeting("Putin will meet Pezeshkian.", status="planned")]),
            make_article("Putin met Pezeshkian in Tianjin on Monday.", source="held.txt",
                         published="2025-09-01", events=[meeting("Putin met Pezeshkian.")]),
            make_article("Putin and Pezeshkian held talks in Tianjin.", source="held2.txt",
                         published="2025-09-02", events=[meeting("Putin met Pezeshkian.")]),
            make_article("If Putin meets Pezeshkian on 1 September, a deal may follow.",
                         source="if.txt", published="2025-08-25",
                         events=[meeting("If Putin meets Pezeshkian.", place=None,
                                         status="hypothetical")]),
            make_article("Since Putin and Pezeshkian met, trade has grown.", source="later.txt",
                         published="2025-11-01",
                         events=[meeting("Putin and Pezeshkian met.", date=None, place=None)]),
        ]

    seen = set()
    for n, order in enumerate(permutations(range(5))):
        if n % 7:  # 18 of the 120 orders, the first and the reversed among them
            if order != (4, 3, 2, 1, 0):
                continue
        with store_mod.open(tmp_path / f"p{n}.db") as store:
            arts = articles()
            for i in order:
                store.ingest(arts[i])
            rows = queries.timeline(store)
            ranked = tuple(sorted((tuple(sorted(s["doc_id"] for s in r["sources"])),
                                   r["date"], r["status"]) for r in rows))
            seen.add((ranked, tuple(sorted(_confidences(store).items()))))
    assert len(seen) == 1
    [(ranked, _)] = seen
    assert len(ranked) == 1 and ranked[0][1:] == ("2025-09-01", "reported")
    assert len(ranked[0][0]) == 4  # the undated recall is ranked apart, below the row


def test_undated_repeat_of_a_wider_meeting_in_either_order(tmp_path):
    """'Putin and Pezeshkian met again' repeats their dated meeting with Erdogan too
    (the principal sides overlap), whichever article comes first; 'Putin and Raisi met'
    repeats nothing the record dates."""
    def articles():
        three = meeting("Putin met Pezeshkian and Erdogan.")
        three.recipient.append(ERDOGAN)
        alone = meeting("Pezeshkian met Erdogan.", actor=PEZESHKIAN, recipient=ERDOGAN,
                        date="2025-09-20")
        return [make_article("Putin met Pezeshkian and Erdogan in Tianjin.", source="a.txt",
                             published="2025-09-02", events=[three, alone]),
                make_article("Putin and Pezeshkian met again.", source="b.txt",
                             published="2025-10-01",
                             events=[meeting("Putin and Pezeshkian met.", date=None,
                                             place=None)]),
                make_article("Putin and Raisi met, they said.", source="c.txt",
                             published="2025-10-01",
                             events=[meeting("Putin and Raisi met.", recipient=RAISI,
                                             date=None, place=None)])]
    seen = []
    for n, order in enumerate(((0, 1, 2), (2, 1, 0))):
        with store_mod.open(tmp_path / f"w{n}.db") as store:
            arts = articles()
            for i in order:
                store.ingest(arts[i])
            seen.append(_confidences(store))
    assert seen[0] == seen[1]
    assert seen[0]["b.txt"] < 0.75 <= seen[0]["c.txt"]


def test_m005_fills_event_days_of_an_older_store(tmp_path):
    """A store written before m005: opening it fills `event_days` from its events, and
    the next article merges with them."""
    path = tmp_path / "old.db"
    with store_mod.open(path) as store:
        store.ingest(make_article("Putin met Pezeshkian in Tianjin on Monday.",
                                  events=[meeting("Putin met Pezeshkian.")]))
        conn = store.conn
        for name in ("event_days_actor", "event_days_actor_gone", "event_days_event",
                     "event_days_event_dates", "event_days_event_gone"):
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE event_days")
        conn.execute("DELETE FROM migrations WHERE name = 'm005_merge_candidates'")
    with store_mod.open(path) as store:
        assert store.count("events") == 1
        assert store.conn.execute("SELECT count(*) FROM event_days").fetchone()[0] == 2
        store.ingest(make_article("Pezeshkian and Putin met in Tianjin.", source="b.txt",
                                  events=[meeting("Pezeshkian and Putin met.",
                                                  actor=PEZESHKIAN, recipient=PUTIN)]))
        [row] = queries.timeline(store)
        assert row["documents"] == 2


def test_m006_moves_an_older_store_to_the_covering_window_index(tmp_path):
    """A store written before m006 (m005's indexes): opening it swaps the indexes, keeps
    every row, and the next article merges with what it holds."""
    path = tmp_path / "old.db"
    with store_mod.open(path) as store:
        store.ingest(make_article("Putin met Pezeshkian in Tianjin on Monday.",
                                  events=[meeting("Putin met Pezeshkian.")]))
        conn = store.conn
        conn.execute("DROP INDEX event_days_window")
        conn.execute("CREATE INDEX event_days_lookup ON event_days(actor_id, type, wide, "
                     "first_day)")
        conn.execute("CREATE INDEX events_sort ON events(sort_start)")
        conn.execute("CREATE INDEX event_actors_actor ON event_actors(actor_id)")
        conn.execute("DELETE FROM migrations WHERE name = 'm006_merge_lookup'")
        before = {t: store.count(t) for t in ("documents", "events", "event_mentions")}
    with store_mod.open(path) as store:
        indexes = {r[0] for r in store.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert "event_days_window" in indexes
        assert not indexes & {"event_days_lookup", "events_sort", "event_actors_actor"}
        assert {t: store.count(t) for t in before} == before
        assert store.conn.execute("SELECT count(*) FROM event_days").fetchone()[0] == 2
        store.ingest(make_article("Pezeshkian and Putin met in Tianjin.", source="b.txt",
                                  events=[meeting("Pezeshkian and Putin met.",
                                                  actor=PEZESHKIAN, recipient=PUTIN)]))
        [row] = queries.timeline(store)
        assert row["documents"] == 2
