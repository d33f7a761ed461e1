"""Import office holders from Wikidata into a user KB file.

Two inputs are understood:

- a Wikidata JSON dump (one entity per line, as in latest-all.json, with or without the
  enclosing "[" ... "]," lines, or a JSON array): people with P39 "position held"
  statements (qualifiers P580 start, P582 end), P27 citizenship, English label and
  aliases. Positions and countries are items too: their labels come from the same dump
  when present (a position's P17/P1001 gives its country).
- a SPARQL result in Wikidata's JSON format (`{"head": {"vars": [...]}, "results":
  {"bindings": [...]}}`) with the variables person, personLabel, position,
  positionLabel, country (a QID, ISO code or label), start, end and optionally
  personAltLabel ("|" or "," separated), countryLabel, iso3.

The output is a YAML user KB file (see newsgraph.kb.userfile) that `KB.load` picks up when it lies
in `NEWSGRAPH_KB_DIR` or is listed in `NEWSGRAPH_KB`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import KBError
from ..base import KnowledgeBase
from ..userfile import dump_yaml, role_of_title

SOURCE_DUMP = "Wikidata JSON dump"
SOURCE_SPARQL = "Wikidata SPARQL result"
_QID = re.compile(r"(Q\d+)$")


@dataclass
class ImportResult:
    people: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why some rows were left out

    def as_user_file(self) -> dict[str, Any]:
        return {"people": self.people}


def import_file(path: str | Path, *, kb: KnowledgeBase | None = None) -> ImportResult:
    """Read a dump or SPARQL file; `kb` (a KB) maps country items to ISO codes."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KBError(f"{path}: cannot read ({e})") from e
    stripped = text.lstrip()
    try:
        if stripped.startswith("{") and '"head"' in stripped[:2000] and '"results"' in text:
            return _from_sparql(json.loads(text), kb=kb, origin=path)
        return _from_dump(_dump_entities(text, path), kb=kb, origin=path)
    except json.JSONDecodeError as e:
        raise KBError(f"{path}: not valid JSON ({e.msg} at line {e.lineno})") from e


def write_user_file(result: ImportResult, out: str | Path) -> Path:
    out = Path(out)
    if out.suffix.lower() not in {".yaml", ".yml"}:
        out.mkdir(parents=True, exist_ok=True)
        out = out / "wikidata.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("# Imported by `newsgraph kb import`; a user KB file "
                   "(see newsgraph.kb.userfile).\n"
                   + dump_yaml(result.as_user_file()), encoding="utf-8")
    return out


def _dump_entities(text: str, path: Path) -> Iterator[dict[str, Any]]:
    stripped = text.strip()
    if stripped.startswith("[") and stripped.endswith("]") and "\n" not in stripped[1:3]:
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            data = None
        if isinstance(data, list):
            yield from (d for d in data if isinstance(d, dict))
            return
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip().rstrip(",")
        if line in {"", "[", "]"}:
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            raise KBError(f"{path}:{n}: not a Wikidata entity ({e.msg})") from e
        if not isinstance(item, dict) or "id" not in item:
            raise KBError(f"{path}:{n}: not a Wikidata entity (no `id`)")
        yield item


def _label(item: dict[str, Any]) -> str | None:
    return (item.get("labels", {}).get("en") or {}).get("value")


