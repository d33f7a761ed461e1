"""Cleaning: boilerplate out (and recorded), story in, metadata read from the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.clean import clean
from newsgraph.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def cleaned(raw: str, **fields) -> Article:
    article = Article(source="<test>", raw=raw, **fields)
    clean(article)
    return article


def body_lines(article: Article) -> list[str]:
    return [line for line in article.text.split("\n") if line]


def test_fixture_article():
    article = cleaned((FIXTURES / "summit.txt").read_text(encoding="utf-8"))
    assert article.title == "Leaders of Freedonia and Sylvania agree on river treaty"
    assert article.outlet == "Example News Agency"
    assert article.published == "2023-03-12" and article.published_basis == "text"
    assert article.dateline == "ELBONIA CITY"
    lines = body_lines(article)
    assert lines[0].startswith("The presidents of Freedonia and Sylvania met")
    assert lines[1].startswith("“This treaty ends a dispute")
    assert lines[-1] == "The two leaders also agreed to meet again in the autumn, officials said."
    for gone in ("Visit and talks", "Jane Roe/Associated Press", "Advertisement",
                 "Example News reached out", "- Freedonia wins football cup",
                 "Leave a Reply", "Your email address", "- World", "Published Date"):
        assert gone not in article.text
        assert any(r.removeprefix("- ").startswith(gone.removeprefix("- "))
                   for r in article.removed), gone
    assert "ELBONIA CITY, March 11 (ENA) -" in article.removed


def test_user_metadata_is_not_overridden():
    raw = ("Published: July 4, 2024\n\nThe ministers met in the capital on Monday and signed "
           "the deal.")
    article = cleaned(raw, published="2020-01-01", published_basis="metadata",
                      user_published=True, outlet="Given")
    assert article.published == "2020-01-01" and article.published_basis == "metadata"
    assert article.outlet == "Given"
    assert "Published" not in article.text


@pytest.mark.parametrize("line, date", [
    ("Published Date: 08:46 | 04 July 2024", "2024-07-04"),
    ("Published: July 4, 2024", "2024-07-04"),
    ("Updated 3:45 PM ET, Mon September 1, 2025", "2025-09-01"),
    ("Last updated on 4 July 2024", "2024-07-04"),
    ("September 1, 2025 10:21 GMT", "2025-09-01"),
])
def test_metadata_lines(line, date):
    body = "The foreign ministers of both countries met in the capital on Monday for talks."
    article = cleaned(f"A headline about talks\n{line}\nBy Jane Doe\n{body}")
    assert article.published == date and article.published_basis == "text"
    assert article.title == "A headline about talks"
    assert article.text == body
    assert line in article.removed and "By Jane Doe" in article.removed


@pytest.mark.parametrize("raw, text, place, outlet", [
    ("WASHINGTON (AP) — The president spoke on Monday about the talks.",
     "The president spoke on Monday about the talks.", "WASHINGTON", "Associated Press"),
    ("(Reuters) - Iran said on Monday it would resume the talks.",
     "Iran said on Monday it would resume the talks.", None, "Reuters"),
    ("TIANJIN, August 31 /TASS/. Russian President Vladimir Putin arrived in China.",
     "Russian President Vladimir Putin arrived in China.", "TIANJIN", "TASS"),
    ("TEHRAN, Aug. 31 (MNA) – Iran's president left for China on Sunday.",
     "Iran's president left for China on Sunday.", "TEHRAN", "Mehr News Agency"),
    ("NATO — the alliance — said on Monday it would meet.",
     "NATO — the alliance — said on Monday it would meet.", None, None),
])
def test_datelines_and_wire_tags(raw, text, place, outlet):
    article = cleaned(raw)
    assert article.text == text
    assert article.dateline == place
    assert article.outlet == outlet


def test_dateline_with_year_sets_published():
    article = cleaned("MOSCOW, March 3, 2023 (Reuters) - The talks ended without a deal.")
    assert article.published == "2023-03-03" and article.published_basis == "text"


def test_missing_space_repaired_and_user_title_line_dropped():
    raw = ("River treaty signed\n"
           "On Thursday,President Roe assured his counterpartthat the deal would hold.")
    article = cleaned(raw, title="River treaty signed")
    assert article.text == ("On Thursday, President Roe assured his counterpartthat "
                            "the deal would hold.")


def test_hard_wrapped_text_is_kept():
    raw = ("The ministers of the two countries met in the\ncapital on Monday and agreed to\n"
           "extend the trade deal for another\nfive years, officials said.\n\n"
           "They will meet again in the\nspring to review progress.")
    article = cleaned(raw)
    assert article.text == ("The ministers of the two countries met in the capital on Monday "
                            "and agreed to extend the trade deal for another five years, "
                            "officials said.\n\nThey will meet again in the spring to "
                            "review progress.")
    assert article.removed == []


def test_story_sentences_are_never_dropped():
    story = [
        "Share prices fell sharply in Tehran on Monday after the announcement.",
        "Related talks in Geneva ended without a deal, diplomats said.",
        "“We will never accept this,” the minister said.",
        "More than 1,000 people were injured in the clashes.",
        "Photos published by state media showed the damage, witnesses said.",
    ]
    article = cleaned("\n\n".join(story))
    assert body_lines(article) == story
    assert article.removed == []


def test_seeds_boilerplate(shared):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    seeds = shared / "corpus" / "seeds"
    articles: dict[str, Article] = {}
    for path in sorted(seeds.glob("*.txt")):
        articles[path.name] = cleaned(path.read_text(encoding="utf-8"))
    for item in gold["boilerplate"]["must_be_removed"]:
        article = articles[item["doc"]]
        assert item["line_starts"] not in article.text, item
        assert any(r.lstrip("- ").startswith(item["line_starts"].lstrip("- "))
                   for r in article.removed), item
    for item in gold["boilerplate"]["must_be_kept"]:
        assert any(line.startswith(item["line_starts"])
                   for line in articles[item["doc"]].text.split("\n")), item
    for item in gold["boilerplate"]["metadata"]:
        article = articles[item["doc"]]
        assert article.published == item["published"]
        assert article.outlet == item["outlet"]
        assert article.title == item["title"]


def test_seeds_keep_every_quote(shared):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    for quote in gold["quotes"]:
        article = cleaned((shared / "corpus" / "seeds" / quote["doc"]).read_text(encoding="utf-8"))
        assert quote["starts"] in article.text, quote
