"""The one place that decides an event's parties: which actors are sides at all, and
whether a dyadic event has the two distinct sides it needs.

Parties come from the actors stage's resolved mentions (roles.py hands them over);
here nothing is looked up by name again. A party is dropped when it is:

- a news outlet or wire service (the source of the story, not a side of it);
- a garbled name the actors stage could not tidy (a name cut off at a hyphen, two
  names run together, two parties joined by "and" or by a hyphen);
- a place taken for a body ("Helsinki" as an organization).

Then sides are collapsed: a state and a person or state body of that state are one
side (the person stands for it: "Putin and Russia" is one side), and one actor named
twice is one side. A dyadic type (PLOVER CONSULT: meet, visit, talks, call) needs
two distinct sides; a visit goes abroad (its host is not the visitor's own state).
An event short of that is not well formed and is not kept as an event. No event has
one actor on both sides: a state's sectors acting on each other stay apart as those
sectors of the state (`distinct_sides`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from ..model import Actor, Event


class FactsKB(Protocol):
    """What this module asks of the knowledge base: entities by id and terms of office
    (facts, not name look-ups)."""

    def entity(self, id: str) -> object | None: ...

    def holders(self, country: str, role: str, on: str) -> list[object]: ...


class EventFactsKB(FactsKB, Protocol):
    """The knowledge-base facts the well-formedness step uses: entities and terms
    (here), countries and summits (summit.py)."""

    def country(self, text: str) -> object | None: ...

    def place(self, text: str) -> object | None: ...

    def summits(self, *, org: str | None = None, city: str | None = None,
                country: str | None = None, year: int | None = None) -> list[object]: ...


# Types that relate two distinct sides, whatever the other types do.
DYADIC_TYPES = frozenset({"CONSULT"})
# Sector code and id prefix the knowledge base gives news organizations.
MEDIA_SECTOR = "MED"
MEDIA_IDS = "X:MED:"
# The PLOVER sector of the news media, as the actors stage codes a paper or magazine.
NEWS_SECTOR = "JRN"
# Words that make an organization's name a news outlet's ("Fox News", "the Times",
# "Associated Press", "Sky TV"), and the wire services named by their short forms.
MEDIA_WORDS = frozenset({"news", "times", "post", "press", "tv", "radio", "television",
                         "broadcasting", "newspaper", "magazine", "tribune", "herald",
                         "gazette", "telegraph"})
WIRE_SHORT = frozenset({"ap", "afp", "upi", "dpa", "ani", "kcna", "yonhap", "xinhua",
                        "tass", "irna", "ria", "efe", "ansa", "bbc", "cnn", "nbc", "cbs",
                        "abc", "npr", "pbs", "reuters", "bloomberg", "twitter",
                        "facebook", "instagram", "youtube"})
# "Moon Jae-" (cut at a hyphen), "JohnSmithSmith" (two names run together),
# "@handle", digits: no one's name.
_CUT = re.compile(r"-$|^-")
_RUN_TOGETHER = re.compile(r"[a-z][A-Z][a-z]")
_NOT_A_NAME = re.compile(r"[@#\d]")
# "the Lee-Park talks": two surnames joined by a hyphen modify the event noun.
_PAIR = re.compile(r"^[A-Z][a-z]+[-\u2013][A-Z][a-z]+$")


@dataclass(frozen=True)
class Verdict:
    actor: list[Actor]
    recipient: list[Actor]
    ok: bool
    reason: str = ""


def is_outlet(actor: Actor, *, outlet: str | None = None) -> bool:
    """A news organization: by its KB sector, its own article's outlet name, or a name
    built like an outlet's ("Fox Business Network", "AP")."""
    if actor.sector == MEDIA_SECTOR and actor.id.startswith(MEDIA_IDS):
        return True  # (MED alone is also the medical sector: the Red Cross is no outlet)
    name = actor.name.lower().strip()
    if outlet and name and (name == outlet.lower() or name in outlet.lower().split()):
        return True
    if actor.kind not in ("organization", "person", "group"):
        return False
    words = re.findall(r"[a-z]+", name)
    if len(words) == 1 and words[0] in WIRE_SHORT:
        return True
    # the KB gives the bodies it knows their sector: only names it lacks are read
    return actor.kind == "organization" and actor.id.startswith("L:") and any(
        w in MEDIA_WORDS for w in words)


