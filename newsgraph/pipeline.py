"""The per-article pipeline: an ordered list of named stages with one signature.

    read -> clean -> parse -> time -> actors -> quotes -> events

Each stage is `fn(article, *, ctx) -> None` and fills its own fields of the `Article`.
The cross-document stages (dedupe, reconcile) run in the store, over many articles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .model import Article


@dataclass
class Options:
    """Settings passed down to every stage (one place, no globals)."""

    model: str | None = None  # spaCy model name or path; None = the best installed
    kb_overrides: list[str] = field(default_factory=list)  # YAML/CSV files over the bundled KB


@dataclass
class Context:
    nlp: Any
    kb: Any
    options: Options


def _clean(article: Article, *, ctx: Context) -> None:
    from . import clean

    clean.clean(article)


def _parse(article: Article, *, ctx: Context) -> None:
    from . import nlp

    nlp.parse(article, nlp=ctx.nlp)


def _time(article: Article, *, ctx: Context) -> None:
    from . import time

    time.resolve(article, kb=ctx.kb)


def _actors(article: Article, *, ctx: Context) -> None:
    from . import actors

    actors.resolve(article, kb=ctx.kb)


def _quotes(article: Article, *, ctx: Context) -> None:
    from . import quotes

    quotes.extract(article, kb=ctx.kb)


def _events(article: Article, *, ctx: Context) -> None:
    from . import events

    events.extract(article, kb=ctx.kb)


Stage = Callable[..., None]
STAGES: list[tuple[str, Stage]] = [
    ("clean", _clean),
    ("parse", _parse),
    ("time", _time),
    ("actors", _actors),
    ("quotes", _quotes),
    ("events", _events),
]


class Pipeline:
    """Runs the stages over articles. The spaCy model and the KB load once, lazily."""

    def __init__(self, *, options: Options | None = None, kb: Any = None, nlp: Any = None):
        self.options = options or Options()
        self._kb = kb
        self._nlp = nlp

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from . import nlp

            self._nlp = nlp.load(self.options.model)
        return self._nlp

    @property
    def kb(self) -> Any:
        if self._kb is None:
            from .actors.kb import KB

            self._kb = KB.load(overrides=self.options.kb_overrides)
        return self._kb

    def context(self) -> Context:
        return Context(nlp=self.nlp, kb=self.kb, options=self.options)

    def process(self, article: Article, *, until: str | None = None) -> Article:
        """Run every stage (or those up to and including `until`) over one article."""
        ctx = self.context()
        for name, stage in STAGES:
            stage(article, ctx=ctx)
            if name == until:
                break
        return article

    def process_text(self, text: str, *, source: str = "<text>", published: str | None = None,
                     title: str | None = None, outlet: str | None = None) -> Article:
        article = Article(source=source, raw=text, title=title, outlet=outlet,
                          published=published,
                          published_basis="metadata" if published else None,
                          user_published=published is not None)
        return self.process(article)

    def run(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.process(article)
