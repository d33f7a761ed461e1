"""Speech cues and the speaker they point to, read off the dependency parse."""

from __future__ import annotations

from typing import Any

from .. import doccache

# Lemmas of verbs that report speech or writing. Taken from the most frequent cues of
# PolNeAR train (said, told, wrote, added, noted, reported, announced, argued, tweeted,
# explained, declared, ...) plus those the issue names (stressed, emphasized, warned).
# Verbs of thinking or wanting ("believe", "hope"), which PolNeAR also annotates, are
# left out: they are not quotes.
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "state", "note", "stress", "emphasize", "emphasise", "warn",
    "declare", "announce", "explain", "insist", "claim", "argue", "confirm", "write",
    "tweet", "report", "reply", "respond", "ask", "acknowledge", "admit", "assert",
    "reiterate", "indicate", "comment", "remark", "recall", "underline", "underscore",
    "observe", "concede", "deny", "predict", "vow", "promise", "pledge", "contend",
    "maintain", "suggest", "allege", "estimate", "caution", "urge", "testify",
    "affirm", "reaffirm", "highlight", "complain", "boast", "joke", "quip", "continue",
    "conclude", "counter", "retort", "scoff", "shout", "yell", "exclaim", "whisper",
    "mention", "assure", "point", "agree", "describe", "post", "proclaim",
})
# cues that need a particle or object to report speech: "pointed out", "agreed that"
NEEDS_PARTICLE = {"point": "out"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# children cut from a speaker's subtree: "Amir-Abdollahian [who is accompanying ...]"
SPEAKER_CUT_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})
RELATIVES = frozenset({"who", "that", "which"})
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp"})
MAX_CLIMB = 3


def is_speech_verb(token: Any) -> bool:
    """A verb that reports speech ("said", "told", "pointed out")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if token.dep_ in ("amod", "compound"):  # "its alleged assistance"
        return False
    particle = NEEDS_PARTICLE.get(token.lemma_.lower())
    if particle is not None:
        return any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)
    return True


def according_to(token: Any) -> Any | None:
    """For "according" in "according to X", the head word of X."""
    if token.lower_ != "according" or token.i + 1 >= len(token.doc):
        return None
    to = token.doc[token.i + 1]
    if to.lower_ != "to":
        return None
    for child in list(to.children) + list(token.children):
        if child.dep_ == "pobj":
            return child
    return None


def subject_of(verb: Any) -> Any | None:
    """The subject of `verb`, climbing from participles and conjuncts to the clause
    that has one: "Raisi suggested that ... may cooperate ..., adding, “...”" -> Raisi
    (a speaking ancestor wins over a nearer one: "Moscow and Tehran" only cooperate)."""
    chain = []
    token = verb
    for _ in range(MAX_CLIMB + 1):
        chain.append(token)
        if token.dep_ not in CLIMB_DEPS and not (token is not verb and token.dep_ == "ccomp"):
            break
        if token.head is token or not same_paragraph(token, token.head):
            break
        token = token.head
    with_subject = [(t, _antecedent(t, own_subject(t))) for t in chain]
    with_subject = [(t, s) for t, s in with_subject if s is not None]
    if not with_subject:
        return None
    if with_subject[0][0] is verb:
        return with_subject[0][1]
    speaking = [s for t, s in with_subject if is_speech_verb(t)]
    return speaking[0] if speaking else with_subject[0][1]


def _antecedent(verb: Any, subject: Any | None) -> Any | None:
    """"Sanders, who said ..." -> Sanders rather than "who"."""
    if subject is not None and subject.lower_ in RELATIVES and verb.dep_ == "relcl":
        return verb.head
    return subject


def own_subject(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS and same_paragraph(child, token):
            return child
    return None


def same_paragraph(a: Any, b: Any) -> bool:
    """No line break between tokens `a` and `b` (spaCy sentences can run over one)."""
    lo, hi = sorted((a.i, b.i))
    return not _break_in(a.doc, lo, hi)


def _break_in(doc: Any, lo: int, hi: int) -> bool:
    """Whether tokens [lo, hi) with their whitespace hold a line break (`doc[lo:hi]
    .text_with_ws`, cut from the Doc's text kept by doccache)."""
    idx = doccache.idx(doc)
    if lo >= hi:
        return False
    end = idx[hi] if hi < len(idx) else len(doccache.text(doc))
    return doccache.text(doc).find("\n", idx[lo], end) >= 0


def contiguous(head: Any, cut: set[int]) -> tuple[int, int]:
    """Token range [start, end) around `head` within its subtree, stopping at tokens in
    `cut` and at paragraph breaks."""
    doc = head.doc
    kept = {t.i for t in head.subtree} - cut
    start = end = head.i
    while start - 1 in kept and not _break_in(doc, start - 1, start):
        start -= 1
    while end + 1 in kept and not _break_in(doc, end, end + 1):
        end += 1
    return start, end + 1


def speaker_tokens(head: Any) -> tuple[int, int]:
    """Token range [start, end) naming the speaker headed by `head`: its subtree with
    relative clauses, appositions and the like cut off, widened to the whole named
    entity ("Hossein Amir-Abdollahian")."""
    cut: set[int] = set()
    for child in head.children:
        if child.dep_ in SPEAKER_CUT_DEPS:
            cut.update(t.i for t in child.subtree)
    start, end = contiguous(head, cut)
    doc = head.doc
    while start < end - 1 and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    if head.ent_type_:
        ent = entity_at(doc, head.i)
        if ent is not None and "\n" not in doc[ent[0]:ent[1]].text:
            start, end = min(start, ent[0]), max(end, ent[1])
    return start, end


def entity_at(doc: Any, i: int) -> tuple[int, int] | None:
    """Token range [start, end) of the entity of `doc.ents` holding token `i`, read
    from the tokens' IOB tags the way `Doc.ents` reads them (a "B" with a label opens
    one, "I" continues it), without building every entity's Span."""
    j = i
    while j > 0 and doc[j].ent_iob == 1:  # I
        j -= 1
    first = doc[j]
    if first.ent_iob != 3 or first.ent_type == 0:  # not a labelled B: no entity
        return None
    k, n = i + 1, len(doc)
    while k < n and doc[k].ent_iob == 1:
        k += 1
    return j, k


def cue_text(verb: Any) -> str:
    """The cue as written: "said", "told", "pointed out", "according to"."""
    if verb.lower_ == "according":
        return "according to"
    particle = NEEDS_PARTICLE.get(verb.lemma_.lower())
    return f"{verb.text} {particle}" if particle else verb.text