# Nouns that, after a body's name, say it is a news outlet: "told The Review
# magazine", "the Daily Ledger newspaper", "the Ruritania One channel".
MEDIA_NOUNS = ("magazine", "newspaper", "daily", "weekly", "channel", "network",
               "broadcaster", "tabloid", "news agency", "news site", "website")


def named_as_outlet(actor: Actor, text: str) -> bool:
    """Whether `text` (the event's sentence) calls the body `actor` a news outlet."""
    if actor.kind != "organization" or not actor.id.startswith("L:") or not actor.name:
        return False
    return _outlet_pattern(actor.name).search(text) is not None


@lru_cache(maxsize=4096)
def _outlet_pattern(name: str) -> re.Pattern[str]:
    # compiled once per name: `named_as_outlet` runs for every side of every event
    nouns = "|".join(re.escape(n) for n in MEDIA_NOUNS)
    return re.compile(rf"\b{re.escape(name)}\s+(?:{nouns})\b", re.I)


def is_garbled(actor: Actor) -> bool:
    """A name the actors stage left broken (see the module doc). Only names the KB does
    not know are judged: a KB entry's name is its canonical form."""
    if not actor.id.startswith("L:"):
        return False
    name = actor.name.strip()
    if not name or _CUT.search(name) or _NOT_A_NAME.search(name):
        return True
    if _RUN_TOGETHER.search(name.replace("Mc", "").replace("Mac", "")):
        return True
    if " and " in name or "&" in name:
        return True
    if _PAIR.match(name):
        return True
    words = name.split()
    if actor.kind == "person" and (len(set(words)) < len(words) or name.isupper()):
        return True  # "Smith Smith", "KST" as a person
    return False


def usable(actor: Actor, *, outlet: str | None = None, places: frozenset[str] = frozenset()
           ) -> bool:
    """Whether `actor` can be a side of an event at all. `places`: lowercased names of
    the places the actors stage found in the article ("Helsinki" the city is no body)."""
    if is_outlet(actor, outlet=outlet) or is_garbled(actor):
        return False
    if actor.kind == "organization" and actor.id.startswith("L:") \
            and actor.name.lower() in places:
        return False
    return True


# A group the actors stage made of named people ("the two leaders" after "Lee met
# Park") has the id "G:" + their ids joined by "+"; each member is a party.
GROUP_OF_PEOPLE = re.compile(r"^G:(Q\d+(?:\+Q\d+)+)$")
# A presidency (the seat standing for the head of state: "the Blue House hosted the
# envoy") is the president in office that day.
SEAT_ROLES = {"PRESIDENCY": "president"}


def expand(actor: Actor, *, on: str | None, kb: FactsKB | None) -> list[Actor]:
    """The people a pair group or a presidency stands for, else the actor itself."""
    if kb is None:
        return [actor]
    m = GROUP_OF_PEOPLE.match(actor.id)
    if m:
        members = [kb.entity(qid) for qid in m.group(1).split("+")]
        found = [e.actor() for e in members if e is not None]  # type: ignore[attr-defined]
        return found if len(found) == len(members) else [actor]
    country, _, seat = actor.id.partition(":")
    role = SEAT_ROLES.get(seat)
    if role and on and len(on) >= 10 and actor.kind == "organization":
        holders = kb.holders(country, role, on[:10])
        if len(holders) == 1:
            h = holders[0]
            person = kb.entity(h.person_id)  # type: ignore[attr-defined]
            if person is not None:
                return [person.actor()]  # type: ignore[attr-defined]
    return [actor]


def collapse(actors: list[Actor]) -> list[Actor]:
    """One actor per side: each actor once; a state is dropped where a person or a body
    of that state is there to stand for it; a state body (a government seat such as
    a presidency) is dropped where a person of that state is named."""
    out: list[Actor] = []
    for a in actors:
        if all(a.id != b.id for b in out):
            out.append(a)
    persons = {a.country for a in out if a.kind == "person" and a.country}
    bodies = {a.country for a in out if a.kind in ("organization", "group") and a.country
              and a.sector == "GOV"}
    kept = []
    for a in out:
        if a.kind == "country" and (a.id in persons or a.id in bodies):
            continue
        if a.kind == "organization" and a.sector == "GOV" and a.country in persons:
            continue
        kept.append(a)
    return kept


# Labels of the sectors a state's own people are coded with, for the name of a state
# split by sector ("Russia (police)").
SECTOR_LABELS = {"GOV": "government", "MIL": "armed forces", "COP": "police",
                 "REB": "rebels", "OPP": "opposition", "CVL": "civilians",
                 "LEG": "legislature", "JUD": "judiciary", "REF": "refugees",
                 "BUS": "business", "JRN": "media", "MED": "medical", "SPY": "intelligence",
                 "LAB": "labour", "ELI": "elites", "EDU": "education", "REL": "religious"}


