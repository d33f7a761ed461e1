"""Build helpers for the older, name-keyed sources: CountryInfo leaders, Archigos,
Phoenix/PETRARCH2 actor and agent dictionaries (used by the builder only)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..userfile import norm, role_of_title, slug

if TYPE_CHECKING:
    from .builder import Builder

SRC_CINFO_LEADERS = "CountryInfo leaders by role (Parus Analytics)"
SRC_ARCHIGOS = "Archigos 4.1 (Goemans, Gleditsch and Chiozza)"
SRC_PHOENIX = "Phoenix/PETRARCH2 dictionaries (MIT)"
BODY_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Leaders of these non-country Phoenix prefixes are not tied to one state.
NON_STATE = {"IGO", "NGO", "MNC", "IMG", "UIS", "NGM"}
# Aliases like "PRIME MINISTER VLADIMIR V. PUTIN": the title is the resolver's business.
_TITLED = re.compile(r"^(PRESIDENT|PRIME MINISTER|FOREIGN MINISTER|MINISTER|KING|QUEEN|"
                     r"GENERAL|GEN\.|DR\.?|MR\.?|MRS\.?|[A-Z]+ (PRESIDENT|PRIME MINISTER|"
                     r"FOREIGN MINISTER|MINISTER|LEADER)) ")
ARCHIGOS_LAST_YEAR = "2016"  # only terms before the snapshots start are useful


def _title(name: str) -> str:
    """"VLADIMIR V. PUTIN" -> "Vladimir V. Putin" (sources write names in capitals)."""
    name = re.sub(r"\[[^\]]*\]", "", name)  # "ELIZABETH II[>19520206]": a date tag
    return re.sub(r"(?<=[A-Za-z])'([A-Z])", lambda m: "'" + m.group(1).lower(),
                  name.strip().title()).replace("_", " ")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class _PeopleIndex:
    """Finds an existing person of a country by full name or by a shared name."""

    def __init__(self, builder: Builder) -> None:
        self.builder = builder
        self.by_last: dict[tuple[str, str], list[str]] = defaultdict(list)
        for e in builder.entities.values():
            if e["kind"] == "person" and e["country"]:
                self.add(e["id"], e["name"], e["country"])

    def add(self, eid: str, name: str, country: str) -> None:
        tokens = norm(name).split()
        if tokens:
            self.by_last[(tokens[-1], country)].append(eid)

    def find(self, name: str, country: str, aliases: list[str] = ()) -> str | None:
        for candidate in [name, *aliases]:
            found = self.builder.person_id(candidate, country)
            if found:
                return found
        tokens = set(norm(name).split())
        if not tokens:
            return None
        words = norm(name).split()
        for eid in self.by_last.get((words[-1], country), []):
            known_words = norm(self.builder.entities[eid]["name"]).split()
            known = set(known_words)
            # "George W. Bush" is "George Bush" and "Samdech Hun Sen" "Hun Sen"; "Kim
            # Jong Il" is not "Kim Il": a name ending in a short romanized syllable
            # shares it with many others, so only a title before it keeps it the same
            if len(known) >= 2 and known <= tokens and (
                    len(words[-1]) > 3 or words[-len(known_words):] == known_words):
                return eid
        return None


def add_countryinfo_leaders(builder: Builder, sources: Path) -> None:
    people = _PeopleIndex(builder)
    path = sources / "countryinfo_parus/countryinfo_leaders_by_role.csv"
    for row in _read(path):
        country = row["iso3"] if row["iso3"] in builder.countries else None
        if country is None or not row["name"]:
            continue
        name = _title(row["name"])
        aliases = [_title(a) for a in row["aliases"].split("|") if a]
        pid = people.find(name, country, aliases)
        if pid is None:
            pid = f"P:{country}:{slug(name)}"
            people.add(pid, name, country)
        builder.add_entity(pid, name, "person", country=country, sector="GOV",
                           aliases=aliases, source=SRC_CINFO_LEADERS)
        builder.add_term("cinfo", person_id=pid, country=country,
                         role=role_of_title(row["role"].split("(")[0]),
                         start=row["start"] or None, end=row["end"] or None,
                         source=SRC_CINFO_LEADERS)


def _archigos_name(uri: str) -> str | None:
    m = re.search(r"dbpedia\.org_resource_([^&]+)", uri)
    if not m:
        return None
    raw = m.group(1)
    raw = re.sub(r"-([0-9A-F]{2})", lambda h: bytes.fromhex(h.group(1)).decode("latin-1"), raw)
    return re.sub(r"\s*\(.*\)$", "", raw.replace("_", " ")).strip() or None


def add_archigos(builder: Builder, sources: Path) -> None:
    """Effective leaders (role "leader") before the Wikidata snapshots start."""
    people = _PeopleIndex(builder)
    for row in _read(sources / "archigos/archigos_4.1.csv"):
        iso3 = builder.iso3(row["idacr"]) if row["idacr"] in builder.countries else None
        if iso3 is None or row["enddate"] >= ARCHIGOS_LAST_YEAR:
            continue
        name = _archigos_name(row.get("dbpediauri", "")) or row["leader"]
        pid = people.find(name, iso3, [row["leader"]] if " " in row["leader"] else [])
        if pid is None:
            pid = f"P:{iso3}:{slug(name)}"
            people.add(pid, name, iso3)
        builder.add_entity(pid, name, "person", country=iso3, sector="GOV",
                           aliases=[row["leader"]] if " " in row["leader"] else [],
                           source=SRC_ARCHIGOS)
        builder.add_term("archigos", person_id=pid, country=iso3, role="leader",
                         start=row["startdate"] or None, end=row["enddate"] or None,
                         source=SRC_ARCHIGOS)


def add_phoenix(builder: Builder, sources: Path) -> None:
    """People (aliases), government bodies, groups and organizations from Phoenix."""
    people = _PeopleIndex(builder)
    org_by_name = {norm(n): e["id"] for e in builder.entities.values()
                   if e["kind"] in ("organization", "body", "group")
                   for n in [e["name"], *e["aliases"]]}
    rows = _read(sources / "petrarch2/phoenix_actors_flat.csv")
    for row in rows:
        actor, code = row["actor"].strip(), row["code"].strip()
        if not actor or not code:
            continue
        prefix, sector = code[:3], code[3:6] or None
        if prefix == "MNC":
            continue  # multinational companies: outside the KB's scope, and 20% of its size
        country = prefix if prefix in builder.countries else None
        aliases = [_title(a) for a in row["aliases"].split("|")
                   if a.strip() and not _TITLED.match(a)]
        name = _title(actor)
        is_person = bool(row["start"] or row["end"]) or "CountryInfo" in row["comment"]
        if row["source_file"].startswith("Phoenix.Countries") and len(code) == 3 \
                and code in builder.countries and not is_person:
            # A country entry ("RUSSIAN FEDERATION", "IRAQI KURDISTAN", "LEIPZIG").
            _add_regions(builder, code, [actor, *row["aliases"].split("|")])
            continue
        if is_person:
            pid = people.find(name, country, aliases) if country else None
            if pid is None:
                pid = f"P:{country or prefix}:{slug(name)}"
                if country:
                    people.add(pid, name, country)
            builder.add_entity(pid, name, "person", country=country,
                               sector=sector if country else prefix, aliases=aliases,
                               source=SRC_PHOENIX)
            continue
        eid = org_by_name.get(norm(actor)) or next(
            (org_by_name[norm(a)] for a in aliases if norm(a) in org_by_name), None)
        if eid is None:
            if country:
                kind = "body" if sector in BODY_SECTORS else "group"
            else:
                kind = "group" if prefix in {"IMG", "UIS"} else "organization"
            eid = f"X:{code[:6]}:{slug(name)}"
            org_by_name[norm(actor)] = eid
            builder.add_entity(eid, name, kind, country=country,
                               sector=sector if country else prefix, aliases=aliases,
                               source=SRC_PHOENIX)
        else:
            builder.add_entity(eid, builder.entities[eid]["name"],
                               builder.entities[eid]["kind"], aliases=[name, *aliases],
                               source=SRC_PHOENIX)


_NOT_A_REGION = re.compile(r"republic|soviet|kingdom|[()]|people|empire|state of|wall of")


def _add_regions(builder: Builder, iso3: str, aliases: list[str]) -> None:
    """A Phoenix country entry lists nationality words, cities, provinces and landmarks;
    what CountryInfo does not already know as a name or city is taken as a region."""
    if iso3 not in builder.countries:
        return
    for alias in aliases:
        key = norm(alias)
        if (not key or len(key) < 4 or _NOT_A_REGION.search(key)
                or key in builder._country_by_name or (key, iso3) in builder.places):
            continue
        builder.add_place(_title(alias).strip("- "), iso3, "region", SRC_PHOENIX)


_AGENT = re.compile(r"^([^#\[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]{3})[A-Z]*\]")


def read_sectors(path: Path) -> dict[str, str]:
    """Role word -> sector from Phoenix.agents.txt ("PRESIDENT [~GOV]")."""
    macros: dict[str, list[str]] = {}
    sectors: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = _AGENT.match(line)
        if not m:
            continue
        words = [m.group(1)]
        if m.group(2) and m.group(2).strip("{} "):
            words.append(m.group(2).strip("{} "))
        for macro, values in macros.items():
            words = [w.replace(macro, v) for w in words
                     for v in (values if macro in w else [macro])]
        for word in words:
            key = norm(word.replace("_", " "))
            if key and "!" not in word:
                sectors.setdefault(key, m.group(3))
    return sectors
