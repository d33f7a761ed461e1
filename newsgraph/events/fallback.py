"""Actor and recipient when the trigger's own arguments give none.

The parse often hides the argument (a pronoun the actors stage left unresolved:
"Syria says it is willing to withdraw"; a head word with no name: "a group of
Moroccan diplomats"; a misparse of the verb) or the recipient sits deeper than a
direct argument ("threatened further action against Russia", "threatened to stop
talks if the United States ..."). These fallbacks read the resolved mentions of the
actors stage in the regions of the sentence where the argument must be:
- actor: the subjects up the clause chain (the sayer of "X said it would"), their
  whole subtrees, then the first mention before the trigger in the sentence;
- recipient: mentions in the trigger's clause outside its subjects, then the first
  mention after the trigger that is not the source of the report ("..., police said").
"""

from __future__ import annotations

from typing import Any

from ..kb import KnowledgeBase
from ..model import Actor, Article, Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "its", "their", "them",
                      "who", "which", "that"})
# Verbs whose subject is the source of the report, never the event's recipient.
# Prepositions before a venue ("at the Kremlin", "inside the White House").
VENUE_PREPS = frozenset({"at", "in", "inside", "outside"})
# The people of a country, not its government ("the Iranian people").
PUBLIC_NOUNS = frozenset({"people", "public", "population", "citizen", "voter", "nation",
                          "resident", "electorate", "youth"})
SOURCE_VERBS = frozenset({"say", "report", "tell", "announce", "quote", "add", "claim",
                          "state", "write", "accord"})


def mention_actor(m: Mention, *, kb: KnowledgeBase | None, doc: Any = None) -> Actor | None:
    """The actor a mention stands for: its resolved actor, or a place's country."""
    if m.role == "actor":
        return fix_mention_actor(m, doc, kb=kb)
    if m.place is not None and m.place.country and kb is not None:
        country = kb.country(m.place.country)
        return country.actor() if country is not None else None
    return None


def mentions_in(article: Article, start: int, end: int, *, kb: KnowledgeBase | None,
                skip: list[tuple[int, int]] = ()) -> list[tuple[Mention, Actor]]:
    """Mentions wholly inside [start, end) with an actor, in text order, leaving out
    those overlapping the `skip` spans."""
    out = []
    for m in article.mentions_from(start, end):  # by start, as a stable sort gives
        if m.end > end:
            continue
        if any(m.start < b and a < m.end for a, b in skip):
            continue
        actor = mention_actor(m, kb=kb, doc=article.doc)
        if actor is not None:
            out.append((m, actor))
    return out


def _span(token: Any) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def _is_pronoun(token: Any) -> bool:
    return token.pos_ == "PRON" or token.lower_ in PRONOUNS


def climb_subjects(article: Article, token: Any, *, kb: KnowledgeBase | None,
                   resolve: Any) -> list[Actor]:
    """Actors of the nearest subject up the clause chain of `token` that resolves:
    an unresolved pronoun ("it", "they") defers to the clause it hangs on."""
    node = token
    for _ in range(6):  # a clause chain deeper than this is a misparse
        for sub in (c for c in node.children if c.dep_ in SUBJECT_DEPS):
            actor = resolve(sub)
            if actor is not None:
                # "Lee and Park are preparing for the meeting": each conjunct a side
                more = [resolve(c) for c in sub.children if c.dep_ == "conj"]
                return [actor, *(a for a in more if a is not None and a != actor)]
            if _is_pronoun(sub):
                continue
            found = mentions_in(article, *_span(sub), kb=kb)
            if found:
                return [found[0][1]]
        if node.head is node:
            break
        node = node.head
    return []


def first_before(article: Article, sent: Any, token: Any, *, kb: KnowledgeBase | None,
                 skip: list[tuple[int, int]] = ()) -> list[Actor]:
    """The first actor mention of the sentence left of the trigger."""
    found = mentions_in(article, sent.start_char, token.idx, kb=kb, skip=skip)
    found = [(m, a) for m, a in found if not _is_source(m, token.doc)
             and not _abbreviates_a_thing(article, m)]
    return [found[0][1]] if found else []


def _abbreviates_a_thing(article: Article, m: Mention) -> bool:
    """"the signing of a Memorandum of Understanding (MOU)": an abbreviation in
    parentheses stands for the name just before it; where no actor is named there,
    it names no actor either."""
    text = article.text
    if not (text[:m.start].rstrip().endswith("(") and text[m.end:].lstrip().startswith(")")):
        return False
    opening = text.rfind("(", 0, m.start)
    return not any(o.role == "actor" and o.actor is not None and opening - 80 <= o.start
                   and o.end <= opening for o in article.mentions)


def _is_source(m: Mention, doc: Any) -> bool:
    """"..., police said", "according to Reuters": the mention reports the event."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in SUBJECT_DEPS and root.head.lemma_.lower() in SOURCE_VERBS:
        return True
    return root.dep_ == "pobj" and root.head.head.lemma_.lower() == "accord"


def _is_venue_or_public(m: Mention, doc: Any) -> bool:
    """"held talks at the Kremlin": a body after a place preposition is the venue;
    "wishing the Iranian people success": a nation's people are not a party to talks."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPS:
        return True
    return root.lemma_.lower() in PUBLIC_NOUNS or (
        root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in PUBLIC_NOUNS)


