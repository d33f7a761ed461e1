"""Datelines, read here for every stage. A wire story's dateline ("TEHRAN, Aug. 31 (MNA)
--", "TIANJIN, August 31 /TASS/") names where and the day the story was filed: the
cleaner splits it off the first line (`split_dateline`: place, date, agency), and the
time stage takes its day as the anchor for "today", "on Monday", "last week"
(`find_dateline`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .formats import MONTH_RE, MONTHS, parse_date

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
# Place in capitals (a state or country may follow: "BUFFALO, N.Y."), an optional
# weekday, the date, then the agency or the dash that ends every dateline.
_DATELINE = re.compile(
    rf"^[ \t\"'“]*(?P<place>[A-Z][A-Z.'’ -]{{1,40}}?)(?:,\s*[A-Z][A-Za-z.]{{1,15}})?,\s+"
    rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?:(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_MONTH}))"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    rf"\s*(?:\(|/|--|—|–|-|:)",
    re.MULTILINE)
# Only the opening lines carry a dateline.
DATELINE_SPAN = 400
# A story is filed at most a day after its dateline date appears in print the other
# way round (time zones): the dateline may lie up to this many days after publication.
DATELINE_AHEAD_DAYS = 1


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    month: int
    day: int
    year: int | None

    def on(self, published: date | None) -> date | None:
        """The dateline's day: its own year, else the latest such day not after
        `published` (plus a day's slack); None when neither says the year."""
        if self.year is not None:
            return _safe(self.year, self.month, self.day)
        if published is None:
            return None
        limit = published + timedelta(days=DATELINE_AHEAD_DAYS)
        for year in (limit.year, limit.year - 1):
            d = _safe(year, self.month, self.day)
            if d is not None and d <= limit:
                return d
        return None

    def days_in(self, first: date, last: date) -> list[date]:
        """The days in [first, last] this dateline can denote."""
        out = []
        for year in range(first.year, last.year + 1):
            d = _safe(year, self.month, self.day)
            if d is not None and first <= d <= last and (self.year in (None, year)):
                out.append(d)
        return out


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dateline(text: str) -> Dateline | None:
    m = _DATELINE.search(text[:DATELINE_SPAN])
    if m is None:
        return None
    mon = (m["mon"] or m["mon2"] or "").lower().rstrip(".")
    day = int(m["d"] or m["d2"])
    if mon not in MONTHS or not 1 <= day <= 31:
        return None
    return Dateline(m.start("place"), m.end(), MONTHS[mon], day, int(m["y"]) if m["y"] else None)


# -- the first line of a story, split for the cleaner ------------------------------

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
