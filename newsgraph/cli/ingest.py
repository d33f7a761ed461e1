"""`newsgraph ingest` and `newsgraph extract`: read, run the pipeline, store or print."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import click

from ..errors import NewsgraphError, ReadError
from ..model import Article


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

    tqdm.write(f"error: {message}", file=sys.stderr)


def _articles(paths: tuple[str, ...], *, published: str | None,
              outlet: str | None) -> Iterator[Article | ReadError]:
    from ..read import iter_articles

    stdin = sys.stdin.buffer if "-" in paths else None
    yield from iter_articles(list(paths), published=published, outlet=outlet, stdin=stdin)


def _progress(items: Iterator[Any]) -> Any:
    from tqdm import tqdm

    # disable=None: a bar on a terminal, silence when stderr is a file or a pipe
    return tqdm(items, unit=" articles", file=sys.stderr, disable=None, dynamic_ncols=True)


class _Runner:
    """Runs the pipeline stages over an article; the model loads on first use."""

    def __init__(self) -> None:
        from ..pipeline import Pipeline

        self.pipeline = Pipeline()
        self._ctx: Any = None

    def stages(self, article: Article, *, only: str | None = None,
               after: str | None = None) -> None:
        from ..pipeline import STAGES

        if self._ctx is None:
            self._ctx = self.pipeline.context()
        started = after is None
        for name, stage in STAGES:
            if started:
                stage(article, ctx=self._ctx)
            if name == after:
                started = True
            if name == only:
                break


def _process(runner: _Runner, article: Article, tally: Tally, *, store: Any = None) -> bool:
    try:
        runner.stages(article, only="clean")
        if store is not None and store.has(article.doc_id):
            tally.skipped += 1
            return False
        runner.stages(article, after="clean")
        return True
    except NewsgraphError as e:
        _say_error(f"{article.source}: {e}")
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as e:  # a stage's bug on one article must not stop a long run
        _say_error(f"{article.source}: internal error ({type(e).__name__}: {e})")
    tally.failed += 1
    return False


def _inputs(fn: Any) -> Any:
    """The input arguments `ingest` and `extract` share."""
    fn = click.option("--outlet", help="Outlet name of every input.")(fn)
    fn = click.option("--published", help="Publication date (YYYY-MM-DD) of every input; "
                      "wins over dates found in the text.")(fn)
    return click.argument("paths", nargs=-1, required=True)(fn)


@click.command()
@_inputs
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], published: str | None,
           outlet: str | None) -> None:
    """Read PATHS (files, folders, - for stdin), extract, and add to the store."""
    from .. import store as store_mod

    runner = _Runner()
    tally = Tally()
    with store_mod.open(ctx.obj["db"]) as store:
        try:
            store.kb = runner.pipeline.kb
        except Exception as e:  # every article will say why; the store works without
            _say_error(f"knowledge base: {e}")
        try:
            for item in _progress(_articles(paths, published=published, outlet=outlet)):
                if isinstance(item, ReadError):
                    _say_error(str(item))
                    tally.failed += 1
                    continue
                if not _process(runner, item, tally, store=store):
                    continue
                try:
                    result = store.ingest(item)
                except NewsgraphError as e:
                    _say_error(f"{item.source}: {e}")
                    tally.failed += 1
                    continue
                if result.status == "skipped":
                    tally.skipped += 1
                    continue
                tally.added += 1
                tally.events += result.events
                tally.quotes += result.quotes
                tally.duplicates += result.duplicate_of is not None
        except KeyboardInterrupt:
            click.echo(f"\ninterrupted: {tally.line()}; nothing half-written, run again "
                       "to go on", err=True)
            sys.exit(130)
    click.echo(tally.line(), err=True)
    ctx.exit(1 if tally.failed else 0)


@click.command()
@_inputs
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], published: str | None,
            outlet: str | None) -> None:
    """Print one JSON record per article (no store), one per line."""
    runner = _Runner()
    tally = Tally()
    for item in _progress(_articles(paths, published=published, outlet=outlet)):
        if isinstance(item, ReadError):
            _say_error(str(item))
            tally.failed += 1
            continue
        if _process(runner, item, tally):
            click.echo(json.dumps(item.to_record(), ensure_ascii=False))
    ctx.exit(1 if tally.failed else 0)
