"""The knowledge base: countries, places, people with their offices and terms,
organizations with members, government bodies, recurring summits.

The interface every stage uses (`KnowledgeBase`, also named `KB`; records in
`records.py`, lookup tables in `index.py`, user files in `userfile.py`, government
bodies in `bodies.py`; the offline builder and Wikidata importer in `build/`):

- `KB.load(*, overrides=())` -> KB: the bundled data files in newsgraph/data/kb/ plus
  user override files (YAML or CSV). Cached per process for the same overrides.
- `kb.country(text)` -> Country | None: by ISO alpha-3/alpha-2 code, common/official
  name, alternate spelling ("Türkiye", "Turkey", "Britain", "UK"), demonym / adjective
  ("Russian", "Iranian", "British"), case-insensitive.
- `kb.capital_of(text)` -> Country | None: "Moscow" -> RUS, "Tehran" -> IRN (for
  metonymy: the resolver decides whether a capital is a place or a government).
- `kb.place(text)` -> Place | None: a city/capital/province with its country
  ("Tianjin" -> CHN, "Samarkand" -> UZB, "Astana" -> KAZ, "Ashgabat" -> TKM).
- `kb.lookup(text)` -> list[Entity]: people, organizations, government bodies whose
  name or alias matches `text` exactly after normalization (case, accents, hyphens,
  "Ibrahim"/"Ebrahim" style variants are the fuzzy step's job). Single surnames
  ("Putin") match people whose last name it is; the resolver disambiguates by date.
- `kb.fuzzy(text, *, kinds=None, limit=5)` -> list[tuple[Entity, float]]: rapidfuzz
  matches (score 0-100) over names and aliases.
- `kb.fuzzy_person(text)` -> tuple[Entity, ...]: people whose name is a spelling variant
  of `text` (surnames agreeing too); memoized.
- `kb.entity(id)` -> Entity | None.
- `kb.holders(country, role, on)` -> list[Term]: who held `role` in `country` (ISO
  alpha-3) on date `on` (YYYY-MM-DD). Roles: "head_of_state", "head_of_government",
  "president", "prime_minister", "foreign_minister", "supreme_leader", "king", ...
  Acting holders included (Term.acting True).
- `kb.terms(person_id)` -> list[Term]: every office the person held, with dates.
- `kb.summits(*, org=None, city=None, country=None, year=None)` -> list[Summit]:
  recurring summits ("SCO", "BRICS", "G20", "G7", ...) with start/end dates and host.
- `kb.org(text)` -> Entity | None: organizations by name or acronym ("SCO",
  "Shanghai Cooperation Organization", "EAEU", "Eurasian Economic Union", "BRICS").
- `kb.organization(text)` -> Entity | None: `org`, else a body or group of that name.
- `kb.body(text, *, country=None)` -> Entity | None: government bodies ("the
  Kremlin" -> Russian presidency, "the White House", "foreign ministry" of a country).
- `kb.sector_of_role(word)` -> str | None: "president" -> "GOV", "army" -> "MIL",
  "rebels" -> "REB" (from Phoenix agents).
- `kb.sources()` -> list[dict]: the data sources with license and attribution.

Every Entity/Term/Summit carries `source` naming where the fact came from.

Where the KB comes from: the bundled files in newsgraph/data/kb/ (built by
`python -m newsgraph.kb.build`), then every *.yaml/*.csv in the folder named by
`NEWSGRAPH_KB_DIR`, then the files listed in `NEWSGRAPH_KB` (colon-separated), then
the `overrides` passed to `KB.load`; later files win. The file format is described in
newsgraph/kb/userfile.py (and `newsgraph kb --help`).
"""

from .base import KB, KnowledgeBase
from .records import Country, Entity, Place, Summit, Term
from .userfile import norm

__all__ = ["KB", "Country", "Entity", "KnowledgeBase", "Place", "Summit", "Term", "norm"]
