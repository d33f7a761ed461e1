"""Within-article coreference by salience: pronouns ("he said"), possessors ("his
Iranian counterpart") and bare roles ("the President") go to the most salient
compatible person mentioned before them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
# How many sentences back a pronoun may reach for its antecedent.
MAX_SENTENCES_BACK = 3


@dataclass
class PersonRef:
    """A resolved person mention, as coreference sees it."""

    start: int
    end: int
    actor: Actor
    sent_start: int  # char offset of its sentence
    subject: bool
    roles: frozenset[str] = field(default_factory=frozenset)


class Salience:
    """The person mentions seen so far, in text order."""

    def __init__(self) -> None:
        self.refs: list[PersonRef] = []
        self.roles: dict[str, set[str]] = {}  # actor id -> roles the text or KB gave

    def add(self, ref: PersonRef) -> None:
        self.refs.append(ref)
        self.roles.setdefault(ref.actor.id, set()).update(ref.roles)

    def at(self, char: int) -> PersonRef | None:
        return next((r for r in self.refs if r.start <= char < r.end), None)

    def antecedent(self, token: Any, *, exclude: tuple[int, int] | None = None) -> Actor | None:
        """The person `token` (a pronoun, or the head of a role phrase) refers to."""
        before = [r for r in self.refs if r.end <= token.idx
                  and (exclude is None or not (exclude[0] <= r.start < exclude[1]))]
        if not before:
            return None
        sent_start = token.sent.start_char
        # "Erdogan told his counterpart that he believes ...": the subject of a governing verb.
        for ancestor in token.ancestors:
            for child in ancestor.children:
                if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                    ref = next((r for r in before if r.start <= child.idx < r.end), None)
                    if ref is not None:
                        return ref.actor
        same = [r for r in before if r.sent_start == sent_start]
        subjects = [r for r in same if r.subject]
        if subjects:
            return subjects[-1].actor
        sentence_starts = sorted({r.sent_start for r in before if r.sent_start < sent_start},
                                 reverse=True)[:MAX_SENTENCES_BACK]
        for start in sentence_starts:
            refs = [r for r in before if r.sent_start == start]
            subjects = [r for r in refs if r.subject]
            return (subjects[0] if subjects else refs[-1]).actor
        return same[-1].actor if same else None

    def latest_with_role(self, roles: tuple[str, ...], *, before: int,
                         country: str | None = None) -> Actor | None:
        """The most recent person before `before` holding one of `roles` (per the text or
        the KB), of `country` if given: "the President" -> the salient president."""
        for ref in reversed(self.refs):
            if ref.start >= before:
                continue
            if country is not None and ref.actor.country != country:
                continue
            if self.roles.get(ref.actor.id, set()) & set(roles):
                return ref.actor
        return None

    def office_of(self, actor: Actor) -> str | None:
        """The office the person holds, for "his counterpart"."""
        held = self.roles.get(actor.id, set())
        for role in ("president", "prime_minister", "foreign_minister", "king",
                     "head_of_state", "head_of_government", "defence_minister"):
            if role in held:
                return role
        return None
