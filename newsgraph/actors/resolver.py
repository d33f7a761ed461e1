"""Resolve every entity, titled name, role phrase and pronoun of an article to an actor
or a place, in text order, so that what the text says early ("Iranian President Masoud
Pezeshkian") can resolve what comes later ("the Iranian president", "he")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

from ..kb import KnowledgeBase
from ..model import Actor, Article, Location, Mention
from ..time.formats import article_dates, sentence_day
from . import context as cx
from . import pairs
from .collective import collective_mentions
from .coref import PRONOUNS, SUBJECT_DEPS, PersonRef, Salience
from .local import local_actor, normalize_name
from .names import given_name_end, whole_word_at
from .roles import HEAD_ROLES, OFFICES, TITLE_RE, TITLES, Title, is_office, iter_titles, sector_of
from .sectors import org_sector, person_sector

ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# Title words that make a role phrase on their own ("the Iranian president") when no
# name follows; the rest ("aide", "general") only introduce names.
ROLE_NP_ROLES = OFFICES | frozenset({"counterpart", "leader", "minister", "ambassador",
                                     "envoy", "spokesperson"})
GROUP_RE = re.compile(r"\b(?:(Western|European|Arab|Gulf) (?:countries|powers|nations|states|"
                      r"governments|allies)|the (West))\b")
BODY_RE = re.compile(r"\b([A-Z][\w-]+)['’]s (presidency|government|foreign ministry|"
                     r"defen[cs]e ministry|military|army|armed forces|parliament|cabinet)\b")
NOT_NAMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "and", "or", "the", "on", "in", "said", "told", "has"})


@dataclass(order=True)
class Candidate:
    start: int
    end: int
    kind: str = field(compare=False)  # ent | titled | role | pron | surname
    label: str = field(default="", compare=False)
    name_start: int = field(default=0, compare=False)  # where the name itself starts
    title: Title | None = field(default=None, compare=False)


class Resolver:
    def __init__(self, article: Article, *, kb: KnowledgeBase) -> None:
        self.article = article
        self.doc = article.doc
        self.kb = kb
        self.dates = article_dates(article)
        self.salience = Salience()
        self.asserted: dict[tuple[str, str], Actor] = {}
        self.names: dict[str, Actor] = {}  # normalized names and surnames in this article
        # first words of full names: family names that come first ("Kim Jong Un" ... "Kim")
        self.first_words: dict[str, Actor] = {}
        self.acronyms: dict[str, Actor] = {}
        self.mentions: list[Mention] = []
        self._taken: list[tuple[int, int]] = []
        self._max_end = -1  # the furthest end in _taken: nothing past it is covered

    # ---------------------------------------------------------------- candidates
    def candidates(self) -> list[Candidate]:
        doc, text = self.doc, self.article.text
        found: list[Candidate] = []
        person_words: set[str] = set()
        # the sentences once (`ent.sent`, `sent.text` re-walk the tokens per entity)
        sents = list(doc.sents)
        sent_starts = [sent.start for sent in sents]
        for ent in doc.ents:
            label = ent.label_
            if label not in ENT_LABELS:
                continue
            start = start0 = ent.start_char
            ent_text = text[start:ent.end_char]
            title = None
            if label == "PERSON" or (label == "ORG" and self._kb_person(ent_text)):
                sent_start = sents[bisect_right(sent_starts, ent.start) - 1].start_char
                prefix = cx.read_prefix(text[sent_start:start], kb=self.kb)
                if prefix is not None:
                    title, offset = prefix
                    start = sent_start + offset
                for word in ent_text.split()[-1:]:
                    if len(word) > 2 and word[:1].isupper():
                        person_words.add(word)
            found.append(Candidate(start, given_name_end(ent), "ent", label, start0, title))
        def titled(c: Candidate) -> bool:
            return c.kind == "ent" and c.label in ("PERSON", "ORG") and c.title is not None

        names = [c for c in found if titled(c)]  # grows with the titled names found here
        for sent in sents:
            for m in iter_titles(text[sent.start_char:sent.end_char]):
                s, e = sent.start_char + m.start(), sent.start_char + m.end()
                if any(c.start <= s < c.end for c in names):
                    continue
                more = self._title_candidate(m, s, e, sent)
                found.extend(more)
                names.extend(c for c in more if titled(c))
        acronyms, pronouns = cx.acronyms_and_pronouns(doc, text, subject_deps=SUBJECT_DEPS)
        found.extend(Candidate(s, e, "acronym", "ORG", s) for s, e in acronyms)
        for m in GROUP_RE.finditer(text):
            found.append(Candidate(m.start(), m.end(), "group", (m.group(1) or m.group(2)).lower()))
        for m in BODY_RE.finditer(text):
            found.append(Candidate(m.start(), m.end(), "body", m.group(2), m.start(2)))
        found.extend(Candidate(s, e, kind) for s, e, kind in pronouns)
        for m in pairs.PAIR_RE.finditer(text):
            found.append(Candidate(m.start(), m.end(), "pair"))
        # names spaCy missed ("In return, Pezeshkian considered ...")
        for word in person_words:
            for start in whole_word_at(text, word):
                found.append(Candidate(start, start + len(word), "surname", "PERSON", start))
        found.sort(key=lambda c: (c.start, -(c.end - c.start)))
        return found

    def _title_candidate(self, m: re.Match[str], s: int, e: int, sent: Any) -> list[Candidate]:
        role = TITLES[m.group(1).lower()]
        after = self.article.text[e:e + 40]
        nxt = re.match(r"\s*([A-Z][\w’'.-]+)", after)
        if nxt and nxt.group(1).lower() not in NOT_NAMES and not after.startswith(","):
            # a name follows ("Kremlin aide Yury Ushakov"): a titled name spaCy may have missed
            span = self.doc.char_span(e + nxt.start(1), e + nxt.end(1), alignment_mode="expand")
            if span is not None and span[0].pos_ == "PROPN" and span[0].ent_type_ not in (
                    "GPE", "NORP", "DATE", "ORG") and m.group(0)[:1].isupper():
                end = span.end
                while end < len(self.doc) and self.doc[end].pos_ == "PROPN" \
                        and self.doc[end].text[:1].isupper() and end - span.start < 4:
                    end += 1
                name = self.doc[span.start:end]
                prefix = cx.read_prefix(self.article.text[sent.start_char:name.start_char],
                                        kb=self.kb)
                if prefix is not None:
                    title, offset = prefix
                    return [Candidate(sent.start_char + offset, name.end_char, "ent", "PERSON",
                                      name.start_char, title)]
            return []
        if m.group(0).lower().endswith("s") and not m.group(1).lower().endswith("s"):
            return []  # "the two presidents", "leaders of nations"
        if role not in ROLE_NP_ROLES:
            return []
        prefix = cx.read_prefix(self.article.text[sent.start_char:e], kb=self.kb)
        if prefix is None:
            return []
        title, offset = prefix
        start = sent.start_char + offset
        if title.country is None:
            title.country = cx.read_of(self.article.text[e:e + 60], kb=self.kb)
        return [Candidate(start, e, "role", role, start, title)]

    # ---------------------------------------------------------------- main loop
    def run(self) -> list[Mention]:
        for cand in self.candidates():
            if cand.end <= self._max_end and any(s <= cand.start and cand.end <= e
                                                 for s, e in self._taken):
                continue
            if cand.kind == "pron":
                self._pronoun(cand)
            elif cand.kind in ("they", "pair"):
                self._pair(cand)
            elif cand.kind == "role":
                self._role(cand)
            elif cand.kind == "acronym":
                acr = self.article.text[cand.start:cand.end]
                if self.kb.organization(acr) is not None or normalize_name(acr) in self.acronyms:
                    self._organization(cand, acr, None)
            elif cand.kind == "group":
                gid, name = cx.GROUPS[cand.label]
                self._emit(cand.start, cand.end, actor=Actor(gid, name, "group"), how="group")
            elif cand.kind == "body":
                self._body(cand)
            elif cand.kind == "surname":
                actor = self.names.get(normalize_name(self.article.text[cand.start:cand.end]))
                if actor is not None:
                    self._add_person(cand, actor, "name-in-article")
            else:
                self._entity(cand)
        self.mentions.extend(collective_mentions(
            self.mentions, self.doc, kb=self.kb, country_name=self._country_name))
        return sorted(self.mentions, key=lambda m: (m.start, m.end))

    def _country_name(self, iso: str) -> str:
        state = self.kb.country(iso)
        return state.name if state is not None else iso

    def _emit(self, start: int, end: int, *, actor: Actor | None = None,
              place: Location | None = None, how: str) -> Mention:
        mention = Mention(start=start, end=end, text=self.article.text[start:end], actor=actor,
                          place=place, role="place" if place is not None else "actor", how=how)
        self.mentions.append(mention)
        self._taken.append((start, end))
        self._max_end = max(self._max_end, end)
        return mention

    def _span(self, start: int, end: int) -> Any:
        return self.doc.char_span(start, end, alignment_mode="expand")

    # ---------------------------------------------------------------- people
    def _kb_person(self, text: str, *, strict: bool = False) -> bool:
        """Whether `text` names a person; `strict`: a KB person must have a country (the
        KB holds stray "persons" named after states, "Bosnia-and-Herzegovina")."""
        return normalize_name(text) in self.names or any(
            e.kind == "person" and (e.country or not strict) for e in self.kb.lookup(text))

    def _person(self, name: str, title: Title | None) -> tuple[Actor, str]:
        key = normalize_name(name)
        if key in self.names:
            return self.names[key], "name-in-article"
        if " " not in key and key in self.first_words:
            return self.first_words[key], "name-in-article"
        country = title.country if title else None
        for how, find in (("kb-name", self.kb.lookup), ("kb-fuzzy", self.kb.fuzzy_person)):
            people = [e for e in find(name) if e.kind == "person"]  # fuzzy only if need be
            if country:  # a title's country rules out another country's namesake
                people = [e for e in people if e.country in (None, country)]
            if people:
                person = self._pick_by_date(people)
                return person_sector(person.actor(), title=title, dates=self.dates,
                                     terms=self.kb.terms(person.id)), how
        sector = title.sector if title else None
        if title and is_office(title.role) and sector is None:
            sector = "GOV"
        if title and title.former:
            sector = "ELI"  # a former office holder: CAMEO's elite (see sectors.py)
        return local_actor(name, kind="person", country=country, sector=sector), "local"

    def _pick_by_date(self, people: list[Any]) -> Any:
        if len(people) == 1 or self.dates is None:
            return people[0]
        for person in people:
            for term in self.kb.terms(person.id):
                if (term.start or "") <= self.dates[0] and (term.end is None
                                                            or self.dates[1] <= term.end):
                    return person
        return people[0]

    def _register(self, actor: Actor, name: str) -> None:
        key = normalize_name(name)
        if not key:
            return
        self.names.setdefault(key, actor)
        words = key.split()
        if len(words) > 1:
            self.first_words.setdefault(words[0], actor)
            self.names.setdefault(words[-1], actor)
            self.names.setdefault(" ".join(words[-2:]), actor)

    def _add_person(self, cand: Candidate, actor: Actor, how: str,
                    title: Title | None = None) -> None:
        roles: set[str] = set()
        if title is not None and title.role and title.country == actor.country \
                and not title.past:
            roles.add(title.role)
            if is_office(title.role):
                self.asserted[(actor.country or "", title.role)] = actor
        if self.dates is not None:
            for term in self.kb.terms(actor.id):
                if (term.start or "") <= self.dates[1] and (term.end is None
                                                            or self.dates[0] <= term.end):
                    roles.add(term.role)
        span = self._span(cand.name_start, cand.end)
        subject = span is not None and any(t.dep_ in SUBJECT_DEPS for t in span)
        sent_start = span.sent.start_char if span is not None else 0
        self.salience.add(PersonRef(cand.start, cand.end, actor, sent_start, subject,
                                    frozenset(roles)))
        self._emit(cand.start, cand.end, actor=actor, how=how)

    # ---------------------------------------------------------------- entities
    def _entity(self, cand: Candidate) -> None:
        text = self.article.text[cand.name_start:cand.end]
        if cand.label == "ORG":
            text = cx.strip_glued(text)
        text = re.sub(r"^(?:the|The)\s+", "", text)
        text = re.sub(r"['’]s$", "", text).strip()
        if not text:
            return
        label = cand.label
        span = self._span(cand.name_start, cand.end)
        org_sector_word = cx.org_noun_before(span, kb=self.kb) \
            if span is not None and cand.title is None and label in ("PERSON", "ORG") else None
        if org_sector_word is not None and not self.kb.lookup(text):
            self._emit(cand.start, cand.end, how="descr-org", actor=local_actor(
                text, kind="organization", sector=org_sector_word))
            return
        if label == "PERSON" or normalize_name(text) in self.names or (
                label == "ORG" and self._kb_person(text, strict=True)
                and self.kb.country(text) is None):
            if label == "PERSON" and cand.title is None \
                    and self._as_place_or_country(cand, text, span):
                return
            actor, how = self._person(text, cand.title)
            if cand.title is not None:
                how = "title+" + how
            self._register(actor, text)
            self._add_person(cand, actor, how, cand.title)
            return
        if label in ("GPE", "LOC", "FAC") and self._as_place_or_country(cand, text, span):
            return
        if label == "NORP":
            self._demonym(cand, text, span)
            return
        if label == "ORG" and self.kb.country(text) is not None \
                and self._as_place_or_country(cand, text, span):
            return  # "Sierra Leone", "the Democratic People's Republic of Korea" tagged ORG
        self._organization(cand, text, span)

    def _as_place_or_country(self, cand: Candidate, text: str, span: Any) -> bool:
        group = cx.GROUPS.get(text.lower())
        if group and text.lower().startswith(("the west", "west")):
            self._emit(cand.start, cand.end, actor=Actor(group[0], group[1], "group"),
                       how="group")
            return True
        body = self.kb.body(text) or self.kb.body(text.replace("the ", ""))
        if body is None and cx.body_of_word(text):
            iso, sector = cx.body_of_word(text)  # type: ignore[misc]
            country = self.kb.country(iso)
            name = country.name if country is not None else iso
            self._emit(cand.start, cand.end, how="body-metonymy",
                       actor=Actor(iso, name, "country", iso, sector))
            return True
        if body is not None:
            self._emit(cand.start, cand.end, actor=body.actor(), how="kb-body")
            return True
        country = self.kb.country(text)
        if country is not None:
            if span is not None and cx.is_place(span, city=False):
                self._emit(cand.start, cand.end, place=Location(country.name, country.iso3),
                           how="country-place")
            else:
                noun = cx.sector_noun_after(span, kb=self.kb) if span is not None else None
                shared = cx.shared_noun(span) if span is not None and noun is None else None
                if shared is not None:  # "Sierra Leonean and Liberian refugees"
                    noun = (shared, cx.demonym_sector(span, shared, kb=self.kb))
                if noun is not None and noun[1]:  # "US authorities", "Romania's new government"
                    actor = Actor(country.iso3, country.name, "country", country.iso3,
                                  noun[1])
                    end = cand.end if cx.coordinated(span, noun[0]) else \
                        noun[0].idx + len(noun[0])
                    self._emit(cand.start, end, actor=actor, how="country-sector")
                else:
                    self._emit(cand.start, cand.end, actor=country.actor(), how="country")
            return True
        capital = self.kb.capital_of(text)
        if capital is not None:
            if span is not None and cx.is_place(span, city=True):
                town = getattr(self.kb.place(text), "name", text)  # a venue alias: its town
                self._emit(cand.start, cand.end, place=Location(town, capital.iso3),
                           how="capital-place")
            else:
                actor = Actor(capital.iso3, capital.name, "country", capital.iso3, "GOV")
                self._emit(cand.start, cand.end, actor=actor, how="metonymy")
            return True
        place = self.kb.place(text)
        if place is not None:
            self._emit(cand.start, cand.end, place=Location(place.name, place.country),
                       how="kb-place")
            return True
        words = text.split()
        if words and words[-1].lower() in ("capital", "city", "province", "region"):
            iso = cx.country_of_word(words[0], kb=self.kb)
            self._emit(cand.start, cand.end, place=Location(text, iso), how="descr-place")
            return True
        if cand.label in ("GPE", "LOC", "FAC"):
            self._emit(cand.start, cand.end, place=Location(text, None), how="place")
            return True
        return False

    def _demonym(self, cand: Candidate, text: str, span: Any) -> None:
        low = text.lower()
        noun = cx.head_noun(span) if span is not None else None
        if noun is None and span is not None:
            noun = cx.shared_noun(span)
        end = max(cand.end, noun.idx + len(noun)) if noun is not None else cand.end
        if low in cx.GROUPS and (low == "western" or noun is not None
                                 and noun.lower_ in cx.GROUP_NOUNS):
            if noun is None or noun.lower_ not in cx.GROUP_NOUNS:
                end = cand.end
            gid, name = cx.GROUPS[low]
            self._emit(cand.start, end, actor=Actor(gid, name, "group"), how="group")
            return
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^-–\s]+", text)]
        isos = [cx.country_of_word(text[s:e], kb=self.kb) for s, e in parts]
        if len(parts) > 1 and all(isos):
            for (s, e), iso in zip(parts, isos, strict=True):
                country = self.kb.country(iso)  # type: ignore[arg-type]
                self._emit(cand.name_start + s, cand.name_start + e,
                           actor=country.actor(), how="demonym")
            return
        iso = cx.country_of_word(text, kb=self.kb)
        if iso is None:  # "Soviet", "Eurasian", "Muslims": not an actor of their own
            return
        country = self.kb.country(iso)
        sector = cx.demonym_sector(span, noun, kb=self.kb) if span is not None else None
        if sector is None or noun is None or any(
                t.ent_type_ == "NORP" for t in span.doc[span.end:noun.i]):
            end = cand.end  # "Hungarian and Romanian officials": each its own mention
        actor = Actor(country.iso3, country.name, "country", country.iso3, sector)
        self._emit(cand.start, end, actor=actor, how="demonym")

    def _organization(self, cand: Candidate, text: str, span: Any) -> None:
        if TITLE_RE.fullmatch(text):  # "Supreme Leader" tagged ORG: the role phrase has it
            return
        found = self.kb.organization(text) \
            or self.kb.organization(re.sub(r"\s+summit$", "", text, flags=re.I))
        how = "kb-org"
        country = None
        if found is None:
            before = self.article.text[max(0, cand.start - 30):cand.start]
            poss = re.search(r"([A-Z][\w.]+)['’]s\s*$", before)
            words = text.split()
            country = (cx.country_of_word(poss.group(1), kb=self.kb) if poss else None) \
                or next((c for c in (cx.country_of_word(w, kb=self.kb) for w in words) if c), None)
            found = self.kb.body(text, country=country)
            how = "kb-body"
        body_word = cx.body_of_word(text)
        if found is not None:
            actor = found.actor()
        elif body_word is not None:
            state = self.kb.country(body_word[0])
            actor = Actor(body_word[0], state.name if state is not None else body_word[0],
                          "country", body_word[0], body_word[1])
            how = "body-metonymy"
        elif normalize_name(text) in self.acronyms:
            actor, how = self.acronyms[normalize_name(text)], "acronym"
        else:
            low = text.lower()
            sector = next((sector_of(w, kb=self.kb) for w in low.split()
                           if sector_of(w, kb=self.kb)), None)
            if country and not text[:1].isupper() or "ministry" in low:
                sector = sector or "GOV"
            name = f"{country} {text}" if country and not text[:1].isupper() else text
            actor, how = local_actor(name, kind="organization", country=country,
                                     sector=sector), "local"
        end = cand.end
        noun = cx.sector_noun_after(span, kb=self.kb) if span is not None else None
        if noun is not None and actor.sector in (None, noun[1]) and actor.country is None:
            # "NATO peacekeeping troops": the organization's forces
            actor, end = replace(actor, sector=noun[1]), noun[0].idx + len(noun[0])
        else:
            actor = org_sector(actor, text)
        acr = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", self.article.text[cand.end:cand.end + 14])
        if acr:
            self.acronyms.setdefault(normalize_name(acr.group(1)), actor)
        self.acronyms.setdefault(normalize_name(text), actor)
        self._emit(cand.start, end, actor=actor, how=how)

    def _body(self, cand: Candidate) -> None:
        """ "Türkiye's presidency", "Russia's foreign ministry": the KB body, else the
        country's government (or military)."""
        iso = cx.country_of_word(self.article.text[cand.start:cand.name_start], kb=self.kb)
        if iso is None:
            return
        word = self._span(cand.name_start, cand.end)
        if word is not None and word[-1].dep_ in ("amod", "compound") \
                and word[-1].head.i > word[-1].i:
            # "Russia's military relationship": an adjective; the country is the actor
            end = self.article.text.rindex("'" if "'" in self.article.text[
                cand.start:cand.name_start] else "’", cand.start, cand.name_start)
            state = self.kb.country(iso)
            if state is not None:
                self._emit(cand.start, end, actor=state.actor(), how="country")
            return
        found = self.kb.body(cand.label, country=iso)
        if found is not None:
            self._emit(cand.start, cand.end, actor=found.actor(), how="kb-body")
            return
        state = self.kb.country(iso)
        sector = sector_of(cand.label.split()[-1], kb=self.kb) or "GOV"
        self._emit(cand.start, cand.end, how="body-country",
                   actor=Actor(iso, state.name if state is not None else iso, "country",
                               iso, sector))

    # ---------------------------------------------------------------- roles, pronouns
    def _pronoun(self, cand: Candidate) -> None:
        span = self._span(cand.start, cand.end)
        if span is None:
            return
        actor = self.salience.antecedent(span[0])
        if actor is not None:
            self.salience.add(PersonRef(cand.start, cand.end, actor, span.sent.start_char,
                                        True, frozenset()))
            self._emit(cand.start, cand.end, actor=actor, how="pronoun")

    def _pair(self, cand: Candidate) -> None:
        """ "They", "the two presidents": a group of the two most recent people."""
        span = self._span(cand.start, cand.end)
        if span is None:
            return
        if cand.kind == "they":
            actor = pairs.they_pair(span[0], self.salience.refs, self.mentions)
        else:
            two = pairs.last_two(self.salience.refs, before=cand.start)
            actor = pairs.pair_group(*two) if two is not None else None
        if actor is not None:
            self._emit(cand.start, cand.end, actor=actor, how=f"pair-{cand.kind}")

    def _role(self, cand: Candidate) -> None:
        title = cand.title
        span = self._span(cand.start, cand.end)
        if span is None or title is None:
            return
        actor, how = self._role_actor(cand, title, span)
        if actor is None:
            return
        if actor.kind == "person":
            subject = any(t.dep_ in SUBJECT_DEPS for t in span)
            self.salience.add(PersonRef(cand.start, cand.end, actor, span.sent.start_char,
                                        subject, frozenset()))
        self._emit(cand.start, cand.end, actor=actor, how=how)

    def _role_actor(self, cand: Candidate, title: Title, span: Any) -> tuple[Actor | None, str]:
        text = self.article.text
        role, country = cand.label, title.country
        appos = re.match(r"\s*,\s*", text[cand.end:cand.end + 4])
        if appos:  # "the previous president, Ebrahim Raisi"
            nxt = self._span(cand.end + appos.end(), min(len(text), cand.end + appos.end() + 1))
            if nxt is not None and nxt[0].ent_type_ == "PERSON" and nxt[0].ent_iob_ == "B":
                ent = next(e for e in self.doc.ents if e.start == nxt[0].i)
                actor, _ = self._person(ent.text, title)
                return actor, "apposition"
        if role == "counterpart":
            owner = self._possessor(span)
            if owner is None:
                return None, ""
            role = self.salience.office_of(owner) or "president"
            if country is None or country == owner.country:
                return None, ""
        if country is None:
            roles = HEAD_ROLES if role == "leader" else (role,)
            actor = self.salience.latest_with_role(roles, before=cand.start)
            return actor, "role-salience"
        if title.past:
            return None, ""
        day = sentence_day(span.sent, self.article)
        if day is not None and self.dates is not None and day < self.dates[0]:
            found = self._holder(country, role, (day, day))
            if found is not None:
                return found, "role-kb-sentence-date"
        if role == "leader":
            actor = self.salience.latest_with_role(HEAD_ROLES, before=cand.start, country=country)
            if actor is not None:
                return actor, "role-salience"
            for head in HEAD_ROLES:
                if (country, head) in self.asserted:
                    return self.asserted[(country, head)], "role-text"
            for head in HEAD_ROLES:
                found = self._holder(country, head, self.dates)
                if found is not None:
                    return found, "role-kb"
        if (country, role) in self.asserted:
            return self.asserted[(country, role)], "role-text"
        found = self._holder(country, role, self.dates)
        if found is not None:
            return found, "role-kb"
        state = self.kb.country(country)
        if state is None:
            return None, ""
        return Actor(state.iso3, state.name, "country", state.iso3, title.sector or "GOV"), \
            "role-country"

    def _holder(self, country: str, role: str, dates: tuple[str, str] | None) -> Actor | None:
        if dates is None or not is_office(role):
            return None
        first = self.kb.holders(country, role, dates[0])
        last = first if dates[1] == dates[0] else self.kb.holders(country, role, dates[1])
        ids = {t.person_id for t in first} & {t.person_id for t in last}
        if len(ids) != 1:
            return None
        pid = ids.pop()
        entity = self.kb.entity(pid)
        if entity is not None:
            actor = entity.actor()
        else:
            term = first[0]
            actor = Actor(pid, term.person_name, "person", country, "GOV")
        self.salience.roles.setdefault(actor.id, set()).add(role)
        return actor

    def _possessor(self, span: Any) -> Actor | None:
        """Whose counterpart: "his" -> coreference; else the subject of the sentence."""
        head = span[0]
        for token in span:
            if token.lower_ in PRONOUNS:
                return self.salience.antecedent(token)
        return self.salience.antecedent(head, exclude=(span.start_char, span.end_char))


def resolve_article(article: Article, *, kb: KnowledgeBase) -> list[Mention]:
    if article.doc is None:
        return []
    return _drop_titles_of_people(Resolver(article, kb=kb).run())


def _drop_titles_of_people(mentions: list[Mention]) -> list[Mention]:
    """"North Korean leader Kim Jong Un" is Kim, not also North Korea: a demonym
    mention that overlaps a titled person is the person's title."""
    people = [m for m in mentions if m.actor is not None and m.actor.kind == "person"
              and m.how.startswith("title")]
    return [m for m in mentions
            if not (m.how == "demonym" and any(p.start < m.end and m.start < p.end
                                               for p in people))]
