"""Stage 7, events: PLOVER-typed events with actors, date, place, occasion, status.

One pass per sentence: find triggers (triggers.py), drop those another trigger
covers ("held talks" once, "agreed to cooperate" as one AGREE), then fill each event's
roles (roles.py), status (status.py), place, occasion and date (context.py).
Sentences' quoted speech is left to the quotes stage: "I am glad to meet you" is not
a meeting.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .. import doccache
from ..kb import KnowledgeBase
from ..model import Article, Event
from . import attendance, confidence, context, fallback, pairs, roles, sides, summit, when
from .ontology import GOLD_ALIASES, TYPES, matches_gold, plover_category
from .status import status_of
from .triggers import (
    ABSORBING_TYPES,
    ACCIDENT_NOUNS,
    HEAVY_WEAPONS,
    Trigger,
    noun_trigger,
    verb_trigger,
)

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
# Complements of these verbs are the object of the accusation/denial, not events of
# their own unless the verb is itself absorbed: kept, with the status they give.
REPORT_VERBS = frozenset({"say", "announce", "conclude", "insist", "state", "tell",
                          "declare", "add", "stress", "write", "reiterate", "warn"})
COUNTERPART_VERBS = frozenset({"tell", "assure", "inform", "brief", "urge", "thank"})
_SIDELINES = frozenset({"sidelines", "margins", "sideline"})
# Cooperative dyadic types: "X and Y met" names both sides, and "met in Moscow" is
# the venue, not a party.
# A meeting told on in the next sentence or two lies within this many characters.
CONTINUATION_CHARS = 400
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Acts of a state's authorities: with no actor named ("was arrested in Lebanon"), the
# actor is the country where it happened.
AUTHORITY_TYPES = frozenset({"COERCE", "INVESTIGATE"})


def _quoted_ranges(text: str, offset: int) -> list[tuple[int, int]]:
    return [(m.start() + offset, m.end() + offset) for m in _QUOTED.finditer(text)
            if len(m.group()) > 25]  # short quoted names ("turning point") stay


def _unquoted(text: str) -> str:
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def _in_ranges(idx: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= idx < b for a, b in ranges)


def _ranges_in(ranges: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The ranges that reach into [start, end): all `_in_ranges` needs for an offset
    there (one sentence's tokens against the document's quotes)."""
    return [(a, b) for a, b in ranges if a < end and b > start]


def _accidental(trig: Trigger) -> bool:
    return trig.type in ("ASSAULT", "FIGHT") and any(
        c.dep_ == "prep" and any(g.lemma_.lower() in ACCIDENT_NOUNS for g in c.children)
        for c in trig.token.children)


_TRIGGER_POS = frozenset({"VERB", "NOUN"})  # the tokens a trigger can be


def find_triggers(sent: Any, *, quoted: list[tuple[int, int]] | None = None
                  ) -> list[Trigger]:
    """The event triggers of one sentence, after covering and absorption. `quoted`:
    character ranges of direct speech in the document, left out."""
    quoted = quoted if quoted is not None else _quoted_ranges(sent.text, sent.start_char)
    here = _ranges_in(quoted, sent.start_char, sent.end_char)
    found: list[Trigger] = []
    for tok in doccache.tokens_where(sent, "POS", _TRIGGER_POS):
        if here and _in_ranges(tok.idx, here):
            continue
        trig = None
        if tok.pos_ == "VERB":
            trig = verb_trigger(tok) or _must_demand(tok)
        elif tok.pos_ == "NOUN":
            trig = noun_trigger(tok)
        if trig is not None:
            found.append(trig)
    covered = {t.noun.i for t in found if t.noun is not None and t.noun is not t.token}
    kept: list[Trigger] = []
    by_token = {t.token.i: t for t in found}
    for trig in found:
        tok = trig.token
        if trig.noun is tok and tok.i in covered:
            continue
        head = by_token.get(tok.head.i) if tok.head is not tok else None
        if head is not None and tok.dep_ in ("xcomp", "ccomp") \
                and head.type in ABSORBING_TYPES:
            continue  # "pledged to strengthen": the pledge is the event
        if _accidental(trig):
            continue
        if trig.type == "ASSAULT" and trig.mode in (None, "kill", "firearms") and any(
                t.lemma_.lower() in HEAVY_WEAPONS for t in sent):
            trig.type, trig.mode = "FIGHT", trig.mode or "heavy-weapons"
        kept.append(trig)
    kept = _without_occasions(kept)
    kept += _sideline_meetings(sent, {t.token.i for t in kept}, quoted)
    kept += _counterpart_talks(sent, {t.token.i for t in kept}, quoted)
    return kept


