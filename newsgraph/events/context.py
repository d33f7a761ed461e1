"""Where, on what occasion and when an event took place. `place_of` is the one decision
of an event's place: where it happens, never a country only discussed.

- A town named on the event noun ("the Geneva summit"), the town a "where" clause
  hangs on ("flew to Geneva, where they met"), a locative phrase of the event's own
  clause ("met in Geneva"), the end of a trip taken for it ("flew to Geneva for
  talks"), then one of its sentence.
- A locative phrase is read on its own words: a relative clause under it tells of
  something else ("in the capital, a venue recalling talks between A and B"), and a
  place under another meeting noun is that meeting's ("a sequel to their meeting in
  Vienna"); a summit's name is no place ("at the APEC summit").
- A country where a summit of that year was held gives the summit's town; "the
  Finnish capital" is the capital; the dateline's town places the lead's news of the
  day. Summits themselves (days and town) are settled in summit.py.
"""

from __future__ import annotations

import re
from typing import Any

from .. import doccache
from ..kb import KnowledgeBase
from ..model import Article, Location, Timex
from ..time.calendar import span_of

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# "on the sidelines of the Shanghai Cooperation Organization (SCO) summit",
# "at a summit of the SCO", "at the BRICS Summit".
_SUMMIT = re.compile(
    r"\b(?:summit|meeting) of (?:the )?(?P<pre>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*)"
    r"(?: \((?P<acr1>[A-Z]{2,})\))?"
    r"|(?P<org>[A-Z][\w.&-]*(?: (?:[A-Z][\w.&-]*|of|for|and))*?)"
    r"(?: \((?P<acr2>[A-Z]{2,})\))? [Ss]ummit\b")
# A summit told by another noun or by its body alone: "the G-20 gathering in Hamburg",
# "the Group of 20 meeting", "at the G7 in Biarritz", "on the sidelines of the
# APEC forum": taken only where the knowledge base lists summits of that body.
_GATHERING = re.compile(
    r"\b(?P<org>G-?\d+|Group of \d+|[A-Z][\w&-]*[A-Z][\w&-]*(?: [A-Z][\w&-]*)*)"
    r"(?: (?P<noun>gathering|meeting|meetings|conference|forum|leaders'? meeting)\b"
    r"|(?=[ ,.;]| in\b|$))")
_NUMBERED_GROUP = re.compile(r"^(?:G-?\d+|Group of \d+)$")
_GATHERING_CUE = re.compile(r"\b(?:at|to|during|of|before|after|for) (?:the |this year's |"
                            r"last year's |next year's |an? )?$", re.I)
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
    if kb is not None:
        for m in _GATHERING.finditer(text):
            noun = m.group("noun") or ""
            if not noun and not _GATHERING_CUE.search(text[:m.start()]):
                continue  # a bare "G7" names the body, not its summit, unless "at the G7"
            if noun in ("meeting", "meetings", "conference", "forum") and (
                    not _NUMBERED_GROUP.match(m.group("org"))
                    or "minister" in text.lower()):
                continue  # "the NATO meeting" of foreign ministers is no summit
            found = kb.summits(org=m.group("org"))
            if found:
                return f"{found[0].org} summit"
    m = _VISIT.search(text)
    if m and re.search(r"\b(during|on|for|amid|this|the|an?)\b[^.]{0,40}visit", text, re.I):
        return f"{m.group(1).lower()} visit" if m.group(1) else "visit"
    return None


def _acronym(org: Any) -> str | None:
    names = [org.name, *org.aliases]
    caps = [n for n in names if n.isupper() and 2 <= len(n) <= 8]
    return min(caps, key=len) if caps else None


