"""An event's place and date (events/context.py, events/when.py, events/summit.py) and
the hygiene of its sides (events/sides.py), through the real pipeline. The texts are
written for these tests."""

from __future__ import annotations

from newsgraph.events import sides
from newsgraph.model import Actor, Event


def _events(pipeline, text: str, *, published: str = "2019-07-05", type_: str = "CONSULT"):
    article = pipeline.process_text(text, source="t", published=published)
    return [ev for ev in article.events if ev.type == type_]


def _place(ev) -> str | None:
    return ev.location.name if ev.location is not None else None


# -- places ----------------------------------------------------------------------------

def test_a_place_in_a_relative_clause_is_not_where_they_met(pipeline):
    # the venue is described by a clause naming other countries: not the place; the
    # capital named by its country's adjective is
    evs = _events(pipeline, "Lee and Putin are due to meet in the Finnish capital, a venue "
                            "that recalls old talks between France and Germany.")
    assert evs and all(_place(ev) == "Helsinki" for ev in evs)


def test_a_place_of_an_earlier_meeting_stays_with_it(pipeline):
    # "in Vienna" belongs to the first meeting the sentence recalls, not to the talks
    evs = _events(pipeline, "Lee will hold two days of talks with Vladimir Putin, a sequel "
                            "to their first meeting last June in Vienna.")
    talks = [ev for ev in evs if "talks" in ev.trigger]
    meeting = [ev for ev in evs if ev.trigger == "meeting"]
    assert talks and all(_place(ev) != "Vienna" for ev in talks)
    assert meeting and _place(meeting[0]) == "Vienna"


def test_a_town_named_on_the_event_noun_is_its_place(pipeline):
    evs = _events(pipeline, "Trump defended his Geneva summit with Vladimir Putin on "
                            "Thursday.")
    assert any(_place(ev) == "Geneva" for ev in evs)


def test_a_country_named_on_the_event_noun_is_no_place(pipeline):
    # "the Iran talks" are as often talks about Iran as talks held there
    evs = _events(pipeline, "Trump praised the Iran talks with Vladimir Putin on Thursday.")
    assert all(_place(ev) != "Iran" for ev in evs)


def test_a_summit_told_as_a_gathering_gives_its_city_and_days(pipeline):
    # the KB lists the 2017 G20 summit (Hamburg, 7-8 July)
    evs = _events(pipeline, "President Donald Trump will meet Russian President Vladimir "
                            "Putin on the sidelines of the G-20 gathering in Germany.",
                  published="2017-07-03")
    assert evs
    ev = evs[0]
    assert ev.occasion == "G20 summit" and _place(ev) == "Hamburg"
    assert ev.interval is not None and ev.interval.start == "2017-07-07"


def test_a_dateline_places_the_lead_only_for_todays_news(pipeline):
    lead = ("HAMBURG, Germany (AP) — Donald Trump met Vladimir Putin on Friday for more "
            "than two hours.\n\n")
    article = pipeline.process_text(lead + "Trump said little.", source="t",
                                    published="2017-07-07")
    evs = [ev for ev in article.events if ev.type == "CONSULT"]
    assert evs and _place(evs[0]) == "Hamburg"
    # the same lead about a meeting of another week names no place
    other = ("HAMBURG, Germany (AP) — Donald Trump met Vladimir Putin in May, aides "
             "recalled.\n\n")
    article = pipeline.process_text(other + "Trump said little.", source="t",
                                    published="2017-07-07")
    evs = [ev for ev in article.events if ev.type == "CONSULT"]
    assert evs and all(_place(ev) != "Hamburg" for ev in evs)


# -- sides -----------------------------------------------------------------------------

RURITANIA_POLICE = Actor("RUS", "Russia", "country", "RUS", "COP")
RURITANIA_PEOPLE = Actor("RUS", "Russia", "country", "RUS", "CVL")
LEADER = Actor("L:leader", "Ana Leader", "person", "RUS", "GOV")


def _event(actor, recipient, type_="COERCE") -> Event:
    return Event(type=type_, mode=None, actor=actor, recipient=recipient, text="x",
                 start=0, end=1, trigger="arrested", status="reported")


def test_a_states_sectors_on_both_sides_stay_apart_with_their_country():
    v = sides.judge(_event([RURITANIA_POLICE], [RURITANIA_PEOPLE]))
    assert v.ok
    assert [a.id for a in v.actor] == ["RUS:COP"] and [a.id for a in v.recipient] == \
        ["RUS:CVL"]
    assert {a.country for a in v.actor + v.recipient} == {"RUS"}


def test_one_actor_is_never_on_both_sides():
    v = sides.judge(_event([LEADER], [LEADER], type_="DEMAND"))
    assert v.ok and [a.id for a in v.actor] == ["L:leader"] and v.recipient == []


