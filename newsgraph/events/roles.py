"""Actor and recipient of a trigger: dependency arguments turned into resolved actors.

Arguments are found on the parse (subject, object, "with X", "on X", "X's visit",
"talks between X and Y", conjuncts: "Britain, France and Germany"); each argument's
span is handed to `article.mention_at`, and where the actors stage has no mention
there, to the knowledge base (country names and demonyms, organizations).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from .. import doccache
from ..kb import KnowledgeBase
from ..model import Actor, Article
from . import fallback
from .triggers import (
    ABSORBING_TYPES,
    AID_OBJECTS,
    NOUNS,
    OBJECT_ONLY_NOUNS,
    TRANSFER_VERBS,
    TROOP_OBJECTS,
    Trigger,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Objects that are the event's matter, not its recipient: the recipient hangs on them.
THING_WORDS = frozenset(NOUNS) | frozenset(OBJECT_ONLY_NOUNS) | frozenset(AID_OBJECTS) \
    | TROOP_OBJECTS
# Prepositions that introduce the recipient, per type ("sanctions on Iran", "met with
# Putin", "supplied drones to Russia", "protest against").
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with", "to"),
    "AID": ("to", "for"),
    "SANCTION": ("on", "against", "to"),
    "THREATEN": ("against", "with"),
    "DISAPPROVE": ("against", "over", "of"),
    "PROTEST": ("against", "outside", "at"),
    "ASSAULT": ("on", "against"),
    "FIGHT": ("on", "against", "with"),
    "AGREE": ("with", "to"),
    "COOPERATE": ("with",),
    "SUPPORT": ("for", "to"),
    "DEMAND": ("from", "of"),
    "MOBILIZE": ("against", "to", "near", "along"),
    "RETREAT": ("from", "to"),
    "CONCEDE": ("to",),
    "REJECT": ("from", "by"),
    "INVESTIGATE": ("into",),
    "COERCE": ("on", "against"),
}
# Event nouns whose "of" object is the recipient ("the invasion of South Lebanon").
NOUN_OF_TYPES: dict[str, tuple[str, ...]] = {
    "FIGHT": ("invasion", "occupation", "shelling", "bombardment", "blockade", "siege"),
    "ASSAULT": ("assassination", "bombing", "killing", "massacre"),
}
# Objects of a sending verb that are the actor's own people, not the recipient.
PERSONNEL_WORDS = frozenset({"personnel", "staff", "team", "official", "expert",
                             "troop", "soldier", "envoy", "delegation", "inspector"})
# Prepositions through which a common noun's tail names whom it stands for.
THROUGH_PREPS = frozenset({"for", "of", "from", "in"})
# Relative pronouns stand for the noun the clause hangs on ("Iran, which supplied").
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Words of place names that name no country on their own ("West Darfur State").
GENERIC_PLACE_WORDS = frozenset({"state", "states", "republic", "kingdom", "west", "east",
                                 "north", "south", "province", "region", "city"})
SKIP_RIGHT = frozenset({"conj", "cc", "prep", "relcl", "acl", "punct", "advcl"})
PLACE_PREPS = ("on", "in", "at")
# Plural nouns of the people heading states: "the leaders of Ruritania and Freedonia"
# are each state's leader.
LEADER_NOUNS = frozenset({"leader", "head", "president", "counterpart", "premier"})


def conjuncts(token: Any) -> list[Any]:
    """The token and its conjuncts: "Britain, France and Germany" -> three heads."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON"):
            out += conjuncts(c)
    return out


def head_span(token: Any) -> tuple[int, int]:
    """Character span of a noun phrase around `token`, without its conjuncts,
    relative clauses and prepositional tails."""
    if token.lower_ in REL_PRONOUNS and token.head.dep_ == "relcl":
        token = token.head.head
    start = token.idx
    for c in token.lefts:
        if c.dep_ not in ("cc", "conj", "punct", "prep"):
            start = min(start, c.left_edge.idx)
    end = token.idx + len(token)
    for c in token.rights:
        if c.dep_ in SKIP_RIGHT:
            continue
        end = max(end, c.right_edge.idx + len(c.right_edge))
    return start, end


