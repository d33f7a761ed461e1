"""Officials 2009-2021 in the bundled KB (curated_officials.yaml): ministers, advisers,
envoys and the heads of government the raw sources miss; the summits and venues of
those years. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.kb import KB
from newsgraph.kb.build.builder import DATA_DIR, curated_files
from newsgraph.model import Event


def _holder(kb: KB, country: str, role: str, on: str) -> list[str]:
    return [t.person_name for t in kb.holders(country, role, on)]


@pytest.mark.parametrize("country, role, on, name", [
    ("USA", "foreign_minister", "2014-06-01", "John Kerry"),
    ("USA", "foreign_minister", "2017-06-01", "Rex Tillerson"),
    ("USA", "foreign_minister", "2019-06-01", "Mike Pompeo"),
    ("USA", "defence_minister", "2018-06-01", "Jim Mattis"),
    ("USA", "defence_minister", "2020-06-01", "Mark Esper"),
    ("USA", "national_security_adviser", "2018-06-01", "John Bolton"),
    ("RUS", "foreign_minister", "2016-06-01", "Sergey Lavrov"),
    ("CHN", "foreign_minister", "2016-06-01", "Wang Yi"),
    ("PRK", "foreign_minister", "2018-06-01", "Ri Yong-ho"),
    ("KOR", "foreign_minister", "2018-06-01", "Kang Kyung-wha"),
    ("JPN", "foreign_minister", "2018-06-01", "Taro Kono"),
    ("JPN", "prime_minister", "2016-06-01", "Shinzo Abe"),
    ("IRN", "foreign_minister", "2015-07-14", "Mohammad Javad Zarif"),
    ("TUR", "foreign_minister", "2019-06-01", "Mevlüt Çavuşoğlu"),
    ("GBR", "prime_minister", "2018-06-01", "Theresa May"),
    ("UKR", "president", "2016-06-01", "Petro Poroshenko"),
    ("MEX", "president", "2017-06-01", "Enrique Peña Nieto"),
    ("ITA", "prime_minister", "2017-06-01", "Paolo Gentiloni"),
    ("AUS", "prime_minister", "2016-06-01", "Malcolm Turnbull"),
    ("IRQ", "prime_minister", "2016-06-01", "Haider al-Abadi"),
    ("HUN", "prime_minister", "2016-06-01", "Viktor Orbán"),
    ("GBR", "foreign_minister", "2017-06-01", "Boris Johnson"),
])
def test_office_holders_2009_2021(kb: KB, country: str, role: str, on: str,
                                  name: str) -> None:
    assert _holder(kb, country, role, on) == [name]


def test_every_official_row_names_its_source(kb: KB) -> None:
    pompeo = kb.lookup("Mike Pompeo")[0]
    assert pompeo.country == "USA" and pompeo.kind == "person"
    terms = kb.terms(pompeo.id)
    assert {t.role for t in terms} == {"cia_director", "foreign_minister"}
    assert all(t.source.startswith("public record") for t in terms)
    assert [p.name for p in curated_files(DATA_DIR)][:2] == [
        "curated.yaml", "curated_officials.yaml"]


def test_envoys_and_party_officials_are_their_state_s_people(kb: KB) -> None:
    for name, country in [("Kim Yong-chol", "PRK"), ("Kim Yo-jong", "PRK"),
                          ("Chung Eui-yong", "KOR"), ("Stephen Biegun", "USA"),
                          ("Kim Yo Jong", "PRK")]:
        people = [e for e in kb.lookup(name) if e.kind == "person"]
        assert people and people[0].country == country, name


def test_a_bare_surname_is_the_head_of_state_first(kb: KB) -> None:
    # Kim Yong-chol and Kim Yo-jong took office later than Kim Jong-un, but "Kim" alone
    # reads the heads first (the date then picks among them)
    names = [e.name for e in kb.lookup("Kim")]
    assert names.index("Kim Jong-un") < names.index("Kim Yong-chol")
    assert names.index("Kim Jong-un") < names.index("Kim Yo-jong")


def test_summits_2009_2021_with_host_city(kb: KB) -> None:
    nato = {s.start: s.city for s in kb.summits(org="NATO", year=2018)}
    assert nato == {"2018-07-11": "Brussels"}
    assert [s.city for s in kb.summits(org="APEC", year=2017)] == ["Da Nang"]
    assert [s.city for s in kb.summits(org="EAS", year=2017)] == ["Manila"]
    assert len([s for s in kb.summits(org="ASEAN") if "2009" <= s.start < "2022"]) == 24


def test_venue_aliases_report_the_place_s_name(kb: KB) -> None:
    assert kb.place("Panmunjeom").name == "Panmunjom"
    assert kb.place("Sentosa Island").name == "Singapore"
    assert kb.place("Oval Office").name == "Washington"
    assert kb.place("Danang").country == "VNM"


def _consult(pipeline, text: str, published: str) -> list[Event]:
    return [e for e in pipeline.process_text(text, published=published).events
            if e.type == "CONSULT"]


def test_a_secretary_of_state_meets_a_foreign_minister(pipeline) -> None:
    text = ("Secretary of State Mike Pompeo met Foreign Minister Taro Kono in Tokyo on "
            "Monday to talk about trade.")
    events = _consult(pipeline, text, "2018-07-10")
    assert events
    people = {a.name: a for e in events for a in e.actor + e.recipient}
    assert people["Mike Pompeo"].country == "USA" and people["Mike Pompeo"].sector == "GOV"
    assert people["Taro Kono"].country == "JPN"


def test_an_official_out_of_office_is_no_longer_government(pipeline) -> None:
    # the same man in 2022, after his term: an elite, not the government
    doc = pipeline.process_text("Mike Pompeo met Taro Kono in Tokyo on Monday.",
                                published="2022-07-11")
    pompeo = [m.actor for m in doc.mentions if m.actor and m.actor.name == "Mike Pompeo"]
    assert pompeo and pompeo[0].sector == "ELI"


def test_a_venue_in_a_capital_is_placed_in_the_capital(pipeline) -> None:
    doc = pipeline.process_text("The two presidents met in the Oval Office on Tuesday.",
                                published="2018-05-23")
    places = [m.place for m in doc.mentions if m.place is not None]
    assert [(p.name, p.country) for p in places] == [("Washington", "USA")]


@pytest.mark.parametrize("text, published, parties", [
    ("The U.S. secretary of state met the Japanese foreign minister in Tokyo on Monday.",
     "2018-07-10", {"Mike Pompeo", "Taro Kono"}),
    ("The U.S. defense secretary met his Chinese counterpart in Beijing on Tuesday.",
     "2018-06-27", {"Jim Mattis", "Wei Fenghe"}),
    ("The South Korean foreign minister met the North Korean foreign minister in "
     "Singapore on Friday.", "2018-08-04", {"Kang Kyung-wha", "Ri Yong-ho"}),
])
def test_role_phrases_resolve_to_the_office_holder_of_the_day(pipeline, text: str,
                                                              published: str,
                                                              parties: set[str]) -> None:
    events = _consult(pipeline, text, published)
    assert [{a.name for a in e.actor + e.recipient} for e in events] == [parties]


def test_bilateral_summits_keep_their_parties(kb: KB) -> None:
    helsinki = [s for s in kb.summits(city="Helsinki") if s.start == "2018-07-16"]
    assert [set(s.parties) for s in helsinki] == [{"USA", "RUS"}]


def test_a_rebuild_gives_the_bundled_files(shared, tmp_path) -> None:
    # the bundled files are what the builder makes of the sources and curated files
    # (a field the reader drops, like a summit's parties, would show here)
    from newsgraph.kb.build.builder import build

    out = tmp_path / "kb"
    build(shared / "kb_sources", out=out, curated=curated_files(DATA_DIR))
    for name in ("entities", "terms", "places", "summits", "countries"):
        made, bundled = out / f"{name}.jsonl", DATA_DIR / f"{name}.jsonl"
        assert made.read_bytes() == bundled.read_bytes(), name


def test_a_name_ending_in_a_short_syllable_is_not_merged_into_a_shorter_one(kb):
    # "Kim Jong-il" (leader 1994-2011) is not "Kim Il" (premier in the 1970s), though
    # every word of the one is in the other
    jong_il = kb.lookup("Kim Jong-il")
    assert [e.name for e in jong_il] == ["Kim Jong-il"]
    assert all(e.id != kb.lookup("Kim Il")[0].id for e in jong_il)
    assert any(t.role == "leader" and t.start.startswith("1994") for t in kb.terms(jong_il[0].id))
