"""Direct, indirect and mixed quotes with their cue and speaker.

Direct quotes come from the quote marks (marks.py); each is tied to the speech verb
right after it ("“...,” Putin said"), or right before it ("Putin told TASS, “...”"),
else it inherits the speaker of the quote before it when it is a paragraph of its own
(a quote running on, or the next quote of the same speaker). Indirect quotes are the
complement clause of a speech verb ("Pezeshkian said [that ...]") and "according to X"
sentences; one that contains quoted words is "mixed".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .. import doccache
from ..kb import KnowledgeBase
from ..model import Article, Quote
from .cues import (
    according_to,
    contiguous,
    cue_text,
    is_speech_verb,
    own_subject,
    same_paragraph,
    speaker_tokens,
    subject_of,
)
from .marks import Segment, find_segments, paragraphs

# Quoted fragments shorter than this, with no speech cue next to them, are scare quotes
# (“unilateralism.”, “turning point”, “lethal”): the issue sets the bar at ~4 words.
MIN_QUOTE_WORDS = 4
# How far after a closing mark the cue verb may sit: “...,” Russia's foreign ministry
# said (5 tokens), "the Iranian president added" (4); 10 leaves room for titles.
AFTER_CUE_MAX_TOKENS = 10
# Indirect content shorter than this ("he said so") is not worth a quote.
MIN_CLAUSE_WORDS = 3
# How far up the parse a quoted fragment may hang below the speech verb that governs it
# (said -> ccomp -> dobj -> the quoted words).
MAX_GOVERN_STEPS = 4
SENTENCE_END = frozenset({".", "!", "?", ";"})
LEADING_DROP = frozenset({"that", "whether", "if", ",", ":", "—", "–", "-"})
EXPLETIVES = frozenset({"it", "there"})


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    verb: Any = None  # the cue token
    speaker: tuple[int, int] | None = None  # token range of the speaker's words
    segment: Segment | None = None


class _Index:
    """Character offset -> token, over one doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.starts = doc.to_array("IDX").tolist()  # [t.idx for t in doc], in C
        strings = doc.vocab.strings
        verbs = {strings["VERB"], strings["AUX"]}
        according = strings["according"]
        # the tokens a speech verb or "according" can be, read in C: the loops below
        # look at these alone instead of making every token
        self.verbs, self.accordings = [], []
        for i, (pos, low) in enumerate(doc.to_array(["POS", "LOWER"]).tolist()):
            if pos in verbs:
                self.verbs.append(i)
            if low == according:
                self.accordings.append(i)

    @cached_property
    def text(self) -> str:
        return str(doccache.text(self.doc))  # Doc.text joins every token on each access

    def token(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)


def extract(article: Article, *, kb: KnowledgeBase | None = None) -> None:
    """Fill `article.quotes` (ordered by offset)."""
    doc = article.doc
    if doc is None or not article.text.strip():
        article.quotes = []
        return
    index = _Index(doc)
    segments = find_segments(article.text)
    drafts, pending = _direct(article.text, index, segments)
    drafts += _indirect(index, segments, drafts, pending)
    drafts += _according(index, drafts)
    for seg in pending:
        if not any(d.start <= seg.start and seg.end <= d.end for d in drafts) \
                and _words(index, seg.start, seg.end) >= MIN_QUOTE_WORDS \
                and _opens_sentence(article.text, index, seg):
            drafts.append(_Draft(seg.start, seg.end, "direct", segment=seg))
    article.quotes = [_to_quote(article, index, d) for d in _dedupe(drafts)]


def _to_quote(article: Article, index: _Index, draft: _Draft) -> Quote:
    doc = index.doc
    span = None
    actor = None
    if draft.speaker is not None:
        first, last = doc[draft.speaker[0]], doc[draft.speaker[1] - 1]
        span = (first.idx, last.idx + len(last.text))
        mention = article.mention_at(*span)
        actor = mention.actor if mention is not None else None
    return Quote(text=article.text[draft.start:draft.end], start=draft.start,
                 end=draft.end, kind=draft.kind, speaker=actor, speaker_span=span,
                 cue=cue_text(draft.verb) if draft.verb is not None else None)


def _words(index: _Index, start: int, end: int) -> int:
    lo, hi = index.token(start), index.token(max(start, end - 1))
    return sum(1 for t in index.doc[lo:hi + 1] if t.is_alpha or t.like_num)


def _opens_sentence(text: str, index: _Index, seg: Segment) -> bool:
    if seg.open_mark == seg.para_start:
        return True
    before = text[seg.para_start:seg.open_mark].rstrip()
    return not before or before[-1] in ".!?:"


