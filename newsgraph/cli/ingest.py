"""`newsgraph ingest` and `newsgraph extract`: read, run the pipeline, store or print."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections import deque
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any

import click

from .. import settings
from ..errors import (
    NewsgraphError,
    ReadError,
    StoreFatalError,
    UsageError,
    excerpt,
    safe,
)
from ..model import Article
from ..store.connect import store_error
from .output import to_json

MAX_OUTLET_CHARS = 200
MAX_JOBS_PER_CORE = 4
# Stored articles per transaction (see _Batched): a COMMIT cost ~4 ms an article when
# each article had its own; a batch commits at least every BATCH_SECONDS.
BATCH_ARTICLES = 200
BATCH_SECONDS = 2.0


@dataclass
class Tally:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    quotes: int = 0
    duplicates: int = 0

    def line(self) -> str:
        text = (f"added {self.added}, skipped (already stored) {self.skipped}, "
                f"failed {self.failed}, events {self.events}, quotes {self.quotes}")
        return text + (f" ({self.duplicates} near-duplicate articles linked)"
                       if self.duplicates else "")


def _say_error(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"error: {safe(message)}", file=sys.stderr)


def _say_warnings(article: Article) -> None:
    from tqdm import tqdm

    for warning in article.warnings:
        tqdm.write(f"warning: {safe(article.source)}: {safe(warning)}", file=sys.stderr)


def _check_options(paths: tuple[str, ...], published: str | None,
                   outlet: str | None, jobs: int | None) -> None:
    """Every bad option stops the run here, before the store is opened or anything
    is read (raises UsageError naming the option)."""
    from .. import limits
    from ..pipeline import jobs_from
    from ..read import check_paths, parse_user_date

    limits.check_all()
    check_paths(paths)
    most = MAX_JOBS_PER_CORE * jobs_from(0)
    jobs = settings.get("jobs", jobs)
    if jobs > most:
        raise UsageError("--jobs", f"{jobs} workers is more than {most} ({MAX_JOBS_PER_CORE} "
                                   "per core; each loads its own model)")
    if published is not None:
        parse_user_date(published, param="--published")
    if outlet is not None and (not outlet.strip() or safe(outlet) != outlet
                               or len(outlet) > MAX_OUTLET_CHARS):
        raise UsageError("--outlet", f"not an outlet name: {excerpt(outlet)} (1 to "
                                     f"{MAX_OUTLET_CHARS} characters, no control "
                                     "characters)")


def _articles(paths: tuple[str, ...], *, published: str | None,
              outlet: str | None) -> Iterator[Article | ReadError]:
    from ..read import iter_articles

    stdin = sys.stdin.buffer if "-" in paths else None
    yield from iter_articles(list(paths), published=published, outlet=outlet, stdin=stdin)


def _progress(items: Iterator[Any]) -> Any:
    from tqdm import tqdm

    # disable=None: a bar on a terminal, silence when stderr is a file or a pipe
    return tqdm(items, unit=" articles", file=sys.stderr, disable=None, dynamic_ncols=True)


@dataclass
class _Settled:
    """An input decided in the parent before the expensive stages (unreadable, failed
    to clean, already stored): reported in its place among the processed articles."""

    error: str | None = None  # None: already stored


# One note for every stored article: a run over a corpus already stored holds one per
# input until the next new article comes back, so each must cost no more than a slot.
_STORED = _Settled()


def _prepared(items: Iterator[Article | ReadError], *,
              store: Any = None) -> Iterator[Article | _Settled]:
    """With a store: clean each article here and settle the stored ones before any
    worker parses them."""
    from ..clean import clean
    from ..pipeline import StageError

    for item in items:
        if isinstance(item, ReadError):
            yield _Settled(str(item))
            continue
        _say_warnings(item)
        if store is None:
            yield item
            continue
        try:
            clean(item)
            stored = store.has(item.doc_id)
        except (KeyboardInterrupt, MemoryError, StoreFatalError):
            raise
        except sqlite3.Error as e:  # the store, not the article: the run stops
            raise store_error(store.path, e) from e
        except Exception as e:  # a bug on one article must not stop a long run
            internal = not isinstance(e, NewsgraphError)
            yield _Settled(str(StageError(item, stage="clean", detail=str(e),
                                          kind=type(e).__name__, internal=internal)))
            continue
        yield _STORED if stored else item


def _outcomes(pipeline: Any, items: Iterator[Article | _Settled], *, jobs: int,
              cleaned: bool) -> Iterator[Any]:
    """Every input's outcome in input order: a processed Article, a StageError, or the
    _Settled note of an input that never reached the stages."""
    queue: deque[Article | _Settled] = deque()

    def feed() -> Iterator[Article]:
        for item in items:
            queue.append(item)
            if isinstance(item, Article):
                yield item

    with closing(pipeline.process_many(feed(), jobs=jobs,
                                       after="clean" if cleaned else None)) as results:
        for result in results:
            while isinstance(queue[0], _Settled):
                yield queue.popleft()
            queue.popleft()
            yield result
    yield from queue


def _inputs(fn: Any) -> Any:
    """The input arguments and options `ingest` and `extract` share."""
    jobs, model, kb = (settings.setting(n) for n in ("jobs", "model", "kb"))
    fn = click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
                      help=f"{jobs.help} Default: ${jobs.env}, else {jobs.default}.")(fn)
    fn = click.option("--model", type=str, default=None,
                      help=f"{model.help} Default: ${model.env}, else "
                      f"{model.default_text()}.")(fn)
    fn = click.option("--kb", "kb_files", multiple=True, type=click.Path(dir_okay=False),
                      help="A user knowledge-base file (YAML or CSV) over the bundled KB; "
                      f"repeatable; after those of ${kb.env}.")(fn)
    fn = click.option("--outlet", help="Outlet name of every input.")(fn)
    fn = click.option("--published", help="Publication date (YYYY-MM-DD) of every input; "
                      "wins over dates found in the text.")(fn)
    return click.argument("paths", nargs=-1, required=True)(fn)


def _pipeline(model: str | None, kb_files: tuple[str, ...]) -> Any:
    """The pipeline for --model and --kb; a bad value of either stops here, before any
    input is read or the store is touched."""
    from .. import nlp
    from ..pipeline import Options, Pipeline

    nlp.check(settings.get("model", model))
    pipeline = Pipeline(options=Options(model=model, kb_overrides=list(kb_files)))
    pipeline.kb  # noqa: B018 - loads (and checks) the KB files now
    return pipeline


@click.command()
@_inputs
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], published: str | None,
           outlet: str | None, kb_files: tuple[str, ...], model: str | None,
           jobs: int | None) -> None:
    """Read PATHS (files, folders, - for stdin), extract, and add to the store."""
    from .. import store as store_mod
    from ..pipeline import StageError, jobs_from

    _check_options(paths, published, outlet, jobs)
    pipeline = _pipeline(model, kb_files)
    tally = Tally()
    with store_mod.open(ctx.obj["db"], kb=pipeline.kb) as store:
        items = _prepared(_articles(paths, published=published, outlet=outlet), store=store)
        outcomes = _outcomes(pipeline, items, jobs=jobs_from(settings.get("jobs", jobs)),
                         cleaned=True)
        try:
            with closing(outcomes), _Batched(store, tally) as batched:
                for item in _progress(outcomes):
                    if isinstance(item, _Settled | StageError):
                        _count_settled(item, tally)
                        continue
                    try:
                        result = store.ingest(item)
                    except StoreFatalError:
                        click.echo(f"stopped: {tally.line()}", err=True)
                        raise
                    except NewsgraphError as e:
                        _say_error(f"{item.source}: {e}")
                        tally.failed += 1
                        continue
                    batched.stored(result)
        except KeyboardInterrupt:
            click.echo(f"\ninterrupted: {tally.line()}; nothing half-written, run again "
                       "to go on", err=True)
            sys.exit(130)
    click.echo(tally.line(), err=True)
    ctx.exit(1 if tally.failed else 0)


class _Batched:
    """Batched store writes: stored articles commit together, every BATCH_ARTICLES or
    BATCH_SECONDS, whichever comes first; the tally counts what is committed (Ctrl-C
    rolls back the open batch, which the next run stores again)."""

    def __init__(self, store: Any, tally: Tally) -> None:
        self.store, self.tally = store, tally
        self.pending = Tally()
        self.count, self.since = 0, 0.0
        self._batch: Any = None

    def __enter__(self) -> _Batched:
        self._open()
        return self

    def _open(self) -> None:
        self._batch = self.store.batch()
        self._batch.__enter__()
        self.count, self.since = 0, time.monotonic()

    def _commit(self) -> None:
        self._batch.__exit__(None, None, None)
        self._batch = None
        t, p = self.tally, self.pending
        t.added, t.skipped, t.events = t.added + p.added, t.skipped + p.skipped, t.events + p.events
        t.quotes, t.duplicates = t.quotes + p.quotes, t.duplicates + p.duplicates
        self.pending = Tally()

    def stored(self, result: Any) -> None:
        p = self.pending
        if result.status == "skipped":
            p.skipped += 1
        else:
            p.added += 1
            p.events += result.events
            p.quotes += result.quotes
            p.duplicates += result.duplicate_of is not None
        self.count += 1
        if self.count >= BATCH_ARTICLES or time.monotonic() - self.since >= BATCH_SECONDS:
            self._commit()
            self._open()

    def __exit__(self, kind: Any, value: Any, tb: Any) -> None:
        if self._batch is None:
            return
        if kind is None:
            self._commit()
        else:
            self._batch.__exit__(kind, value, tb)  # rolled back
            self._batch = None


def _count_settled(item: Any, tally: Tally) -> None:
    if isinstance(item, _Settled) and item.error is None:
        tally.skipped += 1
        return
    _say_error(item.error if isinstance(item, _Settled) else str(item))
    tally.failed += 1


@click.command()
@_inputs
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], published: str | None,
             outlet: str | None, kb_files: tuple[str, ...], model: str | None,
             jobs: int | None) -> None:
    """Print one JSON record per article (no store), one per line."""
    from ..pipeline import StageError, jobs_from

    _check_options(paths, published, outlet, jobs)
    pipeline = _pipeline(model, kb_files)
    tally = Tally()
    items = _prepared(_articles(paths, published=published, outlet=outlet))
    outcomes = _outcomes(pipeline, items, jobs=jobs_from(settings.get("jobs", jobs)),
                         cleaned=False)
    with closing(outcomes):
        for item in _progress(outcomes):
            if isinstance(item, _Settled | StageError):
                _count_settled(item, tally)
                continue
            click.echo(to_json(item.to_record(), indent=None))
    ctx.exit(1 if tally.failed else 0)
