"""Stage 5, actors: resolve every mention to one canonical actor (or a place).

`resolver.py` walks the article in text order (entities, titled names, role phrases,
pronouns); `context.py` reads the words around a mention, `roles.py` the titles and
sectors, `coref.py` keeps the salient people, `local.py` makes ids for people the KB
lacks; `sectors.py` holds the
PLOVER sector conventions and `pairs.py` the pair groups ("they", "the two presidents":
`group_members(actor, article)` gives the two people back); `anaphora.py` resolves
"the organization" to the organization just named.
"""

from __future__ import annotations

from ..kb import KnowledgeBase
from ..model import Actor, Article


def resolve(article: Article, *, kb: KnowledgeBase) -> None:
    """Fill `article.mentions` (sorted by start offset)."""
    from .anaphora import resolve_descriptions
    from .resolver import resolve_article

    article.mentions = resolve_descriptions(article, resolve_article(article, kb=kb))


def group_members(actor: Actor, article: Article) -> list[Actor]:
    """The people a pair group ("the two presidents") stands for; [actor] otherwise."""
    from .pairs import members

    return members(actor, article)


__all__ = ["group_members", "resolve"]
