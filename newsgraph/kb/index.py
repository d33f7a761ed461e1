"""Lookup tables over a knowledge base's lists, built once per KB on first query, and the
date-span arithmetic of terms of office."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import TYPE_CHECKING

from .bodies import BodyMaker
from .records import Place, Term
from .userfile import date_ceil, date_floor, norm

if TYPE_CHECKING:
    from .base import KnowledgeBase
    from .records import Country, Entity

# A spelling variant of a person's name: rapidfuzz WRatio at least this high ("Ibrahim
# Raisi" ~ "Ebrahim Raisi", "Erdoğan" ~ "Erdogan") while "Raisi" vs "Rais" or two people
# sharing a first name stay apart, and the surnames agree at least SURNAME_MIN
# (fuzz.ratio), so a shared first name and family prefix ("Mohammad ...") cannot carry it.
FUZZY_PERSON_MIN = 90.0
SURNAME_MIN = 80.0
# Entries a per-KB memo holds before it starts over (memory flat over any corpus size).
MEMO_MAX = 50_000
# The KB roles of heads of state and government (a bare surname's first reading).
HEAD_ROLES = frozenset({"president", "prime_minister", "head_of_state", "head_of_government",
                        "monarch", "supreme_leader", "chancellor", "leader"})


# Names written family name first in English news: Korean and Chinese ones ("Moon
# Jae-in" is President Moon, "Xi Jinping" President Xi), known by the person's state or
# by a hyphenated given name with a lowercase second syllable ("Ban Ki-moon"). Their
# surname key is the first word: "Moon" alone is not the last syllable of "Ki-moon".
FAMILY_FIRST_STATES = frozenset({"KOR", "PRK", "CHN", "TWN"})
GIVEN_NAME_SYLLABLES = re.compile(r"^[A-Z][a-z]+-[a-z]+$")


def family_first(e: Entity) -> bool:
    if e.country in FAMILY_FIRST_STATES:
        return True
    return any(GIVEN_NAME_SYLLABLES.match(n.split()[-1]) for n in (e.name, *e.aliases)
               if len(n.split()) > 1)


def span(start: str | None, end: str | None) -> tuple[str, str]:
    return (date_floor(start) if start else "0000-01-01",
            date_ceil(end) if end else "9999-12-31")



def overlaps(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def contains(span: tuple[str, str], on: str) -> bool:
    return span[0] <= date_floor(on) and date_ceil(on) <= span[1] or (
        len(on) < 10 and overlaps(span, (date_floor(on), date_ceil(on))))



class Index:
    """Lookup tables over a KB's lists, built once per KB on first query."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.country: dict[str, int] = {}
        for field_name in ("iso3", "iso2", "name", "aliases", "demonyms"):
            for i, c in enumerate(kb.countries):
                value = getattr(c, field_name)
                for v in (value if isinstance(value, tuple) else [value]):
                    if v:
                        self.country.setdefault(norm(v), i)
        self.places: dict[str, list[Place]] = defaultdict(list)
        order = {"capital": 0, "city": 1, "region": 2}
        # a country's capital is a place even where the places list leaves it out
        capitals = [Place(c.capital, c.iso3, "capital", c.source) for c in kb.countries
                    if c.capital]
        for p in sorted([*kb.places, *capitals], key=lambda p: order.get(p.kind, 3)):
            if p.kind != "capital" or not any(
                    q.kind == "capital" and q.country == p.country
                    for q in self.places.get(norm(p.name), [])):
                self.places[norm(p.name)].append(p)
            for alias in p.aliases:
                if p not in self.places[norm(alias)]:
                    self.places[norm(alias)].append(p)
        self.by_id = {e.id: i for i, e in enumerate(kb.entities)}
        self.terms_by_person: dict[str, list[Term]] = defaultdict(list)
        self.terms_by_office: dict[tuple[str, str], list[Term]] = defaultdict(list)
        last_start: dict[str, str] = {}
        for t in kb.terms_:
            self.terms_by_person[t.person_id].append(t)
            self.terms_by_office[(t.country, t.role)].append(t)
            last_start[t.person_id] = max(last_start.get(t.person_id, ""), t.start or "0")
        # People in office recently first, then entities with a QID, then the rest.
        self.rank = [(-int((last_start.get(e.id) or "0")[:4]),
                      not e.id.startswith(("Q", "ORG:")), i)
                     for i, e in enumerate(kb.entities)]
        self.names: dict[str, list[int]] = defaultdict(list)
        surnames: dict[str, dict[int, None]] = defaultdict(dict)
        for i in sorted(range(len(kb.entities)), key=self.rank.__getitem__):
            e = kb.entities[i]
            keys = kb.keys.get(e.id) or dict.fromkeys(norm(n) for n in (e.name, *e.aliases))
            for key in keys:
                if key:
                    self.names[key].append(i)
            if e.kind == "person":
                for key in keys:
                    if " " in key:
                        last = key.split(" ")[0] if family_first(e) else key.rsplit(" ", 1)[1]
                        if len(last) > 2:
                            surnames[last][i] = None
        # A bare surname names the head of state or government among the people of that
        # name before a minister or envoy ("Mr Kim" in 2018 is Kim Jong-un, not Kim
        # Yong-chol); the date decides among the rest (the resolver's job).
        heads = {t.person_id for t in kb.terms_ if t.role in HEAD_ROLES}
        self.surnames = {k: sorted(v, key=lambda i: kb.entities[i].id not in heads)
                         for k, v in surnames.items()}
        self.choices = list(self.names)
        # token_sort_ratio is ratio over token-sorted strings: sort the choices once here
        # instead of on every comparison of every query (5x faster lookups)
        self.sorted_choices = [" ".join(sorted(c.split())) for c in self.choices]
        self.choice_owner = [self.names[c] for c in self.choices]
        # the sorted choices by length: fuzz.ratio >= cutoff bounds the length of a match,
        # so `ratio_matches` scores a slice of them only
        self.by_length = sorted(range(len(self.sorted_choices)),
                                key=lambda i: len(self.sorted_choices[i]))
        self.lengths = [len(self.sorted_choices[i]) for i in self.by_length]
        self.choices_by_length = [self.sorted_choices[i] for i in self.by_length]
        self.bodies = BodyMaker(kb)
        self.fuzzy_memo: dict[str, tuple[Entity, ...]] = {}
        self.person_keys: dict[str, list[str]] | None = None
        self.states_memo: dict[tuple[str, int], Country | None] = {}
        self.loose: tuple[dict[str, set[int]], dict[str, set[int]]] | None = None
        self.title_words = {w for w in ("president", "presidents", "minister", "foreign",
                                        "prime", "secretary", "state", "supreme", "leader",
                                        "acting", "counterpart", "his", "her", "their",
                                        "spokesman", "spokesperson", "spokeswoman",
                                        "chancellor", "king", "queen", "former", "deputy",
                                        "vice", "ayatollah", "mr", "mrs", "ms", "dr",
                                        "general", "gen", "ministry", "of", "affairs")}
        self.title_words |= {norm(d) for c in kb.countries for d in c.demonyms}

    def ratio_matches(self, query: str, *, cutoff: float,
                      limit: int) -> list[tuple[float, int]]:
        """(score, position in `sorted_choices`) of the `limit` choices scoring best and
        at least `cutoff` by fuzz.ratio against `query`, best first, ties in choice
        order: what process.extract over all of them gives. fuzz.ratio is at most
        200 * min(q, n) / (q + n) for lengths q and n, so only choices of a length that
        can reach `cutoff` are scored."""
        from rapidfuzz import fuzz, process

        q = len(query)
        if cutoff <= 0 or q == 0:
            found = process.extract(query, self.sorted_choices, scorer=fuzz.ratio,
                                    limit=limit, score_cutoff=cutoff)
            return [(score, pos) for _c, score, pos in found]
        shortest = int(q * cutoff / (200 - cutoff)) - 1 if cutoff < 200 else q
        longest = int(q * (200 - cutoff) / cutoff) + 2
        lo = bisect_left(self.lengths, shortest)
        hi = bisect_right(self.lengths, longest)
        found = process.extract(query, self.choices_by_length[lo:hi], scorer=fuzz.ratio,
                                limit=None, score_cutoff=cutoff)
        hits = sorted(((score, self.by_length[lo + k]) for _c, score, k in found),
                      key=lambda sp: (-sp[0], sp[1]))
        return hits[:limit]

    def named_or_surnamed(self, low: str) -> list[int]:
        """Indexes, in KB order, of the entities with a name or alias that is `low` or
        whose last word is `low`'s last word (names lowercased, not normalized)."""
        if self.loose is None:
            full: dict[str, set[int]] = defaultdict(set)
            last: dict[str, set[int]] = defaultdict(set)
            for i, e in enumerate(self.kb.entities):
                for n in (e.name.lower(), *(a.lower() for a in e.aliases)):
                    full[n].add(i)
                    words = n.split()
                    if words:
                        last[words[-1]].add(i)
            self.loose = (dict(full), dict(last))
        full_ix, last_ix = self.loose
        words = low.split()
        return sorted(full_ix.get(low, set()) | last_ix.get(words[-1] if words else low, set()))

    def demonym_state(self, key: str, found: int | None) -> Country | None:
        """The country a lookup key names. "French" first finds "French Southern and
        Antarctic Lands", a dependency named after its state's demonym: the state whose
        demonym it is ("France") is meant."""
        if found is None:
            return None
        if (key, found) not in self.states_memo:
            self.states_memo[(key, found)] = self._demonym_state(key, found)
        return self.states_memo[(key, found)]

    def _demonym_state(self, key: str, found: int) -> Country | None:
        countries = self.kb.countries
        if not norm(countries[found].name).startswith(key + " "):
            return countries[found]
        states = [c for c in countries if key in {norm(d) for d in c.demonyms}
                  and not norm(c.name).startswith(key + " ")]
        if not states:
            return countries[found]
        return max(states, key=lambda c: len((c.source or "").split(";")))

    def fuzzy_person(self, text: str) -> tuple[Entity, ...]:
        key = norm(text)
        if len(key) < 4:
            return ()
        if key not in self.fuzzy_memo:
            if len(self.fuzzy_memo) > MEMO_MAX:
                self.fuzzy_memo.clear()  # memory stays bounded over any corpus
            self.fuzzy_memo[key] = self._fuzzy_person(text, key)
        return self.fuzzy_memo[key]

    def _fuzzy_person(self, text: str, key: str) -> tuple[Entity, ...]:
        from rapidfuzz import fuzz, process

        # only names scoring FUZZY_PERSON_MIN pass _spelling_variants: asking for those
        # alone gives the same people, faster (the scorer gives up on the rest early)
        good = self._spelling_variants(key, self.kb.fuzzy(text, kinds=("person",), limit=5,
                                                          cutoff=FUZZY_PERSON_MIN))
        if not good:  # token_sort_ratio may miss a variant WRatio finds: ask it too
            if self.person_keys is None:
                self.person_keys = defaultdict(list)
                for k, owners in self.names.items():
                    if k and any(self.kb.entities[i].kind == "person" for i in owners):
                        self.person_keys[k.split()[-1][:1]].append(k)
            # the surnames must agree, so only names whose last word starts with the same
            # letter can pass: searching them alone is ~20x faster
            found = process.extract(key, self.person_keys.get(key.split()[-1][:1], []),
                                    scorer=fuzz.WRatio, limit=5,
                                    score_cutoff=FUZZY_PERSON_MIN)
            good = self._spelling_variants(key, [
                (self.kb.entities[i], score) for k, score, _ in found for i in self.names[k]
                if self.kb.entities[i].kind == "person"])
        return tuple(good)

    @staticmethod
    def _spelling_variants(key: str, found: list[tuple[Entity, float]]) -> list[Entity]:
        from rapidfuzz import fuzz

        good: list[Entity] = []
        last = key.split()[-1]
        for entity, score in found:
            if score < FUZZY_PERSON_MIN or entity in good:
                continue
            names = [norm(n) for n in (entity.name, *entity.aliases)]
            if any(n and fuzz.ratio(n.split()[-1], last) >= SURNAME_MIN for n in names):
                good.append(entity)
        return good

    def strip_titles(self, key: str) -> str:
        """"iranian president ibrahim raisi" -> "ibrahim raisi"."""
        tokens = key.split()
        while len(tokens) > 1 and (tokens[0] in self.title_words
                                   or tokens[0] in self.country):
            tokens.pop(0)
        return " ".join(tokens)

    def org_acronym(self, text: str) -> str:
        org = self.kb.org(text)
        if org is not None and org.id.startswith("ORG:"):
            return norm(org.id[4:])
        return norm(text)

