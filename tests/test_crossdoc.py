"""Event mentions -> merged events, within and across articles; near-duplicates."""

from __future__ import annotations

import pytest
from test_store import RAISI, make_article, meeting  # tests/ is on sys.path

from newsgraph import store as store_mod
from newsgraph.crossdoc import dedupe
from newsgraph.crossdoc.merge import MentionView, day_range, merge_mentions
from newsgraph.model import Interval, Location
from newsgraph.store import queries


@pytest.fixture
def db(tmp_path):
    with store_mod.open(tmp_path / "m.db") as s:
        yield s


def view(mid: str, doc: str, *, date: str | None = "2025-09-01", place: str | None = "Tianjin",
         country: str = "CHN", status: str = "reported", actors=("Q7747",),
         recipients=("Q5928577",), interval: Interval | None = None,
         type_: str = "CONSULT") -> MentionView:
    return MentionView(id=mid, doc_id=doc, type=type_, mode="meet", status=status,
                       actor_ids=tuple(actors), recipient_ids=tuple(recipients), date=date,
                       precision="day" if date and len(date) == 10 else None,
                       interval=interval,
                       location=Location(place, country) if place else None)


def test_day_range_of_timex_values():
    assert day_range("2024-07-04", "day", None) == ("2024-07-04", "2024-07-04")
    assert day_range("2024-02", "month", None) == ("2024-02-01", "2024-02-29")
    assert day_range("2024-W41", "week", None) == ("2024-10-07", "2024-10-13")
    assert day_range("2024", "year", None) == ("2024-01-01", "2024-12-31")
    assert day_range(None, None, Interval("2021-08-04", "2024-05-15")) == (
        "2021-08-04", "2024-05-15")
    assert day_range("PRESENT_REF", None, None) is None


def test_two_mentions_in_one_article_merge(db):
    text = "Putin met Pezeshkian in Tianjin on Monday. The two leaders met for an hour."
    db.ingest(make_article(text, events=[
        meeting("Putin met Pezeshkian in Tianjin on Monday."),
        meeting("The two leaders met for an hour.", date=None, place=None)]))
    [event] = queries.timeline(db)
    assert len(event["sources"]) == 2 and event["documents"] == 1
    assert event["date"] == "2025-09-01" and event["location"]["name"] == "Tianjin"


def test_roles_are_interchangeable_for_meetings():
    a = view("m1", "d1")
    b = view("m2", "d2", actors=("Q5928577",), recipients=("Q7747",))
    assert len(merge_mentions([a, b])) == 1
    c = view("m3", "d3", type_="SANCTION")
    d = view("m4", "d4", type_="SANCTION", actors=("Q5928577",), recipients=("Q7747",))
    assert len(merge_mentions([c, d])) == 2


def test_same_meeting_in_two_articles_has_both_sources(db):
    t1 = "Putin met Pezeshkian in Tianjin on Monday."
    t2 = "Russian President Vladimir Putin held talks with Masoud Pezeshkian in China."
    db.ingest(make_article(t1, source="tass.txt", outlet="TASS", events=[meeting(t1)]))
    db.ingest(make_article(t2, source="irna.txt", outlet="IRNA", events=[
        meeting(t2, date="2025-09", precision="month", place=None)]))
    [event] = queries.timeline(db, actors=["Putin"])
    assert {s["outlet"] for s in event["sources"]} == {"TASS", "IRNA"}
    assert event["documents"] == 2
    assert (event["date"], event["precision"]) == ("2025-09-01", "day")  # most precise
    assert not event["conflict"]


def test_person_and_country_are_different_participants():
    person = view("m1", "d1")
    country = view("m2", "d2", actors=("RUS",))
    assert len(merge_mentions([person, country])) == 2


def test_planned_then_reported_merge(db):
    t1 = "Putin will meet Pezeshkian in Tianjin next week."
    db.ingest(make_article(t1, source="a.txt", published="2025-08-25", events=[
        meeting(t1, status="planned", date="2025-W36", precision="week")]))
    assert queries.timeline(db)[0]["status"] == "planned"
    t2 = "Putin met Pezeshkian in Tianjin on Monday."
    db.ingest(make_article(t2, source="b.txt", events=[meeting(t2)]))
    [event] = queries.timeline(db)
    assert event["status"] == "reported" and event["date"] == "2025-09-01"
    assert "[planned]" not in event["summary"]


def test_different_places_do_not_merge(db):
    t1 = "Putin met Raisi in Tehran."
    t2 = "Putin met Raisi in Moscow."
    db.ingest(make_article(t1, source="a.txt", events=[meeting(
        t1, recipient=RAISI, place="Tehran", country="IRN", date="2023",
        precision="year")]))
    db.ingest(make_article(t2, source="b.txt", events=[meeting(
        t2, recipient=RAISI, place="Moscow", country="RUS", date="2023",
        precision="year")]))
    assert len(queries.timeline(db)) == 2


