"""Well-formed meetings, settled dates, confidence, one merge whatever the order, and
the timeline's confidence options. Texts are written for these tests."""

from __future__ import annotations

import itertools
import json

import pytest
from click.testing import CliRunner
from test_store import PUTIN, RAISI, make_article, meeting  # tests/ is on sys.path

from newsgraph import store as store_mod
from newsgraph.cli import main
from newsgraph.crossdoc.merge import MentionView, merge_mentions
from newsgraph.events import sides, when
from newsgraph.events.confidence import combine
from newsgraph.model import Actor, Event, Interval, Location
from newsgraph.store import queries

LEE = Actor("L:lee", "Minho Lee", "person", "KOR", "GOV")
KOREA = Actor("KOR", "South Korea", "country", "KOR")
JAPAN = Actor("JPN", "Japan", "country", "JPN")
WIRE = Actor("X:MED:wire", "Global Wire", "organization", None, "MED")
SEAT = Actor("KOR:PRESIDENCY", "Blue House", "organization", "KOR", "GOV")


def _meeting(actor: list[Actor], recipient: list[Actor], *, mode: str = "meet",
             date: str | None = None, status: str = "reported") -> Event:
    return Event(type="CONSULT", mode=mode, actor=actor, recipient=recipient,
                 text="x", start=0, end=1, trigger="met", date=date, status=status)


# -- sides ---------------------------------------------------------------------------

def test_a_meeting_needs_two_distinct_sides():
    assert sides.judge(_meeting([PUTIN], [RAISI])).ok
    assert not sides.judge(_meeting([PUTIN], [])).ok  # "Putin met on Monday"
    assert not sides.judge(_meeting([PUTIN], [PUTIN])).ok  # "Putin hosted Putin"


def test_a_person_and_their_own_state_are_one_side():
    # "Lee and South Korea" is Lee; "Lee visited South Korea" is no visit abroad
    assert not sides.judge(_meeting([LEE], [KOREA])).ok
    assert not sides.judge(_meeting([LEE], [KOREA], mode="visit")).ok
    v = sides.judge(_meeting([LEE, KOREA], [JAPAN]))
    assert v.ok and [a.id for a in v.actor] == ["L:lee"] and [a.id for a in v.recipient] \
        == ["JPN"]


def test_an_outlet_or_a_seat_of_the_same_state_is_no_side():
    # "Global Wire met Lee": the outlet told the story
    assert not sides.judge(_meeting([WIRE], [LEE])).ok
    # "Lee met at the Blue House": the seat of Lee's own state is Lee's side
    assert not sides.judge(_meeting([LEE], [SEAT])).ok
    assert sides.is_outlet(Actor("L:x", "Capital News Network", "organization"))
    assert sides.is_outlet(Actor("L:y", "AP", "organization"))


@pytest.mark.parametrize("name", ["Park Ji-", "Lee Minho and Kim Jisoo", "ParkPark",
                                  "Lee-Park", "@leeminho", "KST"])
def test_garbled_names_are_no_side(name):
    assert sides.is_garbled(Actor("L:z", name, "person"))
    assert not sides.judge(_meeting([Actor("L:z", name, "person")], [LEE])).ok


def test_a_pair_group_is_its_two_members(kb):
    ids = [kb.lookup(name)[0].id for name in ("Vladimir Putin", "Ebrahim Raisi")]
    pair = Actor("G:" + "+".join(ids), "Vladimir Putin and Ebrahim Raisi", "group")
    assert [a.id for a in sides.expand(pair, on="2022-07-19", kb=kb)] == ids


def test_ill_formed_meetings_are_not_extracted(pipeline):
    article = pipeline.process_text(
        "Lisbon, March 3 - Vladimir Putin hosted talks on Tuesday. Ebrahim Raisi met "
        "Vladimir Putin in Tehran on Tuesday.", published="2022-07-20")
    meetings = [e for e in article.events if e.type == "CONSULT"]
    assert meetings, [(e.type, e.trigger) for e in article.events]
    for ev in meetings:
        parties = {a.id for a in ev.actor + ev.recipient}
        assert len(parties) >= 2 and 0.0 <= ev.confidence <= 1.0


# -- dates ---------------------------------------------------------------------------

def test_dates_are_calendar_values_bounded_by_publication():
    ev = _meeting([PUTIN], [RAISI], date="2012-11-14TNI")
    when.settle(ev, published="2012-11-15")
    assert (ev.date, ev.precision) == ("2012-11-14", "day")
    ev = _meeting([PUTIN], [RAISI], date="PAST_REF")
    when.settle(ev, published="2012-11-15")
    assert ev.date is None and ev.interval is None
    ev = _meeting([PUTIN], [RAISI])  # "since 1999", read up to the day it ran
    ev.interval = Interval("1999-09-01", "2026-11-30")
    when.settle(ev, published="2013-05-02")
    assert ev.interval == Interval("1999-09-01", "2013-05-02")
    ev = _meeting([PUTIN], [RAISI], date="2013-06", status="planned")
    when.settle(ev, published="2013-05-02")  # planned: the future is allowed
    assert ev.interval == Interval("2013-06-01", "2013-06-30")


# -- merging -------------------------------------------------------------------------

def _view(mid: str, doc: str, parties: tuple[str, ...], *, mode: str = "meet",
          date: str | None = "2022-07-19", place: str | None = "Tehran") -> MentionView:
    return MentionView(id=mid, doc_id=doc, type="CONSULT", mode=mode, status="reported",
                       actor_ids=parties[:1], recipient_ids=parties[1:], date=date,
                       precision="day" if date else None,
                       location=Location(place, "IRN") if place else None)