def location(article: Article, tokens: list[Any], *, kb: KnowledgeBase | None = None,
             trigger: Any = None) -> Location | None:
    """The place named with a locative preposition in `tokens` (the event's clause),
    from the actors stage's place mentions, else from the knowledge base. `trigger`:
    the event's own token; a place told of another meeting in the clause is that
    meeting's ("heads for Ruritania for talks, a sequel to their meeting in Freedonia")."""
    for tok in tokens:
        if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
            continue
        if _in_topic(tok.head, trigger) or _of_other_meeting(tok.head, trigger):
            continue
        # "at the East Asia Summit of leaders": the summit is no place,
        # only a known town in its phrase is ("at the Osaka summit")
        head = [] if tok.lemma_.lower() in OCCASION_NOUNS else [tok]
        candidates = [*head, *[c for c in _own_phrase(tok)
                               if c.ent_type_ in ("GPE", "LOC", "FAC")]]
        found_here: list[Location] = []
        for cand in candidates:
            found = _place_at(article, cand, kb)
            if found is not None and (cand is tok or found.country):
                # a name inside the phrase counts only as a known place: "at the
                # Asia-Pacific Economic Cooperation summit" names a body, not a place
                found_here.append(found)
        if found_here:
            # "in the Black Sea resort of Sochi": the town with a country, not the sea;
            # "in Hamburg, Germany": the town, not its country
            towns = [p for p in found_here if p.country and not (
                kb is not None and kb.country(p.name) is not None)]
            return next(iter(towns), next((p for p in found_here if p.country),
                                          found_here[0]))
    return None


def _place_at(article: Article, token: Any, kb: KnowledgeBase | None) -> Location | None:
    if token.lemma_.lower() == "capital" and kb is not None:
        # "in the Finnish capital", "in the Ruritanian capital": that country's capital
        for mod in token.children:
            country = kb.country(mod.text) if mod.dep_ in ("amod", "compound", "poss") \
                else None
            if country is not None and country.capital:
                return Location(country.capital, country.iso3)
    start, end = _phrase(token)
    mention = article.mention_at(start, end, role="place")
    if mention is not None and mention.place is not None:
        return mention.place
    return _kb_place(token, kb)


# Links that stay inside a place's own phrase: "Hamburg, Germany" (appos), "the resort
# of Sochi" (prep "of"), "Da Nang" (compound). A relative clause or another
# preposition under it tells of something else ("in the capital, a venue that evokes
# talks between Ruritania and Freedonia").
_PHRASE_DEPS = frozenset({"pobj", "appos", "compound", "conj", "npadvmod"})


def _own_phrase(token: Any) -> list[Any]:
    out, todo = [], list(token.children)
    while todo:
        child = todo.pop()
        if child.dep_ in _PHRASE_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
            out.append(child)
            todo.extend(child.children)
    return out


# Nouns of a meeting told on its own ("their first meeting in Freedonia"): a place
# under one belongs to it, not to another event of the clause. Occasion nouns
# (summit, conference) are left out: "met at the summit in Osaka" is where they met.
OCCASION_NOUNS = frozenset({"summit", "meeting", "conference", "talk", "gathering",
                            "forum", "session", "visit"})
OTHER_MEETING_NOUNS = frozenset({"meeting", "talk", "visit", "trip", "call",
                                 "conversation", "encounter", "session", "sequel"})
# Nouns of what happens somewhere else, whose place a locative names: "since the war in
# Ruritania began", "amid the crisis in Freedonia", "after the elections in Sylvania".
ELSEWHERE_NOUNS = frozenset({"war", "conflict", "fighting", "crisis", "violence",
                             "invasion", "unrest", "protest", "election", "situation",
                             "offensive", "bombing", "attack", "clash", "genocide"})


def _of_other_meeting(prep: Any, trigger: Any) -> bool:
    if trigger is None:
        return False
    head = prep.head
    if head.dep_ == "dobj" and head.head.i == trigger.i:
        return False  # "held talks with Lee in Oslo": the light verb's own event noun
    return head.i != trigger.i and head.pos_ == "NOUN" \
        and head.lemma_.lower() in OTHER_MEETING_NOUNS | ELSEWHERE_NOUNS


def named_on(article: Article, trigger: Any, *, kb: KnowledgeBase | None) -> Location | None:
    """A place name modifying the event noun itself: "the Helsinki summit", "their
    Hanoi talks", "the Geneva meeting" (a town, not a country: "the Ruritania talks"
    are talks about Ruritania as often as talks held there)."""
    if trigger is None or trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    for child in trigger.children:
        if child.dep_ not in ("compound", "nmod", "amod") or child.pos_ != "PROPN":
            continue
        found = _place_at(article, child, kb)
        if found is None and kb is not None:  # "Helsinki" tagged as an organization
            place = kb.place(child.text)
            found = Location(place.name, place.country) if place is not None else None
        if found is not None and found.country and not (
                kb is not None and kb.country(found.name) is not None):
            return found
    return None


