"""PLOVER sectors of people and organizations, following CAMEO/PLOVER conventions where
the KB's code is missing or is not a PLOVER sector.

- A former office holder is an elite (ELI), as CAMEO codes "former president ...": the
  text says so ("former", "previous"), or, with no title in the text, the KB's terms
  for the person exist and none covers the article's date.
- A rank or role in the text ("General Michel Aoun") beats the KB's generic GOV.
- An intergovernmental organization acting through its organs (the Security Council,
  the Secretary-General) is the IGO's government: GOV.
- The Red Cross / Red Crescent movement is humanitarian-medical: MED.
- The KB's CAMEO prefix INT ("international") is no sector: the code after it is
  ("X:INTREB:..." -> REB).
- A national organization the KB lacks named a commission, ministry, agency ... is
  part of its government: GOV.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ..model import Actor

MEDICAL_ORG_RE = re.compile(r"\b(red cross|red crescent|m[ée]decins|doctors without)\b", re.I)
GOV_ORG_RE = re.compile(r"\b(commiss?ions?|ministry|ministries|department|agency|authority|"
                        r"bureau|directorate|secretariat|cabinet)\b", re.I)
INT_CODE_RE = re.compile(r"^X:INT([A-Z]{3})")


def org_sector(actor: Actor, name: str) -> Actor:
    """`actor` (an organization) with its PLOVER sector."""
    if actor.kind not in ("organization", "group"):
        return actor
    sector = actor.sector
    code = INT_CODE_RE.match(actor.id)
    if MEDICAL_ORG_RE.search(name) or MEDICAL_ORG_RE.search(actor.name):
        sector = "MED"
    elif sector == "INT" and code:
        sector = code.group(1)
    elif sector is None and actor.country is None and not actor.id.startswith("L:"):
        sector = "GOV"
    elif sector is None and actor.country is not None and GOV_ORG_RE.search(name):
        sector = "GOV"
    return actor if sector == actor.sector else dataclasses.replace(actor, sector=sector)


def person_sector(actor: Actor, *, title: Any, terms: list[Any],
                  dates: tuple[str, str] | None) -> Actor:
    """`actor` (a person) with the sector the text and the date give."""
    sector = actor.sector
    if title is not None and title.former:
        sector = "ELI"
    elif title is not None and title.sector not in (None, "GOV"):
        sector = title.sector
    elif title is not None and title.sector == "GOV":
        sector = "GOV"  # "President Bush": the text says the office is held
    elif sector == "GOV" and dates is not None and terms and not any(
            (t.start or "") <= dates[1] and (t.end is None or dates[0] <= t.end)
            for t in terms):
        sector = "ELI"
    return actor if sector == actor.sector else dataclasses.replace(actor, sector=sector)
