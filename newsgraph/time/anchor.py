"""Which anchor an expression is resolved against, and in which tense it is used.

The publication date (or dateline date) anchors deictic expressions ("on Friday",
"last week"); the narrative time, the last exact day the story mentioned, anchors
"a day later", "the following day". The tense of the clause decides whether a bare
weekday or month lies before or after the anchor.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..model import Timex
from .calendar import parse_day, precision_and_interval, span_of
from .normalize import Context, Value, normalize
from .period import in_period, is_quarter, quarter_ended
from .tagger import find

_FUTURE = re.compile(r"\b(?:will|'ll|shall|is to|are to|is due|are due|due to|going to|"
                     r"scheduled|expected to|plans? to|planned|to be held|upcoming|would)\b",
                     re.IGNORECASE)
_PAST = re.compile(r"\b(?:said|was|were|had|did|told|met|held|\w{3,}ed)\b", re.IGNORECASE)
# "as early as Tuesday", "as soon as Tuesday": a day still to come; so is a deadline,
# "postponed until Tuesday morning", "given until 9 a.m. Tuesday".
_EARLIEST = re.compile(r"\bas (?:early|soon) as\s+(?:next\s+)?$|"
                       r"(?<!\bup )(?<!\bnot )\b(?-i:until)\s+"
                       r"(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.|noon|midnight)\s+(?:[A-Z]{3}\s+)?)?$",
                       re.IGNORECASE)
_SENT_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
# How far (characters) a tense cue may lie from the expression; past that the clause
# is someone else's. Set by eye on the seeds and TimeBank sentences.
TENSE_WINDOW = 80


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENT_END.finditer(text, 0, start):
        left = m.end()
    m = _SENT_END.search(text, end)
    return left, (m.start() + 1 if m else len(text))


def tense_of(text: str, start: int, end: int, *, doc: Any = None) -> str | None:
    """"past", "future" or None for the clause around text[start:end]."""
    if _EARLIEST.search(text, max(0, start - 20), start):
        return "future"
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return _tense_from_parse(span)
    left, right = sentence_bounds(text, start, end)
    left, right = max(left, start - TENSE_WINDOW), min(right, end + TENSE_WINDOW)
    best: tuple[int, str] | None = None
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past")):
        for m in pattern.finditer(text, left, right):
            if start <= m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end
            if best is None or dist < best[0]:
                best = (dist, tense)
    return best[1] if best else None


_FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "could", "might", "may", "can",
               "should", "must", "'d"}
_PAST_AUX = {"was", "were", "had", "did", "'d"}
# Verbs whose complement clause lies ahead of them ("expect the deal to close Dec. 15").
_PROSPECTIVE = {"expect", "plan", "schedule", "set", "intend", "hope", "want", "agree",
                "prepare", "aim", "seek", "propose", "promise", "due", "likely", "ready"}


def _tense_from_parse(span: Any) -> str | None:
    """Tense of the clause governing `span`: "future" for will/modals, present or
    progressive verbs and prospective infinitives; "past" for past and perfect forms."""
    token = span.root
    if token.dep_ == "poss" or (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
        # "Wednesday's ruling": an event noun, no clause of its own, unless a clause
        # looks ahead to it ("are preparing for Tuesday's meeting", "awaits Friday's vote")
        noun = token.head
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else (
            noun.head if noun.dep_ == "dobj" else None)
        if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() in _LOOK_AHEAD:
            return _verb_tense(verb, depth=0)
        return None
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head is not token and seen < 6:
        if token.pos_ == "ADJ" and token.lemma_.lower() in _PROSPECTIVE | {"payable", "effective"}:
            if not any(c.dep_ in ("aux", "auxpass", "cop")
                       and (c.tag_ == "VBD" or c.lower_ == "had") for c in token.children):
                return "future"
        token, seen = token.head, seen + 1
    if token.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(token, depth=0)


# Verbs whose object or "for" phrase is an event still to come.
_LOOK_AHEAD = frozenset({"prepare", "await", "expect", "anticipate", "brace", "gear",
                         "plan", "ready"})
# Verbs that set up an event to come: "has scheduled a news conference Thursday".
_ARRANGE = {"schedule", "plan"}


def _past_perfect(token: Any) -> bool:
    """"had been scheduled", "had been due": a plan the story already looks back on."""
    for t in (token, token.head):
        if any(c.lower_ == "had" and c.dep_ == "aux" for c in t.children):
            return True
    return False


def _verb_tense(verb: Any, *, depth: int) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_.lower() in _ARRANGE and verb.dep_ not in ("amod", "acl") \
            and not any(c.dep_ == "auxpass" for c in aux):
        return "future"
    words = {c.lower_ for c in aux}
    if "have" in words and verb.tag_ == "VBN":
        return "past"  # "may have been", "would have met"
    if words & {"has", "have", "'ve"} and verb.tag_ == "VBG":
        return "past"  # "have been searching since Oct. 23": began before now
    if "could" in words:
        return None  # "could not be located Wednesday" as often as "could come Tuesday"
    if words & _FUTURE_AUX - {"'d"}:
        return "future"
    if "to" in words or verb.tag_ == "VB" and not aux:
        head = verb.head
        if head is verb or depth > 2:
            return "future"
        if head.lower_ in _PROSPECTIVE or head.lemma_.lower() in _PROSPECTIVE:
            # "had been scheduled to expire at midnight Friday": a plan already past
            return "past" if _past_perfect(head) else "future"
        if head.pos_ == "ADJ":
            return "past" if _past_perfect(head) else "future"
        for _ in range(4):  # "extended their offers to acquire X Friday": the offer's verb
            if head.pos_ in ("VERB", "AUX") or head.head is head:
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head is not verb:
            return _verb_tense(head, depth=depth + 1)
        return "future"
    if any(c.tag_ == "VBD" for c in aux) or words & _PAST_AUX:
        if verb.tag_ == "VBG" and verb.lemma_.lower() in ("go",):
            return "future"
        return "past"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in aux):
        return "future"  # "when the case is heard in May": a present passive, as an active one
    if verb.tag_ == "VBN":
        return "past"  # perfect ("has been") or reduced relative ("the high set on Aug. 6")
    if verb.tag_ == "VBG" and any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return "future"
    if verb.tag_ == "VBG" and not aux and verb.dep_ == "advcl" and depth <= 2 \
            and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        # a participle's clause has its governing clause's time: "Arriving in Oslo
        # Monday, the envoy has two aims" (ahead), "Speaking Monday, she said" (past)
        return _verb_tense(verb.head, depth=depth + 1)
    if verb.tag_ in ("VBZ", "VBP"):
        return "future"
    return None


def tag(text: str, *, ref: date | None, doc: Any = None,
        tense_override: dict[int, str] | None = None) -> list[Timex]:
    """Tag and normalize every expression in `text` against the anchor day `ref`."""
    out: list[Timex] = []
    narrative: date | None = None
    story_year: int | None = None
    story_month: date | None = None
    founds = find(text)
    quarters = _quarters(text, founds, ref)
    for i, found in enumerate(founds):
        tense = (tense_override or {}).get(found.start) \
            or tense_of(text, found.start, found.end, doc=doc)
        ctx = Context(ref=ref, narrative=narrative, tense=tense, story_year=story_year,
                      story_month=story_month)
        values = normalize(found, ctx)
        if quarters.get(i):
            values = [(s, e, Value("DATE", quarters[i], "published")) for s, e, _ in values]
        elif any(quarters.values()):
            period = next((quarters[j] for j in range(i - 1, -1, -1) if quarters.get(j)), None) \
                or next(q for q in quarters.values() if q)
            left, right = sentence_bounds(text, found.start, found.end)
            values = in_period(found, values, period=period, sentence=text[left:right])
        for start, end, val in values:
            precision, interval = (precision_and_interval(val.value)
                                   if val.type in ("DATE", "TIME") else (None, None))
            if val.type == "TIME" and val.value and parse_day(val.value):
                precision = "day"
            out.append(Timex(text=text[start:end], start=start, end=end, type=val.type,
                             value=val.value, precision=precision, interval=interval,
                             anchor=val.anchor))
            if val.type in ("DATE", "TIME") and val.value and re.match(r"\d{4}(?!\d)", val.value):
                story_year = int(val.value[:4])
                month = re.match(r"\d{4}-(\d\d)", val.value)
                story_month = date(story_year, int(month[1]), 1) if month else None
            span = span_of(val.value) if val.type in ("DATE", "TIME") else None
            if span and span[2] == "day":
                narrative = span[0]
    return _month_in_relative_year(text, _merge_clock_day(text, out))


_RELATIVE_YEAR = re.compile(r"^(?:last|this|next) year$|^a year (?:ago|earlier)$", re.I)


def _month_in_relative_year(text: str, timexes: list[Timex]) -> list[Timex]:
    """"approved it last year at a conference in Dushanbe, in September": the bare month
    falls in the year the same sentence just named relatively (2021-09, not 2022-09).
    Only "in <Month>": a day ("Sept. 29") or an absolute year nearby has other readings."""
    out = list(timexes)
    for i, t in enumerate(out):
        if not (t.value and re.fullmatch(r"\d{4}-\d\d", t.value)
                and re.search(r"\bin\s+$", text[max(0, t.start - 4):t.start])
                and " " not in t.text.strip()):
            continue
        left, _ = sentence_bounds(text, t.start, t.end)
        named = [y for y in out[:i] if y.start >= left and _RELATIVE_YEAR.match(y.text.strip())
                 and y.value and re.fullmatch(r"\d{4}", y.value)]
        if named and named[-1].value != t.value[:4]:
            value = f"{named[-1].value}{t.value[4:]}"
            precision, interval = precision_and_interval(value)
            out[i] = Timex(text=t.text, start=t.start, end=t.end, type=t.type, value=value,
                           precision=precision, interval=interval, anchor=t.anchor)
    return out


_CLOCK = re.compile(r"^(?:\d{4}-\d{2}-\d{2}|XXXX-XX-XX)(T\d{2}:\d{2}Z?)$")
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _merge_clock_day(text: str, timexes: list[Timex]) -> list[Timex]:
    """"9 a.m. EST Tuesday", "midnight Friday": one TIME on that day (TimeML)."""
    out: list[Timex] = []
    for t in timexes:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "TIME" and t.type == "DATE" \
                and re.fullmatch(r"[\s,]*", text[prev.end:t.start]) \
                and _DAY_VALUE.match(t.value or "") and _CLOCK.match(prev.value or ""):
            clock = _CLOCK.match(prev.value or "")[1]  # type: ignore[index]
            out[-1] = Timex(text=text[prev.start:t.end], start=prev.start, end=t.end,
                            type="TIME", value=f"{t.value}{clock}", precision="day",
                            interval=t.interval, anchor=t.anchor)
            continue
        out.append(t)
    return out


def _quarters(text: str, founds: list[Any], ref: date | None) -> dict[int, str | None]:
    """The quarters the story names as such, by expression index: "the third quarter",
    "the quarter ended Sept. 30". They set the reporting period (see period.py)."""
    out: dict[int, str | None] = {}
    for i, found in enumerate(founds):
        ended = quarter_ended(text, found, ref)
        if ended:
            out[i] = ended
        elif found.rule == "quarter" and (found.parts.get("unit") or "").lower() == "quarter":
            values = normalize(found, Context(ref=ref))
            out[i] = (values[0][2].value
                      if values and is_quarter(values[0][2].value, ended_by=ref) else None)
    return {i: q for i, q in out.items()}
