"""Speed and memory of `extract` (the whole per-article pipeline, no store) over real
scraped articles: ../shared/corpus/allsides_ir/articles.jsonl.

Figures: articles/s and words/s after the model and KB are loaded, three ways: one
article at a time (`process`), batched in this process (`process_many(jobs=1)`, parse
through `nlp.pipe`), and two worker processes (`process_many(jobs=2)`, workers' model
and KB load included, as `extract --jobs 2` pays it); model and KB load time; peak
resident memory of this process (ru_maxrss) and of the largest worker (VmHWM); how many
records of the batched and parallel runs differ from one-at-a-time (see `run`).
"""

from __future__ import annotations

import json
import resource
import time
from itertools import islice
from pathlib import Path
from typing import Any

NAME = "speed"
FLOORS: dict[str, float] = {}  # speed is reported, not gated: CI machines vary
SAMPLE = 200  # articles; ~1 minute per mode on one core of the CI machine class
WORKERS = 2  # the CI machine class has 2 cores


def _articles(rows: list[dict[str, Any]]) -> list[Any]:
    from newsgraph.model import Article

    return [Article(source=row.get("url", ""), raw=row["text"], title=row.get("title"),
                    outlet=row.get("outlet"), published=row.get("published"),
                    published_basis="metadata", user_published=True) for row in rows]


def _workers_peak_mb() -> float:
    """The largest peak RSS (VmHWM) among this process's live children. Not
    RUSAGE_CHILDREN: Linux carries the parent's peak into a spawned child's ru_maxrss."""
    peak = 0.0
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:  # it has just exited
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]) / 1024)
    return peak


def _timed(results: Any, *, watch: bool = False) -> tuple[float, int, list[str], float]:
    """Seconds to drain `results`, words, the records serialized as `extract` does, and
    (`watch`) the workers' peak RSS in MB, read after each article."""
    from newsgraph.pipeline import StageError

    words, records, peak = 0, [], 0.0
    t0 = time.perf_counter()
    for article in results:
        if isinstance(article, StageError):
            raise article
        records.append(json.dumps(article.to_record()))
        words += len(article.text.split())
        if watch:
            peak = max(peak, _workers_peak_mb())
    return time.perf_counter() - t0, words, records, peak


def run(shared: Path, *, pipeline: Any) -> dict[str, float | int | str]:
    t0 = time.perf_counter()
    pipeline.context()  # load the model and the KB
    load_s = time.perf_counter() - t0
    path = shared / "corpus" / "allsides_ir" / "articles.jsonl"
    rows = [json.loads(line) for line in islice(path.open(encoding="utf-8"), SAMPLE)]
    n = len(rows)
    seq_s, words, seq, _ = _timed(pipeline.process(a) for a in _articles(rows))
    batched_s, _, batched, _ = _timed(pipeline.process_many(_articles(rows), jobs=1))
    parallel_s, _, parallel, worker_mb = _timed(
        pipeline.process_many(_articles(rows), jobs=WORKERS), watch=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": n, "articles_per_s": round(n / seq_s, 2),
            "words_per_s": round(words / seq_s),
            "batched_articles_per_s": round(n / batched_s, 2),
            f"jobs{WORKERS}_articles_per_s": round(n / parallel_s, 2),
            f"jobs{WORKERS}_words_per_s": round(words / parallel_s),
            # records that differ from one-at-a-time `process` (must be 0)
            "differing_records": sum(a != b for a, b in zip(seq, batched, strict=True))
            + sum(a != b for a, b in zip(seq, parallel, strict=True)),
            "load_s": round(load_s, 2), "peak_rss_mb": round(peak_mb),
            "worker_peak_rss_mb": round(worker_mb)}