# Event nouns that, under another meeting's trigger, name its occasion: "met on the
# sidelines of the SCO summit" (the summit, an event of its own, is not told here
# with its members).
OCCASION_MODES = frozenset({"summit"})


def _without_occasions(triggers: list[Trigger]) -> list[Trigger]:
    consult = {t.token.i for t in triggers if t.type == "CONSULT"}
    out = []
    for trig in triggers:
        if trig.type == "CONSULT" and trig.noun is trig.token \
                and trig.mode in OCCASION_MODES \
                and any(a.i in consult for a in trig.token.ancestors):
            continue
        out.append(trig)
    return out


def _must_demand(tok: Any) -> Trigger | None:
    """"X said Y must withdraw": a demand (PLOVER DEMAND covers demands and orders)."""
    if tok.lemma_.lower() not in REPORT_VERBS:
        return None
    for c in tok.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "must"
                                     for a in c.children):
            return Trigger(tok, "DEMAND", "demand")
    return None


def _sideline_meetings(sent: Any, taken: set[int], quoted: list[tuple[int, int]]
                       ) -> list[Trigger]:
    """"On the sidelines of the SCO summit, Raisi assured his Russian counterpart":
    a verb addressed to someone on a summit's sidelines is a meeting."""
    out: list[Trigger] = []
    low = doccache.span_text(sent).lower()
    if "sideline" not in low and "margins" not in low:  # no token can be one
        return out
    for tok in sent:
        if tok.lower_ not in _SIDELINES or tok.dep_ != "pobj":
            continue
        verb = tok.head.head
        if verb.pos_ != "VERB" or verb.i in taken or _in_ranges(verb.idx, quoted):
            continue
        if any(c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN")
               for c in verb.children):
            out.append(Trigger(verb, "CONSULT", "sidelines"))
    return out


def _counterpart_talks(sent: Any, taken: set[int], quoted: list[tuple[int, int]]
                       ) -> list[Trigger]:
    """"Erdogan told his Iranian counterpart that ...": leaders speaking to each other
    are consulting."""
    out: list[Trigger] = []
    if "counterpart" not in doccache.span_text(sent).lower():  # no child can be one
        return out
    for tok in sent:
        if tok.lemma_.lower() not in COUNTERPART_VERBS or tok.i in taken \
                or _in_ranges(tok.idx, quoted):
            continue
        if any(c.dep_ in ("dobj", "dative") and c.lower_.startswith("counterpart")
               for c in tok.children):
            out.append(Trigger(tok, "CONSULT", "talks"))
    return out


def _clause_root(trig: Trigger) -> Any:
    """The verb whose clause holds the event: the trigger verb, or the verb an event
    noun hangs on ("held talks", "in a meeting with")."""
    tok = trig.token
    if trig.noun is tok and tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in (
            "dobj", "pobj", "nsubj", "attr"):
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        tok = tok.head.head
    return tok


def _clause_tokens(trig: Trigger) -> list[Any]:
    return list(_clause_root(trig).subtree)


def _counterparts(heads: list[Any], actors: list[Any], recipients: list[Any],
                  on: str | None, *, kb: KnowledgeBase | None) -> list[Any]:
    """"his Russian counterpart" left as the country: the person holding the actor's
    office there on the event's date."""
    if not actors or kb is None or not on or len(on) < 10:
        return recipients
    out = list(recipients)
    for head in heads:
        if not head.lower_.startswith("counterpart"):  # "counterpartthat": a typo seen
            continue
        for mod in head.children:
            country = kb.country(mod.text) if mod.dep_ in ("amod", "compound") else None
            if country is None:
                continue
            person = fallback.counterpart(actors[0], country.iso3, on[:10], kb=kb)
            if person is not None:
                out = [a for a in out if a.id != country.iso3 and a.id != person.id]
                out.insert(0, person)
    return out


