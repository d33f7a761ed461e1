"""The per-article pipeline: the stages of `newsgraph.stages`, in order, over articles.

    read -> clean -> parse -> time -> actors -> quotes -> events

The cross-document stages (dedupe, reconcile) run in the store, over many articles.
`process_many` runs batches (parse through `nlp.pipe`) in this process, or in worker
processes (`newsgraph.parallel`) that each load the model and the KB once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .batching import BATCH_SIZE, batches
from .kb import KnowledgeBase
from .model import Article
from .stages import (
    STAGES,
    Context,
    Failure,
    Options,
    Stage,
    StageError,
    StageOrderError,
    as_result,
    check_order,
    load_kb,
    load_nlp,
    run_stages,
    stage_index,
    through,
)


class Pipeline:
    """Runs the stages over articles. The spaCy model and the KB load once, lazily.
    `stages` (default: all of STAGES) are checked once, here, to come in an order where
    each finds what it requires."""

    def __init__(self, *, options: Options | None = None, kb: KnowledgeBase | None = None,
                 nlp: Any = None, stages: Sequence[Stage] | None = None) -> None:
        self.options = options or Options()
        self._kb = kb
        self._nlp = nlp
        self._names_kept = False
        self.stages = list(STAGES if stages is None else stages)
        if stages is not None:
            check_order(self.stages)

    @property
    def nlp(self) -> Any:
        if not self._names_kept:
            # the tokenizer keeps the KB's hyphenated given names whole (nlp.keep_names),
            # whether the model was given or loaded here
            from .nlp import keep_names

            if self._nlp is None:
                self._nlp = load_nlp(self.options)
            keep_names(self._nlp, self.kb.person_names())
            self._names_kept = True
        return self._nlp

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb(self.options)
        return self._kb

    def context(self) -> Context:
        return Context(nlp=self.nlp, kb=self.kb, options=self.options)

    def process(self, article: Article, *, until: str | None = None) -> Article:
        """Run every stage (or those up to and including `until`) over one article; a
        long article goes through parse and the stages after it a window at a time."""
        from . import windows

        ctx = self.context()
        # a long article goes through the stages after cleaning a window at a time
        # (newsgraph/windows.py); parsing alone joins the windows' Docs into one
        for k, stage in enumerate(self.stages):
            if stage.batched_parse and until != stage.name and windows.needed(article):
                windows.run(article, ctx=ctx, stages=through(self.stages[k:], until))
                break
            stage.fn(article, ctx=ctx)
            if stage.name == until:
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

    def process_many(self, articles: Iterable[Article], *, jobs: int = 1,
                     batch_size: int = BATCH_SIZE,
                     after: str | None = None) -> Iterator[Article | StageError]:
        """Run the stages over many articles; yield each, in input order, or the
        `StageError` that stopped it. `after` names a stage already run (the CLI cleans
        in the parent to skip stored articles). jobs=1: in this process, parsing with
        `nlp.pipe`; jobs>1: that many worker processes, each with its own model and KB
        loaded from `options`; `article.doc` is dropped before an article comes back."""
        from . import parallel

        start = stage_index(self.stages, after)
        if jobs <= 1:
            ctx: Context | None = None  # loaded with the first article, not before
            for batch in batches(articles, batch_size):
                ctx = ctx or self.context()
                failed = run_stages(batch, ctx=ctx, start=start, batch_size=batch_size,
                                    stages=self.stages)
                yield from (as_result(a, f) for a, f in zip(batch, failed, strict=True))
        else:
            yield from parallel.process_many(articles, options=self.options, jobs=jobs,
                                             batch_size=batch_size, start=start,
                                             stages=self.stages)


def jobs_from(value: int | None) -> int:
    """Worker count for a --jobs value: 0 (or None) = every core this process may use."""
    if value:
        return value
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(batch: list[Article], *, ctx: Context, start: int = 0,
              batch_size: int = BATCH_SIZE) -> list[Article | StageError]:
    failed = run_stages(batch, ctx=ctx, start=start, batch_size=batch_size)
    return [as_result(a, f) for a, f in zip(batch, failed, strict=True)]


__all__ = ["BATCH_SIZE", "STAGES", "Context", "Failure", "Options", "Pipeline", "Stage",
           "StageError", "StageOrderError", "as_result", "jobs_from", "run_batch",
           "run_stages"]
