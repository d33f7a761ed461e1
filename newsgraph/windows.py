"""Long articles, one window at a time: cost linear in length, memory bounded.

Several stages look at the whole document for each thing they find (the sentences
around a mention, every token of the Doc, every mention so far), which is harmless
for a news article of a few thousand characters and quadratic for a long one: one
article of 200 kB took 33 s, 1 MB over ten minutes. So an article whose cleaned text
is longer than `limits.window()` characters goes through the stages after cleaning
one window at a time: whole paragraphs (a cut falls after a line break, else after a
sentence, else at a space), each window a sub-article with the article's metadata.
What the windows find is moved to the article's offsets and collected in order; the
first window's date inference (a dateline, a date read from the text) is the
article's, as it would be for the whole text. The article keeps no `doc` (each
window's is dropped after its stages: that bounds memory).

`parse_text` gives one Doc over any length the same way, by `Doc.from_docs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import limits
from .model import Article

if TYPE_CHECKING:
    from .stages import Stage


def needed(article: Article) -> bool:
    """Whether `article` (cleaned) is too long for the stages to see at once."""
    return len(article.text or "") > limits.window()


def cuts(text: str, size: int) -> list[tuple[int, int]]:
    """[start, end) pieces of `text`, each at most `size` characters, together the
    whole text: cut after a line break in the second half of a window if there is
    one, else after a sentence end, else after a space, else at `size`."""
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        limit = start + size
        floor = start + size // 2
        cut = text.rfind("\n", floor, limit)
        if cut >= 0:
            cut += 1
        else:
            cut = max(text.rfind(". ", floor, limit - 1), text.rfind("? ", floor, limit - 1),
                      text.rfind("! ", floor, limit - 1))
            cut = cut + 2 if cut >= 0 else text.rfind(" ", floor, limit) + 1
            if cut <= floor:
                cut = limit
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _sub_article(article: Article, text: str) -> Article:
    return Article(source=article.source, raw=text, title=article.title,
                   outlet=article.outlet, url=article.url, published=article.published,
                   published_basis=article.published_basis,
                   user_published=article.user_published, text=text, removed=[],
                   dateline=article.dateline)


def _shift(sub: Article, offset: int) -> None:
    for timex in sub.timexes:
        timex.start += offset
        timex.end += offset
    for mention in sub.mentions:
        mention.start += offset
        mention.end += offset
    for quote in sub.quotes:
        quote.start += offset
        quote.end += offset
        if quote.speaker_span is not None:
            quote.speaker_span = (quote.speaker_span[0] + offset,
                                  quote.speaker_span[1] + offset)
    for event in sub.events:
        event.start += offset
        event.end += offset


def run(article: Article, *, ctx: Any, stages: Sequence[Stage]) -> None:
    """Run `stages` (parse and those after it) over `article` window by window."""
    text = article.text
    article.doc = None
    article.timexes, article.mentions, article.quotes, article.events = [], [], [], []
    for k, (start, end) in enumerate(cuts(text, limits.window())):
        sub = _sub_article(article, text[start:end])
        for stage in stages:
            stage.fn(sub, ctx=ctx)
        if k == 0:  # the article's own date, as the first window found it
            article.published, article.published_basis = sub.published, sub.published_basis
            article.date_interval = sub.date_interval
        _shift(sub, start)
        article.timexes += sub.timexes
        article.mentions += sub.mentions
        article.quotes += sub.quotes
        article.events += sub.events
        sub.doc = None


def parse_text(nlp: Any, text: str) -> Any:
    """One spaCy Doc over `text` of any length: parsed a window at a time and joined
    (the Doc's text is `text` exactly)."""
    size = limits.window()
    if len(text) <= size:
        return nlp(text)
    from spacy.tokens import Doc

    docs = list(nlp.pipe(text[a:b] for a, b in cuts(text, size)))
    return Doc.from_docs(docs, ensure_whitespace=False)