def test_police_arresting_protesters_through_the_pipeline(pipeline):
    evs = _events(pipeline, "Police in Moscow arrested dozens of Russian protesters on "
                            "Saturday.", type_="COERCE")
    assert evs
    for ev in evs:
        ids_a, ids_r = {a.id for a in ev.actor}, {a.id for a in ev.recipient}
        assert not ids_a & ids_r
        assert {a.country or a.id for a in ev.actor} == {"RUS"}


def test_a_trip_for_a_meeting_ends_where_the_meeting_is(pipeline):
    evs = _events(pipeline, "Lee flew to Tokyo for talks with Vladimir Putin.")
    assert any(_place(ev) == "Tokyo" for ev in evs)
    # a trip after a meeting is not where the meeting was
    evs = _events(pipeline, "Lee flew to Seoul after meeting Vladimir Putin.")
    assert evs and all(_place(ev) != "Seoul" for ev in evs)


def test_a_where_clause_places_the_meeting(pipeline):
    evs = _events(pipeline, "Lee flew to Geneva, where he met Vladimir Putin on Monday.")
    assert any(_place(ev) == "Geneva" for ev in evs)


def test_a_when_clause_places_the_summit_it_times(pipeline):
    evs = _events(pipeline, "The last summit took place in 2007 when Roh Moo-hyun and Kim "
                            "Jong-il met in Pyongyang.", published="2018-04-20")
    assert evs and all(_place(ev) == "Pyongyang" for ev in evs)


# -- dates -----------------------------------------------------------------------------

def test_a_meeting_ahead_of_which_something_happens_takes_not_its_day(pipeline):
    evs = _events(pipeline, "Lee called reporters on Monday ahead of his meeting with "
                            "Vladimir Putin.", published="2019-07-03")
    assert evs and all(ev.date != "2019-07-01" for ev in evs)


def test_a_leaders_summit_named_by_its_town_takes_its_day(pipeline):
    # the KB lists the 2018 Singapore summit of the two heads of state
    evs = _events(pipeline, "President Donald Trump met North Korean leader Kim Jong-un "
                            "in Singapore.", published="2018-07-01")
    assert evs and evs[0].date == "2018-06-12" and _place(evs[0]) == "Singapore"


def test_a_minister_meeting_in_a_summit_town_takes_no_summit_day(pipeline):
    # a secretary of state is no head of state: not the leaders' summit
    evs = _events(pipeline, "Secretary of State Mike Pompeo met Kim Jong-un in Singapore.",
                  published="2018-07-01")
    assert evs and all(ev.date != "2018-06-12" for ev in evs)


def test_a_meeting_told_the_week_of_a_leaders_summit_is_that_summit(pipeline):
    evs = _events(pipeline, "Hours before flying to Vietnam for another meeting with North "
                            "Korean leader Kim Jong-un, President Donald Trump spoke of a "
                            "deal.", published="2019-02-25")
    assert evs and evs[0].interval is not None
    assert (evs[0].interval.start, evs[0].interval.end) == ("2019-02-27", "2019-02-28")
    assert _place(evs[0]) == "Hanoi"


def test_a_body_the_sentence_calls_a_magazine_is_no_side():
    review = Actor("L:review", "Ruritan Review", "organization", None, None)
    ev = _event([LEADER], [review], type_="DEMAND")
    ev.text = "Ana Leader told the Ruritan Review magazine that reforms must wait."
    v = sides.judge(ev)
    assert v.ok and v.recipient == []
    ev.text = "Ana Leader demanded that the Ruritan Review apologise."
    assert [a.id for a in sides.judge(ev).recipient] == ["L:review"]


def test_the_news_media_report_but_stay_targets():
    paper = Actor("L:ledger", "Daily Ledger", "organization", "RUS", "JRN")
    wrote = sides.judge(_event([paper], [LEADER], type_="DISAPPROVE"))
    assert wrote.actor == []  # "the Ledger criticized the leader": reporting
    closed = sides.judge(_event([LEADER], [paper], type_="COERCE"))
    assert [a.id for a in closed.recipient] == ["L:ledger"]  # "ordered the paper shut"


def test_a_person_of_unknown_state_and_a_state_are_no_meeting():
    stranger = Actor("L:stranger", "Ana Stranger", "person", None, None)
    ruritania = Actor("RUR", "Ruritania", "country", "RUR")
    assert not sides.judge(Event(type="CONSULT", mode="meet", actor=[stranger],
                                 recipient=[ruritania], text="x", start=0, end=1,
                                 trigger="met", status="reported")).ok
    assert sides.judge(Event(type="CONSULT", mode="meet", actor=[stranger],
                             recipient=[LEADER], text="x", start=0, end=1,
                             trigger="met", status="reported")).ok
