"""One-line summaries of merged events: "Vladimir Putin met Masoud Pezeshkian in
Tianjin (SCO summit)"."""

from __future__ import annotations

from typing import Any

MODE_VERBS = {"meet": "met", "visit": "visited", "call": "spoke by phone with",
              "host": "hosted", "talk": "held talks with", "sign": "signed an agreement with",
              "accuse": "accused", "criticize": "criticized", "condemn": "condemned",
              "praise": "praised", "invite": "invited", "congratulate": "congratulated"}
TYPE_VERBS = {"AGREE": "agreed with", "CONSULT": "met", "SUPPORT": "supported",
              "COOPERATE": "cooperated with", "AID": "aided", "RETREAT": "retreated from",
              "CONCEDE": "made concessions to", "INVESTIGATE": "investigated",
              "DEMAND": "made demands of", "DISAPPROVE": "criticized", "REJECT": "rejected",
              "THREATEN": "threatened", "PROTEST": "protested against",
              "CRIME": "committed a crime against", "MOBILIZE": "mobilized against",
              "SANCTION": "sanctioned", "COERCE": "coerced", "ASSAULT": "attacked"}


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def summarize(event: Any, *, actor_names: list[str], recipient_names: list[str]) -> str:
    verb = MODE_VERBS.get(event.mode or "") or TYPE_VERBS.get(event.type, event.type.lower())
    actor = _names(actor_names) or "someone"
    if recipient_names:
        line = f"{actor} {verb} {_names(recipient_names)}"
    else:
        # "Xi Jinping agreed", not "Xi Jinping agreed with"; "signed an agreement"
        bare = verb.removesuffix(" with").removesuffix(" of").removesuffix(" against")
        line = f"{actor} {bare}"
        if len(actor_names) > 1 and event.type == "CONSULT" and bare == "met":
            line = f"{actor} met"
    if event.location is not None:
        line += f" in {event.location.name}"
    if event.occasion and event.occasion.lower() != (event.mode or "").lower():
        line += f" ({event.occasion})"
    if event.status != "reported":
        line += f" [{event.status}]"
    return line
