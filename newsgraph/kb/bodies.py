"""Government bodies: the named ones in the KB ("the Kremlin") and the generic ones
every country has ("Russia's foreign ministry", "the Iranian Ministry of Foreign
Affairs"), made on demand with a stable id such as "RUS:MFA"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .userfile import norm

if TYPE_CHECKING:
    from .base import KB
    from .records import Entity

# code -> (label, sector, phrases naming the body once the country words are removed)
GENERIC_BODIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "MFA": ("foreign ministry", "GOV", (
        "foreign ministry", "ministry of foreign affairs", "foreign affairs ministry",
        "ministry for foreign affairs", "mfa", "foreign office", "ministry of external affairs",
        "external affairs ministry", "foreign ministry spokesman")),
    "MOD": ("defence ministry", "MIL", (
        "defence ministry", "defense ministry", "ministry of defence", "ministry of defense",
        "defense department", "defence department")),
    "MOI": ("interior ministry", "GOV", (
        "interior ministry", "ministry of interior", "ministry of the interior",
        "home ministry", "home office")),
    "PRESIDENCY": ("presidency", "GOV", (
        "presidency", "presidential office", "presidents office", "office of the president",
        "presidential administration", "presidential palace")),
    "GOV": ("government", "GOV", ("government", "cabinet", "authorities", "administration",
                                  "leadership", "regime")),
    "MIL": ("armed forces", "MIL", ("armed forces", "army", "military", "troops", "forces")),
    "LEG": ("parliament", "LEG", ("parliament", "legislature", "national assembly")),
    "COP": ("police", "COP", ("police", "police force")),
    "EMB": ("embassy", "GOV", ("embassy",)),
}
_PHRASES = {phrase: code for code, (_l, _s, phrases) in GENERIC_BODIES.items()
            for phrase in phrases}
_JOINERS = {"of", "in", "s"}
MEMO_MAX = 50_000  # entries of the split memo before it starts over (memory bounded)


class BodyMaker:
    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.split_memo: dict[str, tuple[str | None, str]] = {}

    def find(self, text: str, *, country: str | None = None) -> Entity | None:
        key = norm(text)
        if not key:
            return None
        named = [e for e in self.kb.lookup(text) if e.kind == "body"
                 and (country is None or e.country == country)]
        if named:
            return min(named, key=lambda e: ":" not in e.id)  # curated ids first
        if key not in self.split_memo:
            if len(self.split_memo) > MEMO_MAX:
                self.split_memo.clear()  # memory stays bounded over any corpus
            self.split_memo[key] = self._split_country(key)
        iso, rest = self.split_memo[key]
        iso = country or iso
        code = _PHRASES.get(rest)
        if code is None or iso is None:
            return None
        return self.make(iso, code)

    def make(self, iso3: str, code: str) -> Entity | None:
        from .records import Entity

        stored = self.kb.entity(f"{iso3}:{code}")
        if stored is not None:
            return stored
        country = self.kb.country(iso3)
        if country is None:
            return None
        label, sector, _ = GENERIC_BODIES[code]
        adjective = country.demonyms[0] if country.demonyms else country.name
        return Entity(id=f"{iso3}:{code}", name=f"{adjective} {label}", kind="body",
                      country=iso3, sector=sector,
                      source=f"generated: the {label} of {country.name}")

    def _split_country(self, key: str) -> tuple[str | None, str]:
        """"russian foreign ministry" -> ("RUS", "foreign ministry");
        "ministry of foreign affairs of iran" -> ("IRN", "ministry of foreign affairs")."""
        tokens = key.split()
        for size in (3, 2, 1):
            for start in range(len(tokens) - size + 1):
                words = " ".join(tokens[start:start + size])
                country = self.kb.country(words) if len(words) > 3 else None
                if country is None:
                    continue
                rest = tokens[:start] + tokens[start + size:]
                while rest and rest[-1] in _JOINERS:
                    rest.pop()
                while rest and rest[0] in _JOINERS:
                    rest.pop(0)
                return country.iso3, " ".join(rest)
        return None, key
