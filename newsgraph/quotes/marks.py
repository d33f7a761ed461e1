"""Quotation marks: where quoted text starts and ends, paragraph by paragraph.

A quote that runs over paragraphs follows the newspaper convention: each paragraph
opens with a quote mark and only the last one closes. Single quotes are left alone:
they nest inside double quotes ("the 'red line' was crossed") and double as
apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> the marks that may close it (mixed typography is common in scraped text)
PAIRS: dict[str, str] = {"“": "”\"", "„": "“”\"", "«": "»", "\"": "\"”"}
# a straight quote opens only after one of these (or at a paragraph start)
OPEN_AFTER = " \t([{—–-/:;,"
TRAILING = " \t,"  # stripped from the end of quoted content: “..., ” he said
# Every character that opens or closes a quote: the others are stepped over unread.
_MARKS = re.compile("[" + re.escape("".join(sorted({c for k, v in PAIRS.items()
                                                     for c in k + v}))) + "]")


@dataclass
class Segment:
    """One stretch of quoted text inside one paragraph."""

    start: int  # content offsets (marks excluded)
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ends first
    para_start: int
    para_end: int
    continued: bool = False  # continues a quote left open in the previous paragraph

    @property
    def outer_end(self) -> int:
        """End of the segment including its closing mark."""
        return self.close_mark + 1 if self.close_mark is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines of `text` as (start, end), surrounding whitespace excluded."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        pos += len(line) + 1
    return spans


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def find_segments(text: str) -> list[Segment]:
    """Every double-quoted stretch of `text`, in order."""
    segments: list[Segment] = []
    left_open = False  # the previous paragraph ended inside a quote
    for para_start, para_end in paragraphs(text):
        continuing = left_open and text[para_start] in PAIRS
        left_open = False
        opener: str | None = None
        open_at = -1
        for mark in _MARKS.finditer(text, para_start, para_end):
            pos = mark.start()
            char = text[pos]
            if opener is None:
                if char in PAIRS and char != "\"" or (
                        char == "\"" and (pos == para_start or text[pos - 1] in OPEN_AFTER)):
                    opener, open_at = char, pos
                continue
            if char in PAIRS[opener]:
                start, end = _content(text, open_at + 1, pos)
                if end > start:
                    segments.append(Segment(start, end, open_at, pos, para_start, para_end,
                                            continued=continuing and open_at == para_start))
                opener = None
        if opener is not None:
            start, end = _content(text, open_at + 1, para_end)
            if end > start:
                segments.append(Segment(start, end, open_at, None, para_start, para_end,
                                        continued=continuing and open_at == para_start))
                left_open = True
    return segments
