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
    # the venue is described by a clause naming other countries: not the place
    evs = _events(pipeline, "Lee and Putin are due to meet in the Finnish capital, a venue "
                            "that recalls old talks between France and Germany.")
    assert evs and all(_place(ev) not in ("France", "Germany") for ev in evs)


def test_a_place_of_an_earlier_meeting_stays_with_it(pipeline):
    # "in Vienna" belongs to the first meeting the sentence recalls, not to this one
    evs = _events(pipeline, "Trump leaves on Monday for two days of meetings with Kim "
                            "Jong-un, a sequel to their first meeting last June in Vienna.")
    assert evs and all(_place(ev) != "Vienna" for ev in evs)


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
    evs = _events(pipeline, "Trump will meet Putin on the sidelines of the G-20 gathering "
                            "in Germany.", published="2017-07-03")
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
