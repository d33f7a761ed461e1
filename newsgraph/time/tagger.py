"""Find temporal expressions in English news text (TimeML TIMEX3 extents).

Rules are regular expressions over the raw text; each match is a `Found` naming its
rule and the parts the normalizer needs. Overlaps keep the longest match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import scan
from .formats import MONTHS

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "half": 0.5, "several": None, "few": None, "a few": None, "some": None, "many": None,
    "couple": 2, "a couple of": 2, "couple of": 2, "dozen": 12,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|"
          r"Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_YEARNUM = r"(?:1[6-9]\d\d|20\d\d)"
_PART = r"(?:morning|afternoon|evening|night|overnight)"
_UNIT = r"(?:second|minute|hour|day|week|weekend|month|quarter|year|decade|century|centurie)"
_NUMWORD = (r"(?:\d+ 1/2|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) and a"
            r" half|\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
            r"eleven|"
            r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
            r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|"
            r"three|four|five|six|seven|eight|nine))?|several|a few|few|a couple of|"
            r"couple of|a half|half a|one and a half|hundred|dozens of|a dozen)")
_REL = r"(?:last|next|this|coming|past|previous|following|same|current|that)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_MOD = (r"(?:early|late|mid|middle of|end of|beginning of|the end of|the beginning of|the"
        r" middle of|the start of|start of)")


@dataclass
class Found:
    start: int
    end: int
    text: str
    rule: str
    parts: dict[str, str | None] = field(default_factory=dict)


def _p(rule: str, pattern: str, flags: int = re.IGNORECASE) -> tuple[str, re.Pattern[str]]:
    return rule, re.compile(r"(?<![\w$])" + pattern + r"(?![\w%])", flags)


# Order does not matter: overlaps are settled by length, then by position.
RULES: list[tuple[str, re.Pattern[str]]] = [
    _p("iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?"),
    _p("numeric", r"(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d{2})"),
    _p("mdy", rf"(?:(?P<wd>{_WEEKDAY}),?\s+|(?P<rel>last|next|this|Last|Next|This)\s+)?"
              rf"(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})(?:\s?,?\s+(?P<y>{_YEARNUM}))?", 0),
    _p("dmy", rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?"
              rf"(?P<mon>{_MONTH})(?:\s?,?\s+(?P<y>{_YEARNUM}))?", 0),
    _p("range", rf"(?P<mon>{_MONTH})\s+(?P<d>{_DAYNUM})\s*(?:-|–|to|through|and)\s*"
                rf"(?P<d2>{_DAYNUM})(?:\s?,?\s+(?P<y>{_YEARNUM}))?", 0),
    _p("month_year", rf"(?:(?P<mod>{_MOD})[- ])?(?P<mon>{_MONTH}),?\s+(?:of\s+)?"
                     rf"(?P<y>{_YEARNUM})", 0),
    _p("month", rf"(?:(?P<mod>early|late|mid|Early|Late|Mid)[- ])?(?:(?P<rel>last|next|"
                rf"this|Last|Next|This)\s+)?(?P<mon>{_MONTH})", 0),
    _p("year", rf"(?:(?P<mod>{_MOD})[- ])?(?:(?:the\s+)?(?:fiscal|calendar)(?:\s+year)"
               rf"?\s+)?(?P<y>{_YEARNUM})(?P<s>'?s)?"),
    _p("decade", r"(?:the\s+)?(?:(?P<mod>early|late|mid)[- ])?(?P<y>1[6-9]\d0|20[0-2]0)'?s"),
    _p("weekday", rf"(?:(?:the\s+(?=previous|following))?(?P<rel>last|next|this|coming|"
                  rf"past|previous|following|this past)\s+)?(?P<wd>{_WEEKDAY})(?:'s)?"
                  rf"(?:\s+(?P<part>{_PART}))?", re.IGNORECASE),
    _p("deictic", rf"(?P<w>today|yesterday|tomorrow|tonight|the day before yesterday|the"
                  rf" day after tomorrow)(?:'s)?(?:\s+(?P<part>{_PART}))?"),
    _p("ref", r"(?P<w>now|currently|recently|recent|the past|the future|future|soon|"
              r"nowadays|these days|at the moment|at present|present|the present|once|"
              r"formerly|lately|in the past|so far|to date|then|the time|that time|the"
              r" near future|the near term|the short term|the long term)"),
    _p("year_end", r"(?P<w>year[- ]end|year's\s+end)"),
    # "current" only before a noun-like word ("current market conditions"): TimeML PRESENT_REF.
    _p("current", r"(?P<w>current)(?=\s+(?!account|accounts|affairs|events|of\b|in\b)[a-z])"),
    _p("weekend", r"(?P<w>the\s+weekend)"),
    _p("bare_plural", r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\btime\sin\s))"
                      r"(?:the\s+(?=years|decades))?(?P<unit>days|weeks|months|years|"
                      r"decades)(?!\s+(?:of|ago|before|after|earlier|later))"),
    _p("spelled_year", r"(?:the\s+year\s+|(?:the\s+)?(?P<season>spring|summer|fall|"
                       r"autumn|winter)\s+of\s+|(?P<mon>January|February|March|April|May|"
                       r"June|July|August|September|October|November|December)\s+)?"
                       r"(?P<w>nineteen\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
                       r"eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|"
                       r"nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                       r"seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|"
                       r"two|three|four|five|six|seven|eight|nine|ten))?)(?!\s+"
                       r"(?:dollars|people|years|troops))"),
    # "June last year", "January this year": one month (TimeML)
    _p("month_relyear", rf"(?P<mon>{_MONTH})\s+(?P<rel>last|this|next)\s+year", 0),
    _p("part_of_day", rf"(?P<w>this|last|yesterday|tomorrow)\s+(?P<part>{_PART})"),
    _p("relunit", rf"(?:(?P<mod>earlier|later|early|late|mid|the end of|the beginning of|"
                  rf"the start of|the middle of|end of)[- ](?:in\s+)?)?(?:the\s+)?"
                  rf"(?P<rel>this\s+past|{_REL})\s+(?P<unit>week|weekend|month|quarter|"
                  rf"year|decade|century|fiscal year|season|{_SEASON})"),
    _p("season", rf"(?:(?P<mod>early|late|mid)[- ])?(?:the\s+)?(?P<season>{_SEASON})"
                 rf"(?:\s+(?:of\s+)?(?P<y>{_YEARNUM}))?"),
    _p("quarter", rf"(?:the\s+|(?P<yrel>last|next|this)\s+year's\s+)?(?:(?P<rel>latest|"
                  rf"last|past|previous|current|same|year-earlier|year-ago|{_REL})\s+)?"
                  rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])"
                  rf"?(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<y>{_YEARNUM})|"
                  rf"(?P<yrel2>last|next|this)\s+year))?(?:\s+(?P<y2>{_YEARNUM}))?"),
    # "the year-ago quarter", "the comparable period last year", "last year's quarter"
    _p("the_unit", r"(?:the\s+|(?P<lys>last\s+year's\s+))(?P<rel>latest\s+|(?:"
                   r"(?:comparable|corresponding|same)\s+)?(?:year-earlier|year-ago)\s+|"
                   r"comparable\s+|same\s+|corresponding\s+)?(?P<unit>quarter|year|month|"
                   r"week|period|fiscal year)(?P<ended>(?=\s+end(?:ed|ing)\b))?(?P<ly>\s+"
                   r"(?:last\s+year|a\s+year\s+(?:ago|earlier)))?(?=[\s,.;'])"),
    _p("year_period", rf"(?:the\s+)(?P<y>{_YEARNUM})\s+(?:(?P<ord>first|second|third|"
                      rf"fourth)[- ])?(?:fiscal\s+)?(?P<unit>period|quarter)"),
    _p("yearago_adj", r"(?P<w>year-earlier|year-ago)"),
    # TimeML: in "one year after he was killed" the signal "after" stays outside the
    # timex, a duration; "ago", "earlier" and "later" belong to the date.
    _p("ago", rf"(?:(?:nearly|almost|about|more than|some|over|roughly|just|only)\s+)?"
              rf"(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>ago|"
              rf"earlier|later|from now|hence|afterwards?)"),
    _p("following_day", r"(?:the\s+)?(?P<rel>following|next|previous|preceding|same|that)"
                        r"\s+(?P<unit>day|morning|evening|night|week|month|year)"),
    _p("duration", rf"(?:(?P<lead>the\s+(?:past|last|next|previous|first|coming|"
                   rf"following)|the\s+first|the|another|more\s+than|less\s+than|nearly|"
                   rf"almost|about|over|some|at\s+least|up\s+to)\s+)?(?P<n>{_NUMWORD})"
                   rf"(?:[- ]|\s+)(?:(?:trading|business|working)\s+)?(?P<unit>{_UNIT})s?"
                   rf"(?P<half>\s+and\s+a\s+half)?(?:[- ]old|[- ]long)?"),
    _p("duration_bare", rf"(?:the\s+)?(?P<lead>past|last|next|recent|coming)\s+(?P<unit>{_UNIT})s"),
    _p("set", rf"(?P<w>every|each|per|a)\s+(?P<unit>day|week|month|year|quarter|"
              rf"{_WEEKDAY}|morning|night|evening|{_MONTH})"),
    # "on Tuesdays", "Tuesday nights": every such day (TimeML SET)
    _p("weekday_set", rf"(?P<wd>{_WEEKDAY})(?:s|\s+(?P<part>nights|mornings|evenings|"
                      rf"afternoons))", 0),
    # "It's the second day of an offensive": the day the story is told
    _p("nth_day", r"(?:(?<=\bis )|(?<='s ))(?P<w>the\s+(?:first|second|third|fourth|"
                  r"fifth|sixth|seventh|"
                  r"eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+day)(?=\s+of\b)"),
    _p("ago_bare", r"(?P<unit>days|weeks|months|years|decades)\s+ago"),
    _p("set_adv", r"(?P<w>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly)"),
    _p("clock", r"(?P<hh>[01]?\d|2[0-3])(?::(?P<mm>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|"
                r"pm)(?:\s+(?P<tz>(?-i:[A-Z]{2,4})\b))?"),
    _p("clock24", r"(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?:\s+(?P<tz>GMT|UTC|EST|EDT|PST|PDT))"),
    _p("noon", r"(?P<w>noon|midday|midnight)"),
    _p("full_year", r"(?P<w>the\s+full\s+year)"),
    _p("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<h>Thanksgiving(?:\s+Day)?|"
                  r"Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|"
                  r"Independence\s+Day|Election\s+Day|Labor\s+Day|Memorial\s+Day|"
                  r"Veterans\s+Day|Halloween)", 0),
]

_MONTH_ALONE_OK = re.compile(r"(?:\b(?:in|since|until|till|by|of|during|from|to|through|"
                             r"early|late|mid|last|next|this|before|after|between|and|a|"
                             r"the)\s+|-)$",
                             re.IGNORECASE)
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per cent|people|troops|dollars|tons|km|"
                             r"miles|feet|meters|members|points)", re.IGNORECASE)
_NOT_YEAR_BEFORE = re.compile(r"(?:\$|#|No\.|number|Flight|flight|Room|room|Route|route|"
                              r"page|Resolution|resolution)\s*$")


def _acceptable(rule: str, m: re.Match[str], text: str) -> bool:
    s = m.group(0)
    if rule == "month" and _month_is_name(m, text):
        return False
    if rule == "month" and not m.group("mod") and not m.group("rel"):
        mon = m.group("mon")
        if mon in ("May", "March") or len(mon) <= 4:
            return _MONTH_ALONE_OK.search(text[max(0, m.start() - 12):m.start()]) is not None
    if rule == "year":
        before = text[max(0, m.start() - 12):m.start()]
        if _NOT_YEAR_AFTER.match(text[m.end():m.end() + 12]) or _NOT_YEAR_BEFORE.search(before):
            return False
        if (m.end() + 1 < len(text) and text[m.end()] in ",."
                and text[m.end() + 1].isdigit()):
            return False
    if rule == "duration" and re.fullmatch(r"an?\s+second", s, re.IGNORECASE) \
            and re.match(r"\s+(?!of\b|or\b|and\b)[a-z]", text[m.end():m.end() + 3]):
        return False  # "a second betrayal": the ordinal
    if rule == "duration" and m.group("unit").lower() == "quarter" \
            and (re.search(r"-quarters?$", s) or re.match(r"(?:an?|one)\s", s, re.IGNORECASE)) \
            and re.match(r"\s+of\s+(?!an?\s+(?:year|century))", text[m.end():m.end() + 16]):
        return False  # "three-quarters of its food": a fraction
    if rule == "deictic" and _generic_day(s, m, text):
        return False
    if rule in ("duration", "set") and _is_rate(s, m, text):
        return False
    if rule == "duration" and s.lower().startswith(("a ", "an ")):
        return True
    if rule == "ref" and s.lower() in ("then", "present", "once", "the time", "that time",
                                       "so far", "future", "to date"):
        return False
    if _is_title(rule, m, text):
        return False
    if rule == "year_end":  # "by year-end", not the adjective in "year-end net"
        return re.search(r"\b(?:by|since|until|till|before|after|at|around|through)\s+$",
                         text[max(0, m.start() - 8):m.start()]) is not None
    if rule == "ref" and s.lower() == "soon":
        # "as soon as", "soon after" are signals; "was soon released" reports the past
        before, after = text[max(0, m.start() - 20):m.start()], text[m.end():m.end() + 12]
        if re.search(r"\b(?:as|how)\s+$", before) \
                or re.match(r"\s+(?:as|after|afterwards?|thereafter)\b", after) \
                or re.search(r"(?:\b(?:was|were|had|been)|ed)\s+$", before) \
                or re.match(r"\s+\w+ed\b", after):
            return False
        return True
    if rule == "ref" and s.lower() == "the future" \
            and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return False
    if rule == "season" and not (m.group("mod") or m.group("y")) \
            and not s.lower().startswith("the ") \
            and not re.search(r"\b(?:this|last|next|the|in|during|since|until|by|of)\s+$",
                              text[max(0, m.start() - 10):m.start()], re.IGNORECASE):
        return False
    if rule == "duration" and re.match(r"[- ]old\b", text[m.end():m.end() + 5]) \
            or s.lower().endswith("old"):
        return False
    if rule == "set_adv" and s.lower() in ("quarterly", "annually", "yearly"):
        return False
    if rule == "set_adv" \
            and re.search(r"\baverage\s+$", text[max(0, m.start() - 9):m.start()], re.IGNORECASE):
        return False  # "average daily volume": a rate
    if rule == "set" and m.group("unit").lower().rstrip(".") in MONTHS \
            and m.group("w").lower() not in ("each", "every"):
        return False  # "a June agreement" is one June, not every June
    if rule == "set" and m.group("w").lower() == "a" \
            and m.group("unit").lower() in ("morning", "night", "evening"):
        return False
    return True


_TITLE_RULES = ("duration", "relunit", "noon", "ref", "deictic", "set")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*[\"'`“]*\s*|\n\s*)$")


def _is_title(rule: str, m: re.Match[str], text: str) -> bool:
    """"CBS's 60 Minutes", "ABC's This Week", "High Noon", "VOA Today": a common time
    word capitalized inside a sentence is a name, not a timex."""
    if rule not in _TITLE_RULES:
        return False
    words = re.findall(r"[A-Za-z]+", m.group(0))
    if not words or not words[-1][0].isupper() or re.fullmatch(_WEEKDAY, words[-1]) \
            or words[-1].lower() in MONTHS:
        return False
    return _SENTENCE_START.search(text[max(0, m.start() - 6):m.start()]) is None


_RATE_BEFORE = re.compile(r"\b(?:\d[\d,.]*%?|million|billion|trillion|thousand|hundred|percent|"
                          r"two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
                          r"thirty|forty|fifty|dozen)"
                          r"(?:\s+[a-z]+){0,2}\s+$", re.IGNORECASE)


def _is_rate(s: str, m: re.Match[str], text: str) -> bool:
    """"$500 million a year", "four flights a week", "24 hours a day": a rate, which
    TimeBank mostly leaves untagged."""
    if not re.fullmatch(r"an?\s+(?:day|week|month|year)", s, re.IGNORECASE):
        return False
    if re.match(r"\s+(?:ago|earlier|later|before|after|or|of)\b", text[m.end():m.end() + 8]):
        return False
    before = text[max(0, m.start() - 40):m.start()]
    return _RATE_BEFORE.search(before) is not None and not re.search(
        r"\b(?:within|for|in|over|about|than|least|only|just|take|takes|took|last|lasted)\s+$",
        before)


_GENERIC_AFTER = re.compile(r"\s+(?:world|youth|society|generation|young|children|kids|culture|"
                            r"technology|economy|standards|personal|politics)\b", re.IGNORECASE)


def _generic_day(s: str, m: re.Match[str], text: str) -> bool:
    """"today's world", "many of today's computers", "the people of tomorrow": the
    present or future age, not a day."""
    low = s.lower()
    if not low.startswith(("today", "tomorrow")) or m.group("part"):
        return False
    before = text[max(0, m.start() - 30):m.start()]
    if low.endswith("'s") and (_GENERIC_AFTER.match(text[m.end():m.end() + 14])
                               or re.search(r"\b(?:many|most|some|all) of\s+$", before)):
        return True
    return low == "tomorrow" and re.search(
        r"\b(?!as\b|end\b|close\b|part\b)[a-z]+\s+of\s+$", before) is not None


def _month_is_name(m: re.Match[str], text: str) -> bool:
    """"Jan Kavan": an unpunctuated month abbreviation before a capitalized word."""
    mon = m.group("mon")
    return len(mon) <= 4 and not mon.endswith(".") and mon not in ("May", "June", "July") \
        and re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]) is not None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Every month name and abbreviation of _MONTH starts with one of these.
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                "dec")
# Words one of which every match of a rule contains (lowercased): a rule whose words are
# all absent from the lowercased text cannot match, and is not run. A speed-up only:
# each tuple must cover every alternative of its rule. The rules left out match
# common words (units, "the", digits) or are cheap.
_NEEDS: dict[str, tuple[str, ...]] = {
    "ago": ("ago", "earlier", "later", "from now", "hence", "afterward"),
    "ago_bare": ("ago",),
    "quarter": ("quarter", "half"),
    "year_period": ("period", "quarter"),
    "spelled_year": ("nineteen", "thousand"),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "decade": ("0s", "0's"),
    "bare_plural": ("days", "weeks", "months", "years", "decades"),
    "duration_bare": ("past", "last", "next", "recent", "coming"),
    "set_adv": ("daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly",
                "nightly"),
    "deictic": ("today", "yesterday", "tomorrow", "tonight"),
    "weekday": _WEEKDAYS,
    "weekday_set": _WEEKDAYS,
    "month_relyear": ("year",),
    "year_end": ("year",),
    "holiday": ("thanksgiving", "christmas", "year", "independence", "election", "labor",
                "memorial", "veterans", "halloween"),
    "noon": ("noon", "midday", "midnight"),
    "full_year": ("full",),
    "current": ("current",),
    "weekend": ("weekend",),
    "yearago_adj": ("year-earlier", "year-ago"),
    "nth_day": ("day",),
    # (the rules below match common words: their words only narrow the scan of a
    # text to its segments, newsgraph/time/scan.py)
    "iso": ("-",),
    "numeric": ("/",),
    "mdy": _MONTH_STEMS,
    "dmy": _MONTH_STEMS,
    "range": _MONTH_STEMS,
    "month_year": _MONTH_STEMS,
    "month": _MONTH_STEMS,
    "year": ("1", "2"),
    "ref": ("now", "current", "recent", "past", "future", "soon", "days", "moment",
            "present", "once", "formerly", "lately", "far", "date", "then", "time", "term"),
    "relunit": ("week", "month", "quarter", "year", "decade", "century", "season", "spring",
                "summer", "fall", "autumn", "winter"),
    "the_unit": ("quarter", "year", "month", "week", "period"),
    "following_day": ("day", "morning", "evening", "night", "week", "month", "year"),
    "duration": ("second", "minute", "hour", "day", "week", "month", "quarter", "year",
                 "decade", "centur"),
    "set": ("day", "week", "month", "year", "quarter", "morning", "night", "evening",
            *_MONTH_STEMS),
    "clock": ("a.m", "p.m", "am", "pm"),
    "clock24": (":",),
    "part_of_day": ("morning", "afternoon", "evening", "night"),
}
# Rules whose words are checked against the segments of a text only, not the whole
# text (nearly every article holds one of them somewhere).
_SEGMENT_ONLY = frozenset({"iso", "numeric", "mdy", "dmy", "range", "month_year", "month",
                           "year", "ref", "relunit", "the_unit", "following_day",
                           "duration", "set", "clock", "clock24", "part_of_day"})
_WORDS = tuple(sorted({w for words in _NEEDS.values() for w in words}))
# Letters that IGNORECASE matches to an ASCII letter their lower() is not ("ſ" ~ "s",
# "ı" ~ "i"): in a text with one, every rule runs.
_FOLDS_ODDLY = ("ſ", "ı")
_last: tuple[str, list[Found]] = ("", [])


def find(text: str) -> list[Found]:
    """Every temporal expression in `text`, left to right, without overlaps. The time
    stage tags one text against several anchor days: the last text's result is kept."""
    global _last
    last_text, last_found = _last  # one read: another thread may replace it
    if text == last_text and text:
        return list(last_found)
    found = _find(text)
    _last = (text, found)
    return list(found)


def _find(text: str) -> list[Found]:
    cands: list[Found] = []
    low = text.lower()
    check = not any(c in text for c in _FOLDS_ODDLY)
    segments = scan.Segments(text, low, _WORDS if check else ())
    for rule, pattern in RULES:
        needs = _NEEDS.get(rule) if check else None
        if needs is not None and rule not in _SEGMENT_ONLY and not any(w in low for w in needs):
            continue
        for m in segments.finditer(rule, pattern, needs):
            if not m.group(0).strip() or not _acceptable(rule, m, text):
                continue
            start, end = m.span()
            while end > start and text[end - 1] in " ,-":
                end -= 1
            parts = m.groupdict()
            if rule == "the_unit" and (parts.get("lys") or parts.get("ly")
                                       or "year-" in (parts.get("rel") or "")):
                parts["rel"] = "year-ago"
            cands.append(Found(start, end, text[start:end], rule, parts))
    cands.sort(key=lambda f: (-(f.end - f.start), f.start))
    taken: list[Found] = []
    for f in cands:
        if any(f.start < t.end and t.start < f.end for t in taken):
            continue
        taken.append(f)
    return sorted(taken, key=lambda f: f.start)
