"""Where, on what occasion and when an event took place."""

from __future__ import annotations

import re
from typing import Any

from ..kb import KnowledgeBase
from ..model import Article, Location, Timex

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# "on the sidelines of the Shanghai Cooperation Organization (SCO) summit",
# "at a summit of the SCO", "at the BRICS Summit".
_SUMMIT = re.compile(
    r"\b(?:summit|meeting) of (?:the )?(?P<pre>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)"
    r"(?: \((?P<acr1>[A-Z]{2,})\))?"
    r"|(?P<org>[A-Z][\w.&-]*(?: (?:[A-Z][\w.&-]*|of|for|and))*?)"
    r"(?: \((?P<acr2>[A-Z]{2,})\))? [Ss]ummit\b")
_VISIT = re.compile(r"\b(official|state|working|first|historic)?\s*visit\b", re.I)
_GENERIC_ORGS = frozenset({"The", "A", "An", "This", "That", "On", "At", "In", "During"})


def occasion(text: str, *, kb: KnowledgeBase | None = None) -> str | None:
    """The occasion named in a clause: "SCO summit", "official visit", or None."""
    m = _SUMMIT.search(text)
    if m:
        acronym = m.group("acr1") or m.group("acr2")
        name = m.group("pre") or m.group("org") or ""
        name = " ".join(w for w in name.split() if w not in _GENERIC_ORGS)
        if not acronym and name and kb is not None:
            org = kb.org(name)
            if org is not None:
                acronym = _acronym(org)
        if acronym or name:
            return f"{acronym or name} summit"
    m = _VISIT.search(text)
    if m and re.search(r"\b(during|on|for|amid|this|the|an?)\b[^.]{0,40}visit", text, re.I):
        return f"{m.group(1).lower()} visit" if m.group(1) else "visit"
    return None


def _acronym(org: Any) -> str | None:
    names = [org.name, *org.aliases]
    caps = [n for n in names if n.isupper() and 2 <= len(n) <= 8]
    return min(caps, key=len) if caps else None


def location(article: Article, tokens: list[Any], *,
             kb: KnowledgeBase | None = None) -> Location | None:
    """The place named with a locative preposition in `tokens` (the event's clause),
    from the actors stage's place mentions, else from the knowledge base."""
    for tok in tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        if _in_topic(tok.head):
            continue
        candidates = [tok, *[c for c in tok.subtree if c.dep_ in ("pobj", "appos", "compound")
                             and c.ent_type_ in ("GPE", "LOC", "FAC")]]
        found_here: list[Location] = []
        for cand in candidates:
            start, end = _phrase(cand)
            mention = article.mention_at(start, end, role="place")
            if mention is not None and mention.place is not None:
                found_here.append(mention.place)
                continue
            found = _kb_place(cand, kb)
            if found is not None:
                found_here.append(found)
        if found_here:
            # "in the Black Sea resort of Sochi": the town with a country, not the sea;
            # "in Hamburg, Germany": the town, not its country
            towns = [p for p in found_here if p.country and not (
                kb is not None and kb.country(p.name) is not None)]
            return next(iter(towns), next((p for p in found_here if p.country),
                                          found_here[0]))
    return None


# A place under one of these verb links is part of what was said or discussed, not where
# the event happened: "focused on discussing the situation in the Middle East".
_TOPIC_DEPS = ("pcomp", "ccomp", "acl", "relcl")


def _in_topic(prep: Any) -> bool:
    token = prep.head
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token.dep_ in _TOPIC_DEPS
        if token.head is token:
            return False
        token = token.head
    return False


def _phrase(token: Any) -> tuple[int, int]:
    left = token.left_edge
    return left.idx, token.idx + len(token)


def _kb_place(token: Any, kb: KnowledgeBase | None) -> Location | None:
    if kb is None or token.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    text = ent.text if ent is not None else token.text
    place = kb.place(text)
    if place is not None:
        return Location(place.name, place.country)
    country = kb.country(text)
    if country is not None:
        return Location(country.name, country.iso3)
    return None


def refine_with_summit(loc: Location | None, occ: str | None, year: str | None, *,
                       kb: KnowledgeBase | None) -> Location | None:
    """A country-only location and a summit held there that year give the city
    (SCO summit in China in 2025 -> Tianjin)."""
    if kb is None or occ is None or not occ.endswith(" summit"):
        return loc
    org = occ.removesuffix(" summit")
    summits = kb.summits(org=org, year=int(year)) if year and year[:4].isdigit() else []
    if loc is not None:
        country = kb.country(loc.name)
        if country is None or country.iso3 != loc.country:
            return loc  # already a city
        summits = [s for s in summits if s.country == loc.country]
    if len(summits) == 1 and summits[0].city:
        return Location(summits[0].city, summits[0].country)
    return loc


def clause_date(article: Article, start: int, end: int, *, sent_start: int,
                sent_end: int) -> Timex | None:
    """The timex of the event's own clause, else of its sentence, else None."""
    try:
        from ..time import date_of_span  # type: ignore[attr-defined]
    except ImportError:
        date_of_span = None
    if date_of_span is not None:
        # the time stage knows which clause a date belongs to: no sentence fallback
        return date_of_span(article, start, end)
    dated = [t for t in article.timexes if t.type in ("DATE", "TIME") and t.value]
    inside = [t for t in dated if start <= t.start and t.end <= end]
    if inside:
        return inside[0]
    in_sent = [t for t in dated if sent_start <= t.start and t.end <= sent_end]
    return in_sent[0] if in_sent else None


__all__ = ["clause_date", "location", "occasion", "refine_with_summit"]