def _subject(token: Any) -> list[Any]:
    subs = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    if subs:
        return subs
    agent = [g for c in token.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    if agent:
        return agent
    if token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX", "NOUN"):
        return _subject(token.head)
    if token.dep_ == "xcomp" and token.head.pos_ == "ADJ" and token.head.dep_ == "acomp":
        # "Lee and Park are due to meet", "are set to meet": the subject of the copula
        return _subject(token.head.head)
    if token.dep_ == "relcl":
        return [token.head]
    if token.dep_ == "advcl" and token.tag_ == "VBG":  # "..., saying", "warning that"
        return _subject(token.head)
    return []


def _prep_objects(token: Any, preps: tuple[str, ...]) -> list[Any]:
    out = []
    for c in token.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def argument_heads(trigger: Trigger) -> tuple[list[Any], list[Any]]:
    """Head tokens of the actor and of the recipient of `trigger`."""
    tok, noun = trigger.token, trigger.noun
    preps = RECIPIENT_PREPS.get(trigger.type, ())
    actors: list[Any] = []
    recipients: list[Any] = []
    if noun is tok:  # an event noun on its own
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in
                                    ("GPE", "NORP", "ORG", "PERSON")):
                actors.append(c)
            if c.dep_ == "prep" and c.lower_ in ("between", "by", "among"):
                actors += [g for g in c.children if g.dep_ == "pobj"]
        recipients += _prep_objects(tok, preps)
        if not actors and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            # "In a meeting with Putin, Raisi said": the meeting is the speaker's
            actors = _subject(tok.head.head)
        if not actors and tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX"):
            actors = _subject(tok.head)
    else:
        actors = _subject(tok)
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        if passive:
            if noun is None or all(p is not noun for p in passive):
                recipients += passive
            actors = [g for c in tok.children if c.dep_ == "agent" for g in c.children
                      if g.dep_ == "pobj"]
        direct = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
        lemma = tok.lemma_.lower()
        if lemma in TRANSFER_VERBS or trigger.type in ("AID", "MOBILIZE"):
            recipients += [c for c in tok.children if c.dep_ == "dative"
                           and c.pos_ in ("PROPN", "NOUN", "PRON")]
            recipients += _prep_objects(tok, ("to", "for"))
            for d in direct:  # "deliver blows to the United States"
                recipients += _prep_objects(d, ("to",))
        else:
            for d in direct:
                if d is noun:
                    continue
                if d.lemma_.lower() in THING_WORDS:  # "reimposed sanctions on Iran"
                    recipients += _prep_objects(d, preps)
                else:
                    recipients.append(d)
        recipients += _prep_objects(tok, preps)
        if trigger.type == "CONSULT":
            # "met on the sidelines with Lee", "met in Geneva with Lee": the parser
            # hangs the "with" on the place
            recipients += [g for place in _prep_objects(tok, PLACE_PREPS)
                           for g in _prep_objects(place, ("with",))]
        if trigger.type == "DEMAND":  # "demanded that Iran stop", "said Iran must"
            recipients += [g for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                           for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if noun is not None and noun is not tok:
            recipients += _prep_objects(noun, preps)
            actors += [c for c in noun.children if c.dep_ == "poss"] if not actors else []
    event_noun = noun if noun is not None else tok
    if event_noun.lower_ in NOUN_OF_TYPES.get(trigger.type, ()):
        recipients += _prep_objects(event_noun, ("of",))  # "the invasion of South Lebanon"
    if trigger.mode == "mediate":  # "mediation between X and Y": X and Y are mediated
        between = [g for n in {tok, noun or tok, (noun or tok).head}
                   for g in _prep_objects(n, ("between",))]
        actors = [a for a in actors if a not in between]
        if between:  # "a mediation effort between": the effort is no party
            recipients = between + [r for r in recipients
                                    if r not in between and _named([r])]
    if trigger.type in ABSORBING_TYPES:
        # "threatened to deliver blows to the United States": the act's recipient
        for c in tok.children:
            if c.dep_ == "xcomp" and c.pos_ == "VERB":
                recipients[:0] = argument_heads(Trigger(c, trigger.type, trigger.mode))[1]
    if undergone(trigger):
        # "a US national has been put under investigation": the subject undergoes it
        recipients += [c for c in tok.head.head.children if c.dep_ in SUBJECTS]
        actors = [g for c in tok.head.head.children if c.dep_ == "agent"
                  for g in c.children if g.dep_ == "pobj"]
    if not _named(recipients) and tok.dep_ in ("xcomp", "advcl") and tok.head.pos_ == "VERB":
        # "summoned the ambassador to complain", "sent staff to Bosnia to investigate"
        head = tok.head
        recipients = [r for r in recipients if _named([r])]
        recipients += [c for c in head.children if c.dep_ in ("dobj", "dative")
                       and c.pos_ in ("PROPN", "NOUN")
                       and c.lemma_.lower() not in THING_WORDS | PERSONNEL_WORDS]
        recipients += _prep_objects(head, ("to",))
    return _expand(actors), _expand(recipients)


def leaders_of(head: Any) -> list[Any]:
    """The states "the leaders of Ruritania, Freedonia and Sylvania" names (their
    heads), else []."""
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or head.lemma_.lower() not in LEADER_NOUNS:
        return []
    out: list[Any] = []
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                    out += [c for c in conjuncts(pobj) if c.ent_type_ == "GPE"]
    return out


def separate_meetings(trigger: Trigger) -> bool:
    """"Lee will meet the leaders of Ruritania, Freedonia and Sylvania", "Lee met Park
    in Ruritania and Kim in Freedonia": a meeting with each, not one of all four."""
    if trigger.type != "CONSULT":
        return False
    subtree = list(trigger.token.subtree)
    return any(len(leaders_of(t)) >= 2 for t in subtree if t.dep_ in ("pobj", "dobj")) \
        or sum(1 for t in subtree if t.ent_type_ == "PERSON" and own_place(t) is not None) >= 2


def own_place(head: Any) -> Any:
    """The place a party's own phrase puts it in: "Kim in Pyongyang" -> Pyongyang."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC", "FAC"):
                    return g
    return None


def _expand(heads: list[Any]) -> list[Any]:
    """The heads with their conjuncts, each once, in order. A common noun naming no
    state or body stands for the people in apposition to it: "with two allies — Lee
    and Park" ("the government and the rebels, the SPLA": the government is a party)."""
    out: list[Any] = []
    for head in heads:
        states = leaders_of(head)
        if states:
            out += [h for h in states if h not in out]
            continue
        # "met Kim in Pyongyang and Moon in Seoul", parsed with Moon in apposition to
        # Kim: a name after a coordinator is another party
        joined = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                  and head.ent_type_ == "PERSON" and any(
                      t.dep_ == "cc" for t in head.doc[head.i + 1:c.i])]
        # "President Lee and Prime Minister Park will meet", parsed with Lee a modifier
        # of Park that has the coordinator: Lee is a party too
        joined += [c for c in head.children if c.dep_ in ("nmod", "compound")
                   and c.ent_type_ == "PERSON" and head.ent_type_ == "PERSON"
                   and any(g.dep_ == "cc" for g in c.children)]
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ == "PERSON"]
        if head.pos_ == "NOUN" and named and not any(
                c.ent_type_ in ("GPE", "ORG") for c in head.children if c.i < head.i):
            for name in named:
                out += [h for h in conjuncts(name) if h not in out]
            continue
        out += [h for name in joined for h in conjuncts(name) if h not in out]
        out += [h for h in conjuncts(head) if h not in out]
    return out


