"""Reading the words around a mention: the title before a name ("acting Iranian
counterpart Mohammad Mokhber"), the syntax that tells a place ("in Moscow") from a
government ("Moscow backed its ally")."""

from __future__ import annotations

import re
from typing import Any

from ..kb import KnowledgeBase
from .roles import (
    ACTING_WORDS,
    FORMER_WORDS,
    PAST_WORDS,
    SECTOR_WORDS,
    TITLE_RE,
    TITLES,
    Title,
    sector_of,
)

# Government bodies named by a building or a city district, when the KB has no body
# entity for them: the country they stand for, and the sector.
BODY_WORDS: dict[str, tuple[str, str]] = {
    "kremlin": ("RUS", "GOV"), "white house": ("USA", "GOV"), "pentagon": ("USA", "MIL"),
    "downing street": ("GBR", "GOV"), "elysee": ("FRA", "GOV"), "élysée": ("FRA", "GOV"),
    "quai d'orsay": ("FRA", "GOV"), "foggy bottom": ("USA", "GOV"),
    "state department": ("USA", "GOV"), "zhongnanhai": ("CHN", "GOV"),
}
# Groups of states: one group actor each.
GROUPS: dict[str, tuple[str, str]] = {
    "western": ("G:WEST", "Western countries"), "the west": ("G:WEST", "Western countries"),
    "west": ("G:WEST", "Western countries"), "european": ("G:EUROPE", "European powers"),
    "arab": ("G:ARAB", "Arab states"), "gulf": ("G:GULF", "Gulf states"),
    "major": ("G:POWERS", "major powers"), "world": ("G:POWERS", "world powers"),
}
GROUP_NOUNS = frozenset({"countries", "powers", "nations", "states", "governments",
                         "allies", "leaders", "partners", "capitals"})
DETERMINERS = frozenset({"the", "his", "her", "its", "their", "a", "an", "our", "this"})
MODIFIERS = PAST_WORDS | ACTING_WORDS | DETERMINERS | frozenset(
    {"new", "incoming", "deputy", "top", "senior", "chief", "first", "newly", "elected",
     "sitting", "current"})
# Prepositions after which a country or city is where something happens.
PLACE_PREPS = frozenset({"in", "at", "inside", "within", "throughout", "across", "near",
                         "into", "outside", "around", "through", "via", "towards",
                         "toward", "over"})
# ... and, for cities only, these too ("from Tehran", "visit to Moscow").
CITY_PREPS = PLACE_PREPS | frozenset({"from", "to"})
MOTION_WORDS = frozenset({"visit", "leave", "reach", "arrive", "enter", "travel", "fly",
                          "return", "trip", "tour", "go", "come", "head", "move", "host",
                          "hold"})
GLUED = re.compile(r"(?<=[a-z])(and|for|that|to|with)$")


def strip_glued(text: str) -> str:
    """Scraped text glues words ("Ministry of Foreign Affairsand"): drop the tail."""
    words = text.split()
    if words and words[-1][:1].isupper() and len(words[-1]) > 6 \
            and re.search(r"s(and|for|that|to|with)$", words[-1]):
        words[-1] = GLUED.sub("", words[-1])
    return " ".join(words)


def country_of_word(word: str, *, kb: KnowledgeBase) -> str | None:
    """ISO3 of a country name, demonym or possessive ("Iran's", "Iranian", "Americans")."""
    word = re.sub(r"['’]s?$", "", word.strip(" ,.;:()\"“”"))
    if not word or not word[:1].isupper():
        return None
    found = kb.country(word)
    if found is None and word.endswith("s") and len(word) > 4:
        found = kb.country(word[:-1])
    return found.iso3 if found is not None else None


def body_of_word(word: str) -> tuple[str, str] | None:
    return BODY_WORDS.get(word.lower().strip(" ,.'’s"))


def read_prefix(text: str, *, kb: KnowledgeBase) -> tuple[Title, int] | None:
    """The title that ends `text` (the words just before a name), and where it starts
    in `text`; None when `text` does not end with a title."""
    tail = text.rstrip()
    if tail.endswith(","):
        tail = tail[:-1].rstrip()
    match = None
    for m in TITLE_RE.finditer(tail):
        if tail[m.end():].strip() == "":
            match = m
    if match is None:
        return None
    title = Title(role=TITLES[match.group(1).lower()], text=match.group(0))
    title.sector = sector_of(match.group(1).split()[-1], kb=kb) or "GOV"
    start = match.start()
    words = list(re.finditer(r"\S+", tail[:match.start()]))
    skip_to = None
    for k in range(len(words) - 1, max(-1, len(words) - 6), -1):
        w = words[k]
        if skip_to is not None and k >= skip_to:
            continue
        raw = w.group(0)
        low = raw.lower().strip(",")
        if raw.endswith(",") or raw.endswith(".") and low not in ("u.s.", "u.n."):
            break
        iso = country_of_word(raw, kb=kb)
        if k > 0 and title.country is None and raw[:1].isupper():
            # a two-word demonym or name: "the North Korean leader", "the New Zealand
            # prime minister" ("Korean" alone names no one state)
            pair = country_of_word(f"{words[k - 1].group(0)} {raw}", kb=kb)
            if pair is not None and pair != iso:
                iso, w, skip_to = pair, words[k - 1], k - 1
        body = body_of_word(raw)
        if iso and title.country is None:
            title.country = iso
        elif body and title.country is None:
            title.country, title.body = body[0], raw
        elif low in PAST_WORDS:
            title.past = True
            title.former = title.former or low in FORMER_WORDS
        elif low in ACTING_WORDS:
            title.acting = True
        elif low in MODIFIERS or low in SECTOR_WORDS:
            pass
        elif title.country is None and (raw.isalpha() and raw[:1].isupper() or low == "and"):
            continue  # a portfolio ("Serbian Labour Minister"): kept only if a country precedes
        else:
            break
        start = w.start()
    # "the Iranian president" keeps its determiner out: the mention starts at the noun words
    return title, start


