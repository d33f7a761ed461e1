"""Quotes: direct, indirect and mixed, with cue and speaker span (real spaCy model)."""

from __future__ import annotations

import json

import pytest

from newsgraph import quotes
from newsgraph.model import Article, Quote
from newsgraph.quotes.marks import find_segments

LEADING = " \t\"“”'‘"


def _quotes(nlp, text: str) -> tuple[Article, list[Quote]]:
    article = Article(source="<test>", raw=text, text=text, doc=nlp(text))
    quotes.extract(article)
    return article, article.quotes


def _speaker(article: Article, quote: Quote) -> str | None:
    return article.text[slice(*quote.speaker_span)] if quote.speaker_span else None


def _find(found: list[Quote], starts: str) -> Quote:
    for quote in found:
        if quote.text.lstrip(LEADING).startswith(starts):
            return quote
    raise AssertionError(f"no quote starts with {starts!r}: {[q.text for q in found]}")


def test_segments_run_over_paragraphs_and_skip_single_quotes() -> None:
    text = ("He said: “We will not stop. We will go on.\n"
            "“The 'red line' was crossed long ago,” he added.\n"
            "\"Straight quotes work too,\" she said.")
    segs = find_segments(text)
    assert [text[s.start:s.end] for s in segs] == [
        "We will not stop. We will go on.",
        "The 'red line' was crossed long ago",
        "Straight quotes work too"]
    assert segs[0].close_mark is None and segs[1].continued and not segs[2].continued


def test_cue_after_and_before_the_quote(nlp) -> None:
    article, found = _quotes(nlp, (
        "“I am glad to meet you again,” Putin said.\n"
        "Putin told TASS, “We are actively working together on the international arena.”\n"
        "Pezeshkian said of the relations: “Our cooperation is getting stronger every day.”"))
    first = _find(found, "I am glad")
    assert (first.kind, first.cue, _speaker(article, first)) == ("direct", "said", "Putin")
    assert article.text[first.start:first.end] == first.text == "I am glad to meet you again"
    second = _find(found, "We are actively")
    assert (second.cue, _speaker(article, second)) == ("told", "Putin")
    third = _find(found, "Our cooperation")
    assert (third.cue, _speaker(article, third)) == ("said", "Pezeshkian")


def test_quote_split_by_its_cue_keeps_one_speaker(nlp) -> None:
    article, found = _quotes(nlp, "“We are interested,” he said, “in his further support for "
                                  "the project.”")
    assert {_speaker(article, q) for q in found} == {"he"}
    assert len(found) == 2


def test_body_speaker_and_role_phrase(nlp) -> None:
    article, found = _quotes(nlp, (
        "“We strongly urge them to reconsider their erroneous decisions,” Russia's foreign "
        "ministry said in a statement.\n"
        "“I personally oversee the implementation of the agreements,” the President added."))
    assert _speaker(article, _find(found, "We strongly")) == "Russia's foreign ministry"
    added = _find(found, "I personally")
    assert (added.cue, _speaker(article, added)) == ("added", "the President")


def test_following_paragraph_inherits_the_speaker(nlp) -> None:
    article, found = _quotes(nlp, (
        "\"The relationship between sanctioned countries can overcome many problems,\" "
        "Raisi told Putin in the meeting.\n"
        "\"The Americans think whichever country they impose sanctions on will be stopped.\"\n"
        "Pezeshkian said:\n"
        "“Iran-Russia relations are strategic and sincere.”"))
    assert _speaker(article, _find(found, "The Americans think")) == "Raisi"
    assert _speaker(article, _find(found, "Iran-Russia relations")) == "Pezeshkian"


def test_quote_running_over_paragraphs(nlp) -> None:
    article, found = _quotes(nlp, (
        "Putin said: “Considering the will of the people, we must ensure that our "
        "relations improve.\n"
        "“We share similar visions and there are many similarities between us.”"))
    assert _speaker(article, _find(found, "We share similar")) == "Putin"


def test_indirect_and_according_to(nlp) -> None:
    article, found = _quotes(nlp, (
        "Russia and Iran are constantly in contact over the nuclear program, Russian "
        "President Vladimir Putin said on Monday.\n"
        "The Iranian president stressed that the threat of sanctions will not stop his "
        "country's development.\n"
        "The two sides signed four agreements, according to the Kremlin."))
    putin = _find(found, "Russia and Iran are constantly")
    assert putin.kind == "indirect"
    assert _speaker(article, putin) == "Russian President Vladimir Putin"
    stressed = _find(found, "the threat of sanctions")
    assert (stressed.cue, _speaker(article, stressed)) == ("stressed", "The Iranian president")
    kremlin = _find(found, "The two sides signed")
    assert (kremlin.cue, _speaker(article, kremlin)) == ("according to", "the Kremlin")


def test_mixed_quote_and_scare_quotes(nlp) -> None:
    article, found = _quotes(nlp, (
        "Israel threatened “lethal” retaliation after the attacks.\n"
        "Pezeshkian then criticized the efforts to reinforce “unilateralism.”\n"
        "Moscow backed its ally, warning that the reimposition of sanctions risked "
        "“irreparable consequences.”"))
    assert not any(q.text.strip(LEADING + ".") in ("lethal", "unilateralism") for q in found)
    mixed = _find(found, "the reimposition of sanctions")
    assert mixed.kind == "mixed" and _speaker(article, mixed) == "Moscow"


def test_no_text_no_quotes(nlp) -> None:
    article = Article(source="<test>", raw="", text="", doc=nlp(""))
    quotes.extract(article)
    assert article.quotes == []


@pytest.fixture(scope="module")
def seeds(shared, pipeline):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    articles = {}
    for name in sorted({q["doc"] for q in gold["quotes"]}):
        path = shared / "corpus" / "seeds" / name
        articles[name] = pipeline.process(
            Article(source=str(path), raw=path.read_text(encoding="utf-8")), until="quotes")
    return gold["quotes"], articles


# the words a seed article uses to name each gold speaker
SPEAKER_WORDS = {
    "Vladimir Putin": {"putin", "he", "the russian president", "the president"},
    "Masoud Pezeshkian": {"pezeshkian", "he", "the president", "the iranian president"},
    "Mohammad Mokhber": {"mokhber", "he"},
    "Ebrahim Raisi": {"raisi", "he", "the iranian president"},
    "Russian foreign ministry": {"russia's foreign ministry", "russia’s foreign ministry"},
}


def test_seed_quotes_have_their_speaker_words(seeds) -> None:
    gold, articles = seeds
    for item in gold:
        article = articles[item["doc"]]
        quote = _find(article.quotes, item["starts"])
        said = _speaker(article, quote)
        assert said is not None and said.lower() in SPEAKER_WORDS[item["speaker"]], (
            item, said)


def test_seed_quotes_resolve_to_the_gold_speaker(seeds) -> None:
    """The speaker actor comes from the actors stage's mentions: with no mentions, every
    speaker is None and this fails."""
    gold, articles = seeds
    wrong = []
    for item in gold:
        quote = _find(articles[item["doc"]].quotes, item["starts"])
        actor = quote.speaker
        if item["speaker"] == "Russian foreign ministry":
            ok = actor is not None and actor.country == "RUS"
        else:
            ok = actor is not None and actor.name == item["speaker"]
        if not ok:
            wrong.append(f"{item['doc']} {item['starts']!r}: {item['speaker']} != "
                         f"{actor.name if actor else None}")
    assert not wrong, wrong