def _claim_ids(item: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in item.get("claims", {}).get(prop, []):
        value = (claim.get("mainsnak", {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and "id" in value:
            out.append(value["id"])
    return out


def _time(snaks: list[dict[str, Any]] | None) -> str | None:
    """A Wikidata time value at its precision: "+2021-08-03T00:00:00Z" -> "2021-08-03"."""
    for snak in snaks or []:
        value = (snak.get("datavalue") or {}).get("value")
        if isinstance(value, dict) and "time" in value:
            m = re.match(r"[+-]?(\d{4})-(\d{2})-(\d{2})", value["time"])
            if not m:
                continue
            precision = value.get("precision", 11)
            if precision >= 11:
                return "-".join(m.groups())
            return f"{m.group(1)}-{m.group(2)}" if precision == 10 else m.group(1)
    return None


class _Countries:
    """Maps a Wikidata country (QID, label, ISO code) to ISO alpha-3."""

    # The states a news KB meets most; others are found through the KB's names.
    KNOWN = {"Q30": "USA", "Q159": "RUS", "Q794": "IRN", "Q43": "TUR", "Q145": "GBR",
             "Q148": "CHN", "Q142": "FRA", "Q183": "DEU", "Q668": "IND", "Q17": "JPN",
             "Q212": "UKR", "Q801": "ISR", "Q851": "SAU", "Q79": "EGY", "Q843": "PAK",
             "Q884": "KOR", "Q423": "PRK", "Q155": "BRA", "Q96": "MEX", "Q16": "CAN",
             "Q408": "AUS", "Q38": "ITA", "Q29": "ESP", "Q232": "KAZ", "Q265": "UZB",
             "Q874": "TKM", "Q863": "TJK", "Q813": "KGZ", "Q184": "BLR", "Q399": "ARM",
             "Q227": "AZE", "Q796": "IRQ", "Q858": "SYR", "Q822": "LBN", "Q810": "JOR",
             "Q889": "AFG", "Q846": "QAT", "Q878": "ARE", "Q842": "OMN", "Q817": "KWT"}

    def __init__(self, kb: KnowledgeBase | None, labels: dict[str, str]) -> None:
        self.kb = kb
        self.labels = labels

    def iso3(self, value: str | None) -> str | None:
        if not value:
            return None
        qid = _QID.search(value)
        if qid and qid.group(1) in self.KNOWN:
            return self.KNOWN[qid.group(1)]
        if re.fullmatch(r"[A-Z]{3}", value):
            return value
        name = self.labels.get(qid.group(1)) if qid else value
        if name and self.kb is not None:
            country = self.kb.country(name)
            return country.iso3 if country else None
        return None


def _from_dump(items: Iterator[dict[str, Any]], *, kb: KnowledgeBase | None,
               origin: Path) -> ImportResult:
    items = list(items)
    labels = {i["id"]: _label(i) or i["id"] for i in items}
    position_country = {i["id"]: (_claim_ids(i, "P17") or _claim_ids(i, "P1001") or [None])[0]
                        for i in items}
    countries = _Countries(kb, labels)
    result = ImportResult()
    for item in items:
        positions = item.get("claims", {}).get("P39", [])
        if not positions:
            continue
        name = _label(item)
        if not name:
            result.skipped.append(f"{item['id']}: no English label")
            continue
        citizenship = countries.iso3((_claim_ids(item, "P27") or [None])[0])
        terms = []
        for claim in positions:
            value = (claim.get("mainsnak", {}).get("datavalue") or {}).get("value") or {}
            pos = value.get("id")
            if not pos:
                continue
            qualifiers = claim.get("qualifiers", {})
            country = countries.iso3(position_country.get(pos)) or citizenship
            if country is None:
                result.skipped.append(f"{item['id']} {pos}: no country for the position")
                continue
            start, end = _time(qualifiers.get("P580")), _time(qualifiers.get("P582"))
            if start is None and end is None:
                result.skipped.append(f"{item['id']} {pos}: no start or end date")
                continue
            label = labels.get(pos, pos)
            terms.append({"role": role_of_title(label), "country": country, "start": start,
                          "end": end, "source": f"{SOURCE_DUMP} {origin.name}: {item['id']} "
                                                f"P39 {pos} ({label})"})
        aliases = sorted({a["value"] for a in item.get("aliases", {}).get("en", [])
                          if a.get("value")})
        if terms:
            result.people.append(_person(item["id"], name, aliases, citizenship,
                                         f"{SOURCE_DUMP} {origin.name}", terms))
    return result


def _person(qid: str, name: str, aliases: list[str], country: str | None, source: str,
            terms: list[dict[str, Any]]) -> dict[str, Any]:
    person: dict[str, Any] = {"id": qid, "name": name}
    if aliases:
        person["aliases"] = aliases
    if country:
        person["country"] = country
    person |= {"sector": "GOV", "source": source,
               "terms": [{k: v for k, v in t.items() if v is not None} for t in terms]}
    return person


def _from_sparql(data: dict[str, Any], *, kb: KnowledgeBase | None, origin: Path) -> ImportResult:
    bindings = data.get("results", {}).get("bindings")
    if not isinstance(bindings, list):
        raise KBError(f"{origin}: SPARQL result without results.bindings")
    variables = set(data.get("head", {}).get("vars", []))
    missing = {"person", "position"} - variables
    if missing:
        raise KBError(f"{origin}: SPARQL result lacks variable(s) {', '.join(sorted(missing))}")
    labels: dict[str, str] = {}
    for b in bindings:
        for var in ("country", "position", "person"):
            qid = _QID.search(b.get(var, {}).get("value", ""))
            label = b.get(f"{var}Label", {}).get("value")
            if qid and label:
                labels[qid.group(1)] = label
    countries = _Countries(kb, labels)
    people: dict[str, dict[str, Any]] = {}
    result = ImportResult()
    for n, b in enumerate(bindings, 1):
        def get(var: str, b: dict[str, Any] = b) -> str | None:
            return b.get(var, {}).get("value") or None

        person = get("person")
        qid = _QID.search(person or "")
        if not qid:
            result.skipped.append(f"row {n}: no person QID")
            continue
        pid = qid.group(1)
        country = countries.iso3(get("iso3") or get("country") or get("countryLabel"))
        if country is None:
            result.skipped.append(f"row {n} {pid}: no country")
            continue
        pos_label = get("positionLabel") or get("position") or ""
        start = (get("start") or "")[:10] or None
        end = (get("end") or "")[:10] or None
        entry = people.setdefault(pid, {"id": pid, "name": get("personLabel") or pid,
                                        "aliases": set(), "country": country, "terms": []})
        alt = get("personAltLabel") or ""
        entry["aliases"] |= {a.strip() for a in re.split(r"[|,]", alt) if a.strip()}
        pos_qid = _QID.search(get("position") or "")
        term = {"role": role_of_title(pos_label), "country": country, "start": start,
                "end": end, "source": f"{SOURCE_SPARQL} {origin.name}: {pid} P39 "
                                      f"{pos_qid.group(1) if pos_qid else ''} ({pos_label})"}
        if term not in entry["terms"]:
            entry["terms"].append(term)
    for pid in sorted(people, key=lambda p: int(p[1:])):
        e = people[pid]
        result.people.append(_person(pid, e["name"], sorted(e["aliases"]), e["country"],
                                     f"{SOURCE_SPARQL} {origin.name}", e["terms"]))
    return result