def _authority_of(loc: Any, recipients: list[Any], *, kb: KnowledgeBase | None) -> list[Any]:
    """"A missionary was arrested in Lebanon": the authorities of the place's country
    arrest, investigate, detain."""
    if loc is None or not loc.country or kb is None:
        return []
    country = kb.country(loc.country)
    if country is None or any(r.id == country.iso3 for r in recipients):
        return []
    return [country.actor()]


def _continue_meetings(events: list[Event]) -> None:
    """A meeting told over two sentences: "Erdogan told his Iranian counterpart on
    Monday ... In a meeting on the sidelines of the SCO summit, Erdogan also said";
    "The meeting on October 11 ...". A meeting short of a party takes the parties,
    and where it has none the date, of the meeting just before it that shares its
    actor (or of the one just before, for a bare "the meeting"). A definite "the
    meeting" naming no one refers back to the last meeting told with both sides."""
    gathering = any(ev.occasion and ev.occasion.endswith(" summit") for ev in events)
    last: Event | None = None
    full: Event | None = None  # the meeting "the meeting" refers to (_main_meeting)
    fulls: list[Event] = []
    for ev in events:
        if ev.type != "CONSULT":
            continue
        full = _main_meeting(fulls)
        if last is not None and ev.start - last.end < CONTINUATION_CHARS \
                and not _the_gathering(ev, last, gathering):
            same = bool({a.id for a in ev.actor} & {a.id for a in last.actor})
            bare = not ev.actor and "meeting" in ev.trigger.lower()
            parties = [a for a in last.actor + last.recipient]
            complete = len({a.id for a in ev.actor + ev.recipient}) >= 2
            same = same and not complete  # "Lee and Park are due to meet" has its sides
            if same and not ev.recipient:
                ev.recipient = [a for a in parties if a not in ev.actor]
                ev.evidence = "continued"
            elif bare and ev.recipient and not set(ev.recipient) & set(parties):
                # "Lee and Park met ... But the meeting with Abe will be the test": the
                # noun names its own other side; which of Lee and Park meets Abe the
                # text does not say, and the meeting told before is another
                pass
            elif bare:
                ev.actor, ev.recipient = list(last.actor), list(last.recipient)
                ev.evidence = "continued"
            if (same or bare) and ev.date is None and last.date is not None:
                ev.date, ev.precision, ev.interval = last.date, last.precision, last.interval
        if ev.evidence == "anaphoric" and last is not None and ev.mode == last.mode \
                and ev.start == last.start and not _another_one(ev) \
                and len({a.id for a in last.actor + last.recipient}) >= 2:
            # "Park was to visit Lee, but scrapped the trip": the visit the sentence
            # has just told ("... a sequel to their first meeting": another one)
            full = last
        if ev.evidence == "anaphoric" and full is not None and ev.evidence != "continued" \
                and not _the_gathering(ev, full, gathering):
            # "The White House said there was no agenda for the meeting": the meeting
            # already told, whatever the sentence's own subject
            ev.actor, ev.recipient = list(full.actor), list(full.recipient)
            ev.evidence = "continued"
            if ev.date is None and full.date is not None:
                ev.date, ev.precision, ev.interval = full.date, full.precision, full.interval
            ev.location = ev.location or full.location
            ev.occasion = ev.occasion or full.occasion
        if ev.actor:
            last = ev
        if len({a.id for a in ev.actor + ev.recipient}) >= 2:
            fulls.append(ev)


