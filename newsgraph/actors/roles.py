"""Titles, roles and sector words: "Russian President", "Iran's Supreme Leader",
"Secretary of State", "Kremlin aide", "Russian officials", "Iranian suicide drones".

Role names are the KB's (`kb.holders(country, role, on)`); two virtual roles are
resolved from context rather than by the KB alone: "counterpart" (the office of the
person it is the counterpart of) and "leader" (the country's salient head).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Longest first: "foreign minister" before "minister", "supreme leader" before "leader".
TITLES: dict[str, str] = {
    "supreme leader of the islamic revolution": "supreme_leader",
    "minister of foreign affairs": "foreign_minister",
    "secretary of state": "foreign_minister",
    "foreign affairs minister": "foreign_minister",
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "prime minister": "prime_minister",
    "vice president": "vice_president",
    "vice-president": "vice_president",
    "supreme leader": "supreme_leader",
    "spiritual leader": "supreme_leader",
    "defence minister": "defence_minister",
    "defense minister": "defence_minister",
    "defence secretary": "defence_minister",
    "defense secretary": "defence_minister",
    "secretary-general": "secretary_general",
    "secretary general": "secretary_general",
    "head of state": "head_of_state",
    "head of government": "head_of_government",
    "president": "president",
    "premier": "prime_minister",
    "chancellor": "head_of_government",
    "king": "king",
    "queen": "king",
    "emir": "head_of_state",
    "sultan": "head_of_state",
    "counterpart": "counterpart",
    "leader": "leader",
    "minister": "minister",
    "ambassador": "ambassador",
    "envoy": "envoy",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "aide": "aide",
    "adviser": "adviser",
    "advisor": "adviser",
    "general": "general",
    "commander": "commander",
    "governor": "governor",
    "mayor": "mayor",
    "senator": "senator",
    "lawmaker": "legislator",
}
# Offices the KB keeps terms for; the others only give a sector.
OFFICES = frozenset({"president", "prime_minister", "foreign_minister", "supreme_leader",
                     "vice_president", "defence_minister", "king", "head_of_state",
                     "head_of_government", "secretary_general"})
# What "leader" / "counterpart" may mean, in the order the KB is asked.
HEAD_ROLES = ("president", "head_of_state", "prime_minister", "head_of_government", "king")
TITLE_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
                      + r")s?\b", re.IGNORECASE)

# Modifiers that make a role refer to a past holder ("the previous president").
PAST_WORDS = frozenset({"previous", "former", "late", "ex", "then", "outgoing", "predecessor"})
# ... and those that say the person no longer holds it ("outgoing" still does).
FORMER_WORDS = frozenset({"previous", "former", "late", "ex", "predecessor"})
ACTING_WORDS = frozenset({"acting", "interim", "caretaker"})

# Sector of a role or a collective noun, PLOVER/CAMEO agent codes (Phoenix agents).
# Used when `kb.sector_of_role` does not know the word.
SECTOR_WORDS: dict[str, str] = {
    **{w: "GOV" for w in (
        "president", "minister", "ministry", "government", "official", "officials",
        "diplomat", "diplomats", "negotiator", "negotiators", "leader", "leaders",
        "premier", "chancellor", "king", "queen", "emir", "sultan", "ambassador",
        "envoy", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser",
        "advisor", "authorities", "administration", "cabinet", "presidency", "regime",
        "delegation", "embassy", "counterpart", "secretary", "governor", "mayor",
        "state", "kremlin", "side", "sides", "foreign", "vice", "head")},
    **{w: "MIL" for w in (
        "army", "military", "troops", "soldiers", "forces", "force", "navy", "air force",
        "warships", "warship", "drones", "drone", "missiles", "jets", "general",
        "commander", "officers", "tanks", "artillery", "peacekeepers", "defence",
        "defense", "marines", "battalion", "brigade", "helicopters", "helicopter",
        "gunships", "warplanes", "bombers", "paratroopers", "military police")},
    **{w: "REB" for w in ("rebels", "rebel", "guerrillas", "guerrilla", "insurgents",
                          "militants", "militia", "militias", "militiamen", "separatists")},
    **{w: "LEG" for w in ("parliament", "lawmakers", "lawmaker", "senator", "senators",
                          "legislators", "legislature", "congress", "deputies", "mps")},
    **{w: "JUD" for w in ("court", "judge", "judges", "judiciary", "prosecutor",
                          "prosecutors")},
    **{w: "COP" for w in ("police", "policemen", "gendarmes")},
    **{w: "OPP" for w in ("opposition", "dissidents")},
    **{w: "REF" for w in ("refugees", "refugee", "asylum-seekers", "displaced")},
    **{w: "CVL" for w in ("people", "civilians", "citizens", "residents", "villagers",
                          "protesters", "demonstrators", "students", "public")},
    **{w: "BUS" for w in ("companies", "company", "firms", "businessmen", "business")},
    # PLOVER (as its gold codes it): JRN the news media, MED the medical/humanitarian.
    **{w: "JRN" for w in ("media", "journalists", "journalist", "reporters", "newspaper",
                          "newspapers", "daily", "weekly", "radio", "television")},
    **{w: "MED" for w in ("doctors", "medics", "hospital", "hospitals", "nurses")},
    **{w: "SPY" for w in ("intelligence", "spies", "agents")},
    **{w: "LAB" for w in ("workers", "unions", "union", "strikers")},
    **{w: "ELI" for w in ("elders", "chiefs", "clerics")},
    **{w: "EDU" for w in ("teachers", "universities", "university")},
    **{w: "REL" for w in ("church", "clergy", "priests", "imams")},
}


# CAMEO/Phoenix religion codes (MUS, CHR, ...) the KB's agent table gives for some
# words: a religion is not a sector, so the word falls back to SECTOR_WORDS.
RELIGION_CODES = frozenset({"MUS", "CHR", "JEW", "HIN", "BUD", "REL"}) - {"REL"}
# Phoenix/CAMEO agent codes and the PLOVER sector of the same meaning: "people" ->
# civilians; CAMEO's MED is the media (PLOVER JRN) and HLH health (PLOVER MED);
SECTOR_ALIASES = {"PPL": "CVL", "MED": "JRN", "HLH": "MED"}
# Phoenix codes militias UAF; PLOVER keeps UAF for unidentified attackers ("a roadside
# bombing") and codes a named people's militia as armed non-state group (REB): where
# our table knows the word, it wins over a UAF.
OVERRIDDEN_CODES = frozenset({"UAF"})


def sector_of(word: str, *, kb: object) -> str | None:
    """The sector a role word or collective noun implies: the KB's, else our table."""
    word = word.lower().strip()
    getter = getattr(kb, "sector_of_role", None)
    found = str(getter(word) or "")[:3].upper() if getter else ""
    if found and found not in RELIGION_CODES and not (
            found in OVERRIDDEN_CODES and _table(word)):
        return SECTOR_ALIASES.get(found, found)
    return _table(word)


