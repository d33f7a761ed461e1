"""Build the bundled knowledge base (newsgraph/data/kb/*.jsonl) from the raw sources.

    python -m newsgraph.kb.build --sources ../shared/kb_sources

Reads the folders described in kb_sources/README.md plus the hand-curated facts in
newsgraph/data/kb/curated.yaml and curated_*.yaml (curated_officials.yaml: ministers,
advisers and envoys 2009-2021), in that order, in the format of a user KB file, every
row with its source. People are keyed by Wikidata QID where a source gives one; when
two sources give the same office, the more trusted one wins (curated > open_data_archive >
everypolitician exact dates > Wikidata snapshots > CountryInfo > Archigos), and terms
of lower-ranked sources are kept only where they do not overlap. Output is sorted, so a
rebuild from the same sources gives the same files.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..userfile import Patch, date_ceil, date_floor, norm, read_user_file, role_of_title
from .phoenix import add_archigos, add_countryinfo_leaders, add_phoenix, read_sectors

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "kb"

SRC_MLEDOZE = "mledoze/countries (ODbL 1.0)"
SRC_NGEC = "ngec countries.csv"
SRC_CINFO = "CountryInfo (Parus Analytics)"
SRC_PHOENIX = "Phoenix/PETRARCH2 dictionaries (MIT)"
SRC_ODA = "open_data_archive world leaders 2026-08-22 (CC BY-SA 4.0)"
SRC_EP_FM = "Wikidata via everypolitician, foreign ministers 2023-01 (CC0)"
SRC_EP_SNAP = "Wikidata snapshots 2021-2024 via everypolitician (CC0)"
SRC_EP_IRN = "Wikidata via everypolitician, Iran cabinet 2022-07 (CC0)"
SRC_EP_ORG = "Wikidata via everypolitician, international officeholders (CC0)"
SRC_SEED = "seed_io_summits"

# Term sources from most to least trusted (see module docstring).
RANK = {"curated": 0, "oda": 1, "ep_exact": 2, "ep_snap": 3, "cinfo": 4, "archigos": 5}

ORG_OFFICES = {
    "Secretary-General of the United Nations": ("ORG:UN", "secretary_general"),
    "Deputy Secretary-General of the United Nations": ("ORG:UN", "deputy_secretary_general"),
    "Director-General of the World Trade Organization": ("ORG:WTO", "director_general"),
    "President of the United Nations General Assembly": ("ORG:UNGA", "president"),
    "President of the International Court of Justice": ("ORG:ICJ", "president"),
    "OSCE High Commissioner on National Minorities": ("ORG:OSCE",
                                                      "high_commissioner_national_minorities"),
}
SOURCES = [
    {"name": "mledoze/countries", "license": "ODbL 1.0",
     "attribution": "Country data from mledoze/countries (https://github.com/mledoze/"
                    "countries), Open Database License 1.0"},
    {"name": "Wikidata via everypolitician", "license": "CC0 1.0",
     "attribution": "Office holders from Wikidata (snapshots gathered by everypolitician)"},
    {"name": "open_data_archive world leaders", "license": "CC BY-SA 4.0",
     "attribution": "World leaders snapshot 2026-08-22, open data archive, CC BY-SA 4.0"},
    {"name": "CountryInfo (Parus Analytics)", "license": "public release, no license file",
     "attribution": "CountryInfo.txt, Parus Analytics / Computational Event Data System"},
    {"name": "Phoenix/PETRARCH2 dictionaries", "license": "MIT",
     "attribution": "Phoenix actor and agent dictionaries, Open Event Data Alliance (MIT)"},
    {"name": "Archigos 4.1", "license": "academic use",
     "attribution": "Goemans, Gleditsch and Chiozza (2009), Introducing Archigos, "
                    "Journal of Peace Research 46(2)"},
    {"name": "ngec countries", "license": "no license file",
     "attribution": "Nationality words from the ngec country list"},
    {"name": "seed_io_summits", "license": "project data",
     "attribution": "Compiled for newsgraph; rows marked verified were checked"},
    {"name": "newsgraph curated facts", "license": "MIT (project)",
     "attribution": "newsgraph/data/kb/curated.yaml: public record, each row sourced"},
]
# Source texts that repeat on thousands of rows are written as "@n" in the bundled
# files (expanded by the loader): a quarter of entities.jsonl otherwise.
SOURCE_TAGS = [SRC_PHOENIX, SRC_EP_SNAP, SRC_EP_FM, SRC_EP_IRN, SRC_EP_ORG, SRC_ODA,
               "CountryInfo leaders by role (Parus Analytics)",
               "Archigos 4.1 (Goemans, Gleditsch and Chiozza)"]
# open_data_archive rows known to be wrong: Saudi Arabia's head_of_state row names the
# crown prince and prime minister (its local title says prime minister) as King; the EU
# Commission president's row gives Viktor Orbán's QID (and party) to Ursula von der
# Leyen, which made her Hungary's prime minister (curated_officials.yaml has her term).
ODA_ERRATA = {("saudi_arabia", "head_of_state"), ("european_union", "head_of_government")}
ODA_ORGS = {"african_union": "ORG:AU", "european_union": "ORG:EU"}
# Parts of a state with a minister for external affairs of their own, whose names are
# also the state's aliases ("Scotland" -> GBR): their ministers are not the state's.
SUBNATIONAL = frozenset({"scotland", "wales", "england", "northern ireland"})


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


class Builder:
    def __init__(self, sources: Path) -> None:
        self.src = sources
        self.countries: dict[str, dict[str, Any]] = {}
        self.places: dict[tuple[str, str], dict[str, Any]] = {}
        self.entities: dict[str, dict[str, Any]] = {}
        # (person, country, role) -> [(rank, term)]
        self.terms: dict[tuple[str, str, str], list[tuple[int, dict[str, Any]]]] = (
            defaultdict(list))
        self.summits: list[dict[str, Any]] = []
        self.sectors: dict[str, str] = {}
        self._country_by_name: dict[str, str] = {}
        self._person_by_name: dict[tuple[str, str], str] = {}

    # -- helpers used by the source readers -------------------------------------------

    def iso3(self, name: str) -> str | None:
        """A country code from a name or code as the sources write it."""
        key = norm(name)
        return self._country_by_name.get(key) or (name if name in self.countries else None)

    def add_place(self, name: str, country: str, kind: str, source: str,
                  aliases: Iterable[str] = ()) -> None:
        name = name.strip()
        if not name or country not in self.countries:
            return
        key = (norm(name), country)
        order = ["capital", "city", "region", "place"]
        old = self.places.get(key)
        if old is None or order.index(kind) < order.index(old["kind"]):
            self.places[key] = {"name": name, "country": country, "kind": kind,
                                "source": source if old is None else old["source"],
                                "aliases": old.get("aliases", []) if old else []}
        place = self.places[key]
        for alias in aliases:
            if norm(alias) != key[0] and alias not in place.setdefault("aliases", []):
                place["aliases"].append(alias)
                if source not in place["source"]:
                    place["source"] += f"; {source}"

    def add_entity(self, eid: str, name: str, kind: str, *, country: str | None = None,
                   sector: str | None = None, aliases: Iterable[str] = (),
                   members: Iterable[str] = (), source: str) -> str:
        """Add or enrich an entity; returns its id. The first source to name it wins."""
        name = name.strip() or eid  # a Wikidata item without an English label
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = {"id": eid, "name": name, "kind": kind,
                                        "country": country, "sector": sector,
                                        "aliases": [], "members": [], "source": source}
        else:
            ent["country"] = ent["country"] or country
            ent["sector"] = ent["sector"] or sector
            if source not in ent["source"].split("; "):
                ent["source"] += f"; {source}"
        known = {norm(ent["name"])} | {norm(a) for a in ent["aliases"]}
        for alias in [name, *aliases]:
            if alias and norm(alias) not in known and norm(alias):
                ent["aliases"].append(alias)
                known.add(norm(alias))
        ent["members"] = sorted(set(ent["members"]) | set(members))
        if kind == "person" and country:
            self._person_by_name.setdefault((norm(name), country), eid)
            for alias in aliases:
                self._person_by_name.setdefault((norm(alias), country), eid)
        return eid

    def person_id(self, name: str, country: str) -> str | None:
        return self._person_by_name.get((norm(name), country))

    def add_term(self, rank: str, *, person_id: str, country: str, role: str,
                 start: str | None, end: str | None, source: str, acting: bool = False,
                 current: bool = False) -> None:
        name = self.entities[person_id]["name"]
        self.terms[(person_id, country, role)].append((RANK[rank], {
            "person_id": person_id, "person_name": name, "country": country, "role": role,
            "start": start or None, "end": end or None, "acting": acting, "source": source,
            "_current": current}))

    # -- sources ----------------------------------------------------------------------

    def read_countries(self) -> None:
        data = json.loads((self.src / "mledoze_countries/countries.json").read_text("utf-8"))
        for c in data:
            iso3 = c["cca3"]
            dem = c.get("demonyms", {}).get("eng", {})
            aliases = [c["name"]["official"]] + [
                a for a in c.get("altSpellings", []) if not re.fullmatch(r"[A-Z]{2}", a)]
            self.countries[iso3] = {
                "iso3": iso3, "name": c["name"]["common"], "iso2": c.get("cca2") or None,
                "qid": None, "capital": (c.get("capital") or [None])[0],
                "demonyms": sorted({d for d in (dem.get("m"), dem.get("f")) if d}),
                "aliases": aliases, "source": SRC_MLEDOZE}
            for cap in c.get("capital") or []:
                self.places[(norm(cap), iso3)] = {"name": cap, "country": iso3,
                                                  "kind": "capital", "source": SRC_MLEDOZE}
        for row in read_csv(self.src / "ngec/countries.csv"):
            country = self.countries.get(row["CCA3"])
            if country is None:
                continue
            for word in row["Nationality"].split(","):
                word = word.strip()
                target = "demonyms" if " " not in word else "aliases"
                if word and word not in country[target]:
                    country[target].append(word)
            country["source"] += f"; {SRC_NGEC}"
        self._index_countries()

    def _index_countries(self) -> None:
        self._country_by_name = {}
        for rank in ("name", "aliases", "demonyms"):
            for iso3, c in sorted(self.countries.items()):
                values = [c[rank]] if rank == "name" else c[rank]
                for v in values:
                    self._country_by_name.setdefault(norm(v), iso3)
        for iso3 in self.countries:
            self._country_by_name.setdefault(norm(iso3), iso3)

    def read_countryinfo_countries(self) -> None:
        for row in read_csv(self.src / "countryinfo_parus/countryinfo_countries.csv"):
            iso3 = row["iso3"]
            country = self.countries.get(iso3)
            if country is None:
                continue
            known = {norm(a) for a in country["aliases"] + country["demonyms"]}
            for form in row["nationality_forms"].split("|"):
                if form and norm(form) not in known and len(form) > 3:
                    country["aliases"].append(form.title())
                    known.add(norm(form))
            for cap in row["capital"].split("|"):
                self.add_place(cap.title(), iso3, "capital", SRC_CINFO)
            for city in row["major_cities"].split("|"):
                self.add_place(city.title(), iso3, "city", SRC_CINFO)
            if SRC_CINFO not in country["source"]:
                country["source"] += f"; {SRC_CINFO}"

    def read_open_data_archive(self) -> None:
        path = self.src / "open_data_archive_world_leaders/world_leaders_current_2026-08-22.csv"
        for row in read_csv(path):
            country = ODA_ORGS.get(row["entity"]) or self.iso3(row["country_en"])
            if country is None or not row["wikidata_id"] or (
                    row["entity"], row["role"]) in ODA_ERRATA:
                continue
            aliases = [row["name_local"]] if row["name_local"] else []
            pid = self.add_entity(row["wikidata_id"], row["name_en"], "person",
                                  country=None if country.startswith("ORG:") else country,
                                  sector="GOV", aliases=aliases, source=SRC_ODA)
            self.add_term("oda", person_id=pid, country=country,
                          role=role_of_title(row["title_en"]), start=row["since"], end=None,
                          source=SRC_ODA, current=True)

    def read_everypolitician(self) -> None:
        ep = self.src / "everypolitician_world_leaders"
        for row in read_csv(ep / "foreign_ministers_current_2023-01.csv"):
            country = self.iso3(row["countryLabel"])
            if not row["person"] or country is None or norm(row["countryLabel"]) in SUBNATIONAL:
                continue
            pid = self.add_entity(row["person"], row["name"], "person", country=country,
                                  sector="GOV", source=SRC_EP_FM)
            self.add_term("ep_exact", person_id=pid, country=country, role="foreign_minister",
                          start=row["start"], end=None, source=SRC_EP_FM)
        for row in read_csv(ep / "iran_cabinet_wikidata_2022-07.csv"):
            pid = self.add_entity(row["wdid"], row["wdLabel"], "person", country="IRN",
                                  sector="GOV", aliases=[row["name"]], source=SRC_EP_IRN)
            role = role_of_title(row["position"].replace("Honorable ", ""))
            self.add_term("ep_exact", person_id=pid, country="IRN", role=role,
                          start=row["start"], end=None, source=SRC_EP_IRN)
        for row in read_csv(ep / "international_org_officeholders.csv"):
            office = ORG_OFFICES.get(row["position"])
            if office is None or not row["personID"]:
                continue
            pid = self.add_entity(row["personID"], row["person"], "person", sector="GOV",
                                  source=SRC_EP_ORG)
            self.add_term("ep_exact", person_id=pid, country=office[0], role=office[1],
                          start=row["start"], end=row["end"], source=SRC_EP_ORG)
        self._read_snapshots(ep)

    def _read_snapshots(self, ep: Path) -> None:
        rows = list(read_csv(ep / "wikidata_leaders_snapshots_2021_2024.csv"))
        current = {(r["countryid"], r["position"], r["officeholder"])
                   for r in read_csv(ep / "hos_hog_current_2024-10-23.csv")
                   if not r["end_year"]}
        # One row per (position, person): several spellings of a name appear in turns.
        best: dict[tuple[str, str], dict[str, str]] = {}
        for r in sorted(rows, key=lambda r: r["last_seen_snapshot"]):
            best[(r["position_qid"], r["person_qid"])] = r
        for r in best.values():
            country = self.iso3(r["country"])
            if country is None or not r["person_qid"]:
                continue
            pid = self.add_entity(r["person_qid"], r["person"], "person", country=country,
                                  sector="GOV", source=SRC_EP_SNAP)
            still = r["still_current_at_last_snapshot"] == "True" or (
                r["country_qid"], r["position_qid"], r["person_qid"]) in current
            end = r["end_year_latest"] or (None if still else r["last_seen_snapshot"])
            source = SRC_EP_SNAP if still or r["end_year_latest"] else (
                f"{SRC_EP_SNAP}; end: last seen in office {r['last_seen_snapshot']}")
            self.add_term("ep_snap", person_id=pid, country=country,
                          role=role_of_title(r["position"]), start=r["start_year"], end=end,
                          source=source, current=still)
        for r in read_csv(ep / "hos_hog_current_2024-10-23.csv"):
            country = self.iso3(r["country"])
            if country is None or not r["officeholder"]:
                continue
            pid = self.add_entity(r["officeholder"], r["officeholderLabel"], "person",
                                  country=country, sector="GOV", source=SRC_EP_SNAP)
            self.add_term("ep_snap", person_id=pid, country=country,
                          role=role_of_title(r["positionLabel"]), start=r["start_year"],
                          end=r["end_year"], source=SRC_EP_SNAP, current=not r["end_year"])

    def read_seeds(self) -> None:
        seed = self.src / "seed_io_summits"
        members: dict[str, set[str]] = defaultdict(set)
        for row in read_csv(seed / "memberships_seed.csv"):
            if not row["left_or_suspended"]:
                members[row["org"]].add(row["member_iso3"])
        for org, isos in members.items():
            eid = f"ORG:{org}"
            if eid in self.entities:
                self.entities[eid]["members"] = sorted(
                    set(self.entities[eid]["members"]) | isos)
                self.entities[eid]["source"] += f"; members: {SRC_SEED}"
        for row in read_csv(seed / "summits_seed.csv"):
            verified = row["verified"] == "yes"
            label = row["ordinal_or_label"]
            name = f"{row['org']} summit" + (f" ({label})" if label else "")
            source = f"{SRC_SEED}" + (f": {row['verified_source']}" if verified else
                                      " (unverified helper seed)")
            self.summits.append({"org": row["org"], "name": name, "start": row["start_date"],
                                 "end": row["end_date"] or row["start_date"],
                                 "city": row["host_city"] or None,
                                 "country": row["host_country_iso3"] or None,
                                 "verified": verified, "source": source})
            if row["host_city"] and row["host_country_iso3"]:
                self.add_place(row["host_city"], row["host_country_iso3"], "city", SRC_SEED)

    def apply_curated(self, patch: Patch) -> None:
        for c in patch.countries:
            country = self.countries[c["iso3"]]
            for key in ("aliases", "demonyms"):
                country[key] += [a for a in c[key] if a not in country[key]]
            for key in ("name", "iso2", "capital"):
                country[key] = c[key] or country[key]
            country["source"] += f"; extra forms: {c['source']}"
        self._index_countries()
        for p in patch.places:
            self.add_place(p["name"], p["country"], p["kind"], p["source"],
                           aliases=p.get("aliases", ()))
        for e in patch.entities:
            self.add_entity(e["id"], e["name"], e["kind"], country=e["country"],
                            sector=e["sector"], aliases=e["aliases"], members=e["members"],
                            source=e["source"])
        for t in patch.terms:
            self.add_term("curated", person_id=t["person_id"], country=t["country"],
                          role=t["role"], start=t["start"], end=t["end"], acting=t["acting"],
                          source=t["source"], current=t["end"] is None)
        self.summits += patch.summits
        for s in patch.summits:  # a summit's host city is a place news names
            if s["city"] and s["country"]:
                self.add_place(s["city"], s["country"], "city", s["source"])

    # -- merge and write --------------------------------------------------------------

    def merged_terms(self) -> list[dict[str, Any]]:
        kept: list[dict[str, Any]] = []
        for _key, cands in self.terms.items():
            chosen: list[dict[str, Any]] = []
            for _rank, t in sorted(cands, key=lambda rt: (rt[0], -len(rt[1]["start"] or ""))):
                if not any(_overlap(t, c) for c in chosen):
                    chosen.append(t)
            kept += chosen
        _close_open_terms(kept)
        for t in kept:
            del t["_current"]
        return sorted(kept, key=lambda t: (t["country"], t["role"], t["start"] or "",
                                           t["person_id"]))

    def write(self, out: Path) -> dict[str, int]:
        out.mkdir(parents=True, exist_ok=True)
        for c in self.countries.values():
            c["aliases"] = _dedupe(c["aliases"], {norm(c["name"])})
            c["demonyms"] = _dedupe(c["demonyms"], set())
        for e in self.entities.values():
            e["aliases"] = sorted(e["aliases"], key=str.casefold)
        tables = {
            "countries": sorted(self.countries.values(), key=lambda c: c["iso3"]),
            "places": sorted(self.places.values(), key=lambda p: (p["country"], p["name"])),
            "entities": sorted(self.entities.values(), key=lambda e: e["id"]),
            "terms": self.merged_terms(),
            "summits": sorted({(s["org"], s["start"]): s for s in reversed(self.summits)}
                              .values(), key=lambda s: (s["org"], s["start"])),
        }
        tags = {text: f"@{i}" for i, text in enumerate(SOURCE_TAGS)}
        for row in tables["entities"] + tables["terms"]:
            row["source"] = "; ".join(tags.get(part, part) for part in row["source"].split("; "))
        (out / "source_tags.json").write_text(
            json.dumps({f"@{i}": text for i, text in enumerate(SOURCE_TAGS)}, indent=1)
            + "\n", "utf-8")
        for e in tables["entities"]:
            # Lookup keys precomputed: normalizing 100k names at load time costs ~0.5 s.
            e["keys"] = list(dict.fromkeys(k for k in map(norm, [e["name"], *e["aliases"]])
                                           if k))
        for name, rows in tables.items():
            with (out / f"{name}.jsonl").open("w", encoding="utf-8") as f:
                for row in rows:
                    compact = {k: v for k, v in row.items() if v not in (None, [], "", False)}
                    f.write(json.dumps(compact, ensure_ascii=False, sort_keys=False) + "\n")
        (out / "sources.json").write_text(json.dumps(SOURCES, indent=1) + "\n", "utf-8")
        with (out / "sectors.tsv").open("w", encoding="utf-8") as f:
            for word, sector in sorted(self.sectors.items()):
                f.write(f"{word}\t{sector}\n")
        return {name: len(rows) for name, rows in tables.items()} | {
            "sectors": len(self.sectors)}


def _dedupe(values: list[str], seen: set[str]) -> list[str]:
    out = []
    for v in values:
        if norm(v) and norm(v) not in seen:
            seen.add(norm(v))
            out.append(v)
    return out


def _span(t: dict[str, Any]) -> tuple[str, str]:
    return (date_floor(t["start"]) if t["start"] else "0000-01-01",
            date_ceil(t["end"]) if t["end"] else "9999-12-31")


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return a0 < b1 and b0 < a1


def _close_open_terms(terms: list[dict[str, Any]]) -> None:
    """An open term that is not known to be current ends when the next holder of the
    same office starts (sources give first/last-seen snapshots, not end dates)."""
    chains: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for t in terms:
        if t["start"]:
            chains[(t["country"], t["role"])].append(t)
    for chain in chains.values():
        chain.sort(key=lambda t: date_floor(t["start"]))
        for i, t in enumerate(chain):
            if t["end"] and len(t["end"]) == 10 or t["_current"] and not t["end"]:
                continue
            later = [n for n in chain[i + 1:] if n["person_id"] != t["person_id"]
                     and date_floor(n["start"]) > date_floor(t["start"])
                     and (not t["end"] or date_floor(n["start"]) <= date_ceil(t["end"]))]
            if later:
                t["end"] = later[0]["start"]
                t["source"] += f"; end: start of successor {later[0]['person_name']}"


def curated_files(folder: Path) -> list[Path]:
    """curated.yaml, then the other curated_*.yaml files of `folder` by name."""
    return [p for p in [folder / "curated.yaml", *sorted(folder.glob("curated_*.yaml"))]
            if p.exists()]


def build(sources: Path, *, out: Path = DATA_DIR,
          curated: Path | list[Path] | None = None) -> dict[str, int]:
    builder = Builder(sources)
    builder.read_countries()
    builder.read_countryinfo_countries()
    paths = curated_files(out) if curated is None else (
        [curated] if isinstance(curated, Path) else list(curated))
    sectors: dict[str, str] = {}
    for path in paths:
        patch = read_user_file(path)
        # Curated entities first: later sources enrich them with aliases.
        builder.apply_curated(patch)
        sectors |= patch.sectors
    builder.read_open_data_archive()
    builder.read_everypolitician()
    add_countryinfo_leaders(builder, sources)
    add_archigos(builder, sources)
    add_phoenix(builder, sources)
    builder.read_seeds()
    builder.sectors = read_sectors(sources / "petrarch2/Phoenix.agents.txt") | sectors
    return builder.write(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsgraph.kb.build",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path, required=True,
                        help="the kb_sources folder (../shared/kb_sources)")
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    args = parser.parse_args(argv)
    counts = build(args.sources, out=args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    return 0

