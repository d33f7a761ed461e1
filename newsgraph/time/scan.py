"""Run the tagger's rules over only the parts of a text where they can match.

A rule's regular expression tried at every character of an article costs about as
much as the rest of the time stage together, and most of an article names no date.
Two facts narrow the scan without changing what it finds:

- Some characters no rule can match, not even inside a lookaround: quotation marks,
  brackets, "!" and "?" (`BARRIERS`; each rule is checked against them, from its
  parsed pattern, the first time it is used). A match never spans one, and no attempt
  reads past one, so the text falls into segments between them that can be scanned
  alone (the barrier itself stays visible to a lookahead, and a lookbehind sees the
  text before the segment, as `Pattern.finditer(text, pos, endpos)` allows).
- Every match of a rule with words in the tagger's `_NEEDS` contains one of them:
  a segment without any of its words holds no match of that rule.

So each rule runs over the runs of consecutive segments holding one of its words, and
finds what it finds over the whole text. A rule that could match a barrier, or match
the empty string, or a text whose lowercase form has another length, is scanned whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

# Characters no rule matches (checked per rule by `_segmentable`).
BARRIERS = "\"“”()[]{}!?…"
_BARRIER_RE = re.compile("[" + re.escape(BARRIERS) + "]")
# Below this many segments the whole text is scanned: there is little to skip.
MIN_SEGMENTS = 4

_segmentable_cache: dict[str, bool] = {}


def _char_test(pattern: str) -> Any:
    return re.compile(pattern).fullmatch


_IS_DIGIT, _IS_SPACE, _IS_WORD = _char_test(r"\d"), _char_test(r"\s"), _char_test(r"\w")


def _may_match(items: Any, ch: str, constants: Any) -> bool:
    """Whether any item of a parsed pattern could match (or peek at) `ch`; unknown
    items are taken to match."""
    c = constants
    forms = {ch, ch.lower(), ch.upper(), ch.casefold()}
    for op, av in items:
        if op is c.LITERAL:
            if chr(av) in forms or chr(av).lower() in forms:
                return True
        elif op is c.AT:
            continue
        elif op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    if chr(iav) in forms or chr(iav).lower() in forms:
                        return True
                elif iop is c.RANGE:
                    if any(iav[0] <= ord(f) <= iav[1] for f in forms if len(f) == 1):
                        return True
                elif iop is c.CATEGORY:
                    test = {c.CATEGORY_DIGIT: _IS_DIGIT, c.CATEGORY_SPACE: _IS_SPACE,
                            c.CATEGORY_WORD: _IS_WORD}.get(iav)
                    if test is None or test(ch):
                        return True
                else:  # NEGATE and anything else
                    return True
        elif op is c.BRANCH:
            if any(_may_match(p, ch, c) for p in av[1]):
                return True
        elif op is c.SUBPATTERN:
            if _may_match(av[3], ch, c):
                return True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if _may_match(av[2], ch, c):
                return True
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if _may_match(av[1], ch, c):
                return True
        elif op is c.ATOMIC_GROUP:
            if _may_match(av, ch, c):
                return True
        elif op is c.GROUPREF_EXISTS:
            if _may_match(av[1], ch, c) or (av[2] is not None and _may_match(av[2], ch, c)):
                return True
        else:  # ANY, NOT_LITERAL, GROUPREF, ...
            return True
    return False


def _segmentable(rule: str, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` can match no barrier character and never the empty string."""
    found = _segmentable_cache.get(rule)
    if found is None:
        try:
            from re import _constants, _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(pattern.pattern, pattern.flags)
            found = parsed.getwidth()[0] > 0 and not any(
                _may_match(parsed, ch, _constants) for ch in BARRIERS)
        except Exception:  # noqa: BLE001 - another Python's internals: scan whole
            found = False
        _segmentable_cache[rule] = found
    return found


class Segments:
    """A text cut at its barrier characters, with the words of `words` each segment
    holds (as bit masks over the segments)."""

    def __init__(self, text: str, low: str, words: Sequence[str]) -> None:
        self.text = text
        cuts = [m.start() for m in _BARRIER_RE.finditer(text)]
        self.usable = len(low) == len(text) and len(cuts) + 1 >= MIN_SEGMENTS
        # segment k: [starts[k], ends[k]); ends[k] is its barrier's offset (or the end)
        self.starts = [0, *(c + 1 for c in cuts)]
        self.ends = [*cuts, len(text)]
        self.masks: dict[str, int] = {}
        if not self.usable:
            return
        pieces = [low[a:b] for a, b in zip(self.starts, self.ends, strict=True)]
        for w in words:
            mask = 0
            for k, piece in enumerate(pieces):
                if w in piece:
                    mask |= 1 << k
            self.masks[w] = mask

    def finditer(self, rule: str, pattern: re.Pattern[str], needs: Sequence[str] | None
                 ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`, over only the segments holding one of `needs`."""
        text = self.text
        if needs is None or not self.usable or not _segmentable(rule, pattern):
            yield from pattern.finditer(text)
            return
        mask = 0
        for w in needs:
            found = self.masks.get(w)
            if found is None:  # a word not indexed: no narrowing
                yield from pattern.finditer(text)
                return
            mask |= found
        n = len(text)
        k = 0
        while mask:
            if not mask & 1:
                skip = (mask & -mask).bit_length() - 1
                mask >>= skip
                k += skip
                continue
            run = (~mask & (mask + 1)).bit_length() - 1  # consecutive segments set
            start, end = self.starts[k], self.ends[k + run - 1]
            # the barrier ending the run stays visible to a lookahead
            yield from pattern.finditer(text, start, min(n, end + 1))
            mask >>= run
            k += run


__all__ = ["BARRIERS", "Segments"]
