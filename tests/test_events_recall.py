"""Meetings the articles report (issue #9): classes of sentences whose parties were
missed, each through the real pipeline (real spaCy model, real KB). The sentences are
written for these tests."""

from __future__ import annotations

from newsgraph.model import Event


def _consult(pipeline, text: str, *, published: str | None = "2018-09-20") -> list[Event]:
    return [e for e in pipeline.process_text(text, published=published).events
            if e.type == "CONSULT"]


def _parties(ev: Event) -> set[str]:
    return {a.name for a in ev.actor + ev.recipient}


# -- names upstream: the actors stage must resolve both participants ------------------

def test_a_korean_surname_alone_is_the_family_name(pipeline, kb):
    # family name first: "Moon" is President Moon, not the last syllable of "Ki-moon"
    assert kb.lookup("Moon")[0].name == "Moon Jae-in"
    events = _consult(pipeline, "Moon met Kim Jong-un in Pyongyang on Tuesday.")
    assert [_parties(e) for e in events] == [{"Moon Jae-in", "Kim Jong-un"}]


def test_a_given_name_the_parser_cut_at_its_hyphen_is_whole(pipeline):
    events = _consult(pipeline, "On Saturday Mr Kim and South Korean President Moon Jae-in "
                                "held an unannounced meeting.", published="2018-05-27")
    assert [_parties(e) for e in events] == [{"Moon Jae-in", "Kim Jong-un"}]
    assert events[0].confidence >= 0.75


def test_a_hyphenated_pair_takes_the_korean_family_name_of_the_most_named(pipeline):
    # "Kim" is the family name of "Kim Jong-un" (first word), and of the envoy
    # "Sung Kim": the one the article names most is the pair's Kim
    text = ("President Donald Trump will meet North Korean leader Kim Jong-un in June. "
            "Kim has said he wants peace. The US envoy Sung Kim travelled to the border "
            "on Sunday. A Trump-Kim meeting seemed impossible a year ago.")
    events = [e for e in _consult(pipeline, text, published="2018-05-28")
              if "Trump-Kim" in e.text]
    assert [_parties(e) for e in events] == [{"Donald Trump", "Kim Jong-un"}]