def by_sector(actor: Actor) -> Actor:
    """A state standing for one of its sectors, as that sector of the state: the id
    the knowledge base gives a state's generic bodies ("RUS:COP"), the state kept as
    its country."""
    label = SECTOR_LABELS.get(actor.sector or "", (actor.sector or "").lower())
    return Actor(id=f"{actor.id}:{actor.sector}", name=f"{actor.name} ({label})",
                 kind="group", country=actor.country or actor.id, sector=actor.sector)


def distinct_sides(actor: list[Actor], recipient: list[Actor]
                   ) -> tuple[list[Actor], list[Actor]]:
    """No actor on both sides of an event. A domestic event between two sectors of one
    state ("Police in Ruritania arrested dozens of protesters": the state's police and
    its civilians, both resolved to the state) keeps both sides as those sectors of
    the state, so the country is still on each side; one actor named as both doer and
    target ("Ruritania's leader insisted", the leader resolved twice) keeps no
    target."""
    actor_ids = {a.id for a in actor}
    if not actor_ids & {r.id for r in recipient}:
        return actor, recipient
    out_actor, out_recipient = list(actor), []
    for r in recipient:
        same = [a for a in out_actor if a.id == r.id]
        if not same:
            out_recipient.append(r)
            continue
        a = same[0]
        if a.kind == "country" and r.kind == "country" and a.sector != r.sector:
            # the state's police and its protesters; its forces and the state itself
            # ("Ruritanian forces shelled Ruritania's north")
            out_actor = [by_sector(x) if x is a and a.sector else x for x in out_actor]
            out_recipient.append(by_sector(r) if r.sector else r)
    ids = {a.id for a in out_actor}
    return out_actor, [r for r in out_recipient if r.id not in ids]


def _stateless_against_states(actor: list[Actor], recipient: list[Actor]) -> bool:
    """"Vice President Ana Lee met with Ruritania", Lee unknown to the KB and of no
    state the actors stage could tell: Ruritania may be her own state (a person and
    their own state are one side), so the meeting has no second side for sure."""
    for one, other in ((actor, recipient), (recipient, actor)):
        if other and all(a.kind == "country" for a in other) and any(
                a.kind == "person" and not a.country for a in one):
            return True
    return False


def judge(ev: Event, *, outlet: str | None = None, places: frozenset[str] = frozenset(),
          on: str | None = None, kb: FactsKB | None = None) -> Verdict:
    """The event's parties, cleaned, and whether the event is well formed. `on`: the
    event's day (else the publication day), for the holder of a seat."""
    # the news media as the doer report, they do not act ("the Review wrote that");
    # as the target they are a side ("ordered the paper to close")
    actor = [x for a in ev.actor if usable(a, outlet=outlet, places=places)
             and not (a.kind == "organization" and a.sector == NEWS_SECTOR)
             and not named_as_outlet(a, ev.text)
             for x in expand(a, on=on, kb=kb)]
    recipient = [x for a in ev.recipient if usable(a, outlet=outlet, places=places)
                 and not named_as_outlet(a, ev.text)
                 for x in expand(a, on=on, kb=kb)]
    if ev.type not in DYADIC_TYPES:
        actor, recipient = distinct_sides(actor, recipient)
        return Verdict(actor, recipient, True)
    both = collapse(actor + recipient)
    actor = [a for a in actor if a in both]
    recipient = [a for a in recipient if a in both and a not in actor]
    if len(both) < 2:
        return Verdict(actor, recipient, False, "fewer than two distinct sides")
    if _stateless_against_states(actor, recipient):
        return Verdict(actor, recipient, False, "a person of unknown state and a state")
    if ev.mode == "visit" and actor and recipient:
        home = {a.country or a.id for a in actor}
        if all(r.kind == "country" and r.id in home for r in recipient):
            return Verdict(actor, recipient, False, "a visit to one's own state")
    if not actor:  # "talks between X and Y" named as recipients only
        actor, recipient = recipient[:1], recipient[1:]
    return Verdict(actor, recipient, True)


__all__ = ["DYADIC_TYPES", "EventFactsKB", "FactsKB", "Verdict", "by_sector", "collapse",
           "distinct_sides", "expand", "is_garbled", "is_outlet", "judge", "named_as_outlet",
           "usable"]
