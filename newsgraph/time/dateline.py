"""The dateline of a wire story ("TEHRAN, Aug. 31 (MNA) --", "TIANJIN, August 31 /TASS/")
names the day the story was filed: the anchor for its "today", "on Monday", "last week".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .tagger import MONTHS

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
