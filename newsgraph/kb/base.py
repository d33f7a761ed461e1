from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, dataclass, field, fields, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from .. import settings
from ..errors import KBError
from .index import Index, contains, overlaps, span
from .records import Country, Entity, Place, Summit, Term
from .userfile import Patch, canon_role, norm, read_user_file

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "kb"
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



_CACHE: dict[tuple[Any, ...], KnowledgeBase] = {}


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



def _user_files(overrides: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The user KB files in the order they apply: the kb_dir folder's, the kb setting's
    ($NEWSGRAPH_KB), then `overrides`."""
    files: list[Path] = []
    folder = settings.get("kb_dir")
    if folder is not None and Path(folder).is_dir():
        files += sorted(p for p in Path(folder).iterdir()
                        if p.suffix.lower() in {".yaml", ".yml", ".csv"})
    files += list(settings.get("kb"))
    files += [Path(p) for p in overrides]
    return files


@dataclass
class KnowledgeBase:
    """The knowledge base (see the package docstring for the interface)."""

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
    def load(cls, *, overrides: object = ()) -> KnowledgeBase:
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
    def bundled(cls, *, data_dir: Path = DATA_DIR) -> KnowledgeBase:
        key = ("bundled", str(data_dir))
        if key not in _CACHE:
            if not (data_dir / "entities.jsonl").exists():
                raise KBError(f"{data_dir}: bundled knowledge base missing (run "
                              f"python -m newsgraph.kb.build --sources ...)")
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

    def copy(self) -> KnowledgeBase:
        return KnowledgeBase(countries=list(self.countries), places=list(self.places),
                  entities=list(self.entities), terms_=list(self.terms_),
                  summits_=list(self.summits_), sectors_=dict(self.sectors_),
                  sources_=list(self.sources_), files=self.files, keys=dict(self.keys))

    def apply(self, patch: Patch) -> None:
        """Merge one user KB file (see userfile.py) into this KB."""
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
            new = span(term.start, term.end)
            self.terms_ = [t for t in self.terms_ if not (
                t.person_id == term.person_id and t.role == term.role
                and t.country == term.country and overlaps(span(t.start, t.end), new))]
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
    def _ix(self) -> Index:
        return Index(self)

    # -- queries ----------------------------------------------------------------------

    def country(self, text: str) -> Country | None:
        """By code (as written in capitals: "IRN", "IR", "UK"), name, alias or demonym."""
        key = norm(text)
        if not key:
            return None
        if len(key.replace(" ", "")) <= 3 and not re.sub(r"[^A-Za-z]", "", text).isupper():
            return None  # "us", "in", "no" are words, not country codes
        found = self._ix.country.get(key)
        return self._ix.demonym_state(key, found)

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

    def named_or_surnamed(self, text: str) -> list[Entity]:
        """Entities, in KB order, with a name or alias that is `text` or ends in its last
        word, compared lowercased ("Putin" finds "Vladimir Putin")."""
        return [self.entities[i] for i in self._ix.named_or_surnamed(text.lower())]

    def fuzzy_person(self, text: str) -> tuple[Entity, ...]:
        """People whose name is a spelling variant of `text` ("Ibrahim Raisi" for
        "Ebrahim Raisi"), surnames agreeing too; memoized per KB."""
        return self._ix.fuzzy_person(text)

    def fuzzy(self, text: str, *, kinds: tuple[str, ...] | None = None,
              limit: int = 5, cutoff: float = FUZZY_CUTOFF) -> list[tuple[Entity, float]]:
        """The best `limit` entities whose names score at least `cutoff` against `text`
        (fuzz.ratio over sorted words; an exact multi-word name first)."""
        query = self._ix.strip_titles(norm(text))
        if not query or all(t in self._ix.title_words or t in self._ix.country
                            for t in query.split()):
            return []  # "the Russian president": a role, the resolver's business
        exact = [(e, 100.0) for e in self.lookup(query)
                 if kinds is None or e.kind in kinds] if " " in query else []
        best: dict[int, float] = {}
        for score, pos in self._ix.ratio_matches(" ".join(sorted(query.split())),
                                                 cutoff=cutoff, limit=limit * 20):
            for i in self._ix.choice_owner[pos]:
                if (kinds is None or self.entities[i].kind in kinds) and score > best.get(i, 0):
                    best[i] = score
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self._ix.rank[kv[0]]))
        out = exact + [(self.entities[i], float(s)) for i, s in ranked
                       if all(e.id != self.entities[i].id for e, _ in exact)]
        return out[:limit]

    def person_names(self) -> Iterator[str]:
        """Every name and alias of the KB's people."""
        for e in self.entities:
            if e.kind == "person":
                yield e.name
                yield from e.aliases

    def entity(self, id: str) -> Entity | None:
        i = self._ix.by_id.get(id)
        return self.entities[i] if i is not None else None

    def holders(self, country: str, role: str, on: str) -> list[Term]:
        role = canon_role(role)
        for candidate in HEAD_ROLES.get(role, (role,)):
            found = [t for t in self._ix.terms_by_office.get((country, candidate), [])
                     if contains(span(t.start, t.end), on)]
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

    def organization(self, text: str) -> Entity | None:
        """An organization by name or acronym, else a body or group of that name
        ("SCO", "the Taliban", "the Kremlin")."""
        return self.org(text) or next(
            (e for e in self.lookup(text) if e.kind in ("organization", "body", "group")), None)

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


KB = KnowledgeBase  # the short name used across the code base
