"""Confidence (0-1) of an event mention, and of a merged event over its sources.

A mention's confidence is a logistic score of its evidence, each term a kind of
support (weights set on the even half of gold/allsides_meetings.json, checked on the
odd half; see bench/meetings.py):

- how its parties were found: as the trigger's own arguments ("Lee met Park"), or
  borrowed from the sentence or the previous meeting ("The talks lasted an hour");
- what its parties are: named people ("Lee met Park") are firmer than states or
  bodies ("Korea and Japan held talks"), and people the knowledge base knows than
  names met only in this article;
- trigger strength: "talks" is often a process, not one encounter; an event noun
  ("the meeting") names the event itself;
- a date in its own clause ("met on Monday").

Its status (planned, hypothetical) does not enter: a planned meeting is as real an
entry of the timeline as a held one. One told as not held (called off, denied: "did
not meet", "claimed falsely that they met") keeps UNHELD_WEIGHT of its confidence: it
stays in the record for whoever asks (`--all`, `--status`), below the timeline's
default threshold.

An undated event that repeats a dated one of the same parties (crossdoc/merge.py
`repeats`: "the two leaders met again", told where the record dates their meeting) keeps
REPEAT_WEIGHT of its confidence: the dated row is the one to read.

A merged event's confidence combines its independent sources (wire copies of one
story count once, the store says which): 1 - prod(1 - c) over the best mention of
each independent document.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..model import Actor, Event

# Fitted (logistic regression, L2) on the CONSULT mentions of the even half of
# gold/allsides_meetings.json, label = the timeline row it went to is a real meeting,
# then rounded; the odd half checks them (bench/meetings.py prints both).
BIAS = -0.3
W_ARGUMENTS = 0.2  # parties are the trigger's own arguments
W_CONTINUED = 0.8  # parties of the meeting told just before ("the meeting")
W_PEOPLE = 0.9  # per named person among the parties (up to two)
W_LOCAL = -1.5  # per party the knowledge base does not know
W_COUNTRY = -0.7  # per state as a party (a person for it is firmer)
W_TALKS = -0.5  # "talks": often a process, not one encounter
W_NOUN = 0.25  # an event noun ("the meeting", "talks") rather than a verb
W_DATED = 0.1
# Kept apart from the fitted terms above (set on the even half, checked on the odd):
# a summit told through one who goes to it, its holder named ("Lee arrived for the
# NATO summit", events/attendance.py)
W_ATTENDANCE = 0.6
# a state told through its leader, one of several the actor meets in turn ("Lee will
# meet the leaders of Ruritania and Freedonia", events/roles.py `separate_meetings`):
# the party is a person (the state's leader) found as the trigger's argument, so it
# scores as one (W_ARGUMENTS + W_PEOPLE, less W_COUNTRY for the state it is shown as)
W_LEADERS = W_ARGUMENTS + W_PEOPLE - W_COUNTRY
STRONG_MODES = frozenset({"meet", "visit", "host", "sidelines"})
UNHELD = frozenset({"denied", "negated"})
UNHELD_WEIGHT = 0.6


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _parties(ev: Event) -> list[Actor]:
    return ev.actor + ev.recipient


def of_mention(ev: Event) -> float:
    parties = _parties(ev)
    x = BIAS
    x += W_ARGUMENTS * (ev.evidence == "arguments")
    x += W_CONTINUED * (ev.evidence == "continued")
    x += W_PEOPLE * min(2, sum(1 for a in parties if a.kind == "person"))
    x += W_LOCAL * sum(1 for a in parties if a.id.startswith("L:"))
    x += W_COUNTRY * sum(1 for a in parties if a.kind == "country")
    x += W_TALKS * (ev.mode == "talks")
    x += W_NOUN * (" " not in ev.trigger.strip() and ev.trigger.lower().endswith(
        ("meeting", "meetings", "talks", "visit")))
    x += W_DATED * bool(ev.date)
    x += W_ATTENDANCE * (ev.evidence == "attendance")
    x += W_LEADERS * (ev.evidence == "leaders")
    return round(_logistic(x) * (UNHELD_WEIGHT if ev.status in UNHELD else 1.0), 3)


# An undated repeat ranks below the timeline's default threshold (0.75) whatever its
# sources: 0.6 of even a certain one.
REPEAT_WEIGHT = 0.6


def of_repeat(confidence: float) -> float:
    """Confidence of an undated event that repeats a dated one (see the module)."""
    return round(REPEAT_WEIGHT * confidence, 3)


def combine(values: Iterable[float | None]) -> float:
    """Confidence of an event told by independent sources with these confidences."""
    rest = 1.0
    for c in values:
        rest *= 1.0 - max(0.0, min(1.0, c or 0.0))
    return round(1.0 - rest, 3)


__all__ = ["combine", "of_mention", "of_repeat"]
