"""The knowledge base: countries, places, people with their offices and terms,
organizations with members, government bodies, recurring summits.

INTERFACE CONTRACT (other stages rely on exactly these names; the KB helper
implements them; bodies marked TODO are to be written):

- `KB.load(*, overrides=())` -> KB: the bundled data files in newsgraph/data/kb/ plus
  user override files (YAML or CSV). Cached per process for the same overrides.
- `kb.country(text)` -> Country | None: by ISO alpha-3/alpha-2 code, common/official
  name, alternate spelling ("Türkiye", "Turkey", "Britain", "UK"), demonym / adjective
  ("Russian", "Iranian", "British"), case-insensitive.
- `kb.capital_of(text)` -> Country | None: "Moscow" -> RUS, "Tehran" -> IRN (for
  metonymy: the resolver decides whether a capital is a place or a government).
- `kb.place(text)` -> Place | None: a city/capital/province with its country
  ("Tianjin" -> CHN, "Samarkand" -> UZB, "Astana" -> KAZ, "Ashgabat" -> TKM).
- `kb.lookup(text)` -> list[Entity]: people, organizations, government bodies whose
  name or alias matches `text` exactly after normalization (case, accents, hyphens,
  "Ibrahim"/"Ebrahim" style variants are the fuzzy step's job). Single surnames
  ("Putin") match people whose last name it is; the resolver disambiguates by date.
- `kb.fuzzy(text, *, kinds=None, limit=5)` -> list[tuple[Entity, float]]: rapidfuzz
  matches (score 0-100) over names and aliases.
- `kb.entity(id)` -> Entity | None.
- `kb.holders(country, role, on)` -> list[Term]: who held `role` in `country` (ISO
  alpha-3) on date `on` (YYYY-MM-DD). Roles: "head_of_state", "head_of_government",
  "president", "prime_minister", "foreign_minister", "supreme_leader", "king", ...
  Acting holders included (Term.acting True).
- `kb.terms(person_id)` -> list[Term]: every office the person held, with dates.
- `kb.summits(*, org=None, city=None, country=None, year=None)` -> list[Summit]:
  recurring summits ("SCO", "BRICS", "G20", "G7", ...) with start/end dates and host.
- `kb.org(text)` -> Entity | None: organizations by name or acronym ("SCO",
  "Shanghai Cooperation Organization", "EAEU", "Eurasian Economic Union", "BRICS").
- `kb.body(text, *, country=None)` -> Entity | None: government bodies ("the
  Kremlin" -> Russian presidency, "the White House", "foreign ministry" of a country).
- `kb.sector_of_role(word)` -> str | None: "president" -> "GOV", "army" -> "MIL",
  "rebels" -> "REB" (from Phoenix agents).
- `kb.sources()` -> list[dict]: the data sources with license and attribution.

Every Entity/Term/Summit carries `source` naming where the fact came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Actor


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str  # common English name ("Iran", "Russia", "United Kingdom")
    iso2: str | None = None
    qid: str | None = None
    capital: str | None = None
    demonyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = ""

    def actor(self) -> Actor:
        return Actor(id=self.iso3, name=self.name, kind="country", country=self.iso3,
                     sector=None)


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO alpha-3
    kind: str = "city"  # city | capital | region
    source: str = ""


@dataclass(frozen=True)
class Entity:
    id: str  # Wikidata QID where known, else a stable local id
    name: str  # canonical English name
    kind: str  # person | organization | group | body
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # for organizations: ISO alpha-3 codes
    source: str = ""

    def actor(self) -> Actor:
        kind = "organization" if self.kind == "body" else self.kind
        return Actor(id=self.id, name=self.name, kind=kind, country=self.country,
                     sector=self.sector)


@dataclass(frozen=True)
class Term:
    person_id: str
    person_name: str
    country: str  # ISO alpha-3 (or an org id for heads of organizations)
    role: str
    start: str | None  # YYYY-MM-DD (or YYYY-MM / YYYY when only that is known)
    end: str | None  # None = still in office (as far as the KB knows)
    acting: bool = False
    source: str = ""


@dataclass(frozen=True)
class Summit:
    org: str  # "SCO", "BRICS", "G20", ...
    name: str  # "SCO summit"
    start: str  # YYYY-MM-DD
    end: str  # YYYY-MM-DD
    city: str | None = None
    country: str | None = None  # ISO alpha-3
    verified: bool = False
    source: str = ""


@dataclass
class KB:
    countries: list[Country] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    terms_: list[Term] = field(default_factory=list)
    summits_: list[Summit] = field(default_factory=list)

    @classmethod
    def load(cls, *, overrides: object = ()) -> KB:  # TODO(kb)
        return cls()

    def country(self, text: str) -> Country | None:  # TODO(kb)
        return None

    def capital_of(self, text: str) -> Country | None:  # TODO(kb)
        return None

    def place(self, text: str) -> Place | None:  # TODO(kb)
        return None

    def lookup(self, text: str) -> list[Entity]:  # TODO(kb)
        return []

    def fuzzy(self, text: str, *, kinds: tuple[str, ...] | None = None,
              limit: int = 5) -> list[tuple[Entity, float]]:  # TODO(kb)
        return []

    def entity(self, id: str) -> Entity | None:  # TODO(kb): index
        return next((e for e in self.entities if e.id == id), None)

    def holders(self, country: str, role: str, on: str) -> list[Term]:  # TODO(kb): index
        return [t for t in self.terms_ if t.country == country and t.role == role
                and (t.start is None or t.start <= on) and (t.end is None or on <= t.end)]

    def terms(self, person_id: str) -> list[Term]:  # TODO(kb): index
        return [t for t in self.terms_ if t.person_id == person_id]

    def summits(self, *, org: str | None = None, city: str | None = None,
                country: str | None = None, year: int | None = None) -> list[Summit]:
        # TODO(kb): index, case-insensitive names
        return [s for s in self.summits_
                if (org is None or s.org == org) and (city is None or s.city == city)
                and (country is None or s.country == country)
                and (year is None or s.start[:4] == str(year))]

    def org(self, text: str) -> Entity | None:  # TODO(kb)
        return None

    def body(self, text: str, *, country: str | None = None) -> Entity | None:  # TODO(kb)
        return None

    def sector_of_role(self, word: str) -> str | None:  # TODO(kb)
        return None

    def sources(self) -> list[dict[str, str]]:  # TODO(kb)
        return []