def undergone(trigger: Trigger) -> bool:
    """"put under investigation", "placed under arrest": the subject is the recipient."""
    tok = trigger.token
    return trigger.noun is tok and tok.dep_ == "pobj" and tok.head.lower_ == "under"


def agentless_passive(trigger: Trigger) -> bool:
    """"was arrested in Lebanon", "put under investigation": no actor is named."""
    tok = trigger.token
    if undergone(trigger):
        tok = tok.head.head
    elif not any(c.dep_ == "nsubjpass" for c in tok.children):
        return False
    return not any(c.dep_ == "agent" for c in tok.children)


def _named(heads: list[Any]) -> bool:
    """Whether any of the heads names someone (a name or a pronoun), not a thing."""
    for head in heads:
        if head.pos_ in ("PROPN", "PRON") or head.ent_type_:
            return True
        start, end = head_span(head)
        doc = head.doc  # the tokens starting in [start, end), found without a doc scan
        starts = doccache.idx(doc)
        lo = bisect_left(starts, start)
        hi = bisect_left(starts, end, lo)
        if any(doc[i].ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for i in range(lo, hi)):
            return True
    return False


def _country_actor(kb: KnowledgeBase | None, text: str) -> Actor | None:
    country = kb.country(text) if kb is not None else None
    return country.actor() if country is not None else None


