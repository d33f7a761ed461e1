"""What an event's words say of it having happened, and when (issue #9): called off,
told as untrue, counted as a series, a participle's time, a name the tokenizer would
cut. Through the real pipeline (real spaCy model, real KB); sentences written here."""

from __future__ import annotations

import pytest

from newsgraph.model import Event


def _consult(pipeline, text: str, *, published: str | None = "2018-05-24") -> list[Event]:
    return [e for e in pipeline.process_text(text, published=published).events
            if e.type == "CONSULT"]


def _parties(ev: Event) -> set[str]:
    return {a.name for a in ev.actor + ev.recipient}


def test_a_hyphenated_given_name_keeps_the_clause_parsed(pipeline):
    # "Jae-in" split at its hyphen reads "in" as a preposition: no meeting at all
    events = _consult(pipeline, "South Korean President Moon Jae-in and North Korean "
                                "leader Kim Jong-un met on Friday in Panmunjom.",
                      published="2018-04-28")
    assert [(_parties(e), e.date) for e in events] == [
        ({"Moon Jae-in", "Kim Jong-un"}, "2018-04-27")]


def test_a_called_off_meeting_is_not_held_and_has_no_date(pipeline):
    for text in ("President Donald Trump on Thursday cancelled the summit with North "
                 "Korean leader Kim Jong-un.",
                 "Kim Jong-un called off his meeting with President Donald Trump."):
        events = _consult(pipeline, text)
        assert [e.status for e in events] == ["negated"], text
        assert events[0].date is None and events[0].confidence < 0.75, text


def test_a_claim_told_as_untrue_is_denied(pipeline):
    events = _consult(pipeline, "The senator claimed falsely that President Donald Trump "
                                "had met Russian President Vladimir Putin in Moscow.")
    assert [e.status for e in events] == ["denied"]
    assert events[0].confidence < 0.75


def test_a_meeting_that_frames_a_refusal_is_held(pipeline):
    # "after the meeting, X rejected Y": the rejecting is what comes after, the meeting
    # itself is reported
    events = _consult(pipeline, "After his meeting with Ukrainian President Petro "
                                "Poroshenko on Tuesday, Russian President Vladimir Putin "
                                "rejected the proposal.", published="2014-08-28")
    assert [e.status for e in events] == ["reported"]
    assert _parties(events[0]) == {"Vladimir Putin", "Petro Poroshenko"}


def test_a_counted_series_of_meetings_is_no_event(pipeline):
    for text in ("Ronald Reagan needed five meetings with Mikhail Gorbachev to reach a "
                 "deal.",
                 "Vladimir Putin held several summits with Angela Merkel over the years."):
        assert _consult(pipeline, text) == [], text


def test_a_participle_takes_the_time_of_its_clause(pipeline):
    # published on a Sunday: "heading into ... Monday, he has" is the next Monday;
    # "speaking Monday, he said" the last one
    ahead = _consult(pipeline, "Heading into his summit in Helsinki on Monday with Russian "
                               "President Vladimir Putin, President Donald Trump has one "
                               "goal.", published="2018-07-15")
    assert [e.date for e in ahead] == ["2018-07-16"]
    doc = pipeline.process_text("Speaking on Monday, the minister said the talks had "
                                "failed.", published="2018-07-15")
    assert [t.value for t in doc.timexes] == ["2018-07-09"]


def test_a_date_of_the_event_nouns_own_phrase_dates_it(pipeline):
    # the clause's "Monday" is the flight's; "last June" is the first meeting's
    events = _consult(pipeline, "President Donald Trump flies to Hanoi on Monday for more "
                                "talks with North Korean leader Kim Jong-un, a sequel to "
                                "their first meeting last June in Singapore.",
                      published="2019-02-25")
    first = [e for e in events if e.trigger == "meeting"]
    assert [e.date[:7] for e in first] == ["2018-06"]


def test_a_planned_event_is_not_dated_by_the_clause_that_tells_of_it(pipeline):
    planned = _consult(pipeline, "President Donald Trump said on Monday that he will meet "
                                 "Japanese Prime Minister Shinzo Abe.", published="2019-02-25")
    told = _consult(pipeline, "President Donald Trump said on Monday that he met Japanese "
                              "Prime Minister Shinzo Abe.", published="2019-02-25")
    assert [(e.status, e.date) for e in planned] == [("planned", None)]
    assert [(e.status, e.date) for e in told] == [("reported", "2019-02-25")]


def test_an_event_noun_as_a_topic_is_not_dated_by_the_talking(pipeline):
    # "voiced hopes on Saturday about his summit with Lee": Saturday is the voicing's
    events = _consult(pipeline, "Japanese Prime Minister Shinzo Abe on Saturday voiced hopes "
                                "about his summit with Chinese President Xi Jinping.",
                      published="2018-06-09")
    assert events and all(e.date != "2018-06-09" for e in events)
    assert all(e.status == "planned" for e in _consult(
        pipeline, "Officials said the next summit between Japanese Prime Minister Shinzo "
                  "Abe and Chinese President Xi Jinping is close."))