def _cue(verb: Any) -> tuple[Any, tuple[int, int] | None] | None:
    """(cue token, speaker token range) for a speech verb or "according to"."""
    head = according_to(verb)
    if head is not None:
        return verb, speaker_tokens(head)
    if not is_speech_verb(verb):
        return None
    subject = subject_of(verb)
    if subject is not None and subject.lower_ in EXPLETIVES:
        return None
    return verb, speaker_tokens(subject) if subject is not None else None


def _cue_after(text: str, index: _Index, seg: Segment, nxt: Segment | None) -> Any:
    """“...,” Putin said. The quote must not end its own sentence (“... done.” He ...)."""
    if seg.close_mark is None:
        return None
    closing = text[seg.end:seg.close_mark].strip()
    after = text[seg.close_mark + 1:seg.close_mark + 2]
    if text[seg.end - 1] == "." and "," not in closing and after != ",":
        return None
    doc = index.doc
    first = index.token(seg.close_mark) + 1
    limit = min(first + AFTER_CUE_MAX_TOKENS, len(doc), index.token(seg.para_end - 1) + 1)
    if nxt is not None and nxt.para_start == seg.para_start:
        limit = min(limit, index.token(nxt.open_mark))
    for i in range(first, limit):
        if doc[i].text in SENTENCE_END:
            return None
        found = _cue(doc[i])
        if found is None:
            continue
        # only the speaker, adverbs and auxiliaries may stand between quote and cue:
        # not “binding nature” [of the resolution, saying]
        speaker = set(range(*found[1])) if found[1] else set()
        if all(j in speaker or doc[j].is_punct or doc[j].pos_ in ("ADV", "AUX", "PART")
               for j in range(first, i)):
            return found
        return None
    return None


def _cue_before(text: str, index: _Index, seg: Segment, prev: Segment | None) -> Any:
    """Putin said: “...” / Putin told TASS, “...” / ..., adding, “...”."""
    before = text[seg.para_start:seg.open_mark].rstrip()
    if not before:
        return None
    doc = index.doc
    last = index.token(seg.open_mark) - 1
    if last < 0:
        return None
    if before[-1] not in ",:—–" and not is_speech_verb(doc[last]):
        return None
    lo = max(index.token(seg.para_start), doc[last].sent.start)
    if prev is not None and prev.para_start == seg.para_start and prev.close_mark is not None:
        lo = max(lo, index.token(prev.close_mark) + 1)
    fallback = None
    for i in range(last, lo - 1, -1):
        found = _cue(doc[i])
        if found is None:
            continue
        if found[1] is not None and found[0].lower_ != "according":
            return found
        fallback = fallback or found
    return fallback


def _cue_in_previous_paragraph(index: _Index, text: str, para: tuple[int, int]) -> Any:
    """The cue of a paragraph ending with a colon ("Pezeshkian said:")."""
    if not text[para[0]:para[1]].endswith(":"):
        return None
    doc = index.doc
    last = index.token(para[1] - 1)
    for i in range(last, max(doc[last].sent.start, index.token(para[0])) - 1, -1):
        found = _cue(doc[i])
        if found is not None:
            return found
    return None


def _own_paragraph(text: str, seg: Segment) -> bool:
    if seg.open_mark != seg.para_start:
        return False
    if seg.close_mark is None:
        return True
    return text[seg.close_mark + 1:seg.para_end].strip() in ("", ".", ",")


def _direct(text: str, index: _Index,
            segments: list[Segment]) -> tuple[list[_Draft], list[Segment]]:
    """Quotes in quote marks that have a cue or a speaker to inherit; the rest are
    returned as pending (mixed-quote fragments, scare quotes, speakerless quotes)."""
    paras = paragraphs(text)
    para_no = {start: n for n, (start, _) in enumerate(paras)}
    drafts: list[_Draft] = []
    pending: list[Segment] = []
    previous: _Draft | None = None
    for k, seg in enumerate(segments):
        prev = segments[k - 1] if k else None
        nxt = segments[k + 1] if k + 1 < len(segments) else None
        found = _cue_after(text, index, seg, nxt)
        if found is None or found[0].lower_ == "according":
            found = _cue_before(text, index, seg, prev) or found
        draft = None
        if found is not None:
            draft = _Draft(seg.start, seg.end, "direct", verb=found[0], speaker=found[1],
                           segment=seg)
        elif _own_paragraph(text, seg):
            n = para_no[seg.para_start]
            found = _cue_in_previous_paragraph(index, text, paras[n - 1]) if n else None
            if found is not None:
                draft = _Draft(seg.start, seg.end, "direct", verb=found[0],
                               speaker=found[1], segment=seg)
            elif previous is not None and previous.segment is not None and (
                    seg.continued or para_no[previous.segment.para_start] >= n - 1):
                draft = _Draft(seg.start, seg.end, "direct", verb=previous.verb,
                               speaker=previous.speaker, segment=seg)
        elif (previous is not None and previous.segment is prev and prev is not None
              and prev.para_start == seg.para_start and _opens_sentence(text, index, seg)):
            # “...,” Cruz said. “What a bizarre world we're in.”
            draft = _Draft(seg.start, seg.end, "direct", verb=previous.verb,
                           speaker=previous.speaker, segment=seg)
        if draft is not None:
            drafts.append(draft)
            previous = draft
        else:
            pending.append(seg)
    return drafts, pending