_ANOTHER = re.compile(r"\b(?:first|last|previous|earlier|second|third|next|another|"
                      r"latest|former|prior)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _another_one(ev: Event) -> bool:
    """Whether the event noun is told as another occurrence ("their first meeting")."""
    if not ev.trigger:
        return False
    return any(_ANOTHER.search(ev.text[:m.start()]) is not None for m in re.finditer(
        r"\b" + re.escape(ev.trigger) + r"\b", ev.text, re.I))


def _the_gathering(ev: Event, before: Event, gathering: bool) -> bool:
    """Whether `ev`, a summit told after a meeting that is none, is the gathering the
    article tells of rather than that meeting ("Lee met Park at the G7 summit. Four
    guests attend the summit this year.")."""
    return gathering and ev.mode == "summit" and before.mode != "summit"


def _main_meeting(fulls: list[Event]) -> Event | None:
    """The meeting a definite "the meeting" naming no one refers back to: the latest
    meeting its trigger's own arguments told with both sides, of the pair the article
    told most often so far. "Lee met Park on Monday ... Lee said Abe had once sought to
    meet Park ... The meeting lasted two hours": the article's meeting is Lee and
    Park's."""
    told: dict[frozenset[str], int] = {}
    for ev in fulls:
        key = frozenset(a.id for a in ev.actor + ev.recipient)
        told[key] = told.get(key, 0) + 1
    own = [ev for ev in fulls if ev.evidence == "arguments"]
    if not own:
        return None
    return max(reversed(own), key=lambda ev: told[frozenset(
        a.id for a in ev.actor + ev.recipient)])


# Determiners of a noun that refers back to a meeting already told ("the meeting",
# "their talks", "this summit").
DEFINITE = frozenset({"the", "their", "this", "that", "these", "its"})


# Prepositions through which a meeting noun names its own parties ("the meeting with
# Lee", "talks between Lee and Park").
OWN_PARTY_PREPS = frozenset({"with", "between", "among", "by"})


# Prepositions through which a talks noun names its topic ("the talks on the nuclear
# deal", "the talks for a return to the accord"), not a date ("on Monday").
TOPIC_PREPS = frozenset({"on", "for", "over", "about"})


def _definite_noun(trig: Trigger) -> bool:
    """"the meeting", "their talks": an event noun that names no party of its own."""
    tok = trig.token
    if trig.noun is not tok:
        return False
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ in OWN_PARTY_PREPS for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPS and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
            for c in kids):
        return False  # "the talks on restoring the deal": a process named by its topic
    if any(c.dep_ in pairs.MODIFIER_DEPS and pairs.name_like(c) for c in kids):
        return False  # "the Lee-Park meeting", "the Seoul talks"
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in kids)


def _event(article: Article, sent: Any, trig: Trigger, *, kb: KnowledgeBase | None) -> Event:
    actor_heads, recipient_heads = roles.argument_heads(trig)
    actors = roles.resolve_all(article, actor_heads, kb=kb)
    recipients = [a for a in roles.resolve_all(article, recipient_heads, kb=kb)
                  if all(a.id != b.id for b in actors)]
    if trig.noun is trig.token and trig.type in SYMMETRIC_TYPES:
        pair = pairs.hyphen_pair(article, trig.token)
        if len(pair) >= 2:  # "the Lee-Park meeting"
            actors, recipients = pair[:1], pair[1:]
    evidence = "arguments" if actors and (recipients or (
        trig.type in SYMMETRIC_TYPES and len(actors) > 1)) else "fallback"
    if trig.type == "CONSULT":  # "Lee arrived for the NATO summit"
        people = [a for a in roles.resolve_all(
            article, attendance.attendee_heads(trig, actors, recipients), kb=kb)
            if a.kind == "person"]
        if people:
            actors, recipients, evidence = people, actors, "attendance"
    if not recipients and _definite_noun(trig):
        evidence = "anaphoric"
    root = _clause_root(trig)
    if trig.noun is trig.token and trig.token.dep_ in ("nsubj", "nsubjpass"):
        root = trig.token  # "The meeting on October 11 follows tensions between ..."
    for head in actor_heads if not actors else ():
        actors = actors or fallback.plural_countries(article, sent, head, kb=kb)
    passive = roles.agentless_passive(trig)
    if not actors and not passive:
        actors = fallback.climb_subjects(
            article, root, kb=kb,
            resolve=lambda t: roles.resolve_span(article, t, kb=kb)) or \
            fallback.first_before(article, sent, trig.token, kb=kb)
    if not recipients and not (trig.type in SYMMETRIC_TYPES and len(actors) > 1):
        skip = [roles.head_span(h) for h in actor_heads]
        recipients = [a for a in fallback.recipients_near(
            article, sent, root, trig.token, kb=kb, skip=skip,
            places=trig.type not in SYMMETRIC_TYPES) if a not in actors]
    status = status_of(trig.token)
    clause = _clause_tokens(trig)
    c_start = min(t.idx for t in clause)
    c_end = max(t.idx + len(t) for t in clause)
    clause_text = article.text[c_start:c_end]
    sent_text = doccache.span_text(sent)
    # an occasion named in quoted speech ("'I have been to many G7 meetings,' Lee said
    # during a meeting with Park") is something said, not this meeting's
    occ = context.occasion(_unquoted(clause_text), kb=kb) or \
        context.occasion(_unquoted(sent_text), kb=kb)
    timex = context.clause_date(article, c_start, c_end, sent_start=sent.start_char,
                                sent_end=sent.end_char, trigger=trig.token,
                                ahead=status in ("planned", "hypothetical"))
    date = timex.value if timex is not None else None
    loc = context.place_of(article, sent, trig.token, clause, occasion=occ, date=date,
                           status=status, kb=kb)
    if passive and not actors and trig.type in AUTHORITY_TYPES:
        actors = _authority_of(loc, recipients, kb=kb)
    if (status == "reported" and timex is not None and timex.precision == "day"
            and article.published and date and date > article.published
            and trig.token.tag_ not in ("VBD", "VBN")):
        status = "planned"  # "meet next week": a dated future event not told as past
    recipients = _counterparts(recipient_heads, actors, recipients,
                               date or article.published, kb=kb)
    mode = trig.mode
    if trig.type == "CONSULT" and mode == "meet" and occ and occ.endswith("visit"):
        mode = "visit"
    return Event(type=trig.type, mode=mode, actor=actors, recipient=recipients,
                 text=sent_text, start=sent.start_char, end=sent.end_char,
                 trigger=trig.text, date=date,
                 precision=timex.precision if timex is not None else None,
                 interval=timex.interval if timex is not None else None,
                 location=loc, occasion=occ, status=status, evidence=evidence)