# A place under one of these verb links is part of what was said or discussed, not where
# the event happened: "focused on discussing the situation in the Middle East".
_TOPIC_DEPS = ("pcomp", "ccomp", "acl", "relcl")
# Links through which an event noun names its party or place ("a meeting with Lee in
# Geneva").
_OWN_LINKS = frozenset({"with", "between", "among", *LOCATIVE_PREPS})


def _in_topic(prep: Any, trigger: Any = None) -> bool:
    """Whether the phrase under `prep` hangs in a clause told as a topic. The event's
    own verb is never its topic ("who met in Geneva": the meeting's place), nor a
    "when" clause that times the event ("the last summit was in 2007, when they met in
    Geneva"). Nor is a phrase on the event noun's own party or place links, whatever
    clause holds the noun ("after a meeting with Lee in Geneva, Park left, the paper
    says": Geneva is the meeting's, not something said); one under a topic preposition
    is ("a meeting with Lee about the war in Ruritania")."""
    token = prep.head
    own = True  # only party and place links between the phrase and the noun so far
    for _ in range(12):
        if trigger is not None and token.i == trigger.i and own:
            return False
        if token.dep_ == "prep" and token.lower_ not in _OWN_LINKS:
            own = False
        elif token.dep_ not in ("prep", "pobj"):
            own = False
        if token.pos_ in ("VERB", "AUX"):
            if trigger is not None and token.i == trigger.i:
                return False
            if any(c.dep_ == "advmod" and c.lower_ == "when" for c in token.children):
                return False
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
    if kb is None or loc is None or occ is None or not occ.endswith(" summit"):
        return loc  # no place at all: the summit's city only on its days (summit.py)
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


_POBJ = frozenset({"pobj"})  # the only tokens `location` reads


def place_of(article: Article, sent: Any, trigger: Any, clause: list[Any], *,
             occasion: str | None, date: str | None, status: str | None,
             kb: KnowledgeBase | None) -> Location | None:
    """The one decision of an event's place: where it happens (a place named on the
    event noun, a locative phrase of its clause or sentence, the city of the summit
    it took place at, the dateline of today's news), never a country only discussed."""
    loc = named_on(article, trigger, kb=kb) or _where_antecedent(article, trigger, kb=kb) \
        or _town_visited(article, trigger, kb=kb) \
        or location(article, clause, kb=kb, trigger=trigger) \
        or destination(article, trigger, kb=kb) \
        or location(article, doccache.tokens_where(sent, "DEP", _POBJ), kb=kb, trigger=trigger)
    year = (date or article.published or "")[:4] or None
    loc = refine_with_summit(loc, occasion, year, kb=kb)
    loc = capital_named(loc, kb=kb)
    if loc is None:
        loc = dateline_place(article, sent, date=date, status=status, kb=kb)
    return loc


# Verbs of going somewhere: the meeting that is the purpose of the trip is at its end
# ("flew to Geneva for talks with Lee", "leaves for Geneva to take part in meetings").
TRAVEL_VERBS = frozenset({"fly", "travel", "head", "depart", "leave", "go", "jet",
                          "arrive", "set"})
DESTINATION_PREPS = frozenset({"to", "for", "in"})
PURPOSE_CLIMB = 6