def _trim(doc: Any, lo: int, hi: int) -> tuple[int, int]:
    """Token range [lo, hi) without leading "that"/punctuation and trailing punctuation."""
    while lo < hi and (doc[lo].lower_ in LEADING_DROP or doc[lo].is_punct
                       and doc[lo].text not in "“\"‘'"):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and doc[hi - 1].text not in "”\"’'":
        hi -= 1
    return lo, hi


def _inside(start: int, end: int, segments: list[Segment]) -> bool:
    return any(s.start <= start and end <= s.end for s in segments)


def _hangs_off(token: Any) -> bool:
    """Another speech report or a parenthetical inside a clause."""
    return (is_speech_verb(token) and own_subject(token) is not None
            or token.dep_ == "parataxis")


def _indirect(index: _Index, segments: list[Segment], drafts: list[_Draft],
              pending: list[Segment]) -> list[_Draft]:
    """The complement clause of a speech verb outside quote marks."""
    doc = index.doc
    quoted = [d.segment for d in drafts if d.segment is not None]
    out: list[_Draft] = []
    for verb in (doc[i] for i in index.verbs):  # is_speech_verb: VERB or AUX only
        if not is_speech_verb(verb) or _inside(verb.idx, verb.idx + 1, segments):
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not same_paragraph(verb, clause):
                continue
            # "[...], the presidency said in a statement" hangs off the clause: cut it
            cut = {t.i for d in clause.subtree if d is not clause and _hangs_off(d)
                   for t in d.subtree}
            lo, hi = _trim(doc, *contiguous(clause, cut))
            if hi - lo <= 0:
                continue
            start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
            inside_quotes = sum(max(0, min(end, s.outer_end) - max(start, s.open_mark))
                                for s in quoted)
            if inside_quotes * 2 > end - start:
                continue  # the parse of a direct quote: “...,” Putin said
            if _words(index, start, end) < MIN_CLAUSE_WORDS:
                continue
            found = _cue(verb)
            if found is None or found[1] is None:
                continue
            mixed = any(start < s.end and s.start < end for s in pending)
            out.append(_Draft(start, end, "mixed" if mixed else "indirect", verb=found[0],
                              speaker=found[1]))
    return out


def _according(index: _Index, drafts: list[_Draft]) -> list[_Draft]:
    """"..., according to X": the rest of the sentence is X's."""
    doc = index.doc
    out: list[_Draft] = []
    for token in (doc[i] for i in index.accordings):  # according_to: "according" only
        head = according_to(token)
        if head is None:
            continue
        sent = token.sent
        if any(d.start < sent.end_char and sent.start_char < d.end for d in drafts):
            continue
        para_lo, para_hi = _paragraph_tokens(index, token.i)
        prep_end = max(t.i for t in head.subtree) + 1
        left = _trim(doc, max(sent.start, para_lo), token.i)
        right = _trim(doc, prep_end, min(sent.end, para_hi))
        lo, hi = max(left, right, key=lambda r: r[1] - r[0])
        if hi - lo <= 0:
            continue
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if _words(index, start, end) < MIN_CLAUSE_WORDS:
            continue
        out.append(_Draft(start, end, "indirect", verb=token, speaker=speaker_tokens(head)))
    return out


def _paragraph_tokens(index: _Index, i: int) -> tuple[int, int]:
    """Token range [lo, hi) of the paragraph holding token `i`."""
    text = index.text
    char = index.doc[i].idx
    para_start = text.rfind("\n", 0, char) + 1
    para_end = text.find("\n", char)
    lo = index.token(para_start)
    hi = index.token(para_end) if para_end >= 0 else len(index.doc)
    return lo, max(hi, i + 1)


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """Drop a quote lying inside another (an indirect clause inside a quote)."""
    drafts = sorted(drafts, key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[_Draft] = []
    for d in drafts:
        if any(k.start <= d.start and d.end <= k.end and (k.start, k.end) != (d.start, d.end)
               or (k.start, k.end) == (d.start, d.end) for k in kept):
            continue
        kept.append(d)
    return kept
