"""`Pipeline.process_many(jobs>1)`: the stages in a pool of worker processes.

Each worker loads the spaCy model and the KB once (its initializer) and runs the stages
over a batch of articles at a time; batches go out a few per worker ahead and come back
in input order. An article comes back without its `doc` (nothing after the stages needs
it, and a Doc is large to send); a stage error comes back as that article's
`StageError`. Workers ignore Ctrl-C: the parent stops them when it is interrupted,
and they exit by themselves when the parent dies of anything, SIGKILL included
(newsgraph/orphans.py).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .batching import BATCH_SIZE, batches
from .errors import NewsgraphError
from .model import Article
from .orphans import watch_parent
from .stages import (
    STAGES,
    Context,
    Failure,
    Options,
    Stage,
    StageError,
    as_result,
    load_kb,
    load_nlp,
    run_stages,
)

# Batches queued per worker beyond the one it runs: enough that a worker never waits
# for the parent, few enough that read-ahead (and memory) stays small.
AHEAD_PER_WORKER = 2
# Seconds a stopped worker gets to exit before the parent moves on.
STOP_TIMEOUT_S = 5


class WorkerError(NewsgraphError):
    """A worker process could not start (model, KB) or died (out of memory, killed)."""


_ctx: Context | None = None
_stages: Sequence[Stage] = STAGES
_init_error: str | None = None


def _init_worker(options: Options, stages: Sequence[Stage], parent_pid: int | None = None,
                 death_signal: bool = False) -> None:
    """Once per worker: the model and the KB load here and serve all its batches; the
    worker exits by itself when its parent dies."""
    global _ctx, _stages, _init_error
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if parent_pid is not None:
        watch_parent(parent_pid, death_signal=death_signal)
    _stages = stages
    try:
        kb = load_kb(options)
        _ctx = Context(nlp=load_nlp(options, kb), kb=kb, options=options)
    except Exception as e:  # noqa: BLE001 - reported by the first batch, in the parent
        _init_error = str(e) if isinstance(e, NewsgraphError) else f"{type(e).__name__}: {e}"


def _run(batch: list[Article], start: int, batch_size: int
         ) -> list[tuple[Article, Failure | None]]:
    if _ctx is None:
        raise WorkerError(f"a worker could not load the model or the KB: {_init_error}")
    failed = run_stages(batch, ctx=_ctx, start=start, batch_size=batch_size, stages=_stages)
    for article in batch:
        article.doc = None
    return list(zip(batch, failed, strict=True))


def _context() -> Any:
    # never fork: the parent may hold threads, a SQLite connection, a loaded model.
    # spawn, not forkserver: workers are this process's children, so their memory
    # shows in RUSAGE_CHILDREN, and no server process outlives the run.
    return multiprocessing.get_context("spawn")


def process_many(articles: Iterable[Article], *, options: Options, jobs: int,
                 batch_size: int = BATCH_SIZE, start: int = 0,
                 stages: Sequence[Stage] = STAGES) -> Iterator[Article | StageError]:
    # PR_SET_PDEATHSIG fires when the thread that started a worker ends: ask for it
    # only when that thread is the main one (it lives as long as the process)
    main = threading.current_thread() is threading.main_thread()
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                                   initializer=_init_worker,
                                   initargs=(options, list(stages), os.getpid(), main))
    pending: deque[Future[list[tuple[Article, Failure | None]]]] = deque()
    finished = False
    try:
        for batch in batches(articles, batch_size):
            pending.append(executor.submit(_run, batch, start, batch_size))
            while len(pending) > jobs * AHEAD_PER_WORKER:
                yield from _results(pending.popleft())
        while pending:
            yield from _results(pending.popleft())
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:  # interrupted, an error, or the caller stopped early
            _stop(executor, pending)


def _results(future: Future[list[tuple[Article, Failure | None]]]
             ) -> Iterator[Article | StageError]:
    try:
        done = future.result()
    except BrokenProcessPool as e:
        raise WorkerError("a worker process died (out of memory? killed? a script calling "
                          f"this without `if __name__ == '__main__'`?): {e}") from e
    for article, failure in done:
        yield as_result(article, failure)


def _stop(executor: ProcessPoolExecutor, pending: deque[Future[Any]]) -> None:
    for future in pending:
        future.cancel()
    # ProcessPoolExecutor has no public way to end busy workers before Python 3.14
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(STOP_TIMEOUT_S)
