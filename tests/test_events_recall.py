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
