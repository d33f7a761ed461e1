"""Metadata printed in the text: publication lines, bylines, outlets, datelines."""

from __future__ import annotations

import re

from ..read.dates import MONTH_RE, parse_date
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
# Wire and agency tags of datelines, as the outlet they name.
AGENCIES = {
    "AP": "Associated Press", "Reuters": "Reuters", "AFP": "AFP", "TASS": "TASS",
    "MNA": "Mehr News Agency", "IRNA": "IRNA", "UPI": "UPI", "Xinhua": "Xinhua",
    "ANI": "ANI", "IANS": "IANS", "PTI": "PTI", "RIA Novosti": "RIA Novosti",
    "Sputnik": "Sputnik", "AA": "Anadolu Agency", "ISNA": "ISNA", "Tasnim": "Tasnim",
    "IRIB": "IRIB", "WAM": "WAM", "SPA": "SPA", "KUNA": "KUNA", "Yonhap": "Yonhap",
    "KCNA": "KCNA", "dpa": "dpa", "CNN": "CNN", "BBC": "BBC", "EFE": "EFE",
    "Kyodo": "Kyodo", "Bernama": "Bernama", "Interfax": "Interfax", "APA": "APA",
    "Trend": "Trend", "WAFA": "WAFA", "Fars": "Fars", "SANA": "SANA", "AzerNews": "AzerNews",
    "Al Arabiya": "Al Arabiya", "Al Jazeera": "Al Jazeera", "PNN": "PNN", "NNA": "NNA",
}
_TAG = r"(?:\((?P<tag>[A-Za-z][\w .&-]{0,30})\)|/(?P<tag2>[A-Za-z][\w .-]{0,20})/)"
_DATE = (rf"(?P<date>(?i:{MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_RE})(?:,?\s*\d{{4}})?"
         r"|\d{4}-\d{2}-\d{2})")
# "TIANJIN, August 31 /TASS/.", "TEHRAN, Aug. 31 (MNA) –", "WASHINGTON (AP) —",
# "KYIV, Ukraine (Reuters) -", "LONDON —", "Tehran, IRNA --".
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){{0,3}}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?)"
    rf"(?:,\s*{_DATE})?\s*(?:{_TAG}\s*(?:[-–—:.]+|--)|(?:--|[–—-]|:))\s+")
DATELINE_MIXED = re.compile(
    rf"^(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}})(?:,\s*{_DATE})?\s*{_TAG}\s*(?:[-–—:.]+|--)\s+")
WIRE_TAG = re.compile(rf"^{_TAG}\s*(?:[-–—:.]+|--)\s+")
# All-capital words that open sentences but are not places.
NOT_PLACES = {"NATO", "UN", "US", "USA", "EU", "ISIS", "IAEA", "SCO", "BRICS", "UPDATE",
              "BREAKING", "EXCLUSIVE", "NOTE", "OPINION", "ANALYSIS", "WATCH", "UPDATED",
              "EDITORIAL", "CORRECTION", "I", "A", "OK"}


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


def split_dateline(line: str) -> tuple[str, str | None, str | None, str] | None:
    """(prefix, place, date text, agency tag) of a dateline opening `line`, else None."""
    m = DATELINE.match(line)
    if m and m["place"].split(",")[0].strip() not in NOT_PLACES and len(m["place"]) >= 3:
        return m[0], m["place"].strip(), m["date"], (m["tag"] or m["tag2"] or "")
    m = DATELINE_MIXED.match(line) or WIRE_TAG.match(line)
    if m and _is_agency(m["tag"] or m["tag2"]):
        place = m.groupdict().get("place")
        return m[0], place.strip() if place else None, m.groupdict().get("date"), (
            m["tag"] or m["tag2"])
    return None


def _is_agency(tag: str | None) -> bool:
    return bool(tag) and (tag.strip() in AGENCIES or tag.strip().isupper())


def agency_outlet(tag: str) -> str | None:
    tag = tag.strip()
    return AGENCIES.get(tag) or (tag if tag.isupper() and len(tag) >= 2 else None)


def dateline_date(text: str | None) -> str | None:
    """A dateline's date as YYYY-MM-DD when it prints the year ("August 31" has none)."""
    return parse_date(text) if text else None
