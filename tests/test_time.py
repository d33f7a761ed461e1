"""Stage 4, time: tagging, normalization, anchors, inference from the KB."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.kb import KB, Country, Entity, Summit, Term
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
                Term("Q_MOKH", "Mohammad Mokhber", "IRN", "president", "2024-05-20", "2024-07-28",
                     acting=True),
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
    assert t.interval is not None
    assert (t.interval.start, t.interval.end) == ("2024-10-01", "2024-10-31")


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
    return {"000": _seed(pipeline, shared, "000"),
            "001": _seed(pipeline, shared, "001", "2024-07-04"),
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
    assert got["september"][0].value == "2021-09"  # "last year ... in September"
    assert got["2001"][0].value == "2001"


def test_reporting_quarter_in_earnings_story() -> None:
    got = _values("Net income rose to $5 million in the third quarter from $3 million a year "
                  "earlier. Sales in the latest period were $1.7 billion. In the 1988 period, "
                  "it earned $2 million.", date(1989, 10, 26))
    assert got["the third quarter"] == "1989-Q3"
    assert got["a year earlier"] == "1988-Q3"  # the same quarter a year back, not 1988
    assert got["the latest period"] == "1989-Q3"
    assert got["the 1988 period"] == "1988-Q3"
    # Without figures or a quarter, "a year earlier" stays a year.
    assert _values("He left a year earlier.", date(1989, 10, 26))["a year earlier"] == "1988"


def test_forecast_quarter_is_not_the_reporting_period() -> None:
    got = _values("It expects a loss in the fourth quarter. Profit fell to $2 million from "
                  "$3 million a year ago.", date(1989, 10, 26))
    assert got["the fourth quarter"] == "1989-Q4"
    assert got["a year ago"] == "1988"  # no quarter over yet: a plain year


def test_clock_time_joins_its_day_and_year_ended_is_duration(nlp) -> None:
    text = "The offer will expire at 9 a.m. EST Tuesday. Revenue for the year ended March 31 rose."
    got = {t.text: t.value for t in tag(text, ref=date(2000, 4, 3), doc=nlp(text))}
    assert got["9 a.m. EST Tuesday"] == "2000-04-04T09:00"
    assert got["the year"] == "P1Y"


def test_new_forms_weekend_current_spelled_years_bare_plurals() -> None:
    got = _values("Officials said over the weekend that current conditions were bad. The "
                  "bombing in nineteen ninety-six was planned for weeks.", date(1990, 8, 13))
    assert got["the weekend"] == "1990-W32-WE"  # the weekend before a Monday report
    assert got["current"] == "PRESENT_REF"
    assert got["nineteen ninety-six"] == "1996"
    assert got["weeks"] == "PXW"
    assert "one year" in _values("He died one year after the attack.", date(1999, 10, 24))
    assert _values("He died one year after the attack.", date(1999, 10, 24))["one year"] == "P1Y"


def test_parse_tense_decides_weekday_direction(nlp) -> None:
    ref = date(2000, 1, 6)  # a Thursday

    def value(text: str, word: str) -> str | None:
        return {t.text: t.value for t in tag(text, ref=ref, doc=nlp(text))}[word]

    assert value("The monarch will meet Bush on Monday in Maine.", "Monday") == "2000-01-10"
    assert value("Castro attended a rally Monday by media workers.", "Monday") == "2000-01-03"
    wednesday = "2000-01-05"
    assert value("Neither he nor his parents could be located Wednesday.", "Wednesday") == wednesday
    assert value("They extended their offers to acquire the maker Wednesday.",
                 "Wednesday") == wednesday
    assert value("The father could come as early as Saturday.", "Saturday") == "2000-01-08"
    assert value("The chip may have been responsible for a decline on Tuesday.",
                 "Tuesday") == "2000-01-04"
    assert value("The dividend is payable Feb. 1 to holders.", "Feb. 1") == "2000-02-01"


def test_dateline_day_anchors_the_story(nlp) -> None:
    text = "TEHRAN, Aug. 31 (MNA) -- Iran's foreign minister said yesterday that talks went well."
    article = Article(source="t", raw=text, text=text, published="2024-09-02")
    article.doc = nlp(text)
    resolve(article, kb=KB())
    yesterday = next(t for t in article.timexes if t.text == "yesterday")
    assert (yesterday.value, yesterday.anchor) == ("2024-08-30", "dateline")  # not 09-01
    assert next(t for t in article.timexes if t.text == "Aug. 31").value == "2024-08-31"


def test_dateline_dates_an_undated_article(nlp) -> None:
    text = ("BUFFALO, N.Y., Oct. 24, 1999 (AP) -- About 500 people attended a memorial "
            "service on Sunday.")
    article = Article(source="t", raw=text, text=text)
    article.doc = nlp(text)
    resolve(article, kb=KB())
    assert (article.published, article.published_basis) == ("1999-10-24", "text")
    assert next(t for t in article.timexes if t.text == "Sunday").value == "1999-10-24"
    # A month-day dateline takes its year from the evidence window (Pezeshkian's term).
    text = ("TEHRAN, Aug. 30 (MNA) -- Iranian President Masoud Pezeshkian said on Thursday "
            "that Iran will attend the SCO summit in China.")
    article = Article(source="t", raw=text, text=text)
    article.doc = nlp(text)
    resolve(article, kb=_kb())
    assert (article.published, article.published_basis) == ("2025-08-30", "inferred")
    assert next(t for t in article.timexes if t.text == "Thursday").value == "2025-08-28"


def test_no_dateline_in_ordinary_openings() -> None:
    from newsgraph.time.dateline import find_dateline

    assert find_dateline("Hello, May 5 - it rained.") is None
    assert find_dateline("The talks, he said, went on.") is None
    line = find_dateline("TIANJIN, August 31 /TASS/. Leaders met.")
    assert line is not None and (line.month, line.day, line.year) == (8, 31, None)


def test_holidays_month_days_and_year_earlier() -> None:
    ref = date(2000, 1, 15)
    got = _values("The boy was found on Thanksgiving Day off the coast, after Nov. 25 and "
                  "before Christmas.", ref)
    assert got["Thanksgiving Day"] == "1999-11-25"  # fourth Thursday of November, the past one
    assert got["Nov. 25"] == "1999-11-25"  # a month-day well ahead without a future tense is past
    assert got["Christmas"] == "1999-12-25"
    assert _values("We campaign from now to Election Day.", date(1998, 10, 25))["Election Day"] \
        == "1998-11-03"
    assert _values("A flight leaves on June 1.", date(1999, 5, 6))["June 1"] == "1999-06-01"
    got = _values("Net rose to $5 million in the third quarter from a year-earlier $3 million. "
                  "Sales for the full year were $6 billion.", date(1989, 10, 26))
    assert got["year-earlier"] == "1988-Q3"
    assert got["the full year"] == "1989"


def test_combined_extents_fractions_and_vague_amounts() -> None:
    got = _values("In June last year and in January nineteen ninety-seven, it lasted 2 1/2 years "
                  "and a minute and a half. He was shot last Oct. 23. A few days later they met. "
                  "Net fell from the corresponding period last year, and next year's first "
                  "quarter looks better; it will close by year-end. "
                  "Several years ago it was small.",
                  date(1998, 2, 19))
    assert got["June last year"] == "1997-06"
    assert got["January nineteen ninety-seven"] == "1997-01"
    assert got["2 1/2 years"] == "P2Y6M"
    assert got["a minute and a half"] == "PT1M30S"
    assert got["last Oct. 23"] == "1997-10-23"
    assert got["A few days later"] == "PXD"
    assert got["next year's first quarter"] == "1999-Q1"
    assert got["year-end"] == "1998"
    assert got["Several years ago"] == "PAST_REF"


def test_names_rates_and_generic_uses_are_not_timexes() -> None:
    got = _values("He said on CBS's ``60 Minutes'' that Jan Kavan signed. It pays $1.76 a year "
                  "and runs four flights a week. In today's world, the people of tomorrow "
                  "deserve a second chance; Iraq imports about three-quarters of its food.",
                  date(1998, 2, 19))
    assert got == {}


def test_story_year_and_seasons() -> None:
    got = _values("He fled in June 1998 and returned later that year. Hiring began last fall "
                  "and slowed this past spring.", date(1999, 10, 30))
    assert got["later that year"] == "1998"
    assert got["last fall"] == "1998-FA"
    assert got["this past spring"] == "1999-SP"


def test_month_day_with_spaced_comma_and_utc_clock() -> None:
    assert _values("It was suspended on July 24 , 2003 .", date(2005, 3, 6)) \
        == {"July 24 , 2003": "2003-07-24"}
    assert _values("Trading resumed at 16:08 UTC .", date(2005, 3, 6)) \
        == {"16:08 UTC": "2005-03-06T16:08Z"}
    # a clock time without its own day is on the day the story last named
    assert _values("He was shot on Oct. 23 at 10 p.m. at home.", date(1999, 4, 19))["10 p.m."] \
        == "1998-10-23T22:00"


def test_perfect_progressive_since_a_date_is_past(nlp) -> None:
    text = "Investigators have been searching for him since the Oct. 23 slaying."
    got = {t.text: t.value for t in tag(text, ref=date(1999, 5, 6), doc=nlp(text))}
    assert got["Oct. 23"] == "1998-10-23"


def test_sets_spelled_seasons_and_story_month() -> None:
    got = _values("Orangemen march each July. Oil fell to the level of the winter of nineteen "
                  "ninety-four. It grew over the years. In March it got an offer; the following "
                  "month it was sold under a June agreement.", date(1998, 10, 27))
    assert got["each July"] == "XXXX-07"
    assert got["the winter of nineteen ninety-four"] == "1994-WI"
    assert got["the years"] == "PXY"
    assert got["the following month"] == "1998-04"
    assert got["June"] == "1998-06"


# A text for every rule the tagger may skip, in several spellings.
_SKIPPABLE = ("Two years ago, and earlier this week; in the second half of 2023; the third "
              "quarter period. In nineteen eighty-four, and two thousand and one. Last "
              "spring, in the 1990s and the 2000's. For days, over the past weeks, monthly "
              "and daily. Today, tomorrow and tonight; on Monday and on Tuesdays. June "
              "this year, by year-end, at Christmas and on New Year's Day; at noon and "
              "midnight; the full year; current market talks; over the weekend; the "
              "year-ago period; the 2024 fiscal period; it's the second day of talks. LAST "
              "SPRING, TWO YEARS AGO. On 2024-05-01, 5/6/2024 and May 5-7; at 10:30 GMT "
              "and 9 a.m. on 5 May 2024; in March 2024; the same period; the following "
              "day, for three days, every week and this morning; now.")


def test_rules_skipped_for_missing_words_cannot_match() -> None:
    """A rule is skipped when none of its words is in the text (a speed-up): each of
    its matches must contain one, so skipping never changes what is found."""
    from newsgraph.time import tagger

    for rule, pattern in tagger.RULES:
        words = tagger._NEEDS.get(rule)
        if words is None:
            continue
        matches = [m.group(0).lower() for m in pattern.finditer(_SKIPPABLE)]
        assert matches, f"the fixture has no match of {rule}"
        for match in matches:
            assert any(w in match for w in words), (rule, match)


def test_skipping_rules_finds_what_running_them_all_finds(monkeypatch) -> None:
    from newsgraph.time import tagger

    texts = [_SKIPPABLE, "Talks resume next week.", "Nothing here", "the ſpring of 2001"]
    fast = [[(f.start, f.end, f.rule) for f in tagger._find(t)] for t in texts]
    monkeypatch.setattr(tagger, "_NEEDS", {})
    assert fast == [[(f.start, f.end, f.rule) for f in tagger._find(t)] for t in texts]
    assert fast[1] and not fast[2]


def test_find_gives_each_caller_its_own_list() -> None:
    from newsgraph.time import tagger

    first = tagger.find("Talks resume next week.")
    first.clear()
    again = tagger.find("Talks resume next week.")
    assert [f.text for f in again] == ["next week"]


def test_term_window_finds_a_titled_surname_through_the_kb_index() -> None:
    kb = _kb()
    assert [e.id for e in kb.named_or_surnamed("Raisi")] == ["Q_RAISI"]
    assert [e.id for e in kb.named_or_surnamed("ibrahim raisi")] == ["Q_RAISI"]
    assert [e.id for e in kb.named_or_surnamed("Mr. Pezeshkian")] == ["Q_PEZ"]
    assert kb.named_or_surnamed("Nobody") == []