def read_of(text: str, *, kb: KnowledgeBase) -> str | None:
    """The country in "president of Armenia" (text just after the title)."""
    m = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s?){1,4})", text)
    if not m:
        return None
    name = m.group(1).strip()
    found = kb.country(name)
    return found.iso3 if found is not None else None


def climb(token: Any) -> Any:
    """From a name token up through compounds, appositions and conjunctions to the word
    that carries the phrase's role in the sentence."""
    seen = 0
    while token.dep_ in ("compound", "appos", "conj", "flat", "nmod", "amod") \
            and token.head is not token and seen < 6:
        if token.dep_ in ("compound", "amod", "nmod") and token.head.i < token.i:
            break
        token = token.head
        seen += 1
    return token


def is_place(span: Any, *, city: bool) -> bool:
    """Whether a country/city name is used as a place ("in Moscow", "visit Tehran")
    rather than as an actor ("Moscow backed", "ties with Tehran", "Tehran's program")."""
    root = climb(span.root)
    if root.dep_ == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return False
    if root.dep_ == "pobj":
        prep = root.head.lower_
        if prep in (CITY_PREPS if city else PLACE_PREPS):
            if prep == "to" and root.head.head.lemma_.lower() not in MOTION_WORDS:
                return False
            return True
        return False
    if city and root.dep_ in ("dobj", "npadvmod", "attr") \
            and root.head.lemma_.lower() in MOTION_WORDS:
        return True
    if city and root.dep_ in ("appos",):
        return True
    return False


# Nouns for people with no office: a demonym over them is the country's civilians.
PEOPLE_NOUNS = frozenset({"youths", "youth", "people", "nationals", "national", "man",
                          "men", "woman", "women", "children", "families", "villagers",
                          "crowds", "inhabitants", "population", "pilgrims"})
# Homes and villages attacked stand for the people who live there: CAMEO/PLOVER code
# "Palestinian homes" as Palestinian civilians.
PROPERTY_NOUNS = frozenset({"homes", "home", "houses", "house", "villages", "village",
                            "neighborhoods", "neighbourhoods", "farms", "shops"})
# Generic nouns for the members of a group: a group word before them names the sector
# ("rebel leaders" REB, "intelligence officials" SPY, "civilian advisers" CVL,
# "military police" MIL, "opposition candidates" OPP), as CAMEO codes them.
MEMBER_NOUNS = frozenset({"leaders", "leader", "officials", "official", "advisers",
                          "adviser", "advisors", "members", "personnel", "representatives",
                          "spokesman", "spokesmen", "delegates", "negotiators", "officers",
                          "police", "sources", "candidates", "figures", "activists"})
# State media speak for the government: CAMEO codes "official Syrian newspaper" GOV.
STATE_WORDS = frozenset({"official", "state", "state-run", "state-owned", "government",
                         "government-run", "government-owned"})


def demonym_sector(span: Any, noun: Any, *, kb: KnowledgeBase) -> str | None:
    """The sector of a demonym's phrase: the head noun's ("Algerian government forces"
    -> MIL), unless it is a generic member noun and a modifier names the group ("Afghan
    rebel leaders" -> REB); the people themselves ("Algerians", "Iraqi youths") and
    their homes ("Palestinian homes") -> CVL."""
    doc = span.doc
    if noun is not None:
        mods = [t for t in doc[span.end:noun.i] if t.ent_type_ != "NORP"]
        head = sector_of(noun.lower_, kb=kb) if noun.ent_type_ != "NORP" else None
        mod = next((found for found in (sector_of(t.lower_, kb=kb) for t in reversed(mods))
                    if found), None)
        if head == "JRN" and any(t.lower_ in STATE_WORDS for t in (*noun.lefts, *mods)):
            return "GOV"
        if head is not None and not (mod and noun.lower_ in MEMBER_NOUNS):
            return head
        if mod is not None:
            return mod
        if noun.ent_type_ == "NORP" or noun.lower_ in PEOPLE_NOUNS | PROPERTY_NOUNS:
            return "CVL"
        return None
    root = span.root
    if root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound"):
        return "CVL"
    return None


