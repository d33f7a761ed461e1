"""Stage 4, time: tag and normalize date expressions; infer the article's date.

    tagger.find      -> expressions (TIMEX3 extents)
    normalize        -> TIMEX3 values against a reference day
    anchor.tag       -> which anchor (publication, narrative) and tense, per expression
    dateline         -> the day a wire story was filed ("TEHRAN, Aug. 31 (MNA)")
    period           -> the reporting quarter of an earnings story
    infer            -> the article's window from office terms, summits, reported days
    calendar         -> weeks, quarters, seasons, intervals

Without a publication date, every expression is resolved against every day the
evidence leaves possible: a value all of them agree on is kept, otherwise the value is
null and `interval` is the range the true day lies in. Today's date is never used.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..kb import KnowledgeBase
from ..model import Article, Interval, Timex
from .anchor import sentence_bounds, tag
from .calendar import WEEKDAYS, span_of, weekday_in
from .dateline import find_dateline
from .formats import MONTHS
from .infer import Window, intersect, refine, summit_window, term_window

__all__ = ["date_of_span", "resolve", "tag"]

# A window up to this long is resolved day by day; longer ones by their two ends plus
# the days matching a weekday or month-day. Two months keeps an article under ~0.2 s.
SHORT_WINDOW_DAYS = 62

_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?:last|next|this|coming|past|previous|following)\b", re.I)
_MONTH_DAY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$")


def _parse_iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _matching_days(t: Timex, window: Window) -> list[date] | None:
    """The days in `window` a weekday or a month-day without year can denote."""
    if t.type not in ("DATE", "TIME"):
        return None
    m = _WEEKDAY.search(t.text)
    if m and not _RELATIVE.search(t.text):
        return weekday_in(window[0], window[1], WEEKDAYS.index(m[1].lower()))
    m = _MONTH_DAY.match(t.text.strip())
    if m and m[1].lower() in MONTHS:
        month, day = MONTHS[m[1].lower()], int(m[2])
        out = []
        for year in range(window[0].year, window[1].year + 1):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if window[0] <= d <= window[1]:
                out.append(d)
        return out
    return None


def tag_window(text: str, window: Window, *, doc: Any = None) -> list[Timex]:
    """Tag `text` whose date is only known to lie in `window` (inclusive)."""
    base = tag(text, ref=None, doc=doc)
    length = (window[1] - window[0]).days
    cache: dict[date, list[Timex]] = {}

    def at(day: date) -> list[Timex]:
        if day not in cache:
            cache[day] = tag(text, ref=day, doc=doc)
        return cache[day]

    if length <= SHORT_WINDOW_DAYS:
        days = [window[0] + timedelta(days=i) for i in range(length + 1)]
    else:
        days = [window[0], window[1]]
    out = []
    for t in base:
        if t.value is not None or t.anchor == "absolute":
            out.append(t)
            continue
        matching = _matching_days(t, window)
        refs = matching if matching else days
        if len(refs) > 2:
            # values move monotonically with the anchor day, so the first and last days
            # bound them: tagging the text once per candidate day took seconds per article
            refs = [refs[0], refs[-1]]
        # Align by offset: on a known day, "noon today" joins into one timex.
        values = [x for d in refs for x in at(d) if (x.start, x.end) == (t.start, t.end)]
        out.append(_agree(t, values, matching=bool(matching)))
    return out


def _agree(t: Timex, values: list[Timex], *, matching: bool) -> Timex:
    distinct = {v.value for v in values}
    anchor = "kb"
    if len(distinct) == 1 and None not in distinct:
        v = values[0]
        return Timex(text=t.text, start=t.start, end=t.end, type=v.type, value=v.value,
                     precision=v.precision, interval=v.interval, anchor=anchor)
    spans = [span_of(v.value[:10] if v.value and v.type == "TIME" else v.value) for v in values]
    if not spans or any(s is None for s in spans):
        return Timex(text=t.text, start=t.start, end=t.end, type=t.type, value=None,
                     precision=None, interval=None, anchor=anchor)
    precisions = {s[2] for s in spans}  # type: ignore[index]
    first = min(s[0] for s in spans)  # type: ignore[index]
    last = max(s[1] for s in spans)  # type: ignore[index]
    return Timex(text=t.text, start=t.start, end=t.end, type=t.type, value=None,
                 precision=precisions.pop() if len(precisions) == 1 else None,
                 interval=Interval(first.isoformat(), last.isoformat()), anchor=anchor)


def resolve(article: Article, *, kb: KnowledgeBase) -> None:
    """Fill `article.timexes`; set `article.published` (basis "inferred") or
    `article.date_interval` when the article has no date of its own."""
    text = article.text or ""
    doc = article.doc
    ref = _parse_iso(article.published)
    line = find_dateline(text)
    if ref is not None:
        filed = line.on(ref) if line else None
        if filed is not None and filed != ref:
            # The story speaks from its dateline's day, not the day it was published.
            article.timexes = [_mark(t, "dateline") for t in tag(text, ref=filed, doc=doc)]
        else:
            article.timexes = tag(text, ref=ref, doc=doc)
        return
    if line is not None and line.year is not None:
        filed = line.on(None)
        if filed is not None:
            article.published, article.published_basis = filed.isoformat(), "text"
            article.timexes = [_mark(t, "dateline") for t in tag(text, ref=filed, doc=doc)]
            return
    window = term_window(article, kb)
    summits = summit_window(article, kb, within=window)
    if summits is not None:
        window = intersect(window, summits)
    if window is not None and line is not None:
        days = line.days_in(window[0], window[1])
        if len(days) == 1:
            # A month-day dateline that the evidence window leaves one year for.
            article.published, article.published_basis = days[0].isoformat(), "inferred"
            article.timexes = [_mark(t, "dateline") for t in tag(text, ref=days[0], doc=doc)]
            return
    if window is None:
        # No anchor at all: absolute dates only, the rest honestly unknown.
        article.timexes = tag(text, ref=None, doc=doc)
        return
    timexes = tag_window(text, window, doc=doc)
    narrowed = refine(window, timexes, text, doc=doc)
    if narrowed[0] == narrowed[1]:
        article.published = narrowed[0].isoformat()
        article.published_basis = "inferred"
        article.timexes = [_mark(t, "kb") for t in tag(text, ref=narrowed[0], doc=doc)]
        return
    if narrowed != window:
        timexes = tag_window(text, narrowed, doc=doc)
    article.date_interval = Interval(narrowed[0].isoformat(), narrowed[1].isoformat())
    article.timexes = timexes


def _mark(t: Timex, anchor: str) -> Timex:
    if t.anchor == "published":
        t.anchor = anchor
    return t


def date_of_span(article: Article, start: int, end: int, *,
                 skip: Callable[[Timex], bool] | None = None,
                 by_governing: bool = True) -> Timex | None:
    """The timex that dates the clause of text[start:end]: one in the same clause (the
    same governing verb) first, else (if `by_governing`) one of a clause it depends on
    ("said on Monday that they met"); None if none. Only timexes that carry a calendar
    value or an interval count, and not `skip`."""
    dated = [t for t in article.timexes if t.type in ("DATE", "TIME")
             and (t.interval is not None or (t.value and _is_calendar(t.value)))]
    if not dated:
        return None
    # `skip` is asked of the sentence's timexes only: the result is the same
    kept: Callable[[Timex], bool] = (lambda t: True) if skip is None else (lambda t: not skip(t))
    doc = article.doc
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            sent = span.sent
            left, right = sent.start_char, sent.end_char
            in_sent = [t for t in dated if left <= t.start and t.end <= right and kept(t)]
            verb = _clause_verb(span.root)
            same, governing = [], []
            ancestors = _governing_verbs(verb)
            for t in in_sent:
                tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
                if tspan is None:
                    continue
                tverb = _clause_verb(tspan.root)
                if tverb.i == verb.i:
                    same.append(t)
                elif tverb.i in ancestors:
                    governing.append(t)
            # a date in a clause of its own ("Pezeshkian, who was elected in July") does
            # not date the event; one in a governing clause ("said on Monday that") may
            pool = same or (governing if by_governing else [])
            return min(pool, key=lambda t: _distance(t, start, end)) if pool else None
    left, right = sentence_bounds(article.text, start, end)
    pool = [t for t in dated if left <= t.start and t.end <= right and kept(t)]
    return min(pool, key=lambda t: _distance(t, start, end)) if pool else None


@lru_cache(maxsize=4096)
def _is_calendar(value: str) -> bool:
    # asked for every timex on each call of date_of_span (per event, per trigger)
    return span_of(value[:10]) is not None


# Clause links through which a governing clause's date carries down: "said on Monday
# that they met" (ccomp), "agreed on Monday to meet" (xcomp). An adverbial clause ("are
# to visit next week now that Iran has signed") has a time of its own.
_DATE_CARRYING_DEPS = ("ccomp", "xcomp", "conj", "parataxis")


def _governing_verbs(verb: Any) -> set[int]:
    """Indexes of the verbs above `verb` whose date it inherits."""
    out: set[int] = set()
    token = verb
    while token.head is not token and (token.dep_ in _DATE_CARRYING_DEPS or _when_clause(token)):
        token = _clause_verb(token.head)  # "in 2007 when ...": the clause of the 2007
        out.add(token.i)
    return out


def _when_clause(verb: Any) -> bool:
    """"The last summit was in 2007, when Lee met Park": a when-clause is at the time
    of the clause (or the date) it hangs on, as is a clause of what goes on meanwhile
    ("said on Thursday as Lee wrapped up his talks", "while Park was in Oslo")."""
    return verb.dep_ in ("advcl", "relcl") and any(
        (c.lower_ == "when" and c.dep_ == "advmod")
        or (c.lower_ in ("as", "while") and c.dep_ == "mark" and verb.dep_ == "advcl")
        for c in verb.children)


def _clause_verb(token: Any) -> Any:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _distance(t: Timex, start: int, end: int) -> int:
    if t.end <= start:
        return start - t.end
    if t.start >= end:
        return t.start - end
    return 0
