"""A summit told through one who goes to it: "Lee arrived in Brussels for the NATO
summit", "Lee flew in from a G7 meeting in Canada", "Lee will attend the ASEAN summit",
"At the NATO summit, Lee scolded the allies". The event noun names the organization
holding the summit (its modifier) and no one else; the person is the subject of the
verb that takes them there. The summit's parties are then the organization and that
person (gold/README.md: for a summit, the leaders the article says took part plus the
organization)."""

from __future__ import annotations

from typing import Any

from ..model import Actor

# Verbs of going to, taking part in or coming back from a gathering.
ATTEND_VERBS = frozenset({"attend", "arrive", "fly", "travel", "go", "head", "leave",
                          "depart", "return", "land", "come", "participate", "join",
                          "address", "chair"})
# Prepositions through which such a verb reaches the gathering.
ATTEND_PREPS = frozenset({"for", "to", "at", "from", "in", "after", "during"})
GATHERING_MODES = frozenset({"summit", "meet"})
# Prepositions that put whoever acts at the gathering, whatever the act: "At the NATO
# summit, Lee scolded the allies", "Lee spoke during the G7 summit".
PRESENCE_PREPS = frozenset({"at", "during"})


def _attend_verb(noun: Any) -> Any:
    """The verb of attending the event noun hangs on, or None."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ATTEND_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ATTEND_PREPS:
        verb = head.head
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in ATTEND_VERBS
                                    or head.lower_ in PRESENCE_PREPS):
            return verb
    return None


def _subjects(verb: Any) -> list[Any]:
    for _ in range(3):  # "landed ..., having flown from": up a short clause chain
        subs = [c for c in verb.children if c.dep_ == "nsubj"]
        if subs:
            return subs
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head is verb:
            return []
        verb = verb.head
    return []


def attendee_heads(trigger: Any, actors: list[Actor], recipients: list[Actor]) -> list[Any]:
    """Subject heads of the verb of attending, where the trigger is a gathering noun
    whose only party is an organization of no state (its holder)."""
    tok = trigger.token
    if trigger.noun is not tok or trigger.mode not in GATHERING_MODES or recipients \
            or len(actors) != 1 or actors[0].kind != "organization" or actors[0].country:
        return []
    verb = _attend_verb(tok)
    return _subjects(verb) if verb is not None else []


__all__ = ["ATTEND_VERBS", "attendee_heads"]