def resolve_span(article: Article, token: Any, *, kb: KnowledgeBase | None) -> Actor | None:
    """The actor a noun phrase headed by `token` refers to."""
    start, end = head_span(token)
    mention = _mention_of_head(article, token, start, end)
    if mention is not None and mention.actor is not None:
        actor = fallback.fix_mention_actor(mention, token.doc, kb=kb)
        if actor is not None:
            return _with_affiliation(article, actor, start, end, kb=kb)
    if kb is None:
        return None
    place = article.mention_at(start, end, role="place")
    if place is not None and place.place is not None and place.place.country:
        country = kb.country(place.place.country)
        if country is not None:
            return country.actor()
    doc = token.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    ents = [e for e in (doccache.span_ents(span) if span is not None else ())
            if e.label_ in ("GPE", "NORP", "ORG", "PERSON", "LOC")]
    for ent in sorted(ents, key=lambda e: -len(e.text)):
        text = ent.text.removeprefix("the ").removesuffix("'s")
        if ent.label_ in ("GPE", "NORP", "LOC"):
            actor = _country_actor(kb, text)
            if actor is not None:
                return _with_sector(actor, token, kb=kb)
        if ent.label_ == "ORG":
            org = kb.org(text)
            if org is not None:
                return org.actor()
        found = kb.lookup(text) if ent.label_ in ("PERSON", "ORG") else []
        if found:  # "Christian" (a faith) is no one's surname here
            return found[0].actor()
    for t in (span if span is not None else [token]):
        if t.lower_ in GENERIC_PLACE_WORDS:
            continue
        actor = _country_actor(kb, t.text)
        if actor is not None:
            return _with_sector(actor, token, kb=kb)
    return None


def _mention_of_head(article: Article, token: Any, start: int, end: int) -> Any:
    """The actor mention for the phrase: "Osama bin Laden's al-Qaeda terror network"
    is al-Qaeda's, not its possessor's, where the phrase names both."""
    mention = article.mention_at(start, end)
    if mention is not None and token.pos_ == "PROPN" and mention.start > token.idx \
            and any(c.dep_ == "appos" for c in token.children):
        # "Lee, the South Korean envoy, arrived": the name, not its apposition
        own = article.mention_at(token.idx, token.idx + len(token))
        if own is not None and own.start <= token.idx < own.end:
            mention = own
    owners = [c for c in token.children if c.dep_ == "poss"]
    if mention is None or not owners:
        return mention
    a, b = owners[0].left_edge.idx, owners[0].right_edge.idx + len(owners[0].right_edge)
    if not (a <= mention.start and mention.end <= b):
        return mention
    rest = article.mention_at(b, end)
    return rest if rest is not None and rest.start >= b else mention


def _with_affiliation(article: Article, actor: Actor, start: int, end: int, *,
                      kb: KnowledgeBase | None) -> Actor:
    """A person the KB knows no country for takes the country named in their own noun
    phrase ("Vietnamese Minister X", "U.N. envoy X" stays without one)."""
    if actor.kind != "person" or actor.country is not None:
        return actor
    for _, other in fallback.mentions_in(article, start, end, kb=kb):
        if other.kind == "country" and other.country:
            return Actor(id=actor.id, name=actor.name, kind=actor.kind,
                         country=other.country, sector=actor.sector)
    return actor


def _with_sector(actor: Actor, head: Any, *, kb: KnowledgeBase | None) -> Actor:
    """"Hungarian officials": the country, with the sector its role word names."""
    if head.pos_ != "NOUN":
        return actor
    sector = kb.sector_of_role(head.lemma_.lower())
    if sector is None:
        return actor
    return Actor(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country,
                 sector=sector)


def _resolve_through(article: Article, head: Any, *, kb: KnowledgeBase | None) -> Actor | None:
    """"a camp for Congolese refugees", "a village in Western Cambodia", "a missionary
    from Calgary": a common noun naming no one stands for whom its tail names."""
    if head.pos_ != "NOUN" or head.lemma_.lower() in THING_WORDS:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in THROUGH_PREPS:
            continue
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                actor = resolve_span(article, pobj, kb=kb) or _resolve_through(
                    article, pobj, kb=kb)
                if actor is not None:
                    return actor
    return None


def resolve_all(article: Article, heads: list[Any], *, kb: KnowledgeBase | None) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        actor = resolve_span(article, head, kb=kb) or _resolve_through(
            article, head, kb=kb)
        if actor is not None and all(a.id != actor.id for a in out):
            out.append(actor)
    return out


__all__ = ["own_place", "argument_heads", "conjuncts", "head_span", "leaders_of", "resolve_all",
           "resolve_span", "separate_meetings"]
