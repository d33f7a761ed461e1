"""Stage 7, events: PLOVER-typed events with actors, date, place, occasion, status."""

from __future__ import annotations

from typing import Any

from ..model import Article


def extract(article: Article, *, kb: Any = None) -> None:
    """Fill `article.events`."""
    article.events = []
