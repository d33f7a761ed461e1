"""The actor network as GraphML (Gephi opens it, `networkx.read_graphml` loads it).

Nodes are the actors that take part in at least one merged event: `label` (name),
`kind`, `country` (ISO alpha-3), `sector` and `wikidata` (the QID where the knowledge
base has one, else ""). Edges are merged events between two actors, one edge per
(actor, recipient, PLOVER type) with `weight` = how many events: actor -> recipient;
for a symmetric type (A met B) between every two participants, smaller id first, with
`symmetric` true. An event with one participant makes no edge.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

from ..crossdoc.merge import SYMMETRIC_TYPES
from ..kb import KnowledgeBase

_QID = re.compile(r"Q\d+")


def wikidata_id(actor_id: str | None) -> str:
    """The actor's Wikidata QID, or "" (countries have ISO ids, unknowns local ids)."""
    return actor_id if actor_id and _QID.fullmatch(actor_id) else ""


def event_pairs(type_: str, actors: list[str], recipients: list[str]) -> list[tuple[str, str]]:
    if type_ in SYMMETRIC_TYPES:
        people = sorted(set(actors) | set(recipients))
        return list(combinations(people, 2))
    return [(a, r) for a in sorted(set(actors)) for r in sorted(set(recipients)) if a != r]


def build(conn: sqlite3.Connection, *, kb: KnowledgeBase | None = None) -> Any:
    import networkx as nx

    roles: dict[str, tuple[str, list[str], list[str]]] = {}
    for event_id, type_, actor_id, role in conn.execute(
            "SELECT e.id, e.type, a.actor_id, a.role FROM events e JOIN event_actors a "
            "ON a.event_id = e.id ORDER BY e.rowid, a.actor_id"):
        entry = roles.setdefault(event_id, (type_, [], []))
        (entry[1] if role == "actor" else entry[2]).append(actor_id)
    weights: Counter[tuple[str, str, str]] = Counter()
    taking_part: set[str] = set()
    for type_, actors, recipients in roles.values():
        taking_part.update(actors, recipients)
        for a, b in event_pairs(type_, actors, recipients):
            weights[(a, b, type_)] += 1
    graph = nx.MultiDiGraph(name="newsgraph actor network")
    for actor_id, name, kind, country, sector in conn.execute(
            "SELECT id, name, kind, country, sector FROM actors ORDER BY id"):
        if actor_id in taking_part:
            graph.add_node(actor_id, label=name, kind=kind, country=country or "",
                           sector=sector or "", wikidata=_wikidata(actor_id, country, kb))
    for (a, b, type_), weight in sorted(weights.items()):
        graph.add_edge(a, b, key=type_, type=type_, weight=weight,
                       symmetric=type_ in SYMMETRIC_TYPES)
    return graph


def _wikidata(actor_id: str, country: str | None, kb: KnowledgeBase | None) -> str:
    qid = wikidata_id(actor_id)
    if qid or kb is None or actor_id != country:
        return qid
    found = _country_qid(kb, actor_id)
    return found or ""


def _country_qid(kb: KnowledgeBase | None, iso3: str) -> str | None:
    try:
        country = kb.country(iso3)
    except Exception:  # noqa: BLE001 - a KB without countries: no QID
        return None
    return getattr(country, "qid", None) if country is not None else None


def write(conn: sqlite3.Connection, path: Path, *,
          kb: KnowledgeBase | None = None) -> tuple[int, int]:
    """Write the network to `path`; return (nodes, edges)."""
    import networkx as nx

    graph = build(conn, kb=kb)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return graph.number_of_nodes(), graph.number_of_edges()
