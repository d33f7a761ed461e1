"""Event status from the parse: reported, planned, claimed, denied, hypothetical,
negated ("will meet", "accused Iran of supplying", "denied sending", "if they meet",
"did not meet")."""

from __future__ import annotations

from typing import Any

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "may", "might", "should", "can", "ca"})
NEG_WORDS = frozenset({"not", "n't", "never", "no"})
CLAIM_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly",
                           "apparently"})
# Matrix verbs whose complement is a plan, not a fact: "moved to reimpose",
# "plans to visit", "is to visit", "is set to sign".
PLAN_VERBS = frozenset({"plan", "intend", "expect", "schedule", "set", "prepare", "move",
                        "seek", "aim", "hope", "want", "be", "go", "propose", "decide",
                        "wish", "agree", "pledge", "promise", "vow",
                        "offer", "threaten", "plot"})
CLAIM_VERBS = frozenset({"accuse", "allege", "claim", "suspect", "blame", "charge",
                         "say", "believe", "report", "think", "rumor", "rumour"})
DENY_VERBS = frozenset({"deny", "dismiss", "refute", "reject"})
HYPO_MARKS = frozenset({"if", "unless", "whether"})
PLAN_ADJECTIVES = frozenset({"planned", "upcoming", "proposed", "scheduled",
                             "forthcoming", "expected", "possible", "potential"})

# "prepared to lift", "willing to withdraw": an offer, a plan.
READY_WORDS = frozenset({"ready", "prepared", "willing", "determined", "eager", "poised"})
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
OCCUR_VERBS = frozenset({"take", "begin", "start", "happen", "hold", "occur", "open",
                         "go", "resume", "continue"})

STATUS_ORDER = ("negated", "denied", "claimed", "hypothetical", "planned", "reported")


def _own(token: Any) -> str | None:
    """What the token's own auxiliaries, negation and adverbs say."""
    kids = list(token.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in kids):
        return "negated"
    if any(c.lower_ in CLAIM_ADVERBS for c in kids):
        return "claimed"
    if any(c.dep_ == "mark" and c.lower_ in HYPO_MARKS for c in kids):
        return "hypothetical"
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if auxes & MODAL_AUX:
        return "hypothetical"
    if auxes & FUTURE_AUX:
        return "planned"
    if "going" in auxes or any(c.dep_ == "amod" and c.lower_ in PLAN_ADJECTIVES
                               for c in kids):
        return "planned"
    return None


def status_of(token: Any, *, absorbed_by: Any = None) -> str:
    """The status of the event whose clause is headed by `token`.

    `absorbed_by` is the matrix trigger ("pledged" for "pledged to strengthen") when
    the token is its complement: then the matrix verb's own status is not inherited
    as a plan."""
    found = _own(token)
    if found:
        return found
    cur = token
    hops = 0
    while cur.dep_ in ("xcomp", "conj", "pcomp", "prep", "ccomp", "advcl", "dobj", "pobj",
                       "nsubj", "nsubjpass", "relcl", "acl") and hops < 6:
        head = cur.head
        hops += 1
        lemma = head.lemma_.lower()
        if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in HYPO_MARKS
                                       for c in cur.children):
            return "hypothetical"
        if cur.dep_ in ("nsubj", "nsubjpass", "relcl", "acl", "advcl"):
            # "the meeting will take place" is planned; "this visit would mark a turning
            # point" says nothing about the visit itself
            if cur.dep_ in ("nsubj", "nsubjpass") and lemma in OCCUR_VERBS:
                return _own(head) or "reported"
            return "reported"
        if lemma in DENY_VERBS and head is not absorbed_by:
            return "denied"
        if lemma in CLAIM_VERBS and head is not absorbed_by and cur.dep_ != "conj":
            if lemma in ("say", "report", "think", "believe"):
                # "is said to have supplied" (passive) is a claim; "X said Y met" reports
                if any(c.dep_ == "auxpass" for c in head.children) and cur.dep_ == "xcomp":
                    return "claimed"
                return _own(head) if _own(head) == "negated" else "reported"
            return "claimed"
        own = _own(head)
        if own and (cur.dep_ == "conj" or own != "planned" or head is not absorbed_by):
            return own
        if cur.dep_ == "xcomp" and lemma in PLAN_VERBS and head is not absorbed_by:
            return "planned"
        if cur.dep_ == "xcomp" and lemma in READY_WORDS:
            return "planned"
        if cur.dep_ == "xcomp" and lemma in FAIL_VERBS:
            return "negated"
        if cur.dep_ in ("ccomp",):
            return "reported"
        cur = head
    return "reported"


__all__ = ["STATUS_ORDER", "status_of"]