def extract(article: Article, *, kb: KnowledgeBase | None = None) -> None:
    """Fill `article.events`."""
    article.events = []
    if article.doc is None:
        return
    quoted = _quoted_ranges(article.text, 0)
    for sent in article.doc.sents:
        for trig in find_triggers(sent, quoted=quoted):
            ev = _event(article, sent, trig, kb=kb)
            if len(ev.recipient) > 1 and roles.separate_meetings(trig):
                places = _parties_places(article, trig, kb=kb)
                article.events += [dataclasses.replace(
                    ev, recipient=[r], evidence="leaders",
                    location=places.get(r.id, ev.location)) for r in ev.recipient]
            else:
                article.events.append(ev)
    _continue_meetings(article.events)
    article.events = _well_formed(article, kb=kb)


def _parties_places(article: Article, trig: Trigger, *,
                    kb: KnowledgeBase | None) -> dict[str, Any]:
    """Each party's own place, where the sentence gives one ("met Kim in Pyongyang and
    Moon in Seoul"): the meeting with each is there."""
    out: dict[str, Any] = {}
    for tok in trig.token.subtree:
        where = roles.own_place(tok) if tok.ent_type_ == "PERSON" else None
        actor = roles.resolve_span(article, tok, kb=kb) if where is not None else None
        if actor is not None:
            loc = context.location(article, [where], kb=kb)
            if loc is not None:
                out.setdefault(actor.id, loc)
    return out


def _well_formed(article: Article, *, kb: sides.EventFactsKB | None) -> list[Event]:
    """The events whose parties make them well formed (sides.py), with those parties."""
    places = frozenset(m.place.name.lower() for m in article.mentions
                       if m.role == "place" and m.place is not None)
    told = summit.summits_told([ev.occasion for ev in article.events if ev.occasion],
                               published=article.published, kb=kb)
    kept = []
    for ev in article.events:
        on = ev.date if ev.date and len(ev.date) >= 10 else article.published
        verdict = sides.judge(ev, outlet=article.outlet, places=places, on=on, kb=kb)
        if verdict.ok:
            ev.actor, ev.recipient = verdict.actor, verdict.recipient
            when.settle(ev, published=article.published)
            summit.anchor(ev, published=article.published, kb=kb, told=told)
            ev.confidence = confidence.of_mention(ev)
            kept.append(ev)
    return kept


__all__ = ["GOLD_ALIASES", "TYPES", "extract", "find_triggers", "matches_gold",
           "plover_category"]
