"""Collective actors named by a sector noun and a place: "rebels in Darfur", "Opposition
groups in Zimbabwe", "university students throughout Indonesia" -> the country of the
place, with the noun's sector."""

from __future__ import annotations

from typing import Any

from .. import doccache
from ..kb import KnowledgeBase
from ..model import Actor, Mention
from .roles import sector_of

LOCATIVE_PREPS = frozenset({"in", "throughout", "across", "inside"})


def _sector(noun: Any, mods: list[Any], *, kb: KnowledgeBase) -> str | None:
    words = [t.lower_ for t in (*mods, noun)]
    for size in range(len(words), 0, -1):  # "security forces" before "forces"
        found = sector_of(" ".join(words[-size:]), kb=kb) if size > 1 else None
        if found:
            return found
    for token in (noun, *reversed(mods)):
        found = sector_of(token.lower_, kb=kb)
        if found:
            return found
    return None


def collective_mentions(mentions: list[Mention], doc: Any, *, kb: KnowledgeBase,
                        country_name: Any) -> list[Mention]:
    """New actor mentions for "<sector noun> in <place or country>"."""
    out = []
    for mention in mentions:
        iso = (mention.place.country if mention.place is not None else
               mention.actor.country if mention.actor is not None
               and mention.actor.kind == "country" else None)
        if iso is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i < 1 or doc[i].lower_ not in LOCATIVE_PREPS:
            continue
        noun = doc[i].head
        if noun.i >= i or noun.pos_ != "NOUN" or noun.tag_ not in ("NNS", "NNPS"):
            continue
        mods = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and t.pos_ in
                ("NOUN", "PROPN", "ADJ") and t.ent_type_ not in ("NORP", "GPE")]
        sector = _sector(noun, mods, kb=kb)
        if sector is None:
            continue
        start = (mods[0] if mods else noun).idx
        actor = Actor(iso, country_name(iso), "country", iso, sector)
        out.append(Mention(start=start, end=mention.end, text=doccache.text(doc)[start:mention.end],
                           actor=actor, place=None, role="actor", how="collective"))
    return out
