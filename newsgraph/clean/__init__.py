"""Stage 2, clean: remove boilerplate lines, read metadata printed in the text.

`clean(article)` sets `article.text` (the body, one paragraph a line, blank lines
kept), `article.removed` (every line or prefix taken out, verbatim), `article.dateline`,
and the title, outlet and publication date the text prints where the user gave none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article
from ..time import dateline
from . import metadata as meta
from .patterns import (
    MAX_HEADLINE_WORDS,
    SENTENCE_END,
    is_boilerplate,
    is_bullet,
    is_headline,
    is_label,
    is_sentence,
    strip_bullet,
    words,
)

__all__ = ["clean"]

# A title line at the top holds at most this many words (longest seed title: 17).
MAX_TITLE_WORDS = 30
# A line with this many words or more, ending like a sentence, opens the story body:
# header material (labels, dates, bylines) comes before it.
BODY_MIN_WORDS = 8
# A text is hard-wrapped when at least this share of its lines run on into the next
# line of the same paragraph (scraped news has one paragraph a line: share ~0).
WRAPPED_SHARE = 0.5
# Hard-wrapped text has lines no wider than this (72-100 columns in practice), and a
# line that runs on fills at least this share of that width.
MAX_WRAP_WIDTH = 120
WRAP_FILL = 0.6

# Label-like lines in a run this long are a list or table, not subheads (seed
# subheads stand alone; tour dates and score tables in the benchmark come in runs).
LIST_RUN = 3

# "Thursday,President" -> "Thursday, President" (004); "1,000" and "U.S." stay.
_MISSING_SPACE = re.compile(r"(?<=[a-z]{2})([,;])(?=[A-Z][a-z])")
_BLANK = ""


@dataclass
class _State:
    article: Article
    removed: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None


def clean(article: Article) -> None:
    """Set `article.text` and `article.removed`; fill title/outlet/published from the
    text where the user gave none (`published_basis="text"`)."""
    state = _State(article)
    lines = _unwrap(article.raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    keep = [True] * len(lines)
    body_start = _header(lines, keep, state)
    _body(lines, keep, state, start=body_start)
    _tail(lines, keep)
    kept = [lines[i].strip() if keep[i] else None for i in range(len(lines))]
    seen = set(state.removed)  # a set: a long text removes thousands of lines
    for i in range(len(lines)):
        line = lines[i].strip()
        if not keep[i] and line and line not in seen:
            seen.add(line)
            state.removed.append(line)
    _dateline(kept, state)
    kept = _name_cards(kept, state)
    article.text = _join(kept)
    article.removed = state.removed
    if not article.user_published and not article.published:
        date = state.published or state.updated
        if date:
            article.published = date
            article.published_basis = "text"


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines of one paragraph where the text is hard-wrapped ("...the\\nsummit")."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < 4:
        return lines
    width = max(len(lines[i].strip()) for i in nonblank)

    def runs_on(line: str) -> bool:
        # Wrapped lines fill the width; a headline or label above the body does not.
        return len(line) >= WRAP_FILL * width and not is_sentence(line)

    wrapped = width <= MAX_WRAP_WIDTH and sum(
        1 for i in nonblank if i + 1 < len(lines) and lines[i + 1].strip()
        and runs_on(lines[i].strip())) / len(nonblank) >= WRAPPED_SHARE
    out: list[str] = []
    prev = ""  # the previous physical line, stripped
    for line in lines:
        stripped = line.strip()
        joins = (out and prev and stripped and not is_sentence(prev)
                 and not is_bullet(stripped)
                 and ((wrapped and runs_on(prev)) or stripped[:1].islower()))
        if joins:
            out[-1] = f"{out[-1].rstrip()} {stripped}"
        else:
            out.append(line)
        prev = stripped
    return out


def _is_body(line: str) -> bool:
    bare = line.strip()
    return words(bare) >= BODY_MIN_WORDS and (is_sentence(bare) or words(bare) > MAX_TITLE_WORDS)


def _header(lines: list[str], keep: list[bool], state: _State) -> int:
    """Read the lines before the story body; return the index where the body starts."""
    article = state.article
    first = True
    for i, line in enumerate(lines):
        bare = line.strip()
        if not bare:
            continue
        if first:
            first = False
            if _take_title(bare, lines[i + 1:], article):
                keep[i] = False
                continue
        if _is_body(bare) and not is_boilerplate(bare) and not meta.published_line(bare):
            return i
        if _metadata(bare, state):
            keep[i] = False
        elif name := meta.outlet_name(bare):
            keep[i] = False
            article.outlet = article.outlet or name
        elif is_boilerplate(bare):
            keep[i] = False
        elif is_label(bare) or (is_bullet(bare) and is_headline(bare)):
            keep[i] = False
        else:
            return i
    return len(lines)


def _take_title(line: str, rest: list[str], article: Article) -> bool:
    if article.title and _norm(line) == _norm(article.title):
        return True
    if article.title or not any(r.strip() for r in rest):
        return False
    if is_bullet(line) or words(line) > MAX_TITLE_WORDS or is_boilerplate(line):
        return False
    if meta.published_line(line) or meta.is_byline(line):
        return False
    if SENTENCE_END.search(line) and not line.endswith(("?", "!")):
        return False
    article.title = line
    return True


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _metadata(line: str, state: _State) -> bool:
    """Take a publication-date line or byline (recording its date); False if neither."""
    found = meta.published_line(line)
    if found:
        kind, date = found
        if kind == "published":
            state.published = state.published or date
        else:
            state.updated = state.updated or date
        return True
    return meta.is_byline(line)


def _body(lines: list[str], keep: list[bool], state: _State, *, start: int) -> None:
    for i in range(start, len(lines)):
        bare = lines[i].strip()
        if not bare or not keep[i]:
            continue
        if is_boilerplate(bare) or _metadata(bare, state):
            keep[i] = False
            if re.match(r"^\W*(?:related|read more|more|see also|also read)\b",
                        strip_bullet(bare), re.I):
                _drop_link_list(lines, keep, i + 1)
        elif (is_label(bare) and not is_bullet(bare)
              and not bare.startswith(("“", '"', "‘", "'"))
              and not _in_list(lines, i)):
            keep[i] = False


def _in_list(lines: list[str], i: int) -> bool:
    """Whether line `i` is one of a run of label-like lines (a table or a list of dates,
    kept as content) rather than a lone subhead between paragraphs."""
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and run < LIST_RUN:
            bare = lines[j].strip()
            if bare:
                if not is_label(bare):
                    break
                run += 1
            j += step
    return run >= LIST_RUN


def _drop_link_list(lines: list[str], keep: list[bool], start: int) -> None:
    """Drop the headline lines after a "Related:" / "Read more:" line."""
    for i in range(start, len(lines)):
        bare = lines[i].strip()
        if not bare:
            continue
        if not is_headline(bare):
            return
        keep[i] = False


def _tail(lines: list[str], keep: list[bool]) -> None:
    """Drop the related-links list at the end: a run of headline lines after the story."""
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        bare = lines[i].strip()
        if not bare or not keep[i]:
            continue
        if is_headline(bare) and words(strip_bullet(bare)) <= MAX_HEADLINE_WORDS:
            run.append(i)
            continue
        break
    bullets = sum(1 for i in run if is_bullet(lines[i].strip()))
    if len(run) >= 2 or bullets:
        for i in run:
            keep[i] = False


def _dateline(kept: list[str | None], state: _State) -> None:
    """Strip a dateline or wire tag from the first body line, recording what it says."""
    article = state.article
    for n, line in enumerate(kept):
        if not line:
            continue
        found = dateline.split_dateline(line)
        if found is None:
            return
        prefix, place, date_text, tag = found
        rest = line[len(prefix):]
        if not rest[:1].isalnum() and rest[:1] not in "\"“‘'":
            return
        kept[n] = rest
        state.removed.insert(0, prefix.strip())
        article.dateline = place
        if tag and not article.outlet:
            article.outlet = dateline.agency_outlet(tag)
        if date := dateline.dateline_date(date_text):
            state.published = state.published or date
        return


# A link card scraped into the sentence after a linked name: the person's full name,
# glued to the first of the linked headlines, the headlines, then "MORE": "Senator Ann
# Berg Ann Louise BergBerg wins vote on budget Critics fault plan MORE said on Monday".
# The full name is left out (the name before it stands), and the headlines, text the
# page printed, go to a paragraph of their own after the sentence's.
_GLUED = re.compile(r"\b([A-Z][a-z'’-]+)(?=[A-Z0-9\"“‘'])")
_MORE = re.compile(r" MORE\b")
CARD_NAME_WORDS = 6  # words of a full name between the linked name and its glued end
CARD_CHARS = 700  # the headlines of one card


def _name_cards(kept: list[str | None], state: _State) -> list[str | None]:
    out: list[str | None] = []
    for line in kept:
        if not line or " MORE" not in line:
            out.append(line)
            continue
        heads: list[str] = []
        pos = 0
        while (glue := _GLUED.search(line, pos)) is not None:
            pos = glue.end()
            more = _MORE.search(line, glue.end(), glue.end() + CARD_CHARS)
            before = line[:glue.start()].split(" ")
            surname = glue.group(1)
            back = [i for i in range(len(before) - 2, max(-1, len(before) - 2 - CARD_NAME_WORDS),
                    -1) if before[i].rstrip(",") == surname]
            if more is None or not back:
                continue
            start = len(" ".join(before[:back[0] + 1]))
            state.removed.append(line[start:glue.end()].strip())
            heads.append(line[glue.end():more.start()].strip())
            tail = line[more.end():]
            line = line[:start] + ("" if tail[:1] in ",.;:" else " ") + tail.lstrip()
            pos = start
        out.append(line)
        out += heads
    return out


def _join(kept: list[str | None]) -> str:
    """Kept lines as text: one paragraph a line, at most one blank line between."""
    out: list[str] = []
    for line in kept:
        if line is None:
            continue
        if not line:
            if out and out[-1] != _BLANK:
                out.append(_BLANK)
            continue
        out.append(_MISSING_SPACE.sub(r"\1 ", line))
    while out and out[-1] == _BLANK:
        out.pop()
    return "\n".join(out)
