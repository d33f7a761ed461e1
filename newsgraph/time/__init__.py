"""Stage 4, time: tag and normalize date expressions; infer the article's date."""

from __future__ import annotations

from typing import Any

from ..model import Article


def resolve(article: Article, *, kb: Any) -> None:
    """Fill `article.timexes`; set `article.published` (basis "inferred") or
    `article.date_interval` when the article has no date of its own."""
    article.timexes = []
