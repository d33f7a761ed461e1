"""Meetings told with the summit they took place at, meetings with several leaders in
turn, and the link cards some sites print after a name (issue #9), through the real
pipeline (real spaCy model, real KB: the G20 summits of 2013 and 2017 are facts of its
summit list). The texts are written for these tests."""

from __future__ import annotations

from newsgraph.clean import clean
from newsgraph.model import Article


def _consult(pipeline, text: str, *, published: str | None):
    article = pipeline.process_text(text, source="t", published=published)
    return [ev for ev in article.events if ev.type == "CONSULT"]


def _parties(ev) -> set[str]:
    return {a.name for a in ev.actor + ev.recipient}


def _place(ev) -> str | None:
    return ev.location.name if ev.location is not None else None


def _span(ev) -> tuple[str, str] | None:
    return (ev.interval.start, ev.interval.end) if ev.interval is not None else None


# -- a meeting at a town and in a year that hosted one summit ----------------------------

def test_a_meeting_in_a_summit_town_that_year_is_at_the_summit(pipeline):
    # the place hangs on the event noun inside a reported clause ("the paper says"):
    # the meeting's own place, and the G20 of that town and year dates it
    evs = _consult(pipeline, "After a meeting with Vladimir Putin in Hamburg in 2017, "
                             "Donald Trump kept the notes, the newspaper says.",
                   published=None)
    ev = next(e for e in evs if _parties(e) == {"Donald Trump", "Vladimir Putin"})
    assert _place(ev) == "Hamburg"
    assert _span(ev) == ("2017-07-07", "2017-07-08")


def test_a_meeting_at_a_summit_in_a_country_that_month_is_that_summit(pipeline):
    evs = _consult(pipeline, "Donald Trump and Vladimir Putin first met in July at a "
                             "summit in Germany.", published="2017-11-20")
    assert evs and all(_place(e) == "Hamburg" for e in evs)
    assert all(_span(e) == ("2017-07-07", "2017-07-08") for e in evs)


def test_a_meeting_in_a_capital_of_theirs_is_no_summit(pipeline):
    # a visit to a capital of one of the two, even the year a summit was held there
    evs = _consult(pipeline, "Vladimir Putin met Xi Jinping in Beijing in 2014.",
                   published="2015-03-01")
    assert evs and all(e.interval is None or e.interval.start == "2014-01-01" for e in evs)


# -- the summit an article reports on ---------------------------------------------------

def test_a_dated_meeting_in_a_report_on_the_summit_is_at_its_town(pipeline):
    text = ("Protesters marched through the city as the G20 summit opened on Friday. "
            "Police said the march was calm.\n\n"
            "On Friday, Donald Trump is slated to meet Vladimir Putin for half an hour.")
    evs = _consult(pipeline, text, published="2017-07-07")
    ev = next(e for e in evs if _parties(e) == {"Donald Trump", "Vladimir Putin"})
    assert ev.date == "2017-07-07" and _place(ev) == "Hamburg"


def test_a_call_during_the_summit_has_no_place(pipeline):
    text = ("The G20 summit opened on Friday.\n\n"
            "Donald Trump called Shinzo Abe on Friday.")
    evs = _consult(pipeline, text, published="2017-07-07")
    assert all(_place(e) is None for e in evs if e.mode == "call")


def test_an_occasion_in_quoted_speech_is_not_the_meetings(pipeline):
    # "G7 meetings" is what the speaker says; the meeting itself names no summit
    evs = _consult(pipeline, "Donald Trump met Klaus Iohannis in Washington on Tuesday. "
                             "\u201cI have been to many G7 meetings over the years,\u201d "
                             "Trump said during the meeting with Klaus Iohannis.",
                   published="2019-08-22")
    assert evs and all(e.occasion is None for e in evs)
    assert all(_place(e) != "Biarritz" for e in evs)


# -- several leaders in turn -------------------------------------------------------------

def test_meetings_with_the_leaders_of_several_states_are_one_each(pipeline):
    text = ("Barack Obama arrived for the G20 summit on Thursday. Obama will formally "
            "meet on the summit's sidelines with the leaders of France, China and Japan.")
    evs = [e for e in _consult(pipeline, text, published="2013-09-05")
           if e.mode == "meet" and "Barack Obama" in _parties(e)]
    others = sorted(next(iter(_parties(e) - {"Barack Obama"})) for e in evs)
    assert others == ["China", "France", "Japan"]
    assert all(e.confidence >= 0.75 for e in evs)  # a leader each, shown by default
    assert all(_place(e) == "Saint Petersburg" for e in evs)  # the article's summit


def test_a_summit_next_to_a_bilateral_is_not_that_meeting(pipeline):
    text = ("Donald Trump met Boris Johnson at the G7 summit in Biarritz on Sunday. "
            "Four guest nations are at the summit this year.")
    evs = _consult(pipeline, text, published="2019-08-25")
    assert not [e for e in evs if e.mode == "summit"
                and _parties(e) == {"Donald Trump", "Boris Johnson"}]


# -- link cards after a name -------------------------------------------------------------

def test_a_link_card_after_a_name_leaves_the_name_and_its_headlines():
    raw = ("Senator Ann Berg Ann Louise BergBerg wins budget vote Critics fault the plan "
           "MORE said on Monday that the bill would pass.\n\n"
           "The vote is due next week.")
    article = Article(source="<test>", raw=raw)
    clean(article)
    lines = article.text.split("\n")
    assert lines[0] == "Senator Ann Berg said on Monday that the bill would pass."
    assert lines[1] == "Berg wins budget vote Critics fault the plan"
    assert "Ann Louise Berg" in article.removed


def test_a_link_card_keeps_the_punctuation_after_it():
    raw = "The host, President Ann Berg Ann Louise BergBerg wins vote MORE, said no.\n"
    article = Article(source="<test>", raw=raw)
    clean(article)
    assert article.text.split("\n")[0] == "The host, President Ann Berg, said no."


def test_a_linked_name_is_resolved_once_its_card_is_out(pipeline):
    raw = ("President Donald Trump Donald John TrumpTrump praises ally Rivals regroup MORE "
           "met Romanian President Klaus Iohannis at the White House on Tuesday.")
    evs = _consult(pipeline, raw, published="2019-08-22")
    assert any(_parties(e) == {"Donald Trump", "Klaus Iohannis"} for e in evs)