def test_one_meeting_whatever_the_wording_and_the_order():
    mentions = [_view("m1", "d1", ("Q7747", "Q5963138")),
                _view("m2", "d2", ("Q5963138", "Q7747", "IRN"), mode="talks", place=None),
                _view("m3", "d3", ("Q7747", "Q5963138"), mode="host", date=None),
                _view("m4", "d3", ("Q7747", "Q5963138"), mode="visit")]
    for order in itertools.permutations(mentions):
        events = merge_mentions(list(order))
        assert len(events) == 1, [e.participants_key for e in events]
        assert (events[0].date, events[0].location.name) == ("2022-07-19", "Tehran")
        assert sorted(events[0].mention_ids) == ["m1", "m2", "m3", "m4"]


def test_a_call_is_not_the_meeting():
    events = merge_mentions([_view("m1", "d1", ("Q7747", "Q5963138")),
                             _view("m2", "d2", ("Q7747", "Q5963138"), mode="call")])
    assert len(events) == 2


def test_store_merges_like_merge_mentions(tmp_path):
    t1 = "Putin met Raisi in Tehran on Tuesday."
    t2 = "Putin hosted Raisi and Iran's delegation in Tehran on Tuesday."
    iran = Actor("IRN", "Iran", "country", "IRN")
    with store_mod.open(tmp_path / "s.db") as db:
        db.ingest(make_article(t1, source="a.txt", events=[meeting(
            t1, recipient=RAISI, place="Tehran", country="IRN", date="2022-07-19")]))
        second = meeting(t2, recipient=RAISI, place="Tehran", country="IRN",
                         date="2022-07-19")
        second.recipient = [RAISI, iran]
        second.mode = "host"
        db.ingest(make_article(t2, source="b.txt", events=[second]))
        [event] = queries.timeline(db, min_confidence=0)
        assert event["documents"] == 2


# -- confidence ----------------------------------------------------------------------

def test_confidence_combines_independent_sources():
    assert combine([0.5, 0.5]) == 0.75
    assert combine([]) == 0.0


def test_every_stored_event_has_a_confidence(tmp_path):
    text = "Putin met Raisi in Tehran on Tuesday."
    with store_mod.open(tmp_path / "c.db") as db:
        db.ingest(make_article(text, events=[meeting(text, recipient=RAISI, place="Tehran",
                                                     country="IRN", date="2022-07-19")]))
        [event] = queries.timeline(db, min_confidence=0)
        assert 0.0 < event["confidence"] <= 1.0


@pytest.fixture
def weak_and_strong(tmp_path):
    path = tmp_path / "w.db"
    strong = "Putin met Raisi in Tehran on Tuesday."
    weak = "The talks went on."
    with store_mod.open(path) as db:
        ev = meeting(strong, recipient=RAISI, place="Tehran", country="IRN",
                     date="2022-07-19")
        ev.confidence = 0.9
        low = meeting(weak, recipient=PUTIN, actor=RAISI, place=None, date="2021-01-05")
        low.confidence = 0.2
        db.ingest(make_article(strong + " " + weak, events=[ev, low]))
    return path


def _timeline(path, *args: str) -> list[dict]:
    result = CliRunner().invoke(main, ["--db", str(path), "timeline", "--format", "json",
                                       *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_timeline_shows_well_supported_events_unless_asked(weak_and_strong):
    assert [e["confidence"] for e in _timeline(weak_and_strong)] == [0.9]
    assert sorted(e["confidence"] for e in _timeline(weak_and_strong, "--all")) == [0.2,
                                                                                  0.9]
    assert len(_timeline(weak_and_strong, "--min-confidence", "0.1")) == 2
    assert len(_timeline(weak_and_strong, "--min-confidence", "0.95")) == 0


def test_timeline_confidence_options_reject_bad_input(weak_and_strong):
    runner = CliRunner()
    bad = runner.invoke(main, ["--db", str(weak_and_strong), "timeline", "--all",
                               "--min-confidence", "0.3"])
    assert bad.exit_code == 1 and "error: --all and --min-confidence" in bad.output
    out = runner.invoke(main, ["--db", str(weak_and_strong), "timeline",
                               "--min-confidence", "2"])
    assert out.exit_code == 2 and "--min-confidence" in out.output


# -- parties from the parse ------------------------------------------------------------

def test_a_subject_of_due_to_meet_is_both_sides(pipeline):
    article = pipeline.process_text(
        "Vladimir Putin and Recep Tayyip Erdogan are due to meet in Ankara on Monday.",
        published="2022-07-18")
    [ev] = [e for e in article.events if e.type == "CONSULT"]
    assert {a.name for a in ev.actor + ev.recipient} == {"Vladimir Putin",
                                                         "Recep Tayyip Erdoğan"}


def test_a_hyphenated_pair_before_the_meeting_names_its_parties(pipeline):
    article = pipeline.process_text(
        "Vladimir Putin flew to Tehran on Monday, where Ebrahim Raisi waited. Every detail "
        "of the Putin-Raisi meeting will be watched.", published="2022-07-18")
    noun = [e for e in article.events if e.type == "CONSULT" and "meeting" in e.trigger]
    assert noun and {a.name for a in noun[0].actor + noun[0].recipient} == {
        "Vladimir Putin", "Ebrahim Raisi"}


def test_a_planned_meeting_is_not_dated_before_it_was_told():
    ev = _meeting([PUTIN], [RAISI], date="2017-06", status="planned")
    when.settle(ev, published="2017-07-03")
    assert ev.date is None and ev.interval is None


def test_a_reported_event_is_not_dated_after_it_was_told():
    ev = _meeting([PUTIN], [RAISI], date="2019-12-24")  # a caption's date, say
    when.settle(ev, published="2019-06-05")
    assert ev.date is None
