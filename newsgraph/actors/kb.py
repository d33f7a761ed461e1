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

Where the KB comes from: the bundled files in newsgraph/data/kb/ (built by
`python -m newsgraph.actors.kbbuild`), then every *.yaml/*.csv in the folder named by
`NEWSGRAPH_KB_DIR`, then the files listed in `NEWSGRAPH_KB` (colon-separated), then
the `overrides` passed to `KB.load`; later files win. The file format is described in
newsgraph/actors/kbformat.py (and `newsgraph kb --help`).
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ..errors import KBError
from ..model import Actor
from .kbbodies import BodyMaker
from .kbformat import Patch, canon_role, date_ceil, date_floor, norm, read_user_file

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
ENV_FILES = "NEWSGRAPH_KB"
ENV_DIR = "NEWSGRAPH_KB_DIR"
# Roles that make someone head of state / of government, most specific first: the
# first role with a holder on the date answers ("supreme_leader" for Iran, whose
# president heads the government; a president answers both where there is no PM).
HEAD_ROLES = {
    "head_of_state": ("supreme_leader", "monarch", "president", "chairman",
                      "governor_general", "leader"),
    "head_of_government": ("prime_minister", "chancellor", "president", "leader"),
}
# A fuzzy match below this token_sort_ratio is noise: spelling variants score 85-95
# ("Ebrahim Raeesi" 89, "Pezeshkiyan" 95), names sharing only a first name 60-75.
# (WRatio was tried first: its partial matching let "PLO" match "Qwxyzzy Plonk" at 90.)
FUZZY_CUTOFF = 80.0


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


_CACHE: dict[tuple[Any, ...], KB] = {}


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        raise KBError(f"{path}: cannot read bundled knowledge-base file ({e})") from e


@cache
def _shape(cls: type) -> tuple[frozenset[str], tuple[str, ...]]:
    """A record class's field names, and those without a default."""
    return (frozenset(f.name for f in fields(cls)),
            tuple(f.name for f in fields(cls)
                  if f.default is MISSING and f.default_factory is MISSING))


def _make(cls: type, row: dict[str, Any]) -> Any:
    names, required = _shape(cls)
    # Bundled rows leave out empty values; fields without a default are then None.
    args = dict.fromkeys(required)
    args.update((k, tuple(v) if isinstance(v, list) else v) for k, v in row.items()
                if k in names)
    return cls(**args)


def _span(start: str | None, end: str | None) -> tuple[str, str]:
    return (date_floor(start) if start else "0000-01-01",
            date_ceil(end) if end else "9999-12-31")


def _user_files(overrides: Iterable[str | os.PathLike[str]]) -> list[Path]:
    files: list[Path] = []
    folder = os.environ.get(ENV_DIR)
    if folder and Path(folder).is_dir():
        files += sorted(p for p in Path(folder).iterdir()
                        if p.suffix.lower() in {".yaml", ".yml", ".csv"})
    files += [Path(p) for p in os.environ.get(ENV_FILES, "").split(os.pathsep) if p]
    files += [Path(p) for p in overrides]
    return files


@dataclass
class KB:
    countries: list[Country] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    terms_: list[Term] = field(default_factory=list)
    summits_: list[Summit] = field(default_factory=list)
    sectors_: dict[str, str] = field(default_factory=dict)
    sources_: list[dict[str, str]] = field(default_factory=list)
    files: tuple[str, ...] = ()  # the user KB files applied, in order
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    # -- loading ----------------------------------------------------------------------

    @classmethod
    def load(cls, *, overrides: object = ()) -> KB:
        """The bundled KB plus user files (NEWSGRAPH_KB_DIR, NEWSGRAPH_KB, `overrides`:
        a path or a list of paths). Cached per process per set of files."""
        if isinstance(overrides, (str, os.PathLike)):
            overrides = [overrides]
        if not isinstance(overrides, Iterable):
            raise KBError(f"overrides must be a path or a list of paths, not {overrides!r}")
        files = _user_files(overrides)  # type: ignore[arg-type]
        key = tuple((str(p.resolve()), p.stat().st_mtime_ns if p.exists() else 0)
                    for p in files)
        if key not in _CACHE:
            kb = cls.bundled() if not files else cls.bundled().copy()
            for path in files:
                kb.apply(read_user_file(path))
            _CACHE[key] = kb
        return _CACHE[key]

    @classmethod
    def bundled(cls, *, data_dir: Path = DATA_DIR) -> KB:
        key = ("bundled", str(data_dir))
        if key not in _CACHE:
            if not (data_dir / "entities.jsonl").exists():
                raise KBError(f"{data_dir}: bundled knowledge base missing (run "
                              f"python -m newsgraph.actors.kbbuild --sources ...)")
            sectors = {}
            for line in (data_dir / "sectors.tsv").read_text("utf-8").splitlines():
                word, _, sector = line.partition("\t")
                sectors[word] = sector
            sources = json.loads((data_dir / "sources.json").read_text("utf-8"))
            tags = json.loads((data_dir / "source_tags.json").read_text("utf-8"))

            def expand(source: str) -> str:
                return "; ".join(tags.get(p, p) for p in source.split("; ")) if "@" in source \
                    else source

            entities, keys = [], {}
            for r in _read_jsonl(data_dir / "entities.jsonl"):
                keys[r["id"]] = tuple(r.get("keys", ()))
                entities.append(Entity(r["id"], r["name"], r["kind"], r.get("country"),
                                       r.get("sector"), tuple(r.get("aliases", ())),
                                       tuple(r.get("members", ())),
                                       expand(r.get("source", ""))))
            terms = [Term(r["person_id"], r["person_name"], r["country"], r["role"],
                          r.get("start"), r.get("end"), r.get("acting", False),
                          expand(r.get("source", "")))
                     for r in _read_jsonl(data_dir / "terms.jsonl")]
            _CACHE[key] = cls(
                countries=[_make(Country, r) for r in _read_jsonl(data_dir / "countries.jsonl")],
                places=[_make(Place, r) for r in _read_jsonl(data_dir / "places.jsonl")],
                entities=entities, keys=keys,
                terms_=terms,
                summits_=[_make(Summit, r) for r in _read_jsonl(data_dir / "summits.jsonl")],
                sectors_=sectors, sources_=sources)
        return _CACHE[key]

    def copy(self) -> KB:
        return KB(countries=list(self.countries), places=list(self.places),
                  entities=list(self.entities), terms_=list(self.terms_),
                  summits_=list(self.summits_), sectors_=dict(self.sectors_),
                  sources_=list(self.sources_), files=self.files, keys=dict(self.keys))

    def apply(self, patch: Patch) -> None:
        """Merge one user KB file (see kbformat) into this KB."""
        self._apply_countries(patch)
        by_id = {e.id: i for i, e in enumerate(self.entities)}
        for row in patch.entities:
            i = by_id.get(row["id"])
            if i is None:
                by_id[row["id"]] = len(self.entities)
                self.entities.append(_make(Entity, row))
                continue
            old = self.entities[i]
            self.keys.pop(old.id, None)
            self.entities[i] = replace(
                old, name=row["name"] or old.name, kind=row["kind"] or old.kind,
                country=row["country"] or old.country, sector=row["sector"] or old.sector,
                aliases=tuple(dict.fromkeys([*old.aliases, *row["aliases"],
                                             *([old.name] if row["name"] != old.name
                                               else [])])),
                members=tuple(sorted(set(old.members) | set(row["members"]))),
                source=f"{old.source}; {row['source']}")
        for row in patch.aliases + patch.members:
            i = by_id.get(row.get("id") or row.get("org", ""))
            if i is None:
                raise KBError(f"{patch.origin}: no entity with id "
                              f"{row.get('id') or row.get('org')!r} to extend")
            old = self.entities[i]
            self.keys.pop(old.id, None)
            self.entities[i] = replace(
                old, aliases=tuple(dict.fromkeys([*old.aliases, *row.get("aliases", [])])),
                members=tuple(sorted(set(old.members) | set(row.get("members", [])))))
        for row in patch.terms:
            term = _make(Term, row)
            if term.person_id in by_id:
                term = replace(term, person_name=self.entities[by_id[term.person_id]].name)
            new = _span(term.start, term.end)
            self.terms_ = [t for t in self.terms_ if not (
                t.person_id == term.person_id and t.role == term.role
                and t.country == term.country and _overlaps(_span(t.start, t.end), new))]
            self.terms_.append(term)
        for row in patch.summits:
            summit = _make(Summit, row)
            self.summits_ = [s for s in self.summits_ if not (
                s.org.casefold() == summit.org.casefold() and s.start == summit.start)]
            self.summits_.append(summit)
        self.places += [_make(Place, r) for r in patch.places]
        self.sectors_.update(patch.sectors)
        self.files = (*self.files, patch.origin)
        self.__dict__.pop("_ix", None)

    def _apply_countries(self, patch: Patch) -> None:
        by_iso = {c.iso3: i for i, c in enumerate(self.countries)}
        for row in patch.countries:
            i = by_iso.get(row["iso3"])
            if i is None:
                if not row["name"]:
                    raise KBError(f"{patch.origin}: new country {row['iso3']} needs a name")
                by_iso[row["iso3"]] = len(self.countries)
                self.countries.append(_make(Country, row))
                continue
            old = self.countries[i]
            self.countries[i] = replace(
                old, name=row["name"] or old.name, iso2=row["iso2"] or old.iso2,
                capital=row["capital"] or old.capital,
                aliases=tuple(dict.fromkeys([*old.aliases, *row["aliases"]])),
                demonyms=tuple(dict.fromkeys([*old.demonyms, *row["demonyms"]])),
                source=f"{old.source}; {row['source']}")
            if row["capital"]:
                self.places.append(Place(row["capital"], old.iso3, "capital", row["source"]))

    # -- indexes (built on first use) -------------------------------------------------

    @cached_property
    def _ix(self) -> _Index:
        return _Index(self)

    # -- queries ----------------------------------------------------------------------

    def country(self, text: str) -> Country | None:
        """By code (as written in capitals: "IRN", "IR", "UK"), name, alias or demonym."""
        key = norm(text)
        if not key:
            return None
        if len(key.replace(" ", "")) <= 3 and not re.sub(r"[^A-Za-z]", "", text).isupper():
            return None  # "us", "in", "no" are words, not country codes
        found = self._ix.country.get(key)
        return self.countries[found] if found is not None else None

    def capital_of(self, text: str) -> Country | None:
        for place in self._ix.places.get(norm(text), []):
            if place.kind == "capital":
                return self.country(place.country)
        return None

    def place(self, text: str) -> Place | None:
        found = self._ix.places.get(norm(text))
        return found[0] if found else None

    def lookup(self, text: str) -> list[Entity]:
        key = norm(text)
        hits = self._ix.names.get(key, [])
        if not hits and key and " " not in key:
            hits = self._ix.surnames.get(key, [])
        return [self.entities[i] for i in hits]

    def fuzzy(self, text: str, *, kinds: tuple[str, ...] | None = None,
              limit: int = 5) -> list[tuple[Entity, float]]:
        from rapidfuzz import fuzz, process

        query = self._ix.strip_titles(norm(text))
        if not query or all(t in self._ix.title_words or t in self._ix.country
                            for t in query.split()):
            return []  # "the Russian president": a role, the resolver's business
        exact = [(e, 100.0) for e in self.lookup(query)
                 if kinds is None or e.kind in kinds] if " " in query else []
        best: dict[int, float] = {}
        for _choice, score, pos in process.extract(
                " ".join(sorted(query.split())), self._ix.sorted_choices, scorer=fuzz.ratio,
                limit=limit * 20,
                score_cutoff=FUZZY_CUTOFF):
            for i in self._ix.choice_owner[pos]:
                if (kinds is None or self.entities[i].kind in kinds) and score > best.get(i, 0):
                    best[i] = score
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self._ix.rank[kv[0]]))
        out = exact + [(self.entities[i], float(s)) for i, s in ranked
                       if all(e.id != self.entities[i].id for e, _ in exact)]
        return out[:limit]

    def entity(self, id: str) -> Entity | None:
        i = self._ix.by_id.get(id)
        return self.entities[i] if i is not None else None

    def holders(self, country: str, role: str, on: str) -> list[Term]:
        role = canon_role(role)
        for candidate in HEAD_ROLES.get(role, (role,)):
            found = [t for t in self._ix.terms_by_office.get((country, candidate), [])
                     if _contains(_span(t.start, t.end), on)]
            if found:
                # Exact dates first (a year-only term is less sure to cover the day),
                # then the latest added: a user file's correction before the bundled row.
                order = {id(t): i for i, t in enumerate(found)}
                return sorted(found, key=lambda t: (-len(t.start or ""), -order[id(t)]))
        return []

    def terms(self, person_id: str) -> list[Term]:
        return sorted(self._ix.terms_by_person.get(person_id, []),
                      key=lambda t: (t.start or "", t.role))

    def summits(self, *, org: str | None = None, city: str | None = None,
                country: str | None = None, year: int | None = None) -> list[Summit]:
        org_key = self._ix.org_acronym(org) if org else None
        city_key = norm(city) if city else None
        iso = (self.country(country).iso3 if country and self.country(country) else country)
        return sorted((s for s in self.summits_
                       if (org_key is None or norm(s.org) == org_key)
                       and (city_key is None or norm(s.city or "") == city_key)
                       and (iso is None or s.country == iso)
                       and (year is None or s.start[:4] == str(year))),
                      key=lambda s: (s.start, s.org))

    def org(self, text: str) -> Entity | None:
        hits = [e for e in self.lookup(text) if e.kind == "organization"]
        return min(hits, key=lambda e: not e.id.startswith("ORG:")) if hits else None

    def body(self, text: str, *, country: str | None = None) -> Entity | None:
        return self._ix.bodies.find(text, country=country)

    def sector_of_role(self, word: str) -> str | None:
        key = norm(word)
        tokens = key.split()
        candidates = [key, _singular(key)]
        if len(tokens) > 1:
            candidates += [" ".join(tokens[1:]), _singular(" ".join(tokens[1:])),
                           tokens[-1], _singular(tokens[-1])]
        return next((self.sectors_[c] for c in candidates if c in self.sectors_), None)

    def sources(self) -> list[dict[str, str]]:
        return list(self.sources_) + [{"name": f, "license": "user file",
                                       "attribution": ""} for f in self.files]


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _contains(span: tuple[str, str], on: str) -> bool:
    return span[0] <= date_floor(on) and date_ceil(on) <= span[1] or (
        len(on) < 10 and _overlaps(span, (date_floor(on), date_ceil(on))))


class _Index:
    """Lookup tables over a KB's lists, built once per KB on first query."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.country: dict[str, int] = {}
        for field_name in ("iso3", "iso2", "name", "aliases", "demonyms"):
            for i, c in enumerate(kb.countries):
                value = getattr(c, field_name)
                for v in (value if isinstance(value, tuple) else [value]):
                    if v:
                        self.country.setdefault(norm(v), i)
        self.places: dict[str, list[Place]] = defaultdict(list)
        order = {"capital": 0, "city": 1, "region": 2}
        for p in sorted(kb.places, key=lambda p: order.get(p.kind, 3)):
            self.places[norm(p.name)].append(p)
        self.by_id = {e.id: i for i, e in enumerate(kb.entities)}
        self.terms_by_person: dict[str, list[Term]] = defaultdict(list)
        self.terms_by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        last_start: dict[str, str] = {}
        for t in kb.terms_:
            self.terms_by_person[t.person_id].append(t)
            self.terms_by_office[(t.country, t.role)].append(t)
            last_start[t.person_id] = max(last_start.get(t.person_id, ""), t.start or "0")
        # People in office recently first, then entities with a QID, then the rest.
        self.rank = [(-int((last_start.get(e.id) or "0")[:4]),
                      not e.id.startswith(("Q", "ORG:")), i)
                     for i, e in enumerate(kb.entities)]
        self.names: dict[str, list[int]] = defaultdict(list)
        surnames: dict[str, dict[int, None]] = defaultdict(dict)
        for i in sorted(range(len(kb.entities)), key=self.rank.__getitem__):
            e = kb.entities[i]
            keys = kb.keys.get(e.id) or dict.fromkeys(norm(n) for n in (e.name, *e.aliases))
            for key in keys:
                if key:
                    self.names[key].append(i)
            if e.kind == "person":
                for key in keys:
                    if " " in key:
                        last = key.rsplit(" ", 1)[1]
                        if len(last) > 2:
                            surnames[last][i] = None
        self.surnames = {k: list(v) for k, v in surnames.items()}
        self.choices = list(self.names)
        # token_sort_ratio is ratio over token-sorted strings: sort the choices once here
        # instead of on every comparison of every query (5x faster lookups)
        self.sorted_choices = [" ".join(sorted(c.split())) for c in self.choices]
        self.choice_owner = [self.names[c] for c in self.choices]
        self.bodies = BodyMaker(kb)
        self.title_words = {w for w in ("president", "presidents", "minister", "foreign",
                                        "prime", "secretary", "state", "supreme", "leader",
                                        "acting", "counterpart", "his", "her", "their",
                                        "spokesman", "spokesperson", "spokeswoman",
                                        "chancellor", "king", "queen", "former", "deputy",
                                        "vice", "ayatollah", "mr", "mrs", "ms", "dr",
                                        "general", "gen", "ministry", "of", "affairs")}
        self.title_words |= {norm(d) for c in kb.countries for d in c.demonyms}

    def strip_titles(self, key: str) -> str:
        """"iranian president ibrahim raisi" -> "ibrahim raisi"."""
        tokens = key.split()
        while len(tokens) > 1 and (tokens[0] in self.title_words
                                   or tokens[0] in self.country):
            tokens.pop(0)
        return " ".join(tokens)

    def org_acronym(self, text: str) -> str:
        org = self.kb.org(text)
        if org is not None and org.id.startswith("ORG:"):
            return norm(org.id[4:])
        return norm(text)
