"""The per-article stages, as records that say what each needs and fills:

    read -> clean -> parse -> time -> actors -> quotes -> events

Each stage is `fn(article, *, ctx) -> None` and fills its own fields of the `Article`
(`assigns`), reading fields an earlier stage filled (`requires`), like spaCy's
requires/assigns. `check_order` proves once, when a pipeline is built, that every
stage comes after the stages it needs. `run_stages` runs them over a batch, stage by
stage, the parse through `nlp.pipe`; `pipeline.Pipeline` and the worker processes of
`parallel` both run through it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import settings
from .batching import BATCH_SIZE
from .errors import NewsgraphError
from .kb import KnowledgeBase
from .model import Article

# What a reader fills: the input of the first stage.
READ_FIELDS = frozenset({"source", "raw", "title", "outlet", "url", "published",
                         "published_basis", "user_published"})


@dataclass
class Options:
    """Settings passed down to every stage (one place, no globals)."""

    model: str | None = None  # spaCy model name or path; None = the best installed
    kb_overrides: list[str] = field(default_factory=list)  # YAML/CSV files over the bundled KB


@dataclass
class Context:
    nlp: Any
    kb: KnowledgeBase
    options: Options


def load_nlp(options: Options, kb: KnowledgeBase | None = None) -> Any:
    """The model, its tokenizer keeping the given names of the KB's people whole."""
    from . import nlp

    model = nlp.load(settings.get("model", options.model))
    if kb is not None:
        nlp.keep_names(model, kb.person_names())
    return model


def load_kb(options: Options) -> KnowledgeBase:
    from .kb import KB

    return KB.load(overrides=options.kb_overrides)


@dataclass(frozen=True)
class Stage:
    name: str
    fn: Callable[..., None]
    requires: frozenset[str] = frozenset()
    assigns: frozenset[str] = frozenset()
    batched_parse: bool = False  # run over a batch through `ctx.nlp.pipe`


class StageOrderError(NewsgraphError):
    """A stage comes before a stage it needs (a bug in how a pipeline was put together)."""


def check_order(stages: Sequence[Stage], *, given: frozenset[str] = READ_FIELDS) -> None:
    have = set(given)
    names = set()
    for stage in stages:
        if stage.name in names:
            raise StageOrderError(f"stage {stage.name!r} appears twice")
        names.add(stage.name)
        missing = stage.requires - have
        if missing:
            raise StageOrderError(f"stage {stage.name!r} requires {', '.join(sorted(missing))}"
                                  ", which no stage before it assigns")
        have |= stage.assigns


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


def _fields(*names: str) -> frozenset[str]:
    return frozenset(names)


STAGES: list[Stage] = [
    Stage("clean", _clean, requires=_fields("raw"),
          assigns=_fields("text", "removed", "dateline", "published", "published_basis")),
    Stage("parse", _parse, requires=_fields("text"), assigns=_fields("doc"),
          batched_parse=True),
    Stage("time", _time, requires=_fields("text", "doc", "published", "dateline"),
          assigns=_fields("timexes", "date_interval")),
    Stage("actors", _actors, requires=_fields("text", "doc", "timexes", "date_interval"),
          assigns=_fields("mentions")),
    Stage("quotes", _quotes, requires=_fields("text", "doc", "mentions"),
          assigns=_fields("quotes")),
    Stage("events", _events, requires=_fields("text", "doc", "mentions", "timexes",
                                              "quotes"),
          assigns=_fields("events")),
]
check_order(STAGES)


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


Failure = tuple[str, str, str, bool]  # stage, exception type, message, internal


def _failure(stage: str, e: Exception) -> Failure:
    return (stage, type(e).__name__, str(e), not isinstance(e, NewsgraphError))


def stage_index(stages: Sequence[Stage], after: str | None) -> int:
    if after is None:
        return 0
    names = [s.name for s in stages]
    if after not in names:
        raise ValueError(f"no stage named {after!r} (stages: {', '.join(names)})")
    return names.index(after) + 1


def through(stages: Sequence[Stage], until: str | None) -> list[Stage]:
    """`stages` up to and including the one named `until` (all of them for None)."""
    names = [s.name for s in stages]
    return list(stages[: names.index(until) + 1] if until in names else stages)


def run_stages(batch: list[Article], *, ctx: Context, start: int = 0,
               batch_size: int = BATCH_SIZE,
               stages: Sequence[Stage] = STAGES) -> list[Failure | None]:
    """Run the stages from index `start` over a batch, stage by stage; the parse stage
    goes through `nlp.pipe`, and a long article through parse and the stages after it
    a window at a time (`windows`). Returns, per article, None or what stopped it."""
    from . import windows

    failed: list[Failure | None] = [None] * len(batch)
    windowed: set[int] = set()  # long articles: from parse on, one window at a time
    for k, stage in enumerate(stages[start:], start):
        if stage.batched_parse:
            for i, article in enumerate(batch):
                if failed[i] is None and windows.needed(article):
                    windowed.add(i)
                    try:
                        windows.run(article, ctx=ctx, stages=stages[k:])
                    except (KeyboardInterrupt, MemoryError):
                        raise
                    except Exception as e:  # noqa: BLE001 - as for any stage below
                        failed[i] = _failure(stage.name, e)
        live = [i for i, f in enumerate(failed) if f is None and i not in windowed]
        if stage.batched_parse and len(live) > 1:
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
                stage.fn(batch[i], ctx=ctx)
            except (KeyboardInterrupt, MemoryError):
                raise
            except Exception as e:  # a stage's bug on one article must not stop the rest
                failed[i] = _failure(stage.name, e)
    return failed


def as_result(article: Article, failure: Failure | None) -> Article | StageError:
    if failure is None:
        return article
    stage, kind, detail, internal = failure
    return StageError(article, stage=stage, detail=detail, kind=kind, internal=internal)
