"""Knowledge-base file formats: name normalization, role names, and user KB files.

A *user KB file* is how facts get into the KB besides the bundled data: override files
passed to `KB.load(overrides=[...])`, files listed in `NEWSGRAPH_KB` (colon-separated)
or found in `NEWSGRAPH_KB_DIR`, and the output of `newsgraph kb import`. Two formats:

YAML (``.yaml``/``.yml``) with any of these top-level lists::

    people:            # also: organizations, bodies, groups, entities (with `kind`)
      - id: Q5947347                 # Wikidata QID or any stable id (made from name if absent)
        name: Ebrahim Raisi
        aliases: [Ibrahim Raisi, Raisi]
        country: IRN                 # ISO alpha-3
        sector: GOV                  # optional CAMEO-style sector
        source: my notes             # every fact keeps a source ("user override" if absent)
        terms:
          - {role: president, country: IRN, start: 2021-08-03, end: 2024-05-19}
    terms:             # terms of entities defined elsewhere: {person_id, role, country, ...}
    countries:         # {iso3, name, iso2, capital, aliases, demonyms}: merged by iso3
    places:            # {name, country, kind: city|capital|region|place, aliases}
    summits:           # {org, name, start, end, city, country, verified, parties}
    sectors:           # {word: sector}  e.g. {"coast guard": MIL}
    members:           # {org: ORG:SCO, members: [IRN, BLR]}: adds members

CSV (``.csv``): one row per fact, with a `type` column (country, place, person,
organization, body, group, term, summit, alias, sector). A file named after a kind
(people.csv, terms.csv, summits.csv, countries.csv, places.csv, aliases.csv) needs no
`type` column. Columns: id, name, aliases (separated by "|"), country, sector, kind,
role, start, end, acting (yes/no), org, city, verified, parties ("|"), iso2, capital,
demonyms, members, word, source. A term row takes the person in `id` (and `name`).

Merging: an entity with a known id updates the fields given and adds aliases; a
country is merged by iso3; a term replaces the same person's terms in the same role and
country that overlap it; a summit replaces the one of the same org starting the same
day. Dates are YYYY-MM-DD (YYYY-MM or YYYY when only that is known).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import KBError

ENTITY_KINDS = ("person", "organization", "group", "body")
# YAML section -> the entity kind its rows get when they say none.
ENTITY_SECTIONS = {"people": "person", "persons": "person", "organizations": "organization",
                   "orgs": "organization", "bodies": "body", "groups": "group",
                   "entities": None}
SECTIONS = set(ENTITY_SECTIONS) | {"terms", "countries", "places", "summits", "sectors",
                                   "members", "aliases"}
CSV_KIND_BY_STEM = {"people": "person", "persons": "person", "organizations": "organization",
                    "orgs": "organization", "bodies": "body", "groups": "group",
                    "terms": "term", "countries": "country", "places": "place",
                    "summits": "summit", "aliases": "alias", "sectors": "sector"}
USER_SOURCE = "user override"

_FOLD = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae",
                       "œ": "oe", "þ": "th", "ð": "d"})
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u0060\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_POSSESSIVE = re.compile(r"'s\b")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@lru_cache(maxsize=1 << 16)  # the same names are normalized over and over
def norm(text: str) -> str:
    """Lookup key: casefolded, accents stripped, hyphens/dots/apostrophes unified,
    a leading "the" and possessive "'s" dropped ("the U.K.'s" -> "uk")."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", _APOSTROPHES.sub("'", text.strip()))
    # Dots join initialisms ("u.s." -> "us") but separate words elsewhere ("v.putin").
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b|$|\s)", "", text)
    text = text.replace("'", "")
    text = _NON_WORD.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(text: str) -> str:
    return norm(text).replace(" ", "-")


_ROLE_WORDS = [
    # (pattern on the normalized title, role); first match wins.
    (r"^(first )?deputy prime minister", "deputy_prime_minister"),
    (r"^vice( |-)?president", "vice_president"),
    (r"^first vice president", "first_vice_president"),
    (r"^supreme leader", "supreme_leader"),
    (r"^(minister (of|for) (foreign|external) (affairs|relations)"
     r"|(foreign|external) (affairs |relations )?minister|foreign secretary"
     r"|secretary of state( for foreign.*)?$|united states secretary of state"
     r"|secretary of foreign affairs|foreign affairs$)", "foreign_minister"),
    (r"^(prime minister|premier|chief minister|president of the government"
     r"|president of the council of ministers|chairman of the council of ministers"
     r"|president of the executive yuan)", "prime_minister"),
    (r"^(federal )?chancellor", "chancellor"),
    (r"^presidents? of (the )?(senate|national assembly|assembly|parliament|court|council"
     r"|commission|chamber|state duma|duma|bank|congress|general assembly|european)", ""),
    (r"^(president|presidents|chairman of the presidential council)", "president"),
    (r"^(king|kings|queen|monarch|emperor|sultan|emir|amir|grand duke|prince"
     r"|yang di pertuan agong|paramount ruler)", "monarch"),
    (r"^governors? general", "governor_general"),
    (r"^(general secretary|secretary general)", "secretary_general"),
]