def test_conflicting_exact_dates_are_flagged(db):
    t1 = "Putin met Raisi in Tehran on Tuesday."
    t2 = "Putin met Raisi in Tehran on Wednesday."
    for src, text, day in (("a.txt", t1, "2022-07-19"), ("b.txt", t2, "2022-07-20")):
        db.ingest(make_article(text, source=src, events=[meeting(
            text, recipient=RAISI, place="Tehran", country="IRN", date=day)]))
    [event] = queries.timeline(db)
    assert event["conflict"] is True
    assert event["alternatives"]["date"] == ["2022-07-19", "2022-07-20"]
    # a meeting months away is another meeting, not a conflict
    t3 = "Putin met Raisi in Tehran in December."
    db.ingest(make_article(t3, source="c.txt", events=[meeting(
        t3, recipient=RAISI, place="Tehran", country="IRN", date="2022-12-07")]))
    assert len(queries.timeline(db)) == 2


def test_undated_mentions_merge_only_within_their_article():
    a = view("m1", "d1", date=None)
    b = view("m2", "d2", date=None)
    assert len(merge_mentions([a, b])) == 2
    c = view("m3", "d1")
    assert len(merge_mentions([a, c])) == 1


def test_exact_day_inside_interval_merges():
    raisi_term = Interval("2021-08-04", "2024-05-15")
    a = view("m1", "d1", date=None, interval=raisi_term, recipients=("Q5963138",))
    b = view("m2", "d2", date="2022-07-19", recipients=("Q5963138",))
    [event] = merge_mentions([a, b])
    assert event.date == "2022-07-19" and event.interval is None


def test_wide_interval_without_a_shared_place_stays_apart():
    raisi_term = Interval("2021-08-04", "2024-05-15")
    a = view("m1", "d1", date=None, interval=raisi_term, place="Moscow", country="RUS")
    b = view("m2", "d2", date="2022-09-15", place=None)
    assert len(merge_mentions([a, b])) == 2


LONG = " ".join(f"Sentence {i} says the delegations of Russia and Iran discussed item {i} "
                f"of the agenda in detail and agreed to meet again." for i in range(30))


def test_minhash_near_duplicates():
    edited = LONG.replace("Sentence 3 ", "Line 3 ").replace("item 17", "point 17")
    assert dedupe.is_near_duplicate(LONG, edited)
    other = " ".join(f"Paragraph {i}: markets in Asia rose on hopes of a rate cut number {i}."
                     for i in range(30))
    assert not dedupe.is_near_duplicate(LONG, other)
    assert dedupe.minhash("too short to compare") is None


def test_wire_copy_is_linked_and_not_counted_twice(db):
    first = db.ingest(make_article("Putin met Pezeshkian. " + LONG, source="ap.txt",
                                   outlet="AP", events=[meeting("Putin met Pezeshkian.",
                                                                date=None, place=None)]))
    copy = db.ingest(make_article("Putin met Pezeshkian. " + LONG + " (Reuters)",
                                  source="copy.txt", outlet="Reuters",
                                  events=[meeting("Putin met Pezeshkian.", date=None,
                                                  place=None)]))
    assert copy.status == "added" and copy.duplicate_of == first.doc_id
    [event] = queries.timeline(db)  # undated, yet merged: the copy counts as the same article
    assert len(event["sources"]) == 2 and event["documents"] == 1
    assert queries.show(db, copy.doc_id)["duplicate_of"] == first.doc_id


def test_merge_is_order_independent_for_a_set():
    mentions = [view("m1", "d1", date=None, interval=Interval("2025-08-25", "2025-09-07"),
                     status="planned"), view("m2", "d2"), view("m3", "d3", place=None)]
    for order in (mentions, mentions[::-1]):
        [event] = merge_mentions(order)
        assert (event.date, event.status, event.location.name) == (
            "2025-09-01", "reported", "Tianjin")
        assert sorted(event.mention_ids) == ["m1", "m2", "m3"]




def test_an_undated_articles_event_recalls_within_its_own_span():
    # an article with no date: "the two met in April" is some April of their terms; it
    # may repeat a dated meeting of theirs inside that span, not one outside it
    from newsgraph.crossdoc.merge import MergedEvent, recall_window, repeats

    def event(id_: str, date: str | None, interval: Interval | None) -> MergedEvent:
        return MergedEvent(id=id_, type="CONSULT", mode="meet", status="reported",
                           participants_key="Q1|Q2", date=date,
                           precision="day" if date else None, interval=interval,
                           location=None, occasion=None)

    undated = event("u", None, Interval("2016-04-01", "2020-04-30"))
    window = recall_window(undated, None)
    assert window == ("2016-04-01", "2020-04-30")
    assert repeats(undated, event("d", "2018-04-27", None), window=window)
    assert not repeats(undated, event("d", "2021-04-27", None), window=window)
    # no span at all: an article of no date bounds nothing (any dated meeting of the
    # pair may be the one it tells of); an article dated to some wide interval, too little
    assert recall_window(event("n", None, None), None) == ("0001-01-01", "9999-12-31")
    assert recall_window(event("n", None, None), ("2016-01-01", "2019-12-31")) is None
