"""Parties named as a hyphenated pair before an event noun: "the Lee-Park meeting",
"a Lee-Park summit". The parser makes both names compounds of the noun; the actors
stage often resolves the pair as one span. Each name is matched against the people
the actors stage resolved elsewhere in the same article (by their last name), so
nothing is looked up in the knowledge base here.
"""

from __future__ import annotations

from typing import Any

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


def people_by_surname(article: Article) -> dict[str, Actor]:
    """Last name -> the one person the article's resolved mentions give it."""
    found: dict[str, set[str]] = {}
    people: dict[str, Actor] = {}
    for m in article.mentions:
        a = m.actor
        if a is None or a.kind != "person" or not a.name.split():
            continue
        key = a.name.split()[-1].lower()
        found.setdefault(key, set()).add(a.id)
        people[a.id] = a
    return {k: people[next(iter(v))] for k, v in found.items() if len(v) == 1}


def hyphen_pair(article: Article, noun: Any) -> list[Actor]:
    """The two (or more) people a hyphenated pair before `noun` names, or []."""
    names = sorted(_proper_compounds(noun), key=lambda t: t.i)
    if not _joined_by_hyphen(names):
        return []
    by_surname = people_by_surname(article)
    out = [by_surname.get(t.text.lower()) for t in names]
    return [a for a in out if a is not None] if all(out) else []


__all__ = ["MODIFIER_DEPS", "hyphen_pair", "name_like", "people_by_surname"]