def role_of_title(title: str) -> str:
    """"Prime Minister of Albania" -> "prime_minister"; "Kings" -> "monarch"; other
    titles -> their snake_case form without the trailing "of <country>"."""
    key = norm(title)
    key = re.sub(r"^(acting|interim|caretaker) ", "", key)
    for pattern, role in _ROLE_WORDS:
        if re.search(pattern, key):
            return role or key.replace(" ", "_")
    return key.replace(" ", "_")


def canon_role(role: str) -> str:
    """A role as asked for by a caller ("President", "head of state", "king")."""
    key = norm(role).replace(" ", "_")
    return {"king": "monarch", "queen": "monarch", "emir": "monarch", "sultan": "monarch",
            "premier": "prime_minister", "pm": "prime_minister",
            "secretary_of_state": "foreign_minister", "foreign_secretary": "foreign_minister",
            "hos": "head_of_state", "hog": "head_of_government",
            "head_of_the_government": "head_of_government"}.get(key, key)


def is_date(text: str) -> bool:
    return bool(_DATE.match(text))


def date_floor(text: str) -> str:
    """First day a partial date can mean ("2021" -> "2021-01-01")."""
    return text + "-01-01"[len(text) - 4:] if len(text) < 10 else text


def date_ceil(text: str) -> str:
    """Last day a partial date can mean ("2021" -> "2021-12-31", "2021-02" -> "-31")."""
    return text + "-12-31"[len(text) - 4:] if len(text) < 10 else text


@dataclass
class Patch:
    """The rows of one user KB file, as plain dicts in the bundled-file shapes."""

    origin: str
    countries: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    terms: list[dict[str, Any]] = field(default_factory=list)
    summits: list[dict[str, Any]] = field(default_factory=list)
    sectors: dict[str, str] = field(default_factory=dict)
    members: list[dict[str, Any]] = field(default_factory=list)
    aliases: list[dict[str, Any]] = field(default_factory=list)


