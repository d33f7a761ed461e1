"""Actor and recipient of a trigger: dependency arguments turned into resolved actors.

Arguments are found on the parse (subject, object, "with X", "on X", "X's visit",
"talks between X and Y", conjuncts: "Britain, France and Germany"); each argument's
span is handed to `article.mention_at`, and where the actors stage has no mention
there, to the knowledge base (country names and demonyms, organizations).
"""

from __future__ import annotations

from typing import Any

from ..model import Actor, Article
from . import fallback
from .triggers import AID_OBJECTS, NOUNS, OBJECT_ONLY_NOUNS, TRANSFER_VERBS, TROOP_OBJECTS, Trigger

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
# Relative pronouns stand for the noun the clause hangs on ("Iran, which supplied").
REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
SKIP_RIGHT = frozenset({"conj", "cc", "prep", "relcl", "acl", "punct", "advcl"})


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
        else:
            for d in direct:
                if d is noun:
                    continue
                if d.lemma_.lower() in THING_WORDS:  # "reimposed sanctions on Iran"
                    recipients += _prep_objects(d, preps)
                else:
                    recipients.append(d)
        recipients += _prep_objects(tok, preps)
        if trigger.type == "DEMAND":  # "demanded that Iran stop", "said Iran must"
            recipients += [g for c in tok.children if c.dep_ in ("ccomp", "xcomp")
                           for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        if noun is not None and noun is not tok:
            recipients += _prep_objects(noun, preps)
            actors += [c for c in noun.children if c.dep_ == "poss"] if not actors else []
    expand = lambda heads: [h for t in heads for h in conjuncts(t)]  # noqa: E731
    return expand(actors), expand(recipients)


def _country_actor(kb: Any, text: str) -> Actor | None:
    country = kb.country(text) if kb is not None else None
    return country.actor() if country is not None else None


def resolve_span(article: Article, token: Any, *, kb: Any) -> Actor | None:
    """The actor a noun phrase headed by `token` refers to."""
    start, end = head_span(token)
    mention = article.mention_at(start, end)
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
    ents = [e for e in (span.ents if span is not None else ())
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
        found = kb.lookup(text)
        if found:
            return found[0].actor()
    for t in (span if span is not None else [token]):
        actor = _country_actor(kb, t.text)
        if actor is not None:
            return _with_sector(actor, token, kb=kb)
    return None


def _with_affiliation(article: Article, actor: Actor, start: int, end: int, *,
                      kb: Any) -> Actor:
    """A person the KB knows no country for takes the country named in their own noun
    phrase ("Vietnamese Minister X", "U.N. envoy X" stays without one)."""
    if actor.kind != "person" or actor.country is not None:
        return actor
    for _, other in fallback.mentions_in(article, start, end, kb=kb):
        if other.kind == "country" and other.country:
            return Actor(id=actor.id, name=actor.name, kind=actor.kind,
                         country=other.country, sector=actor.sector)
    return actor


def _with_sector(actor: Actor, head: Any, *, kb: Any) -> Actor:
    """"Hungarian officials": the country, with the sector its role word names."""
    if head.pos_ != "NOUN":
        return actor
    sector = kb.sector_of_role(head.lemma_.lower())
    if sector is None:
        return actor
    return Actor(id=actor.id, name=actor.name, kind=actor.kind, country=actor.country,
                 sector=sector)


def resolve_all(article: Article, heads: list[Any], *, kb: Any) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        actor = resolve_span(article, head, kb=kb)
        if actor is not None and all(a.id != actor.id for a in out):
            out.append(actor)
    return out


__all__ = ["argument_heads", "conjuncts", "head_span", "resolve_all", "resolve_span"]
