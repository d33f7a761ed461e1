"""Stage 5, actors: resolve every mention to one canonical actor (or a place).

`resolver.py` walks the article in text order (entities, titled names, role phrases,
pronouns); `context.py` reads the words around a mention, `roles.py` the titles and
sectors, `coref.py` keeps the salient people, `local.py` makes ids for people the KB
lacks and `kbview.py` puts the KB behind one memoized view.
"""

from __future__ import annotations

from typing import Any

from ..model import Article


def resolve(article: Article, *, kb: Any) -> None:
    """Fill `article.mentions` (sorted by start offset)."""
    from .resolver import resolve_article

    article.mentions = resolve_article(article, kb=kb)


__all__ = ["resolve"]