# Nouns for another actor related to the country: "Israel's militia ally" is not Israel.
RELATION_NOUNS = frozenset({"ally", "allies", "neighbor", "neighbors", "neighbour",
                            "neighbours", "partner", "partners", "enemy", "enemies",
                            "rival", "rivals", "proxy", "proxies", "counterpart"})
# How far past a country name its sector noun may be ("Romania's new government").
SECTOR_NOUN_REACH = 3


def sector_noun_after(span: Any, *, kb: KnowledgeBase) -> tuple[Any, str] | None:
    """The noun a country name modifies, when it names a sector of that country:
    "US authorities" -> (authorities, GOV), "Russia troops" -> (troops, MIL),
    "US national" -> (national, CVL)."""
    head = span.root.head
    if span.root.dep_ not in ("compound", "poss", "nmod", "amod") or head.i < span.end \
            or head.i - span.end >= SECTOR_NOUN_REACH or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.lower_ in RELATION_NOUNS:
        return None
    sector = demonym_sector(span, head, kb=kb)
    return (head, sector) if sector else None


def coordinated(span: Any, noun: Any) -> bool:
    """Whether another name stands between a name and its noun ("US and British
    forces"): each name is then its own mention."""
    return noun is not None and any(t.dep_ == "cc" or t.ent_type_ in ("NORP", "GPE")
                                    for t in span.doc[span.end:noun.i])


def shared_noun(span: Any) -> Any:
    """The noun two coordinated demonyms share, which a parser may miss: "Sierra Leonean
    and Liberian refugees" -> refugees."""
    doc = span.doc
    i = span.end
    if i + 2 < len(doc) and doc[i].lower_ == "and" and doc[i + 1].ent_type_ == "NORP" \
            and doc[i + 2].pos_ == "NOUN":
        return doc[i + 2]
    return None


def head_noun(span: Any) -> Any:
    """The noun a demonym modifies: "Russian" in "Russian officials" -> officials."""
    token = span.root
    if token.head.lower_ == "led" and token.head.dep_ == "amod" and token.head.i > token.i:
        token = token.head  # "Vietnamese-led forces" are Vietnam's forces
    if token.dep_ in ("amod", "compound", "nmod") and token.head.i > token.i \
            and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN":
        return nxt
    return None


# Common nouns that introduce an organization's name ("the opposition newspaper La
# Prensa", "the rebel group ..."): the name is an organization with the noun's sector
# (or its modifier's: "rebel group" -> REB), whatever label the parser gave it.
ORG_NOUNS = frozenset({"newspaper", "daily", "weekly", "paper", "magazine", "radio",
                       "television", "channel", "party", "movement", "group", "company",
                       "firm", "militia", "network"})


def org_noun_before(span: Any, *, kb: KnowledgeBase) -> str | None:
    """The sector the organization noun just before a name gives it, if any."""
    if span.start == 0:
        return None
    noun = span.doc[span.start - 1]
    if noun.lower_ not in ORG_NOUNS or noun.text != noun.lower_:
        return None
    words = [noun, *(t for t in reversed(list(noun.lefts)) if t.dep_ in ("amod", "compound"))]
    return next((found for found in (sector_of(t.lower_, kb=kb) for t in words) if found),
                None)


def acronyms_and_pronouns(doc: Any, text: str, *, subject_deps: Any) -> tuple[
        list[tuple[int, int]], list[tuple[int, int, str]]]:
    """The spans of acronyms spaCy missed ("status at the EAEU": 2-6 capitals, no
    entity), and of subject pronouns with their kind ("pron" for he and she, "they"),
    read from the Doc's arrays: only the few tokens the lexeme flags let through are
    looked at. `text` is the Doc's (`doc.text` joins every token anew)."""
    import numpy as np
    from spacy.attrs import DEP, ENT_TYPE, IDX, IS_ALPHA, IS_ASCII, IS_UPPER, LENGTH, LOWER

    strings = doc.vocab.strings
    they = strings["they"]
    rows = doc.to_array([IDX, LENGTH, ENT_TYPE, DEP, LOWER, IS_ALPHA, IS_ASCII, IS_UPPER])
    if not len(rows):
        return [], []
    idx, n, ent, dep, low = (rows[:, k] for k in range(5))
    capitals = (n >= 2) & (n <= 6) & (ent == 0) & (rows[:, 5] == 1) & (rows[:, 6] == 1) \
        & (rows[:, 7] == 1)
    # hashes are uint64: compared as such, never through float
    subjects = np.isin(low, np.array([strings[w] for w in ("he", "she", "they")],
                                     dtype=np.uint64)) \
        & np.isin(dep, np.array([strings[d] for d in subject_deps], dtype=np.uint64))
    acronyms = []
    for i in np.flatnonzero(capitals).tolist():
        start, end = int(idx[i]), int(idx[i] + n[i])
        word = text[start:end]  # what the flags say, checked on the text itself
        if word.isascii() and word.isalpha() and word.isupper():
            acronyms.append((start, end))
    pronouns = [(int(idx[i]), int(idx[i] + n[i]), "they" if int(low[i]) == they else "pron")
                for i in np.flatnonzero(subjects).tolist()]
    return acronyms, pronouns