NESTED_CLAUSE_DEPS = ("advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis", "pcomp")


def recipients_near(article: Article, sent: Any, clause: Any, trigger: Any, *,
                    kb: KnowledgeBase | None, skip: list[tuple[int, int]], places: bool = True
                    ) -> list[Actor]:
    """Recipient mentions in the trigger's clause outside its subjects (nearest after
    the trigger first), else the first one after the trigger in the sentence.
    `places`: whether a place ("demonstrated in Serbia") may stand for its country."""
    subjects = [_span(c) for c in clause.children if c.dep_ in SUBJECT_DEPS]
    # a meeting's party is named in its own clause, not in one hanging off it:
    # "began the meeting by wishing ..., noting that relations between Moscow and Tehran"
    nested = [] if places else [_span(c) for c in clause.children
                                if c.dep_ in NESTED_CLAUSE_DEPS]
    subjects += nested
    start, end = _span(clause)

    def usable(m: Mention) -> bool:
        return (not _is_source(m, trigger.doc) and (places or m.role == "actor")
                and m.text.lower() not in PRONOUNS and not in_occasion(m, trigger.doc)
                and (places or not _is_venue_or_public(m, trigger.doc)))

    found = [(m, a) for m, a in mentions_in(article, start, end, kb=kb,
                                            skip=list(skip) + subjects) if usable(m)]
    after = [(m, a) for m, a in found if m.start >= trigger.idx]
    pick = after or found
    # "blocked the bridge spanning the Rhine from France": a named thing of no
    # country (a river, a building) gives way to a party that has one
    pick = [(m, a) for m, a in pick if a.country or a.kind == "person"] or pick
    if not pick:
        pick = [(m, a) for m, a in mentions_in(article, trigger.idx, sent.end_char,
                                               kb=kb, skip=list(skip) + nested) if usable(m)]
    if not pick:
        return []
    first, actor = pick[0]
    out = [actor]
    # "the United States and Israel": a coordinated second recipient
    for m, a in pick[1:]:
        between = article.text[first.end:m.start].strip().lower()
        if between in ("and", ",", ", and") and all(a.id != b.id for b in out):
            out.append(a)
            first = m
        else:
            break
    return out


__all__ = ["climb_subjects", "first_before", "mention_actor", "mentions_in",
           "recipients_near"]


def fix_mention_actor(m: Mention, doc: Any, *, kb: KnowledgeBase | None) -> Actor | None:
    """A mention's actor, checked against slips of name resolution: a religion or
    nationality word taken for a person's surname ("Christian"), a capital taken for
    a namesake elsewhere ("Paris" -> Colombia) or for a former state ("Berlin")."""
    actor = m.actor
    if actor is None:
        return None
    span = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None \
        else None
    if actor.kind == "person" and span is not None and len(span) == 1 \
            and span[0].ent_type_ in ("NORP", "ORG", "GPE"):
        return None
    if kb is not None and (actor.country is None or actor.kind != "country"):
        capital = kb.capital_of(m.text.removeprefix("the ").strip())
        if capital is not None and (actor.kind != "person"):
            return capital.actor()
    return actor  # "French" names France, not a territory: the KB's country() decides


# Heads of phrases that name the occasion or venue of an event, not a party to it
# ("on the sidelines of a summit of the SCO").
OCCASION_WORDS = frozenset({"sideline", "sidelines", "margin", "margins", "summit",
                            "conference", "forum", "visit"})
COLLECTIVE_NOUNS = frozenset({"country", "nation", "state", "side"})


def in_occasion(m: Mention, doc: Any) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in OCCASION_WORDS
                                    for t in span.root.ancestors)


def plural_countries(article: Article, sent: Any, token: Any, *,
                     kb: KnowledgeBase | None) -> list[Actor]:
    """"the countries", "both sides", "the two nations": the countries the sentence
    named before them ("Russian-Iranian ties ... the countries had signed")."""
    if kb is None or token.lemma_.lower() not in COLLECTIVE_NOUNS or token.tag_ != "NNS":
        return []
    if not any(c.lower_ in ("the", "both", "two") for c in token.children):
        return []
    out: list[Actor] = []
    for tok in sent:
        if tok.i >= token.i:
            break
        for part in tok.text.split("-"):
            country = kb.country(part) if part[:1].isupper() else None
            if country is not None and all(a.id != country.iso3 for a in out):
                out.append(country.actor())
    return out if len(out) >= 2 else []


def counterpart(actor: Actor, country: str, on: str | None, *,
                kb: KnowledgeBase | None) -> Actor | None:
    """"his Russian counterpart" of `actor`: who held the actor's office in `country`
    on the date `on` (YYYY-MM-DD)."""
    if kb is None or actor.kind != "person" or not on:
        return None
    for term in kb.terms(actor.id):
        if (term.start or "") <= on and (term.end is None or on <= term.end):
            holders = kb.holders(country, term.role, on)
            if holders:
                found = kb.entity(holders[0].person_id)
                if found is not None:
                    return found.actor()
    return None
