"""The PLOVER ontology: event types, their modes, and the CAMEO -> PLOVER mapping.

Types follow PLOVER draft 0.8 (plover_gsr/plover_reference.html). FIGHT (CAMEO 19-20,
conventional military force between organized forces) is kept apart from ASSAULT
(CAMEO 18, unconventional violence), as the PLOVER gold standard records do.
"""

from __future__ import annotations

import re
from pathlib import Path

TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "CRIME",
    "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
)

# Modes we emit per type (PLOVER's "how" field); None is always allowed.
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": ("agree", "sign", "pledge", "ratify", "offer", "settle"),
    "CONSULT": ("meet", "visit", "host", "call", "sidelines", "talks", "mediate"),
    "SUPPORT": ("praise", "endorse", "recognize", "back"),
    "CONCEDE": ("ease", "ceasefire"),
    "COOPERATE": ("economic", "military", "intelligence", "judicial"),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": ("release", "withdraw", "resign", "return"),
    "INVESTIGATE": ("investigate",),
    "DEMAND": ("demand", "order"),
    "DISAPPROVE": ("accuse", "criticize", "condemn", "sue", "blame"),
    "REJECT": ("reject", "refuse", "veto", "defy"),
    "THREATEN": ("threaten", "warn", "ultimatum"),
    "PROTEST": ("demonstrate", "strike", "riot", "boycott"),
    "CRIME": ("crime",),
    "SANCTION": ("sanction", "expel", "break", "suspend", "cancel"),
    "MOBILIZE": ("troops", "alert", "exercise"),
    "COERCE": ("arrest", "detain", "expel", "ban", "censor", "curfew", "confiscate",
               "destroy", "deport", "seize"),
    "ASSAULT": ("abduct", "assassinate", "torture", "beat", "explosives",
                "suicide-attack", "firearms", "kill"),
    "FIGHT": ("fight", "heavy-weapons", "occupy", "blockade", "airstrike"),
}

# The seeds' gold calls accusations "ACCUSE"; PLOVER has no such type, so we emit
# DISAPPROVE with mode "accuse" and score gold ACCUSE against that pair.
GOLD_ALIASES: dict[str, tuple[str, str | None]] = {"ACCUSE": ("DISAPPROVE", "accuse")}

# PLOVER codes cooperative actions announced for the future as AGREE (an intent) and
# conflictual ones as THREATEN ("All cooperative actions reported in future tense are
# also taken to imply intentions"); we keep the planned act's own type plus
# status="planned", and `plover_category` gives PLOVER's reading for exports.
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT",
                         "CONCEDE", "INVESTIGATE"})
CONFLICTUAL = frozenset({"SANCTION", "COERCE", "ASSAULT", "FIGHT", "MOBILIZE",
                         "PROTEST"})


def plover_category(type_: str, status: str) -> str:
    """The PLOVER category of an event of our `type_` with our `status`: an act
    announced or offered is an intent (AGREE or THREATEN), a cooperative act refused
    ("will not accept", "failed to reach agreement") a REJECT."""
    if status in ("planned", "hypothetical"):
        if type_ in COOPERATIVE:
            return "AGREE"
        if type_ in CONFLICTUAL or type_ == "SANCTION":
            return "THREATEN"
    if status == "negated" and (type_ in COOPERATIVE or type_ == "AGREE"):
        return "REJECT"
    return type_


def matches_gold(type_: str, mode: str | None, gold: str) -> bool:
    """Does our (type, mode) stand for the gold label `gold` (e.g. "ACCUSE")?"""
    if gold == type_:
        return True
    alias = GOLD_ALIASES.get(gold)
    return alias is not None and alias[0] == type_ and (alias[1] is None or alias[1] == mode)


_CAMEO_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*,\s*([^,#]*)")


def load_cameo2plover(path: Path) -> dict[str, tuple[str, str | None]]:
    """Parse CAMEO2PLOVER-2021.txt: CAMEO code -> (PLOVER type, mode or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _CAMEO_LINE.match(line)
        if m:
            mode = m.group(3).strip() or None
            table[m.group(1)] = (m.group(2), mode)
    return table


__all__ = ["CONFLICTUAL", "COOPERATIVE", "GOLD_ALIASES", "MODES", "TYPES",
           "load_cameo2plover", "matches_gold", "plover_category"]
