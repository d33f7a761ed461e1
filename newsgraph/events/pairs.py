"""Parties named as a hyphenated pair before an event noun: "the Lee-Park meeting",
"a Lee-Park summit". The parser makes both names compounds of the noun; the actors
stage often resolves the pair as one span. Each name is matched against the people
the actors stage resolved elsewhere in the same article (by their last name), so
nothing is looked up in the knowledge base here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..kb.index import FAMILY_FIRST_STATES, GIVEN_NAME_SYLLABLES
from ..model import Actor, Article

_HYPHENS = ("-", "\u2013")


MODIFIER_DEPS = ("compound", "amod", "nmod")


def name_like(tok: Any) -> bool:
    # the parser tags the second name of "the Lee-Park talks" a proper noun or an
    # adjective; either way it is a capitalized word
    return tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper()


def _proper_compounds(noun: Any) -> list[Any]:
    out: list[Any] = []
    for c in noun.children:
        if c.dep_ in MODIFIER_DEPS and name_like(c) and c.i < noun.i:
            out += [g for g in c.children if g.dep_ in MODIFIER_DEPS and name_like(g)]
            out.append(c)
    return out


def _joined_by_hyphen(tokens: list[Any]) -> bool:
    if len(tokens) < 2:
        return False
    doc = tokens[0].doc
    pairs = zip(tokens, tokens[1:], strict=False)
    return all(doc[a.i + 1].text in _HYPHENS and a.i + 2 == b.i for a, b in pairs)


def surname(actor: Actor) -> str:
    """The family name of a person: the last word, or the first for names written
    family name first ("Kim Jong-un" is Mr Kim; see kb/index.py)."""
    words = actor.name.split()
    if len(words) > 1 and (actor.country in FAMILY_FIRST_STATES
                           or GIVEN_NAME_SYLLABLES.match(words[-1])):
        return words[0].lower()
    return words[-1].lower()


def people_by_surname(article: Article) -> dict[str, Actor]:
    """Family name -> the person the article's resolved mentions give it: the one
    person, or where several share it ("Kim Jong-un" and an envoy "Sung Kim") the one
    mentioned most, if strictly more often than any other."""
    found: dict[str, Counter[str]] = {}
    people: dict[str, Actor] = {}
    for m in article.mentions:
        a = m.actor
        if a is None or a.kind != "person" or not a.name.split():
            continue
        found.setdefault(surname(a), Counter())[a.id] += 1
        people[a.id] = a
    out = {}
    for key, counts in found.items():
        ranked = counts.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            out[key] = people[ranked[0][0]]
    return out


def hyphen_pair(article: Article, noun: Any) -> list[Actor]:
    """The two (or more) people a hyphenated pair before `noun` names, or []."""
    names = sorted(_proper_compounds(noun), key=lambda t: t.i)
    if not _joined_by_hyphen(names):
        return []
    by_surname = people_by_surname(article)
    out = [by_surname.get(t.text.lower()) for t in names]
    return [a for a in out if a is not None] if all(out) else []


__all__ = ["MODIFIER_DEPS", "hyphen_pair", "name_like", "people_by_surname"]
