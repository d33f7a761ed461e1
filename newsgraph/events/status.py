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
PLAN_ADJECTIVES = frozenset({"planned", "upcoming", "proposed", "scheduled", "next",
                             "forthcoming", "expected", "possible", "potential"})

# "prepared to lift", "willing to withdraw": an offer, a plan.
READY_WORDS = frozenset({"ready", "prepared", "willing", "determined", "eager", "poised"})
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
# Verbs that call off the event they take as object: "scrapped the talks", "called off
# the summit", "pulled out of the meeting". The event was not held as planned (nor on
# the day of the calling off).
CANCEL_VERBS = frozenset({"cancel", "scrap", "postpone", "shelve", "scuttle", "axe"})
CANCEL_PHRASES = frozenset({("call", "off"), ("pull", "out"), ("back", "out")})
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


def _calls_off(cur: Any, head: Any) -> bool:
    """Whether `head` calls off the event `cur` ("cancelled the summit", "called the
    summit off", "pulled out of the talks")."""
    if cur.dep_ == "dobj" and head.lemma_.lower() in CANCEL_VERBS:
        return True
    if cur.dep_ == "dobj" and any((head.lemma_.lower(), c.lower_) in CANCEL_PHRASES
                                  for c in head.children if c.dep_ == "prt"):
        return True
    if cur.dep_ == "pobj" and head.lower_ == "of":
        verb = head.head if head.head.lower_ != "out" else head.head.head
        words = {c.lower_ for c in verb.children} | {head.head.lower_}
        return "out" in words and (verb.lemma_.lower(), "out") in CANCEL_PHRASES
    return False


# Verbs whose object is an event still to come: "expects a summit", "sought a meeting".
AWAIT_VERBS = frozenset({"expect", "anticipate", "await", "seek", "want", "propose",
                         "request", "plan", "schedule", "arrange", "prepare"})
# Prepositions of time and circumstance: what they introduce frames the verb above.
ADJUNCT_PREPS = frozenset({"after", "before", "during", "since", "following", "until",
                           "amid", "despite", "upon", "ahead", "prior"})
# Adverbs with which a claim is told as untrue: "claimed falsely that Lee had met Park".
FALSE_ADVERBS = frozenset({"falsely", "wrongly", "baselessly", "erroneously", "mistakenly"})


def _told_falsely(token: Any) -> bool:
    """Whether a verb of saying above `token` is told as untrue ("falsely claimed that")."""
    cur = token
    for _ in range(5):
        if cur.head is cur:
            return False
        head = cur.head
        if cur.dep_ == "ccomp" and head.lemma_.lower() in CLAIM_VERBS | {"suggest", "insist"}:
            return any(c.dep_ == "advmod" and c.lower_ in FALSE_ADVERBS
                       for c in head.children)
        cur = head
    return False


def status_of(token: Any, *, absorbed_by: Any = None) -> str:
    """The status of the event whose clause is headed by `token`.

    `absorbed_by` is the matrix trigger ("pledged" for "pledged to strengthen") when
    the token is its complement: then the matrix verb's own status is not inherited
    as a plan. What a claim told as untrue says is denied."""
    if _told_falsely(token):
        return "denied"
    return _status_of(token, absorbed_by=absorbed_by)


def _status_of(token: Any, *, absorbed_by: Any = None) -> str:
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
        if _calls_off(cur, head):
            return "negated"
        if cur.dep_ == "dobj" and lemma in AWAIT_VERBS and head is not absorbed_by \
                and _own(head) != "negated":
            return "planned"
        # "after the meeting, Lee rejected the offer": the meeting is the time of the
        # rejecting, not what is rejected or claimed
        framed = cur.dep_ == "prep" and cur.lower_ in ADJUNCT_PREPS
        if lemma in DENY_VERBS and head is not absorbed_by and not framed:
            return "denied"
        if lemma in CLAIM_VERBS and head is not absorbed_by and cur.dep_ != "conj" \
                and not framed:
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
