"""Speed and memory of `extract` (the whole per-article pipeline, no store) over real
scraped articles: ../shared/corpus/allsides_ir/articles.jsonl.

Figures: articles/s and words/s on one core after the model and KB are loaded, model
and KB load time, peak resident memory of the process (ru_maxrss).
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
SAMPLE = 200  # articles; ~1 minute on one core of the CI machine class


def run(shared: Path, *, pipeline: Any) -> dict[str, float | int | str]:
    from newsgraph.model import Article

    t0 = time.perf_counter()
    pipeline.context()  # load the model and the KB
    load_s = time.perf_counter() - t0
    path = shared / "corpus" / "allsides_ir" / "articles.jsonl"
    rows = [json.loads(line) for line in islice(path.open(encoding="utf-8"), SAMPLE)]
    words = 0
    t0 = time.perf_counter()
    for row in rows:
        article = Article(source=row.get("url", ""), raw=row["text"], title=row.get("title"),
                          outlet=row.get("outlet"), published=row.get("published"),
                          published_basis="metadata", user_published=True)
        record = pipeline.process(article).to_record()
        json.dumps(record)
        words += len(article.text.split())
    secs = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": len(rows), "articles_per_s": round(len(rows) / secs, 2),
            "words_per_s": round(words / secs), "load_s": round(load_s, 2),
            "peak_rss_mb": round(peak_mb)}
