"""Merged events as PLOVER JSON: a JSON array of event records with the fields of the
PLOVER gold standard records (`id`, `date`, `source`, `target`, `event`, `eventText`,
`mode`, `context`, `text`, `textInfo`, `eventLoc`, `language`, `publication`, `coder`,
`version`, `dateCoded`), one per merged event.

`event` is PLOVER's reading of our type and status (`plover_category`: a planned
meeting is AGREE). Each actor is `{"actorText", "code", "sector", "wikidata"}`: `code`
is the ISO alpha-3 country (or IGO/NGO/IMG for bodies of no country, as PLOVER codes
them), `wikidata` the QID where the knowledge base has one. `date` is the event's day,
or the first day it can be when only an interval is known (`newsgraph.interval` then
says the range). `text`/`eventText` are the first source's sentence and trigger. What
PLOVER has no field for sits in one extension object, `newsgraph`: our type, status,
precision, interval, conflict, alternatives, summary and every source.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..events.ontology import plover_category
from ..kb import KnowledgeBase
from .graph import wikidata_id

TRANSNATIONAL_SECTORS = frozenset({"IGO", "IMG", "NGO", "MNC"})
ACTOR_FIELDS = ("actorText", "code", "sector", "wikidata")
CODER = "newsgraph"
EXTENSION = "newsgraph"


def _code(kind: str, country: str | None, sector: str | None) -> str:
    if country:
        return country
    if sector in TRANSNATIONAL_SECTORS:
        return sector or ""
    return "IGO" if kind == "organization" else ""


def _actor(row: tuple[Any, ...]) -> dict[str, str]:
    actor_id, name, kind, country, sector = row
    out = {"actorText": name, "code": _code(kind, country, sector)}
    if sector:
        out["sector"] = sector
    qid = wikidata_id(actor_id)
    if qid:
        out["wikidata"] = qid
    return out


def _markup(sentence: str, trigger: str | None) -> str:
    if trigger and trigger in sentence:
        return sentence.replace(trigger, f"(EVT: {trigger})", 1)
    return sentence


def _iso2(kb: KnowledgeBase | None, iso3: str | None) -> str:
    if not iso3 or kb is None:
        return iso3 or ""
    try:
        country = kb.country(iso3)
    except Exception:  # noqa: BLE001 - a KB without countries: keep alpha-3
        country = None
    return (getattr(country, "iso2", None) or iso3) if country is not None else iso3


def records(conn: sqlite3.Connection, *, kb: KnowledgeBase | None = None,
            coded: str | None = None) -> Iterator[dict[str, Any]]:
    from .. import __version__

    coded = coded or datetime.now(UTC).date().isoformat()
    for (event_id, type_, mode, status, date, precision, interval, sort_start, loc_name,
         loc_country, occasion, summary, conflict, alternatives, n_documents
         ) in conn.execute(
            "SELECT id, type, mode, status, date, precision, interval, sort_start, "
            "location_name, location_country, occasion, summary, conflict, alternatives, "
            "n_documents FROM events ORDER BY sort_start, id"):
        parties: dict[str, list[dict[str, str]]] = {"actor": [], "recipient": []}
        for role, *actor in conn.execute(
                "SELECT e.role, a.id, a.name, a.kind, a.country, a.sector FROM "
                "event_actors e JOIN actors a ON a.id = e.actor_id WHERE e.event_id = ? "
                "ORDER BY a.name", (event_id,)):
            parties[role].append(_actor(tuple(actor)))
        sources = [{"doc_id": d, "source": s, "outlet": o, "url": u, "sentence": t,
                    "trigger": g} for d, s, o, u, t, g in conn.execute(
            "SELECT m.doc_id, d.source, d.outlet, d.url, m.sentence, m.trigger FROM "
            "event_sources s JOIN event_mentions m ON m.id = s.event_mention_id JOIN "
            "documents d ON d.doc_id = m.doc_id WHERE s.event_id = ? ORDER BY m.rowid",
            (event_id,))]
        first = sources[0] if sources else {"sentence": "", "trigger": "", "outlet": None}
        record: dict[str, Any] = {
            "id": event_id,
            "date": (date if precision == "day" and date else sort_start) or "",
            "source": parties["actor"], "target": parties["recipient"],
            "event": plover_category(type_, status), "eventText": first["trigger"] or "",
            "mode": mode or "", "context": occasion or "", "text": first["sentence"],
            "textInfo": {"markup": _markup(first["sentence"], first["trigger"])},
            "language": "en", "publication": first["outlet"] or "", "coder": CODER,
            "version": __version__, "dateCoded": coded,
        }
        if loc_name:
            record["eventLoc"] = {"name": loc_name, "country code": _iso2(kb, loc_country)}
        record[EXTENSION] = {
            "type": type_, "status": status, "precision": precision,
            "interval": json.loads(interval) if interval else None,
            "conflict": bool(conflict),
            "alternatives": json.loads(alternatives) if alternatives else {},
            "summary": summary, "n_documents": n_documents, "sources": sources}
        yield record


def write(conn: sqlite3.Connection, path: Path, *, kb: KnowledgeBase | None = None) -> int:
    """Write every merged event to `path` as a JSON array; return how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as f:
        f.write("[")
        for record in records(conn, kb=kb):
            f.write(("\n" if n == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            n += 1
        f.write("\n]\n")
    return n
