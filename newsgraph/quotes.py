"""Stage 6, quotes: direct and indirect quotes with their speaker and cue."""

from __future__ import annotations

from typing import Any

from .model import Article


def extract(article: Article, *, kb: Any = None) -> None:
    """Fill `article.quotes`."""
    article.quotes = []
