"""The tagger's rules run over the segments of a text where they can match
(newsgraph/time/scan.py): a speed-up that must find what a scan of the whole text finds."""

from __future__ import annotations

import re

from newsgraph.time import scan, tagger

_TEXTS = [
    'He said: "We met on Monday (in Moscow) and will meet again next week!" Really? '
    "[Updated 5 p.m.] Talks on May 5, 2024 \u201cwent well\u201d \u2026 for three days.",
    "(2024-05-01) \u201cLast spring\u201d, (the past month): 10:30 GMT! Now? Every week.",
    '"""((()))" ! ? Nothing here at all, and no date.',
    "Two years ago (earlier this week) the third quarter \u201cperiod\u201d ended?",
    "the \u017fpring of 2001 (\u201cMay 5\u201d) and Jan. 3 (or 4)",
]


def test_segments_find_what_the_whole_text_scan_finds(monkeypatch) -> None:
    fast = [tagger._find(t) for t in _TEXTS]
    assert any(fast)
    monkeypatch.setattr(scan, "MIN_SEGMENTS", 10**9)  # every rule over the whole text
    assert fast == [tagger._find(t) for t in _TEXTS]


def test_every_rule_is_checked_free_of_barriers() -> None:
    assert all(scan._segmentable(rule, pattern) for rule, pattern in tagger.RULES)


def test_a_rule_that_may_match_a_barrier_is_scanned_whole() -> None:
    for i, pattern in enumerate(['a"', "a.", "[^a]b", r"a\W", r"x(?!\))", "a?", "x[!-#]"]):
        assert not scan._segmentable(f"_test{i}", re.compile(pattern, re.I)), pattern
    assert scan._segmentable("_test_ok", re.compile(r"(?<![\w$])\d+[\s,.;]x\b", re.I))