def test_a_when_clause_is_at_the_time_it_hangs_on(pipeline):
    events = _consult(pipeline, "The last such summit was in 2009 when Japanese Prime Minister "
                                "Shinzo Abe met Chinese President Xi Jinping.")
    assert [e.date[:4] if e.date else e.interval and e.interval.start[:4]
            for e in events] == ["2009"]


def test_a_trip_called_off_is_the_visit_the_sentence_told(pipeline):
    events = _consult(pipeline, "Mexican President Enrique Pena Nieto was to visit President "
                                "Donald Trump in Washington, but he scrapped the trip.")
    assert {frozenset(_parties(e)) for e in events} == {
        frozenset({"Enrique Peña Nieto", "Donald Trump"})}


def test_a_meeting_naming_another_side_does_not_continue_the_last(pipeline):
    # "the meeting with Putin" after Lee and Merkel's meetings is not theirs
    events = _consult(pipeline, "President Donald Trump and German Chancellor Angela Merkel "
                                "held talks on trade. But it will be the meeting with Russian "
                                "President Vladimir Putin that tests the president.",
                      published="2017-07-05")
    assert {"Angela Merkel", "Vladimir Putin"} not in [_parties(e) for e in events]


def test_acting_at_a_summit_is_attending_it(pipeline):
    events = _consult(pipeline, "President Donald Trump criticized German Chancellor Angela "
                                "Merkel during the G7 summit in Canada.",
                      published="2018-06-10")
    summits = [e for e in events if e.mode == "summit"]
    assert [(_parties(e), e.evidence) for e in summits] == [
        ({"Donald Trump", "Group of Seven"}, "attendance")]


@pytest.mark.parametrize("text, published, parties", [
    # "Kim Jong-il" tagged "Kim": not the Kim most named today
    ("The last such summit was in 2007 when South Korean President Roh Moo-hyun and Kim "
     "Jong-il met in Pyongyang.", "2018-02-09", {"Roh Moo Hyun", "Kim Jong-il"}),
    # the first name parsed as a modifier of the second that holds the "and"
    ("President Trump and Russian President Vladimir Putin will cross paths on Friday on "
     "the sidelines of a summit.", "2017-11-09", {"Donald Trump", "Vladimir Putin"}),
])
def test_names_the_parser_slips_on_are_both_parties(pipeline, text, published, parties):
    assert parties in [_parties(e) for e in _consult(pipeline, text, published=published)]


def test_parties_met_each_in_their_own_place_are_two_meetings(pipeline):
    events = _consult(pipeline, "Japanese Foreign Minister Taro Kono met Chinese President Xi "
                                "Jinping in Beijing and South Korean President Moon Jae-in in "
                                "Seoul, both on Tuesday.", published="2018-10-11")
    assert sorted((sorted(_parties(e)), e.location.name if e.location else None)
                  for e in events) == [
        (["Moon Jae-in", "Taro Kono"], "Seoul"), (["Taro Kono", "Xi Jinping"], "Beijing")]


def test_a_clause_of_what_goes_on_meanwhile_has_its_heads_date(pipeline):
    events = _consult(pipeline, "The minister, speaking in Oslo on Thursday as Chinese "
                                "President Xi Jinping wrapped up his talks with Japanese Prime "
                                "Minister Shinzo Abe, said little.", published="2017-11-10")
    assert [e.date for e in events if e.trigger == "talks"] == ["2017-11-09"]


def test_a_town_visited_is_the_visits_place(pipeline):
    events = _consult(pipeline, "Japanese Prime Minister Shinzo Abe visited Beijing on "
                                "Wednesday.", published="2018-10-26")
    assert [(e.mode, e.location.name if e.location else None) for e in events] == [
        ("visit", "Beijing")]


def test_a_place_on_a_light_verbs_event_noun_is_the_events(pipeline):
    events = _consult(pipeline, "Indian Prime Minister Narendra Modi held talks with Russian "
                                "President Vladimir Putin in Moscow on Tuesday, during his "
                                "first trip since the war in Ukraine began.",
                      published="2024-07-09")
    talks = [e for e in events if e.mode == "talks"]
    assert [e.location.name for e in talks if e.location] == ["Moscow"]


def test_the_place_of_a_war_or_crisis_is_not_the_meetings(pipeline):
    for text in ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir "
                 "Putin on Monday amid the crisis in Syria.",
                 "Turkish President Recep Tayyip Erdogan met Russian President Vladimir "
                 "Putin on Monday, a year after the war in Ukraine began."):
        events = _consult(pipeline, text, published="2023-03-01")
        assert [e.location for e in events] == [None], text


def test_sides_preparing_for_a_days_meeting_meet_that_day_ahead(pipeline):
    # both subjects are sides; "Tuesday's meeting" they prepare for is still to come;
    # the island it is on is its place, not a party
    events = _consult(pipeline, "Japanese Prime Minister Shinzo Abe and Chinese President Xi "
                                "Jinping are preparing for Tuesday's meeting in Osaka.",
                      published="2019-06-23")
    assert [(_parties(e), e.status, e.date) for e in events] == [
        ({"Shinzo Abe", "Xi Jinping"}, "planned", "2019-06-25")]
