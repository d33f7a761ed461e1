"""Confidence (0-1) of an event mention, and of a merged event over its sources.

A mention's confidence is a logistic score of its evidence, each term a kind of
support (weights set on the even half of gold/allsides_meetings.json, checked on the
odd half; see bench/meetings.py):

- how its parties were found: as the trigger's own arguments ("Lee met Park"), or
  borrowed from the sentence or the previous meeting ("The talks lasted an hour");
- what its parties are: named people ("Lee met Park") are firmer than states or
  bodies ("Korea and Japan held talks"), and people the knowledge base knows than
  names met only in this article;
- trigger strength: meeting in person ("met", "visited", "hosted") is firmer than
  "talks" (often a process, not one encounter) or a call;
- a date or a place in its own clause ("met in Geneva on Monday");
- its status: a meeting offered or imagined ("could meet") is weaker than one told.

A merged event's confidence combines its independent sources (wire copies of one
story count once, the store says which): 1 - prod(1 - c) over the best mention of
each independent document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..model import Actor, Event

BIAS = -0.4
W_ARGUMENTS = 1.0  # parties are the trigger's own arguments
W_PEOPLE = 0.6  # per named person among the parties (up to two)
W_LOCAL = -0.5  # per party the knowledge base does not know
W_IN_PERSON = 0.5
W_DATED = 0.4
W_PLACED = 0.3
W_UNSURE = -0.6  # hypothetical, denied, negated
STRONG_MODES = frozenset({"meet", "visit", "host", "sidelines"})
UNSURE = frozenset({"hypothetical", "denied", "negated"})


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _parties(ev: Event) -> list[Actor]:
    return ev.actor + ev.recipient


def of_mention(ev: Event) -> float:
    parties = _parties(ev)
    x = BIAS
    if ev.evidence == "arguments":
        x += W_ARGUMENTS
    x += W_PEOPLE * min(2, sum(1 for a in parties if a.kind == "person"))
    x += W_LOCAL * sum(1 for a in parties if a.id.startswith("L:"))
    if ev.mode in STRONG_MODES:
        x += W_IN_PERSON
    if ev.date:
        x += W_DATED
    if ev.location is not None:
        x += W_PLACED
    if ev.status in UNSURE:
        x += W_UNSURE
    return round(_logistic(x), 3)


def combine(values: Iterable[float | None]) -> float:
    """Confidence of an event told by independent sources with these confidences."""
    rest = 1.0
    for c in values:
        rest *= 1.0 - max(0.0, min(1.0, c or 0.0))
    return round(1.0 - rest, 3)


__all__ = ["combine", "of_mention"]
