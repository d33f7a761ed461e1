"""Two people referred to together: "they", "the two presidents", "the two leaders",
"the pair", "both leaders" -> one group actor of the two most recent people.

Why one group actor and not two mentions over the same span: `Article.mention_at`
(what quotes and events use to turn a subject or a speaker into an actor) returns one
mention, so a second one would be lost. The group's id lists its members' ids,
"G:<id>+<id>" (sorted, so the same pair gets the same id in any order), and
`members(actor, article)` gives the two people back: events split a group subject
into its members; a quote's speaker stays the group ("the two leaders said").
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Actor, Article, Mention
from .coref import PersonRef

PAIR_RE = re.compile(r"\b(?:[Tt]he two|[Bb]oth(?: the)?(?: two)?) (?:presidents|leaders|men|"
                     r"heads of state|foreign ministers|ministers|premiers)\b"
                     r"|\b[Tt]he (?:pair|duo)\b")
PAIR_PREFIX = "G:"
# "They" reaches back this many sentences (its own included) for the two people; a
# pair named explicitly ("the two presidents") may reach back anywhere in the article.
THEY_SENTENCES = 2


def pair_group(a: Actor, b: Actor) -> Actor:
    """The group actor of two people: shared country and sector, else None."""
    first, second = sorted((a, b), key=lambda x: x.id)
    return Actor(id=f"{PAIR_PREFIX}{first.id}+{second.id}",
                 name=f"{first.name} and {second.name}", kind="group",
                 country=first.country if first.country == second.country else None,
                 sector=first.sector if first.sector == second.sector else None)


def is_pair(actor: Actor | None) -> bool:
    return actor is not None and actor.kind == "group" and actor.id.startswith(PAIR_PREFIX) \
        and "+" in actor.id


def members(actor: Actor, article: Article) -> list[Actor]:
    """The people a pair group stands for, as the article's mentions resolve them;
    [actor] itself for any other actor."""
    if not is_pair(actor):
        return [actor]
    ids = actor.id[len(PAIR_PREFIX):].split("+")
    found: dict[str, Actor] = {}
    for mention in article.mentions:
        if mention.actor is not None and mention.actor.id in ids:
            found.setdefault(mention.actor.id, mention.actor)
    return [found[i] for i in ids if i in found] or [actor]


def last_two(refs: list[PersonRef], *, before: int,
             sentences: list[int] | None = None) -> tuple[Actor, Actor] | None:
    """The two most recent distinct people before `before` (within `sentences`, the
    char offsets of the sentences allowed, if given)."""
    found: list[Actor] = []
    for ref in reversed(refs):
        if ref.end > before or (sentences is not None and ref.sent_start not in sentences):
            continue
        if ref.actor.kind == "person" and all(a.id != ref.actor.id for a in found):
            found.append(ref.actor)
        if len(found) == 2:
            return found[1], found[0]
    return None


def they_pair(token: Any, refs: list[PersonRef], mentions: list[Mention]) -> Actor | None:
    """ "They" as the two most recent people: only where the nearest actor before it is a
    person (not "Russian officials", a country or an organization) and both people are
    in its sentence or the one before."""
    before = [m for m in mentions if m.end <= token.idx and m.actor is not None
              and m.how != "pronoun" and not is_pair(m.actor)]
    if not before or before[-1].actor.kind != "person":  # type: ignore[union-attr]
        return None
    doc = token.doc
    starts = sorted({s.start_char for s in doc.sents if s.start_char <= token.idx})
    pair = last_two(refs, before=token.idx, sentences=starts[-THEY_SENTENCES:])
    return pair_group(*pair) if pair is not None else None
