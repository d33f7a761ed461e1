"""The per-article pipeline: an ordered list of named stages with one signature.

    read -> clean -> parse -> time -> actors -> quotes -> events

Each stage is `fn(article, *, ctx) -> None` and fills its own fields of the `Article`.
The cross-document stages (dedupe, reconcile) run in the store, over many articles.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .errors import NewsgraphError
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


# Articles parsed per `nlp.pipe` call and sent to a worker per task. Measured on 100
# allsides articles (en_core_web_md, shared 2-core machine): parse one at a time
# 18-19.5 s; nlp.pipe batches of 4: 16.4 s, 16: 16.3 s, 64: 18.1 s. 16 also keeps a
# worker's task short, so results come back steadily.
BATCH_SIZE = 16


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
        from . import windows

        ctx = self.context()
        # a long article goes through the stages after cleaning a window at a time
        # (newsgraph/windows.py); parsing alone joins the windows' Docs into one
        for k, (name, stage) in enumerate(STAGES):
            if name == "parse" and until != "parse" and windows.needed(article):
                windows.run(article, ctx=ctx, stages=_through(STAGES[k:], until))
                break
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

    def process_many(self, articles: Iterable[Article], *, jobs: int = 1,
                     batch_size: int = BATCH_SIZE,
                     after: str | None = None) -> Iterator[Article | StageError]:
        """Run the stages over many articles; yield each, in input order, or the
        `StageError` that stopped it. `after` names a stage already run (the CLI cleans
        in the parent to skip stored articles). jobs=1: in this process, parsing with
        `nlp.pipe`; jobs>1: that many worker processes, each with its own model and KB
        loaded from `options`; `article.doc` is dropped before an article comes back."""
        from . import parallel

        start = _stage_index(after)
        if jobs <= 1:
            ctx: Context | None = None  # loaded with the first article, not before
            for batch in _batches(articles, batch_size):
                ctx = ctx or self.context()
                yield from run_batch(batch, ctx=ctx, start=start, batch_size=batch_size)
        else:
            yield from parallel.process_many(articles, options=self.options, jobs=jobs,
                                             batch_size=batch_size, start=start)


class StageError(NewsgraphError):
    """A stage failed on one article; the others go on. `internal` is True for a bug
    (any exception that is not a NewsgraphError), and `detail` is its message."""

    def __init__(self, article: Article, *, stage: str, detail: str,
                 kind: str = "NewsgraphError", internal: bool = False) -> None:
        message = f"internal error ({kind}: {detail})" if internal else detail
        super().__init__(f"{article.source}: {message}")
        self.article = article
        self.stage = stage
        self.detail = detail
        self.kind = kind
        self.internal = internal


def jobs_from(value: int | None) -> int:
    """Worker count for a --jobs value: 0 (or None) = every core this process may use."""
    if value:
        return value
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _stage_index(after: str | None) -> int:
    if after is None:
        return 0
    names = [name for name, _ in STAGES]
    if after not in names:
        raise ValueError(f"no stage named {after!r} (stages: {', '.join(names)})")
    return names.index(after) + 1


def _through(stages: list[tuple[str, Stage]], until: str | None
             ) -> list[tuple[str, Stage]]:
    names = [name for name, _ in stages]
    return stages[: names.index(until) + 1] if until in names else stages


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, max(1, size))):
        yield batch


Failure = tuple[str, str, str, bool]  # stage, exception type, message, internal


def _failure(stage: str, e: Exception) -> Failure:
    return (stage, type(e).__name__, str(e), not isinstance(e, NewsgraphError))


def run_stages(batch: list[Article], *, ctx: Context, start: int = 0,
               batch_size: int = BATCH_SIZE) -> list[Failure | None]:
    """Run the stages from index `start` over a batch, stage by stage; the parse stage
    goes through `nlp.pipe`. Returns, per article, None or what stopped it."""
    from . import windows

    failed: list[Failure | None] = [None] * len(batch)
    windowed: set[int] = set()  # long articles: from parse on, one window at a time
    for k, (name, stage) in enumerate(STAGES[start:], start):
        if name == "parse":
            for i, article in enumerate(batch):
                if failed[i] is None and windows.needed(article):
                    windowed.add(i)
                    try:
                        windows.run(article, ctx=ctx, stages=STAGES[k:])
                    except (KeyboardInterrupt, MemoryError):
                        raise
                    except Exception as e:  # noqa: BLE001 - as for any stage below
                        failed[i] = _failure("parse", e)
        live = [i for i, f in enumerate(failed) if f is None and i not in windowed]
        if name == "parse" and stage is _parse and len(live) > 1:
            try:
                docs = ctx.nlp.pipe([batch[i].text for i in live], batch_size=batch_size)
                for i, doc in zip(live, docs, strict=True):
                    batch[i].doc = doc
                continue
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception:  # noqa: BLE001 - one text broke the batch: find which
                pass
        for i in live:
            try:
                stage(batch[i], ctx=ctx)
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception as e:  # a stage's bug on one article must not stop the rest
                failed[i] = _failure(name, e)
    return failed


def as_result(article: Article, failure: Failure | None) -> Article | StageError:
    if failure is None:
        return article
    stage, kind, detail, internal = failure
    return StageError(article, stage=stage, detail=detail, kind=kind, internal=internal)


def run_batch(batch: list[Article], *, ctx: Context, start: int = 0,
              batch_size: int = BATCH_SIZE) -> list[Article | StageError]:
    failed = run_stages(batch, ctx=ctx, start=start, batch_size=batch_size)
    return [as_result(a, f) for a, f in zip(batch, failed, strict=True)]
