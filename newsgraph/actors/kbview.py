"""The resolver's view of the KB: the KB's own lookups first, then a plain scan of its
lists (countries, places, entities) so the resolver works on any `KB` object, including
one built by hand or one whose lookups are not written yet. Results are memoized per
article (one `KBView` per `resolve` call)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .local import normalize_name

# rapidfuzz WRatio over names and aliases; at 90 "Ibrahim Raisi" ~ "Ebrahim Raisi" and
# "Erdoğan" ~ "Erdogan" match while "Raisi" vs "Rais" or two different people sharing a
# first name do not (checked on the seed names).
FUZZY_MIN = 90.0
# The last names must also agree this well (fuzz.ratio), so that a shared first name
# and family prefix ("Mohammad ...") cannot carry a match.
SURNAME_MIN = 80.0


_VIEWS: dict[int, KBView] = {}


def view(kb: Any) -> KBView:
    """One view per KB object, so its indexes and memos serve every article."""
    found = _VIEWS.get(id(kb))
    if found is None or found.kb is not kb:
        if len(_VIEWS) > 8:
            _VIEWS.clear()
        found = _VIEWS[id(kb)] = KBView(kb)
    return found


class KBView:
    def __init__(self, kb: Any) -> None:
        self.kb = kb
        self._countries: dict[str, Any] | None = None
        self._entities: dict[str, list[Any]] | None = None
        self._places: dict[str, Any] | None = None
        self._surnames: dict[str, list[Any]] = {}
        self.country = lru_cache(maxsize=None)(self._country)
        self.lookup = lru_cache(maxsize=None)(self._lookup)
        self.place = lru_cache(maxsize=None)(self._place)
        self.capital_of = lru_cache(maxsize=None)(self._capital_of)
        self.fuzzy_person = lru_cache(maxsize=None)(self._fuzzy_person)
        self.org = lru_cache(maxsize=None)(self._org)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        fn = getattr(self.kb, name, None)
        if fn is None:
            return None
        return fn(*args, **kwargs)

    # indexes over the KB's lists, built on first use
    def _country_index(self) -> dict[str, Any]:
        if self._countries is None:
            index: dict[str, Any] = {}
            for c in getattr(self.kb, "countries", []) or []:
                for key in (c.iso3, c.iso2 or "", c.name, *c.demonyms, *c.aliases):
                    if key:
                        index.setdefault(normalize_name(key), c)
            self._countries = index
        return self._countries

    def _entity_index(self) -> dict[str, list[Any]]:
        if self._entities is None:
            index: dict[str, list[Any]] = {}
            surnames: dict[str, list[Any]] = {}
            for e in getattr(self.kb, "entities", []) or []:
                for key in {normalize_name(k) for k in (e.name, *e.aliases)}:
                    index.setdefault(key, []).append(e)
                if e.kind == "person" and normalize_name(e.name):
                    surnames.setdefault(normalize_name(e.name).split()[-1], []).append(e)
            self._entities = index
            self._surnames = surnames
        return self._entities

    def _place_index(self) -> dict[str, Any]:
        if self._places is None:
            self._places = {normalize_name(p.name): p
                            for p in getattr(self.kb, "places", []) or []}
        return self._places

    def _country(self, text: str) -> Any:
        found = self._call("country", text)
        if found is None:
            found = self._country_index().get(normalize_name(text))
        key = normalize_name(text)
        if found is not None and normalize_name(found.name).startswith(key + " "):
            # "French" -> "French Southern and Antarctic Lands": a dependency named after
            # its state's demonym; the state that has the demonym is meant.
            states = [c for c in getattr(self.kb, "countries", []) or []
                      if key in {normalize_name(d) for d in c.demonyms}
                      and not normalize_name(c.name).startswith(key + " ")]
            if states:
                found = max(states, key=lambda c: len((c.source or "").split(";")))
        return found

    def _capital_of(self, text: str) -> Any:
        found = self._call("capital_of", text)
        if found is None:
            key = normalize_name(text)
            for c in getattr(self.kb, "countries", []) or []:
                if c.capital and normalize_name(c.capital) == key:
                    return c
        return found

    def _place(self, text: str) -> Any:
        found = self._call("place", text)
        if found is None:
            found = self._place_index().get(normalize_name(text))
        return found

    def _lookup(self, text: str) -> tuple[Any, ...]:
        found = self._call("lookup", text) or []
        if not found:
            key = normalize_name(text)
            found = list(self._entity_index().get(key, []))
            if not found and " " not in key:  # a bare surname
                found = list(self._surnames.get(key, []))
        return tuple(found)

    def _person_index(self) -> dict[str, Any]:
        """Normalized names that name at least one person, built once per view."""
        if getattr(self, "_persons", None) is None:
            self._persons = {k: v for k, v in self._entity_index().items()
                             if any(e.kind == "person" for e in v)}
            self._by_initial: dict[str, list[str]] = {}
            for k in self._persons:
                self._by_initial.setdefault(k.split()[-1][:1] if k.split() else "", []).append(k)
        return self._persons

    def _fuzzy_person(self, text: str) -> tuple[Any, ...]:

        key = normalize_name(text)
        if len(key) < 4:
            return ()
        memo = self.__dict__.setdefault("_fuzzy_memo", {})
        if key not in memo:
            memo[key] = self._fuzzy_person_uncached(text, key)
        return memo[key]

    def _fuzzy_person_uncached(self, text: str, key: str) -> tuple[Any, ...]:
        from rapidfuzz import fuzz

        good = self._fuzzy_good(key, self._call("fuzzy", text, kinds=("person",), limit=5)
                                or [])
        if not good:  # the KB's own scorer may be stricter than WRatio: ask ours too
            from rapidfuzz import process

            index = self._person_index()
            good = self._fuzzy_good(key, [(e, score) for k, score, _ in process.extract(
                # the surname must match too (_fuzzy_good), so only names whose last word
                # starts with the same letter can pass: searching them alone is ~20x faster
                key, self._by_initial.get(key.split()[-1][:1], []), scorer=fuzz.WRatio,
                limit=5) for e in index[k]
                if e.kind == "person"])
        return tuple(good)

    @staticmethod
    def _fuzzy_good(key: str, found: list[Any]) -> list[Any]:
        from rapidfuzz import fuzz

        good = []
        last = key.split()[-1]
        for entity, score in found:
            if score < FUZZY_MIN or entity in good:
                continue
            names = [normalize_name(n) for n in (entity.name, *entity.aliases)]
            if any(n and fuzz.ratio(n.split()[-1], last) >= SURNAME_MIN for n in names):
                good.append(entity)
        return good

    def _org(self, text: str) -> Any:
        found = self._call("org", text)
        if found is None:
            found = next((e for e in self._lookup(text) if e.kind in
                          ("organization", "body", "group")), None)
        return found

    def body(self, text: str, *, country: str | None = None) -> Any:
        found = self._call("body", text, country=country)
        if found is None:
            found = next((e for e in self._lookup(text) if e.kind == "body"
                          and (country is None or e.country == country)), None)
        return found

    def holders(self, country: str, role: str, on: str) -> list[Any]:
        return list(self._call("holders", country, role, on) or [])

    def terms(self, person_id: str) -> list[Any]:
        return list(self._call("terms", person_id) or [])

    def entity(self, id: str) -> Any:
        return self._call("entity", id)
