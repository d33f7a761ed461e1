"""Boilerplate removal from HTML: our HTML reader and cleaner against the ground truth
of the article-extraction benchmark (scrapinghub), scored as its evaluate.py does:
4-gram shingles of \\w+ tokens, each page's TP/FP/FN normalized to sum 1, then summed.

All 91 pages of ../shared/bench/article_extraction (the dev half) are scored: ~1 min.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

NAME = "article_extraction"
# Measured on the 91 pages: f1 0.955, precision 0.956, recall 0.954 (trafilatura
# alone: 0.965 / 0.943 / 0.988); floors a little below.
FLOORS = {"f1": 0.945, "precision": 0.945, "recall": 0.945}

_TOKEN = re.compile(r"\w+", re.UNICODE)
NGRAM = 4


def _shingles(text: str) -> Counter[str]:
    tokens = _TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + NGRAM]) for i in range(max(1, len(tokens) - NGRAM + 1))
                   if tokens[i:i + NGRAM])


def score(true: str, pred: str) -> tuple[float, float, float]:
    """Normalized (tp, fp, fn) of one page."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() | p.keys())
    fp = sum(max(0, p[k] - t[k]) for k in p)
    fn = sum(max(0, t[k] - p[k]) for k in t)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def extract(html: str, *, url: str | None) -> str:
    """The cleaned body our reader and cleaner give for one page ("" when none)."""
    from newsgraph.clean import clean
    from newsgraph.errors import ReadError
    from newsgraph.read import MAX_BYTES
    from newsgraph.read.html import article_from_html

    try:
        article = article_from_html(html, source=url or "<html>", url=url, max_bytes=MAX_BYTES)
    except ReadError:
        return ""
    clean(article)
    return article.text


def run(shared: Path, *, pipeline: Any = None, raw: bool = False) -> dict[str, float | int | str]:
    root = shared / "bench" / "article_extraction"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    sums = [0.0, 0.0, 0.0]
    exact = 0
    for key, item in sorted(truth.items()):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()).decode(
            "utf-8", errors="replace")
        if raw:
            from newsgraph.read.html import article_from_html
            try:
                pred = article_from_html(html, source=key, url=item.get("url"),
                                         max_bytes=10**8).raw
            except Exception:  # noqa: BLE001 - a baseline run only
                pred = ""
        else:
            pred = extract(html, url=item.get("url"))
        tp, fp, fn = score(item.get("articleBody", ""), pred)
        sums = [sums[0] + tp, sums[1] + fp, sums[2] + fn]
        exact += tp + fp + fn > 0 and tp / (tp + fp + fn) > 0.99  # type: ignore[operator]
    tp, fp, fn = sums
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "accuracy": round(exact / len(truth), 4), "pages": len(truth)}
