"""Stage 4, time: tagging, normalization, anchors, inference from the KB."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.actors.kb import KB, Country, Entity, Summit, Term
from newsgraph.model import Article
from newsgraph.time import date_of_span, resolve, tag


def _kb() -> KB:
    return KB(
        countries=[Country("CHN", "China", demonyms=("Chinese",)),
                   Country("UZB", "Uzbekistan", demonyms=("Uzbek",)),
                   Country("KAZ", "Kazakhstan", demonyms=("Kazakh",)),
                   Country("RUS", "Russia", demonyms=("Russian",))],
        entities=[Entity("Q_PEZ", "Masoud Pezeshkian", "person", "IRN"),
                  Entity("Q_RAISI", "Ebrahim Raisi", "person", "IRN", aliases=("Ibrahim Raisi",)),
                  Entity("Q_MOKH", "Mohammad Mokhber", "person", "IRN")],
        terms_=[Term("Q_RAISI", "Ebrahim Raisi", "IRN", "president", "2021-08-03", "2024-05-19"),
                Term("Q_MOKH", "Mohammad Mokhber", "IRN", "president", "2024-05-20", "2024-07-28", acting=True),
                Term("Q_PEZ", "Masoud Pezeshkian", "IRN", "president", "2024-07-28", None)],
        summits_=[Summit("SCO", "SCO summit", "2025-08-31", "2025-09-01", "Tianjin", "CHN"),
                  Summit("SCO", "SCO summit", "2024-07-03", "2024-07-04", "Astana", "KAZ"),
                  Summit("SCO", "SCO summit", "2022-09-15", "2022-09-16", "Samarkand", "UZB"),
                  Summit("BRICS", "BRICS summit", "2024-10-22", "2024-10-24", "Kazan", "RUS")])


def _values(text: str, ref: date | None) -> dict[str, str | None]:
    return {t.text: t.value for t in tag(text, ref=ref)}


def test_absolute_and_relative_forms() -> None:
    got = _values("On May 19, 2024 he left. A day later he was back. In March 2023 and "
                  "in 2001 too. Talks resume next week, and last year it grew.",
                  date(2024, 7, 4))
    assert got["May 19, 2024"] == "2024-05-19"
    assert got["A day later"] == "2024-05-20"  # narrative time, not the publication date
    assert got["March 2023"] == "2023-03"
    assert got["2001"] == "2001"
    assert got["next week"] == "2024-W28"
    assert got["last year"] == "2023"


def test_weekday_follows_tense() -> None:
    ref = date(2024, 7, 4)  # a Thursday
    assert _values("He met Putin on Thursday.", ref)["Thursday"] == "2024-07-04"
    assert _values("He said on Monday that it was over.", ref)["Monday"] == "2024-07-01"
    assert _values("The summit will end on Friday.", ref)["Friday"] == "2024-07-05"
    assert _values("They met Wednesday evening.", ref)["Wednesday evening"] == "2024-07-03TEV"


def test_durations_sets_quarters_refs() -> None:
    got = _values("Profit rose in the third quarter, for three years, every week, now.",
                  date(1998, 10, 27))
    assert got["the third quarter"] == "1998-Q3"
    assert got["three years"] == "P3Y"
    assert got["every week"] == "P1W"
    assert got["now"] == "PRESENT_REF"


def test_coarse_values_carry_interval() -> None:
    t = next(t for t in tag("It happened earlier this month.", ref=date(2024, 10, 15)))
    assert (t.value, t.precision) == ("2024-10", "month")
    assert t.interval is not None and (t.interval.start, t.interval.end) == ("2024-10-01", "2024-10-31")


def test_range_gives_two_days() -> None:
    got = _values("It will be held from October 22 to 24 in Kazan.", date(2024, 10, 1))
    assert got["October 22"] == "2024-10-22" and got["24"] == "2024-10-24"


def test_undated_article_without_evidence_stays_undated(nlp) -> None:
    article = Article(source="t", raw="", text="The minister said on Monday that talks went well.")
    article.doc = nlp(article.text)
    resolve(article, kb=KB())
    assert article.published is None and article.date_interval is None
    monday = next(t for t in article.timexes if t.text == "Monday")
    assert monday.value is None  # never today's date


def test_date_of_span_prefers_own_clause(nlp) -> None:
    text = "Putin met Raisi on Thursday, a day after the ministers talked on Wednesday."
    article = Article(source="t", raw=text, text=text, published="2022-09-15")
    article.doc = nlp(text)
    resolve(article, kb=KB())
    met = text.index("met")
    assert date_of_span(article, met, met + 3).value == "2022-09-15"  # type: ignore[union-attr]
    talked = text.index("talked")
    assert date_of_span(article, talked, talked + 6).value == "2022-09-14"  # type: ignore[union-attr]


def _seed(pipeline, shared, name: str, published: str | None = None) -> Article:
    path = next((shared / "corpus" / "seeds").glob(f"{name}_*.txt"))
    raw = path.read_text(encoding="utf-8")
    article = Article(source=str(path), raw=raw, published=published,
                      published_basis="metadata" if published else None)
    pipeline.process(article, until="parse")
    resolve(article, kb=_kb())
    return article


def _by_text(article: Article) -> dict[str, list]:
    out: dict[str, list] = {}
    for t in article.timexes:
        out.setdefault(t.text.lower(), []).append(t)
    return out


@pytest.fixture(scope="module")
def seeds(nlp, shared):
    from newsgraph import Pipeline

    pipeline = Pipeline(nlp=nlp, kb=_kb())  # our own KB facts: the bundled KB is not needed
    return {"000": _seed(pipeline, shared, "000"), "001": _seed(pipeline, shared, "001", "2024-07-04"),
            "002": _seed(pipeline, shared, "002"), "003": _seed(pipeline, shared, "003"),
            "004": _seed(pipeline, shared, "004")}


def test_seed_000_monday_of_tianjin_summit(seeds) -> None:
    got = _by_text(seeds["000"])
    assert {t.value for t in got["monday"]} == {"2025-09-01"}


def test_seed_001_published_and_narrative(seeds) -> None:
    got = _by_text(seeds["001"])
    assert got["thursday"][0].value == "2024-07-04"
    assert got["may 19"][0].value == "2024-05-19"
    assert got["a day later"][0].value == "2024-05-20"


def test_seed_002_interval_within_raisi_term(seeds) -> None:
    article = seeds["002"]
    wed = _by_text(article)["wednesday evening"][0]
    assert wed.value is None
    assert (wed.interval.start, wed.interval.end) == ("2021-08-04", "2024-05-15")
    assert _by_text(article)["2017"][0].value == "2017"
    assert article.published is None and article.date_interval is not None


def test_seed_003_year_from_own_evidence(seeds) -> None:
    got = _by_text(seeds["003"])
    assert {t.value for t in got["october 11"]} == {"2024-10-11"}
    assert got["september 18"][0].value == "2024-09-18"
    assert got["earlier this month"][0].value == "2024-10"


def test_seed_004_samarkand_thursday(seeds) -> None:
    got = _by_text(seeds["004"])
    assert {t.value for t in got["thursday"]} == {"2022-09-15"}
    assert {t.value for t in got["wednesday"]} == {"2022-09-14"}
    assert got["friday"][0].value == "2022-09-16"
    assert got["last year"][0].value == "2021"
    assert got["2001"][0].value == "2001"