def _split(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    raise ValueError(f"expected a list or a '|'-separated string, got {value!r}")


def _text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return str(value).strip() or None


def _date(value: Any, what: str) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if not is_date(text):
        raise ValueError(f"{what} {text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    return text


def _flag(value: Any) -> bool:
    return str(value).strip().casefold() in {"1", "true", "yes", "y"}


def _need(row: dict[str, Any], key: str, what: str) -> str:
    value = _text(row.get(key))
    if value is None:
        raise ValueError(f"{what} needs `{key}`")
    return value


class _Reader:
    def __init__(self, origin: str) -> None:
        self.patch = Patch(origin=origin)

    def entity(self, row: dict[str, Any], kind: str | None) -> None:
        name = _need(row, "name", "an entity")
        kind = _text(row.get("kind")) or kind or "person"
        if kind not in ENTITY_KINDS:
            raise ValueError(f"entity kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        eid = _text(row.get("id")) or f"user:{slug(name)}"
        source = _text(row.get("source")) or USER_SOURCE
        self.patch.entities.append({
            "id": eid, "name": name, "kind": kind, "country": _text(row.get("country")),
            "sector": _text(row.get("sector")), "aliases": _split(row.get("aliases")),
            "members": _split(row.get("members")), "source": source})
        for term in row.get("terms") or []:
            if not isinstance(term, dict):
                raise ValueError(f"terms of {name!r} must be mappings")
            self.term({**term, "person_id": eid, "person_name": name,
                       "source": term.get("source") or source})

    def term(self, row: dict[str, Any]) -> None:
        pid = _text(row.get("person_id")) or _need(row, "id", "a term")
        start = _date(row.get("start"), "start")
        end = _date(row.get("end"), "end")
        if start and end and date_floor(end) < date_floor(start):
            raise ValueError(f"term of {pid} ends ({end}) before it starts ({start})")
        self.patch.terms.append({
            "person_id": pid, "person_name": _text(row.get("person_name"))
            or _text(row.get("name")) or pid,
            "country": _need(row, "country", "a term"),
            "role": canon_role(_need(row, "role", "a term")), "start": start, "end": end,
            "acting": _flag(row.get("acting")),
            "source": _text(row.get("source")) or USER_SOURCE})

    def country(self, row: dict[str, Any]) -> None:
        iso3 = _need(row, "iso3", "a country") if row.get("iso3") else _need(
            row, "id", "a country")
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise ValueError(f"country code {iso3!r} is not ISO alpha-3 (e.g. IRN)")
        self.patch.countries.append({
            "iso3": iso3, "name": _text(row.get("name")), "iso2": _text(row.get("iso2")),
            "capital": _text(row.get("capital")), "aliases": _split(row.get("aliases")),
            "demonyms": _split(row.get("demonyms")),
            "source": _text(row.get("source")) or USER_SOURCE})

    def place(self, row: dict[str, Any]) -> None:
        self.patch.places.append({
            "name": _need(row, "name", "a place"), "country": _need(row, "country", "a place"),
            "kind": _text(row.get("kind")) or "city", "aliases": _split(row.get("aliases")),
            "source": _text(row.get("source")) or USER_SOURCE})

    def summit(self, row: dict[str, Any]) -> None:
        org = _need(row, "org", "a summit")
        start = _date(_need(row, "start", "a summit"), "start")
        self.patch.summits.append({
            "org": org, "name": _text(row.get("name")) or f"{org} summit", "start": start,
            "end": _date(row.get("end"), "end") or start, "city": _text(row.get("city")),
            "country": _text(row.get("country")), "verified": _flag(row.get("verified")),
            "parties": _split(row.get("parties")),
            "source": _text(row.get("source")) or USER_SOURCE})

    def alias(self, row: dict[str, Any]) -> None:
        self.patch.aliases.append({"id": _need(row, "id", "an alias"),
                                   "aliases": _split(row.get("aliases")) or
                                   [_need(row, "name", "an alias")]})

    def member(self, row: dict[str, Any]) -> None:
        self.patch.members.append({"org": _need(row, "org", "a membership"),
                                   "members": _split(row.get("members"))})

    def sector(self, row: dict[str, Any]) -> None:
        self.patch.sectors[norm(_need(row, "word", "a sector row"))] = _need(
            row, "sector", "a sector row")

    def row(self, kind: str, row: dict[str, Any]) -> None:
        if kind in ENTITY_KINDS:
            self.entity(row, kind)
        elif kind in {"term", "country", "place", "summit", "alias", "sector"}:
            getattr(self, kind)(row)
        elif kind == "member":
            self.member(row)
        else:
            raise ValueError(f"unknown row type {kind!r}")


def read_user_file(path: str | Path) -> Patch:
    """Parse one user KB file; any problem raises KBError naming the file."""
    path = Path(path)
    if not path.is_file():
        raise KBError(f"{path}: no such knowledge-base file")
    try:
        if path.suffix.lower() in {".yaml", ".yml", ".json"}:
            return _read_yaml(path)
        if path.suffix.lower() in {".csv", ".tsv"}:
            return _read_csv(path)
    except KBError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, UnicodeDecodeError,
            csv.Error) as e:
        raise KBError(f"{path}: {e}") from e
    raise KBError(f"{path}: unknown knowledge-base file type (use .yaml or .csv)")


def _read_yaml(path: Path) -> Patch:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise KBError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from e
    if data is None:
        return Patch(origin=str(path))
    if not isinstance(data, dict):
        raise KBError(f"{path}: expected a mapping of sections ({', '.join(sorted(SECTIONS))})")
    unknown = set(data) - SECTIONS
    if unknown:
        raise KBError(f"{path}: unknown section(s) {', '.join(sorted(map(str, unknown)))}; "
                      f"known: {', '.join(sorted(SECTIONS))}")
    reader = _Reader(str(path))
    for section, rows in data.items():
        if section == "sectors":
            if not isinstance(rows, dict):
                raise KBError(f"{path}: `sectors` must map words to sectors")
            for word, sector in rows.items():
                reader.sector({"word": word, "sector": sector})
            continue
        if not isinstance(rows, list):
            raise KBError(f"{path}: section `{section}` must be a list")
        for i, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise KBError(f"{path}: {section} #{i} must be a mapping")
            try:
                if section in ENTITY_SECTIONS:
                    reader.entity(row, ENTITY_SECTIONS[section])
                else:
                    reader.row({"terms": "term", "countries": "country", "places": "place",
                                "summits": "summit", "members": "member",
                                "aliases": "alias"}[section], row)
            except ValueError as e:
                raise KBError(f"{path}: {section} #{i}: {e}") from e
    return reader.patch


def _read_csv(path: Path) -> Patch:
    reader = _Reader(str(path))
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
        if not rows.fieldnames:
            raise KBError(f"{path}: empty CSV (needs a header row)")
        default = CSV_KIND_BY_STEM.get(path.stem.casefold())
        if "type" not in rows.fieldnames and default is None:
            raise KBError(f"{path}: needs a `type` column (or a name like people.csv, "
                          f"terms.csv, summits.csv)")
        for line, row in enumerate(rows, 2):
            clean = {k.strip().casefold(): v for k, v in row.items() if k}
            kind = (_text(clean.get("type")) or default or "").casefold()
            kind = CSV_KIND_BY_STEM.get(kind, kind)
            try:
                reader.row(kind, clean)
            except ValueError as e:
                raise KBError(f"{path}:{line}: {e}") from e
    return reader.patch


def dump_yaml(data: dict[str, Any]) -> str:
    """Deterministic YAML for user KB files."""
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
