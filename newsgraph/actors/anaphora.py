"""Definite descriptions of organizations: "the organization", "the bloc", "the
alliance" refer back to the organization most recently named ("Iran's membership in
SCO ... signed a memorandum of commitments to join the organization")."""

from __future__ import annotations

import re

from ..model import Article, Mention

_DESCRIPTION = re.compile(
    r"\b[Tt]he (?:organi[sz]ation|bloc|alliance|grouping|body|union|group)\b(?!['’]s? \w+ing)")
# How far back an antecedent may be named: about three sentences of news prose.
LOOKBACK_CHARS = 600


def resolve_descriptions(article: Article, mentions: list[Mention]) -> list[Mention]:
    """`mentions` plus a mention for each uncovered "the organization" whose antecedent,
    an international organization (no country of its own), was named shortly before."""
    orgs = [m for m in mentions if m.actor is not None and m.actor.kind == "organization"
            and m.actor.country is None]
    added = []
    for match in _DESCRIPTION.finditer(article.text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        before = [m for m in orgs if m.end <= start and start - m.end <= LOOKBACK_CHARS]
        if before:
            antecedent = before[-1]
            added.append(Mention(start=start, end=end, text=match.group(0),
                                 actor=antecedent.actor, how="description"))
    return sorted(mentions + added, key=lambda m: (m.start, m.end))
