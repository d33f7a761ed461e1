"""Dates from evidence when the article has none: office terms of the people it names
with their title ("Iranian President Masoud Pezeshkian" means after 2024-07-28), the
summits it mentions ("the SCO summit in Samarkand" fixes 2022-09-15/16), and the
exact days it reports in the past (the article is no older than them) or announces
(it is older than them)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from ..kb import KnowledgeBase
from ..model import Timex
from .anchor import tense_of

# Titles that say the person holds the office when the article is written.
_TITLE = re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Emir|"
                    r"Minister|Supreme Leader|Secretary|Leader)\s+(?:\w+\s+){0,2}$")
_NOT_CURRENT = re.compile(r"\b(?:former|previous|late|ex-|then|predecessor|preceding)\b[^.]{0,40}$",
                          re.IGNORECASE)

Window = tuple[date, date]
# Summits are reported in the days around them; an announced summit bounds the
# article's date from above only (it is written before the summit, in the same year).


def _iso(text: str | None) -> date | None:
    if not text:
        return None
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date(int(parts[0]), 1, 1)
    except ValueError:
        return None


def _entities_named(name: str, kb: KnowledgeBase) -> list[Any]:
    found = list(kb.lookup(name) or [])
    if found:
        return found
    return kb.named_or_surnamed(name)


def intersect(a: Window | None, b: Window) -> Window | None:
    if a is None:
        return b
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else a  # contradictory evidence: keep the earlier


# Which KB roles a title in the text names ("Iranian President X" -> president terms).
_TITLE_ROLES = (
    (re.compile(r"\bSupreme Leader\b", re.I), ("supreme_leader",)),
    (re.compile(r"\b(?:Foreign|External Affairs) Minister\b|\bSecretary of State\b", re.I),
     ("foreign_minister",)),
    (re.compile(r"\bDefen[cs]e (?:Minister|Secretary)\b|\bSecretary of Defen[cs]e\b", re.I),
     ("defence_minister",)),
    (re.compile(r"\b(?:Prime Minister|Premier)\b", re.I),
     ("prime_minister", "head_of_government")),
    (re.compile(r"\bPresident\b", re.I), ("president", "head_of_state")),
    (re.compile(r"\bChancellor\b", re.I), ("chancellor", "head_of_government")),
    (re.compile(r"\b(?:King|Emir|Sultan)\b", re.I), ("king", "head_of_state", "monarch")),
)


# A deputy's title names another office ("Vice-Foreign Minister Choe Son-hui" is not the
# foreign minister, "Vice President Biden" not the president).
_DEPUTY = re.compile(r"\b(?:vice|deputy)[- ]$", re.IGNORECASE)


def _roles_of_title(before: str) -> tuple[str, ...]:
    for pattern, roles in _TITLE_ROLES:
        found = list(pattern.finditer(before))
        if found:
            return () if _DEPUTY.search(before[:found[-1].start()]) else roles
    return ()


def _windows_of(person_id: str, roles: tuple[str, ...], kb: KnowledgeBase) -> list[Window]:
    """The terms of `person_id` in any of `roles`, as date windows. An open term runs
    to the present: an article cannot be dated after it is read."""
    out: list[Window] = []
    for term in kb.terms(person_id):
        if term.role not in roles:
            continue
        start = _iso(term.start)
        if start is None:
            continue
        end = _iso(term.end) if term.end else date.today()
        if end is not None and start <= end:
            out.append((start, end))
    return out


def _cross(a: list[Window], b: list[Window]) -> list[Window]:
    out = []
    for x in a:
        for y in b:
            lo, hi = max(x[0], y[0]), min(x[1], y[1])
            if lo <= hi:
                out.append((lo, hi))
    return out


def term_window(article: Any, kb: KnowledgeBase) -> Window | None:
    """The span of time in which every titled office holder the article names held
    the office the title gives ("Iranian President Masoud Pezeshkian": his presidency;
    "Russian President Vladimir Putin": any of Putin's presidential terms). People
    whose titled terms cannot all hold at once are left out, not forced."""
    text = article.text
    doc = article.doc
    if doc is None:
        return None
    windows: list[Window] | None = None
    seen: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        before = text[max(0, ent.start_char - 60):ent.start_char]
        if not _TITLE.search(before) or _NOT_CURRENT.search(before):
            continue
        roles = _roles_of_title(before[-40:])
        if not roles:
            continue
        for entity in _entities_named(ent.text, kb)[:1]:
            if entity.id in seen:
                continue
            seen.add(entity.id)
            mine = _windows_of(entity.id, roles, kb)
            if not mine:
                continue
            crossed = mine if windows is None else _cross(windows, mine)
            if crossed:
                windows = crossed
    if not windows:
        return None
    return (min(w[0] for w in windows), max(w[1] for w in windows))


def _country_named(text: str, iso3: str | None, kb: KnowledgeBase) -> bool:
    if not iso3:
        return False
    for c in getattr(kb, "countries", []):
        if c.iso3 != iso3:
            continue
        for name in (c.name, *c.aliases, *c.demonyms):
            # the substring test first: a new pattern per name compiles on every call
            if name and name in text and re.search(rf"\b{re.escape(name)}\b", text):
                return True
    return False


def _near_summit_word(text: str, city: str) -> bool:
    """Whether `city` is named in a sentence that also says "summit"."""
    for m in re.finditer(rf"\b{re.escape(city)}\b", text):
        left = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0]
        right = min(ends) if ends else len(text)
        if re.search(r"\bsummit\b", text[left:right], re.IGNORECASE):
            return True
    return False


def summit_window(article: Any, kb: KnowledgeBase, *, within: Window | None) -> Window | None:
    """The dates of the summits the article mentions (narrowed by place and by the
    office terms); for a summit announced in the future tense, the time before it."""
    text = article.text
    if not re.search(r"\bsummit\b", text, re.IGNORECASE):
        return None
    window: Window | None = None
    orgs = sorted({s.org for s in kb.summits()})
    for org in orgs:
        m = re.search(rf"\b{re.escape(org)}\b", text)
        if not m:
            continue
        cands = kb.summits(org=org)
        by_city = [s for s in cands if s.city and re.search(rf"\b{re.escape(s.city)}\b", text)]
        if len(by_city) > 1:
            # "the SCO summit in Samarkand" beats "last year at a conference in Dushanbe"
            near = [s for s in by_city if _near_summit_word(text, s.city)]
            by_city = near or by_city
        by_country = [s for s in cands if _country_named(text, s.country, kb)]
        cands = by_city or by_country or cands
        if within is not None:
            cands = [s for s in cands if _iso(s.start) <= within[1] and within[0] <= _iso(s.end)]  # type: ignore[operator]
        if not cands:
            continue
        starts = [_iso(s.start) for s in cands]
        ends = [_iso(s.end) for s in cands]
        span: Window = (min(starts), max(ends))  # type: ignore[type-var]
        where = [x.start() for x in re.finditer(r"\bsummit\b", text, re.IGNORECASE)]
        future = all(tense_of(text, w, w + 6, doc=article.doc) == "future" for w in where
                     if abs(w - m.start()) < 80) and any(abs(w - m.start()) < 80 for w in where)
        if future and len(cands) == 1:
            span = (date(span[0].year, 1, 1), span[0] - timedelta(days=1))
        window = intersect(window, span)
    return window


_FUTURE_WORDS = re.compile(r"\b(?:will|shall|'ll|to be held|is to|are to|scheduled|"
                           r"plans? to|planned|expected to|due to|upcoming|next)\b", re.I)


def _explicit_future(text: str, start: int, end: int) -> bool:
    """Whether the sentence around [start, end) announces something to come."""
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return bool(_FUTURE_WORDS.search(text, left, right))


def refine(window: Window, timexes: list[Timex], text: str, *, doc: Any = None) -> Window:
    """Narrow the article's window by the exact days it reports in the past (the
    article is no older) and announces in the future (the article is older)."""
    lo, hi = window
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.precision != "day" or not t.value:
            continue
        day = _iso(t.value[:10])
        if day is None:
            continue
        tense = tense_of(text, t.start, t.end, doc=doc)
        if tense == "future" and not _explicit_future(text, t.start, t.end):
            # a present-tense caption ("X and Y meet ... on October 11") is no announcement
            tense = None
        # A day reported without a future marker is behind the writer (news reports).
        if tense != "future" and lo < day <= hi:
            lo = day
        elif tense == "future" and lo <= day - timedelta(days=1) < hi:
            hi = day - timedelta(days=1)
    return lo, hi