def _table(word: str) -> str | None:
    if word in SECTOR_WORDS:
        return SECTOR_WORDS[word]
    if word.endswith("s") and word[:-1] in SECTOR_WORDS:
        return SECTOR_WORDS[word[:-1]]
    return None


@dataclass
class Title:
    """What the words around a name or a role noun phrase say."""

    role: str | None = None  # KB role name or "counterpart" / "leader" / other role word
    country: str | None = None  # ISO alpha-3 from a demonym, possessive or "of X"
    sector: str | None = None
    past: bool = False  # "previous", "former": not the holder on the article's date
    former: bool = False  # "former", not "outgoing": no longer in office
    acting: bool = False
    body: str | None = None  # "Kremlin" in "Kremlin aide"
    text: str = ""


def find_title(text: str) -> tuple[str, str, int, int] | None:
    """The last title phrase in `text`: (matched words, role, start, end)."""
    found = None
    for m in TITLE_RE.finditer(text):
        found = (m.group(0), TITLES[m.group(1).lower()], m.start(), m.end())
    return found


# A word of every title (its first; none holding another): a text with none of them
# holds no title. Letters IGNORECASE matches to an ASCII letter their lower() is not
# ("ſ" ~ "s", "ı" ~ "i", "İ" lowering to two characters) make the test unsafe.
_FIRST_WORDS = {t.split()[0] for t in TITLES}
_TITLE_WORDS = tuple(sorted(w for w in _FIRST_WORDS
                            if not any(v != w and v in w for v in _FIRST_WORDS)))
_FOLDS_ODDLY = ("ſ", "ı")


def iter_titles(text: str) -> Iterator[re.Match[str]]:
    """`TITLE_RE.finditer(text)`, skipping a text (a sentence) that names no title."""
    low = text.lower()
    if len(low) == len(text) and not any(c in text for c in _FOLDS_ODDLY) \
            and not any(w in low for w in _TITLE_WORDS):
        return iter(())
    return TITLE_RE.finditer(text)


def is_office(role: str | None) -> bool:
    return role in OFFICES