def destination(article: Article, trigger: Any, *,
                kb: KnowledgeBase | None) -> Location | None:
    """The place a trip goes to, for the meeting that is its purpose."""
    if trigger is None:
        return None
    tok = trigger
    for _ in range(PURPOSE_CLIMB):
        head = tok.head
        if head is tok or tok.dep_ in ("nsubj", "nsubjpass", "ccomp", "conj"):
            return None  # the meeting is not what the trip is for
        if head.pos_ == "VERB" and head.lemma_.lower() in TRAVEL_VERBS:
            purpose = (tok.dep_ == "prep" and tok.lower_ == "for") or (
                tok.dep_ in ("xcomp", "advcl")
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
            if not purpose:
                return None  # "flew to Seoul after meeting Lee": another time, not the aim
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in DESTINATION_PREPS:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC", "FAC") \
                            and pobj.i != trigger.i:
                        found = _place_at(article, pobj, kb)
                        if found is not None:
                            return found
            return None
        tok = head
    return None


def _town_visited(article: Article, trigger: Any, *,
                  kb: KnowledgeBase | None) -> Location | None:
    """"Lee visited Oslo": the town a visit verb takes as its object is where it was (a
    country visited is no place more precise than the host)."""
    if trigger is None or trigger.pos_ != "VERB" or trigger.lemma_.lower() != "visit":
        return None
    for obj in trigger.children:
        if obj.dep_ == "dobj" and obj.ent_type_ in ("GPE", "LOC", "FAC"):
            found = _place_at(article, obj, kb)
            if found is not None and found.country and not (
                    kb is not None and kb.country(found.name) is not None):
                return found
    return None


def _where_antecedent(article: Article, trigger: Any, *,
                      kb: KnowledgeBase | None) -> Location | None:
    """"He left for Geneva, where he will meet Lee": the town a "where" clause of the
    event hangs on."""
    if trigger is None:
        return None
    where = next((c for c in trigger.children if c.lower_ == "where" and c.dep_ == "advmod"
                  and c.i < trigger.i), None)
    if where is None or where.i == trigger.sent.start:
        return None
    before = trigger.doc[where.i - 1]
    if before.is_punct and before.i > trigger.sent.start:
        before = trigger.doc[before.i - 1]  # "Geneva, where"
    if before.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    return _place_at(article, before, kb)


def capital_named(loc: Location | None, *, kb: KnowledgeBase | None) -> Location | None:
    """"in Peruvian capital Lima" taken as the place "Peruvian capital": the capital."""
    if loc is None or kb is None or not loc.country \
            or not loc.name.lower().endswith("capital"):
        return loc
    country = kb.country(loc.country)
    if country is None or not country.capital:
        return loc
    return Location(country.capital, loc.country)


# A dateline ("HAMBURG, Germany (AP) -") places what the story's lead reports as
# today's news: an event told in the first DATELINE_LEAD_CHARS of the text, reported,
# and dated the publication day or the day before (the story filed overnight).
DATELINE_LEAD_CHARS = 600
DATELINE_DAYS = 1


def dateline_place(article: Article, sent: Any, *, date: str | None, status: str | None,
                   kb: KnowledgeBase | None) -> Location | None:
    if kb is None or not article.dateline or not article.published or not date \
            or len(date) < 10 or status != "reported" \
            or sent.start_char > DATELINE_LEAD_CHARS:
        return None
    from datetime import date as _day

    try:
        gap = (_day.fromisoformat(article.published) - _day.fromisoformat(date[:10])).days
    except ValueError:
        return None
    if not 0 <= gap <= DATELINE_DAYS:
        return None
    name = article.dateline.split(",")[0].split("/")[0].strip().title()
    place = kb.place(name)
    if place is None or kb.country(name) is not None:
        return None  # a dateline the KB does not know as a town
    return Location(place.name, place.country)


# An event noun under one of these tells of an event at another time than its
# clause's: "Lee called Park on Monday ahead of their meeting" (not a Monday meeting).
_RELATIVE_TIME_PREPS = frozenset({"before", "after", "following", "until", "since",
                                  "pending"})
_RELATIVE_TIME_HEADS = frozenset({"ahead", "prior"})
# Prepositions that make an event noun a topic: "voiced optimism on Saturday about his
# summit with Lee" dates the voicing, not the summit.
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning", "on", "over"})
_TOPIC_HEADS = frozenset({"optimism", "pessimism", "hope", "hopes", "doubt", "doubts",
                          "confidence", "concern", "concerns", "question", "questions",
                          "excitement", "skepticism", "scepticism", "fears", "worries",
                          "comment", "comments", "remarks", "speculation", "details",
                          "update", "briefing", "report", "reports"})


def _timed_by_another(trigger: Any) -> bool:
    if trigger is None or trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ in _TOPIC_PREPS and (
            head.head.lower_ in _TOPIC_HEADS or head.head.lemma_.lower() in (
                "talk", "speak", "comment", "tweet", "write", "ask", "brief")):
        return True
    # read on the words, not the parse: a headline run into the lead ("... ahead of
    # Lee-Park meeting Secretary Kim on Monday said") is parsed as one noun phrase
    for back in range(1, 6):
        if trigger.i - back < trigger.sent.start:
            break
        word = trigger.doc[trigger.i - back]
        if word.pos_ in ("VERB", "AUX") or word.is_punct and word.text != "-":
            break
        if word.lower_ in _RELATIVE_TIME_PREPS or (
                word.lower_ in ("of", "to") and word.i > trigger.sent.start
                and trigger.doc[word.i - 1].lower_ in _RELATIVE_TIME_HEADS):
            return True
    return False


def _noun_date(article: Article, trigger: Any) -> Timex | None:
    """A date of an event noun's own phrase ("their first meeting last June", "Friday's
    summit"), not reached through a clause of its own ("the meeting with a man who was
    elected in 2019"): it dates the noun whatever the sentence's verb is dated by ("Lee
    flies out on Monday for a sequel to their meeting last June")."""
    if trigger is None or trigger.pos_ != "NOUN" or article.doc is None:
        return None
    left = trigger.left_edge.idx
    right = trigger.right_edge.idx + len(trigger.right_edge)
    for t in article.timexes:
        if t.type not in ("DATE", "TIME") or not t.value or not left <= t.start \
                or t.end > right or span_of(t.value[:10]) is None \
                or _names_another_thing(article, t):
            continue
        span = article.doc.char_span(t.start, t.end, alignment_mode="expand")
        tok = span.root if span is not None else None
        for _ in range(6):
            if tok is None or tok.i == trigger.i or tok.pos_ in ("VERB", "AUX") \
                    or tok.head is tok:
                break
            tok = tok.head
            if tok.pos_ == "NOUN" and tok.i != trigger.i:
                break  # the date of another noun ("meetings, a sequel to one last June")
        if tok is not None and tok.i == trigger.i:
            return t
    return None


# Event nouns a year modifying a noun may date: "the 2018 summit" is dated, "the 2016
# election" in "discussed the 2016 election" is a topic, not the meeting's date.
_DATED_NOUNS = OCCASION_NOUNS | OTHER_MEETING_NOUNS | {"talks", "trip", "tour"}


def _names_another_thing(article: Article, timex: Timex) -> bool:
    """A year told as a modifier of some other noun ("the 2016 election", "its 2015
    accord"): it names that thing, not when the event happened."""
    if not timex.value or len(timex.value) != 4 or article.doc is None:
        return False
    span = article.doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.dep_ in ("compound", "nummod", "amod", "nmod") and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() not in _DATED_NOUNS


def clause_date(article: Article, start: int, end: int, *, sent_start: int,
                sent_end: int, trigger: Any = None, ahead: bool = False) -> Timex | None:
    """The timex of the event's own clause, else of a clause it depends on, else None.
    An event noun timed against its clause ("ahead of the meeting") keeps only a date
    of its own phrase ("ahead of Friday's meeting"); an event still `ahead` (planned,
    hypothetical) is not dated by the clause that tells of it ("said on Monday he
    expects a summit": Monday is the saying's)."""
    if _timed_by_another(trigger):
        left = trigger.left_edge.idx
        right = trigger.right_edge.idx + len(trigger.right_edge)
        own = [t for t in article.timexes if t.type in ("DATE", "TIME") and t.value
               and left <= t.start and t.end <= right]
        return own[0] if own else None
    own_date = _noun_date(article, trigger)
    if own_date is not None:
        return own_date
    try:
        from ..time import date_of_span  # type: ignore[attr-defined]
    except ImportError:
        date_of_span = None
    if date_of_span is not None:
        # the time stage knows which clause a date belongs to: no sentence fallback
        return date_of_span(article, start, end,
                            skip=lambda t: _names_another_thing(article, t),
                            by_governing=not ahead)
    dated = [t for t in article.timexes if t.type in ("DATE", "TIME") and t.value
             and not _names_another_thing(article, t)]
    inside = [t for t in dated if start <= t.start and t.end <= end]
    if inside:
        return inside[0]
    in_sent = [t for t in dated if sent_start <= t.start and t.end <= sent_end]
    return in_sent[0] if in_sent else None


__all__ = ["capital_named", "clause_date", "dateline_place", "destination", "location",
           "named_on",
           "occasion", "place_of", "refine_with_summit"]
