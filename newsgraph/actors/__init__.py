"""Stage 5, actors: resolve every mention to one canonical actor (or a place)."""

from __future__ import annotations

from typing import Any

from ..model import Article


def resolve(article: Article, *, kb: Any) -> None:
    """Fill `article.mentions`."""
    article.mentions = []
