"""The knowledge base: bundled data, lookups, overrides, Wikidata import, `newsgraph kb`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import KBError
from newsgraph.kb import KB
from newsgraph.kb.build import import_file, write_user_file
from newsgraph.kb.userfile import norm, role_of_title

FIXTURES = Path(__file__).parent / "fixtures" / "kb"
RAISI, MOKHBER, PEZESHKIAN = "Q5947347", "Q5703610", "Q5933752"


def test_norm_unifies_accents_hyphens_dots_and_the() -> None:
    assert norm("Erdoğan") == norm("Erdogan")
    assert norm("Amir-Abdollahian") == norm("Amir Abdollahian")
    assert norm("the U.K.'s") == "uk"
    assert norm("Côte d’Ivoire") == norm("Cote d'Ivoire")


@pytest.mark.parametrize("text, iso3", [
    ("Iran", "IRN"), ("iranian", "IRN"), ("Russian", "RUS"), ("Russian Federation", "RUS"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Britain", "GBR"), ("UK", "GBR"),
    ("U.K.", "GBR"), ("British", "GBR"), ("U.S.", "USA"), ("America", "USA"),
    ("IRN", "IRN"), ("RU", "RUS"), ("DPRK", "PRK"), ("South Korea", "KOR"),
    ("Islamic Republic of Iran", "IRN"), ("Uzbekistan", "UZB"),
])
def test_country_by_name_demonym_alias_and_code(kb: KB, text: str, iso3: str) -> None:
    country = kb.country(text)
    assert country is not None and country.iso3 == iso3


def test_short_lowercase_words_are_not_country_codes(kb: KB) -> None:
    assert kb.country("us") is None and kb.country("in") is None
    assert kb.country("Atlantis") is None


def test_capitals_and_places(kb: KB) -> None:
    assert kb.capital_of("Moscow").iso3 == "RUS"
    assert kb.capital_of("Tehran").iso3 == "IRN"
    assert kb.capital_of("Tianjin") is None
    for city, iso3 in [("Tianjin", "CHN"), ("Samarkand", "UZB"), ("Astana", "KAZ"),
                       ("Ashgabat", "TKM"), ("Kazan", "RUS")]:
        assert kb.place(city).country == iso3


def test_raisi_spellings_are_one_entity(kb: KB) -> None:
    assert [e.id for e in kb.lookup("Ebrahim Raisi")] == [RAISI]
    assert kb.lookup("Ibrahim Raisi")[0].id == RAISI
    assert kb.fuzzy("Iranian President Ibrahim Raisi")[0][0].id == RAISI
    assert kb.fuzzy("Ebrahim Raeesi")[0][0].id == RAISI


def test_surname_lookup_puts_the_recent_office_holder_first(kb: KB) -> None:
    assert kb.lookup("Putin")[0].id == "Q7747"
    assert kb.lookup("Erdoğan")[0].id == kb.lookup("Erdogan")[0].id == "Q39259"


def test_fuzzy_leaves_role_phrases_to_the_resolver(kb: KB) -> None:
    assert kb.fuzzy("the Russian president") == []
    assert kb.fuzzy("his Iranian counterpart") == []


@pytest.mark.parametrize("on, person, acting", [
    ("2022-06-01", RAISI, False), ("2024-06-10", MOKHBER, True),
    ("2025-03-01", PEZESHKIAN, False),
])
def test_iranian_presidents_by_date(kb: KB, on: str, person: str, acting: bool) -> None:
    holders = kb.holders("IRN", "president", on)
    assert [(t.person_id, t.acting) for t in holders] == [(person, acting)]
    assert holders[0].source


def test_heads_of_state_and_government(kb: KB) -> None:
    assert kb.holders("IRN", "head_of_state", "2023-01-01")[0].person_id == "Q57336"
    assert kb.holders("IRN", "head_of_government", "2023-01-01")[0].person_id == RAISI
    assert kb.holders("USA", "head_of_government", "2023-01-01")[0].person_name == "Joe Biden"
    assert kb.holders("RUS", "prime_minister", "2023-01-01")[0].person_name == (
        "Mikhail Mishustin")
    assert kb.holders("RUS", "President", "2010-01-01")[0].person_name == "Dmitry Medvedev"
    assert kb.holders("GBR", "prime_minister", "2022-10-01")[0].person_name == "Liz Truss"
    assert kb.holders("IRN", "foreign_minister", "2023-03-01")[0].person_id == "Q17991320"
    assert kb.holders("USA", "secretary of state", "2023-03-01")[0].person_name == (
        "Antony Blinken")


def test_terms_of_a_person(kb: KB) -> None:
    roles = {(t.role, t.start) for t in kb.terms("Q7747")}
    assert ("president", "2012-05-07") in roles and ("prime_minister", "2008-05-08") in roles


def test_bodies(kb: KB) -> None:
    kremlin = kb.body("the Kremlin")
    assert (kremlin.country, kremlin.sector, kremlin.kind) == ("RUS", "GOV", "body")
    assert kb.body("White House").country == "USA"
    assert kb.body("Pentagon").sector == "MIL"
    mfa = kb.body("foreign ministry", country="RUS")
    assert (mfa.id, mfa.name, mfa.country) == ("RUS:MFA", "Russian foreign ministry", "RUS")
    assert kb.body("Russia's foreign ministry").id == "RUS:MFA"
    assert kb.body("the Iranian Ministry of Foreign Affairs").id == "IRN:MFA"
    assert kb.body("the Kazakh Foreign Ministry").name == "Kazakhstani foreign ministry"
    assert kb.body("foreign ministry") is None


def test_organizations(kb: KB) -> None:
    sco = kb.org("SCO")
    assert sco.name == "Shanghai Cooperation Organization" and "IRN" in sco.members
    assert kb.org("Shanghai Cooperation Organisation").id == sco.id
    assert kb.org("Eurasian Economic Union").id == kb.org("EAEU").id
    assert kb.org("BRICS") is not None and kb.org("NATO") is not None


def test_summits(kb: KB) -> None:
    samarkand = kb.summits(org="SCO", year=2022)
    assert [(s.city, s.start, s.end) for s in samarkand] == [
        ("Samarkand", "2022-09-15", "2022-09-16")]
    assert kb.summits(org="sco", city="tianjin", year=2025)[0].start == "2025-08-31"
    assert kb.summits(org="Shanghai Cooperation Organization", year=2024)[0].city == "Astana"
    assert kb.summits(org="BRICS", year=2024)[0].city == "Kazan"


def test_sector_of_role(kb: KB) -> None:
    assert kb.sector_of_role("president") == "GOV"
    assert kb.sector_of_role("army") == kb.sector_of_role("troops") == "MIL"
    assert kb.sector_of_role("military") == "MIL"
    assert kb.sector_of_role("police") == "COP"
    assert kb.sector_of_role("rebels") == "REB"
    assert kb.sector_of_role("opposition") == "OPP"
    assert kb.sector_of_role("xylophone") is None


def test_sources_name_licenses(kb: KB) -> None:
    licenses = {s["name"]: s["license"] for s in kb.sources()}
    assert licenses["mledoze/countries"] == "ODbL 1.0"
    assert all(e.source for e in kb.entities[:200])


def test_role_titles() -> None:
    assert role_of_title("Prime Minister of the United Kingdom") == "prime_minister"
    assert role_of_title("Minister of Foreign Affairs of Russia") == "foreign_minister"
    assert role_of_title("President of the Senate") == "president_of_the_senate"


def test_yaml_override_changes_answers() -> None:
    kb = KB.load(overrides=[FIXTURES / "overrides.yaml"])
    holders = kb.holders("IRN", "president", "2024-06-10")
    assert {t.person_name for t in holders} == {"Mohammad Mokhber", "Zara Fictiona"}
    assert kb.lookup("Z. Fictiona")[0].id == "user:test-envoy"
    assert kb.lookup("Raisi the Test Alias")[0].id == RAISI
    assert kb.summits(org="SCO", year=2040)[0].name == "SCO test summit"
    assert KB.load().lookup("Z. Fictiona") == []  # the bundled KB is untouched


def test_csv_override_changes_answers() -> None:
    kb = KB.load(overrides=[FIXTURES / "overrides.csv"])
    assert kb.holders("TUR", "foreign_minister", "2023-09-01")[0].person_name == (
        "Omar Csvson")
    assert kb.country("Blighty").iso3 == "GBR"


def test_override_term_replaces_the_overlapping_one(tmp_path: Path) -> None:
    path = tmp_path / "fix.yaml"
    path.write_text("terms:\n  - {person_id: Q5947347, role: president, country: IRN,"
                    " start: 2021-08-05, end: 2024-05-19, source: my check}\n")
    terms = [t for t in KB.load(overrides=[path]).terms(RAISI) if t.role == "president"]
    assert [(t.start, t.source) for t in terms] == [("2021-08-05", "my check")]


def test_environment_variable_adds_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_KB", str(FIXTURES / "overrides.csv"))
    assert KB.load().lookup("Omar Csvson")


@pytest.mark.parametrize("content, suffix, problem", [
    ("people:\n  - {name: X, terms: [{role: president, country: IRN, start: soon}]}\n",
     ".yaml", "not a date"),
    ("people: [unclosed\n", ".yaml", "not valid YAML"),
    ("wizards:\n  - {name: Merlin}\n", ".yaml", "unknown section"),
    ("id,name\nQ1,Nobody\n", ".csv", "type"),
    ("type,id,name\nspaceship,Q1,Nobody\n", ".csv", "unknown row type"),
])
def test_broken_override_names_the_file(tmp_path: Path, content: str, suffix: str,
                                        problem: str) -> None:
    path = tmp_path / f"mine{suffix}"
    path.write_text(content)
    with pytest.raises(KBError, match=problem) as err:
        KB.load(overrides=[path])
    assert str(path) in str(err.value)


def test_import_wikidata_dump(kb: KB) -> None:
    result = import_file(FIXTURES / "wikidata_dump.json", kb=kb)
    assert [p["id"] for p in result.people] == ["Q99900001"]
    term = result.people[0]["terms"][0]
    assert (term["role"], term["country"], term["start"], term["end"]) == (
        "president", "IRN", "2031-08-05", "2035")
    assert any("Q99900002" in s for s in result.skipped)


def test_import_sparql_then_load(kb: KB, tmp_path: Path) -> None:
    result = import_file(FIXTURES / "wikidata_sparql.json", kb=kb)
    path = write_user_file(result, tmp_path)
    loaded = KB.load(overrides=[path])
    assert loaded.holders("RUS", "foreign_minister", "2032-06-01")[0].person_name == (
        "Marta Exampleva")
    assert loaded.holders("TUR", "president", "2035-01-01")[0].person_id == "Q99900012"
    assert loaded.lookup("Marta Examplova")[0].id == "Q99900011"


def test_import_rejects_garbage(tmp_path: Path, kb: KB) -> None:
    path = tmp_path / "dump.json"
    path.write_text('{"id": "Q1"}\nnot json\n')
    with pytest.raises(KBError, match="dump.json:2"):
        import_file(path, kb=kb)


def test_cli_show_lists_term_with_source() -> None:
    result = CliRunner().invoke(main, ["kb", "show", "Raisi"])
    assert result.exit_code == 0, result.output
    assert "Ebrahim Raisi" in result.output
    assert "2021-08-03 .. 2024-05-19" in result.output
    assert "public record: Iranian presidency" in result.output


def test_cli_show_json_and_unknown() -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["kb", "show", "SCO", "--format", "json"]).output)
    assert data["id"] == "ORG:SCO" and any(s["city"] == "Tianjin" for s in data["summits"])
    missing = runner.invoke(main, ["kb", "show", "Qwxyzzy Plonk"])
    assert missing.exit_code != 0 and "nothing called" in missing.output


def test_cli_bad_override_is_one_line() -> None:
    result = CliRunner().invoke(main, ["kb", "--kb", str(FIXTURES / "broken.yaml"),
                                       "show", "Raisi"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "broken.yaml" in result.output


def test_cli_import_and_sources(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "import", str(FIXTURES / "wikidata_dump.json"),
                                  "--out", str(tmp_path)])
    assert result.exit_code == 0 and "1 people" in result.output
    assert (tmp_path / "wikidata.yaml").exists()
    assert "ODbL" in runner.invoke(main, ["kb", "sources"]).output


def test_seed_aliases_find_their_person(kb: KB, shared: Path) -> None:
    actors = json.loads((shared / "gold" / "seeds.json").read_text())["actors"]
    role_phrase = ("the ", "his ", "iran's ")
    for name, info in actors.items():
        for alias in [name, *info["aliases"]]:
            if alias.lower().startswith(role_phrase):
                continue  # role phrases are the resolver's job
            found = kb.lookup(alias) or [e for e, _ in kb.fuzzy(alias, limit=1)]
            assert found and found[0].name == kb.lookup(name)[0].name, alias


@pytest.mark.parametrize("cutoff", [80.0, 90.0])
def test_ratio_matches_scores_as_all_choices_would(kb: KB, cutoff: float) -> None:
    """Only names of a length that can reach the cutoff are scored (a speed-up): the
    best ones, their scores and their order are those of scoring every name."""
    from rapidfuzz import fuzz, process

    ix = kb._ix
    queries = ["putin vladimir", "erdogan recep tayyip", "raisi ebrahim", "xi", "ab",
               "blinken antony j", ix.sorted_choices[0], ix.sorted_choices[-1]]
    for query in queries:
        every = process.extract(query, ix.sorted_choices, scorer=fuzz.ratio, limit=100,
                                score_cutoff=cutoff)
        assert ix.ratio_matches(query, cutoff=cutoff, limit=100) == [
            (score, pos) for _c, score, pos in every]
    assert ix.ratio_matches("putin vladimir", cutoff=cutoff, limit=100)


def test_fuzzy_with_a_higher_cutoff_keeps_the_best_of_the_lower(kb: KB) -> None:
    low = [(e.id, s) for e, s in kb.fuzzy("Ibrahim Raisy", kinds=("person",), limit=5)]
    high = [(e.id, s) for e, s in kb.fuzzy("Ibrahim Raisy", kinds=("person",), limit=5,
                                           cutoff=90.0)]
    assert high and high == [(i, s) for i, s in low if s >= 90.0]
