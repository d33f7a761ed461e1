"""Metadata printed in the text: publication lines, bylines, outlets. (Datelines are read
by newsgraph.time.dateline, the one dateline reader.)"""

from __future__ import annotations

import re

from ..time.formats import MONTH_RE, parse_date
from .patterns import is_sentence, strip_bullet, words

_PUBLISHED = re.compile(
    r"^(?:first\s+)?(?:published|posted|publication date|date published|released|date)"
    r"(?:\s+(?:date|on|at))?\s*[:|\-–—]?\s*(?P<rest>.*)$", re.I)
_UPDATED = re.compile(
    r"^(?:last\s+)?(?:updated|modified|update|edited)(?:\s+(?:date|on|at))?\s*[:|\-–—]?\s*"
    r"(?P<rest>.*)$", re.I)
# What a date/time line may hold besides the date: weekday, time, zone, separators.
_DATE_NOISE = re.compile(
    rf"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|{MONTH_RE}|\b\d+(?:st|nd|rd|th)?\b|"
    r"\b(?:[ap]\.?m\.?|utc|gmt|[a-z]{1,2}[sd]?t|bst|cet|cest|msk|irst|et|pt|hrs?|at|on|of|"
    r"ist)\b|[\s,:|./()\-–—+]", re.I)
BYLINE = re.compile(
    r"^(?:by|BY)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|al|bin|el|and|&))*"
    r"(?:\s*[,|–—-]\s*.{0,90})?$")
# Words that make a short header line the name of an outlet ("Anadolu Agency").
OUTLET_WORD = re.compile(
    r"\b(?:Agency|News|Times|Post|Press|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|"
    r"Daily|Radio|TV|Television|Broadcasting|Network|Monitor|Reuters|Xinhua|TASS|IRNA|"
    r"Sputnik|Al Jazeera|Newsweek|Bloomberg|Politico|TODAY|Today|Insider|Independent|"
    r"Observer|Express|Mirror|Chronicle|Standard|Star|Mail|Wire|Media)\b")
def published_line(line: str) -> tuple[str, str | None] | None:
    """("published" | "updated", date or None) for a metadata line, else None.

    "Published Date: 08:46 | 04 July 2024", "Updated 3:45 PM ET, Mon September 1,
    2025", "Last updated on 4 July 2024", "04 July 2024 08:46" (a bare date line).
    """
    bare = strip_bullet(line)
    if words(bare) > 16:
        return None
    for kind, pattern in (("published", _PUBLISHED), ("updated", _UPDATED)):
        m = pattern.match(bare)
        if m and _only_date(m["rest"]) and (m["rest"].strip() or kind == "updated"):
            return kind, parse_date(m["rest"])
    if _only_date(bare) and (date := parse_date(bare)):
        return "published", date
    return None


def _only_date(text: str) -> bool:
    """Whether `text` holds nothing but a date, a time, a weekday and a zone."""
    return not _DATE_NOISE.sub("", text).strip() and bool(re.search(r"\d", text))


def is_byline(line: str) -> bool:
    bare = strip_bullet(line)
    return words(bare) <= 16 and bool(BYLINE.match(bare)) and not bare.endswith(".")


def outlet_name(line: str) -> str | None:
    """The outlet a short header line names ("- Anadolu Agency"), else None."""
    bare = strip_bullet(line)
    if words(bare) > 5 or is_sentence(bare) or not OUTLET_WORD.search(bare):
        return None
    if not all(w[:1].isupper() or not w[:1].isalpha() or w in {"of", "the", "and"}
               for w in bare.split()):
        return None
    return bare
