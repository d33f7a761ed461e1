"""The knowledge base's records: what a country, place, person, organization, term of
office and summit are. Every record carries `source`, naming where the fact came from."""

from __future__ import annotations

from dataclasses import dataclass

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
    # other names news gives the same place ("Panmunjeom"; a venue in it, "Sentosa"):
    # looked up like the name, reported as the name
    aliases: tuple[str, ...] = ()


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
    # a bilateral leaders' summit: its two states (ISO alpha-3); () for a body's summit
    parties: tuple[str, ...] = ()
